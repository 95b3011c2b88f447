"""The import graph of the project, read from the source: no cycle, data flowing one way.

Every ``import`` and ``from … import`` of extract/, kg/ and ontology/ (at module
level or inside a function) is an edge between two of the project's modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("extract", "kg", "ontology")
# kg's packages along the data flow: each may import those before it, never one after it
KG_FLOW = ("kg.namespaces", "kg.html", "kg.graph", "kg.query", "kg.audit", "kg.site", "kg.pipeline", "kg.cli")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    """The project module ``name`` is, or the package it is in; None outside the project."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> nx.DiGraph:
    known = _modules()
    g = nx.DiGraph()
    for module, path in known.items():
        g.add_node(module)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, *([base] if base else [])])
                # ``from kg.audit import charts`` imports the module kg.audit.charts
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
            for target in targets:
                resolved = _resolve(target, known)
                if resolved and resolved != module:
                    g.add_edge(module, resolved)
    return g


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    return import_graph()


def test_the_walk_sees_the_project(graph):
    assert {"kg.pipeline", "kg.graph.build", "kg.audit.export", "extract.records"} <= set(graph)
    assert graph.has_edge("kg.pipeline", "kg.graph.build") and graph.has_edge("kg.audit.export", "kg.audit.html")


def test_no_import_cycle(graph):
    cycles = list(nx.simple_cycles(graph))
    assert cycles == [], f"import cycles: {cycles[:5]}"


def test_extract_never_imports_kg(graph):
    assert [(a, b) for a, b in graph.edges if a.startswith("extract") and b.startswith("kg")] == []


def test_kg_packages_import_only_along_the_flow(graph):
    def rank(module: str) -> int | None:
        for i, prefix in enumerate(KG_FLOW):
            if module == prefix or module.startswith(prefix + "."):
                return i
        return None

    backwards = [(a, b) for a, b in graph.edges if rank(a) is not None and rank(b) is not None and rank(b) > rank(a)]
    assert backwards == []


def test_kg_imports_at_module_level_except_the_cli_commands():
    """A function-level import hides a dependency; only the CLI's commands keep theirs (start-up time)."""
    inside = []
    for module, path in _modules().items():
        if not module.startswith("kg.") or module == "kg.cli.main":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inside += [(module, n.lineno) for n in ast.walk(fn) if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert inside == []
