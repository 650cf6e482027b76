"""The claims stage: every figure in a report as an attributed, hedged interval with exact evidence.

figures (number, hedge, unit, clause) -> metric (dependency parse + lexicon) -> roles (subject,
agent, claimant, place, time) -> `Claim`. Repeats of one figure in a report are merged here
when they differ only in hedging ("11,350 people" then "over 11,350 citizens").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from thucydides.claims.cast import Cast
from thucydides.claims.context import Context
from thucydides.claims.figures import Figure, find_figures, segments
from thucydides.claims.lexicon import ClaimLexicon, lexicon
from thucydides.claims.metric import Reading, read_metric
from thucydides.claims.roles import check_settings, make_context, roles
from thucydides.claims.settings import ClaimsSettings, claims_settings
from thucydides.claims.when import time_of
from thucydides.claims.where import place_of
from thucydides.knowledge.actors import ActorBase, actor_base
from thucydides.ling.clauses import mood
from thucydides.model import Analysis, Claim, Evidence, Span, stable_id
from thucydides.pipeline import StageFn, stage

__all__ = ["extract_claims", "make_claims_stage", "merge_restatements"]


def _armed(fig: Figure, ctx: Context) -> bool:
    """Whether an armed side is named in the figure's own words, or, for a percentage, in its sentence: only
    an armed side holds a share of a country ("the army now holds 30%", not "the party won 21%")."""
    if fig.unit == "percent":
        seg = fig.segment
        return any(ctx.cast.armed(m.actor) for m in ctx.cast.within(seg.start, seg.end)) or any(
            t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in ctx.lex.share_holders for t in ctx.tokens(seg))
    return fig.noun_class != "civilians" and any(
        ctx.cast.armed(m.actor) for m in ctx.cast.within(fig.start, fig.unit_end))


def _claim(fig: Figure, ctx: Context) -> Claim | None:
    reading = read_metric(fig, _armed(fig, ctx), ctx.lex, ctx.cfg)
    if reading is None or not _affirmed(fig, reading, ctx.lex):
        return None
    who = roles(fig, reading, ctx)
    document = ctx.analysis.document
    evidence = Evidence.of(document, fig.segment.start, fig.segment.end)
    q = fig.quantity
    return Claim(
        id=stable_id("claim", document.id, reading.metric, fig.unit, q.low, q.high, evidence.start, fig.start),
        doc=document.id,
        metric=reading.metric,
        unit=fig.unit,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        evidence=evidence,
        subject=who.subject,
        agent=who.agent,
        claimant=who.claimant,
        place=_place(fig, reading, ctx),
        time=time_of(fig, ctx.analysis, ctx.lex, ctx.cfg.time_steps),
        figure=Span(fig.start, fig.end, document.text[fig.start:fig.end]),
    )


def _place(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """An area's place as its sentence names it; any other figure's by the place steps."""
    if reading.metric in ctx.cfg.area_metrics:
        return place_of(fig, ctx.scene, ctx.cfg.area_place_steps, narrow=False)
    return place_of(fig, ctx.scene, ctx.cfg.place_steps)


def _affirmed(fig: Figure, reading: Reading, lex: ClaimLexicon) -> bool:
    """'had not killed even 30', 'no civilians were hurt': a figure in a denied clause states nothing; nor does
    one told as a capacity or a future ("the camp can hold 500", "could be used to hold 30,000")."""
    told = reading.trigger if reading.trigger is not None else fig.number_token
    return not (mood(told).negated or _unrealised(told, lex))


def _unrealised(tok: Token, lex: ClaimLexicon) -> bool:
    """A modal of ability, will or duty on the figure's verb, or on a verb it completes, and no perfect: a hedge
    ("may have killed 40", "could have died") still tells a figure."""
    verb = next((a for a in (tok, *tok.ancestors) if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None:
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & lex.unrealised_modals and not aux & {"have", "'ve"}:
            return True
        verb = verb.head if verb.dep_ == "xcomp" else None
    return False


def extract_claims(analysis: Analysis, lex: ClaimLexicon | None = None, base: ActorBase | None = None,
                   cfg: ClaimsSettings | None = None) -> list[Claim]:
    """All claims of one parsed document, in text order."""
    doc = analysis.spacy_doc
    if doc is None:
        return []
    lex = lex or lexicon()
    cfg = cfg or claims_settings()
    segs = segments(doc, analysis.segments)
    cast = Cast.of(analysis, base or actor_base(), lex)
    ctx = make_context(analysis, lex, cast, cfg, segs)
    out = []
    for fig in find_figures(doc, segs, lex, cfg, analysis.document.analysis_text):
        claim = _claim(fig, ctx)
        if claim is not None:
            out.append(claim)
    claims = merge_restatements(out)
    analysis.actor_records.update(cast.used_records(a for c in claims for a in (c.subject, c.agent, c.claimant)))
    return claims


def _values(claim: Claim) -> set[float]:
    return {v for v in (claim.low, claim.high) if v is not None}


def merge_restatements(claims: Sequence[Claim]) -> list[Claim]:
    """One figure restated in a report (same metric, unit and a shared bound) is one claim.

    The first statement wins, unless it gave one bound and a later one gives the range; the other fills
    the roles it lacks.
    """
    kept: list[Claim] = []
    for claim in claims:
        n = next((i for i, k in enumerate(kept) if _restates(k, claim)), None)
        if n is None:
            kept.append(claim)
            continue
        first, later = kept[n], claim
        if _open_ended(first) and later.qualifier == "range":  # "up to 1,600" then "between 1,400 and 1,600"
            kept[n], first, later = later, later, first
        for attr in ("subject", "agent", "claimant", "place", "time"):
            if getattr(first, attr) is None and getattr(later, attr) is not None:
                setattr(first, attr, getattr(later, attr))
    return kept


def _restates(first: Claim, later: Claim) -> bool:
    """Same metric, unit and a shared bound, and not two different sides ("five people ... five militants")."""
    different = first.subject is not None and later.subject is not None and first.subject != later.subject
    return (first.metric == later.metric and first.unit == later.unit and bool(_values(first) & _values(later))
            and not different)


def _open_ended(claim: Claim) -> bool:
    """A figure with one bound only ("up to 1,600"): a later range ending there says more."""
    return claim.low is None or claim.high is None


@stage("claims", requires=("spacy_doc", "segments", "actors", "toponyms", "times"),
       assigns=("claims", "actor_records"),
       config=ClaimsSettings)
def make_claims_stage(config: ClaimsSettings) -> StageFn:
    lex = lexicon()
    base = actor_base()
    check_settings(config)

    def claims_stage(batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            analysis.claims = extract_claims(analysis, lex, base, config)

    return claims_stage
