"""Within one report, a short form and its long form are one entity.

"新加坡智能家居" and "文泰新加坡智能家居", "西铁城精密机床" and "西铁城新景精密机床",
"营改增" defined after "营业税改征增值税": the report writes one thing two ways. Two
names that merely look alike are not merged, nor two names the report lists
side by side (``guards.listed_together``), nor names a guard separates, nor
two phases (云溪水库一期工程 done, 云溪水库二期工程 planned: two stages the report
follows apart; across reports a phase is a stage of one undertaking).

A short form that fits several long forms (three firms sharing it) goes to
one by a total order: the best score, then the long form mentioned nearest
to the short one's first mention, then the long form's name and type. Nothing
depends on set or hash order.

Only mentions are merged: statuses and themes derive from mentions and are
computed after this step.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..curation import Decision
from ..records import DocumentResult, Entity, Link
from . import guards
from .abbreviations import abbreviation_score, definitions, subsequence
from .names import area_forms, key, normal, phase, strategy
from .score import (
    ABBREVIATED,
    ABBREVIATION,
    DEFINED,
    SAME,
    SAME_STRATEGY,
    VARIANT,
    WORDS_IN_FRONT,
    behind_front,
    compare,
    same_key,
)

VARIANT_THRESHOLD = 0.8  # within one report, only near-certain variants are one entity
CROSS_TYPE = 0.8  # a PROJECT and a PROGRAM (工程 is either) only when the names are near variants
FRONT_SCORE = 0.9  # the same name once words in front that no name has are set aside
TYPE_CLASS = {"PROJECT": "WORKS", "PROGRAM": "WORKS"}


def type_class(typ: str) -> str:
    return TYPE_CLASS.get(typ, typ)


def _phases(forms) -> frozenset[str]:
    return frozenset(p for p in map(phase, forms) if p)


def known_names(results: list[DocumentResult]) -> frozenset[str]:
    """Every name and distinctive key the corpus uses: what a coordination is made of."""
    out = set()
    for r in results:
        areas = area_forms(r.document.area)
        for e in r.entities:
            for n in {e.name, *e.aliases}:
                nn = normal(n)
                out.add(nn)
                k = key(n, areas)
                if len(k) >= 2:
                    out.add(k)
    return frozenset(out)


def merge_variants(results: list[DocumentResult], decisions: list[Decision] = ()) -> list[Link]:
    """Merge each report's short forms into their long forms; return a link per merge."""
    apart = {frozenset((normal(d.a), normal(d.b))) for d in decisions if d.verb == "different"}
    listed = guards.listed_together(results)
    defined = definitions(results)
    known = known_names(results)
    names = {normal(n) for r in results for e in r.entities for n in (e.name, *e.aliases)}
    links: list[Link] = []
    for r in results:
        links += _merge_fronts(r, apart | listed, names)
        links += _merge_report(r, apart | listed, defined, known)
    return links


def _merge_fronts(r: DocumentResult, apart: set[frozenset[str]], names: set[str]) -> list[Link]:
    """Entities whose names are one name the corpus knows behind words in front
    that no name has (认为兴建三峡工程, 便使我国第一个五年计划: the extractor's span) are
    that name: merged into the entity so named, or, when the report has none,
    into one another."""
    ents = sorted(r.entities, key=lambda e: (len(normal(e.name)), normal(e.name), e.type, e.mentions[0].start))
    by_name = {(type_class(e.type), normal(e.name)): e for e in reversed(ents)}
    links, gone = [], set()
    for e in ents:
        inner = behind_front(normal(e.name), names)
        cls = type_class(e.type)
        if not inner:
            continue
        target = by_name.get((cls, inner))
        if target is None:
            by_name[(cls, inner)] = e  # the first of them stands for the name
            continue
        if any(
            frozenset((normal(a), normal(b))) in apart
            for a in (e.name, *e.aliases)
            for b in (target.name, *target.aliases)
        ):
            continue
        links.append(_link(r, target, e, FRONT_SCORE, WORDS_IN_FRONT))
        moved = [m if m.type == target.type else replace(m, type=target.type) for m in e.mentions]
        target.mentions = sorted(target.mentions + moved, key=lambda m: (m.start, m.end))
        gone.add(id(e))
        by_name[(cls, normal(e.name))] = target
    r.entities = [e for e in r.entities if id(e) not in gone]
    return links


def _merge_report(
    r: DocumentResult, apart: set[frozenset[str]], defined: set[tuple[str, str]], known: frozenset[str]
) -> list[Link]:
    areas = area_forms(r.document.area)
    ents = sorted(r.entities, key=lambda e: (-len(normal(e.name)), normal(e.name), e.type, e.mentions[0].start))
    forms = {id(e): {normal(n) for n in [e.name, *e.aliases]} for e in ents}
    coordinated = {id(e): any(guards.is_coordination(f, known) for f in forms[id(e)]) for e in ents}
    by_gram: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    by_first: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    by_key: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    order: dict[int, int] = {}
    kept: list[Entity] = []
    kept_by_id: dict[int, Entity] = {}
    links: list[Link] = []
    for e in ents:
        grams = sorted({(type_class(e.type), f[k : k + 2]) for f in forms[id(e)] for k in range(len(f) - 1)})
        shared: dict[int, int] = defaultdict(int)
        for g in grams:
            for m in by_gram.get(g, ()):
                shared[id(m)] += 1
        need = min(2, len(grams))  # two character pairs in common, as across reports
        near_ids = {i for i, n in shared.items() if n >= need}
        for f in forms[id(e)]:  # abbreviations share few pairs: the long form starts like the short one
            if len(f) <= 6:
                near_ids |= {
                    id(m)
                    for m in by_first.get((type_class(e.type), f[0]), ())
                    if any(len(g) > len(f) and subsequence(f, g) for g in forms[id(m)])
                }
        # one key, few pairs in common: 第九个五年计划 and “九五”计划
        keys = sorted({(type_class(e.type), key(f, areas)) for f in forms[id(e)]})
        for k in keys:
            near_ids |= {id(m) for m in by_key.get(k, ())}
        near = sorted((kept_by_id[i] for i in near_ids), key=lambda m: order[id(m)])  # (all are kept)
        scored = []
        for m in near:
            if any(frozenset((a, b)) in apart for a in forms[id(m)] for b in forms[id(e)]):
                continue
            score, rule = _variant(
                forms[id(m)], forms[id(e)], areas, m.type, e.type, defined, coordinated[id(m)] or coordinated[id(e)]
            )
            if score >= VARIANT_THRESHOLD:
                scored.append((score, -_distance(m, e), m.name, m.type, rule, m))
        if not scored:
            order[id(e)] = len(kept)
            kept.append(e)
            kept_by_id[id(e)] = e
            for g in grams:
                by_gram[g].append(e)
            for ch in sorted({f[0] for f in forms[id(e)] if f}):
                by_first[(type_class(e.type), ch)].append(e)
            for k in keys:
                if len(k[1]) >= 2:
                    by_key[k].append(e)
            continue
        score, _, _, _, rule, target = max(scored, key=lambda t: t[:4])
        links.append(_link(r, target, e, score, rule))
        moved = [m if m.type == target.type else replace(m, type=target.type) for m in e.mentions]
        target.mentions = sorted(target.mentions + moved, key=lambda m: (m.start, m.end))
        forms[id(target)] |= forms[id(e)]
    r.entities = sorted(kept, key=lambda e: (e.mentions[0].start, e.type))
    return links


def _variant(xs: set[str], ys: set[str], areas, tx: str, ty: str, defined, coordinated: bool) -> tuple[float, str]:
    """The best score of two entities' forms as variants of one name in one report."""
    if type_class(tx) != type_class(ty):
        return 0.0, ""
    px, py = _phases(xs), _phases(ys)
    if px and py and px.isdisjoint(py):
        return 0.0, ""  # 一期 done and 二期 planned in one report: two stages, two entities
    best, best_rule = 0.0, ""
    for x in sorted(xs):
        for y in sorted(ys):
            short, long_ = sorted((x, y), key=lambda s: (len(s), s))
            kx, ky = key(x, areas), key(y, areas)
            if (long_, short) in defined:
                score, rule = 0.9, DEFINED
            elif tx == ty == "PROGRAM" and strategy(long_) == short:
                score, rule = 0.95, SAME_STRATEGY  # 乡村振兴 and 乡村振兴战略: with its head or without
            elif (q := abbreviation_score(short, long_)) and not coordinated:
                score, rule = 0.6 + 0.3 * q, ABBREVIATION
            elif not same_key(kx, ky, tx) and (
                not subsequence(short, long_) or guards.NUMERALS.search("".join(_inserted(short, long_)))
            ):
                continue  # a report abbreviates by leaving words out, never by changing them
            else:
                score, rule = compare(x, y, kx, ky, tx)
                if rule == SAME or coordinated and score < 0.95:
                    continue
            if tx != ty and score < CROSS_TYPE:
                continue
            if score > best:
                best, best_rule = score, rule
    return best, best_rule


def _inserted(short: str, long_: str) -> list[str]:
    """The characters of ``long_`` left over when ``short`` is read inside it in order."""
    out, i = [], 0
    for ch in long_:
        if i < len(short) and ch == short[i]:
            i += 1
        else:
            out.append(ch)
    return out


def _distance(a: Entity, b: Entity) -> int:
    """How far the nearest mention of ``a`` is from ``b``'s first mention."""
    first = b.mentions[0].start
    return min(abs(m.start - first) for m in a.mentions)


def _link(r: DocumentResult, long_: Entity, short: Entity, score: float, rule: str) -> Link:
    name = r.document.name
    ml, ms = long_.mentions[0], short.mentions[0]
    return Link(
        a=f"{name}#{long_.type}#{long_.name}",
        b=f"{name}#{short.type}#{short.name}",
        rule=f"in one report: {rule}",
        score=score,
        detail=f"{long_.name} ({name}: {ml.sentence}) ~ {short.name} ({name}: {ms.sentence})",
        kind=ABBREVIATED if rule in (ABBREVIATION, DEFINED) else VARIANT,  # one report renames nothing
    )
