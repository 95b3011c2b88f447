"""policy_roles: headless names typed by what the sentence does with them (partners,
honoured firms, firms as subjects, policies by their articles, slogans, staged events)."""

from __future__ import annotations

import pytest

E, K, P, G = "ENTERPRISE", "PARK", "PROJECT", "PROGRAM"


# -- partners in 合作 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("澜川物流园与霁达冷链签署合作协议。", {(K, "澜川物流园"), (E, "霁达冷链")}),
        ("同霁达交通达成战略合作。", {(E, "霁达交通")}),
        ("与澜能热电、泓辰物流开展合作。", {(E, "澜能热电"), (E, "泓辰物流")}),  # every partner of a list
        ("与澜能热电等龙头开展合作。", {(E, "澜能热电")}),
        ("园区参与招商，与澜能热电、泓辰物流深化合作。", {(E, "澜能热电"), (E, "泓辰物流")}),  # 参与 is no 与
    ],
)
def test_a_partner_in_cooperation_is_a_firm(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "积极开展国际合作。",  # an everyday word
        "积极参与全球气候治理合作。",  # the 与 of 参与
        "我县同老挝、柬埔寨、越南加强合作。",  # countries
        "与澜川市持续深化帮扶协作合作。",  # a clause: a governing verb inside
        "与霁川科研院所合作。",  # a class of institutions
        "与霁达交通签署了战略协议、合作备忘录等合作文件。",  # what was signed, not who with
    ],
)
def test_what_is_no_partner_firm(nlp, found, text):
    assert found(nlp, text) == set()


# -- honoured firms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("澜溪竹编入围省级农业产业化龙头企业。", {(E, "澜溪竹编")}),
        ("泓辰光电公司入选省级创新型企业。", {(E, "泓辰光电公司")}),
        ("霁华食品、澜禾乳业入围省级创新型中小企业。", {(E, "霁华食品"), (E, "澜禾乳业")}),
        (
            "澜光重工、泓辰化工、霁华食品获评省级绿色工厂企业。",  # every item of the list before the title
            {(E, "澜光重工"), (E, "泓辰化工"), (E, "霁华食品")},
        ),
    ],
)
def test_the_subject_honoured_with_a_firms_title_is_a_firm(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "澜川光电产业集群获评省级特色产业集群企业。",  # a sector
        "澜川科研院所入选省级创新型企业。",  # institutions
    ],
)
def test_what_is_honoured_but_no_firm(nlp, found, text):
    assert found(nlp, text) == set()


# -- firms as the subject of what firms do ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("泓辰钢铁荣获省长质量奖。", {(E, "泓辰钢铁")}),
        ("澜禾乳业获批生产许可证。", {(E, "澜禾乳业")}),
        ("澜禾乳业破产重整完成。", {(E, "澜禾乳业")}),
        # a short item beside firm-shaped ones is a firm too
        ("澜禾乳业、泓辰纸业、霁科营业收入均增长两成以上。", {(E, "澜禾乳业"), (E, "泓辰纸业"), (E, "霁科")}),
        ("泓宇重工、霁成纺织成为新的纳税大户。", {(E, "泓宇重工"), (E, "霁成纺织")}),
        ("支持澜泰机械申报省级企业技术中心。", {(E, "澜泰机械")}),
        # a firm by its legal form counts among the firm-shaped: the short names beside it are firms
        (
            "支持霁川鑫海钢铁有限公司、华澜电机、海霁水产上市融资。",
            {(E, "霁川鑫海钢铁有限公司"), (E, "华澜电机"), (E, "海霁水产")},
        ),
    ],
)
def test_a_firm_shaped_subject_of_a_firms_predicate_is_a_firm(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "电子信息营业收入增长两成。",  # a brand that is an everyday word
        "霁科营业收入增长两成。",  # alone, a short name not shaped like a firm's
        "生物医药产业集群获评省级集群。",  # a sector
        "电子信息成为主导产业。",  # a sector that becomes something is no firm
    ],
)
def test_a_subject_not_shaped_like_a_firm_is_no_firm(nlp, found, text):
    assert found(nlp, text) == set()


def test_a_firm_before_an_adverb_and_its_predicate_is_a_firm(nlp, found):
    assert found(nlp, "霁华电子成功上市。") == {(E, "霁华电子")}


# -- policies by their articles --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("出台稳岗留工“20条”。", {(G, "稳岗留工“20条”")}),
        ("制定金融助企“15条”。", {(G, "金融助企“15条”")}),
    ],
)
def test_a_policy_known_by_its_articles_takes_the_words_before_them(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_articles_with_no_name_before_them_are_no_policy(nlp, found):
    assert found(nlp, "出台“20条”。") == set()


# -- slogans ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全面推进“链长领航”。", {(G, "链长领航")}),  # after a programme verb
        ("深入实施“双核双圈”。", {(G, "双核双圈")}),
        ("全力做好“四稳”工作。", {(G, "四稳")}),  # a numbered slogan before 工作
        ("我县聚焦“四稳”。", {(G, "四稳")}),  # numbered: no programme verb needed
        ("全力做好“四稳”“三畅”工作。", {(G, "四稳"), (G, "三畅")}),  # a run shares what follows
        ("扎实开展“清风廉洁单位”创建。", {(G, "“清风廉洁单位”创建")}),  # the campaign takes its verb
    ],
)
def test_a_quoted_slogan_standing_on_its_own_is_a_programme(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "大力弘扬“链长领航”。",  # no number and no programme verb
        "耕地实现“占补平衡”。",  # a goal
        "推动企业在“北交所”上市。",  # a place
        "围绕“三优”产业发力。",  # a slogan qualifying a noun
        "被命名为“省级生态文明县”。",  # a title
        "谋划好“十五五”发展。",  # a plan period
        "形成“一核、三区、多节点”的格局。",  # qualifying a noun with 的
        "扎实开展“清风廉洁单位”评选。",  # a verb after it that is no campaign's own (创建)
    ],
)
def test_a_quoted_phrase_that_names_no_programme(nlp, found, text):
    assert found(nlp, text) == set()


def test_a_slogan_ending_in_a_head_is_left_to_the_head(nlp, found):
    assert found(nlp, "推进“科技强县”战略。") == {(G, "“科技强县”战略")}


# -- staged events -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("澜川县承办第二届“青河论坛”。", {(G, "青河论坛")}),  # the edition is no part of it
        ("举办首届“穗岭丰收节”暨农产品展销会。", {(G, "穗岭丰收节")}),
        ("年内组织“霁川文旅季”，吸引游客十万人次。", {(G, "霁川文旅季")}),
    ],
)
def test_a_staged_event_in_quotes_is_a_programme(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_quote_at_the_front_of_a_longer_name_is_no_event_of_its_own(nlp, found):
    assert found(nlp, "举办“澜川杯”创业创新活动。") == {(G, "“澜川杯”创业创新活动")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # what only firms do: short names of any shape in a list before it are firms
        ("澜钢、霁重、穗奔实现债转股20亿元。", {(E, "澜钢"), (E, "霁重"), (E, "穗奔")}),
        ("泓辰铜业破产重组、霁科公司破产重整有序推进。", {(E, "泓辰铜业"), (E, "霁科公司")}),
        ("澜钢、霁重启动破产重整。", {(E, "澜钢"), (E, "霁重")}),  # the verb that carries it out is no name
        ("澜川化工、霁川纸业完成破产重整。", {(E, "澜川化工"), (E, "霁川纸业")}),
        ("推进僵尸企业、困难企业破产重整。", set()),  # kinds of firms
        ("推动市属国企、县属国企破产重组。", set()),
        ("国有企业、民营企业实施债转股。", set()),
    ],
)
def test_a_list_before_what_only_firms_do_is_a_list_of_firms(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_one_short_name_before_what_only_firms_do_is_not_enough(nlp, found):
    assert found(nlp, "霁重实现债转股20亿元。") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("加快建设澜川藤椒产业园，竣工投产霁禾科技。", {(K, "澜川藤椒产业园"), (P, "霁禾科技")}),
        ("竣工投产一批项目。", set()),  # no firm's name: nothing
        ("开工建设冷链物流。", set()),  # a sector's works
        ("竣工投产锂电新能源。", set()),
        ("开工建设澜川大道，竣工投产霁禾科技新厂区。", set()),  # not a firm's name alone: left to the head rules
    ],
)
def test_a_firm_shaped_name_reaching_a_milestone_names_its_project(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_slogans_strategy_is_named_though_its_positioning_is_spoken_of(nlp, found):
    # 战略定位 is no strategy's head, but the strategy is what the slogan names
    assert found(nlp, "全面落实“澜川两高三新”战略定位和使命任务。") == {(G, "“澜川两高三新”战略")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # scraping lost the first opening quote of a run of slogans: the first reaches back to its verb
        ("持续深化澜川办”“一次办结改革。", {(G, "澜川办"), (G, "一次办结改革")}),
        ("落实好稳澜川”“保霁川”要求。", {(G, "稳澜川"), (G, "保霁川")}),
        ("建设“澜川海绵城”“霁川智慧城”。", set()),  # both quotes there, no programme verb: nothing
    ],
)
def test_a_run_of_slogans_that_lost_its_first_opening_quote(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the last slogan lost its closing quote: the count of the run's slogans ends it
        ("加快推进澜霁同城化”“穗青一体化两个先行区建设。", {(G, "澜霁同城化"), (G, "穗青一体化")}),
        ("落实“澜川办”“霁川办”“穗岭办三项改革。", {(G, "穗岭办")}),  # (whole slogans need more context)
        # a count that is not the run's length is an ordinary count: the open slogan is left alone
        ("落实“澜川办”“霁川办三个重点任务。", set()),
    ],
)
def test_a_run_of_slogans_that_lost_its_last_closing_quote(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("将澜湘区域一体化发展上升为国家战略，编制实施规划纲要。", {("PROGRAM", "澜湘区域一体化发展")}),
        ("推动霁川两岸协同发展纳入国家重大战略。", {("PROGRAM", "霁川两岸协同发展")}),
        ("将发展上升为国家战略。", set()),  # everyday words: no name
        ("这是我县第一次将人才工作上升到国家战略高度。", set()),  # a height, not a strategy
        ("澜湘区域一体化发展进展顺利。", set()),  # nothing raised: one sentence cannot tell
    ],
)
def test_what_is_raised_to_a_national_strategy_is_a_programme(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("继续实施退耕还林还草，今年拟安排。", {("PROGRAM", "退耕还林还草")}),
        ("实施退经还粮1.2万亩。", {("PROGRAM", "退经还粮")}),
        ("扎实搞好退耕还林、退牧还草。", {("PROGRAM", "退耕还林"), ("PROGRAM", "退牧还草")}),
        ("各地已偿还拖欠的款项。", set()),  # 还 of 偿还: no land returned
        ("园区还建成了两座标准厂房。", set()),  # 还 is "also" here
        ("落后产能企业有序退出还需进一步加快。", set()),  # 退出 is no land: 还 is "also"
        ("我县退休还乡人员达到300人。", set()),
        ("对不合格产品一律退货还款。", set()),
        ("实施退耕还林还草还湿工程，面积达到3万亩。", {("PROGRAM", "退耕还林还草还湿工程")}),
    ],
)
def test_land_returned_from_one_use_to_another_is_a_programme(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_the_still_of_land_returned_does_not_end_the_name_before_a_coordination(nlp, found):
    # without the step over 还, the works' name began inside the programme ("林和…工程")
    assert ("PROGRAM", "林和澜湘天然林保护工程") not in found(nlp, "实施退耕还林和澜湘天然林保护工程，成效明显。")
    assert ("PROGRAM", "退耕还林和澜湘天然林保护工程") in found(nlp, "实施退耕还林和澜湘天然林保护工程，成效明显。")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "抢抓“澜霁一体化”“青禾同城化”发展机遇，加强规划引领。",
            {("PROGRAM", "澜霁一体化"), ("PROGRAM", "青禾同城化")},
        ),
        ("抓住“澜湘两岸协同”机遇。", {("PROGRAM", "澜湘两岸协同")}),
        ("把握“十四五”发展机遇。", set()),  # a plan period, not a programme
        ("用好“窗口期”。", set()),  # a phrase in quotes
        ("抢抓“后疫情时代”发展机遇。", set()),  # a time, not a programme
        ("迎来“澜川发展”机遇。", set()),  # a chance met, not seized
    ],
)
def test_a_slogan_whose_chance_is_seized_is_a_programme(nlp, found, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("突出抓好乡村振兴、“五优”城市建设、深化改革六项工作重点。", {("PROGRAM", "“五优”城市建设")}),
        ("推进“四好”农村公路建设。", {("PROGRAM", "“四好”农村公路建设")}),
        ("推进“澜湘”城市建设。", set()),  # no numbered slogan: a place's name in quotes
        ("加快“两新一重”基础设施建设。", set()),  # no kind of place built: the slogan qualifies a sector
    ],
)
def test_a_numbered_slogan_and_the_everyday_works_it_is_carried_out_by(nlp, found, text, expected):
    assert found(nlp, text) == expected


def test_a_clause_before_a_firms_predicate_is_no_firm_though_firms_are_listed(nlp, found):
    text = "澜川银行、霁川银行和澜霁银行完成股份制改造并成功上市。"
    assert "股份制改造并" not in {n for _, n in found(nlp, text)}


def test_the_co_operative_of_a_partner_s_name_is_no_cooperation(nlp, found):
    assert (E, "澜溪县农村信用合作联社") in found(nlp, "加强与霁川银行、澜溪县农村信用合作联社的合作。")


def test_an_adverb_between_honoured_firms_and_the_honour_is_no_part_of_a_name(nlp, found):
    got = {n for _, n in found(nlp, "霁龙镁业、澜盛硼业有限公司分别被评为省级专精特新企业。")}
    assert "澜盛硼业有限公司" in got and not any(n.endswith("分别") for n in got)
