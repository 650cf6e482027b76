"""An event's arguments once a sentence is taken for one — its place and its date — on reports we wrote, with
a keyword test double in place of the learned coder."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder
from thucydides.events.actorbase import ActorBase
from thucydides.events.stage import FILTERS as EVENT_FILTERS
from thucydides.events.stage import EventCoderStage, EventsConfig, readers
from thucydides.knowledge.acled import taxonomy
from thucydides.knowledge.settings import section
from thucydides.model import Analysis, Document, Interval
from thucydides.pipeline import Pipeline
from thucydides.steps import Filters

pytestmark = pytest.mark.slow

KEYWORDS = (
    ("killed", "Violence against civilians", "Attack"),
    ("shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("protested", "Protests", "Peaceful protest"),
)

Run = Callable[..., list[tuple[str, str | None, Interval | None]]]


@pytest.fixture(scope="module")
def upstream() -> Pipeline:
    return Pipeline(["nlp", "actors", "time", "places", "claims"])


@pytest.fixture(scope="module")
def events_of(upstream: Pipeline) -> Run:
    """(event type, place name, date) of each event of a text, under the settings with some keys replaced."""
    def run(text: str, **changed: object) -> list[tuple[str, str | None, Interval | None]]:
        config = dataclasses.replace(section("stages.events", EventsConfig), **changed)  # type: ignore[arg-type]
        stage = EventCoderStage(KeywordCoder(KEYWORDS, 0.9), config, readers(config),
                                Filters.of("events.filters", EVENT_FILTERS, config.filters), ActorBase(), taxonomy())
        published = Interval(date(2024, 3, 6), date(2024, 3, 6))
        analysis: Analysis = upstream.run_documents([Document.from_text(text, name="t.txt", published=published)])[0]
        return [(e.event_type, analysis.places[e.place].name if e.place else None, e.date)
                for e in stage.events(analysis)]
    return run


QUARTER = "On Sunday, in Ibague (Tolima), gunmen killed a driver in El Salado."


def test_a_far_namesake_of_a_quarter_yields_to_the_town_its_neighbours_vouch_for(events_of: Run) -> None:
    """The quarter's name is also a town 400 km away that no other place of the report lies near; the town
    named with its province is where it happened."""
    assert [p for _, p, _ in events_of(QUARTER)] == ["Ibagué"]
    assert [p for _, p, _ in events_of(QUARTER, place_vouch_km=None, place_by_attachment=False,
                                       place_first_named=False, place_qualifiers=False)] == ["El Salado"]


def test_a_lone_place_is_kept_whatever_its_neighbours(events_of: Run) -> None:
    """With no other place to vouch for it or against it, the one place named is the event's."""
    text = "On Sunday gunmen killed a driver in El Salado."
    found = events_of(text)
    assert len(found) == 1 and found[0][1] is not None
    assert found == events_of(text, place_vouch_km=None)


def test_a_quarter_in_the_clause_yields_to_the_town_its_sentence_names(events_of: Run) -> None:
    """ACLED codes the town a quarter lies in: the quarter read as a far town, or told as a quarter, is not
    where the event is when the sentence names the town."""
    text = ("On Monday, in Tegucigalpa, Francisco Morazan, a gunman on a scooter shot and killed the driver of a "
            "city bus in the colonia Villanueva.")
    assert [p for _, p, _ in events_of(text)] == ["Tegucigalpa"]
    assert [p for _, p, _ in events_of(text, place_vouch_km=None)] == ["Tegucigalpa"]  # told as a quarter
    assert [p for _, p, _ in events_of(text.replace("colonia ", ""), place_vouch_km=None,
                                             place_by_attachment=False, place_first_named=False)] == ["Villanueva"]


def test_a_town_and_its_province_are_one_event_not_two_conjoined_places(events_of: Run) -> None:
    assert [p for _, p, _ in events_of("On Monday, in Tegucigalpa, Francisco Morazan, gunmen killed a guard.")] \
        == ["Tegucigalpa"]


def test_the_place_the_anchor_itself_takes_comes_before_one_of_what_it_is_about(events_of: Run) -> None:
    """Two towns in one clause: the one hanging from the anchor locates it, the one under 'the strike' locates
    the strike the protest is about, even when named nearer to the anchor."""
    text = "In solidarity with the long strike at the port in Tampere, students protested on Monday evening in Oulu."
    assert [p for _, p, _ in events_of(text)] == ["Oulu"]
    assert [p for _, p, _ in events_of(text, place_by_attachment=False)] == ["Tampere"]
