"""kg serve's pages of library queries: every page together is the whole answer, in order."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from extract.errors import InputError
from kg.graph.store import load_oxigraph
from kg.query.engines import OxigraphEngine
from kg.query.library import library, run_query
from kg.query.pages import Page, page_text, read_page
from kg.query.serve import Server, free_port


def _get(url: str) -> tuple[int, dict, dict | str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, dict(resp.headers), json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read().decode("utf-8").strip()


@pytest.fixture(scope="module")
def served(tiny_build):
    with Server(tiny_build, free_port()) as server:
        yield server.url.rstrip("/")


def _walk(base: str, first: str) -> tuple[list[dict], list[dict]]:
    """Every page from ``first`` on, following next_url; the pages and their rows."""
    pages, rows, url = [], [], base + first
    while url:
        status, headers, page = _get(url)
        assert status == 200, page
        pages.append(page)
        rows.extend(page["results"]["bindings"])
        url = base + page["next_url"] if page["next_url"] else None
        if url:
            assert headers["Link"] == f'<{page["next_url"]}>; rel="next"'
        assert len(pages) < 100
    return pages, rows


def _plain(rows: list[dict], names: list[str]) -> list[tuple]:
    return [tuple((r[n]["value"] if n in r else None) for n in names) for r in rows]


@pytest.mark.parametrize(
    "name, params",
    [
        ("report-summary", ""),  # a run of ranks
        ("co-mentioned", ""),  # ranks, and a filter at its default (min=2)
        ("co-mentioned", "&min=1"),  # a parameter set: LIMIT/OFFSET over the rows left
        ("entities-by-theme", "&themeName=rural-revitalisation"),
        ("mentions", ""),  # no precomputed ranks: LIMIT/OFFSET
        ("entity-evidence", "&name=光明芯片项目"),
    ],
)
def test_pages_of_one_row_add_up_to_the_whole_answer(served, tiny_build, name, params):
    pages, rows = _walk(served, f"/library/{name}?limit=1{urllib.parse.quote(params, safe='=&')}")
    _, _, whole = _get(f"{served}/library/{name}?limit=0{urllib.parse.quote(params, safe='=&')}")
    names = whole["head"]["vars"]
    assert _plain(rows, names) == _plain(whole["results"]["bindings"], names)
    assert whole["next_url"] is None and whole["total"] == len(rows) == whole["rows"]
    given = dict(urllib.parse.parse_qsl(params.lstrip("&")))
    inside = run_query(None, name, given, loaded=OxigraphEngine(load_oxigraph(tiny_build)))
    assert [tuple(t.value if t else None for t in r) for r in inside.rows] == _plain(rows, inside.vars)
    assert len(rows) >= 2, "the walk must cross a page"
    assert [p["offset"] for p in pages] == list(range(len(pages)))
    assert all(p["rows"] == 1 and p["total"] is None for p in pages[:-1])
    assert pages[-1]["total"] == len(rows)


def test_a_page_at_the_defaults_is_a_run_of_ranks_else_limit_and_offset():
    q = library()["report-summary"]
    text = page_text(Page(q, {}, 3, 6))
    assert "VALUES ?rank { 7 8 9 10 }" in text and "LIMIT" not in text
    q = library()["entities-by-theme"]
    text = page_text(Page(q, {"year": "2020"}, 3, 6))
    assert "VALUES" not in text and text.rstrip().endswith("LIMIT 4\nOFFSET 6")
    assert "pkg:rowYear 2020" in text or '"2020"' in text
    q = library()["mentions"]
    assert "LIMIT" not in page_text(Page(q, {}, 0, 0)) and "VALUES" not in page_text(Page(q, {}, 0, 0))


def test_a_parameter_given_at_its_default_still_pages_by_rank():
    q = library()["co-mentioned"]
    assert Page(q, {"min": "2"}, 10, 0).by_rank and not Page(q, {"min": "1"}, 10, 0).by_rank


@pytest.mark.parametrize(
    "params, message",
    [
        ({"limit": ["ten"]}, "limit must be a whole number of rows, 0 or more, not 'ten'"),
        ({"offset": ["-1"]}, "offset must be a whole number of rows, 0 or more, not '-1'"),
        ({"limit": ["1", "2"]}, "give the parameter limit once, not 2 times"),
        ({"colour": ["red"]}, "query report-summary has no parameter 'colour'"),
    ],
)
def test_a_bad_page_request_is_one_line(params, message):
    with pytest.raises(InputError, match=message):
        read_page(library()["report-summary"], params)


def test_bad_requests_over_http_get_a_line_and_a_4xx(served):
    assert _get(f"{served}/library/no-such")[:3:2] == (404, "no library query 'no-such'; /library lists them")
    status, _, text = _get(f"{served}/library/entity-evidence")
    assert status == 400 and text.startswith("query entity-evidence needs --param name=")
    status, _, text = _get(f"{served}/library/reports?limit=x")
    assert status == 400 and "limit must be a whole number" in text
    status, _, index = _get(f"{served}/library")
    assert status == 200 and [q["name"] for q in index["queries"]] == list(library())
