"""The settings file: typed sections, user overrides, and errors that name the file and the key."""

from __future__ import annotations

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


def test_user_override_wins_key_by_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.ling.spacy_model import NlpConfig

    override = tmp_path / "mine.yaml"
    override.write_text("stages:\n  nlp:\n    batch_size: 7\n", encoding="utf-8")
    monkeypatch.setenv(settings.ENV_OVERRIDE, str(override))
    settings.reload()
    try:
        cfg = section("stages.nlp", NlpConfig)
        assert cfg.batch_size == 7
        assert cfg.model is None  # untouched keys keep the package's value
    finally:
        monkeypatch.delenv(settings.ENV_OVERRIDE)
        settings.reload()
