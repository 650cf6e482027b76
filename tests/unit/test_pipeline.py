"""Stage contracts: a pipeline is built only when every stage's requirements are assigned earlier."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from thucydides.model import Analysis, Document
from thucydides.pipeline import Pipeline, PipelineError, StageSpec, available_stages, default_stages, stage


def test_events_alone_names_every_missing_requirement() -> None:
    with pytest.raises(PipelineError) as err:
        Pipeline(["events"])
    message = str(err.value)
    for need in ("spacy_doc", "actors", "toponyms", "places", "times", "claims"):
        assert f"'{need}'" in message
    assert "assigned by nlp" in message


def test_pipeline_error_is_a_value_error() -> None:
    assert issubclass(PipelineError, ValueError)


def test_nlp_then_events_still_lacks_places_and_claims() -> None:
    with pytest.raises(PipelineError, match="'toponyms'"):
        Pipeline(["nlp", "events"])


def test_unknown_stage_is_named() -> None:
    with pytest.raises(PipelineError, match="nonsense"):
        Pipeline(["nlp", "nonsense"])


def test_builtin_stages_come_from_entry_points_and_default_chain_holds() -> None:
    names = set(available_stages())
    assert {"nlp", "actors", "time", "places", "claims", "events"} <= names
    assert set(default_stages()) <= names


def test_a_declared_attribute_must_exist() -> None:
    with pytest.raises(PipelineError, match="unknown attribute"):
        StageSpec("x", lambda: (lambda batch: None), requires=frozenset({"no_such_thing"}))


@dataclass(frozen=True)
class _Config:
    word: str


def test_extra_stage_runs_with_its_config() -> None:
    @stage("shout", assigns=("claims",), config=_Config)
    def make(config: _Config):  # type: ignore[no-untyped-def]
        def run(batch: Sequence[Analysis]) -> None:
            for a in batch:
                a.warnings.append(config.word)

        return run

    pipe = Pipeline(["shout"], extra={"shout": make}, configs={"shout": _Config("hello")})
    out = pipe.run_documents([Document.from_text("x")])
    assert out[0].warnings == ["hello"]
    assert "shout" in pipe.seconds
