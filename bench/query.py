"""Every library query on the graph of ../shared/corpus/national, on Oxigraph and on rdflib.

Prints, per query, the number of rows, the median wall time on each engine,
their ratio (rdflib / Oxigraph) and whether the two engines gave the same rows.
This is the measurement behind ``kg query --engine auto`` picking Oxigraph for
a large graph.

rdflib can take minutes on one query over the national graph, so each of its
runs happens in a forked child (the loaded graph is shared, not reloaded) that
is stopped after ``--budget`` seconds; a query over budget is reported as
"> budget" and not run again.

    .venv/bin/python bench/query.py                       # build national into a temp dir, 5 runs
    .venv/bin/python bench/query.py --build /tmp/national  # reuse (or create) that build folder
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import NATIONAL, ensure_build  # noqa: E402

from kg.graph.store import load_dataset, load_oxigraph  # noqa: E402
from kg.query.engines import OxigraphEngine, RdflibEngine  # noqa: E402
from kg.query.library import bindings, library, run_library  # noqa: E402

_RDFLIB = None  # the loaded rdflib engine, inherited by forked children


def national_params(ox: OxigraphEngine) -> dict[str, dict[str, str]]:
    """Parameters that give the parameterised queries real work on this graph:
    the most mentioned entity, and the last two years anything is said about."""
    labels = {r["entity"].value: r["label"].value for r in run_library(ox, "entities").dicts()}
    mentions = Counter(labels[r["entity"].value] for r in run_library(ox, "mentions").dicts())
    top = min(mentions, key=lambda label: (-mentions[label], label))
    reviewed = {r["reviewed"].value for r in run_library(ox, "reports").dicts() if r["reviewed"] is not None}
    years = sorted(reviewed, key=int, reverse=True)[:2]
    return {
        "entity-timeline": {"name": top},
        "entity-evidence": {"name": top},
        "new-and-dropped": {"from": years[-1], "to": years[0]},
    }


def _digest(rows) -> str:
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()


def _rdflib_child(text: str, values: dict, conn) -> None:
    t = time.perf_counter()
    res = _RDFLIB.query(text, values)
    conn.send((time.perf_counter() - t, len(res.rows), _digest(res.rows)))
    conn.close()


def run_rdflib(text: str, values: dict, budget: float) -> tuple[float | None, int, str]:
    """One timed rdflib run in a forked child; (None, …) when it ran over budget."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(text, values, child))
    proc.start()
    child.close()
    got = parent.recv() if parent.poll(budget) else None
    proc.join(timeout=0 if got else 1)
    if proc.is_alive():
        proc.kill()
        proc.join()
    parent.close()
    return got if got else (None, -1, "")


def fmt_ms(seconds: float | None, budget: float) -> str:
    return f"> {budget * 1000:,.0f}" if seconds is None else f"{seconds * 1000:,.1f}"


def main() -> None:
    global _RDFLIB
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=NATIONAL, help="folder of reports (default: %(default)s)")
    ap.add_argument("--build", type=Path, help="build folder to reuse or create (default: a temporary one)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query and engine (default: %(default)s)")
    ap.add_argument(
        "--budget", type=float, default=120.0, help="seconds one rdflib run may take (default: %(default)s)"
    )
    ap.add_argument("--only", nargs="*", help="run only these library queries")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        out = args.build or Path(tmp)
        ensure_build(args.corpus, out)
        t = time.perf_counter()
        ox = OxigraphEngine(load_oxigraph(out))
        t_ox = time.perf_counter() - t
        t = time.perf_counter()
        _RDFLIB = RdflibEngine(load_dataset(out))
        t_rdf = time.perf_counter() - t
        print(f"load: oxigraph {t_ox:.1f} s, rdflib {t_rdf:.1f} s (ratio {t_rdf / t_ox:.0f}x)")

        params = national_params(ox)
        queries = {n: q for n, q in library().items() if not args.only or n in args.only}
        print(f"{len(queries)} queries, {args.repeat} runs each, rdflib budget {args.budget:.0f} s per run\n")
        header = f"{'query':<24} {'rows':>6} {'oxigraph ms':>12} {'rdflib ms':>12} {'ratio':>8}  same"
        print(header)
        print("-" * len(header))
        ratios = []
        for name, query in queries.items():
            values = bindings(query, params.get(name, {}))
            ox_times, ox_res = [], None
            for _ in range(args.repeat):
                t = time.perf_counter()
                ox_res = ox.query(query.text, values)
                ox_times.append(time.perf_counter() - t)
            rdf_times, same = [], "?"
            for _ in range(args.repeat):
                seconds, n, digest = run_rdflib(query.text, values, args.budget)
                if seconds is None:
                    rdf_times = [None]
                    break
                rdf_times.append(seconds)
                same = "yes" if digest == _digest(ox_res.rows) else f"NO ({n} rows)"
            ox_med = statistics.median(ox_times)
            rdf_med = None if rdf_times == [None] else statistics.median(rdf_times)
            if rdf_med is None:
                ratio = f"> {args.budget / ox_med:,.0f}x"
                ratios.append(args.budget / ox_med)
            else:
                ratio = f"{rdf_med / ox_med:,.0f}x"
                ratios.append(rdf_med / ox_med)
            print(
                f"{name:<24} {len(ox_res.rows):>6} {fmt_ms(ox_med, args.budget):>12} "
                f"{fmt_ms(rdf_med, args.budget):>12} {ratio:>8}  {same}",
                flush=True,
            )
        print(
            f"\nmedian ratio over the queries: {statistics.median(ratios):,.0f}x "
            f"(rdflib time / Oxigraph time; a query over budget counts at the budget)"
        )


if __name__ == "__main__":
    main()
