"""policy_gazetteer, the second pass: what the first pass found anywhere in a corpus,
looked for again in every report (short forms, trusted headless names, slogans),
and a firm named at the front of its park.

The two-report corpus is tests/data/entities/lanchuan-*.txt (an invented 澜川县);
the smaller cases are built inline.
"""

from __future__ import annotations

import json

import pytest

from extract.entities import EntityExtractor, build_nlp

E, K, G = "ENTERPRISE", "PARK", "PROGRAM"
FIRST, SECOND = "lanchuan-2021-report-2022-plan.txt", "lanchuan-2022-report-2023-plan.txt"


@pytest.fixture(scope="module")
def corpus(data_file):
    """Both passes over the two 澜川 reports: the extractor and the two documents."""
    docs = [data_file(FIRST), data_file(SECOND)]
    ex = EntityExtractor()
    ex.first_pass_all(docs)
    return ex, docs


@pytest.fixture(scope="module")
def later(corpus):
    """The second report's entities by (type, name)."""
    ex, docs = corpus
    return {(e.type, e.name): e for e in ex.entities(docs[1])}


def test_the_first_report_read_alone(corpus):
    ex, docs = corpus
    assert {(e.type, e.name) for e in ex.entities(docs[0])} == {
        (E, "泓辰精密光学股份有限公司"),
        (E, "穗禾优选"),
        (E, "澜溪竹编"),
        (E, "澜禾公司"),
        (E, "霁达冷链"),
        (K, "澜川物流园"),
        (G, "两单一码监管"),
    }


def test_the_second_report_names_what_the_first_taught(later):
    assert set(later) == {
        (E, "泓辰精密光学"),  # the short form of a firm with a legal form
        (E, "穗禾优选"),  # a list item typed by its class noun
        (E, "澜溪竹编"),  # a firm honoured with a firm's title
        (E, "澜禾"),  # a two-character short form, closed by punctuation
        (G, "两单一码"),  # the slogan of a quoted programme
        (G, "两单一码监管改革"),  # found by its head, as in any report
        (K, "泓辰精密光学产业园"),
    }


def test_what_the_first_pass_learned(corpus):
    ex, _ = corpus
    known = ex.nlp.get_pipe("policy_gazetteer").known
    assert {k.form: (k.type, k.canonical) for k in known.values()} == {
        "泓辰精密光学": (E, "泓辰精密光学股份有限公司"),
        "穗禾优选": (E, "穗禾优选"),
        "澜溪竹编": (E, "澜溪竹编"),
        "澜禾": (E, "澜禾公司"),
        "两单一码": (G, "两单一码"),
    }


def test_names_of_the_second_report_are_found_by_the_gazetteer(later):
    for key in [(E, "泓辰精密光学"), (E, "穗禾优选"), (E, "澜溪竹编"), (E, "澜禾"), (G, "两单一码")]:
        assert {m.rule for m in later[key].mentions} == {"gazetteer"}, key


def test_a_short_form_inside_a_longer_name_is_no_mention_of_its_own(later):
    # 两单一码 inside “两单一码”监管改革 is part of that name; its one mention is the bare one
    assert [m.text for m in later[(G, "两单一码")].mentions] == ["两单一码"]


def test_a_two_character_form_is_found_only_between_punctuation(later):
    # "澜禾，一家冷链企业" yes; "支持澜禾扩大仓储" no
    assert [m.sentence for m in later[(E, "澜禾")].mentions] == ["澜禾，一家冷链企业，全年营收增长两成。"]


def test_a_firm_at_the_front_of_its_park_is_named_there_too(later):
    firm = later[(E, "泓辰精密光学")]
    park = later[(K, "泓辰精密光学产业园")].mentions[0]
    nested = [m for m in firm.mentions if m.start == park.start]
    assert [(m.text, m.year, m.mode) for m in nested] == [("泓辰精密光学", 2023, "planned")]


def test_a_known_firm_inside_another_firms_name_is_no_owner(report):
    # 泓辰精密 opens both a park and another firm's name: it owns the park, not the firm
    docs = [report(2021, "泓辰精密公司完成股改。"), report(2022, "泓辰精密光学公司成立。泓辰精密物流园开园。")]
    ex = EntityExtractor()
    ex.first_pass_all(docs)
    assert [(e.type, e.name, [m.text for m in e.mentions]) for e in ex.entities(docs[1])] == [
        (E, "泓辰精密光学公司", ["泓辰精密光学公司"]),
        (E, "泓辰精密", ["泓辰精密"]),
        (K, "泓辰精密物流园", ["泓辰精密物流园"]),
    ]
    nested = ex.entities(docs[1])[1].mentions[0]
    assert docs[1].text[nested.start : nested.start + 7] == "泓辰精密物流园"


def test_a_partner_and_an_everyday_short_form_are_not_spread(later):
    # 霁达冷链 was typed by its role (a partner), 商贸 of 商贸公司 is a word: neither is looked for
    assert not {n for _, n in later} & {"霁达冷链", "商贸"}


# -- inline corpora ---------------------------------------------------------------------------------


def test_a_short_form_is_found_in_a_later_report(report, corpus_entities):
    assert corpus_entities(report(2021, "泓辰精密公司完成股改。"), report(2022, "泓辰精密登陆北交所。")) == [
        {(E, "泓辰精密公司")},
        {(E, "泓辰精密")},
    ]


def test_a_short_form_and_its_long_form_in_one_report_are_one_firm(report):
    doc = report(2021, "泓辰精密公司扩产。泓辰精密完成股改。")
    ex = EntityExtractor()
    ex.first_pass(doc)
    [firm] = ex.entities(doc)
    assert (firm.type, firm.name) == (E, "泓辰精密公司")
    assert [(m.text, m.rule) for m in firm.mentions] == [("泓辰精密公司", "heads"), ("泓辰精密", "gazetteer")]


@pytest.mark.parametrize(
    "first, second",
    [
        ("泓辰钢铁年产值突破5亿元。", "支持泓辰钢铁扩大出口。"),  # a subject by its shape
        ("推动澜光机床、霁华电子、青禾纺织等做大做强。", "支持澜光机床扩大出口。"),  # a list of firms by their shape
    ],
)
def test_names_guessed_from_their_shape_stay_where_they_were_found(report, corpus_entities, first, second):
    assert corpus_entities(report(2021, first), report(2022, second))[1] == set()


def test_a_list_item_typed_by_its_class_is_spread(report, corpus_entities):
    assert corpus_entities(report(2021, "澜川锂电隔膜等重点外资项目签约落地。"), report(2022, "澜川锂电隔膜投产。"))[
        1
    ] == {("PROJECT", "澜川锂电隔膜")}


def test_the_slogan_of_a_quoted_programme_is_spread(report, corpus_entities):
    assert corpus_entities(report(2021, "开展“营商环境优化年”活动。"), report(2022, "营商环境优化年成效明显。"))[1] == {
        (G, "营商环境优化年")
    }


def test_a_short_slogan_needs_a_quote_on_one_side(report, corpus_entities):
    # a scraped report may lose one quote mark; a bare 四稳 inside a sentence is not enough
    first, second = corpus_entities(
        report(2021, "全力做好“四稳”工作。"), report(2022, "四稳”成效明显。全面落实四稳要求。")
    )
    assert first == second == {(G, "四稳")}


def test_a_short_slogan_without_quotes_is_not_found(report, corpus_entities):
    assert corpus_entities(report(2021, "全力做好“四稳”工作。"), report(2022, "全面落实四稳要求。"))[1] == set()


def test_everyday_words_and_sectors_are_not_learned(report):
    ex = EntityExtractor()
    ex.first_pass_all([report(2021, "组建县商贸公司。电子信息等5家企业扩产。")])
    assert ex.nlp.get_pipe("policy_gazetteer").known == {}


# -- the matcher itself -------------------------------------------------------------------------------


@pytest.fixture()
def gazetteer():
    """A fresh pipeline's gazetteer (the tests add forms to it)."""
    return build_nlp().get_pipe("policy_gazetteer")


def test_matches_are_leftmost_and_longest_and_never_overlap(gazetteer):
    for form in ("泓辰", "泓辰精密", "精密光学", "光学"):
        gazetteer._add(form, E, form)
    doc = gazetteer.nlp.make_doc("泓辰精密光学，光学")
    assert gazetteer.matches(doc) == [(0, 4, "泓辰精密"), (4, 6, "光学"), (7, 9, "光学")]


def test_a_form_learned_twice_keeps_the_longest_long_form(gazetteer):
    gazetteer._add("泓辰精密", E, "泓辰精密公司")
    gazetteer._add("泓辰精密", E, "泓辰精密股份有限公司")
    gazetteer._add("泓辰精密", E, "泓辰精密集团")
    assert gazetteer.known["泓辰精密"].canonical == "泓辰精密股份有限公司"
    assert len(gazetteer.matcher) == 1 + len(gazetteer.seeds)  # one pattern key for the form, one per seed


def test_what_was_learned_round_trips_through_bytes_in_a_fixed_order(gazetteer):
    gazetteer._add("穗禾优选", E, "穗禾优选")
    gazetteer._add("两单一码", G, "两单一码")
    data = gazetteer.to_bytes()
    other = build_nlp().get_pipe("policy_gazetteer").from_bytes(data)
    assert other.known == gazetteer.known
    assert other.to_bytes() == data
    assert [row[0] for row in json.loads(data)["known"]] == ["两单一码", "穗禾优选"]  # sorted by form, not by arrival


def test_a_gazetteer_that_learned_nothing_adds_nothing_but_its_seeds(nlp):
    doc = nlp.make_doc("泓辰精密完成股改。")
    assert build_nlp().get_pipe("policy_gazetteer")(doc) is doc
    assert not doc._.policy_candidates
    seeded = nlp.make_doc("加快社会信用体系建设。")
    build_nlp().get_pipe("policy_gazetteer")(seeded)
    assert [(c.start, c.end, c.type) for c in seeded._.policy_candidates] == [(2, 10, G)]


def test_a_coordination_of_two_names_the_corpus_knows_is_two_names(report, corpus_entities):
    first = report(2021, "实施“霁宇航天”计划，推进澜星探测工程。“霁宇航天”稳步推进。")
    second = report(2022, "实施霁宇航天与澜星探测工程。")
    assert corpus_entities(first, second)[1] == {(G, "霁宇航天"), (G, "澜星探测工程")}


def test_a_coordination_with_one_unknown_part_stays_one_name(report, corpus_entities):
    first = report(2021, "推进澜星探测工程。")
    second = report(2022, "实施澜川返贫监测与澜星探测工程。")
    assert corpus_entities(first, second)[1] == {(G, "澜川返贫监测与澜星探测工程")}


def test_a_pair_the_corpus_writes_joined_is_one_name_also_with_a_dunhao(report, corpus_entities):
    first = report(2021, "深入推进“澜川创业霁川创新”。")
    second = report(2022, "深入推进澜川创业、霁川创新，新增市场主体。")
    assert corpus_entities(first, second)[1] == {(G, "澜川创业、霁川创新")}


def test_a_pair_the_corpus_never_writes_joined_stays_two_items(report, corpus_entities):
    first = report(2021, "推进“澜川创业”。")
    second = report(2022, "深入推进澜川创业、霁川创新等工作。")
    assert (G, "澜川创业、霁川创新") not in corpus_entities(first, second)[1]


def test_land_returned_and_a_works_written_with_one_connector_are_two_names(report, corpus_entities):
    first = report(2021, "继续实施退耕还林、澜湘天然林保护工程。")
    second = report(2022, "退耕还林和澜湘天然林保护工程建设取得成效。")
    assert corpus_entities(first, second)[1] == {(G, "退耕还林"), (G, "澜湘天然林保护工程")}


def test_a_coordination_whose_parts_the_corpus_names_with_another_head_or_works_noun_is_two(report, corpus_entities):
    # 霁川社会养老保险 is named with 试点, 澜湘水库 with 水利枢纽工程: written here with 制度 and 水利水电枢纽工程
    first = report(2021, "开展霁川社会养老保险试点，澜川城乡养老保险试点稳步推进。澜湘水库水利枢纽工程开工。")
    second = report(2022, "建立霁川社会养老保险和澜川城乡养老保险制度。推进青禾水库和澜湘水库水利水电枢纽工程。")
    assert corpus_entities(first, second)[1] == {
        (G, "霁川社会养老保险"),
        (G, "澜川城乡养老保险制度"),
        ("PROJECT", "青禾水库"),
        ("PROJECT", "澜湘水库水利水电枢纽工程"),
    }


def test_a_national_programme_of_the_lexicon_is_found_with_no_report_teaching_it(report, corpus_entities):
    # every word of it is everyday: no rule names it, the lexicon's list does
    assert corpus_entities(report(2021, "加快社会信用体系建设。")) == [{(G, "社会信用体系建设")}]


def test_a_places_share_of_a_national_programme_is_a_programme(report, corpus_entities):
    # 搬迁改造 alone would make it works; a place before a programme of the lexicon is its share
    [first, second] = corpus_entities(
        report(2021, "积极争取澜川城区老工业区搬迁改造获得国家支持。"),
        report(2022, "做好城区老工业区搬迁改造文章。"),
    )
    assert first == {(G, "澜川城区老工业区搬迁改造")}
    assert second == {(G, "城区老工业区搬迁改造")}


def test_everyday_words_before_a_national_programme_make_no_share(report, corpus_entities):
    assert corpus_entities(report(2021, "加快重点城区老工业区搬迁改造。")) == [{(G, "城区老工业区搬迁改造")}]


@pytest.mark.parametrize(
    "long_text, long_name, short_text",
    [
        ("深入推进简审批、优服务、强监管改革。", "简审批、优服务、强监管改革", "深化“审服管”改革。"),
        ("抓好稳产能、稳就业、扩内需、惠民生。", "稳产能、稳就业、扩内需、惠民生", "扎实推进“两稳一扩一惠”。"),
    ],
)
def test_a_coordination_whose_short_form_the_corpus_knows_is_one_programme(
    report, corpus_entities, long_text, long_name, short_text
):
    first, _ = corpus_entities(report(2021, long_text), report(2022, short_text))
    assert (G, long_name) in first


def test_a_report_writing_the_short_form_has_no_long_form_of_it(report, corpus_entities):
    # "把“两稳一扩一惠”落到…稳产能、稳就业、扩内需、惠民生": the report names it short; its list is no other name
    first, _ = corpus_entities(
        report(2021, "扎实推进“两稳一扩一惠”，抓好稳产能、稳就业、扩内需、惠民生。"),
        report(2022, "落实“两稳一扩一惠”。"),
    )
    assert (G, "稳产能、稳就业、扩内需、惠民生") not in first


@pytest.mark.parametrize(
    "text",
    [
        "加快推进沿江产业带、环城公路建设。",  # two items ending in 带 and 路: an everyday list, no 一带一路
        "坚持下放权限、管理到位、服务优化，提升审批效率。",  # one character each, but no 改革 after them
    ],
)
def test_everyday_lists_are_no_long_forms_of_known_short_forms(report, corpus_entities, text):
    known = report(2021, "深度融入“一带一路”。深化“放管服”改革。")
    _, later = corpus_entities(known, report(2022, text))
    assert not any("、" in name for _, name in later)


def test_a_gazetteer_read_back_builds_its_short_forms_from_what_it_read():
    # the index of short forms belongs to what was learned: reading other forms in starts it anew
    first = build_nlp().get_pipe("policy_gazetteer")
    first.named = {"审服管改革": "PROGRAM"}
    assert first._short_index() == {"审服管": "审服管改革"}
    other = build_nlp().get_pipe("policy_gazetteer")
    other.named = {"治污水改革": "PROGRAM"}  # as many forms as before: a cache keyed on sizes alone is stale
    first.from_bytes(other.to_bytes())
    assert first._short_index() == {"治污水": "治污水改革"}
