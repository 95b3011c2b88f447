"""Variant or rename (kg.graph.names), on invented names: what the graph's pkg:linkKind and the
evolution view's red links follow."""

from __future__ import annotations

import pytest

from kg.graph.names import ABBREVIATION, KINDS, RENAME, VARIANT, link_kind, variant_key


@pytest.mark.parametrize(
    "a, b",
    [
        ("“青禾”扶贫计划", "青禾扶贫计划"),  # quotes
        ("蓝湾精工有限公司", "蓝湾精工"),  # a legal suffix
        ("蓝湾精工集团股份有限公司", "蓝湾精工公司"),  # several
        ("云溪市蓝湾精工", "蓝湾精工"),  # a place in front
        ("白鹭湖引水工程", "白鹭湖引水项目"),  # the head noun
        ("白鹭湖引水工程二期", "白鹭湖引水工程"),  # a phase
        ("白 鹭 湖 引水工程", "白鹭湖引水工程"),  # spaces
        ("白鷺湖引水工程", "白鹭湖引水工程"),  # a traditional form
        ("ＡＢ港区", "AB港区"),  # full width
    ],
)
def test_names_written_another_way_are_variants(a, b):
    assert link_kind(a, b) == VARIANT
    assert link_kind(b, a) == VARIANT


@pytest.mark.parametrize(
    "a, b",
    [
        ("蓝湾精密机床", "蓝湾新景精密机床"),  # a word inserted: the name changed
        ("青禾扶贫计划", "青禾乡村振兴计划"),
        ("白鹭湖引水工程", "白鹭湖调水工程"),
    ],
)
def test_names_that_really_changed_are_renames(a, b):
    assert link_kind(a, b) == RENAME


def test_the_resolvers_variant_and_abbreviation_stand_and_its_rename_is_checked():
    assert link_kind("青禾计划", "青禾新计划", ABBREVIATION) == ABBREVIATION
    assert link_kind("蓝湾精密机床", "蓝湾新景精密机床", VARIANT) == VARIANT
    assert link_kind("蓝湾精工有限公司", "蓝湾精工", RENAME) == VARIANT
    assert link_kind("蓝湾精密机床", "蓝湾新景精密机床", RENAME) == RENAME


def test_a_suffix_alone_is_not_stripped_to_nothing():
    assert variant_key("公司") == "公司"
    assert variant_key("项目") == "项目"
    assert variant_key("华工程") == "华工程"  # one character left would not be a name


def test_the_kinds_are_the_vocabulary():
    assert KINDS == (VARIANT, ABBREVIATION, RENAME)
