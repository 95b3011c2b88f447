"""SPARQL over the built graph: ad-hoc text, a ``.rq`` file, or a named query from the library.

Library queries are ``kg/query/queries/<name>.rq``. Each starts with a ``# …`` line
describing it, then one ``# param: NAME[@LANG][=DEFAULT]  description`` line per
parameter (``@zh``: the value is matched as a Chinese-tagged string, so a
name can be looked up in the label index instead of filtering every label). Inside the query a parameter is written ``$NAME``: SPARQL reads
that as a variable, so the file stays valid SPARQL, and ``--param
NAME=VALUE`` replaces it with a term before the query runs. Substituting text
(rather than pre-binding through each engine's API) keeps the two engines'
semantics identical; a parameter with a default is always replaced, so
queries can test it (``FILTER($year = 0 || ?year = $year)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from extract.errors import InputError
from kg.query.engines import Result, open_engine

_PARAM_LINE = re.compile(r"^#\s*param:\s*(\w+)(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?(?:=(\S+))?\s*(.*)$")
_PARAM_USE = re.compile(r"\$(\w+)\b")
_SPARQL_WORD = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|PREFIX|BASE)\b", re.I)


@dataclass(frozen=True)
class Param:
    name: str
    default: str | None  # a SPARQL term as written in the header; None: required
    description: str
    lang: str | None = None  # ``NAME@zh``: the value is a string with this language tag


@dataclass(frozen=True)
class Query:
    name: str  # library name, file path, or "<text>"
    text: str
    description: str = ""
    params: tuple[Param, ...] = ()


def parse_query(name: str, text: str) -> Query:
    """Read the ``# description`` and ``# param:`` header of a query."""
    description, params = "", []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        m = _PARAM_LINE.match(stripped)
        if m:
            params.append(Param(m.group(1), m.group(3), m.group(4).strip(), m.group(2)))
        elif not description:
            description = stripped.lstrip("#").strip()
    if not params:  # an ad-hoc query: every $name it uses is a required parameter
        params = [Param(n, None, "") for n in dict.fromkeys(_PARAM_USE.findall(_strip_comments(text)))]
    return Query(name=name, text=text, description=description, params=tuple(params))


def library_dir() -> Path:
    return Path(str(resources.files("kg.query") / "queries"))


def library() -> dict[str, Query]:
    """The named queries, by name, in name order."""
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


def literal(value: str, lang: str | None = None) -> str:
    """A parameter value as a SPARQL term: an integer, an IRI, or a string
    (tagged with ``lang`` when the parameter declares one)."""
    if lang:
        return sparql_string(value) + "@" + lang
    if re.fullmatch(r"-?\d+", value):
        return value
    if re.fullmatch(r"<[^<>\"{}|^`\\\s]*>", value):
        return value
    if re.fullmatch(r"https?://[^<>\"{}|^`\\\s]+", value):
        return f"<{value}>"
    return sparql_string(value)


def sparql_string(value: str) -> str:
    """A plain SPARQL string literal of ``value``, every character that could end or break it escaped."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def bind(query: Query, values: dict[str, str]) -> str:
    """The query text with every parameter replaced by its value or default."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        have = ", ".join(declared) or "none"
        raise InputError(f"query {query.name} has no parameter {unknown[0]!r}; its parameters: {have}")
    terms = {}
    for p in query.params:
        if p.name in values:
            terms[p.name] = literal(values[p.name], p.lang)
        elif p.default is not None:
            terms[p.name] = p.default
        else:
            raise InputError(
                f"query {query.name} needs --param {p.name}=…" + (f" ({p.description})" if p.description else "")
            )
    return _PARAM_USE.sub(lambda m: terms.get(m.group(1), m.group(0)), query.text)


def parse_params(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--param takes name=value, not {pair!r}")
        out[name.strip()] = value
    return out


def run_query(
    out_dir: str | Path, spec: str, params: dict[str, str] | None = None, engine: str = "auto", *, loaded=None
) -> Result:
    """Run a query (name, file or text) on the graph built in ``out_dir``.

    ``loaded`` is an engine already holding the graph (tests and benchmarks
    reuse one across queries).
    """
    query = resolve(spec)
    text = bind(query, params or {})
    eng = loaded or open_engine(out_dir, engine)
    return eng.query(text)


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
