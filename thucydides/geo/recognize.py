"""Toponym recognition: which spans of a report name places.

Three sources, merged with the longest span winning: gazetteer matches over word n-grams
(folded, so transliteration variants meet), spaCy GPE/LOC/FAC entities, and patterns for
borders ("the Syrian-Iraqi border"). Each found span records the cues around it that the
resolver needs: an administrative noun ("X Province"), a vicinity cue ("countryside of X",
"10 km east of X") and whether spaCy or only the gazetteer vouches for it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from thucydides import data
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Candidate, Gazetteer
from thucydides.knowledge.lexicons import lexicons
from thucydides.knowledge.person_names import common_person_names, first_names
from thucydides.knowledge.settings import section
from thucydides.knowledge.unit_abbreviations import unit_abbreviations

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.tokens import Token as Token_

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[-'’ʿʾ‘][^\W\d_]+)*")
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|as|ash|ad|ar|an|at|az|ez|es|ed|er|adh|ath|ul)[-‐]", re.I)
_CONNECTORS = frozenset({"of", "de", "del", "la", "le", "al", "el", "ez", "az", "as", "ad", "ar", "an", "at", "ash",
                         "ed", "es", "er", "adh", "ath", "ul",
                         "bin", "ibn", "abu", "bu", "and", "the", "upon", "on", "du", "des", "y", "da", "do", "dos",
                         "au", "aux", "sur", "en", "les", "am", "im", "der"})
_DISTANCE_CUE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:re|er)s?|miles?|m|met(?:re|er)s?)\s+"
                           r"(?:to the\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
                           r"(?:ern)?\s+(?:of|from)\s+$", re.I)
_DIRECTION_OF = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|"
                           r"north-west|south-east|south-west)\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class Knowledge:
    """The word lists recognition uses, from geo_places.yaml."""

    admin_nouns: frozenset[str]
    vicinity_nouns: frozenset[str]
    part_words: frozenset[str]
    common_words: frozenset[str]
    never_names: frozenset[str]
    place_preps: frozenset[str]
    place_nouns: frozenset[str]
    street_words: frozenset[str]
    resident_nouns: frozenset[str]
    place_heads: frozenset[str]
    site_nouns: frozenset[str]
    its_place_nouns: frozenset[str]
    facility_nouns: frozenset[str]
    actor_nouns: frozenset[str]
    name_prefixes: frozenset[str]
    demonyms: dict[str, str]
    """folded demonym or country name -> ISO code"""
    borders: dict[frozenset[str], str]
    """pair of ISO codes -> border place id"""
    eponym_nouns: frozenset[str] = frozenset()
    """Nouns after a place name that make it the name of a disease or the like ("Marburg virus")."""
    town_nouns: frozenset[str] = frozenset()
    """Nouns that tell a name is a town's ("Amara city", "the town of X")."""


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    raw = data.load("geo_places.yaml")

    def words(key: str) -> frozenset[str]:
        return data.word_set(raw, key)

    demonyms = {str(w).lower(): iso for iso, ws in (raw.get("demonyms") or {}).items() for w in ws}
    borders = {frozenset(b["countries"]): f"border-{b['countries'][0]}-{b['countries'][1]}"
               for b in raw.get("borders") or ()}
    more = data.load("geo_words.yaml")  # recognition's own words: editing them never rebuilds the gazetteer
    place_nouns = words("place_nouns") | data.word_set(more, "place_of_nouns")
    site_nouns = words("site_nouns") | data.word_set(more, "site_nouns")
    return Knowledge(words("admin_nouns"), words("vicinity_nouns"), words("part_words"), words("common_words"),
                     words("never_names"), words("place_prepositions"), place_nouns, words("street_words"),
                     words("resident_nouns"), words("place_heads"), site_nouns, words("its_place_nouns"),
                     words("facility_nouns"), words("actor_nouns"), words("name_prefixes"), demonyms, borders,
                     data.word_set(more, "eponym_nouns"), data.word_set(more, "town_nouns"))


@dataclass(slots=True)
class Found:
    """A span that may name a place, with what recognition saw around it."""

    start: int
    end: int
    text: str
    name: str
    """The part of the span to look up (the span less "Province", "the" ...)."""
    ner: str | None = None
    """spaCy's label when spaCy tagged the span (GPE, LOC, FAC)."""
    gazetteer: bool = False
    admin: bool = False
    """Followed by an administrative noun: "Idlib Province"."""
    vicinity: bool = False
    """Near the place rather than at it: "countryside of X", "10 km east of X", "western X"."""
    border: str | None = None
    """Border place id for "the Syrian-Iraqi border"."""
    border_countries: tuple[str, ...] = ()
    cue: bool = False
    """Preceded by a locative word ("in", "village of")."""
    fixed: str | None = None
    """Place id the span can only mean (a state abbreviation after "Town,")."""
    within: int | None = None
    """Start of the span named right after this one and a comma ("Alexandria, Louisiana"): maybe its container."""
    listed: bool = False
    """Follows another place name in a list ("Hajin, Sousa and Baghuz")."""
    holder: bool = False
    """Begins an organisation's or facility's name ("Fargo Police Department")."""
    place_cue: bool = False
    """Right after words that only introduce places ("in", "near", "the town of")."""
    dateline: bool = False
    """An upper-case place opening a dispatch: "BEIRUT —", "NEWARK, N.J. (AP) --"."""
    street: bool = False
    """Names a street, not the place ("Memphis Street", "Dublin Rd.")."""
    other_entity: str | None = None
    """spaCy's label when it tagged the span as something else: a person, a date, part of an organisation."""
    facility: bool = False
    """Names a facility: followed by "hospital", "camp", "checkpoint" ... ("the Kakuma camp")."""
    group: bool = False
    """Names an armed group or body: followed by "militia", "rebels", "council" ... ("the X militia")."""
    eponym: bool = False
    """Names something named after the place: "the Marburg virus", "Lassa fever"."""
    in_actor: bool = False
    """Inside an actor's name ("the [Fargo] Police Department", "the Bank of [Canada]"): a place, never where
    something happens."""
    acronym_noun: bool = False
    """Written in capitals and standing as a noun ("aid from the US"), not qualifying a later word ("US bases"):
    an acronym, not the function word it spells ("us")."""
    surname: bool = False
    """Ends a longer name spaCy read as a person's ("Glenn [Polk]"): in this report, the name is a person's too."""
    armed_name: bool = False
    """Is the whole name of an armed force or group ("SDF"): a place only by the place's own name or an area's, not
    through a town's alternate name (GeoNames gives Louisville the airport code SDF)."""
    person_name: bool = False
    """The report uses the name for a person elsewhere (in a longer person's name, after a title, as the one who
    speaks: "Sen. X", "X said"), and nothing at this mention says place: a place only if a big one
    the report's geography supports (`resolve.person_or_place`)."""
    known_place: bool = False
    """spaCy missed it or read it as a person's or an organisation's name, but the gazetteer's main bearer of the name
    is a notable place and nothing says otherwise (`mark_known_places`): recognised as a place (`ner` "GPE")."""
    doubtful: bool = False
    """spaCy read it as something else (a person, part of an organisation's name) and nothing around it says
    place: only the fitted admit model may resolve it."""
    anchor: int | None = None
    """Start of the name this one is placed from ("Safina, 45 km south of [Mosul]"): its candidates lie near that
    place's (`resolve.bound_by_anchors`)."""
    anchor_km: float | None = None
    """The distance given from the anchor, in km (None: none given, "X, also south of Y")."""
    verb_argument: bool = False
    """Where a verb's happening is: the object of a preposition on the verb ("demonstrated in X", "shelled near X")
    or the verb's own object ("shelled X") (`mark_verb_arguments`): what an event's place is."""
    town: bool = False
    """Told as a town: a town noun in lower case right after it or before "of" ("Amara city", "the city of X")."""


class Token(NamedTuple):
    start: int
    end: int
    text: str
    caps: bool
    """A name-like word (`is_capitalised`), told as the word is met (`words`): the scan asks it of every word."""


def words(text: str) -> list[Token]:
    """The words that may be part of a place name (capitalised ones and connectors like "of"), with
    hyphenated names kept whole and a possessive 's cut off. Other words are left out: the gap they
    leave keeps the words around them from joining into one name."""
    out = []
    for m in _NAME_WORDS.finditer(text):
        word = m.group(1)
        if word is None:
            continue
        upper = word[0].isupper()
        if not (upper or word in _CONNECTORS or "-" in word[:5] or "‐" in word[:5]):
            continue
        start, end = m.span(1)
        if word.isalpha():  # most words: no possessive to cut, no hyphen to part at, no contraction to tell
            out.append(_TOKEN(Token, (start, end, word, upper)))
            continue
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            end, word = end - 2, word[:-2]
        token = _TOKEN(Token, (start, end, word, is_capitalised(word)))
        if "-" in word or "‐" in word:
            out.extend(_pieces_of(token))
        else:
            out.append(token)  # no hyphen: the word is its one piece
    return out


_TOKEN = tuple.__new__
"""Makes a `Token` without the named tuple's Python-level constructor: `words` makes one per name-like word."""
_CAPS = itemgetter(3)
"""`Token.caps`, read in C over a report's words."""
_START, _END, _TEXT = itemgetter(0), itemgetter(1), itemgetter(2)
"""`Token.start`, `.end` and `.text`, read in C (`_Scan`'s gaps between words)."""
_HYPHEN = re.compile(r"[-‐]")
_WORD_ENDS = r"(?![^\W\d_]|[-'’ʿʾ‘][^\W\d_])"


def alternation(words: Iterable[str]) -> str:
    """An alternation of `words` that shares their common beginnings ("sud(?:an|anese)" as "sudan(?:ese)?"): the
    regex engine reads each letter once where a plain alternation tries word after word."""
    root: _Node = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(root)


_Node = dict[str, "_Node"]
"""A letter -> what may follow it; "" -> {} where a word ends."""


def _branches(node: _Node) -> str:
    alts = [re.escape(ch) + _branches(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
    return f"(?:{body})?" if "" in node else body


_PLAIN_WORD = rf"(?!(?:{alternation(_CONNECTORS)}){_WORD_ENDS})[a-z]+{_WORD_ENDS}"
_PLAIN_RUN = rf"(?:{_PLAIN_WORD}[^\w'’ʿʾ‘-]*)"
_NAME_WORDS = re.compile(rf"{_PLAIN_RUN}*+({_WORD.pattern})|{_PLAIN_RUN}++")
"""`_WORD`'s words (group 1), each with the run of plain lower-case words (no connector, no hyphen or apostrophe: none
can be part of a name) and what parts them passed over before it in the same match: most of a report's words, not one
match each, and a run and the word after it one match, not two. A run ends where a word starts, so the words met are
`_WORD`'s own; a run no word of `_WORD` ends (a figure follows it, or the text ends) is a match of its own."""


def _pieces_of(token: Token) -> list[Token]:
    """A hyphenated word whose first part is no Arabic article is read as its capitalised parts, joined by the
    hyphen ("Gori-based": Gori; "EU-Israel": EU and Israel; "Guinea-Bissau" is still met whole, as a run);
    connectors stay, so a name joined by them is still met whole ("Port-au-Prince", "Stratford-upon-Avon")."""
    word = token.text
    if not _HYPHEN.search(word) or _ARTICLE_PREFIX.match(word) or not word[0].isupper():
        return [token]
    parts = _HYPHEN.split(word)
    settings = recognition_settings()
    if settings.particle_names and _particle_linked(parts) or settings.trailing_particles and _one_word(parts):
        return [token]
    out, at = [], token.start
    for part in parts:
        if part and (part[0].isupper() or part in _CONNECTORS):
            out.append(Token(at, at + len(part), part, is_capitalised(part)))
        at += len(part) + 1
    return out or [token]


def _particle_linked(parts: list[str]) -> bool:
    """ "Pul-e-Khumri", "Nahr-i-Saraj": capitalised parts linked by a short lower-case particle that is no connector
    (a Persian ezafe) make one name, looked up whole; its parts alone are no places ("Pul" is no English town)."""
    return any(0 < i < len(parts) - 1 and p.islower() and len(p) <= 3 and p not in _CONNECTORS
               and parts[i + 1][:1].isupper() for i, p in enumerate(parts))


def _one_word(parts: list[str]) -> bool:
    """ "Pul-e Khumri", "Nawa-e Barakzayi": a capitalised word ending in a particle of a letter or two ("-e", "-ye",
    a Persian ezafe) links it to the next word, one name looked up whole ("Nawa" alone is a Japanese city); "Bau-bau":
    a name repeated in lower case is one word. A longer lower-case end is a word of its own ("Saudi-led")."""
    last = parts[-1]
    return len(parts) == 2 and last.islower() and (len(last) <= 2 and last not in _CONNECTORS
                                                   or last == parts[0].lower())


def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"the", "president", "governor", "mayor", "minister", "general", "sheriff"}


_FUNCTION_WORDS = _function_words()
_CONTRACTION = re.compile(r"['’](?:ll|m|ve|re|d|t)$", re.I)


def is_capitalised(word: str) -> bool:
    """A name-like word: "Baghuz", "al-Baghuz", "ez-Zour", "U.S."; not a contraction ("I'm", "We'd")."""
    if word[0].isupper():
        return not _CONTRACTION.search(word)
    if "-" not in word[:5] and "‐" not in word[:5]:
        return False
    body = _ARTICLE_PREFIX.sub("", word)
    return bool(body) and body[0].isupper()


@lru_cache(maxsize=1)
def _name_abbreviations() -> frozenset[str]:
    return frozenset(str(w) for w in data.load("geo_places.yaml").get("name_abbreviations") or ())


def gazetteer_matches(text: str, tokens: list[Token], gaz: Gazetteer, max_words: int = 6) -> list[Found]:
    """Longest gazetteer names over capitalised word runs, left to right; names are kept whole: a known
    name right after an unknown capitalised word of the same run ("Abu Shouk", "Wadi al-Rabi") is the end
    of a longer unknown name, not a place, and a name-forming word alone ("Abu", "Wadi") is no place."""
    return _Scan(text, tokens, gaz, min(max_words, gaz.max_words)).matches()


class _Scan:
    """One left-to-right pass over a text's name-like words. What the pass asks of a word and of the gap after it
    (capitalised, joined to the next word, the next continuing a run) is read once per word up front, in lists
    (`caps`, `links`): a run of capitalised words is met again from each of its words."""

    def __init__(self, text: str, tokens: list[Token], gaz: Gazetteer, limit: int) -> None:
        self.text, self.tokens, self.keys, self.limit = text, tokens, gaz.keys, limit
        self.caps = caps = list(map(_CAPS, tokens))  # told by `words` as it met each word
        abbreviations, after = _name_abbreviations(), tokens[1:]
        # word k and word k + 1 are joined (a space, a hyphen, an abbreviation's full stop and a space: `words`'s gaps);
        # the gaps cut out in C, each word's end to the next one's start
        gaps = map(text.__getitem__, map(slice, map(_END, tokens), map(_START, after)))
        self.joins = joins = [gap in (" ", "-", "‐") or (gap == ". " and word in abbreviations)
                              for gap, word in zip(gaps, map(_TEXT, tokens), strict=False)]
        # word k + 1 continues the run through word k: joined to it, and capitalised or a connector ("of", "al")
        self.links = [j and (c or b.text.lower() in _CONNECTORS)
                      for j, c, b in zip(joins, caps[1:], after, strict=True)]
        self.know = knowledge()

    def matches(self) -> list[Found]:
        found: list[Found] = []
        tokens, caps, joins, know = self.tokens, self.caps, self.joins, self.know
        i, n = 0, len(tokens)
        unknown_before = False  # the previous capitalised word, joined to this one, belongs to an unknown name
        while i < n:
            if not caps[i] or tokens[i].text in ("The", "THE"):  # a name starts after "The" ("The Athens Police")
                i, unknown_before = i + 1, False
                continue
            unknown_before = unknown_before and i > 0 and caps[i - 1] and joins[i - 1]
            best, end = self.longest_known(i)
            if best < 0 or unknown_before or self.name_prefix_only(i, best) or self.part_word_of_a_longer_name(i, best):
                unknown_before = _starts_a_name(tokens[i].text, know)
                i = max(best, i) + 1
                continue
            start = tokens[i].start
            name = self.text[start:end]
            found.append(Found(start, end, name, name, gazetteer=True))
            i, unknown_before = best + 1, False
        return found

    def name_prefix_only(self, i: int, best: int) -> bool:
        """Words i..best are name-forming words ("Abu", "Wadi") and connectors only."""
        if i == best:  # one word, most often: no run to walk
            low = self.tokens[i].text.lower()
            return low in self.know.name_prefixes or low in _CONNECTORS
        return _name_prefix_only(self.tokens[i:best + 1], self.know)

    def part_word_of_a_longer_name(self, i: int, best: int) -> bool:
        """A compass or part word met alone before another capitalised word ("South Ossetia", "Northern Syria"):
        it qualifies the name after it, and names no place called "South" or "Northern"."""
        return best == i and i + 1 < len(self.tokens) and self.caps[i + 1] and self.joins[i] and \
            self.tokens[i].text.lower() in self.know.part_words

    def longest_known(self, i: int) -> tuple[int, int]:
        """The last word of the longest known name starting at word i and where that name ends (`known_end`);
        (-1, -1) when none is known."""
        caps, links, last = self.caps, self.links, i
        stop = min(len(links), i + self.limit - 1)  # the run of joined words from word i (`run_end`)
        while last < stop and links[last]:
            last += 1
        for j in range(last, i, -1):
            if caps[j]:
                end = self.known_end(i, j)
                if end >= 0:
                    return j, end
        word = self.tokens[i]  # word i alone: `known_end(i, i)`, written out (most starts are single words)
        return (i, word.end) if caps[i] and fold(word.text) in self.keys else (-1, -1)

    def known_end(self, i: int, j: int) -> int:
        """Where the known name of words i..j ends: after a possessive's "'s" that `words` cut off when the name of
        two words or more is known with it ("St. John's"), else after word j; -1 when the gazetteer knows neither."""
        text, start, end = self.text, self.tokens[i].start, self.tokens[j].end
        if j > i and text[end:end + 2] in ("'s", "’s") and fold(text[start:end + 2]) in self.keys:
            return end + 2
        return end if fold(text[start:end]) in self.keys else -1


def _name_prefix_only(run: list[Token], know: Knowledge) -> bool:
    return all(t.text.lower() in know.name_prefixes or t.text.lower() in _CONNECTORS for t in run)


def _starts_a_name(word: str, know: Knowledge) -> bool:
    """An unknown capitalised word that a following known name would continue: not a lone initial ("D-Ohio"),
    a function word or a preposition of place ("In Mogadishu", "Outside Kherson"), a compass or part word
    ("Northern Mali") or an administrative noun."""
    low = word.lower()
    return len(word) > 1 and not (low in _FUNCTION_WORDS or low in know.place_preps or low in know.part_words
                                  or low in know.admin_nouns or low in know.demonyms or low in know.never_names)


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    """ "Town, La." / "Town, VA": region abbreviations that count only right after a name and a comma."""
    raw = data.load("geo_places.yaml").get("admin1_abbreviations") or {}
    ids = {str(a): f"adm1-{str(code).replace('.', '-')}" for code, abbrs in raw.items() for a in abbrs}
    if recognition_settings().derived_unit_abbreviations:
        ids = {**{a: f"adm1-{code.replace('.', '-')}" for a, code in unit_abbreviations().items()}, **ids}
    alternatives = "|".join(re.escape(a) for a in sorted(ids, key=len, reverse=True))
    return re.compile(rf",(?<=[A-Za-z],)\s+({alternatives})(?![\w])"), ids  # the comma first: a quick test per place


@lru_cache(maxsize=1)
def _dotted_abbreviations() -> re.Pattern[str]:
    """ "S.C.", "N.Y.", "W.Va.": letters with a dot inside spell nothing else, so they count anywhere."""
    dotted = [a for a in _abbreviations()[1] if re.fullmatch(r"[A-Z][a-z]?\.\s?[A-Z][a-z]?\.", a)]
    alternatives = "|".join(re.escape(a) for a in sorted(dotted, key=len, reverse=True))
    shape = r"(?=[A-Z][a-z]?\.\s?[A-Z])"  # what every one starts with: a quick test before the alternatives
    return re.compile(rf"{shape}(?<![\w.])({alternatives})(?![\w])")


def abbreviation_matches(text: str) -> list[Found]:
    """State abbreviations after a town and a comma ("Alexandria, La."), and dotted ones anywhere ("the S.C. 5
    bypass", "Rep. Jones, D-N.D.")."""
    pattern, ids = _abbreviations()
    spans = {m.span(1): m.group(1) for p in (pattern, _dotted_abbreviations()) for m in p.finditer(text)}
    return [Found(start, end, name, name, fixed=ids[name]) for (start, end), name in sorted(spans.items())]


def state_fits(text: str, f: Found, names: list[Found], gaz: Gazetteer) -> bool:
    """ "(Bogota, D.C.)" is Bogota's capital district, not Washington's: a state abbreviation after "Town," names
    that state only when the gazetteer knows no town of that name, or one in that state (else it is no place)."""
    return _fits_state(f, _name_before_comma(text, f.start, {n.end: n for n in names}), gaz)


def _name_before_comma(text: str, start: int, ends: dict[int, Found]) -> Found | None:
    """The name that ends right before the comma (and spaces) in front of `start`."""
    at = len(text[:start].rstrip())
    return ends.get(at - 1) if at and text[at - 1] == "," else None


def _fits_state(f: Found, town: Found | None, gaz: Gazetteer) -> bool:
    """Whether the abbreviation may name its state after `town` (always when it is the state's own name: a list of
    states, "Georgia, Idaho, Ohio")."""
    state = gaz.place(f.fixed) if town is not None and f.fixed else None
    if town is None or state is None or fold(state.name) == fold(f.name):
        return True
    towns = gaz.candidates(town.name)
    return not towns or any(c.place.id == state.id or (c.place.country, c.place.admin1) == (state.country, state.name)
                            for c in towns)


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def singular_admin_noun(word: str, admin_nouns: frozenset[str]) -> str | None:
    """The administrative noun a plural word is ("provinces", "counties", "parishes"), else None."""
    if not word.endswith("s") or word in admin_nouns:
        return None
    return next((w for w in (word[:-3] + "y", word[:-1], word[:-2]) if w in admin_nouns), None)


def plural_admin_lists(text: str, found: list[Found], know: Knowledge) -> None:
    """ "Idlib and Hama provinces", "Barrow, Jackson and Madison counties": a plural administrative noun after a
    list makes every name of the list a unit of that kind, looked up as "Hama province". Not a compass word
    ("Texas and Southern states")."""
    for k, f in enumerate(found):
        m = _NEXT_WORD.match(text, f.end)
        noun = singular_admin_noun(m.group(1), know.admin_nouns) if m else None
        j = k
        while noun is not None and j >= 0:
            g = found[j]
            if not g.admin and g.name.lower() not in know.part_words:
                g.admin, g.name = True, f"{g.name} {noun}"
            noun = noun if g.listed else None
            j -= 1


def link_lists(text: str, found: list[Found]) -> None:
    """ "A, B" and "A (B, C)": B may be the state or country that holds A (or hold the region that does);
    "A, B and C": B and C are named like A."""
    for a, b in zip(found, found[1:], strict=False):
        gap = text[a.end:b.start]
        if gap in (", ", ",", " (", "("):
            a.within = b.start
        if gap in (", ", ",", " and ", ", and ", " or ", " and the ", " to "):
            b.listed = True


_ANCHORED = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w'’-]*){0,2},\s+(?:(?:about|some|around|roughly|nearly|approximately|almost|just|also|located|lying)\s+)*"
    r"(?:(\d+(?:[.,]\d+)?)\s*(km|kilomet(?:re|er)s?|mi(?:les?)?)\s+(?:\([^()]{1,30}\)\s+)?)?(?:to\s+the\s+)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:of|from)\s+"
    r"(?:the\s+(?:city|town|village)\s+of\s+)?", re.I)
"""What parts a name from the one it is placed from: ", about 45km (28 miles) south of", ", also north of"; the rest
of a longer name the gazetteer knows only the start of may come first ("Tulul [Nasir], 35 km south of")."""
_MILE_KM = 1.609


def link_anchors(text: str, found: list[Found]) -> None:
    """ "Safina, about 45 km south of Mosul": the first name lies near the second (`Found.anchor`), whose namesakes far
    away it cannot mean; the distance given, in km, bounds how near (`Found.anchor_km`)."""
    for a, b in zip(found, found[1:], strict=False):
        m = _ANCHORED.fullmatch(text, a.end, b.start) if "," in text[a.end:b.start] else None
        if m is None:
            continue
        a.anchor = b.start
        if m.group(1):
            a.anchor_km = float(m.group(1).replace(",", ".")) * (_MILE_KM if m.group(2).lower().startswith("mi") else 1)


_BRACKET = re.compile(r"(?=[\s(])(?<=[^\W\d_])\s*\(([^()]{2,80})\)")  # a space or a bracket first: a quick test
"""A bracket right after a word (not after a figure: "March 3 (Xinhua)"), and what it holds."""
_BRACKETED = re.compile(r"\(([^()]{2,80})\)")
"""A bracket and what it holds, without what comes before it: a quick search (the brackets are few)."""


def _bracket_matches(text: str) -> list[re.Match[str]]:
    """`_BRACKET`'s matches in the text, found from its brackets: each is tried from the start of the spaces before a
    bracket, where the pattern alone would meet it (searched alone, it is tried at every space of the text)."""
    out = []
    for bracket in _BRACKETED.finditer(text):
        start = bracket.start()
        while start > 0 and text[start - 1].isspace():
            start -= 1
        m = _BRACKET.match(text, start)
        if m is not None:
            out.append(m)
    return out


_BRACKET_SEPARATOR = re.compile(r"\s*(?:,|-|–|and)\s*")


def mark_bracketed_places(text: str, found: list[Found]) -> None:
    """ "at Khaldah junction (Aley)", "Kainama (Beni, Nord-Kivu)", "(Busan - Gangseo)": a bracket after a word that
    holds nothing but known names, joined by commas, dashes or "and", says where what it follows lies: its names are
    places (`place_cue`), however spaCy read them. Not names in capitals ("(NEC)", "(AFP)": acronyms)."""
    for m in _bracket_matches(text):
        start, end = m.start(1), m.end(1)
        inside = [f for f in found if start <= f.start and f.end <= end]
        if not inside or any(f.name.isupper() for f in inside):
            continue
        if _only_names(text, start, end, inside):
            for f in inside:
                f.place_cue = True
        elif inside[0].start == start and _names_a_place_first(text, start, end):
            inside[0].place_cue = True


_CAPITALISED_WORDS = re.compile(r"(?:(?:\s*,\s*|\s+[-–]\s+|\s+)[A-Z][\w'’.]*)+")
"""What may follow a bracket's first name: capitalised words, after a comma, a dash or a space."""


def _names_a_place_first(text: str, start: int, end: int) -> bool:
    """ "(Seoul City - Jongno)", "(Polonnaruwa, North Central)": a bracket that opens with a known name and holds
    past it only capitalised words, with a comma or a dash among them (a town and its quarter or district, which the
    gazetteer may not know; not "(Jordan Peterson)"): its first name is a place."""
    rest = text[start:end].split(None, 1)
    return len(rest) == 2 and bool(_BRACKET_PARTS.search(text, start, end)) and \
        _CAPITALISED_WORDS.fullmatch(text, start + len(rest[0]), end) is not None


_BRACKET_PARTS = re.compile(r",|\s-\s|–")


def _only_names(text: str, start: int, end: int, inside: list[Found]) -> bool:
    """The bracket start..end holds the names `inside` and separators only."""
    at = start
    for f in inside:
        gap = text[at:f.start]
        if (gap.strip() if at == start else not _BRACKET_SEPARATOR.fullmatch(gap)):
            return False
        at = f.end
    return not text[at:end].strip()


PLACE_LABELS = ("GPE", "LOC", "FAC")
HOLDER_LABELS = ("ORG", "FAC")


def judged_other(f: Found, ents: list[tuple[int, int, str]]) -> str | None:
    """What spaCy says of a gazetteer match: inside a place entity it is tagged as one; at the head of an
    organisation or facility it stays ("Fargo Police Department"); elsewhere in one ("City Hall"), or in
    a person, date or other entity ("Jones", "Dec"), it is not a place: that entity's label is returned."""
    hit = first_overlapping(f.start, f.end, ents)
    if hit is None:
        return None
    start, end, label = hit
    return _judged_inside(f, start, end, label) if start <= f.start and f.end <= end else label


_END = itemgetter(1)
"""An entity's end, read in C: `first_overlapping` reads it of several entities for each span."""


def first_overlapping(start: int, end: int, ents: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The first entity overlapping start..end. spaCy's entities never overlap and come in order, so their ends
    rise: the only candidate is the first that ends after `start` (found by bisection, not a scan per match)."""
    k = bisect.bisect_right(ents, start, key=_END)
    if k < len(ents) and ents[k][0] < end:
        return ents[k]
    return None


def _judged_inside(f: Found, start: int, end: int, label: str) -> str | None:
    """A match inside the entity start..end labelled `label`."""
    whole = (start, end) == (f.start, f.end)
    if label in ("GPE", "LOC") or (label == "FAC" and whole):
        f.ner = label
        return None
    if label == "PERSON" and not whole and f.end == end:
        f.surname = True
    if label == "ORG" and whole:
        return label  # the organisation itself ("Al Shabaab"), not a place at the head of its name
    if label in HOLDER_LABELS and start == f.start:
        f.holder = True
        return None
    return label


_BORDER = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+)\s*[-–—/]\s*([A-Z][a-z]+)\s+(border|frontier)s?\b")
"""Two capitalised words and "border" ("Syrian-Iraqi border"); the capital first, then the word boundary before it
(a quick test per place)."""


def border_matches(text: str, know: Knowledge) -> list[Found]:
    """ "the Syrian-Iraqi border", "Syrian – Iraqi border": two countries and the word border."""
    out: list[Found] = []
    if "border" not in text and "frontier" not in text:
        return out  # the words the pattern needs: most reports have neither, and the pattern is slow to fail
    for m in _BORDER.finditer(text):
        a, b = know.demonyms.get(m.group(1).lower()), know.demonyms.get(m.group(2).lower())
        if a and b and a != b:
            out.append(Found(m.start(), m.end(), m.group(0), m.group(0), border=know.borders.get(frozenset((a, b))),
                             border_countries=(a, b)))
    return out


def place_entities(doc: Doc | None) -> tuple[Span, ...]:
    """spaCy's entities, less a capitalised preposition of place heading one: at a sentence start spaCy reads
    "Near Palmyra" or "Outside Kherson" as a person and swallows the place. Without the word, a place entity keeps
    its label and a person's is a place's (GPE: the preposition says so, as `place_preps` does after a name); any
    other (an organisation, a date) was only the misreading, and goes."""
    if doc is None:
        return ()
    from spacy.tokens import Span  # only with a parse: the module loads without spaCy

    preps = knowledge().place_preps
    out = []
    for e in doc.ents:
        if len(e) < 2 or not e[0].is_title or e[0].lower_ not in preps:
            out.append(e)
        elif e.label_ in PLACE_LABELS or e.label_ == "PERSON":
            out.append(Span(doc, e.start + 1, e.end, label=e.label_ if e.label_ in PLACE_LABELS else "GPE"))
    return tuple(out)


def spacy_entities(entities: Sequence[Span]) -> list[tuple[int, int, str]]:
    """(start, end, label) of spaCy's entities, a leading "the" left out ("the Athens Police" starts at Athens)."""
    out = []
    for e in entities:
        start = e[1].idx if len(e) > 1 and e[0].lower_ == "the" else e.start_char
        out.append((start, e.end_char, e.label_))
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def merge(candidates: Iterable[Found]) -> list[Found]:
    """Keep the longest of overlapping spans (borders and admin spans are longest by construction)."""
    kept: list[Found] = []
    ordered = sorted(candidates, key=lambda f: (-(f.end - f.start), f.start))
    covered = bytearray(max((f.end for f in ordered), default=0))
    for f in ordered:
        if not any(covered[f.start:f.end]):
            kept.append(f)
            covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    return sorted(kept, key=lambda f: f.start)


_AFTER = re.compile(r"(?:’s|'s|’|')?\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?")
_SOUTHERN = frozenset({"southern", "northern", "eastern", "western"})


_LETTERS = re.compile(r"[A-Za-z]+")


def annotate_context(text: str, f: Found, know: Knowledge) -> Found:
    """Set admin/vicinity/cue flags from the words around the span; extend over "Province"."""
    after = _AFTER.match(text[f.end:f.end + 40])
    if after:
        _mark_after(text, f, after, know)
    before = text[max(0, f.start - 60):f.start]
    before_words = _LETTERS.findall(before.lower())[-4:]
    of_end = _may_end_in_of(before)  # asked by the vicinity's and the place cue's patterns: read once
    _mark_vicinity(f, before, before_words, know, of_end)
    if before.rstrip().lower().endswith(("of", "the")) and _PROVINCE_OF.search(before):
        f.admin = True
    f.town = f.town or _town_of(before, before_words, know)
    cue_words = _cue_words(before, before_words, know)
    f.cue = bool(cue_words) and cue_words[-1] in _LOCATIVE
    f.dateline = f.text.isupper() and len(f.text) > 2 and bool(_DATELINE_END.match(text, f.end))
    f.place_cue = _place_cue(text, f, cue_words, after, know, (before, of_end))
    return f


def _town_of(before: str, before_words: list[str], know: Knowledge) -> bool:
    """ "the town of X", "the city of X": a town noun, written in lower case, and "of" right before the span."""
    return len(before_words) > 1 and before_words[-1] == "of" and before_words[-2] in know.town_nouns \
        and before.rstrip()[:-2].rstrip().endswith(before_words[-2])


_PROVINCE_OF = re.compile(r"\b(?:province|governorate)\s+of\s+(?:the\s+)?$", re.I)


def _cue_words(before: str, before_words: list[str], know: Knowledge) -> list[str]:
    """The words before a span that may cue it as a place, read across "the" and a part word written in lower case
    ("through the Euphrates", "in central Joensuu", "in the eastern Ghouta")."""
    words = before_words
    if words and words[-1] in know.part_words and before.rstrip().endswith(words[-1]):
        words = words[:-1]
    return words[:-1] if words[-1:] == ["the"] else words


def _mark_after(text: str, f: Found, after: re.Match[str], know: Knowledge) -> None:
    """The words after the span: an admin noun joins it ("Idlib Province"); a vicinity noun, a street word,
    a facility noun or an armed group's noun says what it names."""
    nxt = after.group(1).lower()
    possessive = after.group(0).startswith(("’", "'"))
    if nxt in know.admin_nouns and not possessive:
        f.admin = True
        f.end = f.end + after.end(1)
        f.text = text[f.start:f.end]
    elif _near_words(nxt, (after.group(2) or "").lower(), know):
        f.vicinity = True
    elif nxt in know.street_words and not possessive and f.name.rsplit(" ", 1)[-1].lower() not in know.admin_nouns:
        f.street = True  # not after a unit's name: "the Allegheny County Court" is a court
    f.town = not possessive and after.group(1) in know.town_nouns
    f.facility = nxt in know.facility_nouns
    f.group = not f.facility and nxt in know.actor_nouns
    f.eponym = not possessive and (nxt in know.eponym_nouns or (
        nxt not in _FUNCTION_WORDS and (after.group(2) or "").lower() in know.eponym_nouns))


def _near_words(nxt: str, second: str, know: Knowledge) -> bool:
    """ "X countryside", "X southern outskirts"."""
    return nxt in know.vicinity_nouns or (second in know.vicinity_nouns and nxt in know.part_words | _SOUTHERN)


def _mark_vicinity(f: Found, before: str, before_words: list[str], know: Knowledge, of_end: bool) -> None:
    """Near the place rather than at it: "10 km east of X", "western X", "the countryside of X" (`of_end`:
    `_may_end_in_of(before)`)."""
    if of_end and (_DISTANCE_CUE.search(before) or _DIRECTION_OF.search(before)):
        f.vicinity = True
    if before_words and before_words[-1] in know.part_words:
        f.vicinity = True
    if "of" in before_words[-1:] and any(w in know.vicinity_nouns for w in before_words[-3:]):
        f.vicinity = True


def _may_end_in_of(before: str) -> bool:
    """Whether the words before a span may end in "of" or "from" and a space, as `_DISTANCE_CUE` and `_DIRECTION_OF`
    need: most do not, and the patterns are slow to fail."""
    return before[-1:].isspace() and before.rstrip().lower().endswith(("of", "from"))


def _place_cue(text: str, f: Found, before_words: list[str], after: re.Match[str] | None, know: Knowledge,
               before: tuple[str, bool] | None = None) -> bool:
    """Words that introduce only places: "in X", "the town of X", "the prison of X", "X residents", "the X crossing",
    "X town", "X district" (not where spaCy reads an organisation's name: "the Indo-Pacific region")."""
    if before_words and (before_words[-1] in know.place_preps or (
            before_words[-1] == "of" and len(before_words) > 1 and (
                before_words[-2] in know.place_nouns or before_words[-2] in know.facility_nouns))):
        return True
    if after and not after.group(0).startswith(("’", "'")) and (
            after.group(1).lower() in know.resident_nouns or after.group(1) in know.site_nouns
            or (after.group(1) in know.place_nouns and not (f.admin and f.other_entity == "ORG"))):
        return True
    return said_of_a_place(text, f, before_words, know, before)


def said_of_a_place(text: str, f: Found, before_words: list[str], know: Knowledge,
                    before: tuple[str, bool] | None = None) -> bool:
    """Words that only places take: "residents of X", "west of X", "X and its outskirts", "X, a village", a
    legislator's "D-X" (`party_district`), where a named person lives ("Ann Roe, 41, of X", "said Roe, of X").
    `before`: the 60 characters before the span and whether they may end in "of" (`_may_end_in_of`), where read
    already (`annotate_context`)."""
    if len(before_words) > 1 and before_words[-1] == "of" and before_words[-2] in know.resident_nouns:
        return True
    if party_district(text, f.start) or (_after_of(text, f.start) and _RESIDENCE.search(text, max(0, f.start - 40),
                                                                                        f.start)):
        return True
    if before is None:
        window = text[max(0, f.start - 60):f.start]
        before = window, _may_end_in_of(window)
    if (before[1] and _DIRECTION_OF.search(before[0])) or _apposed_place_noun(text, f.end, know):
        return True
    its = _AND_ITS.match(text, f.end, f.end + 40) if text.find("its", f.end, f.end + 40) >= 0 else None
    if its is None:
        return False
    return any(w in know.its_place_nouns for w in (its.group(1), its.group(1).split()[0]))


def _after_of(text: str, start: int) -> bool:
    """Whether "of" or "from" and space end the text before `start`, as `_RESIDENCE` needs: a quick test first."""
    return text[max(0, start - 8):start].rstrip().endswith(("of", "from")) and text[start - 1:start].isspace()


_AND_ITS = re.compile(r"\s+and\s+its\s+([a-z]+(?:\s+[a-z]+)?)")
_RESIDENCE = re.compile(r"[A-Z][a-z]+,\s(?:\d{1,3},\s(?:of|from)|of)\s$")
"""A name, a comma, maybe an age, and "of" (or "from" after an age): the news's way of saying where a person lives."""


@lru_cache(maxsize=1)
def _party_pattern() -> re.Pattern[str]:
    letters = "".join(sorted(w.upper() for w in data.word_set(data.load("geo_words.yaml"), "party_letters")))
    return re.compile(rf"(?:,\s|\()[{letters}][-\u2013]$") if letters else re.compile(r"(?!)")


def party_district(text: str, start: int) -> bool:
    """ "Sen. Jane Roe, D-Springfield", "(R-Ohio)": a party's capital letter and a hyphen, after a comma or a bracket,
    right before the span: the US press names there the place a legislator represents."""
    if text[start - 1:start] not in ("-", "\u2013", "\n"):  # what the pattern ends in ($ may stand before a newline)
        return False
    return bool(_party_pattern().search(text, max(0, start - 4), start))


_APPOSED = re.compile(r",\s+an?\s+([a-z]+)(?:\s+([a-z]+))?")


def _apposed_place_noun(text: str, end: int, know: Knowledge) -> bool:
    """ "X, a village on the border", "X, a small town": an apposition headed by a place noun (a first word or, after an
    adjective, a second)."""
    m = _APPOSED.match(text, end, end + 40) if text.startswith(",", end) else None
    return m is not None and (m.group(1) in know.place_nouns or m.group(2) in know.place_nouns)


_DATELINE_END = re.compile(r"(?:,\s*[A-Z][A-Za-z.]{1,8}\.?)?\s*(?:\([A-Za-z ]+\)\s*)?(?:--|—|–|-|:)\s")
_LOCATIVE = frozenset(str(w).lower() for w in (data.load("geo_places.yaml").get("locative_cues") or ()))


def names_container(gaz: Gazetteer, name: str) -> bool:
    return any(c.weight == 2 and c.place.kind in ("admin1", "country") for c in gaz.candidates(name))


def unsplit(text: str, matches: list[Found], ents: list[tuple[int, int, str]], gaz: Gazetteer) -> list[Found]:
    """Drop gazetteer matches that split one place name spaCy read whole ("Bai Hassan" is not Bai and Hassan):
    two or more matches that fill a place entity, joined by spaces or hyphens only, are pieces of an unknown name.
    `matches` come in the order of the text, as `gazetteer_matches` gives them."""
    pieces: set[int] = set()
    starts = [m.start for m in matches]
    for start, end, label in ents:
        if label in PLACE_LABELS:
            pieces.update(_pieces(text, matches, starts, start, end, gaz))
    return [m for i, m in enumerate(matches) if i not in pieces]


def _pieces(text: str, matches: list[Found], starts: list[int], start: int, end: int, gaz: Gazetteer) -> list[int]:
    """The matches that together fill the entity start..end as pieces of one unknown name, if they do (`starts`: the
    matches' starts, in order)."""
    inside = [i for i in _starting_within(starts, start, end) if matches[i].end <= end]
    if len(inside) < 2 or (matches[inside[0]].start, matches[inside[-1]].end) != (start, end):
        return []  # one match, or the matches leave part of the entity out
    return _pieces_of_one_name(text, matches, inside, gaz)


def _pieces_of_one_name(text: str, matches: list[Found], inside: list[int], gaz: Gazetteer) -> list[int]:
    """The matches `inside`, when only spaces or hyphens join them and no later one names a state or country; where
    the last are English words ("the Titus County Jail", "Greer City Hall"), only those: a place heading the name of
    a building is still a place."""
    if any(names_container(gaz, matches[i].name) for i in inside[1:]):
        return []  # "Jackson Mississippi": a town and its state, not one name
    gaps = (text[matches[a].end:matches[b].start] for a, b in zip(inside, inside[1:], strict=False))
    if not all(_SPACES.fullmatch(gap) for gap in gaps):
        return []
    head = len(inside)
    while head > 0 and is_dictionary_word(matches[inside[head - 1]].name):
        head -= 1
    return inside[head:] if 0 < head < len(inside) else inside




_SPACES = re.compile(r"[\s\-‐]+")


def recognise(text: str, doc: Doc | None, gaz: Gazetteer, blocked: Sequence[tuple[int, int]],
              armed: Collection[tuple[int, int]] = ()) -> list[Found]:
    """Every span that may name a place, with context cues; spans inside `blocked` (actors' names; `armed`: those
    of armed forces and groups) are kept as `within_an_actor_name` says."""
    know = knowledge()
    entities = place_entities(doc)  # read once: spaCy walks every token to make them
    ents = spacy_entities(entities)
    gazetteer_found = unsplit(text, gazetteer_matches(text, words(text), gaz), ents, gaz)
    abbreviations = abbreviation_matches(text)
    misfits = {(f.start, f.end) for f in abbreviations if not state_fits(text, f, gazetteer_found, gaz)}
    found = [f for f in border_matches(text, know) + abbreviations + gazetteer_found +
             unknown_places(text, ents, gazetteer_found) if (f.start, f.end) not in misfits]
    out = []
    cover = actor_cover(blocked)
    for f in merge(found):
        f.other_entity = judged_other(f, ents) if f.gazetteer else None
        near = blocked if cover is None or f.end <= f.start or cover.find(1, f.start, f.end) >= 0 else ()
        if within_an_actor_name(f, near, armed) or inside_a_civil_name(text, f, blocked, armed, gaz):
            out.append(annotate_context(text, f, know))
    state_roads(text, out, gaz)
    people = people_named(text, doc, entities) | given_names(text, gaz, know)
    mark_known_places(text, doc, out, gaz, ents, people)
    link_lists(text, out)
    link_anchors(text, out)
    mark_bracketed_places(text, out)
    plural_admin_lists(text, out, know)
    mark_acronym_nouns(text, doc, out, know)
    mark_person_names(out, people)
    mark_verb_arguments(doc, out)
    return overruled(out, know.admin_nouns)


def mark_verb_arguments(doc: Doc | None, found: list[Found]) -> None:
    """Mark the names that say where a verb's happening is (`Found.verb_argument`), when the settings'
    `verb_argument_towns` is on: the name's head is the object of a preposition hanging from a verb, or the verb's
    direct object. ACLED codes that place; a name elsewhere (a person's home, an outlet, a modifier) is not one."""
    if doc is None or not recognition_settings().verb_argument_towns:
        return
    for f in found:
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is not None and len(span):
            f.verb_argument = _verb_argument(span.root)


def _verb_argument(head: Token_) -> bool:
    """The object of a preposition on a verb or the verb's object, the first of a list of them too."""
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        return head.head.head.pos_ == "VERB"
    return head.dep_ == "dobj" and head.head.pos_ == "VERB"


@dataclass(frozen=True, slots=True)
class RecognitionSettings:
    """How far recognition trusts the gazetteer over spaCy (`place_recognition` in the settings)."""

    known_place_population: int
    """A name spaCy missed or read as a person's or an organisation's is a place when its main bearer in the gazetteer
    is a country, a state, or a town of at least this many people (0: never)."""
    word_place_population: int
    """... when the name is also an English word ("Mobile", "Reading"): this many."""
    famous_place_population: int
    """... when the name is also an English word and spaCy tagged it nothing ("Aleppo"): this many."""
    verb_argument_towns: bool
    """Mark the names that say where a verb's happening is (`mark_verb_arguments`), for the lone-town gate."""
    particle_names: bool = True
    """A hyphenated name whose capitalised parts a short particle links ("Pul-e-Khumri") is one word, not its parts
    (`_particle_linked`)."""
    trailing_particles: bool = True
    """A hyphenated word ending in a particle of a letter or two ("Pul-e Khumri"), or a name repeated in lower case
    ("Bau-bau"), is one word (`_one_word`)."""
    derived_unit_abbreviations: bool = True
    """ "(Town, KPK)": the unit abbreviations derived from conflict records' notes count like the hand-listed ones
    (`knowledge.unit_abbreviations`)."""


@lru_cache(maxsize=1)
def recognition_settings() -> RecognitionSettings:
    return section("place_recognition", RecognitionSettings)


_KNOWN_PLACE_OTHERS = frozenset({None, "PERSON", "ORG", "NORP"})
_KNOWN_PLACE_KINDS = frozenset({"country", "admin1", "region"})


def mark_known_places(text: str, doc: Doc | None, found: list[Found], gaz: Gazetteer,
                      ents: list[tuple[int, int, str]], people: frozenset[str]) -> None:
    """Names spaCy missed or read as a person's or an organisation's (or, a famous city's, a people's) that the
    gazetteer knows as a notable place ("shelled Chernihiv", "rallied at Chios port": spaCy's PERSON and ORG) are
    places: the small model tags many foreign towns at random. Not a common person's name nor one the report gives
    a person (`people`), a function or common word, a name inside an actor's name or before a street, group or
    disease word, part of a longer entity, nor a word spaCy does not read as a proper noun."""
    settings = recognition_settings()
    if doc is None or settings.known_place_population <= 0:
        return
    know = knowledge()
    for f in found:
        if _may_be_known_place(f, know, settings, people) and _alone_in_its_entity(text, f, ents) and \
                _notable_proper_noun(doc, f, gaz, settings):
            f.ner, f.other_entity, f.known_place = "GPE", None, True


def _may_be_known_place(f: Found, know: Knowledge, settings: RecognitionSettings, people: frozenset[str]) -> bool:
    """A gazetteer match with no place label, that nothing around it or in its words says is something else."""
    if not f.gazetteer or f.ner is not None or f.other_entity not in _KNOWN_PLACE_OTHERS or _marked_other(f):
        return False
    parts = f.name.split()
    if len(parts) > 1 and f.other_entity == "PERSON":
        return False  # "Tarik Ibn Ziad": a man's name as much as a town's
    if any(_never_a_known_place(w.lower(), know) for w in parts):
        return False
    key = fold(f.name)
    return key not in people and not (len(parts) == 1 and key in common_person_names())


def _marked_other(f: Found) -> bool:
    """Inside an actor's name, heading an organisation's, or before a street's, a group's, a disease's or a site's
    word: named for what it names, not as where something is."""
    return f.in_actor or f.holder or f.street or f.group or f.eponym or f.surname or f.facility


def _never_a_known_place(word: str, know: Knowledge) -> bool:
    """A function or common word, a title, a compass or administrative word, a people's name."""
    return word in _FUNCTION_WORDS or word in know.common_words or word in know.never_names or \
        word in know.part_words or word in know.admin_nouns or word in know.demonyms


def _alone_in_its_entity(text: str, f: Found, ents: list[tuple[int, int, str]]) -> bool:
    """The whole of the entity spaCy tagged it in, or, in an organisation's, named after a comma or a bracket
    ("the Royal Hotel on Kenyatta Avenue, Mombasa"): not a piece of a longer name ("Vladimir Putin")."""
    hit = first_overlapping(f.start, f.end, ents)
    if hit is None or (hit[0], hit[1]) == (f.start, f.end):
        return True
    return hit[2] == "ORG" and hit[0] <= f.start and text[:f.start].rstrip().endswith((",", "(")) and \
        f.end == hit[1]


def _notable_proper_noun(doc: Doc, f: Found, gaz: Gazetteer, settings: RecognitionSettings) -> bool:
    """Every word a proper noun to spaCy; an English word only inside a name spaCy tagged (WordNet lists towns,
    "Gainesville", beside "Grad" or "Time") or as a famous city's name ("Aleppo": WordNet lists it, and spaCy often
    tags it nothing or a people's name, NORP), not opening its sentence; and the gazetteer's main bearer of the
    name, spelt as written (accents aside: not "Fourth" for Fürth), notable enough."""
    word = is_dictionary_word(f.name)
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None or any(t.pos_ != "PROPN" for t in span) or (word and span[0].is_sent_start):
        return False
    head = _the_head(doc, span)
    mains = _main_bearers(gaz, f.name)
    if f.other_entity == "NORP" or (word and f.other_entity is None):
        return not head and _famous(doc, span, mains, settings)
    need = None if head else settings.word_place_population if word else settings.known_place_population
    return any(c.place.kind in _KNOWN_PLACE_KINDS or (need is not None and c.population >= need) for c in mains)


def _main_bearers(gaz: Gazetteer, name: str) -> list[Candidate]:
    """The places bearing the name as their own, spelt as written (accents aside)."""
    from thucydides.geo.handset import spelt

    written = spelt(name)
    return [c for c in gaz.candidates(name) if c.weight == 2 and spelt(c.place.name) == written]


def _famous(doc: Doc, span: Span, mains: list[Candidate], settings: RecognitionSettings) -> bool:
    """A city of `famous_place_population` bears the name, which begins no longer name: a capitalised word or "of"
    after it makes it another's ("Queens of the Stone Age", a band; "Bronx Latin", a school)."""
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and (nxt.is_title or nxt.lower_ == "of"):
        return False
    return any(c.population >= settings.famous_place_population for c in mains)


def _the_head(doc: Doc, span: Span) -> bool:
    """ "the Duma", "the Commonwealth": a name after "the" that heads its phrase names a body or a thing, not a town
    (a town's name takes no article: in "the Mombasa port" it is the port's); a country or a region may ("the
    Maldives", "the Sahel")."""
    first, last = span[0], span[-1]
    return first.i > 0 and doc[first.i - 1].lower_ == "the" and last.dep_ != "compound"


def dictionary_words() -> frozenset[str]:
    """The English words of spaCy's lemmatizer index (WordNet's nouns, verbs, adjectives and adverbs, in lower
    case): "Congress", "Chapel" or "Section" are words before they are the names of hamlets; a village's name
    ("Schendelbeke") is none. Famous places are in it too ("paris"): a test against small places only."""
    from thucydides.ling.spacy_model import lexicon_words

    return lexicon_words()


def is_dictionary_word(name: str) -> bool:
    """A single word that English uses as a common noun, verb or adjective ("Section", "Pink")."""
    return " " not in name.strip() and name.strip().lower() in dictionary_words()


_NOT_PEOPLE = frozenset({"GPE", "LOC", "FAC", "NORP"})
"""spaCy labels that make the subject of "said" a place speaking for its government ("Moscow said"); an
organisation's label does not: spaCy often gives it to a surname ("Smith said")."""


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    return data.word_set(data.load("geo_words.yaml"), "person_titles")


def people_named(text: str, doc: Doc | None, entities: Sequence[Span]) -> frozenset[str]:
    """The folded single words the report uses as people's names: the last word of a person's name of two words
    or more ("John Smith"; spaCy often takes a place heading a title for a first name, "Greer Fire Chief Y"),
    a capitalised word after a title ("Sen. Smith", "coach Smith"), and the bare capitalised subject of a verb
    of speech ("Smith said"). One sense per report: a surname it gives a person is no town's name elsewhere
    in it."""
    if doc is None:
        return frozenset()
    titles, speech = _person_titles(), lexicons().speech_verbs
    out = {fold(e[-1].text) for e in entities if e.label_ == "PERSON" and _surname_after_given_name(e)}
    out.update(fold(m.group(3)) for m in _titled().finditer(text)
               if m.group(1).lower() in titles and (not m.group(2) or len(m.group(1)) <= ABBREVIATED_TITLE))
    for i in _lemma_positions(doc, speech):
        out.update(fold(t.text) for t in doc[int(i)].lefts if _bare_speaker(t))
    return frozenset(out)


@lru_cache(maxsize=1)
def _state_road_words() -> frozenset[str]:
    return data.word_set(data.load("geo_words.yaml"), "state_road_words")


def state_roads(text: str, found: list[Found], gaz: Gazetteer) -> None:
    """ "the Ohio Turnpike", "the Florida Highway Patrol": a state's or a country's name before a trunk road's word
    names the state's road (or its patrol), not a street in some town: the name is a mention of the state. Only a
    road word written as a name's ("Turnpike"), after a name no other joins with a dash: "the Nairobi-Kisumu highway"
    runs to a town that a county is named after."""
    words = _state_road_words()
    for f in found:
        nxt = _next_word(text, f.end)
        if f.street and nxt.istitle() and nxt.lower() in words and not _DASH_BEFORE.search(text, 0, f.start) \
                and names_container(gaz, f.name):
            f.street = False


_DASH_BEFORE = re.compile(r"[-\u2013\u2014]\s*$")


def _next_word(text: str, end: int) -> str:
    m = SPACED_WORD.match(text[end:end + 30])
    return m.group(1) if m else ""


SPACED_WORD = re.compile(r"\s+([A-Za-z]+)")
"""The word after a name, past the spaces between (its letters in group 1)."""


_GIVEN_AND_SURNAME = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+) (?=([A-Z][a-z]+(?:[A-Z][a-z]+)?)\b)")
"""Two capitalised words with one space between them, the second maybe "McX" (a lookahead: "Mary Ann Smith" yields
both pairs); the capital first, then the word boundary before it (`_BORDER`'s quick test: half the time)."""


def given_names(text: str, gaz: Gazetteer, know: Knowledge) -> frozenset[str]:
    """The folded first names the report writes before a surname ("Ashley Nickles", "the Charles Beatley Library"):
    a census first name followed by a capitalised word that is no English word, no state's or country's name and no
    people's word. One sense per report, as for `people_named`: such a name is a person's, not a town's."""
    firsts, out = first_names(), set()
    for m in _GIVEN_AND_SURNAME.finditer(text):
        given, surname = fold(m.group(1)), m.group(2)
        if given in firsts and _surname_like(surname, gaz, know):
            out.add(given)
    return frozenset(out)


def _surname_like(word: str, gaz: Gazetteer, know: Knowledge) -> bool:
    return not (is_dictionary_word(word) or word.lower() in know.demonyms or names_container(gaz, word))


def _surname_after_given_name(person: Span) -> bool:
    """A person's name whose last word follows a capitalised word that no place name begins with: "Dale Ripley",
    not "al-Baghuz" or "Albu Kamal" (places spaCy often reads as people's names)."""
    if len(person) < 2 or not person[-1].is_title:
        return False
    given = person[-2]
    return given.is_title and given.is_alpha and given.lower_ not in _not_given_names()


@lru_cache(maxsize=1)
def _not_given_names() -> frozenset[str]:
    extra = data.word_set(data.load("geo_words.yaml"), "place_name_prefixes")
    return knowledge().name_prefixes | _CONNECTORS | extra


def _lemma_positions(doc: Doc, lemmas: frozenset[str]) -> list[int]:
    """Where the words of these lemmas stand, found over spaCy's array of lemma hashes (no Python pass per token):
    each token's hash compared with the few lemmas' at once (a report's tokens by a handful of lemmas), which costs a
    tenth of `numpy.isin`'s sorting."""
    import numpy as np
    from spacy.attrs import LEMMA

    wanted = _LEMMA_HASHES.get(lemmas)
    if wanted is None:  # a string's hash is the same in every vocabulary: made once per set of lemmas
        wanted = _LEMMA_HASHES[lemmas] = np.array([doc.vocab.strings[w] for w in lemmas], dtype=np.uint64)
    found: list[int] = np.flatnonzero((doc.to_array(LEMMA)[:, None] == wanted).any(1)).tolist()
    return found


_LEMMA_HASHES: dict[frozenset[str], Any] = {}
"""Lemma set -> the numpy array of its hashes (`_lemma_positions`)."""


_TITLED = re.compile(r"\b([A-Za-z]++)(\.?)[ ]++(?=([A-Z][a-z]+)\b)")  # possessive: a shorter word never fits
"""A word, maybe a dot, and the capitalised word after it on the same line (a lookahead, so "Former President
Smith" yields both pairs)."""


@lru_cache(maxsize=1)
def _titled() -> re.Pattern[str]:
    """`_TITLED` at the person titles only (those written in letters alone, as `_TITLED`'s word is): the titles'
    alternation first, in any case, so the search passes the report's other words in C; `_TITLED` matches at each
    word before a capitalised one, and `people_named` kept only the titles' matches. A word's first letter is
    tested first, in one class: at a word's end or before a word no title starts with, the alternation is not
    tried (a quarter less time on a report)."""
    titles = [w for w in _person_titles() if w.isascii() and w.isalpha()]
    firsts = "".join(sorted({w[0].lower() for w in titles} | {w[0].upper() for w in titles}))
    ahead = f"(?=[{firsts}])" if firsts else ""
    return re.compile(rf"\b{ahead}((?ai:{alternation(titles)}))(?![A-Za-z])(\.?)[ ]++(?=([A-Z][a-z]+)\b)")


ABBREVIATED_TITLE = 4
"""A title followed by a dot is an abbreviation ("Sen.", "Capt.") only this short: "the officer. Another" ends a
sentence."""


def _bare_speaker(t: Token_) -> bool:
    """A capitalised single word, the subject of a verb of speech, that spaCy does not read as a place."""
    return t.dep_ == "nsubj" and t.is_title and t.ent_type_ not in _NOT_PEOPLE and not any(True for _ in t.children)


def mark_person_names(found: list[Found], people: frozenset[str]) -> None:
    """Marks the spans whose name the report also gives a person, unless the words at one of its mentions say
    place ("in X", "X County", "X, Ohio"): one sense per report either way."""
    places = {fold(f.name) for f in found if _said_place(f)}
    for f in found:
        key = fold(f.name)
        f.person_name = key in people and key not in places


def _said_place(f: Found) -> bool:
    return bool(f.place_cue or f.admin or f.dateline or f.fixed or f.within is not None or f.border)


_LISTED_WORD = re.compile(r"\s*(?:,|and|or)\s+([A-Za-z]+)")


def mark_acronym_nouns(text: str, doc: Doc | None, found: list[Found], know: Knowledge) -> None:
    """A name in capitals that spaCy calls a place and that heads its own phrase ("from the US") is the acronym;
    one qualifying a later word ("US bases"), or listed with peoples' adjectives that do ("US, French and Italian
    forces"), is left as before: the reports' gold does not count a country named only as a modifier, and "us"
    may be the pronoun."""
    from thucydides.geo.roles import modifies_non_place

    spans = [(f.start, f.end) for f in found]
    for f in found:
        if len(f.name) > 1 and f.name.isupper() and f.ner in ("GPE", "LOC"):
            f.acronym_noun = not _listed_with_adjective(text, doc, f.end, know) and \
                not modifies_non_place(doc, f.start, f.end, spans)


def _listed_with_adjective(text: str, doc: Doc | None, end: int, know: Knowledge) -> bool:
    """ "US, French and ...": the next name of the list is a people's adjective (a demonym, or spaCy's NORP)."""
    listed = _LISTED_WORD.match(text, end)
    if listed is None:
        return False
    if listed.group(1).lower() in know.demonyms:
        return True
    word = doc.char_span(listed.start(1), listed.end(1)) if doc is not None else None
    return word is not None and word[0].ent_type_ == "NORP"


def _starting_within(starts: list[int], start: int, end: int) -> range:
    """The indices of the spans starting in start..end (`starts`: theirs, in order), found by bisection: only those
    may lie inside it, and a report holds many spans and many entities."""
    return range(bisect.bisect_left(starts, start), bisect.bisect_right(starts, end))


def unknown_places(text: str, ents: list[tuple[int, int, str]], gazetteer_found: list[Found]) -> list[Found]:
    """Places spaCy saw that the gazetteer does not know: kept, unresolved if need be (`gazetteer_found`: the
    gazetteer's matches in the order of the text, as `gazetteer_matches` gives them)."""
    out = []
    starts = [g.start for g in gazetteer_found]
    for start, end, label in ents:
        inside = _starting_within(starts, start, end)
        if label in PLACE_LABELS and not any(gazetteer_found[i].end <= end for i in inside):
            name = re.sub(r"^(?:the|The)\s+", "", text[start:end])
            out.append(Found(end - len(name), end, name, name, ner=label))
    return out


def actor_cover(actors: Sequence[tuple[int, int]]) -> bytearray | None:
    """The characters of the actors' names, marked: a span over none of them overlaps no actor's name, and
    `within_an_actor_name` need not read the names for it (most spans). None where a name is empty (it overlaps a
    span around it without a character to mark): then every span reads them."""
    if any(start < 0 or end <= start for start, end in actors):
        return None
    cover = bytearray(max((end for _, end in actors), default=0))
    for start, end in actors:
        cover[start:end] = b"\x01" * (end - start)
    return cover


def within_an_actor_name(f: Found, actors: Sequence[tuple[int, int]], armed: Collection[tuple[int, int]]) -> bool:
    """Whether a span may name a place, given the actors' names (`armed`: those of armed forces and groups).
    Outside them, yes; a whole actor's name that is a place ("Russia") or a place spaCy reads as one heading
    it ("U.S. troops"), yes. A place heading a civil body's name ("the Texas Department of Transportation")
    is read like one heading an organisation's name (`holder`); one heading an armed group's name names the
    group ("Syria Democratic Forces"), and a name further inside ("Observatory for Human Rights") is none.
    Kept spans inside an actor's name are marked `in_actor`: they say whose the actor is, not where it acts."""
    hit = _first_overlapping(f.start, f.end, actors)
    if hit is None or f.border:
        return True
    if not (hit[0] <= f.start and f.end <= hit[1]):
        return False
    return _inside_an_actor_name(f, hit, armed)


def _first_overlapping(start: int, end: int, actors: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The first actor's name that overlaps the characters [start, end), if any."""
    for b in actors:  # `overlaps`, inlined, in a loop (no generator): asked of every span
        if start < b[1] and b[0] < end:
            return b
    return None


def _inside_an_actor_name(f: Found, hit: tuple[int, int], armed: Collection[tuple[int, int]]) -> bool:
    """A span inside the actor's name `hit`, marked `in_actor`: whether it may name a place (the whole name, or a
    place spaCy reads as one heading it; a place heading a civil body's name, as its `holder`)."""
    f.in_actor = True
    f.armed_name = (f.start, f.end) == hit and hit in armed and f.ner not in ("GPE", "LOC")
    if (f.start, f.end) == hit or (f.start == hit[0] and f.ner in ("GPE", "LOC")):
        return True
    if f.start != hit[0] or hit in armed:
        return False
    f.holder = True
    return True


_OF_BEFORE = re.compile(r"\b(?:of|in)\s+(?:the\s+)?$")


def inside_a_civil_name(text: str, f: Found, actors: Sequence[tuple[int, int]], armed: Collection[tuple[int, int]],
                        gaz: Gazetteer) -> bool:
    """A place inside a civil body's name after its first word ("the University of X", "the Bank of X", "Eastern X
    University"): the body's place, kept and marked `in_actor` (never where something happens). Only a name that
    cannot be a plain word of the body's name: one after "of" or "in", of two words or more, a state's or a
    country's, or no English word ("the Observatory for Human Rights" names no hamlet called Human). Never inside
    an armed group's name ("the Military Forces of X" names the force)."""
    hit = next((b for b in actors if b[0] < f.start and f.end <= b[1]), None)
    if hit is None or hit in armed:
        return False
    named_as_place = bool(_OF_BEFORE.search(text[hit[0]:f.start])) or " " in f.name.strip() or \
        names_container(gaz, f.name) or not is_dictionary_word(f.name)
    f.in_actor = named_as_place
    return named_as_place


THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
"""spaCy labels no person or group has: a known place name so labelled after "in" or "entered" is a place."""


def overruled(found: list[Found], admin_nouns: frozenset[str]) -> list[Found]:
    """Streets, armed groups and diseases named after places go. Names spaCy took for a person or the like are doubtful
    (only the fitted admit model may resolve them), unless the words before them say place ("the village
    of X", "in X"), they continue a list of places ("the towns of A, B and C"), or spaCy calls the same name
    a place elsewhere in the report (one sense per report), or the name itself ends in an administrative
    noun ("Rapides Parish"). A name spaCy took for a thing (a product, an event) counts after any locative
    word ("entered Manbij")."""
    kept: list[Found] = []
    previous_kept = False
    places = {fold(f.name) for f in found if f.ner in ("GPE", "LOC") and not f.street}
    for f in found:
        if f.street or (f.group and not _heads_a_civil_body(f)) or f.eponym:
            previous_kept = False
            continue
        f.doubtful = not (_vouched_for(f, places, admin_nouns) or (f.listed and previous_kept))
        kept.append(f)
        previous_kept = not f.doubtful
    return kept


def _heads_a_civil_body(f: Found) -> bool:
    """Heads the name of an actor of no armed kind ("the Columbus Council"): a place, as before "Police
    Department"; before an armed group's noun ("the X militia") the name is the group's."""
    return f.in_actor and f.holder


def _vouched_for(f: Found, places: set[str], admin_nouns: frozenset[str]) -> bool:
    """Nothing says it is something else, or something around it says place."""
    if not f.other_entity or f.place_cue or f.name.rsplit(" ", 1)[-1].lower() in admin_nouns:
        return True
    if f.cue and f.other_entity in THING_LABELS:
        return True
    return f.other_entity == "PERSON" and fold(f.name) in places
