"""What the benchmarks share: where the project and the national corpus are, and a build to measure on."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT.parent / "shared" / "corpus" / "national"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


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
