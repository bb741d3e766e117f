"""What is wrong in station.toml, by code (app.config.ConfigError, app.settings_reader).

The English is what IT, the command line and doctor always read: it names the file, the key and the
problem. A screen in another language (the setup screen) words the code and values instead. A
`ConfigReason` is a str (the English, unchanged) that carries its `code`, its English `template` (the
key of the translation catalogue, context "ConfigReasons") and its `values`, like
printers.reasons.Reason; app.ui.messages.coded_text words it, values too (a problem inside
"{source}: {key} {problem}" is a ConfigReason itself).
Hand-written for the same reason as printers.reasons: a str with a code is all it takes.
"""

from __future__ import annotations

from app.domain.coded_text import CodedText

CONFIG_REASONS: dict[str, str] = {
    # the file
    "not_utf8": "{path}: not UTF-8 text ({reason})",
    "not_toml": "{path}: not valid TOML: {error}",
    "unknown_section": "{source}: unknown section [{section}] (known: {known})",
    "not_a_table": "{source}: {section} must be a table like [{section}]",
    "unknown_key": "{source}: unknown key {section}.{key} (known: {known})",
    # a key and its problem (app.settings_reader.SettingsReader._fail)
    "key_problem": "{source}: {key} {problem}",
    "must_be_text": "must be text in quotes, not {value!r}",
    "must_be_true_or_false": "must be true or false, not {value!r}",
    "must_be_whole_number": "must be a whole number, not {value!r}",
    "must_be_number": "must be a number, not {value!r}",
    "must_be_between": "must be between {minimum} and {maximum}, not {value}",
    "must_be_at_least": "must be between {minimum}, not {value}",
    "must_be_one_of": "must be one of {choices}, not {value!r}",
    "not_a_printer_uri": "{value!r} is not a printer URI like tcp://10.0.0.5:9100, serial:///dev/ttyUSB0?baud=9600, "
                         "cups://Office, dir:///path/to/folder",
    "not_a_printer_font": "{value!r} is not a font on the printer like E:NOTOSANSCJK.TTF (drive R, B, E or A, a colon, "
                          "the file name with .TTF, .TTE or .FNT)",
    "not_a_device_uri": "{value!r} is not a device URI like serial:///dev/ttyUSB0?baud=9600, usb://0c2e:0b61 or "
                        "sim://scale",
    "not_a_device_uri_list": "must be a list of device URIs in quotes",
    "not_printable": "lists characters to refuse in scans; {hidden!r} is not a printable character (control "
                     "characters are always refused)",
    "not_a_pattern": "is not a valid regular expression: {error}",
    # single keys
    "station_name": "{source}: station.name {name!r} must be 1-32 letters, digits, '-' or '_'",
    "latin_table": '{source}: {key} must be a table like {{ "Japan Post" = "never" }}, not {value!r}',
    "latin_rule": "{source}: {key}.{carrier!r} must be one of {rules}, not {rule!r}",
    "bin_name": "{source}: {key} must be a bin name of 1-32 letters, digits, '.', '_', '/' or '-' (starting with a "
                "letter or digit), not {value!r}",
    "company_prefix": "{source}: gs1.company_prefix must be your GS1 company prefix, 6-12 digits, not {value!r}",
    # [shipping], [smtp] and [email] (app.shipping.settings)
    "cannot_read": "{path}: cannot be read ({reason})",
    "unknown_source": "{source}: shipping.sources has {name!r}; known: {known}",
    "url_scheme": "{source}: {key} must start with https://, not {value!r}",
    "email_needs_smtp": "{source}: email.enabled needs smtp.host and smtp.from",
    "must_be_whole_from_to": "must be a whole number from {low} to {high}, not {value!r}",
    "must_be_number_from_to": "must be a number from {low} to {high}, not {value!r}",
    "must_be_name_list": 'must be a list of names in quotes, like ["a", "b"]',
    "must_be_name_table": 'must be a table of names, like {{ Shopify = "acme" }}',
    "secret_file_unreadable": "{key} {path}: cannot be read ({reason})",
    # [central] and its password (app.sync.settings)
    "central_url": "{source}: central.url must be a postgresql:// URL or a libpq key=value string",
    "password_twice": "{source}: central.password_file and central.keyring exclude each other",
    "cannot_read_secret": "cannot read {what} {path}: {reason}",
    "secret_readable_by_others": "{what} {path} can be read by other users (mode {mode}); run: chmod 600 {path}",
    "password_file_empty": "central.password_file {path} is empty",
    "no_keyring_package": "central.keyring = true needs the 'keyring' package: pip install keyring",
    "no_keyring_password": "no password for {user}@{host} in the OS keyring (service {service}); store it with: "
                           "keyring set {service} {user}@{host}",
}


class ConfigReason(CodedText):
    """English words for IT, with the code and values a screen words them from."""

    context = "ConfigReasons"  # the translation catalogue's context for these templates
    templates = CONFIG_REASONS
