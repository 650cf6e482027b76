"""Shared fixtures: spaCy and the pipeline are loaded once per test session."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from thucydides.model import Analysis, Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.json"


def _folded(name: str) -> str:
    """A name as the shared scorer compares it: accents, case, a leading article and punctuation folded."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    text = re.sub(r"^(the|al|el|ad|as|ar|an)[- ]", "", text.casefold().replace("’", "'").strip())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def actor_names(actor_id: str | None) -> set[str]:
    """Every name an export gives the actor with this id (id, ACLED name, aliases), folded as the scorer folds."""
    if actor_id is None:
        return set()
    from thucydides.knowledge.actors import actor_base

    base = actor_base()
    actor = base.exported(base.actor_or_new(actor_id))
    return {_folded(n) for n in (actor.id, actor.name, *actor.aliases)}


def is_actor(actor_id: str | None, name: str | None) -> bool:
    """The actor an export gives this id is the one a reader names `name` (None: no actor), as the scorer
    matches a system actor against a gold name."""
    return actor_id is None if name is None else _folded(name) in actor_names(actor_id)


def shared_or_skip(path: Path) -> Path:
    """Outside data lives beside the repo; tests that need it skip when it is absent."""
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


@pytest.fixture(scope="session", autouse=True)
def gazetteer_built() -> None:
    """The gazetteer is built once (the library only opens it); tests that load the places stage need it."""
    from thucydides.geo.gazetteer import default_path, missing_reason

    if missing_reason(default_path()):
        from thucydides.build.gazetteer import build

        build(default_path())


@pytest.fixture(scope="session")
def gazetteer_or_skip():  # type: ignore[no-untyped-def]
    """The opened gazetteer, for tests that read it directly; they skip where none is built."""
    from thucydides.geo.gazetteer import GazetteerMissing, open_gazetteer

    try:
        return open_gazetteer()
    except GazetteerMissing:
        pytest.skip("no gazetteer built")


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy model as the linguistic stage loads it, for tests that read a parse of a sentence we wrote."""
    from thucydides.ling.spacy_model import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline():
    from thucydides.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def analyse(pipeline) -> Callable[..., Analysis]:
    """Run the whole pipeline over one text we wrote: `analyse("...", published=Interval(...))`."""

    def run(text: str, **meta) -> Analysis:
        return pipeline.run_documents([Document.from_text(text, name="test.txt", **meta)])[0]

    return run


@pytest.fixture(scope="session")
def parse_claims() -> Callable[..., Analysis]:
    """Only the stages claims need (up to claims), so claim tests do not wait on events."""
    from thucydides.pipeline import Pipeline

    pipe = Pipeline(("nlp", "actors", "time", "places", "settle", "claims"))

    def run(text: str, **meta) -> Analysis:
        return pipe.run_documents([Document.from_text(text, name="test.txt", **meta)])[0]

    return run


@pytest.fixture(scope="session")
def invented_bench():
    """bench/score_invented.py as a module: runs the pipeline over a folder and scores it with the shared scorer."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_invented", ROOT / "bench" / "score_invented.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shared_or_skip(module.SCORER)
    return module


@pytest.fixture
def settings_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Settings read from a YAML text for one test (THUCYDIDES_SETTINGS: a switched-off step, a narrower list),
    and the shipped file again after it, so no test sees another's choices."""
    from thucydides.knowledge import settings

    def use(text: str) -> None:
        path = tmp_path / "settings.yaml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv("THUCYDIDES_SETTINGS", str(path))
        settings.reload()

    yield use
    monkeypatch.delenv("THUCYDIDES_SETTINGS", raising=False)
    settings.reload()
