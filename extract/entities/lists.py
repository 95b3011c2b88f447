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

from ..events import default_scheme
from .candidate import Candidate, candidates, register
from .dictionary import is_place_chain, is_verb_any, is_word, longest_word
from .lexicon import (
    COUNT_RE,
    HARD,
    MEMBERS,
    MEMBERS_RE,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    Lexicon,
    count_ends,
    head_matches,
    head_of,
    is_capacity,
)
from .lexicon import lexicon as load_lexicon
from .names import (
    acceptable,
    after_award,
    after_descriptor,
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
# The clauses (CLAUSE_RE) holding a 、, a 等 or an opening quote, the only ones read: the one
# opening the text, then each after a clause mark (the scan opens on the marks; a clause with none
# of them fails at its end).
_LISTING_FIRST = re.compile(r"[^，。；：！？\n、等“‘]*[、等“‘][^，。；：！？\n]*")
_LISTING = re.compile(r"[，。；：！？\n]([^，。；：！？\n、等“‘]*[、等“‘][^，。；：！？\n]*)")
MAX_ITEM = 22
MAX_SHARED = 10  # an item sharing a head written once is short
CLASS_WINDOW = 8
TRAILING = "和及与"
PROJECT_STATUSES = ("signed", "started", "under_construction", "completed", "in_operation")
PLACE_NOTE_RE = re.compile(r"（[\u4e00-\u9fff]{1,4}）")  # "格力电器（赣州）智能制造基地": where, inside a name
ARTICLES_RE = re.compile(r"\d{1,3}条")
# "“中保—槽渔滩”“余坪—将军”2个万亩产业示范片": quoted names counted by the class after them
QUOTED_ITEM = r"[“‘][^“”‘’，。；：！？\n]{2,12}[”’]"
QUOTED_COUNTED_RE = re.compile(rf"((?:{QUOTED_ITEM}[、和及与]?){{1,8}})(?:[\d一二两三四五六七八九十]+)[个家项处座]")
QUOTED_ONE_RE = re.compile(QUOTED_ITEM)


@Language.factory(
    "policy_lists",
    requires=["token.orth"],
    assigns=["doc._.policy_candidates"],
    default_config={"lexicon": None, "max_item": MAX_ITEM, "max_shared": MAX_SHARED, "class_window": CLASS_WINDOW},
)
def make_lists(nlp: Language, name: str, lexicon: str | None, max_item: int, max_shared: int, class_window: int):
    """``max_item``: the longest list item taken for a name; ``max_shared``: the
    longest item that shares a head written once; ``class_window``: how far
    after a list its class noun (项目, 企业 …) may stand."""
    register()  # the Doc extensions, also when spacy.load builds the component
    return ListNames(load_lexicon(lexicon), max_item=max_item, max_shared=max_shared, class_window=class_window)


class ListNames:
    def __init__(
        self, lex: Lexicon, max_item: int = MAX_ITEM, max_shared: int = MAX_SHARED, class_window: int = CLASS_WINDOW
    ):
        self.lex = lex
        self.max_item = max_item
        self.max_shared = max_shared
        self.class_window = class_window

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)
        text = doc_text(doc)
        counts = count_ends(text)
        for a, b in listing_clauses(text):
            if text.find("、", a, b) >= 0:
                found.extend(self.coordinated(text, a, b, counts))
                found.extend(distributed(text, [c for c in found if a <= c.start and c.end <= b]))
            elif text.find("等", a, b) >= 0:
                found.extend(self.single(text, a, b, counts))
            if text.find("“", a, b) >= 0 or text.find("‘", a, b) >= 0:
                found.extend(self.quoted_counted(text, a, b))
        return doc

    # -- "“A”“B”2个万亩产业示范片"
    def quoted_counted(self, text: str, a: int, b: int) -> list[Candidate]:
        """Two or more quoted names followed by their number and the class of places
        or projects they are: each is one of that class. Not slogans (“一村一品”
        “一乡一业”2个工程 are programmes, typed elsewhere), not sectors (“光伏+储能”
        “风电”两个项目), not titles sought (创建“…”“…”两个示范区)."""
        out = []
        for m in QUOTED_COUNTED_RE.finditer(text, a, b):
            items = list(QUOTED_ONE_RE.finditer(text, m.start(1), m.end(1)))
            typ = self._counted_class(text, m.end(), b)
            if typ is None or len(items) < 2:
                continue
            if after_award(text[max(a, m.start() - 6) : m.start()], self.lex):
                continue
            names = [(q.start() + 1, q.end() - 1) for q in items]
            if all(
                len(text[s:e]) >= 3 and "+" not in text[s:e] and self._headless_ok(text[s:e], typ) for s, e in names
            ):
                out.extend(Candidate(s, e, typ, "lists", "", "counted", priority=2) for s, e in names)
        return out

    def _counted_class(self, text: str, pos: int, b: int) -> str | None:
        """The type of the class named right after a count: a class noun (项目, 企业)
        or the head noun ending the phrase (…产业示范片, …产业园), of a place or a
        physical project only (工程 may be a programme's)."""
        tail = text[pos : min(b, pos + self.class_window + 4)]
        cut = next((i for i, ch in enumerate(tail) if ch in HARD), len(tail))
        tail = tail[:cut]
        m = self.lex.class_re.search(tail)
        if m is not None and m.start() == 0:
            typ = self.lex.class_nouns[m.group(0)]
            return typ if typ in ("PARK", "PROJECT") and m.group(0) != "工程" else None
        last = None
        for h in head_matches(tail, self.lex):
            last = h
        if last is None:
            return None
        rec = self.lex.heads.get(last.group(0))
        if rec is None or rec.type not in ("PARK", "PROJECT") or rec.kind == "eng":
            return None
        return rec.type

    # -- "A、B、C等N个项目"
    def coordinated(self, text: str, a: int, b: int, counts: frozenset[int]) -> list[Candidate]:
        seps = _separators(text, a, b)
        if not seps:
            return self.single(text, a, b, counts)
        lex = self.lex
        first_end = seps[0]
        articles = ARTICLES_RE.search(text, max(a, first_end - 4), first_end)
        if articles and articles.end() == first_end:
            first_end = articles.start()  # "稳经济大盘59条、…": the name reaches back from its articles
        edge = left_edge(text, first_end, lex, floor=a, counts=counts)
        items = [(_after_last_park(text, edge.start, first_end, lex), seps[0])]
        for s, e in zip([x + 1 for x in seps[:-1]], seps[1:]):
            items.append((strip_leads(text, s, e, lex)[0], e))
        last_start = strip_leads(text, seps[-1] + 1, b, lex)[0]
        last_end, class_type = self._last_item(text, last_start, b, counts, members=len(seps) + 1)
        if last_end is None:
            return []
        items.append((last_start, last_end))
        items = [(s, _rstrip(text, s, e)) for s, e in items]
        if class_type == "PROGRAM":  # "稳经济大盘59条、助企纾困31条等政策": policies by their articles
            items = [(s, _with_articles(text, e)) for s, e in items]
        odd = [
            i
            for i, (s, e) in enumerate(items)
            if not self._plausible(text, s, e, counts, articles=class_type == "PROGRAM")
        ]
        if odd:
            # an odd item ("延榆等5条高铁、…、王瑶水库扩容等项目"): the list is what follows it
            items = items[odd[-1] + 1 :]
            if not items or odd[-1] == 0 and len(odd) == 1 and not items[1:]:
                return []
        heads = [inner_head(text, s, e, lex) for s, e in items]
        typed_by = "class"
        if class_type is None:
            class_type, typed_by = self._shared_type(text, items, heads), "shared"
        if class_type is None and self._projects_being_built(text, items, heads, b):
            class_type, typed_by = "PROJECT", "majority"
        if after_award(edge.stripped, lex) and class_type != "PROGRAM":
            return []  # "被列为A、B…示范区": titles
        out = []
        for (s, e), head in zip(items, heads):
            if head is not None and not (head.type == "INSTITUTION" and class_type == "PROJECT"):
                continue  # left to policy_heads, except a school "等项目建设": a project
            typ, how = class_type, typed_by
            if typ is None and self._firm_list(text, items, heads) and firm_shaped(text[s:e], lex):
                typ, how = "ENTERPRISE", "firm"
            if typ == "ENTERPRISE":
                s = after_descriptor(text, s, e, lex)
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

    def _last_item(self, text: str, s: int, b: int, counts, members: int) -> tuple[int | None, str | None]:
        """End of the last item, and the type a class noun after it gives the list (or the
        head of the works after the count of its ``members``)."""
        lex = self.lex
        cut = b
        j = text.find("等", s, b)
        if j > s:
            cut = j
        m = next((m for m in COUNT_RE.finditer(text, s, cut) if not is_capacity(text, m)), None)
        if m and m.start() > s:
            cut = m.start()
        m = MEMBERS_RE.search(text, s + 2, cut)
        if m and MEMBERS.get(m.group(1)) == members:
            # "光大、淦清两大污水处理厂扩建提标项目": the count of the members just named ends the
            # list, and the works after it, written once, are what each of them is
            works = self._works_after(text, m.end(), b)
            if works is not None:
                return m.start(), works
        if cut < b:
            return cut, self._class_after(text, cut, b)
        # no 等 and no count: the item ends at its own head (the last of a chain)
        end = None
        for m in head_matches(text, lex, s, b):
            if end is not None and not joined(text, end, m.start(), lex):
                break
            end = m.end()
        return end, None

    def _works_after(self, text: str, pos: int, b: int) -> str | None:
        """ "PROJECT" when what starts at ``pos`` is a project's head (污水处理厂扩建…), not
        a park's (两个产业园建设: the members are places, not works)."""
        m = next(head_matches(text, self.lex, pos, min(b, pos + self.lex.head_max + 2)), None)
        if m is None or m.start() != pos:
            return None
        return "PROJECT" if head_of(m.group(0), self.lex).type == "PROJECT" else None

    def _class_after(self, text: str, pos: int, b: int) -> str | None:
        """Type given by a class noun right after ``pos`` ("等6个项目", "两家热电企业",
        "31条等政策")."""
        for _ in range(2):  # 等 and a count, in either order
            if pos < b and text[pos] == "等":
                pos += 1
            m = COUNT_RE.match(text, pos, b)
            if m:
                pos = m.end()
        tail = text[pos : min(b, pos + self.class_window)]
        m = self.lex.class_re.search(tail)
        if m is None or any(ch in HARD for ch in tail[: m.start()]):
            return None
        return self.lex.class_nouns[m.group(0)]

    def _shared_type(self, text, items, heads) -> str | None:
        """ "华安新材料、大洋阻燃公司": a head written once at the end types the list."""
        last = heads[-1]
        if last is None or last.type in ("PROGRAM", "INSTITUTION"):
            return None
        s, e = items[-1]
        if any(last.text in text[a:b] for a, b in items[:-1]):
            return None  # "专项债项目支出进度、…金融工具项目": the head inside an item is followed by a predicate
        if acceptable(text[s:e], last.text, last.type, last.kind, self.lex) is not None:
            return None  # "…投产达效、产业园区集聚发展": the last item is no name, so shares no head
        if any(h is not None and h.type != last.type for h in heads[:-1]):
            return None
        if all(
            h is None and e - s <= self.max_shared and not _ends_generic(text[s:e], self.lex)
            for (s, e), h in zip(items[:-1], heads[:-1])
        ):
            return last.type
        return None

    def _projects_being_built(self, text, items, heads, b: int) -> bool:
        """ "信丰电厂、…、格力电器（赣州）智能制造基地等投运投产": a list most of whose
        items are projects by their heads, and whose clause says they are being
        built or run, is a list of projects, the headless items included."""
        projects = sum(h is not None and h.type == "PROJECT" for h in heads)
        if len(items) < 3 or projects * 2 < len(items):
            return False
        m = default_scheme().pattern.search(text, items[-1][1], b)
        return m is not None and default_scheme().status_of[m.group(0)] in PROJECT_STATUSES

    def _firm_list(self, text, items, heads) -> bool:
        bare = [text[s:e] for (s, e), h in zip(items, heads) if h is None]
        firms = sum(firm_shaped(x, self.lex) for x in bare)
        return bool(bare) and firms * 3 >= len(bare) * 2

    def _headless_ok(self, name: str, typ: str) -> bool:
        bare = unquote(name)
        if (
            typ == "INSTITUTION"
            or is_place(bare)
            or is_place_chain(bare)
            or is_generic(bare, self.lex)
            or is_word(bare)
        ):
            return False
        return acceptable(bare, "", typ, "list", self.lex) is None

    def _plausible(self, text: str, s: int, e: int, counts: frozenset[int], articles: bool = False) -> bool:
        m = ARTICLES_RE.search(text, s, e) if articles else None
        if m and m.end() == e and m.start() - s >= 2:
            e = m.start()  # a policy's articles end its name
        bare = unquote(text[s:e])
        if not 2 <= len(bare) <= self.max_item:
            return False
        if any(ch in HARD and ch not in QUOTE_OPEN + QUOTE_CLOSE for ch in PLACE_NOTE_RE.sub("", text[s:e])):
            return False
        if any(not is_capacity(text, m) for m in COUNT_RE.finditer(text, s, e)):
            return False
        return not self.lex.cut_re.search(bare)  # no cut word in it (cut_re: any of lex.cuts)


def distributed(text: str, cands: list[Candidate]) -> list[Candidate]:
    """ "大学城实验中学、实验小学、实验幼儿园": a place written once before a list's first
    name is every item's that opens like the rest of the first (实验…): 实验小学 is
    大学城实验小学, named so (the mention keeps what the text writes)."""
    best: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        if c.type in ("PROJECT", "PARK", "ENTERPRISE", "INSTITUTION") and c.kind != "distributed":
            old = best.get((c.start, c.end))
            if old is None or c.priority > old.priority:
                best[(c.start, c.end)] = c
    run = []
    for c in sorted(best.values(), key=lambda c: (c.start, -c.end)):
        if not run or c.start >= run[-1].end:  # the longest of nested names only
            run.append(c)
    out = []
    first = None
    for prev, c in zip([None, *run], run):
        if prev is None or text[prev.end : c.start] != "、":
            first = c
            continue
        head, item = text[first.start : first.end], text[c.start : c.end]
        j = head.find(item[:2], 2)
        if j < 0 or item.startswith(head[:j]) or len(item) < 3:
            continue
        if item.startswith(head[j:]) or head[j:].startswith(item):
            continue  # "龙山公园、公园路": the item goes on from the first's words, another kind of thing
        place = head[:j]
        if is_verb_any(longest_word(place, 0, len(place))):
            continue  # "建成实验中学、实验小学": a verb, no place
        out.append(
            Candidate(
                c.start, c.end, c.type, "lists", c.head, "distributed", priority=c.priority + 1, canonical=place + item
            )
        )
    return out


def listing_clauses(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each clause of ``text`` (a match of CLAUSE_RE) holding a 、, a 等, a “ or a ‘,
    in order."""
    first = _LISTING_FIRST.match(text)
    return ([first.span()] if first else []) + [m.span(1) for m in _LISTING.finditer(text)]


def _with_articles(text: str, e: int) -> int:
    """End of a policy's name with the number of its articles after it ("…纾困31条")."""
    m = ARTICLES_RE.match(text, e)
    return m.end() if m else e


def _ends_generic(name: str, lex: Lexicon) -> bool:
    """ "…回归周村区管理": an item ending in a generic word is a clause, not a name."""
    return any(name.endswith(w) and len(w) >= 2 for w in lex.generic)


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in TRAILING:
        e -= 1
    return e


def _separators(text: str, a: int, b: int) -> list[int]:
    """Offsets of the 、 in ``text[a:b]`` that are not inside quotes."""
    out, depth = [], 0
    if not any(text.find(q, a, b) >= 0 for q in QUOTE_OPEN + QUOTE_CLOSE):  # no quotes: every 、
        i = text.find("、", a, b)
        while i >= 0:
            out.append(i)
            i = text.find("、", i + 1, b)
        return out
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
    """ "高端装备制造产业园泰鼎靴式压榨机": the item is what follows the park."""
    last = start
    for m in head_matches(text, lex, start, end):
        h = lex.heads.get(m.group(0))
        if h is not None and h.type == "PARK" and end - m.end() >= 2:
            last = m.end()
    return last
