"""A pipeline of small registered stages, in the manner of spaCy's components.

A stage is a callable taking a batch of `Analysis` objects and adding its part to
each. Stages register under a name; `Pipeline` runs them in the order given, so any
stage can be swapped out or run alone in a test.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from thucydides.model import Analysis, Document

StageFn = Callable[[Sequence[Analysis]], None]

_FACTORIES: dict[str, Callable[[], StageFn]] = {}

DEFAULT_STAGES: tuple[str, ...] = ("nlp", "actors", "time", "places", "claims", "events", "resolve")


def register(name: str) -> Callable[[Callable[[], StageFn]], Callable[[], StageFn]]:
    """Register a stage factory; the factory is called once per pipeline to build the stage."""

    def wrap(factory: Callable[[], StageFn]) -> Callable[[], StageFn]:
        _FACTORIES[name] = factory
        return factory

    return wrap


def registered() -> list[str]:
    _load_builtin_stages()
    return sorted(_FACTORIES)


def _load_builtin_stages() -> None:
    """Importing the stage modules registers them."""
    import thucydides.actors.recognize  # noqa: F401
    import thucydides.claims  # noqa: F401
    import thucydides.events  # noqa: F401
    import thucydides.events.within  # noqa: F401
    import thucydides.geo.stage  # noqa: F401
    import thucydides.ling.spacy_model  # noqa: F401
    import thucydides.time.stage  # noqa: F401


@dataclass
class Pipeline:
    names: Sequence[str] = DEFAULT_STAGES
    stages: list[tuple[str, StageFn]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    """Time spent in each stage so far, for benchmarks and progress reports."""

    def __post_init__(self) -> None:
        _load_builtin_stages()
        unknown = [n for n in self.names if n not in _FACTORIES]
        if unknown:
            raise KeyError(f"unknown pipeline stage(s): {', '.join(unknown)}; known: {', '.join(sorted(_FACTORIES))}")
        self.stages = [(n, _FACTORIES[n]()) for n in self.names]

    def __call__(self, batch: Sequence[Analysis]) -> Sequence[Analysis]:
        for name, stage in self.stages:
            began = time.perf_counter()
            stage(batch)
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - began
        return batch

    def run_documents(self, documents: Iterable[Document]) -> list[Analysis]:
        batch = [Analysis(d) for d in documents]
        self(batch)
        return batch
