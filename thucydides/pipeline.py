"""A pipeline of declared stages, in the manner of spaCy's factories.

A stage is a `StageSpec`: a name, what it `requires` and `assigns` on a document's `Analysis`, a typed
config (a frozen dataclass filled from the settings file's `stages.<name>` section) and a factory that
builds the callable run on each batch. Stages are found through the `thucydides.stages` entry points
(the package declares its own in pyproject.toml), so this module imports none of them. `Pipeline`
checks the chain when it is built: a stage whose requirement no earlier stage assigns is a
`PipelineError` naming what is missing and which stage would provide it.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from thucydides.knowledge.settings import section
from thucydides.model import Analysis, Document

StageFn = Callable[[Sequence[Analysis]], None]
C = TypeVar("C")
ENTRY_POINT_GROUP = "thucydides.stages"

PUBLISHED = "published"
"""Not a field of Analysis: the document's publication date, which the time stage may infer."""


class PipelineError(ValueError):
    """A pipeline that cannot run as asked: an unknown stage, or a requirement no earlier stage assigns."""


def analysis_attributes() -> frozenset[str]:
    """What a stage may require or assign: the parts of an Analysis a stage fills in."""
    return frozenset(f.name for f in dataclasses.fields(Analysis)) - {"document", "warnings"} | {PUBLISHED}


@dataclass(frozen=True)
class StageSpec(Generic[C]):
    """A stage's declaration: its name, contract and config type, and the factory that builds it."""

    name: str
    factory: Callable[..., StageFn]
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()
    config: type[C] | None = None

    def __post_init__(self) -> None:
        unknown = sorted((self.requires | self.assigns) - analysis_attributes())
        if unknown:
            raise PipelineError(f"stage '{self.name}' declares unknown attribute(s): {', '.join(unknown)}; "
                                f"known: {', '.join(sorted(analysis_attributes()))}")

    def build(self, config: C | None = None) -> StageFn:
        """The stage's callable, with its config from the settings file unless one is given."""
        if self.config is None:
            return self.factory()
        return self.factory(config if config is not None else section(f"stages.{self.name}", self.config))


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (),
          config: type[C] | None = None) -> Callable[[Callable[..., StageFn]], StageSpec[C]]:
    """Declare a stage: decorate its factory (which takes the config, if the stage has one)."""

    def wrap(factory: Callable[..., StageFn]) -> StageSpec[C]:
        return StageSpec(name, factory, frozenset(requires), frozenset(assigns), config)

    return wrap


@cache
def available_stages() -> Mapping[str, StageSpec[Any]]:
    """Every stage installed, by name, from the entry points (loaded once)."""
    out: dict[str, StageSpec[Any]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        spec = ep.load()
        if not isinstance(spec, StageSpec):
            raise PipelineError(f"entry point {ep.name} = {ep.value} is not a StageSpec")
        out[ep.name] = spec
    return out


@dataclass(frozen=True)
class PipelineSettings:
    stages: tuple[str, ...]


def default_stages() -> tuple[str, ...]:
    """The stages a plain run uses, in order, from the settings file."""
    return section("pipeline", PipelineSettings).stages


def check_chain(specs: Sequence[StageSpec[Any]], catalogue: Mapping[str, StageSpec[Any]]) -> None:
    """Raise PipelineError naming every requirement that no earlier stage in `specs` assigns."""
    assigned: set[str] = set()
    problems = []
    for spec in specs:
        for need in sorted(spec.requires - assigned):
            providers = [s.name for s in catalogue.values() if need in s.assigns]
            hint = f" (assigned by {', '.join(sorted(providers))})" if providers else " (no stage assigns it)"
            problems.append(f"stage '{spec.name}' requires '{need}'{hint}, which no earlier stage assigns")
        assigned |= spec.assigns
    if problems:
        raise PipelineError("; ".join(problems))


@dataclass
class Pipeline:
    """Stages run in order over batches of documents; built only when its chain of contracts holds."""

    names: Sequence[str] | None = None
    extra: Mapping[str, StageSpec[Any]] = field(default_factory=dict)
    """Stages not installed as entry points (tests, notebooks), by name; they win over installed ones."""
    configs: Mapping[str, Any] = field(default_factory=dict)
    """Configs given directly, by stage name, instead of the settings file's."""
    stages: list[tuple[str, StageFn]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    """Time spent in each stage so far, for benchmarks and progress reports."""

    def __post_init__(self) -> None:
        catalogue = {**available_stages(), **self.extra}
        names = list(self.names) if self.names is not None else list(default_stages())
        unknown = [n for n in names if n not in catalogue]
        if unknown:
            raise PipelineError(f"unknown pipeline stage(s): {', '.join(unknown)}; "
                                f"known: {', '.join(sorted(catalogue))}")
        specs = [catalogue[n] for n in names]
        check_chain(specs, catalogue)
        self.names = names
        self.stages = [(s.name, s.build(self.configs.get(s.name))) for s in specs]

    def __call__(self, batch: Sequence[Analysis]) -> Sequence[Analysis]:
        for name, run in self.stages:
            began = time.perf_counter()
            run(batch)
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - began
        return batch

    def run_documents(self, documents: Iterable[Document]) -> list[Analysis]:
        batch = [Analysis(d) for d in documents]
        self(batch)
        return batch
