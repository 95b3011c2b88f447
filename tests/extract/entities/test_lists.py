"""policy_lists: headless items of coordinated lists, typed by their list.

Exact sets: every item the list gives, and nothing from what surrounds it.
"""

from __future__ import annotations

import pytest

from extract.entities import EntityExtractor

E, K, P, G, INST = "ENTERPRISE", "PARK", "PROJECT", "PROGRAM", "INSTITUTION"


# -- typed by a class noun --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全年新开工澜川锂电隔膜、鸿泰光学镜片等8个项目。", {(P, "澜川锂电隔膜"), (P, "鸿泰光学镜片")}),
        ("穗丰、霁岩两家砖瓦企业完成兼并重组。", {(E, "穗丰"), (E, "霁岩")}),  # a count, then the class
        ("泓辰、澜禾、霁华等央企来澜考察。", {(E, "泓辰"), (E, "澜禾"), (E, "霁华")}),
        ("霁川银行、澜川农商行等金融机构加大信贷投放。", {(E, "霁川银行"), (E, "澜川农商行")}),  # headed items
        ("澜川大道、穗岭公园等工程开工。", {(P, "澜川大道"), (P, "穗岭公园")}),
        ("引进澜川智谷等园区资源。", {(K, "澜川智谷")}),
    ],
)
def test_a_class_noun_after_the_list_types_its_items(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_single_item_before_a_class_noun_is_typed_by_it(nlp, found):
    assert found(nlp, "穗禾优选等9家企业完成股份制改造。") == {(E, "穗禾优选")}


@pytest.mark.parametrize(
    "text",
    [
        "穗岭镇等9家企业完成股份制改造。",  # a town
        "柳州等9家企业完成股份制改造。",  # a city jieba knows
        "商业等9家企业完成股份制改造。",  # an everyday word
        "穗禾优选等9个乡镇完成改造。",  # no class noun of the four types
        "澜川锂电隔膜、鸿泰光学镜片等。",  # no class noun at all
    ],
)
def test_an_item_that_is_a_place_or_a_word_or_has_no_class_is_no_name(nlp, found, text):
    assert found(nlp, text) == set()


def test_an_item_that_is_a_chain_of_places_is_no_park(nlp, found):
    assert found(nlp, "引进柳州钦州等园区资源。") == set()


def test_headless_items_of_a_list_of_institutions_are_not_typed(nlp, found):
    assert found(nlp, "澜川一中、穗岭实验小学等学校开学。") == {(INST, "穗岭实验小学")}


def test_a_school_in_a_list_of_projects_is_a_project(nlp, found):
    assert found(nlp, "澜川一中、穗岭实验小学等项目建设。") == {(P, "澜川一中"), (P, "穗岭实验小学")}


def test_headed_items_keep_their_own_type(nlp, found):
    assert found(nlp, "霁川高铁站、澜川物流园等项目开工。") == {(P, "霁川高铁站"), (K, "澜川物流园")}


# -- policies by their articles ------------------------------------------------------------


def test_policies_named_by_their_articles_in_a_list_of_policies(nlp, found):
    assert found(nlp, "出台稳外贸12条、促消费20条等政策。") == {(G, "稳外贸12条"), (G, "促消费20条")}


def test_articles_without_a_class_noun_name_nothing(nlp, found):
    assert found(nlp, "出台稳外贸12条、促消费20条。") == set()


# -- a head written once at the end ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("澜源科技、霁宁电缆公司完成技术改造。", {(E, "澜源科技"), (E, "霁宁电缆公司")}),
        ("澜能、泓辰电机公司扩产。", {(E, "澜能"), (E, "泓辰电机公司")}),
    ],
)
def test_a_shared_head_written_once_types_the_list(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "专项债项目开工率、重点项目投资完成率等指标。",  # the head inside an earlier item
        "推进技改项目提速、产业园区扩容增效。",  # the last item is no name
    ],
)
def test_a_head_that_names_nothing_shares_nothing(nlp, found, text):
    assert found(nlp, text) == set()


# -- firms by the shape of their short names -----------------------------------------------------


def test_a_list_of_firms_short_names_is_a_list_of_firms(nlp, found):
    assert found(nlp, "推动澜光机床、霁华电子、青禾纺织、泓辰电机等做大做强。") == {
        (E, "澜光机床"),
        (E, "霁华电子"),
        (E, "青禾纺织"),
        (E, "泓辰电机"),
    }


def test_every_item_of_a_list_of_firms_is_a_firm(nlp, found):
    assert found(nlp, "推动澜光轴承、霁华电子、青禾纺织、泓辰电机等做大做强。") == {
        (E, "澜光轴承"),
        (E, "霁华电子"),
        (E, "青禾纺织"),
        (E, "泓辰电机"),
    }


def test_a_list_of_sectors_is_no_list_of_firms(nlp, found):
    assert found(nlp, "壮大智能家电、生物医药、绿色建材、文化旅游等产业。") == set()


def test_a_description_before_listed_firms_is_not_their_name(nlp, found):
    assert found(nlp, "引进行业龙头泓辰锂能、澜川储能等企业。") == {(E, "泓辰锂能"), (E, "澜川储能")}


# -- places, titles, odd items ---------------------------------------------------------------------


def test_towns_in_a_list_are_no_parks(nlp, found):
    assert found(nlp, "穗岭镇、青河乡、澜川高新区联合开展招商。") == {(K, "澜川高新区")}


def test_titles_listed_after_an_award_verb_are_no_parks(nlp, found):
    assert found(nlp, "澜川县先后获评省级农业现代化示范区、省级全域旅游示范区。") == set()


def test_the_list_is_what_follows_an_odd_item(nlp, found):
    # 霁宁等3条城际 holds a count: the list of projects starts after it
    assert found(nlp, "加快霁宁等3条城际、澜川二桥、穗岭灌区续建等项目。") == {(P, "澜川二桥"), (P, "穗岭灌区续建")}


def test_the_first_item_after_a_park_is_what_follows_the_park(nlp, found):
    assert found(nlp, "推进澜溪智造产业园泓辰液压泵、穗岭精密铸件等项目投产。") == {
        (K, "澜溪智造产业园"),
        (P, "泓辰液压泵"),
        (P, "穗岭精密铸件"),
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        ("泓辰年产2万吨铝箔、澜川5万套光伏支架等项目开工。", {(P, "泓辰年产2万吨铝箔"), (P, "澜川5万套光伏支架")}),
    ],
)
def test_a_capacity_inside_an_item_keeps_it_whole(nlp, found, text, expected):
    assert found(nlp, text) == expected


# -- a list of projects by what is done with them ----------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("澜川电厂、穗岭水厂、泓辰储能电池等建成投运。", {(P, "澜川电厂"), (P, "穗岭水厂"), (P, "泓辰储能电池")}),
        (
            "澜川电厂、穗岭水厂、泓辰储能（穗岭）电芯工厂等建成投运。",  # where, in brackets inside an item
            {(P, "澜川电厂"), (P, "穗岭水厂"), (P, "泓辰储能（穗岭）电芯工厂")},
        ),
    ],
)
def test_a_list_mostly_of_projects_being_built_makes_its_headless_items_projects(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_list_mostly_of_projects_not_being_built_types_only_the_headed_items(nlp, found):
    assert found(nlp, "澜川电厂、穗岭水厂、霁川大桥、泓辰储能电池等获得上级资金支持。") == {
        (P, "澜川电厂"),
        (P, "穗岭水厂"),
        (P, "霁川大桥"),
    }


def test_a_list_mostly_of_headless_items_being_built_is_not_typed_by_its_clause(nlp, found):
    # one project among three items is no majority
    assert found(nlp, "澜川电厂、泓辰储能电池、霁华锂电隔膜等建成投运。") == {(P, "澜川电厂")}


# -- quoted names counted by their class --------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("落实“澜北—穗岭”“青河—霁东”两个万亩产业示范片建设。", {(K, "澜北—穗岭"), (K, "青河—霁东")}),
        ("推进“泓辰智造”“澜禾冷链”2个项目。", {(P, "泓辰智造"), (P, "澜禾冷链")}),
        ("打造“澜川蓝”“霁川红”两大品牌。", set()),  # no class of things after the count
        ("被评为“澜禾杯”3个奖项。", set()),
        ("全县，“十四五”3个重点项目加快推进。", set()),  # one quoted word: a label, not a list
        ("签约“光伏+储能”“风电”两个项目。", set()),  # sectors
        ("创建“四好农村路”“美丽乡村”两个示范区。", set()),  # titles sought
        ("实施“一村一品”“一乡一业”2个工程。", set()),  # slogans of programmes
    ],
)
def test_quoted_names_before_a_count_take_the_class_after_it(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the count of the members just named ends the list; the works after it say what they are
        ("抓好澜川、霁清两大污水处理厂扩建提标项目投运。", {(P, "澜川"), (P, "霁清")}),
        ("推进澜川、霁清两个产业园建设。", set()),  # places before a park's head: no works named
    ],
)
def test_a_list_ended_by_the_count_of_its_members_shares_the_works_after(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_place_written_once_before_a_list_names_every_item_that_opens_like_the_first(report):
    # 大学城 is written before the first school only; the others are the same campus's

    doc = report(2021, "建成投用霁川学城实验中学、实验小学、实验幼儿园和县实验中学教学楼。")
    ex = EntityExtractor()
    ex.first_pass(doc)
    names = {(e.name, tuple(m.text for m in e.mentions)) for e in ex.entities(doc)}
    assert ("霁川学城实验小学", ("实验小学",)) in names  # the mention keeps what the text writes
    assert ("霁川学城实验幼儿园", ("实验幼儿园",)) in names
    assert not any(n.startswith("霁川学城县") for n, _ in names)


def test_items_opening_otherwise_take_no_place_from_the_first(report):

    doc = report(2021, "支持县人民医院、中医院建设，建成澜川一中、一中分校，改造霁川公园、公园路。")
    ex = EntityExtractor()
    ex.first_pass(doc)
    assert all(e.name == e.mentions[0].text for e in ex.entities(doc))
