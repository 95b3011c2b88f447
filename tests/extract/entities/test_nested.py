"""Firms named inside the projects they run, recorded as enterprises too.

Invented names only (澜汽, 霁啤, 泓辰 …).
"""

from __future__ import annotations

import pytest

from extract.entities import EntityExtractor


def _names(document, sentence: str) -> set[tuple[str, str]]:
    doc = document("澜川县2031年政府工作报告\n一、2030年工作回顾\n" + sentence + "\n", "r.txt")
    return {(e.type, e.name) for e in EntityExtractor().entities(doc)}


@pytest.mark.parametrize(
    "sentence, firm, project",
    [
        ("澜汽10万辆商用车项目建成投产。", "澜汽", "澜汽10万辆商用车项目"),
        ("霁啤15万吨扩能项目开工。", "霁啤", "霁啤15万吨扩能项目"),
    ],
)
def test_a_firm_before_a_capacity_is_an_enterprise_of_its_own(document, sentence, firm, project):
    assert _names(document, sentence) == {("PROJECT", project), ("ENTERPRISE", firm)}


@pytest.mark.parametrize(
    "sentence",
    [
        "年产10万吨饲料项目开工。",  # a verb, not a firm
        "新建5万平方米厂房项目开工。",
        "澜川10万吨污水处理项目开工。",  # the place, not a firm
    ],
)
def test_what_opens_a_capacity_and_is_no_firm_stays_in_the_project(document, sentence):
    assert not any(t == "ENTERPRISE" for t, _ in _names(document, sentence))
