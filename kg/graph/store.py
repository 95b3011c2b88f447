"""The build folder's graph files, in every format, and the stores that read them back.

``graph.trig`` is the graph of record; every command that works on a built
graph reads it from the build folder (``--out DIR``). The files are written
by the libraries' own serialisers from the built quads in their one order
(``kg.graph.dataset``): pyoxigraph writes TriG, N-Quads (both graph by
graph, then by N-Quads line) and Turtle (the union of the graphs, by
N-Triples line); rdflib writes JSON-LD, compacted with the project's
prefixes, whose arrays are then sorted (rdflib follows no total order there).
pyoxigraph declares the prefixes in an order of its own that depends only on
the set of prefixes (not on the process or on PYTHONHASHSEED; tested).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from extract.errors import InputError
from kg.graph.dataset import Graphs, ordered, to_dataset
from kg.graph.shards import Shards
from kg.namespaces import PREFIXES, bind_prefixes

GRAPH_FILE = "graph.trig"
MANIFEST_FILE = "manifest.json"
EXTRACTION_FILE = "extraction.json"

# format name -> file written in the build folder
FORMATS: dict[str, str] = {
    "trig": GRAPH_FILE,
    "turtle": "graph.ttl",
    "nquads": "graph.nq",
    "json-ld": "graph.jsonld",
}


def serialize(graphs: Graphs, fmt: str) -> bytes:
    """``graphs`` in ``fmt`` (a key of FORMATS), the same bytes for the same quads."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt in ("trig", "nquads"):
        buf = io.BytesIO()
        _write_format(graphs, fmt, buf)
        return buf.getvalue()
    if fmt == "turtle":  # Turtle has no graphs: the union, as one graph
        triples = sorted({q.triple for q in ordered(graphs)}, key=str)
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    data = json.loads(to_dataset(graphs).serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True))
    return (json.dumps(_sorted_json(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _sorted_json(value):
    """JSON-LD with every array in a total order: without @list, array order carries no meaning."""
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def union_graph(ds: Dataset) -> Graph:
    g = bind_prefixes(Graph())
    for ctx in ds.graphs():
        for triple in ctx:
            g.add(triple)
    return g


def save_build(
    out_dir: str | Path,
    graphs: Graphs,
    formats: Iterable[str] = ("trig",),
    extraction: str | Iterable[str] | None = None,
    manifest: dict | None = None,
) -> list[Path]:
    """Write the graph (always TriG, plus ``formats``), the extraction JSON (a string, or its pieces
    in order: ``extract.contract.iter_corpus_json``) and a manifest.

    TriG and N-Quads are streamed into their files graph by graph (a graph
    of thousands of reports is never one string in memory); every file is
    written under a temporary name first and all are renamed at the end, so
    a bad format name or a failed write leaves the folder as it was.
    """
    out = Path(out_dir)
    wanted = ["trig", *sorted(set(formats) - {"trig"})]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise InputError(f"unknown format {unknown[0]!r}; choose one of: {', '.join(FORMATS)}")
    staged: dict[str, Path] = {}
    try:
        for f in wanted:
            staged[FORMATS[f]] = _staged(out, lambda fh, f=f: _write_format(graphs, f, fh))
        if extraction is not None:
            staged[EXTRACTION_FILE] = _staged(out, lambda fh: _write_text(fh, extraction))
        info = dict(manifest or {})
        info["graph"] = GRAPH_FILE
        info["formats"] = {f: FORMATS[f] for f in wanted}
        info["sha256"] = {name: file_sha256(path) for name, path in sorted(staged.items())}
        data = (json.dumps(info, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
        staged[MANIFEST_FILE] = _staged(out, lambda fh: fh.write(data))
        for name, tmp in staged.items():
            os.replace(tmp, out / name)
    except OSError as exc:
        raise InputError(f"cannot write into {out_dir}: {exc.strerror or exc}") from None
    finally:
        for tmp in staged.values():
            if tmp.exists():
                tmp.unlink()
    return [out / name for name in staged]


def _write_text(fh, text: str | Iterable[str]) -> None:
    for piece in [text] if isinstance(text, str) else text:
        fh.write(piece.encode("utf-8"))


def _write_format(graphs: Graphs, fmt: str, fh) -> None:
    """Graphs on disk (``kg.graph.shards.Shards``) already hold their TriG and N-Quads, graph by
    graph, written when they were built: those are joined, the same bytes as the serialiser's."""
    on_disk = isinstance(graphs, Shards)
    if fmt == "trig":
        if on_disk:
            graphs.write_trig(fh)
        else:
            ox.serialize(ordered(graphs), fh, ox.RdfFormat.TRIG, prefixes=PREFIXES)
    elif fmt == "nquads":
        if on_disk:
            graphs.write_nquads(fh)
        else:
            ox.serialize(ordered(graphs), fh, ox.RdfFormat.N_QUADS)
    else:
        fh.write(serialize(graphs, fmt))


def _staged(out: Path, write) -> Path:
    """A temporary file in ``out`` that ``write(binary file)`` filled."""
    out.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=out)
    path = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.chmod(path, 0o666 & ~_umask())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in blocks (graph files of the national corpus run to hundreds of MB)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def graph_path(out_dir: str | Path) -> Path:
    """The built graph, or an error that says how to build it."""
    path = Path(out_dir) / GRAPH_FILE
    if not path.is_file():
        raise InputError(f"no built graph in {out_dir} ({path} is missing): run `kg build --out {out_dir}` first")
    return path


def load_dataset(out_dir: str | Path) -> Dataset:
    """The built graph in rdflib, with the union of all graphs as the default graph."""
    ds = Dataset(default_union=True)
    try:
        ds.parse(graph_path(out_dir), format="trig")
    except (SyntaxError, ValueError) as exc:  # rdflib's parser errors are BadSyntax, a SyntaxError
        raise InputError(f"{graph_path(out_dir)} is not valid TriG: {_one_line(exc)}") from exc
    return bind_prefixes(ds)


def load_oxigraph(out_dir: str | Path) -> ox.Store:
    """The built graph in an in-memory Oxigraph store."""
    path = graph_path(out_dir)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"{path} is not valid TriG: {_one_line(exc)}") from exc
    return store


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
