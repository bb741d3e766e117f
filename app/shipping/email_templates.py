"""The shipment confirmation, rendered from a brand's templates (text, HTML and subject).

A brand is a folder: brand.toml (name, support address, website, colour, tracking links),
shipment.subject.txt, shipment.txt and shipment.html, with `$name` placeholders. Values are
HTML-escaped in the HTML part; the `*_html` values are built here from escaped parts. A
folder under [email] templates overrides the packaged one of the same brand name.
"""

from __future__ import annotations

import html
import tomllib
from dataclasses import dataclass
from pathlib import Path
from string import Template

from app.domain.model import Order
from app.shipping.errors import ShippingSettingsError
from app.shipping.tracking import tracking_url

PACKAGED = Path(__file__).resolve().parents[2] / "resources" / "templates" / "email"


@dataclass(frozen=True, slots=True)
class ShippedParcel:
    parcel_uuid: str
    tracking_number: str
    carrier: str
    service: str
    box: int = 1


@dataclass(frozen=True, slots=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


def brand_folder(brand: str, override: Path | None = None) -> Path:
    for base in (override, PACKAGED):
        if base is not None and (base / brand / "shipment.txt").is_file():
            return base / brand
    raise ShippingSettingsError(f"e-mail brand {brand!r}: no templates in "
                                f"{override or ''} {PACKAGED} (need {brand}/shipment.txt)".replace("  ", " "))


def render_shipment(order: Order, parcels: list[ShippedParcel], brand: str, override: Path | None = None
                    ) -> RenderedEmail:
    folder = brand_folder(brand, override)
    meta = _brand(folder)
    links = {k.casefold(): v for k, v in (meta.get("tracking_urls") or {}).items()}

    def link(p: ShippedParcel) -> str:
        if not p.tracking_number:
            return ""
        custom = links.get(p.carrier.casefold())
        return custom.format(p.tracking_number) if custom else tracking_url(p.carrier, p.tracking_number)

    to = order.ship_to
    address = [x for x in (to.name, to.company, to.line1, to.line2, " ".join(filter(None, (to.postcode, to.city))),
                           to.region, to.country) if x]
    values = {
        "brand_name": str(meta.get("name", brand)), "support_email": str(meta.get("support_email", "")),
        "website": str(meta.get("website", "")), "accent_color": str(meta.get("accent_color", "#1f6feb")),
        "customer_name": to.name.split(" ")[0] if to.name else "there", "order_number": order.number,
        "carrier": parcels[0].carrier, "service": parcels[0].service,
        "tracking_number": parcels[0].tracking_number, "tracking_url": link(parcels[0]),
        "parcel_count": str(len(parcels)),
    }
    tracked = any(p.tracking_number for p in parcels)
    tracking_lines = [" ".join(x for x in (p.carrier, p.service) if x)
                      + (f": {p.tracking_number}" if p.tracking_number else "")
                      + (f"\n  Track it: {link(p)}" if link(p) else "") for p in parcels]
    heading = ("Tracking number:" if len(parcels) == 1 else "Tracking numbers:") if tracked else "Shipped with:"
    text_values = {**values,
                   "tracking_text": f"{heading}\n  " + "\n  ".join(tracking_lines),
                   "lines_text": "\n".join(f"  {line.quantity} x {line.product.name} ({line.sku})"
                                           for line in order.lines),
                   "ship_to_text": "\n".join(f"  {x}" for x in address)}
    esc = {key: html.escape(value, quote=True) for key, value in values.items()}
    tracking_html = "".join(
        f'<p style="margin:0 0 8px;">{html.escape(p.carrier)} {html.escape(p.service)}'
        + (f': <strong>{html.escape(p.tracking_number)}</strong>' if p.tracking_number else "")
        + (f' &mdash; <a href="{html.escape(link(p), quote=True)}">track your parcel</a>' if link(p) else "")
        + "</p>" for p in parcels)
    rows = "".join(f'<tr><td style="padding:4px 8px 4px 0;">{line.quantity} &times;</td>'
                   f'<td style="padding:4px 0;">{html.escape(line.product.name)} '
                   f'<span style="color:#57606a;">({html.escape(line.sku)})</span></td></tr>' for line in order.lines)
    html_values = {**esc, "tracking_html": tracking_html,
                   "lines_html": f'<table role="presentation" cellpadding="0" cellspacing="0">{rows}</table>',
                   "ship_to_html": "<br>".join(html.escape(x) for x in address)}
    return RenderedEmail(
        subject=_fill(folder / "shipment.subject.txt", values).strip().replace("\n", " "),
        text=_fill(folder / "shipment.txt", text_values),
        html=_fill(folder / "shipment.html", html_values),
    )


def _brand(folder: Path) -> dict:
    path = folder / "brand.toml"
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ShippingSettingsError(f"{path}: not valid TOML: {exc}") from exc


def _fill(path: Path, values: dict[str, str]) -> str:
    try:
        return Template(path.read_text(encoding="utf-8")).substitute(values)
    except KeyError as exc:
        raise ShippingSettingsError(f"{path}: unknown placeholder ${exc.args[0]} "
                                    f"(known: {', '.join(sorted(values))})") from None
    except ValueError as exc:
        raise ShippingSettingsError(f"{path}: {exc} (write $$ for a dollar sign)") from None
