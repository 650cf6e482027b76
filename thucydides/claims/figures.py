"""Finding figures in a parsed document: the number, its hedge, what it counts, and its clause.

One left-to-right pass over the spaCy tokens; numbers are read by `extract.numbers`, so the
scan never compiles a pattern per token. A figure that counts nothing we know (days, sides,
enclaves) is dropped here: a spurious claim costs as much as a missed one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Token

from thucydides.claims.lexicon import ClaimLexicon
from thucydides.claims.settings import ClaimsSettings
from thucydides.knowledge.fatalities import figure_reading
from thucydides.ling import numbers
from thucydides.ling.segments import Segmentation, segment

_BAD_BEFORE = set("-^$€£¥#/+_.:@&*=<>|\\")
_BAD_AFTER = set("^/:@*=<>|\\")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence of the shared segmentation (cut at blank lines) with its token range and paragraph."""

    start: int
    end: int
    first_token: int
    last_token: int  # exclusive
    index: int = 0
    paragraph: int = 0

    def holds(self, token: Token) -> bool:
        return self.first_token <= token.i < self.last_token


@dataclass(frozen=True, slots=True)
class Figure:
    quantity: numbers.Quantity
    unit: str
    """person, km2, km, m or percent (miles already converted)."""
    noun_class: str | None
    """fighters or civilians for person figures counted by a noun, else None."""
    unit_token: Token | None
    number_token: Token
    start: int
    end: int
    """Character span of the figure with its hedge ("no more than 300")."""
    segment: Segment
    unit_end: int
    """Character offset where the unit words end."""


def segments(doc: Doc, segmentation: Segmentation | None = None) -> list[Segment]:
    """The report's sentences (the shared segmentation, made here when a caller has none) as token ranges."""
    segmentation = segmentation or segment(doc, doc.text)
    starts = doc.to_array(IDX).tolist()  # one array read, not a Token per word
    out: list[Segment] = []
    for sent in segmentation.sentences:
        first = bisect.bisect_left(starts, sent.start)
        last = bisect.bisect_left(starts, sent.end)
        if last > first:
            out.append(Segment(sent.start, sent.end, first, last, len(out), sent.paragraph))
    return out


def _may_start(word: str, lex: numbers.NumberLexicon) -> bool:
    first = word[:1]
    if first.isdigit():
        return True
    w = word.lower()
    return lex.is_number_word(w) or w in {"a", "an", "between", "dozens", "hundreds", "thousands", "tens",
                                          "several", "scores"}


def _plain_context(text: str, start: int, end: int) -> bool:
    """The figure stands alone: not glued to letters, symbols or hyphenated words (T-72, $5, 12-year-old)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    if before.isalnum() or before in _BAD_BEFORE:
        return False
    if after in _BAD_AFTER or (after == "-" and after2.isalpha()):
        return False
    return not (after in ".," and after2.isdigit())


def _nominal(tok: Token, as_written: bool) -> bool:
    """A noun, or a participle listed as one ("pulled 11 wounded from the rubble", not "63 suspected members"):
    no auxiliary or subject of its own."""
    if tok.pos_ in ("NOUN", "PROPN", "ADJ"):
        return True
    own_clause = any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)
    return as_written and tok.tag_ == "VBN" and not own_clause


def _unit_at(doc: Doc, k: int, stop: int, lex: ClaimLexicon) -> tuple[str, int] | None:
    """The unit phrase starting at token k (longest first): (unit class, index after it)."""
    for size in range(min(lex.max_unit_words, stop - k), 0, -1):
        texts = tuple(doc[k + n].text.lower() for n in range(size))
        lemmas = tuple(doc[k + n].lemma_.lower() for n in range(size))
        for key in (texts, lemmas):
            unit = lex.unit_phrases.get(key)
            if unit is not None:
                if unit in ("fighters", "civilians") and not _nominal(doc[k + size - 1], key is texts):
                    continue
                return unit, k + size
    return None


_SKIPPABLE_POS = {"ADJ", "PROPN", "NOUN", "X"}
_SKIPPABLE_TEXT = {"-", "\"", "'", "“", "”", "‘", "’", "(", ")"}


def _happening_counted(doc: Doc, k: int, seg: Segment, lex: ClaimLexicon) -> int | None:
    """"161 cases of arbitrary arrest": the index of the happening noun when token k counts cases of one."""
    if doc[k].lemma_.lower() not in lex.event_counts or k + 1 >= seg.last_token or doc[k + 1].lower_ != "of":
        return None
    for obj in doc[k + 1].children:
        metric = lex.person_triggers.get(obj.lemma_.lower())
        if obj.dep_ == "pobj" and metric is not None and metric != "present" and obj.pos_ == "NOUN":
            return int(obj.i)
    return None


def find_unit(doc: Doc, j: int, seg: Segment, lex: ClaimLexicon, reach: int = 5) -> tuple[str, int, int] | None:
    """What the figure ending before token j counts: (unit class, unit token index, index after).

    Skips modifiers and actor names ("300 ISIS militants", "two well-respected elders"), and a leading "of
    the" ("200 of the escapees", "dozens of fighters"); stops at the first word that closes the noun phrase.
    """
    first = _after_of(doc, j, seg)
    for k in range(first, min(seg.last_token, first + reach)):
        found = _unit_here(doc, k, seg, lex)
        modified = _what_it_modifies(doc[found[1]], seg, lex) if found is not None else None
        if modified == "thing":
            return None
        if found is not None and modified is None:
            return found
        if not _modifier(doc[k]):
            return None
    return None


POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})
"""Possessive determiners: '200 of their fighters' counts someone's people."""
_DETERMINERS = frozenset({"the", "these", "those"}) | POSSESSIVES


def _after_of(doc: Doc, k: int, seg: Segment) -> int:
    """Past a leading "of the" ("200 of the escapees")."""
    if k < seg.last_token and doc[k].lower_ == "of":
        k += 1
        if k < seg.last_token and doc[k].lower_ in _DETERMINERS:
            k += 1
    return k


def _unit_here(doc: Doc, k: int, seg: Segment, lex: ClaimLexicon) -> tuple[str, int, int] | None:
    happening = _happening_counted(doc, k, seg, lex)
    if happening is not None:
        return "people", happening, happening + 1
    found = _unit_at(doc, k, seg.last_token, lex)
    if found:
        return found[0], found[1] - 1, found[1]
    tok = doc[k]
    if tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS"):  # "2 million Syrians"
        return "civilians", k, k + 1
    if _victim_noun(tok, lex):
        return "people", k, k + 1
    return None


PERSON_UNITS = frozenset({"fighters", "civilians", "people"})


def _modifier_of_noun(tok: Token, seg: Segment) -> Token | None:
    """The noun after it that a person word modifies ('two police vehicles': vehicles), with the reading
    `compound_unit` (fatalities.figure_readings) on; else None."""
    head = tok.head
    if tok.dep_ not in ("compound", "amod") or head.i <= tok.i or not seg.holds(head) or head.pos_ != "NOUN":
        return None
    return head if figure_reading("compound_unit") else None


def _what_it_modifies(tok: Token, seg: Segment, lex: ClaimLexicon) -> Literal["people", "thing"] | None:
    """What the noun a person word modifies counts (`_modifier_of_noun`), read once for both answers: 'people'
    ('three militia members', 'two police officers': the scan goes on to that word), 'thing' ('burned two police
    vehicles', 'destroyed 7 armored personnel carriers': the figure counts those things, not people,
    `compound_unit`); None where it modifies no noun, or a victim's."""
    head = _modifier_of_noun(tok, seg)
    if head is None:
        return None
    found = _unit_at(tok.doc, head.i, seg.last_token, lex)
    if found is not None and found[0] in PERSON_UNITS:
        return "people"
    return None if _victim_noun(head, lex) else "thing"


def _victim_noun(tok: Token, lex: ClaimLexicon) -> bool:
    """A noun no list names that still counts people: what happened to them ("3 fatalities"), or the victim of a
    verb that only people suffer ("six pirates were killed", "killed two youths"; not its doer, "two gunmen
    killed a farmer"; not animals, "40 cattle were slaughtered")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() in lex.animal_nouns:
        return False
    if tok.pos_ == "NOUN" and (tok.lemma_.lower() in lex.toll_nouns or _told_by_toll_noun(tok, lex)):
        return True
    return _suffers(tok, lex)


def _suffers(tok: Token, lex: ClaimLexicon) -> bool:
    """The noun is the victim of a verb only people suffer, not its doer."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # 'four rebels and two herders were killed'
    verb = tok.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.victim_verbs:
        return False
    if tok.dep_ in ("nsubjpass", "dobj"):
        return True
    return tok.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in verb.children)


def _modifier(tok: Token) -> bool:
    """A word inside the counted noun phrase before its head: adjectives, names, hyphens, quotes, and the
    whitespace token a no-break space makes ("8\u00a0km")."""
    return tok.is_space or tok.text in _SKIPPABLE_TEXT or _attached_modifier(tok) or _loose_modifier(tok)


def _attached_modifier(tok: Token) -> bool:
    if tok.pos_ in _SKIPPABLE_POS and tok.dep_ in ("compound", "amod", "nmod", "npadvmod", "punct"):
        return True
    # "well-respected"; "63 suspected IS members": IS parsed as a verb
    hyphened = tok.dep_ == "advmod" and tok.head.i > tok.i and tok.head.dep_ in ("amod", "compound")
    return hyphened or (tok.dep_ == "compound" and tok.pos_ != "NUM")


def _loose_modifier(tok: Token) -> bool:
    """An adjective or name the parser attached elsewhere, or a participle used as an adjective."""
    return (tok.pos_ in ("ADJ", "PROPN") and tok.dep_ != "ROOT") or (tok.pos_ == "VERB" and tok.dep_ == "amod")


def _aggregate_verb(number: Token, seg: Segment, lex: ClaimLexicon, cfg: ClaimsSettings) -> Token | None:
    """The verb that carries a count to this figure ("rose to", "raising to N", "put ... at N"), if any."""
    tok = number
    for _ in range(cfg.aggregate_climb):
        if tok.head is tok or not seg.holds(tok.head):
            return None
        tok = tok.head
        if {tok.lemma_.lower(), tok.lower_} & lex.aggregate_verbs and tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _count_nouns(doc: Doc, verb: Token, number: Token, seg: Segment, lex: ClaimLexicon,
                 cfg: ClaimsSettings) -> list[Token]:
    """The count noun the verb carries ("the number ... rose", "raising to N the number"), else the one just before."""
    shared = verb.head.children if verb.dep_ == "conj" else ()  # 'fatalities split ... and put at 3'
    attached = [c for c in (*verb.children, *shared) if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                and (c.lemma_.lower() in lex.count_nouns or _toll_noun(c, lex))]
    if attached:
        return attached
    lo = max(seg.first_token, number.i - cfg.count_noun_reach)
    before = [doc[k] for k in range(number.i - 1, lo - 1, -1) if doc[k].lemma_.lower() in lex.count_nouns]
    return before[:1]


def _toll_noun(tok: Token, lex: ClaimLexicon) -> bool:
    """'Deaths surged to 388', 'casualties rose to 40': a noun of what happened to people, counted."""
    metric = lex.person_triggers.get(tok.lemma_.lower())
    return tok.pos_ == "NOUN" and metric is not None and metric != "present"


def _people_by_what_happened(tok: Token, lex: ClaimLexicon) -> bool:
    """"those abducted", "those who fled": a pronoun that a happening to people describes."""
    if tok.lemma_.lower() not in ("those", "that", "they"):
        return False
    return any(c.dep_ in ("acl", "relcl") and lex.person_triggers.get(c.lemma_.lower()) not in (None, "present")
               for c in tok.children)


def _aggregate_unit(doc: Doc, number: Token, seg: Segment, lex: ClaimLexicon,
                    cfg: ClaimsSettings) -> tuple[str, Token | None] | None:
    """"the number of militants killed has risen to 1650": the count noun's "of" object is the unit."""
    verb = _aggregate_verb(number, seg, lex, cfg)
    if verb is None:
        return None
    units = (_count_noun_unit(doc, noun, seg, lex) for noun in _count_nouns(doc, verb, number, seg, lex, cfg))
    return next((u for u in units if u is not None), None)


def _count_noun_unit(doc: Doc, noun: Token, seg: Segment, lex: ClaimLexicon) -> tuple[str, Token | None] | None:
    """What a count noun counts: its "of" object ("the number of militants", "of those abducted"), the people a
    toll implies ("the death toll"), or the happening it is ("deaths rose")."""
    for obj in _of_objects(noun):
        found = _unit_at(doc, obj.i, seg.last_token, lex)
        if found and found[0] in ("fighters", "civilians"):
            return found[0], obj
        if _people_by_what_happened(obj, lex) or _toll_noun(obj, lex):  # 'the number of fatalities'
            return "people", obj
    if any(c.lemma_.lower() in lex.person_triggers for c in noun.children):
        return "civilians", None
    return ("people", noun) if _toll_noun(noun, lex) else None


def _of_objects(tok: Token) -> list[Token]:
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def _bare_person(number: Token, seg: Segment, lex: ClaimLexicon) -> bool:
    """"12 were killed", "killing 12": a bare number that a person-counting verb takes as argument."""
    head = number.head
    if not seg.holds(head):
        return False
    if _told_by_toll_noun(number, lex) or _said_dead(number, lex):
        return True
    if _hedged_object(number, lex):
        head = number.head.head
    elif number.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    metric = lex.person_triggers.get(head.lemma_.lower())
    return metric is not None and metric != "present" and head.pos_ == "VERB"


def _hedged_object(number: Token, lex: ClaimLexicon) -> bool:
    """'killing around 12 of them': a number the parser hung on a hedge taken for a preposition of the verb
    (`hedged_object`, fatalities.figure_readings)."""
    hedge = number.head
    return (number.dep_ == "pobj" and hedge.dep_ == "prep" and hedge.lower_ in lex.hedge_prepositions
            and hedge.i == number.i - 1 and hedge.head.pos_ == "VERB" and figure_reading("hedged_object"))


def _told_by_toll_noun(tok: Token, lex: ClaimLexicon) -> bool:
    """'the death of 14', 'the killing of two gendarmes': the 'of' object of a toll noun is its victims."""
    while tok.dep_ == "conj" and tok.head is not tok:  # 'the deaths of four rebels and two gendarmes'
        tok = tok.head
    prep = tok.head
    return (tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN"
            and prep.head.lemma_.lower() in lex.toll_nouns)


def _said_dead(number: Token, lex: ClaimLexicon) -> bool:
    """'Nine are dead', 'Six killed.': a bare number that a death word describes, as the complement of its
    copula or as a participle hanging on it."""
    if number.dep_ == "nsubj" and number.head.lemma_.lower() == "be":
        said = [c for c in number.head.children if c.dep_ in ("acomp", "attr")]
    else:
        said = [c for c in number.children if c.dep_ == "acl"]
    return any(lex.person_triggers.get(w.lemma_.lower()) == "killed" for w in said)


def _designated(doc: Doc, q: numbers.Quantity, seg: Segment, lex: ClaimLexicon) -> bool:
    """'Brigade 93', 'Resolution 2254', 'no one': a word before the number makes it a name or nothing."""
    return q.start > seg.first_token and doc[q.start - 1].lower_.rstrip(".") in lex.designators | {"no."}


def _age_or_date(doc: Doc, q: numbers.Quantity, seg: Segment, lex: ClaimLexicon) -> bool:
    nxt = doc[q.end].lower_ if q.end < seg.last_token else ""
    return nxt in lex.non_count_followers or (doc[q.start].lower_ == "one" and q.end == q.start + 1 and nxt == "of")


def _month_day(doc: Doc, q: numbers.Quantity, seg: Segment, lex: ClaimLexicon) -> bool:
    """'Around 14 March 2022', 'on March 3': a number beside a capitalised month name is a day, whatever the
    recogniser tagged (`month_date`, fatalities.figure_readings)."""
    beside = [doc[k] for k in (q.start - 1, q.end) if seg.first_token <= k < seg.last_token]
    return any(is_month_name(t, lex) for t in beside) and figure_reading("month_date")


def is_month_name(t: Token, lex: ClaimLexicon) -> bool:
    """A capitalised month name ('March', not 'march'): the word beside a number that makes it a day (here and in
    events/tolls, `month_date`)."""
    return t.lower_ in lex.month_names and t.text[:1].isupper()


def _year(doc: Doc, q: numbers.Quantity, seg: Segment, lex: ClaimLexicon) -> bool:
    first, last = doc[q.start], doc[q.end - 1]
    return bool(q.end == q.start + 1 and _YEAR.match(last.text) and first.ent_type_ in ("DATE", "TIME", ""))


_NAME_LABELS = frozenset({"FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "PERSON", "NORP",
                          "DATE", "TIME"})


def _inside_name(doc: Doc, q: numbers.Quantity, seg: Segment, lex: ClaimLexicon) -> bool:
    """'the Dalori 2 camp', 'Route 4': a number inside a name is a label; 'since 9 October': inside a date."""
    tok = doc[q.start]
    if tok.ent_type_ not in _NAME_LABELS:
        return False
    return any(t.ent_type_ == tok.ent_type_ and not t.like_num for t in doc[max(0, q.start - 2):q.end + 2]
               if t.ent_iob_ != "O" and t.i != tok.i)


def _negated(doc: Doc, q: numbers.Quantity, seg: Segment, lex: ClaimLexicon) -> bool:
    """'no one was hurt', 'not even 30', 'none of the 12': a figure denied is no figure."""
    before = [doc[k].lower_ for k in range(max(seg.first_token, q.start - 2), q.start)]
    return bool({"no", "not", "none", "never"} & set(before)) and "than" not in before


EXCLUSIONS = (_designated, _age_or_date, _year, _inside_name, _negated, _month_day)


def _excluded(doc: Doc, q: numbers.Quantity, seg: Segment, lex: ClaimLexicon) -> bool:
    """Names, ages, dates, denials and idioms ("more than one") are not figures."""
    return any(check(doc, q, seg, lex) for check in EXCLUSIONS) or _in_idiom(doc, q, seg, lex)


def _in_idiom(doc: Doc, q: numbers.Quantity, seg: Segment, lex: ClaimLexicon) -> bool:
    """The figure's first word sits inside a phrase that counts nothing ("more than one", "one by one")."""
    for idiom in lex.idioms:
        for offset in range(len(idiom)):
            begin = q.start - offset
            if begin < seg.first_token or begin + len(idiom) > seg.last_token:
                continue
            if tuple(doc[k].lower_ for k in range(begin, begin + len(idiom))) == idiom:
                return True
    return False


def find_figures(doc: Doc, segs: Sequence[Segment], lex: ClaimLexicon, cfg: ClaimsSettings,
                 text: str | None = None) -> list[Figure]:
    """Every figure in the document that counts people, area, distance or a share. `text`: the parsed text when
    the caller holds it (spaCy's `doc.text` rebuilds it from every token)."""
    nlex = numbers.lexicon()
    text = doc.text if text is None else text
    words = [text[i:i + n] for i, n in doc.to_array([IDX, LENGTH]).tolist()]  # no Token made per word
    out: list[Figure] = []
    for seg in segs:
        local = words[seg.first_token:seg.last_token]
        i = 0
        while i < len(local):
            if not _may_start(local[i], nlex):
                i += 1
                continue
            q = numbers.read_quantity(local, i, nlex)
            if q is None:
                i += 1
                continue
            shifted = numbers.Quantity(q.low, q.high, q.qualifier, q.start + seg.first_token, q.end + seg.first_token)
            figure = _figure(doc, shifted, seg, lex, nlex, text, local, cfg)
            if figure is not None:
                out.append(figure)
            i = q.end
        out.extend(_fractions(doc, seg, lex, nlex, local))
    return sorted(out, key=lambda f: f.start)


def _fractions(doc: Doc, seg: Segment, lex: ClaimLexicon, nlex: numbers.NumberLexicon,
               local: Sequence[str]) -> list[Figure]:
    """'a third of the country', 'nearly two-thirds of its territory', 'half of the province': a fraction of
    something, as a percentage (whether it is a share of territory is the metric's to say)."""
    out = []
    for i, word in enumerate(local[:-1]):  # the sentence's words: no Token made for a word that is no fraction
        parts = lex.share_fractions.get(word.lower())
        k = seg.first_token + i
        if parts is not None and local[i + 1].lower() == "of" and _counts_parts(doc, seg, k, nlex):
            out.append(_fraction(doc, seg, k, parts, nlex, local))
    return out


def _counts_parts(doc: Doc, seg: Segment, k: int, nlex: numbers.NumberLexicon) -> bool:
    """'a third of', 'two-thirds of', 'half of': a fraction told with how many parts (or "half" alone); not a
    part's name ("the 3rd quarter of the city", "the first half of the year")."""
    first = k - 1 if k > seg.first_token and doc[k - 1].text in ("-", "–") else k
    before = doc[first - 1] if first > seg.first_token else None
    if before is None:
        return doc[k].lower_ == "half"
    if before.lower_ in ("a", "an") or before.lower_ in nlex.ones:
        return True
    return doc[k].lower_ == "half" and before.pos_ not in ("DET", "ADJ", "NUM", "PRON")


def _numerator(doc: Doc, seg: Segment, k: int, nlex: numbers.NumberLexicon) -> tuple[int, int]:
    """How many parts a fraction word at `k` takes ("two-thirds": 2, "a third", "half": 1), and where it starts."""
    first = k - 1 if k > seg.first_token and doc[k - 1].text in ("-", "–") else k
    before = doc[first - 1].lower_ if first > seg.first_token else ""
    count = 1 if before in ("a", "an") else nlex.ones.get(before)
    return (count, first - 1) if count is not None else (1, first)


def _fraction(doc: Doc, seg: Segment, k: int, parts: int, nlex: numbers.NumberLexicon,
              local: Sequence[str]) -> Figure:
    count, first = _numerator(doc, seg, k, nlex)
    share = round(100 * count / parts, 1)
    q = numbers.Quantity(share, share, "exact", first, k + 1)
    hedge = numbers.read_hedge(local, first - seg.first_token, nlex)
    start = doc[seg.first_token + hedge[1]].idx if hedge else doc[first].idx
    end = doc[k].idx + len(doc[k].text)
    return Figure(numbers.hedged(q, hedge[0] if hedge else None), "percent", None, None, doc[k], start, end, seg, end)


def _figure(doc: Doc, q: numbers.Quantity, seg: Segment, lex: ClaimLexicon, nlex: numbers.NumberLexicon,
            text: str, local: Sequence[str], cfg: ClaimsSettings) -> Figure | None:
    start_char = doc[q.start].idx
    end_char = doc[q.end - 1].idx + len(doc[q.end - 1].text)
    if not _plain_context(text, start_char, end_char) or _excluded(doc, q, seg, lex):
        return None
    number = doc[q.end - 1]
    counted = _counted(doc, q, number, seg, lex, cfg)
    if counted is None or _restated(text, start_char, counted[1], lex):
        return None
    unit, unit_token, unit_end = counted
    hedge = numbers.read_hedge(local, q.start - seg.first_token, nlex)
    if hedge:
        q = numbers.hedged(q, hedge[0])
        start_char = doc[seg.first_token + hedge[1]].idx
    noun_class = unit if unit in ("fighters", "civilians") else None
    unit = "person" if unit in ("fighters", "civilians", "people") else unit
    q = _converted(q, unit, lex)
    unit = lex.conversions.get(unit, (unit, 1.0))[0]
    if _impossible_share(q, unit):
        return None
    return Figure(q, unit, noun_class, unit_token, number, start_char, end_char, seg, unit_end or end_char)


def _impossible_share(q: numbers.Quantity, unit: str) -> bool:
    return unit == "percent" and max(v for v in (q.low, q.high) if v is not None) > 100


def _counted(doc: Doc, q: numbers.Quantity, number: Token, seg: Segment, lex: ClaimLexicon,
             cfg: ClaimsSettings) -> tuple[str, Token | None, int | None] | None:
    """What the figure counts: (unit class, the counted noun, where the unit words end), or None."""
    found = find_unit(doc, q.end, seg, lex, cfg.unit_reach)
    if found:
        unit, unit_i, after = found
        return unit, doc[unit_i], doc[after - 1].idx + len(doc[after - 1].text)
    if q.qualifier == "vague" or _YEAR.match(number.text):
        return None
    aggregate = _aggregate_unit(doc, number, seg, lex, cfg)
    if aggregate:
        return aggregate[0], aggregate[1], None
    if _bare_person(number, seg, lex):  # "killed 23 of them": people, of no known side
        return "people", None, None
    return None


def _restated(text: str, start: int, unit_token: Token | None, lex: ClaimLexicon) -> bool:
    """'300 people (65 families)': households in brackets restate the figure before them."""
    return (unit_token is not None and text[:start].rstrip().endswith("(")
            and unit_token.lemma_.lower() in lex.restating_nouns)


def _converted(q: numbers.Quantity, unit: str, lex: ClaimLexicon) -> numbers.Quantity:
    """Miles become km, square miles and metres km2; rounded to a tenth (small areas to 3 digits).

    The evidence keeps the original wording.
    """
    if unit not in lex.conversions:
        return q
    factor = lex.conversions[unit][1]

    def conv(v: float | None) -> float | None:
        if v is None:
            return None
        x = v * factor
        return round(x, 1) if x >= 10 else float(f"{x:.3g}")

    return numbers.Quantity(conv(q.low), conv(q.high), q.qualifier, q.start, q.end)
