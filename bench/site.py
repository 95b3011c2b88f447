"""The site of ../shared/corpus/national: how long it takes to write, how fast its pages open.

Times ``kg.site.write_site`` on a built graph (extraction and graph building
are not part of it) and then opens the overview and the evolution view from
disk in headless Chromium (Debian's /usr/bin/chromium through playwright),
reporting per page:

- ``drawn``: milliseconds from navigation start until vis-network has drawn
  the network (or the timeline) for the first time (the page's ``kg.timing.drawn``),
- ``wall``: seconds from ``goto`` until that moment, as seen from Python,

with the node and edge counts (the evolution view, a timeline of its own,
reports rows and cells) and the page's weight in MB. Every figure is the median of ``--runs`` runs;
each page is opened in a fresh tab. The targets: the site in under a minute,
each page drawn in under three seconds.

    .venv/bin/python bench/site.py                        # build national into a temp dir, 3 runs
    .venv/bin/python bench/site.py --build /tmp/national  # reuse (or create) that build folder
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import NATIONAL, browser_context, ensure_build  # noqa: E402

from kg.site.write import write_site  # noqa: E402

PAGES = ("overview.html", "evolution.html")


def time_site(out: Path, runs: int) -> None:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        summary = write_site(out)
        times.append(time.perf_counter() - t)
    print(
        f"site: {len(summary.files)} pages ({summary.entities} entities, {summary.themes} themes) "
        f"in {statistics.median(times):.1f} s median of {runs} (runs: {', '.join(f'{x:.1f}' for x in times)})"
    )


def time_pages(out: Path, runs: int) -> None:
    with browser_context() as ctx:
        for name in PAGES:
            drawn, wall, size = [], [], (out / name).stat().st_size
            for _ in range(runs):
                page = ctx.new_page()
                errors: list[str] = []
                page.on("console", lambda m, errors=errors: m.type == "error" and errors.append(m.text))
                t = time.perf_counter()
                page.goto((out / name).as_uri())
                while not page.evaluate("window.kg && window.kg.ready"):
                    time.sleep(0.01)
                wall.append(time.perf_counter() - t)
                timing = page.evaluate("kg.timing")
                drawn.append(timing["drawn"])
                counts = page.evaluate("kg.counts || [kg.nodes.length, kg.edges.length]")
                what = page.evaluate("kg.nodes ? ['nodes', 'edges'] : ['rows', 'cells']")  # the timeline has no network
                page.close()
                if errors:
                    sys.exit(f"{name}: console errors: {errors}")
            print(
                f"{name}: {counts[0]} {what[0]}, {counts[1]} {what[1]}, {size / 1e6:.2f} MB: drawn "
                f"{statistics.median(drawn) / 1000:.2f} s after navigation start, wall {statistics.median(wall):.2f} s "
                f"(median of {runs}; drawn: {', '.join(f'{x / 1000:.2f}' for x in drawn)})"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=NATIONAL, help="folder of .txt reports (default: %(default)s)")
    ap.add_argument("--build", type=Path, help="build folder to reuse or create (default: a temporary one)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.build or Path(tmp)
        ensure_build(args.corpus, out)
        time_site(out, args.runs)
        time_pages(out, args.runs)


if __name__ == "__main__":
    main()
