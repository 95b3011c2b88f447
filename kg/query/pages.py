"""Pages of a library answer, as ``kg serve`` hands them out at ``/library/<name>``.

A browsing client wants the first hundred rows fast and a link to the next
hundred, not 240,000 mentions in one JSON document, so a library query asked
over HTTP answers one page by default (``limit`` rows from ``offset``, as
Datasette pages a table), with the address of the next page and, when the
page is the last, the total. ``limit=0`` asks for the whole answer, as the
audit and the site read it inside the build (``run_library`` is unpaged).

``LIMIT`` on an ``ORDER BY`` still makes the engine find and sort every row
before it hands out the first hundred. A query answered from the build's
precomputed counts (kg.graph.summary) says ``# page: ?rank``: its order is
that one variable, which runs 1 … N over the whole answer at the default
parameters. A page there is written as ``VALUES ?rank { 101 … 201 }`` at the
top of the pattern, so the engine looks those rows up by rank and sorts a
hundred of them. With any parameter set (a theme, a year), the ranks of the
rows left are no longer a run, and the page is ``LIMIT``/``OFFSET`` over the
rows that match, still ordered by rank.

One more row than the page is asked for: its presence says there is a next
page, without counting the answer.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

from extract.errors import InputError
from kg.query.guard import _TOKEN
from kg.query.library import Query, bindings
from kg.query.text import substitute

DEFAULT_LIMIT = 100
PAGING = ("limit", "offset")  # the request's own parameters; every other one is the query's


@dataclass(frozen=True)
class Page:
    query: Query
    given: dict[str, str]  # the query's parameters as the request gives them
    limit: int  # 0: the whole answer
    offset: int

    @property
    def by_rank(self) -> bool:
        """Whether the page is a run of ranks (see the module docstring)."""
        if not self.query.page_by or not self.limit:
            return False
        try:
            return bindings(self.query, self.given) == bindings(self.query, {})
        except InputError:
            return False


def read_page(query: Query, params: Mapping[str, list[str]]) -> Page:
    """The page a request asks for: ``limit`` (default 100; 0 for all), ``offset``, and the query's parameters."""
    given = {}
    for key, values in params.items():
        if len(values) != 1:
            raise InputError(f"give the parameter {key} once, not {len(values)} times")
        if key not in PAGING:
            given[key] = values[0]
    if given and not query.params:  # bindings would take any variable of an ad-hoc query
        raise InputError(f"query {query.name} has no parameter {sorted(given)[0]!r}; its parameters: none")
    bindings(query, given)  # an unknown or missing parameter: the library's one line
    return Page(query, given, _count(params, "limit", DEFAULT_LIMIT), _count(params, "offset", 0))


def _count(params: Mapping[str, list[str]], key: str, default: int) -> int:
    values = params.get(key)
    if not values:
        return default
    text = values[0].strip()
    if not text.isdigit():
        raise InputError(f"{key} must be a whole number of rows, 0 or more, not {values[0]!r}")
    return int(text)


def page_text(page: Page) -> str:
    """The SPARQL of one page: the query's text with its parameters written in, cut to the page
    plus one row."""
    text = substitute(page.query.text, bindings(page.query, page.given))
    if page.by_rank:
        first = page.offset + 1
        ranks = " ".join(str(n) for n in range(first, first + page.limit + 1))
        return _at_first_brace(page.query.name, text, f"\n  VALUES ?{page.query.page_by} {{ {ranks} }}")
    if not page.limit:
        return text if not page.offset else f"{text.rstrip()}\nOFFSET {page.offset}\n"
    return f"{text.rstrip()}\nLIMIT {page.limit + 1}\nOFFSET {page.offset}\n"


def _at_first_brace(name: str, text: str, insert: str) -> str:
    """``insert`` right after the first ``{`` of the query (its WHERE), read by SPARQL's terminals."""
    for m in _TOKEN.finditer(text):
        if m.lastgroup == "punct" and m.group() == "{":
            return text[: m.end()] + insert + text[m.end() :]
    raise InputError(f"query {name} has no pattern to page")


def page_url(page: Page, offset: int) -> str:
    params = {**page.given, "limit": str(page.limit), "offset": str(offset)}
    return f"/library/{urllib.parse.quote(page.query.name)}?" + urllib.parse.urlencode(params)


def page_answer(page: Page, body: bytes) -> tuple[bytes, str | None]:
    """The JSON page (SPARQL results JSON's ``head`` and ``results``, plus where it sits in the
    answer) from the engine's answer to ``page_text``, and the address of the next page, if any."""
    data = json.loads(body)
    rows = data["results"]["bindings"]
    more = bool(page.limit) and len(rows) > page.limit
    if more:
        rows = rows[: page.limit]
    following = page_url(page, page.offset + page.limit) if more else None
    out = {
        "query": page.query.name,
        "parameters": page.given,
        "limit": page.limit,
        "offset": page.offset,
        "rows": len(rows),
        "total": None if more else page.offset + len(rows),
        "next_url": following,
        "head": data["head"],
        "results": {"bindings": rows},
    }
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), following


def library_index(queries: Mapping[str, Query]) -> bytes:
    """``/library``: each query's name, description, parameters and first page."""
    out = [
        {
            "name": q.name,
            "description": q.description,
            "parameters": [
                {"name": p.name, "default": p.written, "optional": p.optional, "description": p.description}
                for p in q.params
            ],
            "url": f"/library/{urllib.parse.quote(q.name)}",
        }
        for q in queries.values()
    ]
    return json.dumps({"queries": out}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
