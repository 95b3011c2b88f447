"""Component ``policy_lists``: coordinated names, split and typed.

Reports list what they did: "西铁城精密机床、泰鼎压光机等6个项目入选…",
"推进瑞光、旭能两家热电企业…", "华安新材料、大洋阻燃公司获批…". Items are
split at 、; each takes its type from its own head noun, else from the class
noun closing the list (项目, 企业, 央企 …), else from the headed items beside
it when those agree. A shared head written once is not added back.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .candidate import Candidate, candidates
from .heads import _inner_head
from .lexicon import COUNT_RE, QUOTE_CLOSE, QUOTE_OPEN, Lexicon, lexicon
from .names import has_facility, is_generic, left_edge, strip_leads, unquote

CLAUSE_RE = re.compile(r"[^，。；：！？\n]+")
CN_COUNT_RE = re.compile(r"[一二两三四五六七八九十几数多]+[个家项条处所座支批名]")
MAX_ITEM = 22
CLASS_WINDOW = 10


@Language.factory("policy_lists", requires=["doc.text"], assigns=["doc._.policy_candidates"])
def make_lists(nlp: Language, name: str):
    return ListNames(lexicon())


class ListNames:
    def __init__(self, lex: Lexicon):
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)
        text = doc.text
        for m in CLAUSE_RE.finditer(text):
            if "、" in m.group(0):
                found.extend(self.split(text, m.start(), m.end()))
        return doc

    def split(self, text: str, a: int, b: int) -> list[Candidate]:
        seps = _separators(text, a, b)
        if not seps:
            return []
        lex = self.lex
        bounds = [a] + [s + 1 for s in seps]
        ends = seps + [b]
        items = []  # (start, end)
        # first item: back from the first 、 to where its name starts
        first_end = seps[0]
        edge = left_edge(text, first_end, lex, floor=a)
        start = _after_last_park(text, edge.start, first_end, lex)
        items.append((start, first_end))
        for s, e in zip(bounds[1:-1], ends[1:-1]):
            s2, _ = strip_leads(text, s, e, lex)
            items.append((s2, e))
        last_start, _ = strip_leads(text, bounds[-1], b, lex)
        last_end, class_type = self._last_item(text, last_start, b)
        if last_end is None:
            return []
        items.append((last_start, last_end))

        typed = []
        for s, e in items:
            name = text[s:e]
            if not _plausible(name, lex):
                return []  # one odd item: this 、 separates something else
            head = _inner_head(text, s, e, lex)
            own = head.type if head is not None else None
            if head is not None and head.kind == "eng":
                own = "PROJECT" if has_facility(name[: -len(head.text)], lex) else "PROGRAM"
            typed.append((s, e, own, head))
        own_types = {t for _, _, t, _ in typed if t}
        shared = class_type or (own_types.pop() if len(own_types) == 1 else None)
        out = []
        for s, e, own, head in typed:
            typ = own or shared
            if typ is None:
                continue
            if head is None and is_generic(unquote(text[s:e]), lex):
                continue
            out.append(Candidate(s, e, typ, "lists", head.text if head else "", head.kind if head else "list",
                                 priority=2))
        return out

    def _last_item(self, text: str, s: int, b: int) -> tuple[int | None, str | None]:
        """End of the last item and the type its class noun gives the list."""
        lex = self.lex
        seg = text[s:b]
        cut = len(seg)
        for marker in ("等", ):
            j = seg.find(marker)
            if 0 < j < cut:
                cut = j
        for rx in (COUNT_RE, CN_COUNT_RE):
            m = rx.search(seg)
            if m and 0 < m.start() < cut:
                cut = m.start()
        if cut < len(seg):
            tail = seg[cut:cut + CLASS_WINDOW + 3]
            m = lex.class_re.search(tail)
            return s + cut, (lex.class_nouns[m.group(0)] if m else None)
        # no 等 and no count: the item ends at its own head, if it has one
        best = None
        for m in lex.head_re.finditer(seg):
            best = m.end()
            break
        if best is None:
            return None, None
        return s + best, None


def _separators(text: str, a: int, b: int) -> list[int]:
    """Offsets of the 、 in ``text[a:b]`` that are not inside quotes."""
    out, depth = [], 0
    for i in range(a, b):
        ch = text[i]
        if ch in QUOTE_OPEN:
            depth += 1
        elif ch in QUOTE_CLOSE:
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0:
            out.append(i)
    return out


def _after_last_park(text: str, start: int, end: int, lex: Lexicon) -> int:
    """"高端装备制造产业园泰鼎靴式压榨机": the item is what follows the park."""
    last = start
    for m in lex.head_re.finditer(text, start, end):
        h = lex.heads.get(m.group(0))
        if h is not None and h.type == "PARK" and end - m.end() >= 2:
            last = m.end()
    return last


def _plausible(name: str, lex: Lexicon) -> bool:
    bare = unquote(name)
    if not 2 <= len(bare) <= MAX_ITEM:
        return False
    if bare[0].isdigit() and len(bare) <= 3:
        return False
    return not any(w in bare for w in lex.cuts)
