"""The public JSON form of the records (../contract/extract-json.md).

Field order and list order are fixed, so the same corpus gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ontology.iris import report_path

from .indented import dumps_indented
from .records import CorpusResult, DocumentResult, Entity, Indicator, Mention

CONTRACT_VERSION = "1"


def corpus_to_json(result: CorpusResult, *, include_text: bool = False) -> dict:
    return {
        "contract": CONTRACT_VERSION,
        "documents": [document_to_json(d, include_text=include_text) for d in result.documents],
        "links": [
            {"a": lk.a, "b": lk.b, "rule": lk.rule, "score": round(lk.score, 4), "detail": lk.detail, "kind": lk.kind}
            for lk in result.links
        ],
        "canonical": dict(result.canonical),
        "warnings": list(result.warnings),
        "skipped": [{"path": sk.path, "reason": sk.reason} for sk in result.skipped],
    }


def document_to_json(d: DocumentResult, *, include_text: bool = False) -> dict:
    doc = d.document
    head = {
        "path": doc.path,
        "title": doc.title,
        "area": doc.area,
        "reviewed_year": doc.reviewed_year,
        "plan_year": doc.plan_year,
        "date": doc.date,
        "kind": doc.kind,
        "format": doc.format,
        "area_code": doc.area_code,
        "sources": {
            f: {"rule": src.rule, "words": src.words, "start": src.start, "certain": src.certain}
            for f, src in sorted(doc.sources.items())
        },
        "iri": report_path(doc.name),
        "encoding": doc.encoding,
        "script": doc.script,
        "characters": len(doc.text),
        "sections": [
            {
                "id": s.id,
                "level": s.level,
                "marker": s.marker,
                "title": s.title,
                "start": s.start,
                "end": s.end,
                "year": s.year,
                "mode": s.mode,
            }
            for s in doc.sections
        ],
        "warnings": list(doc.warnings),
    }
    if include_text:
        head["text"] = doc.text
    return {
        "doc": head,
        "entities": [entity_to_json(e) for e in d.entities],
        "indicators": [indicator_to_json(i) for i in d.indicators],
    }


def mention_to_json(m: Mention) -> dict:
    return {
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "sentence": m.sentence,
        "sentence_start": m.sentence_start,
        "section": m.section_title,
        "section_id": m.section,
        "year": m.year,
        "mode": m.mode,
        "rule": m.rule,
    }


def entity_to_json(e: Entity) -> dict:
    return {
        "id": e.id,
        "type": e.type,
        "name": e.name,
        "aliases": e.aliases,
        "mentions": [mention_to_json(m) for m in e.mentions],
        "themes": sorted({t.theme for t in e.themes}),
        "theme_reasons": [{"theme": t.theme, "reason": t.reason} for t in e.themes],
        "status": [
            {
                "year": s.year,
                "mode": s.mode,
                "status": s.status,
                "trigger": s.trigger,
                "evidence": s.evidence,
                "start": s.start,
                "end": s.end,
            }
            for s in e.status
        ],
    }


def indicator_to_json(i: Indicator) -> dict:
    return {
        "indicator": i.indicator,
        "measure": i.measure,
        "year": i.year,
        "kind": i.kind,
        "value": i.value,
        "value_high": i.value_high,
        "unit": i.unit,
        "qualifier": i.qualifier,
        "evidence": i.evidence,
        "start": i.start,
        "end": i.end,
        "concept": i.concept,
        "section": i.section,
        "mode": i.mode,
    }


def dumps(data: dict) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=1)`` and a newline (``extract.indented``: the same text, faster)."""
    return dumps_indented(data) + "\n"


def iter_dumps(data: dict, lazy: Iterable[str] = ()) -> Iterator[str]:
    """``dumps(data)`` in pieces, the same text: the value under a key in ``lazy`` is an iterable of
    list items, each encoded only when reached, so a corpus's records are never one tree and one
    string in memory (its JSON is ten times its texts). An encoded value is indented by the level it
    sits at; that is safe because JSON writes a newline inside a string as ``\\n``."""
    lazy = set(lazy)
    yield "{"
    for i, (key, value) in enumerate(data.items()):
        yield f"{',' if i else ''}\n {json.dumps(key, ensure_ascii=False)}: "
        if key not in lazy:
            yield _indented(value, 1)
            continue
        empty = True
        for item in value:
            yield f"{'[' if empty else ','}\n  {_indented(item, 2)}"
            empty = False
        yield "[]" if empty else "\n ]"
    yield "\n}\n" if data else "}\n"


def _indented(value, level: int) -> str:
    return dumps_indented(value, level)


def iter_corpus_json(result: CorpusResult) -> Iterator[str]:
    """The text of ``dumps(corpus_to_json(result))`` in pieces, one document's records at a time."""
    head = corpus_to_json(
        CorpusResult(links=result.links, canonical=result.canonical, warnings=result.warnings, skipped=result.skipped)
    )
    head["documents"] = (document_to_json(d) for d in result.documents)
    return iter_dumps(head, lazy=("documents",))
