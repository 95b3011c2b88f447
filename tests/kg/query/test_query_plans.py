"""The library's queries avoid the shapes that made them slow on a large graph (bench/serve.py, docs/serve.md).

These read the query's algebra (rdflib's), not a clock: each rule names a
pattern that Oxigraph evaluates by comparing every row with every row.
"""

from __future__ import annotations

import pytest
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Variable

from kg.namespaces import PREFIXES
from kg.query.library import library


def _vars(node) -> set[str]:
    """Every variable under ``node``."""
    if isinstance(node, Variable):
        return {str(node)}
    if isinstance(node, CompValue):
        return set().union(*(_vars(v) for v in node.values()))
    if isinstance(node, (list, tuple)):
        return set().union(*(_vars(v) for v in node)) if node else set()
    return set()


def bound(node) -> set[str]:
    """The variables every solution of ``node`` binds (what Oxigraph can join on)."""
    if not isinstance(node, CompValue):
        return set()
    name = node.name
    if name == "BGP":
        return {str(t) for triple in node.triples for t in triple if isinstance(t, Variable)}
    if name == "Join":
        return bound(node.p1) | bound(node.p2)
    if name in ("LeftJoin", "Minus"):
        return bound(node.p1)
    if name == "Union":
        return bound(node.p1) & bound(node.p2)
    if name == "Extend":
        return bound(node.p) | {str(node.var)}
    if name == "Project":
        return bound(node.p) & {str(v) for v in node.PV}
    if name == "AggregateJoin":
        keys = bound(node.p.p) & _vars(node.p.expr or [])
        return keys | {str(a.res) for a in node.A}
    if name == "values":
        rows = node.res or []
        return set.intersection(*({str(k) for k, v in r.items() if v is not None} for r in rows)) if rows else set()
    if "p" in node:
        return bound(node.p)
    return set()


def _walk(node, visit) -> None:
    """Call ``visit`` on every algebra node under ``node``, outermost first."""
    if isinstance(node, CompValue):
        visit(node)
        for v in node.values():
            _walk(v, visit)
    elif isinstance(node, (list, tuple)):
        for v in node:
            _walk(v, visit)


def loose_optionals(node) -> list[str]:
    """The variables an OPTIONAL joins on that the pattern before it may leave unbound."""
    found: list[str] = []

    def visit(n):
        if n.name == "LeftJoin":
            found.extend(sorted((_vars(n.p1) & _vars(n.p2)) - bound(n.p1)))

    _walk(node, visit)
    return found


@pytest.mark.parametrize("name", list(library()))
def test_no_optional_joins_on_a_variable_an_earlier_optional_binds(name):
    """After ``OPTIONAL { ?f pkg:about ?entity }``, ``OPTIONAL { ?entity skos:prefLabel ?label }`` has no join
    key (?entity may be unbound): Oxigraph then compares each row with every label of the graph. At 1,000
    reports audit-changes ran past 120 s that way; its lookups now sit inside the OPTIONAL that binds ?entity."""
    algebra = prepareQuery(library()[name].text, initNs=PREFIXES).algebra
    assert loose_optionals(algebra) == [], name


def test_the_rule_sees_the_slow_shape():
    slow = """PREFIX pkg: <https://w3id.org/policy-kg/ontology#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT * WHERE { ?f pkg:verdict ?v OPTIONAL { ?f pkg:about ?entity } OPTIONAL { ?entity skos:prefLabel ?l } }"""
    nested = slow.replace(
        "?entity } OPTIONAL { ?entity skos:prefLabel ?l } }", "?entity OPTIONAL { ?entity skos:prefLabel ?l } } }"
    )
    assert loose_optionals(prepareQuery(slow).algebra) == ["entity"]
    assert loose_optionals(prepareQuery(nested).algebra) == []


def patterns_after_optional(node) -> list[str]:
    """Triple patterns that follow an OPTIONAL in the same group (a join whose left side is the OPTIONAL)."""
    found: list[str] = []

    def visit(n):
        if n.name == "Join" and getattr(n.p1, "name", "") == "LeftJoin" and n.p2.name == "BGP":
            found.extend(sorted(_vars(n.p2)))

    _walk(node, visit)
    return found


@pytest.mark.parametrize("name", list(library()))
def test_no_triple_pattern_follows_an_optional_in_its_group(name):
    """``{ A OPTIONAL { … } B }`` is a join of the left join with B: Oxigraph evaluates B on its own first.
    In entity-merges B was both mentions of a merge, every mention with every mention: 197 s on the
    national graph for one name, 0.08 s with the OPTIONAL last."""
    algebra = prepareQuery(library()[name].text, initNs=PREFIXES).algebra
    assert patterns_after_optional(algebra) == [], name


def test_the_second_rule_sees_the_slow_shape():
    slow = """PREFIX pkg: <https://w3id.org/policy-kg/ontology#>
    SELECT * WHERE { ?l pkg:firstMention ?m1 OPTIONAL { ?l pkg:linkKind ?k } ?m1 pkg:sentenceText ?s }"""
    last = """PREFIX pkg: <https://w3id.org/policy-kg/ontology#>
    SELECT * WHERE { ?l pkg:firstMention ?m1 . ?m1 pkg:sentenceText ?s OPTIONAL { ?l pkg:linkKind ?k } }"""
    assert patterns_after_optional(prepareQuery(slow).algebra) == ["m1", "s"]
    assert patterns_after_optional(prepareQuery(last).algebra) == []
