"""The indicator vocabulary: one concept whatever a report calls it, and nothing it is merely about."""

from __future__ import annotations

import pytest

from extract.errors import InputError
from extract.indicators.vocabulary import load_vocabulary, read_vocabulary

HEADLINE = [
    "gdp",
    "public-budget-revenue",
    "fixed-asset-investment",
    "retail-sales",
    "urban-disposable-income",
    "rural-disposable-income",
    "registered-unemployment",
    "surveyed-unemployment",
    "new-urban-jobs",
    "cpi",
    "foreign-trade",
    "foreign-investment",
    "industry-value-added-above-scale",
    "grain-output",
    "energy-intensity",
    "good-air-days",
]


def test_headline_indicators_are_in_the_vocabulary():
    vocab = load_vocabulary()
    for cid in HEADLINE:
        c = vocab[cid]
        assert c.zh and c.en and c.measures


@pytest.mark.parametrize(
    "name, concept",
    [
        ("地区生产总值", "gdp"),
        ("国内生产总值", "gdp"),
        ("GDP", "gdp"),
        ("gdp", "gdp"),
        ("全区地区生产总值", "gdp"),
        ("全国财政收入", "public-budget-revenue"),
        ("一般公共预算收入", "public-budget-revenue"),
        ("规模以上固定资产投资", "fixed-asset-investment"),
        ("外贸进出口总额", "foreign-trade"),
        ("规上工业增加值", "industry-value-added-above-scale"),
        ("居民消费价格涨幅", "cpi"),
        ("单位国内生产总值能耗", "energy-intensity"),
        ("万元GDP能耗", "energy-intensity"),
        ("人均国内生产总值", "gdp-per-capita"),
        ("全年空气质量优良天数", "good-air-days"),
        ("“实际利用外资”", "foreign-investment"),
    ],
)
def test_surface_forms_map_to_one_concept(name, concept):
    c = load_vocabulary().match(name)
    assert c is not None and c.id == concept


@pytest.mark.parametrize(
    "name",
    [
        "服务业增加值占国内生产总值比重的变化",  # about GDP, not GDP
        "中央财政收入",  # a part of the whole
        "高新技术产品出口",  # a sub-category
        "对经济增长的贡献率",
        "经济",  # only with its verb
    ],
)
def test_names_merely_about_an_indicator_do_not_map(name):
    assert load_vocabulary().match(name) is None


def test_a_name_with_its_verb():
    assert load_vocabulary().match("经济", verb="增长").id == "gdp"


def test_every_form_maps_back_to_its_own_concept():
    vocab = load_vocabulary()
    for c in vocab:
        for form in c.alt:
            assert vocab.match(form).id == c.id, form


def test_ids_are_unique_and_stable_ascii():
    ids = [c.id for c in load_vocabulary()]
    assert len(ids) == len(set(ids)) and all(i.isascii() for i in ids)


@pytest.mark.parametrize(
    "line, message",
    [
        ("gdp\t地区生产总值\tGDP\tGDP", "measure column must be"),
        ("GDP\t地区生产总值\tGDP\tGDP\tgrowth", "lower-case ASCII"),
        ("gdp\t地区生产总值\tGDP\tGDP\tspeed", "measure column must be"),
        ("gdp\t地区生产总值", "expected id, zh, en"),
    ],
)
def test_malformed_rows_are_named(tmp_path, line, message):
    p = tmp_path / "v.tsv"
    p.write_text("# header\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        read_vocabulary(str(p))
    assert "v.tsv" in str(err.value)


def test_a_form_may_name_only_one_concept(tmp_path):
    p = tmp_path / "v.tsv"
    p.write_text("a\t甲\tA\t共同\tlevel\nb\t乙\tB\t共同\tlevel\n", encoding="utf-8")
    with pytest.raises(InputError, match="names both a and b"):
        read_vocabulary(str(p))


def test_read_vocabulary_from_a_file(tmp_path):
    p = tmp_path / "v.tsv"
    p.write_text("# comment\nx-rate\t某率\tSome rate\t某比率|某某率\trate\n", encoding="utf-8")
    vocab = read_vocabulary(str(p))
    assert len(vocab) == 1 and vocab.match("全县某比率").id == "x-rate"
    with pytest.raises(InputError, match="cannot read"):
        read_vocabulary(str(tmp_path / "missing.tsv"))
