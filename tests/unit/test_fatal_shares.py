"""ACLED's fatality coding per sub-event type, counted on the train split: which sub-event types never carry a
death (`thucydides train fatal-shares`, knowledge.fatal_shares)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from thucydides.knowledge import KnowledgeError
from thucydides.knowledge.fatal_shares import fatal_shares, from_json
from thucydides.knowledge.splits import is_acled_dev
from thucydides.learn.fatal_shares import train


def _ids(split: str, n: int) -> list[str]:
    """`n` event ids of one split by SPLITS.md's hash rule."""
    out, i = [], 0
    while len(out) < n:
        if is_acled_dev(f"TST{i}") == (split == "dev"):
            out.append(f"TST{i}")
        i += 1
    return out


def _export(path: Path, rows: list[tuple[str, str, int]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["event_id_cnty", "sub_event_type", "fatalities"])
        w.writerows(rows)


def test_the_train_split_alone_is_counted(tmp_path: Path) -> None:
    train_ids, dev_ids = _ids("train", 4), _ids("dev", 2)
    rows = [(train_ids[0], "Armed clash", 3), (train_ids[1], "Armed clash", 0),
            (train_ids[2], "Change to group/activity", 0), (train_ids[3], "Change to group/activity", 0),
            (dev_ids[0], "Change to group/activity", 5), (dev_ids[1], "Agreement", 0)]
    _export(tmp_path / "events.csv", rows)
    artefact = train(tmp_path / "events.csv", tmp_path / "shares.json")
    assert artefact["rows"] == {"Armed clash": 2, "Change to group/activity": 2}
    shares = from_json(json.loads((tmp_path / "shares.json").read_text(encoding="utf-8")))
    assert shares.share("Armed clash") == pytest.approx(0.5)
    assert shares.never_fatal(0.01, 1) == frozenset({"Change to group/activity"})
    assert shares.never_fatal(0.01, 3) == frozenset()  # too few rows to tell
    assert shares.share("Agreement") is None


def test_the_shipped_table_holds_acleds_coding() -> None:
    never = fatal_shares().never_fatal(0.01, 50)
    assert {"Change to group/activity", "Agreement", "Arrests", "Headquarters or base established",
            "Looting/property destruction", "Non-violent transfer of territory"} <= never
    assert not never & {"Disrupted weapons use", "Other", "Armed clash", "Attack"}


def test_a_missing_table_names_the_command(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="train fatal-shares"):
        fatal_shares(tmp_path / "absent.json")
