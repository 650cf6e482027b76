"""A span over no character of an actor's name is judged without reading the names (`recognize.actor_cover`), as
reading them judged it."""

from __future__ import annotations

from dataclasses import replace

from thucydides.geo.recognize import Found, actor_cover, within_an_actor_name

TEXT = "Fighters of the Kivu Defence Front shelled Goma while the Goma Traders Union met in Bukavu."
FRONT = (TEXT.index("Kivu"), TEXT.index(" shelled"))
UNION = (TEXT.index("Goma Traders"), TEXT.index(" met"))


def _found(name: str, after: int = 0) -> Found:
    start = TEXT.index(name, after)
    return Found(start, start + len(name), name, name, ner="GPE")


def test_the_cover_marks_the_characters_of_the_actors_names() -> None:
    cover = actor_cover([FRONT, UNION])
    assert cover is not None
    assert cover.find(1, *_spans("Goma")) == -1  # the town shelled: outside both names
    assert cover.find(1, *_spans("Goma", UNION[0])) >= 0  # heading the union's name
    assert cover.find(1, *_spans("Bukavu")) == -1
    assert actor_cover([FRONT, (30, 30)]) is None  # an empty name marks nothing: every span reads the names


def _spans(name: str, after: int = 0) -> tuple[int, int]:
    f = _found(name, after)
    return f.start, f.end


def test_spans_outside_the_names_are_judged_as_reading_the_names_judged_them() -> None:
    actors, armed = [FRONT, UNION], {FRONT}
    cover = actor_cover(actors)
    assert cover is not None
    for f in (_found("Kivu"), _found("Goma"), _found("Goma", UNION[0]), _found("Bukavu")):
        near = actors if cover.find(1, f.start, f.end) >= 0 else []
        read, skipped = replace(f), replace(f)
        assert within_an_actor_name(skipped, near, armed) == within_an_actor_name(read, actors, armed)
        assert skipped == read
