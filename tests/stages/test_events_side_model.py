"""Events stage: the learned actor 2 chooser (events/sides.py, step side_model) on sentences written for these
tests: the sides a paragraph names with their features, and the choice a written model makes among them. Places
are attached by hand as in tests/stages/test_events.py."""

# ruff: noqa: F811  (the fixtures imported from tests/stages/test_events.py are parameters here)
from __future__ import annotations

import pytest

from tests.stages.test_events import events_of, name, parse  # noqa: F401  (fixtures)
from thucydides.events import sides
from thucydides.events.roles import RoleContext
from thucydides.knowledge.side_model import SideModel

CLASH = "Government security forces fought with ISIS fighters near Mosul on Tuesday."


@pytest.fixture
def contexts(events_of, monkeypatch):
    """The role contexts the events stage reads each sighting's actor 2 in, as `sides.record` is handed them."""
    seen: list[RoleContext] = []
    monkeypatch.setattr(sides, "record", lambda rc, actor2, step2: seen.append(rc))

    def run(text: str) -> list[RoleContext]:
        seen.clear()
        events_of(text)
        return list(seen)

    return run


def test_each_side_named_once_with_its_role(contexts):
    rc = contexts(CLASH)[0]
    named = {name(s.actor): s for s in sides.sides(rc)}
    isis = named["Islamic State"]
    assert "role:prep:with:anchor" in isis.features
    assert "sub:Armed clash" in isis.features
    assert rc.actor1 not in {s.actor for s in sides.sides(rc)}  # actor 1 is never its own opponent


def test_a_word_inside_another_sides_phrase_is_marked(contexts):
    rc = contexts("Government troops and ISIS fighters clashed near Mosul on Tuesday, a resident said.")[0]
    government = [s for s in sides.sides(rc) if name(s.actor) and str(name(s.actor)).startswith("Government of")]
    assert all("inside_phrase" in s.features for s in government)


def test_the_likeliest_side_is_chosen_at_the_threshold(contexts, monkeypatch):
    rc = contexts(CLASH)[0]
    monkeypatch.setattr(sides, "load_side_model", lambda: SideModel(-2.0, {"role:prep:with:anchor": 4.0}))
    assert name(sides.side_model(rc)) == "Islamic State"
    monkeypatch.setattr(sides, "load_side_model", lambda: SideModel(-6.0, {"role:prep:with:anchor": 4.0}))
    assert sides.side_model(rc) is None  # p = 0.12, under the threshold


def test_recording_keeps_every_sighting(events_of):
    kept: list[sides.SideRecord] = []
    token = sides.recording.set(kept)
    try:
        events_of(CLASH)
    finally:
        sides.recording.reset(token)
    assert kept and kept[0].sub_event_type == "Armed clash"
    assert any(name(s.actor) == "Islamic State" for s in kept[0].sides)
