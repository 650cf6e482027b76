"""A figure told in a sentence that names no place or date holds at the scene its paragraph set (claims/where.py,
claims/when.py). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from thucydides.model import Analysis, Claim, Interval

PUBLISHED = Interval(date(2024, 5, 8), date(2024, 5, 8))


def _claim(a: Analysis, metric: str) -> Claim:
    (claim,) = [c for c in a.claims if c.metric == metric]
    return claim


def _place_name(a: Analysis, claim: Claim) -> str | None:
    return a.places[claim.place].name if claim.place else None


def test_a_toll_after_the_scene_holds_where_and_when_the_scene_was_set(parse_claims):
    a = parse_claims("Armed men raided a cattle market in Kidal on Monday. Nine traders were killed, the mayor said.",
                     published=PUBLISHED)
    claim = _claim(a, "killed")
    assert _place_name(a, claim) == "Kidal"
    assert claim.time is not None and claim.time.start == date(2024, 5, 6)


def test_a_date_does_not_carry_into_the_next_paragraph(parse_claims):
    a = parse_claims("Armed men raided a cattle market in Kidal on Monday.\n\nNine traders were killed, the mayor "
                     "said.", published=PUBLISHED)
    assert _claim(a, "killed").time is None


def test_a_dateline_town_is_not_where_the_figure_holds(parse_claims):
    a = parse_claims("BAMAKO — Nine traders were killed when armed men raided a cattle market near Kidal.",
                     published=PUBLISHED)
    assert _place_name(a, _claim(a, "killed")) == "Kidal"
    b = parse_claims("BAMAKO — Nine traders were killed when armed men raided a cattle market, the mayor said.",
                     published=PUBLISHED)
    assert _claim(b, "killed").place is None


def test_the_sentence_s_town_beats_its_country(parse_claims):
    a = parse_claims("Officials in Mali said nine traders were killed in Kidal.", published=PUBLISHED)
    assert _place_name(a, _claim(a, "killed")) == "Kidal"


def test_a_country_is_narrowed_to_the_report_s_town_inside_it(parse_claims):
    a = parse_claims("Armed men raided a cattle market near Kidal on Monday. Officials in Mali said nine traders "
                     "were killed.", published=PUBLISHED)
    assert _place_name(a, _claim(a, "killed")) == "Kidal"



def test_a_destination_or_a_landmark_is_not_where_the_figure_holds(parse_claims):
    a = parse_claims("Guards at a camp near Kidal said 40 detainees were flown to Bamako on Tuesday.",
                     published=PUBLISHED)
    assert _place_name(a, _claim(a, "captured")) == "Kidal"
    b = parse_claims("Gunmen raided a market in Kidal, 300 km north of Gao, on Monday. Nine traders were killed.",
                     published=PUBLISHED)
    assert _place_name(b, _claim(b, "killed")) == "Kidal"


def test_an_area_holds_where_its_own_sentence_says_not_at_the_report_s_town(parse_claims):
    """Control reads held and taken areas as who holds their place: an area in a country is not its town."""
    a = parse_claims("Rebels stormed the town of Kidal on Monday. The rebels now hold about 900 km2 in Mali.",
                     published=PUBLISHED)
    assert _place_name(a, _claim(a, "territory_held")) == "Mali"
    b = parse_claims("Rebels stormed the town of Kidal on Monday. The rebels now hold about 900 km2.",
                     published=PUBLISHED)
    assert _claim(b, "territory_held").place is None
