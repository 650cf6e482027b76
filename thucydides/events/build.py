"""From anchored candidates to ACLED events: roles, place, date and toll read by named steps, ACLED's
coding rules applied by the actors' inter codes, and one event per happening within a report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from thucydides.events.actorbase import ActorBase
from thucydides.events.context import DocContext
from thucydides.events.detect import Candidate
from thucydides.events.roles import RoleContext, anchor_arguments
from thucydides.events.tolls import fatalities
from thucydides.events.when import DateContext, Dated
from thucydides.events.where import Located, PlaceContext, carried_place
from thucydides.knowledge.acled import Taxonomy
from thucydides.model import Event, Evidence, Interval, stable_id
from thucydides.steps import Steps


@dataclass(frozen=True)
class Readers:
    """The configured step chains of the stage."""

    actor1: Steps[RoleContext, str]
    actor1_first_default: Steps[RoleContext, str]
    actor2: Steps[RoleContext, str]
    place: Steps[PlaceContext, Located]
    date: Steps[DateContext, Dated]
    anaphora_reach: int
    undated_window_days: int
    background_days: int


@dataclass
class Sighting:
    """One unit of a report read as one happening."""

    candidate: Candidate
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    place: str | None = None
    geo_precision: int = 3
    date: Interval | None = None
    time_precision: int = 3
    fatalities: int | None = None
    claims: list[str] = field(default_factory=list)
    background: bool = False
    why: dict[str, str] = field(default_factory=dict)
    """Which step decided each field, for the audit trail (event notes)."""


def read_sighting(ctx: DocContext, candidate: Candidate, readers: Readers, base: ActorBase,
                  taxonomy: Taxonomy) -> Sighting:
    s = Sighting(candidate, candidate.event_type, candidate.sub_event_type)
    _read_roles(ctx, s, readers, base, taxonomy)
    _read_place(ctx, s, readers)
    _read_date(ctx, s, readers)
    s.fatalities, s.claims = fatalities(ctx.doc, ctx.claims, candidate.start, candidate.end,
                                        taxonomy.vague_fatalities)
    _recode(s, base, taxonomy)
    return s


def _read_roles(ctx: DocContext, s: Sighting, readers: Readers, base: ActorBase, taxonomy: Taxonomy) -> None:
    rc = RoleContext(ctx, s.candidate, anchor_arguments(s.candidate.anchor), base, taxonomy, readers.anaphora_reach)
    defaults = taxonomy.default_actors.get(s.event_type)
    chain = readers.actor1_first_default if defaults and defaults.first else readers.actor1
    s.actor1, step1 = chain.first(rc)
    rc = RoleContext(ctx, s.candidate, rc.args, base, taxonomy, readers.anaphora_reach, actor1=s.actor1)
    s.actor2, step2 = readers.actor2.first(rc)
    s.why.update(actor1=step1 or "-", actor2=step2 or "-")


def _read_place(ctx: DocContext, s: Sighting, readers: Readers) -> None:
    located, step = readers.place.first(PlaceContext(ctx, s.candidate, carried_place(ctx, s.candidate)))
    if located is not None:
        s.place, s.geo_precision = located.toponym.place, located.geo_precision
    s.why["place"] = step or "-"


def _read_date(ctx: DocContext, s: Sighting, readers: Readers) -> None:
    dated, step = readers.date.first(DateContext(ctx, s.candidate, readers.undated_window_days))
    if dated is not None:
        s.date, s.time_precision = dated.interval, dated.time_precision
    s.why["date"] = step or "-"
    published = ctx.analysis.document.published
    if step != "publication" and s.date and s.date.end and published and published.start:
        s.background = s.date.end < published.start - timedelta(days=readers.background_days)


def _recode(s: Sighting, base: ActorBase, taxonomy: Taxonomy) -> None:
    sub, rule = taxonomy.recode(s.sub_event_type, base.inter(s.actor1), base.inter(s.actor2))
    if rule is not None:
        s.sub_event_type, s.event_type = sub, taxonomy.event_type_of(sub)
        s.why["recoded"] = rule


def _same_happening(ctx: DocContext, a: Sighting, b: Sighting) -> bool:
    """Two sightings of a report tell one happening when type, place and date agree and neither names a
    different actor 1 (a headline restates the story below it, whatever place it names)."""
    if a.event_type != b.event_type or a.background != b.background:
        return False
    if a.candidate.headline or b.candidate.headline:
        return True
    if not _overlap(a.date, b.date) or not _same_area(ctx, a, b):
        return False
    return _named_actor1(a) is None or _named_actor1(b) is None or a.actor1 == b.actor1


def _named_actor1(s: Sighting) -> str | None:
    """Actor 1 as the text names it; ACLED's generic default names nobody in particular."""
    return None if s.why.get("actor1") in {"default", "-"} else s.actor1


def _same_area(ctx: DocContext, a: Sighting, b: Sighting) -> bool:
    """Same place, or one told only as the wider area (region, country) the other lies in."""
    if a.place == b.place or a.place is None or b.place is None:
        return True
    wide, narrow = (a, b) if a.geo_precision >= b.geo_precision else (b, a)
    if wide.geo_precision < 3:
        return False
    outer, inner = ctx.places[wide.place or ""], ctx.places[narrow.place or ""]
    if outer.kind == "country":
        return outer.country == inner.country
    return outer.country == inner.country and outer.admin1 is not None and outer.admin1 == inner.admin1


def _overlap(a: Interval | None, b: Interval | None) -> bool:
    if a is None or b is None or None in (a.start, a.end, b.start, b.end):
        return True
    return not (a.end < b.start or b.end < a.start)  # type: ignore[operator]


def group(ctx: DocContext, sightings: Sequence[Sighting]) -> list[list[Sighting]]:
    """One group per happening; a group is led by its first body sighting (a headline joins later)."""
    ordered = sorted(sightings, key=lambda s: (s.candidate.headline, s.candidate.start))
    groups: list[list[Sighting]] = []
    for s in ordered:
        home = next((g for g in groups if _same_happening(ctx, g[0], s)), None)
        if home is None:
            groups.append([s])
        else:
            home.append(s)
    return groups


def to_event(members: Sequence[Sighting], ctx: DocContext, evidence_max: int) -> Event:
    lead = members[0]
    document = ctx.analysis.document
    evidence = [Evidence.of(document, m.candidate.start, min(m.candidate.end, m.candidate.start + evidence_max))
                for m in members]
    tolls = [m.fatalities for m in members if m.fatalities is not None]
    return Event(
        id=stable_id("event", document.id, lead.sub_event_type, lead.place, lead.candidate.start),
        docs=[document.id],
        event_type=lead.event_type,
        sub_event_type=lead.sub_event_type,
        evidence=evidence,
        actor1=lead.actor1 or next((m.actor1 for m in members if m.actor1), None),
        actor2=lead.actor2 or next((m.actor2 for m in members if m.actor2), None),
        place=lead.place or next((m.place for m in members if m.place), None),
        geo_precision=lead.geo_precision,
        date=lead.date,
        time_precision=lead.time_precision,
        fatalities=max(tolls) if tolls else None,
        claims=list(dict.fromkeys(c for m in members for c in m.claims)),
        notes=_notes(lead),
    )


def _notes(lead: Sighting) -> str:
    steps = ", ".join(f"{k} by {v}" for k, v in lead.why.items())
    return f"{lead.sub_event_type} (coder confidence {lead.candidate.confidence:.2f}; {steps})"
