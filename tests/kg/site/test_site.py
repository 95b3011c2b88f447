"""The site (kg.site): every page written, offline, escaped, byte-stable,
and showing what the graph says; then the pages themselves in headless Chromium.

The corpus is written by hand into a temporary folder: two reports of an
invented 甲乙区 in which one project is named ``<script>alert(1)</script>芯片项目``
(…二期 a year later: a variant of its name, not a rename), one project renamed
(红日电池项目 → 红日新能源电池项目) and one firm ``<a href="https://example.com/x">蓝海</a>科技公司``.
The files are read by the real loader and segmenter; entities, statuses and
names are listed here, so every expected count can be worked out on paper.
Expected numbers are computed from the built graph with SPARQL on rdflib, the
engine the site does not use.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import OpenedPage, chromium, hand_claim, hand_mentions

from extract.corpus import read_documents
from extract.records import CorpusResult, DocumentResult, Entity
from extract.themes import tag_themes
from kg.cli import cli
from kg.html import write_page
from kg.pipeline import write_build
from kg.query.library import run_query
from kg.site import graphs
from kg.site.data import Concept, Report, Sentence, SiteData, find_comentions, load_site_data
from kg.site.data import Entity as SiteEntity
from kg.site.data import Mention as SiteMention
from kg.site.pages import graph_payload
from kg.site.write import read_audit, write_site

SCRIPT = "<script>alert(1)</script>"
CHIP = SCRIPT + "芯片项目"
CHIP2 = CHIP + "二期"
HREF = '<a href="https://example.com/x">蓝海</a>科技公司'

REPORTS = {
    "jiayi-2019-report-2020-plan.txt": f"""关于甲乙区2019年国民经济和社会发展计划执行情况与2020年计划草案的报告

——2020年1月10日在甲乙区人民代表大会上

一、2019年国民经济和社会发展计划执行情况

（一）新旧动能转换全面提速。星河产业园内的{CHIP}竣工投产。{HREF}入选专精特新企业名单。

（二）乡村振兴稳步实施。青山田园综合体项目开工建设。

二、2020年国民经济和社会发展主要预期目标

地区生产总值增长6%左右。

三、2020年工作重点

（一）突出抓好重大项目建设。推进{CHIP2}和青山田园综合体项目建设。星河产业园引进红日电池项目。
""",
    "jiayi-2020-report-2021-plan.txt": f"""关于甲乙区2020年国民经济和社会发展计划执行情况与2021年计划草案的报告

——2021年1月12日在甲乙区人民代表大会上

一、2020年国民经济和社会发展计划执行情况

（一）重大项目建设成效明显。{CHIP2}建成投产。红日新能源电池项目在星河产业园开工。

（二）企业培育扎实推进。{HREF}扩大生产。

二、2021年国民经济和社会发展主要预期目标

地区生产总值增长6%以上。

三、2021年工作重点

（一）推动乡村振兴。建设绿谷物流园，培育农产品电商。
""",
}

# id, type, the forms it is written in (longest first)
ENTITIES = [
    ("project-chip", "PROJECT", [CHIP2, CHIP]),
    ("enterprise-lanhai", "ENTERPRISE", [HREF]),
    ("park-xinghe", "PARK", ["星河产业园"]),
    ("project-qingshan", "PROJECT", ["青山田园综合体项目"]),
    ("project-hongri", "PROJECT", ["红日新能源电池项目", "红日电池项目"]),
    ("program-zjtx", "PROGRAM", ["专精特新企业名单"]),
    ("park-lvgu", "PARK", ["绿谷物流园"]),
]
STATUSES = {  # (entity, reviewed year) -> (trigger, status)
    ("project-chip", 2019): ("竣工投产", "completed"),
    ("project-chip", 2020): ("建成投产", "in_operation"),
    ("project-hongri", 2020): ("开工", "started"),
}


def _corpus(folder: Path) -> CorpusResult:
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    results = []
    for doc in read_documents([str(folder / n) for n in sorted(REPORTS)]):
        taken: list[tuple[int, int]] = []
        ents = []
        for eid, typ, forms in ENTITIES:
            ent = Entity(id=eid, type=typ, name=forms[-1], mentions=hand_mentions(doc, typ, forms, taken))
            if ent.mentions:
                ents.append(ent)
        tag_themes(doc, ents)
        for ent in ents:
            key = (ent.id, doc.reviewed_year)
            if key in STATUSES:
                trigger, status = STATUSES[key]
                ent.status.append(hand_claim(doc, trigger, status))
        results.append(DocumentResult(document=doc, entities=ents))
    return CorpusResult(documents=results, canonical={"project-chip": CHIP})


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The hostile corpus built and its site written."""
    folder = tmp_path_factory.mktemp("site-corpus")
    out = tmp_path_factory.mktemp("site")
    write_build(_corpus(folder), out)
    write_site(out)
    return out


def sparql(out: Path, text: str) -> list[tuple]:
    """Rows of a query on rdflib (the site reads the graph with Oxigraph)."""
    return [
        tuple(t.value if t is not None else None for t in row) for row in run_query(out, text, engine="rdflib").rows
    ]


def expected_entities(out: Path) -> dict[str, dict]:
    """Per entity key (its IRI's local name): label, type, themes, years, cells."""
    out_rows: dict[str, dict] = {}
    for e, label, typ in sparql(
        out, "SELECT ?e ?l ?t WHERE { ?e a pkg:NamedEntity ; skos:prefLabel ?l ; pkg:entityType ?t }"
    ):
        out_rows[e.rsplit("/", 1)[-1]] = {"label": label, "type": typ, "themes": set(), "years": set(), "cells": set()}
    for e, theme in sparql(
        out, "SELECT ?e ?n WHERE { ?e a pkg:NamedEntity ; dcterms:subject ?t . ?t skos:notation ?n }"
    ):
        out_rows[e.rsplit("/", 1)[-1]]["themes"].add(theme)
    for e, year, mode in sparql(
        out, "SELECT DISTINCT ?e ?y ?m WHERE { ?x pkg:mentionOf ?e ; pkg:year ?y ; pkg:mode ?m }"
    ):
        key = e.rsplit("/", 1)[-1]
        out_rows[key]["years"].add(int(year))
        out_rows[key]["cells"].add((int(year), mode))
    return out_rows


def chip_key(out: Path) -> str:
    return next(k for k, v in expected_entities(out).items() if v["label"] == CHIP)


# ---- files, links, bytes ----------------------------------------------------------


def test_site_writes_a_page_per_theme_and_per_entity(site):
    ents = expected_entities(site)
    themes = {t for e in ents.values() for t in e["themes"]}
    assert themes, "the hand-made corpus is tagged with themes"
    for name in ("index.html", "overview.html", "evolution.html", "entities.html"):
        assert (site / name).is_file()
    assert sorted(p.stem for p in (site / "themes").glob("*.html")) == sorted(themes)
    assert sorted(p.stem for p in (site / "entities").glob("*.html")) == sorted(ents)


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_link_in_the_site_points_to_a_file_that_exists(site):
    for page in _html_files(site):
        text = page.read_text(encoding="utf-8")
        for href in re.findall(r'\shref="([^"]*)"', text):
            target = href.split("#", 1)[0]
            if target:
                assert not re.match(r"[a-z]+:", target), f"{page.name} links out of the site: {href}"
                assert (page.parent / target).resolve().is_file(), f"{page.name}: broken link {href}"


def test_pages_are_utf8_offline_and_never_carry_raw_markup_from_names(site):
    for page in _html_files(site):
        raw = page.read_bytes()
        text = raw.decode("utf-8")
        assert '<meta charset="utf-8">' in text
        assert "Content-Security-Policy" in text and "default-src 'none'" in text
        assert not re.search(r"<(?:script|img|iframe|link)\b[^>]*\s(?:src|href)=", text), page.name
        assert "sourceMappingURL" not in text
        assert SCRIPT not in text, f"{page.name} holds the name's <script> unescaped"
        assert 'href="https://example.com' not in text, f"{page.name} holds the name's link unescaped"
    entity_page = (site / "entities" / f"{chip_key(site)}.html").read_text(encoding="utf-8")
    assert '<h1 id="name">&lt;script&gt;alert(1)&lt;/script&gt;芯片项目</h1>' in entity_page


def test_the_same_graph_gives_the_same_site_bytes_under_any_hash_seed(site, tmp_path):
    copies = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        out.mkdir()
        for f in ("graph.trig", "extraction.json", "manifest.json"):  # the index lists them
            shutil.copy(site / f, out / f)
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "kg.cli", "site", "--out", str(out), "-q"], check=True, env=env)
        copies.append(out)
    pages = sorted(p.relative_to(site) for p in _html_files(site))
    assert sorted(p.relative_to(copies[0]) for p in _html_files(copies[0])) == pages
    for rel in pages:
        assert (copies[0] / rel).read_bytes() == (copies[1] / rel).read_bytes() == (site / rel).read_bytes(), rel


def test_a_new_build_removes_the_pages_of_entities_it_no_longer_has(site, tmp_path):
    shutil.copy(site / "graph.trig", tmp_path / "graph.trig")
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "gone.html").write_text("old", encoding="utf-8")
    (tmp_path / "entities" / "notes.txt").write_text("mine", encoding="utf-8")
    write_site(tmp_path)
    assert not (tmp_path / "entities" / "gone.html").exists()
    assert (tmp_path / "entities" / "notes.txt").exists()


# ---- what the graphs say ------------------------------------------------------------


def test_overview_has_every_entity_and_used_theme_and_each_co_mention(site):
    data = load_site_data(site)
    laid = graphs.overview(data)
    ents = expected_entities(site)
    themes = {t for e in ents.values() for t in e["themes"]}
    g = laid.graph
    assert {n for n, a in g.nodes(data=True) if a["kind"] == "entity"} == set(ents)
    assert {a["theme"] for n, a in g.nodes(data=True) if a["kind"] == "theme"} == themes
    pairs = sparql(
        site,
        "SELECT DISTINCT ?a ?b WHERE { ?x pkg:mentionOf ?a ; pkg:inSentence ?s . "
        "?y pkg:mentionOf ?b ; pkg:inSentence ?s . FILTER(STR(?a) < STR(?b)) }",
    )
    co = {tuple(sorted((a.rsplit("/", 1)[-1], b.rsplit("/", 1)[-1]))) for a, b in pairs}
    drawn = {tuple(sorted((u, v))) for u, v, a in g.edges(data=True) if a["kind"] != "theme"}
    assert drawn == co
    kinds = {tuple(sorted((u, v))): a["kind"] for u, v, a in g.edges(data=True)}
    assert kinds[("park-xinghe", "project-chip")] == "park–project"
    assert kinds[("enterprise-lanhai", "program-zjtx")] == "program–enterprise"


def test_layout_is_integer_and_nothing_overlaps(site):
    data = load_site_data(site)
    for laid in (graphs.overview(data), *(graphs.theme_page(data, t) for t in data.themes)):
        pos = laid.pos
        assert set(pos) == set(laid.graph.nodes)
        assert all(isinstance(x, int) and isinstance(y, int) for x, y in pos.values())
        r = {
            n: graphs.entity_radius(a["mentions"]) if a["kind"] == "entity" else graphs.theme_radius(a["label"])
            for n, a in laid.graph.nodes(data=True)
        }
        nodes = sorted(pos)
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                d2 = (pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2
                assert d2 >= (r[a] + r[b]) ** 2, (a, b)


def test_a_2000_entity_layout_has_no_overlap_either():
    import numpy as np

    laid = graphs.overview(_large(2000))
    nodes = sorted(laid.pos)
    xy = np.array([laid.pos[n] for n in nodes], dtype=float)
    g = laid.graph
    r = np.array(
        [
            graphs.entity_radius(g.nodes[n]["mentions"])
            if g.nodes[n]["kind"] == "entity"
            else graphs.theme_radius(g.nodes[n]["label"])
            for n in nodes
        ]
    )
    d = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    assert (d >= r[:, None] + r[None, :]).all()


def test_evolution_has_a_cell_per_year_and_mode_coloured_by_status_and_a_rename_edge(site):
    data = load_site_data(site)
    laid = graphs.evolution(data)
    g = laid.graph
    ents = expected_entities(site)
    cells = {(k, y, m) for k, e in ents.items() for y, m in e["cells"]}
    assert {(a["entity"], a["year"], a["mode"]) for _, a in g.nodes(data=True)} == cells
    key = chip_key(site)
    status = {(a["year"], a["mode"]): a["status"] for _, a in g.nodes(data=True) if a["entity"] == key}
    assert status == {
        (2019, "reviewed"): "completed",
        (2020, "planned"): "mentioned",
        (2020, "reviewed"): "in_operation",
    }
    steps = sorted(
        (a["kind"], g.nodes[u]["year"], g.nodes[v]["year"], g.nodes[v]["mode"], a["name"])
        for u, v, a in g.edges(data=True)
        if a["kind"] != "next"
    )
    assert steps == [
        ("rename", 2020, 2020, "reviewed", "红日新能源电池项目"),  # the name really changed
        ("variant", 2019, 2020, "planned", CHIP2),  # a phase added: the same name
    ]
    # a year's plan sits left of its review; years run left to right; one row per entity
    x = {(a["entity"], a["year"], a["mode"]): laid.pos[n][0] for n, a in g.nodes(data=True)}
    assert x[(key, 2019, "reviewed")] < x[(key, 2020, "planned")] < x[(key, 2020, "reviewed")]
    assert len({laid.pos[n][1] for n, a in g.nodes(data=True) if a["entity"] == key}) == 1
    # one row per entity, in order of first appearance, each row's y below the last
    rows = g.graph["rows"]
    assert sorted(r[0] for r in rows) == sorted({k for k, _, _ in cells})
    first = [min(ents[k]["cells"], key=lambda c: (c[0], c[1] == "reviewed")) for k, _, _ in rows]
    assert [(y, m == "reviewed") for y, m in first] == sorted((y, m == "reviewed") for y, m in first)
    assert [y for _, y, _ in rows] == [i * graphs.ROW_HEIGHT for i in range(len(rows))]


def test_year_columns_leave_out_years_nobody_mentions():
    columns, gaps = graphs.year_columns([1954, 1955, 1959, 1960])
    assert columns[1955] - columns[1954] == graphs.YEAR_WIDTH
    assert columns[1959] - columns[1955] == graphs.YEAR_WIDTH + graphs.GAP_WIDTH
    assert [(a, b) for _, a, b in gaps] == [(1956, 1958)]


# ---- the index and the audit ---------------------------------------------------------


def test_index_counts_what_the_graph_holds(site):
    text = (site / "index.html").read_text(encoding="utf-8")
    ents = expected_entities(site)
    mentions = sparql(site, "SELECT (COUNT(?m) AS ?n) WHERE { ?m a pkg:Mention }")[0][0]
    assert f"<li><b>{len(ents)}</b>实体 entities</li>" in text
    assert f"<li><b>{mentions}</b>提及 mentions</li>" in text
    assert "<li><b>2</b>报告 reports</li>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;芯片项目" in text  # most mentioned, escaped
    assert "audit.html" not in text  # no audit in this folder


def test_index_shows_the_audit_headline_when_audit_json_is_there(site, tmp_path):
    shutil.copy(site / "graph.trig", tmp_path / "graph.trig")
    assert read_audit(tmp_path) is None
    (tmp_path / "audit.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    (tmp_path / "audit.json").write_text(
        json.dumps(
            {
                "verdicts": {
                    "same-name": {"zh": "同名跟进", "en": "followed up, same name"},
                    "silent": {"zh": "未予回顾", "en": "silent"},
                },
                "findings": [{"verdict": "silent"}, {"verdict": "silent"}, {"verdict": "same-name"}],
                "entities": [{}, {}],
                "pairs": [{}],
            }
        ),
        encoding="utf-8",
    )
    assert read_audit(tmp_path)["headline"] == [
        ("同名跟进 followed up, same name", 1),
        ("未予回顾 silent", 2),
        ("entities", 2),
        ("pairs", 1),
    ]
    write_site(tmp_path)
    text = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<a href="audit.html">审计 Audit</a>' in text
    assert '<tr><th>未予回顾 silent</th><td class="num">2</td></tr>' in text
    (tmp_path / "audit.json").write_text("{not json", encoding="utf-8")
    assert read_audit(tmp_path) == {"html": True, "csv": False, "json": True, "headline": []}
    write_site(tmp_path)  # a broken audit.json loses the figures, not the site
    assert "Audit at a glance" not in (tmp_path / "index.html").read_text(encoding="utf-8")


# ---- the command ---------------------------------------------------------------------


def test_kg_site_without_a_build_is_one_error_line(tmp_path):
    res = CliRunner().invoke(cli, ["site", "--out", str(tmp_path)])
    assert res.exit_code == 2
    assert res.output == (
        f"Error: no built graph in {tmp_path} ({tmp_path}/graph.trig is missing): "
        f"run `kg build --out {tmp_path}` first\n"
    )


def test_kg_site_writes_the_site_and_says_so(site, tmp_path):
    shutil.copy(site / "graph.trig", tmp_path / "graph.trig")
    res = CliRunner().invoke(cli, ["site", "--out", str(tmp_path)])
    n = len(expected_entities(site))
    themes = len(list((site / "themes").glob("*.html")))
    assert res.exit_code == 0, res.output
    assert res.output == (
        f"Wrote the site into {tmp_path}: index.html, overview.html, evolution.html, "
        f"{themes} theme pages, {n} entity pages\n"
    )
    assert (tmp_path / "overview.html").read_bytes() == (site / "overview.html").read_bytes()


# ---- in the browser -------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        ctx = b.new_context(viewport={"width": 1400, "height": 900})
        yield ctx
        ctx.close()


class Opened(OpenedPage):
    """A page of the site opened from disk, with everything it logged and requested."""

    def assert_clean(self):
        assert [m for m in self.console if not m.startswith(("log:", "debug:", "info:"))] == []
        assert self.requests and all(u.startswith("file://") for u in self.requests), self.requests
        assert self.dialogs == []
        assert self.js("document.characterSet") == "UTF-8"
        # nothing from the names became markup
        assert self.js("[...document.scripts].filter(s => s.textContent.includes('<script>alert')).length") == 0
        assert (
            self.js(
                "[...document.querySelectorAll('a[href]')].map(a => new URL(a.getAttribute('href'), "
                "location.href).protocol).filter(p => p !== 'file:').length"
            )
            == 0
        )


VISIBLE = "Object.keys(kg.data.nodeInfo).filter(id => !kg.nodes.get(id).hidden)"


def _visible_entities(o: Opened) -> set[str]:
    return set(o.js(f"{VISIBLE}.filter(id => kg.data.nodeInfo[id].kind === 'entity')"))


@pytest.mark.browser
def test_overview_in_chromium_search_filters_and_escaped_evidence(site, browser, tmp_path):
    ents = expected_entities(site)
    themes = {t for e in ents.values() for t in e["themes"]}
    o = Opened(browser, site / "overview.html")
    o.wait("window.kg && kg.ready")
    assert o.js("kg.nodes.length") == len(ents) + len(themes)
    assert _visible_entities(o) == set(ents)

    # hovering a node shows its evidence; a click pins it
    at = o.js(
        "(() => { const p = kg.network.getPositions(['park-lvgu'])['park-lvgu']; "
        "const d = kg.network.canvasToDOM(p); const r = document.getElementById('network')"
        ".getBoundingClientRect(); return [r.left + d.x, r.top + d.y]; })()"
    )
    o.page.mouse.move(*at)
    o.wait("document.querySelector('#panel h2').textContent === '绿谷物流园'", timeout=5)
    assert "建设绿谷物流园" in o.js("document.querySelector('#panel').textContent")

    # the search box finds the entity by part of its name, and shows its evidence as text
    key = chip_key(site)
    o.page.fill("#search", "芯片")
    assert o.js("kg.searchResults") == [key]
    o.page.press("#search", "Enter")
    assert o.js("kg.focused") == key and o.js("kg.network.getSelectedNodes()") == [key]
    assert o.js("document.querySelector('#panel h2').textContent") == CHIP
    panel = o.js("document.querySelector('#panel').textContent")
    assert "竣工投产" in panel and "jiayi-2019-report-2020-plan.txt" in panel
    assert o.js("document.querySelectorAll('#panel mark').length") >= 3  # the name marked in each sentence
    o.page.fill("#search", "example.com")  # aliases and names are searched as text
    assert o.js("kg.searchResults") == ["enterprise-lanhai"]
    o.page.click("#search-results button")
    assert o.js("document.querySelector('#panel h2').textContent") == HREF

    # type filter: no park left, every other entity still there
    o.page.uncheck("input[data-type=PARK]")
    assert _visible_entities(o) == {k for k, e in ents.items() if e["type"] != "PARK"}
    o.page.click("#reset")
    # theme filter: the entities of one theme
    theme = sorted(themes)[0]
    o.page.select_option("#filter-theme", theme)
    assert _visible_entities(o) == {k for k, e in ents.items() if theme in e["themes"]}
    o.page.click("#reset")
    # year filter: those named about 2021 only
    o.page.select_option("#filter-year-from", "2021")
    assert _visible_entities(o) == {k for k, e in ents.items() if 2021 in e["years"]}
    assert _visible_entities(o) == {"park-lvgu"}
    o.page.click("#reset")
    assert _visible_entities(o) == set(ents)
    o.page.screenshot(path=str(tmp_path / "overview.png"))
    assert (tmp_path / "overview.png").stat().st_size > 10_000
    o.assert_clean()


@pytest.mark.browser
def test_evolution_in_chromium_every_year_in_view_renames_focus_and_filters_in_the_url(site, browser, tmp_path):
    ents = expected_entities(site)
    rows = {k for k, e in ents.items() if e["cells"]}
    years = sorted({y for e in ents.values() for y in e["years"]})
    o = Opened(browser, site / "evolution.html")
    o.wait("window.kg && kg.ready")
    assert o.js("kg.counts") == [len(rows), sum(len(e["cells"]) for e in ents.values())]
    assert set(o.js("kg.visibleRows()")) == rows  # a small corpus opens on every row
    lay = o.js("kg.layout()")
    assert lay["years"] == years and lay["yearLabels"] == years  # every year at once, each labelled
    assert lay["labelW"] <= lay["left"] < lay["right"] <= lay["width"]
    assert sorted(lay["labels"]) == sorted(rows)  # every row carries its name
    # the steps between names: one rename where the name really changed, the phase a variant
    steps = o.js("kg.data.rows.flatMap(r => r[2].map(s => [kg.data.stepKinds[s[2]], s[3]]))")
    assert sorted(steps) == [["rename", "红日新能源电池项目"], ["variant", CHIP2]]

    key = chip_key(site)
    o.page.fill("#search", CHIP2)
    o.page.press("#search", "Enter")
    assert o.js("kg.focused") == key
    box = o.js(f"kg.rowBox({json.dumps(key)})")
    assert box["drawnCells"] == box["cells"] == 3 and lay["left"] <= box["minX"] < box["maxX"] <= lay["right"]
    assert o.js("document.querySelector('#panel h2').textContent") == CHIP
    # the panel's status strip: a cell per corpus year and mode
    assert o.js("document.querySelectorAll('#panel .strip .c').length") == 2 * len(years)
    assert o.js("document.querySelectorAll('#panel .strip .c.none, #panel .strip .c.missing').length") == (
        2 * len(years) - 3
    )

    # a year filter narrows the rows and the axis; the state is in the URL and survives a reload
    o.page.select_option("#filter-year-to", "2019")
    assert o.js("kg.layout().years") == [2019]
    assert set(o.js("kg.visibleRows()")) == {k for k in rows if 2019 in ents[k]["years"]} | {key}
    hash_ = o.js("location.hash")
    assert "to=2019" in hash_ and f"focus={key}" in hash_
    again = Opened(browser, site / "evolution.html")
    again.page.goto(again.url + hash_)
    again.page.reload()
    again.wait("window.kg && kg.ready")
    assert again.js("document.getElementById('filter-year-to').value") == "2019"
    assert again.js("kg.focused") == key, again.js("[location.hash, kg.focused, kg.visibleRows()]") + again.console
    again.assert_clean()

    o.page.check("input[name=mode][value=heat]")
    assert o.js("kg.layout().mode") == "heat" and "mode=heat" in o.js("location.hash")
    o.page.click("#reset")
    # a click on a row's label focuses it
    at = o.js(
        "(() => { const r = document.getElementById('tl-scroll').getBoundingClientRect(); const l = kg.layout(); "
        "return [r.left + l.labelW / 2, r.top + 34 + l.rowH / 2]; })()"
    )
    o.page.mouse.click(*at)
    assert o.js("kg.focused") == o.js("kg.visibleRows()[0]")
    o.page.screenshot(path=str(tmp_path / "evolution.png"))
    o.assert_clean()


@pytest.mark.browser
def test_overview_highlights_neighbours_and_keeps_an_ego_view_in_the_url(site, browser):
    o = Opened(browser, site / "overview.html")
    o.wait("window.kg && kg.ready")
    # names in sight without zooming in: vis-network's own at this scale, else the page's
    assert o.js("14 * kg.network.getScale() >= 6 || kg.drawnLabels.length > 0")
    neighbours = set(
        o.js(
            "[...kg.data.edges.flatMap(e => e.from === 'park-xinghe' ? [e.to] : e.to === 'park-xinghe' ? [e.from] : []),"
            " ...kg.data.themeLinks.flatMap(l => l[0] === 'park-xinghe' ? [l[1]] : l[1] === 'park-xinghe' ? [l[0]] : [])]"
        )
    )
    assert neighbours
    o.js("kg.focusEntity('park-xinghe')")
    assert set(o.js("kg.highlighted")) == neighbours | {"park-xinghe"}
    # each sentence in the panel links to its place in the report's text
    srcs = o.js("[...document.querySelectorAll('#panel a.src')].map(a => a.getAttribute('href'))")
    assert srcs and all(re.fullmatch(r"reports/jiayi-20\d\d-report-20\d\d-plan\.html#s\d+", h) for h in srcs)
    assert all((site / h.split("#")[0]).is_file() for h in srcs)
    o.page.select_option("#ego", "1")
    assert o.js("kg.visibleCount") == len(neighbours) + 1
    assert "ego=1" in o.js("location.hash") and "focus=park-xinghe" in o.js("location.hash")
    o.assert_clean()


@pytest.mark.browser
def test_theme_entity_index_and_list_pages_in_chromium(site, browser, tmp_path):
    ents = expected_entities(site)
    theme = sorted({t for e in ents.values() for t in e["themes"]})[0]
    o = Opened(browser, site / "themes" / f"{theme}.html")
    o.wait("window.kg && kg.ready")
    members = {k for k, e in ents.items() if theme in e["themes"]}
    other = {t for k in members for t in ents[k]["themes"]}
    assert o.js("kg.nodes.length") == len(members) + len(other)
    assert _visible_entities(o) == members
    o.assert_clean()

    key = chip_key(site)
    o = Opened(browser, site / "entities" / f"{key}.html")
    assert o.js("document.querySelector('h1').textContent") == CHIP
    together = sparql(
        site,
        f"""SELECT DISTINCT ?b WHERE {{ ?x pkg:mentionOf entity:{key} ; pkg:inSentence ?s .
                                 ?y pkg:mentionOf ?b ; pkg:inSentence ?s . FILTER(?b != entity:{key}) }}""",
    )
    assert o.js("document.querySelectorAll('svg.hood .node').length") == 1 + len(together)
    assert o.js("[...document.querySelectorAll('.timeline tbody tr')].map(r => r.cells[0].textContent)") == [
        "2019",
        "2020",
    ]
    years = sorted({y for e in ents.values() for y in e["years"]})
    strip = o.js("[...document.querySelectorAll('.strip .c')].map(c => c.className)")
    assert len(strip) == 2 * len(years)  # a cell per corpus year and mode
    assert sum(c != "c none" and c != "c missing" for c in strip) == len(ents[key]["cells"])
    o.page.screenshot(path=str(tmp_path / "entity.png"), full_page=True)
    o.assert_clean()

    o = Opened(browser, site / "index.html")
    assert CHIP in o.js("document.body.textContent")
    o.assert_clean()

    o = Opened(browser, site / "entities.html")
    o.page.fill("#filter", "绿谷")
    assert o.js("[...document.querySelectorAll('#entities tbody tr')].filter(r => !r.hidden).length") == 1
    assert o.js("location.hash") == "#q=" + "%E7%BB%BF%E8%B0%B7"  # the filter is in the URL
    o.page.fill("#filter", "")
    o.page.click("#entities th[data-col=mentions]")  # numbers sort as numbers, most first
    mentions = o.js("[...document.querySelectorAll('#entities tbody tr')].map(r => Number(r.cells[3].textContent))")
    assert mentions == sorted(mentions, reverse=True) and len(mentions) == len(ents)
    assert o.js("location.hash") == "#sort=mentions&desc=1"
    again = Opened(browser, site / "entities.html")
    again.page.goto(again.url + "#sort=mentions&desc=1")
    again.page.reload()
    assert (
        again.js("document.querySelector('#entities th[data-col=mentions]').getAttribute('aria-sort')") == "descending"
    )
    o.assert_clean()


def _large(n: int) -> SiteData:
    """``n`` entities, each named in one or two sentences with its neighbours,
    under one to three of 12 themes, over 20 years: a made-up graph the size
    of a national corpus's, without extracting one."""
    types = ["PROGRAM", "PROJECT", "ENTERPRISE", "PARK"]
    themes = {
        f"t{i:02d}": Concept(iri=f"x:t{i:02d}", id=f"t{i:02d}", zh=f"主题{i}", en=f"theme {i}") for i in range(12)
    }
    statuses = {"mentioned": Concept(iri="x:mentioned", id="mentioned", zh="提及", en="mentioned")}
    reports = [
        Report(
            index=i,
            iri=f"x:r{i}",
            name=f"r{i}.txt",
            title="",
            date="",
            area="",
            reviewed_year=2000 + i,
            plan_year=2001 + i,
        )
        for i in range(20)
    ]
    sentences, entities = [], {}
    for i in range(n):
        key = f"e{i:05d}"
        ent = SiteEntity(
            iri=f"x:{key}",
            key=key,
            label=f"实体{i}",
            type=types[i % 4],
            themes=tuple(sorted({f"t{(i * 7) % 12:02d}", f"t{(i // 5) % 12:02d}"})[: 1 + i % 3]),
        )
        entities[key] = ent
    for s_i in range(n):  # sentence s names entities s, s+1 and, every third, s+37
        keys = [f"e{s_i:05d}", f"e{(s_i + 1) % n:05d}"] + ([f"e{(s_i + 37) % n:05d}"] if s_i % 3 == 0 else [])
        report = s_i % 20
        text = "，".join(entities[k].label for k in keys) + "。"
        sentences.append(Sentence(index=s_i, iri=f"x:s{s_i}", report=report, start=0, text=text, section=""))
        for k in keys:
            start = text.index(entities[k].label)
            entities[k].mentions.append(
                SiteMention(
                    sentence=s_i,
                    start=start,
                    end=start + len(entities[k].label),
                    surface=entities[k].label,
                    report=report,
                    year=2000 + report,
                    mode="reviewed",
                )
            )
    return SiteData(
        reports=reports,
        themes=themes,
        statuses=statuses,
        entities=entities,
        sentences=sentences,
        comentions=find_comentions(entities),
    )


@pytest.mark.browser
def test_a_2000_node_page_opens_at_once_with_physics_off(browser, tmp_path):
    data = _large(2000)
    laid = graphs.overview(data)
    payload = graph_payload("overview", laid, data, title="large", base="")
    assert payload["options"]["physics"] == {"enabled": False}
    assert payload["options"]["layout"]["improvedLayout"] is False
    write_page(
        tmp_path / "large.html",
        "graph.html",
        base="",
        audit=None,
        view="overview",
        title="large",
        here="overview",
        hint="",
        payload=payload,
    )
    o = Opened(browser, tmp_path / "large.html")
    o.wait("window.kg && kg.ready")
    assert o.js("kg.nodes.length") == 2000 + 12
    # drawn well within a few seconds of navigation (about 0.6 s here): no physics, no re-layout
    assert o.js("kg.timing.drawn") < 5000
    positions = o.js("kg.network.getPositions(['e00000', 'e01999'])")
    assert positions["e00000"] == dict(zip("xy", laid.pos["e00000"]))
    assert positions["e01999"] == dict(zip("xy", laid.pos["e01999"]))
    o.page.screenshot(path=str(tmp_path / "large.png"))
    o.assert_clean()


def test_every_quote_links_to_its_sentence_in_the_reports_text(site):
    reports = sorted((site / "reports").glob("*.html"))
    assert [p.stem for p in reports] == sorted(Path(n).stem for n in REPORTS)
    spans = {}
    for p in reports:
        html = p.read_text(encoding="utf-8")
        for sid, inner in re.findall(r'<span id="(s\d+)"[^>]*>(.*?)</span>', html):
            spans[(p.name, sid)] = re.sub(r"<[^>]+>", "", inner)
    # the whole text is there, sentence by sentence, the hostile names escaped
    first = (site / "reports" / reports[0].name).read_text(encoding="utf-8")
    assert "</a>内的" in first and "竣工投产" in first and SCRIPT not in first and "&lt;script&gt;" in first
    links = 0
    for page in sorted((site / "entities").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        for href, before in re.findall(r'<a class="src" href="\.\./reports/([^"#]+)#(s\d+)"', html):
            assert (href, before) in spans, (page.name, href, before)
            links += 1
    mentions = sparql(site, "SELECT (COUNT(?m) AS ?n) WHERE { ?m a pkg:Mention }")[0][0]
    assert links == int(mentions)  # every sentence on an entity page links to its place
    # a quoted sentence is the graph's sentence exactly
    rows = sparql(
        site,
        "SELECT ?t ?s ?f WHERE { ?x a pkg:Sentence ; pkg:text ?t ; pkg:start ?s ; pkg:inReport/dcterms:identifier ?f }",
    )
    for text, start, file in rows:
        got = spans[(Path(file).stem + ".html", f"s{start}")]
        assert (
            got.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
            .replace("&#34;", '"')
            .replace("&#39;", "'")
            == text
        )


def test_the_audits_quotes_and_names_link_to_pages_of_the_site(site, tmp_path):
    from kg.audit.export import write_audit

    site = Path(shutil.copytree(site, tmp_path / "site"))
    write_audit(site)
    html = (site / "audit.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="audit-data">(.*?)</script>', html, re.S).group(1))
    s = data["strings"]
    column = data["quotes"]["columns"].index("source")
    sources = {s[q[column]] for q in data["quotes"]["rows"]}
    assert sources and all(sources)
    for source in sources:
        page, anchor = source.split("#")
        assert f'id="{anchor}"' in (site / page).read_text(encoding="utf-8"), source
    ids = {s[r[data["tables"]["entities"]["columns"].index("id")]] for r in data["tables"]["entities"]["rows"]}
    for i in ids:
        assert (site / "entities" / f"{data['entityPages'].get(i, i)}.html").is_file(), i


@pytest.mark.browser
def test_a_page_says_so_when_no_cjk_font_is_installed(site, browser):
    """The graph pages check the CJK fonts they name (document.fonts.check); here the check is made to
    find none, as on a system without them."""
    page = browser.new_page()
    page.add_init_script("Object.defineProperty(document.fonts, 'check', { value: () => false })")
    page.goto((site / "evolution.html").as_uri())
    note = page.wait_for_selector(".font-note", timeout=10_000)
    assert "No CJK font found" in note.text_content() and page.evaluate("window.kgFontMissing") is True
    page.close()
    o = Opened(browser, site / "overview.html")  # the note shows exactly when the system lacks the fonts
    o.wait("window.kg && kg.ready && window.kgFontMissing !== undefined")
    assert o.js("document.querySelectorAll('.font-note').length") == (1 if o.js("window.kgFontMissing") else 0)
    o.assert_clean()
