"""Named, ordered, switchable strategies for one decision ("who is actor 1", "which place is the event's").

A decision that used to be an if-cascade is a list of small named functions, each tested alone; the
settings file says which run and in what order, and the first that answers wins. Unknown names fail
when the stage is built, naming the choices.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from thucydides.knowledge.settings import SettingsError

C = TypeVar("C")
T = TypeVar("T")


def check_names(decision: str, available: Collection[str], order: Sequence[str], what: str = "step(s)") -> None:
    """Fails, naming the unknown names and the choices, where the settings name a step (filter, reading ...) the
    code does not have: when the stage is built, not on the first report."""
    unknown = [name for name in order if name not in available]
    if unknown:
        raise SettingsError(f"{decision}: unknown {what} {', '.join(unknown)}; "
                            f"choose from {', '.join(sorted(available))}")


@dataclass(frozen=True)
class Steps(Generic[C, T]):
    """Strategies tried in order on a context; the first non-None answer wins."""

    decision: str
    chosen: tuple[tuple[str, Callable[[C], T | None]], ...]

    @classmethod
    def of(cls, decision: str, available: Mapping[str, Callable[[C], T | None]], order: Sequence[str]) -> Steps[C, T]:
        check_names(decision, available, order)
        return cls(decision, tuple((name, available[name]) for name in order))

    def first(self, context: C) -> tuple[T | None, str | None]:
        """The first answer and the name of the step that gave it; (None, None) when none answers."""
        for name, step in self.chosen:
            answer = step(context)
            if answer is not None:
                return answer, name
        return None, None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.chosen)


@dataclass(frozen=True)
class Filters(Generic[C]):
    """Checks that must all pass, in order; the first that fails names why a candidate is dropped."""

    decision: str
    chosen: tuple[tuple[str, Callable[[C], bool]], ...]

    @classmethod
    def of(cls, decision: str, available: Mapping[str, Callable[[C], bool]], order: Sequence[str]) -> Filters[C]:
        check_names(decision, available, order, "filter(s)")
        return cls(decision, tuple((name, available[name]) for name in order))

    def failing(self, context: C) -> str | None:
        """The name of the first check the context fails, or None when it passes them all."""
        for name, keep in self.chosen:
            if not keep(context):
                return name
        return None
