"""Wall time of a whole ``kg build``, stage by stage, on the national corpus and the samples.

Each run is a fresh process, as a user's ``kg build`` is (imports, spaCy and
jieba's dictionaries included), writing into its own temporary folder. The
child times its stages (kg/pipeline.py's STAGES after the extraction) and
the parent the whole process; printed are the medians of ``--runs`` runs
per corpus, and every run's total. Issue 6 asks for the national build in
under a minute on the two-core development machine. The anchor, timed in
the same child after the build, is ``jieba.cut`` over the same texts (what
bench/bench_extract.py compares the extractor with): the ratio of the build
to it moves little between machines where seconds do.

Stages:
    start-up     process start, imports and exit (the total less the rest)
    extract      extract.corpus.extract_corpus: files to records
    graph        records to named graphs (kg/graph/build.py), copied into Oxigraph,
                 audited there, the findings added to both
    files        graph.trig (and --format files), extraction.json, manifest.json
    audit files  audit.html, audit.csv, audit-entities.csv, audit.json
    site         index.html, the graph pages, a page per theme and per entity

    .venv/bin/python bench/build.py                   # national and samples, 3 runs each
    .venv/bin/python bench/build.py --runs 5 --corpus samples
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT.parent / "shared" / "corpus" / "national"
CORPORA = ("national", "samples")


def child(corpus: str, out: str) -> None:
    """One build, in this process; prints its stage times as JSON on stdout."""
    sys.path.insert(0, str(ROOT))
    from extract.corpus import extract_corpus
    from kg.pipeline import build_folder

    files = sorted(str(p) for p in NATIONAL.glob("*.txt")) if corpus == "national" else None
    if corpus == "national" and not files:
        sys.exit(f"no .txt reports in {NATIONAL}")
    timings: dict[str, float] = {}
    t = time.perf_counter()
    result = extract_corpus(files)
    timings["extract"] = time.perf_counter() - t
    build_folder(result, out, timings=timings)
    import jieba

    texts = [d.document.text for d in result.documents]
    jieba.initialize()
    t = time.perf_counter()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    print(json.dumps({**timings, "anchor": time.perf_counter() - t}))


def run(corpus: str) -> tuple[float, dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as out:
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, __file__, "--child", corpus, out], capture_output=True, text=True)
        wall = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"{corpus}: the build failed:\n{proc.stderr}")
    stages = json.loads(proc.stdout.strip().splitlines()[-1])
    anchor = stages.pop("anchor")
    wall -= anchor  # the anchor ran after the build, in the same process
    stages = {"start-up": wall - sum(stages.values()), **stages, "anchor": anchor}
    return wall, stages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--corpus",
        choices=CORPORA,
        action="append",
        help="national (../shared/corpus/national) or samples; repeatable (default: both)",
    )
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    for corpus in args.corpus or CORPORA:
        walls, stages = [], []
        for _ in range(args.runs):
            wall, st = run(corpus)
            walls.append(wall)
            stages.append(st)
        anchor = statistics.median(s["anchor"] for s in stages)
        print(
            f"{corpus}: kg build in {statistics.median(walls):.1f} s, median of {args.runs} "
            f"(runs: {', '.join(f'{w:.1f}' for w in walls)}); "
            f"{statistics.median(w / s['anchor'] for w, s in zip(walls, stages)):.0f}x jieba.cut's {anchor:.2f} s"
        )
        for name in stages[0]:
            if name != "anchor":
                print(f"  {name:<12} {statistics.median(s[name] for s in stages):6.1f} s")


if __name__ == "__main__":
    main()
