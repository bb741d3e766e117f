"""Item tables for slips and pick lists: columns come from the template, rows from the data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.colors import Color, white
from reportlab.pdfgen.canvas import Canvas

from printers.documents.flow import Flow
from printers.documents.page import BOLD, INK, MUTED, REGULAR, RULE, draw_text, wrap
from printers.errors import TemplateError
from printers.templates import fill

BODY, DETAIL, HEADER = 9.5, 8.0, 8.5
PAD_X, PAD_Y = 5.0, 4.0


@dataclass(frozen=True)
class Column:
    header: str
    value: str  # placeholder text against one line of data
    width: float  # share of the table width, in percent
    detail: str = ""  # a second, muted line (variant, note)
    align: str = "left"
    bold: bool = False

    @classmethod
    def from_template(cls, raw: Mapping[str, Any], where: str) -> Column:
        try:
            return cls(str(raw.get("header", "")), str(raw["value"]), float(raw.get("width", 10)),
                       str(raw.get("detail", "")), str(raw.get("align", "left")), bool(raw.get("bold", False)))
        except (KeyError, TypeError, ValueError) as exc:
            raise TemplateError(where, "each [[column]] needs value = \"{...}\" and a numeric width") from exc


def columns_from(template: Mapping[str, Any], name: str) -> list[Column]:
    raw = template.get("column")
    if not isinstance(raw, list) or not raw:
        raise TemplateError(name, "needs at least one [[column]]")
    return [Column.from_template(c, f"{name}, column {i + 1}") for i, c in enumerate(raw)]


@dataclass(frozen=True)
class _Row:
    cells: list[tuple[list[str], list[str]]]  # per column: value lines, detail lines
    height: float


class Table:
    def __init__(self, columns: Sequence[Column], width: float, x: float, accent: Color, tint: Color,
                 where: str) -> None:
        total = sum(c.width for c in columns) or 1.0
        self.columns = list(columns)
        self.widths = [width * c.width / total for c in columns]
        self.width, self.x, self.accent, self.tint, self.where = width, x, accent, tint, where
        self.header_height = HEADER * 1.25 + 2 * PAD_Y

    def rows(self, lines: Sequence[Mapping[str, Any]]) -> list[_Row]:
        out = []
        for line in lines:
            cells = []
            height = 0.0
            for column, width in zip(self.columns, self.widths, strict=True):
                inner = width - 2 * PAD_X
                value = wrap(fill(column.value, line, self.where), column.bold, BODY, inner)
                detail = wrap(fill(column.detail, line, self.where), False, DETAIL, inner) if column.detail else []
                detail = [d for d in detail if d]
                cells.append((value, detail))
                height = max(height, len(value) * BODY * 1.25 + len(detail) * DETAIL * 1.25)
            out.append(_Row(cells, height + 2 * PAD_Y))
        return out

    def draw_header(self, canvas: Canvas, top: float) -> None:
        canvas.setFillColor(self.accent)
        canvas.rect(self.x, top - self.header_height, self.width, self.header_height, stroke=0, fill=1)
        canvas.setFillColor(white)
        canvas.setFont(BOLD, HEADER)
        x = self.x
        baseline = top - PAD_Y - HEADER * 1.0
        for column, width in zip(self.columns, self.widths, strict=True):
            self._text(canvas, column.header.upper(), x, width, baseline, column.align, HEADER, True)
            x += width

    def draw_row(self, canvas: Canvas, top: float, row: _Row, shaded: bool) -> None:
        if shaded:
            canvas.setFillColor(self.tint)
            canvas.rect(self.x, top - row.height, self.width, row.height, stroke=0, fill=1)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(self.x, top - row.height, self.x + self.width, top - row.height)
        x = self.x
        for column, width, (value, detail) in zip(self.columns, self.widths, row.cells, strict=True):
            y = top - PAD_Y
            canvas.setFillColor(INK)
            canvas.setFont(BOLD if column.bold else REGULAR, BODY)
            for line in value:
                y -= BODY * 1.25
                self._text(canvas, line, x, width, y + BODY * 0.3, column.align, BODY, column.bold)
            canvas.setFillColor(MUTED)
            canvas.setFont(REGULAR, DETAIL)
            for line in detail:
                y -= DETAIL * 1.25
                self._text(canvas, line, x, width, y + DETAIL * 0.3, column.align, DETAIL)
            x += width

    @staticmethod
    def _text(canvas: Canvas, text: str, x: float, width: float, baseline: float, align: str,
              size: float = BODY, bold: bool = False) -> None:
        draw_text(canvas, text, x + PAD_X, baseline, size, bold, align, width - 2 * PAD_X)

    def flow(self, flow: Flow, lines: Sequence[Mapping[str, Any]]) -> None:
        """Add the header and rows to `flow`; on a new page the header is drawn again."""
        flow.add(self.header_height, self.draw_header, keep_with=min(40.0, flow.space_left))
        previous = flow.on_new_page

        def again(f: Flow) -> None:
            if previous is not None:
                previous(f)
            f.add(self.header_height, self.draw_header)

        flow.on_new_page = again
        for i, row in enumerate(self.rows(lines)):
            flow.add(row.height, partial(self.draw_row, row=row, shaded=i % 2 == 1))
        flow.on_new_page = previous
