"""dictionary.py: everyday words, places and verbs, read from jieba's dictionary."""

from __future__ import annotations

import pytest

from extract.entities.dictionary import (
    all_common,
    is_adverbial,
    is_common,
    is_name_word,
    is_noun,
    is_place_chain,
    is_place_name,
    is_verb,
    is_verbal,
    is_word,
    leading_verb,
    longest_word,
)


@pytest.mark.parametrize(
    "text, word, common",
    [
        ("商业", True, True),
        ("体育", True, True),
        ("钦州", True, False),  # a place is a word, not an everyday one (钦州银行 would be a bank)
        ("泓辰", False, False),
        ("穗禾优选", False, False),
    ],
)
def test_words_and_everyday_words(text, word, common):
    assert (is_word(text), is_common(text)) == (word, common)


@pytest.mark.parametrize("text, chain", [("武汉江夏", True), ("柳州钦州", True), ("澜川", False), ("苏", False)])
def test_is_place_chain(text, chain):
    assert is_place_chain(text) is chain


@pytest.mark.parametrize("text, common", [("社会事业", True), ("泓辰光电", False), ("高", False)])
def test_all_common(text, common):
    assert all_common(text) is common


@pytest.mark.parametrize(
    "text, length",
    [
        ("降低物流成本", 2),  # a frequent verb before a noun
        ("坚定不移地推进", 5),  # an idiom and its 地
        ("安排好澜川", 3),  # a verb and its 好
        ("完成了改造", 3),  # a verb and its 了
        ("招聘录用制度", 0),  # a verb before a verb: a compound
        ("过渡期安排", 0),  # the longest word decides: 过渡期 is a noun
        ("泓辰光电", 0),
    ],
)
def test_leading_verb(text, length):
    assert leading_verb(text, 0, len(text)) == length


def test_longest_word():
    assert longest_word("高等级公路", 0, 5) == "高等级公路"
    assert longest_word("高等级路", 0, 4) == "高等级"
    assert longest_word("泓辰", 0, 2) == ""


@pytest.mark.parametrize(
    "check, yes, no",
    [
        (is_adverbial, "有步骤", "泓辰"),
        (is_verb, "恢复", "泓辰"),
        (is_verbal, "招引", "泓辰"),
        (is_name_word, "和田", "泓辰"),
        (is_noun, "不锈钢", "泓辰"),
        (is_place_name, "缅甸", "泓辰"),
    ],
)
def test_word_classes(check, yes, no):
    assert check(yes) and not check(no)
