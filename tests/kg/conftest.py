"""A tiny hand-made corpus for the graph tests, and builds of it and of the samples.

The two reports in tests/data/kg/ are read by the real loader and segmenter,
but their entities, statuses and indicators are written here by hand, so
every expected query row below can be worked out on paper and does not move
when the extractor improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import hand_claim, hand_mentions

from extract.corpus import read_documents
from extract.records import CorpusResult, DocumentResult, Entity, Indicator, Link
from extract.themes import tag_themes

TINY = Path(__file__).resolve().parent.parent / "data" / "kg"
TINY_FILES = ["tiny-2019-report-2020-plan.txt", "tiny-2020-report-2021-plan.txt"]

# id, type, the forms it is written in (longest first)
TINY_ENTITIES = [
    ("park-xinghe", "PARK", ["星河产业园"]),
    ("project-guangming", "PROJECT", ["光明芯片项目二期", "光明芯片项目"]),
    ("project-qingshan", "PROJECT", ["青山田园综合体项目"]),
    ("project-hongri", "PROJECT", ["红日电池项目"]),
    ("enterprise-lanhai", "ENTERPRISE", ["蓝海科技公司"]),
    ("program-zjtx", "PROGRAM", ["专精特新企业名单"]),
    ("park-lvgu", "PARK", ["绿谷物流园"]),
]


def tiny_paths() -> list[str]:
    return [str(TINY / f) for f in TINY_FILES]


def _entities(doc) -> list[Entity]:
    taken: list[tuple[int, int]] = []
    out = []
    for eid, typ, forms in TINY_ENTITIES:
        ent = Entity(id=eid, type=typ, name="", mentions=hand_mentions(doc, typ, forms, taken))
        if ent.mentions:
            ent.name = forms[-1] if any(m.text == forms[-1] for m in ent.mentions) else ent.mentions[0].text
            out.append(ent)
    return out


def _indicator(doc, evidence: str, year: int, kind: str, value: float, qualifier: str | None = None) -> Indicator:
    start = doc.text.index(evidence)
    sent = doc.sentence_at(start)
    sec = doc.section(sent.section)
    return Indicator(
        indicator="地区生产总值",
        measure="growth",
        year=year,
        kind=kind,
        value=value,
        unit="%",
        qualifier=qualifier,
        evidence=evidence,
        start=start,
        end=start + len(evidence),
        concept="gdp",
        section=sec.id,
        mode=sec.mode,
    )


def make_tiny_corpus() -> CorpusResult:
    docs = read_documents(tiny_paths())
    results = []
    for doc in docs:
        ents = _entities(doc)
        tag_themes(doc, ents)
        by_id = {e.id: e for e in ents}
        if doc.reviewed_year == 2019:
            by_id["project-guangming"].status.append(hand_claim(doc, "竣工投产", "completed", after="星河产业园内"))
            inds = [
                _indicator(doc, "地区生产总值增长6.5%", 2019, "actual", 6.5),
                _indicator(doc, "地区生产总值增长6%左右", 2020, "target", 6.0, "左右"),
            ]
        else:
            by_id["project-hongri"].status.append(hand_claim(doc, "开工", "started", after="红日电池项目在"))
            inds = [_indicator(doc, "地区生产总值增长3.6%", 2020, "actual", 3.6)]
        results.append(DocumentResult(document=doc, entities=ents, indicators=inds))
    a, b = (f"{name}#" for name in TINY_FILES)
    links = [
        Link(
            a=a + "PROJECT#光明芯片项目",
            b=b + "PROJECT#光明芯片项目二期",
            rule="renamed: most of one name kept",
            score=0.8,
            detail="光明芯片项目 ~ 光明芯片项目二期",
        ),
        Link(a=a + "PARK#星河产业园", b=b + "PARK#星河产业园", rule="same name", score=1.0, detail="星河产业园"),
    ]
    return CorpusResult(documents=results, links=links, canonical={"project-guangming": "光明芯片项目"})


@pytest.fixture(scope="session")
def tiny_files() -> list[str]:
    return tiny_paths()


@pytest.fixture(scope="session")
def tiny_corpus() -> CorpusResult:
    return make_tiny_corpus()


@pytest.fixture(scope="session")
def tiny_build(tiny_corpus, tmp_path_factory) -> Path:
    """The tiny corpus built into a folder (graph.trig, extraction.json, manifest.json)."""
    from kg.pipeline import write_build

    out = tmp_path_factory.mktemp("tiny-build")
    write_build(tiny_corpus, out)
    return out


@pytest.fixture(scope="session")
def sample_build(sample_result, tmp_path_factory) -> Path:
    """The sample corpus built once per session."""
    from kg.pipeline import write_build

    out = tmp_path_factory.mktemp("sample-build")
    write_build(sample_result, out)
    return out
