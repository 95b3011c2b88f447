"""policy_heads: names found by their head noun, reaching left to a boundary.

Each test gives the exact set of (type, name) the first pass keeps, so a name
the rule should not make fails the test as surely as a name it misses.
"""

from __future__ import annotations

import pytest

E, K, P, G, INST = "ENTERPRISE", "PARK", "PROJECT", "PROGRAM", "INSTITUTION"


# -- one name per head, governing words peeled ------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("支持泓辰光电公司扩大产能。", {(E, "泓辰光电公司")}),
        ("谋划建设曜石冷链物流园。", {(K, "曜石冷链物流园")}),
        ("新开工霁川大道跨河桥工程。", {(P, "霁川大道跨河桥工程")}),
        ("力争穗岭二中改扩建年内完工。", {(P, "穗岭二中改扩建")}),
        ("组织实施青河筑巢计划。", {(G, "青河筑巢计划")}),
        ("深入实施锦澜乡村美化行动。", {(G, "锦澜乡村美化行动")}),
        ("全面推行溪长制。", {(G, "溪长制")}),  # 长制 needs no more than a modifier
        ("霁川农谷创建为国家4A级旅游景区。", {(K, "霁川农谷")}),
        (
            "澜川职业学校实训基地实训楼完工。",
            {(P, "澜川职业学校实训基地实训楼")},
        ),  # a building, not the school  # a valley of farms is a park
        ("新引进澜川学者2名、澜川产业领军人才3名。", {(G, "澜川学者"), (G, "澜川产业领军人才")}),  # talent programmes
        ("与高校共建霁川新材料研究院。", {(INST, "霁川新材料研究院")}),  # recorded, never one of the four
    ],
)
def test_a_head_noun_names_what_ends_in_it(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "抓紧落实各类重点项目。",  # a scope word before a kind
        "统筹用好上述扶持政策。",  # a determiner before a kind
        "持续推进一批民生工程。",
        "大力发展产业园区，加快体制改革。",  # generic modifiers only
        "用好财税政策。",  # a policy head needs a specific modifier
        "落实产业扶持政策。",
        "出台霁川稳增长系列政策措施。",  # a series of measures, not one
        "实施一揽子澜川纾困政策。",
        "邀请专家学者和青年学者参加论坛。",  # a kind of person is no talent programme
        "引进创业类高端产业领军人才4人。",
        "深入实施霁川两岸协同发展、澜湘经济带发展两大战略。",  # the count of what the list named
        "规范发展金融控股公司和保险公司。",  # kinds of firm: everyday words before the legal form
        "打击流氓集团。",
        "切实减轻银行负担。",  # a verb before 银行: a clause, not a bank
        "推广冰雪运动，开展群众性体育运动。",  # sports, not campaigns
        "大搞群众运动，支持民族解放运动。",  # kinds of movement
        "严厉打击澜川非法集资活动和电信诈骗犯罪活动。",  # offences fought, not programmes
    ],
)
def test_generic_words_before_a_head_make_no_name(nlp, found, text):
    assert found(nlp, text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("坚持科技兴农政策。", {(G, "科技兴农政策")}),
        ("深入落实人才强县政策。", {(G, "人才强县政策")}),
    ],
)
def test_a_policy_with_a_specific_modifier_of_four_characters_is_a_name(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_count_before_a_head_is_a_boundary(nlp, found):
    assert found(nlp, "新建5个产业园区和20个重大项目。") == set()


def test_a_count_of_a_class_before_its_head_is_no_name(nlp, found):
    # 8处: the stretch the head reaches back to starts at a count, so it names a class
    assert found(nlp, "年内新建8处城市湿地公园。") == set()


# -- where a head does not end a name ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我县被确定为全省数字乡村试点县。",  # 试点县: the head is the front of another noun
        "全县智慧社区创建率提高到六成。",  # 创建率
        "争取政策性银行贷款。",  # 政策性: an adjective
        "壮大澜川战略性产业。",  # 战略性
        "严格把关，保证工程质量。",  # 工程质量: the quality of works, not a work
        "优化设计，降低工程造价。",  # 工程造价
        "培养一批卓越工程师。",  # 工程师: a person
        "建成澜泾镇文化活动中心。",  # 活动中心: a building, not an activity
    ],
)
def test_a_head_that_runs_into_another_noun_is_no_name(nlp, found, text):
    assert found(nlp, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "各项技改工程按计划推进。",  # 按计划: a manner
        "澜川各项工作有计划地稳步推进。",  # 有计划
        "全县计划新建三所学校。",  # 计划 before a verb is the verb
        "全县计划培育规上企业20家。",
    ],
)
def test_plan_as_a_manner_or_a_verb_is_no_plan(nlp, found, text):
    assert found(nlp, text) == set()


@pytest.mark.parametrize("text", ["“十二五”规划胜利完成。", "十三五规划确定的目标任务全面完成。"])
def test_after_a_plan_period_plan_is_the_plan_though_a_verb_follows(nlp, found, text):
    assert {n for _, n in found(nlp, text)} in ({"“十二五”规划"}, {"十三五规划"})


@pytest.mark.parametrize(
    "text",
    [
        "新开工分布式光伏项目12个。",  # the class counted after its head
        "全年签约亿元以上项目近80个。",  # an approximate count
    ],
)
def test_a_head_followed_by_its_count_names_a_class(nlp, found, text):
    assert found(nlp, text) == set()


def test_a_named_activity_without_a_count_after_it_stands(nlp, found):
    assert found(nlp, "开展霁川招商推介活动。") == {(G, "霁川招商推介活动")}


def test_the_class_a_list_belongs_to_is_no_name(nlp, found):
    # 等重点外资项目: the head names the class of the list; the item is typed by it (policy_lists)
    assert found(nlp, "澜川锂电隔膜等重点外资项目签约落地。") == {(P, "澜川锂电隔膜")}


def test_a_name_after_a_lists_class_noun_and_a_verb_is_a_name(nlp, found):
    assert found(nlp, "澜光机床、霁华电子等企业落户澜川物流园。") == {
        (E, "澜光机床"),
        (E, "霁华电子"),
        (K, "澜川物流园"),
    }


def test_a_name_after_a_lists_class_noun_and_a_preposition_is_a_name(nlp, found):
    assert found(nlp, "澜光机床、霁华电子等企业在澜川物流园投产。") == {
        (E, "澜光机床"),
        (E, "霁华电子"),
        (K, "澜川物流园"),
    }


# -- titles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("泓辰光电公司获评省级绿色制造示范平台。", {(E, "泓辰光电公司")}),
        ("霁川物流园被命名为省级物流示范园区。", {(K, "霁川物流园")}),
        ("澜川工业园成功晋升为省二星级产业集聚区。", {(K, "澜川工业园")}),  # a promotion is a rank won
        ("霁溪工业园晋升为省级工业园区。", {(K, "霁溪工业园")}),
    ],
)
def test_after_an_award_verb_a_head_names_a_title(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "申报第三批省级数字乡村示范区。",  # a batch before a title
        "成功创建国家级生态文明示范区。",  # a rank before a title, after 创建
    ],
)
def test_ranked_titles_are_no_parks(nlp, found, text):
    assert found(nlp, text) == set()


def test_a_quoted_title_awarded_is_no_thing(nlp, found):
    assert found(nlp, "澜川二小被省教育厅授予“书香示范学校”称号。") == set()


# -- heads meeting heads ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "澜川智能装备产业园项目列入年度计划。",  # a park's project is the park
        "澜川智能装备产业园一期投入使用。",  # so is its phase
    ],
)
def test_a_project_or_phase_of_a_park_is_the_park(nlp, found, text):
    assert found(nlp, text) == {(K, "澜川智能装备产业园")}


def test_a_park_before_a_whole_new_name_is_split_from_it(nlp, found):
    assert found(nlp, "霁川经济开发区氢能装备产业基地签约落地。") == {(K, "霁川经济开发区"), (P, "氢能装备产业基地")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("加快霁川高新区大数据中心投用。", "霁川高新区大数据中心"),
        ("推进澜川物流园智慧共享平台上线。", "澜川物流园智慧共享平台"),
    ],
)
def test_a_short_gap_between_heads_joins_them_in_one_name(nlp, found, text, expected):
    assert found(nlp, text) == {(P, expected)}


def test_a_park_running_its_own_programme_is_one_name(nlp, found):
    assert found(nlp, "推动澜川新区高质量发展三年行动。") == {(G, "澜川新区高质量发展三年行动")}


def test_a_governing_verb_between_two_heads_makes_two_names(nlp, found):
    assert found(nlp, "支持泓辰公司打造澜川智慧物流园。") == {(E, "泓辰公司"), (K, "澜川智慧物流园")}


@pytest.mark.parametrize("text", ["泓辰公司投资建设澜川智慧物流园。", "推动泓辰公司入驻澜川智慧物流园。"])
def test_a_firm_building_or_entering_a_park_is_not_one_name_with_it(nlp, found, text):
    assert found(nlp, text) == {(E, "泓辰公司"), (K, "澜川智慧物流园")}


def test_a_generic_tail_after_a_programme_is_not_part_of_it(nlp, found):
    assert found(nlp, "健全溪长制工作长效机制。") == {(G, "溪长制")}


def test_two_names_joined_by_and_when_the_first_ends_a_whole_item(nlp, found):
    assert found(nlp, "加快霁川数据中心和穗岭能源中心项目建设。") == {(P, "霁川数据中心"), (P, "穗岭能源中心项目")}


# -- works and engineering -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("完成锦澜路改造。", {(P, "锦澜路改造")}),
        ("完成澜川污水处理厂提标改造。", {(P, "澜川污水处理厂提标改造")}),
        ("推进澜川二中迁建。", {(P, "澜川二中迁建")}),  # 迁建 stands after any name
        ("完成泓辰化工迁建。", {(P, "泓辰化工迁建")}),
        ("实施霁川货场改造。", {(P, "霁川货场改造")}),  # works on a facility being built
    ],
)
def test_works_on_a_named_facility_are_a_project(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "推进农村旱厕改造。",  # no facility named
        "完成污水处理厂改造。",  # a kind of facility, not one
    ],
)
def test_works_on_no_named_facility_are_no_project(nlp, found, text):
    assert found(nlp, text) == set()


def test_upgrading_a_kind_of_facility_is_no_project(nlp, found):
    assert found(nlp, "完成污水处理厂提标改造。") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推进青河湿地生态修复工程。", {(P, "青河湿地生态修复工程")}),  # a facility in the modifier
        ("实施霁川古渡口修缮（二期）工程。", {(P, "霁川古渡口修缮（二期）工程")}),  # a phase on a site
        ("推进澜溪古井及周边修缮提升工程。", {(P, "澜溪古井及周边修缮提升工程")}),  # works on a site
        ("实施“千村百园”工程。", {(G, "“千村百园”工程")}),
        ("实施重点项目帮办代办工程。", {(G, "重点项目帮办代办工程")}),  # 项目 in the modifier is nothing physical
    ],
)
def test_engineering_is_a_project_on_a_physical_thing_and_a_programme_otherwise(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_engineering_on_a_facility_and_a_slogan_in_one_sentence(nlp, found):
    assert found(nlp, "开工建设穗岭水库除险加固工程和“千村百园”工程。") == {
        (P, "穗岭水库除险加固工程"),
        (G, "“千村百园”工程"),
    }


# -- infrastructure, sections, capacities -----------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("加快霁宁铁路建设。", {(P, "霁宁铁路")}),
        ("开工建设穗岭水库。", {(P, "穗岭水库")}),
    ],
)
def test_a_road_railway_or_reservoir_with_a_proper_name_is_a_project(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "推进新建铁路前期工作。",  # a verb, not a name
        "完成三条铁路电气化。",  # a count
        "发展旅游和铁路。",  # a coordination
    ],
)
def test_a_road_railway_or_reservoir_without_a_proper_name_is_no_project(nlp, found, text):
    assert found(nlp, text) == set()


def test_dangerous_reservoirs_are_a_kind_not_one(nlp, found):
    assert found(nlp, "全面完成病险水库除险加固。") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("霁宁城际（北段）开工。", {(P, "霁宁城际（北段）")}),
        ("霁宁高速支线段通车。", {(P, "霁宁高速支线段")}),
        ("霁宁高铁澜川至穗岭段建成。", {(P, "霁宁高铁澜川至穗岭段")}),
        ("澜川水厂（二期）通水。", {(P, "澜川水厂（二期）")}),
    ],
)
def test_a_section_or_phase_after_a_facility_is_part_of_its_name(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_stretch_after_a_facility_that_names_no_section_is_not_part_of_it(nlp, found):
    assert found(nlp, "霁宁高速全线通车。") == {(P, "霁宁高速")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("澜川新材料年产3万吨锂电隔膜项目竣工投产。", {(P, "澜川新材料年产3万吨锂电隔膜项目")}),
        ("泓辰8万辆新能源轻卡项目开工。", {(P, "泓辰8万辆新能源轻卡项目")}),
        ("建成霁川120.5兆瓦渔光互补光伏项目。", {(P, "霁川120.5兆瓦渔光互补光伏项目")}),  # a decimal inside
    ],
)
def test_a_capacity_is_part_of_a_project_name(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_count_of_projects_is_no_capacity(nlp, found):
    assert found(nlp, "澜川新材料新上5个锂电隔膜项目。") == set()


@pytest.mark.parametrize(
    "text",
    [
        "引进省外亿元以上项目。",  # a class by size
        "实施10大生态修复工程。",  # a class by count, in figures
        "实施三大生态修复工程。",  # and in characters
    ],
)
def test_a_class_by_size_or_count_is_no_name(nlp, found, text):
    assert found(nlp, text) == set()


# -- firms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("引进全国百强企业泓辰控股集团。", {(E, "泓辰控股集团")}),
        ("新落户行业龙头穗岭新材料公司。", {(E, "穗岭新材料公司")}),
    ],
)
def test_a_description_before_a_firm_is_not_its_name(nlp, found, text, expected):
    assert found(nlp, text) == expected


# -- quotes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("启动“穗禾计划”。", {(G, "穗禾计划")}),  # short
        ("打响“园区大会战”。", {(G, "园区大会战")}),  # generic
        ("落实“七项行动”。", {(G, "七项行动")}),
    ],
)
def test_a_quoted_name_ending_in_its_head_stands_even_short_or_generic(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text", ["启动穗禾计划。", "打响园区大会战。"])
def test_the_same_names_unquoted_are_too_short_or_generic(nlp, found, text):
    assert found(nlp, text) == set()


def test_a_quoted_stretch_inside_a_name_is_stepped_over(nlp, found):
    assert found(nlp, "持续推进“一窗快办”改革。") == {(G, "“一窗快办”改革")}


def test_a_head_right_after_a_quoted_name_joins_it(nlp, found):
    assert found(nlp, "深入实施“雁归行动”计划。") == {(G, "“雁归行动”计划")}


def test_adjacent_quoted_names_stay_apart(nlp, found):
    assert found(nlp, "全县上下落实“三大提升行动”“四项攻坚行动”。") == {(G, "三大提升行动"), (G, "四项攻坚行动")}


def test_after_a_run_of_quotes_the_head_takes_the_quote_next_to_it(nlp, found):
    # the first slogan stands on its own (policy_roles), the second joins the head
    assert found(nlp, "开展“服务提质年”“作风攻坚年”活动。") == {(G, "服务提质年"), (G, "“作风攻坚年”活动")}


def test_a_one_word_topic_before_a_quoted_slogan_is_no_part_of_the_name(nlp, found):
    assert found(nlp, "健全园区“两库一图”机制。") == {(G, "“两库一图”机制")}


def test_an_activity_before_a_quoted_slogan_is_part_of_the_name(nlp, found):
    assert found(nlp, "深入开展园区建设“双提速”活动。") == {(G, "园区建设“双提速”活动")}


# -- campaigns ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("开展“营商环境优化年”活动。", {(G, "“营商环境优化年”活动")}),
        ("组织“消费促进月”活动。", {(G, "“消费促进月”活动")}),
        ("开展“产业招商优质年”活动。", {(G, "“产业招商优质年”活动")}),
        ("深入开展园区招商攻坚年活动。", {(G, "园区招商攻坚年活动")}),
        ("开展招商引资比拼年活动。", {(G, "招商引资比拼年活动")}),
        ("打好秸秆禁烧阻击战。", {(G, "秸秆禁烧阻击战")}),
        ("组织重点项目大比拼。", {(G, "重点项目大比拼")}),  # a campaign head takes generic words
        ("践行“三生融合”理念。", {(G, "“三生融合”理念")}),
    ],
)
def test_campaigns_name_a_programme(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("县委实施人才兴县战略。", {(G, "人才兴县战略")}),
        ("市政府启动澜川全域旅游提升行动。", {(G, "澜川全域旅游提升行动")}),
    ],
)
def test_the_body_that_decided_a_programme_is_peeled(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_year_or_month_outside_a_campaign_is_no_head(nlp, found):
    assert found(nlp, "澜川县2022年新增就业3000人，9月完成全年目标。") == set()


# -- kinds that look like names ------------------------------------------------------------


def test_a_park_named_by_its_sectors_alone_needs_five_characters(nlp, found):
    assert found(nlp, "建设绿色食品加工产业园。") == {(K, "绿色食品加工产业园")}


def test_a_level_and_a_sector_before_a_park_are_a_title(nlp, found):
    assert found(nlp, "申报省市特色农业产业园。") == set()


@pytest.mark.parametrize("text", ["鼓励民间资本参与园区建设。", "设立产业基金。"])
def test_heads_that_also_name_kinds_of_firm_need_a_name(nlp, found, text):
    assert found(nlp, text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("霁川银行新设两家支行。", {(E, "霁川银行")}),
        ("泓辰股份完成定增。", {(E, "泓辰股份")}),
        ("泓辰期货开业。", {(E, "泓辰期货")}),
    ],
)
def test_the_same_heads_after_a_name_are_firms(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_numbered_slogan_before_project_is_no_project(nlp, found):
    assert found(nlp, "推进“五个一批”项目。") == set()


def test_a_numbered_slogan_after_a_name_is_a_programme(nlp, found):
    assert found(nlp, "实施霁川“三百”工程。") == {(G, "霁川“三百”工程")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("建成霁川■■产业园。", set()),  # a mask where the name was: nothing left
        ("建设*澜川物流园。", {(K, "澜川物流园")}),  # a bullet before it
    ],
)
def test_bullets_and_masks_are_boundaries(nlp, found, text, expected):
    assert found(nlp, text) == expected


# -- more of the rules, each with its counterpart ---------------------------------------------


def test_a_programme_before_a_specific_policy_tail_is_one_name(nlp, found):
    # the counterpart of 溪长制工作长效机制: 巡查督办 is no generic tail
    assert found(nlp, "完善溪长制巡查督办制度。") == {(G, "溪长制巡查督办制度")}


def test_a_programmes_project_is_the_programme(nlp, found):
    assert found(nlp, "实施澜川乡村美化行动项目。") == {(G, "澜川乡村美化行动项目")}


def test_a_programme_after_an_award_verb_is_still_a_programme(nlp, found):
    # what is approved (获批) is a policy, not a title: only parks, firms and projects become titles
    assert found(nlp, "获批霁川人才安居政策。") == {(G, "霁川人才安居政策")}


def test_a_title_head_without_a_rank_or_an_award_verb_is_a_park(nlp, found):
    assert found(nlp, "建设霁川电商示范区。") == {(K, "霁川电商示范区")}


def test_a_longer_word_over_a_governing_verb_is_no_verb(nlp, found):
    # 开发性 is an adjective: 开发 does not open the name
    assert found(nlp, "推进霁川开发性金融合作机制。") == {(G, "霁川开发性金融合作机制")}


def test_a_news_verb_is_peeled(nlp, found):
    assert found(nlp, "报告提出实施澜川乡村美化行动。") == {(G, "澜川乡村美化行动")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("建成霁川会展中心。", {(P, "霁川会展中心")}),
        ("建成穗岭航电枢纽。", {(P, "穗岭航电枢纽")}),
        ("建成澜川客运站。", {(P, "澜川客运站")}),
        ("开工建设霁宁轻轨延长线。", {(P, "霁宁轻轨延长线")}),
        ("建成泓辰脱硫装置。", {(P, "泓辰脱硫装置")}),
        ("规划建设霁川中央商务区。", {(K, "霁川中央商务区")}),
        ("打造澜川物流城。", {(K, "澜川物流城")}),
        ("建设霁川科学城。", {(K, "霁川科学城")}),
        ("建设澜川生态城。", {(K, "澜川生态城")}),
        ("建设霁川化工集中区。", {(K, "霁川化工集中区")}),
        ("开展霁川河道专项治理。", {(G, "霁川河道专项治理")}),
        ("打造澜川—穗岭协作示范片。", {(K, "澜川—穗岭协作示范片")}),  # across a dash between places
    ],
)
def test_heads_of_facilities_parks_and_campaigns(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("钦州银行新设两家支行。", {(E, "钦州银行")}),  # a bank named by its city
        ("发展商业银行。", set()),  # a kind of bank
    ],
)
def test_a_bank_named_by_a_place_is_a_firm_and_by_a_word_a_kind(nlp, found, text, expected):
    assert found(nlp, text) == expected


# -- a renaming names the new thing; rounds held are no part of a name -------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("澜川经济开发区获批升格为澜川高新技术产业开发区。", {(K, "澜川经济开发区"), (K, "澜川高新技术产业开发区")}),
        ("霁川工业园获批更名为霁川经济技术开发区。", {(K, "霁川工业园"), (K, "霁川经济技术开发区")}),
        ("将泓辰公司和澜禾公司合并为霁川控股集团。", {(E, "泓辰公司"), (E, "澜禾公司"), (E, "霁川控股集团")}),
        ("获批国家级霁川示范区。", set()),  # an award, not a renaming: a title
    ],
)
def test_a_renaming_after_an_award_gives_the_new_name(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("成功举办三届霁川美食节活动。", {(G, "霁川美食节活动")}),
        ("开展两轮澜川春风行动。", {(G, "澜川春风行动")}),
        ("实施三期霁川改造工程。", {(P, "三期霁川改造工程")}),  # not held: a phase of the works stays
    ],
)
def test_rounds_held_are_no_part_of_a_programme(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("保证澜川振兴计划期间和第二个霁川振兴计划的需要。", {(G, "第二个霁川振兴计划")}),  # an ordinal opens an item
        ("制定霁川开放指导意见和一系列区域发展规划。", set()),  # a quantity opens a class of plans
    ],
)
def test_an_ordinal_or_a_quantity_after_a_connector_opens_another_item(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "认真做好2030年澜川运动会和2032年霁川博览会筹办工作。",
            {(G, "澜川运动会"), (G, "霁川博览会")},
        ),  # a date is no part
        ("圆满举办第十届霁川竹文化节。", {(G, "霁川竹文化节")}),  # nor the edition
        ("举办首届中国（澜川）茶叶博览会。", {(G, "中国（澜川）茶叶博览会")}),
        ("泓辰物流园相继举办澜川国际春季交易博览会。", {(K, "泓辰物流园"), (G, "澜川国际春季交易博览会")}),
        ("组织参加全国运动会。", set()),  # a kind of event, not one
    ],
)
def test_staged_events_are_programmes_named_by_place_or_edition(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_an_adverb_before_a_works_head_makes_a_predicate(nlp, found):
    assert found(nlp, "共建澜川贸易投资合作不断扩容升级。") == set()
    assert found(nlp, "推进霁川大道改造。") == {(P, "霁川大道改造")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the award verb closes the clause before the 、: the next item is no title
        (
            "澜川滨河治理工程尽快获批、霁川东引水二期工程和青河南部城区供水工程开工。",
            {(P, "澜川滨河治理工程"), (P, "霁川东引水二期工程"), (P, "青河南部城区供水工程")},
        ),
        ("霁川示范区获批、澜川产业园获评国家级示范基地。", {(K, "霁川示范区"), (K, "澜川产业园")}),
    ],
)
def test_an_award_verb_before_a_comma_awards_nothing_after_it(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("围绕澜川产业链谋项目、引项目、建项目。", set()),  # 项目 as the object of a one-character verb
        ("坚持抓项目，促发展。", set()),  # the verb opens its clause
        ("霁川污水处理厂扩建项目开工。", {(P, "霁川污水处理厂扩建项目")}),  # 扩建 is a word: a kind of project
        ("澜川县人民医院迁建项目开工建设。", {(P, "澜川县人民医院迁建项目")}),  # after a name: the kind of works
        ("霁川中学续建项目完工。", {(P, "霁川中学续建项目")}),
    ],
)
def test_a_one_character_verb_before_xiangmu_governs_it(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("争创澜北穗岭省级旅游度假区。", {(K, "澜北穗岭省级旅游度假区")}),  # the place's own name, then its rank
        ("获批设立澜川省级高新技术产业开发区。", {(K, "澜川省级高新技术产业开发区")}),
        ("获评国家级旅游度假区。", set()),  # a rank and a park head only: a title
        ("霁川经开区获评全省优秀省级开发区。", {(K, "霁川经开区")}),  # what is won stays a title
        ("荣获全省十佳省级经济开发区称号。", set()),
    ],
)
def test_a_park_with_its_own_name_before_its_rank_is_a_place_after_an_award_verb(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_raised_to_a_strategy_is_a_predicate_not_part_of_a_name(nlp, found):
    # "…上升为国家战略": what happened to the programme, not part of its name (policy_roles
    # names the programme raised)
    assert found(nlp, "推动澜川区域协同发展上升为国家战略。") == {(G, "澜川区域协同发展")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the reform the counted firms went through, not the count of a class of things
        ("完成145家规上工业企业澜川效益评价改革。", {(G, "澜川效益评价改革")}),
        ("7处乡村记忆博物馆开放。", set()),
    ],
)
def test_a_programme_after_a_counted_class_starts_after_the_class(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("有序启动“十二五”规划重大项目建设。", set()),  # the plan's major projects: a class
        ("推进十四五重点项目。", set()),
        ("实施十三五澜川易地搬迁项目。", {("PROJECT", "十三五澜川易地搬迁项目")}),  # named by what it does
    ],
)
def test_a_plans_projects_are_a_class_not_a_project(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("实施“千企升级”三年行动计划。", "“千企升级”三年行动计划"),  # 升级 inside the quotes governs nothing
        ("深化“高效办成一件事”推进机制。", "“高效办成一件事”推进机制"),
    ],
)
def test_a_verb_inside_a_quoted_slogan_does_not_cut_the_name(nlp, found, text, name):
    assert name in {n for _, n in found(nlp, text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("澄溪软件园入驻企业50家。", {"澄溪软件园"}),
        ("加快霁川机械产业园、滨江化工园和虹桥纺织服装园建设。", {"霁川机械产业园", "滨江化工园", "虹桥纺织服装园"}),
        ("濠江新城总部经济区开工建设。", {"濠江新城总部经济区"}),
        ("城北食品工业小区基础设施完善。", {"城北食品工业小区"}),
        ("设立霁川高新区澜溪分园。", {"霁川高新区澜溪分园"}),  # a park's branch
    ],
)
def test_parks_named_by_their_trade(nlp, found, text, expected):
    assert {n for t, n in found(nlp, text) if t == "PARK"} == expected


def test_a_park_after_a_place_joined_by_and_is_a_name_of_its_own(nlp, found):
    # 东岙鞋业小区 ends like a whole item: the name ending in 商务区 starts after 和
    assert {n for t, n in found(nlp, "东岙鞋业小区和瓯北商务区建设加快。") if t == "PARK"} == {"瓯北商务区"}


def test_a_quoted_title_opened_by_a_batch_is_a_title_though_the_verb_is_far(nlp, found):
    assert {n for _, n in found(nlp, "澜川电动车轻工园获认定为“第四批霁川轻工园”。")} == {"澜川电动车轻工园"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("加强与国家开发银行霁川省分行合作。", {"国家开发银行霁川省分行"}),  # a branch, with its bank
        ("中国农业发展银行澜川县支行投放贷款3亿元。", {"中国农业发展银行澜川县支行"}),
        ("澜川县农村信用合作联社存款增长12%。", {"澜川县农村信用合作联社"}),
        ("日本丸和精工株式会社来澜川考察。", {"日本丸和精工株式会社"}),
        ("恒达股份在深圳证券交易所上市。", {"恒达股份"}),  # an exchange is no firm
        ("遏制部分行业盲目扩张。", set()),  # 分行 inside 部分行业
    ],
)
def test_banks_branches_co_operatives_and_foreign_legal_forms(nlp, found, text, expected):
    assert {n for t, n in found(nlp, text) if t == "ENTERPRISE"} == expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("沈海高速复线霁溪段建成通车。", "沈海高速复线霁溪段"),  # a second line and its section
        ("加快赣袁高速连接线建设。", "赣袁高速连接线"),
        ("杭瑞高速澜江段建成通车。", "杭瑞高速澜江段"),
        ("甬台温铁路霁瓯站开工建设。", "甬台温铁路霁瓯站"),  # a station of the line
        ("津石高速主线段完工。", "津石高速主线段"),
    ],
)
def test_a_route_keeps_its_line_section_or_station(nlp, found, text, name):
    assert {n for _, n in found(nlp, text)} == {name}


def test_a_route_s_toll_stations_or_stretch_of_road_are_no_part_of_its_name(nlp, found):
    assert {n for _, n in found(nlp, "京台高速改扩建路段施工有序。")} <= {"京台高速改扩建"}
    assert "省界高速公路收费站" not in {n for _, n in found(nlp, "取消澜川省界高速公路收费站。")}


@pytest.mark.parametrize(
    "text, name",
    [
        ("推进霁川国有企业改革。", "霁川国有企业改革"),
        ("推进国有企业改革。", "国有企业改革"),  # the domain reformed names the reform, everyday words or not
        ("推进城乡一体化综合配套改革。", "城乡一体化综合配套改革"),
        ("推进社会组织登记管理体制改革。", "社会组织登记管理体制改革"),  # 组织 of 社会组织 is no verb
        ("推进农村集体经济组织股份合作制改革。", "农村集体经济组织股份合作制改革"),
    ],
)
def test_a_reform_named_by_what_it_reforms(nlp, found, text, name):
    assert {n for _, n in found(nlp, text)} == {name}


@pytest.mark.parametrize(
    "text",
    [
        "深化重点领域改革。",  # which reforms, not what is reformed
        "推进各项改革。",
        "深化管理体制改革。",  # how, not of what
        "推进综合配套改革。",
        "推动经济发展和改革。",  # two things
        "推进服务业综合改革。",  # a sector's reforms at large
    ],
)
def test_a_reform_named_by_no_domain_is_no_name(nlp, found, text):
    assert found(nlp, text) == set()


def test_organise_as_a_verb_still_opens_the_name(nlp, found):
    assert {n for _, n in found(nlp, "各地组织开展全民健身活动。")} == {"全民健身活动"}


def test_a_station_s_name_stops_at_the_station(nlp, found):
    assert "温澜铁路霁溪站" in {n for _, n in found(nlp, "温澜铁路霁溪站站前广场建成。")}


@pytest.mark.parametrize("text, name", [("推进“三旧”改造。", "“三旧”改造"), ("开展“两违”治理。", "“两违”治理")])
def test_a_numbered_slogan_reworked_is_a_programme(nlp, found, text, name):
    assert found(nlp, text) == {("PROGRAM", name)}


def test_a_quoted_kind_of_place_reworked_is_no_programme(nlp, found):
    assert found(nlp, "推进“城中村”改造。") == set()


@pytest.mark.parametrize(
    "text, name",
    [
        ("争取霁南化工园区扩区和澜阳经济开发区升级。", "澜阳经济开发区"),  # an expansion ends an item
        ("建设万亩良种繁育基地和霁岗高原生态旅游区。", "霁岗高原生态旅游区"),  # so does a base
    ],
)
def test_a_coordination_splits_after_an_item_that_ends_like_a_whole_one(nlp, found, text, name):
    assert name in {n for _, n in found(nlp, text)}
    assert not any("和" in n for _, n in found(nlp, text))


def test_a_restructuring_verb_is_no_part_of_the_new_firm_s_name(nlp, found):
    assert ("ENTERPRISE", "霁阳农村商业银行") in found(nlp, "澜东农村信用社改制为霁阳农村商业银行。")
