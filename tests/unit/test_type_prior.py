"""The event type prior: P(sub-event type | inter1, inter2) from counts, backed off where counts are few, and
the re-choice of a sub-event type among the coder's readings."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from thucydides.knowledge import KnowledgeError
from thucydides.knowledge.acled import taxonomy
from thucydides.knowledge.type_prior import FORMAT, VERSION, PriorRetyping, from_json, read_prior, rechoose, type_prior

KINDS = {s: taxonomy().event_type_of(s) for s in taxonomy().sub_event_types}


def small_prior(smoothing: float = 1.0) -> dict[str, object]:
    """State forces (1) against a rebel group (2) fight; an identity militia (4) against civilians (7) attacks."""
    return {"format": FORMAT, "version": VERSION, "smoothing": smoothing,
            "subs": ["Armed clash", "Attack", "Peaceful protest"],
            "counts": [[1, 2, "Armed clash", 90], [1, 2, "Attack", 10], [4, 7, "Attack", 80],
                       [4, 7, "Armed clash", 5], [6, 0, "Peaceful protest", 200]]}


def test_a_pair_of_codes_gives_its_own_distribution() -> None:
    prior = from_json(small_prior(smoothing=0.0))
    assert prior.probability("Armed clash", 1, 2) == pytest.approx(0.9)
    assert prior.probability("Attack", 4, 7) == pytest.approx(80 / 85)
    assert prior.distribution(1, 2).sum() == pytest.approx(1.0)


def test_an_unseen_pair_falls_back_on_actor_1_then_on_all_events() -> None:
    prior = from_json(small_prior(smoothing=5.0))
    unseen = prior.distribution(1, 5)  # state forces against rioters: never counted, so actor 1's own mix
    assert unseen.sum() == pytest.approx(1.0)
    assert prior.probability("Armed clash", 1, 5) > prior.probability("Attack", 1, 5)
    nobody = prior.distribution(7, 7)  # no event of civilians against civilians: the overall mix
    assert np.argmax(nobody) == prior.subs.index("Peaceful protest")


def test_an_unknown_code_is_summed_over() -> None:
    prior = from_json(small_prior(smoothing=0.0))
    assert prior.probability("Attack", None, 7) == pytest.approx(80 / 85)
    assert prior.probability("Peaceful protest", None, None) == pytest.approx(200 / 385)


def test_weight_zero_keeps_the_coders_choice_and_a_weight_lets_the_actors_decide() -> None:
    readings = [("Attack", 0.55), ("Armed clash", 0.35), ("Peaceful protest", 0.10)]
    fight = {"Armed clash": 0.9, "Attack": 0.1, "Peaceful protest": 0.0}
    assert rechoose(readings, fight, 0.0, KINDS) == "Attack"
    assert rechoose(readings, fight, 1.0, KINDS) == "Armed clash"
    assert rechoose([], fight, 1.0, KINDS) is None


def test_the_choice_keeps_the_hierarchy() -> None:
    """The event type with most mass wins first: two Battles readings outweigh one stronger Riots reading."""
    readings = [("Mob violence", 0.4), ("Armed clash", 0.3), ("Government regains territory", 0.3)]
    flat = {sub: 1.0 for sub, _ in readings}
    assert rechoose(readings, flat, 1.0, KINDS) == "Armed clash"


def test_the_retyping_step_reads_an_army_firing_on_rebels_as_a_battle() -> None:
    step = PriorRetyping(from_json(small_prior()), 1.0, KINDS)
    readings = [("Attack", 0.6), ("Armed clash", 0.4)]
    assert step.rechoose(readings, 1, 2) == "Armed clash"
    assert step.rechoose(readings, 4, 7) == "Attack"


def test_the_shipped_prior_knows_acleds_coding() -> None:
    prior = type_prior()
    assert prior.probability("Armed clash", 1, 2) > 5 * prior.probability("Attack", 1, 2)
    assert prior.probability("Attack", 3, 7) > 5 * prior.probability("Armed clash", 3, 7)
    assert prior.probability("Peaceful protest", 6, 0) > 0.5


@pytest.mark.parametrize("content, message", [
    ("not json", "not readable JSON"),
    (json.dumps({"format": "other", "version": 1}), f"not a {FORMAT}"),
    (json.dumps({"format": FORMAT, "version": VERSION, "subs": ["Attack"], "counts": [[1, 2, "Riot", 3]],
                 "smoothing": 1}), "malformed"),
])
def test_a_bad_artefact_is_named(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "prior.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=message) as caught:
        read_prior(path)
    assert str(path) in str(caught.value)


def test_a_missing_artefact_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="not found"):
        read_prior(tmp_path / "absent.json")


def test_training_counts_the_train_split_only(tmp_path: Path) -> None:
    from thucydides.learn.corpora import CorpusError, acled_split
    from thucydides.learn.type_prior import acled_rows, count

    ids = [f"XYZ{i}" for i in range(40)]
    path = tmp_path / "acled.csv"
    lines = ["event_id_cnty,sub_event_type,inter1,inter2,notes"]
    lines += [f"{i},Armed clash,1,{2 if n % 2 else ''},Soldiers fought rebels." for n, i in enumerate(ids)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counted = count(acled_rows(path, "train"))
    train = [n for n, i in enumerate(ids) if acled_split(i) == "train"]
    assert counted["subs"] == ["Armed clash"]
    assert sum(row[3] for row in counted["counts"]) == len(train) < len(ids)  # type: ignore[attr-defined]
    assert {(row[0], row[1]) for row in counted["counts"]} == {(1, 0), (1, 2)}  # type: ignore[attr-defined]
    path.write_text("event_id_cnty,sub_event_type,notes\nA1,Attack,x\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="inter1"):
        list(acled_rows(path, "train"))
