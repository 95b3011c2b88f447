"""kg serve: a real Oxigraph server process over the built graph, read-only, always stopped."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query.serve import STORE_DIR, Server, check_port, free_port, prepare_store

SELECT = """PREFIX pkg: <https://w3id.org/policy-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?label WHERE { ?p a pkg:Park ; skos:prefLabel ?label } ORDER BY ?label"""


def _select(url: str, query: str) -> dict:
    req = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        assert resp.headers["Content-Type"].startswith("application/sparql-results+json")
        return json.load(resp)


def _port_is_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT leftovers are no listener
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_server_answers_select_with_json_refuses_update_and_stops(tiny_build):
    server = Server(tiny_build, free_port())
    try:
        server.start()
        data = _select(server.query_url, SELECT)
        assert data["head"]["vars"] == ["label"]
        assert [b["label"] for b in data["results"]["bindings"]] == [
            {"type": "literal", "value": "星河产业园", "xml:lang": "zh"},
            {"type": "literal", "value": "绿谷物流园", "xml:lang": "zh"},
        ]
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(
                urllib.request.Request(
                    server.url + "update",
                    data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                    headers={"Content-Type": "application/sparql-update"},
                ),
                timeout=10,
            )
        assert err.value.code == 403
        err.value.close()  # the error holds the response, and its socket, open
        # nothing was written: the graph still has no <urn:a>
        ask = _select(server.query_url, "ASK { <urn:a> ?p ?o }")
        assert ask["boolean"] is False
        with urllib.request.urlopen(server.url, timeout=10) as page:  # the query page
            assert page.status == 200 and "html" in page.headers["Content-Type"]
        proc = server.process
    finally:
        server.stop()
    assert proc.poll() is not None
    assert _port_is_free(server.port)


def test_store_is_loaded_once_and_reloaded_when_the_graph_changes(tiny_build, tmp_path):
    import shutil

    out = tmp_path / "b"
    shutil.copytree(tiny_build, out)
    store = prepare_store(out)
    assert store == out / STORE_DIR and store.is_dir()
    mtime = (out / ".oxigraph.sha256").stat().st_mtime_ns
    assert prepare_store(out) == store
    assert (out / ".oxigraph.sha256").stat().st_mtime_ns == mtime
    with open(out / "graph.trig", "a", encoding="utf-8") as fh:
        fh.write('\n<urn:new> { <urn:a> <urn:b> "c" . }\n')
    prepare_store(out)
    with Server(out, free_port()) as server:
        assert _select(server.query_url, 'ASK { <urn:a> <urn:b> "c" }')["boolean"] is True


def test_a_store_loaded_without_compaction_is_loaded_again_and_compacted(tiny_build, tmp_path):
    """Stores of an earlier kg serve were not compacted (each lookup read every file the bulk load left):
    their stamp holds the digest alone, and the next start loads and compacts the store again."""
    import shutil

    from kg.graph.store import file_sha256

    out = tmp_path / "b"
    shutil.copytree(tiny_build, out)
    store = prepare_store(out)
    stamp = out / ".oxigraph.sha256"
    digest = file_sha256(out / "graph.trig")
    assert stamp.read_text() == f"{digest} optimized\n"
    (store / "marker").write_text("the old store")
    stamp.write_text(digest + "\n")  # as an earlier kg serve wrote it
    assert prepare_store(out) == store
    assert not (store / "marker").exists()
    assert stamp.read_text() == f"{digest} optimized\n"
    with Server(out, free_port()) as server:
        assert _select(server.query_url, SELECT)["results"]["bindings"][0]["label"]["value"] == "星河产业园"


def test_port_in_use_is_a_clear_error(tiny_build):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        r = CliRunner().invoke(cli, ["serve", "--out", str(tiny_build), "--port", str(port)])
    assert r.exit_code == 2
    assert r.stderr == (f"Error: port {port} on 127.0.0.1 is in use: stop what holds it or pick another with --port\n")


def test_port_out_of_range_is_refused():
    from extract.errors import InputError

    with pytest.raises(InputError, match="--port must be between 1 and 65535, not 70000"):
        check_port(70000)


def test_serve_before_build_says_how_to_build(tmp_path):
    r = CliRunner().invoke(cli, ["serve", "--out", str(tmp_path), "--port", str(free_port())])
    assert r.exit_code == 2
    assert "run `kg build --out" in r.stderr


def _serve_and_stop(tiny_build, stop, between=lambda port: None, preexec_fn=None) -> None:
    """Run ``kg serve`` in a process, wait for its 'Serving' line, run
    ``between``, send ``stop``: it must exit 0 and free its port (the oxigraph
    server must not outlive it)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--out", str(tiny_build), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=preexec_fn,
    )
    try:
        line = proc.stderr.readline()
        assert line.startswith(f"Serving {tiny_build}/graph.trig read-only: query page http://127.0.0.1:{port}/")
        between(port)
        proc.send_signal(stop)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    deadline = time.monotonic() + 5
    while not _port_is_free(port) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _port_is_free(port), "the oxigraph server outlived kg serve"


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_kg_serve_command_serves_until_stopped_and_stops_the_server(tiny_build, stop):
    def query(port):
        data = _select(f"http://127.0.0.1:{port}/query", SELECT)
        assert len(data["results"]["bindings"]) == 2

    _serve_and_stop(tiny_build, stop, query)


def test_kg_serve_stopped_the_moment_it_says_it_is_up_still_stops_cleanly(tiny_build):
    """The SIGTERM handler is in place before the 'Serving' line: a client that
    stops kg serve at once must not leave the oxigraph server behind."""
    _serve_and_stop(tiny_build, signal.SIGTERM)


def test_kg_serve_stops_on_ctrl_c_even_when_started_with_sigint_ignored(tiny_build):
    """What a background shell job does to its children: Ctrl-C (kill -INT) must still stop kg serve."""
    _serve_and_stop(tiny_build, signal.SIGINT, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
