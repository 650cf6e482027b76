"""A predicate's arguments: who does, who undergoes, and its prepositional objects, for any conflict.

For a verb: subjects (with the subject a controlled, coordinated, participial or relative clause
inherits from the clause it hangs on), objects, the agent of a passive ('by ...'), prepositional
objects; coordinated items are expanded ('the army and the police'). The doers of an active clause are
its subjects and of a passive its agents; the undergoers the reverse. For a noun naming a happening
('an attack by X on Y', 'Russian strikes', 'the army's offensive') the doers are its possessor, its
name-like modifiers and its 'by' object, the undergoers the objects of 'on', 'against', 'targeting'.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from thucydides.knowledge.lexicons import lexicons
from thucydides.ling.clauses import is_passive
from thucydides.ling.tokens import NOMINAL, VERBAL, children, conjuncts, forms, is_root

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
"""A clause's subject relations, nominal and clausal, active and passive. Not "expl": a dummy 'there' or 'it'
stands for no one ('there were clashes'), so it is never a doer nor an undergoer."""
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
"""A clause's nominal subjects, active and passive: the noun phrases a clause says something of."""
OBJECT_DEPS = ("dobj", "dative", "oprd", "attr")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
TARGET_PREPOSITIONS = frozenset({"on", "against", "targeting", "at", "upon"})
DOER_MODIFIER_DEPS = ("compound", "amod", "nmod", "npadvmod")
NAME_LIKE = frozenset({"PROPN"})
MISPARSED_AS_MODIFIER = frozenset({"amod", "compound", "nmod"})


@dataclass(frozen=True)
class Arguments:
    head: Token
    passive: bool
    subjects: tuple[Token, ...] = ()
    objects: tuple[Token, ...] = ()
    agents: tuple[Token, ...] = ()
    preps: tuple[tuple[str, Token], ...] = ()
    modifiers: tuple[Token, ...] = ()
    """For a noun: its possessor and name-like modifiers ('Russian', 'the army's')."""

    @property
    def doers(self) -> tuple[Token, ...]:
        if self.head.pos_ in VERBAL:
            return self.agents if self.passive else self.subjects
        return self.modifiers + self.agents

    @property
    def undergoers(self) -> tuple[Token, ...]:
        if self.head.pos_ in VERBAL:
            return (self.subjects if self.passive else self.objects) + self.prep_objects(*TARGET_PREPOSITIONS)
        return self.prep_objects(*TARGET_PREPOSITIONS)

    def prep_objects(self, *words: str) -> tuple[Token, ...]:
        wanted = {w.lower() for w in words}
        return tuple(obj for prep, obj in self.preps if prep in wanted)


def _expand(tokens: list[Token]) -> tuple[Token, ...]:
    out: list[Token] = []
    for token in tokens:
        for item in conjuncts(token):
            if all(item.i != o.i for o in out):
                out.append(item)
    return tuple(out)


def _relative_antecedent(token: Token) -> Token:
    """'militants who attacked': the relative pronoun stands for the noun the clause modifies."""
    clause = token.head
    if token.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl" and not is_root(clause):
        return clause.head
    return token


def own_subjects(verb: Token) -> tuple[Token, ...]:
    return _expand([_relative_antecedent(s) for s in children(verb, *SUBJECT_DEPS)])


def subjects(verb: Token, depth: int = 0) -> tuple[Token, ...]:
    """The verb's subjects, or those it inherits from the clause it hangs on."""
    found = own_subjects(verb)
    if found or is_root(verb) or depth > 6:
        return found
    return _inherited_subjects(verb, depth)


def _inherited_subjects(verb: Token, depth: int) -> tuple[Token, ...]:
    """The subjects a verb with none of its own takes from the word it hangs on: the object that controls it
    (xcomp), the noun a relative clause describes, or the verb it is joined to."""
    governor = verb.head
    if verb.dep_ == "xcomp":
        controllers = children(governor, "dobj")  # 'ordered the troops to attack'
        return _expand(controllers) if controllers else subjects(governor, depth + 1)
    if verb.dep_ == "relcl":
        return (governor,)
    if verb.dep_ == "acl" and governor.pos_ in NOMINAL:
        return (governor,)
    if verb.dep_ in {"conj", "advcl"} and (accused := _accused_of_deed(governor)):
        return accused  # 'accused X of shelling the town, killing three': the parse hangs 'killing' on 'accused'
    if verb.dep_ in {"conj", "advcl", "pcomp"} and governor.pos_ in VERBAL:
        return subjects(governor, depth + 1)
    if verb.dep_ == "pcomp" and (accused := _accused(governor)):
        return accused
    if verb.dep_ == "pcomp" and not is_root(governor):
        return subjects(governor.head, depth + 1)
    return ()


def _accused(prep: Token) -> tuple[Token, ...]:
    """'accused X of bombing', 'blamed X for shelling': the object of a verb of accusing (lexicons accusing_verbs)
    that a gerund's preposition hangs on does the deed, not the accuser."""
    verb = prep.head
    if prep.dep_ != "prep" or not _accusing(verb):
        return ()
    return _expand(children(verb, "dobj"))


def _accusing(verb: Token) -> bool:
    """Whether a verb is one of accusing (lexicons accusing_verbs: accuse, blame, charge ...)."""
    return verb.pos_ in VERBAL and bool(forms(verb) & lexicons().accusing_verbs)


ACCUSED_PREPOSITIONS = frozenset({"of", "for"})
"""'accused X of shelling', 'blamed X for the bombing': the preposition that names the deed held against X."""


def _deeds(verb: Token) -> list[Token]:
    """The deeds a verb of accusing holds its object to: the objects of its 'of' or 'for'."""
    if not _accusing(verb):
        return []
    return [d for p in children(verb, "prep") if p.lower_ in ACCUSED_PREPOSITIONS for d in children(p, "pobj", "pcomp")]


def _accused_of_deed(verb: Token) -> tuple[Token, ...]:
    """The object of a verb of accusing that names a deed ('accused X of shelling the town'), else none."""
    return _expand(children(verb, "dobj")) if _deeds(verb) else ()


def accused_deed(verb: Token) -> Arguments | None:
    """'Officials blamed X for the bombing of a market', 'accused X of shelling a hospital': read on the verb of
    accusing (lexicons accusing_verbs), the accused (its object) does the deed and the deed's own undergoers undergo
    it; the accuser is no party. None where the verb is no such verb or names no deed or no one accused."""
    deeds = _deeds(verb)
    accused = _expand(children(verb, "dobj")) if deeds else ()
    if not accused:
        return None
    return Arguments(head=verb, passive=False, subjects=accused, objects=arguments(deeds[0]).undergoers)


def _preps(head: Token) -> tuple[tuple[str, Token], ...]:
    out = []
    for prep in children(head, "prep"):
        for obj in _expand(children(prep, "pobj", "pcomp")):
            out.append((prep.lower_, obj))
    return tuple(out)


def _agents(head: Token) -> tuple[Token, ...]:
    by = [p for p in head.children if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by")]
    return _expand([o for p in by for o in children(p, "pobj")])


def verb_arguments(verb: Token) -> Arguments:
    passive = is_passive(verb)
    found = subjects(verb)
    if verb.dep_ == "acl" and passive:
        found = (verb.head,)  # 'a convoy targeted by drones': the noun undergoes
    objects = _expand(children(verb, *OBJECT_DEPS))
    if not objects and not passive and verb.dep_ in MISPARSED_AS_MODIFIER and verb.head.pos_ in NOMINAL \
            and own_subjects(verb):
        objects = _expand([verb.head])  # 'the SDF captured Hajin' parsed as 'captured' modifying Hajin
    return Arguments(head=verb, passive=passive, subjects=found, objects=objects,
                     agents=_agents(verb), preps=_preps(verb))


def noun_arguments(noun: Token) -> Arguments:
    modifiers = [c for c in noun.children if c.dep_ == "poss"
                 or (c.dep_ in DOER_MODIFIER_DEPS and (c.pos_ in NAME_LIKE or c.ent_type_ in {"NORP", "GPE", "ORG"}))]
    agents = _agents(noun)
    # 'an attack by militants on a post': the parser often hangs the target on the agent instead
    lowered = tuple((p, o) for a in agents for p, o in _preps(a) if p in TARGET_PREPOSITIONS)
    return Arguments(head=noun, passive=False, modifiers=_expand(modifiers), agents=agents,
                     preps=_preps(noun) + lowered)


def arguments(head: Token) -> Arguments:
    """The arguments of a verb or of a noun naming a happening."""
    return verb_arguments(head) if head.pos_ in VERBAL else noun_arguments(head)
