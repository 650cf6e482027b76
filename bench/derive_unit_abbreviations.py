"""Derive `thucydides/data/geo_unit_abbreviations.csv`: the capitals ACLED's train notes write for a first-level unit
after a town and a comma ("(Town, KPK)"), each with the gazetteer's unit it stands for.

A token counts for the row's own first-level unit (ACLED's admin1) where it spells that unit's name (`spells`: its
letters in order, the first of each word among them); it is kept where at least `--min-rows` train rows write it so
and at least `--share` of its rows mean that unit (so "FCT", two countries' capital territories, is not). Train split
only (never dev). Run: `python bench/derive_unit_abbreviations.py` (THUCYDIDES_GAZETTEER set)."""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from geo_acled_errors import country_code  # noqa: E402

from thucydides.knowledge import outside  # noqa: E402
from thucydides.knowledge.splits import is_acled_dev  # noqa: E402

AFTER_COMMA = re.compile(r",\s+([A-Z]{2,5})\)")
OUT = Path(__file__).resolve().parents[1] / "thucydides" / "data" / "geo_unit_abbreviations.csv"


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


def _unit_code(name: str, country: str | None) -> str | None:
    """The gazetteer's first-level unit of that name in that country, as its 'CC.code' (GeoNames)."""
    import sqlite3

    from thucydides.geo.gazetteer import default_path

    con = sqlite3.connect(f"file:{default_path()}?mode=ro", uri=True)
    rows = con.execute("select id, name from places where kind = 'admin1' and country = ?", (country,)).fetchall()
    hits = [pid for pid, n in rows if _plain(n) == _plain(name)]
    return hits[0].removeprefix("adm1-").replace("-", ".", 1) if len(hits) == 1 else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-rows", type=int, default=5)
    ap.add_argument("--share", type=float, default=0.9)
    args = ap.parse_args()
    meant: Counter[tuple[str, str, str]] = Counter()
    written: Counter[str] = Counter()
    with outside.acled_events().open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if is_acled_dev(r["event_id_cnty"]):
                continue
            for m in AFTER_COMMA.finditer(r["notes"]):
                written[m.group(1)] += 1
                if spells(m.group(1), r["admin1"]):
                    meant[(m.group(1), r["country"], r["admin1"])] += 1
    rows = []
    for (token, country, unit), n in sorted(meant.items()):
        if n < args.min_rows or n < args.share * written[token]:
            continue
        code = _unit_code(unit, country_code(country))
        if code:
            rows.append((token, code, unit, n))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("abbreviation", "admin1", "name", "train_rows"))
        w.writerows(rows)
    print(f"{len(rows)} abbreviations -> {OUT}")


if __name__ == "__main__":
    main()
