"""The learner of the points ACLED codes a happening placed only at a first-level unit at: rows written here."""

from __future__ import annotations

from thucydides.learn.unit_points import UnitPointSettings, _letters, collect, learn


class Units:
    """The gazetteer's units, by hand: one per name."""

    def unit(self, name: str, country: str) -> tuple[str, float, float] | None:
        return {"Alder": ("XX.01", 10.0, 10.0), "Birch": ("XX.02", 20.0, 20.0)}.get(name)


def _row(admin1: str, location: str, lat: float, lon: float, precision: str = "3") -> dict[str, str]:
    return {"country": "Xland", "admin1": admin1, "location": location, "latitude": str(lat), "longitude": str(lon),
            "geo_precision": precision}


def test_the_most_frequent_precision_3_location_of_a_unit_is_its_point():
    rows = [_row("Alder", "Alderton", 10.5, 10.4)] * 4 + [_row("Alder", "Elmwick", 10.1, 10.2)] \
        + [_row("Alder", "Oakby", 11.0, 11.0, precision="1")] * 9
    [point] = learn(collect(rows), UnitPointSettings(min_support=3, min_share=0.6), Units())  # type: ignore[arg-type]
    assert (point.admin1, point.location, point.lat, point.lon, point.train_rows, point.share) == \
        ("XX.01", "Alderton", 10.5, 10.4, 4, 0.8)


def test_a_unit_without_enough_support_or_share_or_known_unit_gets_no_point():
    rows = [_row("Alder", "Alderton", 10.5, 10.4)] * 2 \
        + [_row("Birch", "Birchley", 20.1, 20.1)] * 3 + [_row("Birch", "Ashford", 20.3, 20.3)] * 3 \
        + [_row("Cedar", "Cedarford", 30.0, 30.0)] * 9
    assert learn(collect(rows), UnitPointSettings(min_support=3, min_share=0.6), Units()) == []  # type: ignore[arg-type]


def test_unit_names_match_on_their_letters():
    assert _letters("Ma’rib") == _letters("Marib") and _letters("Herāt") == _letters("HERAT")
