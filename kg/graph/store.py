"""The build folder: graph files in every format, byte-stable, and the stores that read them.

``graph.trig`` is the graph of record; every command that works on a built
graph reads it from the build folder (``--out DIR``). rdflib's serialisers
sort subjects and objects but not named graphs (the memory store keeps them
in a set), nor N-Quads lines, nor JSON-LD arrays, so each format is put in
a total order here before it is written.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.plugins.serializers.trig import TrigSerializer

from extract.errors import InputError
from extract.fileio import write_atomic
from kg.graph.quads import Quads
from kg.graph.trig import serialize_trig
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


class _SortedTrigSerializer(TrigSerializer):
    """rdflib's TriG writer with the named graphs in IRI order."""

    def __init__(self, store):
        super().__init__(store)
        self.contexts.sort(key=lambda g: str(g.identifier))


def serialize(ds: Dataset | Quads, fmt: str) -> bytes:
    """``ds`` in ``fmt`` (a key of FORMATS), the same bytes for the same quads.

    TriG of a ``Quads`` comes from kg/trig.py, rdflib's layout without
    rdflib's cost; everything else goes through rdflib."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if isinstance(ds, Quads):
        if fmt == "trig":
            data = serialize_trig(ds.graphs(), ds.namespace_manager)
            if data is not None:
                return data
        ds = ds.to_dataset()
    if fmt == "trig":
        buf = io.BytesIO()
        _SortedTrigSerializer(ds).serialize(buf, encoding="utf-8")
        return buf.getvalue()
    if fmt == "turtle":  # Turtle has no graphs: the union, as one graph
        return union_graph(ds).serialize(format="turtle", encoding="utf-8")
    if fmt == "nquads":
        lines = ds.serialize(format="nquads", encoding="utf-8").decode("utf-8").splitlines()
        return "".join(line + "\n" for line in sorted(set(lines)) if line.strip()).encode("utf-8")
    data = json.loads(ds.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True))
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
    ds: Dataset | Quads,
    formats: Iterable[str] = ("trig",),
    extraction: str | None = None,
    manifest: dict | None = None,
) -> list[Path]:
    """Write the graph (always TriG, plus ``formats``), the extraction JSON and a manifest.

    Everything is serialised before anything is written, so a bad format name
    leaves the folder as it was.
    """
    out = Path(out_dir)
    wanted = ["trig", *sorted(set(formats) - {"trig"})]
    payloads = {FORMATS.get(f, f): serialize(ds, f) for f in wanted[:1]}
    if len(wanted) > 1 and isinstance(ds, Quads):
        ds = ds.to_dataset()  # once for every other format
    payloads.update({FORMATS.get(f, f): serialize(ds, f) for f in wanted[1:]})
    if extraction is not None:
        payloads[EXTRACTION_FILE] = extraction.encode("utf-8")
    info = dict(manifest or {})
    info["graph"] = GRAPH_FILE
    info["formats"] = {f: FORMATS[f] for f in wanted}
    info["sha256"] = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(payloads.items())}
    payloads[MANIFEST_FILE] = (json.dumps(info, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
    written = []
    for name, data in payloads.items():
        write_atomic(str(out / name), data)
        written.append(out / name)
    return written


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


def load_oxigraph(out_dir: str | Path):
    """The built graph in an in-memory Oxigraph store."""
    import pyoxigraph as ox

    path = graph_path(out_dir)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"{path} is not valid TriG: {_one_line(exc)}") from exc
    return store


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
