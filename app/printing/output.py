"""The station's Output: labels and slips rendered by `printers` and sent through the durable queue.

A label step never waits for a printer: the rendered job is committed to the queue (that is
"printed" as far as packing is concerned) and the queue's worker delivers it. A printer that is
off holds its jobs; the screen shows the queue's state.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.config import Config
from app.domain.model import Order
from app.printing.documents import label_data, slip_data
from app.printing.job_store import SqlJobStore
from app.station import LabelJob, PrintFailed
from app.store.carrier_labels import UpstreamLabel, label_for
from printers import LabelError, render_pdf, render_png, render_zpl, send
from printers.documents import render_packing_slip, shipping_label
from printers.print_queue import PrintJob, PrintQueue

# Thermal printers speak ZPL; office printers and folders get PDF.
ZPL_SCHEMES = ("tcp://", "serial://", "file://")


@dataclass(frozen=True)
class Printers:
    label: str
    document: str
    label_format: str  # zpl or pdf

    @classmethod
    def from_config(cls, config: Config, spool_dir: Path) -> Printers:
        label = config.label_printer or f"dir://{spool_dir / 'labels'}"
        document = config.document_printer or f"dir://{spool_dir / 'documents'}"
        fmt = config.label_format or ("zpl" if label.startswith(ZPL_SCHEMES) else "pdf")
        return cls(label, document, fmt)

    @property
    def spooling(self) -> bool:
        return self.label.startswith("dir://") or self.document.startswith("dir://")


class PrinterOutput:
    def __init__(self, config: Config, engine: Any, spool_dir: Path, template_dir: Path | None = None) -> None:
        self.config = config
        self.printers = Printers.from_config(config, spool_dir)
        if not (config.label_printer and config.document_printer):
            # No printer configured: the demo prints into folders the user can open.
            (spool_dir / "labels").mkdir(parents=True, exist_ok=True)
            (spool_dir / "documents").mkdir(parents=True, exist_ok=True)
        self.template_dir = template_dir
        self.engine = engine
        self.store = SqlJobStore(engine)
        self.queue = PrintQueue(self.store, send)
        self._previews: OrderedDict[tuple[str, int], bytes] = OrderedDict()  # recent labels as PNG, for the screen

    # ------------------------------------------------------------ the station's Output

    def print_label(self, job: LabelJob) -> tuple[str | None, str, str]:
        upstream = label_for(self.engine, job.order.number, job.box)
        if upstream is not None:
            return self._print_upstream(job, upstream)
        label = self._label(job.order, job.box, job.boxes, job.weight_g)
        reference = f"order {job.order.number} box {job.box}"
        first = self.store.first_for(reference, "label") if job.reprint else None
        if first is not None:
            queued = self.queue.reprint(first.uuid)  # the same bytes again, recorded as a new linked job
        else:
            fmt = self.printers.label_format
            data = render_zpl(label) if fmt == "zpl" else render_pdf(label, title=f"{job.order.number}-{job.box}")
            queued = self.queue.submit(self.printers.label, "label", fmt, data, reference=reference)
        self._previews[(job.order.number, job.box)] = render_png(label)
        while len(self._previews) > 20:
            self._previews.popitem(last=False)
        return None, self.printers.label_format, queued.uuid

    def _print_upstream(self, job: LabelJob, upstream: UpstreamLabel) -> tuple[str | None, str, str]:
        """A label bought upstream goes out byte for byte, on the printer that speaks its language."""
        if upstream.format == self.printers.label_format:
            printer = self.printers.label
        elif upstream.format == "pdf":
            printer = self.printers.document  # a PDF label on a ZPL printer would print as garbage
        else:
            raise PrintFailed("This order's carrier label is ZPL but the label printer takes PDF: "
                              "set printers.label_format = \"zpl\" or ask for a PDF label.")
        reference = f"order {job.order.number} box {job.box}"
        first = self.store.first_for(reference, "label") if job.reprint else None
        queued = (self.queue.reprint(first.uuid) if first else
                  self.queue.submit(printer, "label", upstream.format, upstream.data, reference=reference))
        return upstream.tracking_number, upstream.format, queued.uuid

    def preview_png(self, order_number: str, box: int) -> bytes | None:
        return self._previews.get((order_number, box))

    def print_slip(self, order: Order, parcels: list[dict[str, Any]]) -> None:
        try:
            pdf = render_packing_slip(slip_data(order, len(parcels) or None), template_dir=self.template_dir,
                                      page=self.config.slip_page)
        except LabelError as exc:
            raise PrintFailed(f"Packing slip cannot be made: {exc}") from exc
        self.queue.submit(self.printers.document, "slip", "pdf", pdf, reference=f"order {order.number} slip")

    def void_labels(self, order: Order, parcels: list[dict[str, Any]]) -> None:
        """Nothing to print: the parcels are marked void in the database by the station.

        Labels bought from a carrier are refunded through the shipping adapter; a label the
        station printed itself carries no charge.
        """

    def _label(self, order: Order, box: int, boxes: int | None, weight_g: int | None):  # noqa: ANN202
        data = label_data(order, self.config.ship_from, box=box, boxes=boxes, weight_g=weight_g, tracking=None)
        try:
            return shipping_label(data, dpi=self.config.label_dpi, template_dir=self.template_dir)
        except LabelError as exc:
            raise PrintFailed(f"Label cannot be made: {exc}") from exc

    # ------------------------------------------------------------ the queue

    def start(self) -> None:
        self.queue.start()

    def stop(self) -> None:
        self.queue.stop()

    def drain(self, timeout: float = 10.0) -> bool:
        return self.queue.drain(timeout)

    def recent_jobs(self, limit: int = 20) -> list[PrintJob]:
        return self.store.recent(limit)
