"""The split rules of `knowledge.splits`: stable, disjoint, and in the shares their docstrings promise."""

from __future__ import annotations

from thucydides.knowledge.splits import fold_of, is_calibration, is_fit_half, news_style_pick, sha256_int


def test_fit_half_is_about_half_and_depends_on_the_corpus() -> None:
    lgl = [is_fit_half("lgl", i) for i in range(2000)]
    assert 900 < sum(lgl) < 1100
    assert lgl != [is_fit_half("geovirus", i) for i in range(2000)]
    assert lgl == [sha256_int(f"lgl:{i}") % 2 == 0 for i in range(2000)]


def test_calibration_is_a_fifth_and_folds_cover_every_fold() -> None:
    keys = [f"doc-{i}" for i in range(2000)]
    assert 320 < sum(map(is_calibration, keys)) < 480
    folds = [fold_of(k, 5) for k in keys]
    assert set(folds) == {0, 1, 2, 3, 4}
    assert folds == [fold_of(k, 5) for k in keys]


def test_calibration_share_is_one_in_share_and_keeps_the_default_rule() -> None:
    keys = [f"unit-{i}" for i in range(2000)]
    assert 140 < sum(is_calibration(k, 10) for k in keys) < 260
    assert [is_calibration(k) for k in keys] == [is_calibration(k, 5) for k in keys]


def test_news_style_pick_draws_one_in_share_with_its_arrangement_number() -> None:
    keys = [f"note-{i}" for i in range(2000)]
    picks = [news_style_pick(k, 4) for k in keys]
    assert 400 < sum(p is not None for p in picks) < 600
    assert all(p is None or p == sha256_int(f"news-style:{k}") // 4 for k, p in zip(keys, picks, strict=True))
