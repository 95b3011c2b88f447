"""Themes come from the headings above a mention and from its sentence, with reasons."""

from __future__ import annotations

from extract.records import Document, Entity, Mention
from extract.segment import segment
from extract.themes import ThemeMatcher, default_matcher, tag_themes
from ontology.vocab import Term, read_vocabulary

TEXT = (
    "关于某区2019年计划执行情况与2020年计划草案的报告\n"
    "一、2019年计划执行情况\n"
    "（一）全力抓好污染防治工作\n"
    "甲乙化工园区完成搬迁。优化营商环境，丙丁产业园招商引资成效明显。\n"
    "（二）乡村振兴战略稳步实施\n"
    "戊己项目建成投产。\n"
)


def _doc(text: str = TEXT, folded: str | None = None) -> Document:
    doc = Document(
        path="t.txt",
        text=text,
        folded=folded or text,
        encoding="utf-8",
        script="simplified",
        title=text.split("\n", 1)[0],
        reviewed_year=2019,
        plan_year=2020,
    )
    segment(doc)
    return doc


def _entity(doc: Document, name: str, typ: str = "PARK") -> Entity:
    ent = Entity(id=f"{typ.lower()}-{name}", type=typ, name=name)
    start = 0
    while (start := doc.text.find(name, start)) >= 0:
        sent = doc.sentence_at(start)
        sec = doc.section(sent.section)
        ent.mentions.append(
            Mention(
                text=name,
                start=start,
                end=start + len(name),
                type=typ,
                rule="test",
                sentence=doc.text[sent.start : sent.end],
                sentence_start=sent.start,
                section=sec.id,
                section_title=sec.title,
                year=sec.year,
                mode=sec.mode,
            )
        )
        start += len(name)
    assert ent.mentions, name
    return ent


def test_theme_scheme_has_enough_themes_with_both_labels_and_keywords():
    terms = read_vocabulary("themes")
    assert len(terms) >= 15
    assert all(t.zh and t.en and t.alt for t in terms)
    assert {"乡村振兴", "新旧动能转换", "疫情防控", "开放与外贸"} <= {t.zh for t in terms}


def test_section_heading_gives_the_theme_with_its_reason():
    doc = _doc()
    ent = _entity(doc, "甲乙化工园区")
    tag_themes(doc, [ent])
    tags = {t.theme: t for t in ent.themes}
    assert "ecology-environment" in tags
    assert tags["ecology-environment"].reason == "section （一）全力抓好污染防治工作: keyword 污染防治"
    assert tags["ecology-environment"].mention_start == ent.mentions[0].start


def test_sentence_keyword_adds_a_theme_the_heading_does_not_name():
    doc = _doc()
    ent = _entity(doc, "丙丁产业园")
    tag_themes(doc, [ent])
    reasons = {t.theme: t.reason for t in ent.themes}
    assert reasons["investment-talent"] == "sentence: keyword 招商引资"
    assert reasons["business-environment-reform"] == "sentence: keyword 营商环境"


def test_longer_keyword_wins_over_a_shorter_one_inside_it():
    # 环境 (ecology) sits inside 营商环境 (business environment): only the latter fires
    matcher = ThemeMatcher.from_terms(
        [
            Term("eco", "生态", "Ecology", ("环境",)),
            Term("biz", "营商", "Business", ("营商环境",)),
        ]
    )
    assert matcher.match("持续优化营商环境") == {"biz": "营商环境"}
    assert matcher.match("改善人居环境") == {"eco": "环境"}


def test_entity_under_rural_heading_gets_rural_theme_only_from_there():
    doc = _doc()
    ent = _entity(doc, "戊己项目", "PROJECT")
    tag_themes(doc, [ent])
    assert [t.theme for t in ent.themes] == ["rural-revitalisation"]
    assert ent.themes[0].reason.startswith("section （二）乡村振兴战略稳步实施: keyword 乡村振兴")


def test_traditional_text_matches_through_the_folded_form():
    text = TEXT.replace("污染防治", "汙染防治")
    doc = _doc(text, folded=TEXT)
    ent = _entity(doc, "甲乙化工园区")
    tag_themes(doc, [ent])
    assert "ecology-environment" in {t.theme for t in ent.themes}


def test_tags_are_deterministic_and_follow_scheme_order():
    doc = _doc()
    ents = [_entity(doc, "丙丁产业园")]
    tag_themes(doc, ents)
    first = list(ents[0].themes)
    tag_themes(doc, ents)
    assert ents[0].themes == first
    order = {t.id: i for i, t in enumerate(read_vocabulary("themes"))}
    positions = [order[t.theme] for t in first]
    assert positions == sorted(positions)
    assert default_matcher() is default_matcher()
