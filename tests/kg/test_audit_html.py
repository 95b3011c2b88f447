"""audit.html: escaped, self-contained, sortable and filterable, the quotes on both sides."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.audit import (
    AUDIT_HTML,
    Audit,
    EntityRow,
    Finding,
    NameUse,
    PairSummary,
    Quote,
    ReportInfo,
    write_audit,
)
from kg.audit_html import inline_svg, render_html, render_quote

EVIL = '<script>alert("x")</script>&公司'


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each element kind."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict]]:
    p = Tags()
    p.feed(page)
    return p.tags


@pytest.fixture(scope="module")
def page_dir(tiny_build, tmp_path_factory) -> Path:
    """The hand-made corpus's graph alone in a folder, audited (with its plan-versus-actual chart)."""
    out = tmp_path_factory.mktemp("tiny-audit")
    shutil.copy(tiny_build / "graph.trig", out / "graph.trig")
    write_audit(out)
    return out


@pytest.fixture(scope="module")
def page(page_dir) -> str:
    return (page_dir / AUDIT_HTML).read_text(encoding="utf-8")


def _evil_audit() -> Audit:
    sentence = f"支持{EVIL}扩大产能，a<b & c>d。"
    q = Quote(report="a<b>.txt", year=2020, mode="planned", section="2.1 <i>重点</i>", sentence=sentence,
              marks=((2, 2 + len(EVIL)),), names=(EVIL,), mentions=("https://example.org/m1",))
    f = Finding(earlier="a<b>.txt", later="c&d.txt", area="<区>", year=2020, verdict="silent",
                entity="https://example.org/e", entity_id='e"><img src=x onerror=alert(1)>', type='PARK" onclick="x',
                name=EVIL, earlier_names=(EVIL,), later_names=(), earlier_quotes=(q,), later_quotes=(),
                note="planned again in <b>.txt")
    e = EntityRow(entity=f.entity, entity_id=f.entity_id, type=f.type, name=EVIL, appearances=(), statuses=(),
                  names=(NameUse(EVIL, ("a<b>.txt",)),), years=(2020,), first_year=2020, last_year=2020, gaps=())
    return Audit(reports=[ReportInfo("https://example.org/r", "a<b>.txt", "<区>", 2019, 2020, "<title>")],
                 pairs=[PairSummary("a<b>.txt", "c&d.txt", "<区>", 2020, {"silent": 1})], findings=[f], entities=[e])


def test_a_name_holding_script_is_escaped_in_every_place():
    page = render_html(_evil_audit(), [], [], {})
    assert page.count("<script>") == 1 and page.count("</script>") == 1  # the page's own script only
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;公司" in page
    found = tags(page)
    assert [t for t, _ in found].count("script") == 1
    assert not any(t == "img" for t, _ in found)
    assert not any(name.startswith("on") for _, attrs in found for name in attrs)
    # attribute values come back intact, not broken out of
    rows = [a for t, a in found if t == "tr" and "data-verdict" in a]
    assert rows[0]["data-type"] == 'PARK" onclick="x'
    assert "<i>" not in page and "&lt;i&gt;重点&lt;/i&gt;" in page


def test_the_names_in_a_quote_are_marked_and_each_piece_escaped():
    q = _evil_audit().findings[0].earlier_quotes[0]
    html = render_quote(q)
    assert html == ("<blockquote><cite>a&lt;b&gt;.txt · 2020 planned · 2.1 &lt;i&gt;重点&lt;/i&gt;</cite>支持<mark>"
                    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;公司</mark>扩大产能，a&lt;b &amp; c&gt;d。"
                    "</blockquote>")


def test_the_page_makes_no_request_of_any_kind(page):
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "default-src 'none'" in page  # the Content-Security-Policy forbids every fetch
    assert "<link" not in page and "@import" not in page and "<iframe" not in page
    for tag, attrs in tags(page):
        for name in ("src", "href", "action", "xlink:href", "data", "poster"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
    assert re.findall(r"url\((?!#)", page) == []
    assert "<?xml" not in page and "<metadata>" not in page


def test_every_verdict_shows_the_quotes_on_both_sides(page):
    follow = page[page.index('<section id="follow-ups"'):page.index('<section id="changes"')]
    rows = re.findall(r"<tr data-type=.*?</tr>", follow, flags=re.DOTALL)
    assert len(rows) == 4
    for row in rows:
        quotes = re.findall(r'<td class="quotes">(.*?)</td>', row, flags=re.DOTALL)
        assert len(quotes) == 2 and "<blockquote>" in quotes[0]
        if 'data-verdict="silent"' in row:
            assert "not named in the review of 2020" in quotes[1]
        else:
            assert "<blockquote>" in quotes[1] and "reviewed" in quotes[1]
    assert "推进光明芯片项目二期和<mark>青山田园综合体项目</mark>建设。" in follow


def test_tables_are_sortable_with_a_text_box_and_selects_for_type_verdict_and_year(page):
    found = tags(page)
    sections = [a["id"] for t, a in found if t == "section" and "filterable" in (a.get("class") or "")]
    assert sections == ["follow-ups", "changes", "entities", "plan-vs-actual"]
    keys = [a["data-key"] for t, a in found if t == "select"]
    assert keys == ["type", "verdict", "year", "type", "verdict", "year", "type", "year", "type", "verdict", "year"]
    assert sum(1 for t, a in found if t == "input" and a.get("type") == "search") == 4
    assert all("sortable" in a["class"] for t, a in found if t == "table")
    follow = page[page.index('<section id="follow-ups"'):page.index('<section id="changes"')]
    assert re.findall(r'<select data-key="verdict">(.*?)</select>', follow)[0] == (
        '<option value="">all</option><option value="same-name">followed up, same name</option>'
        '<option value="silent">silent</option>')


def test_plan_versus_actual_has_its_table_and_its_chart_inlined(page):
    section = page[page.index('<section id="plan-vs-actual"'):]
    assert 'data-verdict="missed" data-year="2020"' in section and "地区生产总值" in section
    assert "左右: actual 3.6 &lt; 5.7" in section
    assert section.count("<svg") == 1 and "<figcaption>地区生产总值 · Gross domestic product (GDP): growth</figcaption>" in section


def test_inlined_charts_never_share_an_id():
    svg = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><metadata>x</metadata>'
           b'<defs><path id="m1"/></defs><use xlink:href="#m1"/><g clip-path="url(#p2)"/></svg>')
    a, b = inline_svg(svg, "c1"), inline_svg(svg, "c2")
    assert a == ('<svg xmlns="http://www.w3.org/2000/svg"><defs><path id="c1-m1"/></defs>'
                 '<use xlink:href="#c1-m1"/><g clip-path="url(#c1-p2)"/></svg>')
    assert set(re.findall(r'id="([^"]+)"', a)).isdisjoint(re.findall(r'id="([^"]+)"', b))


def test_same_audit_same_bytes(page_dir, page):
    write_audit(page_dir)
    assert (page_dir / AUDIT_HTML).read_text(encoding="utf-8") == page


@pytest.mark.browser
def test_sorting_and_filtering_in_a_browser_without_any_request(page_dir):
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("no Chromium to drive (scripts/test.sh installs Debian's chromium)")
    requests, errors = [], []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=["--no-sandbox", "--disable-background-networking"])
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        url = (page_dir / AUDIT_HTML).as_uri()
        page.goto(url)
        section = page.locator("#follow-ups")
        assert section.locator(".count").text_content() == "4 of 4 rows"
        section.locator("select[data-key=verdict]").select_option("silent")
        assert section.locator(".count").text_content() == "1 of 4 rows"
        assert section.locator("tbody tr:not([hidden]) td.name").first.text_content().startswith("青山田园综合体项目")
        section.locator("select[data-key=verdict]").select_option("")
        section.locator("input[type=search]").fill("park-xinghe")
        assert section.locator(".count").text_content() == "1 of 4 rows"
        section.locator("input[type=search]").fill("")
        head = section.locator("th", has_text="Entity")
        head.click()
        names = section.locator("tbody td.name").evaluate_all("cells => cells.map(c => c.dataset.sort)")
        assert head.get_attribute("aria-sort") == "ascending"
        assert names == ["光明芯片项目", "红日电池项目", "青山田园综合体项目", "星河产业园"]  # pinyin order
        head.click()
        assert head.get_attribute("aria-sort") == "descending"
        assert section.locator("tbody td.name").evaluate_all("cells => cells.map(c => c.dataset.sort)") == \
            names[::-1]
        browser.close()
    assert requests == [url] and errors == []
