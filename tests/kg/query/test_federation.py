"""No query reaches the network unless asked: a real listener on 127.0.0.1 must see no request."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import Listener

from kg.graph.store import load_dataset, load_oxigraph
from kg.query.engines import OxigraphEngine, RdflibEngine
from kg.query.guard import FederationRefused
from kg.query.library import run_query


@pytest.fixture(scope="module")
def engines(tiny_build):
    return {"rdflib": RdflibEngine(load_dataset(tiny_build)), "oxigraph": OxigraphEngine(load_oxigraph(tiny_build))}


def _queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",  # an ASK is evaluated at once, even by a syntax check
        f"SELECT * WHERE {{ ?r a pkg:Report OPTIONAL {{ SERVICE <{url}> {{ ?r ?p ?o }} }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f'SELECT * WHERE {{ ?s ?p "# a hash" . SERVICE <{url}> {{ ?s ?q ?r }} }}',
        f"SELECT * WHERE {{ ?s ?p ?o \\u0053ERVICE <{url}> {{ ?s ?q ?r }} }}",
    ]


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_both_engines_refuse_every_service_and_send_nothing(engines, engine):
    with Listener() as listener:
        for q in _queries(listener.url):
            with pytest.raises(FederationRefused, match="--allow-service turns them on"):
                run_query(None, q, loaded=engines[engine])
    assert listener.hits == []


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_allowed_the_service_is_called(tiny_build, engine):
    """The flag does turn federation on: the listener is asked, and its answer is read."""
    eng = {
        "rdflib": RdflibEngine(load_dataset(tiny_build), allow_service=True),
        "oxigraph": OxigraphEngine(load_oxigraph(tiny_build), allow_service=True),
    }[engine]
    with Listener() as listener:
        res = run_query(None, f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}", loaded=eng)
    assert listener.hits, "the SERVICE was not called"
    assert [r[0].value for r in res.rows] == [Listener.SECRET]


def test_rdflib_does_not_download_a_from_iri(engines):
    """rdflib would fetch a FROM <http://…> graph from the web; here it names a graph of the dataset."""
    with Listener() as listener:
        res = run_query(None, f"SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }}", loaded=engines["rdflib"])
    assert listener.hits == []
    assert res.rows == []


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_kg_query_says_one_line_and_sends_nothing(tiny_build, engine):
    with Listener() as listener:
        q = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
        r = subprocess.run(
            [sys.executable, "-m", "kg.cli", "query", "--out", str(tiny_build), "--engine", engine, q],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert listener.hits == []
    assert r.returncode == 2
    assert r.stderr == (
        f"Error: the query calls SERVICE <{listener.url}>: federated queries are off (--allow-service turns them on)\n"
    )
    assert r.stdout == ""


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_kg_query_allowed_a_service_that_fails_is_one_line_not_a_traceback(tiny_build, engine):
    """A port that does not speak SPARQL: the error is one line; the listener saw the request."""
    with Listener() as listener:
        url = listener.url.replace("/sparql", "/not-sparql")
        listener.answer = b"not sparql results"
        q = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "kg.cli",
                "query",
                "--out",
                str(tiny_build),
                "--engine",
                engine,
                "--allow-service",
                q,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert listener.hits
    assert r.returncode == 2, r.stderr
    assert r.stderr.startswith("Error: ") and r.stderr.count("\n") == 1, r.stderr
    assert "Traceback" not in r.stderr
