"""When a figure holds, by ordered, named steps (settings `stages.claims.time_steps`): the time phrase of its
own clause, else the last date its paragraph told before it ("Gunmen stormed a hotel on Tuesday. Five people
were killed.": Tuesday).

A time phrase dates a figure when it stands in the figure's clause or a clause the figure's clause hangs on
("X said on Tuesday that 40 were killed"); not when it stands in a relative clause ("the town, under siege
since 2014"), in a coordinated clause with a subject of its own ("took the bridge in 2016 and 900 are
trapped"), or modifies another noun ("since the start of the revolution in 2011": the year dates the
revolution). A phrase in a subject both clauses share ("the toll since May has reached 40 killed and 90
wounded") dates both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Token

from thucydides.claims.figures import Figure
from thucydides.claims.lexicon import ClaimLexicon
from thucydides.events.when import plausible
from thucydides.ling.arguments import NOMINAL_SUBJECT_DEPS
from thucydides.ling.tokens import ancestors, is_root
from thucydides.model import Analysis, Interval, TimeExpression

TimeStep = Callable[[Figure, Analysis, ClaimLexicon], "Interval | None"]


def time_of(fig: Figure, analysis: Analysis, lex: ClaimLexicon, steps: tuple[str, ...]) -> Interval | None:
    """The interval the first step finds."""
    for name in steps:
        found = TIME_STEPS[name](fig, analysis, lex)
        if found is not None:
            return found
    return None


def in_clause(fig: Figure, analysis: Analysis, lex: ClaimLexicon) -> Interval | None:
    """The time phrase of the figure's own clause nearest it; "since X" is open-ended, "until X" too."""
    times = analysis.times
    seg = fig.segment
    near = [t for t in times if seg.start <= t.start < seg.end and dates_figure(fig, t, lex)]
    if not near:
        return None
    best = min(near, key=lambda t: (not _in_figure_clause(fig, t), abs(t.start - fig.start)))
    if best.role == "since":
        return Interval(best.interval.start, None, best.interval.inferred)
    if best.role == "until":
        return Interval(None, best.interval.end, best.interval.inferred)
    return best.interval


def paragraph(fig: Figure, analysis: Analysis, lex: ClaimLexicon) -> Interval | None:
    """The last date told before the figure's sentence in its paragraph: the day the paragraph is about."""
    seg = fig.segment
    segments = analysis.segments
    lo = segments.paragraph_start(seg.paragraph, seg.start) if segments is not None else seg.start
    earlier = [t for t in analysis.times if lo <= t.start and t.end <= seg.start
               and t.dates and plausible(t.interval)]
    return max(earlier, key=lambda t: t.start).interval if earlier else None


TIME_STEPS: Mapping[str, TimeStep] = {"clause": in_clause, "paragraph": paragraph}


def _verb_of(tok: Token) -> Token | None:
    return next((a for a in (tok, *tok.ancestors) if a.pos_ in ("VERB", "AUX")), None)


def _token_at(fig: Figure, t: TimeExpression) -> Token | None:
    """The token a time phrase starts in (None before the first token): found in the tokens' start offsets as
    one array, not by making a Token of every word."""
    doc = fig.number_token.doc
    k = int(np.searchsorted(doc.to_array(IDX), t.start, side="right")) - 1
    return doc[k] if k >= 0 else None


def _in_figure_clause(fig: Figure, t: TimeExpression) -> bool:
    """A time phrase of the figure's own verb, before one of the clause it hangs on ("said on Thursday that 35
    were killed on Wednesday": Wednesday)."""
    tok = _token_at(fig, t)
    own = _verb_of(fig.number_token)
    return tok is not None and own is not None and _verb_of(tok) == own


def dates_figure(fig: Figure, t: TimeExpression, lex: ClaimLexicon) -> bool:
    tok = _token_at(fig, t)
    if tok is None:
        return False
    return not (_modifies_other_noun(tok, fig, lex) or _in_other_clause(fig, tok))


def _modifies_other_noun(tok: Token, fig: Figure, lex: ClaimLexicon) -> bool:
    """'the start of the revolution in 2011': a phrase hanging on a noun dates that noun, unless the noun is
    what the figure counts, a count of it or the happening itself ("the toll since May", "deaths in 2024",
    "the attack, in 2009, killed 25")."""
    own = {fig.number_token.i, *(t.i for t in (fig.unit_token,) if t is not None)}
    for head in ancestors(tok):
        if head.i in own or head.pos_ in ("VERB", "AUX"):
            return False
        lemma = head.lemma_.lower()
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ != "npadvmod" and head.ent_type_ not in ("DATE", "TIME"):
            return lemma not in lex.count_nouns | lex.attack_nouns and lemma not in lex.person_triggers
    return False


def _own_clause(tok: Token) -> bool:
    """A verb with its own subject heads a clause of its own."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ in (*NOMINAL_SUBJECT_DEPS, "expl") for c in tok.children)


def _leaves_clause(tok: Token) -> bool:
    return tok.dep_ == "relcl" or (tok.dep_ in ("acl", "conj") and _own_clause(tok))


def _in_other_clause(fig: Figure, tok: Token) -> bool:
    above = {fig.number_token.i, *(a.i for a in fig.number_token.ancestors)}
    hook = tok
    while tok.i not in above:
        if _leaves_clause(tok):
            return True
        if is_root(tok):
            return False
        hook, tok = tok, tok.head
    return _figure_side_leaves(fig, tok.i, shared_subject=hook.dep_ in NOMINAL_SUBJECT_DEPS)


def _figure_side_leaves(fig: Figure, meeting: int, shared_subject: bool) -> bool:
    """Between the figure and where the time phrase joins its path: a coordinated clause with a subject of its
    own ("... and 900 are still trapped") leaves the time phrase's clause."""
    tok = fig.number_token
    path = {tok.i}
    while tok.i != meeting and not is_root(tok):
        subjects = [c.i for c in tok.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
        if tok.dep_ == "conj" and subjects and (any(i not in path for i in subjects) or not shared_subject):
            return True
        tok = tok.head
        path.add(tok.i)
    return False
