"""What the audit can and cannot judge, on a few reports written here as a small graph.

Reports whose area is unknown are paired with none (two of them may be of two counties);
a pair whose later report has no part read as a review, and an entity the later report
names only in its plan, are ``not-assessable``, not ``silent``; the headline counts the
pairs that could be judged, and the CSV, JSON and HTML say why.
"""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from kg.audit.continuity import AREA_UNKNOWN, NOT_ASSESSABLE, SILENT, run_audit
from kg.audit.export import audit_csv, audit_json
from kg.audit.html import render_html
from kg.namespaces import PREFIXES
from kg.query.engines import OxigraphEngine

# file: (area, reviewed year, plan year, modes of its sections)
REPORTS = {
    "jingmen-2019.txt": ("", 2019, 2020, ("reviewed", "planned")),
    "gaoqing-2020.txt": ("", 2020, 2021, ("reviewed", "planned")),
    "lujiang-2020.txt": ("", 2020, 2021, ("reviewed", "planned")),
    "yun-2019.txt": ("云杉县", 2019, 2020, ("reviewed", "planned")),
    "yun-2020.txt": ("云杉县", 2020, 2021, ("planned",)),  # an excerpt: the plan alone
    "yun-2021.txt": ("云杉县", 2021, 2022, ("reviewed", "planned")),
}
# (report, entity, surface, mode, year)
MENTIONS = [
    ("jingmen-2019.txt", "park-a", "甲产业园", "planned", 2020),
    ("gaoqing-2020.txt", "park-b", "乙产业园", "reviewed", 2020),
    ("yun-2019.txt", "park-c", "丙产业园", "planned", 2020),
    ("yun-2019.txt", "project-d", "丁项目", "planned", 2020),
    ("yun-2020.txt", "project-d", "丁项目", "planned", 2021),
    ("yun-2020.txt", "project-e", "戊项目", "planned", 2021),
    ("yun-2020.txt", "project-f", "己项目", "planned", 2021),
    ("yun-2021.txt", "project-e", "戊项目", "reviewed", 2021),
    ("yun-2021.txt", "project-f", "己项目", "planned", 2022),
]


def _stem(file: str) -> str:
    return file.removesuffix(".txt")


def _turtle() -> str:
    out = []
    for file, (area, reviewed, plan, modes) in REPORTS.items():
        r = f"report:{_stem(file)}"
        out.append(
            f'{r} a pkg:Report ; dcterms:identifier "{file}" ; dcterms:title "{file}" ; '
            f"pkg:reviewedYear {reviewed} ; pkg:planYear {plan}" + (f' ; pkg:area "{area}"' if area else "") + " ."
        )
        for i, mode in enumerate(modes):
            out.append(
                f'section:{_stem(file)}_{i} a pkg:Section ; pkg:inReport {r} ; pkg:mode "{mode}" ; '
                f'pkg:sectionId "{i}" ; dcterms:title "part {i}" .'
            )
    for i, (file, ent, surface, mode, year) in enumerate(MENTIONS):
        stem = _stem(file)
        out.append(f'entity:{ent} a pkg:NamedEntity ; skos:prefLabel "{surface}"@zh ; pkg:entityType "PARK" .')
        out.append(f'sentence:{stem}_{i} pkg:start {i * 10} ; pkg:text "{surface}建设。" .')
        section = f"section:{stem}_{REPORTS[file][3].index(mode)}"
        out.append(
            f"mention:{stem}_{i} a pkg:Mention ; pkg:mentionOf entity:{ent} ; pkg:inReport report:{stem} ; "
            f'pkg:surface "{surface}" ; pkg:mode "{mode}" ; pkg:year {year} ; pkg:start {i * 10} ; '
            f"pkg:end {i * 10 + len(surface)} ; pkg:inSentence sentence:{stem}_{i} ; pkg:inSection {section} ."
        )
    prefixes = "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items())
    return prefixes + "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def audit():
    store = ox.Store()
    store.load(_turtle().encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:test"))
    return run_audit(OxigraphEngine(store))


def test_reports_of_unknown_area_are_paired_with_none_and_listed(audit):
    pairs = [(p.earlier, p.later) for p in audit.pairs]
    assert pairs == [("yun-2019.txt", "yun-2020.txt"), ("yun-2020.txt", "yun-2021.txt")]
    assert not any(f.earlier.startswith(("jingmen", "gaoqing", "lujiang")) for f in audit.findings)
    assert [(u.file, u.reason) for u in audit.unpaired] == [
        ("gaoqing-2020.txt", AREA_UNKNOWN),
        ("jingmen-2019.txt", AREA_UNKNOWN),
        ("lujiang-2020.txt", AREA_UNKNOWN),
    ]


def test_a_pair_whose_later_report_has_no_review_is_not_assessable(audit):
    first, second = audit.pairs
    assert (first.assessable, first.reason) == (False, "yun-2020.txt has no part read as a review of 2020")
    assert second.assessable and second.reason == ""
    got = {(f.name, f.verdict, f.note) for f in audit.findings if f.later == "yun-2020.txt" and f.verdict != "new"}
    assert got == {
        ("丙产业园", NOT_ASSESSABLE, "yun-2020.txt has no part read as a review of 2020"),
        ("丁项目", NOT_ASSESSABLE, "yun-2020.txt has no part read as a review of 2020; planned again in yun-2020.txt"),
        ("丙产业园", "disappeared", ""),
    }
    assert first.counts[SILENT] == 0 and first.counts[NOT_ASSESSABLE] == 2


def test_named_only_in_the_later_plan_is_not_assessable_and_quotes_that_plan(audit):
    (f,) = [f for f in audit.findings if f.later == "yun-2021.txt" and f.name == "己项目"]
    assert (f.verdict, f.note) == (NOT_ASSESSABLE, "named only in the plan of yun-2021.txt")
    assert [(q.report, q.mode) for q in f.later_quotes] == [("yun-2021.txt", "planned")]
    (e,) = [f for f in audit.findings if f.later == "yun-2021.txt" and f.name == "戊项目"]
    assert e.verdict == "same-name"  # reviewed: judged as before


def test_the_headline_says_how_many_pairs_could_be_judged(audit):
    assert audit.headline() == (
        "1 of 2 report pairs could be judged (1 with no review in the later report: not assessable); "
        "3 reports not paired (area unknown: 3)"
    )


def test_the_json_csv_and_html_say_why(audit):
    data = json.loads(audit_json(audit))
    assert data["headline"] == {"text": audit.headline(), "pairs": 2, "judged": 1, "unpaired": 3}
    assert [u["file"] for u in data["unpaired"]] == ["gaoqing-2020.txt", "jingmen-2019.txt", "lujiang-2020.txt"]
    assert [(p["assessable"], p["reason"]) for p in data["pairs"]][0] == (
        False,
        "yun-2020.txt has no part read as a review of 2020",
    )
    assert "not-assessable" in data["verdicts"]
    rows = list(csv.DictReader(io.StringIO(audit_csv(audit))))
    unpaired = [r for r in rows if r["later_report"] == ""]
    assert [(r["earlier_report"], r["verdict"], r["note"]) for r in unpaired] == [
        (u.file, NOT_ASSESSABLE, f"paired with no report: {AREA_UNKNOWN}") for u in audit.unpaired
    ]
    assert sum(1 for r in rows if r["verdict"] == NOT_ASSESSABLE and r["entity"]) == 3
    page = render_html(audit, [], [])
    assert "1 of 2 report pairs could be judged" in page
    assert "no: yun-2020.txt has no part read as a review of 2020" in page
    for u in audit.unpaired:
        assert f"<li>{u.file}: {AREA_UNKNOWN}</li>" in page


def test_kg_audit_warns_of_what_it_could_not_judge(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    body = _turtle()
    head = "".join(line + "\n" for line in body.splitlines() if line.startswith("@prefix"))
    rest = "".join(line + "\n" for line in body.splitlines() if not line.startswith("@prefix"))
    (tmp_path / "graph.trig").write_text(head + "<urn:test> {\n" + rest + "}\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["audit", "--out", str(tmp_path)], prog_name="kg")
    assert r.exit_code == 0, r.output
    lines = r.stderr.splitlines()
    assert lines[0].startswith(f"Wrote {tmp_path}: 1 of 2 report pairs could be judged (")
    assert lines[1:] == [
        "Warning: 3 reports name no area, so the audit pairs them with no other report: "
        "gaoqing-2020.txt, jingmen-2019.txt, lujiang-2020.txt (set the area with --area or reports.tsv)",
        "Warning: the pair yun-2019.txt → yun-2020.txt cannot be judged: "
        "yun-2020.txt has no part read as a review of 2020",
    ]


def test_audit_json_in_pieces_is_the_payload_dumped_whole(audit):
    from kg.audit.export import audit_payload, iter_audit_json

    whole = audit_payload(audit, lazy=False)
    assert audit.findings and audit.entities
    assert "".join(iter_audit_json(audit)) == json.dumps(whole, ensure_ascii=False, indent=1) + "\n"
