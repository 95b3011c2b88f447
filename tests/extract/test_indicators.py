"""Indicator facts from hand-written report sentences: names, measures, years, kinds."""

from __future__ import annotations

import pytest

from extract.indicators import find_indicators
from extract.load import load_text
from extract.meta import read_metadata
from extract.records import Document, Indicator
from extract.segment import segment

HEAD = "关于某县2022年度国民经济和社会发展计划执行情况与2023年计划草案的报告\n\n"


def report(review: str = "", plan: str = "", head: str = HEAD) -> Document:
    """A two-part county report: 一、 reviews 2022, 二、 plans 2023."""
    text = (
        head + "一、2022年国民经济和社会发展计划执行情况\n\n" + review + "\n\n"
        "二、2023年国民经济和社会发展主要预期目标\n\n" + plan + "\n"
    )
    doc = load_text(text, path="county-2022-report-2023-plan.txt")
    read_metadata(doc)
    segment(doc)
    return doc


def facts(review: str = "", plan: str = "") -> list[Indicator]:
    doc = report(review, plan)
    found = find_indicators(doc)
    for i in found:
        assert doc.text[i.start : i.end] == i.evidence
    return found


def brief(i: Indicator) -> tuple:
    return (i.indicator, i.measure, i.year, i.kind, i.value, i.value_high, i.unit, i.qualifier)


# ---- measures, signs, qualifiers --------------------------------------------------------------


def test_growth_in_the_review_is_an_actual_of_the_reviewed_year():
    (i,) = facts("地区生产总值同比增长2.3%。")
    assert brief(i) == ("地区生产总值", "growth", 2022, "actual", 2.3, None, "%", None)
    assert (i.concept, i.section, i.mode) == ("gdp", "1", "reviewed")


def test_a_fall_is_negative():
    (i,) = facts("一般公共预算收入同比下降7.1%。")
    assert (i.value, i.measure, i.concept) == (-7.1, "growth", "public-budget-revenue")


def test_a_fall_range_keeps_the_written_order():
    (i,) = facts(plan="单位地区生产总值能耗降低3%-4%。")
    assert (i.value, i.value_high, i.concept) == (-3.0, -4.0, "energy-intensity")


def test_target_with_qualifier_in_the_plan_section():
    (i,) = facts(plan="地区生产总值增长6.5%左右。")
    assert brief(i) == ("地区生产总值", "growth", 2023, "target", 6.5, None, "%", "左右")
    assert i.mode == "planned"


def test_range_target():
    (i,) = facts(plan="国内生产总值增长6%－6.5%。")
    assert (i.value, i.value_high, i.qualifier, i.concept) == (6.0, 6.5, None, "gdp")


@pytest.mark.parametrize(
    "sentence, qualifier",
    [
        ("粮食总产量不低于5.56万吨。", "不低于"),
        ("煤炭消费总量不超过75万吨。", "不超过"),
        ("村集体经营性收入稳定超过3万元。", "以上"),
        ("城镇新增就业约4500人。", "约"),
        ("城镇登记失业率控制在4%以内。", "以内"),
        ("固定资产投资增长15%以上。", "以上"),
    ],
)
def test_qualifiers_before_and_after(sentence, qualifier):
    (i,) = facts(plan=sentence)
    assert i.qualifier == qualifier


def test_rate_after_a_linking_verb():
    (i,) = facts(plan="城镇登记失业率控制在4.5%以内。")
    assert brief(i) == ("城镇登记失业率", "rate", 2023, "target", 4.5, None, "%", "以内")


def test_percentage_points_are_a_change():
    (i,) = facts("服务业增加值占比同比提高1.2个百分点。")
    assert (i.measure, i.value, i.unit) == ("growth", 1.2, "个百分点")


def test_per_mille():
    (i,) = facts("人口自然增长率控制在3.3‰以内。")
    assert (i.measure, i.value, i.unit, i.qualifier, i.concept) == ("rate", 3.3, "‰", "以内", "population-growth")


def test_money_levels_keep_their_unit():
    a, b = facts("银行业金融机构存款余额380.5亿元，发放创业担保贷款8092万元。")
    assert (a.unit, a.value, a.measure) == ("亿元", 380.5, "level")
    assert (b.unit, b.value, b.indicator) == ("万元", 8092.0, "发放创业担保贷款")


def test_growth_named_by_its_rate_word():
    (i,) = facts(plan="居民消费价格涨幅3%左右。")
    assert (i.measure, i.value, i.concept) == ("growth", 3.0, "cpi")


def test_economic_growth_is_gdp_growth():
    (i,) = facts(plan="今年经济增长预期目标为7%左右。")
    assert (i.indicator, i.measure, i.value, i.concept) == ("经济增长", "growth", 7.0, "gdp")


# ---- lists ----------------------------------------------------------------------------------


def test_coordinated_figures_are_split_and_the_shared_head_given_back():
    found = facts("城镇和农村居民人均可支配收入分别达到40495元、19327元，同比增长7.1%、8.7%。")
    assert [(i.indicator, i.measure, i.value) for i in found] == [
        ("城镇居民人均可支配收入", "level", 40495.0),
        ("农村居民人均可支配收入", "level", 19327.0),
        ("城镇居民人均可支配收入", "growth", 7.1),
        ("农村居民人均可支配收入", "growth", 8.7),
    ]
    assert [i.concept for i in found] == ["urban-disposable-income", "rural-disposable-income"] * 2


def test_a_qualifier_after_the_last_value_holds_for_the_whole_list():
    found = facts("城镇登记失业率、人口自然增长率分别控制在2.56%、3.3‰以内。")
    assert [(i.indicator, i.value, i.unit, i.qualifier) for i in found] == [
        ("城镇登记失业率", 2.56, "%", "以内"),
        ("人口自然增长率", 3.3, "‰", "以内"),
    ]


def test_each_value_keeps_its_own_qualifier():
    found = facts(plan="城镇和农村居民人均可支配收入分别增长7%左右、7%以上。")
    assert [i.qualifier for i in found] == ["左右", "以上"]


def test_ordinal_lists_share_their_head():
    found = facts("第一、二、三产业增加值分别增长3.1%、5.2%、7.3%。")
    assert [(i.indicator, i.value) for i in found] == [
        ("第一产业增加值", 3.1),
        ("第二产业增加值", 5.2),
        ("第三产业增加值", 7.3),
    ]
    assert found[2].concept == "services-value-added"


def test_urban_and_rural_said_as_one_word_are_split():
    found = facts("城乡居民人均可支配收入分别增长8.1%和9.2%。")
    assert [(i.indicator, i.value, i.concept) for i in found] == [
        ("城镇居民人均可支配收入", 8.1, "urban-disposable-income"),
        ("农村居民人均可支配收入", 9.2, "rural-disposable-income"),
    ]


def test_figures_said_separately_then_grown_respectively_take_the_names_in_order():
    found = facts("城镇居民人均可支配收入35000元，农村居民人均可支配收入18000元，分别增长7.1%和8.3%。")
    assert [(i.indicator, i.measure, i.value) for i in found] == [
        ("城镇居民人均可支配收入", "level", 35000.0),
        ("农村居民人均可支配收入", "level", 18000.0),
        ("城镇居民人均可支配收入", "growth", 7.1),
        ("农村居民人均可支配收入", "growth", 8.3),
    ]


def test_respectively_without_as_many_names_before_names_nothing():
    found = facts("农村居民人均可支配收入18000元，分别增长7.1%和8.3%。")
    assert [(i.indicator, i.measure) for i in found] == [("农村居民人均可支配收入", "level")]


def test_two_names_that_each_grew_by_one_figure_are_two_facts():
    found = facts("城镇居民人均可支配收入和农村居民人均可支配收入均增长8%。")
    assert [(i.indicator, i.value) for i in found] == [
        ("城镇居民人均可支配收入", 8.0),
        ("农村居民人均可支配收入", 8.0),
    ]


@pytest.mark.parametrize(
    "text, name, value",
    [
        ("行政审批事项由186项精简到97项。", "行政审批事项", 97.0),  # a count reshaped: the count it became
        ("政府工作部门由32个整合为18个。", "政府工作部门", 18.0),
    ],
)
def test_a_count_reshaped_from_one_figure_to_another_is_the_second(text, name, value):
    assert [(i.indicator, i.value) for i in facts(text)] == [(name, value)]


def test_a_news_page_counting_the_meeting_s_delegates_states_no_indicator():
    found = facts(plan="大会应到代表246名，实到代表238名。城镇新增就业4500人。")
    assert [i.indicator for i in found] == ["城镇新增就业"]


def test_a_share_said_after_a_figure_is_the_share_of_that_figure_s_subject():
    found = facts("用于民生的支出19.8亿元，占财政总支出的68%。")
    assert [(i.indicator, i.value) for i in found] == [("用于民生的支出", 19.8), ("用于民生的支出占财政总支出", 68.0)]


def test_a_note_in_brackets_does_not_hide_the_concept():
    (i,) = facts("地区生产总值（GDP）增长-2.3%。")
    assert (i.indicator, i.value, i.concept) == ("地区生产总值（GDP）", -2.3, "gdp")


def test_counts_bind_the_noun_after_them():
    found = facts("新建成5家社区老年人日间照料中心、7家农村幸福院。")
    assert [(i.indicator, i.value, i.unit) for i in found] == [
        ("社区老年人日间照料中心", 5.0, "家"),
        ("农村幸福院", 7.0, "家"),
    ]


def test_counts_joined_by_he():
    found = facts(plan="完成城区4个片区、19个老旧小区和3条背街小巷改造提升工程。")
    assert [(i.indicator, i.value) for i in found] == [("片区", 4.0), ("老旧小区", 19.0), ("背街小巷改造提升工程", 3.0)]


def test_one_figure_for_two_names():
    found = facts(plan="年内确保实现开工率和投资完成率两个100%。")
    assert [(i.indicator, i.value, i.measure) for i in found] == [
        ("开工率", 100.0, "rate"),
        ("投资完成率", 100.0, "rate"),
    ]


def test_a_name_said_once_holds_for_the_next_clause():
    a, b = facts("银行业金融机构存款余额380.5亿元，较年初增长9.1%。")
    assert (b.indicator, b.measure, b.value) == ("银行业金融机构存款余额", "growth", 9.1)
    assert b.evidence == "银行业金融机构存款余额380.5亿元，较年初增长9.1%"


def test_a_name_said_without_a_figure_opens_the_next_clause():
    a, b = facts("全市地区生产总值突破千亿元，达到1025.6亿元，按可比价格计算，增长5.8%。")
    assert [(i.indicator, i.measure, i.value, i.concept) for i in (a, b)] == [
        ("地区生产总值", "level", 1025.6, "gdp"),
        ("地区生产总值", "growth", 5.8, "gdp"),
    ]


def test_another_subject_in_between_stops_the_carry():
    found = facts("粮食产量达到四亿零七百多万吨，比上年增长5.1%；棉花达到六百零八万吨，增长31.1%。")
    assert [(i.indicator, i.value) for i in found] == [("粮食产量", 5.1)]


def test_sector_shares_written_as_a_ratio():
    found = facts("三次产业比例调整为4.1:43.1:52.8。")
    assert [(i.indicator, i.value, i.unit, i.concept) for i in found] == [
        ("第一产业比重", 4.1, "%", "primary-industry-share"),
        ("第二产业比重", 43.1, "%", "secondary-industry-share"),
        ("第三产业比重", 52.8, "%", "tertiary-industry-share"),
    ]


def test_the_shares_a_change_started_from_are_left_out():
    found = facts("三次产业结构由上年的12.1:40.2:47.7调整为11.5:40.8:47.7。")
    assert [i.value for i in found] == [11.5, 40.8, 47.7]


def test_area_and_framing_words_before_a_name_in_any_order():
    a, b = facts("全县实现地区生产总值386.5亿元，按可比价格计算，同比增长6.8%，高于全市平均水平0.5个百分点。")
    assert [(i.indicator, i.measure, i.value, i.concept) for i in (a, b)] == [
        ("地区生产总值", "level", 386.5, "gdp"),
        ("地区生产总值", "growth", 6.8, "gdp"),
    ]


# ---- damaged numbers ------------------------------------------------------------------------


def test_glued_values_are_split_when_the_sentence_names_as_many_indicators():
    doc = report("四强产业增加值、高新技术产业产值占比分别达到65.7%50%。")
    found = find_indicators(doc)
    assert [(i.indicator, i.value) for i in found] == [("四强产业增加值占比", 65.7), ("高新技术产业产值占比", 50.0)]
    assert doc.warnings == []


def test_glued_values_are_skipped_with_a_warning_when_the_split_is_not_clear():
    doc = report("高新技术产业产值占比达到65.7%50%。")
    assert find_indicators(doc) == []
    assert len(doc.warnings) == 1 and "65.7%50%" in doc.warnings[0] and "skipped" in doc.warnings[0]


def test_digits_run_together_are_skipped_with_a_warning():
    doc = report("全区39888293名建档立卡贫困群众全部实现稳定脱贫。地区生产总值增长4.9%。")
    found = find_indicators(doc)
    assert [i.value for i in found] == [4.9]
    assert any("39888293" in w for w in doc.warnings)


# ---- year and kind --------------------------------------------------------------------------


def test_last_year_in_the_plan_section_is_an_actual():
    (i,) = facts(plan="过去一年，国内生产总值增长10.3%。")
    assert (i.year, i.kind) == (2022, "actual")


def test_a_marker_opening_a_sentence_holds_for_its_paragraph():
    found = facts(plan="过去一年，我们取得了很大成绩。国内生产总值增长10.3%。\n国内生产总值增长6%左右。")
    assert [(i.year, i.kind, i.value) for i in found] == [(2022, "actual", 10.3), (2023, "target", 6.0)]


def test_explicit_later_year_is_a_target_for_that_year():
    (i,) = facts(plan="到2025年，森林覆盖率达到25%。")
    assert (i.year, i.kind, i.concept) == (2025, "target", "forest-coverage")


def test_end_of_a_five_year_plan():
    doc = report()
    doc2 = load_text(
        HEAD.replace("2022年度", "2020年度").replace("2023年", "2021年")
        + "一、2020年计划执行情况\n\n十三五末，全区地区生产总值达到215.4亿元。\n",
        path="c.txt",
    )
    read_metadata(doc2)
    segment(doc2)
    (i,) = find_indicators(doc2)
    assert (i.year, i.kind, i.value, i.concept) == (2020, "actual", 215.4, "gdp")
    assert doc.warnings == []


def test_explicit_reviewed_year_in_a_sentence():
    (i,) = facts(plan="2022年，国内生产总值达到121万亿元。")
    assert (i.year, i.kind, i.measure) == (2022, "actual", "level")


# ---- what is left out -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "国内生产总值年均增长9.3%。",  # an average over years
        "五年累计，单位国内生产总值能耗下降19.1%。",  # a growth over a period
        "与2000年相比，国内生产总值增长57.3%。",  # measured from a year before last
        "地区生产总值增幅居全市第2位。",  # a rank
        "好于全市5.7个百分点。",  # a comparison with another area
        "开展名校人才直通车活动20余场次。",  # a routine tally in a review
        "孝妇河断面COD、氨氮浓度同比分别改善6.3%、25%。",  # a change whose direction the verb hides
        "制定出台乡村振兴战略规划和5个工作方案。",  # documents, not results
        "周村古商城步行街入选全省首批12条特色商业步行街改造提升试点。",  # a list drawn up above the area
        "环境空气质量6项主要污染物指标改善情况均居全市前列。",  # a rank
    ],
)
def test_figures_that_are_no_years_value(sentence):
    assert facts(sentence) == []


def test_a_sum_over_five_years_is_no_years_figure():
    # five-year cumulative figures stay out of the annual series, and out of the facts
    assert facts("这五年，城镇新增就业5771万人。") == []


def test_a_stock_reached_at_the_end_of_five_years_is_the_last_years():
    (i,) = facts("过去五年，财政收入增加到8.3万亿元，煤炭消费总量控制在75万吨以内。")[:1]
    assert (i.indicator, i.value, i.year, i.concept) == ("财政收入", 8.3, 2022, "public-budget-revenue")


def test_part_of_a_year_keeps_its_figure_but_not_the_concept():
    a, b = facts("1-11月，规模以上工业增加值增长7.2%；预计全年地区生产总值增长6.5%。")
    assert [(i.value, i.concept) for i in (a, b)] == [(7.2, None), (6.5, "gdp")]


def test_a_tally_within_the_year_is_no_period():
    (i,) = facts("累计开展线上线下招聘会83场次，全区实现城镇新增就业6002人。")
    assert (i.indicator, i.value, i.concept) == ("城镇新增就业", 6002.0, "new-urban-jobs")


def test_a_cumulative_sum_over_a_span_is_no_years_figure():
    assert facts(plan="五年间，实际利用外商直接投资累计达到2740.8亿美元。") == []


def test_a_target_quoted_from_last_years_report_is_last_years_target():
    found = facts("去年政府工作报告提出，物价涨幅要从14.8%降到10%左右，实际为5.9%。")
    assert [(i.value, i.year, i.kind, i.qualifier) for i in found] == [
        (10.0, 2022, "target", "左右"),
        (5.9, 2022, "actual", None),
    ]


def test_a_target_said_met_is_followed_by_actuals():
    found = facts("全面实现年初确定的主要目标，地区生产总值增长7.8%。")
    assert [(i.value, i.year, i.kind) for i in found] == [(7.8, 2022, "actual")]


def test_a_multiple_is_a_growth_in_times():
    (i,) = facts("霁川牌汽车销量增长63倍。")
    assert (i.value, i.unit, i.measure) == (63.0, "倍", "growth")


def test_from_values_are_left_out_and_the_name_moves_on():
    found = facts("国内生产总值达到39.8万亿元，财政收入从3.16万亿元增加到8.31万亿元。")
    assert [(i.indicator, i.value, i.concept) for i in found] == [
        ("国内生产总值", 39.8, "gdp"),
        ("财政收入", 8.31, "public-budget-revenue"),
    ]


def test_a_threshold_inside_a_name_is_not_a_value():
    (i,) = facts("实施投资500万元以上技术改造项目93项。")
    assert (i.value, i.unit) == (93.0, "项") and "技术改造项目" in i.indicator


def test_a_count_before_the_name_of_the_next_figure_is_part_of_that_name():
    (i,) = facts(plan="2处集中式饮用水水源地水质达标率稳定在100%。")
    assert (i.indicator, i.value, i.measure) == ("集中式饮用水水源地水质达标率", 100.0, "rate")


def test_the_address_before_the_first_heading_is_skipped():
    doc = report("地区生产总值增长2.3%。", head=HEAD + "今年年初，出台支持企业应对疫情稳定生产15条政策措施。\n\n")
    assert [i.value for i in find_indicators(doc)] == [2.3]


# ---- scripts and offsets --------------------------------------------------------------------


def test_traditional_text_matches_and_reports_the_name_as_written():
    doc = load_text(
        "關於某縣2022年度國民經濟和社會發展計劃執行情況與2023年計劃草案的報告\n\n"
        "一、2022年國民經濟和社會發展計劃執行情況\n\n地區生產總值同比增長2.3%。\n",
        path="t.txt",
    )
    read_metadata(doc)
    segment(doc)
    (i,) = find_indicators(doc)
    assert (i.indicator, i.concept, i.value) == ("地區生產總值", "gdp", 2.3)
    assert doc.text[i.start : i.end] == i.evidence == "地區生產總值同比增長2.3%"


def test_output_is_in_text_order_and_repeatable():
    review = "地区生产总值同比增长2.3%；一般公共预算收入同比增长1.1%；社会消费品零售总额增长5.8%。"
    first = facts(review, "地区生产总值增长6.5%左右。")
    assert [i.end for i in first] == sorted(i.end for i in first)
    assert first == facts(review, "地区生产总值增长6.5%左右。")


def test_samples_reach_the_gold_standard(sample_result):
    """The embedded samples: every headline figure of the 2019 review is found."""
    doc = next(r for r in sample_result.documents if "2019" in r.document.name)
    got = {(i.concept, i.measure, i.year, i.kind, i.value) for i in doc.indicators if i.concept}
    assert {
        ("gdp", "growth", 2019, "actual", 2.3),
        ("public-budget-revenue", "growth", 2019, "actual", 1.1),
        ("gdp", "growth", 2020, "target", 6.5),
        ("fixed-asset-investment", "growth", 2020, "target", 15.0),
        ("registered-unemployment", "rate", 2020, "target", 4.0),
    } <= got


def test_a_box_drawing_dash_opening_a_line_is_not_part_of_the_name():
    """ "──地区生产总值增长6.5%左右": the dash sets the line off, it does not name anything."""
    from extract.indicators import find_indicators
    from extract.load import load_text
    from extract.meta import read_metadata
    from extract.segment import segment

    doc = load_text(
        "关于岚山区2019年度国民经济和社会发展计划执行情况与2020年计划草案的报告\n"
        "二、2020年主要预期目标\n──经济稳定增长。地区生产总值增长6.5%左右。\n"
        "──一般公共预算收入增长2.5%左右。\n",
        path="d.txt",
    )
    read_metadata(doc)
    segment(doc)
    names = [i.indicator for i in find_indicators(doc)]
    assert names == ["地区生产总值", "一般公共预算收入"]


def test_a_verb_before_a_figure_names_nothing_the_noun_after_it_does():
    (i,) = facts("守住18.94万亩耕地保护红线。")
    assert (i.indicator, i.value, i.unit) == ("耕地保护红线", 18.94, "万亩")


def test_a_line_broken_inside_a_figure_continues_on_the_next_line():
    (i,) = facts("地区生产总值达到74.4\n亿元。")
    assert (i.indicator, i.value, i.unit, i.year) == ("地区生产总值", 74.4, "亿元", 2022)


def test_a_paragraph_without_a_full_stop_does_not_lend_its_time_to_the_next():
    # a blank line ends the paragraph: “十四五” in the one before cannot make the figure a 2025 target
    (i,) = facts("编制“十四五”规划纲要，为“十四五”开局打下基础\n\n初步测算，地区生产总值达到215亿元。")
    assert (i.indicator, i.year, i.kind, i.value) == ("地区生产总值", 2022, "actual", 215.0)


def test_a_figure_without_a_part_keeps_the_part_left_out_in_its_name():
    found = facts("固定资产投资增长10.9%，其中不含澜川产业园固定资产投资增长11%。")
    assert [(i.indicator, i.value, i.concept) for i in found] == [
        ("固定资产投资", 10.9, "fixed-asset-investment"),
        ("不含澜川产业园固定资产投资", 11.0, None),  # not the headline indicator: a part is left out
    ]


def test_figures_listed_after_a_verb_are_each_named_by_the_noun_after_them():
    found = facts(plan="守住18.94万亩耕地、17.32万亩永久基本农田保护红线。")
    assert [(i.indicator, i.value, i.unit, i.year, i.kind) for i in found] == [
        ("耕地", 18.94, "万亩", 2023, "target"),
        ("永久基本农田保护红线", 17.32, "万亩", 2023, "target"),
    ]


def test_visits_counted_in_ten_thousands_are_an_indicator_and_a_few_hundred_are_routine():
    found = facts("接待游客552万人次。开展培训500人次。")
    assert [(i.indicator, i.value, i.unit) for i in found] == [("接待游客", 552.0, "万人次")]


def test_gross_industrial_output_above_scale_is_a_headline_indicator():
    # named once before a round figure the rules do not read, then measured (the vocabulary knows it)
    found = facts("规模以上工业总产值突破千亿元，达1182.25亿元，增长19.5%。")
    assert [(i.indicator, i.value, i.concept) for i in found] == [
        ("规模以上工业总产值", 1182.25, "industry-output-above-scale"),
        ("规模以上工业总产值", 19.5, "industry-output-above-scale"),
    ]


@pytest.mark.parametrize("text", ["开展职业技能培训2.3万人次。", "开展义诊1.2万人次。", "走访慰问困难群众3.6万户次。"])
def test_tallies_of_activities_stay_out_even_in_ten_thousands(text):
    assert facts(text) == []


def test_a_count_of_firms_that_did_something_somewhere_is_named_by_where_and_what():
    found = facts("澜星科技等14家企业在澜川股权交易中心挂牌，6家企业在新三板上市。")
    assert [(i.indicator, i.value, i.unit) for i in found] == [
        ("澜川股权交易中心挂牌企业", 14.0, "家"),
        ("新三板上市企业", 6.0, "家"),
    ]


def test_new_jobs_and_reemployment_is_not_the_new_urban_jobs_concept():
    # new jobs plus the laid-off re-employed: a larger number than the plan's 城镇新增就业
    found = facts("新增城镇就业再就业4915人。")
    assert [(i.indicator, i.value, i.concept) for i in found] == [("城镇就业再就业", 4915.0, None)]


@pytest.mark.parametrize("text", ["4家企业在年内挂牌。", "3家企业在疫情期间入驻。", "6家外地商会在我县落户。"])
def test_when_or_the_own_area_does_not_name_a_count_of_firms(text):
    assert all(not i.indicator.startswith(("年内", "疫情期间", "我县")) for i in facts(text))
