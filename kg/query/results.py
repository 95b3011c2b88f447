"""Query results as a terminal table, CSV or SPARQL 1.1 JSON.

The table is for reading: IRIs shortened with the project's prefixes and
columns padded by display width (a Chinese character takes two columns).
CSV and JSON are for tools, the W3C SPARQL 1.1 results formats written by
rdflib's serialisers from the engine-neutral rows, so both engines give the
same bytes: full IRIs, and JSON keeps datatypes and language tags.
"""

from __future__ import annotations

import unicodedata

from rdflib import Variable
from rdflib.query import Result as QueryResult

from extract.errors import InputError
from kg.namespaces import compact
from kg.query.engines import RdflibEngine, Result, Term

OUTPUT_FORMATS = ("table", "csv", "json")
TRIPLE_VARS = ("subject", "predicate", "object")


def display(term: Term | None, short: bool = True) -> str:
    if term is None:
        return ""
    if term.kind == "uri":
        return compact(term.value) if short else term.value
    if term.kind == "bnode":
        return "_:" + term.value
    return term.value


def render(result: Result, fmt: str = "table") -> str:
    if fmt not in OUTPUT_FORMATS:
        raise InputError(f"unknown output format {fmt!r}; choose one of: {', '.join(OUTPUT_FORMATS)}")
    return {"table": to_table, "csv": to_csv, "json": to_json}[fmt](result)


def to_table(result: Result) -> str:
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        return "".join(" ".join(_nt(t) for t in triple) + " .\n" for triple in result.triples)
    cells = [[display(t).replace("\n", " ") for t in row] for row in result.rows]
    widths = [_width(v) for v in result.vars]
    for row in cells:
        widths = [max(w, _width(c)) for w, c in zip(widths, row)]
    lines = [_pad_row(result.vars, widths), "  ".join("-" * w for w in widths)]
    lines += [_pad_row(row, widths) for row in cells]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def to_csv(result: Result) -> str:
    """SPARQL 1.1 CSV, by rdflib's writer (a graph answer as subject, predicate, object rows)."""
    if result.kind == "ask":
        raise InputError("SPARQL's CSV results format has no form for an ASK answer: use --format json or table")
    return _standard(result).serialize(format="csv").decode("utf-8")


def to_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON, by rdflib's writer."""
    return _standard(result).serialize(format="json").decode("utf-8") + "\n"


def _standard(result: Result) -> QueryResult:
    """The engine-neutral answer as an rdflib query result, for rdflib's serialisers."""
    if result.kind == "ask":
        out = QueryResult("ASK")
        out.askAnswer = bool(result.boolean)
        return out
    names, rows = (result.vars, result.rows) if result.kind == "select" else (TRIPLE_VARS, result.triples)
    variables = [Variable(n) for n in names]
    out = QueryResult("SELECT")
    out.vars = variables
    out.bindings = [{v: RdflibEngine.rdflib_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
    return out


def _nt(t: Term) -> str:
    """A term in N-Triples form, for the table of a graph answer."""
    if t.kind == "uri":
        return f"<{t.value}>"
    if t.kind == "bnode":
        return f"_:{t.value}"
    return RdflibEngine.rdflib_term(t).n3()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad_row(cells, widths) -> str:
    return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()
