"""extract.indented: the text json.dumps(..., ensure_ascii=False, indent=1) writes, for every kind of value."""

from __future__ import annotations

import enum
import json

import pytest

from extract.contract import corpus_to_json
from extract.indented import dumps_indented


class Level(enum.IntEnum):
    HIGH = 3


class Name(str):
    pass


AWKWARD = [
    {},
    [],
    "",
    None,
    True,
    0,
    -17,
    10**30,
    0.1,
    -0.0,
    1e-07,
    1e300,
    float("nan"),
    float("inf"),
    float("-inf"),
    'quote " backslash \\ newline \n tab \t nul \x00 bell \x07',
    "中文、全角“引号”\u2028\u2029 and an emoji 🎉",
    {"a": [], "b": {}, "c": [[]], "d": [{}], "e": [1, [2, [3, {"f": None}]]]},
    {7: "int key", 2.5: "float key", True: "bool key", None: "none key", "s": "str key"},
    {False: 0},
    ("a", "tuple", (1, 2)),
    [True, False, None, 1.5, "x"],
    {"level": Level.HIGH, "name": Name("子类"), "nested": {"deeper": [Name("n"), Level.HIGH]}},
]


@pytest.mark.parametrize("value", AWKWARD, ids=range(len(AWKWARD)))
def test_every_kind_of_value_is_written_as_json_writes_it(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("level", [1, 2, 5])
def test_a_nested_value_is_indented_by_its_level_after_the_first_line(level):
    value = {"k": ["a\nb", {"x": 1}], "m": []}
    expected = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * level)
    assert dumps_indented(value, level) == expected
    assert "a\\nb" in dumps_indented(value, level)  # a newline in a string is escaped, not indented


def test_the_sample_corpus_records_come_out_as_json_writes_them(sample_result):
    data = corpus_to_json(sample_result)
    assert len(data["documents"]) >= 2
    assert dumps_indented(data) == json.dumps(data, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("value", [{"x": {1, 2}}, [object()], {(1, 2): "tuple key"}])
def test_what_json_refuses_is_refused_with_a_type_error(value):
    with pytest.raises(TypeError):
        json.dumps(value)
    with pytest.raises(TypeError):
        dumps_indented(value)
