"""Each page's content: the graph pages' JSON payloads and the static pages' contexts.

A graph page carries only what it draws: its nodes and edges, the entities
behind them with their mentions and status claims, and just the sentences
those cite (by index into ``SiteData.sentences``), so a theme page stays
small. Links are relative (``base`` is ``""`` at the top of the site and
``"../"`` in ``themes/`` and ``entities/``), so the folder can be moved or
opened from disk.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from kg.site.data import MODES, Entity, Report, SiteData
from kg.site.graphs import (
    MODE_OFFSET,
    ROW_HEIGHT,
    YEAR_WIDTH,
    Laid,
    cell_statuses,
    names_by_count,
    neighbourhood,
    relation,
)
from kg.site.network import (
    EDGE_STYLES,
    TYPE_LABELS,
    canvas_links,
    edge_kind,
    is_light,
    node_groups,
    status_color,
    to_pyvis,
    type_color,
    vis_data,
)
from ontology.iris import report_stem

ENTITY_DIR = "entities"
THEME_DIR = "themes"
RELATION_LABEL = {
    "co-mention": "共现 co-mention",
    "relation": "关系 park/project/enterprise/program",
    "theme": "主题 theme",
}


REPORT_DIR = "reports"
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)]*")


def report_href(r: Report) -> str:
    """The page of a report's text: ``reports/<file stem>.html``."""
    return f"{REPORT_DIR}/{report_stem(r.name)}.html"


def report_files(data: SiteData) -> dict[str, str]:
    """Report file name → its page, for the reports whose text the graph holds."""
    return {r.name: report_href(r) for r in data.reports if r.text}


def report_context(data: SiteData, r: Report) -> dict:
    """A report's whole text, a paragraph per line, a ``<span id="s<offset>">`` per sentence (the graph's
    sentences exactly, so every quote's link lands on it; the rest cut after 。！？；), every mention of an
    entity a link to its page."""
    text = r.text
    cuts = {0, len(text)}
    quoted = set()
    for sent in data.sentences:
        if sent.report == r.index:
            cuts.update((sent.start, sent.start + len(sent.text)))
            quoted.add(sent.start)
    for m in _SENTENCE_END.finditer(text):
        cuts.add(m.end())
    for i, ch in enumerate(text):
        if ch == "\n":
            cuts.update((i, i + 1))
    marks = []
    for e in data.entities.values():
        for m in e.mentions:
            if m.report == r.index and m.end > m.start:
                start = data.sentences[m.sentence].start + m.start
                marks.append((start, start + (m.end - m.start), e.key))
    marks.sort(key=lambda x: (x[0], -x[1], x[2]))
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    paragraphs: list[list[dict]] = [[]]
    mi = 0
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        if piece == "\n":
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if not piece.strip():
            continue
        parts, at = [], a
        while mi < len(marks) and marks[mi][0] < a:
            mi += 1
        j = mi
        while j < len(marks) and marks[j][0] < b:
            ms, me, key = marks[j]
            j += 1
            if ms < at or me > b:
                continue  # overlapping or crossing a cut: left as text
            if ms > at:
                parts.append((text[at:ms], None, None))
            parts.append((text[ms:me], entity_href(key), f"m{ms}"))  # the audit's quotes link to #m<offset>
            at = me
        if at < b:
            parts.append((text[at:b], None, None))
        paragraphs[-1].append({"id": f"s{a}", "quoted": a in quoted, "parts": parts})
    return {"report": r, "paragraphs": [p for p in paragraphs if p]}


def entity_href(key: str) -> str:
    return f"{ENTITY_DIR}/{key}.html"


def theme_href(theme: str) -> str:
    return f"{THEME_DIR}/{theme_file(theme)}.html"


def theme_file(theme: str) -> str:
    """Theme ids are ASCII slugs (rural-revitalisation); anything else is made one."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}", theme):
        return theme
    return "t-" + hashlib.sha1(theme.encode("utf-8")).hexdigest()[:16]


def graph_payload(view: str, laid: Laid, data: SiteData, *, title: str, base: str) -> dict:
    """What graph.js reads: vis-network's nodes, edges and options, and the evidence behind them."""
    net = to_pyvis(laid)
    nodes, edges, options = vis_data(net, node_groups(data.types, data.statuses))
    g = laid.graph
    node_info, keys = {}, set()
    for n, a in sorted(g.nodes(data=True), key=lambda x: str(x[0])):
        info = {"kind": a["kind"]}
        if "entity" in a:
            info["entity"] = a["entity"]
            keys.add(a["entity"])
        if a["kind"] == "theme":
            info["theme"] = a["theme"]
        if a["kind"] == "cell":
            info.update(year=a["year"], mode=a["mode"], status=a["status"], names=a["names"])
        node_info[n] = info
    links = canvas_links(laid)
    edge_info, sentence_ids, kinds = {}, set(), Counter({"theme": len(links)})
    for e in edges:
        a = g.edges[e["from"], e["to"]]
        group = edge_kind(a["kind"])
        info = {"kind": a["kind"], "group": group, "label": RELATION_LABEL.get(a["kind"], a["kind"])}
        if "sentences" in a:
            info["sentences"] = a["sentences"]
            sentence_ids.update(a["sentences"])
        if a["kind"] == "rename":
            info["name"] = a["name"]
        edge_info[e["id"]] = info
        kinds[group] += 1
    payload = {
        "view": view,
        "title": title,
        "base": base,
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "themeLinks": links,
        "nodeInfo": node_info,
        "edgeInfo": edge_info,
        **_evidence_json(data, keys, sentence_ids, base),
        "statuses": [_status_json(data, s) for s in data.statuses],
        "years": sorted({y for k in keys for y in data.entities[k].years}),
        "corpusYears": data.years,
        "slots": report_slots(data),
        "reportFiles": report_files(data),
        "edgeKinds": [
            {"id": k, "label": RELATION_LABEL.get(k, k), "count": kinds[k], "color": EDGE_STYLES[k]["color"]}
            for k in ("relation", "co-mention", "theme")
            if kinds[k]
        ],
    }
    if view == "evolution":
        payload["rows"] = [[key, y, x] for key, y, x in g.graph["rows"]]
        payload["axis"] = {
            "columns": [[y, x] for y, x in sorted(g.graph["columns"].items())],
            "gaps": [list(gap) for gap in g.graph["gaps"]],
            "yearWidth": YEAR_WIDTH,
            "offsets": MODE_OFFSET,
            "rowHeight": ROW_HEIGHT,
        }
    return payload


STEP_KINDS = ("next", "variant", "rename")  # the evolution view's links between consecutive cells
MANY_ROWS = 300  # above this many rows the evolution view opens on those named in at least 3 reports


def evolution_payload(laid: Laid, data: SiteData, *, title: str, base: str) -> dict:
    """What evolution.js reads: the corpus years, and one row per entity with
    its cells (year, mode, status, mentions) and the steps between them, as
    compact lists; the entities and sentences behind them for the panel.

    The page draws its own timeline on a canvas (labels fixed on the left,
    years fitted to the width, rows scrolled): vis-network's pan and zoom
    over 6,700 nodes showed a few years at a time and lost the labels.
    """
    g = laid.graph
    statuses = list(data.statuses)
    for _, a in sorted(g.nodes(data=True), key=lambda x: str(x[0])):
        if a["status"] not in statuses:
            statuses.append(a["status"])
    status_index = {s: i for i, s in enumerate(statuses)}
    years = data.years
    year_index = {y: i for i, y in enumerate(years)}
    cells_of: dict[str, list[str]] = {}
    for n, a in g.nodes(data=True):
        cells_of.setdefault(a["entity"], []).append(n)
    rows, keys = [], []
    for key, _y, _x in g.graph["rows"]:
        e = data.entities[key]
        nodes = sorted(cells_of[key], key=lambda n: (g.nodes[n]["year"], MODES.index(g.nodes[n]["mode"])))
        at = {n: i for i, n in enumerate(nodes)}
        cells = [
            [
                year_index[g.nodes[n]["year"]],
                MODES.index(g.nodes[n]["mode"]),
                status_index[g.nodes[n]["status"]],
                g.nodes[n]["mentions"],
            ]
            for n in nodes
        ]
        steps = sorted(
            [at[u], at[v], STEP_KINDS.index(a["kind"]), a.get("name", "")]
            for u, v, a in g.out_edges(nodes, data=True)
            if a["kind"] != "next"
        )
        reports = len({m.report for m in e.mentions})
        rows.append([key, cells, steps, reports])
        keys.append(key)
    return {
        "view": "evolution",
        "title": title,
        "base": base,
        "years": years,
        "slots": report_slots(data),
        "reportFiles": report_files(data),
        "rows": rows,
        "stepKinds": list(STEP_KINDS),
        # a large corpus opens on the entities named in at least three reports; a small one on all
        "defaultMin": 3 if len(rows) > MANY_ROWS else 1,
        **_evidence_json(data, keys, (), base),
        "statuses": [_status_json(data, s) for s in statuses],
    }


def _evidence_json(data: SiteData, keys: Iterable[str], sentence_ids: Iterable[int], base: str) -> dict:
    """What both graph views give the panel and the filters for the entities ``keys``: the entities, every
    sentence they (or ``sentence_ids``: the links') are quoted from, the reports, and the types and themes
    among them with their counts. One function, so the two views cannot drift apart in what the panel reads."""
    keys = sorted(set(keys))
    sentence_ids = set(sentence_ids)
    for k in keys:
        e = data.entities[k]
        sentence_ids.update(m.sentence for m in e.mentions)
        sentence_ids.update(c.sentence for c in e.claims if c.sentence is not None)
    type_counts = Counter(data.entities[k].type for k in keys)
    theme_counts = Counter(t for k in keys for t in data.entities[k].themes)
    return {
        "entities": {k: _entity_json(data.entities[k], base) for k in keys},
        "sentences": {str(i): _sentence_json(data, i) for i in sorted(sentence_ids)},
        "reports": [[r.name, r.title] for r in data.reports],
        "types": [
            {"id": t, "label": TYPE_LABELS.get(t, t), "color": type_color(t), "count": type_counts[t]}
            for t in data.types
            if type_counts[t]
        ],
        "themes": [
            {"id": t.id, "zh": t.zh, "en": t.en, "href": theme_href(t.id), "count": theme_counts[t.id]}
            for t in data.themes.values()
            if theme_counts[t.id]
        ],
    }


def report_slots(data: SiteData) -> list[list[int]]:
    """Per corpus year (``data.years``), whether a report plans it and whether one
    reviews it (1 or 0): a year no report speaks of is a missing report, not a
    silence about the entity."""
    planned = {r.plan_year for r in data.reports}
    reviewed = {r.reviewed_year for r in data.reports}
    return [[int(y in planned), int(y in reviewed)] for y in data.years]


def _entity_json(e: Entity, base: str) -> dict:
    return {
        "label": e.label,
        "type": e.type,
        "aliases": list(e.aliases),
        "themes": list(e.themes),
        "years": e.years,
        "cells": len(e.cells()),
        "href": entity_href(e.key),
        "mentions": [[m.sentence, m.start, m.end, m.year, m.mode] for m in e.mentions],
        "claims": [
            [c.year, c.mode, c.status, c.trigger, c.sentence, None if c.sentence is not None else c.evidence]
            for c in e.claims
        ],
    }


def _sentence_json(data: SiteData, i: int) -> list:
    s = data.sentences[i]
    return [s.report, s.text, s.section, s.start]


# ---- static pages -------------------------------------------------------------


def entity_context(data: SiteData, key: str) -> dict:
    """The entity page: names, themes, timeline, statuses, neighbourhood (as SVG), sentences."""
    e = data.entities[key]
    laid = neighbourhood(data, key)
    g = laid.graph
    xs = [p[0] for p in laid.pos.values()]
    ys = [p[1] for p in laid.pos.values()]
    pad = 110
    view = (min(xs) - pad, min(ys) - 40, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 80)
    svg_nodes = []
    for n in sorted(g.nodes, key=lambda n: (n != key, str(n))):
        other = data.entities[n]
        x, y = laid.pos[n]
        svg_nodes.append(
            {
                "key": n,
                "label": other.label,
                "x": x,
                "y": y,
                "color": type_color(other.type),
                "r": 16 if n == key else 9,
                "center": n == key,
                "href": f"{n}.html",
                "type": other.type,
            }
        )
    svg_edges = []
    for u, v in sorted(g.edges, key=lambda e: (str(e[0]), str(e[1]))):
        a = g.edges[u, v]
        (x1, y1), (x2, y2) = laid.pos[u], laid.pos[v]
        svg_edges.append(
            {
                "x1": x1,
                "y1": y1,
                "x2": x2,
                "y2": y2,
                "w": min(1 + len(a["sentences"]) / 2, 6),
                "relation": edge_kind(a["kind"]) == "relation",
                "kind": a["kind"],
            }
        )
    together = []
    for other_key, sentences in data.neighbours(key).items():
        other = data.entities[other_key]
        together.append(
            {
                "key": other.key,
                "label": other.label,
                "type": other.type,
                "color": type_color(other.type),
                "kind": _relation_label(e, other),
                "sentences": [data.sentences[i].text for i in sentences],
            }
        )
    together.sort(key=lambda t: (-len(t["sentences"]), t["label"], t["key"]))

    statuses = cell_statuses(data, e)
    timeline = []
    cells = e.cells()
    for year in sorted({y for y, _ in cells}):
        row = {"year": year}
        for mode in MODES:
            ms = cells.get((year, mode), [])
            if not ms:
                row[mode] = None
                continue
            status = statuses.get((year, mode), "mentioned")
            row[mode] = {
                "mentions": len(ms),
                "names": names_by_count(ms),
                "status": _status_json(data, status),
                "reports": sorted({data.reports[m.report].name for m in ms}),
            }
        timeline.append(row)
    claims = [
        {
            "year": c.year,
            "mode": c.mode,
            "status": _status_json(data, c.status),
            "trigger": c.trigger,
            "report": data.reports[c.report].name,
            "evidence": data.sentences[c.sentence].text if c.sentence is not None else c.evidence,
        }
        for c in e.claims
        if c.status != "mentioned"
    ]
    by_report: dict[int, list] = {}
    for m in e.mentions:
        s = data.sentences[m.sentence]
        ok = 0 <= m.start < m.end <= len(s.text)
        by_report.setdefault(m.report, []).append(
            {
                "before": s.text[: m.start] if ok else s.text,
                "mark": s.text[m.start : m.end] if ok else "",
                "after": s.text[m.end :] if ok else "",
                "year": m.year,
                "mode": m.mode,
                "section": s.section,
                "source": f"{report_href(data.reports[m.report])}#s{s.start}" if data.reports[m.report].text else "",
            }
        )
    evidence = [
        {
            "report": data.reports[r].name,
            "title": data.reports[r].title,
            "items": items,
            "href": report_href(data.reports[r]) if data.reports[r].text else "",
        }
        for r, items in sorted(by_report.items())
    ]
    slots = report_slots(data)
    strip = []
    for i, year in enumerate(data.years):
        for j, mode in enumerate(MODES):
            if cells.get((year, mode)):
                st = _status_json(data, statuses.get((year, mode), "mentioned"))
                strip.append({"year": year, "mode": mode, "kind": mode, "status": st})
            else:
                strip.append({"year": year, "mode": mode, "kind": "none" if slots[i][j] else "missing", "status": None})
    return {
        "strip": strip,
        "strip_years": (data.years[0], data.years[-1]) if data.years else None,
        "entity": e,
        "type_label": TYPE_LABELS.get(e.type, e.type),
        "type_color": type_color(e.type),
        "themes": [
            {"id": t, "zh": data.themes[t].zh if t in data.themes else t, "href": theme_href(t)} for t in e.themes
        ],
        "years": e.years,
        "report_count": len({m.report for m in e.mentions}),
        "timeline": timeline,
        "claims": claims,
        "svg": {
            "view": view,
            "nodes": svg_nodes,
            "edges": svg_edges,
            "count": len(svg_nodes),
            "more": max(len(together) - (len(svg_nodes) - 1), 0),
        },
        "together": together,
        "evidence": evidence,
    }


def _relation_label(a: Entity, b: Entity) -> str:
    kind = relation(a, b)
    return "共现 co-mention" if kind == "co-mention" else kind


def _status_json(data: SiteData, status: str) -> dict:
    s = data.statuses.get(status)
    return {
        "id": status,
        "zh": s.zh if s else status,
        "en": s.en if s else "",
        "color": status_color(status),
        "light": is_light(status_color(status)),
    }


def index_context(data: SiteData, files: list[str]) -> dict:
    """The corpus at a glance."""
    ents = list(data.entities.values())
    mentions_by_report = Counter(m.report for e in ents for m in e.mentions)
    entities_by_report = Counter(r for e in ents for r in {m.report for m in e.mentions})
    reports = [
        {
            "name": r.name,
            "href": report_href(r) if r.text else "",
            "title": r.title,
            "date": r.date,
            "area": r.area,
            "reviewed": r.reviewed_year,
            "plan": r.plan_year,
            "entities": entities_by_report[r.index],
            "mentions": mentions_by_report[r.index],
        }
        for r in data.reports
    ]
    types = [
        {
            "id": t,
            "label": TYPE_LABELS.get(t, t),
            "color": type_color(t),
            "entities": sum(1 for e in ents if e.type == t),
            "mentions": sum(len(e.mentions) for e in ents if e.type == t),
        }
        for t in data.types
    ]
    themes = []
    for t in data.themes.values():
        members = sorted(data.theme_entities(t.id), key=lambda e: (-len(e.mentions), e.label, e.key))
        if not members:
            continue
        themes.append(
            {
                "id": t.id,
                "zh": t.zh,
                "en": t.en,
                "href": theme_href(t.id),
                "entities": len(members),
                "mentions": sum(len(e.mentions) for e in members),
                "top": [
                    {
                        "label": e.label,
                        "href": entity_href(e.key),
                        "mentions": len(e.mentions),
                        "color": type_color(e.type),
                    }
                    for e in members[:8]
                ],
            }
        )
    years = data.years
    areas = sorted({r.area for r in data.reports if r.area})
    top = sorted(ents, key=lambda e: (-len(e.mentions), e.label, e.key))[:20]
    statuses = Counter(c.status for e in ents for c in e.claims if c.status != "mentioned")
    return {
        "areas": areas,
        "counts": {
            "reports": len(data.reports),
            "entities": len(ents),
            "mentions": sum(len(e.mentions) for e in ents),
            "sentences": len(data.sentences),
            "themes": len(themes),
            "comentions": len(data.comentions),
        },
        "year_span": (years[0], years[-1]) if years else None,
        "reports": reports,
        "types": types,
        "themes": themes,
        "top": [
            {
                "label": e.label,
                "href": entity_href(e.key),
                "mentions": len(e.mentions),
                "type": e.type,
                "color": type_color(e.type),
            }
            for e in top
        ],
        "statuses": [
            {"status": _status_json(data, s.id), "claims": statuses[s.id]}
            for s in data.statuses.values()
            if statuses[s.id]
        ],
        "files": files,
    }


def entities_context(data: SiteData) -> dict:
    rows = []
    for e in sorted(data.entities.values(), key=lambda e: (e.label, e.key)):
        years = e.years
        rows.append(
            {
                "key": e.key,
                "label": e.label,
                "aliases": e.aliases,
                "type": e.type,
                "color": type_color(e.type),
                "href": entity_href(e.key),
                "mentions": len(e.mentions),
                "reports": len({m.report for m in e.mentions}),
                "first": years[0] if years else "",
                "last": years[-1] if years else "",
                "themes": [data.themes[t].zh if t in data.themes else t for t in e.themes],
                "cells": len(e.cells()),
            }
        )
    return {
        "rows": rows,
        "types": [{"id": t, "label": TYPE_LABELS.get(t, t), "color": type_color(t)} for t in data.types],
    }
