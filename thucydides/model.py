"""The one domain model every stage speaks.

Shapes follow the export contract (`thucydides-export` v1): a Document is split
into Mentions; stages turn mentions into Claims and Events that point at Places
and Actors by id. Everything is a plain dataclass so stages stay testable alone
and the store and exporters can serialise without guessing.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:  # the model itself needs no spaCy; stages that fill these fields do
    from spacy.tokens import Doc

    from thucydides.ling.segments import Segmentation

MentionKind = Literal["place", "actor", "date", "number"]
PlaceKind = Literal[
    "populated_place", "admin1", "admin2", "country", "region", "river", "facility", "border", "other"
]
Qualifier = Literal["exact", "approximately", "at_least", "at_most", "range", "vague"]
Unit = Literal["person", "km2", "km", "m", "percent"]
TimeRole = Literal["point", "since", "until", "during"]

METRICS: tuple[str, ...] = (
    "killed", "wounded", "fled", "surrendered", "captured", "fighters_present",
    "civilians_present", "territory_held", "territory_taken", "distance", "share_held",
)
UNITS: tuple[str, ...] = get_args(Unit)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)


def stable_id(prefix: str, *parts: object, length: int = 16) -> str:
    """An id derived from content only, so reruns on the same input give the same ids."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:length]}"


# Every character str.isspace() (and the regex \s) calls whitespace, mapped to a space.
_SPACES = {code: " " for code in (*range(0x09, 0x0E), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
                                  0x2028, 0x2029, 0x202F, 0x205F, 0x3000)}


def normalise_for_identity(text: str) -> str:
    """The text a document is identified by: NFC, whitespace collapsed, trimmed.

    Two copies of a report that differ only in line endings or spacing are one document. Same result as
    a regex collapsing whitespace runs and a strip, without the piece per word that costs ~12x a large text's size.
    """
    spaced = unicodedata.normalize("NFC", text).translate(_SPACES)
    while "  " in spaced:
        spaced = spaced.replace("  ", " ")
    return spaced.strip(" ")


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed range of days; either end may be open (None)."""

    start: date | None
    end: date | None
    inferred: bool = False

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"interval starts after it ends: {self.start} > {self.end}")

    @property
    def days(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into a document's stored text, with the text they quote."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    doc: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, doc: Document, start: int, end: int) -> Evidence:
        """Evidence quoting `doc.text[start:end]`, trimmed of surrounding whitespace."""
        raw = doc.text[start:end]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        start, end = start + lead, end - trail
        return cls(doc.id, start, end, doc.text[start:end])


@dataclass(slots=True)
class Document:
    """A report as stored. Evidence offsets index `text` exactly.

    `furniture` lists spans of `text` that are navigation or credit lines: they stay in the
    text (so offsets keep pointing at what the reader sees) but are blanked before analysis.
    """

    id: str
    text: str
    name: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: Interval | None = None
    source: str | None = None
    furniture: tuple[Span, ...] = ()

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def analysis_text(self) -> str:
        """`text` with furniture blanked by spaces: same length, so offsets carry over."""
        if not self.furniture:
            return self.text
        chars = list(self.text)
        for span in self.furniture:
            for i in range(span.start, span.end):
                if chars[i] not in "\n":
                    chars[i] = " "
        return "".join(chars)

    @classmethod
    def from_text(cls, text: str, **meta: object) -> Document:
        """A document whose id is a hash of its normalised text."""
        doc_id = stable_id("doc", normalise_for_identity(text))
        return cls(id=doc_id, text=text, **meta)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    """state_forces, rebel_group, political_militia, identity_militia, external_force,
    civilians, monitor, outlet, government, person ..."""
    inter: int | None = None
    """ACLED inter code (1 state forces ... 8 external/other forces)."""
    parent: str | None = None
    """For people speaking for an organisation: the organisation's id."""
    country: str | None = None
    """ISO 3166 alpha-2 code of the country the actor belongs to, where one is known."""
    acronyms: tuple[str, ...] = ()
    """Short forms ACLED writes before its names ("RSF" of "RSF: Rapid Support Forces")."""
    countries: tuple[str, ...] = ()
    """ISO alpha-2 codes of the countries the actor belongs to or is mostly reported in."""
    family: str | None = None
    """For a country's member of a family ("Protesters (Kenya)"), the family's id ("Protesters")."""
    generic: bool = False
    """A family whose country a report settles ("police", "gunmen", "Islamic State")."""


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    lat: float
    lon: float
    kind: str = "populated_place"
    country: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    population: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    doc: str
    start: int
    end: int
    text: str
    kind: MentionKind
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span naming an actor (or a spokesperson of one)."""

    start: int
    end: int
    text: str
    actor: str
    speaker: bool = False
    """True when the span names a person speaking for `actor` ("an SDF official")."""
    kind: str | None = None
    """The actor's kind (state_forces, protesters, government ...), as the actor base has it."""
    country: str | None = None
    """ISO alpha-2 code of the actor's country when the span or the base says one ("Nigerian troops")."""
    generic: bool = False
    """The actor is a family whose country the report must settle ("security forces", "gunmen")."""


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in the text; `place` is None while unresolved."""

    start: int
    end: int
    text: str
    place: str | None = None
    confidence: float = 0.0
    geo_precision: int = 1


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date or period phrase normalised to an interval, anchored on publication."""

    start: int
    end: int
    text: str
    interval: Interval
    precision: int
    """ACLED time_precision: 1 day, 2 week or range of days, 3 month or longer."""
    role: TimeRole = "point"

    @property
    def dates(self) -> bool:
        """Whether the phrase dates what is told with it: a point, or a period it ran during ('since 2011' and
        'until May' only bound it)."""
        return self.role in ("point", "during")


@dataclass(slots=True)
class Claim:
    id: str
    doc: str
    metric: str
    unit: str
    low: float | None
    high: float | None
    qualifier: str
    evidence: Evidence
    subject: str | None = None
    agent: str | None = None
    claimant: str | None = None
    place: str | None = None
    time: Interval | None = None
    figure: Span | None = None
    """The figure itself ("over 950"), inside the evidence."""


@dataclass(slots=True, kw_only=True)
class Happening:
    """What ACLED codes of one happening: its type, actors, place, date and toll. An Event is one; so is each
    sighting of it while a report is read (`events.build.Sighting`), so each field is declared here once."""

    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor1: str | None = None
    assoc_actor2: str | None = None
    place: str | None = None
    geo_precision: int = 3
    date: Interval | None = None
    time_precision: int = 3
    fatalities: int | None = None
    claims: list[str] = field(default_factory=list)
    civilian_targeting: bool = False
    """ACLED's flag: the happening's victims are civilians (actor 2's inter code is 7)."""


@dataclass(slots=True)
class Event(Happening):
    """A coded happening as reported: its id, the reports telling it and the spans that do."""

    id: str
    docs: list[str]
    evidence: list[Evidence]
    notes: str = ""


@dataclass(slots=True)
class Analysis:
    """One document's working state as it moves through the pipeline.

    Each stage reads what earlier stages left and adds its own part; nothing else
    is passed between stages.
    """

    document: Document
    spacy_doc: Doc | None = None
    """The spaCy parse of `document.analysis_text`."""
    segments: Segmentation | None = None
    """Sentences, paragraphs, headline and datelines, segmented once for every stage."""
    actors: list[ActorMention] = field(default_factory=list)
    toponyms: list[Toponym] = field(default_factory=list)
    demonyms: list[Toponym] = field(default_factory=list)
    """Countries named through their people ("Georgian troops", "the Palestinians"): place mentions for geoparsing,
    kept apart from `toponyms` because they never say where anything happens."""
    times: list[TimeExpression] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    actor_records: dict[str, Actor] = field(default_factory=dict)
    """Actors this document's stages described because the actor base does not know them, by id."""
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.document.id

    def mentions(self) -> list[Mention]:
        """Every resolved or unresolved span, in the contract's Mention shape."""
        doc = self.document.id
        out = [Mention(doc, a.start, a.end, a.text, "actor", a.actor) for a in self.actors]
        out += [Mention(doc, t.start, t.end, t.text, "place", t.place) for t in (*self.toponyms, *self.demonyms)]
        out += [Mention(doc, t.start, t.end, t.text, "date", None) for t in self.times]
        return sorted(out, key=lambda m: (m.start, m.end, m.kind))
