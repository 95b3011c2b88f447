"""kg query: the library's queries give the right rows on the tiny graph, on both engines."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from extract.errors import InputError
from kg.cli import cli
from kg.graph.store import load_dataset, load_oxigraph
from kg.query.engines import OxigraphEngine, RdflibEngine, SparqlSyntaxError, Term, pick_engine
from kg.query.library import bindings, library, literal, parse_query, resolve, run_query
from kg.query.results import render

A = "tiny-2019-report-2020-plan.txt"
B = "tiny-2020-report-2021-plan.txt"
REPORT_B = "https://w3id.org/policy-kg/id/report/tiny-2020-report-2021-plan"
XSD = "http://www.w3.org/2001/XMLSchema#"

LIBRARY = [
    "audit-changes",
    "audit-followups",
    "audit-summary",
    "co-mentioned",
    "concepts",
    "enterprises-by-program",
    "entities-by-theme",
    "entities",
    "entity-evidence",
    "entity-links",
    "entity-merges",
    "entity-names",
    "entity-themes",
    "entity-timeline",
    "indicators",
    "mentions",
    "new-and-dropped",
    "observations",
    "plan-vs-review",
    "projects-by-park",
    "report-parts",
    "report-summary",
    "report-texts",
    "reports",
    "status-claims",
    "themes-by-report",
]


@pytest.fixture(scope="module")
def engines(tiny_build):
    return {"rdflib": RdflibEngine(load_dataset(tiny_build)), "oxigraph": OxigraphEngine(load_oxigraph(tiny_build))}


def rows(engines, query, /, **params):
    """Rows as plain strings (IRIs shortened), after checking both engines agree."""
    results = {
        k: run_query(None, query, {k2: str(v) for k2, v in params.items()}, loaded=e) for k, e in engines.items()
    }
    assert results["rdflib"].vars == results["oxigraph"].vars
    assert results["rdflib"].rows == results["oxigraph"].rows, query
    from kg.query.results import display

    return [tuple(display(t) for t in row) for row in results["oxigraph"].rows]


def test_library_has_every_daily_question_with_a_description():
    lib = library()
    assert list(lib) == LIBRARY
    for name, q in lib.items():
        assert q.description and not q.description.startswith("param"), name
        assert "PREFIX pkg:" in q.text, f"{name} must declare its prefixes (it is pasted into kg serve's page)"


def test_entity_timeline_shows_each_report_year_and_mode(engines):
    got = rows(engines, "entity-timeline", name="光明芯片项目")
    assert [r[3:] for r in got] == [
        ("2019", "reviewed", A, "1", "光明芯片项目"),
        ("2020", "planned", A, "1", "光明芯片项目"),
        ("2020", "reviewed", B, "1", "光明芯片项目"),
    ]
    assert {r[:3] for r in got} == {("entity:project-guangming", "光明芯片项目", "PROJECT")}
    # any other name finds the same entity (the last column is the name asked for)
    other = rows(engines, "entity-timeline", name="光明芯片项目二期")
    assert [r[:-1] for r in other] == [r[:-1] for r in got] and {r[-1] for r in other} == {"光明芯片项目二期"}


def test_entity_evidence_gives_every_sentence_behind_the_entity(engines):
    got = rows(engines, "entity-evidence", name="红日电池项目")
    assert [(r[1], r[2], r[3], r[4], r[8]) for r in got] == [
        (A, "2020", "planned", "3.1 突出抓好重大项目建设", "星河产业园引进红日电池项目。"),
        (B, "2020", "reviewed", "1.1 重点项目建设加力提速", "红日电池项目在星河产业园开工。"),
    ]


def test_entity_merges_show_rule_score_names_reports_and_sentences(engines):
    got = rows(engines, "entity-merges", name="光明芯片项目二期")
    assert len(got) == 1
    (
        entity,
        label,
        rule,
        score,
        first,
        first_report,
        first_sentence,
        second,
        second_report,
        second_sentence,
        name,
        kind,
    ) = got[0]
    assert name == "光明芯片项目二期"
    assert kind == "variant"  # a phase added: the same name (kg.graph.names), not a rename
    assert (entity, label, rule, score) == (
        "entity:project-guangming",
        "光明芯片项目",
        "renamed: most of one name kept",
        "0.8",
    )
    assert (first, first_report, second, second_report) == ("光明芯片项目", A, "光明芯片项目二期", B)
    assert "光明芯片项目" in first_sentence and "光明芯片项目二期" in second_sentence
    # an entity the resolver never merged has no rows; a same-name merge has its own
    assert rows(engines, "entity-merges", name="红日电池项目") == []
    assert [r[2:4] for r in rows(engines, "entity-merges", name="星河产业园")] == [("same name", "1")]


def test_entity_links_say_whether_each_merge_is_a_variant_or_a_rename(engines):
    got = rows(engines, "entity-links")
    assert ("entity:project-guangming", "光明芯片项目", "光明芯片项目二期", "variant") in got
    assert {r[3] for r in got} <= {"variant", "abbreviation", "rename"}


def test_entities_by_theme_and_year(engines):
    got = rows(engines, "entities-by-theme", themeName="乡村振兴")
    assert [(r[0], r[2], r[5], r[6]) for r in got] == [
        ("rural-revitalisation", "2019", "青山田园综合体项目", "1"),
        ("rural-revitalisation", "2020", "光明芯片项目", "1"),
        ("rural-revitalisation", "2020", "青山田园综合体项目", "1"),
    ]
    by_id = rows(engines, "entities-by-theme", themeName="rural-revitalisation", year=2019)
    assert [r[5] for r in by_id] == ["青山田园综合体项目"]
    assert {r[5] for r in rows(engines, "entities-by-theme", themeName="New growth", year=2019)} == set()
    growth = rows(engines, "entities-by-theme", themeName="new-growth-drivers", year=2019)
    assert {r[5] for r in growth} == {"星河产业园", "光明芯片项目", "蓝海科技公司", "专精特新企业名单"}


def test_plan_versus_next_review(engines):
    got = rows(engines, "plan-vs-review")
    assert [(r[0], r[1], r[4]) for r in got] == [
        ("2020", "dropped", "青山田园综合体项目"),
        ("2020", "kept", "星河产业园"),
        ("2020", "kept", "光明芯片项目"),
        ("2020", "kept", "红日电池项目"),
        ("2020", "new", "蓝海科技公司"),
        ("2020", "new", "专精特新企业名单"),
    ]
    assert {(r[5], r[6]) for r in got} == {(A, B)}
    assert rows(engines, "plan-vs-review", year=2021) == []


def test_projects_by_park(engines):
    got = rows(engines, "projects-by-park")
    assert [(r[1], r[3], r[4], r[5], r[6]) for r in got] == [
        ("星河产业园", "红日电池项目", "2", "2020", "2020"),
        ("星河产业园", "光明芯片项目", "1", "2019", "2019"),
    ]
    assert rows(engines, "projects-by-park", parkName="绿谷") == []


def test_enterprises_by_program(engines):
    got = rows(engines, "enterprises-by-program")
    assert [(r[1], r[3], r[4], r[5], r[6]) for r in got] == [("专精特新企业名单", "蓝海科技公司", "2", "2019", "2020")]


def test_new_and_disappeared_between_two_years(engines):
    assert [(r[0], r[3]) for r in rows(engines, "new-and-dropped", **{"from": 2019, "to": 2020})] == [
        ("new", "红日电池项目")
    ]
    got = rows(engines, "new-and-dropped", **{"from": 2020, "to": 2021})
    assert [(r[0], r[3]) for r in got if r[0] == "new"] == [("new", "绿谷物流园")]
    assert {r[3] for r in got if r[0] == "disappeared"} == {
        "蓝海科技公司",
        "星河产业园",
        "专精特新企业名单",
        "光明芯片项目",
        "红日电池项目",
        "青山田园综合体项目",
    }


def test_co_mentioned_pairs(engines):
    got = rows(engines, "co-mentioned")
    assert [(r[1], r[3], r[4], r[5]) for r in got] == [
        ("星河产业园", "红日电池项目", "2", "2"),
        ("蓝海科技公司", "专精特新企业名单", "2", "2"),
    ]
    once = rows(engines, "co-mentioned", min=1, name="青山田园综合体项目")
    assert [(r[1], r[3], r[4]) for r in once] == [("光明芯片项目", "青山田园综合体项目", "1")]


def test_indicators_with_their_evidence(engines):
    got = rows(engines, "indicators")
    assert [(r[2], r[3], r[5], r[8], r[9]) for r in got] == [
        ("2019", "actual", "6.5", "", A),
        ("2020", "actual", "3.6", "", B),
        ("2020", "target", "6", "左右", A),
    ]
    assert rows(engines, "indicators", indicatorName="失业率") == []


def test_report_summary_and_themes_by_report(engines):
    summary = rows(engines, "report-summary")
    assert ("tiny-2019-report-2020-plan.txt", "2019", "2020", "PROJECT", "planned", "3", "3") in summary
    themes = rows(engines, "themes-by-report")
    assert (A, "new-growth-drivers", "新旧动能转换", "4", "4") in themes


@pytest.mark.slow
def test_every_library_query_runs_on_the_sample_graph_and_engines_agree(sample_build):
    """Sensible rows on the samples; the timeline of 西铁城精密机床 spans both reports."""
    eng = {"rdflib": RdflibEngine(load_dataset(sample_build)), "oxigraph": OxigraphEngine(load_oxigraph(sample_build))}
    params = {
        "entity-timeline": {"name": "西铁城精密机床"},
        "entity-evidence": {"name": "文昌湖旅游度假区"},
        "entity-merges": {"name": "西铁城精密数控机床"},
        "new-and-dropped": {"from": "2019", "to": "2020"},
    }
    for name in LIBRARY:
        if name in ("plan-vs-review", "entities-by-theme", "new-and-dropped", "co-mentioned"):
            continue  # rdflib takes seconds each on the samples; the oxigraph-only loop below covers them
        a = run_query(None, name, params.get(name), loaded=eng["rdflib"])
        b = run_query(None, name, params.get(name), loaded=eng["oxigraph"])
        assert a.rows == b.rows, name
    for name in LIBRARY:
        assert run_query(None, name, params.get(name), loaded=eng["oxigraph"]).rows, f"{name} has no rows"
    timeline = run_query(None, "entity-timeline", params["entity-timeline"], loaded=eng["oxigraph"])
    reports = {row[5].value for row in timeline.rows}
    assert reports == {"zhoucun-2019-report-2020-plan.txt", "zhoucun-2020-report-2021-plan.txt"}
    evidence = run_query(None, "entity-evidence", params["entity-evidence"], loaded=eng["oxigraph"])
    assert {row[1].value for row in evidence.rows} == reports
    assert all("文昌湖" in row[8].value for row in evidence.rows)
    merges = run_query(None, "entity-merges", params["entity-merges"], loaded=eng["oxigraph"])
    assert {(row[4].value, row[7].value) for row in merges.rows} == {("西铁城新景精密机床", "西铁城精密数控机床")}


# parameters --------------------------------------------------------------


def test_header_gives_description_and_parameters_with_defaults():
    q = parse_query(
        "x",
        '# Things by year.\n# param: year=0  only this year\n# param: name  a name\n# param: t=""  a text\nSELECT * {}',
    )
    assert q.description == "Things by year."
    assert [(p.name, p.default, p.description) for p in q.params] == [
        ("year", Term("literal", "0", XSD + "integer"), "only this year"),
        ("name", None, "a name"),
        ("t", Term("literal", "", XSD + "string"), "a text"),
    ]


def test_a_default_that_is_no_sparql_term_is_named():
    with pytest.raises(InputError, match=r"^x: param year: the default '0x' is not a SPARQL term$"):
        parse_query("x", "# param: year=0x  a year\nSELECT * {}")


@pytest.mark.parametrize(
    "value,term",
    [
        ("2019", Term("literal", "2019", XSD + "integer")),
        ("-3", Term("literal", "-3", XSD + "integer")),
        ("乡村振兴", Term("literal", "乡村振兴", XSD + "string")),
        ('a "b" \\ c', Term("literal", 'a "b" \\ c', XSD + "string")),
        ("https://w3id.org/x", Term("uri", "https://w3id.org/x")),
        ("<urn:a>", Term("uri", "urn:a")),
    ],
)
def test_parameter_values_become_terms(value, term):
    assert literal(value) == term


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_a_parameter_is_bound_as_one_term_and_cannot_inject_sparql(engines, engine):
    evil = '") } } DROP ALL #'
    res = run_query(None, "SELECT ?x ?n WHERE { BIND(STRLEN($x) AS ?n) }", {"x": evil}, loaded=engines[engine])
    assert [(row[0].value, row[1].value) for row in res.rows] == [(evil, str(len(evil)))]
    # a library parameter too: a name nobody has gives no rows, and the graph is as it was
    assert run_query(None, "entity-timeline", {"name": evil}, loaded=engines[engine]).rows == []
    assert engines[engine].query('ASK { ?m pkg:mode "planned" }').boolean is True


def test_missing_required_parameter_says_which():
    with pytest.raises(InputError, match=r"query entity-timeline needs --param name=… \(the entity's name"):
        bindings(resolve("entity-timeline"), {})


def test_unknown_parameter_lists_the_known_ones():
    with pytest.raises(
        InputError, match="query entities-by-theme has no parameter 'yr'; its parameters: themeName, year"
    ):
        bindings(resolve("entities-by-theme"), {"yr": "2019"})


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_adhoc_query_binds_any_of_its_variables(engines, engine):
    res = run_query(None, "SELECT ?r $y WHERE { ?r pkg:reviewedYear $y }", {"y": "2020"}, loaded=engines[engine])
    assert [row[0].value for row in res.rows] == ["https://w3id.org/policy-kg/id/report/tiny-2020-report-2021-plan"]
    # $s is a variable like ?s: a query that uses it needs no parameter, and one binds it
    everything = run_query(None, "SELECT $s WHERE { $s ?p ?o }", loaded=engines[engine])
    assert len({row[0] for row in everything.rows}) > 10
    one = run_query(None, "SELECT $s ?p WHERE { $s ?p ?o }", {"s": REPORT_B}, loaded=engines[engine])
    assert one.rows and {row[0].value for row in one.rows} == {REPORT_B}


def test_adhoc_query_refuses_a_parameter_it_has_no_variable_for_or_does_not_select(tiny_build):
    with pytest.raises(InputError, match=r"^the query has no variable 'z' to bind; its variables: r, y$"):
        run_query(tiny_build, "SELECT ?r WHERE { ?r pkg:reviewedYear ?y }", {"z": "1"}, "rdflib")
    with pytest.raises(InputError, match=r"^--param y: a parameter must be selected; add \?y to SELECT$"):
        run_query(tiny_build, "SELECT ?r WHERE { ?r pkg:reviewedYear ?y }", {"y": "2020"}, "oxigraph")
    ask = run_query(tiny_build, "ASK { ?r pkg:reviewedYear ?y }", {"y": "2020"}, "oxigraph")
    assert ask.boolean is True


# engines -----------------------------------------------------------------


def test_auto_engine_picks_by_graph_size(tiny_build, monkeypatch):
    import kg.query.engines

    assert pick_engine(tiny_build) == "rdflib"
    monkeypatch.setattr(kg.query.engines, "AUTO_OXIGRAPH_BYTES", 10)
    assert pick_engine(tiny_build) == "oxigraph"
    assert pick_engine(tiny_build, "rdflib") == "rdflib"


def test_graph_queries_and_ask_agree_on_both_engines(engines):
    for text in [
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
        'ASK { ?m pkg:mode "planned" }',
        "CONSTRUCT { ?e skos:prefLabel ?l } WHERE { ?e a pkg:Park ; skos:prefLabel ?l }",
    ]:
        a, b = engines["rdflib"].query(text), engines["oxigraph"].query(text)
        assert (a.kind, a.rows, a.boolean, a.triples) == (b.kind, b.rows, b.boolean, b.triples), text
    assert engines["oxigraph"].query('ASK { ?m pkg:mode "planned" }').boolean is True


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_malformed_sparql_names_line_and_column(engines, engine):
    with pytest.raises(SparqlSyntaxError, match=r"^malformed SPARQL at line 2, column \d+: "):
        engines[engine].query("SELECT ?x\nWHERE { ?x ?y }")


# output ------------------------------------------------------------------


def test_table_csv_and_json_outputs(engines):
    res = run_query(None, "projects-by-park", loaded=engines["rdflib"])
    table = render(res, "table")
    assert table.splitlines()[0].split() == [
        "park",
        "parkLabel",
        "project",
        "projectLabel",
        "sentences",
        "firstYear",
        "lastYear",
        "parkName",
    ]
    assert "entity:park-xinghe  星河产业园" in table and table.endswith("(2 rows)\n")
    rows_ = list(csv.reader(io.StringIO(render(res, "csv"))))
    assert rows_[1][:2] == ["https://w3id.org/policy-kg/id/entity/park-xinghe", "星河产业园"]
    data = json.loads(render(res, "json"))
    assert data["head"]["vars"][0] == "park"
    first = data["results"]["bindings"][0]
    assert first["parkLabel"] == {"type": "literal", "value": "星河产业园", "xml:lang": "zh"}
    assert first["sentences"] == {
        "type": "literal",
        "value": "2",
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
    }


def test_csv_and_json_are_the_same_bytes_from_either_engine_and_cover_ask_and_construct(engines):
    for text in [
        "SELECT ?e ?l ?start WHERE { ?m pkg:mentionOf ?e ; pkg:start ?start . ?e skos:prefLabel ?l } ORDER BY ?start ?e",
        "CONSTRUCT { ?e skos:prefLabel ?l } WHERE { ?e a pkg:Park ; skos:prefLabel ?l }",
    ]:
        for fmt in ("csv", "json"):
            a, b = (render(engines[e].query(text), fmt) for e in ("rdflib", "oxigraph"))
            assert a == b, (text, fmt)
    built = json.loads(
        render(
            engines["oxigraph"].query("CONSTRUCT { ?e skos:prefLabel ?l } WHERE { ?e a pkg:Park ; skos:prefLabel ?l }"),
            "json",
        )
    )
    assert built["head"]["vars"] == ["subject", "predicate", "object"] and len(built["results"]["bindings"]) == 2
    ask = engines["rdflib"].query('ASK { ?m pkg:mode "planned" }')
    assert json.loads(render(ask, "json"))["boolean"] is True
    with pytest.raises(InputError, match="no form for an ASK answer"):
        render(ask, "csv")


def test_table_columns_line_up_for_chinese_text(engines):
    from kg.query.results import _width

    table = render(run_query(None, "co-mentioned", {"min": "1"}, loaded=engines["rdflib"]), "table").splitlines()
    header = table[0]
    column_b = _width(header[: header.index("  b  ") + 2])
    for line in table[2:-1]:
        second = line.index("entity:", line.index("entity:") + 1)
        assert _width(line[:second]) == column_b, line  # 星河产业园 takes ten columns, not five


# CLI ---------------------------------------------------------------------


def _kg(*args):
    return CliRunner().invoke(cli, list(args))


def test_cli_runs_a_library_query_with_params(tiny_build):
    r = _kg("query", "entity-timeline", "--out", str(tiny_build), "--param", "name=红日电池项目", "--format", "csv")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "entity,label,type,year,mode,report,mentions,name"
    assert len(lines) == 3


def test_cli_runs_a_query_file(tiny_build, tmp_path):
    path = tmp_path / "parks.rq"
    path.write_text("SELECT ?l WHERE { ?p a pkg:Park ; skos:prefLabel ?l } ORDER BY ?l", encoding="utf-8")
    r = _kg("query", str(path), "--out", str(tiny_build), "--format", "csv", "--engine", "oxigraph")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == ["l", "星河产业园", "绿谷物流园"]


def test_cli_list_shows_each_query_with_its_description():
    r = _kg("query", "--list")
    assert r.exit_code == 0
    for name, q in library().items():
        assert f"{name}: {q.description}" in r.stdout
    assert "--param name=… (required)" in r.stdout
    assert "--param min=… (default 2)" in r.stdout
    assert "--param year=… (optional)" in r.stdout


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_cli_malformed_sparql_is_one_line_with_the_position(tiny_build, engine):
    r = _kg("query", "SELECT ?x WHERE { ?x ?y }", "--out", str(tiny_build), "--engine", engine)
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: malformed SPARQL at line 1, column 26: ")
    assert r.stderr.count("\n") == 1 and r.stdout == ""


def test_cli_unknown_query_name_lists_the_valid_ones(tiny_build):
    r = _kg("query", "entity-timelin", "--out", str(tiny_build))
    assert r.exit_code == 2
    assert r.stderr == (
        "Error: unknown query 'entity-timelin'; the library has: "
        + ", ".join(LIBRARY)
        + " (kg query --list describes them)\n"
    )


def test_cli_query_before_build_says_how_to_build(tmp_path):
    out = tmp_path / "nothing"
    r = _kg("query", "entity-timeline", "--out", str(out), "--param", "name=x")
    assert r.exit_code == 2
    assert r.stderr == (
        f"Error: no built graph in {out} ({out}/graph.trig is missing): run `kg build --out {out}` first\n"
    )


def test_cli_missing_rq_file_and_bad_param_syntax(tiny_build):
    r = _kg("query", "nope.rq", "--out", str(tiny_build))
    assert (r.exit_code, r.stderr) == (2, "Error: no query file nope.rq\n")
    r = _kg("query", "entity-timeline", "--out", str(tiny_build), "--param", "name")
    assert (r.exit_code, r.stderr) == (2, "Error: --param takes name=value, not 'name'\n")
    r = _kg("query", "--out", str(tiny_build))
    assert r.exit_code == 2 and "give a query" in r.stderr
