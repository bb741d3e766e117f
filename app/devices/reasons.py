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
}


class DeviceReason(CodedText):
    """English words for IT, with the code and values a screen words them from."""

    context = "DeviceReasons"  # the translation catalogue's context for these templates
    templates = DEVICE_REASONS
