"""Training the event coder (`thucydides train events`): ACLED's coded notes plus real news sentences that
report no event, into the portable artefact that `thucydides.events.coder` reads.

Steps, each reproducible from the seed: read the units; hold out a calibration share of the training units
(by a hash of their key, not at random); build the n-gram vocabulary; fit the learner; fit a softmax temperature
on the calibration share; choose the event threshold on the VOA-dev gold sentences; measure on ACLED dev and
on VOA dev and test; write the arrays and the metadata (with the figures) as a pair of files.
"""

from __future__ import annotations

import io
import json
import re
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize_scalar

from thucydides.events.coder import (
    DEFAULT_MODEL,
    FORMAT,
    NO_EVENT,
    VERSION,
    CoderModel,
    EventCoder,
    Features,
    artefact_paths,
    sha256_file,
    softmax,
    vectorise,
    without_furniture,
    without_tags,
)
from thucydides.knowledge.news_frames import Frame, NewsFrames, news_frames
from thucydides.knowledge.settings import section
from thucydides.knowledge.splits import frame_pick, is_calibration, news_style_pick
from thucydides.learn import corpora
from thucydides.learn.corpora import Unit
from thucydides.learn.evaluate import (
    AcledDev,
    VoaFigures,
    VoaSentence,
    acled_figures,
    gold_sentences,
    re3d_sentences,
    voa_figures,
    voa_sentences,
)
from thucydides.time.lexicon import lexicon as time_lexicon


@dataclass(frozen=True)
class EventTrainingSettings:
    """`learn.events` in settings.yaml: the learner and its hyper-parameters."""

    learner: str = "logreg"
    """logreg (multinomial logistic regression), svm (linear SVM, scores through a fitted softmax) or nb"""
    c: float = 10.0
    """inverse regularisation strength (logreg, svm)"""
    min_df: int = 3
    """an n-gram must occur in this many training units to become a feature"""
    max_features: int = 60000
    """the most frequent n-grams kept (bounds the artefact's size)"""
    class_weight_power: float = 0.8
    """unit weight (mean class size / class size) ** power: 0 keeps ACLED's imbalance, 1 balances fully"""
    news_weight: float = 3.0
    """extra weight on real news sentences (no-event and hand-labelled), which stand for the run-time text"""
    calibration_share: int = 10
    """one training unit in this many (by hash) is held out to fit the softmax temperature"""
    max_iter: int = 300
    features: dict[str, int] = field(default_factory=lambda: Features().to_json())
    ambiguous_stems: tuple[str, ...] = field(kw_only=True)
    """news sentences holding a word that starts with one of these ('kill', 'shot', 'arrest') name violence: they
    are 'no event' examples only with `ambiguous_weight` and only without a political stem (no default: a word
    list is written in the settings file alone; a test that trains on its own sentences gives its own)"""
    political_stems: tuple[str, ...] = field(kw_only=True)
    """a news sentence naming violence (`ambiguous_stems`) and holding a word that starts with one of these
    ('protest', 'troop', 'militia') may report political violence or protest and is never a 'no event' example"""
    ambiguous_weight: float = 0.0
    """the weight (instead of `news_weight`) of news sentences with an ambiguous stem and no political stem
    (ordinary crime, disease deaths); 0 leaves them out of training"""
    news_half: str = "all"
    """the half of the LGL/GeoVirus articles whose sentences are trained on (`knowledge.splits.is_fit_half`): 'fit'
    keeps the report half unseen for `bench/news_events.py` and the geoparsing report; 'all' trains on both"""
    ambiguous_half: str = "fit"
    """the half whose sentences with an ambiguous stem are kept (inside `news_half`): 'fit' keeps the report
    half's crime news unseen while its plain sentences are trained on"""
    note_sentences: bool = False
    """also train on the first sentence of each multi-sentence ACLED note of the fit share, alone, with the note's
    label: news tells a happening in one sentence, often without the outcome that the note's next sentence gives"""
    note_sentence_weight: float = 1.0
    """the weight of such a sentence (an ACLED note's is 1)"""
    voa_dev_gold: bool = False
    """also train on the sentences that the VOA gold's dev part marks as events, with their sub-event type
    (news-told events are what ACLED's notes teach least; VOA-dev figures are then optimistic, VOA test honest)"""
    re3d_dev_gold: bool = False
    """the same for the re3d gold's dev part (re3d-dev figures are then optimistic, re3d test honest)"""
    dev_gold_negatives: bool = False
    """with `voa_dev_gold` or `re3d_dev_gold`, also train on the other sentences of those gold stories (of 20
    characters or more, covered by no gold event, optional ones included) as 'no event': the gold marks each
    happening once, so a re-telling, background or a reaction in a conflict story is what it teaches"""
    dev_gold_weight: float = 3.0
    """the weight of a dev gold unit (`voa_dev_gold`, `re3d_dev_gold`; source `<set>_gold`), apart from
    `news_weight`: a few dozen sentences of one set's telling should not outweigh how the other set tells"""
    news_style_share: int = 0
    """also train on a news-style retelling (`news_style_units`) of one ACLED event note in this many (by hash);
    0: none"""
    news_style_weight: float = 1.0
    """the weight of such a retelling (an ACLED note's is 1)"""
    frame_share: int = 0
    """also train on one ACLED event note in this many (by hash) with its first sentence wrapped in a news frame
    of `data/news_frames.yaml` (`framed_units`); 0: none"""
    frame_weight: float = 1.0
    """the weight of such a framed sentence (an ACLED note's is 1)"""
    frame_names: tuple[str, ...] = ()
    """the frames of `data/news_frames.yaml` used, by name; none: all"""
    frame_negative_share: int = 0
    """also train on one no-event news sentence in this many wrapped in a clause frame, as no event; 0: none"""
    news_style_sources: tuple[str, ...] = field(kw_only=True)
    """who a retelling says told it ('officials', 'police'): news attributes, ACLED's notes seldom say 'said' (no
    default: a word list is written in the settings file alone)"""


AMBIGUOUS_NEWS = "news_ambiguous"
"""the source of a kept news sentence that names violence (ordinary crime, deaths from disease)"""
_SECOND_SENTENCE = re.compile(r"[.!?]\s+[\"'A-Z]")
"""a note the sentence recogniser need read: one where a sentence may end and another begin"""
NOTE_SENTENCE = "acled_sentence"
"""the source of an ACLED note's first sentence trained on alone (`note_sentences`)"""


def _holds(text: str, prefixes: tuple[str, ...]) -> bool:
    return bool(prefixes) and any(w.startswith(prefixes) for w in text.lower().split())


def news_examples(units: Sequence[Unit], ambiguous_stems: Sequence[str], political_stems: Sequence[str] = (),
                  keep_ambiguous: bool = False, ambiguous_articles: Container[str] | None = None) -> list[Unit]:
    """The no-event news units to train on: those naming no violence as they are; those naming violence
    (`ambiguous_stems`) but no politics (`political_stems`) as source `AMBIGUOUS_NEWS` when `keep_ambiguous`
    and their article is one of `ambiguous_articles` (None: any) (local news tells crime as ACLED tells political
    violence, and the coder must learn the difference); those naming violence and politics never."""
    ambiguous = tuple(s.lower() for s in ambiguous_stems)
    political = tuple(s.lower() for s in political_stems)
    out = []
    for u in units:
        if not _holds(u.text, ambiguous):
            out.append(u)
        elif _holds(u.text, political):
            continue
        elif keep_ambiguous and (ambiguous_articles is None or corpora.article_key(u.key) in ambiguous_articles):
            out.append(Unit(u.text, u.sub, AMBIGUOUS_NEWS, u.key))
    return out


@dataclass(frozen=True)
class TrainingData:
    units: list[Unit]
    calibration: list[Unit]


def training_data(acled_csv: Path, news: Sequence[Unit] | None, voa: Sequence[Unit] | None,
                  share: int, ambiguous_stems: Sequence[str] = (), voa_gold: Sequence[Unit] = (),
                  political_stems: Sequence[str] = (), keep_ambiguous: bool = False,
                  ambiguous_articles: Container[str] | None = None) -> TrainingData:
    """ACLED train notes, news no-event sentences, labelled VOA sentences and the dev gold's sentences (`voa_gold`:
    VOA's and re3d's), split fit/calibration; a gold sentence replaces a hand label of the same sentence (the gold
    was annotated later, event by event)."""
    units = corpora.acled_notes(acled_csv, "train")
    units += news_examples(news if news is not None else corpora.news_negatives(), ambiguous_stems,
                           political_stems, keep_ambiguous, ambiguous_articles)
    gold_keys = {u.key for u in voa_gold}
    hand = list(voa) if voa is not None else list(corpora.labelled_voa_units(
        corpora.hand_labels(), corpora.voa_stories(), NO_EVENT))
    units += [u for u in hand if u.key not in gold_keys] + list(voa_gold)
    held = [is_calibration(u.key, share) for u in units]
    return TrainingData([u for u, h in zip(units, held, strict=True) if not h],
                        [u for u, h in zip(units, held, strict=True) if h])


def note_sentence_units(notes: Sequence[Unit]) -> list[Unit]:
    """The first sentence (spaCy's sentence recogniser, after ACLED's bracketed tags) of each ACLED note of more
    than one sentence, with the note's label: ACLED notes lead with the happening and add its outcome, sources
    or context after it, while news often tells the happening in a sentence of its own."""
    events = [u for u in notes if u.sub is not None and _SECOND_SENTENCE.search(without_tags(u.text))]
    cut = [without_tags(u.text) for u in events]
    out = []
    for unit, sentences in zip(events, corpora.split_sentences(cut, full_parse=False), strict=True):
        if len(sentences) > 1 and len(sentences[0].text) >= 20:
            out.append(Unit(sentences[0].text, unit.sub, NOTE_SENTENCE, f"{unit.key}:s0"))
    return out


NEWS_STYLE = "acled_news_style"
"""the source of a news-style retelling of an ACLED note (`news_style_units`)"""
_SENTENCE_END = re.compile(r"[.!?]\s+[\"'A-Z0-9]")
"""where a note's first sentence ends (notes often go on with a figure: '... (Region). 2 were killed.')"""
_ARRANGEMENTS = 4
"""how many ways `news_style` arranges a retelling; the source is picked by the rest of `pick`"""


def _weekdays() -> list[str]:
    """The time lexicon's weekday names, Monday first (its capitals-only forms left out)."""
    days = time_lexicon().weekdays
    return sorted((d for d in days if not d.isupper()), key=days.__getitem__)


def first_sentence(note: str) -> str | None:
    """An ACLED note's first sentence, its coder furniture, leading date and closing stop cut, capitalised; None
    when it is shorter than 20 characters."""
    text = without_furniture(without_tags(note)).strip()
    cut = _SENTENCE_END.search(text)
    first = (text[:cut.start()] if cut else text).strip().rstrip(".!?;:,").strip()
    first = first[:1].upper() + first[1:]
    return first if len(first) >= 20 else None


def news_style(note: str, sources: Sequence[str], pick: int) -> str | None:
    """An ACLED note's first sentence as a news report would tell it: the coder furniture and the leading date
    cut, a weekday ('on Tuesday') and an attribution ('police said') added, in one of four arrangements chosen
    by `pick`. None when the note has no sentence of 20 characters or no source is given. News and notes then
    differ in what happened, not in how it is told, which is what the coder should learn."""
    first = first_sentence(note)
    if first is None or not sources:
        return None
    days = _weekdays()
    day = days[pick % len(days)]
    source = sources[pick // _ARRANGEMENTS % len(sources)]
    arrangements = (f"{first} on {day}, {source} said.",
                    f"{source[:1].upper()}{source[1:]} said {first[:1].lower()}{first[1:]} on {day}.",
                    f"{first} on {day}.",
                    f"{first}, {source} said {day}.")
    return arrangements[pick % _ARRANGEMENTS]


def news_style_units(notes: Sequence[Unit], share: int, sources: Sequence[str]) -> list[Unit]:
    """News-style retellings (`news_style`) of one event note in `share` (by a hash of its key), with the
    note's label: the only news-style event examples otherwise are a handful of hand-labelled sentences, so
    every news habit (a weekday, 'said', a curly quote) reads as 'no event' to the coder."""
    out = []
    for u in notes:
        if u.sub is None or share <= 0:
            continue
        pick = news_style_pick(u.key, share)
        if pick is None:
            continue
        told = news_style(u.text, sources, pick)
        if told is not None:
            out.append(Unit(told, u.sub, NEWS_STYLE, f"{u.key}:news"))
    return out


FRAMED = "acled_framed"
"""the source of an ACLED note's first sentence wrapped in a news frame (`framed_units`)"""
FRAMED_NEWS = "news_framed"
"""the source of a no-event news sentence wrapped in a news frame (`framed_negatives`)"""


def verb_forms(word: str, table: NewsFrames) -> tuple[str, str] | None:
    """(gerund, past participle) of a past-tense word: the table's irregular forms, else the -ed rule ('shelled'
    -> 'shelling', 'carried' -> 'carrying', 'freed' -> 'freeing'); None for a word that is no such verb or that
    the table lists as a subject's modifier ('armed')."""
    w = word.lower()
    if w in table.irregular:
        return table.irregular[w]
    if not w.isalpha() or w in table.adjectives or len(w) < 5 or not w.endswith("ed"):
        return None
    if w.endswith("ied"):
        return f"{w[:-3]}ying", w
    return (f"{w[:-1]}ing" if w.endswith("eed") else f"{w[:-2]}ing"), w


def split_at_verb(sentence: str, table: NewsFrames) -> tuple[str, str, tuple[str, str]] | None:
    """(the words before the first finite verb, the words after it, the verb's gerund and participle): the verb
    is a lower-case past tense (`verb_forms`) within the table's `max_actor` words and not followed by 'by' (a
    participle modifying the subject: 'a bomb planted by ...'). None when there is none before a word that opens a
    clause inside the subject (the table's `relatives`)."""
    words = sentence.split(" ")
    for i, word in enumerate(words[:table.max_actor + 1]):
        followed_by = words[i + 1] if i + 1 < len(words) else ""
        if word.lower() in table.relatives:
            return None
        if i == 0 or not word[:1].islower() or followed_by == "by":
            continue
        forms = verb_forms(word, table)
        if forms is not None:
            return " ".join(words[:i]), " ".join(words[i + 1:]), forms
    return None


def _lowered(text: str) -> str:
    """A sentence's start lowered for the middle of another sentence ('The army' -> 'the army'; 'UN' stays)."""
    head = text.split(" ", 1)[0]
    return text if head[1:2].isupper() else text[:1].lower() + text[1:]


def framed(sentence: str, frames: Sequence[Frame], table: NewsFrames, pick: int) -> str | None:
    """A sentence telling a happening flat, wrapped in one of `frames` (and a speaker) chosen by `pick`; a frame
    that needs the verb (gerund, participle) falls back to the clause frames when `split_at_verb` finds none."""
    split = split_at_verb(sentence, table)
    usable = [f for f in frames if f.form == "clause" or split is not None]
    if not usable:
        return None
    frame = usable[pick % len(usable)]
    slots = {"clause": _lowered(sentence), "speaker": "", "actor": "", "gerund": "", "participle": ""}
    if table.speakers:
        slots["speaker"] = table.speakers[pick // len(usable) % len(table.speakers)]
    if split is not None:
        actor, rest, (gerund, participle) = split
        slots |= {"actor": _lowered(actor), "gerund": f"{gerund} {rest}".strip(),
                  "participle": f"{participle} {rest}".strip()}
    text = frame.template.format(**slots)
    return text[:1].upper() + text[1:]


def framed_units(notes: Sequence[Unit], share: int, table: NewsFrames, type_of: Mapping[str, str]) -> list[Unit]:
    """One event note in `share` (by a hash of its key), its first sentence wrapped in a news frame of the
    table for its event type, with the note's label: news tells a happening through who said, reported, accused
    or condemned it, and the coder should read the happening, not the frame."""
    out = []
    for u in notes:
        pick = None if u.sub is None or share <= 0 else frame_pick(u.key, share)
        first = None if pick is None else first_sentence(u.text)
        if pick is None or first is None or u.sub is None:
            continue
        told = framed(first, table.for_type(type_of.get(u.sub, "")), table, pick)
        if told is not None:
            out.append(Unit(told, u.sub, FRAMED, f"{u.key}:framed"))
    return out


def framed_negatives(news: Sequence[Unit], share: int, table: NewsFrames) -> list[Unit]:
    """One no-event news sentence in `share` wrapped in a clause frame of the table, still 'no event': a frame
    around no happening tells none, so the frame's words stay no cue either way."""
    clause = [f for f in table.frames if f.form == "clause"]
    out = []
    for u in news:
        pick = None if u.sub is not None or share <= 0 else frame_pick(u.key, share)
        if pick is None or not clause:
            continue
        told = framed(u.text.strip().rstrip(".!?;:,").strip(), clause, table, pick)
        if told is not None:
            out.append(Unit(told, None, FRAMED_NEWS, f"{u.key}:framed"))
    return out


def with_note_variants(data: TrainingData, s: EventTrainingSettings) -> TrainingData:
    """The training units plus what the settings ask to derive from the fit share's ACLED notes: their first
    sentences alone (`note_sentences`), their news-style retellings (`news_style_share`) and their first sentences
    in a news frame (`frame_share`; `frame_negative_share` frames no-event news sentences too)."""
    acled = [u for u in data.units if u.source == "acled"]
    extra = note_sentence_units(acled) if s.note_sentences else []
    extra += news_style_units(acled, s.news_style_share, s.news_style_sources)
    if s.frame_share > 0 or s.frame_negative_share > 0:
        table = news_frames().only(s.frame_names)
        extra += framed_units(acled, s.frame_share, table, event_type_of())
        extra += framed_negatives([u for u in data.units if u.source == "news"], s.frame_negative_share, table)
    return TrainingData(data.units + extra, data.calibration)


def voa_gold_units(part: str) -> list[Unit]:
    """The sentences the VOA gold of `part` marks as events, labelled with the first sub-event type the gold
    accepts; the test part is never training data."""
    return gold_units("voa", part)


GOLD_NEGATIVE_MIN_CHARS = 20
"""a gold story's sentence shorter than this (a dateline, a caption) is no 'no event' example (as news negatives)"""


def gold_units(corpus: str, part: str, negatives: bool = False) -> list[Unit]:
    """The sentences that the gold of one annotated news set ('voa', 're3d') and part marks as events, labelled
    with the first sub-event type the gold accepts, and with `negatives` its counted sentences covered by no gold
    event as 'no event'. The source is the set's name, so the units weigh as news; the test part never trains."""
    if part == "test":
        raise ValueError(f"the {corpus} test part is never training data")
    return sentence_units(gold_sentences(corpus, part), gold_source(corpus), negatives)


def gold_source(corpus: str) -> str:
    """The source of a gold unit of one annotated set: its own, so that `dev_gold_weight` weighs it."""
    return f"{corpus}_gold"


def sentence_units(sentences: Sequence[VoaSentence], source: str, negatives: bool) -> list[Unit]:
    """Gold-labelled sentences as units keyed by story and offset: event sentences with their first sub-event
    type; with `negatives`, sentences that no gold event covers (optional ones included) as 'no event'."""
    out = []
    for x in sentences:
        if x.is_event:
            out.append(Unit(x.text, x.subs[0], source, f"{x.story}:{x.start}"))
        elif negatives and x.counted and len(x.text.strip()) >= GOLD_NEGATIVE_MIN_CHARS:
            out.append(Unit(x.text, None, source, f"{x.story}:{x.start}"))
    return out


def dev_gold_units(s: EventTrainingSettings) -> list[Unit]:
    """The dev-part gold units the settings ask for (`voa_dev_gold`, `re3d_dev_gold`, `dev_gold_negatives`)."""
    chosen = [c for c, on in (("voa", s.voa_dev_gold), ("re3d", s.re3d_dev_gold)) if on]
    return [u for c in chosen for u in gold_units(c, "dev", s.dev_gold_negatives)]


def build_vocabulary(texts: Sequence[str], features: Features, min_df: int, max_features: int
                     ) -> tuple[list[str], np.ndarray]:
    """The n-grams in at least `min_df` texts, the `max_features` most frequent (ties by the n-gram), and
    their smoothed idf, as scikit-learn computes it."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(features.grams(text)))
    kept = sorted((g for g, n in df.items() if n >= min_df), key=lambda g: (-df[g], g))[:max_features]
    kept.sort()
    counts = np.array([df[g] for g in kept], dtype=np.float64)
    idf = np.log((1 + len(texts)) / (1 + counts)) + 1.0
    return kept, idf


def design_matrix(texts: Sequence[str], features: Features, vocab: dict[str, int], idf: np.ndarray
                  ) -> sparse.csr_matrix:
    rows = vectorise(texts, features, vocab, idf)
    return sparse.csr_matrix((rows.values, rows.indices, rows.indptr), shape=(rows.n_rows, len(vocab)))


def unit_weights(units: Sequence[Unit], power: float, news_weight: float, ambiguous_weight: float = 1.0,
                 note_sentence_weight: float = 1.0, news_style_weight: float = 1.0,
                 dev_gold_weight: float | None = None, frame_weight: float = 1.0) -> np.ndarray:
    labels = [u.sub or NO_EVENT for u in units]
    sizes = Counter(labels)
    mean = len(labels) / len(sizes)
    w = np.array([(mean / sizes[lab]) ** power for lab in labels])
    by_source = {"acled": 1.0, AMBIGUOUS_NEWS: ambiguous_weight, NOTE_SENTENCE: note_sentence_weight,
                 NEWS_STYLE: news_style_weight, FRAMED: frame_weight}
    gold = news_weight if dev_gold_weight is None else dev_gold_weight
    by_source.update({gold_source(c): gold for c in ("voa", "re3d")})
    w *= np.array([by_source.get(u.source, news_weight) for u in units])
    return w * len(w) / w.sum()


Fitter = Callable[[sparse.csr_matrix, np.ndarray, np.ndarray, EventTrainingSettings, int],
                  tuple[np.ndarray, np.ndarray]]


def _fit_logreg(x: sparse.csr_matrix, y: np.ndarray, w: np.ndarray, s: EventTrainingSettings, seed: int
                ) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=s.c, max_iter=s.max_iter, random_state=seed, tol=1e-4)
    model.fit(x, y, sample_weight=w)
    return model.coef_.T, model.intercept_


def _fit_svm(x: sparse.csr_matrix, y: np.ndarray, w: np.ndarray, s: EventTrainingSettings, seed: int
             ) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.svm import LinearSVC

    model = LinearSVC(C=s.c, max_iter=s.max_iter * 10, random_state=seed)
    model.fit(x, y, sample_weight=w)
    return model.coef_.T, model.intercept_


def _fit_nb(x: sparse.csr_matrix, y: np.ndarray, w: np.ndarray, s: EventTrainingSettings, seed: int
            ) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.naive_bayes import ComplementNB

    model = ComplementNB(alpha=0.3)
    model.fit(x, y, sample_weight=w)
    return model.feature_log_prob_.T, np.zeros(len(model.classes_))


LEARNERS: dict[str, Fitter] = {"logreg": _fit_logreg, "svm": _fit_svm, "nb": _fit_nb}


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The softmax temperature that minimises the log loss on held-out units (Guo et al. 2017)."""
    def loss(log_t: float) -> float:
        p = softmax(logits / np.exp(log_t))
        return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, None))))

    best = minimize_scalar(loss, bounds=(-4.0, 4.0), method="bounded")
    return round(float(np.exp(best.x)), 4)


def event_type_of() -> dict[str, str]:
    from thucydides.knowledge.acled import taxonomy

    t = taxonomy()
    return {sub: t.event_type_of(sub) for sub in t.sub_event_types}


@dataclass
class Trained:
    model: CoderModel
    seconds: float


def fit_model(data: TrainingData, settings: EventTrainingSettings, seed: int) -> Trained:
    """Vocabulary, learner and temperature from the training units alone."""
    started = time.perf_counter()
    features = Features(**settings.features)
    vocab_list, idf = build_vocabulary([u.text for u in data.units], features, settings.min_df,
                                       settings.max_features)
    vocab = {g: i for i, g in enumerate(vocab_list)}
    taxonomy = event_type_of()
    unknown = sorted({u.sub for u in data.units if u.sub is not None and u.sub not in taxonomy})
    if unknown:
        raise corpora.CorpusError(f"training labels outside ACLED's taxonomy: {', '.join(unknown)}")
    subs: tuple[str | None, ...] = (None, *sorted({u.sub for u in data.units if u.sub is not None}))
    index = {s: i for i, s in enumerate(subs)}
    x = design_matrix([u.text for u in data.units], features, vocab, idf)
    y = np.array([index[u.sub] for u in data.units])
    w = unit_weights(data.units, settings.class_weight_power, settings.news_weight, settings.ambiguous_weight,
                     settings.note_sentence_weight, settings.news_style_weight, settings.dev_gold_weight,
                     settings.frame_weight)
    weights, bias = LEARNERS[settings.learner](x, y, w, settings, seed)
    weights = weights.astype(np.float16)
    model = CoderModel(features, vocab, idf, weights, np.asarray(bias, dtype=np.float64), subs, taxonomy,
                       1.0, 0.5, {})
    temperature = _calibrate(model, data.calibration, index)
    model = CoderModel(features, vocab, idf, weights, model.bias, subs, taxonomy, temperature, 0.5, {})
    return Trained(model, time.perf_counter() - started)


def _calibrate(model: CoderModel, calibration: Sequence[Unit], index: dict[str | None, int]) -> float:
    known = [u for u in calibration if u.sub in index]
    if not known:
        return 1.0
    coder = EventCoder(model)
    probs = coder.probabilities([u.text for u in known])
    logits = np.log(np.clip(probs, 1e-300, None))
    return fit_temperature(logits, np.array([index[u.sub] for u in known]))


def choose_threshold(p_event: np.ndarray, gold: np.ndarray) -> float:
    """The P(event) cut that maximises detection F1 on the VOA-dev sentences (the middle of the best plateau)."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    scores = []
    for t in grid:
        pred = p_event >= t
        tp = int(np.sum(pred & gold))
        denominator = int(np.sum(pred)) + int(np.sum(gold))
        scores.append(2 * tp / denominator if denominator else 0.0)
    best = max(scores)
    plateau = grid[[i for i, s in enumerate(scores) if s >= best - 1e-9]]
    return float(plateau[len(plateau) // 2])


def with_threshold(model: CoderModel, threshold: float, meta: dict[str, object]) -> CoderModel:
    return CoderModel(model.features, model.vocab, model.idf, model.weights, model.bias, model.subs,
                      model.event_type_of, model.temperature, threshold, meta)


def write_artefact(model: CoderModel, out: Path, meta: dict[str, object]) -> tuple[Path, Path]:
    """The arrays as a zip with fixed timestamps (same training, same bytes) and the metadata beside it."""
    npz_path, json_path = artefact_paths(out)
    npz_path.parent.mkdir(parents=True, exist_ok=True)
    vocab_bytes = "\n".join(sorted(model.vocab, key=model.vocab.__getitem__)).encode("utf-8")
    arrays = {"vocab": np.frombuffer(vocab_bytes, dtype=np.uint8), "idf": model.idf.astype(np.float32),
              "weights": model.weights.astype(np.float16), "bias": model.bias.astype(np.float32)}
    tmp = npz_path.with_suffix(".npz.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
            zf.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), buffer.getvalue(),
                        compress_type=zipfile.ZIP_DEFLATED)
    tmp.replace(npz_path)
    full = {"format": FORMAT, "version": VERSION, "arrays_sha256": sha256_file(npz_path),
            "classes": list(model.subs), "event_type_of": model.event_type_of,
            "features": model.features.to_json(), "temperature": model.temperature,
            "threshold": model.threshold, **meta}
    json_path.write_text(json.dumps(full, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return npz_path, json_path


@dataclass(frozen=True)
class Figures:
    acled_dev: AcledDev
    voa_dev: VoaFigures
    voa_test: VoaFigures
    re3d_dev: VoaFigures | None = None
    """re3d dev sentences, labelled as VOA's (the re3d test part is read by the pipeline's evaluation alone)"""

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"acled_dev": self.acled_dev.to_json(), "voa_dev": self.voa_dev.to_json(),
                                  "voa_test": self.voa_test.to_json()}
        return out | ({"re3d_dev": self.re3d_dev.to_json()} if self.re3d_dev else {})


@dataclass
class Report:
    npz: Path
    meta: Path
    figures: Figures


def train(acled_csv: Path = corpora.DEFAULT_ACLED, out: Path = DEFAULT_MODEL, seed: int = 0,
          settings: EventTrainingSettings | None = None, log: Callable[[str], None] = print,
          news: Sequence[Path] = corpora.GEOPARSING) -> Report:
    """The whole recipe, from the ACLED export (and the news files whose sentences are no-event examples) to the
    artefact pair with its figures."""
    s = settings or section("learn.events", EventTrainingSettings)
    if s.learner not in LEARNERS:
        raise ValueError(f"learn.events.learner: unknown learner {s.learner!r} (one of {', '.join(LEARNERS)})")
    log(f"reading ACLED train notes, the {s.news_half} half of {len(news)} news file(s) and hand-labelled VOA "
        "sentences ...")
    data = training_data(acled_csv, corpora.news_negatives(news, s.news_half), None, s.calibration_share,
                         s.ambiguous_stems, dev_gold_units(s), s.political_stems,
                         s.ambiguous_weight > 0,
                         None if s.ambiguous_half == "all" else
                         {k for k, _ in corpora.news_articles(news, s.ambiguous_half)})
    data = with_note_variants(data, s)
    log(f"fitting {s.learner} on {len(data.units)} units ({len(data.calibration)} held out for calibration) ...")
    trained = fit_model(data, s, seed)
    log(f"fitted in {trained.seconds:.0f} s; choosing the event threshold on VOA-dev sentences ...")
    coder = EventCoder(trained.model)
    dev_sentences = voa_sentences("dev")
    p_event = 1.0 - coder.probabilities([x.text for x in dev_sentences])[:, 0]
    gold = np.array([x.is_event for x in dev_sentences])
    counted = np.array([x.counted for x in dev_sentences])
    threshold = choose_threshold(p_event[counted], gold[counted])
    coder = EventCoder(with_threshold(trained.model, threshold, {}))
    log("measuring on ACLED dev, VOA dev/test and re3d dev ...")
    figures = Figures(acled_figures(coder, corpora.acled_notes(acled_csv, "dev")),
                      voa_figures(coder, dev_sentences), voa_figures(coder, voa_sentences("test")),
                      voa_figures(coder, re3d_sentences("dev")))
    meta: dict[str, object] = {
        "training": {"learner": s.learner, "seed": seed, "settings": _settings_json(s),
                     "units": dict(Counter(u.source for u in data.units)), "calibration_units": len(data.calibration),
                     "acled_csv_sha256": sha256_file(acled_csv),
                     "news": {p.name: sha256_file(p) for p in news}},
            "figures": figures.to_json(), "credit": CREDIT}
    npz, meta_path = write_artefact(coder.model, out, meta)
    return Report(npz, meta_path, figures)


CREDIT = ("Trained on Armed Conflict Location & Event Data (ACLED), acleddata.com, used under ACLED's terms "
          "(attribution; development and training); news sentences from LGL, GeoVirus and Voice of America.")


def _settings_json(s: EventTrainingSettings) -> dict[str, object]:
    from dataclasses import asdict

    return asdict(s)


def summary(figures: Figures) -> list[str]:
    """The headline figures, one line each, for the command's output."""
    a = figures.acled_dev.as_written
    lines = [f"ACLED dev ({a.n} notes): event type accuracy {a.event_type.accuracy:.3f} (macro F1 "
             f"{a.event_type.macro_f1:.3f}), sub-event type accuracy {a.sub_event_type.accuracy:.3f} (macro F1 "
             f"{a.sub_event_type.macro_f1:.3f}), notes with an event {a.with_event:.3f}"]
    news = (("VOA dev", figures.voa_dev), ("VOA test", figures.voa_test), ("re3d dev", figures.re3d_dev))
    for name, v in ((n, f) for n, f in news if f is not None):
        d = v.detection
        lines.append(f"{name} ({v.sentences} sentences, {v.event_sentences} with an event): detection "
                     f"P {d.precision:.3f} R {d.recall:.3f} F1 {d.f1:.3f}, ROC-AUC {v.roc_auc}")
    return lines
