"""The station's Output: labels and slips rendered by `printers` and sent through the durable queue.

A label step never waits for a printer: the rendered job is committed to the queue (that is
"printed" as far as packing is concerned) and the queue's worker delivers it. A printer that is
off holds its jobs; the screen shows the queue's state.

With [shipping] in station.toml each parcel's label is bought first (app.shipping: the cheapest
service that keeps the order's promise, recorded in `shipping_labels`): a carrier's ZPL or PDF is
printed as received, otherwise the station draws its own label with the chosen carrier and
service. A shipping error reaches the packer as PrintFailed with the shipping module's
instruction. The packing slip also queues the customer's shipment e-mail ([email]), which a
mail thread sends from the durable outbox. With [returns] code_on_slip it carries the order's
return QR code (PS:RETURN:<order>:<token> of its open RMA, issued at the first slip), which
opens the return at the returns bench.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import printers
from app.config import Config
from app.domain.model import Order
from app.printing.documents import slip_data
from app.printing.job_store import SqlJobStore
from app.printing.reasons import OutputReason, one_after_another
from app.station import LabelJob, LabelResult, PrintFailed
from printers import LabelError, documents, send
from printers.print_queue import PrintJob, PrintQueue

# The renderers (reportlab, barcodes) and app.shipping are imported at the first label, or by
# warm_up() right after the window is ready: a third of a second off every cold start.
if TYPE_CHECKING:
    from app.shipping.buyer import LabelBuyer
    from app.shipping.mailer import MailWorker
    from app.shipping.model import PurchasedLabel
    from app.shipping.records import LabelRecord
    from app.store.upstream_labels import UpstreamLabel

log = logging.getLogger(__name__)

RETURN_CODE_RETRY_S = 30  # after the return code could not be made, slips go without it this long

PREVIEW_DPI = 120  # the screen shows the label about 500 px tall: the printer's 203 dpi would be wasted

# Thermal printers speak ZPL; office printers and folders get PDF.
ZPL_SCHEMES = ("tcp://", "serial://", "file://")


@dataclass(frozen=True)
class Printers:
    label: str
    document: str
    label_format: str  # zpl or pdf
    unicode_font: str | None = None  # [printers] unicode_font: a TrueType font on the ZPL printer

    @classmethod
    def from_config(cls, config: Config, spool_dir: Path) -> Printers:
        label = config.label_printer or f"dir://{spool_dir / 'labels'}"
        document = config.document_printer or f"dir://{spool_dir / 'documents'}"
        fmt = config.label_format or ("zpl" if label.startswith(ZPL_SCHEMES) else "pdf")
        return cls(label, document, fmt, config.label_unicode_font or None)

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
        # Recent labels for the screen: the Label, rendered to PNG when the screen asks (after the
        # outcome is shown), then the PNG. Printing never waits for a preview.
        self._previews: OrderedDict[tuple[str, int], Any] = OrderedDict()
        self.shipping = config.shipping  # None: no carrier service is bought; the label is the station's own
        self._buyer: LabelBuyer | None = None  # built at the first label (or at start), then kept
        self._buyer_lock = threading.Lock()
        self._mail: MailWorker | None = None
        self._no_return_code_until = 0.0  # after a failure, slips go without the code for a while

    # ------------------------------------------------------------ the station's Output

    def print_label(self, job: LabelJob) -> LabelResult:
        """Queue a parcel's label. `job.job_id` (from the station's intent) makes it once: asked
        again for the same job id, the queued job is returned (a label is bought once per parcel)."""
        from app.store.upstream_labels import label_for  # at the first label: not needed to start

        upstream = label_for(self.engine, job.order.number, job.box)
        if upstream is not None:
            return self._print_upstream(job, upstream)
        if self.shipping is not None:
            return self._print_shipped(job)
        label = self._label(job)
        first = self.store.first_for(_reference(job), "label") if job.reprint else None
        if first is not None:
            # the same bytes again, recorded as a new linked job
            queued = self.queue.reprint(first.uuid, job_id=job.job_id)
            self._remember_preview(job.order.number, job.box, label)
        else:
            queued = self._submit_own_label(job, label)
        return LabelResult(None, self.printers.label_format, queued.uuid, _shortened(label))

    def _submit_own_label(self, job: LabelJob, label: Any) -> PrintJob:
        """A label the station drew: rendered for the label printer, queued, kept for the screen."""
        fmt = self.printers.label_format
        title = f"{job.order.number}-{job.box}"
        try:
            data = (printers.render_zpl(label, unicode_font=self.printers.unicode_font) if fmt == "zpl"
                    else printers.render_pdf(label, title=title))
        except LabelError as exc:
            raise PrintFailed(_cannot_draw(exc), can_retry=False) from exc
        queued = self.queue.submit(self.printers.label, "label", fmt, data, reference=_reference(job),
                                   job_id=job.job_id)
        self._remember_preview(job.order.number, job.box, label)
        return queued

    def _printer_taking(self, fmt: str, mismatch: str) -> str:
        """The printer for a label received as `fmt` (printed byte for byte): the label printer
        when it speaks that language, else the PDF-taking one; a ZPL label with no ZPL printer
        is refused with `mismatch`."""
        if fmt == self.printers.label_format:
            return self.printers.label
        if fmt == "pdf":
            return self.printers.document  # a PDF label on a ZPL printer would print as garbage
        raise PrintFailed(mismatch)

    def _remember_preview(self, order_number: str, box: int, label: Any) -> None:
        if label is None:
            self._previews.pop((order_number, box), None)  # never show an older label for this box
            return
        self._previews[(order_number, box)] = label
        while len(self._previews) > 20:
            self._previews.popitem(last=False)

    # ------------------------------------------------------------ shipping: bought labels

    def _print_shipped(self, job: LabelJob) -> LabelResult:
        """Buy the parcel's label (once), then print the carrier's file or the station's own label."""
        from app.shipping.errors import ShippingError

        buyer = self._label_buyer()
        reference = _reference(job)
        if job.reprint and job.parcel_uuid:
            # A reprint is the same label again: the same bytes, nothing bought.
            current = buyer.records.current(job.parcel_uuid)
            first = self.store.first_for(reference, "label")
            if current is not None and current.state == "bought" and first is not None:
                queued = self.queue.reprint(first.uuid, job_id=job.job_id)
                return LabelResult(current.tracking_number, first.format, queued.uuid)
        try:
            purchase = buyer.buy(job.order, job.parcel_uuid, job.box, job.weight_g, job.carton)
        except ShippingError as exc:
            log.warning("no label for %s: %s (%s)", reference, exc.code, exc.detail or exc.packer_message)
            raise PrintFailed(exc.packer_message) from exc
        log.info("label for %s: %s %s %s %s%s", reference, purchase.carrier, purchase.service, purchase.rate,
                 purchase.currency, " (already bought)" if purchase.reused else "")
        if purchase.label_bytes is not None:
            return self._print_carrier_file(job, purchase, reference)
        label = self._label(job, tracking=purchase.tracking_number, carrier=purchase.carrier, service=purchase.service)
        queued = self._submit_own_label(job, label)
        return LabelResult(purchase.tracking_number, self.printers.label_format, queued.uuid, _shortened(label))

    def _print_carrier_file(self, job: LabelJob, purchase: PurchasedLabel, reference: str) -> LabelResult:
        """A carrier's label goes out byte for byte, on the printer that speaks its language."""
        fmt = purchase.label_format or self.printers.label_format
        printer = self._printer_taking(fmt, OutputReason("carrier_label_zpl"))
        assert purchase.label_bytes is not None
        queued = self.queue.submit(printer, "label", fmt, purchase.label_bytes, reference=reference, job_id=job.job_id)
        self._remember_preview(job.order.number, job.box, None)
        return LabelResult(purchase.tracking_number, fmt, queued.uuid)

    def _label_buyer(self) -> LabelBuyer:
        """The station's LabelBuyer, built once from [shipping] (rate cards are read here)."""
        from app.shipping.errors import RateCardError, RulesError, ShippingError, ShippingSettingsError
        from app.shipping.service import label_buyer

        with self._buyer_lock:
            if self._buyer is None:
                assert self.shipping is not None
                try:
                    self._buyer = label_buyer(self.engine, self.shipping, self.config.ship_from,
                                              label_format=self.printers.label_format)
                except ShippingError as exc:
                    raise PrintFailed(exc.packer_message) from exc
                except (ShippingSettingsError, RulesError, RateCardError, OSError) as exc:
                    log.error("shipping cannot start: %s", exc)
                    raise PrintFailed(OutputReason("shipping_not_set_up", error=str(exc))) from exc
            return self._buyer

    def shipment(self, parcel_uuid: str) -> LabelRecord | None:
        """The parcel's current label purchase (carrier, service, price, billable weight), for the screen."""
        from app.shipping.records import LabelRecords

        if self.shipping is None or not parcel_uuid:
            return None
        return LabelRecords(self.engine).current(parcel_uuid)

    def _print_upstream(self, job: LabelJob, upstream: UpstreamLabel) -> LabelResult:
        """A label bought upstream goes out byte for byte, on the printer that speaks its language."""
        printer = self._printer_taking(upstream.format, OutputReason("upstream_label_zpl"))
        reference = _reference(job)
        first = self.store.first_for(reference, "label") if job.reprint else None
        queued = (self.queue.reprint(first.uuid, job_id=job.job_id) if first else
                  self.queue.submit(printer, "label", upstream.format, upstream.data, reference=reference,
                                    job_id=job.job_id))
        return LabelResult(upstream.tracking_number, upstream.format, queued.uuid)

    def preview_png(self, order_number: str, box: int) -> bytes | None:
        kept = self._previews.get((order_number, box))
        if kept is None or isinstance(kept, bytes):
            return kept
        png = printers.render_png(kept, PREVIEW_DPI)
        self._previews[(order_number, box)] = png
        return png

    def print_slip(self, order: Order, parcels: list[dict[str, Any]], *, job_id: str | None = None) -> None:
        """Queue the order's packing slip (once per `job_id`: the station's slip intent)."""
        if job_id is not None and self.store.get(job_id) is not None:
            return
        rma, code = self._return_code(order) if self.config.returns.code_on_slip else ("", "")
        try:
            pdf = documents.render_packing_slip(slip_data(order, len(parcels) or None, rma=rma, return_code=code),
                                                template_dir=self.template_dir, page=self.config.slip_page)
        except LabelError as exc:
            raise PrintFailed(OutputReason("slip_cannot_be_made", error=str(exc)), can_retry=False) from exc
        self.queue.submit(self.printers.document, "slip", "pdf", pdf, reference=f"order {order.number} slip",
                          job_id=job_id)

    @property
    def tells_customers(self) -> bool:
        """A packed order owes its customer a shipment e-mail ([email] enabled)."""
        return self.shipping is not None and self.shipping.email.enabled

    def tell_customer(self, order: Order, parcels: list[dict[str, Any]]) -> None:
        """The packed order's shipment e-mail, into the durable outbox (never twice: keyed by parcel)."""
        self._tell_customer(order, parcels)

    def _return_code(self, order: Order) -> tuple[str, str]:
        """The order's RMA and its return code for the slip ([returns] code_on_slip): its open RMA,
        else one issued now (a networked station numbers it from the central sequence, or from the
        RMAs it reserved ahead). The slip goes out without it if that fails: the customer can
        still return by order number."""
        from app.returns.return_label import order_return_code

        if time.monotonic() < self._no_return_code_until:
            return "", ""
        try:
            return order_return_code(self.engine, order.number, config=self.config, station=self.config.station)
        except Exception:  # noqa: BLE001 - the order is packed; a slip without the code beats no slip
            log.exception("no return code on the packing slip of order %s; slips go without it for %d s",
                          order.number, RETURN_CODE_RETRY_S)
            # An unreachable central database can cost the connect timeout per slip: the station
            # worker, and so the packer's next scan, must not wait for it slip after slip.
            self._no_return_code_until = time.monotonic() + RETURN_CODE_RETRY_S
            return "", ""

    def _tell_customer(self, order: Order, parcels: list[dict[str, Any]]) -> None:
        """Queue the shipment e-mail in the durable outbox (keyed by the first parcel: never twice).

        The slip is out whatever happens here: a mail problem is logged, never the packer's.
        """
        if self.shipping is None or not self.shipping.email.enabled:
            return
        from app.shipping.email_templates import ShippedParcel
        from app.shipping.mailer import queue_shipment_email
        from app.shipping.records import LabelRecords

        try:
            records = LabelRecords(self.engine)
            shipped = []
            for parcel in parcels:
                if parcel.get("status") == "voided" or not parcel.get("uuid"):
                    continue
                record = records.current(parcel["uuid"])
                bought = record if record is not None and record.state == "bought" else None
                shipped.append(ShippedParcel(
                    parcel_uuid=parcel["uuid"],
                    tracking_number=(bought.tracking_number if bought else None) or parcel.get("tracking_number")
                    or "",
                    carrier=(bought.carrier if bought else "") or parcel.get("carrier") or "",
                    service=(bought.service if bought else "") or parcel.get("service_level") or "",
                    box=parcel.get("box_no") or 1))
            if not shipped:
                return
            queued = queue_shipment_email(self.engine, self.shipping, order, shipped)
            log.info("shipment e-mail for order %s: %s%s", order.number, queued.outcome,
                     f" ({queued.reason})" if queued.reason else "")
            if queued.outcome == "queued" and self._mail is not None:
                self._mail.wake()
        except Exception:  # noqa: BLE001 - the order is packed; the office sees the outbox
            log.exception("shipment e-mail for order %s not queued", order.number)

    def void_labels(self, order: Order, parcels: list[dict[str, Any]]) -> None:
        """The parcels are marked void in the database by the station; bought labels are voided here.

        A carrier's label is refunded through the shipping module (the parcel may then be labelled
        again, as a new purchase); a label the station printed itself carries no charge.
        """
        if self.shipping is None:
            return
        from app.shipping.errors import ShippingError

        buyer = self._label_buyer()
        problems = []
        for parcel in parcels:
            if not parcel.get("uuid"):
                continue
            try:
                status = buyer.void(parcel["uuid"])
                log.info("void order %s box %s: %s", order.number, parcel.get("box_no"), status)
            except ShippingError as exc:
                log.warning("void order %s box %s failed: %s", order.number, parcel.get("box_no"),
                            exc.detail or exc.packer_message)
                problems.append(exc.packer_message)
        if problems:
            raise PrintFailed(one_after_another(problems))

    def _label(self, job: LabelJob, *, tracking: str | None = None, carrier: str | None = None,
               service: str | None = None):  # noqa: ANN202
        # The one function that draws a parcel's label: `packstation label` rebuilds it with the same.
        from app.printing.labels import own_label

        try:
            return own_label(self.config, self.template_dir, job.order, box=job.box, boxes=job.boxes,
                             weight_g=job.weight_g, weight_source=getattr(job, "weight_source", "scale"),
                             tracking=tracking, carrier=carrier, service=service)
        except LabelError as exc:
            raise PrintFailed(_cannot_draw(exc), can_retry=False) from exc

    # ------------------------------------------------------------ the queue

    def start(self) -> None:
        self.queue.start()
        if self.shipping is None:
            return
        try:
            settled = self._label_buyer().reconcile_all()  # purchases a crash left unconfirmed
            for parcel, outcome in settled:
                log.warning("label purchase for parcel %s left open at the last stop: %s", parcel, outcome)
        except Exception:  # noqa: BLE001 - never stop the station from starting; the next label tells
            log.exception("shipping: purchases not reconciled at start (packstation shipping reconcile)")
        email = self.shipping.email
        if email.enabled and self.shipping.smtp.configured and self._mail is None:
            from app.shipping.mailer import MailWorker
            from app.shipping.service import mail_outbox

            outbox, sender = mail_outbox(self.engine, self.shipping)
            self._mail = MailWorker(outbox, sender)
            self._mail.start()

    def warm_up(self) -> None:
        """Import the renderers now (on the station's worker, after the window is ready) so that
        the first label takes as long as any other."""
        for name in ("render_zpl", "render_pdf", "render_png"):
            getattr(printers, name)
        for name in ("shipping_label", "render_packing_slip"):
            getattr(documents, name)
        import app.store.carrier_labels  # noqa: F401
        from printers.documents import data  # noqa: F401 - for label_data and slip_data (app.printing.documents)

        if self.config.returns.code_on_slip:
            import app.returns.return_label  # noqa: F401 - the slip's return code (RMAs)

    def stop(self) -> None:
        self.queue.stop()
        if self._mail is not None:
            self._mail.stop()
            self._mail = None

    def drain(self, timeout: float = 10.0) -> bool:
        return self.queue.drain(timeout)

    def recent_jobs(self, limit: int = 20) -> list[PrintJob]:
        return self.store.recent(limit)


def _cannot_draw(exc: Exception) -> str:
    """What the packer reads when the label cannot be drawn (a template or an order's data)."""
    return OutputReason("label_cannot_be_made", error=str(exc))


def _shortened(label: Any) -> tuple[str, ...]:
    """The fields the label build had to shorten to fit (printers' `shortened`, when it reports it)."""
    return tuple(getattr(label, "shortened", None) or ())


def _reference(job: LabelJob) -> str:
    """How a parcel's label jobs are found again (reprints): "order 1001 box 2"."""
    return f"order {job.order.number} box {job.box}"
