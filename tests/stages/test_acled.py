"""ACLED CSV export: ACLED's columns, codes and the rule that nothing unknown is invented."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date

from thucydides.actors.recognize import registry
from thucydides.export.acled import COLUMNS, acled_rows, interaction, write_acled_csv
from thucydides.export.bundle import ExportBundle
from thucydides.knowledge.acled import taxonomy
from thucydides.model import Document, Event, Evidence, Interval, Place

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]

TEXT = "Government forces retook Palmyra on Sunday."
DOC = Document.from_text(TEXT, name="report.txt")
PALMYRA = Place("palmyra", "Palmyra", 34.5601, 38.2683, "populated_place", "SY", "Homs")


def _event(place: str | None = "palmyra", when: Interval | None = None, actor2: str | None = "ISIS") -> Event:
    return Event(
        id="event-0123456789abcdef", docs=[DOC.id], event_type="Battles",
        sub_event_type="Government regains territory", evidence=[Evidence.of(DOC, 0, len(TEXT))],
        actor1="SAA", actor2=actor2, place=place, geo_precision=1,
        date=when or Interval(date(2018, 3, 4), date(2018, 3, 4)), time_precision=1, fatalities=3,
        notes="Government regains territory: SAA against ISIS",
    )


def _bundle(*events: Event) -> ExportBundle:
    reg = registry()
    return ExportBundle(documents=[DOC], actors=[a for a in (reg.get("SAA"), reg.get("ISIS")) if a],
                        places=[PALMYRA], events=list(events))


def test_inter_codes_follow_where_the_event_is():
    """A state's forces are 1 at home and 8 abroad; ACLED's interaction puts the lower code first."""
    reg = registry()
    israel = reg.base.generic("military", "IL")
    event = _event(actor2=None)
    event.actor1 = israel.id
    (row,) = acled_rows(ExportBundle(documents=[DOC], actors=[israel], places=[PALMYRA], events=[event]))
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("8", "", "80")
    gaza = Place("gaza", "Gaza", 31.5, 34.47, "populated_place", "IL", None)
    (row,) = acled_rows(ExportBundle(documents=[DOC], actors=[israel], places=[gaza],
                                     events=[replace(event, place="gaza")]))
    assert (row["inter1"], row["interaction"]) == ("1", "10")


def test_columns_are_aclEDs_thirty_one_in_order():
    assert list(COLUMNS) == ACLED_COLUMNS
    assert len(COLUMNS) == 31


def test_a_located_dated_event_fills_aclEDs_fields():
    (row,) = acled_rows(_bundle(_event()), timestamp=1700000000)
    assert row["event_date"] == "2018-03-04" and row["year"] == "2018"
    assert row["disorder_type"] == "Political violence"
    assert row["actor1"].startswith("Military Forces of Syria")  # ACLED's name, with its period
    assert (row["inter1"], row["actor2"], row["inter2"]) == ("1", "Islamic State (Syria)", "2")  # in Syria
    assert row["interaction"] == "12"
    assert (row["iso"], row["country"], row["region"]) == ("760", "Syria", "Middle East")
    assert (row["location"], row["admin1"]) == ("Palmyra", "Homs")
    assert float(row["latitude"]) == 34.5601 and float(row["longitude"]) == 38.2683
    assert row["event_id_cnty"].startswith("SYR")
    assert row["source"] == "report.txt"
    assert TEXT in row["notes"]
    assert row["fatalities"] == "3"
    assert row["timestamp"] == "1700000000"


def test_an_event_without_a_place_gets_no_coordinates():
    (row,) = acled_rows(_bundle(_event(place=None)), timestamp=0)
    assert row["latitude"] == "" and row["longitude"] == "" and row["location"] == ""
    assert row["country"] == ""
    assert "location unknown" in row["tags"]


def test_an_impossible_year_never_reaches_the_csv():
    (row,) = acled_rows(_bundle(_event(when=Interval(date(25, 2, 3), date(25, 2, 3)))), timestamp=0)
    assert row["event_date"] == "" and row["year"] == ""
    assert "date unknown" in row["tags"]


def test_interaction_codes():
    assert interaction(1, 2) == "12"
    assert interaction(2, 1) == "12"
    assert interaction(2, None) == "20"
    assert interaction(None, None) == ""


def test_csv_round_trips_with_the_header(tmp_path):
    path = tmp_path / "events.csv"
    assert write_acled_csv(_bundle(_event(), _event(place=None, actor2=None)), path, timestamp=0) == 2
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == ACLED_COLUMNS
    assert {r["sub_event_type"] for r in rows} == {"Government regains territory"}
    assert all(r["sub_event_type"] in taxonomy().sub_event_types for r in rows)
