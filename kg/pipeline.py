"""``kg build`` after the extraction: the graph, its audit, the files, the site.

The steps share one graph in memory. It is built once (kg/graph/build.py), copied
once into an Oxigraph store, audited once; the findings go into the graph
file and, from the same records, into the audit files; the site queries the
same store. Each step used to read ``graph.trig`` back from disk instead (the
audit twice), which cost the national corpus half a minute.

The files are those ``write_build``, ``write_audit`` and ``write_site``
write when run one after the other, byte for byte (tested).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from extract.records import CorpusResult

STAGES = ("graph", "files", "audit files", "site")


@dataclass(frozen=True)
class Folder:
    """What ``build_folder`` wrote: kg.graph.build.BuildSummary, kg.audit.continuity.AuditFiles, kg.site.write.SiteSummary."""

    build: object
    audit: object
    site: object


def build_folder(
    result: CorpusResult,
    out_dir: str | Path,
    formats: Iterable[str] = ("trig",),
    *,
    timings: dict[str, float] | None = None,
) -> Folder:
    """Write the whole build folder of ``result``: graph files, audit files, site.

    ``timings``, when given, receives the wall time of each stage in seconds
    (the names in STAGES), for bench/build.py.
    """
    from kg.audit.continuity import write_audit
    from kg.graph.build import build_graph, write_build
    from kg.query.engines import OxigraphEngine
    from kg.site.data import read_site_data
    from kg.site.write import write_site

    @contextmanager
    def stage(name: str):
        start = time.perf_counter()
        yield
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - start

    with stage("graph"):
        built = build_graph(result)
    with stage("files"):
        summary = write_build(result, out_dir, formats, built=built)
    engine = OxigraphEngine(built.store)
    with stage("audit files"):
        audit_files = write_audit(out_dir, engine=engine, audit=built.audit)
    with stage("site"):
        site = write_site(out_dir, data=read_site_data(engine))
    return Folder(summary, audit_files, site)
