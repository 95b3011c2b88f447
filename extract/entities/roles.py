"""Component ``policy_roles``: names without a head, typed by what the sentence does with them.

Six constructions name a thing without saying what it is, and say it anyway:

- a partner: "与齐鲁交通合作", "与海尔卡奥斯、华为等平台合作" → firms;
- an honoured subject: "周村烧饼被评为省级农产品加工业示范企业" → a firm;
- a staged event: "举办第三届“院士专家周村行”" → a programme;
- a quoted slogan standing on its own: "做好“六稳”“六保”工作", also one whose chance is seized
  ("抢抓“…”发展机遇") or a numbered one building a kind of place ("“六最”城市建设") → a programme;
- what is raised to a national strategy: "将长三角区域一体化发展上升为国家战略" → a programme;
- land returned from one use to another: "退耕还林", "退牧还草" → a programme.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .candidate import Candidate, candidates, register
from .dictionary import is_place_name, is_verbal, is_word
from .lexicon import HARD, MEMBERS, MEMBERS_RE, Lexicon, count_ends
from .lexicon import lexicon as load_lexicon
from .names import (
    RETURN_RE,
    acceptable,
    after_award,
    blocked_after,
    firm_shaped,
    inner_head,
    is_generic,
    is_governing,
    is_place,
    is_plan_period,
    is_slogan,
    left_edge,
    unquote,
    word_at,
)
from .tokenizer import doc_text

PARTNER_RE = re.compile(  # 与 of 参与 / 给与 / 赋与 / 授与 is part of a verb, not "with"
    # (the look-behind after 与, so that the scan opens on 与 or 同)
    r"(?:与(?<![参给赋授]与)|同)([^，。；：！？\n与同]{2,40}?)(?:等[^，。；：！？\n]{0,6}?)?"
    r"(?:开展|深化|加强|达成|签订|签署|建立|深度)?(?:战略|全面|深度)?合作(?![联社银区医])"
)  # (not the 合作 of a name: 信用合作联社, 合作社, 农村合作银行, 深港合作区, 合作医疗)
_HONOURED = r"评为|评选为|认定为|获评|入选|入围|荣获|获批|列为|授予"
HONOUR_RE = re.compile(  # 被?(?:…): written as alternatives that each open on a character, for a fast scan
    rf"(?:被(?:{_HONOURED})|{_HONOURED})([^，。；：！？\n]{{2,24}}?)(?:企业|主体)"
)
SLOGAN_RE = re.compile(r"“([^”“\n]{2,12})”")
# "“六最”城市建设", "“四好”农村公路建设": a numbered slogan building a kind of place
_BUILT_AFTER = re.compile(r"(?:城市|城镇|乡村|农村|农村公路|社区|园区|校园|村庄)建设(?=[，。；、\n]|$)")
CHANCES = ("发展机遇", "机遇")  # "抢抓“一带一路”发展机遇": the chance a programme gives
SEIZE_VERBS = ("抢抓", "抓住", "把握", "用好", "抓牢", "紧抓")
PERIODS = ("时代", "期", "时期", "阶段", "十年", "变局", "叠加", "号")  # a time is no programme
SLOGAN_NEXT = ("工作", "要求", "理念", "战略", "部署")  # words that follow a programme's slogan
CAMPAIGN_VERBS = ("创建",)
GOAL_VERBS = ("实现", "达到", "夺取", "赢得", "取得", "在", "打造成", "成为")
LOST_OPENING_RE = re.compile(r"(?<=[\u4e00-\u9fff])”“")  # "深化放管服”“一次办好”改革": the first “ lost
EVENT_RE = re.compile(r"(?:举办|承办|开展|组织|启动)(?:了)?(?:第[一二三四五六七八九十\d]+届|首届)?“([^”“\n]{2,16})”")
RAISED_RE = re.compile(r"(?:上升为|上升到|纳入)国家(?:重大)?战略(?=[，。；、\n]|后|以来|$)")
MAX_ITEM = 12
ARTICLES_RE = re.compile(r"\d{1,3}条")  # “30条”: a policy by its number of articles
# "竣工投产青工科技": a firm's name as the object of a project's milestone names its project;
# only trades no sector is named by ("竣工投产冷链物流" is a sector's works, not a firm's)
CORPORATE_TRADES = ("科技", "实业", "股份", "控股", "药业", "矿业", "电器", "机械", "电子")
BUILT_RE = re.compile(r"(?:竣工投产|建成投产|开工建设|投产达效|签约落地)(?=[\u4e00-\u9fff])")
SECTOR_ENDS = ("集群", "产业链", "产业", "行业", "领域", "板块")  # "生物医药产业集群获评…": a sector, not a firm
MAX_LIST = 12  # items of a list of honoured firms looked at
MAX_SHORT_FIRM = 6  # a headless firm beside firm-shaped ones in a list of subjects


@Language.factory(
    "policy_roles",
    requires=["token.orth"],
    assigns=["doc._.policy_candidates"],
    default_config={"lexicon": None, "max_item": MAX_ITEM, "max_list": MAX_LIST, "max_short_firm": MAX_SHORT_FIRM},
)
def make_roles(nlp: Language, name: str, lexicon: str | None, max_item: int, max_list: int, max_short_firm: int):
    """``max_item``: the longest headless name taken; ``max_list``: how many items
    of a list before a role are looked at; ``max_short_firm``: the longest
    headless firm taken beside firm-shaped ones."""
    register()  # the Doc extensions, also when spacy.load builds the component
    return RoleNames(load_lexicon(lexicon), max_item=max_item, max_list=max_list, max_short_firm=max_short_firm)


def _verbal_tail(name: str) -> bool:
    """A short item that ends in a verb or a conjunction (股份制改造并): a clause, not a firm."""
    return name[-1:] in "并和及与" or is_verbal(name[-2:])


class RoleNames:
    def __init__(
        self, lex: Lexicon, max_item: int = MAX_ITEM, max_list: int = MAX_LIST, max_short_firm: int = MAX_SHORT_FIRM
    ):
        self.lex = lex
        self.max_item = max_item
        self.max_list = max_list
        self.max_short_firm = max_short_firm
        self.legal = tuple(sorted((h for h, rec in lex.heads.items() if rec.kind == "corp"), key=len, reverse=True))

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)
        text = doc_text(doc)
        counts = count_ends(text)
        for m in PARTNER_RE.finditer(text):
            start = m.start(1)
            if any(ch in HARD and ch != "、" for ch in m.group(1)) or self._has_verb(m.group(1)):
                continue  # "与北京签署了…、…等合作文件": what was signed, not who with
            items = m.group(1).split("、")
            if sum(is_place(i) or is_place_name(i) for i in items) * 2 >= len(items):
                continue  # "同孟加拉国、缅甸、尼泊尔…合作": countries and regions, not firms
            for item in items:
                self._add(found, text, start, start + len(item), "ENTERPRISE", "partner")
                start += len(item) + 1
        for m in HONOUR_RE.finditer(text):
            verb_start = m.start()
            while verb_start >= 4 and text[verb_start - 2 : verb_start] in self.lex.adverbs:
                verb_start -= 2  # "…有限公司分别被评为": the adverb is no part of the honoured firm
            edge = left_edge(text, verb_start, self.lex, counts=counts)
            self._add(found, text, edge.start, verb_start, "ENTERPRISE", "honour")
            # "恒通机械、金鼎化工入选…企业": every item of the list before it is honoured
            end = edge.region
            for _ in range(self.max_list):
                if end < 2 or text[end - 1] != "、":
                    break
                item = left_edge(text, end - 1, self.lex, counts=counts)
                if item.region >= end - 1:
                    break
                self._add(found, text, item.start, end - 1, "ENTERPRISE", "honour")
                end = item.region
        for m in self.lex.firm_predicates.finditer(text):
            self._subjects(found, text, m.start(), counts, firm_only=m.group(0) in self.lex.firm_only)
        for m in SLOGAN_RE.finditer(text):
            if ARTICLES_RE.fullmatch(m.group(1)):
                self._articles(found, text, m, counts)
            else:
                self._slogan(found, text, m)
        for m in LOST_OPENING_RE.finditer(text):
            self._lost_opening(found, text, m.start())
            self._lost_closing(found, text, m.end() - 1)
        for m in BUILT_RE.finditer(text):
            self._project_of_firm(found, text, m.end())
        for m in RAISED_RE.finditer(text):
            # "将长三角区域一体化发展上升为国家战略": what is raised to a national strategy is one
            edge = left_edge(text, m.start(), self.lex, counts=counts)
            if not text.endswith("工作", edge.start, m.start()):  # "将人才工作上升到国家战略高度"
                self._add(found, text, edge.start, m.start(), "PROGRAM", "raised")
        for m in RETURN_RE.finditer(text):
            # "退耕还林还草": 还 ("also") ends a name everywhere else; here it is the name's own verb
            found.append(Candidate(m.start(), m.end(), "PROGRAM", "return", "", "return", priority=1))
        for m in EVENT_RE.finditer(text):
            if m.end() < len(text) and not _closed(text[m.end()]):
                continue  # the quote is the front of a longer name: left to policy_heads
            self._add(found, text, m.start(1), m.end(1), "PROGRAM", "event")
        return doc

    def _subjects(self, found, text: str, verb_start: int, counts, firm_only: bool = False) -> None:
        """ "鑫通钢铁、恒建科为年产值均突破3亿元": firms as the subject of what firms do.
        A name shaped like a firm's (a brand and its trade) before a firm's
        predicate is one; so is every short item of a list before it when at
        least half of them are shaped so. Before what only firms do (债转股,
        破产重整) a list of short names is a list of firms whatever their shape
        ("甲钢、乙重实现债转股": the short names of state firms)."""
        if verb_start >= 3 and text[verb_start - 1] == "被":
            verb_start -= 1  # "…有限公司分别被评为": the passive mark, then perhaps an adverb
        while verb_start >= 4 and text[verb_start - 2 : verb_start] in self.lex.adverbs:
            verb_start -= 2  # "霁华电子成功上市": an adverb between the firm and what it does
        if firm_only and verb_start >= 4 and is_verbal(text[verb_start - 2 : verb_start]):
            verb_start -= 2  # "…完成破产重整", "…实现债转股": the verb that carries it out
        if verb_start < 2 or text[verb_start - 1] in HARD:
            return
        items = []
        end = verb_start
        for _ in range(self.max_list):
            edge = left_edge(text, end, self.lex, counts=counts)
            if edge.start >= end:
                break
            items.append((edge.start, end))
            if edge.region < 2 or text[edge.region - 1] != "、":
                break
            end = edge.region - 1
        shaped = [firm_shaped(text[s:e], self.lex) or self._legal(text[s:e]) for s, e in items]
        short = [e - s <= self.max_short_firm for s, e in items]
        if firm_only and len(items) >= 2:
            if any(self._a_class(text[s:e]) for s, e in items):
                return  # "僵尸企业、困难企业破产重整": kinds of firms, not firms
            shaped = [a or b for a, b in zip(shaped, short)]
        if not items or not shaped[0] and len(items) == 1 or sum(shaped) * 2 < len(items):
            return
        for (s, e), ok, brief in zip(items, shaped, short):
            if ok or brief and not _verbal_tail(text[s:e]):
                self._add(found, text, s, e, "ENTERPRISE", "subject")

    def _legal(self, name: str) -> bool:
        """A firm by its legal form (…有限公司, …集团): a firm in the list whatever its brand."""
        return any(name.endswith(h) and len(name) > len(h) + 1 for h in self.legal)

    def _a_class(self, name: str) -> bool:
        """ "困难企业", "市属国企": a kind of firm (a class noun at its end) or everyday words."""
        return is_generic(name, self.lex) or any(name.endswith(noun) for noun in self.lex.class_nouns)

    def _in_run(self, text: str, opening: int) -> bool:
        """A slogan right after another ("落实“稳就业”“保民生”要求") shares the verb the run follows."""
        if opening == 0 or text[opening - 1] != "”":
            return False
        return any(v in self._run_lead(text, opening) for v in self.lex.programme_verbs)

    @staticmethod
    def _run_lead(text: str, opening: int) -> str:
        """What a run of slogans opening at ``opening`` follows, back to the clause's start."""
        start = opening
        while start > 0 and (text[start - 1] not in HARD or text[start - 1] in "“”") and opening - start < 40:
            start -= 1
        return text[start:opening]

    def _lost_opening(self, found, text: str, close: int) -> None:
        """ "深化放管服”“一次办好改革": a run of slogans whose first opening quote scraping
        lost; the first slogan reaches back to the verb that carries it out."""
        start = close
        while start > 0 and text[start - 1] not in HARD and close - start < MAX_ITEM:
            start -= 1
        ends = [text.rfind(v, start, close - 2) + len(v) for v in self.lex.programme_verbs]
        after = max((e for e, v in zip(ends, self.lex.programme_verbs) if e >= start + len(v)), default=-1)
        if after < 0:
            return
        if text.startswith(("好", "了"), after):
            after += 1  # 落实好…, 开展了…
        inner = text[after:close]
        if (
            2 <= len(inner) <= MAX_ITEM
            and "“" not in text[start:close]
            and not is_word(inner)
            and not is_plan_period(inner)
        ):
            found.append(Candidate(after, close, "PROGRAM", "slogan", "", "slogan", priority=0))

    def _lost_closing(self, found, text: str, opening: int) -> None:
        """ "张周同城化”“济淄一体化两个先行示范区建设": the last slogan of a run lost its
        closing quote; the count of the run's slogans right after it (两个, 三大) ends it.
        The count must be the run's length, so that an ordinary count is not taken for one."""
        end = opening + 1
        while end < len(text) and text[end] not in HARD and text[end] not in "“”" and end - opening <= MAX_ITEM + 1:
            end += 1
        if end < len(text) and text[end] == "”":
            return  # closed after all
        count = MEMBERS_RE.search(text, opening + 1, end + 2)
        if count is None:
            return
        run, k = 1, opening
        while k > 0 and text[k - 1] == "”":  # back over the run: each ” closes one more slogan
            run += 1
            k = text.rfind("“", max(0, k - 2 - MAX_ITEM), k - 1)
            if k < 0:
                break  # the first opening quote lost too
        if MEMBERS[count.group(1)] != run:
            return
        inner = text[opening + 1 : count.start()]
        if 2 <= len(inner) <= MAX_ITEM and not is_word(inner) and not is_plan_period(inner):
            found.append(Candidate(opening + 1, count.start(), "PROGRAM", "slogan", "", "slogan", priority=0))

    def _project_of_firm(self, found, text: str, start: int) -> None:
        """ "竣工投产青工科技": what the milestone reaches is a project; one named by a
        firm-shaped name alone (a brand and its trade) is that firm's project."""
        end = start
        while end < len(text) and text[end] not in HARD and end - start <= self.max_item:
            end += 1
        if end < len(text) and text[end] not in "，。；、\n":
            return
        name = text[start:end]
        if firm_shaped(name, self.lex) and name.endswith(CORPORATE_TRADES):
            self._add(found, text, start, end, "PROJECT", "built")

    def _institutions(self, name: str) -> bool:
        """ "北京科研院所": a class of institutions, not a firm."""
        return any(name.endswith(noun) for noun, typ in self.lex.class_nouns.items() if typ == "INSTITUTION")

    def _has_verb(self, stretch: str) -> bool:
        """A governing verb inside a partner's name ("无锡市持续深化帮扶") makes it a clause."""
        i = 0
        while i < len(stretch):
            w = word_at(stretch, i, len(stretch), self.lex)
            if w and is_governing(w, self.lex) and i > 0:
                return True
            i += len(w) if w else 1
        return False

    def _articles(self, found, text, m, counts) -> None:
        """ "出台降本增效“30条”": a policy known by its number of articles, named by what comes before."""
        edge = left_edge(text, m.start(), self.lex, counts=counts)
        if m.start() - edge.start >= 2:
            self._add(found, text, edge.start, m.end(), "PROGRAM", "articles", check=False)

    def _slogan(self, found, text, m) -> None:
        """A quoted slogan standing on its own names a programme: "做好“六稳”“六保”工作",
        "推动“一窗受理”"; not one that qualifies a noun ("“四强”产业", "“一城、两街、
        多点”的布局") nor a plan period ("十四五"). "“枫桥式派出所”创建" takes its verb."""
        inner = m.group(1)
        if is_plan_period(inner) or is_word(inner) or inner.isascii() or any(ch in HARD and ch != "、" for ch in inner):
            return
        if text.endswith(GOAL_VERBS, 0, m.start()):
            return  # "实现“以克论净”", "在“新三板”挂牌": a goal or a place, not a programme
        before = text[max(0, m.start() - 6) : m.start()]
        if after_award(before, self.lex):
            return  # "创建为“…旅游强区”": a title
        end = m.end()
        while end < len(text) and text[end] == "“":  # a run of slogans shares what follows
            close = text.find("”", end + 1, end + 14)
            if close < 0:
                break
            end = close + 1
        # "抢抓“…”“…”发展机遇": what gives a chance seized is a programme; not a time (“后疫情时代”)
        chance = (
            text.startswith(CHANCES, end)
            and any(v in self._run_lead(text, m.start()) for v in SEIZE_VERBS)
            and not inner.endswith(PERIODS)
        )
        slogan = is_slogan(inner)
        if (
            not slogan
            and not chance
            and not before.endswith(self.lex.programme_verbs)
            and not self._in_run(text, m.start())
        ):
            return  # "耕地“进出平衡”", "抓住了“牛鼻子”": a phrase in quotes, not a programme
        after = text[end : end + 2]
        nxt = word_at(text, end, min(len(text), end + 8), self.lex)
        closed = (
            not after
            or (after[0] in HARD and after[0] not in "的“")
            or after.startswith(SLOGAN_NEXT)
            or chance
            or (nxt in self.lex.leads and nxt not in self.lex.generic)
        )
        if inner_head(text, m.start(1), m.end(1), self.lex) is not None:
            return
        built = _BUILT_AFTER.match(text, end) if end == m.end() and slogan else None
        if built:  # "“六最”城市建设": a numbered slogan, then the kind of place it builds
            found.append(Candidate(m.start(), built.end(), "PROGRAM", "slogan", "", "slogan", priority=0))
            return
        if not closed:
            return
        start, stop = m.start(1), m.end(1)
        verb = next((v for v in CAMPAIGN_VERBS if text.startswith(v, m.end())), None)
        if verb is not None:  # "“枫桥式公安派出所”创建": the campaign is named with its verb, quotes and all
            start, stop = m.start(), m.end() + len(verb)
        elif end == m.end() and text.startswith("战略", end) and blocked_after(text, end + 2, "战略", self.lex):
            # "“三高四新”战略定位": the strategy is named, though its positioning is what is spoken of
            start, stop = m.start(), end + 2
        found.append(Candidate(start, stop, "PROGRAM", "slogan", "", "slogan", priority=0))

    def _add(self, found, text, s, e, typ, rule, check=True) -> None:
        name = unquote(text[s:e])
        if not check:
            found.append(Candidate(s, e, typ, rule, "", rule, priority=2))
            return
        if not 2 <= len(name) <= self.max_item or any(ch in HARD for ch in text[s:e]):
            return
        if (
            inner_head(text, s, e, self.lex) is not None
            or is_place(name)
            or is_generic(name, self.lex)
            or is_word(name)
            or self._institutions(name)
            or name.endswith(SECTOR_ENDS)
        ):
            return
        if acceptable(name, "", typ, rule, self.lex) is None:
            found.append(Candidate(s, e, typ, rule, "", rule, priority=2))


def _closed(ch: str) -> bool:
    return ch in HARD or ch == "暨"
