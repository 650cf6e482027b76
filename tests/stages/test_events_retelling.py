"""A report retelling one happening in several sentences makes one event: a sentence that names its happening
by a noun pointing back ('died in the assault', 'their arrest') joins the one told before, and a date read
from around a sentence, not from its own clause, does not keep it apart; happenings told as other ones stay
apart. A keyword test double stands in for the learned coder; the reports are ours."""

from __future__ import annotations

from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, Read, keyword_events
from thucydides.events.build import Sighting, dating_sighting
from thucydides.model import Interval

pytestmark = pytest.mark.slow

KEYWORDS = (
    ("stormed", "Battles", "Armed clash"),
    ("assault", "Battles", "Armed clash"),
    ("arrested", "Strategic developments", "Arrests"),
    ("detained", "Strategic developments", "Arrests"),
)


@pytest.fixture(scope="module")
def read() -> Read:
    return keyword_events(KeywordCoder(KEYWORDS, 0.95), date(2025, 6, 12), "retold.txt")


POST = "Gunmen stormed a police post in Garissa on Tuesday night. Traders in the town kept their shops closed. "
BACK = "Four officers died in the assault, a police spokesman told reporters in Nairobi."


def test_a_sentence_pointing_back_to_the_assault_retells_it(read: Read) -> None:
    """The later sentence names another town (where it was told): it still tells the assault of the lead."""
    _, events = read(POST + BACK)
    assert len(events) == 1


def test_without_back_references_the_other_town_keeps_it_apart(read: Read) -> None:
    """With the speaker's town read as where the assault happened (`place_telling_apart` off), only the noun
    pointing back joins the two sentences."""
    _, events = read(POST + BACK, merge_back_references=False, place_telling_apart=False)
    assert len(events) == 2


def test_the_speakers_town_does_not_keep_the_retelling_apart(read: Read) -> None:
    """Nairobi is where the spokesman spoke ('told reporters in Nairobi'), not where the officers died: the
    sentence takes the assault's town, so even without back references it is the same happening."""
    _, events = read(POST + BACK, merge_back_references=False)
    assert len(events) == 1


def test_an_assault_told_as_another_stays_another_event(read: Read) -> None:
    """An indefinite noun introduces a happening: soldiers repelling an assault elsewhere is a second one."""
    _, events = read(POST + "Soldiers repelled an assault on an army camp in Mandera on Tuesday night.")
    assert len(events) == 2


def test_a_noun_with_its_own_date_tells_another_happening(read: Read) -> None:
    """'the Monday assault' points back to no happening told in the report: it tells its own."""
    _, events = read(POST + "The Monday assault on an army camp in Mandera wounded two soldiers.")
    assert len(events) == 2


ARREST = ("Nine students arrested in Bulawayo were freed on Wednesday. The university stayed open. "
          "Their lawyer said the students, who were detained on Sunday after a sit-in, were never charged.")


def test_a_date_read_from_around_the_arrest_does_not_keep_its_retelling_apart(read: Read) -> None:
    """Wednesday is when the students were freed, read from the sentence around 'arrested'; Sunday, in the
    clause of 'detained', is the arrest's own date, and the one the event takes."""
    _, events = read(ARREST)
    assert [(e.sub_event_type, e.date.start if e.date else None) for e in events] == \
        [("Arrests", date(2025, 6, 8))]


def test_with_every_date_keeping_sentences_apart_the_retelling_is_a_second_arrest(read: Read) -> None:
    _, events = read(ARREST, merge_own_dates_only=False)
    assert len(events) == 2


def sighting(day: int, step: str) -> Sighting:
    s = Sighting(None, event_type="Strategic developments", sub_event_type="Arrests",  # type: ignore[arg-type]
                 date=Interval(date(2025, 6, day), date(2025, 6, day)))
    s.why["date"] = step
    return s


def test_the_date_of_the_sighting_dated_by_the_earliest_step_wins() -> None:
    steps = ("clause", "custody", "sentence", "paragraph", "publication")
    members = [sighting(11, "sentence"), sighting(8, "clause"), sighting(12, "publication")]
    assert dating_sighting(members, steps).date == Interval(date(2025, 6, 8), date(2025, 6, 8))
    assert dating_sighting(members[:1] + members[2:], steps) is members[0]


PLACED = ("Gunmen stormed a police post on Tuesday night, officials in Kenya said. Traders kept their shops closed. "
          "Four officers died in the assault on the post in Garissa.")


def test_the_happening_takes_the_place_a_sentence_reads_in_its_own_clause(read: Read) -> None:
    """The lead's sentence places it only as the county (no place in its own clause); the retelling names the
    town in its own clause: the event is placed at the town."""
    _, events = read(PLACED)
    assert [e.geo_precision for e in events] == [1]


def test_without_place_by_step_the_lead_places_it(read: Read) -> None:
    _, events = read(PLACED, place_by_step=False)
    assert [e.geo_precision for e in events] == [2]
