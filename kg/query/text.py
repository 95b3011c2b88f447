"""Parameters written into a query's text, for an endpoint that takes none.

The SPARQL 1.1 Protocol has no parameters, so a library query sent to an
endpoint (``kg serve``'s pages, bench/serve.py) carries its values in its
text, bound where Oxigraph's substitutions (``kg query --param``) bind them:
a variable the query selects stays a column, everywhere else the value takes
the variable's place. Both give the same rows (bench/serve.py --check).
"""

from __future__ import annotations

from kg.query.engines import XSD_STRING, Term
from kg.query.guard import _TOKEN


def sparql_term(t: Term) -> str:
    """A term as SPARQL writes it."""
    if t.kind == "uri":
        return f"<{t.value}>"
    if t.kind == "bnode":
        raise ValueError("a blank node cannot be sent in a query")
    text = t.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if t.lang:
        return f'"{text}"@{t.lang}'
    if t.datatype in (None, XSD_STRING):
        return f'"{text}"'
    return f'"{text}"^^<{t.datatype}>'


def substitute(text: str, values: dict[str, Term]) -> str:
    """``text`` with each variable of ``values`` replaced by its value, as Oxigraph's substitutions do.

    A variable a SELECT projects stays a column: ``(value AS ?v)`` where the
    SELECT has nothing that binds it, else a sub-select under it or its
    GROUP BY (which becomes ``GROUP BY (value AS ?v)``) does. Everywhere else
    (patterns, filters, expressions, HAVING, ORDER BY) the value takes the
    variable's place."""
    if not values:
        return text
    scopes: list[dict] = []  # one per SELECT, in the order they open
    stack: list[int] = []
    depth = 0
    found: list[tuple[int, int, str, int, str]] = []  # start, end, name, scope, where (proj, group, other)
    for m in _TOKEN.finditer(text):
        kind, tok = m.lastgroup, m.group()
        scope = scopes[stack[-1]] if stack else None
        if kind == "word" and tok.upper() == "SELECT":
            parent = stack[-1] if stack else None
            scopes.append(
                {
                    "parent": parent,
                    "phase": "proj",
                    "at": depth,
                    "body": -1,
                    "parens": 0,
                    "mod": "",
                    "proj": set(),
                    "group": set(),
                }
            )
            stack.append(len(scopes) - 1)
        elif kind == "punct" and tok == "{":
            if scope and scope["phase"] == "proj":
                scope["phase"], scope["body"] = "body", depth
            depth += 1
        elif kind == "punct" and tok == "}":
            depth -= 1
            while stack and scopes[stack[-1]]["phase"] == "mods" and depth < scopes[stack[-1]]["at"]:
                stack.pop()
            if stack and scopes[stack[-1]]["phase"] == "body" and depth == scopes[stack[-1]]["body"]:
                scopes[stack[-1]]["phase"] = "mods"
        elif scope and scope["phase"] == "proj" and kind == "punct" and tok in "()":
            scope["parens"] += 1 if tok == "(" else -1
        elif scope and scope["phase"] == "mods" and kind == "word":
            scope["mod"] = tok.upper()
        elif kind == "var" and tok[1:] in values:
            name, where = tok[1:], "other"
            if scope and scope["phase"] == "proj" and scope["parens"] == 0:
                where = "proj"
                scope["proj"].add(name)
            elif scope and scope["phase"] == "mods" and scope["mod"] in ("GROUP", "BY"):
                where = "group"
                scope["group"].add(name)
            found.append((m.start(), m.end(), name, stack[-1] if stack else -1, where))
    out, last = [], 0
    for start, end, name, i, where in found:
        term = sparql_term(values[name])
        below = any(s["parent"] == i and name in s["proj"] for s in scopes)
        if where == "other" or (where == "proj" and not below and name not in scopes[i]["group"]):
            new = term if where == "other" else f"({term} AS ?{name})"
        elif where == "group" and not below:
            new = f"({term} AS ?{name})"
        else:
            new = text[start:end]
        out += [text[last:start], new]
        last = end
    return "".join(out) + text[last:]
