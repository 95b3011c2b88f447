"""The record each rule leaves on the Doc, and the Doc extension holding them."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

CANDIDATES = "policy_candidates"  # everything the rules proposed
CHOSEN = "policy_entities"  # what policy_select kept, in text order


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    type: str
    rule: str  # the component that proposed it: heads, lists, quotes, gazetteer
    head: str = ""
    kind: str = ""
    priority: int = 0  # wins overlaps against lower priorities
    canonical: str = ""  # the long form a short form stands for ("鲁铭高温" → "鲁铭高温公司")


def register() -> None:
    """Register the Doc extension once (never forced: no side effects at import)."""
    for name in (CANDIDATES, CHOSEN):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def candidates(doc: Doc) -> list[Candidate]:
    found = doc._.get(CANDIDATES)
    if found is None:
        found = []
        doc._.set(CANDIDATES, found)
    return found
