"""Short forms that are not inside their long form: by shape, by a definition in the text."""

from __future__ import annotations

import pytest

from extract.records import Document, DocumentResult, Entity, Mention
from extract.resolve import merge_variants, resolve
from extract.resolve.abbreviations import abbreviation_score, definitions


def report(i: int, text: str, ents: list[tuple[str, str]]) -> DocumentResult:
    """A report of invented 青禾县; each entity's mentions are the occurrences of its name."""
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
    entities = []
    for name, typ in ents:
        start = text.index(name)
        entities.append(
            Entity(
                id="",
                type=typ,
                name=name.strip("“”"),
                mentions=[
                    Mention(
                        text=name,
                        start=start,
                        end=start + len(name),
                        type=typ,
                        rule="test",
                        sentence=text,
                        sentence_start=0,
                        section="1",
                        section_title="",
                        year=2019 + i,
                        mode="reviewed",
                    )
                ],
            )
        )
    return DocumentResult(document=doc, entities=entities)


@pytest.mark.parametrize(
    "short, long_",
    [
        ("科金改", "科技金融改革试验"),  # one word left whole (试验)
        ("绿能创", "绿色能源创新示范"),
        ("营改增", "营业税改征增值税"),  # one character for every word
    ],
)
def test_a_short_form_made_of_the_words_first_characters(short, long_):
    assert abbreviation_score(short, long_) >= 0.85


@pytest.mark.parametrize(
    "short, long_",
    [
        ("科金", "科技金融改革试验"),  # two characters: too little to tell
        ("金改试", "科技金融改革试验"),  # does not start where the long form starts
        ("科融改", "科技金融改革试验"),  # 融 opens no word
        ("科技金融", "科技金融改革试验"),  # inside it: a short form, not an abbreviation
        ("科金改", "科技金融与文化旅游改革试验"),  # too many words left out
    ],
)
def test_what_is_no_abbreviation(short, long_):
    assert abbreviation_score(short, long_) == 0.0


def test_a_later_report_abbreviating_an_earlier_long_form_names_the_same_thing():
    results = [
        report(0, "开展科技金融改革试验。", [("科技金融改革试验", "PROGRAM")]),
        report(1, "“科金改”扩大到全县。", [("“科金改”", "PROGRAM")]),
    ]
    links, canonical = resolve(results)
    assert results[0].entities[0].id == results[1].entities[0].id
    assert [(lk.rule, lk.kind) for lk in links] == [
        ("abbreviation: each character opens a word of the long form", "abbreviation")
    ]
    assert canonical[results[0].entities[0].id] == "科技金融改革试验"  # the fullest form


def test_a_short_form_used_before_its_long_form_is_not_taken_for_it():
    results = [
        report(0, "“科金改”扩大到全县。", [("“科金改”", "PROGRAM")]),
        report(1, "开展科技金融改革试验。", [("科技金融改革试验", "PROGRAM")]),
    ]
    resolve(results)
    assert results[0].entities[0].id != results[1].entities[0].id


def test_a_definition_in_the_text_links_the_forms():
    text = "青禾县启动数字乡村治理平台建设（以下简称“数治平台”）。数治平台接入村级事务。"
    results = [report(0, text, [("数字乡村治理平台建设", "PROJECT"), ("数治平台", "PROJECT")])]
    results[0].entities[1].mentions = [
        Mention(
            text="数治平台",
            start=text.rindex("数治平台"),
            end=text.rindex("数治平台") + 4,
            type="PROJECT",
            rule="test",
            sentence=text,
            sentence_start=0,
            section="1",
            section_title="",
            year=2019,
            mode="reviewed",
        )
    ]
    assert definitions(results) == {("数字乡村治理平台建设", "数治平台")}
    links = merge_variants(results)
    assert len(results[0].entities) == 1
    assert links[0].rule == "in one report: abbreviation defined in the text" and links[0].kind == "abbreviation"
