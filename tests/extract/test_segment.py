"""Sections with their hierarchy, year and mode; sentences that tile the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.codepoints import codes
from extract.load import load_file, load_text
from extract.meta import read_metadata
from extract.records import PLANNED, REVIEWED, Document
from extract.segment import _SENT, reads_as_review, segment, sentence_cuts


def _doc(text: str) -> Document:
    doc = load_text(text)
    read_metadata(doc)
    segment(doc)
    return doc


def _sample(sample_paths, year: int) -> Document:
    (path,) = [p for p in sample_paths if f"-{year}-report-" in p]
    doc = load_file(path)
    read_metadata(doc)
    segment(doc)
    return doc


def _outline(doc: Document, level: int | None = None, parent: str | None = None) -> list[tuple]:
    return [
        (s.id, s.marker, s.title)
        for s in doc.sections
        if (level is None or s.level == level) and (parent is None or s.parent == parent)
    ]


def assert_sentences_tile_the_text(doc: Document) -> None:
    """Sentences are in order, do not overlap, each lies inside the one section it
    names (no deeper section starts inside it) and together they cover every
    non-space character of the text."""
    text = doc.text
    by_id = {s.id: s for s in doc.sections}
    starts = sorted(s.start for s in doc.sections)
    pos = 0
    for sent in doc.sentences:
        assert pos <= sent.start < sent.end, sent
        assert text[pos : sent.start].strip() == "", (pos, text[pos : sent.start])
        assert text[sent.start] != " " and text[sent.end - 1] != " "
        sec = by_id[sent.section]
        assert sec.start <= sent.start and sent.end <= sec.end, (sent, sec)
        assert not [s for s in starts if sent.start < s < sent.end], (sent, text[sent.start : sent.end])
        assert doc.sentence_at(sent.start) == sent
        pos = sent.end
    assert text[pos:].strip() == ""


def assert_sections_nest(doc: Document) -> None:
    by_id = {s.id: s for s in doc.sections}
    for s in doc.sections[1:]:
        parent = by_id[s.parent]
        assert parent.start <= s.start < s.end <= parent.end, (s, parent)
        prefix = "" if parent.id == "0" else parent.id + "."  # ids are paths in the outline
        assert s.id.startswith(prefix) and s.id[len(prefix) :].isdigit(), (s.id, parent.id)


# The two samples ---------------------------------------------------------


def test_first_sample_reviews_2019_in_part_one_and_plans_2020_in_parts_two_and_three(sample_paths):
    doc = _sample(sample_paths, 2019)
    top = [(s.marker, s.title, s.year, s.mode) for s in doc.sections if s.level == 1]
    assert top == [
        ("一、", "2019年国民经济和社会发展计划执行情况", 2019, REVIEWED),
        ("二、", "2020年国民经济和社会发展主要预期目标", 2020, PLANNED),
        ("三、", "2020年国民经济和社会发展工作重点和措施", 2020, PLANNED),
    ]


def test_first_sample_level_two_sections_have_their_parent_and_heading(sample_paths):
    doc = _sample(sample_paths, 2019)
    under_one = _outline(doc, level=2, parent="1")
    assert [sid for sid, _, _ in under_one] == [f"1.{i}" for i in range(1, 10)]
    assert under_one[0] == ("1.1", "（一）", "经济运行总体平稳，高质量发展稳步提升")
    assert under_one[8] == ("1.9", "（九）", "社会事业全面进步，民生福祉不断增强")
    under_three = _outline(doc, level=2, parent="3")
    assert [m for _, m, _ in under_three] == [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
        "（七）",
        "（八）",
    ]
    assert under_three[0][2] == "统筹推进新旧动能转换，加快老工业区全面转型升级"
    assert _outline(doc, level=2, parent="2") == []


def test_first_sample_inline_runs_become_sections_inside_their_paragraph(sample_paths):
    doc = _sample(sample_paths, 2019)
    assert _outline(doc, parent="1.2") == [
        ("1.2.1", "一是", "重点项目建设扎实有力"),
        ("1.2.2", "二是", "产业结构持续优化升级"),
        ("1.2.3", "三是", "现代服务业繁荣发展"),
    ]
    assert [m for _, m, _ in _outline(doc, parent="3.1")] == ["一是", "二是", "三是", "四是", "五是"]
    assert _outline(doc, parent="1.1") == []


def test_every_section_of_the_first_sample_carries_the_year_and_mode_of_its_part(sample_paths):
    doc = _sample(sample_paths, 2019)
    for s in doc.sections[1:]:
        part = s.id.split(".")[0]
        assert (s.year, s.mode) == ((2019, REVIEWED) if part == "1" else (2020, PLANNED)), s


def test_second_sample_reviews_2020_and_plans_2021(sample_paths):
    doc = _sample(sample_paths, 2020)
    top = [(s.marker, s.year, s.mode) for s in doc.sections if s.level == 1]
    assert top == [("一、", 2020, REVIEWED), ("二、", 2021, PLANNED), ("三、", 2021, PLANNED)]
    assert len(_outline(doc, level=2, parent="1")) == 8
    assert len(_outline(doc, level=2, parent="3")) == 9
    for s in doc.sections[1:]:
        assert (s.year, s.mode) == ((2020, REVIEWED) if s.id.split(".")[0] == "1" else (2021, PLANNED)), s


def test_second_sample_half_width_parentheses_still_make_level_two_headings(sample_paths):
    doc = _sample(sample_paths, 2020)
    assert "(一)经济运行稳步回升" in Path(doc.path).read_text(encoding="utf-8")
    assert _outline(doc, level=2, parent="1")[0] == ("1.1", "（一）", "经济运行稳步回升，向好态势不断巩固")


def test_second_sample_inline_run_is_found(sample_paths):
    doc = _sample(sample_paths, 2020)
    assert _outline(doc, parent="3.3") == [
        ("3.3.1", "一是", "促进释放消费潜力"),
        ("3.3.2", "二是", "推动文化旅游业繁荣发展"),
        ("3.3.3", "三是", "多措并举稳外贸外资"),
    ]


def test_second_sample_run_whose_full_stop_was_lost_before_its_first_item_is_found(sample_paths):
    """Scraping dropped the stop in ``两篇文章一是重点项目建设加力提速``; 二是 to 四是 follow."""
    doc = _sample(sample_paths, 2020)
    assert "两篇文章一是重点项目建设加力提速" in doc.text
    assert _outline(doc, parent="1.2") == [
        ("1.2.1", "一是", "重点项目建设加力提速"),
        ("1.2.2", "二是", "产业结构持续优化"),
        ("1.2.3", "三是", "新动能加快培育"),
        ("1.2.4", "四是", "现代服务业繁荣发展"),
    ]


@pytest.mark.parametrize("year", [2019, 2020])
def test_sample_sentences_tile_the_text_inside_sections(sample_paths, year):
    doc = _sample(sample_paths, year)
    assert len(doc.sentences) > 100
    assert_sentences_tile_the_text(doc)
    assert_sections_nest(doc)


# Hand-written outlines ---------------------------------------------------

TITLE = "关于某县2020年度国民经济和社会发展计划执行情况与2021年计划草案的报告\n"

NUMBERED = TITLE + (
    "一、2020年计划执行情况\n"
    "经济运行平稳。\n"
    "二、2021年工作重点\n"
    "（一）加快产业升级。\n"
    "1.推进重点项目。一是抓好开工。二是抓好投产。\n"
    "2.培育骨干企业。一是支持龙头企业。二是扶持中小企业。\n"
    "（1）做强链主企业。\n"
    "（2）培育专精特新企业。\n"
    "3.优化营商环境。\n"
    "（二）改善民生。\n"
)


def test_numbered_paragraphs_nest_under_their_heading_and_hold_their_inline_runs():
    doc = _doc(NUMBERED)
    assert [(s.id, s.marker, s.title, s.parent) for s in doc.sections[1:]] == [
        ("1", "一、", "2020年计划执行情况", "0"),
        ("2", "二、", "2021年工作重点", "0"),
        ("2.1", "（一）", "加快产业升级", "2"),
        ("2.1.1", "1.", "推进重点项目", "2.1"),
        ("2.1.1.1", "一是", "抓好开工", "2.1.1"),
        ("2.1.1.2", "二是", "抓好投产", "2.1.1"),
        ("2.1.2", "2.", "培育骨干企业", "2.1"),
        ("2.1.2.1", "一是", "支持龙头企业", "2.1.2"),
        ("2.1.2.2", "二是", "扶持中小企业", "2.1.2"),
        ("2.1.2.3", "（1）", "做强链主企业", "2.1.2"),
        ("2.1.2.4", "（2）", "培育专精特新企业", "2.1.2"),
        ("2.1.3", "3.", "优化营商环境", "2.1"),
        ("2.2", "（二）", "改善民生", "2"),
    ]
    assert {s.level for s in doc.sections if s.marker in ("1.", "2.", "3.", "（1）", "（2）")} == {4}
    assert {s.level for s in doc.sections if s.marker.endswith("是")} == {3}
    assert all((s.year, s.mode) == (2021, PLANNED) for s in doc.sections if s.id.startswith("2"))
    assert_sentences_tile_the_text(doc)
    assert_sections_nest(doc)


def test_inline_run_ends_where_the_next_numbered_paragraph_starts():
    doc = _doc(NUMBERED)
    second = doc.section("2.1.1.2")
    assert doc.text[second.start : second.end].rstrip() == "二是抓好投产。"


def test_bracketed_numbers_nest_inside_numbered_paragraphs():
    doc = _doc(TITLE + "一、2021年主要任务\n1.稳投资。\n（1）抓项目。\n（2）抓园区。\n2.促消费。\n")
    assert [(s.id, s.marker, s.parent) for s in doc.sections[1:]] == [
        ("1", "一、", "0"),
        ("1.1", "1.", "1"),
        ("1.1.1", "（1）", "1.1"),
        ("1.1.2", "（2）", "1.1"),
        ("1.2", "2.", "1"),
    ]


def test_half_width_bracketed_numbers_are_headings_too():
    doc = _doc(TITLE + "一、2021年主要任务\n(1)抓项目。\n(2)抓园区。\n")
    assert [(s.id, s.marker, s.title) for s in doc.sections[1:]] == [
        ("1", "一、", "2021年主要任务"),
        ("1.1", "（1）", "抓项目"),
        ("1.2", "（2）", "抓园区"),
    ]


def test_demonstrative_before_yi_shi_does_not_start_a_section():
    """In 这一是… the 一 belongs to 这一 (this one), not to a 一是, 二是 run."""
    doc = _doc(TITLE + "一、2020年计划执行情况\n（一）经济运行平稳。这一是全区上下共同努力的结果。二是没有来的。\n")
    assert [s.marker for s in doc.sections[1:]] == ["一、", "（一）"]
    assert_sentences_tile_the_text(doc)


def test_lone_yi_shi_inside_a_sentence_is_not_a_section():
    doc = _doc(TITLE + "一、2020年计划执行情况\n其原因：一是基础薄弱，二是投入不足。\n")
    assert [s.marker for s in doc.sections[1:]] == ["一、"]


def test_inline_run_after_a_colon_is_found():
    doc = _doc(TITLE + "二、2021年工作重点\n重点抓好三件事：一是稳投资。二是促消费。三是保就业。\n")
    assert _outline(doc, parent="1") == [
        ("1.1", "一是", "稳投资"),
        ("1.2", "二是", "促消费"),
        ("1.3", "三是", "保就业"),
    ]
    assert_sentences_tile_the_text(doc)


def test_inline_run_split_by_semicolons_splits_the_sentence_too():
    doc = _doc(TITLE + "二、2021年工作重点\n一是稳投资；二是促消费；三是保就业。\n")
    assert [s.marker for s in doc.sections if s.level == 3] == ["一是", "二是", "三是"]
    assert [doc.text[s.start : s.end] for s in doc.sentences[-3:]] == ["一是稳投资；", "二是促消费；", "三是保就业。"]
    assert_sentences_tile_the_text(doc)


def test_out_of_order_inline_numbers_are_not_sections():
    doc = _doc(TITLE + "一、2020年计划执行情况\n经济平稳。二是没有一是的。\n")
    assert [s.marker for s in doc.sections[1:]] == ["一、"]


def test_parts_after_a_review_without_a_year_or_mode_word_are_planned():
    """1990s national reports: 一、1994年国内工作的回顾, then 二、促进国民经济… for the plan year."""
    doc = _doc(
        "1995年政府工作报告\n各位代表：\n"
        "一、1994年国内工作的回顾\n经济增长11.8%。\n"
        "二、促进国民经济持续、快速、健康发展\n今年要控制通货膨胀。\n"
        "三、以国有企业为重点深化经济体制改革\n搞好国有企业。\n"
    )
    assert [(s.marker, s.year, s.mode) for s in doc.sections if s.level == 1] == [
        ("一、", 1994, REVIEWED),
        ("二、", 1995, PLANNED),
        ("三、", 1995, PLANNED),
    ]


def test_a_heading_naming_the_reviewed_year_is_reviewed_whatever_its_place():
    doc = _doc(TITLE + "一、2021年主要目标\n增长6%。\n二、2020年存在的问题\n投资乏力。\n")
    assert [(s.marker, s.year, s.mode) for s in doc.sections if s.level == 1] == [
        ("一、", 2021, PLANNED),
        ("二、", 2020, REVIEWED),
    ]


YEAR_MENTIONS = TITLE + (
    "一、2020年计划执行情况\n"
    "（一）项目建设。一是2020年计划投资80亿元的项目全部开工。二是产业升级。\n"
    "（二）2021年主要目标。增长6%。\n"
    "二、2021年工作重点\n"
    "（一）巩固2020年发展成果。一是巩固2020年脱贫成果。二是稳投资。\n"
    "三、在2020年基础上做好2021年工作\n"
)


def test_an_inner_heading_that_merely_names_a_year_stays_in_its_part():
    doc = _doc(YEAR_MENTIONS)
    modes = {s.id: (s.year, s.mode) for s in doc.sections}
    assert modes["1.1.1"] == (2020, REVIEWED)  # 计划投资 in the review is still the review
    assert modes["2.1"] == modes["2.1.1"] == modes["2.1.2"] == (2021, PLANNED)  # 巩固2020年… is a plan


def test_an_inner_heading_with_plan_words_and_the_plan_year_turns_to_the_plan():
    doc = _doc(YEAR_MENTIONS)
    assert (doc.section("1.2").year, doc.section("1.2").mode) == (2021, PLANNED)


def test_an_outer_heading_naming_both_years_is_about_the_plan_year():
    doc = _doc(YEAR_MENTIONS)
    assert (doc.section("3").year, doc.section("3").mode) == (2021, PLANNED)


def test_year_and_mode_always_agree():
    doc = _doc(YEAR_MENTIONS)
    for s in doc.sections:
        assert (s.mode, s.year) in ((REVIEWED, 2020), (PLANNED, 2021)), s


def test_preamble_belongs_to_the_root_section_about_the_plan_year():
    doc = _doc(TITLE + "各位代表：\n现向大会作报告。\n一、2020年计划执行情况\n经济平稳。\n")
    first = doc.sentences[0]
    root = doc.section(first.section)
    assert (root.id, root.year, root.mode) == ("0", 2021, PLANNED)


def test_national_1995_report_plans_1995_after_its_review(national_dir):
    doc = load_file(str(national_dir / "1995-government-work-report.txt"))
    read_metadata(doc)
    segment(doc)
    top = [(s.title[:7], s.year, s.mode) for s in doc.sections if s.level == 1]
    assert top[0] == ("1994年国内", 1994, REVIEWED)
    assert all((y, m) == (1995, PLANNED) for _, y, m in top[1:]), top


@pytest.mark.slow
def test_every_national_report_is_tiled_by_sentences_in_nested_sections(national_dir):
    for path in sorted(national_dir.glob("*-government-work-report.txt")):
        doc = load_file(str(path))
        read_metadata(doc)
        segment(doc)
        assert_sentences_tile_the_text(doc)
        assert_sections_nest(doc)
        for s in doc.sections:
            # reviewed years lie before the plan year, planned ones at or after it
            assert (
                (s.year < doc.plan_year) if s.mode == REVIEWED else (s.mode == PLANNED and s.year >= doc.plan_year)
            ), (path.name, s)


# Review and plan parts in every layout (issue 12.3) ------------------------------


def _modes(doc: Document) -> list[tuple[str, int | None, str]]:
    return [(doc.text[s.start : s.end].split("\n")[0][:12], s.year, s.mode) for s in doc.sections if s.level == 5]


def test_an_unnumbered_review_before_the_numbered_plan_is_a_reviewed_passage():
    doc = _doc(
        "2002年某某县政府工作报告\n各位代表：\n现在，我代表县人民政府作报告。\n首先报告２００１年的工作\n"
        "新世纪第一年，全县经济增长8%。青石湾产业园建成投产。\n我们也清醒地看到，困难不少。\n"
        "２００２年是非常重要的一年。今年工作的总体要求是稳中求进。\n一、扩大内需\n开工建设白鹭湖生态旅游项目。\n"
    )
    assert (doc.reviewed_year, doc.plan_year) == (2001, 2002)
    assert _modes(doc) == [("首先报告2001年的工作", 2001, REVIEWED), ("2002年是非常重要的一", 2002, PLANNED)]
    i = doc.text.index("青石湾产业园")
    assert doc.section(doc.sentence_at(i).section).mode == REVIEWED
    j = doc.text.index("白鹭湖")
    assert doc.section(doc.sentence_at(j).section).mode == PLANNED
    assert_sentences_tile_the_text(doc)
    assert_sections_nest(doc)


def test_an_excerpt_opening_on_inner_headings_that_count_achievements_is_a_review():
    doc = _doc(
        "某某市人民政府工作报告（2024年3月26日）\n"
        "（四）注重精准招商，发展基础持续夯实。签约省外项目51个，完成投资41.2亿元，同比增长12%。"
        "青石湾锂电池项目建成投产，首次实现出口，开发区规上工业增加值累计增长8%。\n"
        "（五）注重完善功能，城乡面貌明显改善。白鹭湖大桥顺利竣工，新增绿地20公顷。\n"
    )
    assert (doc.reviewed_year, doc.plan_year) == (2023, 2024)
    inner = [(s.title[:6], s.year, s.mode) for s in doc.sections if s.level == 2]
    assert inner == [("注重精准招商", 2023, REVIEWED), ("注重完善功能", 2023, REVIEWED)]


def test_an_excerpt_opening_on_inner_headings_of_intent_stays_with_the_plan():
    doc = _doc(
        "某某市人民政府工作报告（2024年3月26日）\n"
        "（四）注重精准招商，夯实发展基础。要力争签约项目50个以上，确保完成投资40亿元，"
        "切实抓好青石湾锂电池项目建设，同比增长10%，首次实现出口。\n"
        "（五）注重完善功能。将开工建设白鹭湖大桥，新增绿地20公顷。\n"
    )
    inner = [(s.title[:6], s.year, s.mode) for s in doc.sections if s.level == 2]
    assert inner == [("注重精准招商", 2024, PLANNED), ("注重完善功能", 2024, PLANNED)]


def test_reads_as_review_needs_plain_achievements():
    assert reads_as_review("产值同比增长12%，累计新增企业30家，项目顺利竣工，首次实现出口。")
    assert not reads_as_review("要力争同比增长12%，确保累计新增企业30家，项目顺利竣工。")
    assert not reads_as_review("项目顺利竣工。")  # too little to tell


def test_a_review_heading_run_into_a_paragraph_starts_the_review_where_it_stands():
    doc = _doc(
        "2019年某某市政府工作报告\n2019年1月8日在某某市第六届人民代表大会第三次会议上各位代表：现在，我代表市人民政府作报告。"
        "2018年工作回顾2018年，是不平凡的一年。青石湾产业园建成投产。\n"
    )
    (review,) = [s for s in doc.sections if s.mode == REVIEWED]
    assert doc.text[review.start :].startswith("2018年工作回顾")
    assert review.year == 2018
    assert_sentences_tile_the_text(doc)


def test_unnumbered_part_titles_above_the_outline_take_their_numbered_items():
    doc = _doc(
        "1982年某某政府工作报告\n\n各位代表：\n\n第六个五年计划的基本任务\n\n一、关于工业\n\n发展工业。\n\n"
        "六五计划前两年的执行情况\n\n一、关于农业\n\n农业增产。\n\n二、关于财政\n\n收支平衡。\n\n结束语\n\n努力奋斗。\n"
    )
    parts = [(s.title, s.mode) for s in doc.sections if s.level == 5]
    assert parts == [("第六个五年计划的基本任务", PLANNED), ("六五计划前两年的执行情况", REVIEWED), ("结束语", PLANNED)]
    inner = [(s.title, s.mode, s.parent) for s in doc.sections if s.level == 1]
    assert inner[1:] == [("关于农业", REVIEWED, "2"), ("关于财政", REVIEWED, "2")]
    assert_sections_nest(doc)


def test_a_review_paragraph_inside_a_neutral_numbered_part_holds_for_that_paragraph_only():
    doc = _doc(
        "2005年某某县政府工作报告\n各位代表：\n一、2004年工作回顾\n经济增长。\n二、2005年主要任务\n增长8%。\n"
        "三、加强政府自身建设\n一年来，政风建设取得成效。\n今后要进一步转变职能。\n"
    )
    passages = [(s.title, s.mode) for s in doc.sections if s.level == 5]
    assert passages == [("一年来", REVIEWED)]
    j = doc.text.index("今后要")
    assert doc.section(doc.sentence_at(j).section).mode == PLANNED


def test_the_current_situation_is_a_review():
    doc = _doc(
        "1981年某某政府工作报告\n各位代表：\n（一）当前的经济形势\n去年农业增产。\n（二）今后经济建设的方针\n要稳步发展。\n"
    )
    assert [(s.title, s.mode) for s in doc.sections if s.level == 2] == [
        ("当前的经济形势", REVIEWED),
        ("今后经济建设的方针", PLANNED),
    ]


def test_the_title_of_a_report_is_not_a_review_passage(sample_paths):
    doc = _sample(sample_paths, 2019)
    assert not [s for s in doc.sections if s.level == 5]


@pytest.mark.slow
def test_the_2002_national_review_is_read_as_a_review(national_dir):
    """首先报告２００１年的工作 opens the 2002 review: 西部大开发起步顺利 reviews 2001."""
    doc = load_file(str(national_dir / "2002-government-work-report.txt"))
    read_metadata(doc)
    segment(doc)
    i = doc.text.index("西部大开发起步顺利")
    sec = doc.section(doc.sentence_at(i).section)
    assert (sec.year, sec.mode) == (2001, REVIEWED)


def _top_modes(doc: Document) -> list[tuple[str, int, str]]:
    return [(s.marker, s.year, s.mode) for s in doc.sections if s.parent == "0" and s.marker]


def test_a_numbered_part_that_counts_achievements_is_the_review_whatever_its_heading():
    past = "粮食产量比上年增长3%，钢产量达到120万吨，新增就业3万人，顺利完成投资任务，取得显著成效。" * 3
    plan = "今年要大力发展生产，力争粮食增产，确保物价稳定，我们要切实抓好节约。" * 3
    doc = _doc(f"澜川县2031年政府工作报告\n一、在调整中前进\n{past}\n二、继续前进\n{plan}\n")
    assert (doc.reviewed_year, doc.plan_year) == (2030, 2031)
    assert _top_modes(doc) == [("一、", 2030, REVIEWED), ("二、", 2031, PLANNED)]


def test_a_heading_with_its_year_in_words_is_read_like_one_in_digits():
    doc = _doc(
        "澜川县一九五八年政府工作报告\n（一）一九五七年经济战线上的胜利\n钢产量增长。\n"
        "（二）争取一九五八年的新跃进\n要增产。\n"
    )
    assert _top_modes(doc) == [("（一）", 1957, REVIEWED), ("（二）", 1958, PLANNED)]


@pytest.mark.parametrize(
    "text, cuts",
    [
        ("推进改革。扩大开放！", [0, 5, 10]),
        ("他说：“要改革。”随后", [0, 9, 11]),  # the closing mark after the stop is the sentence's
        ("“改革”开放。", [0, 7]),  # a closing mark after no stop ends nothing
        ("好！？。”」又", [0, 6, 7]),  # a run of stops, then of marks
        ("。”。", [0, 2, 3]),  # a stop after the marks opens the next
        ("第一行\n\n第二行。", [0, 3, 4, 5, 9]),  # each line break a piece of its own
        ("𠀀年。𠀁", [0, 3, 4]),  # a character beyond the basic plane is one, as in the text
        ("", [0]),
    ],
)
def test_sentence_cuts_are_where_the_sentence_pattern_starts_and_ends(text, cuts):
    found = sentence_cuts(codes(text)).tolist()
    assert found == cuts
    spans = {p for m in _SENT.finditer(text) for p in m.span()}
    breaks = {p for i, ch in enumerate(text) if ch == "\n" for p in (i, i + 1)}
    assert found == sorted(spans | breaks | {0, len(text)})
