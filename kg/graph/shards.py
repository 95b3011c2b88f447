"""The built graph on disk: one sorted N-Quads file per named graph, read back one graph at a time.

``Shards`` is a ``Graphs`` (graph IRI → its sorted quads) whose values live
in files: ``kg build`` puts each report's graph there as soon as it is built
and drops it from memory, so the build holds one report's graph at a time,
not the corpus's. Everything that reads ``Graphs`` reads it unchanged:
``ordered`` walks the graphs in IRI order, parsing one file at a time, and
the serialisers are fed the same quads in the same order as from memory (the
same bytes; tested). An N-Quads file keeps each literal's lexical form, as
the in-memory quads do and an Oxigraph store does not.

``mirror``, when given, is a store that receives each graph as it is set.
``kg build`` gives none: it loads its store from the files once they are
all written (``kg.pipeline.build_graph``), in bulk batches, on disk for a
large graph, so that the store's size is known before it is chosen and an
on-disk store is never filled through transactions (docs/scale.md).
``put_sorted`` writes a large graph (the corpus's, the audit's) straight
from its triples, as sorted lines, without a list of quads.

Beside each graph's N-Quads file is its block of TriG (``kg.graph.trig``),
written at the same time from the same quads: ``graph.trig`` is those
blocks joined, and ``graph.nq`` the N-Quads files joined, in graph IRI
order, so writing the graph files reads no quad back. ``write_shard`` is
what a worker process calls to make both files of a report's graph.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable, Iterator, MutableMapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg.graph import dataset, trig
from kg.graph.dataset import nquads_lines


def write_shard(path: Path, quads: list[ox.Quad]) -> None:
    """Graph ``quads`` (sorted, one graph) as its N-Quads file ``path`` and its TriG block beside it."""
    ox.serialize(quads, output=str(path), format=ox.RdfFormat.N_QUADS)
    trig.write_body_file(quads, trig_file(path))


def trig_file(path: Path) -> Path:
    """The TriG block beside the N-Quads file ``path`` of a graph."""
    return path.with_suffix(".trig")


class Shards(MutableMapping[str, list[ox.Quad]]):
    """Named graphs as files under ``root`` (made if missing)."""

    def __init__(self, root: str | Path, mirror: ox.Store | None = None) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._index: dict[str, tuple[Path, int]] = {}
        self.mirror = mirror  # a store that receives every graph as it is set (None: none)

    @staticmethod
    def file_for(root: Path, name: str) -> Path:
        return root / f"{hashlib.sha256(name.encode()).hexdigest()[:24]}.nq"

    def __setitem__(self, name: str, quads: list[ox.Quad]) -> None:
        path = self.file_for(self.root, name)
        write_shard(path, quads)
        self._index[name] = (path, len(quads))
        if self.mirror is not None:
            self.mirror.extend(quads)

    def put_sorted(self, name: str, triples: Iterable) -> int:
        """Set graph ``name`` from rdflib triples, written as ``kg.graph.dataset.nquads_lines``
        gives them (the file ``__setitem__`` would write for ``to_quads`` of them); how many quads.
        An empty graph is not set."""
        lines = nquads_lines(URIRef(name), triples)
        if lines:
            path = self.file_for(self.root, name)
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.writelines(f"{line} .\n" for line in lines)
            trig.write_body_file(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS), trig_file(path))
            self.adopt(name, path, len(lines))
        return len(lines)

    def stream(self, name: str) -> Iterator[ox.Quad]:
        """The quads of graph ``name`` one by one, as ``self[name]`` lists them."""
        path, _ = self._index[name]
        return ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)

    def adopt(self, name: str, path: Path, quads: int) -> None:
        """Take graph ``name`` from the files another process wrote at ``file_for(root, name)``
        (``write_shard``); an empty graph is dropped, as ``to_graphs`` drops it."""
        if not quads:
            path.unlink(missing_ok=True)
            trig_file(path).unlink(missing_ok=True)
            return
        self._index[name] = (path, quads)
        if self.mirror is not None:
            self.mirror.extend(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))

    def __getitem__(self, name: str) -> list[ox.Quad]:
        path, _ = self._index[name]
        return list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))

    def __delitem__(self, name: str) -> None:
        path, _ = self._index.pop(name)
        path.unlink(missing_ok=True)
        trig_file(path).unlink(missing_ok=True)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._index))

    def __len__(self) -> int:
        return len(self._index)

    def quads(self) -> int:
        """How many quads in all, without reading a file."""
        return sum(n for _, n in self._index.values())

    def files(self) -> list[Path]:
        """The graphs' N-Quads files, in graph IRI order: joined, they are the whole graph's N-Quads."""
        return [self._index[name][0] for name in sorted(self._index)]

    def load(self, store: ox.Store, names: Iterable[str] | None = None) -> None:
        """The quads of every graph (or of ``names``), in graph IRI order, into ``store`` with
        Oxigraph's bulk loader, ``LOAD_BATCH`` lines of the files at a time (the batches of
        ``kg.graph.dataset.load_store``). The lines go to the loader as bytes, unparsed here, and
        leniently (IRIs not validated again): the files hold only what ``ox.serialize`` wrote from
        valid terms. A sixth less CPU than parsing them into quads and handing those over."""
        batch: list[bytes] = []
        for name in sorted(self._index if names is None else names):
            with open(self._index[name][0], "rb") as fh:
                for line in fh:
                    batch.append(line)
                    if len(batch) >= dataset.LOAD_BATCH:
                        store.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS, lenient=True)
                        batch.clear()
        if batch:
            store.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS, lenient=True)

    def write_trig(self, fh) -> None:
        """The whole graph as TriG into binary file ``fh``: what ``ox.serialize`` writes for
        ``kg.graph.dataset.ordered(self)``, from the graphs' blocks."""
        trig.write_trig(fh, [trig_file(path) for path in self.files()])

    def write_nquads(self, fh) -> None:
        """The whole graph as N-Quads into binary file ``fh``, the graphs' files joined."""
        for path in self.files():
            with open(path, "rb") as src:
                shutil.copyfileobj(src, fh, 1 << 20)

    def remove(self) -> None:
        """Delete the files (the build is written)."""
        self._index.clear()
        shutil.rmtree(self.root, ignore_errors=True)
