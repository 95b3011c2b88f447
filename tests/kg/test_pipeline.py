"""kg.pipeline: one graph in memory for the whole build folder, the same files as step by step."""

from __future__ import annotations

from pathlib import Path

from kg.audit.export import write_audit
from kg.pipeline import STAGES, build_folder, write_build
from kg.site.write import write_site


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_build_folder_writes_what_build_audit_and_site_write_one_after_the_other(tiny_corpus, tmp_path):
    stepwise, at_once = tmp_path / "stepwise", tmp_path / "at-once"
    write_build(tiny_corpus, stepwise)
    write_audit(stepwise)  # reads graph.trig back, audits it again
    write_site(stepwise)
    timings: dict[str, float] = {}
    folder = build_folder(tiny_corpus, at_once, timings=timings)
    expected, got = _files(stepwise), _files(at_once)
    assert "graph.trig" in got and "audit.html" in got and "index.html" in got
    assert got.keys() == expected.keys()
    assert [name for name in got if got[name] != expected[name]] == []
    assert list(timings) == list(STAGES) and all(t >= 0 for t in timings.values())
    assert folder.build.quads > 0 and {p.name for p in folder.audit.files} >= {"audit.html", "audit.json"}
