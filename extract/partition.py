"""The corpus cut into partitions, one per area, each extracted as a corpus of its own.

The gazetteer's second pass, variant merging and resolution used to run over
the whole corpus: a name learned in one county's report was looked for in
every other county's, and every entity was compared with every other. That
made the work and the memory of a build grow faster than the corpus (each
report cost more the more reports there were) and made a rebuild after one
changed report redo every report. Most of what ties reports together stays
inside an area (the audit pairs a report with the next one of its area), so
each area is now read as its own corpus: its reports' first-pass results
replayed into a gazetteer that knows only them, then the second pass,
variants and resolution over them alone. A corpus of one area is one
partition, extracted exactly as before.

An entity named in two areas is one entity when resolution gives it the
same id in both: ids derive from the type and the earliest name of a
cluster (``extract.resolve.entity_id``), so a programme or a firm called
the same in two areas gets one IRI, and the corpus graph shows it once,
with every area's names. Things first named differently in two areas stay
two entities (no cross-area step merges them); docs/scale.md says why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .curation import Decision
from .errors import InputError
from .records import DocumentResult

_EMPTY_GAZETTEER = b'{"known": [], "named": []}'


def by_area(results: Sequence[DocumentResult]) -> list[list[DocumentResult]]:
    """The reports of each area, in corpus order, the areas in the order their first report comes.

    A report whose area was not found (nor given by ``--area`` or reports.tsv) goes with the other
    reports without one: they are read as one corpus, as every report was before."""
    groups: dict[str, list[DocumentResult]] = {}
    for r in results:
        groups.setdefault(r.document.area or "", []).append(r)
    return list(groups.values())


def forget_learned(extractor) -> None:
    """Empty what ``extractor``'s first pass taught its gazetteer and its repeated-name counter:
    the next partition starts from the lexicon alone, as a fresh pipeline does."""
    from .entities.repeats import RepeatedNames

    extractor.nlp.get_pipe("policy_gazetteer").from_bytes(_EMPTY_GAZETTEER)
    extractor.repeats = RepeatedNames(extractor.lex)


def decisions_for(decisions: Sequence[Decision], names: set[str]) -> list[Decision]:
    """The curation decisions that name only things the partition knows (``names``): each applies
    in the partitions that use its names, and ``check_decisions`` says when one applies nowhere."""
    return [d for d in decisions if all(n in names for n in _named(d))]


def check_decisions(decisions: Sequence[Decision], applied: Iterable[Decision], names: set[str]) -> None:
    """Every decision must name things the corpus uses, and a ``same`` or ``different`` decision
    two things of one area: areas are resolved apart, so nothing would act on the others."""
    done = {id(d) for d in applied}
    for d in decisions:
        if id(d) in done:
            continue
        missing = next((n for n in _named(d) if n not in names), None)
        if missing is not None:
            raise InputError(f"{d.where}: no entity is named {missing!r} in the corpus")
        raise InputError(
            f"{d.where}: {d.a!r} and {d.b!r} are named in reports of different areas, which are resolved "
            "apart: a decision can only join or part things of one area"
        )


def join_canonical(parts: Iterable[dict[str, str]]) -> dict[str, str]:
    """The partitions' id → canonical name, as one sorted dict. An id two areas share keeps the
    name the first of them (in corpus order) gives it: the earliest report's area decides."""
    out: dict[str, str] = {}
    for part in parts:
        for eid, name in part.items():
            out.setdefault(eid, name)
    return dict(sorted(out.items()))


def _named(d: Decision) -> tuple[str, ...]:
    return (d.a, d.b) if d.verb in ("same", "different") else (d.a,)
