"""A laid-out networkx graph → a pyvis ``Network`` → what vis-network reads.

pyvis holds the node and edge lists and the options; its page templates are
not used (they fetch from CDNs, write without UTF-8 and switch tooltips to
raw HTML on "href"): ``render`` writes our own page around
``Network.get_network_data()``.

Looks live here and only here: a colour per entity type and per status, a
shape per node kind. Nodes carry no ``title`` (vis-network would show it as
a tooltip); the page's own panel shows the evidence, as text.
"""

from __future__ import annotations

import json
import math

from pyvis.network import Network

from kg.site.graphs import Laid, entity_radius
from ontology.vocab import read_vocabulary

# the colours and labels of entity types and statuses live with their vocabularies (ontology/*.tsv)
_TYPES = read_vocabulary("entity-types")
TYPE_COLORS = {t.id: t.extra[1] for t in _TYPES}
TYPE_LABELS = {t.id: f"{t.zh} {t.en}" for t in _TYPES}
STATUS_COLORS = {t.id: t.extra[1] for t in read_vocabulary("statuses")}
OTHER_COLOR = "#8C8C8C"
EDGE_STYLES = {
    "co-mention": {"color": "rgba(120,120,120,0.45)"},
    "relation": {"color": "rgba(40,40,40,0.8)"},
    "theme": {"color": "rgba(140,140,140,0.14)", "width": 0.6},
    "next": {"color": "rgba(110,110,110,0.7)", "width": 1.5},
    "variant": {"color": "rgba(110,110,110,0.7)", "width": 1.5},
    "rename": {"color": "#D62728", "width": 2},
}
FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif"
BIG = 1000  # above this many nodes: hide edges while dragging and zooming
# Edges the page draws itself on the canvas, as plain lines under the network:
# an entity's links to its themes (two per entity on average) would otherwise
# double vis-network's load time for lines that only show where a node belongs.
CANVAS_EDGES = ("theme",)


def type_color(t: str) -> str:
    return TYPE_COLORS.get(t, OTHER_COLOR)


def status_color(s: str) -> str:
    return STATUS_COLORS.get(s, OTHER_COLOR)


def is_light(hex_color: str) -> bool:
    """Whether dark text reads better than white on this colour (relative luminance above 0.4)."""
    r, g, b = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2] > 0.4


def edge_kind(kind: str) -> str:
    """Co-mentions of a park and a project (and the like) are relations."""
    return kind if kind in EDGE_STYLES else "relation"


def node_groups(types, statuses) -> dict[str, dict]:
    """vis-network node groups: the look of each entity type, of themes and of
    each status in each mode. A node names its group instead of carrying its
    own colours, which keeps the page small and vis-network quick to load."""
    groups = {}
    for t in types:
        c = type_color(t)
        groups["type:" + t] = {"shape": "dot", "color": _colors(c, _darker(c))}
    groups["theme"] = {
        "shape": "box",
        "margin": 8,
        "font": {"size": 22, "color": "#FFFFFF", "face": FONT},
        "color": {
            "background": "#3C3C3C",
            "border": "#000000",
            "highlight": {"background": "#000000", "border": "#000000"},
            "hover": {"background": "#000000", "border": "#000000"},
        },
    }
    for s in statuses:
        c = status_color(s)
        # a promise is a ring, a review a filled dot
        groups[f"cell:planned:{s}"] = {"shape": "dot", "borderWidth": 3, "color": _colors("#FFFFFF", c)}
        groups[f"cell:reviewed:{s}"] = {"shape": "dot", "borderWidth": 1, "color": _colors(c, _darker(c))}
    return groups


def _colors(background: str, border: str) -> dict:
    return {
        "background": background,
        "border": border,
        "highlight": {"background": background, "border": "#000000"},
        "hover": {"background": background, "border": "#000000"},
    }


def node_group(attrs: dict) -> str:
    if attrs["kind"] == "entity":
        return "type:" + attrs["type"]
    if attrs["kind"] == "cell":
        mode = "planned" if attrs["mode"] == "planned" else "reviewed"
        return f"cell:{mode}:{attrs['status']}"
    return attrs["kind"]


def to_pyvis(laid: Laid) -> Network:
    """The graph as a pyvis Network: nodes at their positions, physics off;
    every edge but those of ``CANVAS_EDGES`` (see ``canvas_links``)."""
    g, pos = laid.graph, laid.pos
    net = Network(directed=True)  # directed: pyvis checks undirected edges for duplicates in O(E²)
    for node in sorted(g.nodes, key=str):
        attrs = g.nodes[node]
        x, y = pos[node]
        kind = attrs["kind"]
        group = node_group(attrs)
        if kind == "entity":
            _add(net, node, attrs["label"], shape="dot", group=group, x=x, y=y, size=entity_radius(attrs["mentions"]))
        elif kind == "theme":
            _add(net, node, attrs["label"], shape="box", group=group, x=x, y=y)
        elif kind == "cell":
            _add(
                net,
                node,
                "",
                shape="dot",
                group=group,
                x=x,
                y=y,
                size=round(min(6 + 1.5 * math.sqrt(attrs["mentions"]), 12), 1),
            )
        else:
            raise ValueError(f"unknown node kind {kind!r}")
    drawn = [
        (u, v)
        for u, v in sorted(g.edges, key=lambda e: (str(e[0]), str(e[1])))
        if g.edges[u, v]["kind"] not in CANVAS_EDGES
    ]
    kinds = sorted(edge_kind(g.edges[e]["kind"]) for e in drawn)
    common = max(sorted(set(kinds)), key=kinds.count) if kinds else "co-mention"
    for i, (u, v) in enumerate(drawn):
        attrs = g.edges[u, v]
        kind = edge_kind(attrs["kind"])
        opts = {"id": f"e{i}"}
        style = edge_style(kind)
        for k, val in style.items():  # only what differs from the most common kind (the page's default)
            if val != edge_style(common).get(k):
                opts[k] = val
        if kind in ("co-mention", "relation"):
            opts["width"] = round(1 + math.log2(len(attrs.get("sentences", ())) or 1), 2)
        if attrs.get("gap"):
            opts["dashes"] = True
        if kind == "rename":
            opts["label"] = attrs["name"]
        net.add_edge(u, v, **opts)
    net.toggle_physics(False)
    default, edge_opts = edge_style(common), net.options.edges
    edge_opts.smooth.enabled = False
    edge_opts.inherit_colors(False)
    edge_opts.color.color = default["color"]["color"]
    edge_opts.color.highlight = default["color"]["highlight"]
    edge_opts.color.hover = default["color"]["hover"]
    edge_opts.width = default["width"]
    edge_opts.arrows = default["arrows"]
    if "font" in default:
        edge_opts.font = default["font"]
    net.options.interaction.hideEdgesOnDrag = len(net.nodes) > BIG
    return net


def canvas_links(laid: Laid) -> list[list[str]]:
    """The edges of ``CANVAS_EDGES``, as [node, node] pairs for the page to draw."""
    g = laid.graph
    return [
        [str(u), str(v)]
        for u, v in sorted(g.edges, key=lambda e: (str(e[0]), str(e[1])))
        if g.edges[u, v]["kind"] in CANVAS_EDGES
    ]


def edge_style(kind: str) -> dict:
    """The look of an edge kind, in vis-network's edge options."""
    base = EDGE_STYLES[kind]
    style = {
        "color": {"color": base["color"], "highlight": "#000000", "hover": "#000000"},
        "width": base.get("width", 1),
        "arrows": {"to": {"enabled": kind in ("next", "rename"), "scaleFactor": 0.4}},
    }
    if kind == "rename":
        style["font"] = {"size": 11, "color": "#D62728", "face": FONT, "strokeWidth": 3, "align": "top"}
    return style


def vis_data(net: Network, groups: dict[str, dict]) -> tuple[list[dict], list[dict], dict]:
    """Nodes, edges and options for ``new vis.Network``, from pyvis's
    ``get_network_data``, with what pyvis does not model: the node groups,
    no improvedLayout (it would lay every node out
    again on load), hover events, edges hidden while zooming a large graph,
    one font."""
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    opts = json.loads(options)
    opts.pop("configure", None)
    opts["layout"] = {"improvedLayout": False, "randomSeed": 1}
    opts["physics"] = {"enabled": False}
    big = len(nodes) > BIG
    opts["interaction"].update(
        {"hover": True, "hideEdgesOnZoom": big, "navigationButtons": False, "keyboard": False, "multiselect": False}
    )
    opts["nodes"] = {
        "font": {"face": FONT, "size": 14, "color": "#222222"},
        "borderWidth": 1,
        "scaling": {"label": {"drawThreshold": 6}},
    }
    used = {n.get("group") for n in nodes}
    opts["groups"] = {k: v for k, v in sorted(groups.items()) if k in used}
    return list(nodes), list(edges), opts


def _add(net: Network, node: str, label: str, **opts) -> None:
    net.add_node(node, label=label or None, **opts)
    if not label:  # pyvis shows the id when there is no label
        net.node_map[node].pop("label", None)


def _darker(hex_color: str, f: float = 0.7) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * f):02X}{int(g * f):02X}{int(b * f):02X}"
