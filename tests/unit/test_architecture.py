"""The package's shape: data flows one way, so no module imports one that imports it back (directly or
through others, at load time or inside a function), and offline tools stay out of the runtime."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "thucydides"
OFFLINE = ("thucydides.learn", "thucydides.build", "thucydides.evaluation")
"""Training, gazetteer building and evaluation: reached through the CLI or make, never by a stage."""
ENTRY_POINTS = ("thucydides.cli", "thucydides.learn", "thucydides.build", "thucydides.evaluation")


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(path: Path, known: set[str], lazy: bool) -> set[str]:
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if not lazy and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                found.add(child.module)
                found.update(f"{child.module}.{a.name}" for a in child.names)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m for m in found if m in known}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in graph:
        if v not in index:
            strong(v)
    return out


def test_no_import_circle_at_load_time() -> None:
    modules = _modules()
    graph = {m: _imports(p, set(modules), lazy=False) for m, p in modules.items()}
    assert _cycles(graph) == []


def test_runtime_never_imports_offline_tools() -> None:
    modules = _modules()
    offenders = []
    for name, path in modules.items():
        if name.startswith(ENTRY_POINTS):
            continue
        bad = [m for m in _imports(path, set(modules), lazy=True) if m.startswith(OFFLINE)]
        offenders += [f"{name} imports {m}" for m in bad]
    assert offenders == []
