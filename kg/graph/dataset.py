"""The built graph: its named graphs as pyoxigraph quads, each graph in one total order.

The builders (``kg.graph.build``, the audit's findings) add rdflib terms to a
plain ``set`` per named graph: rdflib's closed namespaces catch a misspelt
term, and a set keeps a triple added twice (a sentence cited by two
mentions) once. ``to_quads`` then turns one graph's triples into pyoxigraph
quads, sorted by their N-Quads form. ``Graphs`` maps each graph's IRI to its
quads; read in IRI order (``ordered``) they are the whole graph in a total
order, so every serialiser fed with them writes the same bytes for the same
graph, and pyoxigraph's TriG writer groups them by graph, subject and
predicate.

Those quads, not a store's, are what gets written: Oxigraph keeps numbers by
value (``"7.0"^^xsd:decimal`` comes back as ``"7"``), while the files keep
each literal's lexical form as built.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from itertools import islice

import pyoxigraph as ox
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from kg.namespaces import bind_prefixes

Triple = tuple[Node, Node, Node]
Triples = set[Triple]  # one named graph while it is built
Graphs = MutableMapping[str, list[ox.Quad]]  # graph IRI -> its quads, sorted (a dict, or kg.graph.shards.Shards)


def to_quads(name: URIRef, triples: Triples) -> list[ox.Quad]:
    """The triples of graph ``name`` as pyoxigraph quads, in the order of their N-Quads lines."""
    convert = _Converter()
    graph = convert(name)
    return sorted((ox.Quad(convert(s), convert(p), convert(o), graph) for s, p, o in triples), key=str)


def nquads_lines(name: URIRef, triples: Iterable[Triple]) -> list[str]:
    """The N-Quads lines (without " .") of graph ``name``'s distinct triples, in the order of
    ``to_quads``: the same graph, held as one string a quad instead of the triples, their quads and
    the quads' sort keys."""
    convert = _Converter()
    graph = convert(name)
    lines = {str(ox.Quad(convert(s), convert(p), convert(o), graph)) for s, p, o in triples}
    return sorted(lines)


def to_graphs(graphs: Mapping[URIRef, Triples]) -> Graphs:
    """Every graph that holds a triple, as ``to_quads`` gives it."""
    return {str(name): to_quads(name, triples) for name, triples in graphs.items() if triples}


def ordered(graphs: Graphs) -> Iterator[ox.Quad]:
    """All quads, graph by graph in IRI order."""
    for name in sorted(graphs):
        yield from graphs[name]


def count(graphs: Graphs) -> int:
    quads = getattr(graphs, "quads", None)  # kg.graph.shards.Shards counts without reading its files
    return quads() if quads is not None else sum(len(q) for q in graphs.values())


def to_store(graphs: Graphs, store: ox.Store | None = None) -> ox.Store:
    """The quads in an Oxigraph store (a new in-memory one unless ``store`` is given)."""
    store = store if store is not None else ox.Store()
    store.extend(ordered(graphs))
    return store


LOAD_BATCH = 50_000  # quads per bulk load into a store (load_store)


def load_store(store: ox.Store, quads: Iterable[ox.Quad]) -> None:
    """Add ``quads`` to ``store`` with Oxigraph's bulk loader, ``LOAD_BATCH`` at a time.

    For an on-disk store this is what keeps the memory down: a transaction
    (``Store.extend``) holds its writes in RocksDB's buffers (0.8 GB for the
    1 M quads of 100 reports, more than the in-memory store), and one bulk
    load of them all sorts them all in memory at once (1.6 GB); batches of
    50,000 held 150 MB. Not atomic: for a store being built, not one being read."""
    it = iter(quads)
    while batch := list(islice(it, LOAD_BATCH)):
        store.bulk_extend(batch)


def to_dataset(graphs: Graphs) -> Dataset:
    """The quads in an rdflib Dataset, through N-Quads (for rdflib's serialisers and for tests)."""
    ds = Dataset()
    ds.parse(data=ox.serialize(ordered(graphs), format=ox.RdfFormat.N_QUADS), format="nquads")
    return bind_prefixes(ds)


class _Converter:
    """rdflib terms to pyoxigraph terms, each distinct term converted once (a graph repeats its
    predicates, types and report IRIs thousands of times)."""

    def __init__(self) -> None:
        self._known: dict[Node, ox.NamedNode | ox.Literal] = {}

    def __call__(self, term: Node) -> ox.NamedNode | ox.Literal:
        out = self._known.get(term)
        if out is None:
            if type(term) is URIRef:
                out = ox.NamedNode(term)
            elif type(term) is Literal:
                if term.language:
                    out = ox.Literal(term, language=term.language)
                elif term.datatype is not None:
                    out = ox.Literal(term, datatype=self(term.datatype))
                else:
                    out = ox.Literal(term)
            else:  # a blank node or a plain string: the builders mint IRIs for every node
                raise TypeError(f"not an IRI or a literal: {term!r}")
            self._known[term] = out
        return out
