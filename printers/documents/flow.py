"""A small page-flow engine for A4/Letter documents: blocks go down the page, a block that
does not fit starts a new page, and pages are drawn only once their number is known, so
every footer can say "Page 2 of 3".

It draws with reportlab's canvas directly (no platypus): a 50-line packing slip renders in a
few milliseconds, which keeps printing at the bench instant.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

from printers.pdf import new_canvas

# Draws a block whose top edge is at the given y (what it returns, such as draw_lines' next y, is not used).
Draw = Callable[[Canvas, float], object]


class Flow:
    def __init__(self, page_w: float, page_h: float, margin_x: float, margin_top: float,
                 margin_bottom: float) -> None:
        self.page_w, self.page_h = page_w, page_h
        self.margin_x, self.margin_top, self.margin_bottom = margin_x, margin_top, margin_bottom
        self.pages: list[list[tuple[float, Draw]]] = [[]]
        self.y = page_h - margin_top
        self.on_new_page: Callable[[Flow], None] | None = None

    @property
    def width(self) -> float:
        return self.page_w - 2 * self.margin_x

    @property
    def space_left(self) -> float:
        return self.y - self.margin_bottom

    def add(self, height: float, draw: Draw, keep_with: float = 0.0) -> None:
        """Place a block of `height`; `keep_with` is room the next block needs on this page."""
        if height + keep_with > self.space_left and self.pages[-1]:
            self.new_page()
        self.pages[-1].append((self.y, draw))
        self.y -= height

    def skip(self, height: float) -> None:
        self.y -= min(height, max(self.space_left, 0.0))

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.page_h - self.margin_top
        if self.on_new_page is not None:
            self.on_new_page(self)

    def render(self, title: str, footer: Callable[[Canvas, int, int], None]) -> bytes:
        buffer = io.BytesIO()
        canvas = new_canvas(buffer, self.page_w, self.page_h, title)
        total = len(self.pages)
        for number, ops in enumerate(self.pages, start=1):
            for top, draw in ops:
                draw(canvas, top)
            footer(canvas, number, total)
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()
