"""Which of the contract's metrics a figure counts, read from the dependency parse.

The governing word decides: first the counted noun itself ("escapees"), then what modifies
it ("militants killed"), then its chain of heads ("the capture of 500 militants"), then the
nearest trigger in the clause. Trigger lemmas live in `data/claims.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from thucydides.claims.figures import Figure, Segment
from thucydides.claims.lexicon import ClaimLexicon
from thucydides.claims.settings import ClaimsSettings
from thucydides.knowledge.fatalities import figure_reading
from thucydides.ling.tokens import PLACE_LABELS

TERRITORY = ("territory_held", "territory_taken")


@dataclass(frozen=True, slots=True)
class Reading:
    metric: str
    trigger: Any | None
    """The token that decided the metric (the verb or noun whose actors we read next)."""


def _has_object(tok: Any) -> bool:
    return any(c.dep_ in ("dobj", "obj") for c in tok.children)


_PARTICLES = frozenset({"out", "away", "off", "over", "up", "down", "back", "in"})
_COMPLEMENT_DEPS = frozenset({"attr", "acomp", "prep", "oprd", "pobj", "acl", "amod", "ccomp", "xcomp"})


def _complement_event(tok: Any, lex: ClaimLexicon, skip: Any | None = None) -> str | None:
    """A non-state trigger in the complements of `tok` ("were among those killed", "left 30 people dead")."""
    level = [c for c in _complements(tok) if skip is None or c.i != skip.i]
    for _ in range(3):
        found = next(filter(None, (_event_metric(c, lex) for c in level)), None)
        if found is not None:
            return found
        level = [g for c in level for g in _complements(c)]
    return None


def _complements(tok: Any) -> list[Any]:
    return [c for c in tok.children if c.dep_ in _COMPLEMENT_DEPS]


def _event_metric(tok: Any, lex: ClaimLexicon) -> str | None:
    """What happened to people, as a word says it (never mere presence)."""
    metric = lex.person_triggers.get(tok.lemma_.lower())
    return None if metric == "present" else metric


def _person_metric(tok: Any, lex: ClaimLexicon, chain: bool, counted: Any | None = None) -> str | None:
    """The metric a word says of the people counted, or None; copulas only on the figure's own chain."""
    lemma = tok.lemma_.lower()
    if _says_nothing(tok, lex):
        return None
    if lemma == "leave":
        return _left(tok, lex, counted)
    if lemma == "be":
        return (_complement_event(tok, lex) or "present") if chain else None
    return _with_particle(tok, lex) or _suffered(tok, lex) or lex.person_triggers.get(lemma) \
        or lex.person_triggers.get(tok.lower_)


def _says_nothing(tok: Any, lex: ClaimLexicon) -> bool:
    """'the water station' (a verb-only trigger as a noun); 'have been killed': the auxiliary says nothing."""
    verbal = tok.pos_ in ("VERB", "AUX")
    return (tok.lemma_.lower() in lex.verb_only_triggers and not verbal) or tok.dep_ in ("aux", "auxpass")


def _left(tok: Any, lex: ClaimLexicon, counted: Any | None) -> str:
    """'left 30 people dead', 'leaving 300 people inside' (present), 'left the city' (fled)."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if counted is not None and any(counted in o.subtree for o in objects):
        return _complement_event(tok, lex) or _complement_event(counted, lex) or "present"
    return "fled" if objects else "present"


def _with_particle(tok: Any, lex: ClaimLexicon) -> str | None:
    """'come out', 'get out': a verb and its particle."""
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.lower_ in _PARTICLES):
            metric = lex.person_triggers.get(f"{lemma} {c.lower_}")
            if metric is not None:
                return metric
    return None


def _suffered(tok: Any, lex: ClaimLexicon) -> str | None:
    """'sustained injuries', 'suffered wounds': a verb whose object names what happened to its subject."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for obj in tok.children:
        metric = lex.person_triggers.get(obj.lemma_.lower()) if obj.dep_ in ("dobj", "obj") else None
        if metric is not None and metric != "present" and obj.pos_ == "NOUN":
            return metric
    return None


def _area_metric(tok: Any, lex: ClaimLexicon) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma == "leave":
        return "territory_taken" if _has_object(tok) else "territory_held"
    metric = lex.area_triggers.get(lemma) or lex.area_triggers.get(tok.lower_)
    if metric == "territory_held" and tok.head.lemma_.lower() in lex.onset_verbs and tok.head is not tok:
        return "territory_taken"
    if metric == "territory_held" and _done_by_taking(tok, lex):
        return "territory_taken"
    return metric


def _done_by_taking(verb: Any, lex: ClaimLexicon) -> bool:
    """"The sweep covered 60 km2": a verb of extent whose subject is an act of taking says what was taken."""
    return any(c.dep_ == "nsubj" and lex.area_triggers.get(c.lemma_.lower()) == "territory_taken"
               for c in verb.children)


def _chain(start: Any, seg: Segment, steps: int) -> Iterator[tuple[Any, bool]]:
    """Heads above `start` inside the clause; (token, True when it is the first head)."""
    tok = start
    for n in range(steps):
        if tok.head is tok or not seg.holds(tok.head):
            return
        tok = tok.head
        yield tok, n == 0


def _descendants(tok: Any, seg: Segment, depth: int) -> Iterator[Any]:
    """Tokens below `tok` in the clause, breadth first ("an area of 50 km2 that the army managed to take")."""
    level = [tok]
    for _ in range(depth):
        level = [c for t in level for c in t.children if seg.holds(c)]
        yield from level


UNIT, MODIFIER, CHAIN, BELOW, OTHER = "unit", "modifier", "chain", "below", "other"
"""Where a candidate comes from: the counted noun, its modifiers, its heads, or elsewhere in the clause."""


def candidates(fig: Figure, lex: ClaimLexicon, cfg: ClaimsSettings) -> Iterator[tuple[Any, bool, str]]:
    """Tokens that may decide the metric, best first, with the flag that allows copulas ("there are 300
    fighters") and where the token comes from."""
    seg = fig.segment
    anchor = fig.unit_token if fig.unit_token is not None else fig.number_token
    if fig.unit_token is not None:
        yield fig.unit_token, False, UNIT
        yield from ((c, False, MODIFIER) for c in _clausal_modifiers(fig.unit_token, seg, ("acl", "relcl", "amod")))
    for tok, first in _chain(anchor, seg, cfg.metric_chain):
        yield tok, first, CHAIN
        yield from _around_head(tok, seg, lex)
    if fig.unit_token is not None:
        yield from ((t, False, BELOW) for t in _descendants(fig.unit_token, seg, cfg.metric_depth))
    yield from ((t, False, OTHER) for t in _nearby(fig, cfg))


def _clausal_modifiers(tok: Any, seg: Segment, deps: tuple[str, ...]) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps and seg.holds(c)]


def _around_head(tok: Any, seg: Segment, lex: ClaimLexicon) -> Iterator[tuple[Any, bool, str]]:
    """'the number of soldiers killed': a count noun's modifiers; 'the death toll rose': the subject of a verb
    carrying a count."""
    lemma = tok.lemma_.lower()
    if lemma in lex.count_nouns:
        yield from ((c, False, MODIFIER) for c in _clausal_modifiers(tok, seg, ("acl", "relcl", "amod", "compound")))
    if lemma in lex.aggregate_verbs:
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        yield from ((t, False, OTHER) for subj in subjects for t in subj.subtree if seg.holds(t))


def _nearby(fig: Figure, cfg: ClaimsSettings) -> list[Any]:
    """The words around the figure in its sentence, nearest first."""
    seg, number = fig.segment, fig.number_token
    lo = max(seg.first_token, number.i - cfg.metric_near)
    hi = min(seg.last_token, number.i + cfg.metric_near)
    return sorted((number.doc[k] for k in range(lo, hi)), key=lambda t: abs(t.i - number.i))


def read_metric(fig: Figure, subject_kind_armed: bool, lex: ClaimLexicon, cfg: ClaimsSettings) -> Reading | None:
    """The metric of a figure, or None when nothing in its clause says what happened to what it counts."""
    if fig.unit == "person":
        return _read_person(fig, subject_kind_armed, lex, cfg)
    if fig.unit == "percent":
        return _read_share(fig, subject_kind_armed, lex, cfg)
    return _read_area(fig, lex, cfg)


def _read_person(fig: Figure, armed: bool, lex: ClaimLexicon, cfg: ClaimsSettings) -> Reading | None:
    """The figure's own predicate decides where one follows it ("9 others were hurt"); else a state named by a
    modifier ("people sheltering in a basement") gives way to what the clause's verb says happened to them ("...
    were killed"), and any other first trigger decides."""
    own = _own_predicate(fig)
    return _usual_person(fig, armed, lex, cfg) if own is None else _own_reading(fig, own, armed, lex, cfg)


def _own_reading(fig: Figure, own: Token, armed: bool, lex: ClaimLexicon, cfg: ClaimsSettings) -> Reading | None:
    """What the figure's own predicate (`_own_predicate`) or a verb joined to it says happened; where it says
    nothing, the usual reading, unless that is a harm another clause tells ('a porter was killed and three others are
    missing': not the dead)."""
    for verb in (own, *(c for c in own.children if c.dep_ == "conj" and c.pos_ == "VERB")):
        metric = _person_metric(verb, lex, True) or _complement_event(verb, lex)  # 'was hit by a car and killed'
        if metric is not None and metric != "present":
            return _settled(Reading(metric, verb), lex)
    usual = _usual_person(fig, armed, lex, cfg)
    said = usual.trigger if usual is not None else None
    phrase = fig.unit_token.subtree if fig.unit_token is not None else ()
    elsewhere = said is not None and said.i != own.i and said not in phrase  # not '24 fatalities were spread'
    return None if usual is not None and usual.metric in HARM and elsewhere else usual


HARM = frozenset({"killed", "wounded"})


def _usual_person(fig: Figure, armed: bool, lex: ClaimLexicon, cfg: ClaimsSettings) -> Reading | None:
    """The first trigger among the figure's candidates decides (a state read first stands, see `_decided`)."""
    state: Reading | None = None
    for tok, chain, source in candidates(fig, lex, cfg):
        metric = _candidate_metric(fig, tok, chain, source, armed, lex)
        if metric is None:
            continue
        reading = Reading(metric, tok)
        if metric in PRESENCE and source == MODIFIER and state is None:
            state = reading
            continue
        return _settled(_decided(state, reading, source), lex)
    return state or _estimated_fighters(fig) or _fighters_in_action(fig, lex) or _displaced(fig, lex)


def _own_predicate(fig: Figure) -> Token | None:
    """'killed 6 rangers and 9 others were hurt', 'a porter was killed and three others are missing': the verb whose
    auxiliary follows the counted noun is what happened to it, whether the parse hung the noun on another clause or
    made it the subject of a verb joined to one (`own_predicate`, fatalities.figure_readings); not a noun inside
    another's phrase ('the bodies of 5 people were found'). None where no auxiliary follows."""
    unit = fig.unit_token
    if unit is None or unit.i + 1 >= fig.segment.last_token or not figure_reading("own_predicate"):
        return None
    aux = unit.doc[unit.i + 1]
    verb = aux.head
    if aux.pos_ != "AUX" or aux.dep_ not in ("aux", "auxpass") or verb.i <= aux.i or not fig.segment.holds(verb):
        return None
    if verb in unit.ancestors and unit.head.i != verb.i:
        return None
    return verb


_OUTCOME_DEPS = frozenset({"conj", "advcl", "xcomp"})


def _settled(reading: Reading, lex: ClaimLexicon) -> Reading:
    """'were shot and wounded', 'shot three, injuring them': a trigger that leaves the outcome open gives way
    to a joined or dependent verb that tells another one."""
    trigger = reading.trigger
    if trigger is None or trigger.lemma_.lower() not in lex.open_outcome_triggers:
        return reading
    outcome = [c for c in trigger.children if c.dep_ != "conj"]
    if any(lex.person_triggers.get(c.lemma_.lower()) == reading.metric for c in outcome):
        return reading  # 'shot dead one person and injured another'
    return _joined_outcome(trigger, reading, lex) or reading


def _joined_outcome(trigger: Token, reading: Reading, lex: ClaimLexicon) -> Reading | None:
    """The first verb joined to or depending on the trigger that tells another outcome than the reading's."""
    joined = [*trigger.conjuncts, *(c for c in trigger.children if c.dep_ in _OUTCOME_DEPS)]
    for verb in joined:
        metric = lex.person_triggers.get(verb.lemma_.lower())
        if verb.pos_ == "VERB" and metric is not None and metric not in (reading.metric, "present"):
            return Reading(metric, verb)
    return None


PRESENCE = frozenset({"fighters_present", "civilians_present"})


def _decided(state: Reading | None, reading: Reading, source: str) -> Reading:
    """A state read first stands against a later presence or a word off the figure's chain of heads."""
    if state is not None and (reading.metric in PRESENCE or source != CHAIN):
        return state
    return reading


def _candidate_metric(fig: Figure, tok: Any, chain: bool, source: str, armed: bool,
                      lex: ClaimLexicon) -> str | None:
    """The metric one candidate word gives the figure, with presence resolved to fighters or civilians."""
    if source == OTHER and (tok.lemma_.lower() in lex.structural_triggers or _describes_other_noun(fig, tok)):
        return None
    metric = _person_metric(tok, lex, chain, fig.unit_token if fig.unit_token is not None else fig.number_token)
    return _presence(fig, tok, armed, lex) if metric == "present" else metric


def _describes_other_noun(fig: Figure, tok: Any) -> bool:
    """'one of the remaining sellers ... his three children': a word describing another noun says nothing of
    the people the figure counts."""
    counted = fig.unit_token if fig.unit_token is not None else fig.number_token
    return tok.dep_ == "amod" and tok.head.i != counted.i


def _presence(fig: Figure, tok: Any, armed: bool, lex: ClaimLexicon) -> str | None:
    """Being somewhere: held in custody (captured), hosted as refugees (fled), else fighters or civilians
    present; a mere "be" or "have" says nothing of civilians ("16 million children are out of school")."""
    if _held_in(tok, lex) or _held_in(_clause_verb(fig), lex):
        return "captured"
    if _displaced(fig, lex) is not None:
        return "fled"
    fighters = fig.noun_class == "fighters" or armed
    if not fighters and tok.lemma_.lower() in lex.weak_presence and not _held_somewhere(tok, lex):
        return None
    return "fighters_present" if fighters else "civilians_present"


def _held_somewhere(tok: Any, lex: ClaimLexicon) -> bool:
    """'are still trapped', 'were still in the town': a copula whose complement says where people are held."""
    trapped = any(lex.person_triggers.get(c.lemma_.lower()) == "present" for c in _complements(tok))
    places = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "inside", "at", "within")
              for o in p.children if o.dep_ == "pobj"]
    return trapped or any(o.lemma_.lower() in lex.presence_places or o.ent_type_ in PLACE_LABELS
                          for o in places)


def _held_in(tok: Any, lex: ClaimLexicon) -> bool:
    """'who remain in custody', 'held in detention', 'moved the 40 remaining migrants out of the prison'."""
    return tok is not None and any(
        o.lemma_.lower() in lex.captivity_nouns for p in tok.children if p.dep_ == "prep"
        for o in (*p.children, *(c for k in p.children if k.dep_ == "prep" for c in k.children)) if o.dep_ == "pobj")


def _clause_verb(fig: Figure) -> Any | None:
    """The verb the counted people hang on ("remove all 40 remaining migrants": remove)."""
    anchor = fig.unit_token if fig.unit_token is not None else fig.number_token
    return next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _displaced(fig: Figure, lex: ClaimLexicon) -> Reading | None:
    """'hosting 410,000 refugees': refugees with nothing else said of them have fled."""
    unit = fig.unit_token
    return Reading("fled", unit) if unit is not None and unit.lemma_.lower() in lex.displaced_nouns else None


def _estimated_fighters(fig: Figure) -> Reading | None:
    """'put the number of IS fighters at 1,500': fighters counted through a count noun are fighters present."""
    unit = fig.unit_token
    if fig.noun_class == "fighters" and unit is not None and unit.i < fig.number_token.i:
        return Reading("fighters_present", None)
    return None


def _past_aside(doc: Doc, k: int, end: int) -> int:
    """The first token after a bracketed aside that starts at `k` ("30km (19 miles) south of": the conversion
    says nothing of what the length measures), or `k` itself when none starts there or it does not close."""
    while k < end and doc[k].is_space:
        k += 1
    if k >= end or doc[k].text != "(":
        return k
    close = next((j for j in range(k + 1, end) if doc[j].text == ")"), None)
    return k if close is None else close + 1


def _fighters_in_action(fig: Figure, lex: ClaimLexicon) -> Reading | None:
    """Fighters that nothing else is said to happen to are present where they act: 'about 20,000 troops began
    the assault', 'the 2,000 insurgents thought to be inside the city'."""
    unit = fig.unit_token
    if fig.noun_class != "fighters" or unit is None:
        return None
    head = unit.head
    if unit.dep_ in ("nsubj", "dep") and head.pos_ == "VERB" and _fights(head, lex):
        return Reading("fighters_present", head)
    for mod in _clausal_modifiers(unit, fig.segment, ("acl", "relcl")):
        copula = next((t for t in mod.subtree if t.lemma_.lower() == "be" and fig.segment.holds(t)), None)
        if copula is not None and _held_somewhere(copula, lex):
            return Reading("fighters_present", copula)
    return None


def _fights(verb: Token, lex: ClaimLexicon) -> bool:
    """'stormed the town', 'launched the offensive' (not 'led a group of senators', 'launched an inquiry')."""
    lemma = verb.lemma_.lower()
    if lemma in lex.fighter_action_verbs:
        return True
    return lemma in lex.operation_verbs and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in lex.attack_nouns for c in verb.children)


def _measures_distance(fig: Figure, lex: ClaimLexicon, cfg: ClaimsSettings) -> bool:
    """A length that the clause says is a distance: "5 km from the town", "the gap has narrowed to 2 km"."""
    doc = fig.number_token.doc
    after = _past_aside(doc, fig.unit_token.i + 1 if fig.unit_token is not None else fig.number_token.i + 1,
                        fig.segment.last_token)
    if after < fig.segment.last_token and doc[after].lower_ in lex.distance_followers:
        return True
    anchor = fig.unit_token if fig.unit_token is not None else fig.number_token
    if anchor.head is not anchor and anchor.head.lower_ in lex.distance_preceders:  # "within 2 km of"
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex.distance_nouns
               for tok, _ in _chain(anchor, fig.segment, cfg.metric_chain) for c in tok.children)


def _read_area(fig: Figure, lex: ClaimLexicon, cfg: ClaimsSettings) -> Reading | None:
    """An area is territory unless its clause says otherwise; a length is a distance between places, or
    territory only when a verb of holding or taking governs it ("ran 2 km", "beyond 78 km" are neither)."""
    if fig.unit not in ("km", "m"):
        size = _size_of_a_place(fig, lex)
        found = (Reading(m, tok) for tok, _, _ in candidates(fig, lex, cfg)
                 if (m := _area_metric(tok, lex)) not in (None, "distance") and (size is None or tok.i != size.i))
        return next(found, None if size is not None else Reading("territory_held", None))
    if _measures_distance(fig, lex, cfg):
        return Reading("distance", None)
    for tok, _, source in candidates(fig, lex, cfg):
        if tok.lemma_.lower() in lex.travel_verbs:
            return None
        metric = _length_metric(tok, source, lex)
        if metric is not None:
            return Reading(metric, tok)
    return None


def _size_of_a_place(fig: Figure, lex: ClaimLexicon) -> Any | None:
    """'two islands covering 25 km2': the verb of extent that gives a thing's size, when the thing is no
    territory; the area is then held by no one unless another word says so ("the rebels hold an enclave
    covering 40 km2"; "an area covering 25 km2" stays territory)."""
    anchor = fig.unit_token if fig.unit_token is not None else fig.number_token
    verb = anchor.head
    if verb.lemma_.lower() not in lex.extent_verbs:
        return None
    owner = verb.head if verb.dep_ in ("acl", "relcl") else next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return verb if owner is not None and owner.lemma_.lower() not in lex.territory_nouns else None


def _length_metric(tok: Any, source: str, lex: ClaimLexicon) -> str | None:
    """A length is territory only through its own chain: a verb of holding or taking, or "an area 3 km long"."""
    if source == OTHER:
        return None
    territorial = source == CHAIN and tok.lemma_.lower() in lex.territory_nouns
    return _area_metric(tok, lex) or ("territory_held" if territorial else None)


def _read_share(fig: Figure, armed: bool, lex: ClaimLexicon, cfg: ClaimsSettings) -> Reading | None:
    """A percentage is a claim only as a share of territory: "60 percent of Raqqa", "2% of the country",
    "the rebels control 30 percent" (not "25% tariffs", "85% of refugees", "won 21%" with no armed side)."""
    unit = fig.unit_token if fig.unit_token is not None else fig.number_token
    owners = _of_objects(unit)
    if any(t.like_num for o in owners for t in o.subtree):  # "50% of Syria's 24 million people": a population
        return None
    if owners:
        share = any(_territorial(o, lex) for o in owners) or _of_it(owners, fig, unit, lex)
    else:
        share = armed and any(lex.area_triggers.get(t.lemma_.lower()) in TERRITORY
                              for t, _ in _chain(unit, fig.segment, cfg.metric_chain))
    return _share_reading(fig, unit, lex, cfg) if share else None


def _share_reading(fig: Figure, unit: Any, lex: ClaimLexicon, cfg: ClaimsSettings) -> Reading:
    """A share that a verb or noun of taking governs was taken ("retook 40 percent of the province", "the
    recapture by the army of 25% of the country"); any other share is held."""
    taking = next((tok for tok, _ in _chain(unit, fig.segment, cfg.metric_chain)
                   if _area_metric(tok, lex) == "territory_taken"), None)
    return Reading("territory_taken", taking) if taking is not None else Reading("share_held", None)


def _of_objects(tok: Any) -> list[Any]:
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def _territorial(tok: Any, lex: ClaimLexicon) -> bool:
    return tok.lemma_.lower() in lex.territory_nouns or tok.ent_type_ in ("GPE", "LOC")


def _of_it(owners: list[Any], fig: Figure, unit: Any, lex: ClaimLexicon) -> bool:
    """'2% of it': the territory named before in the sentence."""
    before = fig.number_token.doc[fig.segment.first_token:unit.i]
    return any(o.lower_ == "it" for o in owners) and any(t.lemma_.lower() in lex.territory_nouns for t in before)
