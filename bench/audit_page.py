"""audit.html of a built corpus: how big it is and how fast a person gets its first table.

Opens the page from disk in headless Chromium (Debian's /usr/bin/chromium
through playwright), each run in a fresh tab, and prints the file size and
the median of ``--runs`` open times. Open time is wall time from ``goto``
until the follow-ups table shows rows, the page's script has finished
(``window.kgAudit.ready`` on pages that set it, the load event otherwise, so
that the older all-in-the-DOM page can be measured the same way) and a frame
has been painted after that: the moment a person can read and click the
first table. The page's own figure (``kgAudit.timing.ready``, milliseconds
after navigation start) is printed beside it when there is one. Console
errors and requests other than the page itself stop the run.

The target: under three seconds on the national corpus.

    .venv/bin/kg build /work/shared/corpus/national/*.txt --out /tmp/an
    .venv/bin/python bench/audit_page.py /tmp/an            # or a path to an audit.html
    .venv/bin/python bench/audit_page.py /tmp/an --write    # audit.html written again from graph.trig first
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import browser_context  # noqa: E402

# ready: rows in the first table, and the script done (its flag, or the load event for a page without one)
READY = """() => !!document.querySelector('#follow-ups tbody tr') &&
  (window.kgAudit ? !!window.kgAudit.ready : document.readyState === 'complete')"""
PAINTED = "() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))"


def open_once(ctx, url: str, timeout_s: float) -> tuple[float, float | None]:
    """One run in a fresh tab: wall seconds until the first table is usable, and the page's own figure."""
    page = ctx.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    t = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    page.wait_for_function(READY, polling=20, timeout=timeout_s * 1000)
    page.evaluate(PAINTED)
    wall = time.perf_counter() - t
    own = page.evaluate("window.kgAudit && window.kgAudit.timing ? kgAudit.timing.ready : null")
    page.close()
    if errors:
        sys.exit(f"{url}: console errors: {errors}")
    if requests != [url]:
        sys.exit(f"{url}: requests other than the page: {requests}")
    return wall, own


def open_times(html: Path, runs: int, timeout_s: float) -> tuple[list[float], list[float | None]]:
    with browser_context() as ctx:
        runs_ = [open_once(ctx, html.resolve().as_uri(), timeout_s) for _ in range(runs)]
    return [w for w, _ in runs_], [o for _, o in runs_]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("target", type=Path, help="a build folder holding audit.html, or an audit.html")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="write the audit files again from graph.trig first")
    ap.add_argument("--timeout", type=float, default=120, help="seconds before a run gives up")
    args = ap.parse_args()
    html = args.target / "audit.html" if args.target.is_dir() else args.target
    if args.write:
        from kg.audit.export import write_audit

        t = time.perf_counter()
        write_audit(html.parent)
        print(f"audit files written in {time.perf_counter() - t:.1f} s")
    if not html.is_file():
        sys.exit(f"no audit.html at {html} (kg build writes it)")
    wall, own = open_times(html, args.runs, args.timeout)
    mine = [x for x in own if x is not None]
    page_figure = (
        f"; the page's own: ready {statistics.median(mine) / 1000:.2f} s after navigation start" if mine else ""
    )
    print(
        f"{html}: {html.stat().st_size / 1e6:.1f} MB; first table usable {statistics.median(wall):.2f} s "
        f"(median of {args.runs}: {', '.join(f'{x:.2f}' for x in wall)}){page_figure}"
    )


if __name__ == "__main__":
    main()
