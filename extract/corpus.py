"""Run the whole extraction over a corpus: files in, records out.

The corpus is read as one: names found in one report help find their short
forms in another, and ids are corpus-wide.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import resources

from .curation import curation_files, read_curation
from .errors import InputError, PolicyKGError
from .events import find_statuses
from .load import load_file
from .meta import read_metadata
from .records import CorpusResult, Document, DocumentResult
from .resolve import merge_variants, resolve
from .segment import segment
from .themes import tag_themes

Progress = Callable[[str], None]


def sample_paths() -> list[str]:
    """The embedded sample corpus: the default input of every command."""
    root = resources.files("extract") / "samples"
    return sorted(str(p) for p in root.iterdir() if p.name.endswith(".txt"))


def display_path(path: str) -> str:
    """The path a report is known by in every output: as the user gave it, or,
    for the embedded samples, ``samples/<name>`` whatever the install folder
    (so the sample build is byte-identical on every machine)."""
    samples = str(resources.files("extract") / "samples")
    if path.startswith(samples + "/") or path.startswith(samples + "\\"):
        return "samples/" + path[len(samples) + 1:]
    return path


def read_documents(paths: Iterable[str], *, progress: Progress | None = None,
                   warnings: list[str] | None = None) -> list[Document]:
    """Load, date and segment each file; a file that cannot be read becomes a warning.

    Raises InputError when no file at all could be read.
    """
    paths = list(paths)
    docs, problems = [], []
    for i, path in enumerate(paths, 1):
        if progress:
            progress(f"[{i}/{len(paths)}] reading {path}")
        try:
            doc = load_file(path)
            read_metadata(doc)
            segment(doc)
        except PolicyKGError as exc:
            msg = str(exc)  # the loader and metadata name the file already
            problems.append(msg if msg.startswith(f"{path}: ") else f"{path}: {msg}")
            continue
        doc.path = display_path(path)
        docs.append(doc)
    if warnings is not None:
        warnings.extend(problems)
    if not docs:
        if len(problems) == 1:
            raise InputError(problems[0])
        raise InputError("nothing could be read: " + "; ".join(problems) if problems else "no input files")
    # a report's IRI is its file name without extension: a.txt and a.md would be one report
    by_stem: dict[str, list[str]] = {}
    for d in docs:
        by_stem.setdefault(d.name.rsplit(".", 1)[0] if "." in d.name else d.name, []).append(d.path)
    clashes = sorted((stem, paths) for stem, paths in by_stem.items() if len(paths) > 1)
    if clashes:
        stem, clash = clashes[0]
        raise InputError(f"two input files share the name {stem} ({', '.join(clash)}): "
                         "reports are told apart by file name without extension")
    docs.sort(key=lambda d: (d.plan_year or 0, d.name))
    return docs


def extract_corpus(paths: Iterable[str] | None = None, *, progress: Progress | None = None) -> CorpusResult:
    """Extract entities and indicators from the files at ``paths`` (default: samples)."""
    from .entities import EntityExtractor  # spaCy loads only when extraction runs
    from .indicators import find_indicators

    paths = list(paths) if paths else sample_paths()
    result = CorpusResult()
    docs = read_documents(paths, progress=progress, warnings=result.warnings)
    extractor = EntityExtractor()
    results = [DocumentResult(document=d) for d in docs]
    for i, r in enumerate(results, 1):
        if progress:
            progress(f"[{i}/{len(results)}] extracting {r.document.name}")
        extractor.first_pass(r.document)
    decisions = [d for f in curation_files(paths) for d in read_curation(f)]
    for r in results:
        r.entities = extractor.entities(r.document)
        find_statuses(r.document, r.entities)  # also makes institutions being built projects
    variant_links = merge_variants(results, decisions)
    for r in results:
        find_statuses(r.document, r.entities)  # again, over the merged mentions
        tag_themes(r.document, r.entities)
        r.indicators = find_indicators(r.document)
    result.links, result.canonical = resolve(results, decisions, variant_links)
    for r in results:
        result.warnings.extend(f"{r.document.name}: {w}" for w in r.document.warnings)
    result.documents = results
    return result
