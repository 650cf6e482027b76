"""Control timelines from statements: captures, recaptures, contradicting accounts, remaining-area claims."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from thucydides.corpus.control import (
    ControlSettings,
    ControlStatement,
    build_timelines,
    filter_timelines,
    statements_from_claims,
    statements_from_events,
)
from thucydides.export.control import render, to_geojson, to_json
from thucydides.model import Claim, Document, Event, Evidence, Interval, Place

SETTINGS = ControlSettings()
TOWN = Place("gn-1", "Hajīn", 34.695, 40.831, country="SY", admin1="Deir-ez-Zor")
VILLAGE = Place("gn-2", "Sūsah", 34.534, 40.958, country="SY", admin1="Deir-ez-Zor")
PLACES = [TOWN, VILLAGE, Place("country-SY", "Syria", 35.0, 38.5, kind="country", country="SY")]


def day(text: str) -> Interval:
    d = date.fromisoformat(text)
    return Interval(d, d)


def doc(text: str, published: str | None = None) -> Document:
    return Document.from_text(text, name=f"{abs(hash(text))}.txt", published=day(published) if published else None)


def evidence(d: Document) -> Evidence:
    return Evidence.of(d, 0, len(d.text))


def takeover(d: Document, taker: str, loser: str | None, when: str, place: Place = TOWN) -> Event:
    return Event(id=f"ev-{d.id}", docs=[d.id], event_type="Battles",
                 sub_event_type="Non-state actor overtakes territory", evidence=[evidence(d)], actor1=taker,
                 actor2=loser, place=place.id, date=day(when))


def timeline(statements, place: Place = TOWN):
    (found,) = [t for t in build_timelines(statements, PLACES, SETTINGS) if t.place.id == place.id]
    return found


def test_a_capture_ends_the_holders_segment_and_opens_the_takers():
    report = doc("The northern brigades took the town from the garrison on 3 March 2021.", "2021-03-04")
    statements = statements_from_events([takeover(report, "SDF", "ISIS", "2021-03-03")], {}, SETTINGS)
    t = timeline(statements)
    assert [(s.controller, s.start, s.until) for s in t.segments] == [
        ("ISIS", None, day("2021-03-03")), ("SDF", day("2021-03-03"), None)]
    assert t.segments[0].implied and not t.segments[1].implied
    assert t.segments[1].evidence == [evidence(report)]
    assert [s.controller for s in t.at(date(2021, 3, 2))] == ["ISIS"]
    assert [s.controller for s in t.at(date(2021, 3, 5))] == ["SDF"]


def test_a_counter_attack_that_retakes_the_town_opens_a_new_segment():
    first = doc("Our first report: the brigades entered the town at dawn on 3 March.", "2021-03-03")
    again = doc("A second outlet says the brigades captured the town on 4 March.", "2021-03-05")
    back = doc("Three weeks on, a counter-attack drove the brigades back out of the town.", "2021-03-25")
    events = [takeover(first, "SDF", "ISIS", "2021-03-03"), takeover(again, "SDF", "ISIS", "2021-03-04"),
              takeover(back, "ISIS", "SDF", "2021-03-24")]
    t = timeline(statements_from_events(events, {}, SETTINGS))
    assert [(s.controller, s.start, s.until) for s in t.segments] == [
        ("ISIS", None, day("2021-03-03")),
        ("SDF", day("2021-03-03"), day("2021-03-24")),   # two reports of one capture: one segment, both evidences
        ("ISIS", day("2021-03-24"), None)]
    assert len(t.segments[1].evidence) == 2
    assert t.segments[1].support > t.segments[2].support  # two reports agree on the capture, one on the retaking
    assert [s.controller for s in t.at(date(2021, 3, 10))] == ["SDF"]
    assert [s.controller for s in t.at(date(2021, 4, 1))] == ["ISIS"]


def test_contradicting_accounts_stand_side_by_side():
    capture = doc("The brigades say they captured the town on 3 March.", "2021-03-03")
    denial = doc("The group insists it still holds the town and repelled the attack.", "2021-03-05")
    statements = statements_from_events([takeover(capture, "SDF", "ISIS", "2021-03-03")], {}, SETTINGS)
    statements.append(ControlStatement(TOWN.id, "holds", "ISIS", evidence(denial), day("2021-03-05"),
                                       claimant="Amaq", confidence=SETTINGS.text_confidence))
    t = timeline(statements)
    on_the_day = t.at(date(2021, 3, 6))
    assert {s.controller for s in on_the_day} == {"SDF", "ISIS"}  # neither account is dropped or averaged
    sdf, isis = (next(s for s in on_the_day if s.controller == c) for c in ("SDF", "ISIS"))
    assert sdf.contested_by == {"ISIS"} and isis.contested_by == {"SDF"}
    assert isis.claimants == ["Amaq"]
    assert on_the_day[0].controller == "SDF"  # the better supported account comes first
    exported = to_json([t], date(2021, 3, 6))["places"][0]["timeline"]
    assert {s["controller"] for s in exported} == {"SDF", "ISIS"}
    assert all(0 < s["confidence"] < 1 for s in exported)


def test_a_claim_of_remaining_area_says_who_holds_the_place():
    report = doc("Only 4 square kilometres are left to the group around the town, an official said.", "2019-02-20")
    claim = Claim(id="claim-left", doc=report.id, metric="territory_held", unit="km2", low=None, high=4,
                  qualifier="at_most", evidence=evidence(report), subject="ISIS", claimant="SDF", place=TOWN.id)
    statements = statements_from_claims([claim], {report.id: report.published}, SETTINGS)
    (segment,) = timeline(statements).segments
    assert (segment.controller, segment.start, segment.claims, segment.claimants) == (
        "ISIS", day("2019-02-20"), ["claim-left"], ["SDF"])
    taken = Claim(id="claim-taken", doc=report.id, metric="territory_taken", unit="km2", low=40, high=40,
                  qualifier="approximately", evidence=evidence(report), subject="ISIS", agent="SDF", place=TOWN.id,
                  time=day("2019-03-01"))
    later = timeline(statements + statements_from_claims([taken], {}, SETTINGS))
    assert [(s.controller, s.until) for s in later.segments] == [("ISIS", day("2019-03-01")), ("SDF", None)]


def test_a_siege_contests_the_holder_and_undated_accounts_move_no_boundary():
    held = doc("The garrison holds the town.", "2021-01-10")
    siege = doc("Fighters have surrounded the town.", "2021-01-20")
    undated = doc("Somewhere in an undated piece, the town is said to be held by the brigades.")
    statements = [
        ControlStatement(TOWN.id, "holds", "ISIS", evidence(held), held.published, confidence=0.6),
        ControlStatement(TOWN.id, "contests", "SDF", evidence(siege), siege.published, confidence=0.6),
        ControlStatement(TOWN.id, "holds", "SDF", evidence(undated), None, confidence=0.6),
    ]
    t = timeline(statements)
    isis = next(s for s in t.segments if s.controller == "ISIS")
    assert isis.contested_by == {"SDF"} and isis.until is None
    sdf = next(s for s in t.segments if s.controller == "SDF")
    assert (sdf.start, sdf.until) == (None, None)
    assert [s.controller for s in t.at(date(2021, 2, 1))] == ["ISIS"]  # an undated account is not placed on a day


def test_non_holders_and_countries_get_no_timeline():
    report = doc("Residents left the village; the country's army holds the border.", "2021-01-01")
    statements = [
        ControlStatement(VILLAGE.id, "holds", "Civilians", evidence(report), report.published),
        ControlStatement("country-SY", "holds", "SAA", evidence(report), report.published),
        ControlStatement(VILLAGE.id, "holds", "SAA", evidence(report), report.published),
    ]
    timelines = build_timelines(statements, PLACES, SETTINGS)
    assert [(t.place.id, [s.controller for s in t.segments]) for t in timelines] == [("gn-2", ["SAA"])]


def test_exports_follow_the_contract_shapes():
    report = doc("The brigades took the town from the garrison on 3 March 2021.", "2021-03-04")
    timelines = build_timelines(statements_from_events([takeover(report, "SDF", "ISIS", "2021-03-03")], {}, SETTINGS),
                                PLACES, SETTINGS)
    payload = json.loads(render(timelines, "json"))
    (place,) = payload["places"]
    assert place["place"] == {"id": "gn-1", "name": "Hajīn", "lat": 34.695, "lon": 40.831, "kind": "populated_place",
                              "country": "SY", "admin1": "Deir-ez-Zor", "geonameid": None}
    last = place["timeline"][-1]
    assert last["from"] == {"start": "2021-03-03", "end": "2021-03-03"} and last["until"] is None
    assert last["evidence"] == [{"doc": report.id, "start": 0, "end": len(report.text), "text": report.text}]
    geo = to_geojson(timelines, date(2021, 3, 10))
    points = [f for f in geo["features"] if f["properties"]["feature"] == "control"]
    areas = [f for f in geo["features"] if f["properties"]["feature"] == "admin_area"]
    assert points[0]["properties"]["controller"] == "SDF" and points[0]["geometry"]["coordinates"] == [40.831, 34.695]
    assert areas and areas[0]["properties"]["controller"] == "SDF" and areas[0]["properties"]["country"] == "SY"
    assert to_geojson(timelines, date(2021, 3, 1))["features"][-1]["properties"]["controller"] == "ISIS"
    rows = list(csv.DictReader(io.StringIO(render(timelines, "csv"))))
    assert [(r["controller"], r["from_start"], r["until_start"]) for r in rows] == [
        ("ISIS", "", "2021-03-03"), ("SDF", "2021-03-03", "")]
    assert filter_timelines(timelines, "hajin") == timelines  # diacritics do not matter
    assert filter_timelines(timelines, bbox=(0.0, 0.0, 10.0, 10.0)) == []


def test_a_change_told_by_an_event_and_by_the_text_is_one_named_statement():
    """The event coder gave a generic taker where the sentence's roles name one: one statement, the text's taker,
    the event's date."""
    from thucydides.corpus.control import told_once

    report = doc("In mid-March the SDF was able to take Hajin from ISIS control.", "2021-04-01")
    event = statements_from_events([takeover(report, "unidentified-armed-group-syria", "ISIS", "2021-03-15")], {},
                                   SETTINGS)
    text = ControlStatement(TOWN.id, "takeover", "SDF", evidence(report), day("2021-04-01"), previous="ISIS")
    (one,) = told_once(event + [text])
    assert (one.actor, one.previous, one.when) == ("SDF", "ISIS", day("2021-03-15"))
    steps = [(s.controller, s.start) for s in timeline(event + [text]).segments]
    assert steps == [("ISIS", None), ("SDF", day("2021-03-15"))]
