"""Converter pinyin: read without, shown with (extract.repair.strip_pinyin, extract.expose)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.corpus import extract_corpus
from extract.expose import with_pinyin
from extract.load import load_text
from extract.repair import strip_pinyin

REPORT = (
    "澜川县2023年政府工作报告\n"
    "一、2022年工作回顾\n"
    "全面實施“三個五”戰(zhàn)略，泓辰衛(wèi)星科技有限公司開(kāi)工建設。地區生產總值增長5.1%。\n"
    "二、2023年工作安排\n"
    "加快霁川產業(yè)園建設。\n"
)


@pytest.mark.parametrize(
    "text",
    ["發(fā)展戰(zhàn)略。\n", "沒有注音的句子。\n", "末尾被截斷的注音戰(zh\n", "報(bào)告（一期）工程。\n"],
)
def test_putting_the_pinyin_back_gives_the_text_again(text):
    read, pinyin = strip_pinyin(text)
    assert "(" not in read.replace("（一期）", "")
    assert with_pinyin(read, pinyin) == text


def test_a_note_in_parentheses_is_no_pinyin():
    assert strip_pinyin("完成修缮（一期）工程。\n") == ("完成修缮（一期）工程。\n", ())


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    path = Path(tmp_path_factory.mktemp("pinyin")) / "lanchuan-2023-gwr.txt"
    path.write_text(REPORT, encoding="utf-8")
    return extract_corpus([str(path)]).documents[0]


def test_the_rules_read_names_without_the_pinyin_and_the_mentions_quote_it(result):
    found = {e.name: [m.text for m in e.mentions] for e in result.entities}
    assert found["三個五戰略"] == ["“三個五”戰（zhàn）略"]
    assert found["泓辰衛星科技有限公司"] == ["泓辰衛（wèi）星科技有限公司"]
    assert found["霁川產業園"] == ["霁川產業（yè）園"]


def test_every_offset_points_into_the_text_with_the_pinyin(result):
    doc = result.document
    assert "戰（zhàn）略" in doc.text and len(doc.folded) == len(doc.text)
    for e in result.entities:
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text
            assert doc.text[m.sentence_start : m.sentence_start + len(m.sentence)] == m.sentence
        for c in e.status:
            sentence = doc.sentence_at(c.start)
            assert c.evidence == doc.text[sentence.start : sentence.end].strip() or c.evidence in doc.text
            assert not c.trigger or doc.text[c.start : c.end] == c.trigger
        for t in e.themes:
            assert t.mention_start is None or t.mention_start in {m.start for m in e.mentions}
    (gdp,) = [i for i in result.indicators if i.indicator == "地區生產總值"]
    assert doc.text[gdp.start : gdp.end] == gdp.evidence
    for s in doc.sentences:
        assert doc.text[s.start : s.end].strip()
    assert doc.text[doc.sections[-1].start :].startswith("二、2023年")
    assert doc.section(doc.sections[-1].id).start == doc.sections[-1].start  # the index follows the move
    assert not doc.pinyin
    assert "4 pinyin annotation(s) left by a converter: read without them, kept in the text" in doc.warnings


def test_names_and_aliases_are_read_without_the_pinyin(result):
    (firm,) = [e for e in result.entities if e.type == "ENTERPRISE"]
    assert (firm.name, firm.aliases) == ("泓辰衛星科技有限公司", ["泓辰衛星科技有限公司"])
    (started,) = [c for c in firm.status if c.trigger]
    assert started.status == "started"
    assert started.trigger == "開（kāi）工建設"  # a trigger is a quote of the text: it keeps the pinyin


def test_pinyin_makes_no_line_look_wrapped_wider(tmp_path):
    para = (
        "青石湾产业园建成投产，金穗农牧科技有限公司落户，白桦林数字经济产业园开工建设，新增规模以上工业企业十二家。" * 3
    )
    lines = [para[i : i + 20] for i in range(0, len(para), 20)]
    lines = [ln.replace("湾", "湾(wān)", 1) if k % 4 == 0 else ln for k, ln in enumerate(lines)]
    path = tmp_path / "qingshi-2023-gwr.txt"
    path.write_text("青石县2023年政府工作报告\n一、2022年工作回顾\n" + "\n".join(lines) + "\n", encoding="utf-8")
    doc = extract_corpus([str(path)]).documents[0]
    firms = [m.text for e in doc.entities if e.type == "ENTERPRISE" for m in e.mentions]
    assert firms == ["金穗农牧科技有限公司"] * 3  # every wrap joined again, the names whole


def test_the_loader_finds_pinyin_with_tone_marks_and_an_annotation_cut_short_at_the_end():
    """The loader tells strip_pinyin whether the text holds tone marks at all; an annotation cut
    short at the very end (the page ended there) is looked for either way."""
    toned = load_text("霁川戰（zhàn）略推进。\n")
    assert toned.text == "霁川戰略推进。\n" and toned.pinyin == ((3, "（zhàn）"),)
    cut = load_text("霁川产业园建设推进，衛（w")
    assert cut.text == "霁川产业园建设推进，衛\n" and cut.pinyin == ((11, "（w"),)
