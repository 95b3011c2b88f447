"""A content-addressed cache of each report's first extraction pass (``.kg-cache/``).

The first pass (the rules of ``extract.entities`` over a report's folded
text) is most of the extraction's work and depends on nothing but that text
and the extractor itself, so its result is kept under the sha256 of both:
the text, and a fingerprint of the extractor (the source of
``extract/entities``, the lexicon files, spaCy's version and the chunk
size). A rebuild after one report changed runs the rules over that report
only; editing the extractor or a lexicon changes the fingerprint and every
entry is missed (never a stale result). The corpus-wide steps that follow
(the gazetteer's second pass, resolution) run again over every report: they
are what make a name found in one report count in another.

An entry is a small JSON file written atomically, so two builds sharing a
cache (or a build killed mid-write) never leave half an entry; an entry
that cannot be read is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .entities.candidate import Candidate
from .errors import InputError
from .fileio import write_atomic

FORMAT = "1"  # bump when the entry layout changes

# one chunk of a report: [start, end) and the candidates the rules proposed and chose there
Found = tuple[int, int, list[Candidate], list[Candidate]]

_FIELDS = ("start", "end", "type", "rule", "head", "kind", "priority", "canonical")


def fingerprint(chunk_size: int) -> str:
    """What the first pass's result depends on besides the text."""
    import spacy

    h = hashlib.sha256(f"{FORMAT}\n{spacy.__version__}\n{chunk_size}\n".encode())
    for package in ("entities", "lexicon"):
        root = resources.files("extract") / package
        for entry in sorted(root.iterdir(), key=lambda p: p.name):
            if entry.is_file() and not entry.name.endswith(".pyc"):
                h.update(f"{package}/{entry.name}\n".encode())
                h.update(entry.read_bytes())
    return h.hexdigest()


@dataclass
class Cache:
    """The cache folder, and what this build read from it (``hits``) and wrote to it (``misses``):
    report names, in the order they were asked for."""

    root: Path
    version: str
    hits: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def key(self, folded: str) -> str:
        return hashlib.sha256(f"{self.version}\n{folded}".encode()).hexdigest()

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, name: str, folded: str) -> list[Found] | None:
        try:
            data = json.loads(self.path(self.key(folded)).read_text(encoding="utf-8"))
            found = [(a, b, _candidates(cands), _candidates(chosen)) for a, b, cands, chosen in data["chunks"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        self.hits.append(name)
        return found

    def put(self, name: str, folded: str, found: list[Found]) -> None:
        self.misses.append(name)
        data = {"chunks": [[a, b, _rows(cands), _rows(chosen)] for a, b, cands, chosen in found]}
        try:
            write_atomic(str(self.path(self.key(folded))), json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        except InputError:
            pass  # a cache that cannot be written makes the next build slower, not wrong


def default_cache_dir(out_dir: str | os.PathLike) -> Path:
    """``.kg-cache`` beside the build folder: outside it, so swapping the folder in keeps the cache."""
    out = Path(os.path.abspath(out_dir))
    return out.parent / ".kg-cache"


def open_cache(root: str | os.PathLike, chunk_size: int) -> Cache:
    return Cache(Path(root), fingerprint(chunk_size))


def _rows(cands: list[Candidate]) -> list[list]:
    return [[getattr(c, f) for f in _FIELDS] for c in cands]


def _candidates(rows: list[list]) -> list[Candidate]:
    return [Candidate(*row) for row in rows]
