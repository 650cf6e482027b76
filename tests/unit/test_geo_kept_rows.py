"""What the resolver keeps to save work gives what computing afresh gives (`bench/geo_speed.py`): a candidate's
context features kept in its context, the same-place groups of a ranking, the static entry's scores and flags."""

from __future__ import annotations

from thucydides.geo.context import Points
from thucydides.geo.document import GeographyView
from thucydides.geo.features import context_rows, static_entry
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.ranker import ranker
from thucydides.geo.recognize import Found
from thucydides.geo.resolve import _one_place_groups, _pickable_and_lesser, one_place_votes, static_scores
from thucydides.model import Place

NAKURU = Candidate(Place("t-nakuru", "Nakuru", -0.30, 36.07, "populated_place", "KE", "Nakuru", 1, 300000),
                   "Nakuru", 2, "geonames")
NAKURU_COUNTY = Candidate(Place("t-nakuru-county", "Nakuru", -0.35, 36.10, "admin2", "KE", "Nakuru", 2, 2000000),
                          "Nakuru", 2, "geonames")
NAMESAKE = Candidate(Place("t-nakuru-tz", "Nakuru", -6.80, 37.60, "populated_place", "TZ", "Morogoro", 3, 900),
                     "Nakuru", 2, "geonames")
CANDIDATES = [NAKURU, NAKURU_COUNTY, NAMESAKE]


def _points() -> Points:
    return Points((("t-eldoret", 0.51, 35.27),), {"KE": 1.0}, {("KE", "Uasin Gishu"): 1.0}, {("KE", "Nakuru"): 0.5})


def _view(countries: dict[str, float]) -> GeographyView:
    return GeographyView(countries, {}, frozenset(), None)


def test_context_rows_kept_in_the_context_are_the_fresh_ones() -> None:
    static = static_entry(Found(0, 6, "Nakuru", "Nakuru"), CANDIDATES).rows
    kenya, tanzania = _view({"KE": 1.0}), _view({"TZ": 1.0})
    points = _points()
    first = context_rows(CANDIDATES, kenya, points, static)
    assert points.rows  # kept
    assert context_rows(CANDIDATES, kenya, points, static) == first
    assert first == context_rows(CANDIDATES, kenya, _points(), static)
    # another view over the same context is scored afresh, not served the first view's rows
    assert context_rows(CANDIDATES, tanzania, points, static) == context_rows(CANDIDATES, tanzania, _points(), static)
    assert context_rows(CANDIDATES, tanzania, points, static) != first


def test_same_place_groups_join_a_town_and_its_county_not_the_namesake_abroad() -> None:
    where = tuple((c.place.country, c.place.lat, c.place.lon) for c in CANDIDATES)
    assert _one_place_groups(where, 25.0) == ((0, 1), (0, 1), (2,))
    voted = one_place_votes([(0.3, NAMESAKE), (0.25, NAKURU), (0.2, NAKURU_COUNTY)], 25.0)
    assert [c for _, c in voted] == [NAKURU, NAKURU_COUNTY, NAMESAKE]
    assert voted[0][0] == 0.25 + 0.2


def test_the_static_entry_keeps_scores_and_flags_for_its_rows() -> None:
    found = Found(0, 6, "Nakuru", "Nakuru")
    entry = static_entry(found, CANDIDATES)
    assert static_entry(Found(40, 46, "Nakuru", "Nakuru"), CANDIDATES) is entry
    model = ranker()
    assert static_scores(model, entry) == model.static_scores(entry.rows)
    assert static_scores(model, entry) is static_scores(model, entry)
    flags = _pickable_and_lesser(found, CANDIDATES, entry, 1000)
    assert _pickable_and_lesser(found, CANDIDATES, entry, 1000) is flags
    assert _pickable_and_lesser(found, CANDIDATES, entry, 5) == flags


def test_nearest_km_is_the_least_km_within_reach() -> None:
    """`distance.nearest_km` (the context's nearest point, `km` written out) gives `km`'s own least distance, skipping
    the candidate's own point and the points beyond the latitude band."""
    from thucydides.geo.distance import km, nearest_km

    points = (("t-eldoret", 0.51, 35.27), ("t-nakuru", -0.30, 36.07), ("t-kisumu", -0.09, 34.77),
              ("t-far", 9.0, 36.0))
    near = nearest_km(-0.35, 36.10, points, "t-nakuru", 4.0)
    assert near == min(km(-0.35, 36.10, lat, lon) for pid, lat, lon in points[:3] if pid != "t-nakuru")
    assert nearest_km(-0.35, 36.10, points[3:], "t-nakuru", 4.0) == float("inf")


def test_coherence_read_once_is_the_coherence() -> None:
    """The context features and the hand-set coherence read the context once (`Points.shares`): the same coherence as
    reading it afresh, for a town, a county and a town abroad."""
    from thucydides.geo import handset

    view = _view({"KE": 1.0})
    for c in CANDIDATES:
        points = _points()
        shares = points.shares(c)
        assert handset.coherence_at(c, view, points, False, *shares) == handset.coherence(c, view, _points())
    assert _points().shares(NAKURU_COUNTY)[1:] == (1.0, 0.0, 0.5)


def test_vote_sums_started_from_the_names_before_are_the_votes() -> None:
    """`VoteSums` starts a name's votes from the kept sums of the names before it: the same votes, in the same order,
    as adding every other name's afresh (`_votes`), for each name, asked in any order, and for a name with none."""
    from thucydides.geo.resolve import _NOWHERE, VoteSums, _votes

    possible = {"Nakuru": {("KE", "Nakuru"): 0.5, ("TZ", "Morogoro"): 0.5}, "Eldoret": {("KE", "Uasin Gishu"): 1.0},
                "Kisumu": {("KE", "Kisumu"): 1 / 3, ("KE", "Nakuru"): 1 / 3, ("TZ", "Morogoro"): 1 / 3}}
    sums = VoteSums(possible)
    for key in ("Kisumu", "Nakuru", _NOWHERE, "Eldoret"):
        votes, _ = sums.of(key)
        assert list(votes.items()) == list(_votes(key, possible).items())
    assert sums.of("Nakuru") is sums.of("Nakuru")


def test_views_started_from_the_votes_before_are_the_views() -> None:
    """`Views` starts a name's view from the kept sums of the votes before its own: the same countries and regions, in
    the same order, as `DocumentGeography.view` summing afresh, for each name asked in any order and for a name that
    casts no vote."""
    from thucydides.geo.document import DocumentGeography, Evidence
    from thucydides.geo.resolve import Views

    geo = DocumentGeography(demonyms={"UG": 1.0}, actors=frozenset({"KE"}))
    geo.add("Nakuru", Evidence({"KE": 0.5, "TZ": 0.5}, {("KE", "Nakuru"): 0.5, ("TZ", "Morogoro"): 0.5}))
    geo.add("Kenya", Evidence({"KE": 1.0}, {}))
    geo.add("Gulu", Evidence({"UG": 1.0}, {("UG", "Northern"): 1.0}))
    views = Views(geo)
    for key in ("Gulu", "Nakuru", "Eldoret", "Kenya"):
        kept, fresh = views.view(key), geo.view(key)
        assert list(kept.countries.items()) == list(fresh.countries.items())
        assert list(kept.regions.items()) == list(fresh.regions.items())
        assert (kept.actors, kept.home, kept.home_region) == (fresh.actors, fresh.home, fresh.home_region)
    assert views.view("Eldoret") is views.view("Lodwar")  # no vote of their own: one view


def test_a_pass_reads_its_places_once_for_every_context() -> None:
    """`Placed` reads a pass's located places once; each name's context (`context_for`) is the other places', as
    made from them afresh: in their order, the name's own left out, a country's and a region's shares summed."""
    from thucydides.geo.resolve import Placed, _points, context_for

    kenya = Candidate(Place("t-kenya", "Kenya", 0.5, 37.9, "country", "KE", None, 0, 50000000), "Kenya", 2, "geonames")
    located = {"nakuru": NAKURU, "county": NAKURU_COUNTY, "kenya": kenya, "namesake": NAMESAKE, "again": NAKURU}
    placed = Placed.of(located)
    for key in [*located, "elsewhere"]:
        got = context_for(key, located, {}, placed=placed)
        others = [c for k, c in located.items() if k != key]
        assert got == _points(others, {}) and list(got.countries) == list(_points(others, {}).countries)
    county = context_for("county", located, {}, placed=placed)
    assert county.items == (("t-nakuru", -0.30, 36.07), ("t-nakuru-tz", -6.80, 37.60))
    assert county.countries == {"KE": 0.75, "TZ": 0.25} and county.settled == frozenset({"KE", "TZ"})
    assert county.regions == {("KE", "Nakuru"): 0.5, ("TZ", "Morogoro"): 0.25}
