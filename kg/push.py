"""``kg push``: the built dataset into any SPARQL 1.1 store, through the Graph Store HTTP Protocol.

Each named graph of ``graph.trig`` is sent with one ``PUT <store>?graph=<iri>``
(N-Triples): the store's copy of that graph is replaced, so pushing twice
leaves the store as pushing once, and graphs of the store that the build
does not have are left alone. The file is read as a stream, graph after
graph (kg build writes it graph by graph), so memory holds one graph at a
time, not the dataset.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from extract.errors import InputError, PolicyKGError
from kg.graph.store import graph_path

BATCH = 200_000  # triples per request at most; a larger graph is sent as one PUT and then POSTs


@dataclass(frozen=True)
class Pushed:
    endpoint: str
    graphs: int
    triples: int


def push(out_dir: str | Path, endpoint: str, timeout: float = 60.0) -> Pushed:
    """Replace each named graph of the build in the Graph Store at ``endpoint`` (``http://host:7878/store``)."""
    if urllib.parse.urlparse(endpoint).scheme not in ("http", "https"):
        raise InputError(f"--endpoint must be an http(s) URL of a Graph Store (…/store), not {endpoint!r}")
    graphs = triples = 0
    for name, batch, first in _batches(graph_path(out_dir)):
        _send(endpoint, name, batch, replace=first, timeout=timeout)
        graphs += first
        triples += len(batch)
    return Pushed(endpoint, graphs, triples)


def _batches(path: Path) -> Iterator[tuple[ox.NamedNode | None, list[ox.Triple], bool]]:
    """(graph, its triples, whether this is the graph's first batch), graph after graph."""
    current: ox.NamedNode | ox.DefaultGraph | None = None
    batch: list[ox.Triple] = []
    first = True
    try:
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.TRIG):
            if quad.graph_name != current or len(batch) >= BATCH:
                if batch:
                    yield _name(current), batch, first
                first = quad.graph_name != current
                current, batch = quad.graph_name, []
            batch.append(quad.triple)
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"{path} is not valid TriG: {' '.join(str(exc).split())}") from None
    if batch:
        yield _name(current), batch, first


def _name(graph) -> ox.NamedNode | None:
    return graph if isinstance(graph, ox.NamedNode) else None


def _send(endpoint: str, graph: ox.NamedNode | None, triples: list[ox.Triple], replace: bool, timeout: float) -> None:
    query = urllib.parse.urlencode({"graph": graph.value}) if graph is not None else "default"
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    request = urllib.request.Request(
        url, data=body, method="PUT" if replace else "POST", headers={"Content-Type": "application/n-triples"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read().decode("utf-8", "replace").split())[:200]
        raise PolicyKGError(
            f"{endpoint} refused graph {graph.value if graph else 'default'}: HTTP {exc.code} {detail}"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PolicyKGError(f"cannot reach the Graph Store at {endpoint}: {reason}") from None
