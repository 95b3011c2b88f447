"""Node positions computed ahead, so that no page runs physics in the browser.

vis-network lays a graph out by simulating springs; with a few thousand
nodes that takes the browser tens of seconds, and the picture differs on
every load. Here positions are computed once, deterministically (no random
numbers, integer coordinates), and the pages open with physics off.

``anchored_layout`` is for the overview and the theme pages: hubs (themes)
sit at given points, each other node aims at the centre of the hubs it is
linked to, pulled a little towards the nodes it is named together with, and
is then put at the first free place on a sunflower spiral around its aim,
largest nodes first. Positions therefore mean something (an entity of two
themes sits between them), co-mentioned entities stay close, and nothing
overlaps. It is O(n) placements on a spatial grid: the national overview
(3,000 nodes) takes about a second, where networkx's spring layout needs
scipy for more than 500 nodes and is no faster.

``radial_layout`` draws one entity's neighbourhood: the entity in the middle,
its neighbours on rings around it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping

import networkx as nx

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
Point = tuple[int, int]


def circle_points(n: int, radius: float) -> list[tuple[float, float]]:
    """``n`` points on a circle, the first at the top, clockwise."""
    return [(radius * math.sin(2 * math.pi * i / n), -radius * math.cos(2 * math.pi * i / n)) for i in range(n)]


def order_hubs(hubs: list[Hashable], members: Mapping[Hashable, set]) -> list[Hashable]:
    """Hubs in an order where neighbours share many members, so that the
    entities between two related themes do not cross the whole picture:
    greedily, the largest first, then always the one sharing most with the
    last placed (ties: the given order)."""
    if not hubs:
        return []
    left = list(hubs)
    out = [max(left, key=lambda h: (len(members.get(h, ())), -left.index(h)))]
    left.remove(out[0])
    while left:
        last = members.get(out[-1], set())
        nxt = max(left, key=lambda h: (len(last & members.get(h, set())), len(members.get(h, ())), -left.index(h)))
        out.append(nxt)
        left.remove(nxt)
    return out


def anchored_layout(
    graph: nx.Graph,
    anchors: Mapping[Hashable, tuple[float, float]],
    radius: Mapping[Hashable, float],
    *,
    center: tuple[float, float] = (0.0, 0.0),
    gap: float = 6.0,
    pull: float = 0.5,
    rounds: int = 8,
    weight_of: callable = None,
) -> dict[Hashable, Point]:
    """Positions for every node of ``graph`` (see the module docstring).

    ``anchors`` fixes the hubs; ``radius`` gives each node's drawn radius;
    nodes linked to no hub aim at ``center``. ``weight_of(u, v)`` tells
    whether an edge pulls (a positive weight) and how much; by default every
    edge between two non-hub nodes pulls with weight 1.
    """
    nodes = sorted(graph.nodes, key=str)
    aim: dict[Hashable, tuple[float, float]] = {}
    for n in nodes:
        if n in anchors:
            continue
        hubs = sorted((h for h in graph.neighbors(n) if h in anchors), key=str)
        if hubs:
            aim[n] = (sum(anchors[h][0] for h in hubs) / len(hubs), sum(anchors[h][1] for h in hubs) / len(hubs))
        else:
            aim[n] = center
    # pull towards co-mentioned nodes: a few rounds of averaging, hubs excluded
    links: dict[Hashable, list[tuple[Hashable, float]]] = defaultdict(list)
    for u, v in sorted(graph.edges, key=lambda e: (str(e[0]), str(e[1]))):
        if u in anchors or v in anchors or u == v:
            continue
        w = weight_of(u, v) if weight_of else 1.0
        if w > 0:
            links[u].append((v, w))
            links[v].append((u, w))
    base = dict(aim)
    for _ in range(rounds if links else 0):
        nxt = {}
        for n, p in aim.items():
            nb = links.get(n)
            if not nb:
                nxt[n] = p
                continue
            tw = sum(w for _, w in nb)
            mx = sum(aim[m][0] * w for m, w in nb) / tw
            my = sum(aim[m][1] * w for m, w in nb) / tw
            nxt[n] = ((1 - pull) * base[n][0] + pull * mx, (1 - pull) * base[n][1] + pull * my)
        aim = nxt

    placer = _Placer(2 * max([radius.get(n, 10.0) for n in nodes if n not in anchors] + [1.0]) + gap, gap)
    pos: dict[Hashable, Point] = {}
    for h in sorted(anchors, key=str):
        if h in graph:
            pos[h] = (round(anchors[h][0]), round(anchors[h][1]))
            placer.add(pos[h], radius.get(h, 10.0), big=True)
    order = sorted(aim, key=lambda n: (-radius.get(n, 10.0), str(n)))
    for n in order:
        pos[n] = placer.place(aim[n], radius.get(n, 10.0))
    return pos


class _Placer:
    """Circles on a plane without overlap. Circles sit in a grid of buckets
    about two radii wide, so a test looks at a few neighbouring buckets only,
    its own first: most spots a search tries are taken, and the circle in the
    way is usually in the same bucket. The hubs (theme boxes, larger) are
    listed in every bucket they can reach a small circle in, so a test reads
    the few near it instead of all. It remembers how far from each aim point,
    and from each bucket, the last search had to go, so a crowded spot is not
    searched from its centre again."""

    def __init__(self, cell: float, gap: float):
        self.cell = max(cell, 1.0)
        self.gap = gap
        self.grid: dict[tuple[int, int], list[tuple[int, int, float]]] = defaultdict(list)
        self.big: list[tuple[int, int, float]] = []
        self.big_near: dict[tuple[int, int], list[tuple[int, int, float]]] = defaultdict(list)
        self.small_r = 1.0
        self.step: dict[tuple[int, int], int] = {}  # per aim point: the spiral step where its last search ended
        self.reached: dict[tuple[int, int], float] = {}  # per bucket: how far from their aims searches went

    def add(self, p: Point, r: float, big: bool = False) -> None:
        cell = self.cell
        if big or r > cell / 2:
            self.big.append((p[0], p[1], r))
            # a small circle (radius at most cell / 2) overlaps this one only if its
            # centre is within ``reach``: list it in every bucket such a centre can be in
            reach = r + cell / 2 + self.gap
            for cx in range(math.floor((p[0] - reach) / cell), math.floor((p[0] + reach) / cell) + 1):
                for cy in range(math.floor((p[1] - reach) / cell), math.floor((p[1] + reach) / cell) + 1):
                    self.big_near[(cx, cy)].append((p[0], p[1], r))
        else:
            self.grid[(math.floor(p[0] / cell), math.floor(p[1] / cell))].append((p[0], p[1], r))
            self.small_r = max(self.small_r, r)

    def free(self, x: int, y: int, r: float) -> bool:
        """Whether a circle at (x, y) of radius r keeps ``gap`` from every other."""
        gap = self.gap
        cell = self.cell
        floor = math.floor
        bx, by = floor(x / cell), floor(y / cell)
        bigs = self.big if r > cell / 2 else self.big_near.get((bx, by), ())
        for ox, oy, orad in bigs:
            d = orad + r + gap
            if (ox - x) ** 2 + (oy - y) ** 2 < d * d:
                return False
        grid = self.grid
        for ox, oy, orad in grid.get((bx, by), ()):
            d = orad + r + gap
            if (ox - x) ** 2 + (oy - y) ** 2 < d * d:
                return False
        reach = r + self.small_r + gap
        ys = range(floor((y - reach) / cell), floor((y + reach) / cell) + 1)
        for cx in range(floor((x - reach) / cell), floor((x + reach) / cell) + 1):
            for cy in ys:
                if cx == bx and cy == by:
                    continue
                for ox, oy, orad in grid.get((cx, cy), ()):
                    d = orad + r + gap
                    if (ox - x) ** 2 + (oy - y) ** 2 < d * d:
                        return False
        return True

    def place(self, aim: tuple[float, float], r: float) -> Point:
        spacing = max(r, 6.0)
        ax, ay = aim
        exact = (round(ax), round(ay))
        bucket = (math.floor(ax / self.cell), math.floor(ay / self.cell))
        # start a little before this aim's last search ended, or where a search
        # from an aim in the same bucket ended, less a bucket and a half
        near = max(self.reached.get(bucket, 0.0) - 1.5 * self.cell, 0.0)
        j = max(self.step.get(exact, 0) - 8, math.floor((near / spacing) ** 2), 0)
        free, sqrt, cos, sin = self.free, math.sqrt, math.cos, math.sin
        while True:
            d = spacing * sqrt(j)
            x = round(ax + d * cos(j * GOLDEN_ANGLE))
            y = round(ay + d * sin(j * GOLDEN_ANGLE))
            if free(x, y, r):
                self.step[exact] = j
                self.reached[bucket] = max(self.reached.get(bucket, 0.0), d)
                self.add((x, y), r)
                return (x, y)
            j += 1


def hub_radius(member_counts: Iterable[int], spacing: float) -> float:
    """How far from the centre to put the hubs so their clusters (about
    sqrt(members) x spacing across) fit side by side on the circle."""
    counts = list(member_counts)
    if not counts:
        return 0.0
    around = sum(2 * spacing * math.sqrt(max(c, 1)) for c in counts)
    return max(around / (2 * math.pi) * 1.15, spacing * 8)


def radial_layout(
    center: Hashable, neighbours: list[Hashable], radius: float = 150.0, per_ring: int = 14
) -> dict[Hashable, Point]:
    """The centre at (0, 0), the neighbours in the given order on rings around it
    (at most ``per_ring`` on the first ring, more on each ring further out)."""
    pos: dict[Hashable, Point] = {center: (0, 0)}
    ring, i = 0, 0
    while i < len(neighbours):
        cap = per_ring * (ring + 1)
        chunk = neighbours[i : i + cap]
        r = radius * (ring + 1)
        offset = (math.pi / len(chunk)) * (ring % 2)
        for k, n in enumerate(chunk):
            a = 2 * math.pi * k / len(chunk) + offset
            pos[n] = (round(r * math.sin(a)), round(-r * math.cos(a)))
        i += cap
        ring += 1
    return pos
