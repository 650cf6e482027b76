"""Work the resolver shares within one report gives what doing it afresh gives (`bench/geo_speed.py`): a repeated
name looked up and scored once (`NameShare`), a first pass that skips a settled name's later mentions
(`run_passes`), each name's view made once (`Views`). A small gazetteer stands in for the built one."""

from __future__ import annotations

from typing import Any

import pytest

from thucydides.geo import resolve
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.ranker import places_settings, ranker
from thucydides.geo.recognize import Found
from thucydides.geo.resolve import (
    Mention,
    NameShare,
    Ranked,
    Views,
    capped,
    context_for,
    mention,
    mentions_in,
    points_of,
    rank,
    run_passes,
)
from thucydides.model import Place

NAKURU = Candidate(Place("t-nakuru", "Nakuru", -0.30, 36.07, "populated_place", "KE", "Nakuru", 1, 300000),
                   "Nakuru", 2, "geonames")
NAMESAKE = Candidate(Place("t-nakuru-tz", "Nakuru", -6.80, 37.60, "populated_place", "TZ", "Morogoro", 3, 900),
                     "Nakuru", 2, "geonames")
ELDORET = Candidate(Place("t-eldoret", "Eldoret", 0.51, 35.27, "populated_place", "KE", "Uasin Gishu", 4, 400000),
                    "Eldoret", 2, "geonames")
KENYA = Candidate(Place("t-kenya", "Kenya", 0.5, 37.9, "country", "KE", None, 5, 50000000), "Kenya", 2, "geonames")
TEXT = ("Police in Kenya said clashes hit Nakuru on Monday. Traders in Nakuru closed their shops, and Nakuru "
        "officials met a delegation from Eldoret. Nakuru stayed calm.")


class SmallGazetteer:
    """The few places these tests name; counts its lookups."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def candidates(self, name: str) -> list[Candidate]:
        self.asked.append(name)
        return [c for c in (NAKURU, NAMESAKE, ELDORET, KENYA) if fold(c.name) == fold(name)]

    def similar(self, name: str, floor: float = 0.75) -> list[Candidate]:
        return []


def _spans() -> list[Found]:
    """Each name of TEXT as recognition would give it: after "in" a place cue, else spaCy's reading."""
    out, at = [], 0
    for name, cue in (("Kenya", True), ("Nakuru", False), ("Nakuru", True), ("Nakuru", False), ("Eldoret", False),
                      ("Nakuru", False)):
        start = TEXT.index(name, at)
        at = start + len(name)
        out.append(Found(start, at, name, name, ner="GPE", gazetteer=True, cue=cue, place_cue=cue))
    return out


def test_a_repeated_name_is_looked_up_once_and_scored_as_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    gaz, settings, model = SmallGazetteer(), places_settings(), ranker()
    names = NameShare(gaz, settings, model)  # type: ignore[arg-type]
    spans, asked, lookup = _spans(), [], resolve.candidates_for

    def candidates_for(f: Found, *args: object, **kwargs: object) -> list[Candidate]:
        asked.append(f.name)
        return lookup(f, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(resolve, "candidates_for", candidates_for)
    looked = [names.candidates(f) for f in spans]
    monkeypatch.undo()
    assert looked[1] is looked[3] is looked[5]  # "Nakuru" with the same flags: one lookup
    assert looked[2] is not looked[1]  # "in Nakuru": another lookup key (the place cue)
    assert asked == ["Kenya", "Nakuru", "Nakuru", "Eldoret"]
    for f, (_, reach) in zip(spans, looked, strict=True):
        shared = names.mention(f, reach, False, [0.0] * 5)
        assert shared == mention(f, capped(reach, settings), False, model, settings, [0.0] * 5)
        assert shared.found is f


def test_a_first_pass_that_skips_settled_names_hands_the_last_pass_what_a_full_one_would(
        monkeypatch: pytest.MonkeyPatch) -> None:
    gaz, settings, model = SmallGazetteer(), places_settings(), ranker()
    mentions, geo = mentions_in(_spans(), gaz, TEXT, None, frozenset())  # type: ignore[arg-type]
    ranked, ranking = [], resolve.rank

    def counted(m: Mention, *args: Any) -> Ranked | None:
        ranked.append(m.found.start)
        return ranking(m, *args)

    monkeypatch.setattr(resolve, "rank", counted)
    run_passes(mentions, geo, model, settings, 2)
    monkeypatch.undo()
    cued = TEXT.index("Nakuru closed")  # "in Nakuru", after the first "Nakuru" settled the name
    assert ranked.count(cued) == 1 and ranked.index(cued) > ranked.index(TEXT.index("Eldoret"))  # in the last pass
    first = run_passes(mentions, geo, model, settings, 1)  # a single pass is the last one: nothing skipped
    located, confirmed = points_of(mentions, first.picks), first.confirmed(mentions)
    views = Views(geo)
    fresh = [rank(m, views.view(m.key), context_for(m.key, located, first.possible), model, settings,
                  m.key in confirmed) if m.considered else None for m in mentions]
    assert run_passes(mentions, geo, model, settings, 2).ranked == fresh
    assert all(r is not None for r in fresh[1:])


def test_a_name_s_view_is_made_once_and_is_what_the_geography_gives() -> None:
    gaz = SmallGazetteer()
    mentions, geo = mentions_in(_spans(), gaz, TEXT, None, frozenset())  # type: ignore[arg-type]
    views = Views(geo)
    for key in ("nakuru", "eldoret", "nowhere named"):
        assert views.view(key) is views.view(key)
        assert (views.view(key).countries, views.view(key).regions) == (geo.view(key).countries,
                                                                         geo.view(key).regions)
