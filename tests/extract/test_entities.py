"""Each entity rule on small hand-written sentences.

The names are invented: the rules must work on any county's report, so the
tests must not lean on the sample reports' own names.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.entities import EntityExtractor, build_nlp
from extract.entities.candidate import CHOSEN
from extract.load import load_text
from extract.meta import read_metadata
from extract.segment import segment


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def found(nlp, text: str) -> set[tuple[str, str]]:
    """(type, surface) of every name the first pass keeps."""
    with nlp.select_pipes(enable=["policy_heads", "policy_lists", "policy_roles", "policy_select"]):
        doc = nlp(text)
    return {(c.type, text[c.start:c.end]) for c in doc._.get(CHOSEN)}


def names(nlp, text: str) -> set[str]:
    return {name for _, name in found(nlp, text)}


# -- head nouns and the left edge ------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("加快推进青岚高新材料产业园建设。", ("PARK", "青岚高新材料产业园")),
    ("深入开展城乡风貌大整治精细管理大提升行动。", ("PROGRAM", "城乡风貌大整治精细管理大提升行动")),
    ("鸿泰精工公司获批省级技术中心。", ("ENTERPRISE", "鸿泰精工公司")),
    ("实施书香岚山打造工程。", ("PROGRAM", "书香岚山打造工程")),
    ("完成青河大道西延工程。", ("PROJECT", "青河大道西延工程")),
    ("启动东岭一中改扩建。", ("PROJECT", "东岭一中改扩建")),
    ("持续完善溪长制。", ("PROGRAM", "溪长制")),
])
def test_head_noun_names_with_governing_words_peeled(nlp, text, expected):
    assert expected in found(nlp, text)


@pytest.mark.parametrize("text", ["去年建成许多重点项目。", "认真落实上述方针政策。", "加快推进这些民生工程。"])
def test_a_determiner_before_a_class_of_things_is_no_name(nlp, text):
    assert names(nlp, text) == set()


def test_adverb_is_peeled_only_before_a_verb(nlp):
    # "大力" opens the predicate in the first sentence and the firm's name in the second
    assert "青岚矿机公司" in names(nlp, "大力扶持青岚矿机公司。")
    assert "大力矿机公司" in names(nlp, "大力矿机公司入围省领军企业库。")


def test_generic_heads_are_not_names(nlp):
    assert names(nlp, "推进重点项目建设，加快产业园区建设，深化体制改革，落实扶持政策。") == set()


def test_count_before_a_head_is_a_boundary(nlp):
    assert names(nlp, "新建3个产业园区和12个重大项目。") == set()


def test_plan_heads_need_a_specific_modifier(nlp):
    assert names(nlp, "落实土地政策。") == set()
    assert ("PROGRAM", "就业优先政策") in found(nlp, "强化就业优先政策。")


def test_a_head_continuing_into_another_noun_is_not_a_name(nlp):
    # 试点区县, 创建率: the head is the front of another word
    assert not any(n.endswith("试点") for n in names(nlp, "我区被列为全省城乡治理试点区县。"))


def test_titles_after_award_verbs_are_not_things(nlp):
    assert names(nlp, "青岚电子公司被认定为国家中小企业公共服务示范平台。") == {"青岚电子公司"}


def test_a_park_project_is_the_park(nlp):
    assert ("PARK", "岚山家居产业园") in found(nlp, "岚山家居产业园项目入选省重点项目。")


def test_a_park_before_a_new_name_is_split(nlp):
    got = found(nlp, "加快推进岚山新材料产业园区氢燃料电池产业基地建设。")
    assert ("PARK", "岚山新材料产业园区") in got
    assert ("PROJECT", "氢燃料电池产业基地") in got


def test_joined_heads_make_one_name(nlp):
    assert ("PROJECT", "岚山家居产业园工业互联网平台") in found(nlp, "推进岚山家居产业园工业互联网平台建成运营。")


def test_works_head_needs_a_named_facility(nlp):
    assert ("PROJECT", "青河大道改造") in found(nlp, "加快青河大道改造。")
    assert names(nlp, "加快农村旱厕改造。") == set()


def test_engineering_is_a_project_on_a_facility_and_a_programme_otherwise(nlp):
    got = found(nlp, "实施岚溪干流治理工程和“百村建百园”工程。")
    assert ("PROJECT", "岚溪干流治理工程") in got
    assert ("PROGRAM", "“百村建百园”工程") in got


def test_quoted_stretch_inside_a_name(nlp):
    assert ("PROGRAM", "“一次办好”改革") in found(nlp, "深化“一次办好”改革。")


def test_adjacent_quoted_names_stay_apart(nlp):
    got = names(nlp, "部署了“八大改革攻坚行动”“五大赋能行动”和十五项重点改革攻坚任务。")
    assert {"八大改革攻坚行动", "五大赋能行动"} <= {n.strip("“”") for n in got}
    assert not any("五大赋能行动" in n and "八大" in n for n in got)


def test_two_names_joined_by_and(nlp):
    got = names(nlp, "持续推进岚山区能源中心和东岭镇能源中心项目建设。")
    assert {"岚山区能源中心", "东岭镇能源中心项目"} <= got


def test_and_inside_a_name_stays(nlp):
    assert "返贫监测预警和即时帮扶机制" in names(nlp, "建立健全返贫监测预警和即时帮扶机制。")


def test_numeral_summing_up_a_list_starts_the_name(nlp):
    assert "八改工程" in names(nlp, "围绕道路、供水、供暖、供电、学校、住房、通信、饮水八改工程全面提速。")


def test_governing_verb_before_a_long_object_opens_the_name(nlp):
    assert "绩效工资制度" in names(nlp, "义务教育阶段教师实行绩效工资制度。")


def test_campaign_year_and_month_heads(nlp):
    got = names(nlp, "开展“招商引资攻坚年”活动，组织“就业服务月”活动。")
    assert "“招商引资攻坚年”活动" in got


def test_programme_cited_with_its_article_count(nlp):
    assert "人才新政20" in names(nlp, "全面落实人才新政20，优化服务。")


# -- lists -----------------------------------------------------------------------

def test_list_typed_by_class_noun(nlp):
    got = found(nlp, "岚山精密轴承、鸿泰压光机等6个项目入选省优选项目。")
    assert {("PROJECT", "岚山精密轴承"), ("PROJECT", "鸿泰压光机")} <= got


def test_list_typed_by_count_and_class(nlp):
    got = found(nlp, "推进青光、岚能两家热电企业煤电机组整合。")
    assert {("ENTERPRISE", "青光"), ("ENTERPRISE", "岚能")} <= got


def test_single_item_with_class(nlp):
    assert ("ENTERPRISE", "岚梦众创") in found(nlp, "岚梦众创等14家企业在区域股权交易中心挂牌。")


def test_shared_head_written_once(nlp):
    got = found(nlp, "鸿安新材料、东洋阻燃公司获批省级工程实验室。")
    assert {("ENTERPRISE", "鸿安新材料"), ("ENTERPRISE", "东洋阻燃公司")} <= got


def test_list_of_firm_short_names(nlp):
    got = found(nlp, "促进岚光精机、东华医疗、三川玻璃机械、鸿泰造纸机械等加快发展。")
    assert {n for t, n in got if t == "ENTERPRISE"} >= {"岚光精机", "东华医疗", "三川玻璃机械", "鸿泰造纸机械"}


def test_list_of_sectors_is_not_a_list_of_firms(nlp):
    got = found(nlp, "发展高端装备、新材料、纺织丝绸、沙发家具等产业。")
    assert not any(t == "ENTERPRISE" for t, _ in got)


def test_towns_in_a_list_are_not_parks(nlp):
    got = names(nlp, "在东岭镇、西山镇、岚山经济开发区和大学城园区设立服务分支机构。")
    assert "岚山经济开发区" in got
    assert not {"东岭镇", "西山镇"} & got


def test_titles_listed_after_award_verbs_are_dropped(nlp):
    got = names(nlp, "我区被列为省级城乡融合发展试验区、省级双创示范基地。")
    assert got == set()


# -- roles -----------------------------------------------------------------------

def test_partner_in_cooperation_is_a_firm(nlp):
    assert ("ENTERPRISE", "齐岳交通") in found(nlp, "加快推进轴承产业园与齐岳交通合作。")


def test_everyday_words_are_not_partners(nlp):
    assert names(nlp, "积极开展国际合作。") == set()


def test_the_yu_of_canyu_is_not_with(nlp):
    assert names(nlp, "积极参与应对气候变化国际合作。") == set()
    assert ("ENTERPRISE", "齐岳交通") in found(nlp, "园区参与招商，与齐岳交通、青岚电气深化合作。")


def test_a_list_of_countries_is_not_a_list_of_partner_firms(nlp):
    assert names(nlp, "我国同孟加拉国、缅甸、尼泊尔、巴基斯坦加强合作。") == set()


def test_every_firm_of_a_list_before_the_title_is_honoured(nlp):
    got = found(nlp, "恒岚机械、金鼎化工、青岚纺织入选省级专精特新中小企业。")
    assert {("ENTERPRISE", "恒岚机械"), ("ENTERPRISE", "金鼎化工"), ("ENTERPRISE", "青岚纺织")} <= got


def test_honoured_subject_of_an_enterprise_title_is_a_firm(nlp):
    assert ("ENTERPRISE", "岚山烧饼") in found(nlp, "岚山烧饼被评为省级农产品加工业示范企业。")


def test_staged_event_in_quotes_is_a_programme(nlp):
    assert ("PROGRAM", "院士专家岚山行") in found(nlp, "成功举办第二届“院士专家岚山行”暨产学研合作对接会。")


# -- across documents -------------------------------------------------------------

def _document(text: str, name: str):
    doc = load_text(text, path=name)
    read_metadata(doc)
    segment(doc)
    return doc


def test_short_form_is_found_in_a_later_report():
    first = _document("关于岚山区2019年度国民经济和社会发展计划执行情况与2020年计划草案的报告\n"
                      "一、2019年计划执行情况\n鸿铭高温公司在新三板挂牌。\n", "a.txt")
    second = _document("关于岚山区2020年度国民经济和社会发展计划执行情况与2021年计划草案的报告\n"
                       "一、2020年计划执行情况\n鸿铭高温完成转板。\n", "b.txt")
    ex = EntityExtractor()
    ex.first_pass(first)
    ex.first_pass(second)
    later = ex.entities(second)
    assert [(e.type, e.name) for e in later] == [("ENTERPRISE", "鸿铭高温")]
    assert later[0].mentions[0].rule == "gazetteer"


def test_everyday_short_forms_are_not_spread():
    first = _document("2019年岚山区政府工作报告\n一、2018年工作回顾\n组建商业公司。\n", "a.txt")
    second = _document("2020年岚山区政府工作报告\n一、2019年工作回顾\n发展商业。\n", "b.txt")
    ex = EntityExtractor()
    ex.first_pass(first)
    ex.first_pass(second)
    assert ex.entities(second) == []


def test_mentions_carry_year_mode_sentence_and_section():
    doc = _document("关于岚山区2019年度国民经济和社会发展计划执行情况与2020年计划草案的报告\n"
                    "一、2019年计划执行情况\n（一）产业发展。岚山家居产业园建成投用。\n"
                    "二、2020年工作重点\n加快岚山家居产业园二期建设。\n", "c.txt")
    ex = EntityExtractor()
    ex.first_pass(doc)
    ents = {e.name: e for e in ex.entities(doc)}
    park = ents["岚山家居产业园"]
    m = park.mentions[0]
    assert (m.year, m.mode) == (2019, "reviewed")
    assert m.sentence == "岚山家居产业园建成投用。"
    assert doc.text[m.start:m.end] == m.text
    assert m.section_title == "产业发展"


def test_traditional_names_stay_as_written():
    doc = _document("關於嵐山區2019年度國民經濟和社會發展計劃執行情況與2020年計劃草案的報告\n"
                    "一、2019年計劃執行情況\n加快推進嵐山家居產業園建設。\n", "t.txt")
    assert doc.script == "traditional"
    ex = EntityExtractor()
    ex.first_pass(doc)
    ents = ex.entities(doc)
    assert [(e.type, e.name) for e in ents] == [("PARK", "嵐山家居產業園")]
    m = ents[0].mentions[0]
    assert doc.text[m.start:m.end] == "嵐山家居產業園"


@pytest.mark.slow
def test_traditional_reports_give_the_same_entities_written_traditionally(tmp_path, sample_paths, sample_result):
    """The samples converted to traditional characters: same entities, same ids' structure, names as written."""
    import opencc

    from extract.corpus import extract_corpus
    from extract.load import fold

    to_trad = opencc.OpenCC("s2t")
    for p in sample_paths:
        name = p.rsplit("/", 1)[-1]
        (tmp_path / name).write_text(to_trad.convert(Path(p).read_text(encoding="utf-8")), encoding="utf-8")
    trad = extract_corpus(sorted(str(p) for p in tmp_path.glob("*.txt")))
    for simp_doc, trad_doc in zip(sample_result.documents, trad.documents):
        assert trad_doc.document.script == "traditional"
        simp = sorted((e.type, e.name) for e in simp_doc.entities)
        folded = sorted((e.type, fold(e.name)) for e in trad_doc.entities)
        assert folded == simp
        assert any(e.name != fold(e.name) for e in trad_doc.entities)  # written as the report writes them


def test_a_title_awarded_in_quotes_is_not_a_thing(nlp):
    assert names(nlp, "2所学校被教育部授予“全国青少年校园足球特色学校”。") == set()


def test_a_count_before_a_head_names_a_class_of_things(nlp):
    assert names(nlp, "东庄、西庄等7处乡村记忆博物馆建成开放。") == set()


@pytest.mark.parametrize("text, expected", [
    ("加快建设区市民服务中心项目。", "区市民服务中心项目"),
    ("实施县市政设施改造工程。", "县市政设施改造工程"),
])
def test_a_level_before_a_word_that_starts_with_a_level_character_stays(nlp, text, expected):
    assert expected in names(nlp, text)


def test_a_rank_before_a_rank_is_dropped(nlp):
    assert "国家重点人才工程" in names(nlp, "新增市国家重点人才工程专家工作站2家。")


@pytest.mark.parametrize("text, expected", [
    ("坚定不移地推进青岚集团股份制改革。", "青岚集团股份制改革"),       # an idiom turned adverb by 地
    ("依靠岚山智能制造产业园。", "岚山智能制造产业园"),              # a frequent verb jieba knows
    ("安排好岚山乡村振兴五年行动。", "岚山乡村振兴五年行动"),          # a verb and its 好
])
def test_governing_words_outside_the_lists_are_peeled(nlp, text, expected):
    assert expected in names(nlp, text)


@pytest.mark.parametrize("text, expected, wrong", [
    ("要积极稳妥地推进青岚镇集体产权制度改革。", "青岚镇集体产权制度改革", "稳妥地推进青岚镇集体产权制度改革"),
    ("必须坚定不移地全面深化岚山国企改革。", "岚山国企改革", "坚定不移地全面深化岚山国企改革"),
])
def test_an_adverb_with_di_inside_the_stretch_opens_the_name_after_its_verb(nlp, text, expected, wrong):
    got = names(nlp, text)
    assert expected in got and wrong not in got


def test_di_that_starts_a_noun_is_not_the_adverb_particle(nlp):
    assert "欠发达地区分层分类帮扶制度" in names(nlp, "完善欠发达地区分层分类帮扶制度。")


def test_an_adverb_before_a_verb_only_the_dictionary_knows_is_peeled_with_it(nlp):
    assert "青岚县级医院综合改革" in names(nlp, "全面推开青岚县级医院综合改革。")
    assert "全面推开青岚县级医院综合改革" not in names(nlp, "全面推开青岚县级医院综合改革。")


@pytest.mark.parametrize("text", ["促进国民经济有计划按比例地发展。", "青岚技改项目按计划推进。"])
def test_planned_as_a_manner_is_no_plan(nlp, text):
    assert not any(n.endswith("计划") for n in names(nlp, text))


def test_a_capacity_is_part_of_a_project_name_where_a_count_is_not(nlp):
    assert ("PROJECT", "宏岚新材料年产5万吨碳纤维项目") in found(nlp, "宏岚新材料年产5万吨碳纤维项目建成投产。")
    assert "宏岚新材料年产5万吨碳纤维项目" not in names(nlp, "宏岚新材料新上5万吨碳纤维项目。")


def test_what_is_built_jointly_with_a_partner_starts_after_the_verb(nlp):
    got = names(nlp, "与青岚大学共建岚山创新研究院。")
    assert "岚山创新研究院" in got and "青岚大学共建岚山创新研究院" not in got
    assert "军民共建精神文明活动" in names(nlp, "广泛开展军民共建精神文明活动。")  # no partner: part of the name


def test_a_verb_compound_opening_a_name_stays(nlp):
    assert "收入分配制度改革" in names(nlp, "深化收入分配制度改革。")
