"""What a query may ask of the machine it runs on: no federation unless asked, bounded size and depth.

A ``SERVICE <http://…>`` clause makes the engine send an HTTP request and
read the reply into the results, so a query could reach any address the
machine can (a listener on 127.0.0.1 saw the POST and its reply came back
in the error text). Oxigraph's server and pyoxigraph both run SERVICE, and
rdflib runs it too and also fetches the IRI of a ``FROM`` clause. kg keeps
all of this off unless the user passes ``--allow-service``.

Which queries use SERVICE is read from the query's tokens, cut by the SPARQL
1.1 terminals (strings, IRIs, comments, prefixed names, variables): the word
SERVICE inside a comment, a string, an IRI or a name like ``ex:SERVICE`` is
not the keyword, and ``service`` in any case is. rdflib's parse tree, where
it can be built, names the services in the message and is checked as well
(the rdflib engine has it anyway). rdflib's parser cannot be the only judge:
it recurses once per triple pattern and per bracket and fails at about 38
nested braces or 1,200 triple patterns, and reads about 10 KB/s.

Oxigraph's parser and evaluator recurse too: 5,000 nested braces, or chains
of 3,000-10,000 ``UNION``, ``||``, ``+``, ``BIND`` or ``{…} {…}`` groups,
stop the server with signal 6 (bench/serve_limits.py). ``depth`` bounds
every such chain: one for each open bracket, plus one for each operator or
group in the same bracket, summed over the brackets that enclose a token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib.plugins.sparql.parserutils import CompValue

from extract.errors import InputError

DEFAULT_MAX_BYTES = 65_536  # the library's longest query is 2.3 KB
DEFAULT_MAX_DEPTH = 1_000  # the library's deepest is 33; every crash measured needs 3,000 or more

_ECHAR = r"\\[tbnrf\\\"']"
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|"""
    + _ECHAR
    + r"""))*'''
             | \"\"\"(?:(?:"|"")?(?:[^"\\]|"""
    + _ECHAR
    + r"""))*\"\"\"
             | '(?:[^'\\\n\r]|"""
    + _ECHAR
    + r""")*'
             | "(?:[^"\\\n\r]|"""
    + _ECHAR
    + r""")*")
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<bnode>_:[\w](?:[\w.\-]*[\w\-])?)
  | (?P<pname>(?:[^\W\d_](?:[\w.\-]*[\w\-])?)?:
               (?:(?:[\w:]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%])
                  (?:(?:[\w.\-:]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%])*
                     (?:[\w\-:]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%]))?)?)
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<punct>\^\^|\|\||&&|!=|<=|>=|[{}()\[\],;.=<>!+\-*/|^?])
  | (?P<other>.)
    """,
    re.X | re.S,
)

_OPEN, _CLOSE = "{([", "})]"
_OPERATOR_WORDS = {"UNION", "OPTIONAL", "MINUS", "FILTER", "BIND", "VALUES", "GRAPH", "SERVICE", "EXISTS", "NOT", "IN"}
_OPERATOR_PUNCT = {".", ";", ",", "||", "&&", "=", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "|", "^", "!"}


class QueryRefused(InputError):
    """A query kg will not run; ``status`` is the HTTP answer the server gives it."""

    status = 400


class FederationRefused(QueryRefused):
    status = 403


class QueryTooLarge(QueryRefused):
    status = 413


class QueryTooDeep(QueryRefused):
    status = 400


@dataclass(frozen=True)
class Limits:
    """What the server accepts; ``None`` turns a limit off."""

    max_bytes: int | None = DEFAULT_MAX_BYTES
    max_depth: int | None = DEFAULT_MAX_DEPTH
    allow_service: bool = False


def tokens(sparql: str) -> list[tuple[str, str]]:
    """The query as (kind, text) tokens, whitespace and comments left out."""
    out = []
    pos, n = 0, len(sparql)
    while pos < n:
        m = _TOKEN.match(sparql, pos)
        kind = m.lastgroup
        if kind not in ("ws", "comment"):
            out.append((kind, m.group()))
        pos = m.end()
    return out


def depth(toks: list[tuple[str, str]]) -> int:
    """The deepest chain an engine builds for these tokens (see the module's notes)."""
    stack = [0]  # per open bracket: how many operators and groups it holds so far
    current = deepest = 0
    for kind, text in toks:
        if kind == "punct" and text in _OPEN:
            stack[-1] += 1
            current += 2  # the group counts in its parent, and opens a level of its own
            stack.append(0)
        elif kind == "punct" and text in _CLOSE:
            if len(stack) > 1:
                current -= 1 + stack.pop()
        elif (kind == "punct" and text in _OPERATOR_PUNCT) or (kind == "word" and text.upper() in _OPERATOR_WORDS):
            stack[-1] += 1
            current += 1
        deepest = max(deepest, current)
    return deepest


def service_keywords(toks: list[tuple[str, str]]) -> list[str]:
    """What follows each SERVICE keyword (SILENT skipped): the service's IRI or variable."""
    out = []
    for i, (kind, text) in enumerate(toks):
        if kind == "word" and text.upper() == "SERVICE":
            j = i + 1
            if j < len(toks) and toks[j][0] == "word" and toks[j][1].upper() == "SILENT":
                j += 1
            out.append(toks[j][1] if j < len(toks) else "")
    return out


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape_codepoints(sparql: str) -> str:
    """The text with SPARQL's ``\\uXXXX`` escapes replaced, which the standard processes before
    parsing (so ``\\u0053ERVICE`` may be SERVICE to some parser: Oxigraph refuses it, rdflib may not)."""

    def one(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group()

    return _CODEPOINT.sub(one, sparql)


@lru_cache(maxsize=512)
def _shape(sparql: str) -> tuple[int, tuple[str, ...]]:
    """Depth and services of the text as written and, where it holds escapes, as unescaped: the
    stricter reading of the two."""
    toks = tokens(sparql)
    deepest, services = depth(toks), service_keywords(toks)
    if "\\u" in sparql or "\\U" in sparql:
        plain = tokens(unescape_codepoints(sparql))
        deepest, services = max(deepest, depth(plain)), services + service_keywords(plain)
    return deepest, tuple(services)


def algebra_services(parsed) -> list[str]:
    """The services an rdflib parse tree (or algebra) names: every ServiceGraphPattern's term."""
    out, todo, seen = [], [parsed], set()
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                out.append(node.get("term").n3() if node.get("term") is not None else "")
            todo.extend(node.values())
        elif isinstance(node, dict):
            todo.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            todo.extend(node)
    return out


def refuse_service(services: list[str] | tuple[str, ...]) -> None:
    if services:
        shown = ", ".join(s for s in dict.fromkeys(services) if s) or "a remote endpoint"
        raise FederationRefused(
            f"the query calls SERVICE {shown}: federated queries are off (--allow-service turns them on)"
        )


def check(sparql: str, limits: Limits = Limits()) -> None:
    """Raise QueryRefused for a query over the limits or (federation off) one that calls a SERVICE."""
    size = len(sparql.encode("utf-8"))
    if limits.max_bytes is not None and size > limits.max_bytes:
        raise QueryTooLarge(f"the query is {size:,} bytes; the limit is {limits.max_bytes:,} (--max-query-bytes)")
    deepest, services = _shape(sparql)
    if limits.max_depth is not None and deepest > limits.max_depth:
        raise QueryTooDeep(
            f"the query nests {deepest:,} deep (brackets and chained operators); the limit is "
            f"{limits.max_depth:,} (--max-depth)"
        )
    if not limits.allow_service:
        refuse_service(services)


def services_called(sparql: str) -> tuple[str, ...]:
    """The IRI or variable after each SERVICE keyword of the query."""
    return _shape(sparql)[1]


def check_federation(sparql: str, allow_service: bool = False) -> None:
    """The federation rule alone, for ``kg query`` and the library (no size limits there)."""
    if not allow_service:
        refuse_service(_shape(sparql)[1])
