"""Must-not-merge: names alike that name two things stay two, in one report and across reports.

Every name here is invented; the reports are a few sentences written for the test.
"""

from __future__ import annotations

import pytest

from extract.records import Document, DocumentResult, Entity, Mention
from extract.resolve import compare, key, merge_variants, resolve
from extract.resolve.guards import is_coordination, listed_together, other_component, other_scope

AREA = ("青禾县", "青禾")


def reports(*docs: tuple[str, list[tuple[str, str]]]) -> list[DocumentResult]:
    """Each report: its text and its entities as (name, type). Every occurrence of
    a name that no longer listed name covers is a mention, with its sentence."""
    out = []
    for i, (text, ents) in enumerate(docs):
        doc = Document(
            path=f"qinghe-{2019 + i}.txt",
            text=text,
            folded=text,
            encoding="utf-8",
            script="simplified",
            area="青禾县",
            reviewed_year=2019 + i,
            plan_year=2020 + i,
        )
        taken: list[tuple[int, int]] = []
        entities = []
        for name, typ in sorted(ents, key=lambda e: -len(e[0])):
            ms, start = [], text.find(name)
            while start >= 0:
                end = start + len(name)
                if not any(a < end and start < b for a, b in taken):
                    taken.append((start, end))
                    s0 = text.rfind("。", 0, start) + 1
                    ms.append(
                        Mention(
                            text=name,
                            start=start,
                            end=end,
                            type=typ,
                            rule="test",
                            sentence=text[s0 : text.find("。", start) + 1],
                            sentence_start=s0,
                            section="1",
                            section_title="",
                            year=2019 + i,
                            mode="reviewed",
                        )
                    )
                start = text.find(name, end)
            assert ms, f"{name} is not in the text"
            entities.append(Entity(id="", type=typ, name=name.strip("“”"), mentions=ms))
        entities.sort(key=lambda e: e.mentions[0].start)
        out.append(DocumentResult(document=doc, entities=entities))
    return out


def ids(results) -> dict[str, str]:
    return {a: e.id for r in results for e in r.entities for a in e.aliases}


def score(a: str, b: str, typ: str = "PROGRAM") -> float:
    return compare(a, b, key(a, AREA), key(b, AREA), typ)[0]


# -- ordinals and numbered plans -----------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("第一个三年振兴规划", "第二个三年振兴规划"),
        ("云岭十三五规划", "云岭十四五规划"),
        ("第一个五年计划", "五年计划"),
    ],
)
def test_numbers_and_ordinals_keep_plans_apart(a, b):
    assert score(a, b) == 0.0


@pytest.mark.parametrize("scoped", ["新世纪第一个五年计划", "英国第一个五年计划"])
def test_an_ordinal_counted_within_another_scope_is_another_plan(scoped):
    assert other_scope(key(scoped, AREA), key("第一个五年计划", AREA))
    assert score(scoped, "第一个五年计划") == 0.0
    # the area's own series, however long its title, is the same plan
    assert key("我县国民经济和社会发展第一个五年计划", AREA) == key("第一个五年计划", AREA)


def test_first_and_second_plans_stay_apart_across_reports():
    results = reports(
        ("实施第一个三年振兴规划。", [("第一个三年振兴规划", "PROGRAM")]),
        ("我县第一个三年振兴规划圆满完成。", [("我县第一个三年振兴规划", "PROGRAM")]),
        ("编制第二个三年振兴规划。", [("第二个三年振兴规划", "PROGRAM")]),
    )
    resolve(results)
    got = ids(results)
    assert got["第一个三年振兴规划"] == got["我县第一个三年振兴规划"] != got["第二个三年振兴规划"]


# -- lines, sections, phases ---------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("云岭调水东线工程", "云岭调水中线工程"),
        ("云岭输气东段工程", "云岭输气西段工程"),
        ("云岭输气工程", "云岭输气二线工程"),
        ("云岭调水东", "云岭调水"),
    ],
)
def test_lines_and_sections_are_parts_of_their_own(a, b):
    assert other_component(key(a, AREA), key(b, AREA)) or other_component(a, b)
    assert score(a, b, "PROJECT") == 0.0


def test_a_phase_is_a_stage_of_one_undertaking_across_reports():
    results = reports(
        ("云梦湖水库工程开工。", [("云梦湖水库工程", "PROJECT")]),
        ("云梦湖水库二期工程完工。", [("云梦湖水库二期工程", "PROJECT")]),
        ("推进云梦湖水库三期工程。", [("云梦湖水库三期工程", "PROJECT")]),
    )
    links, canonical = resolve(results)
    got = ids(results)
    assert got["云梦湖水库工程"] == got["云梦湖水库二期工程"] == got["云梦湖水库三期工程"]
    assert canonical[got["云梦湖水库工程"]] == "云梦湖水库工程"  # never a phase's name


def test_two_phases_one_report_follows_apart_stay_two():
    results = reports(
        (
            "云梦湖水库一期工程完工，云梦湖水库二期工程开工。",
            [("云梦湖水库一期工程", "PROJECT"), ("云梦湖水库二期工程", "PROJECT")],
        )
    )
    merge_variants(results)
    assert len(results[0].entities) == 2


def test_the_whole_and_its_phase_in_one_report_are_one():
    results = reports(
        (
            "“云梦湖水库”工程全面开工，云梦湖水库一期工程完成投资。",
            [("“云梦湖水库”工程", "PROJECT"), ("云梦湖水库一期工程", "PROJECT")],
        )
    )
    links = merge_variants(results)
    assert len(results[0].entities) == 1
    assert links[0].kind == "variant" and links[0].rule.startswith("in one report: ")


# -- one inserted word, a list -------------------------------------------------------


def test_banks_a_report_lists_side_by_side_never_merge():
    """鸿源农业银行 is read inside 鸿源农业发展银行; the list says they are two banks,
    in the report that lists them and in every other."""
    results = reports(
        (
            "支持鸿源农业银行、鸿源农业发展银行扩大涉农贷款。",
            [("鸿源农业银行", "ENTERPRISE"), ("鸿源农业发展银行", "ENTERPRISE")],
        ),
        ("鸿源农业发展银行投放贷款10亿元。", [("鸿源农业发展银行", "ENTERPRISE")]),
        ("鸿源农业银行完成改制。", [("鸿源农业银行", "ENTERPRISE")]),
    )
    assert frozenset(("鸿源农业银行", "鸿源农业发展银行")) in listed_together(results)
    links = merge_variants(results)
    assert len(results[0].entities) == 2 and not links
    resolve(results)
    got = ids(results)
    assert got["鸿源农业银行"] != got["鸿源农业发展银行"]
    assert len({e.id for r in results for e in r.entities}) == 2


def test_without_the_list_the_inserted_word_reads_as_a_longer_name():
    """The guard is the corpus's evidence, not a list of names: without it the two merge."""
    results = reports(
        ("鸿源农业发展银行投放贷款10亿元。", [("鸿源农业发展银行", "ENTERPRISE")]),
        ("鸿源农业银行完成改制。", [("鸿源农业银行", "ENTERPRISE")]),
    )
    resolve(results)
    got = ids(results)
    assert got["鸿源农业银行"] == got["鸿源农业发展银行"]


def test_a_rename_both_of_whose_names_one_report_writes_is_two_things():
    first = ("建立鸿源职工互助保险。", [("鸿源职工互助保险", "PROGRAM")])
    results = reports(
        first, ("扩大鸿源居民互助保险试点，鸿源职工互助保险参保人数增加。", [("鸿源居民互助保险试点", "PROGRAM")])
    )
    resolve(results)
    got = ids(results)
    assert got["鸿源职工互助保险"] != got["鸿源居民互助保险试点"]
    # the same two reports, the second one not writing the first name: a rename
    results = reports(first, ("扩大鸿源居民互助保险试点。", [("鸿源居民互助保险试点", "PROGRAM")]))
    links, _ = resolve(results)
    got = ids(results)
    assert got["鸿源职工互助保险"] == got["鸿源居民互助保险试点"]
    assert [lk.kind for lk in links] == ["rename"]


def test_words_replaced_in_everyday_vocabulary_are_another_programme():
    assert score("城乡职工互助医疗保险", "城乡居民互助医疗保险") == 0.0
    assert score("宏观调控政策", "宏观调控留下更多政策") == 0.0  # a clause inserted


# -- coordinations -------------------------------------------------------------------


def test_a_coordination_of_two_known_names_is_neither():
    known = frozenset({"云帆载人飞行", "星月探测工程", "星月探测"})
    assert is_coordination("云帆载人飞行与星月探测工程", known)
    assert not is_coordination("国民经济和社会发展规划", known)
    results = reports(
        ("云帆载人飞行取得突破。", [("云帆载人飞行", "PROGRAM")]),
        ("实施云帆载人飞行与星月探测工程。", [("云帆载人飞行与星月探测工程", "PROGRAM")]),
        ("星月探测工程进展顺利。", [("星月探测工程", "PROGRAM")]),
    )
    resolve(results)
    got = ids(results)
    assert len({got["云帆载人飞行"], got["云帆载人飞行与星月探测工程"], got["星月探测工程"]}) == 3


# -- words in front ------------------------------------------------------------------


def test_words_in_front_are_set_aside_but_a_place_is_not():
    results = reports(
        (
            "实施第一个三年振兴规划，认为兴建云梦湖水库工程十分必要，比英国第一个三年振兴规划更快。",
            [
                ("第一个三年振兴规划", "PROGRAM"),
                ("认为兴建云梦湖水库工程", "PROJECT"),
                ("比英国第一个三年振兴规划", "PROGRAM"),
            ],
        ),
        ("云梦湖水库工程开工。", [("云梦湖水库工程", "PROJECT")]),
    )
    merge_variants(results)
    names = sorted(e.name for e in results[0].entities)
    assert names == ["比英国第一个三年振兴规划", "第一个三年振兴规划", "认为兴建云梦湖水库工程"]
    links, canonical = resolve(results)
    got = ids(results)
    assert got["认为兴建云梦湖水库工程"] == got["云梦湖水库工程"]
    assert canonical[got["云梦湖水库工程"]] == "云梦湖水库工程"
    assert got["比英国第一个三年振兴规划"] != got["第一个三年振兴规划"]


@pytest.mark.parametrize(
    "short, long_",
    [
        ("鸿铭扶贫攻坚", "鸿铭扶贫攻坚责任制"),  # the duty to carry it out
        ("云岭乡村共富", "云岭乡村共富专项资金"),  # the money for it
        ("云岭乡村共富", "云岭乡村共富成果"),
    ],
)
def test_what_serves_an_undertaking_is_not_it(short, long_):
    assert compare(short, long_, key(short, AREA), key(long_, AREA), "PROGRAM")[0] == 0.0
    # the same longer name with a head of the undertaking itself is its short form
    assert compare(short, short + "行动", key(short, AREA), key(short + "行动", AREA), "PROGRAM")[0] > 0.6


@pytest.mark.parametrize(
    "a, b, apart",
    [
        ("上海自贸试验区", "福建自贸试验区", True),  # one key once the place is set aside: two zones
        ("济南市平阴县工业园", "平阴县工业园", False),  # a parent place before the same place
        ("淄博大学城实验小学", "大学城实验小学", False),  # a place before one name only
        ("平阴县经济开发区", "平阴经济开发区", False),  # a place with or without its rank
        ("济南高新区", "济南市高新区", False),
    ],
)
def test_names_opening_with_two_different_places_never_merge(a, b, apart):
    assert (compare(a, b, key(a), key(b), "PARK")[0] == 0.0) is apart


def test_the_place_guard_holds_only_for_names_told_apart_by_their_places():
    from extract.resolve.guards import other_place

    assert other_place("上海自贸试验区澜川合作园", "福建自贸试验区澜川合作园")
    assert not other_place("平阴滨河公园提升改造工程", "平阴滨河中心公园提升改造工程")  # 滨河公园 is a place too


def test_a_school_inserted_in_a_renamed_programme_makes_another_programme():
    # 农村中小学危房改造 rebuilds schools; 农村危房改造 rebuilds village houses
    assert (
        compare(
            "澜川农村中小学危房改造",
            "澜川农村危房改造试点",
            key("澜川农村中小学危房改造"),
            key("澜川农村危房改造试点"),
            "PROGRAM",
        )[0]
        == 0.0
    )


def test_zones_of_two_places_sharing_a_key_get_two_ids_and_no_link():
    # grouped by key, 上海自贸试验区 and 福建自贸试验区 would be one group before any score
    results = reports(
        ("推进上海自贸试验区建设。", [("上海自贸试验区", "PARK")]),
        ("新设福建自贸试验区。", [("福建自贸试验区", "PARK")]),
    )
    links, _ = resolve(results)
    got = ids(results)
    assert got["上海自贸试验区"] != got["福建自贸试验区"]
    assert all(lk.rule for lk in links)


def test_a_bare_name_written_after_several_places_joins_none_of_them():
    # 自贸试验区 matches 上海… and 福建… alike (same key): the bare name is the kind, and no chain
    # through it may put the two places' zones under one id
    results = reports(
        ("新设福建自贸试验区。", [("福建自贸试验区", "PARK")]),
        ("福建自贸试验区运行良好。", [("福建自贸试验区", "PARK")]),
        ("推进自贸试验区建设。", [("自贸试验区", "PARK")]),
        ("设立上海自贸试验区。", [("上海自贸试验区", "PARK")]),
    )
    resolve(results)
    got = ids(results)
    assert len({got["福建自贸试验区"], got["自贸试验区"], got["上海自贸试验区"]}) == 3


def test_a_bare_name_written_after_one_place_only_is_that_place_s():
    results = reports(
        ("新设福建自贸试验区。", [("福建自贸试验区", "PARK")]),
        ("推进自贸试验区建设。", [("自贸试验区", "PARK")]),
    )
    resolve(results)
    got = ids(results)
    assert got["福建自贸试验区"] == got["自贸试验区"]
