"""Plan versus actual as charts: one SVG per series (area, indicator, measure, unit) across the years.

Drawn with matplotlib's SVG backend, byte-identical for the same verdicts
(a fixed hash salt, no date), English labels so that no CJK font is needed.
The charts are kept in memory (``Chart``) so that audit.html inlines the
same bytes the chart files hold.
"""

from __future__ import annotations

import hashlib
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from kg.audit.plan_actual import CEILING, FLOOR, MET, MISSED, NO_DATA, Verdict, split_unit

_UNIT_EN = {
    "%": "%",
    "‰": "‰",
    "个百分点": "percentage points",
    "百分点": "percentage points",
    "元": "yuan",
    "万元": "10,000 yuan",
    "亿元": "100 million yuan",
    "万亿元": "trillion yuan",
    "美元": "US dollars",
    "万美元": "10,000 US dollars",
    "亿美元": "100 million US dollars",
    "人": "persons",
    "万人": "10,000 persons",
    "天": "days",
    "吨": "tonnes",
    "万吨": "10,000 tonnes",
    "亿吨": "100 million tonnes",
    "亩": "mu",
    "万亩": "10,000 mu",
    "公里": "km",
    "平方米": "m²",
    "万平方米": "10,000 m²",
}
_COLOURS = {MET: "#1b7837", MISSED: "#c51b7d", NO_DATA: "#8c8c8c"}


def series_key(v: Verdict) -> tuple:
    return (v.area or "", v.concept, v.measure, split_unit(v.unit)[0])


def chart_name(v: Verdict) -> str:
    """A file name for the chart of ``v``'s series: ASCII, stable, one per area, concept, measure and unit."""
    area, concept, measure, base = series_key(v)
    tag = hashlib.sha1(f"{area}\x1f{base}".encode()).hexdigest()[:8]
    return f"{concept}-{measure}-{tag}.svg"


def chart_svg(verdicts: Sequence[Verdict], title: str | None = None) -> bytes:
    """One SVG chart of one series (the verdicts of one area, concept, measure and unit) across years.

    Actuals are a line; targets are markers coloured by verdict (▲ a floor,
    ▼ a ceiling, ◆ a point; a range is a bar from its low to its high end).
    Labels are English so that the chart needs no CJK font; the output is
    byte-identical for the same input (fixed hash salt, no date).
    """
    vs = sorted(verdicts, key=lambda v: v.year)
    if not vs:
        raise ValueError("a chart needs at least one verdict")
    unit = vs[0].unit
    with matplotlib.rc_context(
        {
            "svg.hashsalt": "policy-kg",
            "svg.fonttype": "path",
            "font.family": "DejaVu Sans",
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        fig = Figure(figsize=(7.0, 3.6))
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        known = {v.year: v.actual_value for v in vs if v.actual_value is not None}
        if known:
            # a year without an actual breaks the line rather than being bridged
            years = list(range(min(known), max(known) + 1))
            ax.plot(years, [known.get(y, float("nan")) for y in years], color="#2b2b2b", linewidth=1.4)
        # every point its own artist with a gid (an id in the SVG: ``point_id``), so that audit.html can give
        # it a tooltip with its quote and link it to its row in the table
        for v in vs:
            if v.actual_value is not None:
                ax.plot(
                    [v.year],
                    [v.actual_value],
                    linestyle="none",
                    color="#2b2b2b",
                    marker="o",
                    markersize=4,
                    gid=point_id(v, "actual", vs),
                )
        for v in vs:
            if v.target_value is None:
                continue
            colour = _COLOURS[v.verdict]
            if v.target_high is not None:
                ax.vlines(
                    v.year,
                    min(v.target_value, v.target_high),
                    max(v.target_value, v.target_high),
                    colors=colour,
                    linewidth=5,
                    alpha=0.55,
                )
            ax.plot(
                [v.year],
                [v.target_value],
                linestyle="none",
                marker=_shape(v),
                markersize=7,
                markerfacecolor="white",
                markeredgecolor=colour,
                markeredgewidth=1.8,
                gid=point_id(v, "target", vs),
            )
        ax.set_title(title or f"{vs[0].concept}: {vs[0].measure}", fontsize=11, loc="left")
        ax.set_ylabel(_UNIT_EN.get(unit, "value"))
        all_years = [v.year for v in vs]
        ax.set_xlim(min(all_years) - 0.6, max(all_years) + 0.6)
        # whole years, written out: the default locator puts ticks at 2019.6 and
        # writes a short span as offsets (-0.6 … 0.6, +2.02e3)
        if max(all_years) - min(all_years) <= 12:
            ax.set_xticks(range(min(all_years), max(all_years) + 1))
        else:
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.ticklabel_format(axis="x", useOffset=False, style="plain")
        ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
        handles = legend_handles(vs)
        ax.legend(handles=handles, fontsize=8, frameon=False, loc="best")
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "policy-kg"}, dpi=100)
    return buf.getvalue()


def drawing_key(verdicts: Sequence[Verdict], title: str) -> tuple:
    """Everything of a series that ``chart_svg`` draws: two series with one key give the same bytes.

    The fields it reads of each verdict, in year order, and each verdict's
    ``point_id`` (its first equal in the series, so equal verdicts share an
    id); not the area, the rules' words or the quotes, which no chart shows.
    A chart costs a quarter of a second; areas that report the same numbers
    (and the copies of bench/scale.py's corpus) draw it once."""
    vs = sorted(verdicts, key=lambda v: v.year)
    drawn = tuple(
        (v.year, v.actual_value, v.target_value, v.target_high, v.verdict, _shape(v), vs.index(v)) for v in vs
    )
    return (title, vs[0].unit, drawn)


def legend_handles(vs: Sequence[Verdict]) -> list[Line2D]:
    """The legend of a chart: the actuals, each verdict's colour, then each target shape used, and a range's bar."""
    handles = [Line2D([], [], color="#2b2b2b", marker="o", markersize=4, label="actual")]
    # a legend of everything drawn: each verdict's colour, then each target shape used, and a range's bar
    for verdict in (MET, MISSED, NO_DATA):
        if any(v.verdict == verdict and v.target_value is not None for v in vs):
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker="s",
                    markersize=7,
                    color=_COLOURS[verdict],
                    label=f"target, {verdict}",
                )
            )
    targets = [v for v in vs if v.target_value is not None]
    for shape, label in (("^", "floor (at least)"), ("v", "ceiling (at most)"), ("D", "point (about)")):
        if any(_shape(v) == shape for v in targets):
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker=shape,
                    markersize=7,
                    markerfacecolor="white",
                    markeredgecolor="#555555",
                    markeredgewidth=1.5,
                    label=label,
                )
            )
    if any(v.target_high is not None for v in targets):
        handles.append(Line2D([], [], color="#888888", linewidth=5, alpha=0.55, label="target range"))
    return handles


def _shape(v: Verdict) -> str:
    """A target's marker: ▲ a floor, ▼ a ceiling, ◆ a point."""
    return "^" if v.qualifier in FLOOR else "v" if v.qualifier in CEILING else "D"


def point_id(v: Verdict, side: str, series: Sequence[Verdict]) -> str:
    """The id of a point in its chart's SVG: its side (actual, target) and its verdict's place in the series."""
    return f"pt-{side}-{list(series).index(v)}"


@dataclass(frozen=True, slots=True)
class Chart:
    name: str  # file name, from chart_name
    concept: str
    title: str
    svg: bytes
    compared: bool  # some year has both a target and an actual
    series: tuple[Verdict, ...] = ()  # the verdicts drawn, in year order: ``point_id`` numbers them


def has_comparison(vs: Sequence[Verdict]) -> bool:
    """Whether a series has a year with both a target and an actual (a met or missed verdict)."""
    return any(v.verdict != NO_DATA for v in vs)


def charts(verdicts: Sequence[Verdict], titles: dict[str, str], *, every: bool = False) -> list[Chart]:
    """One SVG per series (``chart_svg``), titled with ``titles`` (concept id → label).

    Only the series where some year has both a target and an actual, unless
    ``every``: a chart costs a quarter of a second, and a series with targets
    only or actuals only shows nothing to compare (its rows are in the table).
    """
    groups: dict[tuple, list] = defaultdict(list)
    for v in verdicts:
        groups[series_key(v)].append(v)
    out = []
    drawn: dict[tuple, bytes] = {}  # by drawing_key: two areas' series can draw the same picture
    for key in sorted(groups):
        vs = groups[key]
        if not every and not has_comparison(vs):
            continue
        title = f"{titles.get(vs[0].concept, vs[0].concept)}: {vs[0].measure}"
        same = drawing_key(vs, title)
        if same not in drawn:
            drawn[same] = chart_svg(vs, title=title)
        out.append(
            Chart(
                name=chart_name(vs[0]),
                concept=vs[0].concept,
                title=title,
                svg=drawn[same],
                compared=has_comparison(vs),
                series=tuple(sorted(vs, key=lambda v: v.year)),
            )
        )
    return out
