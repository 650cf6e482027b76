"""How ACLED's notes refer to each actor, learned by aligning n-grams of the notes with the coded actors.

A note of the train split says "Afghan forces" where ACLED codes Military Forces of Afghanistan. Candidate
n-grams are phrases ending in a head noun ("al-Shabaab fighters") or proper names ("Houthis"). In each note, the
actors coded on it are linked competitively to its n-grams: the pair with the highest precision first (the share
of notes holding the n-gram that code the actor), each n-gram and each actor once, so "Hamas" in a note on an
Israeli strike is explained away by "Israeli warplanes". An n-gram becomes an alias of the actor it is linked to
in most notes that hold it (precision, lift over the actor's base rate and support thresholds in settings.yaml
`actor_learning`), or of the actor's family ("soldiers": Military Forces) when no single member takes it; a family
alias that starts with a demonym goes to that country's member ("Israeli tanks": Military Forces of Israel).
A note often names one actor twice ("Israeli forces ... the IDF"): after the competitive pass, an n-gram left
unlinked goes to the coded actor it co-occurs with in nearly all of its notes (`colink_precision`), so a frequent
second name still gathers support.
Names of places, people and dates are no aliases: spaCy's entity labels on a few notes per alias decide.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from thucydides.knowledge.actors import (
    NON_STATE_ARMED_KINDS,
    STATE_KINDS,
    Curated,
    LearnedAlias,
    case_sensitive,
    fold_name,
    name_key,
    slug,
)
from thucydides.knowledge.demonyms import Countries


@dataclass(frozen=True)
class LearnSettings:
    """Settings section `actor_learning`."""

    min_support: int
    """Notes an alias must be linked to its actor in."""
    min_precision: float
    """Share of the notes holding an n-gram in which it is linked to the actor."""
    min_precision_shared: float
    """The same for an n-gram that shares a word, a country or an acronym with the actor's name ('RSF')."""
    min_support_unshared: int
    """Notes an n-gram sharing nothing with the actor's name must be linked to it in ('IDF', 'Danab')."""
    min_lift: float
    """Precision over the actor's base rate: an alias must say more than 'an event happened'."""
    max_ngram: int
    containment: float
    """An n-gram found inside longer n-grams at least this share of the time is only part of a name."""
    country_share: float
    """Countries an actor is recorded in: those holding at least this share of its events."""
    max_countries: int
    demonym_support: int
    demonym_precision: float
    entity_samples: int = 5
    """Notes per proper-name alias that spaCy labels, to drop names of places, people and dates."""
    colink_precision: float = 0.8
    """After the competitive pass, an n-gram left unlinked in a note is linked to the coded actor it co-occurs with
    in at least this share of its notes ('IDF' beside 'Israeli forces')."""
    colink_support: int = 5
    """Notes in which the competitive pass linked the n-gram to that actor on its own, before it may co-link: a
    name seen standing for the actor, not a place or a topic its notes mention ('Al Shifa Hospital')."""
    colink_groups: tuple[str, ...] = ("state", "armed")
    """Kind groups of the actors an n-gram may co-link to: a crowd's notes name what it protests about ('USPS')."""
    initial_share: float = 0.9
    """A one-word name capitalised only where it starts a sentence, in at least this share of its uses, is a common
    word ('Rioting'), not a name."""


@dataclass(frozen=True, slots=True)
class Target:
    """An actor an n-gram may be linked to."""

    id: str
    key: str
    kind: str | None
    family: str | None
    countries: tuple[str, ...] = ()


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _wordset(
    "a an the of in on at to for and or by with from as was were is are be been being has have had that this these "
    "those which who whom whose after before during into near between against their its his her them they it he "
    "she there than then also not no one two three four five six seven eight nine ten several some many other "
    "reportedly allegedly least more most about around over under while when where all both each toward towards "
    "likely presumed assumed suspected alleged possibly probably unspecified unknown number group groups dozens "
    "hundreds thousands")
CALENDAR = _wordset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday week weekend month year day night morning evening afternoon "
    "overnight")
PARTICLES = _wordset("al el ad as ar an bin ibn abu de la le del da")
INNER_WORDS = _wordset("of the") | PARTICLES
"""The only small words allowed inside an alias ('Army of the Guardians', 'Jabhat al Nusra')."""
PARTICIPLES = _wordset("armed unidentified suspected alleged masked displaced retired organised organized united "
                       "affiliated backed led linked aligned based allied")
"""'-ed' words that describe an actor rather than tell what it did."""
PATRON_WORDS = _wordset("led backed supported sponsored funded allied aligned")
"""After a country ('Saudi-led', 'Iranian-backed'): the country is the actor's patron, not where it acts."""
KIND_GROUPS: Mapping[str, str] = {**dict.fromkeys(STATE_KINDS, "state"),
                                  **dict.fromkeys(NON_STATE_ARMED_KINDS, "armed"),
                                  "protesters": "crowd", "rioters": "crowd", "civilians": "civilians"}
GENERIC_GROUPS: Mapping[str, str] = {"military": "state", "police": "state", "government": "state",
                                     "armed_group": "armed", "communal_militia": "armed", "protesters": "crowd",
                                     "rioters": "crowd", "civilians": "civilians"}
AMBIGUOUS_HEADS = _wordset("forces force army military group groups militia militias")
"""Head nouns that name state forces and rebels alike ('rebel forces', 'Kachin Independence Army')."""
PLACE_HEADS = _wordset("district districts village villages town towns city province region county state camp street "
                       "road market mountains mountain river valley hill neighborhood neighbourhood township "
                       "sub-district area zone border island islands bridge square station airport port")
"""A name ending in one of these is a place ('Yangon East District'), not an actor."""
MIN_EXTENDED_ACRONYM = 5
"""Letters an acronym needs for its initials but the last to count as a name's ('ISWAP'), not 'RSF' for 'RS'."""
_CHUNKS = re.compile(r"[,;:()\[\]\"“”]|\.\s|\s-\s|\s–\s")
_SENTENCES = re.compile(r"[.:!?]\s+")
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*\.?")


# --- n-grams ----------------------------------------------------------------------------------------------


def tokens(chunk: str) -> list[str]:
    out = []
    for tok in _TOKEN.findall(chunk):
        if tok.endswith(".") and tok.count(".") == 1:
            tok = tok[:-1]
        out.append(tok)
    return out


def token_key(tok: str) -> str:
    return tok if case_sensitive(tok) else tok.lower().replace("’", "'")


def _proper(tok: str) -> bool:
    return tok[:1].isupper()


def _modifier(tok: str) -> bool:
    """A word that may stand before the head of an actor phrase: no small word, no verb form."""
    low = tok.lower()
    if low in STOPWORDS and low not in INNER_WORDS:
        return False
    if _proper(tok):
        return True
    return not low.endswith("ing") and (not low.endswith("ed") or low in PARTICIPLES)


def gram_kind(toks: Sequence[str], heads: frozenset[str]) -> str | None:
    """'common' for a phrase ending in a head noun ('Afghan forces'), 'proper' for a name ('Al Shabaab'), None
    for anything else: small words at either end, dates, numbers, verbs inside."""
    first, last = toks[0].lower(), toks[-1].lower()
    if first in STOPWORDS or last in STOPWORDS or last in PARTICLES or len(toks[-1]) < 2:
        return None
    if any(t.lower() in CALENDAR or t[:1].isdigit() for t in toks) or not all(_modifier(t) for t in toks[:-1]):
        return None
    if all(_proper(t) or t.lower() in INNER_WORDS for t in toks):
        return None if last in PLACE_HEADS else "proper"
    return "common" if last in heads else None


def note_ngrams(note: str, heads: frozenset[str], max_n: int) -> dict[str, tuple[str, str]]:
    """Candidate n-grams of a note: key -> (surface form as written, 'common' or 'proper')."""
    out: dict[str, tuple[str, str]] = {}
    for chunk in _CHUNKS.split(note):
        toks = tokens(chunk)
        for n in range(1, max_n + 1):
            for i in range(len(toks) - n + 1):
                gram = toks[i:i + n]
                kind = gram_kind(gram, heads)
                if kind:
                    out.setdefault(" ".join(token_key(t) for t in gram), (" ".join(gram), kind))
    return out


def contained(counts: Mapping[str, int], containment: float) -> set[str]:
    """N-grams that are almost always part of a longer one ('Al' of 'Al Shabaab', 'Back' of 'Back the Blue'):
    only part of a name. Counts of longer n-grams are summed on each side."""
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for key, count in counts.items():
        words = key.split()
        for k in range(1, len(words)):
            right[" ".join(words[:k])] += count
            left[" ".join(words[k:])] += count
    return {k for k, c in counts.items() if max(left[k], right[k]) >= containment * c}


# --- alignment --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Words:
    """What a name is made of, for comparing an n-gram with an actor: its content words and countries."""

    content: frozenset[str]
    countries: frozenset[str]
    initials: frozenset[str] = frozenset()
    """The acronyms of the name's runs of words ('rsf'), for a name only."""

    @classmethod
    def of(cls, text: str, table: Countries, generic: frozenset[str], initials: bool = False) -> Words:
        """The words of a name; with `initials`, also the acronyms its runs of words make ('rsf')."""
        words = [w.removesuffix("'s") for w in fold_name(text).replace(":", " ").replace("/", " ").split()]
        content = {w for w in words if len(w) >= 3 and w not in generic}
        runs = frozenset(_acronyms(words)) if initials else frozenset()
        return cls(frozenset(content) | runs, _countries_named(words, table), runs)

    def extends_initials(self, name: Words) -> bool:
        """An acronym one letter longer than the initials of a run of the name's words ('ISWAP': 'Islamic State
        (West Africa)' + Province, a word ACLED's name leaves out)."""
        return any(len(w) >= MIN_EXTENDED_ACRONYM and w[:-1] in name.initials for w in self.content)


def _countries_named(words: list[str], table: Countries) -> frozenset[str]:
    """Countries a name's words or word pairs name ('south sudan', 'nigerians'); not a patron's ('Saudi-led
    coalition', 'Russian-backed separatists': the actor fights elsewhere)."""
    words = [w for i, w in enumerate(words) if i + 1 >= len(words) or words[i + 1] not in PATRON_WORDS]
    countries = {table.code_of(w) or table.code_of(w.removesuffix("s")) for w in words}
    countries |= {table.code_of(" ".join(words[i:i + 2])) for i in range(len(words) - 1)}
    return frozenset(c for c in countries if c)


def _acronyms(words: list[str]) -> set[str]:
    """The acronyms a name's runs of words make ('rapid support forces' -> 'rs', 'rsf', 'sf')."""
    bare = [w.strip("()") for w in words]
    letters = [w[0] for w in bare if w and w not in ("of", "the", "and", "for")]
    return {"".join(letters[i:j]) for i in range(len(letters)) for j in range(i + 2, len(letters) + 1)}


@dataclass
class Alignment:
    """Notes as candidate n-grams and coded actors, and the counts that link them."""

    grams: list[dict[str, tuple[str, str]]]
    coded: list[set[str]]
    counts: Counter[str]
    targets: Mapping[str, Target]
    heads: Mapping[str, str]
    """Head noun -> the kind group it names ('authorities': state), for the unambiguous ones."""
    words: Mapping[str, Words]
    """N-gram or target id -> its words."""
    target_counts: Counter[str] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        for note, coded in zip(self.grams, self.coded, strict=True):
            self.target_counts.update(coded)
            self.pairs.update((g, t) for g in note for t in coded if self.fits(g, t))

    def head_group(self, gram: str) -> str | None:
        words = gram.lower().split()
        if "of" in words[1:]:
            words = words[:words.index("of", 1)]
        return self.heads.get(" ".join(words[-2:])) or self.heads.get(words[-1])

    def fits(self, gram: str, target: str) -> bool:
        """A phrase whose head names a kind ('authorities', 'drones', 'civilians') names only actors of it, and
        one that names a country ('Palestinian militants') only actors of that country, if they have one."""
        actor = self.targets.get(target)
        group = self.head_group(gram)
        mine = KIND_GROUPS.get(actor.kind or "") if actor else None
        if group is not None and mine is not None and group != mine:
            return False
        named = self.words[gram].countries
        return not (named and actor and actor.countries and not named & set(actor.countries))

    def shares_words(self, gram: str, target: str) -> bool:
        """'Al Shabaab fighters' shares a word with Al Shabaab, 'Russian forces' the country of Military Forces of
        Russia: such a pair is linked before any pair that only co-occurs."""
        mine, theirs = self.words[gram], self.words.get(target)
        if theirs is None:
            return False
        actor = self.targets.get(target)
        return bool(mine.content & theirs.content) or bool(actor and mine.countries & set(actor.countries)) \
            or (gram.isupper() and " " not in gram and mine.extends_initials(theirs))

    def precision(self, gram: str, target: str) -> float:
        return self.pairs[(gram, target)] / self.counts[gram]

    def link(self, floor: float, colink: Colink | None = None) -> dict[str, Counter[str]]:
        """Competitive linking in each note, then, with `colink`, co-linking of what is left (see `link_note` and
        `colink`). Returns n-gram -> actor -> notes linked."""
        out: dict[str, Counter[str]] = defaultdict(Counter)
        used = [self.link_note(note, coded, floor, out) for note, coded in zip(self.grams, self.coded, strict=True)]
        if colink is None:
            return out
        alone = {gram: Counter(targets) for gram, targets in out.items()}
        for note, coded, linked in zip(self.grams, self.coded, used, strict=True):
            self.colink(note, coded, linked, colink, alone, out)
        return out

    def link_note(self, note: Mapping[str, object], coded: set[str], floor: float,
                  out: dict[str, Counter[str]]) -> set[str]:
        """Best pair first (shared words, then precision), each n-gram and each actor once; n-grams nested in a
        linked one go with it. Returns the n-grams linked."""
        ranked = sorted(((self.shares_words(g, t), self.precision(g, t), len(g), g, t) for g in note
                         for t in coded if self.pairs[(g, t)]), reverse=True)
        used: set[str] = set()
        done: set[str] = set()
        for _, score, _, gram, target in ranked:
            if gram in used or target in done or score < floor:
                continue
            done.add(target)
            padded = f" {gram} "
            for other in note:
                if other not in used and (f" {other} " in padded or padded in f" {other} ") \
                        and self.fits(other, target):
                    used.add(other)
                    out[other][target] += 1
        return used

    def colink(self, note: Mapping[str, object], coded: set[str], used: set[str], colink: Colink,
               alone: Mapping[str, Counter[str]], out: dict[str, Counter[str]]) -> None:
        """An actor named twice in a note ('Israeli forces', then 'the IDF') is linked to one n-gram only by the
        competitive pass: an n-gram it left is linked too, to the coded actor it nearly always co-occurs with, if
        it was seen standing for that actor alone in enough notes and the actor is of a co-linking kind."""
        for gram in note:
            if gram in used:
                continue
            best = max(((self.precision(gram, t), t) for t in coded if self.pairs[(gram, t)]), default=None)
            if best is None or best[0] < colink.precision:
                continue
            actor = self.targets.get(best[1])
            group = KIND_GROUPS.get(actor.kind or "") if actor else None
            if group in colink.groups and alone.get(gram, Counter())[best[1]] >= colink.support:
                out[gram][best[1]] += 1


@dataclass(frozen=True, slots=True)
class Colink:
    """When an n-gram the competitive pass left is linked all the same (LearnSettings.colink_*)."""

    precision: float
    support: int
    groups: tuple[str, ...]

    @classmethod
    def of(cls, settings: LearnSettings) -> Colink:
        return cls(settings.colink_precision, settings.colink_support, settings.colink_groups)


@dataclass(frozen=True)
class Choice:
    target: str
    support: int
    precision: float
    base: int
    """Notes coding the target (smaller: more specific)."""


@dataclass
class Chooser:
    """Picks, for each n-gram, the most specific actor or family it is reliably linked to."""

    align: Alignment
    linked: Mapping[str, Counter[str]]
    families: Mapping[str, str]
    """Member id -> family id."""
    settings: LearnSettings
    surface: Mapping[str, Counter[str]]
    nouns: Mapping[str, frozenset[str]]
    """Generic family id -> the nouns that name it ('troops', 'police officers')."""
    family_base: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        for target, n in self.align.target_counts.items():
            if target in self.families:
                self.family_base[self.families[target]] += n

    def bare(self, gram: str, kind: str) -> bool:
        """A common phrase with no name and no country ('tanks', 'security forces') names a family, never one
        country's member of it."""
        written = self.surface[gram].most_common(1)[0][0] if self.surface.get(gram) else gram
        return kind == "common" and not self.align.words[gram].countries and written == written.lower()

    def names_family(self, gram: str, family: str) -> bool:
        """A bare phrase names a family by one of its nouns ('tanks': Military Forces) or its name's words
        ('high school students': Students), never by co-occurrence alone ('jihadists' beside the police)."""
        words = gram.lower().split()
        if family in self.nouns:
            return bool({words[-1], " ".join(words[-2:])} & self.nouns[family])
        return self.align.shares_words(gram, family)

    def options(self, gram: str, kind: str) -> list[Choice]:
        per_target = self.linked.get(gram, Counter())
        count = self.align.counts[gram]
        bare = self.bare(gram, kind)
        out = [Choice(t, n, n / count, self.align.target_counts[t]) for t, n in per_target.items()
               if not (bare and t in self.families)]
        if kind == "common":
            summed: Counter[str] = Counter()
            for target, n in per_target.items():
                if target in self.families:
                    summed[self.families[target]] += n
            out += [Choice(f, n, n / count, self.family_base[f]) for f, n in summed.items()
                    if not bare or self.names_family(gram, f)]
        total = len(self.align.grams)
        return [c for c in out if self._reliable(gram, c) and c.precision * total / c.base >= self.settings.min_lift]

    def _reliable(self, gram: str, choice: Choice) -> bool:
        """Enough evidence: less for an n-gram that shares a word with the actor's name than for one that only
        co-occurs with it (those need both higher precision and more notes)."""
        if choice.target in self.align.targets and self.align.shares_words(gram, choice.target):
            return choice.support >= self.settings.min_support and \
                choice.precision >= self.settings.min_precision_shared
        return choice.support >= self.settings.min_support_unshared and \
            choice.precision >= self.settings.min_precision

    def choose(self, gram: str, kind: str) -> Choice | None:
        found = self.options(gram, kind)
        return min(found, key=lambda c: (c.base, c.target)) if found else None


# --- from notes to aliases ---------------------------------------------------------------------------------


def head_groups(curated: Curated) -> dict[str, str]:
    """Head nouns that name one kind group ('authorities': state, 'villagers': civilians, 'drones': state)."""
    out: dict[str, str] = {}
    for spec in curated.generic:
        group = GENERIC_GROUPS.get(spec.key)
        for noun in spec.nouns:
            if group and noun.lower() not in AMBIGUOUS_HEADS:
                out.setdefault(noun.lower(), group)
    for noun, kind in curated.head_kinds.items():
        group = KIND_GROUPS.get(kind)
        if group and noun not in AMBIGUOUS_HEADS:
            out.setdefault(noun, group)
    return out


def excluded_words(places: Iterable[str], table: Countries) -> set[str]:
    """Place names (and every run of words inside them), country names and demonyms: never an alias alone."""
    out: set[str] = set()
    for place in places:
        words = fold_name(place).replace("'", "").split()
        out.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    for country in table.by_code.values():
        out.update(fold_name(w) for w in (country.name, *country.aliases, *country.demonyms))
    out.discard("")
    return out


def weapons(curated: Curated) -> set[str]:
    """Nouns that name a weapon, not a side, without a country ('drones', 'UAVs'): never an alias alone."""
    return {fold_name(noun) for spec in curated.generic for noun in spec.means}


def _excluded(gram: str, excluded: set[str]) -> bool:
    """A place, a country or its people ('Israel's', 'U.S', 'Americans') names no actor alone."""
    key = fold_name(gram)
    forms = {key, key.removesuffix("'s"), key.removesuffix("s"), key + ".", key.replace(".", ""), key.replace("'", "")}
    return bool(forms & excluded) or len(key) < 2


def by_demonym(choice: Choice, surface: str, generic_families: Mapping[str, str], targets: Mapping[str, Target],
               curated: Curated, table: Countries) -> str:
    """A generic family alias that starts with a demonym names that country's member ('Israeli tanks')."""
    key = generic_families.get(choice.target)
    code = table.code_of(surface.split()[0].removesuffix("'s"))
    country = table.get(code)
    spec = next((g for g in curated.generic if g.key == key), None)
    if spec is None or country is None:
        return choice.target
    name = spec.name_for(country)
    known = targets.get(name_key(name))
    return known.id if known else slug(name)


@dataclass
class Notes:
    """The train notes as candidate n-grams, with what ACLED coded on each."""

    texts: Sequence[str]
    grams: list[dict[str, tuple[str, str]]]
    counts: Counter[str]
    surface: dict[str, Counter[str]]
    kinds: dict[str, str]
    lower: Counter[str]
    """How often each word is written in lower case: a capitalised common word is no name ('Rioting')."""
    initial: Counter[str]
    """How often each word opens a sentence: a word only capitalised there is no name ('Displacement:')."""

    @classmethod
    def read(cls, texts: Sequence[str], heads: frozenset[str], settings: LearnSettings) -> Notes:
        grams = [note_ngrams(t, heads, settings.max_ngram) for t in texts]
        counts: Counter[str] = Counter(k for g in grams for k in g)
        kept = [{k: v for k, v in g.items() if counts[k] >= settings.min_support} for g in grams]
        surface: dict[str, Counter[str]] = defaultdict(Counter)
        kinds: dict[str, str] = {}
        for note in kept:
            for key, (text, kind) in note.items():
                surface[key][text] += 1
                kinds[key] = kind
        lower = Counter(w for t in texts for w in _TOKEN.findall(t) if w.islower())
        initial = Counter(token_key(toks[0]) for t in texts for c in _SENTENCES.split(t) if (toks := tokens(c)))
        return cls(texts, kept, counts, surface, kinds, lower, initial)

    def common_word(self, gram: str, initial_share: float) -> bool:
        """A one-word name that the notes write in lower case at least as often ('Rioting', 'Woman'), or capitalised
        only where it starts a sentence, in at least `initial_share` of its uses."""
        if " " in gram or self.kinds.get(gram) != "proper":
            return False
        return self.lower[gram.lower()] >= self.counts[gram] or self.initial[gram] >= initial_share * self.counts[gram]


def learn_aliases(texts: Sequence[str], coded: Sequence[set[str]], targets: Sequence[Target], places: Iterable[str],
                  curated: Curated, table: Countries, settings: LearnSettings) -> list[LearnedAlias]:
    """Aliases of actors from the notes (see the module's docstring)."""
    notes = Notes.read(texts, curated.alias_heads, settings)
    generic = curated.generic_words | curated.alias_heads | STOPWORDS | PARTICLES
    words = {g: Words.of(g, table, generic) for g in notes.kinds}
    words.update({t.id: Words.of(t.key, table, generic, initials=True) for t in targets})
    align = Alignment(notes.grams, [set(c) for c in coded], notes.counts, {t.id: t for t in targets},
                      head_groups(curated), words)
    families = {t.id: t.family for t in targets if t.family}
    nouns = {slug(g.family): frozenset(n.lower() for n in g.nouns) for g in curated.generic}
    linked = align.link(settings.min_precision_shared / 2, Colink.of(settings))
    chooser = Chooser(align, linked, families, settings, notes.surface, nouns)
    excluded = excluded_words(places, table) | contained(notes.counts, settings.containment) | weapons(curated)
    generic_families = {slug(g.family): g.key for g in curated.generic}
    by_key = {t.key: t for t in targets}
    out = []
    for gram, kind in sorted(notes.kinds.items()):
        choice = chooser.choose(gram, kind)
        if choice is None or _excluded(gram, excluded) or notes.common_word(gram, settings.initial_share):
            continue
        text = notes.surface[gram].most_common(1)[0][0]
        target = by_demonym(choice, text, generic_families, by_key, curated, table)
        out.append(LearnedAlias(text, target, choice.support, round(choice.precision, 3)))
    return drop_entities(out, notes, settings)


# --- names that spaCy calls places, people or dates ---------------------------------------------------------

NOT_ACTORS = _wordset("PERSON GPE LOC FAC DATE TIME CARDINAL ORDINAL QUANTITY MONEY PERCENT EVENT WORK_OF_ART LAW "
                      "LANGUAGE PRODUCT")
ACTOR_LABELS = _wordset("ORG NORP")


def drop_entities(aliases: list[LearnedAlias], notes: Notes, settings: LearnSettings) -> list[LearnedAlias]:
    """Proper-name aliases that spaCy, on a few notes holding them, mostly labels a place, person or date."""
    samples: dict[str, list[int]] = {}
    for alias in aliases:
        if _proper(alias.alias) and not case_sensitive(alias.alias):
            found = [i for i, t in enumerate(notes.texts) if alias.alias in t]
            samples[alias.alias] = found[:settings.entity_samples]
    wanted = sorted({i for found in samples.values() for i in found})
    labels = dict(zip(wanted, entity_labels([notes.texts[i] for i in wanted]), strict=True))
    bad = set()
    for text, found in samples.items():
        votes = Counter(_label_at(notes.texts[i], text, labels[i]) for i in found)
        if votes["against"] > votes["for"]:
            bad.add(text)
    return [a for a in aliases if a.alias not in bad]


def entity_labels(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) of spaCy's entities in each text."""
    from thucydides.ling.spacy_model import load_model

    nlp = load_model()
    with nlp.select_pipes(enable=[p for p in ("tok2vec", "ner") if p in nlp.pipe_names]):
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=64)]


def _label_at(text: str, alias: str, ents: Sequence[tuple[int, int, str]]) -> str:
    """'for' when an ORG or NORP entity covers the alias's first occurrence, 'against' for a place, person or
    date, 'none' otherwise."""
    start = text.find(alias)
    end = start + len(alias)
    for s, e, label in ents:
        if s < end and start < e:
            return "for" if label in ACTOR_LABELS else "against" if label in NOT_ACTORS else "none"
    return "none"
