"""kg push: every named graph of the build lands in a real Oxigraph server through the Graph Store protocol."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from extract.errors import InputError, PolicyKGError
from kg.cli.main import cli
from kg.graph.store import load_oxigraph
from kg.push import push
from kg.query.serve import free_port, oxigraph_binary

COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@pytest.fixture
def store_server(tmp_path):
    """A writable Oxigraph server on a fresh on-disk store; its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stderr.close()


def _remote_counts(url: str) -> dict[str, int]:
    req = urllib.request.Request(
        f"{url}/query?{urllib.parse.urlencode({'query': COUNTS})}",
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(req, timeout=10) as r:
        rows = json.load(r)["results"]["bindings"]
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def _local_counts(out: Path) -> dict[str, int]:
    return {str(row["g"].value): int(row["n"].value) for row in load_oxigraph(out).query(COUNTS)}


def test_every_named_graph_arrives_whole_and_a_second_push_changes_nothing(tiny_build, store_server):
    expected = _local_counts(tiny_build)
    assert len(expected) >= 4  # the ontology, the corpus and each report's graph
    pushed = push(tiny_build, f"{store_server}/store")
    assert (pushed.graphs, pushed.triples) == (len(expected), sum(expected.values()))
    assert _remote_counts(store_server) == expected
    result = CliRunner().invoke(cli, ["push", "--out", str(tiny_build), "--endpoint", f"{store_server}/store"])
    assert result.exit_code == 0, result.output
    assert f"Pushed {len(expected)} graphs" in result.output
    assert _remote_counts(store_server) == expected  # PUT replaced, nothing doubled


def test_a_graph_larger_than_a_batch_is_sent_in_pieces(tiny_build, store_server, monkeypatch):
    monkeypatch.setattr("kg.push.BATCH", 50)
    push(tiny_build, f"{store_server}/store")
    assert _remote_counts(store_server) == _local_counts(tiny_build)


def test_a_graph_the_build_does_not_have_stays_in_the_store(tiny_build, store_server):
    other = ox.serialize(
        [ox.Triple(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b"), ox.Literal("c"))],
        format=ox.RdfFormat.N_TRIPLES,
    )
    req = urllib.request.Request(
        f"{store_server}/store?graph=http%3A%2F%2Fx%2Fg",
        data=other,
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    urllib.request.urlopen(req, timeout=10).read()
    push(tiny_build, f"{store_server}/store")
    assert _remote_counts(store_server)["http://x/g"] == 1


def test_an_unreachable_or_wrong_endpoint_is_one_line(tiny_build):
    with pytest.raises(InputError, match="must be an http"):
        push(tiny_build, "ftp://example.org/store")
    with pytest.raises(PolicyKGError, match="cannot reach the Graph Store"):
        push(tiny_build, f"http://127.0.0.1:{free_port()}/store", timeout=5)
    result = CliRunner().invoke(cli, ["push", "--out", str(tiny_build), "--endpoint", "nowhere"])
    assert result.exit_code == 2 and result.output.strip().startswith("Error: --endpoint must be an http")
