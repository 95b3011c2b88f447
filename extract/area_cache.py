"""A content-addressed cache of each area's results (``.kg-cache/areas/``): its records, its report graphs.

Since each area is extracted as a corpus of its own (``extract.partition``),
everything an area's records hold depends on that area's reports and on the
code alone; so does each of its reports' graph. A rebuild after one report
changed can therefore take every other area's results as they were: the
records after the second pass and resolution, and (``kg.graph.build``) each
report's N-Quads shard, its TriG block and what it adds to the corpus graph.
Only the changed report's area is extracted and built again.

The key of an area is the sha256 of what its records derive from: each
report as loaded (its display path, its normalised text and every field of
its metadata, so a ``reports.tsv`` or ``--year`` that changes them changes
the key), the curation decisions, and a fingerprint of the code (every
source and data file of the ``extract`` package, spaCy's version). The
graphs add a fingerprint of their builder (``kg.graph``, the namespaces,
the ontology and vocabularies, rdflib's and pyoxigraph's versions). A
change anywhere in the code misses every entry, never serves a stale one.

Entries are pickles of the project's own record classes: the cache is a
folder the user's own builds write (like Python's ``__pycache__``), and a
pickle reads back every dataclass, set and rdflib term as it was, which a
JSON layout of all of them would have to spell out field by field. An
entry that cannot be read is a miss; entries are written atomically.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import InputError
from .fileio import write_atomic
from .records import Document

FORMAT = "1"  # bump when an entry's layout changes

_META = ("path", "title", "area", "reviewed_year", "plan_year", "date", "kind", "format", "area_code", "encoding")


def area_key(documents: Sequence[Document], decisions: Iterable = (), version: str = "") -> str:
    """The sha256 of an area's inputs: its reports as loaded, the curation decisions and ``version``."""
    h = hashlib.sha256(f"{FORMAT}\n{version}\n".encode())
    for d in documents:
        meta = [repr(getattr(d, name)) for name in _META]
        meta.append(repr(sorted((k, repr(v)) for k, v in d.sources.items())))
        meta.append(repr(d.pinyin))
        h.update("\x1f".join(meta).encode())
        h.update(b"\x1e")
        h.update(d.text.encode())
        h.update(b"\x1d")
    for dec in decisions:
        h.update(repr(dec).encode())
    return h.hexdigest()


@cache
def code_fingerprint(*packages: str) -> str:
    """The sha256 of every source and data file of ``packages`` (the embedded samples aside), and of
    the versions of the libraries whose output the records and graphs hold."""
    import pyoxigraph
    import rdflib
    import spacy

    h = hashlib.sha256(f"{spacy.__version__}\n{rdflib.__version__}\n{pyoxigraph.__version__}\n".encode())
    for package in packages:
        for path in sorted(_files(resources.files(package)), key=lambda p: p[0]):
            h.update(f"{package}/{path[0]}\n".encode())
            h.update(path[1].read_bytes())
    return h.hexdigest()


def _files(root, prefix: str = "") -> list:
    out = []
    for entry in root.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.name in ("__pycache__", "samples") or entry.name.endswith(".pyc"):
            continue
        if entry.is_dir():
            out += _files(entry, name + "/")
        elif entry.is_file():
            out.append((name, entry))
    return out


@dataclass
class AreaCache:
    """The folder, and what this build took from it (``hits``) and put in it (``misses``): by kind
    of entry (``records`` of an area, ``graphs`` of a report), the areas' or reports' names in the
    order they were asked for."""

    root: Path
    hits: dict[str, list[str]] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.pickle"

    def get(self, kind: str, key: str, label: str) -> Any | None:
        try:
            with open(self.path(kind, key), "rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        self.hits.setdefault(kind, []).append(label)
        return value

    def put(self, kind: str, key: str, label: str, value: Any) -> None:
        self.misses.setdefault(kind, []).append(label)
        try:
            write_atomic(str(self.path(kind, key)), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except InputError:
            pass  # a cache that cannot be written makes the next build slower, not wrong
