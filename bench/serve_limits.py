"""What hostile queries do to a bare Oxigraph server, and what kg serve's front answers instead.

For each query: its size and guard depth; against ``oxigraph serve-read-only``
alone (with ``--timeout-s``), the answer, the wall time and whether the server
survived; against ``kg serve`` (kg.query.Server), the answer and wall time,
and whether the same Oxigraph child still runs, and the CPU either burns in
the second after the answer. First, the median time of an ordinary query
through each: the front's cost.

    .venv/bin/python bench/serve_limits.py --build /tmp/tb   # any build folder (the tiny test build is enough)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402,F401  (puts the project on the path)

from kg.query.guard import depth, tokens  # noqa: E402
from kg.query.serve import Server, free_port, oxigraph_binary, prepare_store  # noqa: E402

CASES = {
    "union of 10,000 branches": "SELECT * WHERE { " + " UNION ".join(f"{{ ?s ?p {i} }}" for i in range(10_000)) + " }",
    "5,000 nested braces": "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000,
    "5,000 nested parentheses": "ASK { FILTER(" + "(" * 5000 + "true" + ")" * 5000 + ") }",
    "10,000 additions": "ASK { FILTER(1 = " + "+".join(["1"] * 10_000) + ") }",
    "3,000 BINDs": "SELECT * WHERE { ?s ?p ?o " + " ".join(f"BIND({i} AS ?v{i})" for i in range(3000)) + " }",
    "SERVICE to 127.0.0.1:9": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "3-way cross join": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
}


def ask(url: str, query: str, timeout: float = 120) -> tuple[str, float]:
    req = urllib.request.Request(
        url, data=query.encode(), headers={"Content-Type": "application/sparql-query", "Accept": "application/json"}
    )
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
            out = f"{resp.status}" + (" (body cut short: cancelled)" if b"cancelled" in body[-200:] else "")
    except urllib.error.HTTPError as err:
        out = f"{err.code} {err.read().decode(errors='replace').strip()[:70]}"
        err.close()
    except Exception as exc:  # noqa: BLE001 - what the client saw is the measurement
        out = type(exc).__name__
    return out, time.monotonic() - start


def bare(store: Path, timeout_s: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve-read-only",
            "--location",
            str(store),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
            "--timeout-s",
            str(timeout_s),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    return proc, url


def cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True, help="a build folder (kg build --out DIR)")
    ap.add_argument("--timeout", type=int, default=5)
    args = ap.parse_args()
    store = prepare_store(args.build)
    print(
        f"{'query':28} {'bytes':>8} {'depth':>6}  bare oxigraph (--timeout-s {args.timeout})"
        f"{'':22} kg serve (--timeout {args.timeout})"
    )
    with Server(args.build, free_port(), timeout_s=args.timeout, warn=lambda m: None) as server:
        proc, url = bare(store, args.timeout)
        ordinary = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 500"
        for label, target in (("bare oxigraph", url), ("kg serve", server.query_url)):
            times = sorted(ask(target, ordinary)[1] for _ in range(31))
            print(f"an ordinary query (500 rows), median of 31 through {label}: {times[15] * 1000:.1f} ms")
        proc.kill()
        proc.wait()
        for name, query in CASES.items():
            proc, url = bare(store, args.timeout)
            got, took = ask(url, query)
            time.sleep(0.3)
            alive = "alive" if proc.poll() is None else f"DIED ({proc.poll()})"
            busy = ""
            if proc.poll() is None:
                before = cpu(proc.pid)
                time.sleep(1)
                busy = f", {cpu(proc.pid) - before:.2f} CPU s in the next 1 s"
            proc.kill()
            proc.wait()
            child = server.process.pid
            front, ftook = ask(server.query_url, query)
            time.sleep(0.3)
            fbusy = ""
            if server.process is not None and server.process.poll() is None:
                before = cpu(server.process.pid)
                time.sleep(1)
                fbusy = f", {cpu(server.process.pid) - before:.2f} CPU s next 1 s"
            same = "same child" if server.process.pid == child else "child restarted"
            d = depth(tokens(query))
            print(f"{name:28} {len(query.encode()):>8,} {d:>6,}  {got[:24]:24} {took:6.2f} s {alive}{busy}")
            print(f"{'':46}kg serve: {front[:60]} {ftook:6.2f} s, {same}{fbusy}")


if __name__ == "__main__":
    main()
