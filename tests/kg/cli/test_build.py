"""kg build --jobs, --cache: any number of workers, cached or not, writes the same build folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.main import cli


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _build(*args) -> str:
    result = CliRunner().invoke(cli, ["build", *map(str, args)], prog_name="kg")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.slow
def test_jobs_one_and_two_write_the_same_bytes(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    _build("--out", one, "--jobs", "1", "--no-cache", "-q")
    said = _build("--out", two, "--jobs", "2", "--cache", tmp_path / "cache")
    assert "Extraction cache" in said and "0 reports reused, 2 extracted" in said
    expected, got = _files(one), _files(two)
    assert len(expected) > 100 and "graph.trig" in expected
    assert got.keys() == expected.keys()
    assert [name for name in got if got[name] != expected[name]] == []
    assert not (tmp_path / ".kg-cache").exists()  # --no-cache and --cache DIR leave the default alone


def test_jobs_zero_is_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--out", str(tmp_path / "o"), "--jobs", "0"], prog_name="kg")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == ["Error: --jobs must be at least 1, not 0"]


@pytest.mark.slow
def test_kg_build_on_a_dask_cluster_writes_the_graph_one_process_writes(tmp_path, sample_result):
    distributed = pytest.importorskip("distributed")
    from kg.pipeline import write_build

    expected = tmp_path / "expected"
    write_build(sample_result, expected)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        _build("--out", tmp_path / "dask", "--scheduler", c.scheduler_address, "--no-cache", "-q")
    for name in ("graph.trig", "extraction.json", "manifest.json"):
        assert (tmp_path / "dask" / name).read_bytes() == (expected / name).read_bytes(), name
