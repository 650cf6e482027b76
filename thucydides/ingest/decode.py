"""Bytes to text: UTF-8 first (fast path), then BOMs, then charset detection.

The stored text of a UTF-8 file must equal `Path.read_text(encoding="utf-8")`, because
evidence offsets are checked against that: so a UTF-8 BOM is kept, and newlines are
normalised the way universal-newline reading does (\\r\\n and \\r become \\n).
"""

from __future__ import annotations

import codecs

BINARY = "binary file, not a report"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = frozenset(chr(c) for c in range(32)) - {"\t", "\n", "\r", "\f", "\v", "\x1b"}
_MAX_CONTROL_SHARE = 0.01


class NotText(ValueError):
    """The bytes are not text in any encoding we accept."""


def universal_newlines(text: str) -> str:
    """Newlines as `open(..., newline=None)` reads them."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _looks_binary(text: str) -> bool:
    """Text decoded from a binary file is full of control characters."""
    if not text:
        return False
    controls = sum(1 for ch in text if ch in _CONTROL)
    return controls > _MAX_CONTROL_SHARE * len(text)


def _detect(data: bytes) -> str:
    """Slow path: let charset-normalizer guess; refuse what it cannot read as text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise NotText(BINARY)
    text = str(best)
    if b"\x00" in data and not best.encoding.startswith(("utf_16", "utf_32")):
        raise NotText(BINARY)
    return text


def decode_bytes(data: bytes) -> str:
    """Decode a report's bytes to text with universal newlines, or raise NotText."""
    bom = bom_encoding(data)
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as exc:
            raise NotText(f"starts with a {bom} byte-order mark but does not decode as {bom}") from exc
    elif b"\x00" in data:
        text = _detect(data)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data)
    if _looks_binary(text):
        raise NotText(BINARY)
    return universal_newlines(text)
