"""``kg build`` after the extraction: the graph, its audit, the files, the site.

The steps share one graph. It is built once (``kg.graph.build``), each
report's graph written to an N-Quads file as soon as it is made
(``kg.graph.shards``) and copied into one Oxigraph store, audited once; the
findings go into the graph file and, from the same records, into the audit
files; the site queries the same store. Each step used to read ``graph.trig``
back from disk instead (the audit twice), which cost the national corpus
half a minute. The graph files are streamed from the N-Quads files, so the
quads are held once (in the store), or, with ``disk_store`` or a large
graph (``DISK_STORE_QUADS``), not in memory at all.

The audit's largest queries are asked once for the audit and the site
(``kg.query.shared``), and the store is closed once the site has read what
it shows, before the pages are written.

The files are those ``write_build``, ``write_audit`` and ``write_site`` write
when run one after the other, byte for byte (tested), with any ``jobs``.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from extract.area_cache import AreaCache
from extract.contract import iter_corpus_json
from extract.records import CorpusResult
from kg.audit.continuity import Audit, add_findings
from kg.audit.export import AuditFiles, write_audit
from kg.graph.build import build_graphs, report_stem
from kg.graph.dataset import Graphs, count, to_store
from kg.graph.shards import Shards
from kg.graph.store import save_build
from kg.graph.summary import add_summary
from kg.namespaces import GRAPH, REPORT
from kg.query.engines import Engine, OxigraphEngine
from kg.query.shared import SharedAnswers
from kg.site.data import read_site_data
from kg.site.write import SiteSummary, write_site

STAGES = ("graph", "files", "audit files", "site")
# A graph of more quads than this is stored on disk while the build queries it (as with
# ``disk_store``): in memory, Oxigraph takes some 350 MB per million quads (100 synthetic reports
# are 1 M, 1,000 are 13 M); on disk, about 100 MB whatever the size, for some 15 s more CPU per
# million quads (the loading and the audit's and site's queries; docs/scale.md).
DISK_STORE_QUADS = 1_000_000
WORK_DIR = ".kg-work"  # the on-disk graphs and store while build_folder runs, removed when it ends


@dataclass(frozen=True)
class Built:
    """A corpus's graph, audit included, ready to write and to query.

    ``store`` holds the same quads as ``graphs``: the audit files and the site
    query it instead of reading ``graph.trig`` back (which cost the national
    build a second and a third load of the graph). ``graphs`` is a dict in
    memory, or ``kg.graph.shards.Shards`` on disk.
    """

    graphs: Graphs
    store: ox.Store
    audit: Audit
    engine: Engine | None = None  # the engine the audit queried ``store`` through; the site goes on with it


@dataclass(frozen=True)
class BuildSummary:
    out_dir: Path
    files: list[Path]
    reports: int
    entities: int
    mentions: int
    quads: int


@dataclass(frozen=True)
class Folder:
    """What ``build_folder`` wrote."""

    build: BuildSummary
    audit: AuditFiles
    site: SiteSummary


def build_graph(
    result: CorpusResult,
    work: Path | None = None,
    disk_store: bool = False,
    jobs: int = 1,
    cache: AreaCache | None = None,
) -> Built:
    """The graphs of ``result``, loaded into Oxigraph, audited; the findings are
    added to both as ``id/graph/audit`` (``kg.audit.continuity``).

    With ``work`` (a folder of scratch space) the graphs are kept on disk as
    they are built, one N-Quads file per named graph (``kg.graph.shards``),
    and loaded into the store from those files once all are written. The
    store is in memory, or, with ``disk_store`` or for a graph of more than
    ``DISK_STORE_QUADS`` quads, an on-disk Oxigraph store in ``work``: then
    the corpus's quads are never all in memory. Without ``work``, everything
    is in memory. ``jobs`` processes build the report graphs (with ``work``
    only); ``cache`` serves the graphs of the reports of unchanged areas
    (``extract.area_cache``, with ``work`` only).
    """
    return _audited(_graphs(result, work, jobs, cache), work, disk_store)


def _graphs(result: CorpusResult, work: Path | None, jobs: int, cache: AreaCache | None) -> Graphs:
    if work is None:
        return build_graphs(result)
    work.mkdir(parents=True, exist_ok=True)
    return build_graphs(result, Shards(work / "graphs"), jobs=jobs, cache=cache)


def _audited(graphs: Graphs, work: Path | None, disk_store: bool) -> Built:
    if work is None:
        store = to_store(graphs)
    else:
        on_disk = disk_store or count(graphs) > DISK_STORE_QUADS
        store = ox.Store(str(work / "store")) if on_disk else ox.Store()
        graphs.load(store)  # from the files, in batches
    # the site asks the audit's largest queries again: their answers are kept for it (some 100 MB at
    # 300 reports, for about 10 s of CPU), unless memory is what the build must save (``disk_store``)
    engine = OxigraphEngine(store) if disk_store else SharedAnswers(OxigraphEngine(store))
    audit = add_findings(graphs, store, engine)
    add_summary(graphs, store)  # after the audit: audit-summary counts its findings
    return Built(graphs, store, audit, engine)


@dataclass(frozen=True)
class Records:
    """What the build files need of the records once the graphs are built: the manifest's rows and
    counts, and ``extraction.json``'s text (pieces in order). ``build_folder`` writes that text to
    a scratch file before the store is loaded, so that the records themselves can go (``consume``)."""

    reports: list[dict]
    entities: int
    mentions: int
    extraction: Iterable[str]


def records_of(result: CorpusResult, staged: Path | None = None) -> Records:
    """``result``'s part of the build files; with ``staged``, its JSON is written there now and read
    back from there when the files are written."""
    reports = [
        {
            "file": d.document.name,
            "iri": str(REPORT[report_stem(d.document)]),
            "graph": str(GRAPH[report_stem(d.document)]),
        }
        for d in result.documents
    ]
    entities = len({e.id for d in result.documents for e in d.entities})
    mentions = sum(len(e.mentions) for d in result.documents for e in d.entities)
    extraction: Iterable[str] = iter_corpus_json(result)
    if staged is not None:
        with open(staged, "w", encoding="utf-8", newline="") as fh:
            fh.writelines(extraction)
        extraction = _pieces(staged)
    return Records(reports, entities, mentions, extraction)


def _pieces(path: Path, size: int = 1 << 20) -> Iterator[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        while piece := fh.read(size):
            yield piece


def write_build(
    result: CorpusResult | None,
    out_dir: str | Path,
    formats: Iterable[str] = ("trig",),
    built: Built | None = None,
    records: Records | None = None,
) -> BuildSummary:
    """Write the graph files, ``extraction.json`` (the records the graph was
    built from) and a manifest. The graph carries the continuity audit's
    findings. ``built`` is the graph of ``result`` when the caller already has
    it (``build_graph``); ``records`` what the files need of ``result`` when
    the caller took it already (``records_of``; ``result`` may then be None)."""
    built = built if built is not None else build_graph(result)
    records = records if records is not None else records_of(result)
    quads = count(built.graphs)
    counts = {"reports": len(records.reports), "entities": records.entities, "mentions": records.mentions}
    manifest = {"reports": records.reports, "counts": {**counts, "quads": quads}}
    files = save_build(out_dir, built.graphs, formats, extraction=records.extraction, manifest=manifest)
    return BuildSummary(Path(out_dir), files, len(records.reports), records.entities, records.mentions, quads)


def build_folder(
    result: CorpusResult,
    out_dir: str | Path,
    formats: Iterable[str] = ("trig",),
    *,
    timings: dict[str, float] | None = None,
    disk_store: bool = False,
    jobs: int = 1,
    cache: AreaCache | None = None,
    consume: bool = False,
) -> Folder:
    """Write the whole build folder of ``result``: graph files, audit files, site.

    The graphs are kept on disk while they are built (``build_graph``), in
    ``WORK_DIR`` inside ``out_dir``, removed at the end; ``disk_store`` puts
    the Oxigraph store there too; ``jobs`` processes build the report graphs; ``cache`` keeps
    them per area (``extract.area_cache``). With ``consume``, ``result``'s records are dropped
    from it once the report graphs and ``extraction.json`` are written, before the store is
    loaded: the audit and the site read the store, and the records of 1,000 reports held
    some 0.5 GB through the build's largest stages. ``timings``, when given, receives the wall
    time of each stage in seconds (the names in STAGES), for bench/build.py.
    """

    @contextmanager
    def stage(name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - start

    work = Path(out_dir) / WORK_DIR
    try:
        with stage("graph"):
            graphs = _graphs(result, work, jobs, cache)
            records = records_of(result, work / "extraction.json")
            if consume:
                result.documents, result.links, result.canonical = [], [], {}
            built = _audited(graphs, work, disk_store)
            graphs = None
        with stage("files"):
            summary = write_build(None, out_dir, formats, built=built, records=records)
        engine = built.engine
        with stage("audit files"):
            audit_files = write_audit(out_dir, engine=engine, audit=built.audit)
        with stage("site"):
            data = read_site_data(engine)
            built = engine = None  # the store is closed before the pages are written: its memory is free
            site = write_site(out_dir, data=data, audit=audit_files.audit)
    finally:
        built = engine = None  # closes the on-disk store before its files go
        shutil.rmtree(work, ignore_errors=True)
    return Folder(summary, audit_files, site)
