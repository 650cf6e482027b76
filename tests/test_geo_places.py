"""The places stage over short texts we wrote: recognition, resolution, precision, robustness."""

from __future__ import annotations

import pytest

from thucydides.geo.build import km
from thucydides.model import Analysis

pytestmark = pytest.mark.slow


def placed(analysis: Analysis) -> dict[str, tuple[float, float, str]]:
    """Mention text -> (lat, lon, kind) of every resolved toponym."""
    out = {}
    for t in analysis.toponyms:
        if t.place:
            p = analysis.places[t.place]
            out[t.text] = (p.lat, p.lon, p.kind)
    return out


def test_transliterated_villages_resolve_near_each_other(analyse) -> None:
    a = analyse("Fighters advanced from Hajin towards al-Sousah in Deir ez-Zor Province on Monday.")
    got = placed(a)
    assert "al-Sousah" in got and "Hajin" in got
    lat, lon, _ = got["al-Sousah"]
    assert km(lat, lon, 34.53, 40.96) < 15  # the Syrian village, not Sousse in Tunisia


def test_province_pattern_gives_admin1_and_region_precision(analyse) -> None:
    a = analyse("Clashes were reported in Idlib Province and near Aleppo.")
    provinces = [t for t in a.toponyms if t.text.endswith("Province")]
    assert provinces and provinces[0].place
    assert a.places[provinces[0].place].kind == "admin1"
    assert provinces[0].geo_precision == 3


def test_vicinity_gives_precision_two(analyse) -> None:
    a = analyse("Shelling hit the western countryside of Aleppo, 10 km west of Aleppo city, on Tuesday.")
    precisions = {t.geo_precision for t in a.toponyms if t.place and "Aleppo" in t.text}
    assert 2 in precisions


def test_border_of_two_countries_is_a_place(analyse) -> None:
    a = analyse("Troops patrolled the Syrian-Iraqi border near the town of Al-Qaim.")
    borders = [t for t in a.toponyms if "border" in t.text]
    assert borders and borders[0].place
    assert a.places[borders[0].place].kind == "border"


def test_common_words_and_person_names_are_not_places(analyse) -> None:
    a = analyse("Back To Top. Link to the image. Spokesman Mustafa Bali said the Round Up operation goes on in Syria.")
    texts = {t.text for t in a.toponyms if t.place}
    assert not texts & {"Back", "Top", "Link", "Bali", "Round"}
    assert "Syria" in texts


def test_country_as_modifier_is_not_a_place(analyse) -> None:
    a = analyse("US President Donald Trump visited troops at US bases in Iraq.")
    texts = [t.text for t in a.toponyms if t.place]
    assert "Iraq" in texts
    assert "US" not in texts


def test_unknown_name_stays_unresolved_and_never_fails(analyse) -> None:
    a = analyse("Residents fled Zqxwvillebad, a town in Syria, on Friday.")
    assert not [w for w in a.warnings if w.startswith("places")]
    assert all(t.text != "Zqxwvillebad" or t.place is None for t in a.toponyms)


def test_offsets_index_the_document_text(analyse) -> None:
    a = analyse("Airstrikes hit Raqqa and Deir ez-Zor.\nLater, Mosul was quiet.")
    for t in a.toponyms:
        assert a.document.text[t.start:t.end] == t.text
