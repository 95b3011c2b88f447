"""Every library query through a real ``kg serve`` on the graph of a synthetic corpus (1,000 reports by default).

The corpus is bench/scale.py's (copies of ../shared/corpus/national, each
copy its own area); it is built once with ``kg build`` into ``--build DIR``
and reused from there on later runs (a 1,000-report build takes many
minutes). Then ``kg serve`` runs as its own process on a free port, and
each library query is sent to it as a SPARQL 1.1 Protocol request (a POST
of ``application/sparql-query``, JSON results), the whole answer read:
one warm-up request, then ``--repeat`` timed ones (fewer for a query whose
warm-up took more than ``--slow`` seconds, so that a run stays within
minutes).

The protocol has no parameters, so a parameter is sent in the text: a
``VALUES`` block opening the WHERE of every SELECT that projects it, which
binds it where Oxigraph's substitutions (``kg query --param``) bind it. The
values are chosen on the graph: the most mentioned entity, the entity with
the most merges, the last two years anything is said about. ``--check``
also runs each query in this process (``kg query``'s engine) and says
whether the rows are the same; the digest column lets two runs (before and
after a change to a query) be compared row for row.

Each library query is also asked a page at a time through ``/library/<name>``
(kg.query.pages): the first page of ``--page`` rows and the eleventh, each
checked against that part of the whole answer. ``--queries DIR`` sends the
``.rq`` files of DIR instead of the library's, with the same parameters (the
counting queries the summary graph replaced are ``tests/data/summary``): the
digest column then compares the two on one graph.

Printed per query: rows, size of the answer, median and 90th percentile in
ms, and the median over the anchor, ``ASK {}`` through the same server (the
round trip and the front's checks, no store work), so that runs on other
machines compare. Queries whose median is over ``--goal`` ms are listed at
the end.

    .venv/bin/python bench/serve.py --build /tmp/serveq-1000              # build once, reuse after
    .venv/bin/python bench/serve.py --size 52 --build /tmp/n52 --check    # the national corpus, rows checked
    .venv/bin/python bench/serve.py --build /tmp/serveq-1000 --only mentions reports
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402,F401  (puts the project on the path)
from scale import KG, make_corpus, timed_build  # noqa: E402

from kg.graph.store import GRAPH_FILE  # noqa: E402
from kg.query.engines import Term, _literal  # noqa: E402
from kg.query.library import Query, bindings, library, parse_query  # noqa: E402
from kg.query.serve import free_port  # noqa: E402
from kg.query.text import substitute  # noqa: E402

ANCHOR = "ASK {}"
PKG = "PREFIX pkg: <https://w3id.org/policy-kg/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"


# ---- the protocol ---------------------------------------------------------------------------------


def post(url: str, query: str, timeout: float) -> tuple[float, bytes]:
    """Seconds until the whole answer was read, and the answer."""
    req = urllib.request.Request(
        url,
        data=query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
    except urllib.error.HTTPError as err:
        msg = err.read().decode("utf-8", "replace").strip()
        err.close()
        raise RuntimeError(f"HTTP {err.code}: {msg[:200]}") from None
    return time.perf_counter() - t, body


def rows_of(body: bytes) -> tuple[list[str], list[tuple[Term | None, ...]]]:
    """The variables and rows of a JSON answer, as kg query's engine reports them."""
    data = json.loads(body)
    if "boolean" in data:
        return [], [(Term("literal", str(data["boolean"]).lower()),)]
    names = data["head"]["vars"]

    def term(b: dict | None) -> Term | None:
        if b is None:
            return None
        if b["type"] == "uri":
            return Term("uri", b["value"])
        if b["type"] == "bnode":
            return Term("bnode", b["value"])
        return _literal(b["value"], b.get("datatype"), b.get("xml:lang"))

    return names, [tuple(term(row.get(n)) for n in names) for row in data["results"]["bindings"]]


def digest(rows) -> str:
    return hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()[:10]


# ---- the server -----------------------------------------------------------------------------------


def start_server(out: Path, timeout_s: float) -> tuple[subprocess.Popen, str, float]:
    """A ``kg serve`` process on a free port, answering; its URL and how long it took to start."""
    port = free_port()
    t = time.perf_counter()
    proc = subprocess.Popen(
        [*KG, "serve", "--out", str(out), "--port", str(port), "--timeout", str(timeout_s)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/query"
    while True:
        if proc.poll() is not None:
            sys.exit(f"kg serve stopped: {proc.stderr.read().strip()}")
        try:
            post(url, ANCHOR, 5)
            return proc, url, time.perf_counter() - t
        except (OSError, RuntimeError):
            time.sleep(0.2)


def wait_ready(url: str, timeout: float = 600) -> None:
    """Until the server answers ``ASK {}`` again."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            post(url, ANCHOR, 5)
            return
        except (OSError, RuntimeError):
            time.sleep(0.5)
    sys.exit("kg serve did not answer again")


def stop_server(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# ---- what to ask ----------------------------------------------------------------------------------


def pick_params(url: str, timeout: float) -> dict[str, dict[str, str]]:
    """Values that give the parameterised queries real work on this graph."""

    def first(query: str) -> str:
        _, rows = rows_of(post(url, PKG + query, timeout)[1])
        return rows[0][0].value

    top = first(
        "SELECT ?label WHERE { { SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m pkg:mentionOf ?e } GROUP BY ?e } "
        "?e skos:prefLabel ?label } ORDER BY DESC(?n) ?label LIMIT 1"
    )
    merged = first(
        "SELECT ?label WHERE { { SELECT ?e (COUNT(?l) AS ?n) WHERE { ?l a pkg:IdentityLink ; pkg:about ?e } "
        "GROUP BY ?e } ?e skos:prefLabel ?label } ORDER BY DESC(?n) ?label LIMIT 1"
    )
    _, years = rows_of(
        post(
            url,
            PKG + "SELECT DISTINCT ?y WHERE { ?r a pkg:Report ; pkg:reviewedYear ?y } ORDER BY DESC(?y) LIMIT 2",
            timeout,
        )[1]
    )
    to, frm = (str(r[0].value) for r in years)
    return {
        "entity-timeline": {"name": top},
        "entity-evidence": {"name": top},
        "entity-merges": {"name": merged},
        "new-and-dropped": {"from": frm, "to": to},
    }


def get(url: str, timeout: float) -> tuple[float, dict]:
    """Seconds until the whole page was read, and the page."""
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            body = resp.read()
    except urllib.error.HTTPError as err:
        msg = err.read().decode("utf-8", "replace").strip()
        err.close()
        raise RuntimeError(f"HTTP {err.code}: {msg[:200]}") from None
    return time.perf_counter() - t, json.loads(body)


def time_pages(query_url: str, name: str, params: dict[str, str], size: int, rows, runs: int, timeout: float):
    """Median ms of the first page and of the eleventh (offset 10 pages) through /library/<name>;
    the first page's rows are checked against the head of the whole answer."""
    base = query_url.rsplit("/", 1)[0] + f"/library/{urllib.parse.quote(name)}?"
    out = []
    for offset in (0, 10 * size):
        if offset and len(rows) <= offset:
            out.append("-")
            continue
        url = base + urllib.parse.urlencode({**params, "limit": size, "offset": offset})
        try:
            get(url, timeout)  # warm-up
            times, page = zip(*(get(url, timeout) for _ in range(runs)))
        except RuntimeError as exc:  # past the limit (422) or refused: said in the column
            out.append(str(exc).split(":")[0].replace("HTTP ", ""))
            wait_ready(query_url)
            continue
        _, got = rows_of(json.dumps(page[0]).encode())
        if got != rows[offset : offset + size]:
            sys.exit(f"{name}: the page at offset {offset} is not that part of the whole answer")
        out.append(ms(statistics.median(times)))
    return out


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def p90(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=1000, help="reports in the synthetic corpus (default: %(default)s)")
    ap.add_argument("--build", type=Path, help="build folder to reuse, or to build into (default: a temporary one)")
    ap.add_argument("--jobs", type=int, default=2, help="kg build --jobs when building (default: %(default)s)")
    ap.add_argument("--repeat", type=int, default=9, help="timed runs per query (default: %(default)s)")
    ap.add_argument("--slow", type=float, default=2.0, help="a warm-up past this many s: 3 runs (default: %(default)s)")
    ap.add_argument("--timeout", type=float, default=120.0, help="kg serve --timeout (default: %(default)s s)")
    ap.add_argument("--goal", type=float, default=50.0, help="the median to stay under, ms (default: %(default)s)")
    ap.add_argument("--page", type=int, default=100, help="also time pages of N rows through /library/<name> (0: no)")
    ap.add_argument(
        "--queries",
        type=Path,
        help="time the .rq files of this folder instead of the library's (e.g. tests/data/summary: the raw aggregates)",
    )
    ap.add_argument("--only", nargs="*", help="run only these library queries")
    ap.add_argument("--check", action="store_true", help="also run each query in-process and compare the rows")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        out = args.build or Path(tmp) / "out"
        if (out / GRAPH_FILE).is_file():
            print(f"graph: reusing {out / GRAPH_FILE}")
        else:
            corpus = make_corpus(args.size, Path(tmp) / "corpus")
            wall, peak, _, cpu = timed_build([str(corpus), "--out", str(out), "--jobs", str(args.jobs), "--no-cache"])
            print(
                f"graph: built {args.size} reports into {out}: {wall:.0f} s wall, {cpu:.0f} s CPU, {peak / 2**30:.1f} GB peak"
            )
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        reports = len(manifest.get("inputs", manifest.get("reports", []))) or "?"
        size = (out / GRAPH_FILE).stat().st_size
        print(
            f"{reports} reports, graph.trig {size / 2**20:,.0f} MB; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
        )

        proc, url, started = start_server(out, args.timeout)
        try:
            print(f"kg serve answering after {started:.1f} s (the store is loaded on first use and kept)")
            anchor = []
            for _ in range(30):
                anchor.append(post(url, ANCHOR, 10)[0])
            a_med = statistics.median(anchor)
            print(f"anchor {ANCHOR!r}: median {ms(a_med)} ms over {len(anchor)} requests")
            params = pick_params(url, args.timeout)
            print("parameters: " + "; ".join(f"{q} {v}" for q, v in params.items()))
            engine = None
            if args.check:
                from kg.graph.store import load_oxigraph
                from kg.query.engines import OxigraphEngine

                engine = OxigraphEngine(load_oxigraph(out))

            if args.queries:
                found = {p.stem: parse_query(p.stem, p.read_text(encoding="utf-8")) for p in args.queries.glob("*.rq")}
            else:
                found = library()
            queries: dict[str, Query] = {n: found[n] for n in sorted(found) if not args.only or n in args.only}
            header = (
                f"{'query':<24} {'rows':>8} {'answer':>9} {'runs':>4} {'median ms':>10} {'p90 ms':>10} {'x anchor':>9} "
                f"{'page ms':>9} {'page 11':>9}  digest"
            )
            if engine:
                header += "      same"
            print(f"\n{header}\n{'-' * len(header)}")
            over, medians = [], {}
            for name, query in queries.items():
                values = bindings(query, params.get(name, {}))
                text = substitute(query.text, values)
                try:
                    warm, body = post(url, text, args.timeout + 10)
                    runs = args.repeat if warm <= args.slow else min(3, args.repeat)
                    times = [post(url, text, args.timeout + 10)[0] for _ in range(runs)]
                except RuntimeError as exc:
                    print(f"{name:<24} {exc}", flush=True)
                    over.append(name)
                    wait_ready(url)  # after a query past the limit, kg serve restarts Oxigraph
                    continue
                _, rows = rows_of(body)
                med = medians[name] = statistics.median(times)
                page = later = "-"
                if args.page and not args.queries:
                    page, later = time_pages(url, name, params.get(name, {}), args.page, rows, runs, args.timeout + 10)
                line = (
                    f"{name:<24} {len(rows):>8,} {len(body) / 2**20:>7.2f}MB {runs:>4} {ms(med):>10} "
                    f"{ms(p90(times)):>10} {med / a_med:>8,.0f}x {page:>9} {later:>9}  {digest(rows)}"
                )
                if engine:
                    same = engine.query(query.text, values).rows == rows
                    line += f"  {'yes' if same else 'NO'}"
                print(line + ("  OVER" if med * 1000 > args.goal else ""), flush=True)
                if med * 1000 > args.goal:
                    over.append(name)
            print(
                f"\nload {os.getloadavg()[0]:.1f}; {len(medians)} queries timed, "
                f"{len(over)} over {args.goal:.0f} ms: {', '.join(over) or 'none'}"
            )
        finally:
            stop_server(proc)


if __name__ == "__main__":
    main()
