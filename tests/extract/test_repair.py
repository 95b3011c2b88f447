"""Scrape damage, each class repaired in the normal form, offsets pointing into the exposed text."""

from __future__ import annotations

import pytest

from extract.codepoints import codes
from extract.load import load_text
from extract.meta import read_metadata
from extract.repair import (
    _WATERMARK,
    _join_broken_numbers,
    _join_wrapped,
    _looks_wrapped,
    _may_end_a_number,
    is_furniture,
    remove_watermarks,
    repair,
    tone_marks,
    unmask_years,
)
from extract.segment import segment

BODY = "各位代表：\n一、2020年工作回顾\n青石湾产业园建成投产。金穗农业科技有限公司落户。\n"


def _doc(text: str):
    doc = load_text(text)
    read_metadata(doc)
    segment(doc)
    return doc


@pytest.mark.parametrize(
    "line",
    [
        "发布时间:2026-02-28  发布机构:政府办  字体:    打印 分享至:",
        "字号：[大][中][小]",
        "【字体：大 中 小】【打印】【关闭】",
        "来源：县发改局    浏览次数：1024",
        "(来源:网站编辑 2023-02-10 22:36)",
        "2022年01月18日07:47 | 来源:重庆日报网",
        "当前位置:首页 > 信息公开",
        "首页 县情概况 政务公开 办事服务 互动交流",
        "發佈時間：2021-01-05",
        "编辑: 某某",
        "||||||",
        "0/0",
        '%@LANGUAGE="VBSCRIPT" CODEPAGE="65001"%>',
        "版权所有：某某县人民政府  网站标识码：1234567890",
        "文章 來源：县发改局",  # a label inside a short line, written traditional
        "本页 瀏覽次數 88",
    ],
)
def test_page_furniture_lines_are_recognised(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "2021年某某县政府工作报告",
        "——2021年1月20日在某某县第十八届人民代表大会第五次会议上",
        "政 府 工 作 报 告",
        "县 长 张某某",
        "各位代表：",
        "一、2020年工作回顾",
        "全县地区生产总值增长5.2%，来源于工业的增长占六成。",
        "6.5%",
    ],
)
def test_report_lines_are_not_furniture(line):
    assert not is_furniture(line)


def test_furniture_lines_leave_the_text_and_are_kept_for_the_publication_date():
    raw = (
        "当前位置:首页 > 信息公开\n2021年某某县政府工作报告\n发布时间:2021-02-03  来源:县政府办  浏览次数:88\n"
        "字号:[大][中][小]\n" + BODY
    )
    doc = _doc(raw)
    assert doc.text.startswith("2021年某某县政府工作报告\n各位代表：")
    assert "发布时间:2021-02-03  来源:县政府办  浏览次数:88" in doc.furniture
    assert not any(w in doc.text for w in ("当前位置", "浏览次数", "字号"))
    i = doc.text.index("青石湾产业园")
    assert doc.text[i : i + 6] == "青石湾产业园"  # offsets point into the exposed, repaired text


def test_a_publication_date_in_dropped_furniture_still_dates_a_news_page():
    doc = _doc(
        "发布时间:2022-12-30 10:13 来源:某报\n12月29日，某某县第六届人民代表大会第三次会议开幕，县长作政府工作报告。\n"
        "过去一年，全县经济稳中向好。\n"
    )
    assert (doc.reviewed_year, doc.plan_year) == (2022, 2023)  # delivered in December: reviews that year
    assert doc.sources["plan_year"].rule == "publication-date"
    assert doc.sources["plan_year"].start is None  # the words are in the dropped furniture, not the text


@pytest.mark.parametrize("token", ["IAh", "C6m", "7rw", "xQ3"])
def test_watermark_tokens_between_sentences_are_removed(token):
    doc = _doc(f"各位代表：\n青石湾产业园建成投产。{token}金穗农业科技有限公司落户。\n")
    assert token not in doc.text
    assert "建成投产。金穗农业" in doc.text
    assert any("watermark" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "text", ["新增5G基站120个。", "装机容量达到30万kW。", "建成PM2.5监测站3个。", "引进iPhone配套企业。"]
)
def test_ascii_words_that_belong_to_the_sentence_stay(text):
    assert text in _doc("各位代表：\n" + text + "\n").text


@pytest.mark.parametrize(
    "text, kept, count",
    [
        ("建成投产。IAh金穗落户。 C6m 推进改革！7rw“放管服”", "建成投产。金穗落户。推进改革！“放管服”", 3),
        ("落户；abcde（一）推进", "落户；（一）推进", 1),  # five characters, the longest token
        ("落户。abcdef推进", "落户。abcdef推进", 0),  # six: a word, not a token
        ("落户。 ABCDe推进", "落户。推进", 1),  # its lower-case letter six characters after the stop
        ("落户。ABC推进", "落户。ABC推进", 0),  # no lower-case letter
        ("落户。3kg\n推进。5 km，", "落户。3kg\n推进。5 km，", 0),  # units
        ("落户。xQ3\n推进。", "落户。\n推进。", 1),  # at a line end
        ("落户。xQ3。", "落户。xQ3。", 0),  # a stop after it: not Chinese, a space or a line end
        ("ab。Ab", "ab。", 1),
        ("全是中文，没有字母。", "全是中文，没有字母。", 0),
    ],
)
def test_remove_watermarks_takes_tokens_after_stops_only(text, kept, count):
    assert remove_watermarks(text) == (kept, count)
    assert remove_watermarks(text) == _WATERMARK.subn(r"\1", text)  # what the one pass of the pattern did


def test_converter_pinyin_is_removed_in_either_script():
    doc = _doc("各位代表：\n報(bào)告指出，發(fā)展戰(zhàn)略取得成效。本網(wǎng)轉(zhuǎn)載。\n")
    assert "報告指出，發展戰略取得成效。" in doc.text
    assert "(" not in doc.text and "（" not in doc.text
    assert doc.folded.count("报告指出") == 1


def test_a_note_in_parentheses_that_is_not_pinyin_stays():
    assert "（一期）" in _doc("各位代表：\n完成曾家园保护修缮(一期)工程。\n").text


def test_a_line_break_inside_a_number_is_joined():
    doc = _doc("各位代表：\n全县地区生产总值增长1\n2.5%，固定资产投资增长8%。\n")
    assert "增长12.5%，固定资产" in doc.text


def test_a_numbered_item_after_a_number_is_not_joined():
    doc = _doc("各位代表：\n目标是增长6\n2.加快园区建设。\n")
    assert "增长6\n2.加快" in doc.text


def test_text_hard_wrapped_at_a_fixed_width_is_unwrapped():
    para = (
        "青石湾产业园建成投产，金穗农业科技有限公司落户，白桦林数字经济产业园开工建设，新增规模以上工业企业十二家。" * 2
    )
    wrapped = "\n".join(para[i : i + 20] for i in range(0, len(para), 20))
    doc = _doc("各位代表：\n一、2020年工作回顾\n" + wrapped + "\n二、2021年主要目标\n")
    assert para in doc.text
    assert "一、2020年工作回顾\n" in doc.text and "\n二、2021年主要目标" in doc.text


def test_a_line_ending_in_a_comma_goes_on_in_the_next():
    # a PDF copy breaks sentences where visual lines ended, at no fixed width
    raw = "各位代表：\n全社会固定资产投资168.5亿元，  \n增长25.6%；引进青石湾、\n白桦林两家企业。\n"
    assert repair(raw).text == "各位代表：\n全社会固定资产投资168.5亿元，增长25.6%；引进青石湾、白桦林两家企业。\n"


@pytest.mark.parametrize(
    "raw",
    [
        "各位代表：\n一、\n继续增加基础设施投资。\n",  # a numbering alone on its line, then its item
        "全县地区生产总值增长8%，\n二、2021年主要目标\n",  # a heading after the comma
        "全县地区生产总值增长8%，\n\n固定资产投资增长9%。\n",  # a blank line: a paragraph ended
    ],
)
def test_a_comma_before_a_numbering_a_heading_or_a_blank_line_joins_nothing(raw):
    assert repair(raw).text == raw


def test_in_a_text_of_indented_paragraphs_an_unindented_line_goes_on_the_line_before():
    # a PDF copy: paragraphs open indented, the page cut lines of no fixed width anywhere
    paras = [
        "    现在，我代表县人民政府向大会作工作报告，请予审议，并请县政",
        "协委员和列席会议的同志提出意见。",
        "    一、2015年工作回顾",
        "    全年完成地区生产总值136.2亿元。宏远铝业10万吨铝",
        "精深加工等项目建成投产。",
        "    澜川县农业投资发展有限公司成立。",
        "    新增规模以上工业企业18家。",
        "    盘北现代高效农业示范园区被评为省级示范园区。",
        "    引进企业23家，新增规模以上工业企业18家，盘江县农业投",
        "资发展有限公司完成融资。",
    ]
    text = repair("澜川县人民政府工作报告\n" + "\n".join(paras) + "\n").text
    assert "并请县政协委员" in text and "10万吨铝精深加工" in text and "农业投资发展有限公司完成融资" in text
    assert "澜川县人民政府工作报告\n" in text and "\n    一、2015年工作回顾\n" in text


def test_a_page_header_repeated_is_not_joined_to_the_line_it_cuts():
    paras = [
        "    二〇一〇年，全县经济平稳较快发展，全年完成地区生产总值一百二十亿元，增长",
        "百分之十五；地方财政一般预算收入六亿元。",
        "    项目建设取得重大突破，全年实施千万元以上项目一百六十二个，新入区企业",
        "澜东县人民政府公报  2010年第2期",
        "二十三家。",
        "    县域经济活力增强，新增规上企业二十八户，三家企业被评为省级企业。",
        "    民生保障持续加强，新增城镇就业四千一百五十人，城镇登记失业率三点八。",
        "澜东县人民政府公报  2010年第2期",
        "    各位代表，澜东的发展正处在爬坡过坎的关键时期，我们要坚定信心。",
        "    让我们在县委的坚强领导下，团结一心，为全面完成今年的目标任务而努力奋斗。",
    ]
    text = repair("\n".join(paras) + "\n", wrapped=False).text
    assert "增长百分之十五" in text
    assert "\n澜东县人民政府公报  2010年第2期\n" in text  # the header stays a line of its own


def test_a_text_indenting_nothing_keeps_its_lines():
    # (not a fixed-width wrap either: only the indentation rule is asked)
    raw = "".join(f"澜川县第{i}项工作稳步推进的情况汇报\n地区生产总值增长百分之{i}。\n" for i in range(1, 8))
    assert repair(raw, wrapped=False).text == raw


def test_spaces_inside_quotes_go():
    assert (
        repair("推进“ 精准扶贫 ”大数据平台和“\u00a0四在农家 ”建设。\n").text
        == "推进“精准扶贫”大数据平台和“四在农家”建设。\n"
    )


def test_spaces_around_figures_go_where_a_text_spaces_them_throughout():
    spaced = "全年完成地区生产总值 136.2 亿元，增长 13.1%；固定资产投资 168.5 亿元，增长 25.6%。\n" * 4
    assert repair(spaced, wrapped=False).text == spaced.replace(" ", "")


def test_a_short_page_s_list_numbers_keep_their_space():
    raw = "各位代表：\n1 扎实推进科技创新。\n2 扎实推进产业升级。\n"
    assert repair(raw, wrapped=False).text == raw


def test_a_table_laid_out_with_spaces_is_marked_and_kept():
    raw = "表1  主要指标\n指标名称    单位    完成数    增长（%）\n地区生产总值    亿元    1096.5    11.2\n"
    fixed = repair(raw)
    assert "指标名称|单位|完成数|增长（%）\n地区生产总值|亿元|1096.5|11.2" in fixed.text
    assert fixed.furniture == []


def test_a_site_menu_is_no_table():
    raw = "首页    经济要闻    政策法规    经济数据\n各位代表：\n全县经济平稳增长。\n"
    assert "首页" not in repair(raw).text


def test_paragraphs_of_unequal_length_are_not_joined():
    raw = "各位代表：\n青石湾产业园建成投产，金穗农业科技有限公司落户\n白桦林数字经济产业园开工建设\n"
    assert repair(raw).text == raw


def test_no_break_space_indents_and_nbsp_entities_become_nothing():
    doc = _doc(
        "\u00a0\u00a0各位代表：\n\u00a0\u00a0\u00a0\u00a0青石湾产业园建成投产。&nbsp;&nbsp;金穗农业科技有限公司落户。\n"
    )
    assert doc.text == "各位代表：\n青石湾产业园建成投产。金穗农业科技有限公司落户。\n"


@pytest.mark.parametrize(
    "raw, canon",
    [("20xx年", "20XX年"), ("xxxx年", "20XX年"), ("20××年", "20XX年"), ("２０ＸＸ年", "20XX年"), ("19xx年", "19XX年")],
)
def test_masked_years_are_written_one_way_with_the_same_length(raw, canon):
    doc = _doc(f"各位代表：\n{raw}，青石湾产业园建成投产。\n")
    assert doc.text.startswith("各位代表：\n" + canon)
    assert any("masked" in w for w in doc.warnings)


def test_unmask_keeps_offsets():
    text = "一、20xx年工作回顾，xxxx年"
    out, n = unmask_years(text)
    assert (len(out), n) == (len(text), 2)


def test_a_masked_year_is_settled_by_what_the_text_says_of_it():
    """新中国成立70周年 can only be 2019: the masked year under review is 2019."""
    doc = _doc(
        "20XX年政府工作报告\n各位代表：\n一、20XX年工作回顾\n20XX年是新中国成立70周年，全县经济稳中向好。\n"
        "二、20XX年主要目标\n"
    )
    assert (doc.reviewed_year, doc.plan_year) == (2019, 2020)
    assert doc.sources["reviewed_year"].rule == "what-the-year-was"
    review = [s for s in doc.sections if s.marker == "一、"][0]
    assert (review.mode, review.year) == ("reviewed", 2019)


@pytest.mark.parametrize(
    "sentence, years",
    [
        ("去年是“十四五”开局之年，全县经济稳中向好。", (2021, 2022)),
        ("今年是党的二十大召开之年，全县要稳中求进。", (2021, 2022)),
        ("去年是改革开放40周年，全县经济稳中向好。", (2018, 2019)),
    ],
)
def test_other_facts_that_fix_a_year(sentence, years):
    doc = _doc("政府工作报告\n各位代表：\n" + sentence + "\n")
    assert (doc.reviewed_year, doc.plan_year) == years


def test_markdown_heading_marks_and_bold_are_dropped_so_the_outline_is_seen():
    doc = _doc(
        "2024年某某县政府工作报告\n### 一、2023年工作回顾\n- **经济回升**:增长5.2%。\n### 二、2024年主要目标\n增长5%左右。\n"
    )
    assert [(s.marker, s.mode) for s in doc.sections if s.level == 1] == [("一、", "reviewed"), ("二、", "planned")]
    assert "**" not in doc.text and "#" not in doc.text


def test_a_masked_name_in_stars_is_not_bold():
    assert "以***新时代" in _doc("各位代表：\n坚持以***新时代中国特色社会主义思想为指导。\n").text


def test_the_label_pattern_finds_each_label_looked_for_inside_a_line():
    from extract.repair import _INLINE_LABELS, _INLINE_RE

    for label in _INLINE_LABELS:
        assert _INLINE_RE.fullmatch(label), label
        assert is_furniture(f"短 {label} 行")


@pytest.mark.parametrize(
    "lines, joined",
    [
        (["增长1", "2.5%，", "收入"], ["增长12.5%，", "收入"]),
        (["增长1", "2%，达到3", "5亿元"], ["增长12%，达到35亿元"]),  # a chain of breaks
        (["完成12 ", "\u30003亿元"], ["完成123亿元"]),  # spaces around the break
        (["共3", "1.推进改革"], ["共3", "1.推进改革"]),  # a numbered item after a number
        (["增长①", "2%"], ["增长①", "2%"]),  # a digit to isdigit, not a number's
        (["", "5亿元", "年末达到", "5亿元"], ["", "5亿元", "年末达到", "5亿元"]),
        (["第一行。", "第二行"], ["第一行。", "第二行"]),
    ],
)
def test_lines_broken_inside_a_number_are_joined_as_the_line_by_line_loop_joins_them(lines, joined):
    found = _join_broken_numbers(lines, codes("\n".join(lines)))
    assert found == joined
    assert found == _join_wrapped(lines, False)


def test_a_text_without_tone_marks_measures_its_lines_by_their_stripped_length():
    wrapped = ["青石湾产业园建成投产金穗农业科技有限公司", "落户白桦林数字经济产业园区建设加快推进了"] * 4
    assert _looks_wrapped(wrapped, tones=False) and _looks_wrapped(wrapped)
    ragged = ["一" * n for n in (12, 30, 18, 44, 25, 60, 15)]
    assert not _looks_wrapped(ragged, tones=False) and not _looks_wrapped(ragged)
    assert tone_marks()[ord("ā")] and not tone_marks()[ord("a")]


def test_the_characters_a_line_broken_inside_a_number_may_end_in():
    chars = "1a。 ．①x\u3000٣"
    expected = [ch.isdigit() or ch in " ．\u3000" for ch in chars]
    assert expected == [True, False, False, True, True, True, False, True, True]
    assert _may_end_a_number(codes(chars)).tolist() == expected
    assert _may_end_a_number(codes(chars)).tolist() == expected  # asked once, the same the second time
