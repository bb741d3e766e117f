"""What printer language a job is in, guessed from its first bytes (no parsing)."""

from __future__ import annotations

FORMATS = ("zpl", "pdf", "epl", "png", "text")


def detect_format(content: bytes) -> str:
    """"pdf", "png", "zpl", "epl" or "text"."""
    head = content.lstrip()[:16]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\x89PNG"):
        return "png"
    if head[:1] in (b"^", b"~") or b"^XA" in content[:2048]:
        return "zpl"
    if head.startswith((b"N\n", b"N\r", b"\nN")) or b"\nP1" in content[-64:]:
        return "epl"
    return "text"
