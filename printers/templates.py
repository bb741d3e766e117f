"""Document templates: TOML files a warehouse can edit without touching code.

A template is looked up first in the station's own template directory (passed in by the
caller, usually the station's config dir) and then among the defaults shipped in
resources/templates, so a warehouse overrides a layout by dropping a file of the same name.
Parsed templates are cached and re-read only when the file changes.

Placeholders are ``{ship_to.name}`` or ``{weight_kg:.2f}``: a dotted path into the
document's data with an optional format spec. Only plain names are allowed (no attribute
or index tricks), and a placeholder that names nothing is a TemplateError that says which
file and which placeholder, so a typo is found at the first test print.

A label template lists elements in millimetres from the top-left corner; `compile_label`
turns it into a Label at the printer's resolution:

    [label]
    width_mm = 101.6
    height_mm = 152.4

    [[element]]
    type = "text"
    x = 4
    y = 4
    text = "{ship_to.name}"
    height = 5
    max_width = 93
    when = "ship_to.name"        # only drawn when this value is not empty
    max_chars = 35               # the carrier's limit: where text is cut if it must be shortened
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from printers.errors import TemplateError
from printers.label import (
    Align,
    Barcode,
    Box,
    Element,
    Fit,
    Font,
    Image,
    Label,
    Line,
    MonoBitmap,
    Rotation,
    Symbology,
    Text,
)

TemplateDir = str | Path | None

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*")


def template_path(name: str, template_dir: TemplateDir = None) -> Path:
    """The file `name` is read from: the station's own copy if it has one, else the default."""
    if "/" in name or "\\" in name or name.startswith("."):
        raise TemplateError(name, "a template name is a plain file name like shipping_label.toml")
    if template_dir is not None:
        own = Path(template_dir) / name
        if own.is_file():
            return own
    return Path(str(resources.files("resources").joinpath("templates", name)))


def load_template(name: str, template_dir: TemplateDir = None) -> dict[str, Any]:
    path = template_path(name, template_dir)
    try:
        stat = path.stat()
    except OSError as exc:
        raise TemplateError(name, f"template not found ({path})") from exc
    return _parse(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _parse(path: str, mtime_ns: int, size: int) -> dict[str, Any]:  # mtime and size key the cache
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(Path(path).name, f"not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(Path(path).name, f"cannot read the template: {exc}") from exc


# --------------------------------------------------------------------------- placeholders

@dataclass(frozen=True)
class _Part:
    literal: str
    name: tuple[str, ...] = ()
    spec: str = ""


@lru_cache(maxsize=4096)
def _compile_text(text: str, where: str) -> tuple[_Part, ...]:
    parts: list[_Part] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(text):
        parts.append(_Part(text[pos:m.start()]))
        pos = m.end()
        token = m.group(0)
        if token in ("{{", "}}"):
            parts.append(_Part(token[0]))
            continue
        name, _, spec = m.group(1).partition(":")
        name = name.strip()
        if not _NAME.fullmatch(name):
            raise TemplateError(where, f"placeholder {token} is not a name like {{ship_to.name}}")
        parts.append(_Part("", tuple(name.split(".")), spec))
    parts.append(_Part(text[pos:]))
    return tuple(p for p in parts if p.literal or p.name)


def lookup(context: Mapping[str, Any], name: str | tuple[str, ...], where: str) -> Any:
    """The value at a dotted path in `context`; a TemplateError if the path names nothing."""
    path = tuple(name.split(".")) if isinstance(name, str) else name
    value: Any = context
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            known = f" (known: {', '.join(sorted(map(str, value)))})" if isinstance(value, Mapping) else ""
            raise TemplateError(where, f"{{{'.'.join(path)}}} names nothing{known}")
        value = value[key]
    return value


def fill(text: str, context: Mapping[str, Any], where: str) -> str:
    """Replace placeholders in `text`; None and missing optional values print as nothing."""
    out = []
    for part in _compile_text(text, where):
        if not part.name:
            out.append(part.literal)
            continue
        value = lookup(context, part.name, where)
        if value is None:
            continue
        try:
            out.append(format(value, part.spec) if part.spec else str(value))
        except (ValueError, TypeError) as exc:
            raise TemplateError(where, f"{{{'.'.join(part.name)}:{part.spec}}}: {exc}") from exc
    return "".join(out)


def truthy(context: Mapping[str, Any], name: str, where: str) -> bool:
    value = lookup(context, name, where)
    return value not in (None, "", 0, False) and not (isinstance(value, (list, tuple)) and not value)


def as_context(value: Any) -> Any:
    """Dataclasses to nested dicts for placeholders (cheaper than dataclasses.asdict)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_context(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [as_context(v) for v in value]
    return value


class TemplateTexts:
    """A document template's [text] table, filled from the data; lists are joined with " · "
    leaving out empty parts, so a footer of shop name, web site and phone never shows "· ·"."""

    def __init__(self, template: Mapping[str, Any], ctx: Mapping[str, Any], name: str) -> None:
        self.raw = template.get("text", {})
        self.name = name
        if not isinstance(self.raw, dict):
            raise TemplateError(name, "[text] must be a table of strings")
        self.ctx = ctx

    def get(self, key: str, when: str = "", bold: bool = False) -> str:
        where = f"{self.name} [text] {key}"
        if when and not truthy(self.ctx, when, where):
            return ""
        value = self.raw.get(key, "")
        if isinstance(value, list):
            parts = [fill(str(v), self.ctx, where).strip() for v in value]
            return "  ·  ".join(p for p in parts if p)
        return fill(str(value), self.ctx, where).strip()


# --------------------------------------------------------------------------- label templates

_MM_KEYS = ("x", "y", "x1", "y1", "x2", "y2", "width", "height", "thickness", "max_width", "box_width",
            "module", "line_spacing", "min_height", "text_height", "min_module")


@dataclass(frozen=True)
class _Spec:
    kind: str
    values: tuple[tuple[str, Any], ...]
    when: str
    unless: str


@dataclass(frozen=True)
class CompiledLabel:
    """A label template checked once and ready to be filled with data many times."""

    name: str
    width_mm: float
    height_mm: float
    specs: tuple[_Spec, ...]

    def build(self, context: Mapping[str, Any], dpi: int = 203,
              images: Mapping[str, MonoBitmap] | None = None) -> Label:
        label = Label.mm(self.width_mm, self.height_mm, dpi)
        to_dots = dpi / 25.4
        elements: list[Element] = []
        for i, spec in enumerate(self.specs):
            where = f"{self.name}, element {i + 1} ({spec.kind})"
            if spec.when and not truthy(context, spec.when, where):
                continue
            if spec.unless and truthy(context, spec.unless, where):
                continue
            if spec.kind in _PROTOTYPED:
                element = _fill_prototype(spec, dpi, where, context)
            else:
                element = _BUILDERS[spec.kind](dict(spec.values), context, to_dots, where, images or {})
            if element is not None:
                elements.append(element)
        return Label(label.width_mm, label.height_mm, dpi, tuple(elements))


def _fill_prototype(spec: _Spec, dpi: int, where: str, context: Mapping[str, Any]) -> Element | None:
    """A text, barcode, line or box element of the template at `dpi`: converted from millimetres
    and checked once (_prototype), then only its text or data filled in for each label."""
    proto = _prototype(spec, dpi, where)
    if proto is None:
        return None
    key = _PROTOTYPED[spec.kind]
    if key is None:  # a line or a box: nothing to fill
        return proto
    value = fill(str(dict(spec.values).get(key, "")), context, where).strip()
    if not value:
        return None
    if isinstance(proto, Text):
        return replace(proto, text=value)
    assert isinstance(proto, Barcode), proto  # _PROTOTYPED fills a text's text or a barcode's data
    return replace(proto, data=value)


@lru_cache(maxsize=512)
def _prototype(spec: _Spec, dpi: int, where: str) -> Element | None:
    values = dict(spec.values)
    key = _PROTOTYPED[spec.kind]
    raw = str(values.get(key, "")) if key else ""
    if key and not raw.strip():
        return None
    # Built with the placeholder text itself (never empty): the element the label gets is this
    # one with the filled-in text or data.
    if not key:
        return _BUILDERS[spec.kind](values, {}, dpi / 25.4, where, {})
    proto = _BUILDERS[spec.kind]({**values, key: "{{}}"}, {}, dpi / 25.4, where, {})
    # "{{}}" fills in as "{}", never empty: a text or a barcode
    assert isinstance(proto, Text | Barcode), proto
    return replace(proto, field=str(values.get("field", "")) or _field_of(raw))


def compile_label(name: str, template_dir: TemplateDir = None) -> CompiledLabel:
    """The label template `name`, parsed and checked (cached until the file changes)."""
    path = template_path(name, template_dir)
    try:
        stat = path.stat()
    except OSError as exc:
        raise TemplateError(name, f"template not found ({path})") from exc
    return _compile_label(name, str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _compile_label(name: str, path: str, mtime_ns: int, size: int) -> CompiledLabel:
    data = _parse(path, mtime_ns, size)
    label = data.get("label")
    if not isinstance(label, dict):
        raise TemplateError(name, "needs a [label] table with width_mm and height_mm")
    try:
        width, height = float(label["width_mm"]), float(label["height_mm"])
    except (KeyError, TypeError, ValueError) as exc:
        raise TemplateError(name, "[label] needs numbers width_mm and height_mm") from exc
    specs = []
    for i, raw in enumerate(data.get("element", [])):
        where = f"{name}, element {i + 1}"
        if not isinstance(raw, dict) or raw.get("type") not in _BUILDERS:
            raise TemplateError(where, f"type must be one of {', '.join(_BUILDERS)}")
        values = {k: v for k, v in raw.items() if k not in ("type", "when", "unless")}
        unknown = set(values) - _ALLOWED[raw["type"]]
        if unknown:
            raise TemplateError(where, f"unknown key(s) {', '.join(sorted(unknown))} for a {raw['type']} "
                                       f"(known: {', '.join(sorted(_ALLOWED[raw['type']]))})")
        for key in _MM_KEYS:
            if key in values and not isinstance(values[key], (int, float)):
                raise TemplateError(where, f"{key} must be a number of millimetres")
        specs.append(_Spec(raw["type"], tuple(sorted(values.items())), str(raw.get("when", "")),
                           str(raw.get("unless", ""))))
    return CompiledLabel(name, width, height, tuple(specs))


def _dots(values: dict[str, Any], key: str, to_dots: float, default: float | None = None) -> int | None:
    value = values.get(key, default)
    return None if value is None else round(float(value) * to_dots)


def _enum(enum: Callable[[Any], Any], value: Any, where: str, key: str) -> Any:
    try:
        return enum(value)
    except ValueError as exc:
        raise TemplateError(where, f"{key} = {value!r} is not allowed") from exc


def _text(v: dict[str, Any], ctx: Mapping[str, Any], to_dots: float, where: str, _: Any) -> Text | None:
    text = fill(str(v.get("text", "")), ctx, where).strip()
    if not text:
        return None
    height = _dots(v, "height", to_dots, 4.0) or 1
    return Text(
        _dots(v, "x", to_dots, 0) or 0, _dots(v, "y", to_dots, 0) or 0, text, height,
        font=_enum(Font, "sans-bold" if v.get("bold") else v.get("font", "sans"), where, "font"),
        rotation=_enum(Rotation, int(v.get("rotation", 0)), where, "rotation"),
        max_width=_dots(v, "max_width", to_dots), max_lines=int(v.get("max_lines", 1)),
        fit=_enum(Fit, v.get("fit", "shrink"), where, "fit"), min_height=_dots(v, "min_height", to_dots),
        align=_enum(Align, v.get("align", "left"), where, "align"),
        line_spacing=_dots(v, "line_spacing", to_dots, 0) or 0, reverse=bool(v.get("reverse", False)),
        field=str(v.get("field", "")) or _field_of(str(v.get("text", ""))),
        max_chars=_max_chars(v, where),
    )


def _max_chars(v: dict[str, Any], where: str) -> int | None:
    value = v.get("max_chars")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 2:
        raise TemplateError(where, "max_chars must be a whole number of characters, at least 2")
    return value


def _field_of(text: str) -> str:
    m = _PLACEHOLDER.search(text)
    return m.group(1).split(":")[0].strip() if m and m.group(1) else ""


def _barcode(v: dict[str, Any], ctx: Mapping[str, Any], to_dots: float, where: str, _: Any) -> Barcode | None:
    data = fill(str(v.get("data", "")), ctx, where).strip()
    if not data:
        return None
    module = max(1, _dots(v, "module", to_dots, 0.375) or 1)
    return Barcode(
        _dots(v, "x", to_dots, 0) or 0, _dots(v, "y", to_dots, 0) or 0,
        _enum(Symbology, v.get("symbology", "code128"), where, "symbology"), data, module=module,
        height=_dots(v, "height", to_dots, 15.0) or 1, human_readable=bool(v.get("human_readable", True)),
        text_height=_dots(v, "text_height", to_dots), rotation=_enum(Rotation, int(v.get("rotation", 0)), where,
                                                                     "rotation"),
        box_width=_dots(v, "box_width", to_dots), align=_enum(Align, v.get("align", "left"), where, "align"),
        min_module=max(1, _dots(v, "min_module", to_dots, 0.25) or 1),
        error_correction=str(v.get("error_correction", "Q")), columns=int(v.get("columns", 0)),
        security_level=int(v.get("security_level", 2)),
        field=str(v.get("field", "")) or _field_of(str(v.get("data", ""))),
    )


def _line(v: dict[str, Any], ctx: Mapping[str, Any], to_dots: float, where: str, _: Any) -> Line:
    line = Line(_dots(v, "x1", to_dots, 0) or 0, _dots(v, "y1", to_dots, 0) or 0,
                _dots(v, "x2", to_dots, 0) or 0, _dots(v, "y2", to_dots, 0) or 0,
                max(1, _dots(v, "thickness", to_dots, 0.25) or 1))
    if line.x1 != line.x2 and line.y1 != line.y2:
        raise TemplateError(where, "lines are horizontal or vertical (x1 = x2 or y1 = y2)")
    return line


def _box(v: dict[str, Any], ctx: Mapping[str, Any], to_dots: float, where: str, _: Any) -> Box:
    return Box(_dots(v, "x", to_dots, 0) or 0, _dots(v, "y", to_dots, 0) or 0,
               max(1, _dots(v, "width", to_dots, 1) or 1), max(1, _dots(v, "height", to_dots, 1) or 1),
               max(1, _dots(v, "thickness", to_dots, 0.25) or 1), bool(v.get("filled", False)),
               int(v.get("rounding", 0)))


def _image(v: dict[str, Any], ctx: Mapping[str, Any], to_dots: float, where: str,
           images: Mapping[str, MonoBitmap]) -> Image | None:
    key = fill(str(v.get("source", "")), ctx, where)
    bitmap = images.get(key)
    if bitmap is None:
        return None
    return Image(_dots(v, "x", to_dots, 0) or 0, _dots(v, "y", to_dots, 0) or 0, bitmap)


# Elements built once per template and dpi, and the key each label fills in (None: nothing).
_PROTOTYPED: dict[str, str | None] = {"text": "text", "barcode": "data", "line": None, "box": None}
_BUILDERS: dict[str, Callable[..., Element | None]] = {
    "text": _text, "barcode": _barcode, "line": _line, "box": _box, "image": _image,
}
_ALLOWED = {
    "text": {"x", "y", "text", "height", "font", "bold", "rotation", "max_width", "max_lines", "fit",
             "min_height", "align", "line_spacing", "reverse", "field", "max_chars"},
    "barcode": {"x", "y", "symbology", "data", "module", "height", "human_readable", "text_height",
                "rotation", "box_width", "align", "min_module", "error_correction", "columns",
                "security_level", "field"},
    "line": {"x1", "y1", "x2", "y2", "thickness"},
    "box": {"x", "y", "width", "height", "thickness", "filled", "rounding"},
    "image": {"x", "y", "source"},
}
