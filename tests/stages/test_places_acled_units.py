"""Places as conflict records write them, on sentences we wrote: a village a province follows under the record's own
spelling of the province ("X, Zaporizhia": `resolve.in_province_named`), and a lone village name many villages bear,
in a report nothing else places (`resolve.coded_unresolved`). Real places as facts."""

from __future__ import annotations

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo.document import DocumentGeography, Evidence
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.recognize import Found
from thucydides.geo.resolve import (
    Mention,
    Ranked,
    Resolution,
    coded_over_alias,
    coded_unresolved,
    in_province_named,
)
from thucydides.model import Place

KM = 25.0
CODED = Candidate(Place("c", "Serhiivka", 47.1303, 37.8365, "populated_place", "UA", "Donetsk"), "Serhiivka", 2,
                  "acled-train")
OTHER = Candidate(Place("o", "Serhiivka", 50.0, 31.0, "populated_place", "UA", "Kyivska oblast", population=800),
                  "Serhiivka", 2, "geonames")
NEAR = Found(35, 44, "Serhiivka", "Serhiivka", place_cue=True)  # "Observers heard two blasts near Serhiivka."


def _unresolved(geo: DocumentGeography, found: Found = NEAR, untold: bool = False) -> Candidate | None:
    m = Mention(found, fold("Serhiivka"), [OTHER, CODED], True, True, False, pickable=[True, True])
    ranked = Ranked([(0.5, OTHER), (0.5, CODED)], False, 0.1)
    return coded_unresolved(m, ranked, Resolution(found, None, 0.0, 3), geo, KM, untold).candidate


# --- fast -------------------------------------------------------------------------------------

def test_an_unresolved_place_in_a_report_nothing_places_takes_the_coded_namesake() -> None:
    assert _unresolved(DocumentGeography()) is CODED


def test_a_name_the_text_does_not_call_a_place_stays_unresolved() -> None:
    assert _unresolved(DocumentGeography(), Found(0, 9, "Serhiivka", "Serhiivka")) is None


def test_with_untold_a_name_the_text_does_not_call_a_place_takes_the_coded_namesake() -> None:
    """'Serhiivka council members walked out', spaCy reading an organisation: in a report that places nothing else."""
    council = Found(0, 9, "Serhiivka", "Serhiivka", other_entity="ORG")
    assert _unresolved(DocumentGeography(), council, untold=True) is CODED
    geo = DocumentGeography()
    geo.add("kyiv", Evidence({"UA": 1.0}, {("UA", "Kyivska oblast"): 1.0}))
    assert _unresolved(geo, council, untold=True) is None


def test_with_untold_a_name_the_report_gives_a_person_stays_unresolved() -> None:
    """'Serhiivka said ...' elsewhere in the report: the name is a person's."""
    assert _unresolved(DocumentGeography(), Found(0, 9, "Serhiivka", "Serhiivka", person_name=True), True) is None
    assert _unresolved(DocumentGeography(), Found(0, 9, "Serhiivka", "Serhiivka", in_actor=True), True) is None


def test_a_name_after_a_locative_word_counts_whatever_spacy_calls_it() -> None:
    """'a market at X', X read by spaCy as an organisation's or a person's name: the locative word says place."""
    at = Found(30, 39, "Serhiivka", "Serhiivka", cue=True, other_entity="ORG", doubtful=True)
    assert _unresolved(DocumentGeography(), at) is CODED


def test_a_report_other_names_place_stays_unresolved() -> None:
    geo = DocumentGeography()
    geo.add("kyiv", Evidence({"UA": 1.0}, {("UA", "Kyivska oblast"): 1.0}))
    assert _unresolved(geo) is None


def test_a_resolved_name_is_left_alone() -> None:
    m = Mention(NEAR, fold("Serhiivka"), [OTHER, CODED], True, True, False, pickable=[True, True])
    res = Resolution(NEAR, OTHER, 0.9, 1)
    assert coded_unresolved(m, Ranked([(0.9, OTHER)], True, 1.0), res, DocumentGeography(), KM) is res


def test_a_mention_not_considered_is_left_alone() -> None:
    """An implausible name keeps its candidates but was never scored (no `pickable` flags): nothing to choose."""
    m = Mention(NEAR, fold("Serhiivka"), [OTHER, CODED], True, False, False)
    res = Resolution(NEAR, None, 0.0, 3)
    assert coded_unresolved(m, None, res, DocumentGeography(), KM) is res


@pytest.mark.slow
def test_a_town_bracketed_with_its_district_of_the_same_name_resolves(analyse) -> None:
    town = resolved(analyse("On 9 May 2022, fishermen marched in Mullaitivu (Mullaitivu, Northern) over fuel."),
                    "Mullaitivu")
    assert town is not None and town.country == "LK"


ALIAS = Candidate(Place("a", "Inada", 35.3, 139.5, "populated_place", "JP", "Tokyo", population=80000), "Inata", 1,
                  "geonames")
OWN = Candidate(Place("i", "Inata", 14.3358, -1.327, "populated_place", "BF", "Sahel"), "Inata", 2, "acled-train")
INATA = Found(40, 45, "Inata", "Inata", place_cue=True)  # "Raiders burned two shops near Inata."


def _over_alias(geo: DocumentGeography) -> Candidate | None:
    m = Mention(INATA, fold("Inata"), [ALIAS, OWN], True, True, False, pickable=[True, True])
    res = Resolution(INATA, ALIAS, 0.6, 1)
    return coded_over_alias(m, Ranked([(0.6, ALIAS), (0.4, OWN)], True, 1.0), res, geo, KM).candidate


def test_a_town_bearing_the_name_as_its_own_that_a_record_places_beats_an_alias() -> None:
    assert _over_alias(DocumentGeography()) is OWN


def test_an_alias_stays_where_the_report_is_placed_otherwise() -> None:
    geo = DocumentGeography()
    geo.add("japan", Evidence({"JP": 1.0}))
    assert _over_alias(geo) is ALIAS


def test_the_candidates_a_province_of_that_spelling_holds() -> None:
    geonames = Candidate(Place("g", "Plavni", 45.4, 28.9, "populated_place", "UA", "Odeska oblast"), "Plavni", 2,
                         "geonames")
    record = Candidate(Place("r", "Plavni", 47.56, 35.33, "populated_place", "UA", "Zaporizhia"), "Plavni", 2,
                       "acled-train")
    assert in_province_named([geonames, record], "Zaporizhia") == [record]
    assert in_province_named([geonames, record], "Kherson") == []


def test_a_container_that_is_a_province_seat_keeps_the_towns_near_it() -> None:
    """The province spelt as the record spells it names only its seat town; the gazetteer's other source spells the
    province otherwise: the town's candidate near the seat is the one meant, the far namesake is not."""
    seat = Candidate(Place("s", "Zaporizhia", 47.85, 35.16, "populated_place", "UA", "Zaporizhia"), "Zaporizhia", 2,
                     "acled-train")
    near = Candidate(Place("n", "Komyshuvakha", 47.60, 35.50, "populated_place", "UA", "Zaporizka oblast"),
                     "Komyshuvakha", 2, "geonames")
    far = Candidate(Place("f", "Komyshuvakha", 48.60, 38.30, "populated_place", "UA", "Luhanska oblast"),
                    "Komyshuvakha", 2, "geonames")
    assert in_province_named([far, near], "Zaporizhia", [seat], 150.0) == [near]
    assert in_province_named([far, near], "Zaporizhia", [seat], 0.0) == []
    town = Candidate(Place("m", "Manga", 11.66, -1.07, "populated_place", "BF", "Centre-Sud"), "Manga", 2, "geonames")
    assert in_province_named([far, near], "Manga", [town], 150.0) == []  # a town that is no province's seat


# --- slow: the whole pipeline -------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text, name", [
    ("Artillery fire hit houses in Plavni, Zaporizhia on Sunday; nobody was hurt.", "Plavni"),
    ("Two shells landed on a farm in Mahdalynivka (Zaporizhia) overnight.", "Mahdalynivka"),
    ("Rockets struck a warehouse in Komyshuvakha, Zaporizhia at dawn.", "Komyshuvakha"),
])
def test_a_village_followed_by_its_province_in_the_records_spelling_resolves_there(analyse, text: str,
                                                                                   name: str) -> None:
    village = resolved(analyse(text), name)
    assert village is not None and village.country == "UA" and "zapori" in village.admin1.lower()


@pytest.mark.slow
def test_a_lone_village_name_after_near_resolves_to_the_coded_one(analyse) -> None:
    village = resolved(analyse("Observers counted eleven blasts near Serhiivka on Tuesday."), "Serhiivka")
    assert village is not None and village.country == "UA"


@pytest.mark.slow
def test_a_lone_village_name_after_at_resolves_to_the_coded_one_though_spacy_reads_a_name(analyse) -> None:
    village = resolved(analyse("Gunmen set fire to a granary at Loropeni late on Friday."), "Loropeni")
    assert village is not None and village.country == "BF"


@pytest.mark.slow
def test_a_common_word_pinned_in_the_state_after_it_is_a_place(analyse) -> None:
    """'Lincoln' is listed as a common word (a person's name) and spaCy may read the pair as an organisation; the
    state in brackets after it holds a town of the name, so it is that town."""
    town = resolved(analyse("On 4 July 2021, nurses marched through Lincoln (Nebraska) to demand safer staffing."),
                    "Lincoln")
    assert town is not None and town.country == "US" and town.admin1 == "Nebraska"


@pytest.mark.slow
def test_a_town_spacy_reads_as_an_organisation_in_a_report_nothing_else_places_is_placed(analyse) -> None:
    """`coded_unresolved_untold`: "downtown X" says no place to the recogniser, spaCy calls X an organisation."""
    town = resolved(analyse("On Monday evening about eighty people walked through downtown Malchow, holding candles."),
                    "Malchow")
    assert town is not None and town.country == "DE"


@pytest.mark.slow
def test_a_bare_town_name_in_a_report_nothing_else_places_takes_the_namesake_a_record_places(analyse) -> None:
    """`coded_namesakes_km` on: Belarus's Brest is the bigger namesake, France's the one ACLED's train split codes."""
    town = resolved(analyse("About two hundred nurses marched in Brest on Tuesday to demand more staff."), "Brest")
    assert town is not None and town.country == "FR"
