"""audit.html: escaped, self-contained, sortable and filterable, the quotes on both sides.

The tables' rows are JSON in the page that its script draws; the tests read
that JSON for what the page holds and open the page in Chromium for what a
person sees (the drawn rows, sorting, filters, escaping), on the hand-made
corpus, on an audit whose every string is hostile, and on a made-up audit of
ten thousand findings.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import OpenedPage, chromium

from kg.audit.continuity import Audit, EntityRow, Finding, NameUse, PairSummary, Quote, ReportInfo
from kg.audit.export import AUDIT_HTML, write_audit
from kg.audit.html import DATA_ID, inline_svg, render_html, utf16_marks

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


def page_data(page: str) -> dict:
    """The JSON the page's script draws its tables from; it must not hold a ``<`` (kg.html.json_script)."""
    found = re.findall(rf'<script type="application/json" id="{DATA_ID}">(.*?)</script>', page, flags=re.DOTALL)
    assert len(found) == 1
    assert "<" not in found[0]
    return json.loads(found[0])


def findings(data: dict, section: str) -> list[dict]:
    """A findings table's rows as dicts: strings resolved, pair and quotes expanded
    (a side with no quote is the words the page shows instead)."""
    s = data["strings"]
    pairs = [dict(zip(data["pairs"]["columns"], p)) for p in data["pairs"]["rows"]]
    quotes = [dict(zip(data["quotes"]["columns"], q)) for q in data["quotes"]["rows"]]

    def side(v):
        if isinstance(v, int):
            return s[v]
        return [{**quotes[i], **{k: s[quotes[i][k]] for k in ("report", "mode", "section", "sentence")}} for i in v]

    out = []
    for row in data["tables"][section]["rows"]:
        r = dict(zip(data["tables"][section]["columns"], row))
        pair = pairs[r["pair"]]
        out.append(
            {
                "year": r["year"],
                "earlier": s[pair["earlier"]],
                "later": s[pair["later"]],
                **{k: s[r[k]] for k in ("type", "name", "id", "verdict", "note")},
                "earlier_quotes": side(r["earlier_quotes"]),
                "later_quotes": side(r["later_quotes"]),
            }
        )
    return out


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
    q = Quote(
        report="a<b>.txt",
        year=2020,
        mode="planned",
        section="2.1 <i>重点</i>",
        sentence=sentence,
        marks=((2, 2 + len(EVIL)),),
        names=(EVIL,),
        mentions=("https://example.org/m1",),
    )
    f = Finding(
        earlier="a<b>.txt",
        later="c&d.txt",
        area="<区>",
        year=2020,
        verdict="silent",
        entity="https://example.org/e",
        entity_id='e"><img src=x onerror=alert(1)>',
        type='PARK" onclick="x',
        name=EVIL,
        earlier_names=(EVIL,),
        later_names=(),
        earlier_quotes=(q,),
        later_quotes=(),
        note="planned again in <b>.txt",
    )
    e = EntityRow(
        entity=f.entity,
        entity_id=f.entity_id,
        type=f.type,
        name=EVIL,
        appearances=(),
        statuses=(),
        names=(NameUse(EVIL, ("a<b>.txt",)),),
        years=(2020,),
        first_year=2020,
        last_year=2020,
        gaps=(),
    )
    return Audit(
        reports=[ReportInfo("https://example.org/r", "a<b>.txt", "<区>", 2019, 2020, "<title>")],
        pairs=[PairSummary("a<b>.txt", "c&d.txt", "<区>", 2020, {"silent": 1})],
        findings=[f],
        entities=[e],
    )


def test_a_name_holding_script_is_escaped_in_every_place():
    page = render_html(_evil_audit(), [], [], {})
    # the page's own two scripts only: the data and the code
    assert page.count("<script>") == 1 and page.count("</script>") == 2
    found = tags(page)
    assert [a for t, a in found if t == "script"] == [{"type": "application/json", "id": DATA_ID}, {}]
    assert not any(t == "img" for t, _ in found)
    assert not any(name.startswith("on") for _, attrs in found for name in attrs)
    # in the data, every < > & is written \u003c \u003e \u0026, and the strings come back intact
    assert '\\u003cscript\\u003ealert(\\"x\\")\\u003c/script\\u003e\\u0026公司' in page
    data = page_data(page)
    row = findings(data, "follow-ups")[0]
    assert row["name"] == EVIL and row["type"] == 'PARK" onclick="x'
    assert row["id"] == 'e"><img src=x onerror=alert(1)>'
    assert row["earlier_quotes"][0]["section"] == "2.1 <i>重点</i>"
    # in the HTML around it (pairs, selects), escaped; attribute values come back intact, not broken out of
    assert "&lt;区&gt;" in page and "a&lt;b&gt;.txt" in page and "c&amp;d.txt" in page
    types = [a["value"] for t, a in found if t == "option" and a.get("value") and "PARK" in a["value"]]
    assert types == ['PARK" onclick="x', 'PARK" onclick="x']  # follow-ups and entities
    assert "<i>" not in page and "<b>" not in page


def test_marks_are_utf16_offsets_and_overlaps_keep_the_earlier():
    assert utf16_marks("支持星河产业园。", [(2, 7)]) == [2, 7]
    # 𠀀 is one code point in Python, two UTF-16 code units in JavaScript
    assert utf16_marks("𠀀河产业园和𠀀山", [(0, 5), (6, 8)]) == [0, 6, 7, 10]
    assert utf16_marks("星河产业园内", [(3, 5), (0, 4), (4, 6)]) == [0, 4, 4, 6]


def test_the_page_makes_no_request_of_any_kind(page):
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "default-src 'none'" in page  # the Content-Security-Policy forbids every fetch
    assert "<link" not in page and "@import" not in page and "<iframe" not in page
    for tag, attrs in tags(page):
        for name in ("src", "href", "action", "xlink:href", "data", "poster"):
            value = attrs.get(name)
            # an anchor in the page, or (the site's navigation) a page of the site beside it: no scheme, no host
            site_page = tag == "a" and name == "href" and re.fullmatch(r"[A-Za-z0-9_.-]+\.html(#[^:]*)?", value or "")
            assert value is None or value.startswith("#") or site_page, (tag, name, value)
    assert re.findall(r"url\((?!#)", page) == []
    assert "<?xml" not in page and "<metadata>" not in page


def test_without_javascript_the_summary_and_pairs_show_and_the_tables_say_why_they_do_not(page):
    assert "<noscript><style>.needs-js { display: none; }</style></noscript>" in page
    lead = re.search(r'<p class="lead">(.*?)</p>', page).group(1)
    assert lead.startswith("2 份报告 reports · 甲乙区, 1 对相邻报告 pairs of consecutive reports, 7 个实体 entities.")
    assert "7 个实体 entities. 1 of 1 report pair could be judged. " in lead
    assert lead.endswith(
        "3 同名跟进 followed up, same name, 0 改名跟进 followed up, another name, 1 未予回顾 silent, "
        "0 无从判断 not assessable."
    )
    pairs = page[page.index('<section id="pairs"') : page.index('<section id="follow-ups"')]
    assert pairs.count("<tr>") == 2 and "tiny-2019-report-2020-plan.txt" in pairs
    assert 'data-pair="0" data-verdict="silent" title="Show these findings">1</a>' in pairs
    for sid, n in (("follow-ups", 4), ("changes", 2), ("entities", 7), ("plan-vs-actual", 2)):
        section = page[page.index(f'<section id="{sid}"') :]
        section = section[: section.index("</section>")]
        assert f'<noscript><p class="help">The {n} rows of this table are drawn by the page\'s script' in section
        assert '<div class="needs-js">' in section and "<tbody>\n</tbody>" in section


def test_every_verdict_shows_the_quotes_on_both_sides(page):
    rows = findings(page_data(page), "follow-ups")
    assert len(rows) == 4
    for row in rows:
        assert row["earlier_quotes"] and all(q["mode"] == "planned" for q in row["earlier_quotes"])
        if row["verdict"] == "silent":
            assert row["later_quotes"] == "not named in the review of 2020 (tiny-2020-report-2021-plan.txt)"
        else:
            assert row["later_quotes"] and all(q["mode"] == "reviewed" for q in row["later_quotes"])
    qingshan = next(r for r in rows if r["name"] == "青山田园综合体项目")
    q = qingshan["earlier_quotes"][0]
    assert q["sentence"] == "推进光明芯片项目二期和青山田园综合体项目建设。"
    assert [q["sentence"][a:b] for a, b in zip(q["marks"][::2], q["marks"][1::2])] == ["青山田园综合体项目"]


def test_a_sentence_quoted_many_times_is_in_the_page_once(page):
    data = page_data(page)
    assert len(data["strings"]) == len(set(data["strings"]))
    quoted = [q[4] for q in data["quotes"]["rows"]]
    assert data["strings"].count("推进光明芯片项目二期和青山田园综合体项目建设。") == 1
    assert quoted.count(data["strings"].index("推进光明芯片项目二期和青山田园综合体项目建设。")) == 2  # two marks


def test_tables_are_sortable_with_a_text_box_and_selects_for_type_verdict_year_and_pair(page):
    found = tags(page)
    sections = [a["id"] for t, a in found if t == "section" and "filterable" in (a.get("class") or "")]
    assert sections == ["follow-ups", "changes", "entities", "plan-vs-actual"]
    keys = [a["data-key"] for t, a in found if t == "select"]
    assert keys == [
        "type",
        "verdict",
        "year",
        "pair",
        "type",
        "verdict",
        "year",
        "pair",
        "type",
        "year",
        "type",
        "verdict",
        "year",
    ]
    assert sum(1 for t, a in found if t == "input" and a.get("type") == "search") == 4
    assert all("sortable" in a["class"] for t, a in found if t == "table")
    follow = page[page.index('<section id="follow-ups"') : page.index('<section id="changes"')]
    assert re.findall(r'<select data-key="verdict">(.*?)</select>', follow)[0] == (
        '<option value="">all</option><option value="same-name">同名跟进 followed up, same name</option>'
        '<option value="silent">未予回顾 silent</option>'
    )
    assert re.findall(r'<select data-key="pair">(.*?)</select>', follow)[0] == (
        '<option value="">all</option><option value="0">甲乙区 · 2020 · tiny-2019-report-2020-plan.txt → '
        "tiny-2020-report-2021-plan.txt</option>"
    )


def test_plan_versus_actual_has_its_table_and_its_chart_inlined(page):
    data = page_data(page)
    s, table = data["strings"], data["tables"]["plan-vs-actual"]
    rows = [dict(zip(table["columns"], r)) for r in table["rows"]]
    missed = [r for r in rows if s[r["verdict"]] == "missed"]
    assert len(missed) == 1 and missed[0]["year"] == 2020 and s[missed[0]["indicator"]] == "地区生产总值"
    assert s[missed[0]["rule"]].startswith("左右: actual 3.6 < 5.7")
    assert (s[missed[0]["target"]], missed[0]["target_value"], s[missed[0]["actual"]]) == ("6左右", 6.0, "3.6")
    section = page[page.index('<section id="plan-vs-actual"') :]
    assert '<option value="missed">missed</option>' in section
    assert (
        section.count("<svg") == 1
        and "<figcaption>地区生产总值 · Gross domestic product (GDP): growth</figcaption>" in section
    )


def test_inlined_charts_never_share_an_id():
    svg = (
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><metadata>x</metadata>'
        b'<defs><path id="m1"/></defs><use xlink:href="#m1"/><g clip-path="url(#p2)"/></svg>'
    )
    a, b = inline_svg(svg, "c1"), inline_svg(svg, "c2")
    assert a == (
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><path id="c1-m1"/></defs>'
        '<use xlink:href="#c1-m1"/><g clip-path="url(#c1-p2)"/></svg>'
    )
    assert set(re.findall(r'id="([^"]+)"', a)).isdisjoint(re.findall(r'id="([^"]+)"', b))


def test_same_audit_same_bytes(page_dir, page):
    write_audit(page_dir)
    assert (page_dir / AUDIT_HTML).read_text(encoding="utf-8") == page


def test_a_slot_in_a_name_stays_text():
    audit = _evil_audit()
    audit.pairs[0] = PairSummary("{{js}}.txt", "c&d.txt", "{{data}}", 2020, {"silent": 1})
    page = render_html(audit, [], [], {})
    assert "<td>{{data}}</td>" in page and "<td>{{js}}.txt</td>" in page
    assert page.count("Intl.Collator") == 1


# ---- in the browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium_browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def browser(chromium_browser):
    ctx = chromium_browser.new_context(viewport={"width": 1400, "height": 900})
    yield ctx
    ctx.close()


class Opened(OpenedPage):
    """audit.html opened from disk, with every request, console message and dialog it caused."""

    def __init__(self, ctx, path: Path):
        t = time.perf_counter()
        super().__init__(ctx, path, wait_until="commit")
        self.wait("window.kgAudit && kgAudit.ready && !!document.querySelector('#follow-ups tbody tr')")
        self.opened = time.perf_counter() - t  # seconds until the first table has its rows

    def cells(self, section: str, selector: str) -> list[str]:
        """The text of one kind of cell in the drawn rows, without the id under a name."""
        return self.page.locator(f"#{section} tbody {selector}").evaluate_all(
            "cells => cells.map(c => c.firstChild ? c.firstChild.textContent : '')"
        )

    def assert_clean(self):
        assert self.console == []
        assert self.requests == [self.url] and self.dialogs == []
        assert self.js("document.characterSet") == "UTF-8"
        assert self.js("document.scripts.length") == 2  # nothing from the data became a script
        self.page.close()


@pytest.mark.browser
def test_sorting_and_filtering_in_a_browser_without_any_request(page_dir, browser):
    o = Opened(browser, page_dir / AUDIT_HTML)
    section = o.page.locator("#follow-ups")
    assert section.locator(".count").text_content() == "4 of 4 rows"
    assert section.locator("tbody tr").count() == 4
    section.locator("select[data-key=verdict]").select_option("silent")
    assert section.locator(".count").text_content() == "1 of 4 rows"
    assert section.locator("tbody tr").count() == 1
    assert section.locator("tbody tr td.name").first.text_content().startswith("青山田园综合体项目")
    section.locator("select[data-key=verdict]").select_option("")
    section.locator("input[type=search]").fill("park-xinghe")
    assert section.locator(".count").text_content() == "1 of 4 rows"
    section.locator("input[type=search]").fill("")
    head = section.locator("th", has_text="Entity")
    head.click()
    names = o.cells("follow-ups", "td.name")
    assert head.get_attribute("aria-sort") == "ascending"
    assert names == ["光明芯片项目", "红日电池项目", "青山田园综合体项目", "星河产业园"]  # pinyin order
    head.click()
    assert head.get_attribute("aria-sort") == "descending"
    assert o.cells("follow-ups", "td.name") == names[::-1]
    o.assert_clean()


@pytest.mark.browser
def test_the_drawn_rows_show_both_sides_with_the_names_marked(page_dir, browser):
    o = Opened(browser, page_dir / AUDIT_HTML)
    rows = o.page.locator("#follow-ups tbody tr").evaluate_all(
        "rows => rows.map(r => [r.querySelector('.badge').textContent, "
        "[...r.querySelectorAll('td.quotes')].map(c => c.innerHTML)])"
    )
    assert len(rows) == 4
    for verdict, (earlier, later) in rows:
        assert earlier.startswith("<blockquote><cite>tiny-2019-report-2020-plan.txt · 2020 planned · ")
        if "silent" in verdict:
            assert later == (
                '<span class="none">not named in the review of 2020 (tiny-2020-report-2021-plan.txt)</span>'
            )
        else:
            assert later.startswith("<blockquote><cite>tiny-2020-report-2021-plan.txt · 2020 reviewed · ")
    assert any("推进光明芯片项目二期和<mark>青山田园综合体项目</mark>建设。" in e for _, (e, _) in rows)
    # the other tables draw as they come in sight, or at once when a person filters them
    o.page.locator("#entities").scroll_into_view_if_needed()
    o.wait("document.querySelectorAll('#entities tbody tr').length === 7")
    pva = o.page.locator("#plan-vs-actual")
    pva.locator("select[data-key=verdict]").select_option("missed")
    assert pva.locator(".count").text_content() == "1 of 2 rows"
    assert pva.locator("tbody tr .badge").text_content() == "missed"
    # a count in the table of pairs shows its findings
    o.page.locator("#pairs a[data-verdict=disappeared]").click()
    changes = o.page.locator("#changes")
    assert changes.locator(".count").text_content() == "1 of 2 rows"
    assert changes.locator("select[data-key=verdict]").input_value() == "disappeared"
    assert changes.locator("select[data-key=pair]").input_value() == "0"
    o.assert_clean()


@pytest.mark.browser
def test_hostile_strings_render_as_text(browser, tmp_path):
    path = tmp_path / AUDIT_HTML
    path.write_text(render_html(_evil_audit(), [], [], {}), encoding="utf-8")
    o = Opened(browser, path)
    row = o.page.locator("#follow-ups tbody tr")
    assert row.locator("td.name").text_content() == EVIL + 'e"><img src=x onerror=alert(1)>'
    assert row.locator("td").nth(3).text_content() == 'PARK" onclick="x'
    assert row.locator("td.quotes").first.inner_html() == (
        "<blockquote><cite>a&lt;b&gt;.txt · 2020 planned · 2.1 &lt;i&gt;重点&lt;/i&gt;</cite>支持<mark>"
        '&lt;script&gt;alert("x")&lt;/script&gt;&amp;公司</mark>扩大产能，a&lt;b &amp; c&gt;d。</blockquote>'
    )
    assert row.locator("td").last.text_content() == "planned again in <b>.txt"
    o.page.locator("#entities").scroll_into_view_if_needed()
    o.wait("document.querySelectorAll('#entities tbody tr').length === 1")
    assert o.js("document.querySelectorAll('img, i, b').length") == 0
    assert (
        o.js("[...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('on')))")
        is False
    )
    o.assert_clean()


@pytest.mark.browser
def test_without_javascript_the_summary_and_pairs_read_and_the_tables_say_why_not(page_dir, chromium_browser):
    ctx = chromium_browser.new_context(java_script_enabled=False)
    p = ctx.new_page()
    p.goto((page_dir / AUDIT_HTML).as_uri())
    assert p.locator("p.lead").first.is_visible()
    assert p.locator("#pairs tbody tr").count() == 1 and p.locator("#pairs table").is_visible()
    assert p.locator("#follow-ups table").is_hidden() and p.locator("#follow-ups .filters").is_hidden()
    assert "The 4 rows of this table are drawn by the page's script" in p.locator("#follow-ups").inner_text()
    ctx.close()


# ---- a made-up audit of national size ----------------------------------------------------------

SHARED_SENTENCE = "各区坚持项目为王，推进重点项目建设，确保按期竣工。"
FIRST_NAME = "阿尔法项目"  # sorts before every 项目NNNNN (a before x in pinyin)
HOSTILE = "<script>window.pwned = 1</script>"


def _large_audit(n: int = 10_000, pairs: int = 20, entities: int = 3_000) -> Audit:
    """``n`` findings over ``pairs`` pairs, five verdicts in turn per pair; every finding quotes
    one shared sentence and one of its own (finding 0 three more). Finding ``n - 3`` (silent) is
    named FIRST_NAME, finding 5000 carries HOSTILE in its name."""
    reports = [
        ReportInfo(f"https://example.org/r{i}", f"r{i:02d}.txt", "大区", 2000 + i, 2001 + i, f"报告{i}")
        for i in range(pairs + 1)
    ]
    verdicts = ("same-name", "other-name", "silent", "new", "disappeared")

    def extra(k):  # finding 0 quotes five sentences, two more than a cell shows at first
        return (
            [
                Quote(reports[0].file, 2001, "planned", "3.2 其他", f"第{i}句提到项目00000。", ((5, 12),), (), ())
                for i in range(3)
            ]
            if k == 0
            else []
        )

    out, counts = [], [dict.fromkeys(verdicts, 0) for _ in range(pairs)]
    for k in range(n):
        p, verdict = (k // 5) % pairs, verdicts[k % 5]
        earlier, later = reports[p].file, reports[p + 1].file
        name = FIRST_NAME if k == n - 3 else f"项目{k:05d}" + (HOSTILE if k == 5000 else "")
        own = f"推进{name}建设。"
        mine = Quote(earlier, 2001 + p, "planned", "3.1 重点项目", own, ((2, 2 + len(name)),), (name,), ())
        shared = Quote(earlier, 2001 + p, "planned", "3.1 重点项目", SHARED_SENTENCE, (), (), ())
        later_q = (
            ()
            if verdict in ("silent", "disappeared")
            else (Quote(later, 2001 + p, "reviewed", "1.1 回顾", f"{name}已开工。", ((0, len(name)),), (name,), ()),)
        )
        out.append(
            Finding(
                earlier=earlier,
                later=later,
                area="大区",
                year=2001 + p,
                verdict=verdict,
                entity=f"https://example.org/e{k}",
                entity_id=f"e{k:05d}",
                type=("PROJECT", "PARK", "ENTERPRISE")[k % 3],
                name=name,
                earlier_names=(name,),
                later_names=(name,) if later_q else (),
                earlier_quotes=(mine, shared, *extra(k)),
                later_quotes=later_q,
                note="",
            )
        )
        counts[p][verdict] += 1
    rows = [
        EntityRow(
            entity=f"https://example.org/e{k}",
            entity_id=f"e{k:05d}",
            type="PROJECT",
            name=f"项目{k:05d}",
            appearances=(),
            statuses=(),
            names=(NameUse(f"项目{k:05d}", ("r00.txt",)),),
            years=(2001,),
            first_year=2001,
            last_year=2001,
            gaps=(),
        )
        for k in range(entities)
    ]
    return Audit(
        reports=reports,
        findings=out,
        entities=rows,
        pairs=[PairSummary(reports[p].file, reports[p + 1].file, "大区", 2001 + p, counts[p]) for p in range(pairs)],
    )


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> tuple[Audit, Path]:
    audit = _large_audit()
    path = tmp_path_factory.mktemp("large-audit") / AUDIT_HTML
    path.write_text(render_html(audit, [], [], {}), encoding="utf-8")
    return audit, path


def test_a_large_audit_is_written_compactly(large):
    _, path = large
    page = path.read_text(encoding="utf-8")
    assert page.count(SHARED_SENTENCE) == 1  # quoted by ten thousand findings, in the page once
    # a report named by 1,000 findings: in the strings (as itself and in the two "not named in" texts), the
    # table of pairs (two rows) and the two pair selects (two options each)
    assert page.count("r07.txt") == 9
    assert len(findings(page_data(page), "follow-ups")) == 6_000
    assert path.stat().st_size < 2_500_000  # ten thousand findings with two quotes each


@pytest.mark.browser
def test_a_large_audit_opens_at_once_and_sorts_and_filters_every_row(large, browser):
    audit, path = large
    o = Opened(browser, path)
    assert o.opened < 5, f"first rows after {o.opened:.1f} s"
    assert o.js("[kgAudit.grids.changes.drawn(), kgAudit.grids.entities.drawn()]") == [False, False]  # out of sight
    section = o.page.locator("#follow-ups")
    count = section.locator(".count")
    assert count.text_content() == "6000 of 6000 rows"
    assert section.locator("tbody tr").count() == 200
    assert section.locator(".more .shown").text_content() == "Showing 200 of 6000"
    section.locator(".more button", has_text="Show 200 more").click()
    assert section.locator("tbody tr").count() == 400
    # sorting runs over all the rows, not the drawn ones: the last finding comes first
    head = section.locator("th", has_text="Entity")
    head.click()
    assert o.cells("follow-ups", "td.name")[:2] == [FIRST_NAME, "项目00000"]
    assert section.locator("tbody tr").count() == 200
    head.click()
    assert o.cells("follow-ups", "td.name")[0] == "项目09996"
    section.locator("th", has_text="Year").click()
    assert o.cells("follow-ups", "td.num")[0] == "2001"
    # filters over all the rows, one at a time and together
    search = section.locator("input[type=search]")
    search.fill("项目04321")
    assert count.text_content() == "1 of 6000 rows"
    assert o.cells("follow-ups", "td.name") == ["项目04321"]
    search.fill("")
    section.locator("select[data-key=verdict]").select_option("silent")
    assert count.text_content() == "2000 of 6000 rows"
    # by year, and within a year by name descending, the sort before (a sort keeps the order of ties)
    assert (
        o.cells("follow-ups", "td.name")[0]
        == max(f.name for f in audit.findings if f.verdict == "silent" and f.year == 2001)
        == "项目09902"
    )
    section.locator(".more button", has_text="Show all 2000").click()
    assert section.locator("tbody tr").count() == 2000 and section.locator(".more button").all()[0].is_hidden()
    section.locator("select[data-key=year]").select_option("2004")
    assert count.text_content() == "100 of 6000 rows"
    assert section.locator(".more").is_hidden() and section.locator("tbody tr").count() == 100
    section.locator("select[data-key=year]").select_option("")
    section.locator("select[data-key=pair]").select_option("19")
    assert count.text_content() == "100 of 6000 rows"
    assert set(o.cells("follow-ups", "td:nth-child(2)")) == {"r19.txt"}
    section.locator("select[data-key=verdict]").select_option("")
    section.locator("select[data-key=pair]").select_option("")
    # a side with more than three quotes shows three and a button for the rest; the filter reads them all
    search.fill("第2句提到")
    assert count.text_content() == "1 of 6000 rows"
    cell = section.locator("tbody td.quotes").first
    assert cell.locator("blockquote").count() == 3 and cell.locator("button").text_content() == "2 more quotes"
    cell.locator("button").click()
    assert cell.locator("blockquote").count() == 5 and cell.locator("button").count() == 0
    assert cell.locator("blockquote").last.inner_html().endswith("第2句提到<mark>项目00000</mark>。")
    # a name holding a script shows as text, and nothing ran
    search.fill("window.pwned")
    assert count.text_content() == "1 of 6000 rows"
    assert section.locator("tbody td.name").text_content() == f"项目05000{HOSTILE}e05000"
    assert o.js("window.pwned") is None
    # the other tables draw when they come in sight
    o.page.locator("#entities").scroll_into_view_if_needed()
    o.wait("document.querySelectorAll('#entities tbody tr').length === 200")
    assert o.page.locator("#entities .count").text_content() == "3000 of 3000 rows"
    o.assert_clean()


def test_a_verdict_the_vocabulary_adds_is_shown_by_its_own_label(monkeypatch):
    """The page renders whatever ontology/continuity.tsv lists (another verdict, such as not
    assessable, lands among the follow-ups with its label), and links names to the site's entity pages."""
    import dataclasses

    import kg.audit.html as audit_html
    from kg.audit.continuity import verdict_labels

    labels = {**verdict_labels(), "not-assessable": {"zh": "无法评估", "en": "not assessable"}}
    monkeypatch.setattr(audit_html, "verdict_labels", lambda: labels)
    audit = _evil_audit()
    odd = dataclasses.replace(audit.findings[0], verdict="not-assessable", entity_id="program-x")
    audit = dataclasses.replace(audit, findings=[*audit.findings, odd])
    page = render_html(audit, [], [], {})
    data = page_data(page)
    assert [r["verdict"] for r in findings(data, "follow-ups")] == ["silent", "not-assessable"]
    assert {"id": "not-assessable", "zh": "无法评估", "en": "not assessable"} in data["verdicts"]
    follow = page[page.index('<section id="follow-ups"') : page.index('<section id="changes"')]
    assert '<option value="not-assessable">无法评估 not assessable</option>' in follow
    assert "<th>无法评估 not assessable</th>" in page  # a column of the table of pairs
    assert "1 未予回顾 silent, 0 无法评估 not assessable." in page  # the summary, Chinese first
    # the site's navigation, and entity pages for ids that are not plain (the hostile one gets a digest)
    assert '<a class="brand" href="index.html">policy-kg</a>' in page
    assert data["entityPages"] == {
        'e"><img src=x onerror=alert(1)>': data["entityPages"]['e"><img src=x onerror=alert(1)>']
    }
    assert data["entityPages"]['e"><img src=x onerror=alert(1)>'].startswith("h-")


def test_every_point_of_a_chart_has_its_quotes_as_a_tooltip_and_its_table_row(page):
    points = re.findall(
        r'<g id="c\d+-pt-(actual|target)-\d+" class="pt" tabindex="0" data-row="(\d+)"><title>(.*?)</title>', page, re.S
    )
    assert points, "the chart of the hand-made corpus has points"
    data = page_data(page)
    table = data["tables"]["plan-vs-actual"]
    f = {c: i for i, c in enumerate(table["columns"])}
    s = data["strings"]
    for side, row, title in points:
        r = table["rows"][int(row)]
        assert title.startswith(f"{r[f['year']]} · ")  # the point's year is its row's
        evidence = r[f["actual_evidence"] if side == "actual" else f["target_evidence"]]
        assert evidence is not None and s[evidence].replace("&", "&amp;").replace("<", "&lt;") in title
    assert {side for side, _, _ in points} == {"actual", "target"}


@pytest.mark.browser
def test_a_click_on_a_point_shows_its_row_of_the_table(page_dir, browser):
    o = Opened(browser, page_dir / AUDIT_HTML)
    point = o.page.locator("g.pt[data-row]").first
    row = int(point.get_attribute("data-row"))
    point.click()
    assert o.js("kgAudit.shownRow") == row
    assert o.js("document.querySelectorAll('#plan-vs-actual tr.target').length") == 1
    o.assert_clean()
