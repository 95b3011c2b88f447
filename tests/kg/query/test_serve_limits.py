"""kg serve's front: SERVICE refused over HTTP, limits answered with a 4xx, a stuck or crashed
Oxigraph restarted, and Oxigraph never outliving kg serve (real processes, real sockets)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from helpers import Listener

from kg.query.guard import Limits
from kg.query.serve import Server, free_port

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 2,343³ rows: minutes of work


def _ask(url: str, query: str, how: str = "body", timeout: float = 30) -> tuple[int, str]:
    """Send ``query`` the three ways of the SPARQL Protocol; (status, body)."""
    accept = {"Accept": "application/sparql-results+json"}
    if how == "get":
        req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}), headers=accept)
    elif how == "form":
        req = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(), headers=accept)
    else:
        req = urllib.request.Request(
            url, data=query.encode(), headers={**accept, "Content-Type": "application/sparql-query"}
        )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.read().decode()


def _count(url: str) -> int:
    status, body = _ask(url, COUNT)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def server(tiny_build):
    warnings = []
    with Server(tiny_build, free_port(), timeout_s=1.5, warn=warnings.append) as s:
        s.warnings = warnings
        yield s


@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_service_is_refused_with_403_and_nothing_is_relayed(server, how):
    with Listener() as listener:
        for q in (
            f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
            f"ask {{ service silent <{listener.url}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ ?s ?p ?o # comment\n OPTIONAL {{ SERVICE <{listener.url}> {{ ?s ?q ?r }} }} }}",
        ):
            status, body = _ask(server.query_url, q, how)
            assert status == 403
            assert body == (
                f"the query calls SERVICE <{listener.url}>: federated queries are off (--allow-service turns them on)\n"
            )
            assert Listener.SECRET not in body
    assert listener.hits == []
    assert _count(server.query_url) > 0  # and the server still answers


def test_service_in_a_comment_or_string_is_an_ordinary_query(server):
    status, body = _ask(server.query_url, 'ASK { ?s ?p "SERVICE <http://127.0.0.1:9/>" } # SERVICE <http://x/> {}')
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": False}


def test_allowed_the_service_is_called(tiny_build):
    with Listener() as listener, Server(tiny_build, free_port(), limits=Limits(allow_service=True)) as s:
        status, body = _ask(s.query_url, f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}")
        assert listener.hits
    assert status == 200 and Listener.SECRET in body


def test_over_size_and_over_depth_get_a_4xx_and_the_server_keeps_running(server):
    pid = server.process.pid
    union = "SELECT * WHERE { " + " UNION ".join(f"{{ ?s ?p {i} }}" for i in range(10_000)) + " }"  # 209 KB
    status, body = _ask(server.query_url, union)
    assert (status, body) == (413, "the request is 208,902 bytes; the query limit is 65,536 (--max-query-bytes)\n")
    status, body = _ask(server.query_url, union, "get")  # a URL that long is refused by size too
    assert status in (413, 414) or status == 400, body
    nested = "SELECT * WHERE " + "{" * 5_000 + " ?s ?p ?o " + "}" * 5_000
    status, body = _ask(server.query_url, nested)
    assert status == 400 and body.startswith("the query nests 10,001 deep"), body
    chain = "ASK { FILTER(1 = " + "+".join(["1"] * 5_000) + ") }"  # 10 KB, and it stops Oxigraph with signal 6
    status, body = _ask(server.query_url, chain)
    assert status == 400 and "the limit is 1,000 (--max-depth)" in body, body
    assert server.process.pid == pid and server.process.poll() is None
    assert _count(server.query_url) > 0


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_query_past_the_time_limit_gets_422_and_leaves_no_core_busy(server):
    start = time.monotonic()
    status, body = _ask(server.query_url, CROSS)
    took = time.monotonic() - start
    assert (status, body) == (422, "the query ran past the 1.5 s time limit (--timeout)\n")
    assert took < 1.5 + 3.5
    time.sleep(0.3)
    pid = server.process.pid
    before = _cpu_seconds(pid)
    time.sleep(1.0)
    assert _cpu_seconds(pid) - before < 0.3, "the query still runs after its answer"
    assert _count(server.query_url) > 0


def test_a_client_that_leaves_does_not_keep_a_core_busy(server):
    pid = server.process.pid
    try:
        _ask(server.query_url, CROSS, timeout=0.3)
    except TimeoutError:
        pass
    time.sleep(1.5 + 3.5)  # the limit and the grace: by then Oxigraph has stopped it, or been restarted
    pid = server.process.pid
    before = _cpu_seconds(pid)
    time.sleep(1.0)
    assert _cpu_seconds(pid) - before < 0.3
    assert _count(server.query_url) > 0


def test_a_crashed_oxigraph_is_restarted_and_the_server_answers_again(server):
    old = server.process
    os.kill(old.pid, signal.SIGABRT)  # what 5,000 nested braces did to it
    old.wait(timeout=10)
    deadline = time.monotonic() + 15
    while (server.process is old or server.child_port is None) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.process is not old
    assert _count(server.query_url) > 0
    assert any("the oxigraph server stopped (signal 6 (SIGABRT))" in w for w in server.warnings), server.warnings


def test_update_and_unknown_routes_are_refused(server):
    req = urllib.request.Request(
        server.url + "update", data=b"update=INSERT DATA { <urn:a> <urn:b> <urn:c> }", method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 403
    err.value.close()
    form_update = urllib.request.Request(server.query_url, data=b"update=INSERT+DATA+%7B%7D")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(form_update, timeout=10)
    assert err.value.code == 403
    err.value.close()
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(server.url + "nowhere", timeout=10)
    assert err.value.code == 404
    err.value.close()
    two = server.query_url + "?" + urllib.parse.urlencode([("query", "ASK {}"), ("query", COUNT)])
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(two, timeout=10)
    assert err.value.code == 400
    err.value.close()


def _children(pid: int) -> list[int]:
    out = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as fh:
            out += [int(c) for c in fh.read().split()]
    return out


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return any(line.startswith("State:") and "Z" in line for line in fh)  # a zombie is dead
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_oxigraph_dies_with_kg_serve_killed_with_9(tiny_build):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--out", str(tiny_build), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr.readline().startswith("Serving ")
        (child,) = _children(proc.pid)
        with open(f"/proc/{child}/cmdline", "rb") as fh:
            assert b"serve-read-only" in fh.read()  # the launcher became Oxigraph itself
        assert _count(f"http://127.0.0.1:{port}/query") > 0
        proc.kill()
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while not _gone(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(child), "oxigraph outlived kg serve"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()


def test_past_the_running_cap_a_query_gets_503_at_once(tiny_build):
    import threading

    with Server(tiny_build, free_port(), timeout_s=1.5, max_running=1, warn=lambda m: None) as s:
        slow = threading.Thread(target=_ask, args=(s.query_url, CROSS))
        slow.start()
        time.sleep(0.3)
        start = time.monotonic()
        status, body = _ask(s.query_url, COUNT)
        assert (status, body) == (503, "too many queries at once (--max-running); try again when one has ended\n")
        assert time.monotonic() - start < 1.0
        slow.join(timeout=15)
        assert _count(s.query_url) > 0  # the slot is free again
