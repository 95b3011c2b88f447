"""One id per real-world thing across the corpus, with the reasons for every merge.

Reports follow their undertakings for decades and re-word them: 三峡工程,
长江三峡水利枢纽工程, 三峡三期工程; 营业税改征增值税试点, then 营改增; 西铁城精密机床,
then 西铁城精密数控机床. The resolver works in three steps, none comparing
all pairs of the corpus:

1. Groups: entities whose names share a key (``names.key``: quotes, place,
   legal suffix, head noun, phase set aside) are variants of one name, found
   by hashing the key. Words the extractor left in front of a name the corpus
   knows (认为兴建三峡工程) are set aside for the comparison.
2. Candidates: groups sharing two character pairs of their names (a pair
   shared by too many groups is no evidence), groups whose short form
   abbreviates another's long form (characters indexed by position), and
   abbreviations the text defines.
3. Clusters, best pair first: a cluster never takes two entities of one
   report (in one report, two names are two things: the report's short and
   long forms were merged before, ``variants``); every group of a cluster must
   match every other (complete link), so a short generic name cannot chain
   two different longer ones; no guard may separate two of its names, nor a
   list of one report (``guards``). A firm is never its project; a PROJECT
   and a PROGRAM (a 工程 is either) only when their names are variants, and
   the cluster then takes the type most of its reports give.

Each merge is kept as a ``Link`` with the rule, the score, both names and the
sentences behind them, and whether the second name is a variant, an
abbreviation or a rename of the first. A user's curation file
(``extract/curation.py``) forces merges and splits, types and canonical names.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from ..curation import Decision, check_names
from ..entities.numbered import abbreviates, items_of, short_forms
from ..load import fold
from ..records import DocumentResult, Entity, Link
from . import guards
from .abbreviations import MAX_SHORT, MIN_SHORT, abbreviation_score, definitions
from .canonical import canonical_name
from .names import area_forms, distinctive, key, normal, plain_text, strategy, without_quotes
from .score import (
    ABBREVIATION,
    DEFINED,
    NUMBERED,
    RENAMED,
    SAME_STRATEGY,
    SHORT_FORM,
    THRESHOLD,
    WORDS_IN_FRONT,
    behind_front,
    compare,
    link_kind,
    same_key,
)
from .variants import CROSS_TYPE, known_names, type_class

MAX_BUCKET = 60  # a character pair shared by more groups than this is no evidence
FRONT_CAP = 0.9  # a match found only once words in front are set aside
CONTEXT_BONUS = 0.01  # at most, to a short form whose sentences repeat the rest of the longer name: a tie-breaker


@dataclass
class _Node:
    doc: int
    entity: Entity
    areas: tuple[str, ...]
    forms: tuple[tuple[str, str, bool], ...]  # (name, key, found only after setting aside words in front)


@dataclass
class _Group:
    cls: str
    key: tuple[str, str] = ("", "")
    members: list[int] = field(default_factory=list)
    docs: set[int] = field(default_factory=set)
    forms: set[tuple[str, str, bool]] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    coordination: bool = False

    def add(self, i: int, node: _Node) -> None:
        self.members.append(i)
        self.docs.add(node.doc)
        self.forms |= set(node.forms)
        self.types.add(node.entity.type)


def resolve(
    results: list[DocumentResult], decisions: list[Decision] = (), variant_links: list[Link] = ()
) -> tuple[list[Link], dict[str, str]]:
    """Give every entity its corpus-wide id; return the merge links and id → canonical name.

    ``variant_links`` (from ``merge_variants``) are returned with the others,
    under the type their entity ends up with."""
    decisions = list(decisions)
    known = {n for r in results for e in r.entities for n in (e.name, *e.aliases)}
    check_names(decisions, known | {without_quotes(n) for n in known} | {normal(n) for n in known})
    _apply_types(results, decisions)
    nodes = _nodes(results)
    apart_nodes = _apart(nodes, decisions)
    keys = [_group_key(node) for node in nodes]
    several = _keys_of_places(nodes, keys)
    groups, pending = _groups(nodes, apart_nodes, keys, several)
    corpus = known_names(results)
    for g in groups:
        g.coordination = any(guards.is_coordination(f, corpus) for f, _, front in g.forms if not front)
    res = _Resolver(
        nodes,
        groups,
        apart_nodes,
        guards.listed_together(results),
        definitions(results),
        [r.document.folded or fold(r.document.text) for r in results],
        several,
    )
    for d in decisions:
        if d.verb == "same":
            for i in _named(nodes, d.a):
                for j in _named(nodes, d.b):
                    res.merge(res.group_of[i], res.group_of[j], 1.0, f"curation ({d.where})", (i, j))
    for score, a, b, rule in res.candidates():
        res.merge(a, b, score, rule)
    clusters = res.clusters()
    before = {id(n.entity): n.entity.type for n in nodes}
    _settle_types(nodes, clusters)
    canonical = _assign_ids(nodes, clusters, decisions, results)
    links = [_link(results, nodes[i], nodes[j], s, rule) for i, j, s, rule in pending + res.merges]
    now = {f"{results[n.doc].document.name}#{before[id(n.entity)]}#{n.entity.name}": n.entity.type for n in nodes}
    links += [_retyped(lk, now) for lk in variant_links]
    links.sort(key=lambda lk: (lk.a, lk.b, lk.rule))
    return links, canonical


def _nodes(results: list[DocumentResult]) -> list[_Node]:
    """One node per entity, with its names and their keys. An everyday-word
    alias the report merged into a longer name (医疗保险制度 into
    城镇职工基本医疗保险制度) is no evidence across reports and is left out; where
    words the extractor left in front hide a name the corpus knows, that name
    is added."""
    names_known = {normal(n) for r in results for e in r.entities for n in (e.name, *e.aliases)}
    out = []
    for d, r in enumerate(results):
        areas = area_forms(r.document.area)
        for e in r.entities:
            main = normal(e.name)
            names = sorted({n for n in (normal(x) for x in e.aliases) if distinctive(key(n, areas))} | {main})
            forms = {(n, key(n, areas), False) for n in names}
            for n in names:
                inner = behind_front(n, names_known)
                if inner and inner not in names:
                    forms.add((inner, key(inner, areas), True))
            out.append(_Node(d, e, areas, tuple(sorted(forms))))
    return out


def _group_key(node: _Node) -> tuple[str, str]:
    name = normal(node.entity.name)
    k = key(name, node.areas)
    cls = type_class(node.entity.type)
    if same_key(k, k, node.entity.type):
        return (cls, k)
    if node.entity.type == "PROGRAM":  # 乡村振兴 and 乡村振兴战略: one strategy, with its head or without
        return (cls, "=" + strategy(name))
    return (cls, "=" + name)


def _groups(nodes: list[_Node], apart: set[tuple[int, int]], keys: list[tuple[str, str]], several: frozenset):
    """Entities sharing a key, one per report; and the links that joined them."""
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    pending = []
    for i, node in enumerate(nodes):
        gk = keys[i]
        fits = []
        placed = bool(guards.leading_places(normal(node.entity.name)))
        for gi in by_key[gk]:
            g = groups[gi]
            if node.doc in g.docs or any((m, i) in apart for m in g.members):
                continue
            if any(guards.other_place(normal(nodes[m].entity.name), normal(node.entity.name)) for m in g.members):
                continue  # 上海自贸试验区 and 福建自贸试验区 share a key, not a place
            if gk in several and any(
                bool(guards.leading_places(normal(nodes[m].entity.name))) != placed for m in g.members
            ):
                continue  # a bare 自贸试验区 is not one of the places' own
            prev = g.members[-1]
            score, rule, _, _ = _best(nodes[prev].forms, node.forms, node.entity.type)
            if not rule and gk[1].startswith("="):  # grouped by _group_key's strategy rule alone
                score, rule = 0.95, SAME_STRATEGY
            if rule:  # a key shared with no rule to say why (a guard between the names) is no fit
                fits.append((score, -gi, prev, rule))
        if fits:  # the group whose last name is nearest: 二期 joins 二期 before 一期
            score, gi, prev, rule = max(fits)
            pending.append((prev, i, score, rule))
            groups[-gi].add(i, node)
        else:
            by_key[gk].append(len(groups))
            groups.append(_Group(gk[0], gk))
            groups[-1].add(i, node)
    return groups, pending


def _keys_of_places(nodes: list[_Node], keys: list[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """Group keys the corpus writes after two places (上海自贸试验区, 福建自贸试验区): the bare
    name (自贸试验区) is then the kind, which no one place's entity may take."""
    places: dict[tuple[str, str], set[str]] = defaultdict(set)
    for node, k in zip(nodes, keys):
        name = normal(node.entity.name)
        if guards.leading_places(name):
            places[k].add(name)
    return frozenset(
        k
        for k, names in places.items()
        if len(names) > 1 and any(guards.other_place(a, b) for a in names for b in names if a < b)
    )


def _best(xs, ys, typ: str) -> tuple[float, str, str, str]:
    """The best score of any form of one side against any of the other."""
    best = (0.0, "", "", "")
    for x, kx, fx in xs:
        for y, ky, fy in ys:
            score, rule = compare(x, y, kx, ky, typ)
            if (fx or fy) and score > FRONT_CAP:
                score, rule = FRONT_CAP, WORDS_IN_FRONT
            if score > best[0]:
                best = (score, rule, x, y)
    return best


class _Resolver:
    """Clusters of groups, merged best pair first under the constraints of the module doc."""

    def __init__(self, nodes, groups, apart_nodes, listed, defined, texts, several=frozenset()):
        self.nodes, self.groups = nodes, groups
        self.texts = texts
        self.plain: dict[int, str] = {}
        self.group_of = {i: gi for gi, g in enumerate(groups) for i in g.members}
        self.parent = list(range(len(groups)))
        self.cluster = {gi: [gi] for gi in range(len(groups))}
        self.docs = {gi: set(g.docs) for gi, g in enumerate(groups)}
        self.apart = {(self.group_of[i], self.group_of[j]) for i, j in apart_nodes}
        self.contrast = self._contrast(listed)
        self.defined = defined
        self.scores: dict[tuple[int, int], tuple[float, str, str, str]] = {}
        self.forms_of: dict[int, tuple[tuple[str, str, bool], ...]] = {}
        self.several = several
        self.placed: dict[int, tuple[str, ...]] = {}  # group → its names opening with a place
        self.said: dict[int, str] = {}  # group → its mentions' sentences (the short-form tie-break)
        self.merges: list[tuple[int, int, float, str]] = []

    def _contrast(self, listed) -> set[tuple[int, int]]:
        by_name = defaultdict(set)
        for gi, g in enumerate(self.groups):
            for f, _, front in g.forms:
                if not front:
                    by_name[f].add(gi)
        out = set()
        for pair in listed:
            a, b = sorted(pair)
            for x in by_name.get(a, ()):
                for y in by_name.get(b, ()):
                    if x != y:
                        out |= {(x, y), (y, x)}
        return out

    def find(self, g: int) -> int:
        while self.parent[g] != g:
            self.parent[g] = self.parent[self.parent[g]]
            g = self.parent[g]
        return g

    def score(self, a: int, b: int) -> tuple[float, str, str, str]:
        k = (a, b) if a < b else (b, a)
        if k not in self.scores:
            self.scores[k] = self._score(*k)
        return self.scores[k]

    def _score(self, a: int, b: int) -> tuple[float, str, str, str]:
        ga, gb = self.groups[a], self.groups[b]
        if ga.cls != gb.cls:
            return 0.0, "", "", ""
        fa, fb = self.sorted_forms(a), self.sorted_forms(b)
        best = _best(fa, fb, min(ga.types))
        for short_g, long_g, short_f, long_f in ((ga, gb, fa, fb), (gb, ga, fb, fa)):
            for s, ks, fs in short_f:
                if fs or not (MIN_SHORT <= len(s) <= MAX_SHORT or MIN_SHORT <= len(ks) <= MAX_SHORT):
                    continue
                for lf, kl, fl in long_f:
                    if fl:
                        continue
                    if (lf, s) in self.defined:
                        cand = (0.9, DEFINED, s, lf)
                    elif abbreviates(s, lf) or abbreviates(ks, kl):  # either first: the forms are narrow
                        cand = (0.85, NUMBERED, s, lf)
                    elif min(long_g.docs) <= min(short_g.docs) and (
                        q := max(abbreviation_score(ks, kl), abbreviation_score(s, lf))
                    ):
                        cand = (0.6 + 0.3 * q, ABBREVIATION, s, lf)
                    else:
                        continue
                    if cand[0] > best[0]:
                        best = cand if short_g is ga else (cand[0], cand[1], cand[3], cand[2])
        if (ga.coordination or gb.coordination) and best[0] < 0.95 and best[1] != NUMBERED:
            return 0.0, "", "", ""
        if best[1] == RENAMED and (self._written(best[2], ga, gb) or self._written(best[3], gb, ga)):
            return 0.0, "", "", ""  # a report writing both names names two things
        if ga.types.isdisjoint(gb.types) and best[0] < CROSS_TYPE:
            return 0.0, "", "", ""
        if best[1] == SHORT_FORM:
            short_g, long_name = (a, best[3]) if len(best[2]) <= len(best[3]) else (b, best[2])
            short = min(best[2], best[3], key=len)
            best = (best[0] + CONTEXT_BONUS * self._context(short_g, short, long_name), *best[1:])
        return best

    def _context(self, short_g: int, short: str, long_name: str) -> float:
        """How much of what the longer name adds to the short one the short one's sentences
        write (0 to 1): "光大、淦清两大污水处理厂扩建提标项目" writes 提标 of 淦清污水处理厂提标改造,
        not 人工湿地 of 淦清污水处理厂人工湿地. Two longer names a short form fits
        equally well are told apart by what the text around it says."""
        rest = long_name.replace(short, "", 1)
        grams = {rest[i : i + 2] for i in range(len(rest) - 1)}
        if not grams:
            return 0.0
        if short_g not in self.said:  # each sentence once, read once per group
            sentences = (m.sentence for i in self.groups[short_g].members for m in self.nodes[i].entity.mentions)
            self.said[short_g] = "\n".join(dict.fromkeys(sentences))
        said = self.said[short_g]
        return sum(g in said for g in grams) / len(grams)

    def sorted_forms(self, g: int) -> tuple[tuple[str, str, bool], ...]:
        if g not in self.forms_of:
            self.forms_of[g] = tuple(sorted(self.groups[g].forms))
        return self.forms_of[g]

    def _written(self, name: str, own: _Group, other: _Group) -> bool:
        """Whether a report of ``other`` writes ``name`` of ``own``, or its key
        when distinctive (quotes and spaces aside)."""
        k = next((k for f, k, _ in own.forms if f == name), name)
        probes = {name, k} if distinctive(k) else {name}
        for d in sorted(other.docs):
            if d not in self.plain:
                self.plain[d] = plain_text(self.texts[d])
            if any(p in self.plain[d] for p in probes):
                return True
        return False

    def candidates(self):
        """Pairs of groups worth scoring, scored, best first; ties broken by group order."""
        forms = [{f for f, _, _ in g.forms} | {k for _, k, _ in g.forms} for g in self.groups]
        grams = [{f[i : i + 2] for f in fs for i in range(len(f) - 1)} | {f for f in fs if len(f) <= 2} for fs in forms]
        buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
        for gi, g in enumerate(self.groups):
            for gram in sorted(grams[gi]):
                buckets[(g.cls, gram)].append(gi)
        shared: Counter = Counter()
        for members in buckets.values():
            if len(members) > MAX_BUCKET:
                continue
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    shared[(members[x], members[y])] += 1
        pairs = {p for p, n in shared.items() if n >= 2 or min(len(grams[p[0]]), len(grams[p[1]])) <= 1}
        pairs |= self._abbreviation_pairs(forms)
        pairs |= self._coordination_pairs(forms)
        scored = []
        for a, b in sorted(pairs):
            if self.groups[a].docs & self.groups[b].docs:
                continue
            s = self.score(a, b)
            if s[0] >= THRESHOLD:
                scored.append((s[0], a, b, s[1]))
        scored.sort(key=lambda t: (-t[0], t[1], t[2]))
        return scored

    def _abbreviation_pairs(self, forms) -> set[tuple[int, int]]:
        """Groups whose short form might abbreviate another's long form: the long
        form starts with the short one's first character and holds all the others."""
        by_first: dict[tuple[str, str], set[int]] = defaultdict(set)
        has: dict[tuple[str, str], set[int]] = defaultdict(set)
        for gi, fs in enumerate(forms):
            cls = self.groups[gi].cls
            for f in fs:
                if len(f) >= 5:
                    by_first[(cls, f[0])].add(gi)
                    for ch in f:
                        has[(cls, ch)].add(gi)
        defined_names = {n for pair in self.defined for n in pair}
        out = set()
        for gi, fs in enumerate(forms):
            cls = self.groups[gi].cls
            for s in fs:
                if 3 <= len(s) <= 6 or s in defined_names:
                    cands = set(by_first.get((cls, s[0]), ()))
                    for ch in s[1:]:
                        cands &= has.get((cls, ch), set())
                    out |= {(min(gi, c), max(gi, c)) for c in cands if c != gi}
        return out

    def _coordination_pairs(self, forms) -> set[tuple[int, int]]:
        """Groups one of whose names is a coordination (丝绸之路经济带、21世纪海上丝绸之路) and
        groups named by a short form of it (一带一路): looked up, not compared pair by pair."""
        by_form: dict[tuple[str, str], set[int]] = defaultdict(set)
        for gi, fs in enumerate(forms):
            for f in fs:
                if MIN_SHORT <= len(f) <= MAX_SHORT:
                    by_form[(self.groups[gi].cls, f)].add(gi)
        out = set()
        for gi, fs in enumerate(forms):
            cls = self.groups[gi].cls
            for f in sorted(fs):
                items = items_of(f)
                if not items:
                    continue
                for short in sorted(short_forms(items)):
                    out |= {(min(gi, c), max(gi, c)) for c in by_form.get((cls, short), ()) if c != gi}
        return out

    def merge(self, a: int, b: int, score: float, rule: str, forced: tuple[int, int] | None = None) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ca, cb = self.cluster[ra], self.cluster[rb]
        if any((x, y) in self.apart for x in ca for y in cb):
            return False
        if forced is None:
            if self.docs[ra] & self.docs[rb]:
                return False
            if any((x, y) in self.contrast for x in ca for y in cb):
                return False
            if not all(self.score(x, y)[0] >= THRESHOLD for x in ca for y in cb):
                return False  # every group must match every other: no chains through a short name
            if self._other_places(ca, cb):
                return False  # 福建自贸试验区 and 海南自贸试验区, joined through a bare 自贸试验区
            if any(self._bare_and_placed(x, y) for x in ca for y in cb):
                return False  # a bare name the corpus writes after several places is none of theirs
            i, j = self._pair(a, b)
        else:
            i, j = forced
        self.parent[rb] = ra
        self.cluster[ra] = ca + cb
        self.docs[ra] |= self.docs.pop(rb)
        del self.cluster[rb]
        self.merges.append((i, j, score, rule))
        return True

    def _other_places(self, ca: list[int], cb: list[int]) -> bool:
        """Two groups of the clusters whose names are one name after two places: a group's
        best form (the bare name) matches both, so the pairwise scores cannot tell."""
        xs = [n for g in ca for n in self._placed(g)]
        ys = [n for g in cb for n in self._placed(g)] if xs else []
        return any(guards.other_place(x, y) for x in xs for y in ys)

    def _bare_and_placed(self, x: int, y: int) -> bool:
        k = self.groups[x].key
        return k == self.groups[y].key and k in self.several and bool(self._placed(x)) != bool(self._placed(y))

    def _placed(self, g: int) -> tuple[str, ...]:
        """The group's names that open with a place, each once."""
        if g not in self.placed:
            names = sorted({normal(self.nodes[i].entity.name) for i in self.groups[g].members})
            self.placed[g] = tuple(n for n in names if guards.leading_places(n))
        return self.placed[g]

    def _pair(self, a: int, b: int) -> tuple[int, int]:
        """The two entities a link shows: those bearing the names that matched,
        the later one's nearest earlier report first."""
        _, _, x, y = self.score(a, b)
        if a > b:
            x, y = y, x
        na = [i for i in self.groups[a].members if any(f == x for f, _, _ in self.nodes[i].forms)] or self.groups[
            a
        ].members
        nb = [j for j in self.groups[b].members if any(f == y for f, _, _ in self.nodes[j].forms)] or self.groups[
            b
        ].members
        return min(
            ((i, j) for i in na for j in nb), key=lambda p: (abs(self.nodes[p[0]].doc - self.nodes[p[1]].doc), p)
        )

    def clusters(self) -> list[list[int]]:
        """Each cluster as the node indices of its groups, in node order."""
        return sorted(sorted(i for gi in gs for i in self.groups[gi].members) for gs in self.cluster.values())


def _settle_types(nodes: list[_Node], clusters: list[list[int]]) -> None:
    """A cluster of PROJECTs and PROGRAMs takes the type most of its reports give
    (on a tie, the latest report's), mentions included."""
    for members in clusters:
        types = Counter(nodes[i].entity.type for i in members)
        if len(types) < 2:
            continue
        latest = nodes[members[-1]].entity.type
        typ = max(types, key=lambda t: (types[t], t == latest, t))
        for i in members:
            e = nodes[i].entity
            if e.type != typ:
                e.type = typ
                e.mentions = [replace(m, type=typ) for m in e.mentions]


def _assign_ids(nodes, clusters, decisions, results) -> dict[str, str]:
    """Id from the earliest report's name (stable as later reports are added);
    canonical name by the rule of ``canonical`` unless the curation file names it."""
    named = {normal(d.a): d.b for d in decisions if d.verb == "name"}
    canonical = {}
    for members in clusters:
        ordered = sorted(members, key=lambda i: (nodes[i].doc, normal(nodes[i].entity.name), i))
        first = nodes[ordered[0]].entity
        name_key = fold(without_quotes(first.name))
        cid = entity_id(first.type, name_key)
        if cid in canonical:  # another thing first named so in an earlier report: its report tells them apart
            cid = entity_id(first.type, f"{name_key}\x1f{results[nodes[ordered[0]].doc].document.name}")
        uses = [(nodes[i].doc, n) for i in ordered for n in (nodes[i].entity.name, *nodes[i].entity.aliases)]
        label = canonical_name(uses)
        for i in ordered:
            for n in (nodes[i].entity.name, *nodes[i].entity.aliases):
                if normal(n) in named:
                    label = named[normal(n)]
            nodes[i].entity.id = cid
        canonical[cid] = label
    return dict(sorted(canonical.items()))


def entity_id(typ: str, name_key: str) -> str:
    digest = hashlib.sha1(f"{typ}\x1f{name_key}".encode()).hexdigest()[:12]
    return f"{typ.lower()}-{digest}"


def _apply_types(results: list[DocumentResult], decisions: list[Decision]) -> None:
    for d in decisions:
        if d.verb == "type":
            target = normal(d.a)
            for r in results:
                for e in r.entities:
                    if target in {normal(n) for n in (e.name, *e.aliases)}:
                        e.type = d.b
                        e.mentions = [replace(m, type=d.b) for m in e.mentions]


def _named(nodes: list[_Node], name: str) -> list[int]:
    target = normal(name)
    return [i for i, n in enumerate(nodes) if target in {normal(x) for x in (n.entity.name, *n.entity.aliases)}]


def _apart(nodes: list[_Node], decisions: list[Decision]) -> set[tuple[int, int]]:
    out = set()
    for d in decisions:
        if d.verb == "different":
            for i in _named(nodes, d.a):
                for j in _named(nodes, d.b):
                    out |= {(i, j), (j, i)}
    return out


def _retyped(link: Link, now: dict[str, str]) -> Link:
    """A link of one report under the type its entity has now (both sides were one entity)."""
    typ = now.get(link.a)
    doc, old, name = link.a.split("#", 2)
    if typ is None or typ == old:
        return link
    return replace(link, a=f"{doc}#{typ}#{name}", b=f"{doc}#{typ}#{link.b.split('#', 2)[2]}")


def _link(results, a: _Node, b: _Node, score: float, rule: str) -> Link:
    ra, rb = results[a.doc].document, results[b.doc].document
    ma, mb = a.entity.mentions[0], b.entity.mentions[0]
    return Link(
        a=f"{ra.name}#{a.entity.type}#{a.entity.name}",
        b=f"{rb.name}#{b.entity.type}#{b.entity.name}",
        rule=rule,
        score=score,
        detail=f"{a.entity.name} ({ra.name}: {ma.sentence}) ~ {b.entity.name} ({rb.name}: {mb.sentence})",
        kind=link_kind([(x, k) for x, k, _ in a.forms], [(y, k) for y, k, _ in b.forms], rule),
    )
