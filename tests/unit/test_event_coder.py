"""The learned event coder: loads from a local file, codes sentences we wrote, keeps ACLED's hierarchy, and
names the file when the artefact is missing or broken."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from thucydides.events.coder import DEFAULT_MODEL, EventCoder, EventCoderError, EventGuess, artefact_paths
from thucydides.knowledge.acled import taxonomy

EVENTS = [
    ("Gunmen stormed a farming village at dawn and shot dead eleven villagers in their homes.",
     "Violence against civilians", "Attack"),
    ("Fighter jets bombed a rebel camp near the border on Monday, killing several fighters.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("Hundreds of teachers marched peacefully to the education ministry to demand higher wages.",
     "Protests", "Peaceful protest"),
    ("Army troops clashed with fighters of the rebel movement outside the town, leaving dozens dead on both sides.",
     "Battles", "Armed clash"),
    ("Police arrested the opposition leader and two of his aides at the party's offices in the capital.",
     "Strategic developments", "Arrests"),
    ("The government and the armed group signed a peace agreement in the capital on Friday.",
     "Strategic developments", "Agreement"),
]
NON_EVENTS = [
    "The foreign minister arrived in the capital for a two-day visit to discuss trade and investment.",
    "Parliament approved next year's budget, which raises spending on schools and roads.",
    "Forecasters expect heavy rain and strong winds along the coast this weekend.",
    "The company reported higher quarterly profits thanks to strong demand for its phones.",
]


@pytest.fixture(scope="module")
def local_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The artefact pair copied to a folder of our own: any local file works, not only the packaged one."""
    folder = tmp_path_factory.mktemp("coder")
    for source in artefact_paths(DEFAULT_MODEL):
        shutil.copy(source, folder / source.name)
    return folder / DEFAULT_MODEL.name


@pytest.fixture(scope="module")
def coder(local_copy: Path) -> EventCoder:
    return EventCoder.load(local_copy)


@pytest.mark.parametrize("text, event_type, sub_event_type", EVENTS)
def test_codes_events_we_wrote(coder: EventCoder, text: str, event_type: str, sub_event_type: str) -> None:
    guess = coder.classify([text])[0]
    assert (guess.event_type, guess.sub_event_type) == (event_type, sub_event_type)
    assert 0.0 < guess.confidence <= 1.0


@pytest.mark.parametrize("text", NON_EVENTS)
def test_plain_news_is_no_event(coder: EventCoder, text: str) -> None:
    guess = coder.classify([text])[0]
    assert guess.event_type is None and guess.sub_event_type is None and not guess.is_event
    assert guess.confidence == pytest.approx(1.0 - guess.event_probability)


def test_batch_equals_one_by_one(coder: EventCoder) -> None:
    texts = [t for t, _, _ in EVENTS] + NON_EVENTS
    assert coder.classify(texts) == [coder.classify([t])[0] for t in texts]
    assert coder.classify([]) == []



@pytest.mark.parametrize("threshold", [None, 0.0, 0.5, 1.0])
def test_in_context_batch_equals_one_by_one(coder: EventCoder, threshold: float | None) -> None:
    """Every guess is its own text's and context's, whatever else is scored in the same call."""
    texts = [t for t, _, _ in EVENTS] + NON_EVENTS
    contexts = texts[1:] + texts[:1]
    together = coder.classify_in_context(texts, contexts, 0.4, threshold)
    alone = [coder.classify_in_context([t], [c], 0.4, threshold)[0] for t, c in zip(texts, contexts, strict=True)]
    assert together == alone
    cut = coder.model.threshold if threshold is None else threshold
    for g in together:
        assert g.readings == tuple(sorted(g.readings, key=lambda r: -r[1]))
        assert (g.sub_event_type is None) == (g.event_probability < cut)

def test_the_acled_hierarchy_always_holds(coder: EventCoder) -> None:
    parent = {s: taxonomy().event_type_of(s) for s in taxonomy().sub_event_types}
    odd = ["", "   ", "!!!", "12 34", "attack attack attack protest protest", "x" * 5000, "Zzyzx qwv."]
    guesses: list[EventGuess] = coder.classify([t for t, _, _ in EVENTS] + NON_EVENTS + odd)
    assert set(coder.sub_event_types) <= set(parent)
    for g in guesses:
        assert (g.event_type is None) == (g.sub_event_type is None)
        if g.sub_event_type is not None:
            assert g.event_type == parent[g.sub_event_type]
        assert g.runner_up != g.sub_event_type
        assert g.runner_up is None or g.runner_up in parent
        assert 0.0 <= g.runner_up_confidence <= 1.0 and 0.0 <= g.event_probability <= 1.0


def test_an_acled_note_with_coder_furniture_reads_like_news(coder: EventCoder) -> None:
    """The coder's prefix, the leading date and the size tag are cut, so they cannot decide the type."""
    plain = "Protesters gathered outside the town hall to oppose the new water tariffs."
    note = f"Other: On 3 April 2021, {plain} [size=no report]"
    assert coder.probabilities([note]).tolist() == coder.probabilities([plain]).tolist()


def test_a_threshold_of_one_codes_nothing(local_copy: Path, tmp_path: Path) -> None:
    """The event threshold is the model's metadata, not code: a stricter one finds fewer events."""
    coder = EventCoder.load(local_copy)
    strict = EventCoder(type(coder.model)(**{**coder.model.__dict__, "threshold": 1.01}))
    assert not any(g.is_event for g in strict.classify([t for t, _, _ in EVENTS]))


def test_missing_artefact_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(EventCoderError, match=str(tmp_path / "absent.json")):
        EventCoder.load(tmp_path / "absent.npz")


def _copy(local_copy: Path, folder: Path) -> tuple[Path, Path]:
    npz, meta = artefact_paths(local_copy)
    shutil.copy(npz, folder / npz.name)
    shutil.copy(meta, folder / meta.name)
    return folder / npz.name, folder / meta.name


def test_corrupt_arrays_name_the_file(local_copy: Path, tmp_path: Path) -> None:
    npz, _ = _copy(local_copy, tmp_path)
    npz.write_bytes(b"not a zip at all")
    with pytest.raises(EventCoderError, match=str(npz)):
        EventCoder.load(npz)


def test_arrays_from_another_training_are_refused(local_copy: Path, tmp_path: Path) -> None:
    npz, meta = _copy(local_copy, tmp_path)
    raw = json.loads(meta.read_text(encoding="utf-8"))
    raw["arrays_sha256"] = "0" * 64
    meta.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(EventCoderError, match=str(npz)):
        EventCoder.load(meta)


def test_corrupt_metadata_names_the_file(local_copy: Path, tmp_path: Path) -> None:
    npz, meta = _copy(local_copy, tmp_path)
    meta.write_text("{ this is not json", encoding="utf-8")
    with pytest.raises(EventCoderError, match=str(meta)):
        EventCoder.load(npz)
    meta.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(EventCoderError, match=str(meta)):
        EventCoder.load(npz)


def test_names_inside_a_sentence_become_one_token_when_the_features_ask() -> None:
    """With `Features.names`, which town or which group it was is no feature; the first word, day and month names
    and lower-case words stay as they are."""
    from thucydides.events.coder import Features, normalise

    text = "Militiamen of the Northern Hills Front raided Kelmora (Upper Vale) on Friday, said John Smith."
    assert normalise(text, names=True) == "militiamen of the name raided name (name) on when, said name."
    assert normalise(text) == normalise(text, names=False)
    assert "kelmora" in Features().words(text) and "kelmora" not in Features(names=1).words(text)
    assert "names" not in Features().to_json() and Features(names=1).to_json()["names"] == 1


def test_typeset_punctuation_reads_as_plain_when_the_features_ask() -> None:
    """A curly apostrophe or quote (news is typeset, ACLED's notes are not) is no feature of its own with
    `Features.typography`; artefacts trained without it read text as before."""
    from thucydides.events.coder import Features

    curly = "The region\u2019s governor said \u201cfighters\u201d attacked the depot \u2013 and left."
    plain = "The region's governor said \"fighters\" attacked the depot - and left."
    assert Features(typography=1).grams(curly) == Features(typography=1).grams(plain)
    assert "w:region\u2019s" in Features().grams(curly) and "w:region's" in Features().grams(plain)
    assert "typography" not in Features().to_json() and Features(typography=1).to_json()["typography"] == 1


def test_telling_words_are_no_features_when_the_features_ask() -> None:
    """With `Features.style`, attribution and the day a report gives ('on Sunday, the mayor said') make no
    feature, so a report told as news and the same report told as a note differ only in what happened."""
    from thucydides.events.coder import Features

    news = "Raiders burned a grain store near the river on Sunday, the mayor told reporters, according to radio."
    note = "Raiders burned a grain store near the river on, the mayor reporters, to radio."
    style = Features(style=1)
    assert style.grams(news) == style.grams(note)
    assert "w:told" in Features().grams(news) and "w:told" not in style.grams(news)
    assert "w:when" in Features().grams(news) and "w:when" not in style.grams(news)
    assert "style" not in Features().to_json() and style.to_json()["style"] == 1


def test_articles_and_auxiliaries_are_no_features_at_style_two() -> None:
    """`Features.style` 2 also drops the articles, auxiliaries and possessives that news writes and terse notes
    leave out; level 1 keeps them."""
    from thucydides.events.coder import Features

    news = "The town\u2019s guards have also fired on a crowd, the mayor said."
    terse = "Town guards fired on crowd, mayor."
    assert Features(style=2).words(news) == Features(style=2).words(terse)
    assert "the" in Features(style=1).words(news) and "also" in Features(style=1).words(news)


def test_roc_auc_ranks_scores_and_counts_ties_half() -> None:
    from thucydides.learn.metrics import roc_auc

    assert roc_auc([0.9, 0.8, 0.2, 0.1], [True, True, False, False]) == 1.0
    assert roc_auc([0.1, 0.2, 0.8, 0.9], [True, True, False, False]) == 0.0
    assert roc_auc([0.5, 0.5], [True, False]) == 0.5
    assert roc_auc([0.9, 0.3, 0.6, 0.2], [True, True, False, False]) == 0.75
    assert roc_auc([0.3, 0.4], [False, False]) is None
