"""Where a name starts, and whether a stretch of text is a name at all.

Pure functions over strings and offsets, shared by the pipeline components.
A name in these reports is a noun phrase ending in a head noun; on its left
it meets punctuation, a function word, a count, or the verbs and adverbs
that govern it ("加快推进" + name). The rules find the longest stretch that
reaches back to such a boundary and then peel the governing words off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dictionary import (
    all_common,
    is_adverbial,
    is_common,
    is_name_word,
    is_noun,
    is_place_chain,
    is_verb,
    is_verb_any,
    leading_verb,
    longest_word,
)
from .lexicon import COUNT_RE, HARD, QUOTE_CLOSE, QUOTE_OPEN, Head, Lexicon

MAX_NAME = 28
FUNCTION_CHARS = frozenset("等那这此每于将")  # boundaries, unless inside a noun or place (高等级, 那曲, 于都)
PHASE_RE = re.compile(r"[一二三四五六七八九十\d]期")  # "（一期）" inside a name
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# "退耕还林", "退牧还草", "退经还粮", "退耕还林还草还湿": land returned from one use to another, the
# genre's name for an ecological programme (return A, restore B), which no head noun closes. Only
# uses of land on both sides: 退出还需, 退休还乡, 退货还款 are "also", "home", "repay".
LAND_FROM, LAND_TO = "耕牧田渔养林湖城圩塘经二", "林草湖湿田耕滩河海园绿粮三"
RETURN_RE = re.compile(rf"退[{LAND_FROM}]还[{LAND_TO}](?:还[{LAND_TO}])*")


def returned_land(text: str, i: int) -> bool:
    """Whether the 还 at ``i`` belongs to land returned (退耕还林还草): a name's own verb, not "also"."""
    for start in range(i - 2, max(-1, i - 9), -2):
        if text.startswith("退", start):
            m = RETURN_RE.match(text, start)
            return bool(m) and m.end() > i
    return False


NUMERALS = frozenset("一二三四五六七八九十百千两")
CONNECTORS = "和与"
JOINT_VERBS = ("共建", "合建", "联建", "共同建设", "合作建设", "携手打造", "共同打造", "合作共建")
RANKED_LEVELS = ("国家", "省级", "市级")  # a programme's level, after the level of who runs the station
MIN_OBJECT = 4  # a governing verb this far from the head opens the name after it
# Words after which "A和B" is two names: A ends like a whole item.
ITEM_ENDS = (
    "建设",
    "提升",
    "下乡",
    "改造",
    "治理",
    "整治",
    "市场",
    "资金",
    "小区",
    "园",
    "组织",
    "基地",
    "扩建",
    "迁建",
    "扩区",
    "升级",
    "搬迁",
)
# Heads a programme is named by even when its modifier is generic words
# ("重大项目建设攻坚行动"); other programme heads need a specific modifier.
STRONG_KINDS = ("prog",)
DIGIT_CLASS_RE = re.compile(r"\d+[大个项类]")
THRESHOLD_RE = re.compile(r"[万亿]元(?:级)?以上|[万亿]元(?:级)?以下")
BLOC_WORDS = ("主义", "革命", "侵略", "反动", "军事", "公约", "利益")
KIND_HEADS = (
    "资本",
    "基金",
    "产业基金",
    "投资基金",
    "股权投资",
    "证券",
    "期货",
    "实业",
    "置业",
)  # heads that also name kinds
MIN_PLAN_MODIFIER = 4
MIN_SECTOR_PARK = 5
LEVELS = (
    "国家",
    "全国",
    "省",
    "市",
    "区",
    "县",
)  # "省市现代农业产业园": a level and a kind, a title  # a park named by its sectors alone needs this many characters  # "货币政策", "土地政策" are kinds of policy; "就业优先政策" is one
ADMIN_SUFFIXES = ("街道", "镇", "乡", "村", "县", "市", "省", "旗")
AREA_NOUNS = ("片区", "园区", "社区", "小区", "景区", "城区", "厂区", "校区", "院区", "生活区", "新区", "湾区")


@dataclass(frozen=True, slots=True)
class Edge:
    start: int
    stripped: str  # the governing words peeled off the left, for award checks
    region: int = 0  # where the stretch began before peeling


def region_start(
    text: str,
    end: int,
    floor: int = 0,
    counts: frozenset[int] = frozenset(),
    lex: Lexicon | None = None,
    max_len: int = MAX_NAME,
) -> int:
    """Scan left from ``end`` to the nearest boundary.

    One quoted stretch (“…”) or short parenthetical inside a name is stepped
    over, so “百企建百园”工程 and 周村（王村）… stay whole; a quoted stretch that
    is itself a whole name (“雪亮工程”) is not.
    """
    i = end
    limit = max(floor, end - max_len)
    jumped = False
    while i > limit:
        if i in counts:
            break
        ch = text[i - 1]
        if ch not in _REGION_MARKS:
            i -= 1  # a character none of the checks below is about: the stretch goes on
            continue
        if ch in QUOTE_CLOSE:
            j = max(text.rfind(q, max(limit, i - 26), i - 1) for q in QUOTE_OPEN)
            if jumped or j < 0 or (lex is not None and inner_head(text, j + 1, i - 1, lex) is not None and i != end):
                break  # a quoted whole name (“雪亮工程”建设) stands apart, unless a head follows it: “凤凰行动”计划
            if j > 0 and text[j - 1] in QUOTE_CLOSE:
                i = j  # "“…优质年”“…量化年”活动": the quote next to the head, not the run before it
                break
            jumped = True
            i = j
            continue
        if ch == "." and text[i - 2 : i - 1].isdigit() and text[i : i + 1].isdigit():
            i -= 1  # "190.8兆瓦…": a decimal point
            continue
        if ch == "）":
            j = text.rfind("（", max(limit, i - 8), i - 1)
            inner = text[j + 1 : i - 1]
            if (
                j <= 0
                or text[j - 1] in HARD
                or (any(c in HARD or c in NUMERALS for c in inner) and not PHASE_RE.fullmatch(inner))
            ):
                break
            i = j
            continue
        if ch == "—" and _joins_places(text, i - 1):
            i -= 1  # "柳江—东岳产业示范片": a dash between two places is part of the name
            continue
        if ch == "及" and text.startswith("周边", i):
            i -= 1  # "周家祠及周边改造提升工程": a site and its surroundings
            continue
        if ch == "还" and returned_land(text, i - 1):
            i -= 1  # "退耕还林和…工程", "退耕还林还草工程": 还 of land returned is no "also"
            continue
        if ch in FUNCTION_CHARS and _inside_word(text, i - 1):
            i -= 1  # "高等级公路", "那曲": a function character inside a noun or a place name
            continue
        if ch in HARD and not (ch == "在" and text[i : i + 1] in "建谈产线"):
            break
        i -= 1
    return i


# every character a check of region_start's loop is about (the rest only extend the stretch)
_REGION_MARKS = frozenset(QUOTE_CLOSE) | frozenset(".）—及") | FUNCTION_CHARS | HARD


def _inside_word(text: str, pos: int) -> bool:
    """Whether a noun or place name of jieba's dictionary holds the character at ``pos`` (高等级, 那曲)."""
    for j in range(max(0, pos - 3), pos + 1):
        w = longest_word(text, j, min(len(text), j + 6))
        if len(w) >= 2 and j + len(w) > pos and is_name_word(w):
            return True
    return False


def inside_word(text: str, k: int, lex: Lexicon) -> bool:
    """Whether the character at ``k`` (a connector) is inside a word: one of jieba's nouns or
    places (和平, 呼和浩特) or of the lexicon (国民经济和社会发展, in protected.txt)."""
    for j in range(max(0, k - 8), k + 1):
        for n in range(min(12, len(text) - j), k - j, -1):
            w = text[j : j + n]
            if j + n > k + 1 and len(w) > 1 and (w in lex.vocab or n <= 6 and is_name_word(w)):
                return True
    return False


def _joins_places(text: str, dash: int) -> bool:
    """A single dash between Chinese characters (not the ``——`` of an aside)."""
    before = text[dash - 1] if dash > 0 else ""
    after = text[dash + 1] if dash + 1 < len(text) else ""
    return bool(before and after and CJK_RE.match(before) and CJK_RE.match(after))


def joined(text: str, a: int, b: int, lex: Lexicon, max_gap: int = 12) -> bool:
    """True when ``text[a:b]``, between two heads, is more of one name.

    Not when it holds punctuation, a count or a predicate, nor when a
    connector follows the first head at once ("能源中心和王村镇能源中心项目").
    """
    if b - a > max_gap:
        return False
    gap = text[a:b]
    if (gap and gap[0] in CONNECTORS) or any(ch in HARD for ch in gap) or COUNT_RE.search(text, a, b):
        return False
    # "太锡铁路建设和集通电气化改造": a connector after what ends a whole item
    if any(ch in CONNECTORS and gap[:i].endswith(ITEM_ENDS) for i, ch in enumerate(gap)):
        return False
    return not lex.cut_re.search(gap)  # no cut word in it (cut_re: any of lex.cuts)


def inner_head(text: str, start: int, end: int, lex: Lexicon) -> Head | None:
    """The head that ends ``text[start:end]``, if it ends in one (the longest)."""
    for n in range(min(lex.head_max, end - start), 1, -1):
        h = lex.heads.get(text[end - n : end])
        if h is not None:
            return h
    return None


def word_at(text: str, i: int, end: int, lex: Lexicon) -> str:
    """The longest known word starting at ``i`` (empty if none)."""
    # the first two characters tell how long a word of two or more opening here can be (most open none)
    for n in range(min(lex.vocab_open.get(text[i : i + 2], 0), end - i), 1, -1):
        w = text[i : i + n]
        if w in lex.vocab:
            return w
    w = text[i : i + 1]
    return w if end > i and w in lex.vocab else ""


def strip_leads(text: str, start: int, end: int, lex: Lexicon, item: bool = False) -> tuple[int, str]:
    """Peel governing verbs, adverbs and scope words off the left of ``text[start:end]``.

    The lead list knows the genre's verbs; for the rest, a frequent verb or
    adverb of jieba's dictionary that opens the stretch is peeled too, when no
    word of our own lists starts there and two characters of name remain.
    """
    peeled = []
    while start < end:
        w = word_at(text, start, end, lex)
        if item and not peeled and len(w) == 1:
            break  # "…、可门园区": a list item opens with its name, not with a modal verb
        if w == "不":
            longer = longest_word(text, start, end)
            if is_noun(longer) or text.startswith("性", start + 2):
                break  # "不锈钢…公司", "不溶性硫磺": 不 opens a noun or a property here, not a negated predicate
            if len(longer) > 1:  # "不得", "不失时机": the whole negated word is peeled
                peeled.append(longer)
                start += len(longer)
                continue
        if w and w in lex.leads:
            if w in lex.adverbs:
                nxt = word_at(text, start + len(w), end, lex)
                if nxt in lex.leads:
                    pass
                elif nxt or not leading_verb(text, start + len(w), end):
                    break  # "大力锻压公司": the adverb is a name's first word
                # else a verb only jieba's dictionary knows follows: "切实减轻…"
        elif not w:
            k = leading_verb(text, start, end)
            if not k or end - (start + k) < 2:
                break
            w = text[start : start + k]
        else:
            break
        if (
            w not in lex.adverbs
            and len(w) >= 2
            and text.startswith(("好", "了"), start + len(w))
            and end - (start + len(w) + 1) >= 2
        ):
            w += text[start + len(w)]  # "谋划好…", "完成了…": the verb's complement goes with it
        peeled.append(w)
        start += len(w)
    return start, "".join(peeled)


def last_cut(text: str, start: int, end: int, lex: Lexicon) -> int:
    """Offset just after the rightmost predicate word inside ``text[start:end]``, or ``start``.

    A longer known word at the same place ("建成区" over "建成") is not a cut.
    """
    best = start
    pos = start + 1
    while True:
        m = lex.cut_re.search(text, pos, end)
        if m is None:
            return best
        if len(word_at(text, m.start(), end, lex)) <= len(m.group(0)):
            best = m.end()
        pos = m.start() + 1


def left_edge(
    text: str,
    head_start: int,
    lex: Lexicon,
    floor: int = 0,
    counts: frozenset[int] = frozenset(),
    min_object: int = MIN_OBJECT,
) -> Edge:
    """Where the name ending in the head at ``head_start`` begins.

    ``min_object``: how long the stretch after a governing verb must be for
    the verb to open the name; programmes name themselves with verbs
    ("人才引进培育工程"), firms and parks rarely do, so they pass a lower one.
    """
    region = region_start(text, head_start, floor, counts, lex)
    start, peeled = strip_leads(text, region, head_start, lex, item=region > 0 and text[region - 1] == "、")
    cut = last_cut(text, start, head_start, lex)
    if cut > start:
        peeled += text[start:cut]
        start, more = strip_leads(text, cut, head_start, lex)
        peeled += more
    start = _after_governing_verb(text, start, head_start, lex, min_object)
    if any(0 <= i < len(text) and text[i] in "与同" for i in (region - 1, region)):
        start = _after_joint_verb(text, start, head_start)
    if start + 3 < head_start and text[start] in "省市区县" and text.startswith(RANKED_LEVELS, start + 1):
        start += 1  # "市国家重点人才工程专家工作站": the city's station of the national programme
    start = _split_coordination(text, start, head_start, lex)
    if region > 0 and text[region - 1] == "、":
        start = _summary_numeral(text, start, head_start)
    return Edge(start, peeled, region)


def _after_governing_verb(text: str, start: int, end: int, lex: Lexicon, min_object: int = MIN_OBJECT) -> int:
    """ "义务教育阶段教师实行绩效工资制度": the rightmost verb that governs a long
    enough object opens the name. Verbs inside names sit next to their head
    ("人才引进培育工程", "书香周村打造工程") and are left alone. An adverb made
    with 地 ("积极稳妥地推进…") only ever modifies a verb, so the name starts
    after that verb, wherever the adverb stands."""
    best = start
    p = start
    # an adverb with 地 needs a 地 after a word of two characters or more, up to ``end``: most stretches have none
    di = text.find("地", start + 2, end + 1) >= 0
    while p < end:
        if text[p] in QUOTE_OPEN:  # a quoted slogan is one unit: 升级 in “千企升级” governs nothing outside it
            close = _closing_quote(text, p, end)
            if close is not None and "、" not in text[p:close]:  # (a quoted list of orders is no one name)
                p = close + 1
                continue
        w = word_at(text, p, end, lex) if p > start else ""
        if w in lex.adverbs and p > start:
            verb = word_at(text, p + len(w), end, lex)
            if verb and len(verb) >= 2 and verb in lex.leads and verb not in lex.adverbs:
                best = p + len(w) + len(verb)  # "报告更加关注改革": an adverb and its verb make a clause
                p += len(w) + len(verb)
                continue
        if (
            w
            and is_governing(w, lex)
            and (len(unquote(text[p + len(w) : end])) >= min_object or text.startswith("“", p + len(w)))
            and len(longest_word(text, p, end)) <= len(w)
            and not _ends_word(text, p, p + len(w))
        ):  # "政策性开发性金融工具": 开发性 is no verb; "农村集体经济组织…": 组织 ends 经济组织
            best = p + len(w)
        elif not w and di:
            # an adverb made with 地 governs the verb after it: "稳妥地推进…改革"
            adverb = longest_word(text, p, end)
            if (
                adverb
                and text.startswith("地", p + len(adverb))
                and is_adverbial(adverb)
                and not longest_word(text, p + len(adverb), end)
            ):  # 地区, 地方: a noun, not the particle
                w = adverb + "地"
                if len(unquote(text[p + len(w) : end])) >= min_object:
                    best = p + len(w)
        p += len(w) if w else 1
    if best > start:
        best, _ = strip_leads(text, best, end, lex)
    return best


def _ends_word(text: str, at: int, end: int) -> bool:
    """The stretch ``text[at:end]`` ends an organisation's noun (社会|组织, 集体经济|组织; jieba
    knows neither compound), not the verb 组织."""
    return text[at:end] == "组织" and text.endswith(ORGANISED, 0, at)


# what 组织 after is an organisation: 社会组织, 经济组织, 党组织, 基层组织, 合作组织, 中介组织
ORGANISED = ("社会", "经济", "党", "基层", "群众", "合作", "中介", "行业", "民间", "国际", "自治", "专业")


def _closing_quote(text: str, start: int, end: int) -> int | None:
    """Where the quote opened at ``start`` closes before ``end``; None when it does not."""
    for i in range(start + 1, end):
        if text[i] in QUOTE_CLOSE:
            return i
    return None


def _after_joint_verb(text: str, start: int, end: int) -> int:
    """ "与浙江大学共建青山创新研究院": after 与, a verb of joint building
    separates the partner from what is built. Elsewhere the verb can be part
    of a name ("军民共建精神文明活动", "共建共享")."""
    best = start
    for verb in JOINT_VERBS:
        at = text.find(verb, start + 2, end)
        if at >= 0 and end - (at + len(verb)) >= 2:
            best = max(best, at + len(verb))
    return best


def is_governing(word: str, lex: Lexicon) -> bool:
    """A verb that governs what follows it and is never a noun itself (not 建设, 服务)."""
    return (
        len(word) >= 2
        and word in lex.leads
        and word not in lex.adverbs
        and word not in lex.generic
        and word not in lex.front_only
    )


# After a connector, what opens another item: an ordinal ("…期间和第二个五年计划") or a
# quantity ("…指导意见和一系列区域发展规划").
NEW_ITEM = ("第", "一系列", "一批", "若干", "各项", "各类")


def _split_coordination(text: str, start: int, end: int, lex: Lexicon) -> int:
    """ "A和B机制": one name when A is part of it, two when A ends like a whole item."""
    for i in range(end - 1, start, -1):
        if text[i] in CONNECTORS:
            left = text[start:i]
            if (
                left.endswith(ITEM_ENDS)
                or left.endswith(lex.head_tuple)
                or is_place(left)
                or text.startswith(tuple(QUOTE_OPEN), i + 1)
                or text.startswith(NEW_ITEM, i + 1)
            ):  # "小康社会和“十三五”规划": a quote opens a new name; so do an ordinal and a quantity
                s, _ = strip_leads(text, i + 1, end, lex)
                return s
    return start


_CN_VALUE = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


def _summary_numeral(text: str, start: int, end: int) -> int:
    """ "道路、…、饮水七改工程": a numeral equal to the length of a list of short
    items before it (or of items that all end in the word after the numeral:
    "…代办、…帮办、…包办三办服务模式") sums the list up, and the name starts there."""
    for i in range(start + 1, end):
        value = _CN_VALUE.get(text[i])
        if (
            value is not None
            and text[i - 1] != "第"
            and value == _items_before(text, i)
            and (_short_items(text, i) or _items_end_with(text, i, text[i + 1 : i + 2]))
        ):
            return i
    return start


def _items_end_with(text: str, pos: int, last: str) -> bool:
    """ "…代办、…帮办、…包办三办服务模式": each item ends with the word the summary repeats."""
    i = pos - 1
    while i >= 0 and text[i] not in "，。；：！？\n":
        i -= 1
    items = text[i + 1 : pos].split("、")
    return bool(last) and len(items) >= 2 and all(x.endswith(last) for x in items)


def _short_items(text: str, pos: int, longest: int = 4) -> bool:
    i = pos - 1
    while i >= 0 and text[i] not in "，。；：！？\n":
        i -= 1
    items = text[i + 1 : pos].split("、")
    return all(len(x) <= longest for x in items[:-1])


def _items_before(text: str, pos: int) -> int:
    """How many 、-separated items the clause holds up to ``pos``."""
    n, i = 1, pos - 1
    while i >= 0 and text[i] not in "，。；：！？\n":
        if text[i] == "、":
            n += 1
        i -= 1
    return n


_NO_QUOTES = str.maketrans("", "", "“”‘’「」『』\"'《》")


def unquote(name: str) -> str:
    """The name without its quote marks (“百企建百园”工程 → 百企建百园工程)."""
    return name.translate(_NO_QUOTES)


# What says which or how many reforms, not what is reformed: 重点领域改革, 各项改革, 全面深化改革
REFORM_QUALIFIERS = (
    "重点",
    "各项",
    "各类",
    "全面",
    "深化",
    "深入",
    "有关",
    "相关",
    "系列",
    "主要",
    "关键",
    "重大",
    "重要",
    "领域",
    "方面",
    "环节",
    "新一轮",
    "一批",
    "综合改革",
    "改革",
    "创新",
    "推进",
    "加快",
    "进一步",
)


def _reformed_domain(modifier: str, head: str) -> bool:
    """A reform named by what it reforms, in everyday words of four characters or more
    (国有企业改革, 经济体制改革, 城乡一体化综合配套改革): the domain is the name, as 政府机构改革's
    is; not a count or a scope of reforms (重点领域改革, 各项改革)."""
    if head != "改革" or len(modifier) < 4 or modifier.endswith("综合"):  # 服务业综合改革: a sector's at large
        return False
    if any(q in modifier for q in REFORM_QUALIFIERS) or any(c in modifier for c in "和与及、"):
        return False  # (经济发展和改革, 住房和医疗制度改革: two things)
    domain = modifier
    for word in REFORM_STRUCTURES:
        domain = domain.replace(word, "")
    return len(domain) >= 2 and not modifier.startswith(REFORM_VERBS)


# What a reform reworks, which names no domain: 管理体制改革, 综合配套改革 say how, not of what
REFORM_STRUCTURES = ("管理", "体制", "制度", "机制", "发展", "综合", "配套", "结构")
REFORM_VERBS = ("发展", "加强", "完善", "健全", "推动", "实行", "实施", "坚持", "建立")


def is_generic(modifier: str, lex: Lexicon) -> bool:
    """True when ``modifier`` is nothing but generic words ("重点", "产业", "省级"…)
    and the verbs and adverbs that govern names ("签订合作"). A verb right before
    the head is the programme's own action ("外贸平台培育计划") and counts."""
    i, n = 0, len(modifier)
    if n == 0:
        return True
    while i < n:
        if modifier[i] in CONNECTORS and i > 0:
            i += 1
            continue
        # (generic words and leads are in vocab: the first two characters bound a word of two or more)
        for k in range(max(min(lex.vocab_open.get(modifier[i : i + 2], 0), n - i), 1), 0, -1):
            w = modifier[i : i + k]
            if w in lex.generic or (w in lex.leads and i + k < n):
                i += k
                break
        else:
            return False
    return True


def proper_name(modifier: str) -> bool:
    """What names one road, railway or reservoir ("宝成", "官厅", "京九", "G6高速青山互通"):
    not everyday words (巨大), not a count or a span of time (六条, 五年), no verb of
    jieba's dictionary inside (兴修, 恢复). Kinds the dictionary does not know as
    everyday words (病险, 中西部, 新建) are in lexicon/generic.txt."""
    bare = unquote(modifier)
    if bare[:1] in NUMERALS or all_common(bare) or _coordinated(bare):
        return False
    return not any(is_verb(bare[i : i + k]) for i in range(len(bare)) for k in (2, 3) if i + k <= len(bare))


def _coordinated(text: str) -> bool:
    """ "大商业和铁路", "公路和土铁路": a connector that no word of jieba's spans (呼和浩特 does)."""
    for i, ch in enumerate(text):
        if ch in CONNECTORS or ch == "及":
            if not any(len(longest_word(text, j, len(text))) > i - j + 1 for j in range(max(0, i - 3), i + 1)):
                return True
    return False


def has_facility(modifier: str, lex: Lexicon) -> bool:
    """A physical thing in the modifier, or a number outside quotes (国道309; not “131千亿级产业”)."""
    bare = re.sub(r"“[^”]*”", "", modifier)
    return (
        any(f in modifier for f in lex.facilities)
        or any(ch.isdigit() for ch in bare)
        or any(h in modifier for h in lex.built)
    )


PLAN_PERIOD_RE = re.compile(r"^十[一二三四五六七八九]五$|^\d+$")


def is_plan_period(text: str) -> bool:
    """ "十四五": a five-year plan period, not a programme of its own."""
    return bool(PLAN_PERIOD_RE.match(text))


def is_slogan(modifier: str) -> bool:
    """Numbered slogans and formulas name programmes: 一号, 六个一, 1+N, 四减四增."""
    return bool(modifier) and (modifier[0] in NUMERALS or "+" in modifier or any(ch.isdigit() for ch in modifier))


def counts_before_head(modifier: str) -> bool:
    """ "…、长江经济带发展三大" (战略): a count right before the head counts what a list named."""
    return len(modifier) > 2 and modifier[-2] in NUMERALS and modifier[-1] in "大个项"


def is_collective(modifier: str, lex: Lexicon) -> bool:
    """ "三大", "两大污水处理厂…", "…两个先行": a numeral counting members of a
    class, not a name: at the start, or followed by nothing but generic words."""
    if counts_before_head(modifier):
        return True
    for j in range(len(modifier) - 1):
        if modifier[j] in NUMERALS and (j == 0 or modifier[j - 1] not in NUMERALS):
            i = j
            while i < len(modifier) and modifier[i] in NUMERALS:
                i += 1
            if i < len(modifier) and modifier[i] in "大个项类":
                if j == 0 or is_generic(modifier[i + 1 :], lex):
                    return True
    return False


def is_place(name: str) -> bool:
    """Towns, streets, villages and districts are not among the four types."""
    if name.endswith(ADMIN_SUFFIXES):
        return True
    if not name.endswith("区") or name.endswith(AREA_NOUNS):
        return False
    return len(name) <= 4 or is_place_chain(name[:-1])  # "北京朝阳区"


SERIES = ("系列", "一揽子")


# Titles a talent programme confers; the programme is named by what stands before
# (泰山学者, 泰山产业领军人才), a kind of person is not (青年学者, 专家学者).
TALENT_HEADS = frozenset({"学者", "产业领军人才"})
OFFENCES = ("犯罪", "违法", "非法", "恐怖", "走私", "邪教", "诈骗", "传销", "赌博", "贩毒", "分裂")
AGAINST_OFFENCES = ("宣传", "警示", "教育", "进万家", "专项整治", "反")
MOVEMENTS = ("群众", "革命", "政治", "人民", "民主", "民族", "独立", "解放", "和平", "历次", "一种")
SPORTS = ("体育", "冰雪", "球", "田径", "水上", "户外", "奥林匹克")


def _clause_before_bank(modifier: str) -> bool:
    """ "减轻银行", "财政向银行", "历年给国家银行": a verb opens the words before 银行, or a
    preposition or 和 stands among them: a clause reached into, not a bank's name."""
    return is_verb_any(longest_word(modifier, 0, len(modifier))) or any(ch in "向给对把由和与及" for ch in modifier)


def _ends_common(text: str) -> bool:
    """True when an everyday word of two to four characters ends ``text`` (…高端, …优秀)."""
    return any(is_common(text[-k:]) for k in range(2, min(4, len(text)) + 1))


def acceptable(name: str, head: str, typ: str, kind: str, lex: Lexicon) -> str | None:
    """Why ``name`` is not a name of type ``typ`` (None when it is one)."""
    bare = unquote(name)
    modifier = bare[: len(bare) - len(head)] if head and bare.endswith(head) else bare
    quoted = _quoted_part(name)
    if typ == "PROGRAM":
        if head.endswith("长制") and modifier:
            return None
        if (
            head.endswith(("活动", "行为"))
            and any(w in modifier for w in OFFENCES)
            and not quoted
            and not any(w in modifier for w in AGAINST_OFFENCES)  # "防范非法集资宣传月活动" is a campaign
        ):
            return "an offence fought, not a programme"  # "防范非法集资活动", "严重刑事犯罪活动"
        if head == "运动" and modifier.endswith(SPORTS):
            return "a sport, not a campaign"  # "群众性体育运动", "冰雪运动"
        if head == "运动" and modifier.endswith(MOVEMENTS):
            return "a kind of movement, not one campaign"  # "发展群众运动", "民族解放运动"
        if head in TALENT_HEADS and (all_common(modifier) or _ends_common(modifier)):
            return "a kind of person, not a talent programme"  # "青年学者", "创业类高端产业领军人才"
        if any(w in modifier for w in SERIES):
            return "a series of measures, not one"  # "稳增长系列政策措施", "一揽子政策"
        if len(modifier) < 2:
            return "too short"
        if kind == "quoted":
            return None if quoted else "needs a quoted slogan"
        if kind == "named":  # a programme called 工程: "雪亮工程", not "生态保护修复工程"
            return None if is_slogan(modifier) or quoted or not is_generic(modifier, lex) else "generic"
        if kind in STRONG_KINDS:
            if is_slogan(modifier):
                return None
            if len(modifier) < 4 and is_generic(modifier, lex):
                return "generic"
            return None
        if is_collective(modifier, lex) and is_generic(modifier.lstrip("".join(NUMERALS))[1:], lex):
            return "a count of a class"
        if counts_before_head(modifier) and not quoted:
            return "a count of what a list named"  # "…京津冀协同发展、长江经济带发展三大战略"
        if is_slogan(modifier) or quoted:
            return None
        if is_generic(modifier, lex) and not _reformed_domain(modifier, head):
            return "generic"
        if len(modifier) < MIN_PLAN_MODIFIER:
            return "too short for a reform, plan or policy name"
        return None
    if len(modifier) < 2:
        return "too short"
    if is_collective(modifier, lex) or DIGIT_CLASS_RE.match(modifier):
        return "a count of a class"  # "两大污水处理厂", "10大环保重点工程"
    if typ == "PROJECT" and THRESHOLD_RE.search(modifier):
        return "a class by size"  # "省外亿元以上项目"
    if typ == "PROJECT" and (period := PERIOD_OPENING_RE.match(modifier)):
        rest = modifier[period.end() :]
        if not rest or is_generic(rest, lex):
            return "a class of a plan's projects"  # "十二五规划重大项目", not "十三五易地扶贫搬迁项目"
    if kind in ("works", "rebuild") and modifier in lex.built_names:
        return "works on a kind of facility"  # "污水处理厂提标改造"
    if is_generic(modifier, lex) and not (
        typ == "PARK" and len(modifier) >= MIN_SECTOR_PARK and kind == "park" and not modifier.startswith(LEVELS)
    ):
        return "generic"  # "产业园区" is a kind; "新能源创新产业园" is named by its sectors
    if (
        typ == "ENTERPRISE"
        and head
        and head in KIND_HEADS
        and (
            not proper_name(modifier)
            or any(
                is_common(modifier[i : i + k])
                for i in range(len(modifier))
                for k in (2, 3, 4)
                if i + k <= len(modifier)
            )
        )
    ):
        return "a kind of firm"  # "民间资本", "跨境资本", "产业基金" (not "兰州银行", "星云股份", "盈科资本")
    if typ == "ENTERPRISE" and all_common(modifier) and (not head.endswith("银行") or _clause_before_bank(modifier)):
        # "保险公司", "金融控股公司", "统治集团": everyday words only, no one firm (a bank is
        # named so: 国家开发银行, 人民银行; not "财政向银行", "减轻银行")
        return "a kind of firm"
    if typ == "ENTERPRISE" and head == "集团" and (modifier.endswith("国") or any(w in modifier for w in BLOC_WORDS)):
        return "a bloc, not a firm"  # "二十国集团", "北大西洋公约集团", "反革命集团"
    if quoted and quoted == modifier and (is_slogan(quoted) or is_generic(quoted, lex)):
        return "a slogan, not a name"  # "“四个一批”项目"
    if kind == "works" and not has_facility(modifier, lex):
        return "works on no named facility"
    if kind == "infra" and not proper_name(modifier):
        return "a kind of road, railway or reservoir, not one"
    return None


def _quoted_part(name: str) -> str:
    a = name.find("“")
    b = name.find("”", a + 1)
    return name[a + 1 : b] if a >= 0 and b > a else ""


def after_descriptor(text: str, start: int, end: int, lex: Lexicon) -> int:
    """Where a firm's name starts after a description written before it
    ("世界500强企业吉利控股集团"): after the last descriptor word that leaves
    two characters or more of name."""
    best = start
    for word in lex.descriptors:
        at = text.rfind(word, start, end)
        if at >= 0 and end - (at + len(word)) >= 2:
            best = max(best, at + len(word))
    return best


PERIOD_OPENING_RE = re.compile(r"(?:十[一二三四五六七八九]?|[一二三四五六七八九])五(?:期间|时期)?")
RENAMED = ("更名为", "改名为", "更名", "改名", "整合为", "合并为", "升级为", "升格为")


CLAUSE_ENDS = frozenset("、，,；;：:")


def after_award(peeled: str, lex: Lexicon) -> bool:
    """True when the words peeled off a name hold an award verb: what follows is
    a title ("授予全国…特色学校", "入选全省首批…试点"). Not when the award is a
    renaming ("获批升格为…高新技术产业开发区"): what follows is the new name."""
    if peeled.rstrip("“‘ ").endswith(RENAMED):
        return False
    return lex.award_re.search(peeled) is not None and any(_awards_here(peeled, a) for a in lex.awards)


def _awards_here(peeled: str, award: str) -> bool:
    """An award verb with its object after it; one right before a comma or 、
    closes the clause before ("…治理工程尽快获批、引黄入呼三期工程"): no title."""
    at = peeled.find(award)
    while at >= 0:
        if peeled[at + len(award) : at + len(award) + 1] not in CLAUSE_ENDS:
            return True
        at = peeled.find(award, at + 1)
    return False


def blocked_after(text: str, end: int, head: str, lex: Lexicon) -> bool:
    """True when the head at ``end`` continues into another noun ("试点区县", "创建率")."""
    follows = lex.not_after.get(head) or lex.not_after.get("*", ())
    return text.startswith(follows, end)


def firm_shaped(name: str, lex: Lexicon) -> bool:
    """A brand followed by its trade ("龙安电力", "三金玻璃机械"): how firms are named short."""
    bare = unquote(name)
    if not bare.endswith(lex.industries):
        return False
    trade = next(t for t in lex.industries if bare.endswith(t))
    brand = bare[: -len(trade)]
    return 2 <= len(brand) <= 5 and not is_generic(brand, lex) and not is_place(brand) and not is_common(brand)
