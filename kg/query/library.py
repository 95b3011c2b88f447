"""SPARQL over the built graph: ad-hoc text, a ``.rq`` file, or a named query from the library.

Library queries are ``kg/query/queries/<name>.rq``: the daily questions of
``kg query --list``, and the plain rows the audit and the site are read from
(``reports``, ``mentions`` …), so that every SPARQL of the project lives in
a ``.rq`` file. Each starts with a ``# …`` line describing it, then one
``# param: NAME[?][@LANG][=DEFAULT]  description`` line per parameter, and
for a query answered from the build's precomputed counts a ``# page: ?rank``
line (``kg serve``'s pages, kg.query.pages).

A parameter is the query's variable ``?NAME``, and ``--param NAME=VALUE``
binds it through the engine (``kg.query.engines``: Oxigraph's
substitutions, rdflib's initBindings), never by editing the text. Oxigraph
binds only a variable the query projects, so a parameter is a column of the
results and of every sub-select that uses it. Kinds of parameter:

- ``NAME?``: optional; given, it fixes that column (``year?``: only that
  year), else the column is free;
- ``NAME=DEFAULT``: always bound, a SPARQL term (``0``, ``""``), for a
  query that tests it (``FILTER(?parkName = "" || CONTAINS(…, ?parkName))``);
- ``NAME``: required; ``NAME@zh``: the value is matched as a Chinese-tagged
  string, so a name is looked up in the label index instead of filtering
  every label.

An ad-hoc query declares nothing: ``--param`` may bind any of its variables
(``SELECT $s WHERE { $s ?p ?o }``: ``$s`` and ``?s`` are one variable).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib.plugins.sparql import prepareQuery

from extract.errors import InputError
from kg.namespaces import PREFIXES
from kg.query.engines import RDF_LANGSTRING, XSD_STRING, Engine, OxigraphEngine, Result, Term, open_engine

_PAGE_LINE = re.compile(r"^#\s*page:\s*\?(\w+)\s*$")
_PARAM_LINE = re.compile(r"^#\s*param:\s*(\w+)(\?)?(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?(?:=(\S+))?\s*(.*)$")
_SPARQL_WORD = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|PREFIX|BASE)\b", re.I)
_INTEGER = re.compile(r"-?\d+")
_IRI = re.compile(r"<([^<>\"{}|^`\\\s]*)>|(https?://[^<>\"{}|^`\\\s]+)")
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


@dataclass(frozen=True)
class Param:
    name: str
    default: Term | None  # None: required, unless optional
    description: str
    lang: str | None = None  # ``NAME@zh``: the value is a string with this language tag
    optional: bool = False  # ``NAME?``: left unbound when not given
    written: str | None = None  # the default as the header writes it


@dataclass(frozen=True)
class Query:
    name: str  # library name, file path, or "<text>"
    text: str
    description: str = ""
    params: tuple[Param, ...] = ()
    # ``# page: ?rank``: the answer is ordered by this variable alone, which runs 1, 2 … N over the
    # whole answer at the default parameters, so a page there is a run of its values (kg.query.pages)
    page_by: str | None = None


def parse_query(name: str, text: str) -> Query:
    """Read the ``# description`` and ``# param:`` header of a query."""
    description, params, page_by = "", [], None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        m = _PARAM_LINE.match(stripped)
        paged = _PAGE_LINE.match(stripped)
        if paged:
            page_by = paged.group(1)
        elif m:
            pname, optional, lang, default, about = m.groups()
            term = header_term(default, f"{name}: param {pname}") if default is not None else None
            params.append(Param(pname, term, about.strip(), lang, optional is not None, default))
        elif not description:
            description = stripped.lstrip("#").strip()
    return Query(name=name, text=text, description=description, params=tuple(params), page_by=page_by)


def header_term(sparql: str, where: str) -> Term:
    """A default as the header writes it (``0``, ``""``, ``"x"@zh``, ``<iri>``), read by Oxigraph's parser."""
    try:
        (row,) = OxigraphEngine(ox.Store()).query(f"SELECT ({sparql} AS ?v) {{}}").rows
    except InputError:
        raise InputError(f"{where}: the default {sparql!r} is not a SPARQL term") from None
    return row[0]


def library_dir() -> Path:
    return Path(str(resources.files("kg.query") / "queries"))


@cache
def library() -> dict[str, Query]:
    """The named queries, by name, in name order (files that ship with the package: read once)."""
    out = {}
    for path in sorted(library_dir().glob("*.rq")):
        out[path.stem] = parse_query(path.stem, path.read_text(encoding="utf-8"))
    return out


def resolve(spec: str) -> Query:
    """A library name, a path to a ``.rq`` file, or SPARQL text."""
    lib = library()
    if spec in lib:
        return lib[spec]
    path = Path(spec)
    if spec.endswith(".rq") or ("\n" not in spec and len(spec) < 4096 and path.is_file()):
        if not path.is_file():
            raise InputError(f"no query file {spec}")
        return parse_query(str(path), path.read_text(encoding="utf-8"))
    if _SPARQL_WORD.search(spec) or "{" in spec:
        return parse_query("<text>", spec)
    raise InputError(f"unknown query {spec!r}; the library has: {', '.join(lib)} (kg query --list describes them)")


def literal(value: str, lang: str | None = None) -> Term:
    """A parameter value as a term: a string tagged ``lang`` when the parameter declares one,
    else an integer, an IRI (``<…>`` or ``http(s)://…``), or a plain string."""
    if lang:
        return Term("literal", value, RDF_LANGSTRING, lang.lower())
    if _INTEGER.fullmatch(value):
        return Term("literal", value, XSD_INTEGER)
    m = _IRI.fullmatch(value)
    if m:
        return Term("uri", m.group(1) if m.group(1) is not None else m.group(2))
    return Term("literal", value, XSD_STRING)


def bindings(query: Query, values: Mapping[str, str | Term]) -> dict[str, Term]:
    """The value of every parameter: given (a string is read by ``literal``), else its default.

    A library query takes its declared parameters, every one without a
    default required; an ad-hoc query takes any of its variables."""
    declared = {p.name: p for p in query.params}
    if not declared:
        if values:
            _check_variables(query.text, set(values))
        return {k: v if isinstance(v, Term) else literal(v) for k, v in values.items()}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise InputError(
            f"query {query.name} has no parameter {unknown[0]!r}; its parameters: {', '.join(declared) or 'none'}"
        )
    out = {}
    for p in query.params:
        if p.name in values:
            v = values[p.name]
            out[p.name] = v if isinstance(v, Term) else literal(v, p.lang)
        elif p.default is not None:
            out[p.name] = p.default
        elif not p.optional:
            raise InputError(
                f"query {query.name} needs --param {p.name}=…" + (f" ({p.description})" if p.description else "")
            )
    return out


def _check_variables(sparql: str, names: set[str]) -> None:
    """Refuse a parameter an ad-hoc query has no variable for, or (a SELECT) does not select:
    Oxigraph binds only what the query selects. The variables are those rdflib's parser finds
    (``?x`` and ``$x`` alike); text it cannot parse is left to the engine, which says where."""
    try:
        algebra = prepareQuery(sparql, initNs=PREFIXES).algebra
    except Exception:  # pyparsing's ParseException, or rdflib's plain Exception for an unknown prefix
        return
    variables = {str(v) for v in getattr(algebra, "_vars", ())}
    unknown = sorted(names - variables)
    if unknown:
        have = ", ".join(sorted(variables)) or "none"
        raise InputError(f"the query has no variable {unknown[0]!r} to bind; its variables: {have}")
    if algebra.name == "SelectQuery":
        selected = {str(v) for v in algebra.get("PV", ())}
        hidden = sorted(names - selected)
        if hidden:
            raise InputError(f"--param {hidden[0]}: a parameter must be selected; add ?{hidden[0]} to SELECT")


def parse_params(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--param takes name=value, not {pair!r}")
        out[name.strip()] = value
    return out


def run_query(
    out_dir: str | Path | None,
    spec: str,
    params: Mapping[str, str | Term] | None = None,
    engine: str = "auto",
    *,
    loaded: Engine | None = None,
    allow_service: bool = False,
) -> Result:
    """Run a query (name, file or text) on the graph built in ``out_dir``.

    ``loaded`` is an engine already holding the graph (the audit, the site,
    tests and benchmarks reuse one across queries). ``allow_service`` lets a
    query call remote SERVICE endpoints (kg.query.guard).
    """
    query = resolve(spec)
    values = bindings(query, params or {})
    eng = loaded or open_engine(out_dir, engine, allow_service)
    return eng.query(query.text, values)


def run_library(engine: Engine, name: str, **params: str | Term) -> Result:
    """The library query ``name`` on ``engine``: how the audit and the site read the graph."""
    query = library()[name]
    return engine.query(query.text, bindings(query, params))
