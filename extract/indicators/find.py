"""Tie each figure to the indicator it measures and the year it speaks of.

A report states a figure in a few grammatical shapes, each read here by rule:

- name first: 地区生产总值同比增长2.3% / 城镇新增就业4500人以上 / 智能车间15个;
- count first, the classifier binding the noun after it: 新建成5家社区老年人日间照料中心;
- a list of names and a list of values, paired in order: 城镇和农村居民人均可支配收入
  分别达到40495元、19327元 (the head the text writes once, 人均可支配收入, is
  given back to each name), and values glued by scraping (65.7%50%) are split
  only when the sentence names as many indicators as there are values;
- a name said once and carried to the next clause of the sentence:
  存款余额380.5亿元，较年初增长9.1%;
- the three sector shares as a ratio: 三次产业比例调整为4.1:43.1:52.8.

The measure follows from unit and verb: a percentage after 增长/下降 is a growth
(negative for a fall), one after 达到/控制在 a rate, 个百分点 always a change;
everything else is a level.

The year and kind follow from the section (a reviewed section speaks of the
reviewed year Y, actuals; a planned one of Y+1, targets) unless the sentence
says otherwise: an explicit year (2004年, 到2025年), 去年 / 过去一年 / 今年, the
end of a five-year plan (十三五末). A marker opening a sentence (过去一年，…)
holds for the rest of its paragraph. ``Indicator.section`` and ``.mode`` are
those of the section the figure was read in, so a 过去一年 actual in a planned
section keeps ``mode="planned"`` and ``kind="actual"``.

Figures about several years are handled so that none passes for one year's:
averages (年均增长) and growth over a span (五年累计下降19.1%, 比2010年增长57.3%)
are left out; a level over a span keeps its figure but no concept (这五年城镇新增
就业5771万人 is a sum, not 2010's value), unless it is a stock reached at the end
(从54万亿元增加到82.7万亿元). The concept is also withheld from figures for part
of a year (1-11月) and from changes of a level (增加110万套). The concept is what
the plan-versus-actual audit pairs on, so withholding it keeps such figures out
of the audit while the extraction still reports them.

Where a review only tallies in passing (7300余个, 203场, 5家企业获批…), the count
is left out; see ``_routine_count``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..entities.dictionary import is_adverbial, is_verb_any, longest_word
from ..entities.lexicon import lexicon as entity_lexicon
from ..records import REVIEWED, Document, Indicator, Section, Sentence
from . import numbers
from .numbers import COUNT, PERCENT, POINTS, Figure
from .tables import table_facts
from .vocabulary import Vocabulary, load_vocabulary

ACTUAL, TARGET = "actual", "target"

# a colon or comma between digits is a ratio (4.1:43.1:52.8) or a thousands separator, no break
_CLAUSE_BREAK = re.compile(r"[，；;]|(?<!\d)[：:,]|[：:,](?!\d)|——|─+")
_SOFT_BREAK = re.compile(r"\s+")
_HEADING_LIKE = re.compile(r"[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十]+|各位代表")

# ---- words between a name and its figure -------------------------------------------------
_UP = "增长|增加|提高|提升|上升|上涨|扩大"
_DOWN = "下降|降低|减少|回落|下滑|缩减|缩小|压减|压缩|削减"
_TO = "到|至|为"
_RESHAPE = "精简|整合|合并|调整"  # a count reshaped to another: 事项由186项精简到97项, 部门由32个整合为18个
_BASE = r"(?:比|较|与|同)(?:(?:19|20)\d\d年(?:末|底)?|十[一二三四五]?五末|[六七八九]五末|上年(?:末|同期)?|去年(?:同期)?|年初|上年度)(?:相比)?"
_PREFIX_QUAL = {
    "不低于": "不低于",
    "不少于": "不低于",
    "不超过": "不超过",
    "不高于": "不超过",
    "不到": "不超过",
    "超过": "以上",
    "突破": "以上",
    "逾": "以上",
    "高于": "以上",
    "多于": "以上",
    "超": "以上",
    "低于": "以下",
    "少于": "以下",
    "约": "约",
    "大约": "约",
    "近": "约",
    "接近": "约",
    "将近": "约",
}
_LINK_WORDS = sorted(
    {
        *_PREFIX_QUAL,
        "达到",
        "达",
        "为",
        "是",
        "到",
        "至",
        "在",
        "控制在",
        "稳定在",
        "保持在",
        "维持在",
        "调整为",
        "定为",
        "确定为",
        "控制",
        "保持",
        "稳定",
        "维持",
        "实现",
        "完成",
        "同比",
        "环比",
        "分别",
        "均",
        "各",
        "全年",
        "年末",
        "年底",
        "累计",
        "总计",
        "合计",
        "共计",
        "共",
        "实际",
        "名义",
        "预计",
        "力争",
        "确保",
        "努力",
        "争取",
        "继续",
        "基本",
        "全部",
        "整体",
        "稳步",
        "持续",
        "大幅",
        "明显",
        "进一步",
        "再",
        "又",
        "已",
        "将",
        "要",
        "就",
        "也",
        "都",
        "目标",
        "预期目标",
        "预期",
        "指标",
        "增长目标",
        "目标为",
        "每人每月",
        "每人每年",
        "每人",
        "每年",
        "每月",
        "按可比价格计算",
        "按可比价计算",
        "扣除价格因素",
        "扣除价格因素后",
        "同口径",
        "按同口径",
        "可比口径",
        "按可比口径",
        "剔除不可比因素后",
        "以上",
        "左右",
        "提高了",
        "增长了",
        "下降了",
        "增加了",
        "减少了",
        "了",
        "较快",
        "快速",
        "平稳",
        "以",
        "在全市",
        "在全省",
        "居",
        "从",
        "由",
        "平均",
        "历史性",
        "历史性地",
        "首次",
        "首破",
        "一举",
    },
    key=len,
    reverse=True,
)
_LINK_TAIL = re.compile(
    rf"(?:(?P<base>{_BASE})|(?P<to>(?:{_UP}|{_DOWN}|{_RESHAPE}|降|升|增|减)(?:{_TO}))|(?P<up>{_UP})|(?P<down>{_DOWN})"
    rf"|(?P<word>{'|'.join(re.escape(w) for w in _LINK_WORDS)}))$"
)
# a name said once for two figures: 开工率和投资完成率两个100%
_BOTH = re.compile(r"(?:两|三|四|五)个$")
# each of two names joined by 和 takes the figure: …收入和…收入均增长9% (not 进出口总额: one name)
_EACH = re.compile(r"^(?:分别|均|都)")
_PAIRED = re.compile(r"[\u4e00-\u9fff]{4,}(?:和|与|及)[\u4e00-\u9fff]{4,}")
_HOW_MANY = {"两": 2, "三": 3, "四": 4, "五": 5}

# words before a name that frame it rather than name it
_LEAD = re.compile(
    r"^(?:[、，和及与的]|其中|此外|另外|同时|并且|并|且|力争|确保|努力|争取|预计|全年|年内|今年|去年|当年|年末|年底"
    r"|截至目前|截至年底|目前|实现|完成|过去一年|(?:19|20)\d\d年(?:末|底)?|十[一二三四五]?五末|我们)+"
)
_TIME_WORD = re.compile(r"(?:19|20)\d\d年(?:末|底|度)?|今年|去年|明年|全年|当年|年内|过去一年|十[一二三四五]?五末")
_AREA = re.compile(r"^(?:全区|全市|全县|全省|全国|全镇)(?=..)")
# the same, to match at a position inside the text (a pattern's ^ holds only at the start of the string)
_LEAD_AT = re.compile(_LEAD.pattern[1:])
_AREA_AT = re.compile(_AREA.pattern[1:])
_TRAIL = re.compile(r"(?:[、，和及与等]|以及)+$")
_NAME_OK = re.compile(r"[\u4e00-\u9fffA-Za-z]{2}|[\u4e00-\u9fff][A-Za-z0-9.]+|[A-Za-z0-9.]+[\u4e00-\u9fff]")
# growth whose name says so: 居民消费价格涨幅3%左右
_GROWTH_NAME = re.compile(r"(?:涨幅|增幅|增速|增长速度|增长幅度|降幅)$")

# ---- what makes a figure something other than an indicator value ----------------------------
_COMPARED = re.compile(
    r"(?:好于|快于|慢于|高于|低于|超过|超出|领先|落后|相当于|超|差|比)(?:全市|全省|全国|全区|全县|全州|平均|同期|预期|年初|计划"
    r"|目标|经济增速|GDP|地区生产总值|国内生产总值|上级)"
)
_COMPARED_AFTER = re.compile(r"^的?(?:预期)?目标|^的?(?:全国|全省|全市)?平均水平")
_FROM = re.compile(r"(?:从|由)(?:(?:(?:19|20)\d\d年|上年|去年|年初)(?:末|底)?的?)?$")
_AVERAGE = re.compile(r"年均|平均每年|年平均|每年平均")
_ORDINAL = re.compile(r"第$")
_BASE_YEAR = re.compile(r"(?:比|较|与|同)((?:19|20)\d\d)年|(?:比|较|与|同)(十[一二三四五]?五|[六七八九]五)末")
_FROM_TO = re.compile(rf"(?:增加|提高|提升|上升|增长|下降|降低|减少|扩大|缩小|{_RESHAPE})(?:到|至|为)|^(?:到|至)$")
_RATIO_HEAD = re.compile(r"三次产业|一二三产业|三产")
# a clause stating a figure, in words or digits, of its own subject
_STATES_FIGURE = re.compile(
    r"达到|增长|增加|下降|减少|提高|降低|上升|完成|实现"
    r"|[0-9零一二三四五六七八九十两][0-9零一二三四五六七八九十百千万亿两]*(?:吨|元|人|个|家|亩|公里|倍|%)"
)
_ORDINAL_PART = re.compile(r"第?[一二三四五六七八九]")
_PART_OF_YEAR = re.compile(
    r"\d{1,2}\s*[-－—~～至到]\s*\d{1,2}\s*月|前\d{1,2}个月|前[一二三]季度|[一二三四]季度|上半年|下半年"
)

# ---- time markers ----------------------------------------------------------------------------
_FIVE = {"九": 9, "十": 10, "十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15, "六": 6, "七": 7, "八": 8}
# a five-year plan named as the span of a figure; not when it names a document or a list
# (“十四五”市级专项规划52个, 十四五重大项目): then it is part of the name
_PERIOD_FIVE = (
    r"(?:十[一二三四五]五|“(?:十|[六七八九])五”|(?:十|[六七八九])五(?=计划|规划|期间|时期))(?!末|期末|时期末)"
    r"(?!”?(?:规划|市级|省级|县级|区级|专项|重大|重点|项目))"
)
_MARKER = re.compile(
    r"(?P<noyear>(?:比|较|与|同|从|由|按|于|自)(?:(?:19|20)\d\d年|十[一二三四五]?五末|上年|去年))"
    r"|(?<!面向)(?<!展望)(?<!着眼)(?P<year>(?:19|20)\d\d)年(?!价格|不变价|可比价|以来|起|之前|前|度价格|的(?!\d))"
    r"|(?P<last>过去一年|去年(?!以来|同期)|上一年|上年(?!同期|以来|末|底))"
    r"|(?P<this>今年)(?!以来)"
    r"|(?P<next>明年|下一年)"
    r"|(?P<five>十[一二三四五]?|[六七八九])五(?:末|期末|时期末)"
    r"|(?P<period>五年来|这五年|过去五年|近五年|今后五年|未来五年|前四年|前三年|近三年|近两年"
    r"|(?:[两三四五六七八九十]|\d+)年(?:累计|来|间)|累计(?:[两三四五六七八九十]|\d+)年|(?<!今年)(?<!年初)以来|"
    + _PERIOD_FIVE
    + r")"
)
# a part of the report about a five-year span, unless a sentence names one year
_FIVE_NAME = re.compile(r"(十[一二三四五]?|[六七八九])五”?(?:时期|期间|规划|计划)")
_FIVE_NAME_ANY = re.compile(r"(十[一二三四五]?|[六七八九])五")
_PERIOD_TITLE = re.compile(r"(?:过去|今后|这)五年|五年来|十[一二三四五]五”?(?:时期|期间|规划)")
_NOUN = re.compile(r"[^，。；：、！？\n,;:（(“”\d]*")
_CONJ_END = re.compile(r"(?:和|及|与|以及|等)$")
_CONJ_ONLY = re.compile(r"和|及|与|以及|、")
_QUOTES = re.compile(r"[“”\"‘’'《》「」『』]")
_CHANGE_BASE = re.compile(r"同比|环比|比上年|较上年|比去年|较去年|比年初|较年初")
_ROUTINE_UNITS = {"场", "场次", "次", "人次", "户次", "期", "栋", "幢", "间"}
_STATUS_PREDICATE = re.compile(
    r"被评为|评选为|评为|获评|获批|入围|荣膺|荣获|获得|授予|竣工|完工|投产|投用|开工|签约|交付|建成开放|建成投用"
    r"|布局建设|快速建设|参加|安装|签订|达标|居全市|居全省|居全国|前列"
)
_DOCUMENTS = re.compile(r"^[^，。]{0,6}(?:方案|清单|措施|意见|办法|文件|政策|举措|条例)$")
_ABOVE_LIST = re.compile(r"(?:全省|全国|全市|省级|国家级)(?:首批|第[一二三四五六七八九十]批)$")
_LISTED = re.compile(r"列入|纳入|列为|入选|完成")
# names of an attribute of something, not of a thing: they belong to the name said before them
_STOCK = re.compile(r"(?:达到|达|增加到|增至|提高到|扩大到|上升到|突破|控制在|保持在|稳定在|降到|降至|下降到)$")
_ATTRIBUTES = frozenset({"总投资", "计划总投资", "计划投资", "完成投资", "累计完成投资", "总产值"})
_LIST_NUMBER = re.compile(r"\d{1,2}[.、]|（\d{1,2}）")
_EXAMPLES = re.compile(r"等(?:一批)?")  # 签约A、B等优势项目: the class after the examples
_EXCLUDING = frozenset({"不含", "不包括"})  # 不含…: a figure without a part (扣除价格因素 is no part left out)
_VISITORS = re.compile(r"游客|旅客|客流|吞吐|接待|观众|入境")  # visits an area counts as its indicator
_INNER_VERB = re.compile(r"实现|完成|达到")  # 规上企业实现工业总产值: the subject before the verb
_SHARE = re.compile(r"(?:分别)?占(?:到)?(全省|全市|全国|全区|全县)的?$")  # 新增存款占到全省的 → …占全省比重
_HEAD = re.compile(r"^[\s“”\"‘’（(—-]*(?:刚刚|刚)?(?:过去的|即将过去的|在)?$")


@dataclass(slots=True)
class _Named:
    """A figure with the indicator it was found to measure."""

    figure: Figure
    name: str
    name_start: int
    end: int  # end of the evidence (after the noun, for count-first figures)
    left: _Left  # the words between name and figure
    qualifier: str | None
    carried: bool = False  # the name was said in an earlier clause
    counted: bool = False  # count first, the noun after it


@dataclass(slots=True)
class _Left:
    name: str
    name_start: int
    verb: str = ""
    sign: int = 1
    to_verb: bool = False
    qualifier: str | None = None
    link: str = ""  # everything taken off the end, in text order
    both: int = 0  # 两个100%: the figure stands for this many names


@dataclass(slots=True)
class _Context:
    doc: Document
    vocabulary: Vocabulary
    sections: dict[str, Section]
    this_year: int | None
    has_outline: bool
    period_sections: dict[str, int | None]
    out: list[Indicator] = field(default_factory=list)
    seen: set = field(default_factory=set)


def find_indicators(
    doc: Document, vocabulary: Vocabulary | None = None, names: Iterable[tuple[int, int]] = ()
) -> list[Indicator]:
    """Indicator facts of ``doc``, in text order; skipped damaged figures become ``doc.warnings``.

    ``names`` are the spans of named projects and programmes: a figure inside
    one is part of the name (陕汽10万辆商用车, 助企纾困31条), not a value.
    """
    vocabulary = vocabulary or load_vocabulary()
    this_year = _delivery_year(doc)
    ctx = _Context(
        doc=doc,
        vocabulary=vocabulary,
        sections={s.id: s for s in doc.sections},
        this_year=this_year,
        has_outline=any(s.level == 1 for s in doc.sections),
        period_sections=_period_sections(doc),
    )
    text = doc.folded
    sentences = list(_sentences(doc))
    starts = [st for st, _, _ in sentences]
    rows, row_spans = table_facts(doc, lambda pos: _section_at(ctx, pos), vocabulary.match)
    ctx.out.extend(rows)
    # one pass of each regex over the whole text, then only the sentences that hold a figure
    figures: dict[int, list[Figure]] = {}
    inside = _inside(sorted([*names, *row_spans]))
    for f in numbers.scan(text):
        if inside(f.start, f.end):
            continue
        figures.setdefault(bisect.bisect_right(starts, f.start) - 1, []).append(f)
    ratios: dict[int, list[re.Match]] = {}
    for m in numbers.RATIO_RE.finditer(text):
        ratios.setdefault(bisect.bisect_right(starts, m.start()) - 1, []).append(m)
    for k in sorted(set(figures) | set(ratios)):
        if k < 0:
            continue
        start, end, section_id = sentences[k]
        _sentence(ctx, start, end, section_id, _frame(ctx, sentences, k), figures.get(k, []), ratios.get(k, []))
    order = {id(i): n for n, i in enumerate(ctx.out)}
    ctx.out.sort(key=lambda i: (i.end, i.start, order[id(i)]))  # figure order: a list shares its start
    return ctx.out


def _section_at(ctx: _Context, pos: int) -> Section:
    """The innermost section holding ``pos`` (the whole report's when none does)."""
    best = None
    for s in ctx.doc.sections:
        if s.start <= pos < s.end and (best is None or s.start >= best.start):
            best = s
    return best if best is not None else ctx.doc.sections[0]


def _inside(spans: list[tuple[int, int]]):
    """A test: does ``[a, b)`` lie within one of the sorted ``spans``?"""
    starts = [s for s, _ in spans]

    def test(a: int, b: int) -> bool:
        i = bisect.bisect_right(starts, a) - 1
        return i >= 0 and spans[i][1] >= b

    return test


def _frame(ctx: _Context, sentences: list[tuple[int, int, str]], k: int) -> tuple[int | None, bool] | None:
    """The (year, period) a sentence-opening marker earlier in the paragraph set, if one did."""
    text = ctx.doc.folded
    j = k
    while j >= 0:
        head = _head_marker(ctx, sentences[j][0], sentences[j][1])
        if head is not None:
            return head
        if j == 0 or "\n" in text[sentences[j - 1][1] : sentences[j][0]]:
            return None  # the paragraph starts here
        j -= 1
    return None


def _period_sections(doc: Document) -> dict[str, int | None]:
    """Sections about a five-year span, with their subsections: id → the span's last year.

    A review of five years (过去五年工作回顾) ends in the reviewed year, which the
    section already carries (None here); a plan for five years (“十三五”时期主要
    目标任务) speaks of the year the plan ends, the last plan its title names
    (“十三五”时期发展成就和“十四五”时期主要目标任务 plans to 2025).
    """
    out: dict[str, int | None] = {}
    for s in doc.sections:
        if s.parent in out:
            out[s.id] = out[s.parent]
        elif (
            s.level == 1
            and _PERIOD_TITLE.search(s.title)
            and not (doc.reviewed_year and f"{doc.reviewed_year}年" in s.title)
        ):  # 2025年和“十四五”时期工作回顾: the year's review first; a sentence names the span when it means it
            end = None
            if s.mode != REVIEWED:
                ends = [_five_end(m.group(1)) for m in _FIVE_NAME.finditer(s.title)]
                ends = [e for e in ends if e]
                if ends:
                    end = ends[-1]
                elif doc.plan_year and ("今后五年" in s.title or "未来五年" in s.title):
                    end = doc.plan_year + 4
            out[s.id] = end
    return out


def _five_end(name: str) -> int | None:
    """The last year of a five-year plan: 十三五 → 2020."""
    n = _FIVE.get(name)
    return 1955 + 5 * n if n else None


def _period_year(ctx: _Context, word: str) -> int | None:
    """The year a span ends: 过去五年 the reviewed year, 今后五年 four years after the plan year, 十四五 2025."""
    doc = ctx.doc
    if word in ("五年来", "这五年", "过去五年", "近五年") or word.endswith(("来", "间")) or "累计" in word:
        return doc.reviewed_year  # a span that ends now: N年来, 五年间, 累计三年, 以来
    if word in ("今后五年", "未来五年"):
        return doc.plan_year + 4 if doc.plan_year else None
    m = _FIVE_NAME_ANY.search(word)
    return _five_end(m.group(1)) if m else None


def _delivery_year(doc: Document) -> int | None:
    """The year 今年 refers to: the plan year, unless the report was delivered late in the reviewed year.

    Reports are mostly delivered early in the year they plan; some county reports
    come in December of the reviewed year, when 今年 is the reviewed year. A date
    mid-way through the reviewed year is more likely a date quoted in the body
    (metadata reads it from the text), so only October to December counts.
    """
    if doc.date and doc.reviewed_year and doc.date[:4] == str(doc.reviewed_year) and doc.date[5:7] >= "10":
        return doc.reviewed_year
    return doc.plan_year


def _sentences(doc: Document):
    """Sentences, with lines that scraping broke mid-sentence joined again.

    A line ending inside a figure (国内生产总值达到74.4 / 万亿元) or inside a
    name (研发经费支出与国内生产总值 / 之比达到2.08%) continues on the next one,
    unless either line is a heading.
    """
    text = doc.folded
    sents = doc.sentences
    headings = {s.start for s in doc.sections if s.level}
    i = 0
    while i < len(sents):
        s = sents[i]
        end = s.end
        j = i
        while j + 1 < len(sents) and _continues(text, sents[j], sents[j + 1], end, headings):
            j += 1
            end = sents[j].end
        yield s.start, end, s.section
        i = j + 1


def _continues(text: str, cur: Sentence, nxt: Sentence, end: int, headings: set[int]) -> bool:
    last = text[end - 1]
    digit = last.isdigit()
    if not digit and not ("\u4e00" <= last <= "\u9fff"):
        return False  # most sentences end on a stop: told first, the checks below are the slower
    gap = text[end : nxt.start]
    if not _SOFT_BREAK.fullmatch(gap or " ") or nxt.start in headings or gap.count("\n") > 1:
        return False  # a blank line ends a paragraph: a wrap breaks a line, never leaves one empty
    if digit:
        return bool(numbers.FIGURE_RE.match(text, _figure_start(text, end), nxt.end))
    if _line_start(text, cur.start) in headings:
        return False
    first = text[nxt.start]
    return "\u4e00" <= first <= "\u9fff" and not _HEADING_LIKE.match(text, nxt.start)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _figure_start(text: str, end: int) -> int:
    i = end
    while i > 0 and (text[i - 1].isdigit() or text[i - 1] == "."):
        i -= 1
    return i


# ---- time ------------------------------------------------------------------------------------


def _marker_year(ctx: _Context, m: re.Match) -> int | None:
    doc = ctx.doc
    if m.group("year"):
        return int(m.group("year"))
    if m.group("last"):
        return (ctx.this_year - 1) if ctx.this_year else doc.reviewed_year
    if m.group("this"):
        return ctx.this_year
    if m.group("next"):
        return (ctx.this_year + 1) if ctx.this_year else doc.plan_year
    if m.group("five"):
        n = _FIVE.get(m.group("five"))
        return 1955 + 5 * n if n else None
    return None


def _head_marker(ctx: _Context, start: int, end: int) -> tuple[int | None, bool] | None:
    """A time marker opening the sentence (过去一年，… / 2004年，… / 这五年，…): it holds for the paragraph."""
    text = ctx.doc.folded
    for m in _MARKER.finditer(text, start, min(end, start + 12)):
        if m.group("noyear") or not _HEAD.match(text[start : m.start()]):
            return None
        if m.group("period"):
            return _period_year(ctx, m.group("period")), True
        year = _marker_year(ctx, m)
        return (year, False) if year is not None else None
    return None


def _when(ctx: _Context, section: Section, frame, sent_start: int, pos: int) -> tuple[int | None, str, bool]:
    """(year, kind, period) of a figure at ``pos``: the sentence's nearest marker, else the paragraph's, else the section's."""
    doc = ctx.doc
    year, period = None, None
    for m in _MARKER.finditer(doc.folded, sent_start, pos):
        if m.group("noyear"):
            continue
        if m.group("period"):
            period = True
            y = _period_year(ctx, m.group("period"))
            if y is not None:
                year = y
            continue
        y = _marker_year(ctx, m)
        if y is not None:
            year, period = y, False
    if frame is not None:
        if year is None:
            year = frame[0]
        if period is None:
            period = frame[1]
    if period is None:
        period = section.id in ctx.period_sections
    if year is None and period and ctx.period_sections.get(section.id):
        year = ctx.period_sections[section.id]
    if year is None:
        year = section.year
        if year is None:
            year = doc.reviewed_year if section.mode == REVIEWED else doc.plan_year
        if doc.reviewed_year is None or doc.plan_year is None:
            return year, (ACTUAL if section.mode == REVIEWED else TARGET), period
    if year is None:
        return None, TARGET, period
    if doc.reviewed_year is not None and year <= doc.reviewed_year:
        return year, ACTUAL, period
    if doc.plan_year is not None and year >= doc.plan_year:
        return year, TARGET, period
    return year, (ACTUAL if section.mode == REVIEWED else TARGET), period


def _part_of_year(text: str, sent_start: int, pos: int) -> bool:
    """A figure for months of a year (1-11月, 上半年, 前三季度), unless 全年 follows the months."""
    last = None
    for m in _PART_OF_YEAR.finditer(text, sent_start, pos):
        last = m
    return last is not None and "全年" not in text[last.end() : pos]


# ---- one sentence ----------------------------------------------------------------------------


def _sentence(
    ctx: _Context, start: int, end: int, section_id: str, frame, figures: list[Figure], ratios: list[re.Match]
) -> None:
    text = ctx.doc.folded
    figures = [f for f in figures if f.start < end]
    ratios = [m for m in ratios if m.start() < end]
    section = ctx.sections.get(section_id) or ctx.sections["0"]
    if section.id == "0" and ctx.has_outline:
        return  # the address before the first heading: neither the review nor the plan
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, start, end)]
    named = _name_figures(ctx, text, start, end, figures, breaks)
    for r in ratios:
        named.extend(_ratio(text, start, r, breaks))
    for n in named:
        _emit(ctx, n, section, frame, start, end, breaks)


def _clause_start(breaks: list[int], start: int, pos: int) -> int:
    cs = start
    for b in breaks:
        if b <= pos:
            cs = b
        else:
            break
    return cs


def _name_figures(
    ctx: _Context, text: str, start: int, end: int, figures: list[Figure], breaks: list[int]
) -> list[_Named]:
    out: list[_Named] = []
    consumed = start  # where the next figure's name may begin
    carried: list[tuple[str, int]] = []  # names said in an earlier clause of the sentence
    said: list[tuple[str, int]] = []  # every name given a figure of its own so far, in order
    named_after = False  # the last figure was named by the noun after it (守住18.94万亩耕地)
    i = 0
    while i < len(figures):
        run = [figures[i]]
        while (
            i + len(run) < len(figures)
            and _joins(text, run[-1], figures[i + len(run)])
            and _clause_start(breaks, start, run[-1].start) == _clause_start(breaks, start, figures[i + len(run)].start)
        ):
            run.append(figures[i + len(run)])
        i += len(run)
        f0 = run[0]
        cstart = _clause_start(breaks, start, f0.start)
        left_start = max(cstart, consumed)
        if carried and not _only_asides(text, consumed, cstart):
            carried = []  # 粮食产量…，棉花达到六百零八万吨，增长31.1%: another subject came between
        if any(f.damaged for f in run):
            bad = next(f for f in run if f.damaged)
            _warn_damaged(ctx, text, start, end, run, bad.damaged)
            consumed = run[-1].end
            continue
        left = _parse_left(text, left_start, f0.start)
        if _skip_context(text, cstart, left_start, f0, run[-1]):
            if _NAME_OK.search(left.name):
                # 财政收入从3.16万亿元增加到8.31万亿元: the name holds for what follows
                carried = [(left.name, left.name_start)]
            consumed = run[-1].end
            continue
        if len(run) > 1:
            names = _split_names(left.name, left.name_start, len(run))
            if names is None and not left.name and carried and len(carried) == len(run):
                names = carried
            if names is None and not left.name and "分别" in left.link and len(said) >= len(run):
                # 城镇居民人均可支配收入17860元，农村居民人均纯收入8950元，分别增长13.5%和14.2%:
                # the names of the clauses before, one for each figure, in their order
                names = said[-len(run) :]
            if names is None:
                if any(f.glued for f in run):
                    _warn_damaged(
                        ctx,
                        text,
                        start,
                        end,
                        run,
                        f"{len(run)} values run together and the sentence does not name {len(run)} indicators",
                    )
                consumed = run[-1].end
                continue
            shared = run[-1].qualifier  # 分别控制在2.56%、3.3‰以内: the last qualifier holds for all
            for f, (nm, ns) in zip(run, names):
                out.append(
                    _Named(f, nm, ns, f.end, left, f.qualifier or shared or left.qualifier, carried=not left.name)
                )
            if left.name:
                carried = names
            consumed = run[-1].end
            continue
        f = f0
        left_name = left.name if _NAME_OK.search(left.name or "") else ""
        if f.family == COUNT or (f.family == PERCENT and not left_name):
            nxt = figures[i] if i < len(figures) else None
            if nxt is not None and f.family == COUNT and _modifier(text, nxt) and nxt.start == f.end:
                # 20个300户以上自然村: the second count describes the noun the first one counts
                noun = _noun_after(text, nxt.end, end, figures, i + 1)
                i += 1
            else:
                noun = _noun_after(text, f.end, end, figures, i)
            if noun is not None:
                nm, nend, into_next = noun
                if into_next:
                    # 2处集中式饮用水水源地水质达标率稳定在100%: the count is part of the next figure's
                    # name, and so are counts listed with it (杨古、宝山2处…和43处…水质达标率)
                    while out and out[-1].counted and _CONJ_ONLY.fullmatch(text[out[-1].end : f.start]):
                        out.pop()
                    consumed = f.end
                    continue
                out.append(
                    _Named(
                        f,
                        nm,
                        left_start if (left_name or left.link) else f.start,
                        nend,
                        left,
                        f.qualifier or left.qualifier,
                        counted=True,
                    )
                )
                consumed = nend
                continue
        if f.family != COUNT and _modifier(text, f):
            consumed = f.end
            continue
        verb_governs = left_name and _verbs_only(left_name)
        listed = not left.name and named_after and _CONJ_ONLY.fullmatch(text[consumed : f.start] or "、")
        if (verb_governs or listed) and (noun := _noun_after(text, f.end, end, figures, i)):
            # 守住18.94万亩耕地、17.32万亩…红线: a verb before the figure names nothing; the noun
            # after it does, and so for each figure listed after it
            nm, nend, _ = noun
            out.append(_Named(f, nm, f.start, nend, left, f.qualifier or left.qualifier, counted=True))
            consumed = nend
            named_after = True
            continue
        named_after = False
        both = left.both or (2 if _EACH.search(left.link) and _PAIRED.search(left_name) else 0)
        if both and left_name:
            # 城镇居民人均可支配收入和农民人均纯收入均增长9%: one figure for each name
            names = _split_names(left.name, left.name_start, both)
            if names:
                for nm, ns in names:
                    out.append(_Named(f, nm, ns, f.end, left, f.qualifier or left.qualifier))
                consumed = f.end
                continue
        if left_name and left_name in _ATTRIBUTES and len(carried) == 1 and carried[0][0].endswith(("项目", "工程")):
            # 签约省外项目519个、总投资2166.5亿元: the total investment of what the clause before counted
            nm, ns = carried[0]
            out.append(_Named(f, nm + left_name, ns, f.end, left, f.qualifier or left.qualifier, carried=True))
        elif (
            left_name
            and left.name.startswith("占")
            and len(carried) == 1
            and "占" not in carried[0][0]
            and _only_asides(text, consumed, cstart)
        ):
            # 用于民生的支出19.8亿元，占财政总支出的68%: the share is the carried subject's
            nm, ns = carried[0]
            share = nm + left.name.removesuffix("的")
            out.append(_Named(f, share, ns, f.end, left, f.qualifier or left.qualifier, carried=True))
        elif left_name:
            out.append(_Named(f, left.name, left.name_start, f.end, left, f.qualifier or left.qualifier))
            carried = [(left.name, left.name_start)]
            said.append(carried[0])
        elif len(carried) == 1 and not left.name:
            nm, ns = carried[0]
            out.append(_Named(f, nm, ns, f.end, left, f.qualifier or left.qualifier, carried=True))
        elif not carried and not left.name and (subject := _subject(ctx, text, start, cstart, breaks)) is not None:
            # 地区生产总值突破千亿元，达到1025.6亿元: the sentence named the indicator without a figure
            nm, ns = subject
            out.append(_Named(f, nm, ns, f.end, left, f.qualifier or left.qualifier, carried=True))
            carried = [subject]
        consumed = f.end
    return out


def _verbs_only(name: str) -> bool:
    """ "守住", "扎实推进", "共同推出": verbs and adverbs of jieba's dictionary or of the
    genre's lead words, and nothing else: no indicator's name."""
    leads, i = entity_lexicon().leads, 0
    while i < len(name):
        w = longest_word(name, i, len(name))
        if not w or not (is_verb_any(w) or w in leads or is_adverbial(w)):
            return False
        i += len(w)
    return bool(name)


def _only_asides(text: str, a: int, b: int) -> bool:
    """Whether no whole clause between ``a`` (inside a clause) and ``b`` (a clause start) states a figure.

    A clause that does (棉花达到六百零八万吨) is about another subject; one that
    only qualifies (按可比价格计算, 经过各方面的努力, 总额首次突破万亿元) is not.
    """
    pieces = _CLAUSE_BREAK.split(text[a:b])
    return not any(_STATES_FIGURE.search(p) for p in pieces[1:])


def _subject(ctx: _Context, text: str, start: int, cstart: int, breaks: list[int]) -> tuple[str, int] | None:
    """The indicator that opens the clause before this one, if the vocabulary knows it.

    地区生产总值突破千亿元，达到1025.6亿元: the first clause names the indicator
    with no figure the rules read. Only the clause just before counts, and only a
    name that opens it (after place and time words), so that 棉花达到六百零八万吨，
    增长31.1% does not borrow the 粮食产量 of an earlier clause.
    """
    if cstart <= start:
        return None
    prev = max([start] + [b for b in breaks if b < cstart - 1])
    pos = prev
    while True:
        m = (
            _LEAD_AT.match(text, pos, cstart)
            or _AREA_AT.match(text, pos, cstart)
            or _TIME_WORD.match(text, pos, cstart)
        )
        if not m or m.end() == pos:
            break
        pos = m.end()
    m = ctx.vocabulary.form_at(text, pos, cstart)
    return (m.group(0), m.start()) if m else None


def _joins(text: str, a: Figure, b: Figure) -> bool:
    """Two figures of one list: nothing but 、/和/及 (or nothing at all) between them."""
    gap = text[a.end : b.start]
    return gap in ("", "、", "和", "及", "与", "、和") and (a.family == b.family)


def _skip_context(text: str, cstart: int, left_start: int, first: Figure, last: Figure) -> bool:
    """Figures that are not a value of the indicator named before them."""
    before = text[cstart : first.start]
    if _ORDINAL.search(before) or before.endswith(("“", '"')):
        return True  # 第2位; “5个1”: a rank or a slogan, not a quantity
    if _FROM.search(before):
        return True
    if _AVERAGE.search(before):
        return True
    if _COMPARED.search(text[left_start : first.start]):
        return True
    after = text[last.end : last.end + 12]
    if _COMPARED_AFTER.search(after) and re.search(r"(?:低于|高于|超过|好于|完成|实现)$", before):
        return True
    return False


def _parse_left(text: str, left_start: int, pos: int) -> _Left:
    """Split the text before a figure into the name and the words linking it to the figure."""
    left = text[left_start:pos]
    left = left[: _FROM.search(left).start()] if _FROM.search(left) else left  # X由上年的 (3个增加到5个)
    verb, sign, to_verb, qual = "", 1, False, None
    links = []
    while left:
        m = _LINK_TAIL.search(left)
        if not m or m.end() != len(left) or m.start() == m.end():
            break
        word = m.group(0)
        if m.group("to"):
            to_verb = True
        elif m.group("up") and not verb:
            verb = m.group("up")
        elif m.group("down") and not verb:
            verb, sign = m.group("down"), -1
        elif m.group("word") in _PREFIX_QUAL and qual is None and not links:
            qual = _PREFIX_QUAL[m.group("word")]
        links.append(word)
        left = left[: m.start()]
    both = 0
    mb = _BOTH.search(left)
    if mb:
        both = _HOW_MANY[left[mb.start()]]
        left = left[: mb.start()]
    offset = 0
    for m in _TIME_WORD.finditer(left):
        offset = m.end()  # 中央提出今年经济增长…: what precedes the time word frames the name
    while True:  # 全县实现地区生产总值: framing words and the area, in any order
        lead = _LEAD.match(left[offset:]) or _AREA.match(left[offset:])
        if not lead or not lead.end():
            break
        offset += lead.end()
    name = _TRAIL.sub("", left[offset:])
    cut = _name_start(name)
    return _Left(
        name=_SHARE.sub(r"占\1比重", name[cut:]),
        name_start=left_start + offset + cut,
        verb=verb,
        sign=sign,
        to_verb=to_verb,
        qualifier=qual,
        link="".join(reversed(links)),
        both=both,
    )


def _name_start(name: str) -> int:
    """Where the indicator's name starts inside the words before a figure.

    What a figure measures is the noun phrase next to it: not the list of
    examples before a class (签约A、B等优势项目 → 优势项目), not the subject of a
    verb inside (天易经开区实现技工贸总收入 → 技工贸总收入), not a list number
    (10.做好…) or the verbs that govern it (实施基础设施建设项目 → 基础设施建设项目).
    """
    cut = 0
    m = _LIST_NUMBER.match(name)
    if m:
        cut = m.end()
    for m in _EXAMPLES.finditer(name):
        if len(name) - m.end() >= 2:
            cut = max(cut, m.end())
    for m in _INNER_VERB.finditer(name, cut + 1):
        if len(name) - m.end() >= 2 and name[m.start() :] not in _ATTRIBUTES:  # 完成投资 is one name
            cut = m.end()
    lex = entity_lexicon()
    while True:
        w = next(
            (
                name[cut : cut + k]
                for k in range(min(4, len(name) - cut), 1, -1)
                if name[cut : cut + k] in lex.leads and name[cut : cut + k] not in lex.generic
            ),
            "",
        )
        if not w or len(name) - cut - len(w) < 2 or len(longest_word(name, cut, len(name))) > len(w):
            return cut  # "集中式饮用水…": a longer word starts here, not the verb
        if w in _EXCLUDING:
            return cut  # "不含云龙产业园固定资产投资": what is left out is part of what is measured
        cut += len(w)


def _split_names(name: str, name_start: int, k: int) -> list[tuple[str, int]] | None:
    """``k`` names from a coordination, the head written once given back to each.

    城镇和农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入;
    高新技术产业、战略性新兴产业占比 → 高新技术产业占比, 战略性新兴产业占比.
    """
    if not name:
        return None
    if k == 2 and name.startswith("城乡") and not re.search(r"、|和|及|与", name):
        # 城乡居民人均可支配收入分别增长8.1%和9.2%: 城乡 is 城镇 and 农村, in that order
        return [("城镇" + name[2:], name_start), ("农村" + name[2:], name_start)]
    parts, starts = [], []
    pos = 0
    for m in re.finditer(r"、|和|及|与|以及", name):
        parts.append(name[pos : m.start()])
        starts.append(pos)
        pos = m.end()
    parts.append(name[pos:])
    starts.append(pos)
    if len(parts) != k or not all(parts):
        return None
    last = parts[-1]
    if all(_ORDINAL_PART.fullmatch(p) for p in parts[:-1]) and last[:1] in "一二三四五六七八九":
        # 第一、二、三产业增加值 → 第一产业增加值, 第二产业增加值, 第三产业增加值
        head = last[1:]
        return [("第" + p.lstrip("第") + head, name_start + st) for p, st in zip(parts[:-1], starts[:-1])] + [
            ("第" + last, name_start + starts[-1])
        ]
    head = ""
    # the shared head: what follows, in the last name, the point parallel to the end of the first
    first = parts[0]
    j = last.rfind(first[-1], 0, len(last) - 1) + 1 if first[-1] != last[-1] else 0
    if j == 0 and first[-1] != last[-1] and len(first) < len(last) - 1:
        j = len(first)
    if 0 < j < len(last):
        head = last[j:]
    out = []
    for p, s in zip(parts[:-1], starts[:-1]):
        out.append((p + head if head and not p.endswith(head) else p, name_start + s))
    out.append((last, name_start + starts[-1]))
    return out


# What the counted did and where: "企业在新三板挂牌" names the count 新三板挂牌企业.
_WHEN = ("内", "期间", "年", "月", "中", "前", "后")  # 在年内挂牌, 在疫情期间入驻: when, not where
_OURS = ("我", "本", "当地", "全")  # 在我县落户: the report's own area names nothing
_WHERE_THEY_DID = re.compile(r"^([\u4e00-\u9fff]{1,4}?)在([\u4e00-\u9fff]{2,12}?)(挂牌|上市|落户|入驻)$")


def _noun_after(text: str, p: int, end: int, figures: list[Figure], next_index: int):
    """The noun a count binds: 5家 社区老年人日间照料中心、… → (name, end, runs into the next figure)."""
    if text.startswith("的", p):
        p += 1
    limit = min(end, p + 24)
    nxt = figures[next_index].start if next_index < len(figures) else None
    if nxt is not None:
        limit = min(limit, nxt)
    m = _NOUN.match(text, p, limit)
    noun = m.group(0) if m else ""
    into_next = nxt is not None and p + len(noun) == nxt and not _CONJ_END.search(noun)
    # stop before a conjunction that opens the next counted item: 19个老旧小区和3条…
    noun = _CONJ_END.sub("", noun)
    if not noun or not ("\u4e00" <= noun[0] <= "\u9fff" or noun[0].isalpha()):
        return None
    if noun[0] in "年月日周岁倍次以" or noun.startswith(("左右", "以上", "以内", "以下", "多", "余")):
        return None
    if not _NAME_OK.search(noun):
        return None
    end_of_noun = p + len(noun)
    m = _WHERE_THEY_DID.match(noun)
    if m and not m.group(2).endswith(_WHEN) and not m.group(2).startswith(_OURS):
        noun = m.group(2) + m.group(3) + m.group(1)  # 14家企业在齐鲁股交中心挂牌: 齐鲁股交中心挂牌企业, 14家
    return noun, end_of_noun, into_next


def _modifier(text: str, f: Figure) -> bool:
    """A threshold inside a name, not a value: 投资500万元以上技术改造项目93项.

    A count with 以上 before a noun is a value (10家以上企业挂牌) unless it
    follows another count, which the caller checks.
    """
    if f.qualifier not in ("以上", "以下"):
        return False
    nxt = text[f.end : f.end + 1]
    return bool(nxt) and "\u4e00" <= nxt <= "\u9fff"


def _ratio(text: str, start: int, m: re.Match, breaks: list[int]) -> list[_Named]:
    cstart = _clause_start(breaks, start, m.start())
    before = text[max(start, cstart - 30) : m.start()]
    if not _RATIO_HEAD.search(before) or _FROM.search(text[cstart : m.start()]):
        return []  # not the sector shares, or the shares a change started from (由上年的12.1:40.2:47.7)
    out = []
    for group, name in (("a", "第一产业比重"), ("b", "第二产业比重"), ("c", "第三产业比重")):
        v = numbers.parse_number(m.group(group))
        fig = Figure(
            start=m.start(),
            end=m.end(),
            value=v,
            value_high=None,
            unit="%",
            family=PERCENT,
            qualifier=None,
            approx=False,
        )
        out.append(_Named(fig, name, cstart, m.end(), _Left(name="", name_start=cstart, to_verb=True), None))
    return out


# ---- from a named figure to an Indicator -----------------------------------------------------


def _emit(ctx: _Context, n: _Named, section: Section, frame, sent_start: int, sent_end: int, breaks: list[int]) -> None:
    doc = ctx.doc
    f = n.figure
    left = n.left
    text = doc.folded
    change = bool(left.verb) and not left.to_verb
    if f.family == PERCENT:
        if change or _GROWTH_NAME.search(n.name):
            measure = "growth"
        elif _CHANGE_BASE.search(left.link):
            return  # 同比改善6.3%: a change, but the verb does not say which way
        else:
            measure = "rate"
    elif f.family == POINTS:
        measure = "growth"
    else:
        measure = "level"
    year, kind, period = _when(ctx, section, frame, sent_start, f.start)
    quoted = _quoted_target(text, sent_start, f.start)
    if quoted is not None and doc.reviewed_year is not None:
        # 去年政府工作报告提出，物价涨幅要…降到10%左右: last year's target, quoted in its review
        year, kind = doc.reviewed_year if quoted == "last" else year, TARGET
    part = _part_of_year(text, sent_start, f.start)
    if year is None:
        return
    if measure == "growth":
        if period:
            return  # a growth over several years is no year's growth (五年累计下降19.1%)
        for m in _BASE_YEAR.finditer(text, sent_start, f.start):
            if m.group(2) or int(m.group(1)) != year - 1:
                return  # nor is one measured from a year before last (比2010年增长57.3%)
    if _CHANGE_BASE.search(n.name) or _CHANGE_BASE.search(left.name):
        return  # 浓度同比分别改善6.3%: a change whose verb the rules do not know
    concept = ctx.vocabulary.match(n.name, left.verb if measure == "growth" else "")
    if concept is not None and measure == "level" and change:
        concept = None  # 增加110万套: a change of the level, not the level
    if part and concept is not None:
        concept = None  # 1-11月规模以上工业增加值增长7.2%: a part of the year is not the year
    if period and not _FROM_TO.search(left.link) and (not _STOCK.search(left.link) or "累计" in left.link):
        # a sum over the period (这五年城镇新增就业累计5771万人) is no year's value; a stock reached
        # at its end (从54万亿元增加到82.7万亿元, 增加到8.3万亿元, 达到…) is the last year's
        return
    if f.family == COUNT and _ATTENDANCE.search(n.name):
        return  # 大会应到代表246名: a news page counts the meeting, not the area, in either part
    if kind == ACTUAL and concept is None and _routine_count(f, n):
        return
    if change:
        sign = -1 if left.sign < 0 else 1
    else:
        sign = -1 if n.name.endswith("降幅") else 1
    value = sign * f.value
    high = sign * f.value_high if f.value_high is not None else None
    qualifier = n.qualifier or ("以上" if f.approx else None)
    start = min(n.name_start, f.start)
    end = max(n.end, f.end)
    name = _display_name(doc, n)
    if concept is not None and left.verb and ctx.vocabulary.match(n.name) is None:
        name += left.verb  # 经济增长7%左右: the indicator is named with its verb
    key = (name, measure, year, kind, value, high, f.unit)
    if key in ctx.seen:
        return
    ctx.seen.add(key)
    ctx.out.append(
        Indicator(
            indicator=name,
            measure=measure,
            year=year,
            kind=kind,
            value=value,
            unit=f.unit,
            qualifier=qualifier,
            evidence=doc.text[start:end],
            start=start,
            end=end,
            value_high=high,
            concept=concept.id if concept else None,
            section=section.id,
            mode=section.mode,
        )
    )


# a target quoted from an earlier plan: 去年政府工作报告提出…, 年初确定的…目标; until 实际/实现/完成
_QUOTED_TARGET = re.compile(
    r"(?P<when>去年|上年|年初|今年年初)[^，。；]{0,8}?(?:政府工作报告|计划|人代会|人民代表大会)[^，。；]{0,6}?"
    r"(?:提出|确定|要求|明确|安排)|(?P<start>年初)(?:确定|提出)的"
)
_ACTUAL_WORDS = re.compile(r"实际|实现|完成|结果|执行中|预计")


def _quoted_target(text: str, sent_start: int, pos: int) -> str | None:
    """ "last" when the figure at ``pos`` is a target an earlier plan set for the year reviewed."""
    found = list(_QUOTED_TARGET.finditer(text, sent_start, pos))
    m = found[-1] if found else None
    if m is None or _ACTUAL_WORDS.search(text, m.end(), pos):
        return None
    if _ACTUAL_WORDS.search(text, max(sent_start, m.start() - 6), m.start()):
        return None  # 全面实现年初确定的主要目标，国内生产总值增长7.8%: the target met, then the actuals
    return "last"


_ATTENDANCE = re.compile(r"(?:应到|实到|应出席|出席|列席)(?:会议)?(?:的)?(?:代表|委员)")


def _routine_count(f: Figure, n: _Named) -> bool:
    """Counts a review reports in passing, not results an indicator tracks.

    Approximate tallies (7300余个), activities (203场, 83场次), parts of a named
    project (12栋标准厂房), documents (5个工作方案, 85项重点任务清单), the size of
    a list drawn up above the area (入选全省首批12条…), and counts of things that
    won an honour, reached a project milestone or a rank (5家企业获批…,
    10个项目主体完工, 6项指标均居全市前列): honours and milestones are status
    claims on the entities themselves.
    """
    if f.family not in (COUNT, numbers.TIME):
        return False
    if f.approx:
        return True
    if f.unit.lstrip("万千百十") in _ROUTINE_UNITS and not (f.unit == "万人次" and _VISITORS.search(n.name)):
        return True  # 培训2.3万人次 is a tally; 接待游客552万人次, 旅客吞吐量560万人次 are what an area tracks
    if n.counted and _DOCUMENTS.search(n.name):
        return True
    if _ABOVE_LIST.search(n.left.link + n.left.name) and n.counted:
        return True
    return n.counted and bool(_STATUS_PREDICATE.search(n.name)) and not _LISTED.search(n.name)


def _display_name(doc: Document, n: _Named) -> str:
    """The name as the text writes it (traditional stays traditional), quote marks dropped."""
    written = doc.text[n.name_start : n.name_start + len(n.name)]
    if doc.folded[n.name_start : n.name_start + len(n.name)] != n.name:
        written = _rewrite_like(doc, n)
    return _QUOTES.sub("", "".join(written.split()))  # a name broken over lines is one name


def _rewrite_like(doc: Document, n: _Named) -> str:
    """A name put together from pieces (a head given back to a conjunct): rebuild it from the text."""
    if doc.folded is doc.text:
        return n.name
    out = []
    table = {}
    for a, b in zip(doc.folded[n.name_start : n.end], doc.text[n.name_start : n.end]):
        table.setdefault(a, b)
    for ch in n.name:
        out.append(table.get(ch, ch))
    return "".join(out)


def _warn_damaged(ctx: _Context, text: str, start: int, end: int, run: list[Figure], why: str) -> None:
    a = max(start, run[0].start - 16)
    b = min(end, run[-1].end + 4)
    written = ctx.doc.text[run[0].start : run[-1].end]
    ctx.doc.warnings.append(
        f"indicators: skipped damaged figure “{written}” at offset {run[0].start} (…{ctx.doc.text[a:b]}…): {why}"
    )
