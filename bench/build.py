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

The CPU seconds of each stage are printed beside its wall time: this
process's and those of its worker processes that ended in the stage (on a
machine whose cores are busy with other work, wall time says little). With
``--tree DIR`` the child builds with the code of another checkout of the
project (its ``kg`` and ``extract``), to compare a change with its base in
the same hour.

    .venv/bin/python bench/build.py                   # national and samples, 3 runs each
    .venv/bin/python bench/build.py --runs 5 --corpus samples
    .venv/bin/python bench/build.py --corpus national --jobs 2 --tree /tmp/main-copy
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT.parent / "shared" / "corpus" / "national"
CORPORA = ("national", "samples")


class _Clock(dict):
    """The stage timings build_folder fills, and beside them the CPU seconds each stage used: a
    stage's time is set when it ends and the next begins at once, so the CPU between two settings
    is the stage's (``os.times``: this process and its children that have ended)."""

    def __init__(self) -> None:
        super().__init__()
        self.cpu: dict[str, float] = {}
        self.mark = _cpu()

    def __setitem__(self, name: str, seconds: float) -> None:
        now = _cpu()
        self.cpu[name] = self.cpu.get(name, 0.0) + now - self.mark
        self.mark = now
        super().__setitem__(name, seconds)


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def child(corpus: str, out: str, tree: str, jobs: int) -> None:
    """One build, in this process; prints its stage times as JSON on stdout."""
    sys.path.insert(0, tree)
    from extract.corpus import extract_corpus
    from kg.pipeline import build_folder

    files = sorted(str(p) for p in NATIONAL.glob("*.txt")) if corpus == "national" else None
    if corpus == "national" and not files:
        sys.exit(f"no .txt reports in {NATIONAL}")
    timings = _Clock()
    t = time.perf_counter()
    result = extract_corpus(files)
    timings["extract"] = time.perf_counter() - t
    build_folder(result, out, timings=timings, jobs=jobs)
    import jieba

    texts = [d.document.text for d in result.documents]
    jieba.initialize()
    t = time.perf_counter()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    print(json.dumps({**timings, "anchor": time.perf_counter() - t, "cpu": timings.cpu}))


def run(corpus: str, tree: str, jobs: int) -> tuple[float, dict[str, float], dict[str, float]]:
    """Wall seconds of the whole build, its stages' wall seconds and their CPU seconds."""
    with tempfile.TemporaryDirectory(prefix="bench-build-") as out:
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, "--child", corpus, out, tree, str(jobs)], capture_output=True, text=True
        )
        wall = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"{corpus}: the build failed:\n{proc.stderr}")
    stages = json.loads(proc.stdout.strip().splitlines()[-1])
    cpu = stages.pop("cpu")
    anchor = stages.pop("anchor")
    wall -= anchor  # the anchor ran after the build, in the same process
    stages = {"start-up": wall - sum(stages.values()), **stages, "anchor": anchor}
    return wall, stages, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--corpus",
        choices=CORPORA,
        action="append",
        help="national (../shared/corpus/national) or samples; repeatable (default: both)",
    )
    ap.add_argument("--jobs", type=int, default=1, help="kg build --jobs (default 1)")
    ap.add_argument("--tree", default=str(ROOT), help="the checkout whose code builds (default: this one)")
    ap.add_argument("--child", nargs=4, metavar=("CORPUS", "OUT", "TREE", "JOBS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        corpus, out, tree, jobs = args.child
        child(corpus, out, tree, int(jobs))
        return
    print(f"code of {args.tree}, --jobs {args.jobs}")
    for corpus in args.corpus or CORPORA:
        walls, stages, cpus = [], [], []
        for _ in range(args.runs):
            wall, st, cpu = run(corpus, args.tree, args.jobs)
            walls.append(wall)
            stages.append(st)
            cpus.append(cpu)
        anchor = statistics.median(s["anchor"] for s in stages)
        print(
            f"{corpus}: kg build in {statistics.median(walls):.1f} s, median of {args.runs} "
            f"(runs: {', '.join(f'{w:.1f}' for w in walls)}); "
            f"{statistics.median(w / s['anchor'] for w, s in zip(walls, stages)):.0f}x jieba.cut's {anchor:.2f} s"
        )
        print(f"  {'stage':<12} {'wall':>7} {'CPU':>7}")
        for name in stages[0]:
            if name != "anchor":
                used = f"{statistics.median(c[name] for c in cpus):6.1f} s" if name in cpus[0] else ""
                print(f"  {name:<12} {statistics.median(s[name] for s in stages):6.1f} s {used}")


if __name__ == "__main__":
    main()
