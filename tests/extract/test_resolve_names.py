"""Keys, variants and what a link says about the names (invented names throughout)."""

from __future__ import annotations

import pytest

from extract.resolve import canonical_name, compare, key, link_kind
from extract.resolve.names import distinctive, phase

AREA = ("青禾县", "青禾")


@pytest.mark.parametrize(
    "a, b",
    [
        ("“云梦湖水库”工程", "云梦湖水库工程"),  # quotes
        ("鸿铭精密机床有限公司", "鸿铭精密机床"),  # legal suffix
        ("青禾县鸿铭精密机床", "鸿铭精密机床公司"),  # the area's own name
        ("我县鸿铭精密机床", "鸿铭精密机床"),  # a self-reference
        ("山东省鸿铭精密机床公司", "鸿铭精密机床"),  # a place in front
        ("云梦湖水库水利枢纽工程", "云梦湖水库"),  # class noun of works and head noun
        ("云梦湖水库三期工程", "云梦湖水库工程"),  # a phase
        ("鸿铭数字乡村战略", "鸿铭数字乡村试点"),  # heads
        ("鸿铭镇能源中心项目", "鸿铭能源中心"),  # a town with or without 镇
        ("國家鴻銘數字鄉村試點", "国家鸿铭数字乡村试点"),  # traditional characters
        ("鸿铭扶贫攻坚战", "鸿铭扶贫攻坚工程"),  # a campaign as a battle or as works
        ("全面振兴西南地区", "西南全面振兴"),  # a region's revival in either order
        ("西南振兴战略", "西南地区振兴规划"),
        ("中部崛起规划", "中部地区崛起"),
        ("澜湘区域一体化发展", "澜湘一体化发展"),  # 区域 after a region's name
        ("澜霁同城化", "澜霁一体化"),  # two places made one, in either word
        ("澜霁同城一体", "澜霁一体化"),
    ],
)
def test_variants_share_a_key(a, b):
    assert key(a, AREA) == key(b, AREA)


@pytest.mark.parametrize(
    "a, b",
    [
        ("云岭调水东线一期工程", "云岭调水中线一期工程"),  # lines stay
        ("第一个三年振兴规划", "第二个三年振兴规划"),  # ordinals stay
        ("南岭调水东线工程", "调水东线工程"),  # the place is the name's own (南岭|调水)
        ("青溪干流治理工程", "干流治理工程"),
        ("西南振兴", "中部崛起"),  # two regions
        ("霁川区域性物流中心", "霁川物流中心"),  # 区域性: a kind, not a region
        ("振兴西南", "振兴鸿铭产业"),  # a region's revival, not any revival
    ],
)
def test_what_tells_things_apart_stays_in_the_key(a, b):
    assert key(a, AREA) != key(b, AREA)


def test_distinctive_names_and_words_of_a_kind():
    assert distinctive("鸿铭高温") and distinctive("三峡") and distinctive("营改增")
    assert not distinctive("能源中心") and not distinctive("实验中学") and not distinctive("第一个五年")


def test_phase():
    assert phase("云梦湖水库三期工程") == "三期" and phase("云岭调水东线一期") == "一期"
    assert phase("云梦湖水库工程") == "" and phase("二期") == ""


def _forms(*names):
    return [(n, key(n, AREA)) for n in names]


@pytest.mark.parametrize(
    "a, b, kind",
    [
        (("“鸿铭数谷”",), ("鸿铭数谷",), "variant"),
        (("鸿铭精密机床有限公司",), ("青禾县鸿铭精密机床",), "variant"),
        (("鸿铭数谷",), ("鸿铭数谷大数据小镇",), "variant"),  # a short form of the longer name
        (("云梦湖水库二期工程",), ("云梦湖水库三期工程",), "variant"),
        (("鸿铭新景精密机床",), ("鸿铭精密数控机床",), "rename"),  # words replaced
        (("鸿铭新景精密机床",), ("鸿铭精密数控机床", "鸿铭新景精密机床公司"), "variant"),  # the old name still used
    ],
)
def test_link_kind(a, b, kind):
    assert link_kind(_forms(*a), _forms(*b)) == kind


def test_an_abbreviation_is_its_own_kind():
    assert (
        link_kind(
            _forms("科金改"), _forms("科技金融改革试验"), "abbreviation: each character opens a word of the long form"
        )
        == "abbreviation"
    )


# -- the canonical name ------------------------------------------------------------------


def test_canonical_is_the_fullest_frequent_form():
    uses = [
        (0, "云梦湖水库"),
        (1, "云梦湖水库"),
        (2, "云梦湖水库工程"),
        (3, "云梦湖水库工程"),
        (4, "云梦湖水库"),
        (4, "青禾县云梦湖水库枢纽工程"),
    ]
    assert canonical_name(uses) == "云梦湖水库工程"  # the fullest form is used once only: not frequent


def test_canonical_is_never_a_phase_nor_a_name_with_words_in_front():
    uses = [
        (0, "云梦湖水库三期工程"),
        (1, "云梦湖水库三期工程"),
        (2, "认为兴建云梦湖水库工程"),
        (3, "认为兴建云梦湖水库工程"),
        (3, "云梦湖水库工程"),
    ]
    assert canonical_name(uses) == "云梦湖水库工程"


def test_canonical_takes_the_latest_of_equally_full_forms_and_drops_quotes():
    assert canonical_name([(0, "鸿铭新景精密机床"), (1, "鸿铭精密数控机床")]) == "鸿铭精密数控机床"
    assert canonical_name([(1, "鸿铭精密数控机床"), (0, "鸿铭新景精密机床")]) == "鸿铭精密数控机床"
    assert canonical_name([(0, "“鸿铭数谷”")]) == "鸿铭数谷"


@pytest.mark.parametrize(
    "long_form, short",
    [
        ("青禾县国民经济和社会发展第十一个五年规划纲要", "十一五规划"),
        ("第十一个五年规划", "“十一五”规划纲要"),
        ("第一个五年计划", "一五计划"),
    ],
)
def test_a_plan_counted_in_words_is_the_plan_counted_short(long_form, short):
    assert key(long_form, AREA) == key(short, AREA)


@pytest.mark.parametrize(
    "a, b",
    [("第十一个五年规划", "十二五规划"), ("第一个五年计划", "第二个五年计划"), ("新世纪第一个五年计划", "一五计划")],
)
def test_plans_of_other_periods_keep_other_keys(a, b):
    assert key(a, AREA) != key(b, AREA)


def test_a_long_text_is_made_plain_as_a_name_is_character_by_character():
    from extract.resolve.names import _PLAIN, plain_text

    piece = "“岚山”＂霁川＂ 新区\u3000（一期）ＡＢ１２'鸿泰'《纲要》\n"
    text = piece * 200  # long enough to be replaced rather than translated
    assert plain_text(text) == text.translate(_PLAIN)
    assert plain_text(piece) == piece.translate(_PLAIN)
    assert '"霁川"' in plain_text(text)  # the full-width quote written half-width is not then dropped


def test_a_merge_by_words_in_another_order_or_a_synonym_says_so():
    from extract.resolve.score import INTEGRATED, REGION_ORDER, SAME_KEY

    def rule(a, b):
        return compare(a, b, key(a, AREA), key(b, AREA), "PROGRAM")[1]

    assert rule("全面振兴西南地区", "西南全面振兴") == REGION_ORDER
    assert rule("澜霁同城化", "澜霁一体化") == INTEGRATED
    assert rule("云梦湖水库工程", "云梦湖水库") == SAME_KEY


@pytest.mark.parametrize(
    "a, b",
    [
        ("中西部开发", "西部开发"),  # one region inside another's name
        ("城乡同城化", "城乡一体化"),  # everyday words, not two places made one
        ("澜川区域医疗中心", "澜川医疗中心"),  # a designation, not a region brought together
    ],
)
def test_reworded_keys_do_not_join_other_things(a, b):
    assert compare(a, b, key(a, AREA), key(b, AREA), "PROGRAM")[0] < 0.9


def test_a_merge_told_apart_only_by_the_areas_own_name_is_a_same_key_merge():
    from extract.resolve.score import SAME_KEY

    assert (
        compare(
            "青禾县全域旅游发展", "全域旅游发展", key("青禾县全域旅游发展", AREA), key("全域旅游发展", AREA), "PROGRAM"
        )[1]
        == SAME_KEY
    )
