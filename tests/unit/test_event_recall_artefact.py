"""The second reading's weights are read as every shipped model is (`knowledge.read_artefact_json`): the shipped
file reads, and a file of another format fails naming itself and the command that rebuilds it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.events.recall import DATA, FEATURES, RecallModel
from thucydides.knowledge import KnowledgeError


def test_the_shipped_weights_read() -> None:
    assert len(RecallModel.read(DATA / "event_recall.json").weights) == len(FEATURES)


def test_a_file_without_its_format_fails_naming_it(tmp_path: Path) -> None:
    raw = json.loads((DATA / "event_recall.json").read_text(encoding="utf-8"))
    raw.pop("format")
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="weights.json"):
        RecallModel.read(path)


def test_a_missing_file_names_the_command_that_makes_one(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="python -m thucydides.learn.recall"):
        RecallModel.read(tmp_path / "none.json")
