"""ontology/*.tsv: each vocabulary has one home, and what cannot read it (the SHACL shapes) agrees with it."""

from __future__ import annotations

import re

from rdflib.collection import Collection
from rdflib.namespace import SH

from kg.audit.plan_actual import LOWER_IS_BETTER
from kg.graph.build import TYPE_CLASSES
from kg.graph.validate import shapes_graph
from kg.namespaces import PKG
from kg.site.network import STATUS_COLORS, TYPE_COLORS, TYPE_LABELS, is_light
from ontology.vocab import modes, read_vocabulary


def _shape_values(path) -> list[set[str]]:
    """The value lists the shapes allow for ``path`` (every sh:in and sh:hasValue on it)."""
    g = shapes_graph()
    out = []
    for prop in g.subjects(SH.path, path):
        for lst in g.objects(prop, SH["in"]):
            out.append({str(v) for v in Collection(g, lst)})
        for v in g.objects(prop, SH.hasValue):
            out.append({str(v)})
    return out


def test_modes_are_in_the_order_of_time_and_the_shapes_allow_exactly_them():
    assert modes() == ("planned", "reviewed")
    lists = _shape_values(PKG.mode)
    assert len(lists) >= 4 and all(values == set(modes()) for values in lists)


def test_every_entity_type_the_shapes_name_is_in_the_vocabulary_with_classes_and_a_colour():
    ids = [t.id for t in read_vocabulary("entity-types")]
    assert set().union(*_shape_values(PKG.entityType)) <= set(ids)
    assert list(TYPE_CLASSES) == list(TYPE_COLORS) == list(TYPE_LABELS) == ids
    assert all(classes for classes in TYPE_CLASSES.values())
    assert TYPE_LABELS["PARK"] == "园区 park" and PKG.Park in TYPE_CLASSES["PARK"]
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in TYPE_COLORS.values())


def test_statuses_have_a_colour_and_the_light_ones_take_dark_text():
    assert list(STATUS_COLORS) == [t.id for t in read_vocabulary("statuses")]
    assert {s for s, c in STATUS_COLORS.items() if is_light(c)} == {"mentioned", "planned", "started"}


def test_lower_is_better_is_a_column_of_the_indicator_vocabulary():
    terms = read_vocabulary("indicators")
    assert {t.extra[1] for t in terms if len(t.extra) > 1} == {"lower"}
    assert {"cpi", "surveyed-unemployment", "energy-intensity"} <= LOWER_IS_BETTER
    assert "gdp" not in LOWER_IS_BETTER and LOWER_IS_BETTER <= {t.id for t in terms}


def test_the_qualifiers_the_shapes_allow_are_those_plan_versus_actual_judges():
    from kg.audit.plan_actual import CEILING, FLOOR

    (allowed,) = _shape_values(PKG.qualifier)
    assert FLOOR | CEILING <= allowed and "左右" in allowed
