"""The site of national reports in headless Chromium, at a desktop's and a phone's size.

Eight government work reports of ../shared/corpus/national, one or two a decade from 1954
to 2025 (read from ../shared at test time, never copied in), are built with ``kg build`` in a
subprocess; the pages are opened from disk. What is checked is what a reader of the issue
saw broken: every corpus year in view at once with labelled rows, a focused programme's
whole span (西部大开发 2000–2025, 一带一路 from 2015), names over the overview, a
network as wide as a phone, the audit inside the site. Every page: no console error, only
file:// requests. Screenshots are saved under the test's temporary folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import OpenedPage, chromium

REPORTS = (1954, 1979, 1993, 2001, 2008, 2016, 2021, 2025)
SIZES = {"desktop": (1440, 900), "phone": (390, 844)}
FOCUS = {"西部大开发": 2000, "一带一路": 2013}  # each programme, and a year it is not named before


@pytest.fixture(scope="module")
def national_site(national_dir, tmp_path_factory) -> Path:
    files = [str(national_dir / f"{y}-government-work-report.txt") for y in REPORTS]
    out = tmp_path_factory.mktemp("national-site")
    kg = Path(sys.executable).with_name("kg")
    cmd = [str(kg)] if kg.exists() else [sys.executable, "-m", "kg.cli"]
    subprocess.run([*cmd, "build", *files, "--out", str(out), "-q"], check=True, env=dict(os.environ))
    return out


@pytest.fixture(scope="module", params=sorted(SIZES))
def viewport(request):
    with chromium() as b:
        w, h = SIZES[request.param]
        ctx = b.new_context(viewport={"width": w, "height": h})
        yield request.param, ctx
        ctx.close()


class Opened(OpenedPage):
    def assert_clean(self):
        assert [m for m in self.console if not m.startswith(("log:", "debug:", "info:"))] == []
        assert self.requests and all(u.startswith("file://") for u in self.requests), self.requests


def _ready(viewport, page: Path) -> tuple[str, Opened]:
    """The viewport's size, and a graph page opened in it and drawn (its script has set kg.ready)."""
    size, ctx = viewport
    o = Opened(ctx, page)
    o.wait("window.kg && kg.ready")
    return size, o


def _key(o: Opened, label: str) -> str:
    return o.js(f"Object.keys(kg.data.entities).find(k => kg.data.entities[k].label === {label!r})")


@pytest.mark.browser
@pytest.mark.slow
def test_the_evolution_view_shows_every_year_labelled_rows_and_a_focused_whole_span(national_site, viewport, tmp_path):
    size, o = _ready(viewport, national_site / "evolution.html")
    years = o.js("kg.data.years")
    assert years[0] <= 1954 and years[-1] == 2025
    lay = o.js("kg.layout()")
    assert lay["years"] == years  # every corpus year at once, fitted to the width
    assert 0 < lay["labelW"] <= lay["left"] < lay["right"] <= lay["width"] <= SIZES[size][0]
    assert years[0] in lay["yearLabels"] and years[-1] in lay["yearLabels"]
    rows_in_sight = (lay["height"] - 34) // lay["rowH"]
    assert len(lay["labels"]) >= min(rows_in_sight, len(o.js("kg.visibleRows()")))  # each row in sight is named
    assert o.js("kg.visibleRows().length") < o.js("kg.counts[0]")  # opens on those named in ≥ 3 reports
    o.page.screenshot(path=str(tmp_path / f"evolution-{size}.png"))
    for label, first in FOCUS.items():
        key = _key(o, label)
        assert key, label
        o.js(f"kg.focusEntity({key!r})")
        box = o.js(f"kg.rowBox({key!r})")
        assert box["drawnCells"] == box["cells"] >= 2  # the whole span, no cell off the side
        assert lay["left"] <= box["minX"] < box["maxX"] <= lay["right"]
        span = o.js(f"kg.data.entities[{key!r}].years")
        assert box["years"] == [span[0], span[-1]] and first <= span[0] and span[-1] - span[0] >= 5
        assert 34 <= box["top"] < box["bottom"] <= lay["height"]  # scrolled into sight
        assert label in o.js("kg.layout().labels.map(k => kg.data.entities[k].label)")
        o.page.screenshot(path=str(tmp_path / f"evolution-{size}-{key}.png"))
    if size == "phone":  # the filters are a drawer: open it, then close it again with its button
        assert not o.page.is_visible("input[name=mode][value=heat]") or o.js(
            "document.getElementById('controls').getBoundingClientRect().right <= 0"
        )
        o.page.click("[data-drawer=controls]")
        o.wait("document.getElementById('controls').getBoundingClientRect().left >= 0")
    o.page.check("input[name=mode][value=heat]")
    if size == "phone":
        o.page.click("[data-drawer=controls]")
    heat = o.js("kg.layout()")
    assert heat["mode"] == "heat" and len(heat["labels"]) > len(lay["labels"])  # more rows in sight
    assert (tmp_path / f"evolution-{size}.png").stat().st_size > 10_000
    o.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_the_overview_names_entities_in_sight_and_fills_a_phone(national_site, viewport, tmp_path):
    size, o = _ready(viewport, national_site / "overview.html")
    width = o.js("document.getElementById('network').clientWidth")
    assert width >= SIZES[size][0] * (0.5 if size == "desktop" else 0.95)
    assert o.js("kg.drawnLabels.length") >= 10
    key = _key(o, "西部大开发")
    o.js(f"kg.focusEntity({key!r})")
    assert key in o.js("kg.highlighted") and len(o.js("kg.highlighted")) > 2
    o.page.screenshot(path=str(tmp_path / f"overview-{size}.png"))
    o.assert_clean()


@pytest.mark.browser
@pytest.mark.slow
def test_the_audit_is_a_page_of_the_site_with_names_linked(national_site, viewport):
    _, ctx = viewport
    o = Opened(ctx, national_site / "audit.html")
    o.wait("window.kgAudit && kgAudit.ready")
    assert o.js("[...document.querySelectorAll('header.top nav a')].map(a => a.getAttribute('href'))")[:2] == [
        "index.html",
        "overview.html",
    ]
    o.page.locator("#entities").scroll_into_view_if_needed()  # drawn as it comes in sight
    o.wait("document.querySelectorAll('#entities tbody tr').length > 0")
    links = o.js("[...document.querySelectorAll('#entities td.name a')].map(a => a.getAttribute('href'))")
    assert links and all(re.fullmatch(r"entities/[A-Za-z0-9_.-]+\.html", h) for h in links)
    assert all((national_site / h).is_file() for h in links)
    o.assert_clean()


@pytest.mark.slow
def test_the_national_graph_conforms_to_the_shapes(national_site):
    kg = Path(sys.executable).with_name("kg")
    cmd = [str(kg)] if kg.exists() else [sys.executable, "-m", "kg.cli"]
    done = subprocess.run([*cmd, "validate", "--out", str(national_site)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
