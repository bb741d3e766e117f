"""Why a printer failed, by code: the English words stay what they were, a screen words the code.

A printer error's message is written for the packer and shown as it is by the command line and
the logs. A screen in another language needs the code and the values instead: so a message made
here is a `Reason`, a str (the English, unchanged) that also carries its `code`, its English
`template` (the key of the translation catalogue, context "Reasons") and its `values`. An exception
raised with a Reason keeps it as its first argument (`exc.args[0]`; `str(exc)` is the plain
English), and `reason_of(exc)` gives it back, or the English when the error has no code.

Values may be Reasons themselves (the printer's name: "Label printer at 10.0.0.5:9100"), worded too.
Hand-written: a str with a code is all it takes, and no library carries codes through exceptions.
"""

from __future__ import annotations

import re
import string
from functools import cache
from typing import Any

# code -> the English template. The English of every printer message, by what went wrong.
REASONS: dict[str, str] = {
    # a printer address that cannot be used (printers.transports.transport_for)
    "uri_tcp_host": "{uri}: a TCP printer needs a host, like tcp://10.0.0.5:9100",
    "uri_tcp_port": "{uri}: the port must be a number, like tcp://10.0.0.5:9100",
    "uri_serial_port": "{uri}: a serial printer needs a port, like serial:///dev/ttyUSB0?baud=9600",
    "uri_baud": "{uri}: baud must be a number like 9600",
    "uri_file_path": "{uri}: a file printer needs a path, like file:///dev/usb/lp0",
    "uri_cups_queue": "{uri}: a CUPS printer needs a queue name, like cups://Zebra_ZD421",
    "uri_dir_path": "{uri}: a spool folder needs a path, like dir:///var/spool/labels",
    "uri_fail": "{uri}: fail must be one of {faults}",
    "uri_not_an_address": "{uri} is not a printer address; use e.g. tcp://10.0.0.5:9100, "
                          "serial:///dev/ttyUSB0?baud=9600 or cups://QueueName",
    "uri_unknown_type": "{uri}: unknown printer type {scheme} (known: {known})",
    "uri_timeout_number": "{uri}: timeout must be a number of seconds",
    "uri_timeout_positive": "{uri}: timeout must be more than 0 seconds",
    # what a printer is called
    "label_printer": "Label printer",
    "tcp_printer": "Label printer at {host}:{port}",
    "serial_printer": "Label printer on {port}",
    "file_printer": "Printer {path}",
    "cups_printer": "Printer queue {queue}",
    "spool_folder": "Spool folder {path}",
    "printer_at": "Printer at {uri}",
    # reaching it
    "name_unknown": "{printer}: the name {host} is unknown on this network — check the printer address in the "
                    "station settings",
    "not_answering": "{printer} is not answering — check it is on and connected",
    "stopped_taking_data": "{printer} stopped taking data",
    "stopped_taking_data_jam": "{printer} stopped taking data — check for a jam or a blinking light, then reprint",
    "stopped_taking_data_paused": "{printer} stopped taking data — check it is on and not paused",
    "stopped_taking_data_labels": "{printer} stopped taking data — check it is on and has labels",
    "dropped": "{printer} dropped the connection",
    "dropped_while_printing": "{printer} dropped the connection while printing",
    "dropped_while_printing_check": "{printer} dropped the connection while printing — check the label and "
                                    "reprint it if it is incomplete",
    "cannot_open_serial": "{printer} cannot be opened — check the cable and that the printer is on",
    "disconnected": "{printer} was disconnected",
    "disconnected_while_printing": "{printer} was disconnected while printing — check the cable, then reprint",
    "device_missing": "{printer} is missing — check the USB cable and that the printer is on",
    "no_permission": "{printer}: this station may not use it — ask IT to give the station user access (group lp)",
    "cannot_open": "{printer} cannot be opened ({error})",
    "went_away": "{printer} went away while printing — check the cable, then reprint",
    "system_error": "{printer}: {error}",
    "folder_missing": "{printer} does not exist — check the path in the station settings",
    "cannot_write": "{printer}: cannot write the job ({error})",
    # what the printer says of itself (~HS: printers.status)
    "status_not_answering": "{printer} is not answering status — check it has labels and ribbon, the head is closed, "
                            "and it is on",
    "head_open": "{printer} head is open — close it until it clicks",
    "paper_out": "{printer} is out of labels — load a new roll",
    "ribbon_out": "{printer} ribbon is out — fit a new ribbon",
    "head_too_hot": "{printer} head is too hot — let it cool for a few minutes",
    "settings_lost": "{printer} has lost its settings — ask a supervisor to set it up again",
    "diagnostic_mode": "{printer} is in communications diagnostic mode — switch it off and on again",
    "label_waiting": "{printer} is waiting for its label to be taken — take the label off",
    "paused": "{printer} is paused — press its pause button to continue",
    "busy": "{printer} is busy — wait a moment, it is still working through labels",
    "too_cold": "{printer} is too cold to print well — move it somewhere warmer",
    "ready": "{printer} is ready",
    # CUPS
    "cups_not_installed": "{printer}: the CUPS command '{command}' is not installed on this computer — ask IT to "
                          "install CUPS",
    "cups_no_answer": "{printer} did not answer in time — check that CUPS is running",
    "cups_cannot_run": "{printer}: cannot run '{command}' ({error})",
    "cups_not_accepting": "{printer} is not accepting jobs — ask IT to enable it ({detail})",
    "cups_unknown_queue": "{printer} is unknown to CUPS — check the queue name in the station settings ({detail})",
    "cups_refused": "{printer} refused the job: {detail}",
    "cups_stopped": "{printer} is stopped in CUPS — ask IT to enable it ({detail})",
    "cups_ready": "{printer} is ready ({detail})",
    "cups_down": "{printer}: the computer's print service (CUPS) is not running — ask IT to start it",
    # the print queue (printers.print_queue)
    "stopped_while_sending": "The station stopped while sending it: it may have printed. Resend it if it is missing.",
}
# The codes that name a printer ({printer} of the others).
PRINTER_NAMES = ("label_printer", "tcp_printer", "serial_printer", "file_printer", "cups_printer", "spool_folder",
                 "printer_at")


class Reason(str):
    """English words for a person, with the code and values a screen words them from."""

    context = "Reasons"  # the translation catalogue's context for these templates
    code: str
    template: str
    values: dict[str, Any]

    def __new__(cls, code: str, **values: Any) -> Reason:
        template = REASONS[code]
        text = super().__new__(cls, template.format(**values))
        text.code, text.template, text.values = code, template, values
        return text

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (a process pool, a queue) as a Reason
        return (_rebuild, (self.code, self.values))


def _rebuild(code: str, values: dict[str, Any]) -> Reason:
    return Reason(code, **values)


def reason(code: str, **values: Any) -> Reason:
    return Reason(code, **values)


def reason_of(error: BaseException | str | None) -> str:
    """The coded text an error was raised with (a Reason, or any str that carries its `template`, like
    app.shipping.reasons.CarrierReason), or a message that is one; else its English words."""
    if error is None:
        return ""
    if isinstance(error, str):
        return error
    first = error.args[0] if error.args else None
    coded = isinstance(first, str) and isinstance(getattr(first, "template", None), str)  # a Reason, or the like
    if coded and str(first) == str(error):
        return first  # type: ignore[return-value]
    return str(error)


def reason_from_text(text: str | None) -> str:
    """A message stored as plain English (a print job's last error, read back after a restart) as the
    Reason it was made from, when it reads as one of the templates (its printer's name too); else the
    text as it is. The station stores the English (the CLI and older versions read it so): this gives a
    screen the code and values back. Hand-written: a template's fields become the groups of a regular
    expression, the most specific template (the most fixed words) tried first."""
    if not text or isinstance(getattr(text, "template", None), str):
        return text or ""
    return _parse(text, _patterns()) or text


def _parse(text: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> Reason | None:
    for code, pattern in patterns:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        values: dict[str, Any] = dict(match.groupdict())
        if "printer" in values:
            values["printer"] = _parse(values["printer"], _name_patterns()) or values["printer"]
        reason = Reason(code, **values)
        if reason == text:
            return reason
    return None


def _pattern(template: str) -> re.Pattern[str] | None:
    parts, seen = [], set()
    for literal, name, spec, conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if spec or conversion or name in seen or not name.isidentifier():
            return None  # not read back: the English is kept
        seen.add(name)
        parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.DOTALL)


def _fixed_words(template: str) -> int:
    return sum(len(literal) for literal, *_ in string.Formatter().parse(template))


def _compiled(codes: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    ordered = sorted(codes, key=lambda code: -_fixed_words(REASONS[code]))
    return tuple((code, pattern) for code in ordered if (pattern := _pattern(REASONS[code])) is not None)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return _compiled(tuple(code for code in REASONS if code not in PRINTER_NAMES))


@cache
def _name_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return _compiled(PRINTER_NAMES)
