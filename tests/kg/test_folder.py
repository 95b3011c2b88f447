"""kg.folder: the build folder is swapped in whole; a killed build leaves the old one as it was; one build at a time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.errors import InputError
from kg.folder import Busy, building, sweep


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _siblings(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.kg-") and p.is_dir())


def _old_folder(out: Path) -> dict[str, bytes]:
    (out / "entities").mkdir(parents=True)
    (out / "graph.trig").write_text("# the previous build\n", encoding="utf-8")
    (out / "index.html").write_text("<p>previous</p>\n", encoding="utf-8")
    (out / "entities" / "gone.html").write_text("<p>an entity the next build drops</p>\n", encoding="utf-8")
    (out / "README.md").write_text("kept by hand\n", encoding="utf-8")
    (out / "manifest.json").write_text("{}\n", encoding="utf-8")
    return _snapshot(out)


def test_a_finished_build_replaces_the_folder_whole_and_keeps_the_readme(tmp_path):
    out = tmp_path / "out"
    _old_folder(out)
    with building(out) as tmp:
        assert tmp.parent == out.parent and tmp != out and _snapshot(tmp) == {}
        (tmp / "graph.trig").write_text("# the new build\n", encoding="utf-8")
        assert (out / "graph.trig").read_text(encoding="utf-8") == "# the previous build\n"  # not yet
    assert _snapshot(out) == {"graph.trig": b"# the new build\n", "README.md": b"kept by hand\n"}
    assert _siblings(out) == []


def test_a_folder_that_is_not_a_build_folder_is_refused_whole(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "main.py").write_text("print(1)\n", encoding="utf-8")
    (project / "README.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"holds files no build wrote \(main.py\)"), building(project):
        pass
    assert _snapshot(project) == {"README.md": b"mine\n", "main.py": b"print(1)\n"}
    only_readme = tmp_path / "outputs"
    only_readme.mkdir()
    (only_readme / "README.md").write_text("the folder kg build writes\n", encoding="utf-8")
    with building(only_readme) as tmp:  # a README and dot files only: the repository's outputs/
        (tmp / "manifest.json").write_text("{}", encoding="utf-8")
    assert set(_snapshot(only_readme)) == {"README.md", "manifest.json"}


def test_a_failed_build_leaves_the_old_folder_and_no_temporary_folder(tmp_path):
    out = tmp_path / "out"
    before = _old_folder(out)
    with pytest.raises(RuntimeError), building(out) as tmp:
        (tmp / "graph.trig").write_text("half", encoding="utf-8")
        raise RuntimeError("the build broke")
    assert _snapshot(out) == before and _siblings(out) == []


def test_a_first_build_creates_the_folder(tmp_path):
    out = tmp_path / "a" / "b"
    with building(out) as tmp:
        (tmp / "x").write_text("1", encoding="utf-8")
    assert _snapshot(out) == {"x": b"1"}


def test_the_sweep_restores_a_folder_renamed_aside_by_a_build_killed_mid_swap(tmp_path):
    out = tmp_path / "out"
    before = _old_folder(out)
    os.rename(out, tmp_path / ".out.kg-old-x1")  # the fallback swap's first rename, then SIGKILL
    (tmp_path / ".out.kg-new-x2").mkdir()
    sweep(out)
    assert _snapshot(out) == before and _siblings(out) == []


def _kg(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_writing(out: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Until the build has written its graph into its temporary folder (the site is still to come)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if any((out.parent / name / "graph.trig").exists() for name in _siblings(out)):
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.02)
    proc.kill()
    raise AssertionError("the build never started writing")


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_a_build_killed_mid_write_leaves_the_old_folder_exactly_as_it_was(tmp_path, sig):
    out = tmp_path / "out"
    before = _old_folder(out)
    proc = _kg("--out", out, "--jobs", "1", "--no-cache", "-q")
    _wait_for_writing(out, proc)
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert _snapshot(out) == before
    if sig == signal.SIGKILL:  # nothing could clean up: the next build into the folder does
        assert len(_siblings(out)) == 1
        with pytest.raises(RuntimeError), building(out):
            raise RuntimeError
        assert _snapshot(out) == before
    assert _siblings(out) == []


def test_a_second_build_into_a_folder_being_built_refuses_with_one_line(tmp_path):
    out = tmp_path / "out"
    before = _old_folder(out)
    with building(out) as tmp:
        (tmp / "graph.trig").write_text("# being built\n", encoding="utf-8")
        proc = _kg("--out", out, "--no-cache")
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 2
        assert err.splitlines() == [
            f"Error: another kg build is writing {out} (pid {os.getpid()}): wait for it to finish, "
            "or build into another folder"
        ]
        with pytest.raises(Busy):
            with building(out):
                pass
        assert _snapshot(out) == before
    assert _snapshot(out) == {"graph.trig": b"# being built\n", "README.md": b"kept by hand\n"}


def test_a_link_to_the_build_folder_stays_a_link_to_the_new_folder(tmp_path):
    real = tmp_path / "real"
    _old_folder(real)
    link = tmp_path / "link"
    link.symlink_to(real)
    with building(link) as tmp:
        (tmp / "graph.trig").write_text("# new\n", encoding="utf-8")
    assert link.is_symlink() and (link / "graph.trig").read_text(encoding="utf-8") == "# new\n"
    assert _siblings(real) == [] and sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["link", "real"]
