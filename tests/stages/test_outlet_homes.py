"""Outlet homes (`thucydides.geo.outlets`), on outlets and sentences we wrote: an outlet's home region is learned
from the places the system resolved in its reports, and read back as a prior when its reports are resolved."""

from __future__ import annotations

import json
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
    contract_reports,
    learn_homes,
    main,
    outlet_of,
    read_homes,
    write_homes,
)
from thucydides.knowledge import KnowledgeError
from thucydides.model import Analysis, Document

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


def _contract(*mentions: tuple[str, str, str, str]) -> dict[str, object]:
    """An export with one document per mention: (url, name, country, admin1)."""
    docs = [{"id": f"d{i}", "url": url} for i, (url, *_) in enumerate(mentions)]
    places = [{"id": f"p{i}", "kind": "populated_place", "country": cc, "admin1": a1, "lat": 0.0, "lon": 0.0}
              for i, (_, _, cc, a1) in enumerate(mentions)]
    refs = [{"doc": f"d{i}", "kind": "place", "text": name, "ref": f"p{i}", "start": 0, "end": len(name)}
            for i, (_, name, _, _) in enumerate(mentions)]
    return {"documents": docs, "places": places, "mentions": refs}


def test_only_places_where_their_names_biggest_bearer_lies_vote() -> None:
    contract = _contract((PAPER.format(1), "Shreveport", "US", "Louisiana"),
                         (PAPER.format(2), "Columbus", "US", "Georgia"))
    got = contract_reports(contract, open_gazetteer(), SETTINGS)
    assert [r.places for r in got] == [(LOUISIANA,), ()]


def test_the_command_learns_homes_from_an_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    towns = ["Shreveport", "Baton Rouge", "Lafayette", "Shreveport"]
    export = tmp_path / "thucydides.json"
    export.write_text(json.dumps(_contract(*((PAPER.format(i), t, "US", "Louisiana") for i, t in enumerate(towns)))),
                      encoding="utf-8")
    assert main([str(export), "-o", str(tmp_path / "homes.yaml")]) == 0
    assert read_homes(tmp_path / "homes.yaml").homes["bayou-ledger.example.com"].region == LOUISIANA
    assert "1 outlet homes" in capsys.readouterr().out


def test_the_evaluation_learns_homes_from_the_systems_exports() -> None:
    """The geoparsing evaluation's second pass reads homes learned from its first pass's exports, as a user's
    command learns them from `thucydides export`'s file."""
    from thucydides.evaluation import adapter
    from thucydides.evaluation.view import ExportView

    towns = ["Shreveport", "Baton Rouge", "Lafayette"]
    empty = {"actors": [], "events": []}
    views = [ExportView.from_contract({**_contract((PAPER.format(i), t, "US", "Louisiana")), **empty})
             for i, t in enumerate(towns)]
    homes = adapter.learn_outlet_homes(views)
    assert homes.home_of(PAPER.format(7)) == OutletHome("US", "Louisiana", 3, 1.0)


def test_the_command_names_an_unreadable_export(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main([str(tmp_path / "missing.json")])


def test_no_file_named_no_homes() -> None:
    assert not configured_homes()


def test_the_settings_name_the_homes_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    homes = OutletHomes({"bayou-ledger.example.com": OutletHome("US", "Louisiana")})
    write_homes(homes, tmp_path / "homes.yaml")
    (tmp_path / "settings.yaml").write_text(f"outlet_homes:\n  file: {tmp_path / 'homes.yaml'}\n", encoding="utf-8")
    monkeypatch.setenv("THUCYDIDES_SETTINGS", str(tmp_path / "settings.yaml"))
    assert configured_homes() == homes


def test_a_missing_homes_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "settings.yaml").write_text(f"outlet_homes:\n  file: {tmp_path / 'none.yaml'}\n", encoding="utf-8")
    monkeypatch.setenv("THUCYDIDES_SETTINGS", str(tmp_path / "settings.yaml"))
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
