"""The graph while it is built: named graphs held as plain sets of rdflib triples.

``kg build`` only ever adds triples, then hands the graph on three ways: as
TriG (``kg/trig.py``), as a pyoxigraph store for the SPARQL of the audit and
the site, and, for ``--format turtle/nquads/json-ld`` and for callers that
want one, as an rdflib ``Dataset``. An rdflib memory store indexes each
triple three ways and fires an event per ``add``; on the national corpus
(430,000 quads) that cost 12 s of a build, against about one here. The terms
stay rdflib's (``URIRef``, ``Literal``), so every route sees the very same
values, and the TriG writer can order them exactly as rdflib does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager

from kg.namespaces import bind_prefixes

Triple = tuple


class NamedGraph:
    """One named graph: a set of triples, with the ``add`` the graph builders call."""

    __slots__ = ("identifier", "_triples")

    def __init__(self, identifier: URIRef):
        self.identifier = identifier
        self._triples: set[Triple] = set()

    def add(self, triple: Triple) -> None:
        self._triples.add(triple)

    def update(self, triples: Iterable[Triple]) -> None:
        self._triples.update(triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __contains__(self, triple: Triple) -> bool:
        return triple in self._triples


class Quads:
    """Named graphs by IRI, and the prefixes they are written with.

    ``namespace_manager`` is the one rdflib would use for the same graph (the
    project's prefixes, then those of ontology/policy-kg.ttl): the TriG
    writer asks it for prefixed names, so the file reads as before.
    """

    def __init__(self, namespace_manager: NamespaceManager | None = None):
        self.namespace_manager = namespace_manager or bind_prefixes(Graph()).namespace_manager
        self._graphs: dict[URIRef, NamedGraph] = {}

    def graph(self, identifier: URIRef) -> NamedGraph:
        g = self._graphs.get(identifier)
        if g is None:
            g = self._graphs[identifier] = NamedGraph(identifier)
        return g

    def remove_graph(self, identifier: URIRef) -> None:
        self._graphs.pop(identifier, None)

    def graphs(self) -> list[NamedGraph]:
        """The graphs that hold a triple, in IRI order."""
        return [g for _, g in sorted(self._graphs.items(), key=lambda kv: str(kv[0])) if len(g)]

    def __len__(self) -> int:
        return sum(len(g) for g in self._graphs.values())

    def to_dataset(self) -> Dataset:
        """The same quads in an rdflib Dataset (its prefixes bound as here)."""
        ds = Dataset()
        for prefix, ns in self.namespace_manager.namespaces():
            ds.bind(prefix, ns, override=True, replace=True)
        for g in self.graphs():
            ds.graph(g.identifier).addN((s, p, o, ds.graph(g.identifier)) for s, p, o in g)
        return ds

    def to_oxigraph(self, store=None, only: Iterable[URIRef] | None = None):
        """The quads (of the graphs named in ``only``, else all) in a pyoxigraph
        store: a new in-memory one unless ``store`` is given."""
        import pyoxigraph as ox

        store = store if store is not None else ox.Store()
        convert = OxigraphTerms()
        wanted = set(only) if only is not None else None
        for g in self.graphs():
            if wanted is not None and g.identifier not in wanted:
                continue
            name = convert(g.identifier)
            store.extend([ox.Quad(convert(s), convert(p), convert(o), name) for s, p, o in g])
        return store


class OxigraphTerms:
    """rdflib terms to pyoxigraph terms, each distinct term converted once."""

    def __init__(self):
        self._cache: dict = {}

    def __call__(self, t):
        out = self._cache.get(t)
        if out is None:
            import pyoxigraph as ox

            if isinstance(t, URIRef):
                out = ox.NamedNode(str(t))
            elif isinstance(t, BNode):
                out = ox.BlankNode(str(t))
            elif isinstance(t, Literal):
                if t.language:
                    out = ox.Literal(str(t), language=t.language)
                elif t.datatype is not None:
                    out = ox.Literal(str(t), datatype=self(t.datatype))
                else:
                    out = ox.Literal(str(t))
            else:
                raise TypeError(f"not an RDF term: {t!r}")
            self._cache[t] = out
        return out
