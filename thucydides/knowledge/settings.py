"""Every tuning constant in one file (`data/settings.yaml`), read into typed sections.

A stage or module declares a frozen dataclass for its section; `section(name, cls)` fills it from the file,
checking every field's type, so a typo in the file fails at start-up naming the file and the key, never
later as a wrong figure. Users override any subset of keys with a YAML file named by THUCYDIDES_SETTINGS.
"""

from __future__ import annotations

import dataclasses
import os
import types
import typing
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from thucydides.knowledge import PACKAGE_DATA, KnowledgeError, read_yaml

SETTINGS_FILE = PACKAGE_DATA / "settings.yaml"
ENV_OVERRIDE = "THUCYDIDES_SETTINGS"

T = TypeVar("T")


class SettingsError(KnowledgeError):
    """A settings file names an unknown key or gives a value of the wrong type."""


def _merge(base: Mapping[str, object], override: Mapping[str, object]) -> dict[str, object]:
    """Override wins key by key; nested sections merge rather than replace."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(out[key], value)  # type: ignore[arg-type]
        else:
            out[key] = value
    return out


@cache
def _raw(override: str | None) -> Mapping[str, object]:
    raw = read_yaml(SETTINGS_FILE)
    if override:
        raw = _merge(raw, _override_file(Path(override)))
    return raw


def _override_file(path: Path) -> Mapping[str, object]:
    """The user's settings file; an error names it and the variable that points at it, which the user can fix."""
    try:
        return read_yaml(path)
    except (KnowledgeError, OSError) as exc:
        what = str(exc) if isinstance(exc, KnowledgeError) else f"{path}: cannot be read ({exc.strerror})"
        raise SettingsError(f"{what} (the settings file {ENV_OVERRIDE} names)") from exc


def raw_settings() -> Mapping[str, object]:
    """The merged settings tree: the package's file with the user's overrides applied."""
    return _raw(os.environ.get(ENV_OVERRIDE))


_SECTIONS: dict[tuple[str, type, str | None], Any] = {}
"""Sections read from the settings file, by name, class and override file: built once (frozen dataclasses),
as a module may ask for its section once per document."""


def section(name: str, cls: type[T], raw: Mapping[str, object] | None = None) -> T:
    """The typed settings section `name` (dotted for nesting: 'stages.events')."""
    if raw is not None:
        return _section(name, cls, raw)
    key = (name, cls, os.environ.get(ENV_OVERRIDE))
    if key not in _SECTIONS:
        _SECTIONS[key] = _section(name, cls, raw_settings())
    return typing.cast(T, _SECTIONS[key])


def _section(name: str, cls: type[T], raw: Mapping[str, object]) -> T:
    node: object = raw
    for part in name.split("."):
        node = node.get(part) if isinstance(node, Mapping) else None
    if node is None:
        node = {}
    if not isinstance(node, Mapping):
        raise SettingsError(f"{_where()}: '{name}' must be a mapping")
    return build(cls, node, name)


def build(cls: type[T], values: Mapping[str, object], where: str) -> T:
    """A dataclass from a mapping, every value checked against the field's annotation."""
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(values) - names)
    if unknown:
        raise SettingsError(f"{_where()}: unknown key(s) in '{where}': {', '.join(unknown)}")
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in values:
            kwargs[f.name] = _convert(values[f.name], hints[f.name], f"{where}.{f.name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise SettingsError(f"{_where()}: '{where}.{f.name}' is missing")
    return cls(**kwargs)


def _convert(value: object, hint: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(value, Mapping):
            raise SettingsError(f"{_where()}: '{where}' must be a mapping")
        return build(hint, value, where)
    if origin in (typing.Union, types.UnionType):
        return _convert_union(value, typing.get_args(hint), where)
    if origin is tuple:
        return _convert_tuple(value, typing.get_args(hint), where)
    if origin in (dict, Mapping):
        return _convert_mapping(value, typing.get_args(hint), where)
    return _convert_scalar(value, hint, where)


def _convert_union(value: object, options: tuple[Any, ...], where: str) -> Any:
    if value is None and type(None) in options:
        return None
    errors = []
    for option in (o for o in options if o is not type(None)):
        try:
            return _convert(value, option, where)
        except SettingsError as exc:
            errors.append(str(exc))
    raise SettingsError(errors[0] if errors else f"{_where()}: '{where}' has no usable type")


def _convert_tuple(value: object, args: tuple[Any, ...], where: str) -> tuple[Any, ...]:
    if not isinstance(value, list):
        raise SettingsError(f"{_where()}: '{where}' must be a list")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_convert(v, args[0], f"{where}[{i}]") for i, v in enumerate(value))
    if len(args) != len(value):
        raise SettingsError(f"{_where()}: '{where}' must have {len(args)} items")
    return tuple(_convert(v, a, f"{where}[{i}]") for i, (v, a) in enumerate(zip(value, args, strict=True)))


def _convert_mapping(value: object, args: tuple[Any, ...], where: str) -> dict[Any, Any]:
    if not isinstance(value, Mapping):
        raise SettingsError(f"{_where()}: '{where}' must be a mapping")
    key_type, value_type = args or (str, Any)
    return {_convert(k, key_type, where): _convert(v, value_type, f"{where}.{k}") for k, v in value.items()}


def _convert_scalar(value: object, hint: Any, where: str) -> Any:
    if hint is Any:
        return value
    if hint is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if hint is int and isinstance(value, bool):
        raise SettingsError(f"{_where()}: '{where}' must be an integer, not {value!r}")
    if isinstance(hint, type) and isinstance(value, hint):
        return value
    raise SettingsError(f"{_where()}: '{where}' must be {getattr(hint, '__name__', hint)}, not {value!r}")


def _where() -> str:
    override = os.environ.get(ENV_OVERRIDE)
    return f"{SETTINGS_FILE}" + (f" (with {override})" if override else "")


def reload() -> None:
    """Forget the cached file (tests that change THUCYDIDES_SETTINGS call this)."""
    _raw.cache_clear()
    _SECTIONS.clear()
