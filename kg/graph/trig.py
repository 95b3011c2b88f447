"""``graph.trig`` put together from one piece per named graph, each written when its graph is.

pyoxigraph's TriG writer starts with the ``@prefix`` lines of the prefixes
it is given (all of them, whether used or not) and then writes each graph as
a block that depends on that graph's quads alone. So the file for the whole
corpus is the prefix lines once, then every graph's block in graph IRI
order: the same bytes as one ``ox.serialize`` of all the quads (tested on
the samples and on awkward terms). That lets each report's block be written
by the process that built the report's graph, while its quads are still in
memory, instead of parsing every shard back at the end to write the file
(a parse of the whole graph, a second of CPU per 600,000 quads).

``body`` refuses a writer output that does not start with ``head()``: if a
later pyoxigraph wrote its prefixes otherwise, the build stops instead of
writing a file that ``ox.serialize`` would not.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.namespaces import PREFIXES

_PROBE = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"), ox.NamedNode("urn:x:g"))


@cache
def head() -> bytes:
    """The ``@prefix`` lines pyoxigraph writes before the first graph."""
    text = ox.serialize([_PROBE], format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    lines = text.splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if not line.startswith(b"@prefix "))
    return b"".join(lines[:n])


class _Headless:
    """A binary file that drops the first ``len(head())`` bytes written to it, after checking them."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.pending = b""
        self.checked = False

    def write(self, data: bytes) -> int:
        if self.checked:
            return self.fh.write(data)
        self.pending += bytes(data)
        expected = head()
        if len(self.pending) >= len(expected):
            if not self.pending.startswith(expected):
                raise RuntimeError(
                    "pyoxigraph's TriG writer no longer starts with the prefix lines kg.graph.trig expects"
                )
            self.fh.write(self.pending[len(expected) :])
            self.pending, self.checked = b"", True
        return len(data)

    def flush(self) -> None:
        self.fh.flush()

    def close(self) -> None:
        if self.pending:
            raise RuntimeError("pyoxigraph's TriG writer wrote less than its prefix lines")


def write_body(quads: Iterable[ox.Quad], fh: BinaryIO) -> None:
    """One graph's block, without the prefix lines, into ``fh`` (quads sorted, one graph)."""
    out = _Headless(fh)
    ox.serialize(quads, out, ox.RdfFormat.TRIG, prefixes=PREFIXES)
    out.close()


def write_body_file(quads: Iterable[ox.Quad], path: str | Path) -> None:
    with open(path, "wb") as fh:
        write_body(quads, fh)


def write_trig(fh: BinaryIO, bodies: Iterable[str | Path]) -> None:
    """The whole TriG file: the prefix lines, then the graphs' blocks from their files, in order.
    No graph, no prefix lines (as ``ox.serialize`` of no quads writes nothing)."""
    first = True
    for path in bodies:
        if first:
            fh.write(head())
            first = False
        with open(path, "rb") as src:
            shutil.copyfileobj(src, fh, 1 << 20)
