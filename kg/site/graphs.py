"""The networkx graphs the pages draw, with their positions.

Node attributes say what a node is (``kind``: entity, theme, cell), never
how it looks: ``network`` turns them into colours and shapes. Node ids are
strings that are also used in the page (``theme:<id>``,
``cell:<key>:<year>:<mode>``; entities by their key), so a link such as
``overview.html#<key>`` can find its node.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import networkx as nx

from kg.graph.names import RENAME, link_kind
from kg.site.data import MODES, Entity, SiteData, cell_order
from kg.site.layout import anchored_layout, circle_points, hub_radius, order_hubs, radial_layout

# Pairs of types whose co-mention reads as a relation (a park's project, a
# program's enterprise), after the library's projects-by-park and
# enterprises-by-program queries; other pairs are plain co-mentions.
RELATIONS = {
    ("PARK", "PROJECT"): "park–project",
    ("ENTERPRISE", "PARK"): "park–enterprise",
    ("ENTERPRISE", "PROJECT"): "enterprise–project",
    ("ENTERPRISE", "PROGRAM"): "program–enterprise",
}

SPACING = 22.0  # typical distance between neighbouring entity nodes (px)
THEME_RADIUS = 26.0
YEAR_WIDTH = 110  # evolution: one column per year that has a mention ...
MODE_OFFSET = {mode: 50 * i for i, mode in enumerate(MODES)}  # ... the plan, then the review
GAP_WIDTH = 60  # ... and a narrow break where years without any are left out
ROW_HEIGHT = 28
ROOM_FOR_LABELS = 600  # up to this many nodes, a node takes the room of its label too


@dataclass(frozen=True)
class Laid:
    """A graph and the position of each of its nodes."""

    graph: nx.Graph
    pos: dict[str, tuple[int, int]]


def theme_node(theme: str) -> str:
    return "theme:" + theme


def entity_radius(mentions: int) -> float:
    return round(min(7 + 3.5 * math.sqrt(max(mentions, 1)), 40), 1)


def theme_radius(label: str) -> float:
    """Half the width of a theme's box (22 px type), for the layout's collision test."""
    return max(THEME_RADIUS, label_width(label, 22) / 2 + 12)


def relation(a: Entity, b: Entity) -> str:
    return RELATIONS.get(tuple(sorted((a.type, b.type))), "co-mention")


def overview(data: SiteData) -> Laid:
    """Every entity and every theme that has one; co-mention, relation and theme edges."""
    return _themed(data, list(data.entities.values()), focus=None)


def theme_page(data: SiteData, theme: str) -> Laid:
    """The entities of one theme (the theme in the middle), the other themes
    they belong to, and the co-mentions among them."""
    return _themed(data, data.theme_entities(theme), focus=theme)


def _themed(data: SiteData, entities: list[Entity], focus: str | None) -> Laid:
    g = nx.Graph()
    keys = {e.key for e in entities}
    members: dict[str, set[str]] = {}
    for e in entities:
        for t in e.themes:
            members.setdefault(t, set()).add(e.key)
    themes = [t for t in data.themes if t in members]  # most entities first
    for t in themes:
        g.add_node(theme_node(t), kind="theme", theme=t, label=data.themes[t].zh, count=len(members[t]))
    for e in entities:
        g.add_node(e.key, kind="entity", entity=e.key, label=e.label, type=e.type, mentions=len(e.mentions))
    for (a, b), sentences in data.comentions.items():
        if a in keys and b in keys:
            g.add_edge(a, b, kind=relation(data.entities[a], data.entities[b]), sentences=sentences)
    for e in entities:
        for t in e.themes:
            g.add_edge(e.key, theme_node(t), kind="theme")

    ring = [t for t in themes if t != focus]
    ordered = order_hubs(ring, members)
    r = hub_radius([len(members[t]) for t in ordered], SPACING)
    anchors = {theme_node(t): p for t, p in zip(ordered, circle_points(len(ordered), r))}
    if focus is not None and focus in members:
        anchors[theme_node(focus)] = (0.0, 0.0)
    radius = {
        n: (theme_radius(d["label"]) if d["kind"] == "theme" else entity_radius(d["mentions"]))
        for n, d in g.nodes(data=True)
    }
    if g.number_of_nodes() <= ROOM_FOR_LABELS:  # small enough to read every label: leave room for them
        for n, d in g.nodes(data=True):
            if d["kind"] == "entity":
                radius[n] = max(radius[n], min(label_width(d["label"], 14) / 2, 70))
    pos = anchored_layout(g, anchors, radius, weight_of=lambda u, v: len(g.edges[u, v].get("sentences", ())))
    return Laid(g, pos)


def evolution(data: SiteData) -> Laid:
    """Years across, one row per entity named in a dated sentence: one node
    per year and mode it appears in (coloured by status in ``network``),
    linked in time order. An edge into a cell whose main name (the one its
    sentences use most) was never used before is a ``rename`` when that name
    really changed, a ``variant`` when it only writes an earlier name another
    way (``name_step``), and is labelled with the name.

    The rows' labels are not nodes: the page draws them on the canvas
    (``graph["rows"]``: key, y, x of the first cell), which keeps the national
    corpus's view at 6,600 nodes instead of 9,600 and opens it a second sooner.
    Rows run by first appearance, then type, then most mentioned.
    """
    g = nx.DiGraph()
    rows = []
    for e in data.entities.values():
        cells = e.cells()
        if cells:
            first = next(iter(cells))
            rows.append((cell_order(first), e.type, -len(e.mentions), e.label, e.key, e, cells))
    rows.sort(key=lambda r: r[:5])
    columns, gaps = year_columns(data.years)
    pos: dict[str, tuple[int, int]] = {}
    g.graph.update(rows=[], columns=columns, gaps=gaps)
    for i, (_, _, _, _, key, e, cells) in enumerate(rows):
        y = i * ROW_HEIGHT
        statuses = cell_statuses(data, e)
        seen_names: set[str] = set()
        prev = None
        for (year, mode), mentions in cells.items():
            node = f"cell:{key}:{year}:{mode}"
            names = names_by_count(mentions)
            g.add_node(
                node,
                kind="cell",
                entity=key,
                year=year,
                mode=mode,
                mentions=len(mentions),
                status=statuses.get((year, mode), "mentioned"),
                names=names,
            )
            pos[node] = (columns[year] + MODE_OFFSET.get(mode, 0), y)
            if prev is not None:
                gap = _steps(prev[1], (year, mode))
                step = "next" if names[0] in seen_names else name_step(e, names[0], seen_names)
                if step == "next":
                    g.add_edge(prev[0], node, kind="next", gap=gap)
                else:
                    g.add_edge(prev[0], node, kind=step, name=names[0], gap=gap)
            seen_names |= set(names)
            prev = (node, (year, mode))
        first = next(iter(cells))
        g.graph["rows"].append((key, y, pos[f"cell:{key}:{first[0]}:{first[1]}"][0]))
    return Laid(g, pos)


def name_step(e: Entity, name: str, seen: set[str]) -> str:
    """``variant`` when ``name`` writes one of the ``seen`` names another way,
    else ``rename``: the resolver's merges in the graph say so first
    (``pkg:linkKind``), then ``kg.graph.names.link_kind`` on the names, the
    rule the graph's merges were judged by."""
    linked = {}
    for a, b, kind in e.links:
        if name in (a, b):
            linked[b if a == name else a] = kind
    for other in sorted(seen):
        kind = linked.get(other) or link_kind(other, name)
        if kind != RENAME:
            return "variant"
    return "rename"


def year_columns(years: list[int]) -> tuple[dict[int, int], list[tuple[int, int, int]]]:
    """The x of each year's column, and the breaks (x, first and last year left
    out) where years nobody mentions are skipped: the national corpus spans
    1954–2025 but has nothing about 1961–1963 or 1965–1974."""
    columns: dict[int, int] = {}
    gaps: list[tuple[int, int, int]] = []
    x = 0
    for i, year in enumerate(years):
        if i and year - years[i - 1] > 1:
            gaps.append((x + GAP_WIDTH // 2 - YEAR_WIDTH // 4, years[i - 1] + 1, year - 1))
            x += GAP_WIDTH
        columns[year] = x
        x += YEAR_WIDTH
    return columns, gaps


def _steps(a: tuple[int, str], b: tuple[int, str]) -> int:
    """How many (year, mode) slots lie strictly between two cells: 0 when they follow each other."""
    index = lambda c: c[0] * len(MODES) + (MODES.index(c[1]) if c[1] in MODES else 0)  # noqa: E731
    return max(index(b) - index(a) - 1, 0)


def cell_statuses(data: SiteData, e: Entity) -> dict[tuple[int, str], str]:
    """Per year and mode, the highest-ranked status the entity's claims give."""
    out: dict[tuple[int, str], str] = {}
    for c in e.claims:
        if c.year is None:
            continue
        cell = (c.year, c.mode)
        rank = data.statuses[c.status].rank if c.status in data.statuses else 0
        cur = out.get(cell)
        cur_rank = data.statuses[cur].rank if cur in data.statuses else -1
        if cur is None or (rank, c.status) > (cur_rank, cur):
            out[cell] = c.status
    return out


def names_by_count(mentions) -> list[str]:
    """The names the mentions use, the most used first."""
    counts = Counter(m.surface for m in mentions)
    return sorted(counts, key=lambda n: (-counts[n], n))


def label_width(text: str, size: int) -> int:
    """Roughly how wide vis-network draws a label: CJK characters are square, others narrower."""
    return round(sum(size if ord(ch) > 0x2E80 else size * 0.6 for ch in text))


def neighbourhood(data: SiteData, key: str, limit: int = 40) -> Laid:
    """One entity and the entities named with it (the ``limit`` named with it
    most often), with the co-mentions among them, on rings by type."""
    weights = {k: len(sentences) for k, sentences in data.neighbours(key).items()}
    chosen = sorted(weights, key=lambda k: (-weights[k], data.entities[k].label, k))[:limit]
    g = nx.Graph()
    for k in [key, *chosen]:
        e = data.entities[k]
        g.add_node(k, kind="entity", entity=k, label=e.label, type=e.type, mentions=len(e.mentions))
    inside = set(g.nodes)
    for a in sorted(inside):
        for b, sentences in sorted(data.neighbours(a).items()):
            if a < b and b in inside:
                g.add_edge(a, b, kind=relation(data.entities[a], data.entities[b]), sentences=sentences)
    ring_order = sorted(chosen, key=lambda k: (data.entities[k].type, -weights[k], data.entities[k].label, k))
    return Laid(g, radial_layout(key, ring_order))
