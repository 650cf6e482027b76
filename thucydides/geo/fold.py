"""Name folding: one key for the many Latin spellings of a place name.

Reports transliterate Arabic names freely (Souseh, Sousa, al-Sousah, As Sūsah; Deir ez-Zour,
Deir Ezzor, Dayr az Zawr). Folding maps such variants onto one key so a dictionary lookup
finds them, while the original spellings stay in the gazetteer for display.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from thucydides import data

_APOSTROPHES = str.maketrans("", "", "ʿʾ‘’'`´ʼʻ")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=1)
def _rules() -> tuple[frozenset[str], tuple[tuple[str, str], ...], dict[str, str]]:
    """Articles to drop, the spelling rewrites (applied in the order written) and whole-word spellings."""
    raw = data.load("geo_places.yaml").get("folding") or {}
    articles = frozenset(str(a) for a in raw.get("articles") or ())
    rewrites = tuple((str(a), str(b)) for a, b in (raw.get("rewrites") or {}).items())
    word_map = {str(a): str(b) for a, b in (raw.get("words") or {}).items()}
    return articles, rewrites, word_map


def articles() -> frozenset[str]:
    """The articles folding drops before a name ("al", "el", "the")."""
    return _rules()[0]


def rules_version() -> str:
    """A digest of the folding rules: a gazetteer built under other rules must be rebuilt."""
    import hashlib
    import json

    raw = data.load("geo_places.yaml").get("folding") or {}
    return hashlib.sha256(json.dumps(raw, sort_keys=True).encode()).hexdigest()[:12]


def strip_accents(text: str) -> str:
    """Drop diacritics (Sūsah -> Susah) so Latin spellings with and without them meet."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold_token(token: str, rewrites: tuple[tuple[str, str], ...], inner: bool) -> str:
    if inner and _glued_article(token):
        token = token[2:]  # a glued article: Deir Ezzor -> Deir Zor
    token = _DOUBLED.sub(r"\1", token)
    for old, new in rewrites:
        if old in token:
            token = token.replace(old, new)
    return _final_vowel(token)


def _glued_article(token: str) -> bool:
    return len(token) > 3 and token[0] in "ae" and token[1] == token[2] and token[1] not in "aeiou"


def _final_vowel(token: str) -> str:
    """Sousah, Souseh, Sousa: one ending."""
    if len(token) > 3 and token.endswith("h") and token[-2] in "aeiou":
        token = token[:-1]
    if len(token) > 3 and token.endswith("e"):
        token = token[:-1] + "a"
    return token


@lru_cache(maxsize=65_536)
def fold(name: str) -> str:
    """The lookup key of a place name: accents, case, articles and vowel spellings folded."""
    articles, rewrites, word_map = _rules()
    text = (name if name.isascii() else strip_accents(name)).casefold().translate(_APOSTROPHES)
    tokens = [t for t in _NON_ALNUM.split(text) if t]
    kept = [t for i, t in enumerate(tokens) if not (t in articles and i < len(tokens) - 1)]
    folded = (_fold_token(t, rewrites, i > 0) for i, t in enumerate(kept))
    return " ".join(word_map.get(t, t) for t in folded)


@lru_cache(maxsize=1)
def _skeleton_rules() -> tuple[frozenset[str], int]:
    raw = data.load("geo_places.yaml").get("folding") or {}
    return frozenset(str(c) for c in raw.get("skeleton_drop") or ()), int(raw.get("skeleton_min_letters") or 3)


@lru_cache(maxsize=65_536)
def skeleton(key: str) -> str:
    """The consonant skeleton of a folded key ("wuldiya" -> "wld"); empty when too short to tell names apart."""
    drop, least = _skeleton_rules()
    words = [w[0] + "".join(c for c in w[1:] if c not in drop) for w in key.split() if w]
    out = " ".join(words)
    return out if len(out.replace(" ", "")) >= least else ""


def is_latin(name: str) -> bool:
    """True when a name is written in Latin letters (other scripts are not searchable in English text)."""
    return name.isascii() or strip_accents(name).isascii()
