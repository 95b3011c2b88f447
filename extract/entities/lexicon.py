"""The word lists the entity rules read, loaded once from ``extract/lexicon``.

The lists describe the genre (how Chinese planning reports name things), not
any one report: head nouns, the verbs and adverbs that open a predicate,
generic modifiers, class nouns that close a list. Users extend them by editing
the files; the rules themselves stay unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import InputError

# Characters that never occur inside a name: punctuation, and function words
# that cannot start or continue a proper name in this genre.
HARD = frozenset(
    "，。、；：！？“”‘’（）()《》〈〉【】[]<>…—\n ,.;:!?*■□●○◆◇▲△★☆〔〕的是了被把将让等及或而且也都又还此这那每于在"
)

# Class nouns of large works, written before 工程 or left out: 三峡水利枢纽工程 is 三峡工程.
WORKS = ("水利水电枢纽", "水利枢纽")

# Counts: Arabic figures with a measure or unit ("6个", "500万元以上", "2019年度"),
# and Chinese numerals with a measure that never opens a slogan ("十五项", "两家").
# 个, 条 and 大 after Chinese numerals are left alone: "六个一", "十条措施", "九大…行动".
# (each alternative opens on one character, \d\d* for \d+, so that the engine rejects most characters at once)
# "两大", "三个": a numeral counting the members a list or a run of slogans has just named
# (光大、淦清两大污水处理厂…, “张周同城化”“济淄一体化两个先行示范区”), and its value
MEMBERS_RE = re.compile(r"([两二三四五六七八九])[大个座所家项]")
MEMBERS = {n: i for i, n in enumerate("一二三四五六七八九", start=1)} | {"两": 2}
COUNT_RE = re.compile(
    r"(?:\d\d*(?:\.\d+)?[多余]?(?:[万亿千百]?(?:美元|元|吨|亩|平方米|平方公里|公里|千瓦|千伏|兆瓦|人次|户|人)"
    r"|[万亿千百]?[个家项条处所座支批名位次栋套台类件篇余]|年度|年|月|日|天|%|‰)"
    r"|[一二两三四五六七八九十几数多][一二两三四五六七八九十几数多]*[项家处所座支批名件篇位栋套台])"
    r"(?:以上|以下|左右|以内)?"
)

QUOTE_OPEN, QUOTE_CLOSE = "“‘「『", "”’」』"


@dataclass(frozen=True)
class Head:
    text: str
    type: str
    kind: str


@dataclass(frozen=True)
class Lexicon:
    heads: dict[str, Head]
    head_tuple: tuple[str, ...]  # the heads, for str.endswith
    head_max: int  # the longest head, in characters
    head_re: re.Pattern
    leads: frozenset[str]  # peeled off the left of a name
    adverbs: frozenset[str]  # peeled only before another lead
    front_only: frozenset[str]  # peeled at the front, never opening a name in the middle
    cuts: frozenset[str]  # also cut a name in the middle
    cut_re: re.Pattern
    generic: frozenset[str]
    class_nouns: dict[str, str]
    class_re: re.Pattern
    facilities: tuple[str, ...]
    built: tuple[str, ...]  # heads of facilities being built: a works on one is physical (货场改造)
    built_names: frozenset[str]  # the same and the facility nouns, as whole modifiers (污水处理厂提标改造)
    awards: tuple[str, ...]
    award_re: re.Pattern  # any of awards (a trie): most stretches hold none
    industries: tuple[str, ...]
    descriptors: tuple[str, ...]  # end a description before a firm's name
    firm_predicates: re.Pattern  # what a firm does as the subject of its sentence
    firm_only: frozenset[str]  # those of them only a firm does (marked +): any short name before one is a firm
    programme_verbs: tuple[str, ...]  # what carries out a programme (实施, 推进 …)
    undertaking_verbs: tuple[str, ...]  # those of them that govern named undertakings only (marked +)
    programmes: tuple[str, ...]  # national programmes known by name alone (社会信用体系建设)
    not_after: dict[str, tuple[str, ...]]  # head → words that cannot follow it (global ones included)
    vocab: frozenset[str]  # every word above: the longest one at a position is the word there
    vocab_max: int
    vocab_from: dict[str, int]  # first character → the longest word of vocab it opens
    vocab_open: dict[str, int]  # first two characters → the longest word of vocab (of two or more) they open


FILES = (
    "heads.tsv",
    "lead.txt",
    "generic.txt",
    "protected.txt",
    "class_nouns.tsv",
    "not_after.tsv",
    "facilities.txt",
    "industries.txt",
    "award.txt",
    "descriptors.txt",
    "firm_predicates.txt",
    "programme_verbs.txt",
    "programmes.txt",
)


def _lines(directory: str | None, name: str) -> list[str]:
    """Lines of one lexicon file: the packaged one, or the one in ``directory``."""
    try:
        if directory is None:
            text = (resources.files("extract") / "lexicon" / name).read_text(encoding="utf-8")
        else:
            text = Path(directory, name).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"lexicon {directory or 'extract/lexicon'}: cannot read {name}: {exc.strerror}") from None
    return [ln.rstrip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def trie_pattern(words) -> str:
    """A regular expression matching any of ``words``, longest first, factored as
    a trie: Python's ``re`` walks it in one pass instead of trying each word."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if end else body

    return emit(root)


@lru_cache(maxsize=8)
def lexicon(directory: str | None = None) -> Lexicon:
    """The word lists of ``directory`` (default: the packaged ``extract/lexicon``), read once.

    A pipeline component names its lexicon folder in its config
    (``[components.policy_heads] lexicon = "my/lexicon"``); every file of
    FILES must be there.
    """
    heads = {}
    for line in _lines(directory, "heads.tsv"):
        head, typ, kind = line.split("\t")
        heads[head] = Head(head, typ, kind)
    # one trie over the heads and the two context heads, 年 and 月 (campaign_head says when they are
    # heads): a trie alone lets the regex engine skip the positions no head starts at
    head_re = re.compile(trie_pattern([*heads, "年", "月"]))
    leads, adverbs, cuts = set(), set(), set()
    front = set()
    for line in _lines(directory, "lead.txt"):
        word = line.rstrip("!~^")
        leads.add(word)
        if line.endswith("^"):
            front.add(word)
        if line.endswith("~"):
            adverbs.add(word)
        if line.endswith("!"):
            cuts.add(word)
    generic = frozenset(_lines(directory, "generic.txt"))
    protected = _lines(directory, "protected.txt")
    class_nouns = {}
    for line in _lines(directory, "class_nouns.tsv"):
        noun, typ = line.split("\t")
        class_nouns[noun] = typ
    not_after: dict[str, list[str]] = {}
    for line in _lines(directory, "not_after.tsv"):
        head, follow = line.split("\t")
        not_after.setdefault(head, []).append(follow)
    facilities = _lines(directory, "facilities.txt")
    industries = _lines(directory, "industries.txt")
    vocab = (
        frozenset(leads)
        | generic
        | frozenset(heads)
        | frozenset(class_nouns)
        | frozenset(facilities)
        | frozenset(protected)
        | frozenset(industries)
    )
    return Lexicon(
        heads=heads,
        head_tuple=tuple(heads),
        head_max=max(map(len, heads)),
        head_re=head_re,
        leads=frozenset(leads),
        adverbs=frozenset(adverbs),
        front_only=frozenset(front),
        cuts=frozenset(cuts),
        cut_re=re.compile(trie_pattern(cuts)),
        generic=generic,
        class_nouns=class_nouns,
        class_re=re.compile(_alternation(class_nouns)),
        facilities=tuple(sorted(facilities, key=len, reverse=True)),
        built_names=frozenset(h for h, rec in heads.items() if rec.kind in ("build", "infra")) | frozenset(facilities),
        built=tuple(
            sorted(
                (h for h, rec in heads.items() if rec.kind in ("build", "infra") and len(h) >= 2 and h != "项目"),
                key=len,
                reverse=True,
            )
        ),
        awards=tuple(sorted(_lines(directory, "award.txt"), key=len, reverse=True)),
        award_re=re.compile(trie_pattern(_lines(directory, "award.txt"))),
        industries=tuple(sorted(industries, key=len, reverse=True)),
        descriptors=tuple(sorted(_lines(directory, "descriptors.txt"), key=len, reverse=True)),
        firm_predicates=re.compile(trie_pattern([v.rstrip("+") for v in _lines(directory, "firm_predicates.txt")])),
        firm_only=frozenset(v.rstrip("+") for v in _lines(directory, "firm_predicates.txt") if v.endswith("+")),
        programme_verbs=tuple(v.rstrip("+") for v in _lines(directory, "programme_verbs.txt")),
        undertaking_verbs=tuple(v.rstrip("+") for v in _lines(directory, "programme_verbs.txt") if v.endswith("+")),
        programmes=tuple(_lines(directory, "programmes.txt")),
        not_after={k: tuple(v) + tuple(not_after.get("*", ())) for k, v in not_after.items()},
        vocab=vocab,
        vocab_max=max(map(len, vocab)),
        vocab_from=_longest_from(vocab),
        vocab_open=_longest_from_two(vocab),
    )


def _longest_from_two(words) -> dict[str, int]:
    """For each two characters, the length of the longest word of ``words`` (two or more) they open."""
    out: dict[str, int] = {}
    for w in words:
        if len(w) >= 2:
            out[w[:2]] = max(out.get(w[:2], 0), len(w))
    return out


def _longest_from(words) -> dict[str, int]:
    """For each character, the length of the longest word of ``words`` it opens."""
    out: dict[str, int] = {}
    for w in words:
        out[w[0]] = max(out.get(w[0], 0), len(w))
    return out


# Years of a campaign ("项目建设突破年", "重点工作攻坚年", "质量提升年活动") and months ("就业援助月")
_CAMPAIGN_YEAR = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})年(?=活动)|(?<=攻坚|突破|提升|落实|建设|推进|效能|作风|质量|发展|服务|创新"
    r"|开放|改革|优质|量化|效益|环境|能力)年(?=[，。；、”]|为)|(?<=援助|宣传|服务|活动)月(?=活动|[，。；、”])"
)


def head_matches(text: str, lex: Lexicon, pos: int = 0, endpos: int | None = None):
    """Every head noun in ``text[pos:endpos]``: the lexicon's, and 年/月 where they close a campaign."""
    for m in lex.head_re.finditer(text, pos, len(text) if endpos is None else endpos):
        if len(m.group(0)) == 1 and not _CAMPAIGN_YEAR.match(text, m.start()):
            continue
        yield m


def head_of(match_text: str, lex: Lexicon) -> Head:
    """The Head record of a head-regex match (年/月 campaigns are programmes)."""
    return lex.heads.get(match_text) or Head(match_text, "PROGRAM", "prog")


# A count after these words is a capacity, part of a project's name:
# "宏达新材料年产5万吨碳纤维项目", "日处理3万吨污水处理厂二期".
CAPACITY_WORDS = ("年产", "年处理", "年加工", "年生产", "日处理", "日产", "年出栏", "年吞吐", "年屠宰", "年储")


# A physical quantity right before what it measures names a project by its capacity:
# "陕汽10万辆商用车", "6万吨电解锰", "190.8兆瓦村级光伏扶贫项目". Money, counts of
# things and areas (元, 个, 项, 亩) never do.
CAPACITY_UNIT_RE = re.compile(r"(?:吨|辆|台|套|千瓦|兆瓦|吉瓦|千伏|头|只|羽|立方米|件|片|标箱|GW|MW)$")


def is_capacity(text: str, m: re.Match) -> bool:
    """A count that is a capacity inside a name: a capacity word before it
    (年产5万吨…), or a physical unit followed at once by what it measures."""
    if text.endswith(CAPACITY_WORDS, 0, m.start()):
        return True
    if not CAPACITY_UNIT_RE.search(m.group(0)):
        return False
    nxt = text[m.end() : m.end() + 2]
    return (
        len(nxt) == 2
        and all("\u4e00" <= ch <= "\u9fff" and ch not in HARD for ch in nxt)
        and nxt not in ("以上", "以下", "左右", "以内")
    )


@lru_cache(maxsize=2)  # the heads, lists and roles components each ask it of the same chunk in turn
def count_ends(text: str) -> frozenset[int]:
    """Offsets where a count ends: a name cannot reach back across one, unless it is a capacity."""
    return frozenset(m.end() for m in COUNT_RE.finditer(text) if not is_capacity(text, m))
