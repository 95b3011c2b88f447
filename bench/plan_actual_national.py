"""Plan versus actual over the national government work reports, checked by hand.

Each report of year N reviews N-1 and plans N, so the target for N and its
actual sit in consecutive reports. This script extracts indicators from every
report in ``../shared/corpus/national`` (read at run time, never copied), pairs
them with ``kg.audit.plan_actual`` and prints the table for one indicator, by default
国内生产总值 growth 2003-2025, with the evidence of both sides, so that a person
can check every row against the texts. It also prints the time the indicator
extraction took.

    .venv/bin/python bench/plan_actual_national.py                # GDP growth 2003-2025
    .venv/bin/python bench/plan_actual_national.py --concept cpi --measure growth
    .venv/bin/python bench/plan_actual_national.py --summary      # every headline indicator, counts only
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.corpus import read_documents  # noqa: E402
from extract.indicators import find_indicators, load_vocabulary  # noqa: E402
from extract.records import DocumentResult  # noqa: E402
from kg.audit.plan_actual import MET, MISSED, NO_DATA, observations_from_results, pair  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "national"


def run(corpus: Path) -> tuple[list, float, int]:
    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    docs = read_documents(paths)
    t0 = time.perf_counter()
    results = [DocumentResult(document=d, indicators=find_indicators(d)) for d in docs]
    elapsed = time.perf_counter() - t0
    return results, elapsed, sum(len(d.text) for d in docs)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:70]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--concept", default="gdp")
    ap.add_argument("--measure", default="growth")
    ap.add_argument("--from-year", type=int, default=2003)
    ap.add_argument("--to-year", type=int, default=2025)
    ap.add_argument("--summary", action="store_true", help="counts per headline indicator instead of one table")
    a = ap.parse_args(argv)
    if not a.corpus.is_dir():
        print(f"Error: no corpus at {a.corpus}", file=sys.stderr)
        return 2
    results, elapsed, chars = run(a.corpus)
    verdicts = pair(observations_from_results(results))
    n = sum(len(r.indicators) for r in results)
    print(
        f"indicator extraction: {len(results)} reports, {chars:,} characters, {n} facts, "
        f"{elapsed:.3f} s ({chars / elapsed / 1000:,.0f} k chars/s)"
    )
    in_range = [v for v in verdicts if a.from_year <= v.year <= a.to_year]
    if a.summary:
        vocab = load_vocabulary()
        print(f"\n{'concept':<34}{'measure':<8}{'years':>6}{'met':>5}{'missed':>7}{'no data':>8}")
        keys = sorted({(v.concept, v.measure) for v in in_range})
        for concept, measure in keys:
            vs = [v for v in in_range if (v.concept, v.measure) == (concept, measure)]
            count = {k: sum(v.verdict == k for v in vs) for k in (MET, MISSED, NO_DATA)}
            name = f"{concept} ({vocab[concept].zh})"
            print(f"{name:<34}{measure:<8}{len(vs):>6}{count[MET]:>5}{count[MISSED]:>7}{count[NO_DATA]:>8}")
        return 0
    rows = [v for v in in_range if v.concept == a.concept and v.measure == a.measure]
    unit = rows[0].unit if rows else ""
    print(f"\n{a.concept} {a.measure} ({unit}), {a.from_year}-{a.to_year}\n")
    print(f"{'year':<6}{'target':<14}{'actual':<9}{'verdict':<9}rule")
    for v in rows:
        t = v.target
        target = (
            ""
            if t is None
            else (
                f"{v.target_value:g}"
                + (f"-{v.target_high:g}" if v.target_high is not None else "")
                + (v.qualifier or "")
            )
        )
        actual = "" if v.actual_value is None else f"{v.actual_value:g}"
        print(f"{v.year:<6}{target:<14}{actual:<9}{v.verdict:<9}{v.rule}")
        if t is not None:
            print(f"{'':6}target: {t.report}: {_one_line(t.evidence)}")
        if v.actual is not None:
            print(f"{'':6}actual: {v.actual.report}: {_one_line(v.actual.evidence)}")
    listed = {v.year for v in rows}
    missing = [y for y in range(a.from_year, a.to_year + 1) if y not in listed]
    if missing:
        print(f"\nyears with neither number: {', '.join(map(str, missing))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
