"""The loader: every encoding a scraped report comes in, one documented normal form.

Fixture files are written by the tests into ``tmp_path``: the point is the
bytes on disk, and each test says which bytes it means.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import numpy as np
import pytest

from extract.errors import InputError
from extract.load import (
    _HAN_FROM,
    _HAN_SIZE,
    _character_table,
    _characters,
    _holds,
    _runs,
    decode,
    detect_script,
    fold,
    load_file,
    load_text,
    normalise,
)

# Already in the normal form, so every encoding must give back exactly this.
# Mostly Chinese on purpose: a UTF-16 file of Chinese prose holds few zero bytes.
SIMPLIFIED = (
    "关于某区2019年度国民经济和社会发展计划执行情况与2020年计划草案的报告\n"
    "\n"
    "一、2019年国民经济和社会发展计划执行情况\n"
    "\n"
    "全区地区生产总值同比增长2.3%，一般公共预算收入增长1.1%。海尔家居产业园项目入选省重点项目。\n"
)

TRADITIONAL = (
    "一九五四年中華人民共和國國務院政府工作報告\n"
    "\n"
    "我國偉大的人民革命的根本目的，是在於從帝國主義、封建主義和官僚資本主義的壓迫下面解放出來。\n"
    "經濟建設計劃的執行情況是好的，工業總產值增長了百分之十七。\n"
)
TRADITIONAL_FOLDED = (
    "一九五四年中华人民共和国国务院政府工作报告\n"
    "\n"
    "我国伟大的人民革命的根本目的，是在于从帝国主义、封建主义和官僚资本主义的压迫下面解放出来。\n"
    "经济建设计划的执行情况是好的，工业总产值增长了百分之十七。\n"
)


def _write(tmp_path: Path, data: bytes, name: str = "report.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


ENCODINGS = [
    # (id, bytes of SIMPLIFIED, encoding the loader reports)
    ("utf-8", SIMPLIFIED.encode("utf-8"), "utf-8"),
    ("utf-8-bom", codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
    ("utf-16-le-bom", codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16"),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
    ("utf-16-le-no-bom", SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be-no-bom", SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
    ("gb18030", SIMPLIFIED.encode("gb18030"), "gb18030"),
    # GBK is a subset of GB18030: read as GB18030, the same characters come out.
    ("gbk", SIMPLIFIED.encode("gbk"), "gb18030"),
]


@pytest.mark.parametrize("data, encoding", [(d, e) for _, d, e in ENCODINGS], ids=[i for i, _, _ in ENCODINGS])
def test_every_supported_encoding_gives_the_same_normalised_text(tmp_path, data, encoding):
    doc = load_file(_write(tmp_path, data))
    assert doc.text == SIMPLIFIED
    assert doc.encoding == encoding
    assert doc.script == "simplified"
    assert doc.folded == doc.text


def test_utf16_without_bom_and_without_any_ascii_is_still_detected():
    """A single line of Chinese in UTF-16 holds no zero byte at all."""
    line = "我们的经济发展是在稳定中前进的，人民生活有了很大改善。"
    for enc in ("utf-16-le", "utf-16-be"):
        text, found = decode(line.encode(enc))
        assert (text, found) == (line, enc)


def test_utf8_cut_short_in_the_middle_of_a_character_is_read_with_a_warning(tmp_path):
    data = SIMPLIFIED.encode("utf-8") + "报".encode()[:2]
    doc = load_file(_write(tmp_path, data))
    assert doc.encoding == "utf-8"
    assert doc.text == SIMPLIFIED + "\ufffd\n"
    assert doc.warnings == ["1 broken UTF-8 byte sequence(s) replaced by U+FFFD"]


def test_utf8_with_a_stray_byte_keeps_its_offsets_and_warns(tmp_path):
    raw = SIMPLIFIED.encode("utf-8")
    cut = raw.index("海尔".encode())
    doc = load_file(_write(tmp_path, raw[:cut] + b"\xff" + raw[cut:]))
    assert doc.text == SIMPLIFIED.replace("海尔", "\ufffd海尔")
    assert len(doc.warnings) == 1


def test_gbk_text_is_not_mistaken_for_damaged_utf8(tmp_path):
    doc = load_file(_write(tmp_path, SIMPLIFIED.encode("gbk")))
    assert (doc.encoding, doc.warnings) == ("gb18030", [])


def test_gb18030_characters_outside_gbk_survive(tmp_path):
    text = "关于某区2020年度计划执行情况的报告\n䶮𠀀科技有限公司是在园区中建成的。\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    doc = load_file(_write(tmp_path, text.encode("gb18030")))
    assert doc.text == text
    assert doc.encoding == "gb18030"


def test_big5_traditional_text_is_read_as_written_and_folded_for_matching(tmp_path):
    doc = load_file(_write(tmp_path, TRADITIONAL.encode("big5")))
    assert doc.encoding == "big5"
    assert doc.text == TRADITIONAL
    assert doc.script == "traditional"
    assert doc.folded == TRADITIONAL_FOLDED


def test_folded_text_has_the_same_length_so_offsets_agree():
    doc = load_text(TRADITIONAL)
    assert doc.script == "traditional"
    assert len(doc.folded) == len(doc.text)
    assert doc.folded == TRADITIONAL_FOLDED
    i = doc.folded.index("国务院政府工作报告")
    assert doc.text[i : i + 9] == "國務院政府工作報告"


def test_simplified_text_is_not_taken_for_traditional():
    doc = load_text(SIMPLIFIED)
    assert doc.script == "simplified"
    assert doc.folded == doc.text


def test_a_few_traditional_characters_in_simplified_prose_do_not_switch_the_script():
    """Names keep their characters (乾隆, 於陵): a handful must not make the report traditional."""
    doc = load_text(SIMPLIFIED.replace("海尔家居", "於陵家居"))
    assert doc.script == "simplified"


def test_the_script_is_read_from_chinese_characters_alone_whatever_else_the_text_holds():
    """Letters, digits, punctuation, a character outside the basic plane and a lone surrogate
    (a reader's slip) count for neither script: the Chinese characters around them decide."""
    noise = "ABC 123，。𠀀\ud800" * 40
    assert detect_script(noise + TRADITIONAL) == "traditional"
    assert detect_script(noise + SIMPLIFIED) == "simplified"
    assert detect_script(noise) == "simplified"


def test_a_traditional_report_is_folded_as_fold_folds_each_character():
    """The loader folds a whole report at once; ``fold`` (names, short strings) one character at a
    time: the same folding, character for character, whatever else the text holds."""
    doc = load_text(TRADITIONAL + "第3條 ABC 𠀀龍國。\n")
    assert doc.script == "traditional"
    assert doc.folded == fold(doc.text)
    assert len(doc.folded) == len(doc.text) and doc.folded != doc.text


# One rule of the normal form per case (see extract/load.py).
NORMAL_FORM = [
    ("corner-brackets-become-curly-quotes", "深化「放管服」改革和『一次办好』", "深化“放管服”改革和‘一次办好’\n"),
    ("ascii-quotes-around-chinese-become-curly", '推进"一次办好"改革', "推进“一次办好”改革\n"),
    ("ascii-quotes-around-latin-kept", 'the "GDP" figure', 'the "GDP" figure\n'),
    ("full-width-digits", "增长６．５％，达到１２３亿元", "增长6.5%，达到123亿元\n"),
    ("full-width-letters", "ＧＤＰ和ａｂｃ", "GDP和abc\n"),
    ("full-width-percent", "占比５０％", "占比50%\n"),
    ("chinese-punctuation-kept-full-width", "一是，二是：三是；（四）！？", "一是，二是：三是；（四）！？\n"),
    (
        "ascii-comma-semicolon-next-to-chinese-widened",
        "增长2.3%,收入增长1.1%;支出下降",
        "增长2.3%，收入增长1.1%；支出下降\n",
    ),
    ("ascii-colon-next-to-chinese-widened", "各位代表:现在", "各位代表：现在\n"),
    ("ascii-parentheses-next-to-chinese-widened", "(一)经济运行", "（一）经济运行\n"),
    ("parenthesis-pair-widened-together", "(1)推进重点项目", "（1）推进重点项目\n"),
    ("parenthesis-pair-around-a-year-widened-together", "(2020年)", "（2020年）\n"),
    ("parenthesis-pair-between-latin-kept", "PM(2.5) and CO(2)", "PM(2.5) and CO(2)\n"),
    ("ratio-between-digits-kept", "三次产业比例调整为4.1:43.1:52.8。", "三次产业比例调整为4.1:43.1:52.8。\n"),
    ("spaces-between-digits-removed", "1 9 9 8 年达到7 4 7 7 2 亿元", "1998年达到74772亿元\n"),
    ("spaces-inside-a-decimal-removed", "增长 7 . 8 %", "增长7.8%\n"),
    ("spaces-around-chinese-removed", "区发展改革局局长  董建生", "区发展改革局局长董建生\n"),
    ("ideographic-indent-removed", "\u3000\u3000各位代表：", "各位代表：\n"),
    ("spaces-between-latin-words-kept-single", "Hello   world", "Hello world\n"),
    ("a-run-of-mixed-spaces-becomes-one", "GDP \u3000\t\u00a0grew\u2009 by\u200b2", "GDP grew by 2\n"),
    ("crlf-becomes-lf", "第一行\r\n第二行\r\n", "第一行\n第二行\n"),
    ("lone-cr-becomes-lf", "第一行\r第二行", "第一行\n第二行\n"),
    ("blank-line-runs-become-one", "一\n\n\n\n二\n \n\u3000\n三", "一\n\n二\n\n三\n"),
    ("zero-width-space-line-dropped", "标题\n\n\u200b\n\n正文", "标题\n\n正文\n"),
    ("control-characters-dropped", "经济\x07增长\x0c", "经济增长\n"),
    ("a-control-character-between-spaces-leaves-one-space", "GDP \x01 grew", "GDP grew\n"),
    ("characters-beyond-the-basic-plane-kept", "𠀀　ＡＢ𠀁「𠀂」", "𠀀AB𠀁“𠀂”\n"),
    ("line-and-paragraph-separators-become-lf", "第一行\u2028第二行\u2029第三行", "第一行\n第二行\n第三行\n"),
    ("spaces-at-line-ends-removed", "GDP grew \n by 2 \n", "GDP grew\nby 2\n"),
    ("blank-lines-and-spaces-at-the-text-ends-removed", "\n \n\u3000\n正文\n\n\n \x01\n", "正文\n"),
    ("a-line-of-spaces-only-between-text-becomes-blank", "一\n\t \n二", "一\n\n二\n"),
]


@pytest.mark.parametrize("raw, expected", [(r, e) for _, r, e in NORMAL_FORM], ids=[i for i, _, _ in NORMAL_FORM])
def test_normal_form(raw, expected):
    assert normalise(raw) == expected


def test_the_character_table_leaves_the_main_block_of_chinese_characters_as_it_is():
    # _characters looks only at the characters outside it: a change inside would be missed
    table = _character_table()
    block = np.arange(_HAN_FROM, _HAN_FROM + _HAN_SIZE)
    assert (table[block] == block).all()
    assert table[ord("　")] == ord(" ") and table[ord("１")] == ord("1")  # (and it changes those outside)


def test_the_characters_pass_names_the_lines_the_lines_own_steps_change():
    text, tones, work = _characters('各位代表：\n增长2.3%,收入\n\n\n平稳\n推进"一次办好"\nGDP  grew\n')
    assert text == '各位代表：\n增长2.3%,收入\n\n平稳\n推进"一次办好"\nGDP grew'
    assert work == [6, 20, 29]  # the narrow comma, the quotes, the space (not the full-width colon)
    assert not tones
    assert _characters("戰(zhàn)略")[1] and _characters("戰略")[2] == []


def test_runs_of_consecutive_positions_and_probes_among_positions():
    opens, closes = _runs(np.array([3, 4, 5, 9, 11, 12]))
    assert opens.tolist() == [True, False, False, True, True, False]
    assert closes.tolist() == [False, False, True, True, False, True]
    assert _holds(np.array([2, 5, 9]), np.array([1, 2, 9, 10])).tolist() == [False, True, True, False]
    assert _holds(np.array([], dtype=int), np.array([1])).tolist() == [False]


def test_normal_form_is_idempotent():
    for _, raw, _ in NORMAL_FORM:
        once = normalise(raw)
        assert normalise(once) == once


# Bad input: each an InputError with one line naming the file.
def _assert_one_line_naming(exc: pytest.ExceptionInfo, path: str, words: str) -> None:
    msg = str(exc.value)
    assert "\n" not in msg
    assert msg.startswith(f"{path}: ")
    assert words in msg


def test_missing_file_is_an_input_error(tmp_path):
    path = str(tmp_path / "missing.txt")
    with pytest.raises(InputError) as exc:
        load_file(path)
    _assert_one_line_naming(exc, path, "no such file")


def test_directory_given_as_one_report_file_is_an_input_error_that_says_to_pass_the_folder(tmp_path):
    with pytest.raises(InputError) as exc:
        load_file(str(tmp_path))
    _assert_one_line_naming(exc, str(tmp_path), "is a directory")
    assert "pass the folder itself" in str(exc.value)


@pytest.mark.parametrize(
    "data",
    [b"", b"  \n\r\n\t", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF8 + b"\n \n"],
    ids=["zero-bytes", "whitespace", "utf-8-bom-only", "utf-16-bom-only", "bom-and-blank-lines"],
)
def test_empty_file_is_an_input_error(tmp_path, data):
    path = _write(tmp_path, data, "empty.txt")
    with pytest.raises(InputError) as exc:
        load_file(path)
    _assert_one_line_naming(exc, path, "empty file")


def test_binary_file_is_an_input_error(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
    path = _write(tmp_path, png, "picture.png")
    with pytest.raises(InputError) as exc:
        load_file(path)
    _assert_one_line_naming(exc, path, "an image (PNG), not a text")


def test_text_without_chinese_is_an_input_error(tmp_path):
    path = _write(tmp_path, b"Government work report 2019\nGDP grew by 6.1 percent.\n", "english.txt")
    with pytest.raises(InputError) as exc:
        load_file(path)
    _assert_one_line_naming(exc, path, "no Chinese text")


def test_national_1954_report_is_recognised_as_traditional(national_dir):
    doc = load_file(str(national_dir / "1954-government-work-report.txt"))
    assert doc.script == "traditional"
    assert len(doc.folded) == len(doc.text)
    assert "中华人民共和国宪法" in doc.folded
    assert "中華人民共和國憲法" in doc.text


def test_national_1998_report_loses_its_stray_spaces_between_digits(national_dir):
    doc = load_file(str(national_dir / "1998-government-work-report.txt"))
    assert "本届政府从1993年3月就职" in doc.text
    assert "1997年国内生产总值达到74772亿元" in doc.text
