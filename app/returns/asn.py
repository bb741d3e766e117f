"""The advance ship notice (JSON and CSV) and the GS1 logistic label data of each carton and pallet.

The ASN's content comes from app.domain.bulk.AsnDocument; this module only writes it. Label
data follows the GS1 Logistic Label Guideline: AI 02 (content GTIN) and AI 37 (count) only
for a carton of one GTIN, AI 10 (batch) only when that content has one lot.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping

from app.domain.bulk import ASN_COLUMNS, AsnDocument, LogisticUnit, UnitKind
from app.domain.model import Address
from printers.documents.data import Address as LabelAddress
from printers.documents.data import LogisticLabelData
from printers.label import Label


def asn_json(doc: AsnDocument) -> str:
    return json.dumps(doc.as_dict(), ensure_ascii=False, indent=2) + "\n"


def asn_csv(doc: AsnDocument) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ASN_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(doc.rows())
    return out.getvalue()


def label_data(doc: AsnDocument, unit: LogisticUnit) -> LogisticLabelData:
    """The logistic label of one carton or pallet of the shipment."""
    content = doc.shipment.cartons[unit.sscc].items if unit.kind is UnitKind.CARTON else tuple(
        item for child in unit.children for item in doc.shipment.cartons[child].items)
    gtins = {item.gtin for item in content}
    lots = {item.lot for item in content}
    single = len(gtins) == 1 and "" not in gtins
    return LogisticLabelData(
        sscc=unit.sscc,
        ship_from=_label_address(doc.ship_from),
        ship_to=_label_address(doc.ship_to),
        content_gtin=next(iter(gtins)) if single else "",
        count=sum(item.quantity for item in content) if single else None,
        batch=(next(iter(lots)) or "") if single and len(lots) == 1 else "",
        gross_weight_kg=unit.weight_g / 1000 if unit.weight_g else None,
        order_number=doc.purchase_order or doc.shipment.order_number,
    )


def all_label_data(doc: AsnDocument) -> list[LogisticLabelData]:
    """Every carton's label, then every pallet's: the order they are stuck on."""
    units = [*doc.shipment.cartons.values(), *doc.shipment.pallets.values()]
    return [label_data(doc, unit) for unit in units]


def logistic_labels(doc: AsnDocument, dpi: int = 203, kinds: Iterable[UnitKind] | None = None) -> list[Label]:
    """The GS1 logistic labels of the shipment (every carton's, then every pallet's), ready to render.

    `kinds` picks cartons or pallets only. `packstation bulk labels` and the returns window both
    print these.
    """
    from printers.documents import logistic_label

    wanted = set(kinds) if kinds is not None else {UnitKind.CARTON, UnitKind.PALLET}
    units = [*doc.shipment.cartons.values(), *doc.shipment.pallets.values()]
    return [logistic_label(label_data(doc, unit), dpi) for unit in units if unit.kind in wanted]


def ship_from_address(values: Mapping[str, str]) -> Address:
    """The station's [ship_from] table as an address (unknown keys are ignored)."""
    return Address(**{k: v for k, v in values.items() if k in Address.__dataclass_fields__})


def _label_address(a: Address) -> LabelAddress:
    return LabelAddress(a.name, a.company, a.line1, a.line2, a.city, a.region, a.postcode, a.country, a.phone, a.email)
