"""Claim series and contradictions across reports."""

from __future__ import annotations

from datetime import date

from thucydides.corpus.series import build_series, contradictions
from thucydides.model import Claim, Document, Evidence, Interval

A = Document.from_text("Report A says the group holds about 40 square kilometres.", name="a.txt",
                       published=Interval(date(2019, 1, 10), date(2019, 1, 10)))
B = Document.from_text("Report B says the group holds 4 square kilometres.", name="b.txt",
                       published=Interval(date(2019, 1, 12), date(2019, 1, 12)))
C = Document.from_text("Report C, a year later, says 2 square kilometres.", name="c.txt",
                       published=Interval(date(2020, 1, 12), date(2020, 1, 12)))


def claim(doc: Document, low, high, qualifier="exact", claimant=None, time=None) -> Claim:
    return Claim(id=f"c-{doc.name}-{low}-{high}", doc=doc.id, metric="territory_held", unit="km2", low=low,
                 high=high, qualifier=qualifier, evidence=Evidence.of(doc, 0, 10), subject="ISIS",
                 claimant=claimant, time=time)


def test_series_orders_claims_by_time():
    claims = [claim(C, 2, 2), claim(A, 40, 40, "approximately"), claim(B, 4, 4)]
    (series,) = build_series(claims, [A, B, C])
    assert (series.metric, series.unit, series.subject) == ("territory_held", "km2", "ISIS")
    assert [p.claim.low for p in series.points] == [40, 4, 2]


def test_disagreeing_figures_at_the_same_time_contradict():
    found = contradictions([claim(A, 40, 40, "approximately", "SOHR"), claim(B, 4, 4, claimant="SDF")], [A, B])
    assert len(found) == 1
    assert "SOHR" in found[0].reason and "SDF" in found[0].reason


def test_compatible_hedges_do_not_contradict():
    at_most = claim(B, None, 50, "at_most")
    assert contradictions([claim(A, 40, 40, "approximately"), at_most], [A, B]) == []


def test_figures_far_apart_in_time_do_not_contradict():
    assert contradictions([claim(A, 40, 40), claim(C, 2, 2)], [A, C]) == []


def test_rounding_is_not_a_contradiction():
    assert contradictions([claim(A, 1700, 1700, "approximately"), claim(B, 1670, 1670, "approximately")],
                          [A, B]) == []


def test_cli_lists_series_and_disputes(tmp_path):
    from typer.testing import CliRunner

    from thucydides.cli.main import app
    from thucydides.model import Analysis
    from thucydides.store.db import Store

    db = tmp_path / "s.db"
    store = Store(db)
    store.add_documents([A, B])
    store.save_analysis(Analysis(A, claims=[claim(A, 40, 40, "approximately", "SOHR")]))
    store.save_analysis(Analysis(B, claims=[claim(B, 4, 4, claimant="SDF")]))
    runner = CliRunner()
    listed = runner.invoke(app, ["series", "--db", str(db), "--metric", "territory_held"])
    assert listed.exit_code == 0, listed.output
    assert "SOHR" in listed.output and "SDF" in listed.output
    disputed = runner.invoke(app, ["disputes", "--db", str(db)])
    assert disputed.exit_code == 0
    assert "a.txt" in disputed.output and "b.txt" in disputed.output


def test_sources_are_rated_by_volume_hedging_and_disputes():
    from thucydides.corpus.series import rate_sources

    claims = [claim(A, 40, 40, "approximately", "SOHR"), claim(B, 4, 4, claimant="SDF"),
              claim(C, 2, 2, claimant="SDF")]
    records = {r.claimant: r for r in rate_sources(claims, contradictions(claims, [A, B, C]))}
    sdf = records["SDF"]
    assert (sdf.claims, sdf.reports, sdf.hedged, sdf.disputed) == (2, 2, 0, 1)
    assert (records["SOHR"].hedged, records["SOHR"].disputed) == (1, 1)
    assert records["SDF"].disputed_share == 0.5


def toll(doc: Document, figure: int, claimant: str | None, first: date, last: date) -> Claim:
    return Claim(id=f"t-{doc.name}-{figure}-{claimant}", doc=doc.id, metric="killed", unit="person", low=figure,
                 high=figure, qualifier="exact", evidence=Evidence.of(doc, 0, 10), subject="civilians",
                 claimant=claimant, time=Interval(first, last))


def test_rival_tolls_of_one_day_from_two_claimants_contradict_even_in_one_report():
    day = date(2019, 1, 10)
    found = contradictions([toll(A, 40, "Ministry of Health", day, day), toll(A, 6, "Army", day, day)], [A])
    assert len(found) == 1 and "Army" in found[0].reason


def test_a_rising_toll_in_one_voice_and_a_total_over_months_are_no_dispute():
    day, later = date(2019, 1, 10), date(2019, 1, 11)
    assert contradictions([toll(A, 6, "Army", day, day), toll(B, 40, "Army", later, later)], [A, B]) == []
    total = toll(B, 900, "Monitor", date(2018, 6, 1), date(2019, 1, 10))
    assert contradictions([toll(A, 6, "Army", day, day), total], [A, B]) == []
