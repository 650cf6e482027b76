"""Subject, agent and claimant of a figure by ordered, named steps; its place and time
in `where` and `when`.

The steps live in `speakers` (claimant) and `sides` (subject and agent); `data/settings.yaml`
(`stages.claims`) orders them or switches them off. Actors come through one adapter (`cast`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thucydides.claims.cast import Cast
from thucydides.claims.context import Context, check_steps, run_steps
from thucydides.claims.figures import Figure, Segment
from thucydides.claims.lexicon import ClaimLexicon
from thucydides.claims.metric import Reading
from thucydides.claims.settings import ClaimsSettings
from thucydides.claims.sides import AGENT_STEPS, AGENTIVE, SUBJECT_STEPS
from thucydides.claims.speakers import STEPS as CLAIMANT_STEPS
from thucydides.claims.when import TIME_STEPS
from thucydides.claims.where import PLACE_STEPS
from thucydides.model import ActorMention, Analysis

NEVER_DOERS = frozenset({"civilians", "monitor", "outlet", "agency", "source"})
"""Kinds of actors that tell of killings and captures but do not do them."""


def check_settings(cfg: ClaimsSettings) -> None:
    """Every step the settings name exists (a typo fails at start-up, naming the step)."""
    check_steps("claimant_steps", cfg.claimant_steps, CLAIMANT_STEPS)
    check_steps("subject_steps", cfg.subject_steps, SUBJECT_STEPS)
    check_steps("agent_steps", cfg.agent_steps, AGENT_STEPS)
    check_steps("place_steps", cfg.place_steps, PLACE_STEPS)
    check_steps("area_place_steps", cfg.area_place_steps, PLACE_STEPS)
    check_steps("time_steps", cfg.time_steps, TIME_STEPS)


def make_context(analysis: Analysis, lex: ClaimLexicon, cast: Cast, cfg: ClaimsSettings,
                 segments: Sequence[Segment]) -> Context:
    ctx = Context(analysis, lex, cast, cfg, segments, claimant_steps=CLAIMANT_STEPS)
    ctx.voice = own_voice(analysis, cast, lex, cfg.masthead_share)
    return ctx


@dataclass(frozen=True, slots=True)
class Roles:
    subject: str | None
    agent: str | None
    claimant: str | None


def roles(fig: Figure, reading: Reading, ctx: Context) -> Roles:
    """Subject, agent and claimant of one figure; civilians never do the killing, capturing or taking."""
    paragraph = [s for s in ctx.segments if s.paragraph == fig.segment.paragraph]
    ctx.cast.focus((fig.segment.start, fig.segment.end), (paragraph[0].start, paragraph[-1].end))
    claimant = ctx.claimant_of(fig, reading) or None  # UNNAMED: a speaker without a name
    if ctx.voice is not None and ctx.cast.kind(claimant) == "source":
        claimant = ctx.voice  # "reliable sources confirmed to the Observatory": in its own release, the monitor
    subject = run_steps(ctx.cfg.subject_steps, SUBJECT_STEPS, fig, reading, ctx)
    if subject is not None:
        ctx.subjects[fig.segment.index] = subject
    agent = None
    if reading.metric in AGENTIVE:
        agent = run_steps(ctx.cfg.agent_steps, AGENT_STEPS, fig, reading, ctx,
                          accept=lambda a: a != subject and _may_do(a, ctx))
        agent = ctx.cast.armed_side(agent) if agent is not None else None
    return Roles(subject, agent, claimant)


def _may_do(actor_id: str, ctx: Context) -> bool:
    """Tellers and victims never kill or capture: no civilians, monitors or outlets, nor a group of the kind
    that is only ever harmed ('Women (Iraq)' from "the ill treatment of women")."""
    actor = ctx.cast.get(actor_id)
    family = actor.family if actor is not None else None
    return ctx.cast.kind(actor_id) not in NEVER_DOERS and (family or "").lower() not in ctx.lex.victim_families


def own_voice(analysis: Analysis, cast: Cast, lex: ClaimLexicon, masthead_share: float) -> str | None:
    """The actor a report speaks for when it is a monitor's or agency's own release (outlet field or masthead:
    an actor whose names fill at least `masthead_share` of the first line)."""
    doc = analysis.document
    outlet = cast.base.lookup(doc.outlet) if doc.outlet else None
    candidates = [outlet.id] if outlet is not None else []
    text = doc.analysis_text
    line_start = len(text) - len(text.lstrip())
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    candidates += _masthead_actors(line, cast.within(0, line_end), masthead_share)
    for actor in candidates:
        if cast.kind(actor) in lex.voice_claimant_kinds | lex.masthead_claimant_kinds:
            return actor
    return None


def _masthead_actors(line: str, mentions: Sequence[ActorMention], share: float) -> list[str]:
    """Actors whose names fill the first line ("Combined Joint Task Force - Operation Inherent Resolve")."""
    covered: dict[str, int] = {}
    for m in mentions:
        covered[m.actor] = covered.get(m.actor, 0) + len(m.text)
    return [actor for actor, size in covered.items() if line and size >= share * len(line)]
