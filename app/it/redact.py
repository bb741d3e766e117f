"""Taking secrets out of text before it leaves the station (support bundles, doctor output).

Redaction works on text, not on parsed TOML: the configuration that most needs sending is the
one that does not parse. Three passes, each catching what the others might miss:

1. `key = "value"` lines whose key names a secret (password, token, api_key, ...), and TOML's
   multi-line strings (triple-quoted, over several lines: a PEM key, a pasted token) whole;
2. credentials inside URLs and DSNs (`postgresql://user:pass@host`, `?password=...`, `password=...`);
3. every secret value found in the station's configuration, replaced wherever it appears
   (a password that also turns up in a log line or an error message).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

MASK = "***"

_SECRET_WORDS = r"(?:password|passwd|passphrase|pass|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth|" \
                r"credentials?|private[_-]?key|client[_-]?secret|pin)"
# A key is secret when one of its parts (split at _ . -) is a secret word, or it ends in one
# written together ("dbpassword", "accesstoken"). Whole parts only: "shipping" is no "pin".
_SECRET_KEY_TEXT = (rf"(?:[\w\-]*[_.\-])?{_SECRET_WORDS}(?:[_.\-][\w\-]*)?"
                    r"|[\w\-]*(?:password|passwd|secret|token|apikey)")
SECRET_KEY = re.compile(rf"(?:{_SECRET_KEY_TEXT})", re.IGNORECASE)

# key = """...""" / key = '''...''': TOML's multi-line strings, every line of them.
_MULTILINE = re.compile(
    r"""^(?P<lead>[ \t]*(?P<key>[A-Za-z0-9_.\-"']+)[ \t]*=[ \t]*)(?P<value>(?P<q>\"\"\"|''')(?:.|\n)*?(?:(?P=q)|\Z))""",
    re.MULTILINE,
)
# key = "value" / key = 'value' / key = bare, in TOML, INI and env files.
_ASSIGNMENT = re.compile(
    r"""^(?P<lead>\s*(?P<key>[A-Za-z0-9_.\-"']+)\s*[=:]\s*)(?P<value>"(?:[^"\\]|\\.)*"|'[^']*'|[^#\s][^#]*?)(?P<tail>\s*(?:\#.*)?)$""",
    re.MULTILINE,
)
# scheme://user:password@host, scheme://token@host
_URL_USERINFO = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)(?P<userinfo>[^/@\s\"'<>]+)@")
# ?password=...&api_key=... in URLs; password=... in libpq DSNs and log lines
_PARAM = re.compile(rf"(?P<key>\b(?:{_SECRET_KEY_TEXT})\s*=\s*)(?P<value>\"[^\"]*\"|'[^']*'|[^\s&;,\"'<>]+)",
                    re.IGNORECASE)
# Authorization: Bearer xyz / Basic xyz
_AUTH_HEADER = re.compile(r"(?P<lead>\b(?:bearer|basic)\s+)[A-Za-z0-9._~+/=\-]{8,}", re.IGNORECASE)


def is_secret_key(key: str) -> bool:
    return bool(SECRET_KEY.fullmatch(key.strip("\"'").rsplit(".", 1)[-1]))


def redact_text(text: str, known: Iterable[str] = ()) -> str:
    text = _MULTILINE.sub(_mask_multiline, text)
    text = _ASSIGNMENT.sub(_mask_assignment, text)
    text = _URL_USERINFO.sub(_mask_userinfo, text)
    text = _PARAM.sub(lambda m: f"{m['key']}{_masked_like(m['value'])}", text)
    text = _AUTH_HEADER.sub(lambda m: f"{m['lead']}{MASK}", text)
    # Longest first, so that a secret containing another is masked whole.
    for secret in sorted({s for s in known if len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def redact_url(url: str) -> str:
    """A URL fit to show: credentials masked, the rest (scheme, host, port, database) kept."""
    return redact_text(url)


def secrets_in(config: Mapping[str, Any]) -> set[str]:
    """Every secret value in a parsed configuration (or profile): values of secret-named keys,
    passwords and user names of URLs with credentials, and secret query parameters."""
    found: set[str] = set()

    def walk(value: Any, key: str) -> None:
        if isinstance(value, Mapping):
            for k, v in value.items():
                walk(v, str(k))
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item, key)
        elif isinstance(value, str):
            if is_secret_key(key) and value:
                found.add(value)
            found.update(secrets_in_url(value))

    walk(config, "")
    return found


def secrets_in_url(text: str) -> set[str]:
    found: set[str] = set()
    for match in _URL_USERINFO.finditer(text):
        user, _, password = match["userinfo"].partition(":")
        # The password only: a user name ("packstation") is no secret and would wipe a common word
        # from every log line. A lone userinfo is a token, except where it can only be a user name.
        part = password or ("" if _user_only(match["scheme"]) else user)
        if part:
            found.update({part, unquote(part)})
    if "://" in text:
        try:
            query = urlsplit(text).query
        except ValueError:
            query = ""
        for pair in query.split("&"):
            key, _, value = pair.partition("=")
            if value and is_secret_key(key):
                found.update({value, unquote(value)})
    for match in _PARAM.finditer(text):
        value = match["value"].strip("\"'")
        if value:
            found.add(value)
    return found


def holds_secrets(config: Mapping[str, Any]) -> bool:
    return bool(secrets_in(config))


# Schemes whose user info without a password is a login name (the password is in a file, a
# keyring or ~/.pgpass), not a token: postgresql://ps_bench_01@central keeps its role name.
_USER_SCHEMES = ("postgresql", "postgres", "mysql", "mariadb", "sqlite", "redis", "amqp", "ssh", "sftp", "ftp",
                 "smtp", "smtps")


def _user_only(scheme: str) -> bool:
    return scheme.removesuffix("://").split("+")[0].lower() in _USER_SCHEMES


def _mask_userinfo(match: re.Match[str]) -> str:
    userinfo = match["userinfo"]
    if ":" not in userinfo and _user_only(match["scheme"]):
        return match[0]
    return f"{match['scheme']}{MASK}@"


def _mask_assignment(match: re.Match[str]) -> str:
    if not is_secret_key(match["key"]):
        return match[0]
    return f"{match['lead']}{_masked_like(match['value'])}{match['tail']}"


def _mask_multiline(match: re.Match[str]) -> str:
    """A multi-line secret becomes one masked line; an unclosed one masks to the end of the text
    (a file cut short must not leak what follows the opening quotes)."""
    if not is_secret_key(match["key"]):
        return match[0]
    return f"{match['lead']}{match['q']}{MASK}{match['q']}"


def _masked_like(value: str) -> str:
    """The mask in the same quotes as the value, so a redacted TOML file still parses."""
    if value[:1] in "\"'":
        return f"{value[0]}{MASK}{value[0]}"
    return MASK
