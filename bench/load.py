"""Benchmark: what loading costs next to the extraction it feeds, on the national corpus.

Loading is everything before the NLP: reading, decoding, repairing scrape
damage, normalising, metadata and segmentation (``extract.corpus.read_documents``).
The anchor is the whole extraction (``extract_corpus``) timed in the same run;
the target is loading under 5 % of it (issue 10).

    python bench/load.py [--runs 3] [--corpus ../shared/corpus/national]

Prints medians and the ratio, and each run's ratio. Also times each stage of loading once per run,
so a regression shows where it is. Reads the corpus at run time; nothing of it
is copied into the project.
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
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

    from extract.corpus import extract_corpus, read_documents
    from extract.load import load_bytes, read_bytes
    from extract.meta import read_metadata
    from extract.segment import segment

    extract_corpus(paths[:1])  # warm up: imports, lexicons, spaCy, OpenCC
    # and loading itself over the whole corpus, as the extraction is warm after its first run: the
    # patterns compiled on first use and the characters the script check has already seen
    read_documents(paths)
    loads, extracts = [], []
    stages: dict[str, list[float]] = {"read+decode+repair+normalise": [], "metadata": [], "segment": []}
    for _ in range(a.runs):
        t = time.perf_counter()
        docs = read_documents(paths)
        loads.append(time.perf_counter() - t)
        t = time.perf_counter()
        extract_corpus(paths)
        extracts.append(time.perf_counter() - t)
        spent = dict.fromkeys(stages, 0.0)
        for p in paths:
            t0 = time.perf_counter()
            doc = load_bytes(read_bytes(p), p)
            t1 = time.perf_counter()
            read_metadata(doc)
            t2 = time.perf_counter()
            segment(doc)
            t3 = time.perf_counter()
            spent["read+decode+repair+normalise"] += t1 - t0
            spent["metadata"] += t2 - t1
            spent["segment"] += t3 - t2
        for k, v in spent.items():
            stages[k].append(v)
    chars = sum(len(d.text) for d in docs)
    load, ext = statistics.median(loads), statistics.median(extracts)
    print(f"corpus: {len(paths)} reports, {chars} characters, {a.runs} runs")
    for k, v in stages.items():
        print(f"  {k}: median {statistics.median(v):.3f} s")
    print(f"loading (read_documents): median {load:.3f} s")
    print(f"anchor, whole extraction (extract_corpus): median {ext:.2f} s")
    print(f"loading / extraction: {load / ext:.1%} (target < 5%)")
    # each run's own ratio too: a median of three hides a run over the line
    print("  each run: " + ", ".join(f"{lo / ex:.1%} ({lo:.3f} s / {ex:.2f} s)" for lo, ex in zip(loads, extracts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
