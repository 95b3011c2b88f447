"""Two SPARQL engines behind one interface, giving the same rows.

rdflib is the reference: pure Python, it reads a small graph quickly and is
what the rest of the project builds graphs with. Oxigraph (pyoxigraph) loads
and queries a large graph one or two orders of magnitude faster. Both see
the union of all named graphs as the default graph, and both answer with
the same neutral terms, so callers and tests compare rows, not engine
objects. Query parameters are bound by each engine's own means (Oxigraph's
``substitutions``, rdflib's ``initBindings``), never pasted into the text.

Neither engine reaches the network unless asked (``allow_service``): a
``SERVICE`` clause is refused before either engine sees the query
(kg.query.guard), and rdflib never fetches the IRI of a ``FROM`` clause
(``SPARQL_LOAD_GRAPHS`` off: ``FROM <g>`` names a graph of the dataset, as
in Oxigraph).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
import rdflib.plugins.sparql
from rdflib import BNode, Dataset, Literal, URIRef, Variable
from rdflib.namespace import RDF, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from extract.errors import InputError, PolicyKGError
from kg.graph.store import graph_path, load_dataset, load_oxigraph
from kg.namespaces import PREFIXES
from kg.query.guard import algebra_services, check_federation, refuse_service, services_called

rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # FROM <http://…> must not make rdflib download it

ENGINES = ("auto", "rdflib", "oxigraph")
AUTO_OXIGRAPH_BYTES = 2_000_000  # above this size of graph.trig, "auto" picks Oxigraph (see pick_engine)

XSD_STRING = str(XSD.string)
RDF_LANGSTRING = str(RDF.langString)


@dataclass(frozen=True, slots=True, order=True)
class Term:
    """An RDF term as both engines report it: kind is "uri", "literal" or "bnode"."""

    kind: str
    value: str
    datatype: str | None = None  # literals only; a plain literal is xsd:string
    lang: str | None = None


@dataclass
class Result:
    """A SELECT (vars + rows), ASK (boolean) or CONSTRUCT/DESCRIBE (triples) answer."""

    kind: str  # "select" | "ask" | "graph"
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Term | None]]:
        """The rows of a SELECT, each as variable → term (None where unbound)."""
        return [dict(zip(self.vars, row)) for row in self.rows]


class Engine(Protocol):
    """What the audit and the site read a graph through: either engine below."""

    name: str

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Result: ...


def text(term: Term | None, default: str = "") -> str:
    """A term's value, or ``default`` for an unbound variable."""
    return term.value if term is not None else default


def integer(term: Term | None) -> int | None:
    """A term's value as an integer (a year, an offset), None for an unbound variable."""
    if term is None:
        return None
    try:
        return int(term.value)
    except ValueError:
        raise InputError(f"the graph holds {term.value!r} where a whole number was expected") from None


class SparqlSyntaxError(InputError):
    """The query text is not SPARQL; the message gives line and column."""


def _literal(value: str, datatype: str | None, lang: str | None) -> Term:
    if lang:
        return Term("literal", value, RDF_LANGSTRING, lang.lower())
    if datatype in _NUMERIC:
        value = _NUMERIC[datatype](value)
    return Term("literal", value, datatype or XSD_STRING)


def _canonical_decimal(text: str) -> str:
    """Turtle writes the decimal 7 as ``7.0`` and rdflib keeps that lexical
    form; Oxigraph answers with the canonical ``7``. Both mean one number."""
    try:
        out = format(Decimal(text).normalize(), "f")
    except InvalidOperation:
        return text
    return "0" if out == "-0" else out


def _canonical_integer(text: str) -> str:
    try:
        return str(int(text))
    except ValueError:
        return text


_NUMERIC = {str(XSD.decimal): _canonical_decimal, str(XSD.integer): _canonical_integer}


class RdflibEngine:
    name = "rdflib"

    def __init__(self, dataset: Dataset, allow_service: bool = False):
        self.dataset = dataset
        self.allow_service = allow_service

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Result:
        """Run ``sparql``, its variables in ``bindings`` bound first (rdflib's initBindings)."""
        check_federation(sparql, self.allow_service)
        check_syntax(sparql)
        try:
            prepared = prepareQuery(sparql, initNs=PREFIXES)
        except RecursionError:  # its parser recurses per bracket and per triple pattern
            raise InputError("the query nests too deep for the rdflib engine: use --engine oxigraph") from None
        except Exception as exc:  # pyparsing's ParseException, or rdflib's plain Exception for unknown prefixes
            raise SparqlSyntaxError(_rdflib_syntax_message(exc)) from exc
        services = algebra_services(prepared.algebra)
        if not self.allow_service:
            refuse_service(services)  # the parse tree's word, beside the tokens'
        initial = {Variable(name): self.rdflib_term(t) for name, t in (bindings or {}).items()}
        try:
            return self._read(self.dataset.query(prepared, initBindings=initial))
        except Exception as exc:  # a SERVICE the user allowed did not answer as SPARQL (rdflib reads lazily)
            if not services:
                raise
            raise PolicyKGError(f"the query's SERVICE failed: {_one_line(exc)}") from None

    def _read(self, res) -> Result:
        if res.type == "ASK":
            return Result("ask", boolean=bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            return Result("graph", triples=sorted(tuple(self.term(t) for t in triple) for triple in res.graph))
        names = [str(v) for v in res.vars]
        rows = [tuple(self.term(row[i]) if row[i] is not None else None for i in range(len(names))) for row in res]
        return Result("select", vars=names, rows=rows)

    @staticmethod
    def term(t: Node) -> Term:
        if isinstance(t, URIRef):
            return Term("uri", str(t))
        if isinstance(t, BNode):
            return Term("bnode", str(t))
        if isinstance(t, Literal):
            return _literal(str(t), str(t.datatype) if t.datatype else None, t.language)
        raise TypeError(f"unexpected term {t!r}")

    @staticmethod
    def rdflib_term(t: Term) -> Node:
        if t.kind == "uri":
            return URIRef(t.value)
        if t.kind == "bnode":
            return BNode(t.value)
        if t.lang:
            return Literal(t.value, lang=t.lang)
        # the graph's plain strings carry no datatype in rdflib, and rdflib tells the two apart
        return Literal(t.value, datatype=None if t.datatype in (None, XSD_STRING) else URIRef(t.datatype))


class OxigraphEngine:
    name = "oxigraph"

    def __init__(self, store: ox.Store, allow_service: bool = False):
        self.store = store
        self.allow_service = allow_service

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Result:
        """Run ``sparql``, its variables in ``bindings`` substituted first (Oxigraph's substitutions)."""
        check_federation(sparql, self.allow_service)
        substitutions = {ox.Variable(name): self.oxigraph_term(t) for name, t in (bindings or {}).items()}
        try:
            return self._read(
                self.store.query(
                    sparql, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=substitutions
                )
            )
        except SyntaxError as exc:
            raise SparqlSyntaxError(_oxigraph_syntax_message(exc)) from exc
        except (OSError, RuntimeError) as exc:  # pyoxigraph's for a SERVICE the user allowed that failed
            if not services_called(sparql):
                raise
            raise PolicyKGError(f"the query's SERVICE failed: {_one_line(exc)}") from None

    def _read(self, res) -> Result:
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            return Result(
                "graph",
                triples=sorted((self.term(t.subject), self.term(t.predicate), self.term(t.object)) for t in res),
            )
        names = [v.value for v in res.variables]
        # one Term for each distinct term of the answer: the mentions' rows repeat their entity, report,
        # sentence and section in row after row, and the audit and the site hold all of them at once
        known: dict[tuple, Term] = {}

        def term(t) -> Term | None:
            if t is None:
                return None
            if type(t) is ox.Literal:
                key = (t.value, t.datatype.value if t.datatype else None, t.language)
            else:
                key = (t.value, type(t) is ox.BlankNode)
            out = known.get(key)
            if out is None:
                out = known[key] = _literal(*key) if len(key) == 3 else Term("bnode" if key[1] else "uri", key[0])
            return out

        rows = [tuple(term(sol[n]) for n in names) for sol in res]
        return Result("select", vars=names, rows=rows)

    @staticmethod
    def term(t: ox.NamedNode | ox.BlankNode | ox.Literal) -> Term:
        if isinstance(t, ox.NamedNode):
            return Term("uri", t.value)
        if isinstance(t, ox.BlankNode):
            return Term("bnode", t.value)
        if isinstance(t, ox.Literal):
            return _literal(t.value, t.datatype.value if t.datatype else None, t.language)
        raise TypeError(f"unexpected term {t!r}")

    @staticmethod
    def oxigraph_term(t: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if t.kind == "uri":
            return ox.NamedNode(t.value)
        if t.kind == "bnode":
            return ox.BlankNode(t.value)
        if t.lang:
            return ox.Literal(t.value, language=t.lang)
        return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype or XSD_STRING))


def _one_line(exc: BaseException, limit: int = 300) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_syntax(sparql: str) -> None:
    """Raise SparqlSyntaxError, with line and column, for text that is not SPARQL.

    Oxigraph's parser says where and what it expected ("line 2, column 17:
    expected one of …"), pyparsing's only that a whole query failed; parsing
    against an empty store costs nothing, so rdflib queries are checked here first.
    An ASK is evaluated at once, so the caller refuses a SERVICE before this.
    """
    try:
        ox.Store().query(sparql, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise SparqlSyntaxError(_oxigraph_syntax_message(exc)) from exc


def pick_engine(out_dir: str | Path, engine: str = "auto") -> str:
    """The engine name "auto" stands for: Oxigraph for a large graph, rdflib for a small one.

    Measured on this project's graphs: rdflib parses TriG at about 0.7 MB/s
    (the 1.7 MB sample graph in 2.3 s, the 20 MB national one in 25 s) and runs
    the library queries 25-300x slower than Oxigraph (bench/query.py), so
    past a couple of megabytes the wait is rdflib's alone.
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    if engine != "auto":
        return engine
    return "oxigraph" if os.path.getsize(graph_path(out_dir)) > AUTO_OXIGRAPH_BYTES else "rdflib"


def open_engine(
    out_dir: str | Path, engine: str = "auto", allow_service: bool = False
) -> RdflibEngine | OxigraphEngine:
    """Load the built graph of ``out_dir`` into the chosen engine."""
    name = pick_engine(out_dir, engine)
    if name == "oxigraph":
        return OxigraphEngine(load_oxigraph(out_dir), allow_service)
    return RdflibEngine(load_dataset(out_dir), allow_service)


def _rdflib_syntax_message(exc: Exception) -> str:
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    msg = getattr(exc, "msg", None) or str(exc)
    where = f" at line {line}, column {col}" if line is not None else ""
    return f"malformed SPARQL{where}: {' '.join(str(msg).split())}"


def _oxigraph_syntax_message(exc: SyntaxError) -> str:
    text = " ".join(str(exc).split())
    m = re.match(r"error at (\d+):(\d+): (.*)", text)
    if m:
        return f"malformed SPARQL at line {m.group(1)}, column {m.group(2)}: {m.group(3)}"
    return f"malformed SPARQL: {text}"
