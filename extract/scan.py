"""The first extraction pass report by report: on many cores, on a cluster, or from the cache.

``EntityExtractor.first_pass_all`` reads the reports one after the other in
one process; its rules look at one chunk of one report at a time, and only
the gazetteer's learning carries anything from one chunk to the next. So the
rules can run anywhere (``extract.runner``), each report on its own, and the
learning is replayed here, in the parent, chunk by chunk in the corpus's
order: the gazetteer ends in the state ``first_pass_all`` leaves it in, and
the second pass, run here as before, finds the same entities (tested byte
for byte on the sample build).

The gazetteer learns from a chunk's text and the candidates chosen in it
(``EntityExtractor.learn``, the method ``first_pass_all`` calls too), so the
replay hands it those two and no spaCy Doc: making the Docs again would cost
a fifth of the first pass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .cache import Cache, Found
from .entities import CHUNK, PIPES, EntityExtractor, build_nlp, chunks
from .entities.candidate import CANDIDATES, CHOSEN
from .records import Document
from .runner import Runner

_NLP = None  # one pipeline per worker process, made on its first report (inherited when the pool forks)


def scan(job: tuple[str, int]) -> list[Found]:
    """The rules over one report's folded text, chunk by chunk: what a worker runs."""
    global _NLP
    folded, size = job
    if _NLP is None:
        _NLP = build_nlp()
    spans = chunks(folded, size)
    out: list[Found] = []
    with _NLP.select_pipes(enable=list(PIPES)):
        for doc, (a, b) in zip(_NLP.pipe(folded[a:b] for a, b in spans), spans):
            out.append((a, b, list(doc._.get(CANDIDATES) or []), list(doc._.get(CHOSEN) or [])))
    return out


def first_pass(
    extractor: EntityExtractor,
    documents: Sequence[Document],
    runner: Runner,
    cache: Cache | None = None,
    on_each: Callable[[int, Document], None] | None = None,
) -> None:
    """What ``extractor.first_pass_all(documents)`` does, with the rules run by ``runner`` on the
    reports ``cache`` does not hold (and stored there); ``on_each(i, document)`` as each is learned."""
    replay(extractor, documents, scan_all(extractor, documents, runner, cache), on_each)


def scan_all(
    extractor: EntityExtractor, documents: Sequence[Document], runner: Runner, cache: Cache | None = None
) -> list[list[Found]]:
    """The rules' results for every report, from ``cache`` or run by ``runner`` (and stored), in the
    order of ``documents``. Nothing is learned yet: the partitions of ``extract.partition`` replay
    these results each into a gazetteer of its own."""
    global _NLP
    size = extractor.chunk_size or CHUNK
    found: list[list[Found] | None] = [cache.get(d.name, d.folded) if cache else None for d in documents]
    todo = [i for i, f in enumerate(found) if f is None]
    if todo:
        _NLP = extractor.nlp  # a forked worker starts with it; a cluster's worker builds its own
        for i, result in zip(todo, runner.map(scan, [(documents[i].folded, size) for i in todo])):
            found[i] = result
            if cache:
                cache.put(documents[i].name, documents[i].folded, result)
    return found


def replay(
    extractor: EntityExtractor,
    documents: Sequence[Document],
    found: Sequence[list[Found]],
    on_each: Callable[[int, Document], None] | None = None,
) -> None:
    """Teach ``extractor`` what the rules found in ``documents`` (``found``, in their order), chunk by
    chunk, as ``first_pass_all`` would have learned it."""
    for k, (d, pieces) in enumerate(zip(documents, found), 1):
        extractor.forget(d)
        for a, b, cands, chosen in pieces:
            extractor.learn(d, a, b, cands, chosen)
        if on_each is not None:
            on_each(k, d)
    extractor.teach_repeated()
