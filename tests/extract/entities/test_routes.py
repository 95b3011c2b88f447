"""policy_routes: roads named by their number, alone and inside the whole first pass."""

from __future__ import annotations

import pytest
import spacy

from extract.entities.candidate import CHOSEN
from extract.entities.tokenizer import TOKENIZER

P = "PROJECT"


def routes(nlp, text: str) -> set[tuple[str, str]]:
    """What policy_routes proposes, with nothing else running."""
    with nlp.select_pipes(enable=["policy_routes", "policy_select"]):
        doc = nlp(text)
    return {(c.type, text[c.start : c.end]) for c in doc._.get(CHOSEN)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("加快国道318线澜川至穗岭段改扩建。", "国道318线澜川至穗岭段"),  # a number and two ends
        ("省道S218线穗岭段改造。", "省道S218线穗岭段"),  # a number and one place
        ("G7721霁川段建成通车。", "G7721霁川段"),
        ("G6霁川段加宽。", "G6霁川段"),  # short, but with a section
        ("实施208国道改造澜川段。", "208国道改造澜川段"),  # the works between number and section
        ("推进沿江国道G356建设。", "沿江国道G356"),  # a route along the river
        ("推进国道318线建设。", "国道318线"),  # a route without a section
    ],
)
def test_a_route_number_names_a_road_project(nlp, text, expected):
    assert routes(nlp, text) == {(P, expected)}


def test_every_route_of_a_list_is_one(nlp):
    assert routes(nlp, "澜川境内G7721、S218两条干线公路建成。") == {(P, "G7721"), (P, "S218")}


@pytest.mark.parametrize(
    "text",
    [
        "G35全线贯通。",  # too short alone: a route, not a works
        "完成G20峰会保障。",  # a code that is no road
        "采购SG3000型设备。",  # a model number glued to Latin letters
        "G7721A匝道改造。",  # a number glued to a letter after it
    ],
)
def test_what_is_no_road_by_number(nlp, text):
    assert routes(nlp, text) == set()


def test_the_shortest_number_taken_alone_is_a_setting():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.add_pipe("policy_routes", config={"min_numbered": 3})
    nlp.add_pipe("policy_select")
    assert routes(nlp, "G35全线贯通。") == {(P, "G35")}


# -- with the other components ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # the head-noun name reaching over the route is longer and wins
        ("加快国道318线澜川至穗岭段改扩建。", {(P, "国道318线澜川至穗岭段改扩建")}),
        ("省道S218线穗岭段改造。", {(P, "省道S218线穗岭段改造")}),
        ("G7721霁川段建成通车。", {(P, "G7721霁川段")}),
        ("实施208国道改造澜川段。", {(P, "208国道改造澜川段")}),
        # a route before a road head: the name is the road's
        ("G8高速全线贯通。", {(P, "G8高速")}),
    ],
)
def test_routes_in_the_first_pass(nlp, found, text, expected):
    assert found(nlp, text) == expected
