"""The site: ``index.html`` and the graph pages, written into the build folder.

``write_site(out_dir)`` reads the graph that ``kg build`` wrote there
(``graph.trig``) and writes:

- ``index.html``: the corpus at a glance, links to every page, the audit's
  headline figures when ``audit.json`` is there;
- ``overview.html``: every entity and theme, co-mentions and relations;
- ``evolution.html``: the years across, one row per entity;
- ``themes/<id>.html``: one page per theme;
- ``entities.html`` and ``entities/<key>.html``: every entity, one page each;
- ``reports/<stem>.html``: each report's whole text, a sentence anchor per
  offset (``#s<offset>``) that every quote on the site links to.

The graph pages inline vis-network (470 kB) and run it; the entity pages do
not: a national corpus has some 3,000 entities, and 3,000 copies of
vis-network would make a 1.4 GB site. They draw the entity's neighbourhood
as SVG from positions computed here, and link to the overview and the
evolution view focused on the entity (``overview.html#<key>``).

Every file goes through write_atomic; the same graph gives the same bytes.
Pages left in ``themes/`` and ``entities/`` by an earlier build of another
corpus are removed, so the folder never links to a stale page.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg.audit.continuity import Audit, verdict_labels
from kg.graph.store import graph_path
from kg.html import write_page
from kg.site import graphs
from kg.site.data import SiteData, load_site_data
from kg.site.pages import (
    ENTITY_DIR,
    REPORT_DIR,
    THEME_DIR,
    entities_context,
    entity_context,
    entity_href,
    evolution_payload,
    graph_payload,
    index_context,
    report_context,
    report_href,
    theme_file,
)

AUDIT_JSON = "audit.json"
AUDIT_FILES = ("audit.html", "audit.csv", "audit.json")
OTHER_FILES = (
    "graph.trig",
    "graph.ttl",
    "graph.nq",
    "graph.jsonld",
    "extraction.json",
    "manifest.json",
    "audit.html",
    "audit.csv",
    "audit-entities.csv",
    "audit.json",
    "plan-vs-actual.csv",
    "plan-vs-actual.json",
)
Figure = tuple[str, int | float]  # a headline figure of the index: its label and its number
GRAPH_HINT = "点击或悬停节点查看证据句。Click or hover a node for the sentences behind it."
EVOLUTION_HINT = (
    "每行一个实体，每年两格：左为计划，右为回顾，颜色为状态；实体多时默认只显示至少 3 份报告提及的实体。"
    "One row per entity, every year in view: a ring is a plan, a dot a review, the colour its status; red where "
    "the name really changed. With many entities it opens on those named in at least 3 reports. Click a row for its sentences."
)


@dataclass(frozen=True)
class SiteSummary:
    out_dir: Path
    files: list[Path]
    entities: int
    themes: int


def write_site(out_dir: str | Path, data: SiteData | None = None, audit: Audit | None = None) -> SiteSummary:
    """Write the site for the graph built in ``out_dir`` (see the module docstring).

    ``data`` and ``audit`` are what ``kg build`` has in memory already (the
    graph's rows, the audit it has just written); without them the site reads
    the graph and audit.json from the folder."""
    out = Path(out_dir)
    graph_path(out)  # a clear error when nothing was built here
    data = data if data is not None else load_site_data(out)
    audit = read_audit(out, audit)
    common = {"audit": audit}
    written: list[Path] = []

    def page(rel: str, template: str, base: str, **context) -> None:
        written.append(write_page(out / rel, template, base=base, **common, **context))

    def graph_page(rel: str, view: str, laid: graphs.Laid, title: str, base: str, here: str, hint: str) -> None:
        payload = graph_payload(view, laid, data, title=title, base=base)
        page(rel, "graph.html", base, view=view, title=title, here=here, hint=hint, payload=payload)

    graph_page("overview.html", "overview", graphs.overview(data), "关系图 Overview", "", "overview", GRAPH_HINT)
    title = "演变 Evolution"
    payload = evolution_payload(graphs.evolution(data), data, title=title, base="")
    page(
        "evolution.html",
        "evolution.html",
        "",
        view="evolution",
        title=title,
        here="evolution",
        hint=EVOLUTION_HINT,
        payload=payload,
    )
    theme_pages = set()
    for t in data.themes.values():
        if not data.theme_entities(t.id):
            continue
        rel = f"{THEME_DIR}/{theme_file(t.id)}.html"
        theme_pages.add(Path(rel).name)
        graph_page(rel, "theme", graphs.theme_page(data, t.id), f"{t.zh} {t.en}", "../", "theme", GRAPH_HINT)
    entity_pages = set()
    for key in data.entities:
        rel = entity_href(key)
        entity_pages.add(Path(rel).name)
        page(rel, "entity.html", "../", title=data.entities[key].label, here="entity", **entity_context(data, key))
    page("entities.html", "entities.html", "", title="实体 Entities", here="entities", **entities_context(data))
    report_pages = set()
    for r in data.reports:
        if r.text:
            rel = report_href(r)
            report_pages.add(Path(rel).name)
            page(rel, "report.html", "../", title=r.title or r.name, here="report", **report_context(data, r))
    files = [f for f in OTHER_FILES if (out / f).is_file()]
    title = "policy-kg · " + ("、".join(sorted({r.area for r in data.reports if r.area})) or "corpus")
    page("index.html", "index.html", "", title=title, here="index", **index_context(data, files))
    _remove_stale(out / THEME_DIR, theme_pages)
    _remove_stale(out / ENTITY_DIR, entity_pages)
    _remove_stale(out / REPORT_DIR, report_pages)
    return SiteSummary(out, written, len(data.entities), len(theme_pages))


def read_audit(out: Path, audit: Audit | None = None) -> dict | None:
    """What the index says about the audit (kg.audit writes it before the
    site): which of its files exist, and the headline figures of ``audit``,
    else of ``audit.json`` when it has any. None when there is no audit; an
    audit.json of another shape, or unreadable, only loses the figures."""
    present = {f.split(".")[-1]: (out / f).is_file() for f in AUDIT_FILES}
    if not any(present.values()):
        return None
    headline: list[Figure] = []
    if audit is not None:
        counts = Counter(f.verdict for f in audit.findings)
        headline = _verdict_figures(counts, verdict_labels(), {"entities": audit.entities, "pairs": audit.pairs})
    elif present["json"]:
        try:
            doc = json.loads((out / AUDIT_JSON).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            doc = None
        if isinstance(doc, dict):
            headline = _audit_figures(doc)
    return {"html": present["html"], "csv": present["csv"], "json": present["json"], "headline": headline}


def _audit_figures(doc: dict) -> list[Figure]:
    """Findings per verdict (kg.audit's audit.json: ``findings`` with a
    ``verdict`` each, labelled by ``verdicts``), else any plain numbers."""
    findings = doc.get("findings")
    if isinstance(findings, list) and all(isinstance(f, dict) and "verdict" in f for f in findings):
        labels = doc.get("verdicts") if isinstance(doc.get("verdicts"), dict) else {}
        counts = Counter(str(f["verdict"]) for f in findings)
        lists = {name: doc[name] for name in ("entities", "pairs") if isinstance(doc.get(name), list)}
        return _verdict_figures(counts, labels, lists)
    for name in ("headline", "summary", "counts", "totals"):
        if isinstance(doc.get(name), dict):
            return _figures(doc[name], prefix="")
    return _figures(doc, prefix="")


def _verdict_figures(counts: Counter, labels: dict, lists: dict[str, list]) -> list[Figure]:
    """Findings per verdict, labelled and in the vocabulary's order, then how many entities and pairs."""
    order = [v for v in labels if v in counts] + sorted(v for v in counts if v not in labels)
    out: list[Figure] = []
    for v in order:
        lab = labels.get(v) if isinstance(labels.get(v), dict) else {}
        out.append((" ".join(x for x in (lab.get("zh"), lab.get("en") or v) if x), counts[v]))
    out += [(name, len(items)) for name, items in lists.items()]
    return out


def _figures(d: dict, prefix: str) -> list[Figure]:
    out = []
    for k in sorted(d):
        v = d[k]
        if isinstance(v, bool):
            continue
        if isinstance(v, (int, float)):
            out.append((prefix + str(k), v))
        elif isinstance(v, dict) and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v.values()):
            out += [(f"{prefix}{k} · {k2}", v[k2]) for k2 in sorted(v)]
    return out


def _remove_stale(folder: Path, keep: set[str]) -> None:
    if not folder.is_dir():
        return
    for name in sorted(os.listdir(folder)):
        if name.endswith(".html") and name not in keep:
            (folder / name).unlink()
