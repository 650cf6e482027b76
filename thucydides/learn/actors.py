"""Derive the actor base from ACLED's train split (offline; the runtime reads only what this writes).

    python -m thucydides.learn.actors [--acled ../shared/data/acled/events.csv] [--out thucydides/data/actors]

Writes, under `thucydides/data/actors/`:
- `acled_actors.csv.gz`: every actor name of the train split (actor1, actor2, associated actors) with its
  inter code (the majority over its actor1/actor2 roles), countries and frequency, parsed: "RSF: Rapid Support
  Forces" gives an acronym and a name, "(2015-2023)" is a period (variants of one actor differing only by period
  are one record, named by the latest), "(Sudan)" a country (the actor is that country's member of a family,
  "Protesters (Sudan)" of "Protesters"), a unit after the period a sub-unit with its force as parent;
- `learned_aliases.csv.gz`: how the notes refer to each actor, from aligning n-grams of the notes with the actors
  ACLED coded on them (precision, lift and support thresholds in settings.yaml `actor_learning`);
- `learned_countries.csv`: ACLED's spelling of each country and the demonyms mined from the notes.

Rows are train rows only (SPLITS.md: dev when sha256(event_id_cnty) % 10 == 0). Nothing of the notes' text
is written except short n-grams naming actors.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from thucydides.knowledge import PACKAGE_DATA, read_yaml
from thucydides.knowledge.actors import (
    ACTOR_COLUMNS,
    ALIAS_COLUMNS,
    KIND_BY_INTER,
    AcledName,
    Curated,
    GenericKind,
    fold_name,
    name_key,
    read_curated,
    slug,
    without_periods,
)
from thucydides.knowledge.demonyms import Countries, build_countries, geonames_countries
from thucydides.knowledge.settings import section
from thucydides.learn.actor_aliases import PLACE_HEADS, LearnSettings, Target, excluded_words, learn_aliases
from thucydides.learn.corpora import acled_parser, acled_split_rows, cell_names, parse_acled_args

DEFAULT_OUT = PACKAGE_DATA / "actors"
ROLES = (("actor1", "inter1"), ("actor2", "inter2"), ("assoc_actor_1", None), ("assoc_actor_2", None))
DEMONYM_SUFFIXES = ("n", "an", "ian", "ean", "ese", "i", "ish", "e", "ine", "ic")


# --- reading ACLED ---------------------------------------------------------------------------------------


def train_rows(path: Path) -> list[dict[str, str]]:
    """The train split of ACLED's events file."""
    return list(acled_split_rows(path, "train", ("notes", "country", "actor1", "inter1")))


def actor_names(row: Mapping[str, str]) -> Iterator[tuple[str, int | None]]:
    """(name, inter code of its role) for every actor of a row; associated actors have no code of their own."""
    for column, inter_column in ROLES:
        for name in cell_names(row.get(column) or ""):
            code = row.get(inter_column or "") or ""
            yield name, int(code) if inter_column and code.isdigit() and code != "0" else None


def country_code(name: str, table: Countries) -> str | None:
    return table.code_of_name(name)


# --- names and records ---------------------------------------------------------------------------------


@dataclass
class NameStats:
    frequency: int = 0
    inter: Counter[int] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)


def collect_names(rows: Iterable[Mapping[str, str]], table: Countries) -> dict[str, NameStats]:
    stats: dict[str, NameStats] = defaultdict(NameStats)
    for row in rows:
        code = country_code(row["country"], table)
        for name, inter in actor_names(row):
            entry = stats[name]
            entry.frequency += 1
            if inter is not None:
                entry.inter[inter] += 1
            if code:
                entry.countries[code] += 1
    return dict(stats)


def _period_start(name: str) -> int:
    match = re.search(r"\((\d{4})\s*-", name)
    return int(match.group(1)) if match else 0


@dataclass
class Record:
    """An actor being derived: its ACLED name and what the rows say of it."""

    id: str
    name: str
    parsed: AcledName
    stats: NameStats
    kind: str | None = None
    inter: int | None = None
    family: str | None = None
    parent: str | None = None
    countries: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    generic: bool = False

    def row(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "kind": self.kind or "", "inter": str(self.inter or ""),
                "family": self.family or "", "parent": self.parent or "", "countries": "|".join(self.countries),
                "acronyms": "|".join(self.acronyms), "aliases": "|".join(self.aliases),
                "frequency": str(self.stats.frequency), "generic": "1" if self.generic else ""}


def group_names(stats: Mapping[str, NameStats]) -> dict[str, list[str]]:
    """Spellings of one actor that differ only by period, under their shared key."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in stats:
        groups[name_key(name)].append(name)
    return groups


def merged_stats(names: Sequence[str], stats: Mapping[str, NameStats]) -> NameStats:
    out = NameStats()
    for name in names:
        out.frequency += stats[name].frequency
        out.inter.update(stats[name].inter)
        out.countries.update(stats[name].countries)
    return out


def generic_match(parsed: AcledName, generics: Sequence[GenericKind],
                  table: Countries) -> tuple[GenericKind, str] | None:
    """The generic kind and country of a name such as 'Military Forces of Nigeria' or 'Protesters (Kenya)'."""
    for spec in generics:
        if parsed.family and parsed.country and parsed.family == spec.family:
            return spec, parsed.country
        match = spec.pattern(table).match(parsed.base)
        code = table.code_of_name(match.group("country")) if match else None
        if code:
            return spec, code
    return None


def top_countries(counts: Counter[str], settings: LearnSettings) -> tuple[str, ...]:
    total = sum(counts.values())
    top = counts.most_common(settings.max_countries)
    return tuple(c for c, n in top if total and n / total >= settings.country_share)


def name_aliases(parsed: AcledName, curated: Curated, table: Countries, home: str | None) -> tuple[str, ...]:
    """Other names an ACLED name gives: its long form, the parts of 'A/B' and 'A - B', a named sub-unit."""
    out: list[str] = []
    if parsed.acronym:
        out.append(parsed.long)
        parts = [p.strip() for p in parsed.long.split("/")]
        if "/" in parsed.acronym and all(len(p.split()) >= 2 for p in parts):
            out += parts
    for part in parsed.long.split(" - ") if " - " in parsed.long else ():
        part = " ".join(re.sub(r"\([^)]*\)", " ", part).split())
        if len(part.split()) >= 2 and not _generic_only(part, curated):
            out.append(part)
    if parsed.subunit:
        out += _subunit_names(parsed.subunit, curated, table, home)
    return tuple(dict.fromkeys(a for a in out if a and a != parsed.full))


def _generic_only(name: str, curated: Curated) -> bool:
    """'Air Force', 'General Command': words any force or group may use, naming none alone."""
    return all(w.lower() in curated.generic_words for w in re.findall(r"[\w']+", name))


def _subunit_names(subunit: str, curated: Curated, table: Countries, home: str | None) -> list[str]:
    """'Puntland Dervish Force' names itself; 'Air Force' only with its country's demonym ('Russian Air Force')."""
    if not _generic_only(subunit, curated):
        return [subunit]
    country = table.get(home)
    return [f"{d} {subunit}" for d in country.demonyms[:2]] if country else []


def _acronyms(parsed: AcledName) -> tuple[str, ...]:
    parts = parsed.acronym.split("/") if parsed.acronym else []
    out = parts if all(len(p) >= 2 for p in parts) else [parsed.acronym or ""]
    if parsed.qualifier and parsed.qualifier.isupper() and " " not in parsed.qualifier and len(parsed.qualifier) > 1:
        out.append(parsed.qualifier)
    return tuple(a for a in out if a)


def build_record(names: Sequence[str], stats: Mapping[str, NameStats], curated: Curated, table: Countries,
                 settings: LearnSettings, places: set[str]) -> Record:
    """One actor from its spellings: the latest period names it; kind and inter from its generic kind or from
    the majority of its roles."""
    name = max(names, key=lambda n: (_period_start(n), stats[n].frequency))
    parsed = AcledName.parse(name, table)
    merged = merged_stats(names, stats)
    record = Record(slug(without_periods(name)), name, parsed, merged, acronyms=_acronyms(parsed))
    generic = generic_match(parsed, curated.generic, table) if not parsed.subunit else None
    parent_generic = generic_match(AcledName.parse(parsed.parent, table), curated.generic, table) \
        if parsed.parent else None
    if generic:
        spec, code = generic
        record.kind, record.inter, record.family, record.countries = spec.kind, spec.inter, slug(spec.family), (code,)
    else:
        inter = min(merged.inter.items(), key=lambda kv: (-kv[1], kv[0]))[0] if merged.inter else None
        record.kind = parent_generic[0].kind if parent_generic else KIND_BY_INTER.get(inter or 0)
        record.inter = parent_generic[0].inter if parent_generic else inter
        record.family = slug(parsed.family) if parsed.family else None
        record.countries = (parsed.country,) if parsed.country else \
            (parent_generic[1],) if parent_generic else top_countries(merged.countries, settings)
    record.parent = slug(parsed.parent) if parsed.parent else None
    aliases = name_aliases(parsed, curated, table, record.countries[0] if record.countries else None)
    record.aliases = tuple(a for a in aliases if not names_a_place(a, places))
    return record


def names_a_place(alias: str, places: set[str]) -> bool:
    """'Gaza Strip' of 'Police Forces of Palestine (2007-) Gaza Strip', 'Shwebo District' of a district's
    militia: part of an actor's name, but a place on its own."""
    key = fold_name(alias).replace("'", "")
    return key in places or key.split()[-1] in PLACE_HEADS


def at_home(members: Sequence[Record]) -> bool:
    """Whether a family's members are named after the country they act in ('Protesters (Kenya)' in Kenya), so a
    report's country settles which member it means; AMISOM's contingents ('(Uganda)') act in Somalia."""
    home = sum(r.stats.countries[r.countries[0]] for r in members if r.countries)
    total = sum(sum(r.stats.countries.values()) for r in members)
    return bool(total) and home >= total / 2


def family_records(records: Mapping[str, Record], curated: Curated) -> list[Record]:
    """A record for every family of country-qualified actors that has none ('Islamic State', 'Students')."""
    generic_ids = {slug(g.family) for g in curated.generic}
    members: dict[str, list[Record]] = defaultdict(list)
    for record in records.values():
        if record.family and record.family not in records and record.family not in generic_ids:
            members[record.family].append(record)
    out = []
    for family_id, group in members.items():
        stats = NameStats(sum(r.stats.frequency for r in group))
        for r in group:
            stats.inter.update(r.stats.inter)
            stats.countries.update(r.stats.countries)
        first = group[0]
        inter = stats.inter.most_common(1)[0][0] if stats.inter else first.inter
        out.append(Record(family_id, first.parsed.base, first.parsed, stats, KIND_BY_INTER.get(inter or 0), inter,
                          acronyms=first.acronyms, aliases=first.aliases if first.parsed.acronym else (),
                          generic=at_home(group)))
    return out


def build_records(stats: Mapping[str, NameStats], curated: Curated, table: Countries,
                  settings: LearnSettings, places: set[str]) -> dict[str, Record]:
    records: dict[str, Record] = {}
    for names in group_names(stats).values():
        record = build_record(names, stats, curated, table, settings, places)
        records.setdefault(record.id, record)
    for family in family_records(records, curated):
        records[family.id] = family
    return records


def coded_targets(rows: Iterable[Mapping[str, str]], records: Mapping[str, Record]) -> list[set[str]]:
    """The records coded on each row (each part of 'A and/or B')."""
    index = {name_key(r.name): r.id for r in records.values()}
    out = []
    for row in rows:
        ids = {index.get(name_key(part)) for name, _ in actor_names(row) for part in name.split(" and/or ")}
        out.append({i for i in ids if i})
    return out


def place_names(rows: Iterable[Mapping[str, str]]) -> set[str]:
    """Every place name of the rows: location, admin units and country, split on ' - ' and '/'."""
    out: set[str] = set()
    for row in rows:
        for column in ("location", "admin1", "admin2", "admin3", "country"):
            out.update(p for p in re.split(r"\s+-\s+|/", row.get(column) or "") if p)
    return out


# --- countries -------------------------------------------------------------------------------------------


def acled_spellings(rows: Iterable[Mapping[str, str]], table: Countries) -> dict[str, str]:
    """ISO code -> ACLED's spelling of the country (its most frequent one)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        code = country_code(row["country"], table)
        if code:
            seen[code][row["country"]] += 1
    return {code: names.most_common(1)[0][0] for code, names in seen.items()}


def _demonym_of(word: str, country: str) -> bool:
    """'Kenyan' of Kenya, 'Afghan' of Afghanistan, 'Palestinian' of Palestine: the name's stem and a suffix."""
    name, low = country.split()[0].lower(), word.lower()
    if name.endswith("stan") and low == name[:-len("istan")]:
        return True
    stem = name.rstrip("aeiouy")
    return low != name and low.startswith(stem) and low[len(stem):] in DEMONYM_SUFFIXES


def mine_demonyms(rows: Iterable[Mapping[str, str]], table: Countries, settings: LearnSettings) -> dict[str, list[str]]:
    """Capitalised words that nearly only appear in one country's notes and are built on its name."""
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for row in rows:
        code = country_code(row["country"], table)
        for word in set(re.findall(r"\b[A-Z][a-z]+\b", row["notes"])):
            words[word] += 1
            if code:
                pairs[(word, code)] += 1
    out: dict[str, list[str]] = defaultdict(list)
    for (word, code), n in sorted(pairs.items()):
        country = table.get(code)
        if country and n >= settings.demonym_support and n / words[word] >= settings.demonym_precision \
                and _demonym_of(word, country.name):
            out[code].append(word)
    return dict(out)


# --- writing ---------------------------------------------------------------------------------------------


def write_gzip_csv(path: Path, columns: Sequence[str], rows: Iterable[Mapping[str, str]]) -> None:
    """A gzip'd CSV with a fixed timestamp, so the same input gives the same bytes."""
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        import io

        text = io.TextIOWrapper(gz, encoding="utf-8", newline="")
        writer = csv.DictWriter(text, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows)
        text.flush()
        text.detach()


def write_countries(path: Path, spellings: Mapping[str, str], demonyms: Mapping[str, list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["code", "acled_name", "demonyms"])
        writer.writeheader()
        for code in sorted(set(spellings) | set(demonyms)):
            writer.writerow({"code": code, "acled_name": spellings.get(code, ""),
                             "demonyms": "|".join(demonyms.get(code, []))})


def derive(acled: Path, out: Path) -> dict[str, int]:
    """Read the train split, write the three files; returns counts for the log."""
    from thucydides.knowledge import data_path
    from thucydides.knowledge.demonyms import CURATED as COUNTRIES_FILE

    settings = section("actor_learning", LearnSettings)
    curated = read_curated(data_path("actors.yaml"))
    table = build_countries(read_yaml(data_path(COUNTRIES_FILE)), {}, geonames_countries())
    rows = train_rows(acled)
    places = place_names(rows)
    records = build_records(collect_names(rows, table), curated, table, settings, excluded_words(places, table))
    aliases = learn_aliases([r["notes"] for r in rows], coded_targets(rows, records),
                            [Target(r.id, name_key(r.name), r.kind, r.family, r.countries) for r in records.values()],
                            places, curated, table, settings)
    demonyms = mine_demonyms(rows, table, settings)
    out.mkdir(parents=True, exist_ok=True)
    ordered = sorted(records.values(), key=lambda r: r.id)
    write_gzip_csv(out / "acled_actors.csv.gz", ACTOR_COLUMNS, (r.row() for r in ordered))
    write_gzip_csv(out / "learned_aliases.csv.gz", ALIAS_COLUMNS,
                   ({"alias": a.alias, "actor": a.actor, "support": str(a.support), "precision": str(a.precision)}
                    for a in aliases))
    write_countries(out / "learned_countries.csv", acled_spellings(rows, table), demonyms)
    return {"train rows": len(rows), "actors": len(records), "aliases": len(aliases),
            "countries with mined demonyms": len(demonyms)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = acled_parser(__doc__, DEFAULT_OUT, "folder to write the derived files to")
    a = parse_acled_args(ap, argv)
    counts = derive(a.acled, a.out)
    print("; ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
