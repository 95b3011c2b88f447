"""Programmes that have no head noun, found because reports keep doing them.

西部大开发, 京津冀协同发展, 退耕还林, 棚户区改造 end in no head noun of the genre
(行动, 工程, 战略 …), so ``policy_heads`` cannot see them; a report names them as
what it carries out: "推进西部大开发", "实施退耕还林", "深入实施西部大开发战略"
(there the programme's head gives the name, and the modifier is the programme
too). One such sentence proves little: "推进经济发展" has the same shape. What
tells a programme is repetition: the same words carried out in several
reports of the corpus. A stretch that is the object of a programme verb (or
the modifier of a programme's head) in at least ``min_reports`` reports, and
is a specific name (not generic words, not a place, not a verb phrase), is
taught to the gazetteer, which finds it wherever it recurs.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .dictionary import all_common, is_word, leading_verb, longest_word
from .lexicon import HARD, Lexicon, trie_pattern
from .names import CONNECTORS, NUMERALS, is_generic, is_place, unquote, word_at

MIN_REPORTS = 3  # reports of the corpus that carry out the same words
MIN_LEN, MAX_LEN = 4, 10
MAX_ITEMS = 8  # items of one governed list looked at
# Heads of strategies, reforms and systems learned by repetition (_generic_plan), and the
# shortest modifier of everyday words each takes: a system needs more words than a reform
# (新型农村合作医疗制度, not 工作责任制度).
REPEATED_HEADS = {"战略": MIN_LEN, "改革": MIN_LEN, "制度": 6}
CLOSE = frozenset("，。；：！？、\n”")  # what may follow a programme named on its own
# Heads whose stem names the same undertaking, and how much of the head the stem keeps:
# 东北振兴战略 → 东北振兴, 脱贫攻坚战 → 脱贫攻坚, 长江经济带(高质量)发展 → 长江经济带, 分级诊疗试点 → 分级诊疗
# (not 制度: 养老保险制度 and 市场准入制度 leave everyday words).
STEM_HEADS = (
    ("攻坚战", 2),
    ("战略", 0),
    ("高质量发展", 0),
    ("发展", 0),
    ("体制改革试点", 0),
    ("改革试点", 0),
    ("试点", 0),
    ("活动", 0),
    ("计划", 0),
)
# Kinds of place built as a programme: 社会主义新农村建设 keeps its 建设 (not 澜川中心镇建设: one town)
BUILT_KINDS = ("新农村", "农村", "乡村", "城镇", "城市")
# Words after the programme that are no part of it: 推进西部大开发工作, …进程, …步伐 (a programme
# with its head, …战略, is found by policy_heads and learned from nothing here)
TAILS = ("工作", "建设", "进程", "任务", "步伐", "力度", "成果", "成效")


class RepeatedNames:
    """What the reports of a corpus carry out, counted per report."""

    def __init__(self, lex: Lexicon, min_reports: int = MIN_REPORTS) -> None:
        self.lex = lex
        self.min_reports = min_reports
        self._seen: dict[str, set[str]] = defaultdict(set)
        self._verbs = re.compile(trie_pattern(lex.undertaking_verbs))

    def observe(self, report: str, text: str) -> None:
        """Count the objects of programme verbs in ``text`` (a report or a chunk of one)."""
        for m in self._verbs.finditer(text):
            at = m.end()
            # "推进天然林保护、退耕还林、…": every item of a list the verb governs is carried out
            for _ in range(MAX_ITEMS):
                obj, end = _object(text, at, self.lex)
                if obj:
                    self._seen[obj].add(report)
                if end >= len(text) or text[end] != "、":
                    break
                at = end + 1

    def names(self) -> list[str]:
        """The stretches carried out in enough reports, longest first then in character order."""
        found = [s for s, reports in self._seen.items() if len(reports) >= self.min_reports and self._specific(s)]
        return sorted(found, key=lambda s: (-len(s), s))

    def stems(self, named: dict[str, str]) -> list[tuple[str, str]]:
        """(stem, name) for the strategies and campaigns of ``named`` (name → type, every
        programme the first pass chose) whose stem a report carries out bare: 脱贫攻坚战 is
        named with its head, "全面推进脱贫攻坚" carries out 脱贫攻坚. The headed name and one
        report doing the stem are the two pieces of evidence repetition alone needs three of."""
        out = []
        for name, typ in named.items():
            if typ != "PROGRAM":
                continue
            # the first head that ends the name, and its stem kept with or without what the head
            # keeps (节能减排攻坚战: 节能减排攻坚, else 节能减排), where a report carries it out bare
            head = next(((h, keep) for h, keep in STEM_HEADS if name.endswith(h)), None)
            if head is None:
                continue
            h, keep = head
            for stem in dict.fromkeys((name[: len(name) - len(h) + keep], name[: len(name) - len(h)])):
                if len(stem) >= MIN_LEN and stem in self._seen and self._specific(stem) and not all_common(stem):
                    out.append((stem, name))
                    break
        return sorted(out)

    def _specific(self, name: str) -> bool:
        if (
            (is_generic(name, self.lex) and not _generic_plan(name))
            or is_place(name)
            or is_word(name)
            or name[0] in NUMERALS
        ):
            return False  # 三个方面, 以下几个方面: counts and references, not names
        if _joins(name) or "方面" in name:
            return False  # 改革开放和自主创新: two things (碳达峰碳中和 is one: 和 of 中和)
        return not self.lex.cut_re.search(name)  # no cut word in it (cut_re: any of lex.cuts)


def _joins(name: str) -> bool:
    """A connector (和, 与, 及 …) in ``name`` outside a word of the dictionary (中和, 和谐)."""
    for k, ch in enumerate(name):
        if ch in CONNECTORS or ch == "及":
            words = (longest_word(name, j, len(name)) for j in range(max(0, k - 3), k + 1))
            if not any(len(w) >= 2 and j + len(w) > k for j, w in zip(range(max(0, k - 3), k + 1), words)):
                return True
    return False


def _generic_plan(name: str) -> bool:
    """ "可持续发展战略", "文化体制改革", "新型农村合作医疗制度": a strategy, reform or
    system whose modifier is everyday words, which ``policy_heads`` leaves out (one sentence cannot tell it from
    "推进体制改革"), and which repetition across reports shows to be one."""
    head = next((h for h in REPEATED_HEADS if name.endswith(h)), None)
    return head is not None and len(name) - len(head) >= REPEATED_HEADS[head]


def _object(text: str, start: int, lex: Lexicon) -> tuple[str | None, int]:
    """The stretch a programme verb governs, to the next boundary, governing words
    peeled (None when it is no name), and where it ends."""
    end = start
    limit = min(len(text), start + MAX_LEN + 4)
    while end < limit and text[end] not in HARD:
        end += 1
    if end >= len(text) or text[end] not in CLOSE:
        return None, len(text)  # runs on, or into 的/和/是…: a clause or a phrase, not a name
    s = start + 1 if text.startswith(("好", "了"), start) else start  # 落实好…
    if word_at(text, s, end, lex) in lex.leads or leading_verb(text, s, end):
        return None, end  # 推进实施…, 加快转变经济发展方式: a verb phrase, not a name
    name = unquote(text[s:end])
    if name.endswith(lex.head_tuple) and not _generic_plan(name):
        return None, end  # a name with its head: policy_heads finds it
    for tail in TAILS:
        if name.endswith(tail) and len(name) - len(tail) >= MIN_LEN:
            rest = name[: -len(tail)]
            if is_place(rest) and tail == "建设" and rest.endswith(BUILT_KINDS):
                break  # not 社会主义新农村|建设: building a kind of place is the programme
            name = rest
            break
    return (name if MIN_LEN <= len(name) <= MAX_LEN else None), end
