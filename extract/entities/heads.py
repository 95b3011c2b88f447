"""Component ``policy_heads``: names found by their head noun.

Every occurrence of a head noun (产业园, 公司, 项目, 攻坚行动 …) proposes the
name that ends in it. When one head is followed, without a boundary, by more
of the name and another head ("产业园" in "海尔家居产业园工业互联网平台"), the
later head ends the name; a park followed by a whole new name
("…产业园区无机非金属材料产业基地") is split into two.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .candidate import Candidate, candidates, register
from .dictionary import is_common, is_verb_any, is_verbal, is_word, longest_word
from .lexicon import QUOTE_CLOSE, QUOTE_OPEN, Head, Lexicon, count_ends, head_matches, head_of
from .lexicon import lexicon as load_lexicon
from .names import (
    CLAUSE_ENDS,
    acceptable,
    after_award,
    after_descriptor,
    blocked_after,
    has_facility,
    inner_head,
    is_generic,
    is_governing,
    is_plan_period,
    is_slogan,
    joined,
    left_edge,
    word_at,
)
from .tokenizer import doc_text

SPLIT_GAP = 4  # a park head followed by this many characters and a head: two names
RANKS = ("国家级", "国家", "全国", "省级", "全省", "省", "市级", "全市", "市", "区级", "县级", "首批", "第一批")
MANNER_HEADS = ("计划", "规划")
MANNER_BEFORE = ("有", "按", "无")
# A name in quotes is marked as one: it may be short or made of generic words (“榕升计划”, “项目大会战”).
QUOTE_EXCUSES = ("generic", "too short", "too short for a reform, plan or policy name")
BATCH_RE = re.compile(r"第[一二三四五六七八九十\d]+批")  # "第四批…": a rank in a list of titles
CLASS_COUNT_RE = re.compile(r"(?:近|约|超|共|达|累计|共计)?\d+(?:\.\d+)?[余多]?(?:[个项家座条处所件]|$)")
# "举办三届…活动", "开展两轮…行动": the rounds held are no part of the programme's name
ROUNDS_RE = re.compile(r"[一二三四五六七八九十两\d]+[期次轮场届]")
EDITION_RE = re.compile(r"(?:第[一二三四五六七八九十百\d]+|首)届")  # "第十届…文化节": the edition, not the event
HOLD_VERBS = ("举办", "开展", "召开", "举行", "组织", "承办")
YEAR_RE = re.compile(r"(?:19|20)\d\d年$")
# "谋项目、引项目、建项目", "争项目、跑资金": a one-character verb right before 项目 governs it
# (unless it ends a word: 扩建项目, 新建项目 are kinds of projects)
PROJECT_VERBS = frozenset("谋引建抓争跑招签促")
SEEK_VERBS = ("争创", "创建", "申报", "申创", "设立")  # a place sought or set up, not an award won
HARD_EDGES = CLAUSE_ENDS | frozenset("。！？\n“”")  # where a clause or a quote opens
PHASE_RE = re.compile(r"[一二三四五六七八九十]期")  # "…产业园一期" is a phase of the park: the park
# What follows a facility's name and is still its name: a section or phase in
# brackets ("京滨城际（南段）", "环湖水厂（一期）") or the section of a route ("津石高速主线段").
TAIL_RE = re.compile(
    r"（[\u4e00-\u9fff]{1,8}[期段线]）"
    r"|[\u4e00-\u9fff]{2,8}至[\u4e00-\u9fff]{2,8}段"
    r"|(?:复线|连接线|支线|辅线|主线)(?:段|[\u4e00-\u9fff]{2,3}段(?<![阶路地标]段))?"  # 沈海高速复线闽溪段, 赣袁高速连接线
    r"|[东西南北中]段|[\u4e00-\u9fff]{2,3}段(?<![阶路地标]段)"  # 杭瑞高速盘江段 (not 路段, 阶段)
    r"|(?:(?!站)[\u4e00-\u9fff]){2,3}站(?<![车加服务费]站)"  # 甬台温铁路临瓯站 (not a 服务站)
)


def _slogan_works(name: str, head: str) -> bool:
    """A quoted numbered slogan and nothing else before a works head (“三旧”改造, “两违”整治):
    a programme reworking what the slogan counts, not works on one facility."""
    modifier = name[: -len(head)]
    return modifier.startswith("“") and modifier.endswith("”") and is_slogan(modifier[1:-1])


@Language.factory(
    "policy_heads",
    requires=["token.orth"],
    assigns=["doc._.policy_candidates"],
    default_config={"lexicon": None, "split_gap": SPLIT_GAP},
)
def make_heads(nlp: Language, name: str, lexicon: str | None, split_gap: int):
    """``lexicon``: a folder of word lists (default: the packaged extract/lexicon);
    ``split_gap``: characters after a park's head before a new name splits off."""
    register()  # the Doc extensions, also when spacy.load builds the component
    return HeadNames(load_lexicon(lexicon), split_gap=split_gap)


class HeadNames:
    def __init__(self, lex: Lexicon, split_gap: int = SPLIT_GAP):
        self.lex = lex
        self.split_gap = split_gap

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)
        text = doc_text(doc)
        counts = count_ends(text)
        matches = [m for m in head_matches(text, self.lex) if not blocked_after(text, m.end(), m.group(0), self.lex)]
        floor = 0
        for k, m in enumerate(matches):
            nxt = matches[k + 1] if k + 1 < len(matches) else None
            head = head_of(m.group(0), self.lex)
            if nxt is not None and joined(text, m.end(), nxt.start(), self.lex):
                if self._two_names(text, head, m.end(), nxt):
                    cand = self.propose(text, m.start(), m.end(), floor, counts)
                    if cand:
                        found.append(cand)
                    floor = m.end()
                continue
            cand = self.propose(text, m.start(), m.end(), floor, counts)
            if cand:
                found.append(cand)
            floor = 0
        return doc

    def _clause(self, text: str, start: int, head_start: int) -> bool:
        """A governing verb inside the stretch whose object is generic words (融入城市规划)."""
        p = start + 1
        while p < head_start:
            w = word_at(text, p, head_start, self.lex)
            obj = text[p + len(w) : head_start] if w else ""
            if w and len(obj) >= 2 and is_governing(w, self.lex) and is_generic(obj, self.lex):
                return True
            p += len(w) if w else 1
        return False

    def _two_names(self, text: str, head: Head, end: int, nxt) -> bool:
        """Joined heads that are still two names: a park before a whole new name,
        a governing verb between them ("…重大工程实施系列制度措施"), a programme
        before a generic tail ("林长制工作长效机制")."""
        gap = text[end : nxt.start()]
        if head.type == "PARK":  # "滨海新区高质量发展…行动": the area's own programme is one name
            if _governs_object(gap, self.lex):
                return True  # "…物流园相继举办…博览会": the park holds the event (not "…示范区促进政策")
            return len(gap) >= self.split_gap and head_of(nxt.group(0), self.lex).type != "PROGRAM"
        if any(is_governing(w, self.lex) for w in _words(gap, self.lex)):
            return True
        if (
            head.type == "ENTERPRISE"
            and gap
            and (word_at(gap, 0, len(gap), self.lex) in self.lex.leads or is_verb_any(longest_word(gap, 0, len(gap))))
        ):
            return True  # "泓辰公司投资建设…物流园", "…公司入驻…园": the firm is the subject
        if head.type == "PROGRAM" and gap:
            second = head_of(nxt.group(0), self.lex)
            return second.kind == "policy" and is_generic(gap, self.lex)
        return False

    def propose(
        self, text: str, head_start: int, head_end: int, floor: int, counts: frozenset[int]
    ) -> Candidate | None:
        lex = self.lex
        head = head_of(text[head_start:head_end], lex)
        if head.text in MANNER_HEADS and text[head_start - 1 : head_start] in MANNER_BEFORE:
            return None  # "有计划地发展", "按计划推进": the manner of an action, not a plan
        if (
            head.text in MANNER_HEADS
            and is_verbal(longest_word(text, head_end, min(len(text), head_end + 6)))
            and not _after_plan_period(text, head_start)
        ):
            return None  # "五莲县计划招引…": 计划 is the verb "plans to" (not in "“十二五”规划胜利完成")
        if head.text == "项目" and _governed_by_one_verb(text, head_start):
            return None
        programme = head.type == "PROGRAM" or head.kind == "eng"
        edge = left_edge(text, head_start, lex, floor, counts, min_object=4 if programme else 2)
        start = edge.start
        if floor and start == floor:  # right after a firm split off by its verb: the verbs are no name
            while start < head_start and is_verb_any(w := longest_word(text, start, head_start)):
                start += len(w)
        quoted = _quoted_whole(text, head_start, head_end)
        if quoted is not None:
            start = quoted  # "落实“十项行动”": the quotes hold the whole name
        if start >= head_start:
            return None
        if edge.region > 0 and text[edge.region - 1] == "等" and start == edge.region:
            return None  # "…等重点外资项目": the class a list belongs to
        if edge.region == start and edge.region in counts and not YEAR_RE.search(text, max(0, start - 5), start):
            after_class = self._after_counted_class(text, start, head_start) if head.type == "PROGRAM" else None
            if after_class is None:
                return None  # "7处乡村记忆博物馆": a count of a class of things (a date is none: 2008年北京奥运会)
            start = after_class  # "145家规上工业企业亩产效益评价改革": the reform the counted firms went through
        if CLASS_COUNT_RE.match(text, head_end):
            return None  # "实施…光伏项目9个": the class counted, not one thing
        quote = text.find("“", start, head_start)
        if quote > start and head.type == "PROGRAM" and quote - start <= 2 and is_generic(text[start:quote], lex):
            # "建立项目“三张清单”机制": a one-word topic before the slogan is no part of the name;
            # an activity is ("项目建设“质量提升年”活动")
            start = quote
        rounds = ROUNDS_RE.match(text, start)
        if programme and rounds and edge.stripped.endswith(HOLD_VERBS) and rounds.end() < head_start:
            start = rounds.end()
        edition = EDITION_RE.match(text, start)
        if programme and edition and edition.end() + 2 <= head_start:
            start = edition.end()
        typ, kind, end = head.type, head.kind, head_end
        if typ == "ENTERPRISE":
            start = after_descriptor(text, start, head_start, lex)
        if head.text in ("项目", "工程") or PHASE_RE.fullmatch(head.text):
            inner = inner_head(text, start, head_start, lex)
            if inner is not None and inner.type == "PARK":
                # "海尔家居产业园项目" is the park itself
                typ, kind, end, head = "PARK", inner.kind, head_start, inner
            elif inner is not None and inner.type == "PROGRAM":
                typ, kind = "PROGRAM", "prog"
        headed = end  # where the head ends: what is judged a name, a section or station after it aside
        if typ == "PROJECT" and kind in ("build", "infra", "rebuild", "works"):
            tail = TAIL_RE.match(text, end)
            if tail:
                end = tail.end()
        name = text[start:end]
        if kind == "works" and _slogan_works(name, head.text):
            typ, kind = "PROGRAM", "named"  # 推进“三旧”改造: a numbered slogan reworked is a programme
        if kind == "eng":
            modifier = name[: -len(head.text)]
            typ = "PROJECT" if has_facility(modifier, lex) or self._works_on_site(modifier) else "PROGRAM"
            kind = "build" if typ == "PROJECT" else "named"
        # the verb may stand before the stretch, outside a quote: 被授予“…特色学校”
        # (a count opening a quoted title, 获认定为“第四批…”, starts the region inside the quote: the
        # verb is then looked for before the quote)
        opened = max(
            text.rfind("“", max(0, edge.region - 8), edge.region), text.rfind("‘", max(0, edge.region - 8), edge.region)
        )
        before = (
            opened if opened >= 0 and not any(c in CLAUSE_ENDS for c in text[opened : edge.region]) else edge.region
        )
        peeled = text[max(0, before - 6) : edge.region].rstrip("“‘ ") + edge.stripped
        awarded = after_award(peeled, lex)
        if (
            awarded
            and (typ != "PROGRAM" or head.text in ("试点", "创建"))
            and not self._named_place(name, typ, kind, peeled)
        ):
            return None  # "被认定为…示范平台", "入选…试点": a title, not a thing
        if kind == "title" and (name.startswith(RANKS) or BATCH_RE.match(name)):
            return None
        if kind in ("works", "rebuild") and any(text.endswith(a, start, head_start) for a in lex.adverbs):
            return None  # "…贸易投资合作不断扩容": an adverb before the works makes it a predicate
        if kind in ("plan", "policy") and self._clause(text, start, head_start):
            return None  # "…红色文化融入城市规划": a verb and a kind of plan, not a plan's name
        why = acceptable(text[start:headed], head.text, typ, kind, lex)
        if why is not None and not (quoted is not None and why in QUOTE_EXCUSES):
            return None
        return Candidate(start, end, typ, "heads", head.text, kind, priority=1)

    def _after_counted_class(self, text: str, start: int, head_start: int) -> int | None:
        """Where a programme's name starts after the class of what was counted before
        it (企业, 村, 学校 …), when a name of four characters or more is left."""
        for m in self.lex.class_re.finditer(text, start, head_start):
            if head_start - m.end() >= 4:
                return m.end()
        return None

    def _named_place(self, name: str, typ: str, kind: str, peeled: str) -> bool:
        """ "争创柳江玉屏省级旅游度假区": a park (not a title head) that is sought or set
        up, whose name opens with its own name before a rank, is the place; what is
        won (获评全省优秀省级开发区) stays a title."""
        if typ != "PARK" or kind != "park" or not any(v in peeled for v in SEEK_VERBS):
            return False
        if name.startswith(RANKS) or BATCH_RE.match(name):
            return False
        rank = next((i for i in range(len(name)) if name.startswith(RANKS, i)), None)
        own = name[:rank] if rank is not None else ""
        return len(own) >= 2 and not is_generic(own, self.lex) and not is_common(own) and not is_word(own)

    def _works_on_site(self, modifier: str) -> bool:
        """ "曾家园保护修缮（一期）工程", "周家祠及周边改造提升工程": building works
        (a works head inside) or a phase on a named site are physical works."""
        if PHASE_RE.search(modifier):
            return True
        works = [h for h, rec in self.lex.heads.items() if rec.kind in ("works", "rebuild") and h in modifier]
        return any(len(modifier.split(w, 1)[0]) >= 2 for w in works)


def _governed_by_one_verb(text: str, head_start: int) -> bool:
    """ "谋项目、引项目、建项目": 项目 as the object of a one-character verb, where the
    verb opens its clause or stands in a list of such verbs, is no name; after a
    name, the character is a kind of works (澜川县人民医院迁建项目, 续建项目)."""
    verb = text[head_start - 1 : head_start]
    if verb not in PROJECT_VERBS or is_word(text[max(0, head_start - 2) : head_start]):
        return False
    before = text[head_start - 2 : head_start - 1]
    if not before or before in HARD_EDGES:
        return True
    after = head_start + 2
    return (
        text[after : after + 1] in "、，"
        and text[after + 1 : after + 2] in PROJECT_VERBS
        and text.startswith("项目", after + 2)
    )


def _quoted_whole(text: str, head_start: int, head_end: int) -> int | None:
    """Start of the quoted stretch the head closes ("“十项行动”"), if it does."""
    if text[head_end : head_end + 1] not in QUOTE_CLOSE:
        return None
    i = head_start
    while i > max(0, head_start - 16):
        i -= 1
        ch = text[i]
        if ch in QUOTE_OPEN:
            return i + 1 if head_start - (i + 1) >= 1 else None
        if ch in QUOTE_CLOSE or ch in "，。；：！？\n":
            return None
    return None


def _governs_object(gap: str, lex: Lexicon) -> bool:
    """A governing verb in ``gap`` with two characters or more of object after it."""
    at = 0
    for w in _words(gap, lex):
        at += len(w)
        if is_governing(w, lex) and len(gap) - at >= 2:
            return True
    return False


def _words(gap: str, lex: Lexicon) -> list[str]:
    out, i = [], 0
    while i < len(gap):
        w = word_at(gap, i, len(gap), lex) or gap[i]
        out.append(w)
        i += len(w)
    return out


def _after_plan_period(text: str, head_start: int) -> bool:
    """ "“十二五”规划", "十三五规划": a plan period before 规划 makes it the plan, a noun."""
    before = text[max(0, head_start - 6) : head_start].rstrip('”’"')
    return any(is_plan_period(before[i:]) for i in range(len(before) - 2))
