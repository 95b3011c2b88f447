"""policy_select: one reading of every stretch, tested on hand-made candidates and on
what the components propose for a sentence."""

from __future__ import annotations

from extract.entities import PIPES
from extract.entities.candidate import CANDIDATES, CHOSEN, Candidate
from extract.entities.select import SPANS_KEY, choose


def spans(chosen):
    return [(c.start, c.end, c.type) for c in chosen]


def test_a_higher_priority_wins_a_crossing():
    low = Candidate(0, 6, "PROJECT", "heads", priority=1)
    high = Candidate(4, 8, "ENTERPRISE", "lists", priority=2)
    assert spans(choose([low, high])) == [(4, 8, "ENTERPRISE")]


def test_at_equal_priority_the_longer_wins_a_nesting():
    outer = Candidate(0, 8, "PARK", "heads", priority=1)
    inner = Candidate(2, 6, "PROJECT", "heads", priority=1)
    assert spans(choose([inner, outer])) == [(0, 8, "PARK")]


def test_at_equal_priority_and_length_the_leftmost_wins():
    left = Candidate(0, 4, "PROJECT", "heads", priority=1)
    right = Candidate(2, 6, "PROJECT", "heads", priority=1)
    assert spans(choose([right, left])) == [(0, 4, "PROJECT")]


def test_disjoint_candidates_all_stand_in_text_order():
    a = Candidate(10, 14, "PARK", "heads", priority=1)
    b = Candidate(0, 4, "ENTERPRISE", "heads", priority=1)
    c = Candidate(5, 9, "PROGRAM", "slogan", priority=0)
    assert spans(choose([a, b, c])) == [(0, 4, "ENTERPRISE"), (5, 9, "PROGRAM"), (10, 14, "PARK")]


def test_on_the_same_span_an_institution_gives_way_to_one_of_the_four():
    inst = Candidate(0, 6, "INSTITUTION", "heads", priority=1)
    project = Candidate(0, 6, "PROJECT", "lists", priority=1)
    assert spans(choose([inst, project])) == [(0, 6, "PROJECT")]
    assert spans(choose([project, inst])) == [(0, 6, "PROJECT")]


def test_on_the_same_span_priority_still_comes_first():
    inst = Candidate(0, 6, "INSTITUTION", "heads", priority=2)
    project = Candidate(0, 6, "PROJECT", "lists", priority=1)
    assert spans(choose([project, inst])) == [(0, 6, "INSTITUTION")]


def test_a_nested_firm_stands_beside_the_name_it_opens():
    park = Candidate(0, 8, "PARK", "heads", priority=1)
    firm = Candidate(0, 4, "ENTERPRISE", "gazetteer", kind="nested", priority=-1)
    assert spans(choose([park, firm])) == [(0, 4, "ENTERPRISE"), (0, 8, "PARK")]


def test_a_nested_firm_is_dropped_where_no_chosen_name_starts_with_it():
    park = Candidate(2, 8, "PARK", "heads", priority=1)
    firm = Candidate(0, 4, "ENTERPRISE", "gazetteer", kind="nested", priority=-1)
    assert spans(choose([park, firm])) == [(2, 8, "PARK")]


def test_a_nested_firm_is_not_doubled_on_a_name_of_its_own_span():
    firm = Candidate(0, 4, "ENTERPRISE", "heads", priority=1)
    nested = Candidate(0, 4, "ENTERPRISE", "gazetteer", kind="nested", priority=-1)
    assert spans(choose([firm, nested])) == [(0, 4, "ENTERPRISE")]


def test_nothing_proposed_nothing_chosen():
    assert choose([]) == []


# -- on a sentence ---------------------------------------------------------------------------------

TEXT = "澜光机床、霁华电子等企业在澜川物流园投产。"


def test_the_doc_carries_what_was_proposed_and_one_reading_of_it(nlp):
    with nlp.select_pipes(enable=list(PIPES)):
        doc = nlp(TEXT)
    proposed = {(c.rule, TEXT[c.start : c.end]) for c in doc._.get(CANDIDATES)}
    chosen = {(c.type, TEXT[c.start : c.end]) for c in doc._.get(CHOSEN)}
    assert chosen == {("ENTERPRISE", "澜光机床"), ("ENTERPRISE", "霁华电子"), ("PARK", "澜川物流园")}
    assert {("lists", "澜光机床"), ("lists", "霁华电子"), ("heads", "澜川物流园")} <= proposed


def test_the_chosen_names_are_a_span_group_labelled_by_type(nlp):
    with nlp.select_pipes(enable=list(PIPES)):
        doc = nlp(TEXT)
    assert [(s.text, s.label_) for s in doc.spans[SPANS_KEY]] == [
        ("澜光机床", "ENTERPRISE"),
        ("霁华电子", "ENTERPRISE"),
        ("澜川物流园", "PARK"),
    ]
    assert list(doc.ents) == []  # a span group, not doc.ents: nested names may overlap


def test_the_longer_of_two_names_of_equal_priority_wins_on_a_sentence(nlp, found):
    # policy_heads reads 208国道改造, policy_routes the route with its section: the longer stands
    assert found(nlp, "实施208国道改造澜川段。") == {("PROJECT", "208国道改造澜川段")}


def test_a_slogan_gives_way_to_the_name_it_is_quoted_in(nlp, found):
    # policy_roles proposes the slogan at priority 0, policy_heads the whole name at 1
    assert found(nlp, "推进“科技强县”战略。") == {("PROGRAM", "“科技强县”战略")}
