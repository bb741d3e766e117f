"""Translations: the screen's strings (resources/translations/packstation_<lang>.qm) and Qt's own.

Source strings are English in the code (self.tr / QCoreApplication.translate). To update:

    pyside6-lupdate app/ui/**/*.py -ts resources/translations/packstation_de.ts
    python -m app.ui.i18n           # fills known German strings and compiles the .qm files
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}

_installed: list[QTranslator] = []


def install_language(language: str) -> bool:
    """Switch the application's translators; False when the language's file is missing."""
    app = QCoreApplication.instance()
    assert app is not None, "install_language needs the QApplication"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS_DIR / f"packstation_{language}.qm")):
        log.warning("no translation for %s in %s", language, TRANSLATIONS_DIR)
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)  # Qt's own strings: OK/Cancel buttons of standard dialogs
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return True


# ---------------------------------------------------------------- the catalogue (developer tool)
# lupdate does not see the small `_tr("...")` helpers each module uses for its context, so the
# strings are extracted here with `ast`: every `_tr("literal")` (context taken from that module's
# `_tr`) and every `QCoreApplication.translate("Context", "literal")`.

UI_DIR = Path(__file__).resolve().parent


def extract_messages(folder: Path = UI_DIR) -> dict[str, list[str]]:
    import ast

    catalogue: dict[str, list[str]] = {}

    def add(context: str, text: str) -> None:
        texts = catalogue.setdefault(context, [])
        if text not in texts:
            texts.append(text)

    for path in sorted(folder.rglob("*.py")):  # the returns bench and the supervisor console too
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_context = None
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "_tr":
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant) \
                            and isinstance(call.args[0].value, str):
                        module_context = call.args[0].value
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            # _marked("...") marks a literal kept untranslated in a table and translated where shown.
            if name in ("_tr", "_marked") and module_context and len(literals) == 1 and len(node.args) == 1:
                add(module_context, literals[0])
            elif name in ("translate", "tr") and len(literals) >= 2 and len(node.args) >= 2:
                add(literals[0], literals[1])
    if folder == UI_DIR:  # what the domain and the services tell the packer, worded by app.ui.messages
        from app.ui.wording import feedback_templates

        for template in feedback_templates():
            add("Feedback", template)
        for context, texts in coded_templates().items():
            for text in texts:
                add(context, text)
    return catalogue


def coded_templates() -> dict[str, list[str]]:
    """The templates of texts that carry their code (app.ui.messages.coded_text words them), by context:
    the setup's (app.it.first_start), the printers' reasons (printers.reasons) and the carriers'
    (app.shipping.reasons)."""
    from app.config_reasons import CONFIG_REASONS
    from app.devices.reasons import DEVICE_REASONS
    from app.it.first_start import SETUP_FIELDS, SETUP_WORDS
    from app.printing.reasons import OUTPUT_REASONS
    from app.shipping.reasons import CARRIER_REASONS
    from app.supervisor.hold_reasons import HOLD_REASONS
    from app.sync.status import SYNC_REASONS
    from printers.reasons import REASONS

    return {"SetupWords": [*dict.fromkeys([*SETUP_WORDS.values(), *SETUP_FIELDS])],
            "Reasons": [*dict.fromkeys(REASONS.values())],
            "CarrierReasons": [*dict.fromkeys(CARRIER_REASONS.values())],
            "OutputReasons": [*dict.fromkeys(OUTPUT_REASONS.values())],
            "DeviceReasons": [*dict.fromkeys(DEVICE_REASONS.values())],
            "ConfigReasons": [*dict.fromkeys(CONFIG_REASONS.values())],
            "HoldReasons": [*dict.fromkeys(HOLD_REASONS.values())],
            "SyncReasons": [*dict.fromkeys(SYNC_REASONS.values())],
            "SupervisorColumns": supervisor_column_words(),
            "SupervisorFloor": floor_state_words(),
            "SupervisorAudit": audit_words()}


def audit_words() -> list[str]:
    """The audit trail's templates (app.supervisor.audit.describe: every `_say("...")`), which the console
    shows translated (AuditText: the CLI, CSV and PDF stay English)."""
    import ast

    from app.supervisor import audit

    tree = ast.parse(Path(audit.__file__).read_text(encoding="utf-8"))
    return [*dict.fromkeys(node.args[0].value for node in ast.walk(tree)
                           if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_say" and node.args
                           and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))]


def floor_state_words() -> list[str]:
    """What a bench is doing on the supervisor's floor board (app.supervisor.floor: each a (words, level)
    pair) and its link ("online", "offline"), which the console shows translated."""
    import ast

    from app.supervisor import floor

    levels = {"OFF", "IDLE", "OK", "WARN", "ALERT"}
    words: list[str] = []
    for node in ast.walk(ast.parse(Path(floor.__file__).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple) and len(node.elts) == 2 and isinstance(node.elts[1], ast.Name) \
                and node.elts[1].id in levels and isinstance(node.elts[0], ast.Constant) \
                and isinstance(node.elts[0].value, str):
            words.append(node.elts[0].value)
        elif isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple) and len(node.value.elts) == 2 \
                and isinstance(node.value.elts[0], ast.Constant) and isinstance(node.value.elts[0].value, str) \
                and isinstance(node.value.elts[1], ast.Name) and node.value.elts[1].id in levels:
            words.append(node.value.elts[0].value)
    return [*dict.fromkeys([*words, "online", "offline", *floor.PRINTER_HEALTH.values()])]


def supervisor_column_words() -> list[str]:
    """The titles and tips of the supervisor's tables (app.supervisor.tables: `Col(key, title, kind, tip)`
    and TWO_LINE_TITLES), which the console shows translated (app.ui.supervisor.widgets) while the
    CLI, the CSV and the PDF keep them English."""
    import ast

    from app.supervisor import tables

    words: list[str] = []
    tree = ast.parse(Path(tables.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Col":
            given = [*node.args[1:4:2], *(k.value for k in node.keywords if k.arg in ("title", "tip"))]
            words += [a.value for a in given if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value]
    words += tables.TWO_LINE_TITLES.values()
    return [*dict.fromkeys(words)]


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    import xml.etree.ElementTree as ET

    if not path.exists():
        return {}
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") != "obsolete":
                found[(name, message.findtext("source", ""))] = translation.text
    return found


def write_ts(path: Path, language: str, catalogue: dict[str, list[str]],
             translations: dict[tuple[str, str], str]) -> list[tuple[str, str]]:
    """Write the .ts source; returns the (context, text) pairs still untranslated."""
    from xml.sax.saxutils import escape

    missing = []
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f'<TS version="2.1" language="{language}">']
    for context in sorted(catalogue):
        out += ["<context>", f"    <name>{escape(context)}</name>"]
        for text in catalogue[context]:
            translated = translations.get((context, text))
            if translated is None:
                missing.append((context, text))
            attr = "" if translated else ' type="unfinished"'
            out += ["    <message>", f"        <source>{escape(text)}</source>",
                    f"        <translation{attr}>{escape(translated or '')}</translation>", "    </message>"]
        out.append("</context>")
    out.append("</TS>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return missing


def compile_ts(ts: Path) -> Path:
    import shutil
    import subprocess
    import sys

    qm = ts.with_suffix(".qm")
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def update_catalogues(languages: tuple[str, ...] = ("en", "de")) -> None:
    catalogue = extract_messages()
    for language in languages:
        ts = TRANSLATIONS_DIR / f"packstation_{language}.ts"
        known = read_ts(ts)
        if language == "en":  # the source language: a complete template for new translations
            known = {(context, text): text for context, texts in catalogue.items() for text in texts}
        missing = write_ts(ts, language, catalogue, known)
        compile_ts(ts)
        print(f"{ts.name}: {sum(map(len, catalogue.values()))} strings, {len(missing)} untranslated")
        for context, text in missing:
            print(f"  [{context}] {text}")


if __name__ == "__main__":
    update_catalogues()
