"""Every string the screens show has its German: a new `_tr("...")` without a translation fails
here, with the command that lists and fills them (`python -m app.ui.i18n`)."""

from __future__ import annotations

from app.ui.i18n import TRANSLATIONS_DIR, extract_messages, read_ts


def test_every_screen_string_has_a_german_translation():
    german = read_ts(TRANSLATIONS_DIR / "packstation_de.ts")
    missing = [(context, text) for context, texts in extract_messages().items() for text in texts
               if (context, text) not in german]
    assert missing == [], "untranslated: run `python -m app.ui.i18n`, then add German to packstation_de.ts"


def test_table_literals_marked_for_translation_are_in_the_catalogue():
    """Period presets and audit search kinds live in tables and are translated where shown."""
    catalogue = extract_messages()
    assert "Early shift (06–14)" in catalogue["SupervisorProductivity"]
    assert "Serial number" in catalogue["SupervisorAudit"]
