"""Outlet homes (`thucydides.geo.outlets`), on outlets and sentences we wrote: an outlet's home region is learned
from the places the system resolved in its reports, and read back as a prior when its reports are resolved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo.gazetteer import open_gazetteer
from thucydides.geo.outlets import (
    OutletHome,
    OutletHomes,
    OutletSettings,
    ReportPlaces,
    configured_homes,
    homes_in_force,
    learn_homes,
    outlet_key,
    outlet_of,
    read_homes,
    write_homes,
)
from thucydides.knowledge import KnowledgeError
from thucydides.model import Analysis, Document, Place, Toponym
from thucydides.store.db import Store

SETTINGS = OutletSettings(min_reports=3, concentration=0.3, country_concentration=0.6)
LOUISIANA = ("US", "Louisiana")
PAPER = "https://www.bayou-ledger.example.com/news/{}"


def _reports(url: str, *places: tuple[tuple[str, str], ...]) -> list[ReportPlaces]:
    return [ReportPlaces(url.format(i), p) for i, p in enumerate(places)]


# --- fast: the outlet, learning, the file ------------------------------------------------------

@pytest.mark.parametrize(("url", "outlet"), [
    ("https://www.Bayou-Ledger.example.com/news/1", "bayou-ledger.example.com"),
    ("news.valley-post.example.org/a?b=c", "news.valley-post.example.org"),
    ("http://localhost/report", None),
    (None, None),
])
def test_an_outlet_is_its_web_address_host(url: str | None, outlet: str | None) -> None:
    assert outlet_of(url) == outlet


def test_a_paper_whose_reports_stay_in_one_state_has_it_as_home() -> None:
    reports = _reports(PAPER, (LOUISIANA, LOUISIANA), (LOUISIANA, ("US", "Texas")), (LOUISIANA,),
                       (("US", "Virginia"),))
    home = learn_homes(reports, SETTINGS).home_of(PAPER.format(9))
    assert home is not None and home.region == LOUISIANA and home.reports == 4


def test_an_outlet_reporting_everywhere_has_no_home() -> None:
    regions = [("US", "Ohio"), ("FR", "Bretagne"), ("KE", "Nairobi"), ("IN", "Kerala"), ("BR", "Bahia")]
    reports = _reports("https://world-wire.example.net/{}", *((r,) for r in regions))
    assert learn_homes(reports, SETTINGS).home_of("https://world-wire.example.net/x") is None


def test_a_report_without_an_address_is_its_stored_outlets() -> None:
    """A feed's or a masthead's outlet name stands for the address a report lacks; an address comes first."""
    reports = [ReportPlaces(None, p, "The  Bayou Ledger") for p in ((LOUISIANA,), (LOUISIANA,), (LOUISIANA,))]
    homes = learn_homes(reports, SETTINGS)
    assert list(homes.homes) == ["the bayou ledger"]
    home = homes.home_of(None, "the Bayou Ledger")
    assert home is not None and home.region == LOUISIANA
    assert homes.home_of(PAPER.format(1), "The Bayou Ledger") is None  # its address names another outlet
    assert outlet_key(None, None) is None and outlet_key(None, "  ") is None


def test_too_few_reports_teach_nothing() -> None:
    assert not learn_homes(_reports(PAPER, (LOUISIANA,), (LOUISIANA,)), SETTINGS)


def test_an_outlet_spread_over_one_country_has_that_country() -> None:
    states = [("NG", "Lagos"), ("NG", "Kano"), ("NG", "Borno"), ("NG", "Rivers"), ("GH", "Ashanti")]
    reports = _reports("https://naija-desk.example.com/{}", *((s,) for s in states))
    assert learn_homes(reports, SETTINGS).homes["naija-desk.example.com"] == OutletHome("NG", None, 5, 0.8)


def test_homes_survive_their_file(tmp_path: Path) -> None:
    homes = OutletHomes({"bayou-ledger.example.com": OutletHome("US", "Louisiana", 4, 0.75),
                         "naija-desk.example.com": OutletHome("NG", None, 5, 0.8)})
    write_homes(homes, tmp_path / "homes.yaml")
    assert read_homes(tmp_path / "homes.yaml") == homes


def test_a_hand_written_home_needs_a_country(tmp_path: Path) -> None:
    path = tmp_path / "homes.yaml"
    path.write_text("outlets:\n  bayou-ledger.example.com: {admin1: Louisiana}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="bayou-ledger.example.com.*country"):
        read_homes(path)


def _store(tmp_path: Path, *mentions: tuple[str, str, str, str]) -> Store:
    """A store with one processed report per mention: (url, name, country, admin1)."""
    store = Store(tmp_path / "t.db")
    for i, (url, name, cc, a1) in enumerate(mentions):
        text = f"Report {i} from {name}."
        doc = Document.from_text(text, name=f"r{i}.txt", url=url)
        place = Place(f"p{i}", name, 0.0, 0.0, "populated_place", cc, a1)
        start = text.index(name)
        store.add_documents([doc])
        store.save_analysis(Analysis(doc, toponyms=[Toponym(start, start + len(name), name, place.id)],
                                     places={place.id: place}))
    return store


def test_only_places_where_their_names_biggest_bearer_lies_vote(tmp_path: Path) -> None:
    from thucydides.corpus.outlet_homes import stored_reports

    store = _store(tmp_path, (PAPER.format(1), "Shreveport", "US", "Louisiana"),
                   (PAPER.format(2), "Columbus", "US", "Georgia"))
    got = stored_reports(store, open_gazetteer(), SETTINGS)
    assert [r.places for r in got] == [(LOUISIANA,), ()]


def test_a_mention_its_outlets_home_placed_votes_for_the_home(tmp_path: Path) -> None:
    """Learning again over reports processed with a home: the namesake the home chose keeps the report's vote,
    so the home learned again is the same; without the home, that namesake would not vote."""
    from thucydides.corpus.outlet_homes import stored_reports

    store = _store(tmp_path, (PAPER.format(1), "Alexandria", "US", "Louisiana"))
    home = OutletHomes({"bayou-ledger.example.com": OutletHome("US", "Louisiana")})
    assert [r.places for r in stored_reports(store, open_gazetteer(), SETTINGS, OutletHomes())] == [()]
    assert [r.places for r in stored_reports(store, open_gazetteer(), SETTINGS, home)] == [(LOUISIANA,)]


def test_the_evaluation_learns_homes_as_the_command_does(tmp_path: Path) -> None:
    """The geoparsing evaluation's second pass learns homes over a store its first pass filled, with the code
    `thucydides run` runs, and processes again the reports it marks."""
    from thucydides.evaluation import adapter

    towns = ["Shreveport", "Baton Rouge", "Lafayette"]
    store = _store(tmp_path, *((PAPER.format(i), t, "US", "Louisiana") for i, t in enumerate(towns)),
                   ("https://world-wire.example.net/1", "Columbus", "US", "Georgia"))
    homes, again = adapter.learn_outlet_homes(store)
    assert homes.home_of(PAPER.format(7)) == OutletHome("US", "Louisiana", 3, 1.0)
    assert len(again) == 3 and store.stats().pending == 3


def test_homes_in_force_are_the_runs_and_a_users_file_overrides_them(
        tmp_path: Path, settings_from: Callable[[str], None]) -> None:
    learned = OutletHomes({"bayou-ledger.example.com": OutletHome("US", "Louisiana"),
                           "valley-post.example.org": OutletHome("US", "Texas")})
    write_homes(OutletHomes({"valley-post.example.org": OutletHome("MX", "Sonora")}), tmp_path / "homes.yaml")
    settings_from(f"outlet_homes:\n  file: {tmp_path / 'homes.yaml'}\n")
    with homes_in_force(learned):
        got = configured_homes()
    assert got.homes["bayou-ledger.example.com"].admin1 == "Louisiana"
    assert got.homes["valley-post.example.org"].country == "MX"
    assert "bayou-ledger.example.com" not in configured_homes().homes  # the run's homes end with it


def test_no_file_named_no_homes() -> None:
    assert not configured_homes()


def test_the_settings_name_the_homes_file(tmp_path: Path, settings_from: Callable[[str], None]) -> None:
    homes = OutletHomes({"bayou-ledger.example.com": OutletHome("US", "Louisiana")})
    write_homes(homes, tmp_path / "homes.yaml")
    settings_from(f"outlet_homes:\n  file: {tmp_path / 'homes.yaml'}\n")
    assert configured_homes() == homes


def test_a_missing_homes_file_is_named(tmp_path: Path, settings_from: Callable[[str], None]) -> None:
    settings_from(f"outlet_homes:\n  file: {tmp_path / 'none.yaml'}\n")
    with pytest.raises(KnowledgeError, match="none.yaml"):
        configured_homes()


# --- slow: the prior in resolution --------------------------------------------------------------

FIRE = "Firefighters in Alexandria put out a blaze at a warehouse on Monday, the fire chief said."


@pytest.fixture(scope="module")
def places_with():
    from thucydides.geo.stage import places_spec
    from thucydides.pipeline import Pipeline

    def run(text: str, url: str, homes: OutletHomes) -> Analysis:
        pipe = Pipeline(("nlp", "actors", "places"), extra={"places": places_spec(homes)})
        return pipe.run_documents([Document.from_text(text, name="t.txt", url=url)])[0]

    return run


@pytest.mark.slow
def test_a_namesake_in_the_outlets_home_region_wins(places_with) -> None:
    url = PAPER.format(1)
    alone = resolved(places_with(FIRE, url, OutletHomes()), "Alexandria")
    home = resolved(places_with(FIRE, url, OutletHomes({"bayou-ledger.example.com": OutletHome("US", "Louisiana")})),
                    "Alexandria")
    assert alone is None or alone.admin1 != "Louisiana"
    assert home is not None and (home.country, home.admin1) == LOUISIANA


@pytest.mark.slow
def test_another_outlets_home_changes_nothing(places_with) -> None:
    homes = OutletHomes({"bayou-ledger.example.com": OutletHome("US", "Louisiana")})
    url = "https://www.tidewater-courier.example.com/1"
    assert resolved(places_with(FIRE, url, homes), "Alexandria") == resolved(places_with(FIRE, url, OutletHomes()),
                                                                             "Alexandria")
