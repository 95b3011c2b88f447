"""What the benchmarks share: where the project and the national corpus are, a build to measure on, and
the headless Chromium of the browser tests (tests/helpers.py)."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT.parent / "shared" / "corpus" / "national"
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from helpers import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the browser the tests drive, set up once)


@contextmanager
def browser_context() -> Iterator:
    """A fresh headless Chromium profile (playwright's persistent context) for one benchmark run."""
    from playwright.sync_api import sync_playwright  # only the browser benchmarks need playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        ctx = p.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900},
        )
        try:
            yield ctx
        finally:
            ctx.close()


def ensure_build(corpus: Path, out: Path) -> None:
    """Build ``corpus`` into ``out`` unless a graph is there already (a rerun measures the same graph)."""
    from kg.graph.store import GRAPH_FILE

    if (out / GRAPH_FILE).is_file():
        print(f"graph: reusing {out / GRAPH_FILE}")
        return
    from extract.corpus import extract_corpus
    from kg.pipeline import write_build

    files = sorted(str(p) for p in corpus.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt reports in {corpus}")
    t = time.perf_counter()
    summary = write_build(extract_corpus(files), out)
    print(
        f"graph: built {len(files)} reports into {out} in {time.perf_counter() - t:.1f} s "
        f"({summary.quads} quads, {summary.entities} entities, {summary.mentions} mentions)"
    )
