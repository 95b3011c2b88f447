"""Benchmark: how much of `kg extract` resolution takes, on the national corpus.

Times ``merge_variants`` (short and long forms within each report) and
``resolve`` (ids across reports) inside full extractions of the corpus, and
prints the medians with their share of the whole extraction timed in the
same run, so the share holds on any machine. Resolution blocks by keys and
character pairs and never compares all pairs; this shows it stays a small
part of the extraction.

    python bench/resolve.py [--runs 3] [--corpus ../shared/corpus/national]
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "national")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args(argv)
    paths = sorted(glob.glob(os.path.join(a.corpus, "*.txt")))
    if not paths:
        print(f"no .txt files in {a.corpus}", file=sys.stderr)
        return 2

    import extract.corpus as corpus

    timed: dict[str, float] = {}

    def clocked(name, fn):
        def run(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timed[name] = time.perf_counter() - t

        return run

    corpus.merge_variants = clocked("merge_variants", corpus.merge_variants)
    corpus.resolve = clocked("resolve", corpus.resolve)
    corpus.extract_corpus(paths[:1])  # warm up: imports, lexicons, spaCy
    totals, variants, across = [], [], []
    for _ in range(a.runs):
        t = time.perf_counter()
        result = corpus.extract_corpus(paths)
        totals.append(time.perf_counter() - t)
        variants.append(timed["merge_variants"])
        across.append(timed["resolve"])
    total, mv, rs = (statistics.median(x) for x in (totals, variants, across))
    entities = sum(len(d.entities) for d in result.documents)
    print(f"corpus: {len(paths)} reports, {entities} entities, {len(result.links)} links")
    print(f"kg extract: median {total:.2f} s over {a.runs} runs")
    print(f"  merge_variants (within reports): median {mv:.2f} s = {mv / total:.0%} of the extraction")
    print(f"  resolve (across reports):        median {rs:.2f} s = {rs / total:.0%} of the extraction")
    return 0


if __name__ == "__main__":
    sys.exit(main())
