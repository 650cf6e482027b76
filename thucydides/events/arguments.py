"""An event's arguments: who acted on whom, where, when and with how many dead.

Everything here reads what earlier stages left on the Analysis (actor mentions, toponyms,
time expressions, claims) and the dependency parse around a trigger token.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from thucydides.actors.recognize import ActorRegistry
from thucydides.corpus import fatalities as toll
from thucydides.events.lexicon import Lexicon
from thucydides.events.syntax import Token, in_clause_of, is_root, lemma, words
from thucydides.model import ActorMention, Claim, Interval, Place, TimeExpression, Toponym

_RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
_INDEFINITE = {"a", "an", "any", "some", "several", "many", "few"}

T = TypeVar("T", ActorMention, Toponym)


class SpanIndex(Generic[T]):
    """Spans sorted by start, found by character overlap in O(log n)."""

    def __init__(self, items: Iterable[T]) -> None:
        self.items: list[T] = sorted(items, key=lambda x: (x.start, x.end))
        self.starts = [x.start for x in self.items]

    def overlapping(self, start: int, end: int) -> list[T]:
        i = bisect_left(self.starts, end)
        out = []
        for item in self.items[max(0, i - 8):i]:
            if item.end > start and item.start < end:
                out.append(item)
        return out

    def within(self, start: int, end: int) -> list[T]:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [x for x in self.items[lo:hi] if x.end <= end]


def clauses_on(head: Token) -> list[tuple[int, int]]:
    """'the alliance, which is backed by the coalition': clauses on a phrase tell of other actors."""
    return [subtree_span(c) for c in head.children if c.dep_ in {"relcl", "acl"} and c.pos_ in {"VERB", "AUX"}]


def token_span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def subtree_span(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


@dataclass
class ActorFinder:
    """Actor mentions of one document, read through the registry's kinds."""

    mentions: SpanIndex[ActorMention]
    registry: ActorRegistry
    lex: Lexicon

    def usable(self, mention: ActorMention, allow_civilians: bool = True) -> bool:
        kind = self.registry.kind(mention.actor)
        return kind in self.lex.armed_kinds or (allow_civilians and kind == "civilians")

    def in_phrase(self, head: Token | None, allow_civilians: bool = True) -> str | None:
        """The usable actor a phrase names: the one on its head word, else the one closest to it, else
        one a modifier word stands for ('regime troops', 'Russian air strikes')."""
        if head is None:
            return None
        for mention in self.mentions.overlapping(*token_span(head)):
            if self.usable(mention, allow_civilians):
                return mention.actor
        inside = [m for m in self.mentions.within(*subtree_span(head))
                  if self.usable(m, allow_civilians) and not m.speaker and not self._describes_a_place(m, head)
                  and not any(lo <= m.start < hi for lo, hi in clauses_on(head))]
        if inside:
            return min(inside, key=lambda m: abs(m.start - head.idx)).actor
        return self.by_modifier(head)

    def by_modifier(self, head: Token) -> str | None:
        """'Russian air strikes', 'regime artillery': a modifier word on the head that names a side."""
        if not ({lemma(head), head.lower_} & self.lex.armed_means or lemma(head) in self.lex.force_nouns
                or lemma(head) in self.lex.by_lemma):
            return None  # 'the Turkish border', 'Iraqi territory' name no side
        for word in [head, *children(head, "amod", "compound", "nmod")]:
            actor = self.lex.modifier_actors.get(word.lower_)
            if actor and self.registry.kind(actor) in self.lex.armed_kinds:
                if word is head and head.dep_ not in {"amod", "compound"}:
                    continue
                return actor
        return None

    @staticmethod
    def _describes_a_place(mention: ActorMention, head: Token) -> bool:
        """'the jihadist-held region': an actor inside a participle that describes a place is no side."""
        span = head.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        return root.dep_ in {"npadvmod", "compound", "nmod"} and root.head.tag_ == "VBN" \
            and root.head.dep_ == "amod"

    def candidates(self, sentence: tuple[int, int], anchor: int,
                   keep: Callable[[ActorMention], bool] | None = None) -> tuple[str, ...]:
        """Armed actors of a sentence, nearest first (those before the anchor count double-near)."""
        ranked: dict[str, int] = {}
        for mention in self.mentions.within(*sentence):
            if not self.usable(mention, allow_civilians=False) or (keep is not None and not keep(mention)):
                continue
            distance = anchor - mention.end if mention.end <= anchor else 2 * (mention.start - anchor)
            ranked[mention.actor] = min(ranked.get(mention.actor, distance), distance)
        return tuple(sorted(ranked, key=lambda a: ranked[a]))


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the token's prepositions named in `preps` ('against X', 'from X')."""
    wanted = set(preps)
    out = []
    for prep in children(token, "prep", "agent"):
        if prep.lower_ in wanted:
            out.extend(children(prep, "pobj", "pcomp"))
    return out


def deep_prep_objects(token: Token, preps: Iterable[str], depth: int = 4) -> list[Token]:
    """Objects of the named prepositions anywhere a few levels below the token ('between X and Y against Z')."""
    wanted = set(preps)
    out: list[Token] = []
    frontier = [token]
    for _ in range(depth):
        nxt: list[Token] = []
        for current in frontier:
            for child in current.children:
                if child.dep_ == "prep" and child.lower_ in wanted:
                    out.extend(children(child, "pobj"))
                elif child.dep_ not in {"relcl", "advcl", "ccomp"}:
                    nxt.append(child)
        frontier = nxt
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def passive_subject(verb: Token) -> Token | None:
    """The passive verb's subject; 'fighters holding positions were attacked' parsed as a clausal
    subject names them as the subject of that clause."""
    subject = next(iter(children(verb, "nsubjpass")), None)
    if subject is not None:
        return subject
    clausal = next(iter(children(verb, "csubjpass")), None)
    return next(iter(children(clausal, "nsubj")), None) if clausal is not None else None


def dominating_subjects(trigger: Token, limit: int = 12) -> list[Token]:
    """Subjects of the verbs the trigger hangs under ('ISIS washes away the blood of people killed in
    the attack'): the one whose clause tells the happening."""
    out: list[Token] = []
    current = trigger
    for _ in range(limit):
        if current.pos_ in {"VERB", "AUX"}:
            out.extend(subjects_of(current))
        if is_root(current):
            break
        current = current.head
    return out


def victim_phrases(trigger: Token, verb: Token, lex: Lexicon) -> list[Token]:
    """Phrases naming those a happening hit: objects of its target prepositions ('a bomb at an SDF
    checkpoint'), and those killed or wounded in its clause or in the clause its 'when' clause tells of."""
    out = [*prep_objects(verb, lex.target_preps)]
    if trigger.i != verb.i:
        out.extend(prep_objects(trigger, lex.target_preps))
    clauses = [verb, verb.head] if verb.dep_ == "advcl" and not is_root(verb) else [verb]
    for clause in clauses:
        for t in clause.subtree:
            if lemma(t) in lex.harm_verbs and t.pos_ in {"VERB", "AUX"}:
                out.extend(children(t, "dobj", "nsubjpass"))
                if t.dep_ in {"acl", "relcl"} and not is_root(t):
                    out.append(t.head)  # "fighters killed in the blast"
            elif lemma(t) in lex.harm_nouns:
                out.extend(prep_objects(t, ["of"]))
    return out


def subjects_of(verb: Token) -> list[Token]:
    """The verb's subjects, climbing through 'managed to X', 'X and Y' and relative pronouns."""
    current = verb
    for _ in range(4):
        subjects = children(current, "nsubj")
        if not subjects and current is not verb and verb.dep_ == "xcomp":
            subjects = children(current, "nsubjpass")  # "X is reported to have taken Y"
        if subjects:
            if subjects[0].lower_ in _RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return [current.head]
            return subjects
        if current.dep_ in {"xcomp", "conj", "advcl", "acomp"} and not is_root(current):
            current = current.head
            continue
        return []
    return []


def first_named(finder: ActorFinder, phrases: Iterable[Token], allow_civilians: bool = True) -> str | None:
    return next((a for a in (finder.in_phrase(p, allow_civilians) for p in phrases) if a), None)


@dataclass(frozen=True)
class Roles:
    actor1: str | None
    actor2: str | None
    symmetric: bool = False
    syntactic: bool = False
    anaphoric_subject: bool = False
    """actor 1 is told by a pronoun or a bare 'the forces' ('it stationed', 'our forces liberated')."""


def _is_anaphoric(phrase: Token | None, lex: Lexicon | None) -> bool:
    if phrase is None:
        return False
    if phrase.tag_ == "PRP" or phrase.lower_ in {"it", "they", "we", "he", "she"}:
        return True
    return lex is not None and (lemma(phrase) in lex.force_nouns or lemma(phrase) in lex.member_nouns
                                or lemma(phrase) in lex.group_nouns)


def _agent_of_participle(noun: Token, finder: ActorFinder) -> str | None:
    """'an attack launched by ISIS', 'a mine planted by ISIS cells': the agent of a participle on the noun."""
    for acl in children(noun, "acl"):
        for obj in prep_objects(acl, ["by"]):
            found = finder.in_phrase(obj, allow_civilians=False)
            if found:
                return found
    return None


def _defended(trigger: Token, lex: Lexicon | None) -> bool:
    """'repelled an attack': the subject of the governing verb is the side attacked."""
    return lex is not None and trigger.dep_ == "dobj" and lemma(trigger.head) in lex.defence_verbs


def roles(trigger: Token, finder: ActorFinder, actor1_preps: Iterable[str] = (),
          taken_is_object: bool = False, lex: Lexicon | None = None) -> Roles:
    """actor1 (acting) and actor2 (acted on) from the parse around the trigger."""
    actor1: str | None = None
    actor2: str | None = None
    objects = children(trigger, "dobj")
    # "clashes broke out between X and Y": the phrase may hang on the verb the trigger is subject of
    carriers = [trigger, *objects]
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"nsubj", "nsubjpass"}:
        carriers.append(trigger.head)
    if trigger.pos_ in {"VERB", "AUX"} and is_passive(trigger) and not taken_is_object:
        actor2 = finder.in_phrase(passive_subject(trigger))  # "X were attacked by Y": X is acted on
    for head in carriers:
        actor2 = actor2 or first_named(finder, prep_objects(head, ["against", "on", "from", "with", "targeting"]))
    actor2 = actor2 or first_named(finder, deep_prep_objects(trigger, ["against", "targeting"]))
    between = [obj for head in carriers for obj in prep_objects(head, ["between"])]
    if between:
        sides = [between[0], *children(between[0], "conj")]
        named = [a for a in dict.fromkeys(finder.in_phrase(s) for s in sides) if a and a != actor2]
        if len(named) >= 2 and actor2 is None:
            return Roles(named[0], named[1], symmetric=True, syntactic=True)
        if named:
            actor1 = named[0]
    for obj in prep_objects(trigger, list(actor1_preps)):
        actor1 = actor1 or finder.in_phrase(obj)
    subject: Token | None = None
    if trigger.pos_ in {"VERB", "AUX"}:
        if is_passive(trigger):
            for obj in prep_objects(trigger, ["by"]):
                actor1 = actor1 or finder.in_phrase(obj)
            if not taken_is_object:
                actor2 = actor2 or finder.in_phrase(next(iter(children(trigger, "nsubjpass")), None))
        else:
            subjects = subjects_of(trigger)
            subject = subjects[0] if subjects else None
            actor1 = actor1 or first_named(finder, subjects, allow_civilians=False)
            if not taken_is_object:
                actor2 = actor2 or first_named(finder, objects)
    else:
        actor1 = actor1 or _agent_of_participle(trigger, finder)
        owners = [trigger, trigger.head] if trigger.dep_ == "conj" else [trigger]
        for owner in owners:  # "the Coalition's fighters and artillery": artillery is the Coalition's too
            for mod in children(owner, "poss", "compound", "amod", "nmod"):
                actor1 = actor1 or finder.in_phrase(mod, allow_civilians=False)
            actor1 = actor1 or finder.by_modifier(owner)
        for obj in prep_objects(trigger, ["by"]):
            actor1 = actor1 or finder.in_phrase(obj)
        if trigger.dep_ in {"dobj", "attr"} and not is_root(trigger):
            subjects = subjects_of(trigger.head)
            subject = subjects[0] if subjects else None
            by_subject = first_named(finder, subjects, allow_civilians=False)
            if _defended(trigger, lex):
                actor2 = actor2 or by_subject
            else:
                actor1 = actor1 or by_subject
        if trigger.dep_ in {"nsubj", "nsubjpass"} and trigger.head.pos_ in {"VERB", "AUX"}:
            actor2 = actor2 or first_named(finder, children(trigger.head, "dobj"))  # "strikes engaged ISIS units"
    if actor1 == actor2:
        actor2 = None
    syntactic = actor1 is not None or actor2 is not None
    anaphoric = actor1 is None and _is_anaphoric(subject, lex)
    return Roles(actor1, actor2, symmetric=False, syntactic=syntactic, anaphoric_subject=anaphoric)


@dataclass
class PlaceFinder:
    """Toponyms of one document that can locate an event, and the report's main place."""

    toponyms: SpanIndex[Toponym]
    places: dict[str, Place]
    lex: Lexicon

    @classmethod
    def of(cls, toponyms: Sequence[Toponym], places: dict[str, Place], lex: Lexicon) -> PlaceFinder:
        usable = [t for t in toponyms if t.place and t.place in places
                  and places[t.place].kind in lex.event_place_kinds]
        return cls(SpanIndex(usable), places, lex)

    def _told_in(self, toponym: Toponym, trigger: Token) -> bool:
        span = trigger.doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
        return span is None or not len(span) or in_clause_of(span.root, trigger)

    def in_phrase(self, head: Token | None, own_clause: bool = False) -> Toponym | None:
        """The place a phrase names, nearest its head; with `own_clause`, not one in a relative clause on it."""
        if head is None:
            return None
        start, end = subtree_span(head)
        found = self.toponyms.within(start, end) or self.toponyms.overlapping(*token_span(head))
        if own_clause:
            found = [t for t in found if self._told_in(t, head)]
        if not found:
            return None
        return min(found, key=lambda t: abs(t.start - head.idx))

    def in_arguments(self, verb: Token) -> Toponym | None:
        """A place named in a verb's objects and prepositional phrases ('stationed near X'), not its subject."""
        found: list[Toponym] = []
        for child in verb.children:
            if child.dep_ in {"dobj", "prep", "agent", "npadvmod", "advmod", "pobj"}:
                found.extend(t for t in self.toponyms.within(*subtree_span(child)) if self._told_in(t, verb))
        if not found:
            return None
        return min(found, key=lambda t: (self._broad(t, verb.doc), abs(t.start - verb.idx)))

    def _broad(self, toponym: Toponym, doc: object) -> bool:
        """'in the countryside of Deir ez-Zor': a place named as the wide area around, not the spot."""
        span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")  # type: ignore[attr-defined]
        if span is None or not len(span):
            return False
        root = span.root
        if root.dep_ != "pobj" or root.head.lower_ != "of" or is_root(root.head):
            return False
        return lemma(root.head.head) in self.lex.broad_area_nouns

    def nearest(self, sentence: tuple[int, int], anchor: int) -> Toponym | None:
        found = self.toponyms.within(*sentence)
        if not found:
            return None
        return min(found, key=lambda t: (abs(t.start - anchor) if t.start >= anchor else anchor - t.end))

    def nearest_in_clause(self, trigger: Token, sentence: tuple[int, int]) -> Toponym | None:
        """The nearest place told in the trigger's own clause: a place in another clause of the
        sentence ('..., a claim denied by Ankara') does not locate it."""
        doc = trigger.doc
        found = []
        for t in self.toponyms.within(*sentence):
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and len(span) and in_clause_of(span.root, trigger):
                found.append(t)
        if not found:
            return None
        anchor = trigger.idx
        return min(found, key=lambda t: (self._broad(t, doc),
                                         abs(t.start - anchor) if t.start >= anchor else anchor - t.end))

    def main_place(self) -> str | None:
        """The place a report is about: its most repeated town if one recurs, else its most repeated place."""
        named = [(t.place, t.start) for t in self.toponyms.items if t.place]
        if not named:
            return None
        counts = Counter(p for p, _ in named)
        first_seen: dict[str, int] = {}
        for place, start in named:
            first_seen.setdefault(place, start)
        towns = {p: n for p, n in counts.items() if self.places[p].kind == "populated_place" and n >= 2}
        pool = towns or counts
        # equally repeated: the most specific (least populous) place, then the first named
        return max(pool, key=lambda p: (pool[p], -(self.places[p].population or 0), -first_seen[p]))


def event_date(times: Sequence[TimeExpression], sentence: tuple[int, int], trigger: Token,
               lex: Lexicon) -> TimeExpression | None:
    """The time expression governing a trigger: the nearest dated point or period of its own clause
    ('positions they lost last week' does not date the clash it follows)."""
    best: tuple[int, TimeExpression] | None = None
    anchor = trigger.idx
    for t in times:
        if t.start < sentence[0] or t.end > sentence[1] or t.role not in {"point", "during"}:
            continue
        if not plausible(t.interval, lex):
            continue
        span = trigger.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span) and not in_clause_of(span.root, trigger):
            continue
        distance = abs(t.start - anchor) if t.start >= anchor else anchor - t.end
        if best is None or distance < best[0]:
            best = (distance, t)
    return best[1] if best else None


def _in_main_clause(doc: object, t: TimeExpression) -> bool:
    """'an agreement reached two days ago': a day named inside a clause on a noun is not where the story is."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")  # type: ignore[attr-defined]
    if span is None or not len(span):
        return True
    current = span.root
    for _ in range(16):
        if is_root(current):
            return True
        if current.dep_ in {"relcl", "acl", "appos"}:
            return False
        current = current.head
    return True


def narrative_date(times: Sequence[TimeExpression], anchor: int, published: Interval | None,
                   lex: Lexicon, doc: object = None) -> TimeExpression | None:
    """The day the story is at: the last day named before the trigger. A report that says 'on 5 March'
    and then 'on the same day' or nothing keeps telling of 5 March; future days do not carry."""
    last: TimeExpression | None = None
    for t in times:
        if t.start >= anchor or t.precision != 1 or t.role not in {"point", "during"}:
            continue
        if doc is not None and not _in_main_clause(doc, t):
            continue
        if not plausible(t.interval, lex):
            continue
        if published and published.end and t.interval.end and t.interval.end > published.end:
            continue
        if last is None or t.start > last.start:
            last = t
    return last


def plausible_day(day: date | None, lex: Lexicon) -> bool:
    low, high = lex.plausible_years
    return day is None or low <= day.year <= high


def plausible(interval: Interval | None, lex: Lexicon) -> bool:
    """Whether an interval could date a reported event (no year 25, no year 3000)."""
    if interval is None or (interval.start is None and interval.end is None):
        return False
    return plausible_day(interval.start, lex) and plausible_day(interval.end, lex)


def conservative_count(claim: Claim, lex: Lexicon) -> int | None:
    """The number one killed figure counts (ACLED's lowest bound; vague words fixed small counts)."""
    return toll.figure(claim, lex.vague_fatalities)


def fatalities(claims: Sequence[Claim], lex: Lexicon) -> int | None:
    """The toll of one event as one report tells it: `thucydides.corpus.fatalities.report_toll`
    (one group's restated figures: the lowest; distinct named victim groups: added; never two
    accounts of one toll added)."""
    return toll.report_toll(claims, lex.vague_fatalities)


def taken_phrase(trigger: Token, takes: str | None) -> Token | None:
    """What a takeover or capture trigger says was taken."""
    if takes == "subject":
        return next(iter(children(trigger, "nsubj", "nsubjpass")), None)
    if takes == "head_object":
        found = prep_objects(trigger, ["of", "over", "on"]) or prep_objects(trigger.head, ["of", "over", "on", "to"])
        return found[0] if found else None
    if trigger.pos_ in {"VERB", "AUX"}:
        if is_passive(trigger):
            return next(iter(children(trigger, "nsubjpass")), None)
        direct = next(iter(children(trigger, "dobj")), None)
        if trigger.dep_ == "relcl" and _object_relative(trigger, direct):
            return trigger.head  # "Tal Abyad, which rebels had captured"
        if direct is None:  # "recaptured Mosul" with the name mis-tagged as an adverb
            direct = next((c for c in trigger.children if c.dep_ in {"advmod", "npadvmod", "oprd"}
                           and c.i == trigger.i + 1 and c.text[:1].isupper()), None)
        if direct is None and trigger.dep_ == "amod" and not is_root(trigger):
            return trigger.head  # "the SDF captured Hajin" mis-parsed with the verb as Hajin's adjective
        return direct
    objects = prep_objects(trigger, ["of"])
    if objects:
        return objects[0]
    return next(iter(children(trigger, "poss")), None)


def _object_relative(verb: Token, direct: Token | None) -> bool:
    """The relative pronoun is the verb's object (also when the parser hangs 'which' on the subject)."""
    if direct is not None:
        return bool(direct.lower_ in _RELATIVE_PRONOUNS)
    return any(t.lower_ in {"which", "that"} and t.dep_ not in {"nsubj", "nsubjpass"} and t.i < verb.i
               for t in verb.subtree)


def also_named(taken: Token, first: Toponym, places: PlaceFinder) -> list[Toponym]:
    """'took the towns of Kafr Zita and Latamneh': the other places conjoined with the first one taken."""
    out: list[Toponym] = []
    for token in taken.subtree:
        if token.dep_ != "conj":
            continue
        for t in places.toponyms.overlapping(*token_span(token)):
            if t.place != first.place and t.place not in {o.place for o in out}:
                out.append(t)
    return out


def named_as(taken: Token, places: PlaceFinder) -> Toponym | None:
    """The named place that *is* the taken thing: the head itself, its apposition or 'town of X'.

    A place only mentioned as a container ('towns in X') does not count.
    """
    frontier = [taken]
    for _ in range(3):
        nxt: list[Token] = []
        for token in frontier:
            found = places.toponyms.overlapping(*token_span(token))
            if found:
                return found[0]
            nxt.extend(children(token, "appos", "compound", "conj"))
            nxt.extend(prep_objects(token, ["of"]))
        frontier = nxt
    return None


def is_people(token: Token, lex: Lexicon) -> bool:
    return bool(words(token) & lex.people_nouns)


def is_specific_place_noun(token: Token, lex: Lexicon) -> bool:
    """A singular, definite place noun ('the entire enclave'), which the nearest named place can stand for."""
    if lemma(token) not in lex.place_nouns or lemma(token) in lex.unlocated_nouns:
        return False
    if token.tag_ in {"NNS", "NNPS"}:
        return False
    return not any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in token.children)
