"""Secrets out of text: assignments with secret names, URL credentials, parameters, known values."""

from __future__ import annotations

import pytest

from app.it.redact import holds_secrets, is_secret_key, redact_text, secrets_in


@pytest.mark.parametrize(("text", "expected"), [
    ('url = "postgresql://packer:hunter2@db.local:5432/wh"', 'url = "postgresql://***@db.local:5432/wh"'),
    ("postgresql+psycopg://u:p%40ss@h/db", "postgresql+psycopg://***@h/db"),
    ("https://tok_abc123@api.example/v1", "https://***@api.example/v1"),
    ("postgresql://ps_bench_01@central:5432/wh", "postgresql://ps_bench_01@central:5432/wh"),  # a role name
    ("host=db user=packer password=hunter2 dbname=wh", "host=db user=packer password=*** dbname=wh"),
    ("https://api.example/v1?api_key=k-123&page=2", "https://api.example/v1?api_key=***&page=2"),
    ('password = "hunter2"  # keep', 'password = "***"  # keep'),
    ("api_key = 'abc'", "api_key = '***'"),
    ("smtp_pass = plain", "smtp_pass = ***"),
    ("Authorization: Bearer abcdefghijklmnop", "Authorization: Bearer ***"),
])
def test_secrets_are_masked(text, expected):
    assert redact_text(text) == expected


@pytest.mark.parametrize("text", [
    'name = "shipping"', "weigh_parcels = true", 'label = "tcp://10.0.0.5:9100"', "scan accepted 4006381333931",
    'order_pattern = "(#|SO-?)?[0-9]{3,12}"', "bypass = 1", "passes = 3", "pinned = true",
])
def test_ordinary_values_are_left_alone(text):
    assert redact_text(text) == text


def test_known_secrets_are_removed_wherever_they_appear():
    config = {"central": {"url": "postgresql://packer:S3cr%40t@h/db"}, "smtp": {"api_key": "k-98765"}}
    found = secrets_in(config)
    assert found >= {"S3cr%40t", "S3cr@t", "k-98765"} and "packer" not in found
    assert redact_text("login S3cr@t failed, key k-98765", found) == "login *** failed, key ***"


def test_secret_key_names():
    assert all(is_secret_key(k) for k in ("password", "db_password", "api-key", "central.token", "dbpassword"))
    assert not any(is_secret_key(k) for k in ("url", "name", "shipping", "label_dpi", "passport_no"))


def test_holds_secrets():
    assert holds_secrets({"central": {"url": "postgresql://u:p@h/d"}})
    assert not holds_secrets({"central": {"url": "postgresql://h/d"}, "printers": {"label": "tcp://h:9100"}})
    assert not holds_secrets({"central": {"url": "postgresql://ps_bench_01@central/wh"}})


@pytest.mark.parametrize("key", ["password", "smtp_password", "api_key", "token", "client_secret", "private_key",
                                 "access_key", "passphrase", "auth", "credentials", "pin"])
@pytest.mark.parametrize("quote", ['"""', "'''"])
def test_multi_line_secrets_are_masked_whole(key, quote):
    """GIVEN a station file with a secret written as a TOML multi-line string (a PEM key, a
    token pasted over lines), of every secret kind and both quote styles
    WHEN redacted
    THEN no line of the secret is left, the ordinary value after it is kept, and the result
    still parses as TOML."""
    import tomllib

    text = (f"[section]\n{key} = {quote}first-line\nSECRET-MIDDLE\nlast-line{quote}\n"
            f'host = "mail.example"\nnotes = {quote}two\nlines{quote}\n')

    redacted = redact_text(text)

    assert "first-line" not in redacted and "SECRET-MIDDLE" not in redacted and "last-line" not in redacted
    assert tomllib.loads(redacted)["section"] == {key: "***", "host": "mail.example", "notes": "two\nlines"}


def test_an_unclosed_multi_line_secret_masks_to_the_end():
    """GIVEN a station file cut short inside a multi-line secret
    THEN nothing after the opening quotes is shown."""
    assert redact_text('token = """abc\nSECRET-TAIL') == 'token = "***"'
