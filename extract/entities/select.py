"""Component ``policy_select``: one reading of every stretch of text.

Rules overlap: a list item is also a head-noun name, a short form sits inside
its long form. The higher priority wins a crossing, the longer span wins a
nesting (nested names are kept only where the text also names them alone,
which the gazetteer proposes as separate mentions). The result is
``doc.spans["policy"]``, labelled by type (a span group, not ``doc.ents``:
a firm named at the front of its park overlaps the park's name).
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from .candidate import CHOSEN, Candidate, candidates, register

SPANS_KEY = "policy"


@Language.factory("policy_select", requires=["doc._.policy_candidates"], assigns=["doc.spans", "doc._.policy_entities"])
def make_select(nlp: Language, name: str):
    register()  # the Doc extensions, also when spacy.load builds the component
    return Select()


class Select:
    def __call__(self, doc: Doc) -> Doc:
        chosen = choose(candidates(doc))
        spans = [doc.char_span(c.start, c.end, label=c.type, alignment_mode="expand") for c in chosen]
        doc.spans[SPANS_KEY] = spans
        doc._.set(CHOSEN, chosen)
        return doc


def choose(cands: list[Candidate]) -> list[Candidate]:
    """Resolve overlaps: priority first, then length, then position. A firm named
    at the front of its own park or project ("nested") stands beside that name."""
    nested = [c for c in cands if c.kind == "nested"]
    best: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        if c.kind == "nested":
            continue
        key = (c.start, c.end)
        old = best.get(key)
        if old is None or (c.priority, _type_rank(c.type)) > (old.priority, _type_rank(old.type)):
            best[key] = c
    ordered = sorted(best.values(), key=lambda c: (-c.priority, -(c.end - c.start), c.start, c.type))
    starts: list[int] = []  # taken spans never overlap, so sorted starts order them
    taken: list[Candidate] = []
    for c in ordered:
        i = bisect.bisect_left(starts, c.start)
        if i < len(taken) and taken[i].start < c.end:
            continue
        if i > 0 and taken[i - 1].end > c.start:
            continue
        starts.insert(i, c.start)
        taken.insert(i, c)
    if nested:
        kept = {(c.start, c.end) for c in taken}
        outer_starts = {c.start for c in taken}
        taken += [c for c in nested if c.start in outer_starts and (c.start, c.end) not in kept]
        taken.sort(key=lambda c: (c.start, c.end, c.type))
    return taken


def _type_rank(t: str) -> int:
    return {"INSTITUTION": 0}.get(t, 1)
