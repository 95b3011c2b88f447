"""Cross-year identity: renames merge, look-alikes stay apart, the curation file rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.corpus import extract_corpus
from extract.curation import Decision, read_curation
from extract.errors import InputError
from extract.records import Document, DocumentResult, Entity, Mention
from extract.resolve import compare, core, merge_variants, resolve


def _entity(name: str, typ: str, doc: str = "a", aliases=()) -> Entity:
    ms = [
        Mention(
            text=n,
            start=0,
            end=len(n),
            type=typ,
            rule="test",
            sentence=f"{n}。",
            sentence_start=0,
            section="1",
            section_title="",
            year=2020,
            mode="reviewed",
        )
        for n in (name, *aliases)
    ]
    return Entity(id="", type=typ, name=name, mentions=ms)


def _corpus(*docs: list[Entity]) -> list[DocumentResult]:
    out = []
    for i, ents in enumerate(docs):
        d = Document(
            path=f"r{i}.txt",
            text="",
            folded="",
            encoding="utf-8",
            script="simplified",
            area="岚山区",
            reviewed_year=2019 + i,
            plan_year=2020 + i,
        )
        out.append(DocumentResult(document=d, entities=ents))
    return out


def _ids(results) -> list[list[str]]:
    return [[e.id for e in r.entities] for r in results]


@pytest.mark.parametrize(
    "a, b",
    [
        ("鸿铭城精密机床", "鸿铭城新景精密机床"),  # a word added
        ("鸿铭城新景精密机床", "鸿铭城精密数控机床"),  # re-worded
        ("云谷数据港", "云谷数据港大数据小镇"),  # grown into a longer name
        ("东岭能源中心", "东岭镇能源中心项目"),  # town written out, project suffix
        ("青溪干流治理", "青溪干流岚山段治理工程"),
        ("区实验中学教学实验楼", "岚山实验中学教学实验楼项目"),  # the area's own name in front
    ],
)
def test_renamed_projects_are_one(a, b):
    results = _corpus([_entity(a, "PROJECT")], [_entity(b, "PROJECT")])
    links, canonical = resolve(results)
    ids = _ids(results)
    assert ids[0] == ids[1]
    assert len(links) == 1 and links[0].rule and links[0].score >= 0.6
    assert canonical[ids[0][0]] == b  # the latest report's name


def test_two_projects_of_one_firm_stay_two():
    results = _corpus([_entity("鸿鼎压光机", "PROJECT")], [_entity("鸿鼎靴式压榨机", "PROJECT")])
    resolve(results)
    assert _ids(results)[0] != _ids(results)[1]


def test_a_firm_is_not_its_project():
    results = _corpus([_entity("鸿鼎机械公司", "ENTERPRISE")], [_entity("鸿鼎机械", "PROJECT")])
    resolve(results)
    assert _ids(results)[0] != _ids(results)[1]


def test_firm_short_and_trade_names_merge():
    results = _corpus([_entity("鸿鼎机械公司", "ENTERPRISE")], [_entity("鸿鼎造纸机械", "ENTERPRISE")])
    resolve(results)
    assert _ids(results)[0] == _ids(results)[1]


def test_one_report_never_gives_two_members_to_one_thing():
    # the 2019 centre can be one of the two 2020 centres, not both
    results = _corpus(
        [_entity("东岭能源中心", "PROJECT")],
        [_entity("岚山区能源中心", "PROJECT"), _entity("东岭镇能源中心项目", "PROJECT")],
    )
    resolve(results)
    first, (district, town) = _ids(results)[0][0], _ids(results)[1]
    assert first == town and first != district


def test_a_building_on_a_street_is_another_thing():
    assert compare("中和街", "中和街幼儿园", "中和街", "中和街幼儿园", "PROJECT")[0] == 0.0


def test_programmes_with_different_numbers_are_two():
    assert (
        compare(
            "人居环境整治三年行动",
            "人居环境整治五年提升行动",
            "人居环境整治三年行动",
            "人居环境整治五年提升行动",
            "PROGRAM",
        )[0]
        == 0.0
    )


def test_schools_of_different_kinds_are_two():
    assert compare("大学城实验中学", "大学城实验小学", "大学城实验中学", "大学城实验小学", "PROJECT")[0] == 0.0


def test_short_and_long_forms_in_one_report_are_one_entity():
    results = _corpus(
        [
            _entity("文岭新加坡智能家居", "PROJECT"),
            _entity("新加坡智能家居", "PROJECT"),
            _entity("鸿鼎压光机", "PROJECT"),
            _entity("鸿鼎靴式压榨机", "PROJECT"),
        ]
    )
    merge_variants(results)
    assert sorted(e.name for e in results[0].entities) == ["文岭新加坡智能家居", "鸿鼎压光机", "鸿鼎靴式压榨机"]
    home = next(e for e in results[0].entities if e.name == "文岭新加坡智能家居")
    assert set(home.aliases) == {"文岭新加坡智能家居", "新加坡智能家居"}


def test_generic_cores_never_link():
    assert compare("能源中心", "西山能源中心", "能源中心", "西山能源中心", "PROJECT")[0] == 0.0


def test_core_sets_aside_area_and_suffix():
    assert core("岚山区实验中学项目", ("岚山区", "岚山")) == "实验中学"
    assert core("鸿铭高温公司", ()) == "鸿铭高温"


def test_ids_are_deterministic_and_follow_the_earliest_name():
    def run():
        results = _corpus([_entity("鸿铭精密机床", "PROJECT")], [_entity("鸿铭精密数控机床", "PROJECT")])
        resolve(results)
        return _ids(results)

    assert run() == run()


# -- curation ---------------------------------------------------------------------


def _write(tmp_path, text: str) -> str:
    p = tmp_path / "curation.tsv"
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_curation_forces_together_apart_type_and_name(tmp_path):
    decisions = read_curation(
        _write(
            tmp_path,
            """# decisions
same\t南湖文化园\t北岸艺术小镇
different\t鸿铭精密机床\t鸿铭精密数控机床   # a new line, not a rename
type 云谷数据港 PARK
name\t南湖文化园\t南湖文化艺术园
""",
        )
    )
    results = _corpus(
        [_entity("南湖文化园", "PROJECT"), _entity("鸿铭精密机床", "PROJECT"), _entity("云谷数据港", "PROJECT")],
        [_entity("北岸艺术小镇", "PROJECT"), _entity("鸿铭精密数控机床", "PROJECT")],
    )
    links, canonical = resolve(results, decisions)
    (park, lathe, valley), (town, lathe2) = _ids(results)
    assert park == town
    assert lathe != lathe2
    assert results[0].entities[2].type == "PARK" and valley.startswith("park-")
    assert canonical[park] == "南湖文化艺术园"
    assert any(lk.rule.startswith("curation (") and "curation.tsv:2" in lk.rule for lk in links)


@pytest.mark.parametrize(
    "text, message",
    [
        ("sam\tA\tB\n", "curation.tsv:1: unknown decision 'sam' (use same, different, type, name)"),
        ("\n# c\nsame\tA\n", "curation.tsv:3: 'same' takes two fields after it, found 1"),
        (
            "type\tA\tFIRM\n",
            "curation.tsv:1: unknown type 'FIRM' (use ENTERPRISE, PARK, PROJECT, PROGRAM, INSTITUTION)",
        ),
        ("same\tA\tA\n", "curation.tsv:1: 'same' needs two different names"),
    ],
)
def test_curation_syntax_errors_name_the_line(tmp_path, text, message):
    with pytest.raises(InputError) as err:
        read_curation(_write(tmp_path, text))
    assert str(err.value).endswith(message)


def test_curation_with_an_unknown_name_names_the_line(tmp_path):
    decisions = [Decision("same", "鸿铭精密机床", "不存在的名字", "curation.tsv:7")]
    results = _corpus([_entity("鸿铭精密机床", "PROJECT")])
    with pytest.raises(InputError, match="curation.tsv:7: no entity is named '不存在的名字' in the corpus"):
        resolve(results, decisions)


def test_curation_file_beside_the_reports_is_honoured(tmp_path, sample_paths):
    for p in sample_paths:
        (tmp_path / p.rsplit("/", 1)[-1]).write_bytes(Path(p).read_bytes())
    files = sorted(str(p) for p in tmp_path.glob("*.txt"))

    def ids(result):
        return {a: e.id for d in result.documents for e in d.entities for a in e.aliases}

    base = ids(extract_corpus(files))
    assert base["西铁城精密机床"] == base["西铁城精密数控机床"]
    (tmp_path / "curation.tsv").write_text("different\t西铁城精密机床\t西铁城精密数控机床\n", encoding="utf-8")
    curated = ids(extract_corpus(files))
    assert curated["西铁城精密机床"] != curated["西铁城精密数控机床"]


def test_samples_follow_the_renamed_lathe_across_both_reports(sample_result):
    by_doc = [{e.name: e for e in d.entities} for d in sample_result.documents]
    assert by_doc[0]["西铁城新景精密机床"].id == by_doc[1]["西铁城精密数控机床"].id
    assert by_doc[0]["齐鲁数谷"].id == by_doc[1]["齐鲁数谷大数据小镇"].id
    assert by_doc[0]["泰鼎压光机"].id != by_doc[0]["泰鼎靴式压榨机"].id
    link = next(lk for lk in sample_result.links if "西铁城精密数控机床" in lk.b)
    assert "西铁城" in link.detail and link.score > 0.6


def test_no_chain_through_a_short_generic_name():
    """Complete link: 收入分配制度 may match both longer names, which do not match each other."""
    results = _corpus(
        [_entity("垄断行业收入分配制度改革", "PROGRAM")],
        [_entity("收入分配制度改革", "PROGRAM")],
        [_entity("事业单位收入分配制度改革", "PROGRAM")],
    )
    resolve(results)
    ids = _ids(results)
    assert ids[0] != ids[2]


@pytest.mark.parametrize(
    "sentence, works",
    [
        ("抓好澜川、澜清两大污水处理厂扩建提标项目投运。", "澜清污水处理厂提标改造"),
        ("澜清两大污水处理厂人工湿地投用。", "澜清污水处理厂人工湿地"),
    ],
)
def test_a_short_form_two_longer_names_fit_goes_to_the_one_its_sentence_repeats(sentence, works):
    """Both longer names score alike as the short form's long forms; what the short one's
    sentence writes of the rest of each name breaks the tie, whichever comes first."""
    short = _entity("澜清", "PROJECT")
    short.mentions[0] = Mention("澜清", 0, 2, "PROJECT", "test", sentence, 0, "1", "", 2020, "reviewed")
    results = _corpus(
        [_entity("澜清污水处理厂人工湿地", "PROJECT"), _entity("澜清污水处理厂提标改造", "PROJECT")],
        [short],
    )
    resolve(results)
    ids = _ids(results)
    owner = [e.name for e in results[0].entities].index(works)
    assert ids[1][0] == ids[0][owner] and ids[0][0] != ids[0][1]


@pytest.mark.parametrize(
    "long_, short",
    [
        ("澜川生态廊、霁川数字港、穗岭科创港、青河物流港", "一廊三港"),  # counted by the last character of each item
        ("稳产能、稳就业、扩内需、惠民生", "两稳一扩一惠"),  # counted by the first
        ("简审批、优服务、强监管改革", "审服管改革"),  # one character of each parallel item
    ],
)
def test_a_short_form_of_a_coordination_is_the_coordination_named_later(long_, short):
    results = _corpus([_entity(long_, "PROGRAM")], [_entity(short, "PROGRAM")])
    links, _ = resolve(results)
    ids = _ids(results)
    assert ids[0] == ids[1]
    assert [lk.rule for lk in links] == ["abbreviation of a coordination, item by item (一带一路, 放管服)"]
    assert [lk.kind for lk in links] == ["abbreviation"]


def test_a_short_form_written_before_its_coordination_is_the_same_programme():
    # county reports often write 放管服 first and its items later: the forms are narrow enough either way
    results = _corpus([_entity("审服管改革", "PROGRAM")], [_entity("简审批、优服务、强监管改革", "PROGRAM")])
    resolve(results)
    ids = _ids(results)
    assert ids[0] == ids[1]


def test_two_or_three_items_counted_alike_abbreviate_nothing():
    results = _corpus([_entity("沿江产业带、环城公路", "PROGRAM")], [_entity("一带一路", "PROGRAM")])
    resolve(results)
    ids = _ids(results)
    assert ids[0] != ids[1]


def test_a_rename_keeps_the_distinctive_front():
    assert compare("棉花流通体制改革", "粮食流通体制改革", "棉花流通体制改革", "粮食流通体制改革", "PROGRAM")[0] == 0.0


# -- ties, types, links ---------------------------------------------------------------


def _placed(doc_text: str, ents: list[tuple[str, str]]) -> DocumentResult:
    """One report whose entities are mentioned where their names stand in ``doc_text``."""
    d = Document(
        path="r0.txt",
        text=doc_text,
        folded=doc_text,
        encoding="utf-8",
        script="simplified",
        area="岚山区",
        reviewed_year=2019,
        plan_year=2020,
    )
    out = []
    for name, typ in ents:
        at = doc_text.index(name)
        out.append(
            Entity(
                id="",
                type=typ,
                name=name,
                mentions=[
                    Mention(
                        text=name,
                        start=at,
                        end=at + len(name),
                        type=typ,
                        rule="test",
                        sentence=doc_text,
                        sentence_start=0,
                        section="1",
                        section_title="",
                        year=2019,
                        mode="reviewed",
                    )
                ],
            )
        )
    return DocumentResult(document=d, entities=out)


@pytest.mark.parametrize(
    "text, owner",
    [
        ("鸿铭重型机械公司投产。鸿铭精工机械公司扩能。鸿铭机械获评绿色工厂。", "鸿铭精工机械公司"),
        ("鸿铭精工机械公司扩能。鸿铭重型机械公司投产。鸿铭机械获评绿色工厂。", "鸿铭重型机械公司"),
    ],
)
def test_a_short_form_two_firms_fit_equally_goes_to_the_one_named_nearest(text, owner):
    r = _placed(
        text, [("鸿铭重型机械公司", "ENTERPRISE"), ("鸿铭精工机械公司", "ENTERPRISE"), ("鸿铭机械", "ENTERPRISE")]
    )
    links = merge_variants([r])
    got = {e.name: e.aliases for e in r.entities}
    assert got[owner] == [owner, "鸿铭机械"]
    assert len(links) == 1 and links[0].a.endswith(owner) and links[0].b.endswith("#鸿铭机械")


def test_a_project_and_a_programme_with_variant_names_are_one_of_the_majority_type():
    results = _corpus(
        [_entity("云梦湖调水", "PROJECT")], [_entity("云梦湖调水工程", "PROGRAM")], [_entity("云梦湖调水", "PROJECT")]
    )
    links, canonical = resolve(results)
    assert len(set(sum(_ids(results), []))) == 1
    assert {e.type for r in results for e in r.entities} == {"PROJECT"}
    assert all(m.type == "PROJECT" for r in results for e in r.entities for m in e.mentions)
    assert canonical[results[0].entities[0].id] == "云梦湖调水工程"  # the fullest frequent form
    assert all("#PROJECT#" in lk.a and "#PROJECT#" in lk.b for lk in links)


def test_a_firm_and_a_project_never_merge_whatever_the_names():
    results = _corpus([_entity("鸿铭机械", "ENTERPRISE")], [_entity("鸿铭机械", "PROJECT")])
    resolve(results)
    assert _ids(results)[0] != _ids(results)[1]


def test_an_everyday_alias_merged_in_one_report_bridges_nothing_across_reports():
    """医疗保险制度 is merged into 岚山职工医疗保险制度 in one report; it is no evidence
    that next year's 岚山居民医疗保险制度 is the same thing."""
    results = _corpus(
        [_entity("岚山职工医疗保险制度", "PROGRAM", aliases=("医疗保险制度",))], [_entity("医疗保险制度", "PROGRAM")]
    )
    resolve(results)
    assert _ids(results)[0] != _ids(results)[1]


def test_every_link_says_variant_abbreviation_or_rename():
    results = _corpus(
        [_entity("“鸿铭数谷”", "PROJECT"), _entity("鸿铭城新景精密机床", "PROJECT")],
        [_entity("鸿铭数谷项目", "PROJECT"), _entity("鸿铭城精密数控机床", "PROJECT")],
    )
    links, _ = resolve(results)
    kinds = {lk.b.rsplit("#", 1)[1]: lk.kind for lk in links}
    assert kinds == {"鸿铭数谷项目": "variant", "鸿铭城精密数控机床": "rename"}


def test_sample_links_say_whether_the_name_changed(sample_result):
    kinds = {(lk.a.rsplit("#", 1)[1], lk.b.rsplit("#", 1)[1]): lk.kind for lk in sample_result.links}
    assert kinds[("西铁城新景精密机床", "西铁城精密数控机床")] == "rename"
    assert kinds[("金润德新材料公司", "金润德新材料")] == "variant"
    assert {k for k in kinds.values()} <= {"variant", "abbreviation", "rename"}


def test_two_things_first_named_alike_get_two_ids():
    """The curation file keeps apart two entities of one name; each keeps an id of its own."""
    decisions = [Decision("different", "鸿铭数谷", "鸿铭云谷", "curation.tsv:1")]
    results = _corpus([_entity("鸿铭数谷", "PROJECT")], [_entity("鸿铭数谷", "PROJECT", aliases=("鸿铭云谷",))])
    _, canonical = resolve(results, decisions)
    (first,), (second,) = _ids(results)
    assert first != second and set(canonical) == {first, second}


def test_a_strategy_named_with_its_head_or_without_is_one(tmp_path):
    # 城乡振兴 is everyday words (no distinctive key): still one strategy with 战略 or without
    results = _corpus(
        [_entity("城乡振兴战略", "PROGRAM")], [_entity("城乡振兴", "PROGRAM")], [_entity("城乡振兴行动", "PROGRAM")]
    )
    resolve(results)
    ids = [r.entities[0].id for r in results]
    assert ids[0] == ids[1] != ids[2]  # a campaign of everyday words is not taken for the strategy


def test_in_one_report_a_strategy_with_its_head_and_without_is_one_entity():
    results = _corpus(
        [_entity("城乡振兴战略", "PROGRAM"), _entity("城乡振兴", "PROGRAM"), _entity("城乡振兴行动", "PROGRAM")]
    )
    merge_variants(results)
    assert sorted(e.name for e in results[0].entities) == ["城乡振兴战略", "城乡振兴行动"]


def test_a_strategy_merged_across_reports_says_why():
    results = _corpus([_entity("城乡振兴战略", "PROGRAM")], [_entity("城乡振兴", "PROGRAM")])
    links, _ = resolve(results)
    assert len(links) == 1 and links[0].rule.endswith("the same strategy, with 战略 or without")


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("霁川亩均效益评价改革", "霁川亩产效益评价改革", True),  # one character of a long name changed
        ("澜川城市医疗救助制度", "澜川城乡医疗救助制度", True),
        ("南水北调东线一期工程", "南水北调中线一期工程", False),  # a direction: another component
        ("第三批产业转移示范区", "第四批产业转移示范区", False),  # a number: another thing
        ("棉花流通体制改革", "粮食流通体制改革", False),  # the distinctive front replaced
    ],
)
def test_one_character_changed_in_a_long_name_is_a_rename_unless_a_guard_says_no(a, b, same):
    assert (compare(a, b, a, b, "PROGRAM")[0] >= 0.6) is same


def test_one_character_changed_at_the_opening_of_a_long_name_is_still_compared():
    # the keys' openings differ (川/州, 亩均/亩产): only the one-character rule can score the pair
    assert (
        compare(
            "霁川亩均效益评价改革", "霁州亩均效益评价改革", "霁川亩均效益评价改革", "霁州亩均效益评价改革", "PROGRAM"
        )[0]
        >= 0.6
    )
    assert (
        compare("霁川亩均效益评价改革", "霁川亩产效益评价改革", "亩均效益评价改革", "亩产效益评价改革", "PROGRAM")[0]
        >= 0.6
    )


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("澜川工业投资项目1+N审批制度改革", "1+N模式", True),  # the code names it; 模式 says what it is
        ("3341项目工程", "3341工程", True),
        ("4+1合作协议", "6+1合作文件", False),  # two codes
        ("2020年计划", "2021年计划", False),  # a year is no code
    ],
)
def test_programmes_named_by_one_code_are_one(a, b, same):
    score, rule = compare(a, b, core(a, ()), core(b, ()), "PROGRAM")
    assert (score >= 0.8 and rule.startswith("the same code")) is same


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("澜川自由贸易试验区", "澜川自贸试验区", True),  # 自由|贸易 → 自贸, the rest kept
        ("澜川科技创新中心", "澜川科创中心", True),
        ("霁州国有企业改革", "霁州国企改革", True),
        ("中国农业银行", "中国银行", False),  # a word left out, none shortened: another bank
        ("澜川高新技术开发区", "澜川高新区", False),  # words dropped, not shortened one by one
    ],
)
def test_words_shortened_to_their_first_characters_are_an_abbreviation(a, b, same):
    from extract.resolve.score import CONTRACTED, link_kind

    score, rule = compare(a, b, core(a, ()), core(b, ()), "PARK")
    assert (rule == CONTRACTED and score >= 0.8) is same
    if same:
        assert link_kind([(a, a)], [(b, b)], rule) == "abbreviation"


def test_in_one_report_a_plan_counted_in_words_and_counted_short_is_one_entity():
    # 第九个五年计划 and 九五计划 share one key and a single character pair (计划)
    results = _corpus([_entity("第九个五年计划", "PROGRAM"), _entity("九五计划", "PROGRAM")])
    links = merge_variants(results)
    assert [e.name for e in results[0].entities] == ["第九个五年计划"] and len(links) == 1


def test_names_written_with_two_kinds_of_dash_are_one():
    from extract.resolve.names import normal

    assert normal("中国—东盟自贸区") == normal("中国-东盟自贸区") == normal("中国－东盟自贸区")


def test_the_same_words_with_a_list_mark_or_without_are_one_name_not_a_rename():
    from extract.resolve.score import LISTED, link_kind

    score, rule = compare("澜川碳达峰、碳中和", "澜川碳达峰碳中和", "澜川碳达峰、碳中和", "澜川碳达峰碳中和", "PROGRAM")
    assert rule == LISTED and score >= 0.9
    assert link_kind([("澜川碳达峰、碳中和", "")], [("澜川碳达峰碳中和", "")], rule) == "variant"
    assert (
        compare("澜川碳达峰、碳汇", "澜川碳达峰碳中和", "澜川碳达峰、碳汇", "澜川碳达峰碳中和", "PROGRAM")[1] != LISTED
    )
