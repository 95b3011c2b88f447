"""Status of each entity per year: what the text says happened to it, or is to happen.

A report says where each initiative stands with a handful of verbs (入选, 获批,
开工, 加快建设, 竣工, 投产, 列入 …), in the clause that names it: after the name
("恒利功能性纺织面料等18个项目竣工投产") or before it ("加快推进X建设"). The
verbs and their statuses come from ``ontology/statuses.tsv``; when a clause
gives several, the most advanced wins (竣工投产: in operation). A claim keeps
the section's year and mode, so "力争早日竣工投产" in a plan section is a status
promised for the plan year, not one reached.

Named schools, hospitals and the like are institutions, but one being built is
a project (the guideline's "named facility being built"): an institution whose
clause speaks of building it becomes a PROJECT. So does a 工程 read as a
programme (三峡工程: no facility in its name) whose clause dams, opens or
starts it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ontology.vocab import read_vocabulary

from .records import Document, Entity, StatusClaim

CLAUSE_END = "，；。！？\n"
MENTIONED = "mentioned"
BUILDING = ("started", "completed", "in_operation")  # statuses that say a facility is being built
BUILD_TRIGGERS = ("建设", "建成", "在建", "续建", "完工", "改扩建")
# what only happens to a physical works: a programme called 工程 is never dammed or opened to traffic
# A trigger denied is no status: "还没有最后完成", "尚未竣工", "未能如期投产".
NEGATED = re.compile(r"(?:没有|尚未|未能|未|不能|无法)(?:最后|按期|如期|全面|完全|全部|能)?$")
PHYSICAL = re.compile(r"开工|竣工|建成|截流|通水|通车|通航|投产|发电|蓄水|在建|续建|主体完工|全线贯通|合龙")


@dataclass(frozen=True)
class StatusScheme:
    pattern: re.Pattern
    status_of: dict[str, str]  # trigger -> status id
    rank: dict[str, int]  # status id -> rank


@lru_cache(maxsize=1)
def default_scheme() -> StatusScheme:
    status_of, rank = {}, {}
    for term in read_vocabulary("statuses"):
        rank[term.id] = int(term.extra[0]) if term.extra else 0
        for trig in term.alt:
            if trig != "-":
                status_of.setdefault(trig, term.id)
    triggers = sorted(status_of, key=lambda t: (-len(t), t))
    return StatusScheme(re.compile("|".join(map(re.escape, triggers))), status_of, rank)


def find_statuses(doc: Document, entities: list[Entity], scheme: StatusScheme | None = None) -> None:
    """Fill ``Entity.status``: per (year, mode), the most advanced status its clauses give."""
    scheme = scheme or default_scheme()
    text = doc.folded
    for ent in entities:
        best: dict[tuple, StatusClaim] = {}
        building = False
        for m in ent.mentions:
            claim = _claim(text, doc, m, scheme)
            building |= claim.status in BUILDING or any(t in claim.trigger for t in BUILD_TRIGGERS)
            key = (m.year, m.mode)
            old = best.get(key)
            if old is None or scheme.rank.get(claim.status, 0) > scheme.rank.get(old.status, 0):
                best[key] = claim
        ent.status = [best[k] for k in sorted(best, key=lambda k: (k[0] or 0, k[1]))]
        physical = (
            ent.type == "PROGRAM"
            and ent.name.endswith("工程")
            and any(PHYSICAL.search(text, *_clause(text, m.start, m.end)) for m in ent.mentions)
        )
        if (ent.type == "INSTITUTION" and building) or physical:
            # a school being built is a project; so is a 工程 that is started, dammed or opened (三峡工程截流)
            ent.type = "PROJECT"
            ent.mentions = [replace(m, type="PROJECT") for m in ent.mentions]


def _claim(text: str, doc: Document, m, scheme: StatusScheme) -> StatusClaim:
    a, b = _clause(text, m.start, m.end)
    evidence = doc.text[m.sentence_start : m.sentence_start + len(m.sentence)]
    # the predicate after the name says most; a governing verb before it, less
    for lo, hi in ((m.end, b), (a, m.start)):
        found = [
            (scheme.rank.get(scheme.status_of[x.group(0)], 0), -x.start(), x)
            for x in scheme.pattern.finditer(text, lo, hi)
            if not NEGATED.search(text, max(0, x.start() - 6), x.start())
        ]
        if found:
            _, _, x = max(found)
            return StatusClaim(
                year=m.year,
                mode=m.mode,
                status=scheme.status_of[x.group(0)],
                trigger=doc.text[x.start() : x.end()],
                evidence=evidence,
                start=x.start(),
                end=x.end(),
            )
    return StatusClaim(
        year=m.year, mode=m.mode, status=MENTIONED, trigger="", evidence=evidence, start=m.start, end=m.end
    )


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    a = start
    while a > 0 and text[a - 1] not in CLAUSE_END:
        a -= 1
    b = end
    while b < len(text) and text[b] not in CLAUSE_END:
        b += 1
    return a, b
