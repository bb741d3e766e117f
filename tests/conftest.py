from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A station of its own: configuration, database, spool and logs under tmp_path."""
    monkeypatch.setenv("PACKSTATION_HOME", str(tmp_path / "station"))
    monkeypatch.delenv("PACKSTATION_CONFIG", raising=False)
    return tmp_path / "station"


@pytest.fixture
def german(qapp):
    """The screens in German for one test (the translators installed), English again after it."""
    from app.ui.i18n import install_language

    assert install_language("de")
    yield
    install_language("en")
