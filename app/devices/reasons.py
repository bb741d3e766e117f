"""Why a scanner or scale address (a device URI) cannot be used, by code (app.devices.uri.DeviceURIError).

The English is the sentence IT and the command line always read; a screen in another language (the
setup screen's scale field) words the code and values instead. A `DeviceReason` is a str (the English,
unchanged) that carries its `code`, its English `template` (the key of the translation catalogue,
context "DeviceReasons") and its `values`, like printers.reasons.Reason; an exception raised with one
keeps it as `args[0]`, and app.ui.messages.coded_text words it.
Hand-written for the same reason as printers.reasons: a str with a code is all it takes.
"""

from __future__ import annotations

from app.domain.coded_text import CodedText

DEVICE_REASONS: dict[str, str] = {
    "not_a_uri": "{text!r} is not a device URI: use serial:///dev/ttyUSB0, usb://VID:PID or sim://scale",
    "unknown_scheme": "{text}: unknown scheme {scheme!r} (known: {known})",
    "bad_query": "{text}: the part after '?' must be name=value pairs joined by '&'",
    "given_twice": "{text}: parameter {key!r} is given twice",
    "no_port": "{text}: no port, e.g. serial:///dev/ttyUSB0 or serial://COM3",
    "no_port_short": "{text}: no port",
    "sim_what": "{text}: sim:// takes 'scale' or 'scanner', not {what!r}",
    "usb_ids": "{text}: usb:// needs a vendor and product id as 4 hex digits each, e.g. usb://05e0:1200 or "
               "usb://05e0:1200/SERIALNO (see `packstation devices list`)",
    "scanner_not_sim": "{text}: a scanner URI cannot be sim://{target}",
    "scale_not_sim": "{text}: a scale URI cannot be sim://{target}",
    "two_scanners": "two scanners are named {name!r}: give each a different name=",
    # a parameter of the address (Params)
    "one_of": "{text}: {key} must be one of {choices}, not {value!r}",
    "whole_number": "{text}: {key} must be a whole number, not {value!r}",
    "between": "{text}: {key} must be between {minimum} and {maximum}, not {value}",
    "number": "{text}: {key} must be a number, not {value!r}",
    "true_or_false": "{text}: {key} must be true or false, not {value!r}",
    "unknown_parameter": "{text}: {key} is not a known parameter here (known: {known})",
    "unit_problem": "{text}: {key} {problem}",  # app.domain.units' words for a weight unit it does not know
    # opening the port (app.devices.link, app.devices.ports, app.devices.sim): the device cards say it
    "not_found": "{path} not found — is the device plugged in?",
    "no_permission": "no permission to open {path} — add the station's user to the 'dialout' group",
    "in_use": "{path} is in use by another program (is a second station window open?)",
    "cannot_open": "cannot open {path}: {error}",
    "no_usb_device": "{name}: no such USB device connected — is it plugged in?",
    "several_usb_devices": "{name}: {count} devices match (serial numbers: {serials}) — add the serial number to "
                           "the URI",
    "unplugged": "{port} is unplugged",
    # the connection (app.devices.reconnect, the drivers)
    "connected_on": "connected on {port}",
    "disconnected": "disconnected: {reason}",
    "open_failed": "cannot open: {error}",
    "driver_error": "driver error: {error}",
    "vanished": "{port} vanished",
    "scale_stopped_answering": "the scale stopped answering on {port} (powered off?)",
    "scale_silent": "no data from the scale on {port} for {seconds} s",
    "sim_unplugged": "the simulated device was unplugged",
    "not_started": "not started",
    "stopped": "stopped",
    "port_error": "{port}: {error}",
    "read_failed": "{port}: read failed ({error})",
    "write_failed": "{port}: write failed ({error})",
    "hung_up": "{port}: the device hung up (unplugged or switched off)",
    "loopback_closed": "loopback closed",
    "no_scale": "no scale configured — parcels use their expected weight",
    # the box camera (app.devices.camera): the camera card says it
    "camera_off": "no camera (switched off in the configuration)",
    "camera_unsupported": "no camera support installed (QtMultimedia is missing)",
    "no_camera": "no camera — photos are not taken",
    "no_camera_matching": "no camera matching {device!r} — photos are not taken",
    "camera_on": "camera {name}",
    "camera_unplugged": "camera unplugged — photos are not taken until it is back",
    "camera_error": "camera error: {error}",
    "camera_not_ready": "the camera is not ready",
    "camera_stopped_first": "camera stopped before the photo was taken",
    "photo_failed": "photo failed: {error}",
    "photo_not_saved": "photo not saved: {error}",
    # what a scale answers (app.devices.scales: its protocols and the driver): the scale panel says it
    "scale_overloaded": "Scale overloaded — take the parcel off.",
    "scale_below_zero": "Scale below zero — check the platform, then zero the scale.",
    "scale_busy": "Scale is busy (zeroing or taring) — wait a moment.",
    "scale_in_motion": "Scale in motion.",
    "scale_zeroing_error": "Scale zeroing error — empty the platform and zero the scale.",
    "scale_fault": "Scale reports a {fault} error — service the scale.",
    "fault_calibration": "calibration",  # the faults' names: RAM, EEPROM and ROM are the same in every language
    "fault_initial_zero": "initial zero",
    "one_then_another": "{first}, {then}",
    "scale_unknown_command": "The scale did not recognise the command — check the protocol setting.",
    "sics_syntax_error": "The scale did not recognise the command (MT-SICS syntax error) — check the protocol "
                         "setting.",
    "sics_transmission_error": "The scale received a garbled command (transmission error) — check baud rate and "
                               "parity.",
    "sics_logical_error": "The scale cannot carry out that command now (logical error).",
    "scale_zeroed": "Scale zeroed.",
    "zero_not_now": "Zero not possible now — wait until the scale is still, then try again.",
    "zero_too_heavy": "Too heavy to zero — take everything off the scale, then zero.",
    "zero_below_range": "Below the zero range — put the platform back in place, then zero.",
    "scale_tared": "Scale tared ({value} {unit}).",
    "tare_not_now": "Tare not possible now — wait until the scale is still, then try again.",
    "tare_too_heavy": "Too heavy to tare — the tare is above the scale's taring range.",
    "tare_negative": "Cannot tare a negative weight — zero the scale first.",
    "scale_bad_unit": "Scale sent {value!r} {unit!r}: {problem} — set the scale to g, kg, lb or oz.",
    "scale_unreadable": "Scale sent an unreadable weight: {problem}",
    "scale_unreadable_field": "Scale sent an unreadable weight {field!r}.",
    "scale_no_unit": "Scale frames carry no unit — add unit=g or unit=kg to the scale's URI.",
    "scale_not_connected": "{name} is not connected",
    "scale_no_command": "this scale ({protocol}) has no {action} command",
    "scale_no_answer": "the scale did not answer {action}",
    "scale_sent": "sent",
    "scale_gone_before_answer": "{name} disconnected before it answered",
    "action_zero": "zero",  # the scale's commands those sentences name (the English is the command's name)
    "action_tare": "tare",
    "action_weigh": "weigh",
    # a weight unit (app.devices.units) a scale or an address names
    "unknown_unit": "unknown weight unit {unit!r} (known: {known})",
    "not_a_number": "{value!r} is not a number",
    "not_a_weight": "{value!r} is not a weight a scale can show",
}


class DeviceReason(CodedText):
    """English words for IT, with the code and values a screen words them from."""

    context = "DeviceReasons"  # the translation catalogue's context for these templates
    templates = DEVICE_REASONS
