"""Which of the contract's metrics a figure counts, read from the dependency parse.

The governing word decides: first the counted noun itself ("escapees"), then what modifies
it ("militants killed"), then its chain of heads ("the capture of 500 militants"), then the
nearest trigger in the clause. Trigger lemmas live in `data/claims.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from thucydides.extract.claims.figures import Figure, Segment
from thucydides.extract.claims.lexicon import ClaimLexicon

_NEAR = 12  # tokens around the figure searched when the parse gives no trigger
TERRITORY = ("territory_held", "territory_taken")
_DEPTH = 4  # levels below the counted noun searched
_CHAIN = 6  # heads climbed at most


@dataclass(frozen=True, slots=True)
class Reading:
    metric: str
    trigger: Any | None
    """The token that decided the metric (the verb or noun whose actors we read next)."""


def _has_object(tok: Any) -> bool:
    return any(c.dep_ in ("dobj", "obj") for c in tok.children)


def _person_metric(tok: Any, lex: ClaimLexicon, chain: bool) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma == "leave":
        return "fled" if _has_object(tok) else "present"
    if lemma == "be" and not chain:
        return None
    return lex.person_triggers.get(lemma) or lex.person_triggers.get(tok.lower_)


def _area_metric(tok: Any, lex: ClaimLexicon) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma == "leave":
        return "territory_taken" if _has_object(tok) else "territory_held"
    metric = lex.area_triggers.get(lemma) or lex.area_triggers.get(tok.lower_)
    if metric == "territory_held" and tok.head.lemma_.lower() in lex.onset_verbs and tok.head is not tok:
        return "territory_taken"
    return metric


def _chain(start: Any, seg: Segment) -> Iterator[tuple[Any, bool]]:
    """Heads above `start` inside the clause; (token, True when it is the first head)."""
    tok = start
    for n in range(_CHAIN):
        if tok.head is tok or not seg.holds(tok.head):
            return
        tok = tok.head
        yield tok, n == 0


def _descendants(tok: Any, seg: Segment) -> Iterator[Any]:
    """Tokens below `tok` in the clause, breadth first ("an area of 50 km2 that the army managed to take")."""
    level = [tok]
    for _ in range(_DEPTH):
        level = [c for t in level for c in t.children if seg.holds(c)]
        yield from level


def candidates(fig: Figure, lex: ClaimLexicon) -> Iterator[tuple[Any, bool]]:
    """Tokens that may decide the metric, best first; the flag allows copulas ("there are 300 fighters")."""
    seg = fig.segment
    anchor = fig.unit_token if fig.unit_token is not None else fig.number_token
    if fig.unit_token is not None:
        yield fig.unit_token, False
        for child in fig.unit_token.children:
            if child.dep_ in ("acl", "relcl", "amod") and seg.holds(child):
                yield child, False
    for tok, first in _chain(anchor, seg):
        yield tok, first
        if tok.lemma_.lower() in lex.aggregate_verbs:
            for subj in tok.children:
                if subj.dep_ in ("nsubj", "nsubjpass"):
                    for inner in subj.subtree:
                        if seg.holds(inner):
                            yield inner, False
    if fig.unit_token is not None:
        yield from ((t, False) for t in _descendants(fig.unit_token, seg))
    lo = max(seg.first_token, fig.number_token.i - _NEAR)
    hi = min(seg.last_token, fig.number_token.i + _NEAR)
    doc = fig.number_token.doc
    for tok in sorted((doc[k] for k in range(lo, hi)), key=lambda t: abs(t.i - fig.number_token.i)):
        yield tok, False


def read_metric(fig: Figure, subject_kind_armed: bool, lex: ClaimLexicon) -> Reading | None:
    """The metric of a figure, or None when nothing in its clause says what happened to what it counts."""
    if fig.unit == "person":
        return _read_person(fig, subject_kind_armed, lex)
    if fig.unit == "percent":
        return _read_share(fig, lex)
    return _read_area(fig, lex)


def _read_person(fig: Figure, armed: bool, lex: ClaimLexicon) -> Reading | None:
    for tok, chain in candidates(fig, lex):
        metric = _person_metric(tok, lex, chain)
        if metric is None:
            continue
        if metric == "present":
            fighters = fig.noun_class == "fighters" or armed
            return Reading("fighters_present" if fighters else "civilians_present", tok)
        return Reading(metric, tok)
    return None


def _read_area(fig: Figure, lex: ClaimLexicon) -> Reading | None:
    doc = fig.number_token.doc
    after = fig.unit_token.i + 1 if fig.unit_token is not None else fig.number_token.i + 1
    if after < fig.segment.last_token and doc[after].lower_ in lex.distance_followers:
        return Reading("distance", None)
    for tok, _ in candidates(fig, lex):
        metric = _area_metric(tok, lex)
        if metric == "distance" and fig.unit not in ("km", "m"):
            continue
        if metric is not None:
            return Reading(metric, tok)
    return Reading("distance" if fig.unit == "m" else "territory_held", None)


def _read_share(fig: Figure, lex: ClaimLexicon) -> Reading | None:
    """A percentage is a claim only as a share of territory ("2% of the country")."""
    seg = fig.segment
    doc = fig.number_token.doc
    for k in range(seg.first_token, seg.last_token):
        tok = doc[k]
        lemma = tok.lemma_.lower()
        territorial = lemma in lex.territory_nouns or lex.area_triggers.get(lemma) in TERRITORY
        if territorial and abs(k - fig.number_token.i) <= 3 * _NEAR:
            return Reading("share_held", None)
    return None
