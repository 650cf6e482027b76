"""Bytes to text: UTF-8 first (fast path), then BOMs, then charset detection.

Detection is a guess, and on a short text several legacy encodings fit equally well (the same
bytes read as French in cp1252 or as Czech in cp1250): ties are broken by the preference list in
the settings file (`ingest.encodings`), and every guessed decoding is reported, never silent.

The stored text of a UTF-8 file must equal `Path.read_text(encoding="utf-8")`, because
evidence offsets are checked against that: so a UTF-8 BOM is kept, and newlines are
normalised the way universal-newline reading does (\\r\\n and \\r become \\n).
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.ingest.limits import ingest_settings

BINARY = "binary file, not a report"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = frozenset(chr(c) for c in range(32)) - {"\t", "\n", "\r", "\f", "\v", "\x1b"}


class NotText(ValueError):
    """The bytes are not text in any encoding we accept."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool = False
    """True when the encoding came from detection rather than from UTF-8 or a byte-order mark."""

    def warning(self) -> str | None:
        if not self.guessed:
            return None
        return (f"not UTF-8: decoded as {self.encoding}, a guess; if the text reads wrongly, "
                "save the file as UTF-8")


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
    return controls > ingest_settings().binary_control_share * len(text)


def _normal(encoding: str) -> str:
    return codecs.lookup(encoding).name


def _detect(data: bytes, preferred: Sequence[str]) -> Decoded:
    """Slow path: let charset-normalizer guess; refuse what it cannot read as text.

    Among the candidates about as clean as the best, the first in `preferred` wins.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise NotText(BINARY)
    least = min(m.chaos for m in matches)
    fitting = [m for m in matches if m.chaos <= least + ingest_settings().encoding_slack]
    rank = {_normal(e): i for i, e in enumerate(preferred)}
    best = min(fitting, key=lambda m: (rank.get(_normal(m.encoding), len(rank)), -m.coherence))
    if b"\x00" in data and not best.encoding.startswith(("utf_16", "utf_32")):
        raise NotText(BINARY)
    return Decoded(str(best), best.encoding, guessed=True)


def decode_report(data: bytes, preferred: Sequence[str] = ()) -> Decoded:
    """Decode a report's bytes to text with universal newlines, saying how; or raise NotText."""
    bom = bom_encoding(data)
    if bom is not None:
        try:
            decoded = Decoded(data.decode(bom), bom)
        except UnicodeDecodeError as exc:
            raise NotText(f"starts with a {bom} byte-order mark but does not decode as {bom}") from exc
    elif b"\x00" in data:
        decoded = _detect(data, preferred)
    else:
        try:
            decoded = Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            decoded = _detect(data, preferred)
    if _looks_binary(decoded.text):
        raise NotText(BINARY)
    return Decoded(universal_newlines(decoded.text), decoded.encoding, decoded.guessed)


def decode_bytes(data: bytes, preferred: Sequence[str] = ()) -> str:
    """Decode a report's bytes to text with universal newlines, or raise NotText."""
    return decode_report(data, preferred).text
