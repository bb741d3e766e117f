"""The station's label and slip output: renders documents with `printers` and sends them.

Until a printer is configured, everything goes to the spool folder in the station's data
directory (one file per job), so the demo works with no hardware and says where to look.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

from app.domain.model import Order
from app.station import LabelJob, PrintFailed


class SpoolOutput:
    """Writes each job atomically into a folder: label-<order>-<box>-<job>.json."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def print_label(self, job: LabelJob) -> tuple[str | None, str, str]:
        body = {
            "order": job.order.number, "box": job.box, "boxes": job.boxes, "parcel": job.parcel_uuid,
            "weight_g": job.weight_g, "carton": job.carton, "reprint": job.reprint,
            "carrier": job.order.carrier, "service": job.order.service_level,
            "ship_to": _address(job.order),
        }
        path = self._write(f"label-{job.order.number}-{job.box}", body)
        return None, "json", str(path)

    def print_slip(self, order: Order, parcels: list[dict[str, Any]]) -> None:
        lines = [{"sku": line.sku, "name": line.product.name, "quantity": line.quantity} for line in order.lines]
        self._write(f"slip-{order.number}", {"order": order.number, "lines": lines, "parcels": len(parcels)})

    def void_labels(self, order: Order, parcels: list[dict[str, Any]]) -> None:
        self._write(f"void-{order.number}", {"order": order.number, "parcels": [p["uuid"] for p in parcels]})

    def _write(self, stem: str, body: dict[str, Any]) -> Path:
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem)
        final = self.folder / f"{safe}-{uuid.uuid4().hex[:8]}.json"
        temp = final.with_suffix(".tmp")
        try:
            temp.write_text(json.dumps(body, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
            os.replace(temp, final)
        except OSError as exc:
            raise PrintFailed(f"Cannot write to the spool folder {self.folder}: {exc.strerror}.") from exc
        return final


def _address(order: Order) -> dict[str, str]:
    a = order.ship_to
    return {"name": a.name, "line1": a.line1, "city": a.city, "postcode": a.postcode, "country": a.country}
