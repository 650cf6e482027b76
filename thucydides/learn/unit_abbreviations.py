"""The capitals ACLED's train notes write for a first-level unit after a town and a comma ("(Town, KPK)"), each
with the gazetteer's unit it stands for (`data/geo_unit_abbreviations.csv`, read by knowledge.unit_abbreviations).

    python -m thucydides.learn.unit_abbreviations [--acled ../shared/data/acled/events.csv] [--out FILE]
    (THUCYDIDES_GAZETTEER set: the units' codes are the gazetteer's GeoNames first-level units)

A token counts for the row's own first-level unit (ACLED's admin1) where it spells that unit's name (`spells`: its
letters in order, the first of each word among them); it is kept where at least `min_support` train rows write it
so and at least `min_share` of the rows writing it mean that unit (so "FCT", two countries' capital territories, is
not): settings `unit_abbreviation_learning`. Train split only (never dev).
"""

from __future__ import annotations

import csv
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from thucydides.geo.gazetteer import default_path
from thucydides.knowledge import data_path
from thucydides.knowledge.demonyms import countries
from thucydides.knowledge.settings import section
from thucydides.knowledge.unit_abbreviations import COLUMNS, FILE, UnitAbbreviation
from thucydides.learn.corpora import acled_parser, acled_split_rows, parse_acled_args

AFTER_COMMA = re.compile(r",\s+([A-Z]{2,5})\)")
"""Capitals after a comma, closing a bracket: '(Town, KPK)'."""


@dataclass(frozen=True)
class AbbreviationSettings:
    """Settings section `unit_abbreviation_learning`."""

    min_support: int
    """Train rows writing the token for the unit."""
    min_share: float
    """Share of the rows writing the token (for any unit) that must mean the unit."""


def _plain(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).upper()


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def spells(token: str, name: str) -> bool:
    """'KPK' spells 'Khyber Pakhtunkhwa', 'UP' 'Uttar Pradesh': the token's letters in the name's order, starting
    with its first letter, and the first letter of each of its words among them."""
    words = [w for w in re.split(r"[^A-Z]+", _plain(name)) if w]
    initials = "".join(w[0] for w in words)
    return bool(words) and token[0] == initials[0] and _subsequence(initials, token) \
        and _subsequence(token, "".join(words))


def count(rows: Iterable[Mapping[str, str]]) -> tuple[Counter[tuple[str, str, str]], Counter[str]]:
    """(rows writing a token that spells the row's unit, by token, country and unit; rows writing each token)."""
    meant: Counter[tuple[str, str, str]] = Counter()
    written: Counter[str] = Counter()
    for r in rows:
        for m in AFTER_COMMA.finditer(r["notes"]):
            written[m.group(1)] += 1
            if spells(m.group(1), r["admin1"]):
                meant[(m.group(1), r["country"], r["admin1"])] += 1
    return meant, written


def learn(rows: Iterable[Mapping[str, str]], settings: AbbreviationSettings,
          unit_code: Callable[[str, str], str | None]) -> list[UnitAbbreviation]:
    """The abbreviations that pass the settings, in order of token, country and unit; `unit_code(unit, country)`:
    the unit's 'CC.code' (None: the gazetteer does not know it, and the token is left out)."""
    meant, written = count(rows)
    out = []
    for (token, country, unit), n in sorted(meant.items()):
        if n < settings.min_support or n < settings.min_share * written[token]:
            continue
        code = unit_code(unit, country)
        if code:
            out.append(UnitAbbreviation(token, code, unit, n))
    return out


class GazetteerUnits:
    """The gazetteer's first-level units by ACLED's country and unit name, as 'CC.code' (GeoNames)."""

    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.countries = countries()

    def code(self, name: str, acled_country: str) -> str | None:
        """The one unit of that name in that country (None: none, or more than one)."""
        country = self.countries.code_of_name(acled_country)
        rows = self.con.execute("select id, name from places where kind = 'admin1' and country = ?",
                                (country,)).fetchall()
        hits = [pid for pid, n in rows if _plain(n) == _plain(name)]
        return hits[0].removeprefix("adm1-").replace("-", ".", 1) if len(hits) == 1 else None


def write(path: Path, learned: Sequence[UnitAbbreviation]) -> None:
    """The table, its lines ended by '\\n' (the shipped file's bytes)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS)
        w.writerows((u.abbreviation, u.admin1, u.name, u.train_rows) for u in learned)


def main(argv: Sequence[str] | None = None) -> int:
    a = parse_acled_args(acled_parser(__doc__, data_path(FILE)), argv)
    rows = acled_split_rows(a.acled, "train", ("notes", "country", "admin1"))
    learned = learn(rows, section("unit_abbreviation_learning", AbbreviationSettings),
                    GazetteerUnits(default_path()).code)
    write(a.out, learned)
    print(f"{len(learned)} abbreviations -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
