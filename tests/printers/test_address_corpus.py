"""Every address in the corpus gets a 4x6 shipping label in ZPL and in PDF, and the labels are
read back the way a scanner and a person would.

The corpus (tests/fixtures/addresses/shipping_addresses.json, see its README) holds real-looking
ship-to addresses in their own scripts and formats, with every field at Shopify's maximum
length somewhere. For each address:

- the label is made and rendered in both formats, without an error (issue 16: labels never
  refuse a customer for their text);
- every barcode reads back: the tracking number, the order number and the GS1 routing
  barcode (421) when the destination has a postcode. The PDF is rasterised with PDFium, the
  ZPL by zplkit (a ZPL interpreter that draws bars and graphic fields as a Zebra printer
  does), and both images are read by zxing-cpp;
- the PDF's text layer holds the name, the town and the postcode, in full or in the shortened
  form the label documents: a prefix ending in an ellipsis;
- nothing is drawn outside the label: the PDF page is rendered with a margin around it and
  the margin must stay white; every text run stays inside the label, inside its section
  between two rules, off the barcodes and off other text. In the ZPL every field starts and
  ends inside the label, and no text field asks the printer's resident font for a script it
  does not have (CJK, Thai, Devanagari, Arabic, Hebrew go as ^GF graphic fields).

Each address is rendered once (cached) and every check is a test of its own, named after the
address, so a failure says which customer would not get a label and why.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path

import pycountry
import pytest
from zpl_reader import read, tokenize

from printers.documents import Address, ShippingLabelData, shipping_label
from printers.pdf import render_pdf
from printers.zpl import render_zpl

CORPUS_FILE = Path(__file__).parents[1] / "fixtures" / "addresses" / "shipping_addresses.json"
CORPUS: list[dict[str, str]] = json.loads(CORPUS_FILE.read_text(encoding="utf-8"))
BY_ID = {record["id"]: record for record in CORPUS}

SENDER = Address("Northwind Fulfilment", "Northwind Ltd", "Unit 4, Riverside Trading Estate", "", "Leeds", "",
                 "LS11 5QT", "GB", "+44 113 496 0000")
DPI = 203
MARGIN_DOTS = 40  # white border rendered around the PDF page: ink there was drawn outside the label
MARGIN_PT = MARGIN_DOTS * 72 / DPI  # whole dots, so the label's edges fall on pixel edges
ELLIPSIS = ("…", "...")
# The label's field (Label.shortened) that holds each checked value: the town line has both.
SHORTENED_AS = {"name": "ship_to.name", "city": "ship_to.city", "zip": "ship_to.city"}
# Scripts a Zebra printer's resident font 0 cannot draw: such text must reach the printer as a
# graphic field (^GF), or it prints as boxes or not at all.
NOT_RESIDENT = re.compile(
    "[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"  # Hebrew, Arabic
    "\u0900-\u097f\u0e00-\u0e7f"  # Devanagari, Thai
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")  # CJK, Hangul


def tracking_for(index: int) -> str:
    return f"JD0146000062{index:08d}"


def order_for(index: int) -> str:
    return f"SO-{5000 + index}"


def ship_to(record: dict[str, str]) -> Address:
    """The printers' Address as the station makes it from a Shopify order (app.printing.documents)."""
    return Address(name=record["name"], company=record.get("company", ""), line1=record.get("address1", ""),
                   line2=record.get("address2", ""), city=record.get("city", ""),
                   region=record.get("province", ""), postcode=record.get("zip", ""),
                   country=record["country_code"], phone=record.get("phone", ""))


def label_data(index: int, record: dict[str, str]) -> ShippingLabelData:
    data = ShippingLabelData(order_number=order_for(index), ship_from=SENDER, ship_to=ship_to(record),
                             carrier="DHL", service="Express Worldwide", tracking_number=tracking_for(index),
                             parcel_number=1, parcel_count=1, weight_g=1250, ship_date="2026-11-25")
    if "latin_address" in {f.name for f in fields(ShippingLabelData)} and record["country_code"] != SENDER.country:
        # As the station sets it for a carrier that wants a Latin address abroad (the default).
        data = replace(data, latin_address=True)
    return data


def expected_routing(record: dict[str, str]) -> str:
    """GS1 AI 421: ISO 3166 numeric country code + the postcode's letters and digits (up to 9)."""
    country = pycountry.countries.get(alpha_2=record["country_code"])
    postcode = re.sub(r"[^0-9A-Z]", "", record.get("zip", "").upper())
    if country is None or not postcode or len(postcode) > 9:
        return ""
    return f"(421){country.numeric}{postcode}"


# ----------------------------------------------------------------------------- rendering, once


@dataclass
class TextRun:
    text: str
    left: float  # points, label coordinates (origin bottom-left, as PDF)
    bottom: float
    right: float
    top: float


@dataclass
class Rendered:
    record: dict[str, str]
    data: ShippingLabelData
    errors: dict[str, str] = field(default_factory=dict)  # format -> what went wrong
    zpl: bytes = b""
    pdf: bytes = b""
    pdf_text: str = ""
    pdf_runs: list[TextRun] = field(default_factory=list)
    pdf_barcodes: list[tuple[str, str, tuple[float, float, float, float]]] = field(default_factory=list)
    pdf_ink_outside: int = 0
    rules_pt: list[float] = field(default_factory=list)  # y of the full-width rules, points from the bottom
    zpl_barcodes: list[str] = field(default_factory=list)
    shortened: tuple[str, ...] = ()  # the fields the label says it shortened
    width_pt: float = 0.0
    height_pt: float = 0.0

    def fail_if_not_rendered(self, fmt: str) -> None:
        if fmt in self.errors:
            pytest.fail(f"{self.record['id']}: no {fmt} label: {self.errors[fmt]}")


@cache
def rendered(address_id: str) -> Rendered:
    index = next(i for i, r in enumerate(CORPUS) if r["id"] == address_id)
    record = CORPUS[index]
    result = Rendered(record, label_data(index, record))
    try:
        label = shipping_label(result.data, dpi=DPI)
    except Exception as exc:  # noqa: BLE001 - reported per address by the tests
        result.errors["zpl"] = result.errors["pdf"] = f"{type(exc).__name__}: {exc}"
        return result
    result.width_pt, result.height_pt = label.width_pt, label.height_pt
    result.shortened = tuple(label.shortened)
    try:
        result.zpl = render_zpl(label)
        result.zpl_barcodes = _zpl_barcodes(result.zpl, label.width_dots, label.height_dots)
    except Exception as exc:  # noqa: BLE001
        result.errors["zpl"] = f"{type(exc).__name__}: {exc}"
    try:
        result.pdf = render_pdf(label, title=result.data.order_number)
        _read_pdf(result)
    except Exception as exc:  # noqa: BLE001
        result.errors["pdf"] = f"{type(exc).__name__}: {exc}"
    return result


def _decode(image) -> list:  # noqa: ANN001 - a PIL image
    import zxingcpp

    # A shipping label carries linear codes only, printed upright in black on white.
    return zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.LinearCodes, try_rotate=False,
                                  try_invert=False, try_downscale=False, binarizer=zxingcpp.Binarizer.FixedThreshold)


def _read_pdf(result: Rendered) -> None:
    """Rasterise the page with a white margin around it; read barcodes, text runs and rules."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(result.pdf)
    try:
        page = document[0]
        left, bottom, right, top = page.get_mediabox()
        grown = (left - MARGIN_PT, bottom - MARGIN_PT, right + MARGIN_PT, top + MARGIN_PT)
        page.set_mediabox(*grown)
        page.set_cropbox(*grown)
        scale = DPI / 72
        image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
        margin = MARGIN_DOTS
        inner = (margin, margin, image.width - margin, image.height - margin)
        whole = image.point(lambda v: 255 if v < 128 else 0)
        result.pdf_ink_outside = (_ink(whole) - _ink(whole.crop(inner)))

        def to_pt(x: float, y: float) -> tuple[float, float]:  # pixel -> label points
            return x / scale - MARGIN_PT, (image.height - y) / scale - MARGIN_PT

        for found in _decode(image):
            p = found.position
            xs = [to_pt(c.x, c.y)[0] for c in (p.top_left, p.top_right, p.bottom_left, p.bottom_right)]
            ys = [to_pt(c.x, c.y)[1] for c in (p.top_left, p.top_right, p.bottom_left, p.bottom_right)]
            result.pdf_barcodes.append((found.format.name, found.text, (min(xs), min(ys), max(xs), max(ys))))
        label_image = image.crop(inner)
        result.rules_pt = _rules(label_image, scale)
        textpage = page.get_textpage()
        result.pdf_text = textpage.get_text_range()
        for i in range(textpage.count_rects()):
            box = textpage.get_rect(i)
            text = textpage.get_text_bounded(*box).strip()
            if text:
                result.pdf_runs.append(TextRun(text, *box))
    finally:
        document.close()


def _ink(image) -> int:  # noqa: ANN001 - a PIL "L" image, 255 where there is ink
    histogram = image.histogram()
    return histogram[255]


def _rules(image, scale: float) -> list[float]:  # noqa: ANN001
    """Rows that are black across at least 95% of the label: the template's separator lines."""
    width, height = image.size
    rows = image.resize((1, height), box=(0, 0, width, height)).tobytes()  # mean of each row
    ys = [y for y, mean in enumerate(rows) if mean < 0.05 * 255]
    groups: list[list[int]] = []
    for y in ys:
        if groups and y - groups[-1][-1] <= 1:
            groups[-1].append(y)
        else:
            groups.append([y])
    return [(height - (g[0] + g[-1]) / 2) / scale for g in groups]


def _graphics_only(zpl: str) -> str:
    """The format without its text fields: what zplkit draws (bars, boxes, lines, ^GF images).

    zplkit's resident font is ASCII only, so text fields are left out of its drawing; they are
    checked field by field instead (test_zpl_fields_stay_inside_the_label)."""
    out: list[str] = []
    current: list[str] = []
    inside = is_text = False
    for cmd in tokenize(zpl):
        written = cmd.prefix + cmd.name + cmd.params
        if cmd.prefix == "^" and cmd.name in ("FO", "FT"):
            inside, is_text, current = True, False, [written]
            continue
        if inside:
            current.append(written)
            is_text = is_text or (cmd.name[0] == "A" and cmd.name != "AB")
            if cmd.name == "FS":
                inside = False
                if not is_text:
                    out += current
            continue
        if cmd.name != "PQ":  # print quantity: a printer setting zplkit does not take
            out.append(written)
    return "".join(out)


def _zpl_barcodes(zpl: bytes, width: int, height: int) -> list[str]:
    import zplkit
    from PIL import Image as PILImage

    document = zplkit.render(_graphics_only(zpl.decode("utf-8")), zplkit.Options(dpi=DPI, width=width,
                                                                                    height=height))
    raster = document.labels[0].rasterize()
    image = PILImage.frombytes("L", (raster.width, raster.height), raster.pixels)
    return [found.text for found in _decode(image)]


# ----------------------------------------------------------------------------- comparing text

_DROP = re.compile(r"[\s,\u200b-\u200f\u2066-\u2069\ufe0e\ufe0f]")


def _comparable(text: str) -> str:
    """Text as compared with the PDF's text layer: NFKC (Arabic presentation forms become
    letters), case folded (the town line is printed in capitals), without spaces, commas and
    direction marks, and without emoji (a thermal label prints in one colour; their letters
    are what the courier reads)."""
    # Turkish: "Kadıköy" is printed "KADIKÖY", which folds back with a dotted i.
    text = unicodedata.normalize("NFKC", text).casefold().replace("ı", "i").replace("i\u0307", "i")
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Sk", "Cf", "Mn")
                   or _is_script_mark(ch))
    return _DROP.sub("", text)


def _is_script_mark(ch: str) -> bool:
    """Combining marks that belong to a script's spelling (Thai vowels, Devanagari signs,
    Hebrew points) are kept; emoji modifiers and variation selectors are not."""
    return unicodedata.category(ch) == "Mn" and "VARIATION SELECTOR" not in unicodedata.name(ch, "")


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def shown(value: str, page_text: str, *, shortened_ok: bool = True) -> bool:
    """`value` is on the page in full, or (with `shortened_ok`) shortened: at least its first
    12 characters followed by an ellipsis.

    Text with right-to-left letters is laid out in visual order (Unicode bidi): its words may
    come out of the text layer in another order, and a word reversed, so each word is looked
    for on its own, as written or reversed."""
    if not _has_rtl(value):
        return _found(value, page_text, shortened_ok=shortened_ok)
    words = value.split()
    shown_words = 0
    while shown_words < len(words) and _found(words[shown_words], page_text, either_way=True,
                                              shortened_ok=False):
        shown_words += 1
    if shown_words == len(words):
        return True
    # Shortened: the words it begins with are there, and an ellipsis marks where it was cut.
    kept = "".join(words[:shown_words])
    return shortened_ok and len(kept) >= min(len(value), 12) and any(mark in page_text for mark in ELLIPSIS)


def _found(value: str, page_text: str, *, either_way: bool = False, shortened_ok: bool = True) -> bool:
    wanted = _comparable(value)
    if not wanted:
        return True
    haystacks = [_comparable(page_text)]
    if either_way:
        haystacks.append(haystacks[0][::-1])
    for hay in haystacks:
        if wanted in hay:
            return True
        if not shortened_ok:
            continue
        for mark in ELLIPSIS:
            for start in (m.start() for m in re.finditer(re.escape(mark), hay)):
                before = hay[:start]
                longest = max((n for n in range(1, min(len(wanted), len(before)) + 1)
                               if before.endswith(wanted[:n])), default=0)
                if longest >= min(len(wanted), 12):
                    return True
    return False


# ----------------------------------------------------------------------------- the tests

IDS = [record["id"] for record in CORPUS]


def test_the_corpus_is_as_wide_as_the_issue_asks() -> None:
    """GIVEN the address corpus
    THEN it has at least 200 addresses from at least 40 countries, in Latin, Greek, Cyrillic,
    Chinese, Japanese, Korean, Arabic, Hebrew, Thai and Devanagari, and every Shopify address
    field reaches Shopify's 255-character limit somewhere."""
    assert len(CORPUS) >= 200 and len(set(IDS)) == len(IDS)
    assert len({r["country_code"] for r in CORPUS}) >= 40
    assert {r["script"] for r in CORPUS} >= {"Latn", "Grek", "Cyrl", "Hans", "Hant", "Jpan", "Kore", "Arab", "Hebr",
                                             "Thai", "Deva"}
    for key in ("first_name", "last_name", "company", "address1", "address2", "city", "province", "zip"):
        assert max(len(r.get(key, "")) for r in CORPUS) == 255, key
    assert {len(BY_ID["gb-long-70"]["name"]), len(BY_ID["gb-long-47"]["name"])} == {70, 47}
    assert BY_ID["jp-tokyo-yamada"]["name"] == "山田太郎"


@pytest.mark.parametrize("address_id", IDS)
def test_the_label_is_made_in_zpl_and_pdf(address_id: str) -> None:
    """GIVEN an address from the corpus WHEN its shipping label is made at 203 dpi
    THEN both the ZPL and the PDF render, whatever the script or length of its text."""
    result = rendered(address_id)
    assert not result.errors, f"{address_id}: {result.errors}"
    assert result.zpl.startswith(b"^XA") and result.pdf.startswith(b"%PDF")


@pytest.mark.parametrize("address_id", IDS)
def test_the_pdf_barcodes_read_back(address_id: str) -> None:
    """GIVEN the PDF label of an address WHEN PDFium rasterises it at 203 dpi and zxing reads it
    THEN the tracking number, the order number and (with a postcode) the (421) routing code read back."""
    result = rendered(address_id)
    result.fail_if_not_rendered("pdf")
    found = [text for _, text, _ in result.pdf_barcodes]
    _assert_barcodes(result, found)


@pytest.mark.parametrize("address_id", IDS)
def test_the_zpl_barcodes_read_back(address_id: str) -> None:
    """GIVEN the ZPL label of an address WHEN zplkit draws it as a 203 dpi printer would and
    zxing reads the image THEN the same barcodes read back as from the PDF."""
    result = rendered(address_id)
    result.fail_if_not_rendered("zpl")
    _assert_barcodes(result, result.zpl_barcodes)


def _assert_barcodes(result: Rendered, found: list[str]) -> None:
    index = IDS.index(result.record["id"])
    routing = expected_routing(result.record)
    assert tracking_for(index) in found
    assert order_for(index) in found
    if routing:
        assert routing in found, f"routing barcode {routing} missing; read {found}"
    else:
        assert not any(text.startswith("(421)") for text in found), found


@pytest.mark.parametrize("address_id", IDS)
def test_the_pdf_shows_name_town_and_postcode(address_id: str) -> None:
    """GIVEN the PDF label of an address WHEN its text layer is read
    THEN the name, the town and the postcode are on it, each in full, or shortened with an
    ellipsis and named in the label's `shortened` (which the packer is told)."""
    result = rendered(address_id)
    result.fail_if_not_rendered("pdf")
    record = result.record
    for key in ("name", "city", "zip"):
        value = record.get(key, "")
        if shown(value, result.pdf_text, shortened_ok=False):
            continue
        assert shown(value, result.pdf_text), f"{key} {value!r} is not on the label; its text: {result.pdf_text!r}"
        assert SHORTENED_AS[key] in result.shortened, (
            f"{key} is printed shortened but the label does not say so (shortened: {result.shortened})")


@pytest.mark.parametrize("address_id", IDS)
def test_nothing_is_drawn_outside_the_pdf_label(address_id: str) -> None:
    """GIVEN the PDF label of an address WHEN the page is rendered with a white margin around it
    THEN the margin stays white, and every run of text lies inside the label, inside its section
    between two rules, off every barcode and off every other run of text."""
    result = rendered(address_id)
    result.fail_if_not_rendered("pdf")
    assert result.pdf_ink_outside == 0, f"{result.pdf_ink_outside} dots of ink outside the label"
    slack = 0.5  # points: anti-aliasing and glyph boxes
    for run in result.pdf_runs:
        assert run.left >= -slack and run.bottom >= -slack, f"{run.text!r} starts outside the label"
        assert run.right <= result.width_pt + slack and run.top <= result.height_pt + slack, (
            f"{run.text!r} runs off the label ({run.right:.1f}, {run.top:.1f} pt)")
        for rule in result.rules_pt:
            assert not (run.bottom + 1 < rule < run.top - 1), f"{run.text!r} crosses the rule at {rule:.1f} pt"
        for _, code, (left, bottom, right, top) in result.pdf_barcodes:
            overlap_x = min(run.right, right) - max(run.left, left)
            overlap_y = min(run.top, top) - max(run.bottom, bottom)
            assert overlap_x <= 1 or overlap_y <= 1, f"{run.text!r} is drawn over the barcode {code!r}"
    runs = result.pdf_runs
    for i, a in enumerate(runs):
        for b in runs[i + 1:]:
            overlap_x = min(a.right, b.right) - max(a.left, b.left)
            overlap_y = min(a.top, b.top) - max(a.bottom, b.bottom)
            smaller = min(a.top - a.bottom, b.top - b.bottom)
            assert overlap_x <= 1 or overlap_y <= 0.3 * smaller, f"{a.text!r} is drawn over {b.text!r}"


@pytest.mark.parametrize("address_id", IDS)
def test_zpl_fields_stay_inside_the_label(address_id: str) -> None:
    """GIVEN the ZPL label of an address THEN every field starts inside the label, every text
    block (^FB width x lines x height) and graphic field (^GF) ends inside it, and no text
    field asks the printer's resident font for CJK, Thai, Devanagari, Arabic or Hebrew."""
    result = rendered(address_id)
    result.fail_if_not_rendered("zpl")
    fmt = read(result.zpl)
    width, height = int(fmt.first("PW").params), int(fmt.first("LL").params)
    for f in fmt.fields:
        assert 0 <= f.x < width and 0 <= f.y < height, f"field at ({f.x}, {f.y}) is outside {width}x{height}"
        if f.kind.startswith("A") and "FB" in f.commands:
            size = int(f.commands[f.kind].args[1] or 0)
            block_width, lines = int(f.arg("FB", 0)), int(f.arg("FB", 1) or 1)
            spacing = int(f.arg("FB", 2) or 0)
            assert f.x + block_width <= width, f"{f.data!r} is {block_width} dots wide from x={f.x}"
            assert f.y + lines * size + (lines - 1) * spacing <= height, f"{f.data!r} runs off the bottom"
            assert len(f.text_lines) <= lines, f"{f.data!r} has more lines than its ^FB allows"
        if f.kind.startswith("A"):
            assert not NOT_RESIDENT.search(f.data or ""), (
                f"text {f.data!r} needs a font the printer does not have: send it as ^GF")
        if f.kind == "GF":
            row_bytes, total = int(f.arg("GF", 3)), int(f.arg("GF", 2))
            assert f.x + row_bytes * 8 <= width + 7 and f.y + total // max(row_bytes, 1) <= height, (
                f"graphic field at ({f.x}, {f.y}) runs off the label")
