"""actors/settle.document_country: a place read inside an actor's name that lies in none of the countries ACLED
knows the actor's family in is a namesake ('Murle raiders' read as a town in England), not a vote for the report's
country; one that lies in such a country ('Kakamega youths' in Kenya) still counts. Sentences written for these
tests; places and mentions set by hand."""

from __future__ import annotations

from thucydides.actors.settle import document_country
from thucydides.model import ActorMention, Analysis, Document, Place, Toponym

TEXT = "Murle raiders clashed with herders near Pibor in South Sudan."


def _analysis(town_country: str) -> Analysis:
    a = Analysis(Document.from_text(TEXT, name="t.txt"))
    a.actors = [ActorMention(0, 13, "Murle raiders", "murle-ethnic-militia", kind="identity_militia", generic=True)]
    a.places = {"town": Place("town", "Murle", 53.7, -1.6, "populated_place", town_country),
                "ss": Place("ss", "South Sudan", 7.0, 30.0, "country", "SS")}
    start = TEXT.index("South Sudan")
    a.toponyms = [Toponym(0, 5, "Murle", "town", 0.5, 1), Toponym(start, start + 11, "South Sudan", "ss", 0.9, 1)]
    return a


def test_a_namesake_inside_a_militias_name_does_not_say_the_reports_country() -> None:
    assert document_country(_analysis("GB")) == "SS"


def test_a_place_in_a_country_the_militia_is_known_in_still_counts() -> None:
    assert document_country(_analysis("KE")) == "KE"
