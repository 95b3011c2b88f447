"""SHACL validation of a built graph (ontology/shapes.ttl, run by pyshacl).

pyshacl validates each named graph of a Dataset on its own, but our links
cross graphs (a mention in a report graph names an entity described in the
corpus graph), so the shapes run over the union of all graphs, as one graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.graph.store import load_dataset, union_graph
from kg.namespaces import compact


@dataclass(frozen=True, order=True)
class Violation:
    shape_message: str
    focus: str
    path: str
    value: str
    severity: str

    def line(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus}{where}{value}: {self.shape_message}"


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    nodes: int = 0  # triples validated

    def summary(self) -> str:
        n = len(self.violations)
        return f"the graph does not conform to the shapes: {n} violation{'s' if n != 1 else ''}"

    def text(self, limit: int = 50) -> str:
        if self.conforms:
            return f"Conforms: {self.nodes} triples pass every shape in ontology/shapes.ttl\n"
        lines = [v.line() for v in self.violations[:limit]]
        more = len(self.violations) - limit
        if more > 0:
            lines.append(f"… and {more} more")
        return "\n".join(lines) + "\n"


def shapes_path() -> Path:
    return Path(str(resources.files("ontology") / "shapes.ttl"))


@cache
def shapes_graph() -> Graph:
    """The shapes, parsed once per process (pyshacl reads them, never changes them)."""
    return Graph().parse(shapes_path(), format="turtle")


def validate_graph(data: Graph, *, inplace: bool = False) -> Report:
    """Run the shapes over ``data`` and collect violations in a stable order.

    ``inplace`` lets pyshacl work on ``data`` itself instead of a copy (a
    second of copying on the sample graph): only for a graph nobody reuses.
    """
    conforms, results, _text = shacl_validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=False, inplace=inplace
    )
    violations = []
    for res in results.subjects(SH.resultSeverity, None):
        severity = str(results.value(res, SH.resultSeverity)).rsplit("#", 1)[-1]
        violations.append(
            Violation(
                shape_message=str(results.value(res, SH.resultMessage) or ""),
                focus=_show(results.value(res, SH.focusNode)),
                path=_show(results.value(res, SH.resultPath)),
                value=_show(results.value(res, SH.value)),
                severity=severity,
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.shape_message, v.value))
    return Report(conforms=bool(conforms), violations=violations, nodes=len(data))


def _show(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact(str(term))
    if isinstance(term, Literal):
        return '"' + str(term) + '"'
    return "[]"


def validate_build(out_dir: str | Path) -> Report:
    """Validate ``out_dir``/graph.trig; the report says what passed or what broke."""
    return validate_graph(union_graph(load_dataset(out_dir)), inplace=True)
