"""A document's identity text: the same as collapsing whitespace with a regex, in a small multiple of memory."""

from __future__ import annotations

import random
import re
import sys
import tracemalloc
import unicodedata

from thucydides.model import normalise_for_identity

WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def _by_regex(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def test_identity_text_equals_the_regex_definition() -> None:
    rnd = random.Random(3)
    alphabet = [*WHITESPACE, "a", "b", " ", "e\u0301", "\u00e9", "\u1100\u1161", "\u0301"]
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        assert normalise_for_identity(text) == _by_regex(text), repr(text)


def test_identity_of_a_large_text_needs_a_few_times_its_size() -> None:
    text = "Fighters clashed near Hajin,\n and  forty\tfamilies fled. " * 100_000
    tracemalloc.start()
    normalise_for_identity(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 4 * len(text)
