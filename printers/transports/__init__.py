"""Transports: how bytes reach a printer, chosen by URI.

    tcp://10.0.0.5:9100            raw TCP (port 9100 if none is given)
    serial:///dev/ttyUSB0?baud=9600&rtscts=1
    file:///dev/usb/lp0            a device file (or any writable file)
    cups://Zebra_ZD421?raw=1       a CUPS queue, through the lp command
    dir:///var/spool/labels?ext=zpl  one file per job, atomically, named after the job id
    dummy://?fail=drop&status=paper_out   collects bytes; faults for tests and demos

Every URI may carry ?timeout=SECONDS. A ZPL printer on TCP or serial is asked ~HS before each
job (printers.readiness); ?hs=off leaves out that question for a ZPL printer that never answers.
`transport_for(uri)` makes the transport (it connects on open()); `open_transport(uri)` also
opens it, for use in a `with` block. Schemes whose support needs an optional library import it
only when such a printer is used.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, unquote, urlsplit

from printers.errors import BadPrinterUri
from printers.reasons import reason
from printers.transports.base import DEFAULT_TIMEOUT, Transport

Factory = Callable[[str, str, str, dict[str, str], float], Transport]  # uri, netloc, path, query, timeout


def _tcp(uri: str, netloc: str, path: str, q: dict[str, str], timeout: float) -> Transport:
    from printers.transports.tcp import TcpTransport

    parts = urlsplit(uri)
    if not parts.hostname:
        raise BadPrinterUri(reason("uri_tcp_host", uri=uri))
    try:
        port = parts.port or 9100
    except ValueError as exc:
        raise BadPrinterUri(reason("uri_tcp_port", uri=uri)) from exc
    return TcpTransport(uri, parts.hostname, port, timeout)


def _serial(uri: str, netloc: str, path: str, q: dict[str, str], timeout: float) -> Transport:
    from printers.transports.serial import SerialTransport

    device = unquote(netloc + path)
    if not device:
        raise BadPrinterUri(reason("uri_serial_port", uri=uri))
    try:
        baud = int(q.get("baud", q.get("baudrate", "9600")))
    except ValueError as exc:
        raise BadPrinterUri(reason("uri_baud", uri=uri)) from exc
    return SerialTransport(uri, device, baud, timeout, rtscts=_flag(q, "rtscts"), xonxoff=_flag(q, "xonxoff"))


def _file(uri: str, netloc: str, path: str, q: dict[str, str], timeout: float) -> Transport:
    from printers.transports.file import FileTransport

    if not path:
        raise BadPrinterUri(reason("uri_file_path", uri=uri))
    return FileTransport(uri, unquote(path), timeout)


def _cups(uri: str, netloc: str, path: str, q: dict[str, str], timeout: float) -> Transport:
    from printers.transports.cups import CupsTransport

    queue = unquote(netloc or path.strip("/"))
    if not queue:
        raise BadPrinterUri(reason("uri_cups_queue", uri=uri))
    raw = _flag(q, "raw") if "raw" in q else None
    return CupsTransport(uri, queue, raw, timeout, q.get("lp", "lp"), q.get("lpstat", "lpstat"))


def _dir(uri: str, netloc: str, path: str, q: dict[str, str], timeout: float) -> Transport:
    from printers.transports.spool import SpoolDirTransport

    directory = unquote(netloc + path)
    if not directory:
        raise BadPrinterUri(reason("uri_dir_path", uri=uri))
    return SpoolDirTransport(uri, directory, q.get("ext", ""), timeout)


def _dummy(uri: str, netloc: str, path: str, q: dict[str, str], timeout: float) -> Transport:
    from printers.transports.dummy import FAULTS, DummyTransport

    fail = q.get("fail", "")
    if fail not in FAULTS:
        raise BadPrinterUri(reason("uri_fail", uri=uri, faults=", ".join(f for f in FAULTS if f)))
    return DummyTransport(uri, fail, q.get("status", ""), timeout)


_SCHEMES: dict[str, Factory] = {
    "tcp": _tcp, "serial": _serial, "file": _file, "cups": _cups, "dir": _dir, "dummy": _dummy,
}


def register_transport(scheme: str, factory: Factory) -> None:
    """Add a scheme (a USB backend, a vendor SDK) without touching this module."""
    _SCHEMES[scheme.lower()] = factory


def transport_for(uri: str, timeout: float | None = None) -> Transport:
    """The transport a printer URI names, not yet connected."""
    if not uri or "://" not in uri:
        raise BadPrinterUri(reason("uri_not_an_address", uri=repr(uri)))
    parts = urlsplit(uri)
    factory = _SCHEMES.get(parts.scheme.lower())
    if factory is None:
        raise BadPrinterUri(reason("uri_unknown_type", uri=uri, scheme=repr(parts.scheme),
                                   known=", ".join(sorted(_SCHEMES))))
    query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    if timeout is None:
        try:
            timeout = float(query.get("timeout", DEFAULT_TIMEOUT))
        except ValueError as exc:
            raise BadPrinterUri(reason("uri_timeout_number", uri=uri)) from exc
    if timeout <= 0:
        raise BadPrinterUri(reason("uri_timeout_positive", uri=uri))
    transport = factory(uri, parts.netloc, parts.path, query, timeout)
    if "hs" in query:
        transport.asks_status = transport.supports_status and _flag(query, "hs")
    return transport


def open_transport(uri: str, timeout: float | None = None) -> Transport:
    """The transport for `uri`, opened: `with open_transport(uri) as printer: printer.write(zpl)`."""
    transport = transport_for(uri, timeout)
    transport.open()
    return transport


def send(uri: str, data: bytes, job_id: str | None = None, timeout: float | None = None) -> None:
    """Deliver one job to the printer at `uri` (open, write, close)."""
    transport_for(uri, timeout).send(data, job_id)


def _flag(query: dict[str, str], key: str) -> bool:
    return query.get(key, "").lower() in ("1", "true", "yes", "on")


__all__ = ["Transport", "transport_for", "open_transport", "send", "register_transport"]
