"""Query results as a terminal table, CSV or SPARQL 1.1 JSON.

The table is for reading: IRIs shortened with the project's prefixes and
columns padded by display width (a Chinese character takes two columns).
CSV and JSON are for tools: full IRIs, and JSON keeps datatypes and
language tags (the W3C SPARQL 1.1 Query Results JSON format).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata

from extract.errors import InputError
from kg.namespaces import PREFIXES
from kg.query.engines import XSD_STRING, Result, Term

OUTPUT_FORMATS = ("table", "csv", "json")

# longest namespace first, so id/ never shadows id/entity/
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def compact(iri: str) -> str:
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


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
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
    elif result.kind == "graph":
        writer.writerow(["subject", "predicate", "object"])
        writer.writerows([display(t, short=False) for t in triple] for triple in result.triples)
    else:
        writer.writerow(result.vars)
        writer.writerows([display(t, short=False) for t in row] for row in result.rows)
    return buf.getvalue()


def to_json(result: Result) -> str:
    if result.kind == "ask":
        data = {"head": {}, "boolean": bool(result.boolean)}
    elif result.kind == "graph":
        data = {
            "head": {"vars": ["subject", "predicate", "object"]},
            "results": {
                "bindings": [dict(zip(("subject", "predicate", "object"), map(_json_term, t))) for t in result.triples]
            },
        }
    else:
        bindings = [{v: _json_term(t) for v, t in zip(result.vars, row) if t is not None} for row in result.rows]
        data = {"head": {"vars": result.vars}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _json_term(t: Term) -> dict:
    if t.kind == "uri":
        return {"type": "uri", "value": t.value}
    if t.kind == "bnode":
        return {"type": "bnode", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.lang:
        out["xml:lang"] = t.lang
    elif t.datatype and t.datatype != XSD_STRING:
        out["datatype"] = t.datatype
    return out


def _nt(t: Term) -> str:
    if t.kind == "uri":
        return f"<{t.value}>"
    if t.kind == "bnode":
        return f"_:{t.value}"
    text = '"' + t.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if t.lang:
        return f"{text}@{t.lang}"
    return text if t.datatype in (None, XSD_STRING) else f"{text}^^<{t.datatype}>"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad_row(cells, widths) -> str:
    return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()
