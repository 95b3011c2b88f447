"""One id per real-world thing across the corpus, with the reasons for every merge.

Reports rename what they follow: 西铁城精密机床 becomes 西铁城新景精密机床, then
西铁城精密数控机床; 齐鲁数谷 grows into 齐鲁数谷大数据小镇; 王村能源中心 is
written 王村镇能源中心项目. Exact-name matching finds none of these. Here two
entities of different reports are compared by their names (every alias),
after peeling what varies without changing the thing (the area's own name in
front, a legal or project suffix behind):

- same name, or same core once peeled                      score 1.0 / 0.95
- one core inside the other (a short form)                 0.70 + 0.25 × coverage
- renamed: the shorter core's first two characters (its
  distinctive part) and most of the rest kept in the longer,
  with a shared stretch of three characters (two for a firm) 0.50 + 0.40 × coverage × …

Pairs are merged best first, and a cluster never takes two entities of one
report: in one report, two names are two things (the extractor already
merged a report's short and long forms). Clusters are complete-link: every
member must match every other, so a short generic name cannot chain
社会主义制度 to 中国特色社会主义军事政策制度 across decades of reports. Types must agree: a firm is not its
project. A user's curation file (``extract/curation.py``) forces merges and
splits, types and canonical names. Every merge is kept as a ``Link`` with the
rule, the score, the names and the sentences compared.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .curation import Decision, check_names
from .entities.dictionary import all_common
from .entities.names import unquote
from .load import fold
from .records import DocumentResult, Entity, Link

THRESHOLD = 0.6
VARIANT_THRESHOLD = 0.8  # within one report, only near-certain variants are one entity
MAX_BUCKET = 60  # a character pair shared by more entities than this is no evidence
SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司", "集团", "项目", "工程", "建设")
ADMIN_CHARS = "省市区县镇"


@dataclass
class _Node:
    doc: int
    entity: Entity
    names: tuple[str, ...]  # folded, unquoted
    cores: tuple[str, ...]


@dataclass
class _Cluster:
    members: list[int] = field(default_factory=list)
    docs: set[int] = field(default_factory=set)


def area_forms(area: str | None) -> tuple[str, ...]:
    """The ways a report names its own area in front of a name: 周村区, 周村."""
    if not area:
        return ()
    forms = {area}
    if len(area) > 2 and area[-1] in ADMIN_CHARS:
        forms.add(area[:-1])
    return tuple(sorted(forms, key=len, reverse=True))


def core(name: str, areas: tuple[str, ...]) -> str:
    """The part of a name that stays when a report re-words it."""
    c = name
    for a in areas:
        if c.startswith(a) and len(c) > len(a) + 1:
            c = c[len(a):]
            break
    if len(c) > 3 and c[0] in "区市县" and c[1] not in ADMIN_CHARS:
        c = c[1:]  # "区实验中学": the district's own
    for s in SUFFIXES:
        if c.endswith(s) and len(c) > len(s) + 1:
            c = c[: -len(s)]
            break
    return c


def _lcs(a: str, b: str) -> int:
    """Length of the longest common subsequence, bit-parallel over ``b``
    (Hyyrö's formulation: one pass over ``a``, a few integer operations per
    character), so that scoring thousands of pairs stays fast."""
    masks: dict[str, int] = {}
    for i, ch in enumerate(b):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(b)) - 1
    v = full
    for ch in a:
        u = v & masks.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    return len(b) - bin(v).count("1")


def _share_three(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` share a stretch of three characters."""
    return any(a[k:k + 3] in b for k in range(len(a) - 2))


def compare(x: str, y: str, cx: str, cy: str, typ: str) -> tuple[float, str]:
    """Score two names (and their cores) of one type: (score, rule)."""
    if x == y:
        return 1.0, "same name"
    if cx == cy and len(cx) >= 2 and not all_common(cx):
        return 0.95, "same name once area and suffix are set aside"
    short, long_ = (cx, cy) if len(cx) <= len(cy) else (cy, cx)
    if len(short) < 2 or (len(short) <= 4 and all_common(short)) or _new_thing(short, long_) \
            or _numbers(cx) and _numbers(cy) and _numbers(cx) != _numbers(cy) or _other_kind(cx, cy):
        return 0.0, ""
    if short in long_ and (len(short) >= 3 or long_.startswith(short)):
        return 0.70 + 0.25 * len(short) / len(long_), "short form of a longer name"
    if len(short) < 3:
        return 0.0, ""
    lcs = _lcs(short, long_)
    coverage = lcs / len(short)
    brand = short[:2] == long_[:2] and typ == "ENTERPRISE"
    if coverage >= 0.7 and short[:2] in long_ and (brand or _share_three(short, long_)):
        return 0.50 + 0.40 * coverage * (0.5 + 0.5 * lcs / len(long_)), "renamed: most of one name kept in the other"
    return 0.0, ""


PLACES = ("路", "大道", "街", "巷", "河", "湖", "山", "村", "镇", "社区")
BUILDINGS = ("幼儿园", "小学", "中学", "一中", "学校", "医院", "卫生院", "公园", "广场", "中心", "馆")


NUMERALS = re.compile(r"[0-9一二三四五六七八九十百千两]+")


def _numbers(name: str) -> tuple[str, ...]:
    """"三年行动" and "五年提升行动" are two programmes: their numbers differ."""
    return tuple(NUMERALS.findall(name))


def _other_kind(a: str, b: str) -> bool:
    """"实验中学" and "实验小学": two buildings of different kinds are two things."""
    ka = next((x for x in BUILDINGS if a.endswith(x)), None)
    kb = next((x for x in BUILDINGS if b.endswith(x)), None)
    return ka is not None and kb is not None and ka != kb


def _new_thing(short: str, long_: str) -> bool:
    """"中和街" and "中和街幼儿园", "实验幼儿园" and "实验幼儿园综合楼": a place or
    a building, then a building after it, is another thing."""
    i = long_.find(short)
    rest = long_[i + len(short):] if i >= 0 else ""
    return bool(rest) and short.endswith(PLACES + BUILDINGS) and rest.endswith(BUILDINGS + ("楼",))


def merge_variants(results: list[DocumentResult], decisions: list[Decision] = ()) -> None:
    """Within one report, a short form and its long form are one entity
    ("新加坡智能家居" and "文泰新加坡智能家居", "西铁城精密机床" and
    "西铁城新景精密机床"); two names that merely look alike are not.

    Only mentions are merged: statuses and themes derive from mentions and
    are computed after this step."""
    apart = {frozenset((d.a, d.b)) for d in decisions if d.verb == "different"}
    for r in results:
        areas = area_forms(fold(r.document.area or ""))
        ents = sorted(r.entities, key=lambda e: (-len(e.name), e.name))
        forms = {id(e): {fold(unquote(n)) for n in [e.name, *e.aliases]} for e in ents}
        by_gram: dict[tuple[str, str], list[Entity]] = defaultdict(list)
        merged: list[Entity] = []
        for e in ents:
            grams = {(e.type, f[k:k + 2]) for f in forms[id(e)] for k in range(len(f) - 1)}
            near = {id(m): m for g in grams for m in by_gram.get(g, ())}
            target = next((m for m in near.values() if frozenset((m.name, e.name)) not in apart
                           and _variant(forms[id(m)], forms[id(e)], areas, e.type)), None)
            if target is None:
                merged.append(e)
                for g in grams:
                    by_gram[g].append(e)
            else:
                target.mentions = sorted(target.mentions + e.mentions, key=lambda m: (m.start, m.end))
                forms[id(target)] |= forms[id(e)]
        r.entities = sorted(merged, key=lambda e: (e.mentions[0].start, e.type))


def _variant(xs: set[str], ys: set[str], areas, typ: str) -> bool:
    for x in xs:
        for y in ys:
            short, long_ = sorted((x, y), key=len)
            if not _subsequence(short, long_) or NUMERALS.search("".join(_inserted(short, long_))):
                continue  # a report abbreviates by leaving words out, never by changing them
            score, rule = compare(x, y, core(x, areas), core(y, areas), typ)
            if score >= VARIANT_THRESHOLD and rule != "same name":
                return True
    return False


def _subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(ch in it for ch in short)


def _inserted(short: str, long_: str) -> list[str]:
    """The characters of ``long_`` left over when ``short`` is read inside it in order."""
    out, i = [], 0
    for ch in long_:
        if i < len(short) and ch == short[i]:
            i += 1
        else:
            out.append(ch)
    return out


def resolve(results: list[DocumentResult], decisions: list[Decision] = ()) -> tuple[list[Link], dict[str, str]]:
    """Give every entity its corpus-wide id; return the merge links and id → canonical name."""
    decisions = list(decisions)
    nodes = _nodes(results)
    known = {n for node in nodes for n in node.names} | {a for node in nodes for a in node.entity.aliases}
    check_names(decisions, known | {unquote(a) for a in known})
    _apply_types(nodes, decisions)

    parent = list(range(len(nodes)))
    clusters = {i: _Cluster([i], {nodes[i].doc}) for i in range(len(nodes))}
    apart = _apart(nodes, decisions)
    links: list[Link] = []
    scores: dict[tuple[int, int], float] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def merge(i: int, j: int, score: float, rule: str, forced: bool = False) -> bool:
        a, b = find(i), find(j)
        if a == b:
            return False
        ca, cb = clusters[a], clusters[b]
        if not forced and (ca.docs & cb.docs or nodes[i].entity.type != nodes[j].entity.type):
            return False
        if any((m, n) in apart for m in ca.members for n in cb.members):
            return False
        if not forced and not all(_pair_score(nodes, m, n, scores) >= THRESHOLD
                                  for m in ca.members for n in cb.members):
            return False  # every member must match every other: no chains through a short name
        parent[b] = a
        ca.members += cb.members
        ca.docs |= cb.docs
        del clusters[b]
        links.append(_link(results, nodes[i], nodes[j], score, rule))
        return True

    for d in decisions:
        if d.verb == "same":
            for i in _named(nodes, d.a):
                for j in _named(nodes, d.b):
                    merge(i, j, 1.0, f"curation ({d.where})", forced=True)
    for score, i, j, rule in _candidate_pairs(nodes):
        merge(i, j, score, rule)

    canonical = _assign_ids(nodes, clusters, results, decisions)
    links.sort(key=lambda lk: (lk.a, lk.b))
    return links, canonical


def _pair_score(nodes: list[_Node], i: int, j: int, cache: dict[tuple[int, int], float]) -> float:
    key = (i, j) if i < j else (j, i)
    if key not in cache:
        cache[key] = _best(nodes[i], nodes[j])[0]
    return cache[key]


def _best(a: _Node, b: _Node) -> tuple[float, str]:
    """The best score over every name of ``a`` against every name of ``b``."""
    best, rule = 0.0, ""
    for x, cx in zip(a.names, a.cores):
        for y, cy in zip(b.names, b.cores):
            sc, r = compare(x, y, cx, cy, a.entity.type)
            if sc > best:
                best, rule = sc, r
    return best, rule


def _nodes(results: list[DocumentResult]) -> list[_Node]:
    out = []
    for d, r in enumerate(results):
        areas = area_forms(fold(r.document.area or ""))
        for e in r.entities:
            names = tuple(sorted({fold(unquote(x)) for x in [e.name, *e.aliases]}))
            out.append(_Node(d, e, names, tuple(core(n, areas) for n in names)))
    return out


def _apply_types(nodes: list[_Node], decisions: list[Decision]) -> None:
    for d in decisions:
        if d.verb == "type":
            for i in _named(nodes, d.a):
                ent = nodes[i].entity
                ent.type = d.b
                ent.mentions = [_retype(m, d.b) for m in ent.mentions]


def _retype(m, typ):
    from dataclasses import replace

    return replace(m, type=typ)


def _named(nodes: list[_Node], name: str) -> list[int]:
    key = fold(unquote(name))
    return [i for i, n in enumerate(nodes) if key in n.names]


def _apart(nodes: list[_Node], decisions: list[Decision]) -> set[tuple[int, int]]:
    apart = set()
    for d in decisions:
        if d.verb == "different":
            for i in _named(nodes, d.a):
                for j in _named(nodes, d.b):
                    apart |= {(i, j), (j, i)}
    return apart


def _candidate_pairs(nodes: list[_Node]):
    """Pairs of entities of one type in different reports worth scoring (sharing
    two character pairs, or a whole short core), scored and sorted best first;
    ties are broken by position, so the result is deterministic."""
    grams_of = [_grams(n.cores) for n in nodes]
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        for g in grams_of[i]:
            buckets[(n.entity.type, g)].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if nodes[i].doc != nodes[j].doc:
                    shared[(i, j)] += 1
    scored = []
    for (i, j), count in shared.items():
        if count < 2 and min(len(grams_of[i]), len(grams_of[j])) > 1:
            continue
        best, rule = _best(nodes[i], nodes[j])
        if best >= THRESHOLD:
            scored.append((best, i, j, rule))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    return scored


def _grams(cores: tuple[str, ...]) -> set[str]:
    return {c[k:k + 2] for c in cores for k in range(len(c) - 1)} | {c for c in cores if len(c) <= 2}


def _link(results, a: _Node, b: _Node, score: float, rule: str) -> Link:
    ra, rb = results[a.doc].document, results[b.doc].document
    ma, mb = a.entity.mentions[0], b.entity.mentions[0]
    return Link(
        a=f"{ra.name}#{a.entity.type}#{a.entity.name}", b=f"{rb.name}#{b.entity.type}#{b.entity.name}",
        rule=rule, score=score,
        detail=f"{a.entity.name} ({ra.name}: {ma.sentence}) ~ {b.entity.name} ({rb.name}: {mb.sentence})",
    )


def _assign_ids(nodes, clusters, results, decisions) -> dict[str, str]:
    """Id from the earliest report's name (stable as later reports are added);
    canonical name from the latest report, unless the curation file names it."""
    names = {d.a: d.b for d in decisions if d.verb == "name"}
    canonical = {}
    for cluster in clusters.values():
        members = sorted(cluster.members, key=lambda i: (nodes[i].doc, nodes[i].entity.name))
        first, last = nodes[members[0]], nodes[members[-1]]
        typ = first.entity.type
        cid = entity_id(typ, fold(unquote(first.entity.name)))
        label = last.entity.name
        for i in members:
            for n in [nodes[i].entity.name, *nodes[i].entity.aliases]:
                if n in names:
                    label = names[n]
        for i in members:
            nodes[i].entity.id = cid
        canonical[cid] = label
    return dict(sorted(canonical.items()))


def entity_id(typ: str, key: str) -> str:
    digest = hashlib.sha1(f"{typ}\x1f{key}".encode()).hexdigest()[:12]
    return f"{typ.lower()}-{digest}"
