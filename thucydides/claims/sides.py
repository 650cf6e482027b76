"""Whose people or territory a figure counts (subject) and who did it (agent): named, ordered steps.

Each step reads one kind of evidence from the figure's clause (the linguistic layer's arguments) and the
cast of actors; `stages.claims.subject_steps` and `agent_steps` order them or switch them off. Only the
metrics that have a doer (killed, wounded, captured, territory taken) get an agent; civilians never are one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Token

from thucydides.claims.context import Context, Step
from thucydides.claims.figures import POSSESSIVES, Figure, Segment
from thucydides.claims.metric import Reading
from thucydides.claims.speakers import antecedent_group, antecedent_holding, sentence_source, speaker_of
from thucydides.knowledge.actors import NON_STATE_ARMED_KINDS, PERSONAL_KINDS
from thucydides.knowledge.lexicons import lexicons
from thucydides.ling.anaphora import is_definite_back_reference, is_pronoun
from thucydides.ling.arguments import arguments, subjects
from thucydides.ling.clauses import is_passive
from thucydides.ling.tokens import NOUN_MODIFIER_DEPS, ancestors, children, conjuncts, contains, forms, token_at

AGENTIVE = frozenset({"killed", "wounded", "captured", "territory_taken"})
HELD = frozenset({"territory_held", "share_held"})
CASUALTIES = frozenset({"killed", "wounded"})
SUBJECT_FALLBACK = frozenset({"killed", "wounded", "captured", "surrendered", "fighters_present",
                              "territory_held", "territory_taken", "share_held"})
"""Metrics whose counted side, when unnamed, is the armed group the text was just talking about."""
_HOLDER_PREPS = frozenset({"under", "by"})
_LOSER_PREPS = frozenset({"from"})


def governing_verb(tok: Token, seg: Segment, climb: int) -> Token | None:
    for _ in range(climb):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i or not seg.holds(tok.head):
            return None
        tok = tok.head
    return None


def _verb(reading: Reading, ctx: Context, seg: Segment) -> Token | None:
    if reading.trigger is None:
        return None
    return governing_verb(reading.trigger, seg, ctx.cfg.governing_climb)


def actor_of(token: Token, seg: Segment, ctx: Context) -> str | None:
    """The actor a doer or undergoer phrase stands for: a pronoun's antecedent, a weapon's owner, the speaker
    of "our forces", the name "the forces" points back to, else what the phrase names."""
    if is_pronoun(token):
        return _pronoun_actor(token, seg, ctx)
    if not forms(token).isdisjoint(ctx.lex.attack_nouns):
        return attack_owner(token, ctx)  # 'barrel bombs' name no one; 'Israeli strikes' their owner
    owner = _pronoun_owner(token)
    if owner is not None and owner.lower_ in ("our", "my"):  # "our forces": the speaker's
        return _first_person(owner, seg, ctx)
    if _bare_definite(token):
        return _back_reference(token, ctx)
    # "its forces", "their fighters": whoever "it" is, before the country the passage would give a bare noun
    found = _pronoun_actor(owner, seg, ctx) if owner is not None else None
    return found or ctx.cast.named_by(token)


def _first_person(token: Token, seg: Segment, ctx: Context) -> str | None:
    """'we', 'our forces': whoever speaks the sentence ('"We lost 11 men," a commander said'), else the speaker
    just before."""
    return sentence_source(seg, ctx) or speaker_of(token, seg, ctx) or None


def _pronoun_owner(token: Token) -> Token | None:
    return next((c for c in children(token, "poss") if is_pronoun(c)), None)


def _bare_definite(token: Token) -> bool:
    return is_definite_back_reference(token) and all(c.dep_ in ("det", "punct") for c in token.children)


def _pronoun_actor(token: Token, seg: Segment, ctx: Context) -> str | None:
    """'Russia said it killed': the teller; 'we': the speaker; 'they': the group named last."""
    teller = _teller_of_clause(token, seg, ctx)
    if teller:
        return teller
    if token.lower_ in lexicons().first_person_pronouns:
        return _first_person(token, seg, ctx)
    return _group_before(token, ctx)


def _back_reference(token: Token, ctx: Context) -> str | None:
    """'the forces', 'the group': the name given before that holds the noun, else the group named last."""
    found = antecedent_holding(token, ctx)
    if found is None and token.lemma_.lower() in ctx.lex.group_nouns:
        found = antecedent_group(token, ctx)  # "the group holds 5,000 km2"
    return found or ctx.cast.named_by(token)


def _teller_of_clause(token: Token, seg: Segment, ctx: Context) -> str | None:
    """'Russia said it killed': the teller; 'Ajmal said they shot': not a person's "they"."""
    telling = next((h for h in ancestors(token) if _telling(h)), None)
    tellers = _tellers(telling) if telling is not None else []
    if not tellers or tellers[0].i == token.i:
        return None
    teller = speaker_of(tellers[0], seg, ctx) or None
    plural = token.lower_ in ("they", "them")
    return None if plural and ctx.cast.kind(teller) == "person" else teller


def _telling(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and not forms(token).isdisjoint(lexicons().reporting_verbs)


def _tellers(verb: Token) -> list[Token]:
    return children(verb, "nsubj", "nsubjpass") or list(subjects(verb))


def _group_before(token: Token, ctx: Context) -> str | None:
    """'they': the armed group named last before, else any group that is not a speaker nor the people a story
    is about."""
    start = max(0, token.idx - ctx.cfg.lookback_chars)
    groups = [m.actor for m in reversed(ctx.cast.within(start, token.idx))
              if ctx.cast.kind(m.actor) not in PERSONAL_KINDS and not m.speaker and not _teller(m.start, ctx)
              and not _undergoer(m.start, ctx)]
    return next((g for g in groups if ctx.cast.armed(g)), None) or next(iter(groups), None)


def _undergoer(start: int, ctx: Context) -> bool:
    """'they picked out police officers and shot them': the object of a deed is not who 'they' are."""
    token = token_at(ctx.doc, start)
    if token is None:
        return False
    while token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("dobj", "nsubjpass")


def attack_owner(token: Token, ctx: Context) -> str | None:
    """A weapon or attack stands for whoever uses it: 'Israeli strikes', 'Turkish shelling', 'regime artillery',
    'the attack by the BLA'."""
    if forms(token).isdisjoint(ctx.lex.attack_nouns):
        return None
    by = _attack_agents(token, ctx)
    if by is not None:
        return by
    owners = (_owner(mod, ctx) for mod in token.children
              if mod.dep_ in NOUN_MODIFIER_DEPS and mod.i < token.i)
    return next((o for o in owners if o is not None), None) or _earlier_attack(token, ctx)


def _earlier_attack(token: Token, ctx: Context) -> str | None:
    """'died in the attack': the armed actor among the doers of the attack told just before ('militants linked
    with the BLA attacked a train')."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    index = ctx.segment_of(token).index
    for before in reversed(ctx.segments[max(0, index - ctx.cfg.anaphor_reach):index]):
        told = [t for t in ctx.tokens(before) if t.lemma_.lower() == token.lemma_.lower() and t.i != token.i]
        for doer in (d for t in told for d in arguments(t).doers):
            found = _named_in(doer, ctx)
            if found is not None:
                return found
    return None


def _named_in(phrase: Token, ctx: Context) -> str | None:
    """The armed actor a doer's whole phrase names, a named one before a generic one ('gunmen of the BLA')."""
    start, end = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge.text)
    armed = [m.actor for m in ctx.cast.within(start, end) if ctx.cast.armed(m.actor)]
    return min(armed, key=lambda a: ctx.cast.base.generic_key(a) is not None, default=None)


def _attack_agents(token: Token, ctx: Context) -> str | None:
    """'the attack by X', 'an operation conducted by X'."""
    agents = [*arguments(token).agents, *(o for c in children(token, "acl") for o in arguments(c).agents)]
    return next(filter(None, map(ctx.cast.named_by, agents)), None)


def _owner(mod: Token, ctx: Context) -> str | None:
    """The actor an owner word names: a country's word its forces ('Turkish', 'U.S.'), any other word the actor
    it names ('regime': the passage's country's forces, 'Hamas')."""
    iso = ctx.cast.country_word(mod)
    if iso is not None:
        return ctx.cast.forces_of(iso)
    if mod.is_sent_start and mod.ent_type_:  # a capital opening a sentence names no one ("Barrel bombs")
        return None
    return ctx.cast.named_by(mod)


def _first(tokens: Iterable[Token], seg: Segment, ctx: Context, exclude: set[str | None]) -> str | None:
    for token in tokens:
        found = actor_of(token, seg, ctx)
        if found and found not in exclude and not ctx.cast.civilian(found):
            return found
    return None


# subject steps -----------------------------------------------------------------------------------


def included(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'seven IS members, including two women': people counted among others count the same side."""
    tok = fig.unit_token if fig.unit_token is not None else fig.number_token
    if any(ctx.cast.names_side(m) for m in ctx.cast.within(fig.start, fig.unit_end)):
        return None  # "including five al-Shabab militants" names its own side
    for head in ancestors(tok, 3):
        if head.lower_ in ("including", "among") and head.dep_ == "prep":
            side = ctx.subjects.get(fig.segment.index)
            return None if fig.noun_class == "fighters" and ctx.cast.civilian(side) else side
    return None


def counted_phrase(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """Actors named in the counted phrase: '300 ISIS militants', 'Ukrainian soldiers', '25 people' (civilians
    of the report's country), 'wives of Daesh fighters'."""
    if fig.unit_token is None:  # "the toll of regime forces rose to 43"; "the death toll rose to 40": civilians
        return _toll_of(fig, ctx) or _civilians_counted(fig, ctx)
    known = _named_between(fig, ctx)
    if known and not (len(known) == 1 and ctx.cast.civilian(known[0])):
        return known[0]
    heads = of_objects(fig.unit_token) + ([fig.unit_token] if fig.unit == "person" else [])
    found = next((a for a in map(ctx.cast.named_by, heads) if a is not None), None)
    return found or next(iter(known), None)


def _civilians_counted(fig: Figure, ctx: Context) -> str | None:
    return ctx.cast.civilians() if fig.noun_class == "civilians" else None


def _named_between(fig: Figure, ctx: Context) -> list[str]:
    """Known names between the figure and the noun it counts ("300 ISIS militants"); none when the noun comes
    first ("the number of ISIS members ... 391": the phrase of the noun says it)."""
    if fig.unit_token is None or fig.unit_token.i < fig.number_token.i:
        return []
    return [m.actor for m in ctx.cast.within(fig.start, fig.unit_end) if ctx.cast.names_side(m)]


def of_objects(token: Token) -> list[Token]:
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
            if o.dep_ == "pobj"]


def _toll_of(fig: Figure, ctx: Context) -> str | None:
    tolls = [t for t in ctx.tokens(fig.segment) if t.lemma_.lower() in ctx.lex.count_nouns]
    return _first([o for t in tolls for o in of_objects(t)], fig.segment, ctx, set())


def loser(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'ISIS lost 20 km2': the doer of a verb of losing loses what is counted."""
    verb = _verb(reading, ctx, fig.segment)
    if verb is None or forms(verb).isdisjoint(ctx.lex.loss_triggers) or is_passive(verb):
        return None
    return _first(arguments(verb).subjects, fig.segment, ctx, set())


def holder(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'held by ISIS', 'under SDF control', 'the group controls 50 km2'."""
    if reading.metric not in HELD:
        return None
    found = _in_preps(fig, reading, _HOLDER_PREPS, ctx)
    if found is not None:
        return found
    verb = _verb(reading, ctx, fig.segment) or governing_verb(fig.number_token, fig.segment, ctx.cfg.governing_climb)
    if verb is None or is_passive(verb) or ctx.lex.area_triggers.get(verb.lemma_.lower()) != "territory_held":
        return None
    return _first(arguments(verb).subjects, fig.segment, ctx, set())


def taken_from(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'took 65 km2 from ISIS': the side that lost the area."""
    if reading.metric != "territory_taken":
        return None
    return _in_preps(fig, reading, _LOSER_PREPS, ctx)


def _in_preps(fig: Figure, reading: Reading, preps: frozenset[str], ctx: Context) -> str | None:
    seg = fig.segment
    heads = [] if reading.trigger is None else [reading.trigger, reading.trigger.head]
    tok = fig.unit_token if fig.unit_token is not None else fig.number_token
    heads += [tok, *ancestors(tok, 4)]
    objects = [o for h in heads if seg.holds(h) for p in h.children if p.dep_ in ("prep", "agent")
               and p.lower_ in preps for o in p.children if o.dep_ == "pobj"]
    return _first(objects, seg, ctx, set())


def own_people(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'29 of its fighters', 'their men': the counted people belong to whoever the possessive stands for."""
    if fig.unit_token is None:
        return None
    for k in range(fig.number_token.i + 1, fig.unit_token.i):
        word = ctx.doc[k]
        if word.lower_ in POSSESSIVES:
            return actor_of(word, fig.segment, ctx) or speaker_of(word, fig.segment, ctx) or None
    return None


def sender(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'the army sent 300 soldiers': fighters someone deploys are theirs."""
    verb = _verb(reading, ctx, fig.segment)
    if reading.metric != "fighters_present" or verb is None or is_passive(verb):
        return None
    if forms(verb).isdisjoint(ctx.lex.sending_verbs):
        return None
    found = _first(arguments(verb).subjects, fig.segment, ctx, set())
    return found if ctx.cast.armed(found) else None


def state_people(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'two soldiers', 'four policemen': the state force speaking, else the one named last."""
    if fig.unit_token is None or fig.unit_token.lemma_.lower() not in ctx.lex.state_nouns:
        return None
    said = _claimant(fig, reading, ctx)
    if ctx.cast.kind(said) in ctx.lex.state_kinds:
        return said
    return _recent(fig, ctx, exclude={said}, kinds=ctx.lex.state_kinds)


def sibling(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'... and seven others were injured': the side counted just before in the sentence."""
    if fig.unit_token is not None and fig.unit_token.lemma_.lower() not in ctx.lex.sibling_nouns:
        return None
    before = ctx.segments[fig.segment.index - 1] if fig.segment.index > 0 else None
    same = ctx.subjects.get(fig.segment.index)
    if same is None and before is not None and before.paragraph == fig.segment.paragraph:
        return ctx.subjects.get(before.index)  # "Two soldiers were killed. Three others were wounded."
    return same


def recent_armed(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """The armed actor the text was just talking about ('the group'), for figures of fighting."""
    if reading.metric not in SUBJECT_FALLBACK or fig.noun_class == "civilians" or _toll_counted(fig, ctx):
        return None
    exclude = {_claimant(fig, reading, ctx), doer(fig, reading, ctx), by_agent(fig, reading, ctx)}
    if fig.unit_token is not None and fig.noun_class == "fighters" \
            and fig.unit_token.lemma_.lower() not in ctx.lex.state_nouns:  # militants are no state's forces
        found = _recent(fig, ctx, exclude, kinds=NON_STATE_ARMED_KINDS)
        if found is not None:
            return found
    return _recent(fig, ctx, exclude)


def _toll_counted(fig: Figure, ctx: Context) -> bool:
    """'Deaths surged to 388': a count of what happened, of no side in particular."""
    unit = fig.unit_token
    return unit is not None and ctx.lex.person_triggers.get(unit.lemma_.lower()) not in (None, "present")


def _recent(fig: Figure, ctx: Context, exclude: set[str | None], same_sentence: bool = False,
            kinds: frozenset[str] | None = None) -> str | None:
    start = fig.segment.start if same_sentence else max(0, fig.start - ctx.cfg.lookback_chars)
    for m in reversed(ctx.cast.within(start, fig.start)):
        if m.speaker or not ctx.cast.armed(m.actor) or _backer(m.end, ctx):
            continue
        if any(ctx.cast.same_side(m.actor, x) for x in exclude):
            continue
        if _teller(m.start, ctx):
            continue
        if kinds is None or ctx.cast.kind(m.actor) in kinds:
            return m.actor
    return None


def _teller(start: int, ctx: Context) -> bool:
    """'The SDF said ...': an actor speaking is a source, not a side the next figure counts."""
    token = token_at(ctx.doc, start)
    if token is None:
        return False
    for head in [token, *ancestors(token, 4)]:
        if head.dep_ in ("nsubj", "nsubjpass"):
            return not forms(head.head).isdisjoint(lexicons().reporting_verbs)
        # "the government and the TPLF said": each of two tellers tells
        if head.dep_ not in ("compound", "amod", "flat", "appos", "det", "poss", "conj"):
            return False
    return False


def _backer(end: int, ctx: Context) -> bool:
    """'U.S.-backed fighters', 'SDF-held areas': the name qualifies someone or something else."""
    return ctx.text[end:end + 16].lower().startswith(ctx.lex.backer_suffixes)


def _claimant(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    return ctx.claimant_of(fig, reading)


# agent steps -------------------------------------------------------------------------------------


def by_agent(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'were killed by militants', 'freed by their captors'."""
    if reading.trigger is None:
        return None
    verb = _verb(reading, ctx, fig.segment) or reading.trigger
    counted = fig.unit_token if fig.unit_token is not None else fig.number_token
    holder = governing_verb(counted, fig.segment, ctx.cfg.governing_climb)  # "... were freed by their captors"
    heads = [reading.trigger, verb, *([holder] if holder is not None else [])]
    return _first([a for h in heads for a in arguments(h).agents], fig.segment, ctx, set())


def doer(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """The doer of the clause that tells what happened: 'Russia said it killed', 'Israeli strikes killed',
    'the army ... killing 12', 'the killing of 33 by the army'."""
    if reading.trigger is None:
        return None
    verb = _verb(reading, ctx, fig.segment)
    if verb is None:
        return _doers_of([reading.trigger], fig, ctx)
    if not forms(verb).isdisjoint(ctx.lex.loss_triggers):
        return None  # 'ISIS lost 20 km2': the subject lost it
    telling = not forms(verb).isdisjoint(lexicons().reporting_verbs) and verb.i != reading.trigger.i
    if telling and _claims_deed(verb, reading.trigger, ctx):  # "the military claimed the killing of 33"
        return _first(arguments(verb).subjects, fig.segment, ctx, set())
    return _doers_of([reading.trigger] if telling else [verb, reading.trigger], fig, ctx)


def _doers_of(heads: list[Token], fig: Figure, ctx: Context) -> str | None:
    counted = fig.unit_token if fig.unit_token is not None else fig.number_token
    victims = {t.i for t in conjuncts(counted)}  # "21 passengers and four soldiers died": no doer among them
    doers = [d for h in heads for d in arguments(h).doers if not contains(d, counted) and d.i not in victims]
    return _first(doers, fig.segment, ctx, set())


def _claims_deed(verb: Token, trigger: Token, ctx: Context) -> bool:
    return not forms(verb).isdisjoint(ctx.lex.responsibility_verbs) and any(
        c.dep_ == "dobj" and c.i == trigger.i for c in verb.children)


def when_clause(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'Five were killed when militants attacked their post': the subject of a clause on a passive toll."""
    verb = _verb(reading, ctx, fig.segment)
    if verb is None:
        return None
    verbs = [verb, *children(verb, "conj"), *([verb.head] if verb.dep_ == "conj" else [])]
    clauses = [c for v in verbs for c in children(v, "advcl") if _subordinate(c)]
    return _first([d for c in clauses for d in arguments(c).subjects], fig.segment, ctx, set())


def _subordinate(clause: Token) -> bool:
    """'when militants stormed the post', not 'raising the toll to 43' (a participle the speaker tells)."""
    introduced = any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in clause.children)
    return clause.pos_ in ("VERB", "AUX") and not is_passive(clause) and introduced


def attack_owner_nearby(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """The owner of the attack nearest the toll in its sentence ('the toll of the Turkish attack')."""
    if reading.metric not in CASUALTIES:
        return None
    found = [(abs(t.i - fig.number_token.i), a) for t in ctx.tokens(fig.segment)
             if (a := attack_owner(t, ctx)) is not None]
    return min(found)[1] if found else None


def responsibility(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'The group claimed responsibility for the attack': the doer of a toll told just before."""
    if reading.metric not in CASUALTIES:
        return None
    i = fig.segment.index
    for later in ctx.segments[i:i + 1 + ctx.cfg.responsibility_reach]:
        for verb in ctx.tokens(later):
            if forms(verb).isdisjoint(ctx.lex.responsibility_verbs):
                continue
            if any(c.dep_ == "dobj" and c.lemma_.lower() in ctx.lex.responsibility_objects for c in verb.children):
                found = _first(arguments(verb).subjects, later, ctx, set())
                if found is not None:
                    return found
    return None


def speaker_did_it(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'we killed', 'they managed to take', 'ISIS militants killed since May: 1,650 (SDF official)': an armed
    source speaking of its own deed, or of the enemy's losses no one else is said to have caused."""
    said = _claimant(fig, reading, ctx)
    if not ctx.cast.armed(said) or fig.noun_class == "civilians":
        return None
    verb = _verb(reading, ctx, fig.segment)
    if verb is None or is_passive(verb):
        side = ctx.subjects.get(fig.segment.index)
        return said if ctx.cast.armed(side) and not ctx.cast.same_side(side, said) else None
    return said if any(is_pronoun(s) for s in arguments(verb).subjects) else None


def gainer(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'ISIS loses its enclave to the SDF', 'ceded 20 km2 to the army': who gained what another lost."""
    verb = _verb(reading, ctx, fig.segment)
    if reading.metric != "territory_taken" or verb is None or forms(verb).isdisjoint(ctx.lex.loss_triggers):
        return None
    return _in_preps(fig, reading, frozenset({"to", "for"}), ctx)


def state_arrest(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'the arrest of five people': arrests and detentions no one is said to have made are the state's."""
    if reading.trigger is None or reading.trigger.lemma_.lower() not in ctx.lex.state_capture_words:
        return None
    country = ctx.cast.local or ctx.cast.home
    return ctx.cast.forces_of(country) if country is not None else None


def main_armed_group(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """A toll of civilians or state forces with no doer in its clause: the armed group the report is about
    (the one it names most, at least twice), as coders read a story about one group's attack."""
    if reading.metric not in CASUALTIES | {"captured"}:
        return None
    return ctx.cast.main_group(ctx.cfg.main_group_mentions, fig.start)


def main_armed_subject(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'33 terrorists', 'two militants': fighters of no named side, in a report about one armed group, are
    that group's."""
    if fig.noun_class != "fighters" or fig.unit_token is None or fig.unit_token.lemma_.lower() in ctx.lex.state_nouns:
        return None
    return ctx.cast.main_group(ctx.cfg.main_group_mentions, fig.start)


def recent_armed_agent(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """The armed actor named earlier in the same sentence."""
    return _recent(fig, ctx, exclude={_claimant(fig, reading, ctx)}, same_sentence=True)


SUBJECT_STEPS: Mapping[str, Step] = {
    "included": included,
    "counted_phrase": counted_phrase,
    "loser": loser,
    "holder": holder,
    "taken_from": taken_from,
    "own_people": own_people,
    "sender": sender,
    "state_people": state_people,
    "sibling": sibling,
    "recent_armed": recent_armed,
    "main_armed_group": main_armed_subject,
}
AGENT_STEPS: Mapping[str, Step] = {
    "by_agent": by_agent,
    "gainer": gainer,
    "doer": doer,
    "when_clause": when_clause,
    "attack_owner": attack_owner_nearby,
    "responsibility": responsibility,
    "speaker_did_it": speaker_did_it,
    "state_arrest": state_arrest,
    "recent_armed": recent_armed_agent,
    "main_armed_group": main_armed_group,
}
