"""The settings file: typed sections, user overrides, and errors that name the file and the key."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from thucydides.knowledge import settings
from thucydides.knowledge.settings import SettingsError, build, section


@dataclass(frozen=True)
class _Inner:
    reach: int
    words: tuple[str, ...]


@dataclass(frozen=True)
class _Section:
    weight: float
    inner: _Inner
    name: str | None = None


def test_build_checks_types_and_converts_lists() -> None:
    got = build(_Section, {"weight": 2, "inner": {"reach": 3, "words": ["a", "b"]}}, "demo")
    assert got == _Section(2.0, _Inner(3, ("a", "b")))


@pytest.mark.parametrize("values, key", [
    ({"weight": "heavy", "inner": {"reach": 3, "words": []}}, "demo.weight"),
    ({"weight": 1.0, "inner": {"reach": True, "words": []}}, "demo.inner.reach"),
    ({"weight": 1.0, "inner": {"reach": 3}}, "demo.inner.words"),
    ({"weight": 1.0, "inner": {"reach": 3, "words": []}, "typo": 1}, "typo"),
])
def test_bad_values_name_the_key(values: dict, key: str) -> None:
    with pytest.raises(SettingsError, match=key.replace(".", r"\.")):
        build(_Section, values, "demo")


def test_packaged_file_gives_the_nlp_section() -> None:
    from thucydides.ling.spacy_model import NlpConfig

    cfg = section("stages.nlp", NlpConfig)
    assert cfg.batch_size > 0


@contextmanager
def user_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str,
                  *forget: Callable[[], None]) -> Iterator[None]:
    """A user settings file with `text` in force inside the block; `forget` clears the readers' caches on the
    way in and out, so later tests read the package's own file again."""
    override = tmp_path / "mine.yaml"
    override.write_text(text, encoding="utf-8")
    monkeypatch.setenv(settings.ENV_OVERRIDE, str(override))
    settings.reload()
    for clear in forget:
        clear()
    try:
        yield
    finally:
        monkeypatch.delenv(settings.ENV_OVERRIDE)
        settings.reload()
        for clear in forget:
            clear()


def test_user_override_wins_key_by_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.ling.spacy_model import NlpConfig

    with user_settings(tmp_path, monkeypatch, "stages:\n  nlp:\n    batch_size: 7\n"):
        cfg = section("stages.nlp", NlpConfig)
        assert cfg.batch_size == 7
        assert cfg.model is None  # untouched keys keep the package's value


def _declared_sections() -> dict[str, type]:
    """Every settings section the package reads, by name: `section("name", Class)` calls and stage configs."""
    import ast
    import importlib

    from thucydides.pipeline import available_stages

    package = Path(settings.__file__).resolve().parents[1]
    found: dict[str, type] = {f"stages.{name}": spec.config for name, spec in available_stages().items() if spec.config}
    calls: dict[str, str] = {}
    defined: dict[str, str] = {}
    for path in package.rglob("*.py"):
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                defined[node.name] = module
            elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "section" and len(node.args) >= 2 \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[1], ast.Name):
                calls[str(node.args[0].value)] = node.args[1].id
    for name, cls in calls.items():
        found[name] = getattr(importlib.import_module(defined[cls]), cls)
    return found


def _node(name: str) -> dict:
    node: object = settings.raw_settings()
    for part in name.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else {}


def test_defaults_kept_in_code_are_the_files_values() -> None:
    """Every field of every section is written in the file, the one place a value is set; a settings class may keep
    defaults (tests build it from them), but never other values than the file's: a default that drifted from it
    misleads whoever reads the code."""
    import dataclasses

    sections = _declared_sections()
    assert {"stages.places", "stages.events", "gazetteer.build", "learn.places", "control", "person_names",
            "segments", "place_priors", "place_handset", "place_features"} <= set(sections)
    drifted = []
    for name, cls in sorted(sections.items()):
        values, written = section(name, cls), _node(name)
        drifted += [f"{name}.{f.name}: not in the file" for f in dataclasses.fields(cls) if f.name not in written]
        for f in dataclasses.fields(cls):
            has = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
            default = f.default if f.default is not dataclasses.MISSING else f.default_factory() if has else None
            if has and default != getattr(values, f.name):
                drifted.append(f"{name}.{f.name}: {default!r} in code, {getattr(values, f.name)!r} in the file")
    assert not drifted, drifted


def test_a_gate_farther_than_the_nearest_place_search_fails_naming_the_key(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.geo.ranker import places_settings

    text = "stages:\n  places:\n    gates:\n      near_km: 900\n"
    with user_settings(tmp_path, monkeypatch, text, places_settings.cache_clear), \
            pytest.raises(SettingsError, match=r"stages\.places\.gates"):
        places_settings()
    assert places_settings().gates.near_km <= 450


def test_nearness_bounds_without_a_bonus_each_fail_naming_the_section(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.geo.handset import handset_settings

    text = "place_handset:\n  nearness_km: [10.0, 20.0]\n"
    with user_settings(tmp_path, monkeypatch, text, handset_settings.cache_clear), \
            pytest.raises(SettingsError, match=r"place_handset"):
        handset_settings()
    assert len(handset_settings().nearness_km) == len(handset_settings().nearness_bonus)
