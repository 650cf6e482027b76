"""A name the report gives no country for takes the namesake a conflict record places (`resolve.coded_namesake`,
`priors.coded`: ACLED's train locations): real towns as facts, invented sentences."""

from __future__ import annotations

from thucydides.geo.document import DocumentGeography, Evidence
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.priors import coded
from thucydides.geo.recognize import Found
from thucydides.geo.resolve import Mention, Ranked, Resolution, coded_namesake
from thucydides.model import Place

KM = 25.0
BELARUS = Candidate(Place("by", "Brest", 52.1, 23.7, "populated_place", "BY", "A", population=340000),
                    "Brest", 2, "geonames")
BRITTANY = Candidate(Place("fr", "Brest", 48.39, -4.49, "populated_place", "FR", "B", population=140000),
                     "Brest", 2, "geonames")
FOUND = Found(30, 35, "Brest", "Brest", cue=True)  # "About a hundred people marched in Brest."


def _mention(*options: Candidate) -> Mention:
    return Mention(FOUND, fold("Brest"), list(options), True, True, False, pickable=[True] * len(options))


def _resolve(geo: DocumentGeography) -> Candidate | None:
    m = _mention(BELARUS, BRITTANY)
    ranked = Ranked([(0.7, BELARUS), (0.3, BRITTANY)], True, 1.0)
    return coded_namesake(m, ranked, Resolution(FOUND, BELARUS, 0.7, 1), geo, KM).candidate


def test_only_the_french_town_is_coded() -> None:
    assert coded(fold("Brest"), BRITTANY, KM)
    assert not coded(fold("Brest"), BELARUS, KM)


def test_a_report_naming_no_country_takes_the_coded_namesake() -> None:
    assert _resolve(DocumentGeography()) is BRITTANY


def test_a_country_the_report_names_decides() -> None:
    geo = DocumentGeography()
    geo.add("belarus", Evidence({"BY": 1.0}))
    assert _resolve(geo) is BELARUS


def test_no_coded_candidate_leaves_the_choice() -> None:
    m = _mention(BELARUS)
    res = Resolution(FOUND, BELARUS, 0.7, 1)
    assert coded_namesake(m, Ranked([(1.0, BELARUS)], True, 1.0), res, DocumentGeography(), KM) is res


DONETSK = Candidate(Place("d", "Vodyane", 47.1478, 37.7881, "populated_place", "UA", "Donetsk"), "Vodyane", 2,
                    "acled-train")
ELSEWHERE = Candidate(Place("e", "Vodyane", 49.0, 30.0, "populated_place", "UA", "Cherkasy", population=9000),
                      "Vodyane", 1, "geonames")
VILLAGE = Found(40, 47, "Vodyane", "Vodyane", cue=True)  # "Ukraine: two shells fell near Vodyane."


def _in_ukraine(in_country: bool, region: str | None = None) -> Candidate | None:
    geo = DocumentGeography()
    geo.add("ukraine", Evidence({"UA": 1.0}, {("UA", region): 1.0} if region else {}))
    m = Mention(VILLAGE, fold("Vodyane"), [ELSEWHERE, DONETSK], True, True, False, pickable=[True, True])
    res = Resolution(VILLAGE, ELSEWHERE, 0.8, 1)
    return coded_namesake(m, Ranked([(0.8, ELSEWHERE), (0.2, DONETSK)], True, 1.0), res, geo, KM,
                          in_country).candidate


def test_within_a_named_country_only_when_asked() -> None:
    assert _in_ukraine(False) is ELSEWHERE
    assert _in_ukraine(True) is DONETSK


def test_a_named_province_keeps_its_namesake() -> None:
    assert _in_ukraine(True, "Cherkasy") is ELSEWHERE


def test_a_city_of_a_million_keeps_its_name() -> None:
    """'Nurses marched in Delhi': the record codes the capital's quarters under longer names, a village abroad as
    'Delhi'; the capital stays."""
    capital = Candidate(Place("in", "Delhi", 28.65, 77.23, "populated_place", "IN", "Delhi", population=11000000),
                        "Delhi", 2, "geonames")
    village = Candidate(Place("us", "Delhi", 42.28, -74.92, "populated_place", "US", "New York", population=3000),
                        "Delhi", 2, "geonames")
    found = Found(30, 35, "Delhi", "Delhi", cue=True)
    m = Mention(found, fold("Delhi"), [capital, village], True, True, False, pickable=[True, True])
    res = Resolution(found, capital, 0.9, 1)
    ranked = Ranked([(0.9, capital), (0.1, village)], True, 1.0)
    assert coded_namesake(m, ranked, res, DocumentGeography(), KM, big=1000000) is res
    assert coded_namesake(m, ranked, res, DocumentGeography(), KM).candidate is village  # no limit: moved
