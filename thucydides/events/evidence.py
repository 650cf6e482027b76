"""Evidence from the linguistic layer that a sentence the coder reads below its threshold tells a happening.

The coder learnt from ACLED's terse notes; news tells the same happenings in longer, attributed sentences that it
reads less surely ('the ministry, which blamed the rebels, said the blast at the depot left nine dead'). What the
claims and actors stages found in the same sentence does not depend on that style: a toll of people killed or
wounded (a claim told in the sentence), with a doer (the claim's agent or an armed actor named there), a place and
a date. A sentence carrying such evidence is taken at a lower probability of an event (`EvidenceRule.threshold`)
than one that carries none; the filters (realis, stance, statements ...) judge its reading as any other's.
"""

from __future__ import annotations

from dataclasses import dataclass

from thucydides.ling.context import DocContext


@dataclass(frozen=True)
class EvidenceRule:
    """When a unit's own evidence lowers the probability of an event it needs. Built from the `stages.events`
    settings whose names start with `evidence_`."""

    threshold: float | None
    """The probability of an event at which a unit carrying the evidence is taken (None: never by evidence)."""
    metrics: frozenset[str]
    """Claim metrics whose toll, told in the unit, is the evidence's core (people killed, wounded)."""
    armed_kinds: frozenset[str]
    """Actor kinds (actors.yaml) whose mention in the unit counts as a doer of violence."""
    signals: int
    """The fewest of doer, place and date the unit must tell beside its toll."""
    needs: frozenset[str]
    """The signals ('toll', 'doer', 'place', 'date') the unit must tell whatever their count."""
    harm_types: frozenset[str]
    """Event types of harm done (battles, explosions, violence against civilians): a unit the coder reads as one of
    these has the evidence's core as a toll does."""
    eventless_only: bool
    """Lower a unit's threshold only in a report where no unit is read as an event without it."""

    def lowers(self, ctx: DocContext, start: int, end: int, event_type: str | None) -> bool:
        """Whether the unit between characters `start` and `end`, read as `event_type`, tells a toll or harm with
        enough of doer, place, date, and those `needs` names."""
        if self.threshold is None or event_type is None:
            return False
        told = signals(ctx, start, end, self)
        if "toll" not in told and event_type not in self.harm_types:
            return False
        return len(told - {"toll"}) >= self.signals and self.needs <= told


def signals(ctx: DocContext, start: int, end: int, rule: EvidenceRule) -> frozenset[str]:
    """What the unit tells of a happening: 'toll' (a toll of `rule.metrics`), 'doer' (a toll's agent, or an actor of
    `rule.armed_kinds` named in the unit), 'place' (a resolved place name, or a toll's place) and 'date' (a time
    expression, or a toll's time)."""
    tolls = [c for c in ctx.claims if c.metric in rule.metrics and start <= (c.figure or c.evidence).start < end]
    doer = any(c.agent for c in tolls) or any(a.kind in rule.armed_kinds and not a.speaker
                                                 for a in ctx.actors.within(start, end))
    place = any(c.place for c in tolls) or bool(ctx.toponyms.within(start, end))
    when = any(c.time for c in tolls) or bool(ctx.times.within(start, end))
    named = (("toll", bool(tolls)), ("doer", doer), ("place", place), ("date", when))
    return frozenset(name for name, told in named if told)
