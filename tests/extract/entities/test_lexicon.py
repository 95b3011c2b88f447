"""lexicon.py: counts and capacities, the trie of heads, the heads that exist only in
context (a campaign's 年, a month of 援助), read from the packaged word lists."""

from __future__ import annotations

import re

import pytest

from extract.entities.lexicon import COUNT_RE, count_ends, head_matches, head_of, is_capacity, lexicon, trie_pattern


@pytest.fixture(scope="module")
def lex():
    return lexicon()


@pytest.mark.parametrize(
    "text, count",
    [
        ("新建6个", "6个"),
        ("500万元以上", "500万元以上"),
        ("1.17万个", "1.17万个"),
        ("5100多个", "5100多个"),
        ("2022年度", "2022年度"),
        ("30%", "30%"),
        ("十五项", "十五项"),
        ("两家", "两家"),
    ],
)
def test_a_count_ends_where_a_name_cannot_reach_back(text, count):
    assert [m.group(0) for m in COUNT_RE.finditer(text)] == [count]
    assert count_ends(text) == frozenset({text.index(count) + len(count)})


@pytest.mark.parametrize("text", ["六个一", "十条措施", "九大行动"])
def test_chinese_numerals_that_open_slogans_are_no_counts(text):
    assert COUNT_RE.search(text) is None


@pytest.mark.parametrize(
    "text, capacity",
    [
        ("年产5万吨锂电隔膜", True),  # after a capacity word
        ("建成2.5兆瓦光伏电站", True),  # a physical unit right before what it measures
        ("新增3万吨以上", False),  # a threshold
        ("流转200亩土地", False),  # an area is no capacity
    ],
)
def test_a_capacity_is_no_boundary(text, capacity):
    m = COUNT_RE.search(text)
    assert is_capacity(text, m) is capacity
    assert (m.end() not in count_ends(text)) is capacity


def test_trie_pattern_matches_the_longest_word_first():
    pattern = re.compile(trie_pattern(["产业园", "产业园区", "园区", "产业"]))
    assert [m.group(0) for m in pattern.finditer("霁川产业园区和产业园及园区")] == ["产业园区", "产业园", "园区"]
    assert trie_pattern(["ab", "abc", "b"]) == "(?:ab(?:c)?|b)"


@pytest.mark.parametrize(
    "text, heads",
    [
        ("开展澜川招商年活动", ["年", "活动"]),  # 年 before 活动
        ("掀起作风建设年为主线", ["年"]),  # 年 after a campaign word, before 为
        ("就业援助月活动", ["月", "活动"]),
        ("澜川县2022年新增就业", []),  # a year of the calendar
        ("每年9月活动", ["活动"]),  # a month of the calendar
    ],
)
def test_years_and_months_are_heads_only_in_a_campaign(lex, text, heads):
    assert [m.group(0) for m in head_matches(text, lex)] == heads


def test_a_campaign_year_is_a_programme_head(lex):
    assert (head_of("年", lex).type, head_of("年", lex).kind) == ("PROGRAM", "prog")
    assert head_of("产业园", lex).type == "PARK"


def test_the_lexicon_is_read_once(lex):
    assert lexicon() is lex
