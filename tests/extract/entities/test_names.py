"""names.py: where a name starts and whether a stretch is a name, tested directly,
then through the pipeline for the left-edge rules that only a sentence shows.
"""

from __future__ import annotations

import pytest

from extract.entities.lexicon import count_ends, lexicon
from extract.entities.names import (
    acceptable,
    after_award,
    after_descriptor,
    blocked_after,
    firm_shaped,
    has_facility,
    inner_head,
    is_collective,
    is_generic,
    is_place,
    is_plan_period,
    is_slogan,
    joined,
    last_cut,
    left_edge,
    proper_name,
    region_start,
    strip_leads,
    unquote,
    word_at,
)

E, K, P, G = "ENTERPRISE", "PARK", "PROJECT", "PROGRAM"


@pytest.fixture(scope="module")
def lex():
    return lexicon()


def before(text: str, head: str, lex) -> str:
    """The stretch region_start gives before the last ``head`` of ``text``."""
    end = text.rindex(head)
    return text[region_start(text, end, 0, count_ends(text), lex) : end]


def edge(text: str, head: str, lex, **kw) -> tuple[str, str]:
    """left_edge before the last ``head``: the name's modifier and the words peeled off."""
    end = text.rindex(head)
    e = left_edge(text, end, lex, counts=count_ends(text), **kw)
    return text[e.start : end], e.stripped


# -- region_start: the nearest boundary ---------------------------------------------------


@pytest.mark.parametrize(
    "text, head, expected",
    [
        ("澜川的霁川物流园", "物流园", "霁川"),  # a function word
        ("建成5个霁川物流园", "物流园", "霁川"),  # a count
        ("推进澜川——穗岭示范片", "示范片", "穗岭"),  # a double dash is an aside
        ("穗岭、霁川物流园", "物流园", "霁川"),  # punctuation
        ("霁川■■物流园", "物流园", ""),  # a mask
        ("企业在澜川物流园", "物流园", "澜川"),  # 在 as a preposition
    ],
)
def test_region_start_stops_at_a_boundary(lex, text, head, expected):
    assert before(text, head, lex) == expected


@pytest.mark.parametrize(
    "text, head, expected",
    [
        ("实施“千村百园”工程", "工程", "实施“千村百园”"),  # one quoted stretch
        ("推进霁川（穗岭）新材料产业园", "产业园", "推进霁川（穗岭）新材料"),  # a short parenthetical
        ("建成霁川120.5兆瓦光伏项目", "项目", "建成霁川120.5兆瓦光伏"),  # a decimal point
        ("打造澜川—穗岭协作示范片", "示范片", "打造澜川—穗岭协作"),  # a dash between two places
        ("实施澜溪古井及周边修缮工程", "修缮", "实施澜溪古井及周边"),  # a site and its surroundings
        ("完善高等级公路", "公路", "完善高等级"),  # 等 inside a word
        ("推进在建澜川物流园", "物流园", "推进在建澜川"),  # 在 of 在建 is no preposition
    ],
)
def test_region_start_steps_over_what_sits_inside_a_name(lex, text, head, expected):
    assert before(text, head, lex) == expected


def test_a_quoted_whole_name_before_a_head_stands_apart(lex):
    # “雁归行动” has its own head: the 建设 after it is not more of its name
    text = "落实“雁归行动”建设工程"
    assert before(text, "工程", lex) == "建设"


def test_in_a_run_of_quotes_only_the_one_next_to_the_head_is_taken(lex):
    assert before("开展“服务提质年”“作风攻坚年”活动", "活动", lex) == "“作风攻坚年”"


def test_a_parenthetical_with_a_numeral_is_a_boundary(lex):
    assert before("推进霁川（三处）新材料产业园", "产业园", lex) == "新材料"


def test_a_function_character_outside_a_word_is_a_boundary(lex):
    assert before("澜川等地公路", "公路", lex) == "地"


# -- strip_leads, last_cut, word_at --------------------------------------------------------


@pytest.mark.parametrize(
    "text, head, peeled",
    [
        ("加快推进霁川物流园", "物流园", "加快推进"),
        ("大力推进霁川物流园", "物流园", "大力推进"),  # an adverb before a verb
        ("切实减轻澜川税负政策", "政策", "切实减轻"),  # before a verb only jieba's dictionary knows
        ("安排好澜川行动", "行动", "安排好"),  # a dictionary verb and its 好
        ("不得新建霁川物流园", "物流园", "不得新建"),  # 不 peels its whole negated word
    ],
)
def test_strip_leads_peels_governing_words(lex, text, head, peeled):
    start, got = strip_leads(text, 0, text.rindex(head), lex)
    assert (text[:start], got) == (peeled, peeled)


@pytest.mark.parametrize(
    "text",
    [
        "大力锻压公司",  # an adverb before no verb is the name's first word
        "不锈钢制品公司",  # 不 opening a noun
        "不溶性硫磺项目",  # or a property (不…性)
        "霁川物流园",
    ],
)
def test_strip_leads_leaves_a_name_that_opens_with_no_governing_word(lex, text):
    assert strip_leads(text, 0, len(text) - 2, lex) == (0, "")


def test_a_list_item_keeps_a_one_character_lead_as_its_first_word(lex):
    text = "可溪园区"
    assert strip_leads(text, 0, 2, lex, item=True) == (0, "")
    assert strip_leads(text, 0, 2, lex) == (1, "可")


def test_last_cut_is_after_the_rightmost_predicate(lex):
    text = "泓辰光电公司入选省级重点企业名单"
    assert text[last_cut(text, 0, len(text), lex) :] == "省级重点企业名单"


def test_last_cut_ignores_a_predicate_inside_a_longer_word(lex):
    assert last_cut("霁川建成区改造", 0, 5, lex) == 0  # 建成区 is a noun, not 建成


def test_word_at_is_the_longest_listed_word(lex):
    assert word_at("加快推进霁川", 0, 6, lex) == "加快推进"
    assert word_at("霁川", 0, 2, lex) == ""
    assert word_at("加快推进霁川", 0, 3, lex) == "加快"  # no further than the end given
    assert word_at("加快推进霁川", 0, 1, lex) == ""
    assert word_at("不霁川", 0, 3, lex) == "不"  # a word of one character
    assert word_at("霁川", 2, 2, lex) == ""


# -- left_edge ------------------------------------------------------------------------------


def test_a_governing_verb_far_from_the_head_opens_the_name(lex):
    assert edge("全县教师推行职称评聘分离制度", "制度", lex) == ("职称评聘分离", "全县")


def test_a_verb_next_to_its_head_belongs_to_the_name(lex):
    assert edge("全县推进乡村工匠引进培育工程", "工程", lex, min_object=4) == ("乡村工匠引进培育", "全县推进")


def test_after_with_a_joint_verb_separates_the_partner_from_what_is_built(lex):
    assert edge("与高校共建霁川新材料研究院", "研究院", lex)[0] == "霁川新材料"


def test_without_a_partner_a_joint_verb_is_part_of_the_name(lex):
    assert edge("开展军民共建文明社区活动", "活动", lex)[0] == "军民共建文明社区"


def test_a_level_before_a_ranked_level_is_who_runs_it(lex):
    assert edge("新增县国家级技能大师培育计划", "计划", lex)[0] == "国家级技能大师培育"


def test_a_level_before_a_word_opening_with_a_level_character_stays(lex):
    assert edge("加快建设县市政管网改造工程", "工程", lex)[0] == "县市政管网改造"


def test_a_and_b_is_two_names_when_a_ends_like_a_whole_item(lex):
    assert edge("加快霁川数据中心和穗岭能源中心项目", "项目", lex)[0] == "穗岭能源中心"


def test_a_and_b_is_one_name_when_a_is_part_of_it(lex):
    assert edge("健全企业诉求收集和快速响应机制", "机制", lex)[0] == "企业诉求收集和快速响应"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推进水、电、路、网四联工程", "四联"),  # four items, 四
        ("推进水、电、路、网、房四联工程", "房四联"),  # five items: 四 sums nothing up
    ],
)
def test_a_numeral_equal_to_the_list_length_starts_the_name(lex, text, expected):
    assert edge(text, "工程", lex)[0] == expected


# -- is_generic, proper_name, has_facility ----------------------------------------------------


@pytest.mark.parametrize(
    "modifier, generic",
    [
        ("重点产业", True),
        ("省级示范", True),
        ("签订合作", True),
        ("重点和骨干", True),
        ("", True),
        ("霁川智慧", False),
        ("重点企业培育", False),  # a verb before the head is the programme's own action
    ],
)
def test_is_generic(lex, modifier, generic):
    assert is_generic(modifier, lex) is generic


@pytest.mark.parametrize(
    "modifier, proper",
    [
        ("霁宁", True),
        ("G8高速澜川互通", True),
        ("和田", True),  # 和 inside a word is no connector
        ("巨大", False),
        ("六条", False),
        ("五年", False),
        ("兴修", False),
        ("恢复", False),
        ("旅游和", False),
    ],
)  # 病险 and 中西部 are generic words (lexicon/generic.txt): acceptable() rejects them before proper_name
def test_proper_name_of_a_road_railway_or_reservoir(modifier, proper):
    assert proper_name(modifier) is proper


@pytest.mark.parametrize(
    "modifier, facility",
    [
        ("霁川大道", True),
        ("省道521", True),
        ("霁川物流园区", False),
        ("书香澜川", False),
        ("“586百亿级园区”", False),  # a number inside quotes is a slogan's
    ],
)
def test_has_facility(lex, modifier, facility):
    assert has_facility(modifier, lex) is facility


# -- slogans, classes, places ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, period", [("十四五", True), ("十五五", True), ("2035", True), ("十大", False), ("四五", False)]
)
def test_is_plan_period(text, period):
    assert is_plan_period(text) is period


@pytest.mark.parametrize(
    "modifier, slogan",
    [
        ("一号", True),
        ("六个一", True),
        ("1+N", True),
        ("三减三增", True),
        ("智慧霁川", False),
        ("", False),
    ],
)
def test_is_slogan(modifier, slogan):
    assert is_slogan(modifier) is slogan


@pytest.mark.parametrize(
    "modifier, collective",
    [
        ("三大", True),
        ("三大污水处理", True),
        ("澜川两个先行", True),
        ("十五", False),
        ("霁川五通", False),
    ],
)
def test_is_collective(lex, modifier, collective):
    assert is_collective(modifier, lex) is collective


@pytest.mark.parametrize(
    "name, place",
    [
        ("穗岭镇", True),
        ("青河乡", True),
        ("澜川县", True),
        ("霁川街道", True),
        ("澜川区", True),
        ("武汉江夏区", True),
        ("澜川高新区", False),
        ("霁川社区", False),
        ("霁川片区", False),
        ("穗岭新城区", False),
    ],
)
def test_is_place(name, place):
    assert is_place(name) is place


# -- acceptable: why a stretch is not a name ----------------------------------------------------


@pytest.mark.parametrize(
    "name, head, typ, kind, why",
    [
        ("霁川筑巢计划", "计划", G, "plan", None),
        ("筑巢计划", "计划", G, "plan", "too short for a reform, plan or policy name"),
        ("产业发展规划", "规划", G, "plan", "generic"),
        ("溪长制", "长制", G, "prog", None),
        ("重点项目建设攻坚行动", "攻坚行动", G, "prog", None),  # a campaign takes generic words
        ("重点行动", "行动", G, "prog", "generic"),  # but not only three of them
        ("一号行动", "行动", G, "prog", None),
        ("“穗禾”监管", "监管", G, "quoted", None),
        ("科技监管", "监管", G, "quoted", "needs a quoted slogan"),
        ("雪峰工程", "工程", G, "named", None),
        ("环境治理工程", "工程", G, "named", "generic"),
        ("三大政策", "政策", G, "policy", "a count of a class"),
        ("重点项目", "项目", P, "build", "generic"),
        ("三大污水处理厂", "污水处理厂", P, "build", "a count of a class"),
        ("10大生态工程", "工程", P, "eng", "a count of a class"),
        ("省外亿元以上项目", "项目", P, "build", "a class by size"),
        ("污水处理厂改造", "改造", P, "works", "works on a kind of facility"),
        ("农村旱厕改造", "改造", P, "works", "works on no named facility"),
        ("老旧街巷改造", "改造", P, "works", None),
        ("新建铁路", "铁路", P, "infra", "generic"),
        ("巨大铁路", "铁路", P, "infra", "a kind of road, railway or reservoir, not one"),
        ("霁宁铁路", "铁路", P, "infra", None),
        ("民间资本", "资本", E, "corp", "generic"),
        ("泓", "", E, "list", "too short"),
        ("泓辰", "", E, "list", None),
    ],
)
def test_acceptable_says_why_a_stretch_is_no_name(lex, name, head, typ, kind, why):
    assert acceptable(name, head, typ, kind, lex) == why


# -- descriptors, awards, heads that run on, firms' short names ------------------------------------


def test_after_descriptor_skips_a_description_of_the_firm(lex):
    text = "引进世界500强企业泓辰控股集团"
    assert text[after_descriptor(text, 2, text.index("集团"), lex) :] == "泓辰控股集团"


def test_after_descriptor_leaves_two_characters_of_name(lex):
    assert after_descriptor("引进龙头企业", 2, 6, lex) == 4  # 龙头 is a descriptor; 企业 stays


@pytest.mark.parametrize("peeled, award", [("被认定为", True), ("成功创建", True), ("加快推进", False)])
def test_after_award(lex, peeled, award):
    assert after_award(peeled, lex) is award


@pytest.mark.parametrize(
    "text, head, blocked",
    [
        ("试点县名单", "试点", True),
        ("机制创新", "机制", True),
        ("政策性", "政策", True),
        ("试点工作", "试点", False),
    ],
)
def test_blocked_after(lex, text, head, blocked):
    assert blocked_after(text, len(head), head, lex) is blocked


@pytest.mark.parametrize(
    "name, shaped",
    [
        ("泓辰玻璃机械", True),
        ("霁华钢铁", True),
        ("电子信息", False),  # an everyday word
        ("重点电力", False),  # a generic brand
        ("穗岭镇电力", False),  # a place
        ("泓辰澜川霁华电力", False),  # a brand too long
        ("泓辰", False),  # no trade
    ],
)
def test_firm_shaped(lex, name, shaped):
    assert firm_shaped(name, lex) is shaped


# -- joined, inner_head, unquote -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, a, b, together",
    [
        ("霁川高新区大数据中心", 5, 6, True),
        ("霁川数据中心和穗岭能源中心", 6, 11, False),  # a connector right after the first head
        ("霁川产业园入选省级重点产业园", 5, 12, False),  # a predicate between
        ("霁川产业园、穗岭产业园", 5, 8, False),  # punctuation
        ("霁川产业园5个产业园", 5, 7, False),  # a count
        ("霁宁铁路建设和澜川电气化改造", 4, 12, False),  # a connector after what ends a whole item
    ],
)
def test_joined(lex, text, a, b, together):
    assert joined(text, a, b, lex) is together


def test_inner_head_is_the_longest_head_ending_the_stretch(lex):
    assert inner_head("霁川经济开发区", 0, 7, lex).text == "经济开发区"
    assert inner_head("霁川大道", 0, 4, lex) is None


def test_unquote_drops_every_kind_of_quote_mark():
    assert unquote("“千村百园”工程《霁川》") == "千村百园工程霁川"


# -- the same rules through the pipeline -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("大力支持锦澜矿机公司。", {(E, "锦澜矿机公司")}),  # 大力 before a verb: peeled
        ("大力锻压公司完成股改。", {(E, "大力锻压公司")}),  # before no verb: the firm's first word
    ],
)
def test_an_adverb_is_peeled_only_before_a_verb(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_an_adverb_before_a_verb_missing_from_the_lists_is_peeled(nlp, found):
    assert found(nlp, "不断壮大泓辰光电公司。") == {(E, "泓辰光电公司")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("坚定不移地推进鸿泰集团股权结构改革。", {(G, "鸿泰集团股权结构改革")}),  # an idiom turned adverb
        ("依靠澜川数字经济产业园。", {(K, "澜川数字经济产业园")}),  # a frequent jieba verb
        ("安排好澜川城乡供水一体化三年行动。", {(G, "澜川城乡供水一体化三年行动")}),  # a verb and its 好
        ("全面推开霁川公立医院薪酬制度改革。", {(G, "霁川公立医院薪酬制度改革")}),  # an adverb, then such a verb
    ],
)
def test_governing_words_outside_the_lead_list_are_peeled(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("要积极稳妥地推进穗岭乡宅基地管理制度改革。", {(G, "穗岭乡宅基地管理制度改革")}),
        ("必须坚定不移地全面深化澜川国企改革。", {(G, "澜川国企改革")}),
        ("有步骤地推行霁川县域医共体改革。", {(G, "霁川县域医共体改革")}),
    ],
)
def test_an_adverb_with_di_opens_the_name_after_its_verb(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("健全欠发达地区结对帮扶机制。", {(G, "欠发达地区结对帮扶机制")}),
        ("完善澜川边远地区教师补贴制度。", {(G, "澜川边远地区教师补贴制度")}),
    ],
)
def test_di_opening_a_noun_is_no_adverb_particle(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("深化招聘录用制度改革。", {(G, "招聘录用制度改革")}),  # a verb before a verbal noun: a compound
    ],
)
def test_a_verb_compound_opening_a_name_stays(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_governing_verb_before_a_long_object_opens_the_name(nlp, found):
    assert found(nlp, "全县中小学教师推行职称评聘分离制度。") == {(G, "职称评聘分离制度")}


def test_a_verb_next_to_its_head_stays_in_a_programmes_name(nlp, found):
    assert found(nlp, "实施诚信澜川打造工程。") == {(G, "诚信澜川打造工程")}


def test_a_joint_verb_after_a_partner(nlp, found):
    assert found(nlp, "与高校共建霁川新材料研究院。") == {("INSTITUTION", "霁川新材料研究院")}
    assert found(nlp, "广泛开展警民共建平安创建活动。") == {(G, "警民共建平安创建活动")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("启动区市场监管综合服务中心项目。", {(P, "区市场监管综合服务中心项目")}),
        ("加快建设县市政管网改造工程。", {(P, "县市政管网改造工程")}),
    ],
)
def test_a_level_before_a_word_opening_with_a_level_character_is_kept(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_function_character_inside_a_word_is_no_boundary(nlp, found):
    assert found(nlp, "推进澜川高等级公路改造。") == {(P, "澜川高等级公路改造")}


def test_a_list_item_opens_with_its_name(nlp, found):
    assert found(nlp, "建设霁川产业园、可溪园区。") == {(K, "霁川产业园"), (K, "可溪园区")}
    assert found(nlp, "建设可溪园区。") == set()  # alone, 可 is a modal verb and 溪 too short a name


def test_a_summary_numeral_starts_the_name(nlp, found):
    assert found(nlp, "推进水、电、路、网四联工程。") == {(G, "四联工程")}


def test_and_inside_a_name_stays(nlp, found):
    assert found(nlp, "健全企业诉求收集和快速响应机制。") == {(G, "企业诉求收集和快速响应机制")}


def test_a_listed_verb_and_its_hao_are_peeled(nlp, found):
    assert found(nlp, "谋划好霁川智慧物流园。") == {(K, "霁川智慧物流园")}


def test_a_town_and_a_park_are_not_one_park(nlp, found):
    assert found(nlp, "推动青河乡与澜川高新区协同发展。") == {(K, "澜川高新区")}


def test_a_summary_numeral_after_items_ending_in_its_word_starts_the_name(nlp, found):
    # each item ends with 办, which the numeral repeats: 三办 sums the three up, long as they are
    text = "推行澜川村民事项代办、霁川街道政务事项帮办、穗岭园区投资项目包办三办服务模式。"
    assert found(nlp, text) == {("PROGRAM", "三办服务模式")}
