"""Does every text on the station's screens fit its space? A probe run in its own process.

    python -m tests.gui.screen_fit --sizes 1366x768,1024x768 --langs en,de [--monitor 1366x768] [--shots DIR]

prints one JSON object: {"<size> <lang> <screen>": ["<widget>: <text> needs N px, has M", ...],
"text-px": ["<the theme's text size>"]}.
The scale factor is the process's QT_SCALE_FACTOR (the offscreen platform honours it as Windows'
and GNOME's 125 %/150 % do: logical pixels shrink, fonts and icons grow), which is why each scale
runs in a process of its own: Qt reads it once, at start.

The text size is the station's own: the app sets it from the monitor's height (app.ui.theme.base_px:
16 px on a 768 px monitor, 21 px on 1024, 22 px on 1080 at 100 %), and --monitor is the virtual
monitor the app starts on. Sizes that get the same text size share a process (text_groups); a
size checked on a monitor of another text size would be checked at text its packer never sees.

The checks read what a packer would see: a label's or button's lines against its contents
width (a word-wrapped label: the height its text needs at its width against the height it got),
a table header's sections and the visible cells against their columns. A widget that elides
by design ("…") and carries the full text as its tooltip passes; a tooltip alone does not.
And nothing may be wider than the window (overflows): no horizontal scroll bar, no tab bar with
scroll arrows, no widget that reaches past its parent's side. Nor drawn over another (overlaps): no
two visible keys or labels in one parent whose rectangles intersect.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SLACK = 1  # px of rounding

SCREENS_PACKING = ("sign-in", "order", "packing", "carton", "weighing", "done")


def text_px(width_height: str, scale: float) -> int:
    """The text size (px) the station picks on this monitor at this scale: app.ui.theme.base_px of
    the screen's logical height, as app.ui.app.build_window and MainWindow.apply_ui_settings call it."""
    from app.ui.theme import base_px

    return base_px(int(int(width_height.split("x")[1]) / scale))


def text_groups(sizes: tuple[str, ...] | list[str], scale: float) -> dict[str, list[str]]:
    """Monitor sizes grouped by the text size they get: {"<virtual monitor WxH>": [sizes]}. The
    virtual monitor is as wide and as high as the group's largest, so its height gives the group's
    text size and windows fit their minimum to a monitor's room."""
    by_px: dict[int, list[str]] = {}
    for size in sizes:
        by_px.setdefault(text_px(size, scale), []).append(size)
    groups = {}
    for members in by_px.values():
        width = max(int(s.split("x")[0]) for s in members)
        height = max(int(s.split("x")[1]) for s in members)
        groups[f"{width}x{height}"] = members
    return groups
SCREENS_RETURNS = ("returns", "cycle-count", "bulk")


def _rich(text: str) -> bool:
    from PySide6.QtGui import Qt as GuiQt

    return bool(GuiQt.mightBeRichText(text))


def _plain(text: str) -> str:
    from PySide6.QtGui import QTextDocument

    if _rich(text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _name(widget) -> str:
    parts = []
    w = widget
    while w is not None and len(parts) < 3:
        parts.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return "/".join(reversed(parts))


def _elided_by_design(widget, text: str) -> bool:
    """Shortened with an ellipsis, the whole text in its tooltip. A tooltip alone excuses nothing:
    a packer does not hover over a key to read what it says."""
    tip = _plain(widget.toolTip()).strip()
    return bool(tip) and "…" in text


def _label(label) -> str | None:
    from PySide6.QtCore import Qt

    raw = label.text()
    if not raw or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    text = _plain(raw)
    if not text.strip() or _elided_by_design(label, text):
        return None
    fm = label.fontMetrics()
    rect = label.contentsRect()
    margin = label.margin() * 2 + max(label.indent(), 0)
    width, height = rect.width() - margin, rect.height() - label.margin() * 2
    if label.wordWrap():
        longest_word = max((fm.horizontalAdvance(word) for word in text.split()), default=0)
        if longest_word > width + SLACK:
            return f"{_name(label)}: {text!r} has a word of {longest_word} px in {width} px"
        needs = label.heightForWidth(label.width())
        if needs > label.height() + SLACK and needs > 0:
            return f"{_name(label)}: {text!r} needs {needs} px high, has {label.height()}"
        return None
    if label.textFormat() == Qt.TextFormat.RichText or _rich(raw):
        needs = label.sizeHint().width() - margin
    else:
        needs = max(fm.horizontalAdvance(line) for line in text.split("\n"))
    if needs > width + SLACK:
        return f"{_name(label)}: {text!r} needs {needs} px, has {width}"
    lines = text.count("\n") + 1
    needs_h = lines * fm.lineSpacing() - fm.leading()
    if needs_h > height + SLACK + 2:  # squeezed: the glyphs are cut at the top and the bottom
        return f"{_name(label)}: {text!r} needs {lines} line(s), {needs_h} px high, has {height}"
    return None


def _button(button) -> str | None:
    from PySide6.QtWidgets import QCheckBox, QPushButton, QRadioButton, QStyle, QStyleOptionButton, QToolButton

    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text.strip() or _elided_by_design(button, text):
        return None
    if isinstance(button, QToolButton) and button.toolButtonStyle().name == "ToolButtonIconOnly":
        return None
    fm = button.fontMetrics()
    needs = max(fm.horizontalAdvance(line) for line in text.split("\n"))
    opt = QStyleOptionButton()
    opt.initFrom(button)
    opt.text = button.text()
    opt.icon = button.icon()
    opt.iconSize = button.iconSize()
    if isinstance(button, QCheckBox):
        rect = button.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, opt, button)
    elif isinstance(button, QRadioButton):
        rect = button.style().subElementRect(QStyle.SubElement.SE_RadioButtonContents, opt, button)
    elif isinstance(button, QPushButton):
        rect = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, button)
        if not button.icon().isNull():
            needs += button.iconSize().width() + 4
    else:
        rect = button.contentsRect()
        if not button.icon().isNull() and button.toolButtonStyle().name == "ToolButtonTextBesideIcon":
            needs += button.iconSize().width() + 4
    width = rect.width() if rect.width() > 0 else button.width()
    if needs > width + SLACK:
        return f"{_name(button)}: {text!r} needs {needs} px, has {width}"
    lines = text.count("\n") + 1
    if lines * fm.lineSpacing() - fm.leading() > button.height() + SLACK:  # squeezed: the text cut top and bottom
        return f"{_name(button)}: {text!r} needs {lines} line(s), has {button.height()} px high"
    return None


def _table(view) -> list[str]:
    """Header sections and the cells a packer can see, against their columns."""
    from PySide6.QtCore import Qt

    problems: list[str] = []
    model = view.model()
    if model is None:
        return problems
    header = view.horizontalHeader() if hasattr(view, "horizontalHeader") else None
    if header is None or not header.isVisible():
        return problems
    fm = header.fontMetrics()
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        text = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        needs = max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0) + 8
        if text and needs > header.sectionSize(column) + SLACK:
            problems.append(f"{_name(view)} header: {text!r} needs {needs} px, has {header.sectionSize(column)}")
    cell_fm = view.fontMetrics()
    wrap = view.wordWrap()
    for row in range(min(model.rowCount(), 40)):
        if view.isRowHidden(row) or view.visualRect(model.index(row, 0)).top() > view.viewport().height():
            continue
        for column in range(model.columnCount()):
            if header.isSectionHidden(column):
                continue
            index = model.index(row, column)
            text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
            if not text or view.indexWidget(index) is not None:
                continue
            has = view.columnWidth(column)
            icon = model.data(index, Qt.ItemDataRole.DecorationRole)
            extra = (view.iconSize().width() if view.iconSize().width() > 0 else 16) + 4 if icon is not None else 0
            if wrap:
                needs = max(cell_fm.horizontalAdvance(word) for word in text.split()) + 6 + extra
                if needs <= has + SLACK:
                    rows_needed = cell_fm.boundingRect(0, 0, max(has - 6 - extra, 1), 10_000,
                                                       int(Qt.TextFlag.TextWordWrap), text).height()
                    if rows_needed <= view.rowHeight(row) + SLACK:
                        continue
                    problems.append(f"{_name(view)} cell {row},{column}: {text!r} needs {rows_needed} px high,"
                                    f" has {view.rowHeight(row)}")
                    continue
            else:
                needs = max(cell_fm.horizontalAdvance(line) for line in text.split("\n")) + 6 + extra
                if needs <= has + SLACK:
                    continue
            problems.append(f"{_name(view)} cell {row},{column}: {text!r} needs {needs} px, has {has}")
    return problems


def misfits(root) -> list[str]:
    """Every visible text under `root` that does not fit its space."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QTableView, QTreeView, QWidget

    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        top = QWidget.window(widget)  # some widgets keep a `window` attribute of their own
        if not widget.isVisible() or widget.width() <= 0 or top is not QWidget.window(root):
            continue
        found: str | None = None
        if isinstance(widget, QLabel):
            found = _label(widget)
        elif isinstance(widget, QAbstractButton):
            found = _button(widget)
        elif isinstance(widget, QTableView | QTreeView):
            problems.extend(_table(widget) if isinstance(widget, QTableView) else [])
        elif isinstance(widget, QTabBar):
            problems.extend(_tab_titles(widget))
        if found:
            problems.append(found)
    return problems


def _tab_titles(bar) -> list[str]:
    """Tab titles Qt shortens with an ellipsis (a bar with an elide mode whose tabs are narrower than
    their titles). Qt measures the title with the bar's own font, not the style sheet's tab font: a
    console whose tabs' 15 px titles sit on a 22 px window had every title cut ("Fl…")."""
    from PySide6.QtWidgets import QStyleOptionTab

    problems = []
    for index in range(bar.count()):
        option = QStyleOptionTab()
        bar.initStyleOption(option, index)  # the text as the bar paints it
        if option.text != bar.tabText(index):
            problems.append(f"{_name(bar)}: tab {bar.tabText(index)!r} shows {option.text!r}")
    return problems


def overflows(root) -> list[str]:
    """Everything that makes a screen wider than its window: a horizontal scroll bar shown (a screen
    that scrolls sideways, a table whose columns run past its edge), and a visible widget that
    reaches past its parent's left or right edge (cut there: a scroll area with its bar switched
    off, a row of fixed widths wider than the window). Vertical scrolling is by design on a short
    window (app.ui.reflow.ShortScroll) and is not reported. A tab bar whose tabs do not fit shows
    scroll arrows: a tab a reader cannot see, reported too."""
    from PySide6.QtWidgets import QAbstractScrollArea, QTabBar, QWidget

    problems: list[str] = []
    if root.width() <= 0:
        return problems
    for widget in [root, *root.findChildren(QWidget)]:
        top = QWidget.window(widget)
        if not widget.isVisible() or top is not QWidget.window(root):
            continue
        if isinstance(widget, QAbstractScrollArea) and widget.horizontalScrollBar().isVisible():
            problems.append(f"{_name(widget)}: scrolls sideways (a horizontal scroll bar under its"
                            f" {widget.viewport().width()} px)")
        if isinstance(widget, QTabBar) and _tab_arrows(widget):
            problems.append(f"{_name(widget)}: its tabs do not fit its {widget.width()} px (scroll arrows:"
                            f" {', '.join(repr(widget.tabText(i)) for i in range(widget.count()))})")
        parent = widget.parentWidget()
        if widget is root or parent is None or widget.isWindow():
            continue
        geometry = widget.geometry()
        if geometry.width() <= 0 or geometry.height() <= 0:
            continue
        if geometry.left() < -SLACK or geometry.right() > parent.width() - 1 + SLACK:
            problems.append(f"{_name(widget)}: {geometry.left()}..{geometry.right() + 1} px reaches past its"
                            f" parent's 0..{parent.width()} px (cut at the side)")
    return problems


def _tab_arrows(bar) -> bool:
    """A tab bar's scroll arrows are showing (Qt names them ScrollLeftButton, ScrollRightButton)."""
    from PySide6.QtWidgets import QToolButton

    return any(button.isVisible() for button in bar.findChildren(QToolButton)
               if button.objectName() in ("ScrollLeftButton", "ScrollRightButton"))


def _overlap_candidates(parent) -> list:
    """The keys and texts directly under `parent` a reader sees, for overlaps(). A tab bar's own
    buttons (its scroll arrows) and a scroll area's parts (viewport, bars) are the widget's
    machinery, drawn over each other on purpose; hidden widgets and a stack's other pages are
    not shown."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QTabBar

    if isinstance(parent, QTabBar | QAbstractScrollArea):
        return []
    return [child for child in parent.children()
            if isinstance(child, QAbstractButton | QLabel) and not child.isWindow() and child.isVisible()
            and child.width() > 0 and child.height() > 0]


def overlaps(root) -> list[str]:
    """Keys and texts drawn over each other: two visible buttons or labels under the same parent
    whose rectangles intersect (a layout squeezed below its widgets' minimum heights places each
    widget at its row but keeps its size, so the next row covers the lower half of the one above:
    the return's reason keys over its grade keys at 1366×768 150 %). Only buttons and labels are
    compared: a badge or a frame laid over a panel on purpose is neither."""
    from PySide6.QtWidgets import QWidget

    problems: list[str] = []
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisible() or QWidget.window(parent) is not QWidget.window(root):
            continue
        children = _overlap_candidates(parent)
        for n, first in enumerate(children):
            for second in children[n + 1:]:
                common = first.geometry().intersected(second.geometry())
                if common.width() > SLACK and common.height() > SLACK:
                    problems.append(f"{_name(first)} {_words(first)!r} and {type(second).__name__}"
                                    f" {_words(second)!r}: drawn over each other"
                                    f" ({common.width()}×{common.height()} px in common)")
    return problems


def _words(widget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return " ".join(_plain(text).split())[:40] or widget.objectName() or type(widget).__name__


# ------------------------------------------------------------ the driver


def _main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1366x768")
    parser.add_argument("--langs", default="en,de")
    parser.add_argument("--shots", type=Path, default=None)
    parser.add_argument("--shot-sizes", default="")
    parser.add_argument("--monitor", default="", help="the virtual monitor WxH (default: widest size x 720)")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="packstation-fit-"))
    os.environ["PACKSTATION_HOME"] = str(home)
    os.environ.pop("PACKSTATION_CONFIG", None)
    (home / "station.toml").write_text('[station]\nname = "BENCH-01"\n[scale]\nuri = "sim://scale"\n'
                                       '[packing]\nweigh_parcels = true\n', encoding="utf-8")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",") if s]
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        # A virtual monitor: windows that fit their minimum to the screen's room (app.ui.reflow.fit_minimum)
        # see a monitor's, not offscreen's 800×800, and the theme's text size (app.ui.theme.base_px, by
        # the screen's height) is the one a packer at that monitor reads (see text_groups).
        if args.monitor:
            width, height = (int(v) for v in args.monitor.split("x"))
        else:
            width, height = max(w for w, _ in sizes), 720
        config = home / "monitor.json"
        config.write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": width, "height": height,
                                                   "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}),
                          encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.demo_sheet import demo_sections
    from app.returns.demo import RETURN_ORDER
    from app.ui.app import build_window, start_job
    from app.ui.supervisor.entry import open_from_station as open_console_from
    from app.ui.supervisor.login import LoginDialog
    from app.ui.ui_settings import UiSettings

    def RETURN_LINES_GTIN(window) -> str:  # noqa: N802 - reads as the constant it stands for
        from sqlalchemy import select

        from app.returns.demo import RETURN_LINES
        from app.store import models as t

        with window.worker.context.bench.sessions() as db:
            product = db.scalars(select(t.Product).where(t.Product.sku == RETURN_LINES[0][0])).one()
            return db.scalars(select(t.Barcode.code).where(t.Barcode.product_id == product.id)).first()

    shot_sizes = set(args.shot_sizes.split(",")) if args.shot_sizes else set()
    window = build_window([], job=start_job(demo=True))
    window.showNormal()
    window.resize(1366, 768)
    app = QApplication.instance()
    results: dict[str, list[str]] = {}

    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)

    def idle(target) -> bool:
        runner = getattr(target, "runner", None)
        return bool(runner.idle if runner is not None else getattr(target, "idle", True))

    def settle(target=None) -> None:
        target = target or window
        for _ in range(1000):
            if idle(target) and window.idle:
                break
            QTest.qWait(5)
        app.processEvents()

    def scan(code: str, target=None) -> None:
        target = target or window
        QTest.keyClicks(target, code)
        QTest.keyClick(target, Qt.Key.Key_Return)
        settle(target)

    def check(name: str, target=None, dialog: bool = False) -> None:
        target = target or window
        natural = target.size()
        for width, height in sizes:
            # The screen's pixels at this scale: a 1366×768 monitor at 150 % is 911×512 to Qt.
            logical_w, logical_h = round(width / scale), round(height / scale)
            if dialog:  # a dialog keeps its own size when the screen has room for it
                target.resize(min(natural.width(), logical_w), min(natural.height(), logical_h))
            else:
                target.resize(logical_w, logical_h)
            for _ in range(3):
                app.processEvents()
            size = f"{width}x{height}"
            found = misfits(target) + overflows(target) + overlaps(target)
            if target.width() > logical_w or target.height() > logical_h:
                found.insert(0, f"{type(target).__name__}: needs at least {target.width()}×{target.height()}"
                                f" px, the screen has {logical_w}×{logical_h}")
            results[f"{size} {lang} {name}"] = found
            if args.shots is not None and size in shot_sizes:
                args.shots.mkdir(parents=True, exist_ok=True)
                suffix = "" if lang == "en" else f"-{lang}"
                target.grab().save(str(args.shots / f"{size}-{name}{suffix}.png"))
        target.resize(natural)
        app.processEvents()

    for _ in range(4000):
        if window.ready and window.idle:
            break
        QTest.qWait(5)
    settle()
    _, orders = demo_sections(window.worker.context.bench, 4)
    by_number = {o.number: o for o in orders}
    order = by_number.get("1001") or orders[0]
    for lang in args.langs.split(","):
        window.apply_ui_settings(UiSettings(language=lang))
        settle()
        check("sign-in")
        scan("PS:BADGE:P-1002")  # Priya Patel: the longer name
        check("order")
        scan(order.number)
        check("packing")
        if window.buttons["confirm"].isEnabled():
            QTest.keyClick(window, Qt.Key.Key_F4)
            settle()
        carton_at = next((i for i, code in enumerate(order.scans) if code.startswith("PS:CARTON") or
                          code.upper().startswith("CARTON")), len(order.scans))
        for code in order.scans[1:carton_at]:
            scan(code)
            if window.state.phase.value != "packing":
                break
        check("carton")
        QTest.keyClick(window, Qt.Key.Key_F4)
        settle()
        check("weighing")
        QTest.keyClick(window, Qt.Key.Key_F12)  # cancel the order: the next language starts it again
        settle()
        if window.state.phase.value not in ("awaiting_order", "done"):
            for _ in range(3):
                QTest.keyClick(window, Qt.Key.Key_Return)
                settle()
        check("done")
        window.returns_button.click()
        QTest.qWait(50)
        returns = window.returns_window
        for _ in range(2000):
            if returns is not None and returns.ready and returns.idle:
                break
            QTest.qWait(5)
        settle(returns)
        check("returns", returns)
        scan(RETURN_ORDER, returns)  # the demo's shipped order: its return opens with its lines
        scan(RETURN_LINES_GTIN(window), returns)  # the first item: the grading keys show
        check("return-open", returns)
        QTest.keyClick(returns, Qt.Key.Key_F12)  # cancel: the next language opens it again
        settle(returns)
        returns.tabs.setCurrentWidget(returns.count)
        settle(returns)
        check("cycle-count", returns)
        returns.tabs.setCurrentWidget(returns.bulk)
        settle(returns)
        QTest.qWait(100)
        settle(returns)
        check("bulk", returns)
        returns.close()
        for _ in range(1000):
            if window.returns_window is None:
                break
            QTest.qWait(5)
        window.activateWindow()
        console = open_console_from(window)
        console.begin_as(console._check("Sam Supervisor", "246810"))
        for login in console.findChildren(LoginDialog):
            login.close()
        settle(console)
        QTest.qWait(100)
        settle(console)
        check("supervisor", console)
        console.close()
        window.activateWindow()
        QTest.keyClick(window, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)  # sign out
        settle()
        window.open_settings()
        settle()
        scan("PS:BADGE:A-3001")
        dialog = window.settings_dialog
        if dialog is not None:
            check("settings", dialog, dialog=True)
            dialog.reject()
        settle()
    import re

    sheet = app.styleSheet() if isinstance(app, QApplication) else ""
    found_px = re.search(r"QWidget \{[^}]*font-size: (\d+)px", sheet)
    results["text-px"] = [found_px.group(1) if found_px else "?"]
    window.shutdown()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
