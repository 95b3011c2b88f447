"""OxigraphEngine: a term repeated in an answer's rows is one Term, equal to what each row would get alone."""

from __future__ import annotations

import pyoxigraph as ox

from kg.query.engines import OxigraphEngine


def test_a_term_repeated_across_rows_is_one_object_and_the_rows_are_unchanged(tmp_path):
    data = """
    @prefix ex: <http://example.org/> .
    ex:a ex:in ex:r ; ex:says "同一句话" ; ex:n 7 .
    ex:b ex:in ex:r ; ex:says "同一句话" ; ex:n 7 .
    ex:c ex:in ex:r ; ex:says "同一句话"@zh ; ex:n 8 .
    """
    store = ox.Store()
    store.load(data.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:g"))
    q = "SELECT ?m ?r ?s ?n WHERE { ?m <http://example.org/in> ?r ; <http://example.org/says> ?s ; <http://example.org/n> ?n } ORDER BY ?m"
    rows = OxigraphEngine(store).query(q).rows
    assert len(rows) == 3
    assert rows[0][1] is rows[1][1] is rows[2][1]  # ex:r, three times
    assert rows[0][2] is rows[1][2] and rows[2][2] is not rows[0][2]  # a language tag makes another term
    assert rows[0][3] is rows[1][3] and rows[2][3] != rows[0][3]
    one_by_one = [tuple(OxigraphEngine.term(t) for t in sol) for sol in store.query(q, use_default_graph_as_union=True)]
    assert rows == one_by_one
