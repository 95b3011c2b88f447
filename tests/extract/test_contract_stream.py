"""extract.contract.iter_dumps: the extraction JSON written in pieces is the same text as in one piece."""

from __future__ import annotations

import pytest

from extract.contract import corpus_to_json, dumps, iter_corpus_json, iter_dumps
from extract.records import CorpusResult, Link


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"a": []},
        {"a": [1, {"x": [1, 2], "y": {}, "z": None}], "b": "两行\n文字", "c": {"k": [[]]}},
        {"a": [[1, [2, {"q": "“引号”"}]], {}], "b": 1.5},
    ],
)
def test_pieces_join_to_dumps_whether_a_list_is_lazy_or_not(data):
    assert "".join(iter_dumps(data)) == dumps(data)
    lazy = {k: iter(v) if isinstance(v, list) else v for k, v in data.items()}
    assert "".join(iter_dumps(lazy, lazy=[k for k, v in data.items() if isinstance(v, list)])) == dumps(data)


def test_a_lazy_list_is_read_one_item_at_a_time():
    taken: list[int] = []

    def items():
        for i in range(3):
            taken.append(i)
            yield {"i": i}

    pieces = iter_dumps({"head": 0, "items": items()}, lazy=["items"])
    before = [next(pieces)]
    while '"i": 0' not in before[-1]:
        before.append(next(pieces))
    assert taken == [0]  # the first item is written before the second is made
    assert "".join([*before, *pieces]) == dumps({"head": 0, "items": [{"i": i} for i in range(3)]})


def test_the_corpus_json_in_pieces_is_the_corpus_json(sample_result):
    assert "".join(iter_corpus_json(sample_result)) == dumps(corpus_to_json(sample_result))
    empty = CorpusResult(links=[Link("a", "b", "rule", 0.5, "d")], warnings=["w"])
    assert "".join(iter_corpus_json(empty)) == dumps(corpus_to_json(empty))
