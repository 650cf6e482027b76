"""The learned event coder: does a unit of text (a sentence, a clause, an ACLED note) report an ACLED event,
and of which event type and sub-event type?

A linear model over word and character n-grams, trained on ACLED's coded notes and on real news sentences
that report no event (`thucydides train events`; see docs/models/event_coder.md). The artefact is a pair of
files, an `.npz` of arrays (vocabulary, idf, weights) and a `.json` of metadata; nothing is pickled and
nothing is downloaded. Scoring a batch is one sparse-times-dense product in numpy, so a document's sentences
cost one call.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from thucydides.knowledge import PACKAGE_DATA, read_artefact_json

MODEL_DIR = PACKAGE_DATA / "models"
DEFAULT_MODEL = MODEL_DIR / "event_coder.npz"
FORMAT = "thucydides-event-coder"
VERSION = 2
WORD_CACHE_MAX = 200_000
"""words whose character n-gram ids a coder keeps (then it starts afresh)"""
NO_EVENT = "no event"
"""The label of the class that reports no event (stored in the metadata as null)."""

# ACLED's coders write things that news text never has; they are cut before featurising, at training and at run
# time alike, so the model cannot learn them as cues: a sub-type prefix ("Looting: ..."), trailing tags
# ("[size=no report]"), a leading date clause ("On 1 March 2020," / "As reported on 3 May 2021,").
_CODER_PREFIX = re.compile(r"^\s*[A-Z][A-Za-z/\-]*(?: [A-Za-z/\-]+){0,4}:\s+")
_TAGS = re.compile(r"\[[^\[\]]{0,300}\]")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAYS = r"\d{1,2}(?:\s*[-–]\s*\d{1,2})?"
_LEAD_DATE = re.compile(
    rf"^\s*(?:[A-Za-z ]{{0,30}}?)\b(?:{_DAYS} {_MONTH}|{_MONTH} {_DAYS}),? (?:19|20)\d\d\s*[,:]?\s*",
    re.IGNORECASE,
)
_CALENDAR = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|june|july|august|"
    r"september|october|november|december|sept?|oct|nov|dec|jan|feb|aug)\b\.?")
"""Day and month names: news says 'on Monday' where ACLED's notes give a date, so the model would learn the
names as a mark of news that reports no event; they say when, never what (like digits). 'March' and 'May'
stay: they are also a protest and a modal."""
_WORD = re.compile(r"\w+(?:['’]\w+)?")
_CAPITALISED = r"(?:al-|el-)?[A-Z][\w\-]*(?:['’.]\w+)*"
_NAME = re.compile(rf"(?<=[\w,;:)] | \(){_CAPITALISED}(?: (?:of |bin |de )?{_CAPITALISED})*")
"""A run of capitalised words inside a sentence (not its first word): the names of people, groups and places,
which differ from one war to the next ('of' and Arabic articles inside a name, not at its end)."""
NAME_TOKEN = "name"
_STYLE_WORDS = frozenset({"said", "says", "say", "saying", "told", "tells", "according", "when"})
"""Words that mark how news tells a happening, not what happened: attribution ('police said', 'according to')
and the calendar token 'when' ('on Monday'). ACLED's notes seldom have them and the no-event news always may, so
a model that sees them learns 'news, hence no event' (`Features.style`)."""
_STYLE_WORDS_2 = _STYLE_WORDS | {"the", "a", "an", "is", "are", "has", "have", "also"}
"""`_STYLE_WORDS` and the articles and auxiliaries that news writes and ACLED's terse notes often leave out
(`Features.style` 2)."""
_POSSESSIVE = re.compile(r"['’]s$")
_DIGITS = re.compile(r"\d")


class EventCoderError(RuntimeError):
    """The coder's artefact is missing or unusable; the message names the file."""


def without_tags(text: str) -> str:
    """An ACLED note without its bracketed coder tags ('[size=no report]'), which no sentence splitter knows."""
    return _TAGS.sub(" ", text).strip()


def without_furniture(text: str) -> str:
    """A note without ACLED's coder furniture: its sub-type prefix, bracketed tags and leading date clause."""
    text = _CODER_PREFIX.sub("", text, count=1)
    text = _TAGS.sub(" ", text)
    return _LEAD_DATE.sub("", text, count=1)


_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                             "\u2014": "-", "\u00a0": " "})
"""Curly quotes, dashes and no-break spaces as their plain forms: news is typeset, ACLED's notes are not, so
a curly apostrophe would teach the model 'news, hence no event' (it is the strongest such cue of version 2)."""


def plain_typography(text: str) -> str:
    """The text with typeset punctuation in its plain keyboard form (see `_TYPOGRAPHY`)."""
    return text.translate(_TYPOGRAPHY)


def normalise(text: str, names: bool = False, typography: bool = False) -> str:
    """The text the model sees: coder furniture cut, lower case, every digit a 0 and every day or month name
    'when' (counts and dates are not types); with `names`, every run of capitalised words inside the text one
    token 'name' (a name says which war, not what happened in it); with `typography`, typeset punctuation plain."""
    text = without_furniture(text)
    if typography:
        text = plain_typography(text)
    if names:
        text = _NAME.sub(_masked, text)
    return _CALENDAR.sub("when", _DIGITS.sub("0", text.lower()))


def _masked(match: re.Match[str]) -> str:
    """A name's words as one 'name' token; a day or month name stays itself (it becomes 'when')."""
    return match.group(0) if _CALENDAR.fullmatch(match.group(0).lower()) else NAME_TOKEN


@dataclass(frozen=True)
class Features:
    """Which n-grams make a text's features; stored in the artefact so training and run time agree."""

    word_min: int = 1
    word_max: int = 2
    char_min: int = 3
    char_max: int = 5
    furniture: int = 1
    """1: cut ACLED's coder furniture first (see `normalise`); 0 keeps it (only to measure the leak)"""
    names: int = 0
    """1: runs of capitalised words inside a text are one token 'name' (see `normalise`)"""
    typography: int = 0
    """1: curly quotes and dashes read as plain ones (see `plain_typography`); 0 in artefacts before version 3"""
    style: int = 0
    """1: attribution and calendar words (`_STYLE_WORDS`) are dropped, so how a text is told is no cue; 2: also
    articles and auxiliaries (`_STYLE_WORDS_2`) and a possessive 's; 0 in artefacts before version 3"""

    def words(self, text: str) -> list[str]:
        if not self.furniture:
            return _WORD.findall(_DIGITS.sub("0", text.lower()))
        words = _WORD.findall(normalise(text, bool(self.names), bool(self.typography)))
        return _plain_style(words, self.style) if self.style else words

    def word_grams(self, words: Sequence[str]) -> list[str]:
        return [f"w:{' '.join(words[i:i + n])}" for n in range(self.word_min, self.word_max + 1)
                for i in range(len(words) - n + 1)]

    def char_grams(self, word: str) -> list[str]:
        """Character n-grams inside one word, padded with a space at each end."""
        padded = f" {word} "
        return [f"c:{padded[i:i + n]}" for n in range(self.char_min, self.char_max + 1)
                for i in range(len(padded) - n + 1)]

    def grams(self, text: str) -> list[str]:
        """Word n-grams ('w:') and character n-grams inside word boundaries ('c:') of the normalised text."""
        words = self.words(text)
        return self.word_grams(words) + [g for word in words for g in self.char_grams(word)]

    def to_json(self) -> dict[str, int]:
        out = {"word_min": self.word_min, "word_max": self.word_max,
               "char_min": self.char_min, "char_max": self.char_max, "furniture": self.furniture}
        extra = {k: v for k, v in (("names", self.names), ("typography", self.typography),
                                              ("style", self.style)) if v}
        return {**out, **extra}


def _plain_style(words: list[str], level: int) -> list[str]:
    """The words without those that say how a text is told (`Features.style`)."""
    if level < 2:
        return [w for w in words if w not in _STYLE_WORDS]
    return [_POSSESSIVE.sub("", w) for w in words if w not in _STYLE_WORDS_2]


@dataclass(frozen=True)
class SparseRows:
    """A batch of texts as CSR arrays (indptr, indices, values): no scipy needed at run time."""

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1


def vectorise(texts: Sequence[str], features: Features, vocab: dict[str, int], idf: np.ndarray,
              word_cache: dict[str, WordIds] | None = None) -> SparseRows:
    """tf-idf rows (sublinear tf, L2-normalised) of the features the vocabulary knows; unknown n-grams drop
    out. A word's own id and its character n-grams' ids are looked up once and kept in `word_cache` (news
    repeats its words)."""
    cache = {} if word_cache is None else word_cache
    indptr = [0]
    indices: list[int] = []
    counts: list[int] = []
    for text in texts:
        words = features.words(text)
        known = [cache.get(w) or _word_ids(w, features, vocab, cache) for w in words]
        ids = _word_gram_ids(words, known, features, vocab)
        for _, chars in known:
            ids.extend(chars)
        tally = Counter(ids)
        indices.extend(tally.keys())
        counts.extend(tally.values())
        indptr.append(len(indices))
    idx = np.asarray(indices, dtype=np.int64)
    values = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * idf[idx]
    ptr = np.asarray(indptr, dtype=np.int64)
    norms = np.sqrt(_row_sums(values ** 2, ptr))
    values /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(ptr))
    return SparseRows(ptr, idx, values)


WordIds = tuple[int | None, list[int]]
"""A word's own feature id (None: unknown) and the ids of its known character n-grams."""


def _word_ids(word: str, features: Features, vocab: dict[str, int], cache: dict[str, WordIds]) -> WordIds:
    chars = [i for i in map(vocab.get, features.char_grams(word)) if i is not None]
    ids = cache[word] = (vocab.get(f"w:{word}"), chars)
    return ids


def _word_gram_ids(words: list[str], known: list[WordIds], features: Features, vocab: dict[str, int]) -> list[int]:
    """The ids of the text's word n-grams, in `Features.word_grams` order: single words from the cache."""
    ids: list[int] = []
    for n in range(features.word_min, features.word_max + 1):
        if n == 1:
            ids.extend(u for u, _ in known if u is not None)
        else:
            grams = [f"w:{' '.join(words[i:i + n])}" for i in range(len(words) - n + 1)]
            ids.extend(i for i in map(vocab.get, grams) if i is not None)
    return ids


def _row_sums(values: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """Per-row sums of a CSR value array (empty rows sum to 0)."""
    lengths = indptr[1:] - indptr[:-1]
    if len(lengths) and lengths.all():  # every row has a value: one call (the usual case)
        return np.add.reduceat(values, indptr[:-1], axis=0)
    out = np.zeros((len(indptr) - 1,) + values.shape[1:], dtype=np.float64)
    nonempty = np.flatnonzero(lengths)
    if len(nonempty):
        out[nonempty] = np.add.reduceat(values, indptr[:-1][nonempty], axis=0)
    return out


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class EventGuess:
    """What the coder says about one unit of text.

    `event_type`/`sub_event_type` are None when the unit reports no event. `confidence` is the calibrated
    probability of the sub-event type given (or, for no event, of no event). The runner-up is the next most
    likely sub-event type (None = no event), so a caller can keep a close call open.
    """

    event_type: str | None
    sub_event_type: str | None
    confidence: float
    event_probability: float
    """calibrated probability that the unit reports any event at all"""
    runner_up: str | None
    runner_up_confidence: float
    readings: tuple[tuple[str, float], ...] = ()
    """every sub-event type with its probability, likeliest first: a caller that learns more (the actors)
    may re-choose among them"""

    @property
    def is_event(self) -> bool:
        return self.sub_event_type is not None


@dataclass(frozen=True)
class CoderModel:
    """The arrays and metadata of one trained artefact."""

    features: Features
    vocab: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    subs: tuple[str | None, ...]
    """the class labels, in weight-column order: ACLED sub-event types, None for no event"""
    event_type_of: dict[str, str]
    temperature: float
    threshold: float
    """a unit reports an event when P(any event) is at least this"""
    meta: dict[str, object]


class EventCoder:
    """Classifies units of text into ACLED event types and sub-event types, or no event."""

    def __init__(self, model: CoderModel) -> None:
        self.model = model
        self._none = model.subs.index(None)
        self._types = tuple(sorted(set(model.event_type_of.values())))
        type_index = {t: i for i, t in enumerate(self._types)}
        self._type_of_class = np.array([-1 if s is None else type_index[model.event_type_of[s]]
                                        for s in model.subs])
        self._word_cache: dict[str, WordIds] = {}
        kinds = self._type_of_class.tolist()
        members = [[c for c, kind in enumerate(kinds) if kind == t] for t in range(len(self._types))]
        width = max(len(m) for m in members)
        self._type_columns = np.array([m + [len(model.subs)] * (width - len(m)) for m in members], dtype=np.int64)
        """Each event type's classes in column order, padded with the index of a column of zeros."""

    @classmethod
    def load(cls, path: Path | None = None) -> EventCoder:
        """The packaged artefact, or the one at `path` (either file of the .npz/.json pair); never a download."""
        return cls(read_artefact(path or DEFAULT_MODEL))

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        return tuple(s for s in self.model.subs if s is not None)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated class probabilities, one row per text, columns in `model.subs` order."""
        m = self.model
        if len(self._word_cache) > WORD_CACHE_MAX:
            self._word_cache.clear()
        rows = vectorise(texts, m.features, m.vocab, m.idf, self._word_cache)
        contributions = m.weights.take(rows.indices, axis=0).astype(np.float64)
        contributions *= rows.values[:, None]
        logits = _row_sums(contributions, rows.indptr) + m.bias
        return softmax(logits / m.temperature)

    def classify(self, texts: Sequence[str], threshold: float | None = None) -> list[EventGuess]:
        """One guess per text, scored in one vectorised call; a text is an event when its probability of one
        reaches `threshold` (default: the threshold the model was shipped with)."""
        if not texts:
            return []
        cut = self.model.threshold if threshold is None else threshold
        return self._guesses(self.probabilities(texts), cut)

    def classify_in_context(self, texts: Sequence[str], contexts: Sequence[str], weight: float,
                            threshold: float | None = None) -> list[EventGuess]:
        """Guesses for units of text in their contexts (a sentence in its paragraph): whether a unit tells an
        event is its own reading; which type it is blends its reading with its context's (`weight` of the
        context's), since a short sentence says less about the kind of happening than the passage around it."""
        if not texts:
            return []
        cut = self.model.threshold if threshold is None else threshold
        distinct = list(dict.fromkeys([*texts, *contexts]))  # each read once: a lone sentence is its paragraph
        rows = self.probabilities(distinct)
        row_of = {t: rows[i] for i, t in enumerate(distinct)}
        return self._guesses(np.array([_blend(row_of[t], row_of[c], weight, self._none)
                                       for t, c in zip(texts, contexts, strict=True)]), cut)

    def _guesses(self, probs: np.ndarray, threshold: float) -> list[EventGuess]:
        """Each row's guess: the event type with the most probability mass, then its likeliest sub-type (the
        hierarchy holds); every row at once, each as it would be alone."""
        p_event = 1.0 - probs[:, self._none]
        in_type = np.where(self._type_of_class == np.argmax(self._type_mass(probs), axis=1)[:, None], probs, -1.0)
        chosen = np.where(p_event >= threshold, np.argmax(in_type, axis=1), self._none)
        rest = probs.copy()
        rest[np.arange(len(probs)), chosen] = -1.0
        second = np.argmax(rest, axis=1)
        order = np.argsort(-probs, axis=1, kind="stable")
        subs = self.model.subs
        out = []
        for row, c, s, best_first in zip(probs.tolist(), chosen.tolist(), second.tolist(), order.tolist(), strict=True):
            sub = subs[c]
            out.append(EventGuess(
                event_type=None if sub is None else self.model.event_type_of[sub],
                sub_event_type=sub,
                confidence=row[c],
                event_probability=1.0 - row[self._none],
                runner_up=subs[s],
                runner_up_confidence=row[s],
                readings=tuple((name, row[i]) for i in best_first if (name := subs[i]) is not None),
            ))
        return out

    def _type_mass(self, probs: np.ndarray) -> np.ndarray:
        """Each row's probability summed per event type, class by class in column order, as `np.bincount` adds a
        row's weights (a padding column of zeros evens out the types), so no row's sums depend on the others."""
        padded = np.concatenate([probs, np.zeros((len(probs), 1))], axis=1)
        mass = padded[:, self._type_columns[:, 0]]
        for k in range(1, self._type_columns.shape[1]):
            mass += padded[:, self._type_columns[:, k]]
        return mass


def _blend(row: np.ndarray, whole: np.ndarray, weight: float, none: int) -> np.ndarray:
    """The unit's probability of no event, and its event probability shared out over the types as a mix of
    its own distribution and its context's. The context weighs in as far as it reads as an event at all: the
    type mix of a passage the coder reads as no event says nothing about the kind of happening."""
    own, ctx = row.copy(), whole.copy()
    own[none] = ctx[none] = 0.0
    if own.sum() <= 0 or ctx.sum() <= 0 or weight <= 0:
        return row
    weight *= 1.0 - float(whole[none])
    mixed = (1 - weight) * own / own.sum() + weight * ctx / ctx.sum()
    out = mixed * (1.0 - row[none])
    out[none] = row[none]
    return out


def artefact_paths(path: Path) -> tuple[Path, Path]:
    """The (.npz, .json) pair that `path` names."""
    return path.with_suffix(".npz"), path.with_suffix(".json")


def read_artefact(path: Path) -> CoderModel:
    """Read and check an artefact pair; anything missing or inconsistent is an EventCoderError naming the file."""
    npz_path, json_path = artefact_paths(Path(path))
    meta = _read_meta(json_path)
    arrays = _read_arrays(npz_path)
    if meta.get("arrays_sha256") != sha256_file(npz_path):
        raise EventCoderError(f"{npz_path}: does not match its metadata {json_path.name} (arrays_sha256 differs)")
    try:
        return _model(meta, arrays)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise EventCoderError(f"{json_path}: malformed event coder metadata: {exc!r}") from exc


def _read_meta(path: Path) -> dict[str, object]:
    return read_artefact_json(path, FORMAT, VERSION, "event coder metadata", "thucydides train events",
                              EventCoderError)


def _read_arrays(path: Path) -> dict[str, np.ndarray]:
    names = ("vocab", "idf", "weights", "bias")
    try:
        with np.load(path, allow_pickle=False) as npz:
            return {name: npz[name] for name in names}
    except FileNotFoundError as exc:
        raise EventCoderError(f"{path}: event coder arrays not found (train one: thucydides train events)") from exc
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError) as exc:
        raise EventCoderError(f"{path}: event coder arrays are unreadable: {exc}") from exc


def _model(meta: dict[str, object], arrays: dict[str, np.ndarray]) -> CoderModel:
    vocab_list = bytes(arrays["vocab"]).decode("utf-8").split("\n")
    labels = meta["classes"]
    event_type_of = meta["event_type_of"]
    if not isinstance(labels, list) or not isinstance(event_type_of, dict):
        raise TypeError("'classes' must be a list and 'event_type_of' a mapping")
    subs = tuple(None if label is None else str(label) for label in labels)
    weights = arrays["weights"]
    if weights.shape != (len(vocab_list), len(subs)) or arrays["idf"].shape != (len(vocab_list),):
        raise ValueError(f"array shapes {weights.shape} do not fit {len(vocab_list)} features, {len(subs)} classes")
    if None not in subs or any(s not in event_type_of for s in subs if s is not None):
        raise ValueError("every class must be a known sub-event type, and one must be no event (null)")
    raw_features = meta["features"]
    if not isinstance(raw_features, dict):
        raise TypeError("'features' must be a mapping")
    return CoderModel(
        features=Features(**{k: int(v) for k, v in raw_features.items()}),
        vocab={g: i for i, g in enumerate(vocab_list)},
        idf=arrays["idf"].astype(np.float64),
        weights=weights,
        bias=arrays["bias"].astype(np.float64),
        subs=subs,
        event_type_of={str(k): str(v) for k, v in event_type_of.items()},
        temperature=float(meta["temperature"]),  # type: ignore[arg-type]
        threshold=float(meta["threshold"]),  # type: ignore[arg-type]
        meta=meta,
    )


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
