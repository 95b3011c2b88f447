"""One answer for a library query that the audit and the site both ask, in one build.

``kg build`` audits the graph and then writes the site from the same store,
and both read the same large answers: every mention with its sentence (the
largest by far: 71,000 rows at 300 synthetic reports, some 3 s a time from
the on-disk store at 100), every status claim, every entity, every report.
``SharedAnswers`` wraps the build's engine and hands the second asker the
answer the first one got, then forgets it, so each is computed once and
held no longer than until its second reader has it. Held they are, though,
from the audit to the site (some 100 MB at 300 reports): ``--low-memory``
builds ask twice instead.

That is only right if nothing between the two askings can change the
answer. Between the audit and the site the build adds two things to the
store: the audit graph, whose every subject is a ``pkg:ContinuityFinding``,
and the summary graph (kg.graph.summary), whose every subject is a
``pkg:SummaryRow`` or its ``void:Dataset``. The queries in ``SHARED`` each
start from a node of another type (``pkg:Mention``, ``pkg:StatusClaim``,
``pkg:NamedEntity``, ``pkg:Report``) and follow only its own properties, so
no finding or row can join them: their answers are the same before and after
(tested on the samples, query by query, against the store with both graphs
in it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kg.query.engines import Engine, Result, Term
from kg.query.library import library

SHARED = ("mentions", "status-claims", "entities", "reports")


class SharedAnswers:
    """An engine that remembers the answers to ``names`` (library queries) until asked once more."""

    def __init__(self, engine: Engine, names: Iterable[str] = SHARED) -> None:
        self.engine = engine
        self.name = engine.name
        self._names = {library()[n].text: n for n in names}
        self._kept: dict[tuple, Result] = {}
        self.served: list[str] = []  # the names of the queries answered from memory, in order

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Result:
        if sparql not in self._names:
            return self.engine.query(sparql, bindings)
        key = (sparql, tuple(sorted((bindings or {}).items())))
        kept = self._kept.pop(key, None)
        if kept is not None:
            self.served.append(self._names[sparql])
            return kept
        result = self.engine.query(sparql, bindings)
        self._kept[key] = result
        return result
