"""Benchmark: the extraction of one long text grows linearly with its length.

A report is built by repeating the paragraphs of the embedded sample reports
until it reaches each size (in UTF-8 megabytes), written to a temporary file
and extracted with ``extract_corpus``. For each size it prints the wall time
and the time per million characters; linear time shows as a flat last column
(the ratio of the largest size's rate to the smallest's stays near 1).

    python bench/long_text.py [--sizes 1 5 10 25 50] [--runs 1]

The sizes are megabytes of the file; nothing is downloaded or kept.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def _text(megabytes: float, paragraphs: list[str]) -> str:
    """A report of about ``megabytes`` MB: a title and review heading, then the sample paragraphs over and over."""
    head = "岚山区2020年国民经济和社会发展计划执行情况与2021年计划草案的报告\n一、2020年计划执行情况\n"
    body, size, i = [head], len(head.encode("utf-8")), 0
    target = int(megabytes * 1024 * 1024)
    while size < target:
        p = paragraphs[i % len(paragraphs)] + "\n"
        body.append(p)
        size += len(p.encode("utf-8"))
        i += 1
    return "".join(body)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 10, 25, 50])
    ap.add_argument("--runs", type=int, default=1)
    a = ap.parse_args(argv)

    from extract.corpus import extract_corpus, sample_paths

    paragraphs = [ln for p in sample_paths() for ln in Path(p).read_text(encoding="utf-8").splitlines() if len(ln) > 40]
    extract_corpus(sample_paths()[:1])  # warm up: imports, lexicons, spaCy
    rates = []
    print(f"{'MB':>6} {'characters':>12} {'entities':>9} {'seconds':>9} {'s per M chars':>14}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in a.sizes:
            path = os.path.join(tmp, f"long-{mb:g}mb.txt")
            text = _text(mb, paragraphs)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
            times = []
            for _ in range(a.runs):
                t = time.perf_counter()
                result = extract_corpus([path])
                times.append(time.perf_counter() - t)
            chars = len(result.documents[0].document.text)
            ents = sum(len(e.mentions) for e in result.documents[0].entities)
            secs = statistics.median(times)
            rates.append(secs / (chars / 1e6))
            print(f"{mb:>6g} {chars:>12,} {ents:>9,} {secs:>9.1f} {rates[-1]:>14.2f}")
    print(f"time per character, largest vs smallest size: {rates[-1] / rates[0]:.2f} (linear: about 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
