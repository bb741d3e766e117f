"""A document that arrives ready to print: a carrier's ZPL or PDF label bought upstream.

It is printed exactly as received: no parsing, no re-encoding, no added commands. Changing a
carrier's label (even a code page command) can make it unreadable at the carrier's hub.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from printers.errors import LabelError
from printers.formats import FORMATS, detect_format


@dataclass(frozen=True)
class RawDocument:
    content: bytes
    format: str = ""  # "zpl", "pdf", ...; detected from the content when left empty
    source: str = ""  # where it came from, for logs ("DHL label for SO-100234")

    def __post_init__(self) -> None:
        if not isinstance(self.content, (bytes, bytearray)):
            raise LabelError("content", "a raw document is bytes, exactly as received")
        if not self.content:
            raise LabelError("content", "the label received is empty")
        if not self.format:
            object.__setattr__(self, "format", detect_format(bytes(self.content)))
        if self.format not in FORMATS:
            raise LabelError("format", f"unknown document format {self.format!r}")

    @classmethod
    def from_file(cls, path: str | Path, source: str = "") -> RawDocument:
        return cls(Path(path).read_bytes(), "", source or str(path))

    def render(self) -> bytes:
        """The bytes to send: the content, unchanged."""
        return bytes(self.content)
