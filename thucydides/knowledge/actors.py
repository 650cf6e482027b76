"""The actor base: every actor ACLED codes, the curated ones, and ACLED's generic actors for any country.

Records are `thucydides.model.Actor` (frozen): id, ACLED name, aliases, acronyms, kind, inter code, countries,
parent, family. Three sources are merged here:
- `data/actors/acled_actors.csv.gz`: every actor name of ACLED's train split with its inter code, countries and
  frequency, parsed ("RSF: Rapid Support Forces" gives both names; "(2015-2023)" is a period, "(Sudan)" a
  country), and `learned_aliases.csv.gz`, how ACLED's notes refer to each actor ("IS militants", "Afghan
  forces"); both written by `python -m thucydides.learn.actors`;
- `data/actors.yaml`: curated actors ACLED lacks (monitors, outlets, agencies) or that other data names by a
  short id (SAA, ISF, Russia ...), the generic actors any country has ("Military Forces of X", "Protesters (X)")
  with the nouns that name them, the head nouns that give an unknown organisation its kind, and speaker nouns;
- `data/actors/countries.yaml` through `thucydides.knowledge.demonyms`: country names and demonyms.

Actors made at run time (a generic actor for a country no record has, an organisation the base lacks) are kept
in the base so that every stage sees the same record for the same id.
"""

from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from thucydides.knowledge import KnowledgeError, data_path, listed, read_yaml, strings
from thucydides.knowledge.demonyms import Countries, Country, countries
from thucydides.ling.tokens import is_acronym
from thucydides.model import Actor

CURATED = "actors.yaml"
ACLED_ACTORS = "actors/acled_actors.csv.gz"
LEARNED_ALIASES = "actors/learned_aliases.csv.gz"
NEW_PREFIX = "new-"

KIND_BY_INTER: Mapping[int, str] = {1: "state_forces", 2: "rebel_group", 3: "political_militia",
                                    4: "identity_militia", 5: "rioters", 6: "protesters", 7: "civilians",
                                    8: "external_force"}
INTER_BY_KIND: Mapping[str, int] = {**{k: i for i, k in KIND_BY_INTER.items()}, "government": 1}
STATE_KINDS = frozenset({"state_forces", "external_force", "government"})
NON_STATE_ARMED_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia"})
ARMED_KINDS = NON_STATE_ARMED_KINDS | {"state_forces", "external_force"}
"""Kinds of actor that fight: ACLED's inter codes 1-4 and 8 (a government is a state actor, not a force)."""
PERSONAL_KINDS = frozenset({"person", "source", "civilians"})
"""Kinds of actor that are people, not an organised group or institution: a person, an unnamed source, civilians."""

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‐": " ", "-": " ", "–": " ", "—": " "})
_PERIOD = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
_PAREN = re.compile(r"\(([^()]*)\)")
_SLUG = re.compile(r"[^0-9a-z]+")


# --- folding -----------------------------------------------------------------------------------------


def _plain_char(c: str) -> str:
    """One character without its accent, lower-cased, and never two characters."""
    decomposed = unicodedata.normalize("NFKD", c)
    plain = decomposed[0] if decomposed and decomposed[0].isascii() else c
    low = plain.lower()
    return low if len(low) == 1 else plain


class _FoldTable(dict[int, str]):
    """Each character's folded form, worked out the first time a text holds it: `str.translate` then folds a
    whole text in one pass."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        folded = self[code] = c.lower() if c.isascii() else _plain_char(c)
        return folded


_FOLD = _FoldTable()


def fold_text(text: str) -> str:
    """Case, accents, quote marks and hyphens folded, one character for one: offsets carry over."""
    text = text.translate(_QUOTES)
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


def fold_name(name: str) -> str:
    """A name as the scanner sees it: folded, spaces collapsed, a leading 'the' dropped."""
    key = " ".join(fold_text(name).split())
    return key[4:] if key.startswith("the ") else key


def without_periods(name: str) -> str:
    """'Military Forces of Nigeria (2015-2023)' -> 'Military Forces of Nigeria': a period is metadata."""
    return " ".join(_PERIOD.sub(" ", name).split())


def name_key(name: str) -> str:
    """The key two spellings of one ACLED actor share: periods and the article after 'of' dropped, folded
    ('Military Forces of the United States (2017-2021)' and 'Military Forces of United States')."""
    return fold_name(without_periods(name)).replace(" of the ", " of ")


def slug(name: str) -> str:
    """A stable id from a name: 'Unidentified Armed Group (Nigeria)' -> 'unidentified-armed-group-nigeria'."""
    return _SLUG.sub("-", fold_text(name)).strip("-")


_DOUBLED_VOWEL = re.compile(r"([aiu])\1", re.IGNORECASE)


_IZAFE = {" i ": " e ", " e ": " i "}


def spelling_variants(name: str) -> list[str]:
    """Other transliterations of a name, folded: a long a, i or u written once ('Al Shabaab': 'al shabab') and
    the other vowel of the Persian and Urdu izafe ('Tehreek-i-Taliban': 'tehreek e taliban'). Acronyms have
    none."""
    if case_sensitive(name):
        return []
    folded = fold_name(name)
    out = {_DOUBLED_VOWEL.sub(r"\1", folded)}
    out |= {folded.replace(a, b) for a, b in _IZAFE.items() if a in folded}
    return sorted(v for v in out if v != folded)


_KINDED_MILITIA = re.compile(r"^(?!unidentified )(.+?) (?:ethnic|communal|clan|tribal|indigenous|caste) militia"
                             r"(?: \([^()]*\))?$")


def militia_variants(name: str) -> list[str]:
    """How reports name a militia ACLED names by its people or place and its kind ('Murle Ethnic Militia (South
    Sudan)'): without the country, and the people's name with 'militia' or 'militiamen' alone ('Murle
    militia', 'Zaiter clan militiamen'), folded."""
    match = _KINDED_MILITIA.match(fold_name(without_periods(name)))
    if match is None:
        return []
    people, full = match.group(1), match.group(0).split(" (")[0]
    heads = ("militia", "militias", "militiamen")
    return sorted({full, *(f"{people} {h}" for h in heads), *(f"{full.removesuffix(' militia')} {h}" for h in heads)})


def bears_word(actor: Actor, word: str) -> bool:
    """Whether one of the actor's names holds `word` as a word of its own ('coalition' in 'US-led coalition')."""
    return any(word in n.lower().replace("-", " ").split() for n in (actor.name, *actor.aliases))


def case_sensitive(alias: str) -> bool:
    """Acronyms only match as written: short all-capital ones ("IS", "US", "M23") and any one-word name with
    two capitals or more ("LeT", "JeI", "CORD", "AMISOM"), which would otherwise be English words."""
    if is_acronym(alias):
        return True
    return " " not in alias.strip() and len(alias) <= 8 and sum(c.isupper() for c in alias if c.isalpha()) >= 2


# --- ACLED names -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AcledName:
    """An ACLED actor name taken apart: 'RSF: Rapid Support Forces', 'Protesters (Kenya)',
    'Military Forces of Somalia (2022-) Puntland Dervish Force'."""

    full: str
    base: str
    """Without periods, country qualifier and sub-unit."""
    acronym: str | None = None
    long: str = ""
    """`base` without its acronym."""
    country: str | None = None
    """ISO code of a '(Country)' qualifier."""
    qualifier: str | None = None
    """Any other bracketed qualifier ('Sahel', 'Pro-Iran')."""
    subunit: str | None = None
    """A unit named after the period ('Puntland Dervish Force')."""
    parent: str | None = None
    """For a sub-unit, the name of the force it belongs to ('Military Forces of Somalia')."""
    composite: bool = False
    """'A and/or B': ACLED could not tell two actors apart."""

    @classmethod
    def parse(cls, full: str, table: Countries) -> AcledName:
        name = " ".join(full.split())
        composite = " and/or " in name
        parent, subunit = split_subunit(name)
        base, country, qualifier = _qualifiers(parent, table)
        acronym, long = _acronym(base)
        return cls(name, base, acronym, long, country, qualifier, subunit,
                   without_periods(parent) if subunit else None, composite)

    @property
    def family(self) -> str | None:
        """The family name a country-qualified actor belongs to ('Protesters' of 'Protesters (Kenya)')."""
        return self.base if self.country and not self.subunit else None


def split_subunit(name: str) -> tuple[str, str | None]:
    """'Military Forces of Somalia (2022-) Puntland Dervish Force' -> (the force with its period, the unit)."""
    match = _PERIOD.search(name)
    if match is None:
        return name, None
    tail = name[match.end():].strip()
    if not tail or tail.startswith("("):
        return name, None
    return name[:match.end()].strip(), tail


def _qualifiers(name: str, table: Countries) -> tuple[str, str | None, str | None]:
    """The name without bracketed periods and qualifiers, its '(Country)' and any other qualifier."""
    country = qualifier = None
    for inner in _PAREN.findall(name):
        if _PERIOD.fullmatch(f"({inner})"):
            continue
        code = table.code_of_name(inner)
        if code and country is None:
            country = code
        elif qualifier is None:
            qualifier = inner.strip()
    base = " ".join(_PAREN.sub(" ", name).split()) if country else without_periods(name)
    return base, country, qualifier


_LOWER_WORDS = frozenset({"of", "and", "for", "the", "on", "in"})


def _capital(word: str) -> str:
    """'health' -> 'Health', 'ICT' stays, 'of' stays lower: words of an office's name as ACLED writes them."""
    return word if word in _LOWER_WORDS or not word[:1].islower() else word[:1].upper() + word[1:]


def _unslug(text: str) -> str:
    """'disaster-management-affairs' -> 'disaster management affairs' (an office's purpose from its id)."""
    return " ".join(text.split("-"))


def _acronym(base: str) -> tuple[str | None, str]:
    """'RSF: Rapid Support Forces' -> ('RSF', 'Rapid Support Forces'); names without one keep themselves."""
    head, sep, tail = base.partition(": ")
    if sep and head and " " not in head.strip() and tail:
        return head.strip(), tail.strip()
    return None, base


# --- curated knowledge -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GenericKind:
    """One of ACLED's actors every country has ('Military Forces of X'), and the nouns that name it."""

    key: str
    family: str
    template: str
    kind: str
    inter: int
    nouns: tuple[str, ...]
    means: tuple[str, ...] = ()
    """Nouns that name it only with a country ('Israeli drones')."""
    people: tuple[str, ...] = ()
    """Words that describe someone of this kind inside a phrase ('army officers', 'a colonel', 'passengers'):
    never names on their own, so the scanner does not look for them."""
    targets: tuple[str, ...] = ()
    """Things that belong to this kind, never named as an actor ('a house', 'a mosque'): a strike on one hits it."""
    refer_back: tuple[str, ...] = ()
    """Nouns of it that, bare, stand for the armed group the report named just before ('M23 seized the town ...
    the rebels'): only where none is named do they name this kind."""

    def name_for(self, country: Country) -> str:
        return self.template.format(country=country.name, of_country=country.after_of)

    def pattern(self, table: Countries) -> re.Pattern[str]:
        """A regular expression that reads an ACLED name of this kind and captures its country."""
        head, _, tail = self.template.partition("{")
        tail = tail.partition("}")[2]
        return re.compile(rf"^{re.escape(head)}(?:the )?(?P<country>.+?){re.escape(tail)}$")


@dataclass(frozen=True, slots=True)
class CuratedEntry:
    actor: Actor
    acled: str | None


@dataclass(frozen=True)
class Curated:
    entries: tuple[CuratedEntry, ...]
    generic: tuple[GenericKind, ...]
    generic_words: frozenset[str]
    head_kinds: Mapping[str, str]
    speaker_nouns: tuple[str, ...]
    alias_heads: frozenset[str] = frozenset()
    """Head nouns of the phrases notes use for actors (for learning aliases)."""
    office_generics: Mapping[str, str] = field(default_factory=dict)
    """A word of an office's name -> the generic actor it speaks for ('defence': military)."""
    office_nouns: frozenset[str] = frozenset()
    """Nouns of an office named by what it is for ('ministry', 'department': Ministry of Health of Chad)."""
    people_heads: frozenset[str] = frozenset()
    """Nouns that, after a people's name, make the phrase that people's militia ('Pokot raiders', 'Konkomba
    and Dagomba groups')."""
    people_kinds: tuple[str, ...] = ()
    """Last words of the names ACLED gives a people's groups and militias ('Maasai Ethnic Militia'): what goes
    before them is a people's name (`ActorBase.people_countries`)."""
    follower_nouns: frozenset[str] = frozenset()
    """Nouns naming a party's or a movement's followers ('supporters of X', 'X cadres'): a crowd, not X's armed
    side (events/roles.crowd_clash)."""


def _int_or_none(value: object, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise KnowledgeError(f"{where}: 'inter' must be an ACLED inter code (1-8), not {value!r}")
    return value


def _curated_entry(raw: object, where: str) -> CuratedEntry:
    if not isinstance(raw, Mapping) or not raw.get("id") or not (raw.get("name") or raw.get("acled")):
        raise KnowledgeError(f"{where}: an actor needs at least 'id' and 'name' (or 'acled')")
    actor = Actor(
        id=str(raw["id"]), name=str(raw.get("name") or raw.get("acled")),
        aliases=strings(raw, "aliases", where), kind=str(raw["kind"]) if raw.get("kind") else None,
        inter=_int_or_none(raw.get("inter"), where), parent=str(raw["parent"]) if raw.get("parent") else None,
        countries=strings(raw, "countries", where),
    )
    return CuratedEntry(actor, str(raw["acled"]) if raw.get("acled") else None)


def _generic_kind(raw: object, where: str) -> GenericKind:
    if not isinstance(raw, Mapping) or not all(raw.get(k) for k in ("key", "family", "name", "kind", "inter")):
        raise KnowledgeError(f"{where}: a generic actor needs key, family, name, kind and inter")
    return GenericKind(str(raw["key"]), str(raw["family"]), str(raw["name"]), str(raw["kind"]),
                       int(raw["inter"]), strings(raw, "nouns", where), strings(raw, "means", where),
                       strings(raw, "people", where), strings(raw, "targets", where),
                       tuple(w.lower() for w in strings(raw, "refer_back", where)))


def _head_kinds(raw: Mapping[str, object], where: str) -> dict[str, str]:
    table = raw.get("head_kinds") or {}
    if not isinstance(table, Mapping):
        raise KnowledgeError(f"{where}: 'head_kinds' must map kinds to lists of nouns")
    return {noun.lower(): str(kind) for kind in table for noun in strings(table, str(kind), f"{where}: head_kinds")}


def read_curated(path: Path) -> Curated:
    raw = read_yaml(path)
    where = str(path)
    entries = tuple(_curated_entry(e, f"{where}: actors[{i}]") for i, e in enumerate(listed(raw, "actors", where)))
    generic = tuple(_generic_kind(g, f"{where}: generic[{i}]") for i, g in enumerate(listed(raw, "generic", where)))
    offices = raw.get("office_generics") or {}
    if not isinstance(offices, Mapping):
        raise KnowledgeError(f"{where}: 'office_generics' must map generic actors to lists of words")
    return Curated(entries, generic, frozenset(w.lower() for w in strings(raw, "generic_words", where)),
                   _head_kinds(raw, where), strings(raw, "speaker_nouns", where),
                   frozenset(w.lower() for w in strings(raw, "alias_heads", where)),
                   {w.lower(): str(k) for k in offices for w in strings(offices, str(k), where)},
                   frozenset(w.lower() for w in strings(raw, "office_nouns", where)),
                   frozenset(w.lower() for w in strings(raw, "people_heads", where)),
                   tuple(w.lower() for w in strings(raw, "people_kinds", where)),
                   frozenset(w.lower() for w in strings(raw, "follower_nouns", where)))


# --- derived data ------------------------------------------------------------------------------------

ACTOR_COLUMNS = ("id", "name", "kind", "inter", "family", "parent", "countries", "acronyms", "aliases",
                 "frequency", "generic")
ALIAS_COLUMNS = ("alias", "actor", "support", "precision")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x for x in cell.split("|") if x)


def read_acled_actors(path: Path) -> tuple[list[Actor], dict[str, int]]:
    """The derived records and their frequencies in ACLED's train split (empty when never built)."""
    if not path.is_file():
        return [], {}
    actors, frequency = [], {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            try:
                actors.append(Actor(
                    id=row["id"], name=row["name"], aliases=_split(row["aliases"]), kind=row["kind"] or None,
                    inter=int(row["inter"]) if row["inter"] else None, parent=row["parent"] or None,
                    acronyms=_split(row["acronyms"]), countries=_split(row["countries"]),
                    family=row["family"] or None, generic=row["generic"] == "1"))
                frequency[row["id"]] = int(row["frequency"] or 0)
            except (KeyError, ValueError) as exc:
                raise KnowledgeError(f"{path}: row {i + 2} is malformed: {exc}") from exc
    return actors, frequency


@dataclass(frozen=True, slots=True)
class LearnedAlias:
    """How ACLED's notes refer to an actor, with the evidence for it (what `learn.actor_aliases` writes)."""

    alias: str
    actor: str
    support: int
    precision: float


def read_learned_aliases(path: Path) -> list[LearnedAlias]:
    if not path.is_file():
        return []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        try:
            return [LearnedAlias(r["alias"], r["actor"], int(r["support"]), float(r["precision"]))
                    for r in csv.DictReader(fh)]
        except (KeyError, ValueError) as exc:
            raise KnowledgeError(f"{path}: malformed learned alias: {exc}") from exc


# --- the base ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Name:
    """A name the scanner looks for, and the actor it names."""

    text: str
    actor: str
    exact: bool
    """Matched as written (short acronyms), else folded."""


@dataclass
class ActorBase:
    """Every actor by id, every name by its folded form, and the generic actors of every country."""

    actors: dict[str, Actor]
    names: dict[str, str]
    """Folded name or alias -> actor id."""
    exact: dict[str, str]
    """Case-sensitive acronym -> actor id."""
    members: dict[tuple[str, str], str]
    """(family id, country code) -> the family's member for that country."""
    generics: dict[str, GenericKind]
    """Generic kind key -> its definition."""
    family_ids: dict[str, str]
    """Generic kind key -> the id of its family record."""
    countries: Countries
    curated: Curated
    frequency: dict[str, int] = field(default_factory=dict)
    curated_ids: frozenset[str] = frozenset()
    made: dict[str, Actor] = field(default_factory=dict)
    """Actors made at run time: generic actors of countries no record has, organisations the base lacks."""
    _generic_ids: dict[str, tuple[str, str]] = field(default_factory=dict)
    _describing: dict[str, frozenset[str]] = field(default_factory=dict)
    _offices: dict[str, str] = field(default_factory=dict)
    """Id of an office family made at run time ('Ministry of Health', no country yet) -> its title."""
    _homes: dict[str, set[str]] = field(default_factory=dict)
    """Family id -> the countries it has members in (built on first use)."""
    _peoples: dict[str, frozenset[str]] | None = None
    """Folded people's name -> the countries its groups are in (built on first use)."""
    unit_parents: dict[str, str] = field(default_factory=dict)
    """Id of a family of state-force units one name stands for in many countries ('Gendarmerie', 'Prison Guards')
    -> the generic kind of the forces they belong to, a country's member where it has no such unit."""
    militias: dict[str, str] = field(default_factory=dict)
    """Short folded names of militias ACLED names by people and kind ('murle militia') -> actor id: read only
    for a group the parse finds ('Murle militiamen'), never scanned ('Tal Afar militia' is no Afar militia)."""

    # lookups

    def get(self, actor_id: str | None) -> Actor | None:
        """The actor with this id: a record, one made at run time, or a generic actor rebuilt from its id."""
        if not actor_id:
            return None
        found = self.actors.get(actor_id) or self.made.get(actor_id)
        if found is not None:
            return found
        generic = self._generic_id_index().get(actor_id)
        return self.generic(*generic) if generic else self._office_from_id(actor_id)

    def lookup(self, name: str) -> Actor | None:
        """The actor a name or alias stands for (folded; acronyms as written), if the base knows it."""
        actor_id = self.exact.get(name.strip()) or self.names.get(fold_name(name)) or self.names.get(name_key(name))
        return self.get(actor_id)

    def alliance_named(self, word: str) -> Actor | None:
        """The one foreign force whose names hold this word ('coalition': the base's only coalition of foreign
        forces); None where none or several do, so a word every war uses never picks one war's side."""
        word = word.lower()
        found = {a.id for a in self.actors.values() if a.kind == "external_force" and not a.family
                 and bears_word(a, word)}
        return self.get(found.pop()) if len(found) == 1 else None

    def militia(self, name: str) -> Actor | None:
        """The militia ACLED names by a people or place and its kind that a short name stands for."""
        return self.get(self.militias.get(fold_name(name)))

    def kind(self, actor_id: str | None) -> str | None:
        actor = self.get(actor_id)
        return actor.kind if actor else None

    def scan_names(self) -> Iterator[Name]:
        """Every name the scanner should find, folded ones and exact ones."""
        for key, actor_id in self.names.items():
            yield Name(key, actor_id, False)
        for text, actor_id in self.exact.items():
            yield Name(text, actor_id, True)

    # generic actors and families

    def generic(self, key: str, country: str | None) -> Actor:
        """ACLED's generic actor of a kind for a country ('military', 'NG' -> Military Forces of Nigeria);
        without a country, the family itself ('Military Forces'), to be settled later."""
        spec = self.generics.get(key)
        if spec is None:
            raise KeyError(f"unknown generic actor kind {key!r}; known: {', '.join(sorted(self.generics))}")
        home = self.countries.get(country)
        if home is None:
            return self.actors[self.family_ids[key]]
        name = spec.name_for(home)
        known = self.get(self.names.get(name_key(name)))
        if known is not None:
            return known
        return self._make(Actor(id=slug(name), name=name, aliases=(spec.family,), kind=spec.kind,
                                inter=spec.inter, countries=(home.code,), family=self.family_ids[key]))

    def family_of(self, actor_id: str | None) -> str | None:
        """The family an actor belongs to ('Protesters' of 'Protesters (Kenya)'); a family's own record is itself;
        None for an id the base does not know."""
        actor = self.get(actor_id)
        return (actor.family or actor.id) if actor is not None else None

    def generic_key(self, actor_id: str | None) -> str | None:
        """The generic kind ('military', 'protesters') an actor or family belongs to, if any."""
        family = self.family_of(actor_id)
        if family is None:
            return None
        return next((k for k, fid in self.family_ids.items() if fid == family), None)

    def settles(self, actor: Actor | None) -> bool:
        """Whether a report's country settles this family into its member ('police', 'gunmen', 'students',
        'Darfur communal militia'). A curated family ('Islamic State', id ISIS) keeps the id that claims and
        events follow across countries; only exports give its country's name (`name_in`)."""
        if actor is None or not actor.generic:
            return False
        return self.generic_key(actor.id) is not None or actor.id not in self.curated_ids

    def name_in(self, actor: Actor, country: str | None) -> str:
        """ACLED's name of an actor in an event in `country`: 'Islamic State' in Syria is Islamic State (Syria)."""
        if actor.generic and country:
            member = self.member(actor.id, country)
            if member is not None:
                return member.name
        return actor.name

    def member(self, family_id: str, country: str | None) -> Actor | None:
        """A family's member for a country: 'Protesters' + KE -> Protesters (Kenya); 'Islamic State' + SY ->
        Islamic State (Syria). A generic family always has one; another family gets one made on its pattern."""
        family = self.get(family_id)
        home = self.countries.get(country)
        if family is None or home is None:
            return None
        key = self.generic_key(family.id)
        if key is not None:
            return self.generic(key, home.code)
        known = self.members.get((family.id, home.code))
        if known:
            return self.get(known)
        if family.id in self.unit_parents:
            return self.generic(self.unit_parents[family.id], home.code)
        if family.id in self._offices:
            return self._office_of(self._offices[family.id], home)
        name = f"{without_periods(family.name)} ({home.name})"
        return self._make(Actor(id=slug(name), name=name, aliases=(family.name, *family.aliases), kind=family.kind,
                                inter=family.inter, acronyms=family.acronyms, countries=(home.code,),
                                family=family.id))

    def home(self, family_id: str) -> str | None:
        """The one country a militia ACLED names by a people has members in ('Konkomba Ethnic Militia': Ghana):
        a report whose places say nothing of that country (or another) still names that country's militia."""
        if self.kind(family_id) != "identity_militia" or self.generic_key(family_id) is not None:
            return None
        found = self.member_countries(family_id)
        return next(iter(found)) if len(found) == 1 else None

    def member_countries(self, family_id: str) -> frozenset[str]:
        """The countries a family has members in ('Murle Ethnic Militia': South Sudan, Ethiopia, Kenya)."""
        if not self._homes:
            for fam, code in self.members:
                self._homes.setdefault(fam, set()).add(code)
        return frozenset(self._homes.get(family_id, ()))

    def people_countries(self, name: str) -> frozenset[str]:
        """The countries of the people a name is ('Maasai': Kenya, Tanzania), from the families ACLED names by a
        people and a kind (`people_kinds`: 'Maasai Ethnic Militia', 'Maasai Ethnic Group'); empty for a name that
        is no people's."""
        if self._peoples is None:
            self._peoples = self._people_index()
        return self._peoples.get(fold_name(name), frozenset())

    def _people_index(self) -> dict[str, frozenset[str]]:
        kinds = tuple(f" {k}" for k in self.curated.people_kinds)
        out: dict[str, set[str]] = {}
        for actor in self.actors.values():
            name = fold_name(actor.name)
            kind = next((k for k in kinds if name.endswith(k)), None)
            if kind and not actor.family and (homes := self.member_countries(actor.id)):
                out.setdefault(name.removesuffix(kind), set()).update(homes)
        return {k: frozenset(v) for k, v in out.items() if k != "unidentified"}

    def discover(self, name: str, country: str | None = None, kind: str | None = None) -> Actor:
        """The record for an organisation or speaker the base lacks ('the Darfur Bar Association'): a stable
        id from its folded name and country, the kind guessed from its head noun unless given."""
        display = " ".join(name.split())
        if display.lower().startswith("the "):
            display = display[4:]
        known = self.lookup(display) or self._demonym_named(display, country)
        if known is not None:
            return known
        guessed = kind or self.kind_of_name(display)
        actor_id = NEW_PREFIX + slug(display) + (f"-{country.lower()}" if country else "")
        return self.made.get(actor_id) or self._make(Actor(
            id=actor_id, name=display, kind=guessed, inter=INTER_BY_KIND.get(guessed),
            countries=(country,) if country else ()))

    def person(self, name: str, speaks_for: Actor | None = None) -> Actor:
        """A person a report quotes by name, as their own record (kind 'person'); the organisation they speak
        for, when known, is its parent and gives its country."""
        display = " ".join(name.split()).removesuffix("'s").removesuffix("’s")
        known = self.lookup(display)
        if known is not None:
            return known
        actor_id = NEW_PREFIX + slug(display)
        return self.made.get(actor_id) or self._make(Actor(
            id=actor_id, name=display, kind="person", parent=speaks_for.id if speaks_for else None,
            countries=speaks_for.countries if speaks_for else ()))

    def source(self, name: str) -> Actor:
        """People who speak without being a side ('witnesses', 'medics', 'residents' telling a reporter): a
        record of kind 'source' under their own word, never the actor the word may also name."""
        display = " ".join(name.split())
        actor_id = NEW_PREFIX + slug(display)
        return self.made.get(actor_id) or self._make(Actor(id=actor_id, name=display, kind="source"))

    def describes(self, words: Iterable[str]) -> str | None:
        """The generic kind that words of a phrase describe ('army officers': military, 'passengers':
        civilians), by the kinds' names and people words, in the order the curated file lists the kinds."""
        if not self._describing:
            for key, spec in self.generics.items():
                self._describing[key] = frozenset(w.lower() for w in (*spec.nouns, *spec.people))
        found = {w.lower() for w in words}
        return next((key for key, known in self._describing.items() if found & known), None)

    def office(self, noun: str, purpose: str, country: str | None = None) -> Actor:
        """An office named by what it is for, in ACLED's 'X of Country' form: ('ministry', 'health', 'TD') ->
        Ministry of Health of Chad, a government record under Government of Chad. An office that speaks for a
        generic actor is that actor ('Ministry of Defence': Military Forces of Chad). Without a country, the
        office's family, settled by the report's country like any generic actor."""
        key = self.office_generic(purpose)
        if key is not None:
            return self.generic(key, country)
        title = f"{_capital(noun)} of {' '.join(_capital(w) for w in purpose.split())}"
        home = self.countries.get(country)
        if home is not None:
            return self._office_of(title, home)
        family_id = NEW_PREFIX + slug(title)
        self._offices.setdefault(family_id, title)
        return self.made.get(family_id) or self._make(Actor(id=family_id, name=title, kind="government",
                                                            inter=INTER_BY_KIND["government"], generic=True))

    def office_named(self, name: str, country: str | None = None) -> Actor | None:
        """The office a written name stands for ('the Ministry of Health', 'Health Ministry', 'Sudanese Health
        Ministry'), in `country` unless its name gives one; None when the name is no office's."""
        words = [w for w in name.replace("'s", " ").replace("’s", " ").split() if w.lower() != "the"]
        named = next((c for w in words if (c := self.countries.code_of(w))), None)
        parts = self._office_parts([w for w in words if not self.countries.code_of(w)])
        return self.office(parts[0], parts[1], named or country) if parts else None

    def _office_parts(self, words: list[str]) -> tuple[str, str] | None:
        """(noun, purpose) of 'Ministry of Health' or 'Health Ministry'."""
        while words and words[-1].lower() == "of":
            words = words[:-1]
        low = [w.lower() for w in words]
        if len(low) > 2 and low[0] in self.curated.office_nouns and low[1] == "of":
            return low[0], " ".join(words[2:])
        if len(low) > 1 and low[-1] in self.curated.office_nouns:
            return low[-1], " ".join(words[:-1])
        return None

    def _office_of(self, title: str, home: Country) -> Actor:
        name = f"{title} of {home.after_of}"
        known = self.lookup(name)
        if known is not None:
            return known
        family = NEW_PREFIX + slug(title)
        self._offices.setdefault(family, title)
        government = self.generic("government", home.code)
        return self.made.get(NEW_PREFIX + slug(name)) or self._make(Actor(
            id=NEW_PREFIX + slug(name), name=name, aliases=(title,), kind="government",
            inter=INTER_BY_KIND["government"], parent=government.id, countries=(home.code,), family=family))

    def _office_from_id(self, actor_id: str) -> Actor | None:
        """An office made in another run, rebuilt from its id ('new-ministry-of-health-of-chad')."""
        rest = actor_id.removeprefix(NEW_PREFIX)
        noun = next((n for n in self.curated.office_nouns if rest.startswith(f"{slug(n)}-of-")), None)
        if not actor_id.startswith(NEW_PREFIX) or noun is None:
            return None
        purpose = rest[len(slug(noun)) + 4:]
        for country in self.countries.by_code.values():
            tail = f"-of-{slug(country.after_of)}"
            if purpose.endswith(tail) and len(purpose) > len(tail):
                return self.office(noun, _unslug(purpose[:-len(tail)]), country.code)
        return None

    def _demonym_named(self, name: str, country: str | None) -> Actor | None:
        """A unit ACLED names with its country's demonym ("Somalia's National Intelligence and Security Agency" is
        the Somali National Intelligence and Security Agency, a unit of Somalia's forces)."""
        home = self.countries.get(country)
        demonyms = home.demonyms if home is not None else ()
        return next((a for d in demonyms if (a := self.lookup(f"{d} {name}")) is not None), None)

    def office_generic(self, name: str) -> str | None:
        """The generic actor an office speaks for ('Defence Ministry': military), if its name says one."""
        words = fold_name(name).replace("'s", "").split()
        return next((self.curated.office_generics[w] for w in words if w in self.curated.office_generics), None)

    def head_kind(self, name: str) -> str | None:
        """An organisation's kind from the last word of its name the head-noun table knows, if any."""
        words = fold_name(name).replace("'s", "").split()
        for i in range(len(words) - 1, -1, -1):
            for span in (" ".join(words[i - 1:i + 1]) if i else "", words[i]):
                if span and span in self.curated.head_kinds:
                    return self.curated.head_kinds[span]
        return None

    def kind_of_name(self, name: str) -> str:
        """An organisation's kind from its head noun; 'organisation' when the table knows none of its words."""
        return self.head_kind(name) or "organisation"

    def _make(self, actor: Actor) -> Actor:
        self.made.setdefault(actor.id, actor)
        return self.made[actor.id]

    def _generic_id_index(self) -> dict[str, tuple[str, str]]:
        """Ids of generic actors for every country -> (kind key, country), built on first use."""
        if not self._generic_ids:
            for key, spec in self.generics.items():
                for country in self.countries.by_code.values():
                    self._generic_ids[slug(spec.name_for(country))] = (key, country.code)
        return self._generic_ids

    def exported(self, actor: Actor) -> Actor:
        """The actor as exports show it: ACLED's name as `name`, and among the aliases its acronyms, its name
        without period or acronym ('Military Forces of Nigeria', 'Rapid Support Forces') and its family's name,
        so that a reader matching on either finds it."""
        family = self.get(actor.family) if actor.family else None
        short = [without_periods(actor.name), *actor.acronyms, *(family.acronyms if family else ())]
        _, long = _acronym(without_periods(actor.name))
        names = [*short, long, *((family.name,) if family else ()), *actor.aliases]
        aliases = tuple(dict.fromkeys(n for n in names if n and n != actor.name))
        return replace(actor, aliases=aliases)

    def inter_in(self, actor: Actor, country: str | None) -> int | None:
        """ACLED's inter code of an actor in an event in `country`: a state's forces or government are 1 at home
        and 8 (external) abroad; other actors keep their own code."""
        if actor.kind in STATE_KINDS and actor.countries and country:
            return 1 if country in actor.countries else 8
        return actor.inter if actor.inter is not None else INTER_BY_KIND.get(actor.kind or "")

    def actor_or_new(self, actor_id: str, text: str | None = None) -> Actor:
        """The actor for an id, or, for an id the base cannot rebuild (an organisation found in an earlier run),
        a record named by the text that mentioned it."""
        known = self.get(actor_id)
        if known is not None:
            return known
        if actor_id.startswith(NEW_PREFIX):
            name = text[4:] if text and text.lower().startswith("the ") else text
            name = name or " ".join(_capital(w) for w in _unslug(actor_id.removeprefix(NEW_PREFIX)).split())
            return Actor(id=actor_id, name=name, kind=self.kind_of_name(name),
                         inter=INTER_BY_KIND.get(self.kind_of_name(name)))
        return Actor(id=actor_id, name=actor_id)


# --- building the base -------------------------------------------------------------------------------


def _family_records(curated: Curated, actors: dict[str, Actor]) -> dict[str, str]:
    """Every generic kind's family record (made when the derived data has none), by kind key."""
    out = {}
    for spec in curated.generic:
        family_id = slug(spec.family)
        existing = actors.get(family_id)
        aliases = tuple(dict.fromkeys((*(existing.aliases if existing else ()), *spec.nouns)))
        actors[family_id] = Actor(id=family_id, name=spec.family, aliases=aliases, kind=spec.kind,
                                  inter=spec.inter, generic=True)
        out[spec.key] = family_id
    return out


def _merge_curated(entry: CuratedEntry, actors: dict[str, Actor], by_key: dict[str, str]) -> tuple[Actor, str | None]:
    """A curated entry joined with the derived record it names (returns the record and the id it replaces)."""
    mine = entry.actor
    old_id = by_key.get(name_key(entry.acled)) if entry.acled else None
    old = actors.get(old_id) if old_id else None
    if old is None:
        return mine, None
    merged = replace(
        old, id=mine.id, aliases=tuple(dict.fromkeys((*old.aliases, mine.name, *mine.aliases))),
        kind=mine.kind or old.kind, inter=mine.inter or old.inter, parent=mine.parent or old.parent,
        countries=mine.countries or old.countries)
    return merged, old.id


def _remap(actor: Actor, moved: Mapping[str, str]) -> Actor:
    if actor.family in moved or actor.parent in moved:
        return replace(actor, family=moved.get(actor.family or "", actor.family),
                       parent=moved.get(actor.parent or "", actor.parent))
    return actor


def _index(actors: Mapping[str, Actor], learned: Iterable[LearnedAlias], frequency: Mapping[str, int],
           curated_ids: frozenset[str], family_ids: frozenset[str] = frozenset(),
           ) -> tuple[dict[str, str], dict[str, str]]:
    """Folded names and exact acronyms -> actor id. A curated actor's names win; otherwise the stronger
    evidence: how often ACLED codes the actor whose own name it is, or how many notes taught a learned alias
    ('RSF' of the Rapid Support Forces in 111 notes over Reporters Without Borders' own acronym). A one-word
    name of ACLED's ('The Left', 'Taliban') only counts as written: folded, it would be an English word; a
    family's ('Students', 'Pastoralists') names people in any case."""
    ranked: dict[tuple[str, bool], tuple[tuple[int, int], str]] = {}
    folded_ok = curated_ids | family_ids

    def offer(text: str, actor_id: str, weight: int, learned: bool = False) -> None:
        text = text.strip()
        one_word = len(fold_name(text).split()) == 1
        article = text.startswith("The ") and one_word  # 'The Left' is a name, 'left' a word
        exact = case_sensitive(text) or article or (not learned and actor_id not in folded_ok and one_word)
        written = text[4:] if text.startswith("The ") and not article else text
        key = (written if exact else fold_name(text), exact)
        if len(key[0]) < 2:
            return
        rank = (int(actor_id in curated_ids), weight)
        if key not in ranked or rank > ranked[key][0]:
            ranked[key] = (rank, actor_id)

    for actor in actors.values():
        for text in _own_names(actor):
            offer(text, actor.id, frequency.get(actor.id, 0))
    for actor in actors.values():  # after every real name, so a spelling variant never displaces one
        for text in _own_names(actor):
            for variant in spelling_variants(text):
                if (variant, False) not in ranked:
                    offer(variant, actor.id, -1)
    for alias in learned:
        if alias.actor in actors:
            offer(alias.alias, alias.actor, alias.support, learned=True)
    names = {k: v for (k, exact), (_, v) in ranked.items() if not exact}
    exact_names = {k: v for (k, exact), (_, v) in ranked.items() if exact}
    return names, exact_names


def _own_names(actor: Actor) -> Iterator[str]:
    if " and/or " not in actor.name:
        yield without_periods(actor.name)
    yield from actor.acronyms
    yield from actor.aliases


def _merge_all_curated(curated: Curated, actors: dict[str, Actor], frequency: dict[str, int]) -> dict[str, str]:
    """Every curated entry into `actors`, joined with the derived record it names; returns old id -> new id."""
    by_key = {name_key(a.name): a.id for a in actors.values()}
    moved: dict[str, str] = {}
    for entry in curated.entries:
        record, old_id = _merge_curated(entry, actors, by_key)
        if old_id:
            del actors[old_id]
            moved[old_id] = record.id
            frequency[record.id] = frequency.get(old_id, 0)
        actors[record.id] = record
    return moved


def _members(actors: Mapping[str, Actor], frequency: Mapping[str, int]) -> dict[tuple[str, str], str]:
    """(family id, country) -> the family's member there; the most frequent wins."""
    members: dict[tuple[str, str], str] = {}
    for a in sorted(actors.values(), key=lambda a: frequency.get(a.id, 0)):
        if a.family and len(a.countries) == 1:
            members[(a.family, a.countries[0])] = a.id
    return members


def build_base(curated: Curated, derived: list[Actor], frequency: dict[str, int], learned: list[LearnedAlias],
               table: Countries) -> ActorBase:
    """The base from its sources: derived records, curated entries merged in, generic families, indexes.
    Curated records come first, then the generic families, then ACLED's."""
    actors = {a.id: a for a in derived}
    family_ids = _family_records(curated, actors)
    moved = _merge_all_curated(curated, actors, frequency)
    actors = {i: _remap(a, moved) for i, a in actors.items()}
    family_ids = {k: moved.get(v, v) for k, v in family_ids.items()}
    learned = [replace(a, actor=moved.get(a.actor, a.actor)) for a in learned]
    curated_ids = [e.actor.id for e in curated.entries]
    order = [*curated_ids, *(i for i in family_ids.values() if i not in curated_ids)]
    actors = {**{i: actors[i] for i in order if i in actors}, **actors}
    families = frozenset(a.id for a in actors.values() if a.generic)
    names, exact = _index(actors, learned, frequency, frozenset(curated_ids), families)
    base = ActorBase(actors, names, exact, _members(actors, frequency), {g.key: g for g in curated.generic},
                     family_ids, table, curated, frequency, frozenset(curated_ids))
    base.militias = _militia_index(actors, names, frequency)
    _add_unit_families(base, curated)
    return base


@dataclass
class _UnitFamily:
    """State-force units of several countries that ACLED names alike ('Military Forces of Guinea (2021-)
    Gendarmerie', 'Military Forces of Turkey (2016-) Gendarmerie')."""

    name: str
    members: dict[str, str] = field(default_factory=dict)
    """Country -> the most frequent unit there."""
    parents: dict[str, int] = field(default_factory=dict)
    """Generic kind of the units' forces -> how many units belong to such forces."""


def _unit_families(base: ActorBase, curated: Curated) -> dict[str, _UnitFamily]:
    """Units of a country's military, police or government by the folded name of the unit."""
    out: dict[str, _UnitFamily] = {}
    for actor in sorted(base.actors.values(), key=lambda a: base.frequency.get(a.id, 0)):
        parent, unit = split_subunit(actor.name)
        parent = without_periods(parent)
        key = next((g.key for g in curated.generic if parent.startswith(f"{g.family} of ")), None)
        if unit is None or key is None or len(actor.countries) != 1 or len(fold_name(unit)) < 3:
            continue
        family = out.setdefault(fold_name(unit), _UnitFamily(unit))
        family.members[actor.countries[0]] = actor.id
        family.parents[key] = family.parents.get(key, 0) + 1
    return out


def _add_unit_families(base: ActorBase, curated: Curated) -> None:
    """A unit's bare name that ACLED gives units of several countries ('Prison Guards', 'Federal Police') names a
    family settled by the report's country: that country's unit, or its forces where ACLED knows no such unit
    there, never the most frequent country's. A name the base gives an actor outside the family keeps it."""
    for key, family in _unit_families(base, curated).items():
        units = set(family.members.values())
        owner = base.names.get(key)
        if len(family.members) < 2 or (owner is not None and owner not in units):
            continue
        record = Actor(id=f"unit-{slug(family.name)}", name=family.name, kind="state_forces",
                       inter=INTER_BY_KIND["state_forces"], generic=True)
        base.actors.setdefault(record.id, record)
        base.names[key] = record.id
        for written in [t for t, a in base.exact.items() if a in units and fold_name(t) == key]:
            base.exact[written] = record.id
        base.members.update({(record.id, country): unit for country, unit in family.members.items()})
        base.unit_parents[record.id] = max(family.parents, key=lambda k: family.parents[k])


def _militia_index(actors: Mapping[str, Actor], names: Mapping[str, str],
                   frequency: Mapping[str, int]) -> dict[str, str]:
    """Short names of kinded militias ('murle militia') -> the militia (its family where it has one: the most
    frequent record wins a name), leaving out names the base already gives another actor."""
    out: dict[str, str] = {}
    for actor in sorted(actors.values(), key=lambda a: (a.generic, frequency.get(a.id, 0))):
        for variant in militia_variants(actor.name):
            if variant not in names:
                out[variant] = actor.family if actor.family and actor.family in actors else actor.id
    return out


@dataclass(frozen=True)
class ActorConfig:
    """Settings section `stages.actors`: what the base takes in and what recognition may add."""

    learned_aliases: bool = True
    """Take the aliases learned from ACLED's notes (off: names only, to measure what they add)."""
    new_actors: bool = True
    """An organisation the base lacks becomes a new actor record (off: it is left out)."""
    alliance_words: tuple[str, ...] = ("coalition",)
    """Words that, modifying a force or a weapon ('Coalition military forces', 'a coalition airstrike'), make it
    the alliance of that word the report names, else the base's only foreign force so named, not a country's."""
    coreference_window: int = 250
    """Characters after a country's force within which a bare 'the troops' is that force, not the report's
    country's."""
    country_from_actors: bool = True
    """A report whose places tell no country settles its generic actors by its named actors' country."""
    back_reference_window: int = 600
    """Characters after a named armed group within which a bare 'the rebels' (a generic kind's `refer_back`
    noun) is that group (0: never; such nouns are then the country's unidentified armed group)."""
    back_reference_after: int = 40
    """Characters after such a noun within which a group's name belongs to its own phrase ('militants from the
    X'): the noun then refers to nothing before it."""
    likely_group: bool = True
    """A bare armed noun in a report naming no armed group is the group ACLED's coders most often name for it in
    the report's country (`settle.likely_group`; off: the country's unidentified armed group)."""
    likely_group_years: int = 2
    """Years before the first and after the last train note of such a reading within which a dated report may
    take it (groups rise and fall)."""
    namesake_in_name: bool = True
    """A place read inside an actor's name ('Murle raiders') that lies in none of the countries ACLED knows the
    actor's family in is a namesake: it does not vote for the report's country (`settle.document_country`)."""
    home_over_country: str = "always"
    """Where a people's militia ACLED names in one country only ('Arab Ethnic Militia': Sudan) keeps that home in a
    report whose country is another, in which it has no member: 'always', 'neighbours' (only where the home
    borders the report's country: a cross-border raid, as ACLED codes Toposa raiders from South Sudan in Kenya) or
    'never' (named for the report's country, ACLED's rule for generic actors). A report that tells no country
    takes the home in every mode."""
    state_force_reading: bool = True
    """'Security forces' (data/actors.yaml `state_force_nouns`) settled in a country whose ACLED coders read them as
    the police (data/actors/state_forces.csv) is that country's police (`settle.state_force_reading`; off: its
    military)."""

    def __post_init__(self) -> None:
        if self.home_over_country not in HOME_MODES:
            from thucydides.knowledge.settings import SettingsError

            raise SettingsError(f"stages.actors.home_over_country: {self.home_over_country!r}; "
                                f"choose from {', '.join(HOME_MODES)}")


HOME_MODES = ("always", "neighbours", "never")


@cache
def load_base(learned_aliases: bool = True) -> ActorBase:
    """The actor base, loaded once per option."""
    derived, frequency = read_acled_actors(data_path(ACLED_ACTORS))
    learned = read_learned_aliases(data_path(LEARNED_ALIASES)) if learned_aliases else []
    return build_base(read_curated(data_path(CURATED)), derived, frequency, learned, countries())


def actor_config() -> ActorConfig:
    from thucydides.knowledge.settings import section

    return section("stages.actors", ActorConfig)


def actor_base() -> ActorBase:
    """The actor base as the settings file configures it."""
    return load_base(actor_config().learned_aliases)
