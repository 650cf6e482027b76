"""A name qualified by the place after it ("A, B", not in a list) lies in B's country once both are resolved, unless
the rest of the report implies its own (`qualified.held_by_qualifier`): else it takes its best-ranked candidate
there, or stays unresolved. The places are real (Baghdad, Zayouna a quarter of it, Basra), their points rounded;
Zayouna's namesakes in Basra province and in Turkey are invented."""

from __future__ import annotations

from thucydides.geo.document import DocumentGeography, Evidence
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.qualified import held, held_by_qualifier, qualifier_of
from thucydides.geo.recognize import Found
from thucydides.geo.resolve import Mention, Ranked, Resolution
from thucydides.model import Place

NOWHERE = DocumentGeography()


def _cand(pid: str, name: str, lat: float, lon: float, country: str, admin1: str, kind: str = "populated_place",
          population: int = 1000) -> Candidate:
    return Candidate(Place(pid, name, lat, lon, kind, country, admin1, population=population), name, 2, "geonames")


BAGHDAD_CITY = _cand("bc", "Baghdad", 33.34, 44.40, "IQ", "Baghdad", population=7000000)
BAGHDAD_STATE = _cand("bs", "Baghdad", 33.34, 44.40, "IQ", "Baghdad", kind="admin1")
IRAQ = _cand("iq", "Iraq", 33.0, 44.0, "IQ", "", kind="country")
SYRIA = _cand("sy", "Syria", 35.0, 38.0, "SY", "", kind="country")
NEAR_BAGHDAD = _cand("nb", "Zayouna", 33.32, 44.45, "IQ", "Baghdad")
IN_BASRA = _cand("ba", "Zayouna", 30.5, 47.8, "IQ", "Al-Basrah")
ABROAD = _cand("tr", "Zayouna", 40.6, 33.6, "TR", "Cankiri")


def test_a_town_lies_in_its_qualifier_country() -> None:
    assert held(NEAR_BAGHDAD, BAGHDAD_CITY)
    assert held(IN_BASRA, BAGHDAD_STATE)
    assert held(IN_BASRA, IRAQ)
    assert not held(ABROAD, IRAQ)
    assert not held(ABROAD, BAGHDAD_CITY)


def test_a_state_or_a_country_is_not_qualified_by_another_place() -> None:
    assert held(SYRIA, IRAQ) is None
    assert held(BAGHDAD_STATE, SYRIA) is None


def _found(start: int, name: str, within: int | None = None, listed: bool = False) -> Found:
    return Found(start, start + len(name), name, name, within=within, listed=listed)


def _mention(f: Found, options: list[Candidate]) -> Mention:
    return Mention(f, f.name.lower(), options, True, True, False)


def _sentence(third: bool = False) -> list[Mention]:
    """ "... in Zayouna, Baghdad" (and, `third`, "and Basra" after it: a list)."""
    town = _found(20, "Zayouna", within=29)
    box = _found(29, "Baghdad")
    out = [_mention(town, [ABROAD, NEAR_BAGHDAD, IN_BASRA]), _mention(box, [BAGHDAD_CITY])]
    if third:
        out.append(_mention(_found(41, "Basra", listed=True), [IN_BASRA]))
    return out


def _resolved(mentions: list[Mention], picks: list[Candidate | None]) -> list[Resolution]:
    return [Resolution(m.found, c, 0.9, 1) for m, c in zip(mentions, picks, strict=True)]


def test_a_name_resolved_abroad_from_its_qualifier_takes_its_best_candidate_in_its_country() -> None:
    mentions = _sentence()
    ranked = [Ranked([(0.6, ABROAD), (0.3, IN_BASRA), (0.1, NEAR_BAGHDAD)], True, 1.0), None]
    out = held_by_qualifier(mentions, ranked, _resolved(mentions, [ABROAD, BAGHDAD_CITY]), NOWHERE)
    assert out[0].candidate is IN_BASRA
    assert out[1].candidate is BAGHDAD_CITY


def test_with_no_candidate_in_its_qualifier_country_the_name_stays_unresolved() -> None:
    mentions = _sentence()
    ranked = [Ranked([(1.0, ABROAD)], True, 1.0), None]
    out = held_by_qualifier(mentions, ranked, _resolved(mentions, [ABROAD, BAGHDAD_CITY]), NOWHERE)
    assert out[0].candidate is None


def test_a_country_the_rest_of_the_report_implies_keeps_the_name_there() -> None:
    mentions = _sentence()
    geo = DocumentGeography()
    geo.add("turkey", Evidence({"TR": 1.0}, {}))
    ranked = [Ranked([(1.0, ABROAD)], True, 1.0), None]
    out = held_by_qualifier(mentions, ranked, _resolved(mentions, [ABROAD, BAGHDAD_CITY]), geo)
    assert out[0].candidate is ABROAD


def test_a_list_is_no_qualifier() -> None:
    mentions = _sentence(third=True)
    assert qualifier_of(0, mentions) is None
    ranked: list[Ranked | None] = [Ranked([(1.0, ABROAD)], True, 1.0), None, None]
    picks = _resolved(mentions, [ABROAD, BAGHDAD_CITY, IN_BASRA])
    assert held_by_qualifier(mentions, ranked, picks, NOWHERE)[0].candidate is ABROAD
