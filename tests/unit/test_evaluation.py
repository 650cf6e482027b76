"""The evaluation's scoring rules on invented values: actor matching, primary event, splits, VOA and re3d gold."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from thucydides.evaluation import acled, adapter, annotated, geoparse, re3d, voa
from thucydides.evaluation.scoring import (
    NONE_LABEL,
    Rate,
    acled_actor_forms,
    actor_matches,
    fold_name,
    macro_f1,
    median,
    primary_event,
    rate,
)
from thucydides.evaluation.view import ActorRef, EventRef, ExportView, SpanRef
from thucydides.knowledge.splits import is_acled_dev, is_re3d_test, is_voa_test

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def contract(**parts: list[dict[str, Any]]) -> dict[str, Any]:
    base: dict[str, Any] = {"format": "thucydides-export", "version": 1, "documents": [], "actors": [],
                            "places": [], "mentions": [], "claims": [], "events": []}
    return base | parts


def event(eid: str, starts: list[int], doc: str = "d1", **fields: Any) -> dict[str, Any]:
    return {"id": eid, "docs": [doc], "event_type": fields.get("event_type", "Battles"),
            "sub_event_type": fields.get("sub_event_type", "Armed clash"), "actor1": fields.get("actor1"),
            "actor2": fields.get("actor2"), "place": fields.get("place"), "fatalities": fields.get("fatalities"),
            "evidence": [{"doc": doc, "start": s, "end": s + 5, "text": "xxxxx"} for s in starts]}


# actors

def test_fold_drops_year_ranges_case_and_punctuation():
    assert fold_name("Military Forces of Oceania (2014-)") == "military forces of oceania"
    assert fold_name("Police Forces of Oceania (2001-2019)") == "police forces of oceania"
    assert fold_name("Protesters (Oceania)") == "protesters oceania"
    assert fold_name("Al-Qa'ida  Émigrés") == "al qa ida emigres"


def test_colon_names_match_either_side():
    assert acled_actor_forms("BLF: Blue Liberation Front") == {
        "blf blue liberation front", "blf", "blue liberation front"}


def test_actor_matches_on_id_name_or_alias():
    actor = ActorRef("BLF", "Blue Liberation Front", ("the Blues", "Blue Front"))
    assert actor_matches(actor, "BLF: Blue Liberation Front")
    assert actor_matches(actor, "Blue Liberation Front (1999-)")
    assert actor_matches(actor, "THE BLUES")
    assert not actor_matches(actor, "Blue Liberation Front Splinter")
    assert not actor_matches(None, "Blue Liberation Front")
    assert not actor_matches(actor, "")


# the primary event

def test_primary_event_is_the_one_whose_evidence_starts_first():
    view = ExportView.from_contract(contract(events=[event("a", [50, 90]), event("b", [80, 10]), event("c", [30])]))
    assert primary_event(view.events_of("d1"), "d1").id == "b"  # type: ignore[union-attr]


def test_primary_event_ties_keep_output_order_and_other_documents_do_not_count():
    events = [EventRef("a", ("d1", "d2"), "Battles", None, None, None, None, None,
                       (SpanRef("d2", 0, 3), SpanRef("d1", 40, 45))),
              EventRef("b", ("d1",), "Riots", None, None, None, None, None, (SpanRef("d1", 20, 25),)),
              EventRef("c", ("d1",), "Riots", None, None, None, None, None, (SpanRef("d1", 20, 28),))]
    assert primary_event(events, "d1").id == "b"  # type: ignore[union-attr]
    assert primary_event(events, "d2").id == "a"  # type: ignore[union-attr]
    assert primary_event([], "d1") is None


# splits

def test_acled_dev_split_is_sha256_mod_10():
    for key in ("TST6", "TST9", "TST10"):
        assert is_acled_dev(key)
    for key in ("TST0", "TST1", "TST2", "TST3"):
        assert not is_acled_dev(key)
    for key in map(str, range(200)):
        assert is_acled_dev(key) == (int(hashlib.sha256(key.encode()).hexdigest(), 16) % 10 == 0)


def test_voa_test_split_is_sha256_mod_3():
    assert is_voa_test("1000002")
    assert not is_voa_test("1000000") and not is_voa_test("1000001")


def test_re3d_test_split_is_the_same_rule_on_the_document_id():
    for key in ("1000002", "ABC123", "0F0F"):
        assert is_re3d_test(key) == (int(hashlib.sha256(key.encode()).hexdigest(), 16) % 3 == 0) == is_voa_test(key)


def row(eid: str, country: str, **kw: Any) -> acled.AcledRow:
    values: dict[str, Any] = dict(event_date=date(2030, 1, 2), event_type="Battles", sub_event_type="Armed clash",
                                  actor1="Blue Liberation Front", lat=10.0, lon=20.0, fatalities=0, notes="x")
    return acled.AcledRow(eid, country=country, **(values | kw))


def test_cap_keeps_the_first_rows_per_country_in_the_given_order_then_the_limit():
    rows = [row("a1", "A"), row("b1", "B"), row("a2", "A"), row("a3", "A"), row("b2", "B")]
    chosen = acled.select(rows, cap=2)
    assert [r.event_id for r in chosen.rows] == ["a1", "b1", "a2", "b2"]
    assert chosen.dev_rows == 5
    assert [r.event_id for r in acled.select(rows, cap=2, limit=3).rows] == ["a1", "b1", "a2"]
    assert len(acled.select(rows, cap=None).rows) == 5


# figures

def test_rates_and_macro_f1():
    assert rate([True, False, True, True]) == Rate(3, 4)
    assert Rate(0, 0).value is None
    gold = ["Battles", "Battles", "Riots", "Protests"]
    pred = ["Battles", NONE_LABEL, "Battles", "Protests"]
    # Battles: tp 1 fp 1 fn 1 -> 0.5; Riots 0; Protests 1
    assert macro_f1(gold, pred) == pytest.approx((0.5 + 0.0 + 1.0) / 3)
    assert median([3.0, 1.0, 2.0, 10.0]) == 2.5 and median([]) is None


def test_acled_outcome_reads_the_primary_event_from_the_contract():
    view = ExportView.from_contract(contract(
        documents=[{"id": "d1", "name": "TST6"}],
        actors=[{"id": "BLF", "name": "Blue Liberation Front", "aliases": []}],
        places=[{"id": "p1", "name": "Testville", "lat": 10.1, "lon": 20.0}],
        events=[event("late", [60], event_type="Riots", sub_event_type="Mob violence", fatalities=1),
                event("early", [5], actor1="BLF", place="p1", fatalities=3)],
    ))
    out = acled.outcome(row("TST6", "A", fatalities=3), view, "d1")
    assert (out.has_event, out.type, out.sub, out.actor1, out.fatalities) == (True, "Battles", "Armed clash", True, 3)
    assert out.km is not None and 10 < out.km < 12
    empty = acled.outcome(row("TST6", "A"), ExportView.from_contract(contract()), "d1")
    assert (empty.has_event, empty.type, empty.km, empty.fatalities) == (False, NONE_LABEL, None, 0)
    result = acled.summarise(acled.select([row("TST6", "A")]), [out, empty], 0.0)
    assert result.loc25 == Rate(1, 2) and result.has_event == Rate(1, 2)
    assert result.fatalities_positive == Rate(1, 1)
    assert result.fatalities_all == Rate(2, 2)  # no event means no deaths: right where ACLED counts none


def test_acled_actor2_is_scored_only_where_acled_names_one():
    view = ExportView.from_contract(contract(
        documents=[{"id": "d1", "name": "TST6"}],
        actors=[{"id": "BLF", "name": "Blue Liberation Front", "aliases": []},
                {"id": "RED", "name": "Red Guard", "aliases": ["Red Guards"]}],
        events=[event("only", [5], actor1="BLF", actor2="RED")],
    ))
    right = acled.outcome(row("TST6", "A", actor2="Red Guards"), view, "d1")
    wrong = acled.outcome(row("TST6", "A", actor2="Green Watch"), view, "d1")
    unnamed = acled.outcome(row("TST6", "A"), view, "d1")
    assert (right.actor1, right.actor2, wrong.actor2, unnamed.actor2) == (True, True, False, None)
    result = acled.summarise(acled.select([row("TST6", "A")]), [right, wrong, unnamed], 0.0)
    assert result.actor2 == Rate(1, 2) and result.actor1 == Rate(3, 3)


def test_geoparse_counts_unfound_and_unresolved_toponyms_as_wrong():
    view = ExportView.from_contract(contract(
        places=[{"id": "p1", "name": "Testville", "lat": 10.0, "lon": 20.0}],
        mentions=[{"doc": "d1", "start": 0, "end": 8, "text": "Testvill", "kind": "place", "ref": "p1"},
                  {"doc": "d1", "start": 20, "end": 25, "text": "Other", "kind": "place", "ref": None},
                  {"doc": "d1", "start": 40, "end": 45, "text": "Stray", "kind": "place", "ref": "p1"}],
    ))
    article = geoparse.Article("x" * 60, None, (
        geoparse.GoldToponym(0, 9, 10.5, 20.0), geoparse.GoldToponym(20, 25, 0.0, 0.0),
        geoparse.GoldToponym(30, 35, 1.0, 1.0), geoparse.GoldToponym(50, 55, None, None)))
    tally, misses = geoparse._Tally(), list[geoparse.Miss]()
    geoparse._score_article(article, view, "d1", tally, misses)
    res = geoparse._result("lgl", 1, tally, misses, 0.0)
    assert res.accuracy_all == Rate(1, 3) and res.recall == Rate(2, 3)
    assert res.precision == Rate(1, 2) and res.accuracy_resolved == Rate(1, 1)


def test_a_corpus_convention_row_is_labelled_and_kept_out_of_the_outlet_note():
    """The LGL row configured for its own convention (peoples' words) says so, and the header's outlet-homes note
    is written once, for the default pipeline's row."""
    from dataclasses import replace

    from thucydides.evaluation import report, suite

    base = replace(geoparse._result("lgl", 1, geoparse._Tally(), [], 0.0), outlets=3, reprocessed=5)
    convention = replace(base, convention=suite.LGL_CONVENTION)
    assert convention.label == f"LGL, {suite.LGL_CONVENTION}" and base.label == "LGL"
    res = suite.Results(suite.Options(only=("geo",)), "now", "abc", geo=[base, convention])
    assert sum("outlet homes learned" in line for line in report.header(res)) == 1


# VOA gold for the shared scorer

def keys_named(key: str, value: Any) -> int:
    if isinstance(value, dict):
        return (key in value) + sum(keys_named(key, v) for v in value.values())
    if isinstance(value, list):
        return sum(keys_named(key, v) for v in value)
    return 0


def test_voa_gold_becomes_a_scorer_gold_file_without_text_fields():
    golds = voa.read_gold(FIXTURES / "voa_gold")
    other = {"story": "1000003", "actors": {"Blue Militia": ["Blues of the North"]}, "places": [], "claims": [],
             "events": []}
    gold = voa.scorer_gold([*golds, other])
    assert gold["format"] == "thucydides-gold"
    assert [d["name"] for d in gold["documents"]] == ["1000002.txt", "1000003.txt"]
    doc = gold["documents"][0]
    assert doc["places"][0]["span"] == [4, 13] and doc["claims"][0]["span"] == [0, 40]
    assert doc["events"][0]["sub_event_types"] == ["Attack"]
    assert not keys_named("text", gold)
    assert doc["claims"][0]["alt"][0]["metric"] == "wounded"
    assert gold["actors"]["Blue Militia"] == ["Blue Militia", "the Blues", "Blues of the North"]


def test_voa_stories_are_documents_named_by_id_with_the_text_unchanged(tmp_path):
    line = {"id": 1000002, "url": "https://example.org/a/1000002.html", "title": "An invented title",
            "published": "2030-01-02 10:00:00Z", "text": "In Testville, invented words.\nMore invented words."}
    path = tmp_path / "stories.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    story = voa.read_stories(path)["1000002"]
    assert story.published == date(2030, 1, 2) and story.title == "An invented title"
    assert adapter.doc_text(voa.story_document(story)) == line["text"]


def test_a_family_keeping_one_id_is_compared_by_the_name_the_acled_export_writes_for_the_country():
    islamic_state = ActorRef("ISIS", "Islamic State", ("ISIS",))
    named = acled.acled_named(islamic_state, "EG")
    assert named is not None and actor_matches(named, "Islamic State (Egypt)")
    assert not actor_matches(islamic_state, "Islamic State (Egypt)")
    assert acled.acled_named(islamic_state, None) == islamic_state
    assert not actor_matches(acled.acled_named(islamic_state, "SY"), "Islamic State (Egypt)")


# re3d documents and gold

def test_re3d_documents_are_read_from_every_source_folder_with_no_publication_date(tmp_path):
    for source, doc_id in (("Invented_Outlet", "AA01"), ("Other_Outlet", "BB02")):
        (tmp_path / source).mkdir()
        line = {"_id": doc_id, "title": "An invented title", "text": f"In Testville, words of {source}.\nMore.",
                "sourceName": source, "sourceUrl": f"https://example.org/{doc_id}"}
        (tmp_path / source / "documents.json").write_text(json.dumps(line) + "\n", encoding="utf-8")
    docs = re3d.read_documents(tmp_path)
    assert sorted(docs) == ["AA01", "BB02"]
    assert docs["BB02"].published is None and docs["BB02"].url == "https://example.org/BB02"
    assert adapter.doc_text(annotated.story_document(docs["AA01"], "re3d")).startswith("In Testville")


def test_re3d_gold_is_read_source_by_source_and_named_by_document_id(tmp_path):
    for source, doc_id in (("Zeta_Outlet", "AA01"), ("Alpha_Outlet", "CC03")):
        (tmp_path / source).mkdir()
        g = {"format": "thucydides-gold-re3d", "version": 1, "source": source, "story": doc_id, "actors": {},
             "places": [{"names": ["Testville"], "lat": 1.0, "lon": 2.0, "tol_km": 15, "span": [3, 12],
                         "text": "Testville"}], "claims": [], "events": []}
        (tmp_path / source / f"{doc_id}.json").write_text(json.dumps(g), encoding="utf-8")
    golds = re3d.read_gold(tmp_path)
    assert [g["story"] for g in golds] == ["CC03", "AA01"]
    gold = voa.scorer_gold(golds)
    assert [d["name"] for d in gold["documents"]] == ["CC03.txt", "AA01.txt"] and not keys_named("text", gold)
    assert re3d.read_gold(tmp_path / "absent") == []


def test_the_re3d_gold_files_are_valid_and_name_documents_of_their_source(tmp_path):
    """Every committed annotation passes tests/data/re3d/check_gold.py (shape, ACLED types, spans in the text),
    and the checker does fail a file whose span runs past its document."""
    import importlib.util

    folder = Path(__file__).resolve().parents[1] / "data" / "re3d"
    if not (folder.parents[3] / "shared" / "data" / "re3d").is_dir():
        pytest.skip("../shared/data/re3d not present")
    spec = importlib.util.spec_from_file_location("re3d_check_gold", folder / "check_gold.py")
    assert spec and spec.loader
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    files = sorted((folder / "gold").glob("*/*.json"))
    assert files, "no re3d gold file"
    assert [e for f in files for e in checker.check(f)] == []
    broken = json.loads(files[0].read_text(encoding="utf-8"))
    broken["places"] = [{"names": ["Testville"], "lat": 1.0, "lon": 2.0, "tol_km": 15, "span": [0, 10 ** 6]}]
    (tmp_path / files[0].parent.name).mkdir()
    bad = tmp_path / files[0].parent.name / files[0].name
    bad.write_text(json.dumps(broken), encoding="utf-8")
    assert any("bad span" in e for e in checker.check(bad))


class _NoOutput:
    """A pipeline that finds nothing, so a part's figures and logs come from the gold alone."""

    def run_documents(self, docs: list[Any]) -> list[Any]:
        return []


def test_an_error_log_is_written_for_the_dev_part_only(tmp_path):
    shared_scorer = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"
    if not shared_scorer.is_file():
        pytest.skip("../shared/eval/score.py not present")
    stories = {k: annotated.Story(k, "Fighting in Testville today.", None, None, None) for k in ("1000000", "1000002")}
    golds = [{"story": k, "actors": {}, "places": [{"names": ["Testville"], "lat": 1.0, "lon": 2.0, "tol_km": 15,
                                                   "span": [12, 21]}], "claims": [], "events": []} for k in stories]
    kind = annotated.AnnotatedSet("Invented", "invented", is_voa_test)
    res = annotated.evaluate(kind, golds, stories, tmp_path, _NoOutput(), dev_error_log=tmp_path / "log")  # type: ignore[arg-type]
    assert (res.dev.stories, res.test.stories) == (1, 1)
    assert res.dev.figures and res.dev.figures.places.fn == 1
    assert sorted(p.name for p in (tmp_path / "log" / "texts").iterdir()) == ["1000000.txt"]
    assert "missed place Testville" in (tmp_path / "log" / "log.txt").read_text(encoding="utf-8")
