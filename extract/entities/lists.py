"""Component ``policy_lists``: names that carry no head noun, typed by their list.

Reports list what they did: "西铁城精密机床、泰鼎压光机等6个项目入选…",
"推进瑞光、旭能两家热电企业…", "万梦众创等14家企业…", "华安新材料、大洋阻燃
公司获批…". Items are split at 、; an item without a head of its own takes its
type from the class noun closing the list (项目, 企业, 央企 …), else from the
headed item that ends the list (a shared head written once), else, when most
items look like firms' short names (a brand and its trade: 龙安电力), it is a
firm. Items with their own head are left to ``policy_heads``. Each candidate's
``kind`` says which of the three typed it: "class", "shared" or "firm".
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .candidate import Candidate, candidates
from .dictionary import is_word
from .lexicon import COUNT_RE, HARD, QUOTE_CLOSE, QUOTE_OPEN, Lexicon, count_ends, lexicon
from .names import (
    acceptable,
    after_award,
    firm_shaped,
    inner_head,
    is_generic,
    is_place,
    joined,
    left_edge,
    strip_leads,
    unquote,
)
from .tokenizer import doc_text

CLAUSE_RE = re.compile(r"[^，。；：！？\n]+")
MAX_ITEM = 22
MAX_SHARED = 10  # an item sharing a head written once is short
CLASS_WINDOW = 8
TRAILING = "和及与"


@Language.factory("policy_lists", requires=["token.orth"], assigns=["doc._.policy_candidates"])
def make_lists(nlp: Language, name: str):
    return ListNames(lexicon())


class ListNames:
    def __init__(self, lex: Lexicon):
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)
        text = doc_text(doc)
        counts = count_ends(text)
        for m in CLAUSE_RE.finditer(text):
            clause = m.group(0)
            if "、" in clause:
                found.extend(self.coordinated(text, m.start(), m.end(), counts))
            elif "等" in clause:
                found.extend(self.single(text, m.start(), m.end(), counts))
        return doc

    # -- "A、B、C等N个项目"
    def coordinated(self, text: str, a: int, b: int, counts: frozenset[int]) -> list[Candidate]:
        seps = _separators(text, a, b)
        if not seps:
            return self.single(text, a, b, counts)
        lex = self.lex
        edge = left_edge(text, seps[0], lex, floor=a, counts=counts)
        items = [(_after_last_park(text, edge.start, seps[0], lex), seps[0])]
        for s, e in zip([x + 1 for x in seps[:-1]], seps[1:]):
            items.append((strip_leads(text, s, e, lex)[0], e))
        last_start = strip_leads(text, seps[-1] + 1, b, lex)[0]
        last_end, class_type = self._last_item(text, last_start, b, counts)
        if last_end is None:
            return []
        items.append((last_start, last_end))
        items = [(s, _rstrip(text, s, e)) for s, e in items]
        if not all(self._plausible(text, s, e, counts) for s, e in items):
            return []  # one odd item: these 、 separate something else
        heads = [inner_head(text, s, e, lex) for s, e in items]
        typed_by = "class"
        if class_type is None:
            class_type, typed_by = self._shared_type(text, items, heads), "shared"
        if after_award(edge.stripped, lex) and class_type != "PROGRAM":
            return []  # "被列为A、B…示范区": titles
        out = []
        for (s, e), head in zip(items, heads):
            if head is not None and not (head.type == "INSTITUTION" and class_type == "PROJECT"):
                continue  # left to policy_heads, except a school "等项目建设": a project
            typ, how = class_type, typed_by
            if typ is None and self._firm_list(text, items, heads) and firm_shaped(text[s:e], lex):
                typ, how = "ENTERPRISE", "firm"
            if typ is not None and (head is not None or self._headless_ok(text[s:e], typ)):
                out.append(Candidate(s, e, typ, "lists", "", how, priority=2))
        return out

    # -- "万梦众创等14家企业"
    def single(self, text: str, a: int, b: int, counts: frozenset[int]) -> list[Candidate]:
        out = []
        for m in re.finditer("等", text[a:b]):
            pos = a + m.start()
            typ = self._class_after(text, pos + 1, b)
            if typ is None:
                continue
            edge = left_edge(text, pos, self.lex, floor=a, counts=counts)
            s = edge.start
            if s >= pos or not self._plausible(text, s, pos, counts) or inner_head(text, s, pos, self.lex):
                continue
            if self._headless_ok(text[s:pos], typ):
                out.append(Candidate(s, pos, typ, "lists", "", "class", priority=2))
        return out

    def _last_item(self, text: str, s: int, b: int, counts) -> tuple[int | None, str | None]:
        """End of the last item, and the type a class noun after it gives the list."""
        lex = self.lex
        cut = b
        j = text.find("等", s, b)
        if j > s:
            cut = j
        m = COUNT_RE.search(text, s, cut)
        if m and m.start() > s:
            cut = m.start()
        if cut < b:
            return cut, self._class_after(text, cut, b)
        # no 等 and no count: the item ends at its own head (the last of a chain)
        end = None
        for m in lex.head_re.finditer(text, s, b):
            if end is not None and not joined(text, end, m.start(), lex):
                break
            end = m.end()
        return end, None

    def _class_after(self, text: str, pos: int, b: int) -> str | None:
        """Type given by a class noun right after ``pos`` ("等6个项目", "两家热电企业")."""
        if pos < b and text[pos] == "等":
            pos += 1
        m = COUNT_RE.match(text, pos, b)
        if m:
            pos = m.end()
        tail = text[pos:min(b, pos + CLASS_WINDOW)]
        m = self.lex.class_re.search(tail)
        if m is None or any(ch in HARD for ch in tail[:m.start()]):
            return None
        return self.lex.class_nouns[m.group(0)]

    def _shared_type(self, text, items, heads) -> str | None:
        """"华安新材料、大洋阻燃公司": a head written once at the end types the list."""
        last = heads[-1]
        if last is None or last.type in ("PROGRAM", "INSTITUTION"):
            return None
        if any(h is not None and h.type != last.type for h in heads[:-1]):
            return None
        if all(h is None and e - s <= MAX_SHARED and not _ends_generic(text[s:e], self.lex)
               for (s, e), h in zip(items[:-1], heads[:-1])):
            return last.type
        return None

    def _firm_list(self, text, items, heads) -> bool:
        bare = [text[s:e] for (s, e), h in zip(items, heads) if h is None]
        firms = sum(firm_shaped(x, self.lex) for x in bare)
        return bool(bare) and firms * 3 >= len(bare) * 2

    def _headless_ok(self, name: str, typ: str) -> bool:
        bare = unquote(name)
        if typ == "INSTITUTION" or is_place(bare) or is_generic(bare, self.lex) or is_word(bare):
            return False
        return acceptable(bare, "", typ, "list", self.lex) is None

    def _plausible(self, text: str, s: int, e: int, counts: frozenset[int]) -> bool:
        bare = unquote(text[s:e])
        if not 2 <= len(bare) <= MAX_ITEM:
            return False
        if any(ch in HARD and ch not in QUOTE_OPEN + QUOTE_CLOSE for ch in text[s:e]):
            return False
        if COUNT_RE.search(text, s, e):
            return False
        return not any(w in bare for w in self.lex.cuts)


def _ends_generic(name: str, lex: Lexicon) -> bool:
    """"…回归周村区管理": an item ending in a generic word is a clause, not a name."""
    return any(name.endswith(w) and len(w) >= 2 for w in lex.generic)


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in TRAILING:
        e -= 1
    return e


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
