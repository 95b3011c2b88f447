"""Run the whole extraction over a corpus: files in, records out.

Each area's reports are read as one corpus (``extract.partition``): names
found in one report help find their short forms in another of its area, and
ids are given within the area (the same name in two areas gives one id).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from . import gazetteer
from .area_cache import area_key, code_fingerprint
from .curation import curation_files, read_curation
from .errors import InputError, PolicyKGError
from .events import find_statuses
from .expose import expose
from .inputs import Declared, Skipped, check_year, expand, read_reports_tsv, reports_files
from .load import load_file
from .meta import read_metadata
from .partition import by_area, check_decisions, decisions_for, forget_learned, join_canonical
from .records import CorpusResult, Document, DocumentResult, MetaSource
from .resolve import merge_variants, resolve
from .resolve.names import normal, without_quotes
from .runner import Runner, Serial
from .segment import segment
from .themes import tag_themes

if TYPE_CHECKING:
    from .area_cache import AreaCache
    from .cache import Cache

Progress = Callable[[str], None]


def sample_paths() -> list[str]:
    """The embedded sample corpus: the default input of every command."""
    root = resources.files("extract") / "samples"
    return sorted(str(p) for p in root.iterdir() if p.name.endswith(".txt"))


@lru_cache(maxsize=1)
def _samples_folder() -> str:
    return str(resources.files("extract") / "samples")


def display_path(path: str) -> str:
    """The path a report is known by in every output: as the user gave it, or,
    for the embedded samples, ``samples/<name>`` whatever the install folder
    (so the sample build is byte-identical on every machine)."""
    samples = _samples_folder()
    if path.startswith(samples + "/") or path.startswith(samples + "\\"):
        return "samples/" + path[len(samples) + 1 :]
    return path


def read_documents(
    paths: Iterable[str],
    *,
    progress: Progress | None = None,
    warnings: list[str] | None = None,
    skipped: list[Skipped] | None = None,
    year: int | None = None,
    area: str | None = None,
) -> list[Document]:
    """Load, date and segment each report; a file that cannot be read is skipped with its reason.

    ``paths`` may name folders and glob patterns (``extract.inputs.expand``).
    ``year`` (the plan year) and ``area`` override what the texts say, for
    every report; a ``reports.tsv`` beside the reports, for one. The same text
    under two names is read once. Raises InputError when no file at all could
    be read.
    """
    files, problems = expand(list(paths))
    check_year(year)
    declared: dict[str, Declared] = {}
    for f in reports_files(files):
        declared.update(read_reports_tsv(f))
    docs: list[Document] = []
    seen: dict[str, str] = {}  # text → path (the texts are kept anyway: a dict of them needs no digest)
    by_stem: dict[str, str] = {}
    notes: list[str] = []
    with collection_paused():  # every object made here is kept or freed by its count (see there)
        for i, path in enumerate(files, 1):
            if progress:
                progress(f"[{i}/{len(files)}] reading {path}")
            try:
                doc = load_file(path)
                read_metadata(doc)
                _override(doc, declared.get(os.path.basename(path)), year, area)
                segment(doc)
            except PolicyKGError as exc:
                msg = str(exc)  # the loader names the file already
                problems.append(Skipped(path, msg[len(path) + 2 :] if msg.startswith(f"{path}: ") else msg))
                continue
            if doc.text in seen:
                problems.append(Skipped(path, f"the same text as {seen[doc.text]}: read once"))
                continue
            seen[doc.text] = path
            # a report's IRI is its file name without extension: a.txt and a.docx would be one report
            stem = doc.name.rsplit(".", 1)[0] if "." in doc.name else doc.name
            if stem in by_stem:
                problems.append(
                    Skipped(
                        path,
                        f"has the name {stem} of {by_stem[stem]} (reports are told apart by "
                        "file name without extension): rename one",
                    )
                )
                continue
            by_stem[stem] = path
            doc.path = display_path(path)
            docs.append(doc)
    groups: dict[tuple, list[str]] = {}
    for d in docs:
        if d.area and d.plan_year is not None:
            groups.setdefault((d.area, d.reviewed_year, d.plan_year), []).append(d.path)
    for (a, r, p), names in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0, kv[0][2])):
        if len(names) > 1:
            notes.append(
                f"{', '.join(names)} are all reports of {a} reviewing {r} and planning {p}: all are read; "
                "the audit pairs each with the next report of its area"
            )
    if skipped is not None:
        skipped.extend(problems)
    if warnings is not None:
        warnings.extend(str(p) for p in problems)
        warnings.extend(notes)
    if not docs:
        if len(problems) == 1:
            raise InputError(str(problems[0]))
        raise InputError("nothing could be read: " + "; ".join(map(str, problems)) if problems else "no input files")
    docs.sort(key=lambda d: (d.plan_year or 0, d.name))
    return docs


@contextmanager
def collection_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while reports are loaded, then restore it as it was.

    Loading makes some 30,000 container objects for the national corpus (sentences, sections,
    lists of them) and keeps them all in the documents it returns; what it drops, reference
    counting frees, and it makes no cycles (a collection right after it finds nothing to free:
    tests/extract/test_corpus_gc.py). So no collection during the loop can free anything: its
    forty young collections, four of the middle generation and now and then a full one (the whole
    heap walked, tens of milliseconds on a busy machine) only walked survivors. Held, the objects
    are still counted: the first young collection after the loop takes them in, once, inside
    ``read_documents`` (2–3 ms, measured with it), and moves them on as forty would have; nothing
    is deferred to the extraction, which meets one older collection where it met four (its time
    in bench/load.py is unchanged). ``gc.isenabled()`` is restored, not forced on, so a caller that holds the collector
    itself keeps it held; an error inside restores it too."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def named_spans(entities) -> list[tuple[int, int]]:
    """Where projects and programmes are named: figures there are capacities, not values."""
    return sorted({(m.start, m.end) for e in entities if e.type in ("PROJECT", "PROGRAM") for m in e.mentions})


def _override(doc: Document, declared: Declared | None, year: int | None, area: str | None) -> None:
    """What the user said wins over what the text says, and is recorded as such."""
    if declared:
        if declared.kind:
            doc.kind = declared.kind
            doc.sources["kind"] = MetaSource("reports.tsv", declared.where)
        if declared.plan_year is not None or declared.reviewed_year is not None:
            plan = declared.plan_year if declared.plan_year is not None else declared.reviewed_year + 1
            reviewed = declared.reviewed_year if declared.reviewed_year is not None else plan - 1
            _set_years(doc, reviewed, plan, MetaSource("reports.tsv", declared.where))
        if declared.area:
            doc.area, doc.area_code = declared.area, _code(declared.area)
            doc.sources["area"] = MetaSource("reports.tsv", declared.where)
    if year is not None:
        same = doc.reviewed_year is not None and doc.reviewed_year == doc.plan_year  # a mid-year report
        _set_years(doc, year if same else year - 1, year, MetaSource("override: --year", str(year)))
    if area:
        doc.area, doc.area_code = area, _code(area)
        doc.sources["area"] = MetaSource("override: --area", area)
    if doc.plan_year is not None:
        doc.warnings[:] = [w for w in doc.warnings if not w.startswith(("no recognisable year", "years estimated"))]
    if doc.area:
        doc.warnings[:] = [w for w in doc.warnings if not w.startswith("no area found")]


def _set_years(doc: Document, reviewed: int, plan: int, source: MetaSource) -> None:
    doc.reviewed_year, doc.plan_year = reviewed, plan
    doc.sources["reviewed_year"] = doc.sources["plan_year"] = source


def _code(area: str) -> str | None:
    hit = gazetteer.match(area)
    return hit[0].code if hit else None


_kept_loaded = False


def _keep_loaded() -> None:
    """Read the tables every extraction uses and move them out of the cyclic collector's view.

    jieba's dictionary (sets of some 600,000 words), the packaged lexicon and the gazetteer are
    read once and kept as long as the process; every full collection during an extraction walked
    them again (a tenth of its time). ``gc.freeze()`` moves them, and every other object alive now,
    to the permanent generation: reference counting still frees what is dropped, only a cycle
    among them would never be collected. Once per process."""
    global _kept_loaded
    if _kept_loaded:
        return
    from .entities.dictionary import dictionary
    from .entities.lexicon import lexicon

    dictionary()
    lexicon(None)  # the key a pipeline built without a lexicon folder reads it by
    gazetteer.by_stem()
    gc.freeze()
    _kept_loaded = True


def extract_corpus(
    paths: Iterable[str] | None = None,
    *,
    progress: Progress | None = None,
    year: int | None = None,
    area: str | None = None,
    runner: Runner | None = None,
    cache: Cache | None = None,
    areas: AreaCache | None = None,
) -> CorpusResult:
    """Extract entities and indicators from the files at ``paths`` (default: samples).

    ``year`` and ``area`` override the metadata of every report (``read_documents``).
    ``runner`` runs the first pass's rules report by report (``extract.runner``:
    a pool of processes, a Dask cluster) and ``cache`` keeps their results
    (``extract.cache``); ``areas`` keeps each area's records (``extract.area_cache``): an
    area whose reports, curation and code are unchanged is not extracted again. Either way
    the records are the same as without them."""
    from .entities import EntityExtractor  # spaCy loads only when extraction runs
    from .scan import scan_all

    paths = list(paths) if paths else sample_paths()
    _keep_loaded()
    result = CorpusResult()
    docs = read_documents(
        paths, progress=progress, warnings=result.warnings, skipped=result.skipped, year=year, area=area
    )
    result.inputs = len(expand(list(paths))[0]) + sum(1 for s in result.skipped if s.reason == "matches no file")
    extractor = EntityExtractor()
    results = [DocumentResult(document=d) for d in docs]
    on_each = lambda i, d: progress and progress(f"[{i}/{len(results)}] extracting {d.name}")  # noqa: E731
    decisions = [d for f in curation_files(expand(list(paths))[0]) for d in read_curation(f)]
    # each area is a corpus of its own; the areas the cache holds are taken as they were, and the
    # first pass of the others' reports runs at once (on the runner, or from the per-report cache)
    parts = by_area(results)
    version = code_fingerprint("extract") if areas is not None else ""
    keys = [area_key([r.document for r in part], decisions, version) for part in parts]
    kept = [areas.get("records", k, _label(part)) if areas is not None else None for k, part in zip(keys, parts)]
    found = None
    if runner is not None or cache is not None:
        todo = [r.document for part, hit in zip(parts, kept) if hit is None for r in part]
        found = dict(zip(map(id, todo), scan_all(extractor, todo, runner or Serial(), cache)))
    applied: list = []
    names: set[str] = set()
    canonicals = []
    done = 0
    position = {id(r): i for i, r in enumerate(results)}
    for part, key, hit in zip(parts, keys, kept):
        if hit is None:
            links, canonical, used, known = _extract_area(extractor, part, found, decisions, on_each, done)
            if areas is not None:
                chosen = [i for i, d in enumerate(decisions) if any(d is u for u in used)]
                areas.put("records", key, _label(part), (part, links, canonical, chosen, known))
        else:
            cached, links, canonical, chosen, known = hit
            for old, new in zip(part, cached):
                results[position[id(old)]] = new
            part = cached
            used = [decisions[i] for i in chosen]
        for r in part:
            r.partition = key
        result.links += links
        canonicals.append(canonical)
        applied += used
        names |= known
        done += len(part)
    check_decisions(decisions, applied, names)
    result.links.sort(key=lambda lk: (lk.a, lk.b, lk.rule))
    result.canonical = join_canonical(canonicals)
    for r in results:
        expose(r)  # the converter pinyin the rules read without goes back into the text shown
        result.warnings.extend(f"{r.document.name}: {w}" for w in r.document.warnings)
    result.documents = results
    return result


def _extract_area(extractor, part: list[DocumentResult], found, decisions, on_each, done: int):
    """One partition (``extract.partition``) extracted as a corpus of its own: the gazetteer
    taught its reports only, then the second pass, variants, statuses, themes, indicators and
    resolution over them. ``found`` holds the first pass's results by document (``scan_all``), or
    is None: the rules run here. Returns the merge links, id → canonical name, the curation
    decisions that applied and the names the partition knows (for ``check_decisions``)."""
    from .indicators import find_indicators
    from .scan import replay

    counted = lambda i, d: on_each(done + i, d)  # noqa: E731
    forget_learned(extractor)
    docs = [r.document for r in part]
    if found is None:
        extractor.first_pass_all(docs, on_each=counted)
    else:
        replay(extractor, docs, [found[id(d)] for d in docs], on_each=counted)
    for r in part:
        r.entities = extractor.entities(r.document)
        find_statuses(r.document, r.entities)  # also makes institutions being built projects
    variant_links = merge_variants(part, decisions)  # it reads the "different" pairs: another area's do nothing
    for r in part:
        find_statuses(r.document, r.entities)  # again, over the merged mentions
        tag_themes(r.document, r.entities)
        r.indicators = find_indicators(r.document, names=named_spans(r.entities))
    known = _names(part)  # the names resolution checks the decisions against (variants merged)
    used = decisions_for(decisions, known)
    links, canonical = resolve(part, used, variant_links)
    return links, canonical, used, known


def _names(part: list[DocumentResult]) -> set[str]:
    """Every name of the partition's entities in the forms a curation decision may use."""
    known = {n for r in part for e in r.entities for n in (e.name, *e.aliases)}
    return known | {without_quotes(n) for n in known} | {normal(n) for n in known}


def _label(part: list[DocumentResult]) -> str:
    """An area as the cache's hits and misses name it."""
    return part[0].document.area or "(no area)"
