"""kg.query.guard: which queries call a SERVICE, and how large and deep a query is."""

from __future__ import annotations

import pytest
from rdflib.plugins.sparql.parser import parseQuery

from kg.query.guard import (
    FederationRefused,
    Limits,
    QueryTooDeep,
    QueryTooLarge,
    algebra_services,
    check,
    check_federation,
    depth,
    service_keywords,
    tokens,
)
from kg.query.library import library

CALLS_SERVICE = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/s> { ?s ?p ?o } }",
    "select * where { service <http://127.0.0.1:9/s> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/s> { ?s ?p ?o } }",
    "SELECT * WHERE { VALUES ?e { <http://127.0.0.1:9/s> } SERVICE ?e { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://127.0.0.1:9/s> { ?s ?q ?r } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/s> { ?s ?q ?r } } }",
    "ASK { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:9/s> { ?s ?p ?o } } } }",
    "SELECT * WHERE { ?s ?p ?o # a comment ends at the line's end\n SERVICE <http://127.0.0.1:9/s> { ?s ?q ?r } }",
]
# SPARQL processes \\u escapes before parsing: a parser that follows it reads SERVICE here
ESCAPED = r"SELECT * WHERE { ?s ?p ?o \u0053ERVICE <http://127.0.0.1:9/s> { ?s ?q ?r } }"
CALLS_NONE = [
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/s> { ?s ?p ?o }",
    'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/s> { }" }',
    "SELECT * WHERE { ?s ?p '''two\nlines SERVICE <http://127.0.0.1:9/s> {}''' }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:SERVICE ?o }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:a.SERVICE ?o }",
    "SELECT ?SERVICE WHERE { ?SERVICE ?p ?o }",
    "SELECT * WHERE { ?s <http://example.org/#SERVICE> ?o }",
]


@pytest.mark.parametrize("query", CALLS_SERVICE)
def test_a_service_anywhere_is_found_by_the_tokens_and_by_rdflibs_parse_tree(query):
    assert service_keywords(tokens(query))
    assert algebra_services(parseQuery(query))
    with pytest.raises(FederationRefused, match=r"calls SERVICE .*--allow-service turns them on"):
        check_federation(query)
    check_federation(query, allow_service=True)  # allowed, nothing is refused


@pytest.mark.parametrize("query", CALLS_NONE)
def test_the_word_in_a_comment_string_iri_name_or_variable_is_no_service(query):
    assert service_keywords(tokens(query)) == []
    assert algebra_services(parseQuery(query)) == []
    check_federation(query)


def test_a_hash_inside_a_string_hides_no_service_from_the_tokens_though_it_does_from_rdflib():
    """rdflib's parser reads this ``#`` as a comment and fails, so its parse tree cannot be the only
    judge; Oxigraph (the server's parser) reads the string and runs the SERVICE."""
    import pyoxigraph as ox

    query = 'SELECT * WHERE { ?s ?p "a # b" . SERVICE <http://127.0.0.1:9/s> { ?s ?q ?r } }'
    ox.Store().query(query)  # valid SPARQL (a SELECT is evaluated lazily: nothing is sent)
    with pytest.raises(Exception, match="found 'SERVICE'"):
        parseQuery(query)
    assert service_keywords(tokens(query)) == ["<http://127.0.0.1:9/s>"]
    with pytest.raises(FederationRefused):
        check_federation(query)


def test_a_keyword_written_with_codepoint_escapes_is_read_as_the_keyword():
    assert service_keywords(tokens(ESCAPED)) == []  # as written
    with pytest.raises(FederationRefused):
        check_federation(ESCAPED)
    check_federation(r'ASK { ?s ?p "\U0010FFFF \U7FFFFFFF \u0041" }')  # no SERVICE; an out-of-range escape kept


def test_the_message_names_the_service():
    with pytest.raises(FederationRefused) as err:
        check_federation(CALLS_SERVICE[0])
    assert str(err.value) == (
        "the query calls SERVICE <http://127.0.0.1:9/s>: federated queries are off (--allow-service turns them on)"
    )
    assert err.value.status == 403


def test_library_queries_call_no_service_and_sit_far_below_the_limits():
    for name, q in library().items():
        assert service_keywords(tokens(q.text)) == [] == algebra_services(parseQuery(q.text)), name
        check(q.text)
        assert depth(tokens(q.text)) < Limits().max_depth // 10, name


def test_depth_counts_brackets_and_chained_operators():
    assert depth(tokens("SELECT ?s WHERE { ?s ?p ?o }")) == 2  # the group counts in its parent, then opens a level
    nested = depth(tokens("SELECT ?s WHERE " + "{" * 50 + " ?s ?p ?o " + "}" * 50))
    assert nested == 100
    unions = [depth(tokens("SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * n) + " }")) for n in (10, 20)]
    assert unions[1] - unions[0] == 20  # each branch: its UNION and its group
    ors = [depth(tokens("ASK { FILTER(" + " || ".join(["?a"] * n) + ") }")) for n in (10, 20)]
    assert ors[1] - ors[0] == 10
    # brackets inside strings, IRIs and comments are no brackets
    assert depth(tokens('SELECT ?s WHERE { ?s ?p "{{{{((((" } # {{{{')) == 2


def test_over_the_size_or_depth_limit_is_refused_with_the_limit_named():
    big = "SELECT * WHERE { VALUES ?x { " + " ".join(f"<urn:x:{i}>" for i in range(3000)) + " } }"
    with pytest.raises(QueryTooLarge, match=r"^the query is [\d,]+ bytes; the limit is 1,000 \(--max-query-bytes\)$"):
        check(big, Limits(max_bytes=1000))
    check(big, Limits(max_bytes=None))
    deep = "SELECT ?s WHERE " + "{" * 600 + "}" * 600
    with pytest.raises(QueryTooDeep, match=r"^the query nests 1,200 deep .* the limit is 1,000 \(--max-depth\)$"):
        check(deep)
    check(deep, Limits(max_depth=None))


def test_every_character_is_read_by_some_token():
    text = "SELECT ?x WHERE { ?x <urn:p> 'ü' ; ^<urn:q> _:b . FILTER(?x != 1.5e3 && LANG(?x) = 'zh') } @ ~"
    assert "".join(t for _, t in tokens(text)).replace(" ", "") == text.replace(" ", "")
