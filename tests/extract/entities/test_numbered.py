"""Short forms of coordinations: counted by a shared character, or one character per item."""

from __future__ import annotations

import pytest

from extract.entities.numbered import abbreviates, items_of, numbered_forms, per_item, short_forms


@pytest.mark.parametrize(
    "name, items",
    [
        ("澜川生态廊、霁川数字港", ["澜川生态廊", "霁川数字港"]),
        ("澜川生态廊和霁川数字港", ["澜川生态廊", "霁川数字港"]),  # two items joined by one word
        ("“稳产能、稳就业”", ["稳产能", "稳就业"]),  # quotes aside
        ("澜川生态廊", []),  # no coordination
        ("澜川和霁川与穗岭", []),  # two joining words: not one pair
        ("甲、霁川数字港", []),  # an item of one character
    ],
)
def test_items_of_a_coordination(name, items):
    assert items_of(name) == items


def test_numbered_forms_count_items_by_their_first_or_last_character():
    assert numbered_forms(["稳产能", "稳就业", "扩内需", "惠民生"]) >= {"二稳一扩一惠", "两稳一扩一惠"}
    assert "一廊一港" in numbered_forms(["澜川生态廊", "霁川数字港"])
    assert "一稳一稳" not in numbered_forms(["稳产能", "稳就业"])  # consecutive items sharing it are counted together


@pytest.mark.parametrize(
    "short, items, expected",
    [
        ("审服管", ["简审批", "优服务", "强监管"], True),
        ("管服审", ["简审批", "优服务", "强监管"], False),  # out of order
        ("审服", ["简审批", "优服务", "强监管"], False),  # one character short
        ("偷逃骗税", ["偷税", "逃税", "骗税", "抗税"], False),  # two-character items are words, no slogan
        ("澜霁穗", ["澜川生态廊", "霁川数字港", "穗岭智慧谷"], False),  # long items are names, not a slogan
        ("审服管", ["简审批", "优化服务", "强监管"], False),  # items of unequal length: no parallel slogan
    ],
)
def test_per_item_abbreviations_take_one_character_of_each_parallel_item(short, items, expected):
    assert per_item(short, items) is expected


def test_abbreviates_and_short_forms_agree():
    long_ = "简审批、优服务、强监管"
    assert abbreviates("审服管", long_) and abbreviates("“审服管”", long_)
    assert "审服管" in short_forms(items_of(long_))
    assert not abbreviates("审服管", "简审批")
    assert not abbreviates("一带一路", "沿江产业带、环城公路")  # two items counted alike: an everyday list
    assert abbreviates("一廊三港", "澜川生态廊、霁川数字港、穗岭科创港、青河物流港")
