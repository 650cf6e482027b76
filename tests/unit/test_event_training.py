"""Training the event coder: reproducible to the byte, and what it writes is what the run time reads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")

from thucydides.events.coder import EventCoder  # noqa: E402
from thucydides.knowledge.news_frames import NewsFrames  # noqa: E402
from thucydides.learn.corpora import CorpusError, Unit  # noqa: E402
from thucydides.learn.events import (  # noqa: E402
    EventTrainingSettings,
    TrainingData,
    choose_threshold,
    fit_model,
    training_data,
    write_artefact,
)

PLACES = ["the northern town", "a market village", "the river port", "the hill district", "the border crossing",
          "the old quarter", "a farming settlement", "the coastal road"]
TEMPLATES = {
    "Peaceful protest": "Several hundred students marched through {} demanding lower fees.",
    "Armed clash": "Soldiers exchanged gunfire with rebel fighters near {} for several hours.",
    "Air/drone strike": "Warplanes carried out air strikes on insurgent positions around {}.",
    None: "The council opened a new library and a sports hall in {} last week.",
}


def _units() -> list[Unit]:
    return [Unit(template.format(place), sub, "acled" if sub else "news", f"{sub}:{i}")
            for sub, template in TEMPLATES.items() for i, place in enumerate(PLACES)]


SETTINGS = EventTrainingSettings(min_df=1, max_features=5000, calibration_share=4, max_iter=200,
                                 ambiguous_stems=(), political_stems=(), news_style_sources=())


def test_same_data_same_seed_same_bytes(tmp_path: Path) -> None:
    units = _units()
    data = TrainingData(units, units[::4])
    paths = []
    for name in ("a", "b"):
        trained = fit_model(data, SETTINGS, seed=7)
        paths.append(write_artefact(trained.model, tmp_path / name / "coder.npz", {"note": "test"}))
    (npz_a, json_a), (npz_b, json_b) = paths
    assert npz_a.read_bytes() == npz_b.read_bytes()
    assert json_a.read_text(encoding="utf-8") == json_b.read_text(encoding="utf-8")


def test_written_artefact_codes_as_the_fitted_model(tmp_path: Path) -> None:
    units = _units()
    trained = fit_model(TrainingData(units, units[::4]), SETTINGS, seed=0)
    npz, _ = write_artefact(trained.model, tmp_path / "coder.npz", {})
    loaded = EventCoder.load(npz)
    texts = [u.text for u in units]
    assert np.allclose(loaded.probabilities(texts), EventCoder(trained.model).probabilities(texts), atol=1e-6)
    new = ["Rebel fighters and soldiers exchanged gunfire near the airport.",
           "The council opened a new sports hall near the airport last week."]
    guesses = loaded.classify(new)
    assert guesses[0].sub_event_type == "Armed clash" and guesses[0].event_type == "Battles"
    assert guesses[1].sub_event_type is None


def test_labels_outside_the_taxonomy_are_refused() -> None:
    units = [*_units(), Unit("A parade of floats went down the high street.", "Carnival", "acled", "x")]
    with pytest.raises(CorpusError, match="Carnival"):
        fit_model(TrainingData(units, []), SETTINGS, seed=0)


def test_a_missing_acled_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="nowhere.csv"):
        training_data(tmp_path / "nowhere.csv", [], [], 10)


def test_a_csv_without_notes_is_named(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="other.csv.*notes"):
        training_data(path, [], [], 10)


def test_threshold_is_chosen_for_f1() -> None:
    p = np.array([0.95, 0.9, 0.8, 0.3, 0.2, 0.1])
    gold = np.array([True, True, False, False, False, False])
    assert 0.8 < choose_threshold(p, gold) <= 0.9


@pytest.mark.parametrize(("option", "missing"), [("--acled", "mine.csv"), ("--news", "gone.xml")])
def test_the_train_command_names_a_missing_input(tmp_path: Path, option: str, missing: str) -> None:
    """An ACLED export or a news file that is not there: exit 2 naming it, no model written. The other input is
    one that is there, so the test does not depend on ../shared (a fresh clone has none)."""
    from typer.testing import CliRunner

    from thucydides.cli.main import app

    present = ["--news", str(_news_file(tmp_path))] if option == "--acled" else []
    result = CliRunner().invoke(app, ["train", "events", option, str(tmp_path / missing), *present,
                                      "--out", str(tmp_path / "coder.npz")])
    assert result.exit_code == 2
    assert missing in result.output
    assert not (tmp_path / "coder.npz").exists()


def test_no_sentence_of_a_voa_test_story_is_training_data() -> None:
    from thucydides.learn.corpora import HandLabel, Story, labelled_voa_units, voa_part

    test_story = next(str(i) for i in range(1000, 2000) if voa_part(str(i)) == "test")
    dev_story = next(str(i) for i in range(1000, 2000) if voa_part(str(i)) == "dev")
    stories = {s: Story(s, "Talks went on all day. Nothing else happened.") for s in (test_story, dev_story)}
    units = list(labelled_voa_units([HandLabel(dev_story, 0, 22, "no event")], stories, "no event"))
    assert [u.text for u in units] == ["Talks went on all day."]
    with pytest.raises(CorpusError, match=f"story {test_story} is in the VOA test part"):
        list(labelled_voa_units([HandLabel(test_story, 0, 22, "no event")], stories, "no event"))


def test_a_gold_event_sentence_replaces_its_hand_label(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    rows = [f"ID{i},Peaceful protest,Students marched in the capital on day {i}." for i in range(40)]
    path.write_text("event_id_cnty,sub_event_type,notes\n" + "\n".join(rows) + "\n", encoding="utf-8")
    hand = [Unit("Gunmen seized the mayor at his home.", None, "voa", "7:0"),
            Unit("The talks went on all day.", None, "voa", "7:40")]
    gold = [Unit("Gunmen seized the mayor at his home.", "Abduction/forced disappearance", "voa", "7:0")]
    data = training_data(path, [], hand, 1000, voa_gold=gold)
    voa = {u.key: u.sub for u in data.units + data.calibration if u.source == "voa"}
    assert voa == {"7:0": "Abduction/forced disappearance", "7:40": None}


def test_the_voa_test_gold_is_never_training_data() -> None:
    from thucydides.learn.events import voa_gold_units

    with pytest.raises(ValueError, match="test part"):
        voa_gold_units("test")


NEWS_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
{}
</articles>
"""
ARTICLE = "<article><url>u{i}</url><text>{text}</text></article>"
NEWS_TEXTS = [
    "The county fair opened on Friday with a pie contest. A deputy arrested a man for driving without a licence.",
    "Health officials said the outbreak had killed three people. Students marched to the town hall in protest.",
    "The library will close early on Monday for repairs to its roof.",
    "A new bridge over the creek is due to open next spring, the mayor said.",
]


def _news_file(tmp_path: Path, name: str = "localnews.xml") -> Path:
    path = tmp_path / name
    articles = "\n".join(ARTICLE.format(i=i, text=t) for i, t in enumerate(NEWS_TEXTS))
    path.write_text(NEWS_XML.format(articles), encoding="utf-8")
    return path


def test_news_sentences_of_one_half_are_read_as_no_event(tmp_path: Path) -> None:
    from thucydides.knowledge.splits import is_fit_half
    from thucydides.learn.corpora import corpus_name, news_negatives

    path = _news_file(tmp_path)
    everything = news_negatives([path], "all")
    assert {u.sub for u in everything} == {None} and {u.source for u in everything} == {"news"}
    assert "The library will close early on Monday for repairs to its roof." in [u.text for u in everything]
    fit, report = news_negatives([path], "fit"), news_negatives([path], "report")
    assert fit and report
    assert sorted(u.key for u in fit + report) == sorted(u.key for u in everything)
    fit_articles = {i for i in range(len(NEWS_TEXTS)) if is_fit_half(corpus_name(path), i)}
    assert {int(u.key.split(":")[0][4:]) for u in fit} == fit_articles
    assert corpus_name(Path("x/GeoVirus.xml")) == "geovirus" and corpus_name(Path("lgl.xml")) == "lgl"


def test_crime_news_is_kept_at_its_own_weight_and_political_news_left_out(tmp_path: Path) -> None:
    from thucydides.knowledge.splits import is_fit_half
    from thucydides.learn.corpora import news_articles, news_negatives
    from thucydides.learn.events import AMBIGUOUS_NEWS, news_examples, unit_weights

    units = news_negatives([_news_file(tmp_path)], "all")
    stems, political = ("arrest", "kill", "protest"), ("protest", "march")
    kept = {u.text: u.source for u in news_examples(units, stems, political, keep_ambiguous=True)}
    assert kept["A deputy arrested a man for driving without a licence."] == AMBIGUOUS_NEWS
    assert kept["Health officials said the outbreak had killed three people."] == AMBIGUOUS_NEWS
    assert kept["The library will close early on Monday for repairs to its roof."] == "news"
    assert "Students marched to the town hall in protest." not in kept
    assert not any(s == AMBIGUOUS_NEWS for s in
                   {u.text: u.source for u in news_examples(units, stems, political)}.values())
    path = tmp_path / "localnews.xml"
    halves = {h: [u for u in news_examples(units, stems, political, True, {k for k, _ in news_articles([path], h)})
                  if u.source == AMBIGUOUS_NEWS] for h in ("fit", "report")}
    assert len(halves["fit"]) + len(halves["report"]) == 2
    assert all(is_fit_half("localnews", int(u.key.split(":")[0][4:])) for u in halves["fit"])
    chosen = news_examples(units, stems, political, keep_ambiguous=True)
    w = unit_weights(chosen, 0.0, 3.0, 1.0)
    plain = next(i for i, u in enumerate(chosen) if u.source == "news")
    crime = next(i for i, u in enumerate(chosen) if u.source == AMBIGUOUS_NEWS)
    assert w[plain] == pytest.approx(3 * w[crime])


def test_a_multi_sentence_note_lends_its_first_sentence_alone_with_its_label() -> None:
    from thucydides.learn.events import NOTE_SENTENCE, note_sentence_units, unit_weights

    notes = [Unit("Soldiers exchanged gunfire with rebel fighters near the hill district on Monday. Two soldiers "
                  "died of their wounds later. [size=no report]", "Armed clash", "acled", "n1"),
             Unit("Several hundred students marched through the old quarter demanding lower fees.",
                  "Peaceful protest", "acled", "n2"),
             Unit("The council opened a new library. It also opened a sports hall.", None, "news", "n3")]
    units = note_sentence_units(notes)
    assert [(u.text, u.sub, u.source, u.key) for u in units] == [
        ("Soldiers exchanged gunfire with rebel fighters near the hill district on Monday.", "Armed clash",
         NOTE_SENTENCE, "n1:s0")]
    w = unit_weights([*notes[:2], *units], 0.0, 3.0, 1.0, note_sentence_weight=0.5)
    assert w[2] == pytest.approx(0.5 * w[0])


def test_an_event_note_is_retold_as_news_with_its_label_and_weight() -> None:
    """A note's first sentence, its leading date and tags cut, comes back with a weekday and, in most
    arrangements, an attribution; only event notes are retold, one in `share`, at their own weight."""
    from thucydides.learn.events import NEWS_STYLE, news_style, news_style_units, unit_weights

    note = ("On 4 June 2022, soldiers exchanged gunfire with rebel fighters near the hill district (Lower Vale). "
            "3 soldiers died of their wounds later. [size=no report]")
    told = [news_style(note, ("officials", "the army"), pick) for pick in range(8)]
    assert told[0] == ("Soldiers exchanged gunfire with rebel fighters near the hill district (Lower Vale) on Monday, "
                       "officials said.")
    assert told[1] == ("Officials said soldiers exchanged gunfire with rebel fighters near the hill district "
                       "(Lower Vale) on Tuesday.")
    assert all(t is not None and "2022" not in t and "size" not in t and "wounds" not in t for t in told)
    assert any("the army said" in (t or "") for t in told)
    assert news_style("On 4 June 2022, calm.", ("officials",), 0) is None
    assert news_style(note, (), 0) is None
    notes = [Unit(note, "Armed clash", "acled", f"n{i}") for i in range(40)]
    notes.append(Unit("The council opened a new library in the old quarter.", None, "news", "x"))
    every = news_style_units(notes, 1, ("officials",))
    assert len(every) == 40 and {(u.sub, u.source) for u in every} == {("Armed clash", NEWS_STYLE)}
    some = news_style_units(notes, 3, ("officials",))
    assert 0 < len(some) < 40 and {u.key for u in some} <= {u.key for u in every}
    assert news_style_units(notes, 0, ("officials",)) == []
    w = unit_weights([notes[0], every[0]], 0.0, 3.0, news_style_weight=0.5)
    assert w[1] == pytest.approx(0.5 * w[0])


def test_gold_sentences_train_as_events_and_their_uncovered_neighbours_as_no_event() -> None:
    from thucydides.learn.evaluate import VoaSentence
    from thucydides.learn.events import sentence_units

    sentences = [VoaSentence("s1", 0, 44, "Rebels shelled the river port on Sunday night.", ("Shelling/artillery/"
                                                                                         "missile attack",), True),
                 VoaSentence("s1", 45, 90, "The shelling was the heaviest in a month.", (), False),
                 VoaSentence("s1", 91, 140, "The minister will visit the region next week.", (), True),
                 VoaSentence("s1", 141, 150, "Photo: AP", (), True)]
    events_only = sentence_units(sentences, "re3d", negatives=False)
    assert [(u.sub, u.source, u.key) for u in events_only] == [("Shelling/artillery/missile attack", "re3d", "s1:0")]
    with_negatives = sentence_units(sentences, "re3d", negatives=True)
    assert [(u.key, u.sub) for u in with_negatives] == [("s1:0", "Shelling/artillery/missile attack"),
                                                         ("s1:91", None)]


def test_gold_sentences_weigh_apart_from_other_news() -> None:
    from thucydides.learn.corpora import Unit
    from thucydides.learn.events import gold_source, unit_weights

    units = [Unit("Rebels shelled the river port on Sunday night.", "Shelling/artillery/missile attack",
                  gold_source("re3d"), "s1:0"),
             Unit("Militiamen shelled a market town at dawn.", "Shelling/artillery/missile attack", "voa", "s2:0"),
             Unit("The ferry to the island resumes on Friday.", None, "news", "n1:0")]
    w = unit_weights(units, 0.0, 3.0, dev_gold_weight=1.0)
    assert w[1] == pytest.approx(3 * w[0]) and w[2] == pytest.approx(w[1])
    assert unit_weights(units, 0.0, 3.0)[0] == pytest.approx(unit_weights(units, 0.0, 3.0)[1])


def test_no_test_part_of_either_gold_is_training_data() -> None:
    from thucydides.learn.events import gold_units

    for corpus in ("voa", "re3d"):
        with pytest.raises(ValueError, match=f"the {corpus} test part"):
            gold_units(corpus, "test", negatives=True)


def test_re3d_gold_is_read_from_its_source_folders(tmp_path: Path) -> None:
    import json

    from thucydides.learn.corpora import gold_events, re3d_part

    (tmp_path / "Agency").mkdir()
    event = {"span": [0, 40], "sub_event_types": ["Armed clash"], "optional": False}
    (tmp_path / "Agency" / "D1.json").write_text(json.dumps({"story": "D1", "events": [event]}), encoding="utf-8")
    assert gold_events(tmp_path) == {}
    read = gold_events(tmp_path, "*/*.json")
    assert [(e.start, e.end, e.subs, e.optional) for e in read["D1"]] == [(0, 40, ("Armed clash",), False)]
    assert {re3d_part(str(i)) for i in range(30)} == {"dev", "test"}


def _frame_table() -> NewsFrames:
    from thucydides.knowledge.news_frames import Frame, NewsFrames

    violence = frozenset({"Battles", "Explosions/Remote violence"})
    return NewsFrames(
        (Frame("said", "{speaker} said {clause}.", "clause", violence),
         Frame("accused", "{speaker} accused {actor} of {gerund}.", "gerund", violence),
         Frame("reported", "{actor} were reported to have {participle}.", "participle", violence),
         Frame("according", "According to {speaker}, {clause}.", "clause", frozenset({"Protests"}))),
        ("officials", "residents"), 6, frozenset({"that", "which"}), frozenset({"armed"}),
        {"struck": ("striking", "struck")})


def test_a_flat_note_is_wrapped_in_the_news_frames_of_its_event_type() -> None:
    """Frames as the table writes them: the clause as written, the verb as gerund or participle after its
    subject, the speaker and frame chosen by `pick`; a frame needing a verb falls back to the clause frames."""
    from thucydides.learn.events import FRAMED, framed, framed_units, split_at_verb, unit_weights

    table = _frame_table()
    violence = table.for_type("Battles")
    flat = "The armed rebels shelled an army post near the river port"
    assert split_at_verb(flat, table) == ("The armed rebels", "an army post near the river port",
                                          ("shelling", "shelled"))
    told = {framed(flat, violence, table, pick) for pick in range(6)}
    assert told == {"Officials said the armed rebels shelled an army post near the river port.",
                    "Residents said the armed rebels shelled an army post near the river port.",
                    "Officials accused the armed rebels of shelling an army post near the river port.",
                    "Residents accused the armed rebels of shelling an army post near the river port.",
                    "The armed rebels were reported to have shelled an army post near the river port."}
    assert framed(flat, violence, table, 1) == framed(flat, violence, table, 1)
    assert framed("Two jets struck a fuel depot outside the border crossing", violence, table, 1) == (
        "Officials accused two jets of striking a fuel depot outside the border crossing.")
    assert split_at_verb("A mine planted by the militia destroyed a truck", table) == (
        "A mine planted by the militia", "a truck", ("destroying", "destroyed"))
    assert split_at_verb("Fighting that erupted near the hill district spread", table) is None
    assert framed("Fighting that erupted near the hill district spread", violence, table, 0) == (
        "Officials said fighting that erupted near the hill district spread.")
    assert framed(flat, (), table, 0) is None
    type_of = {"Armed clash": "Battles", "Peaceful protest": "Protests", "Arrests": "Strategic developments"}
    notes = [Unit(f"On 4 June 2022, {flat[:1].lower()}{flat[1:]} (Lower Vale). 2 were hurt.", "Armed clash",
                  "acled", f"c{i}") for i in range(30)]
    notes += [Unit("Police arrested two journalists in the old quarter.", "Arrests", "acled", "a"),
              Unit("The council opened a new library in the old quarter.", None, "news", "x")]
    every = framed_units(notes, 1, table, type_of)
    assert len(every) == 30 and {(u.sub, u.source) for u in every} == {("Armed clash", FRAMED)}
    assert all("2022" not in u.text and "hurt" not in u.text and "(Lower Vale)" in u.text for u in every)
    some = framed_units(notes, 3, table, type_of)
    assert 0 < len(some) < 30 and some == framed_units(notes, 3, table, type_of)
    assert {u.key for u in some} <= {u.key for u in every}
    assert framed_units(notes, 0, table, type_of) == []
    w = unit_weights([notes[0], every[0]], 0.0, 3.0, frame_weight=0.5)
    assert w[1] == pytest.approx(0.5 * w[0])


def test_no_event_news_wrapped_in_a_frame_stays_no_event() -> None:
    from thucydides.learn.events import FRAMED_NEWS, framed_negatives

    news = [Unit(f"The council opened a new library in {place}.", None, "news", f"n{i}")
            for i, place in enumerate(PLACES)]
    framed = framed_negatives(news, 1, _frame_table())
    assert [u.sub for u in framed] == [None] * len(PLACES) and {u.source for u in framed} == {FRAMED_NEWS}
    assert all(" said the council opened" in u.text or u.text.startswith("According to") for u in framed)


def test_the_shipped_frame_table_reads() -> None:
    from thucydides.knowledge import KnowledgeError
    from thucydides.knowledge.news_frames import news_frames

    table = news_frames()
    assert {f.form for f in table.frames} == {"clause", "gerund", "participle"}
    assert table.for_type("Battles") and not table.for_type("Protests") and table.speakers
    assert {f.form for f in table.only(("accused",)).frames} == {"gerund"}
    with pytest.raises(KnowledgeError):
        table.only(("no such frame",))


def test_framed_notes_teach_that_a_frame_around_a_happening_is_still_one() -> None:
    """Trained on flat notes and on news that says things, a coder reads 'officials said' as no event; with the
    notes' framed copies (`frame_share`) it reads a framed happening nearly as it reads the flat one."""
    from dataclasses import replace

    from thucydides.learn.events import with_note_variants

    news = [Unit(f"Officials said the council would open a new library in {place}.", None, "news", f"said:{i}")
            for i, place in enumerate(PLACES)]
    data = TrainingData(_units() + news, [])
    flat = "Soldiers exchanged gunfire with rebel fighters near the old quarter for several hours."
    told = "Officials said soldiers exchanged gunfire with rebel fighters near the old quarter for several hours."

    def p_event(settings: EventTrainingSettings) -> np.ndarray:
        model = fit_model(with_note_variants(data, settings), settings, 0).model
        return 1.0 - EventCoder(model).probabilities([flat, told])[:, 0]

    plain, framed = p_event(SETTINGS), p_event(replace(SETTINGS, frame_share=1))
    assert framed[1] > plain[1]
    assert framed[0] - framed[1] < plain[0] - plain[1]
    assert framed[1] > 0.5
