"""kg.site.write.write_pages: pages shared out between processes are the pages one process writes."""

from __future__ import annotations

import os
from pathlib import Path

import kg.site.write
from kg.site.write import write_pages


def _pages(root: Path, n: int):
    def make(i: int):
        def write() -> Path:
            path = root / f"p{i:03d}.html"
            path.write_text(f"<p>{i} {'页' * (i % 7)}</p> by {os.getpid()}\n", encoding="utf-8")
            return path

        return write

    return [make(i) for i in range(n)]


def _texts(root: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8").rsplit(" by ", 1)[0] for p in sorted(root.iterdir())}


def test_two_processes_write_every_page_listed_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.site.write, "PAGES_PER_TASK", 4)
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir(), two.mkdir()
    assert write_pages(_pages(one, 23), jobs=1) == [one / f"p{i:03d}.html" for i in range(23)]
    assert write_pages(_pages(two, 23), jobs=2) == [two / f"p{i:03d}.html" for i in range(23)]
    assert _texts(one) == _texts(two) and len(_texts(two)) == 23
    writers = {p.read_text(encoding="utf-8").rsplit(" by ", 1)[1].strip() for p in two.iterdir()}
    assert str(os.getpid()) in writers and len(writers) == 2  # this process and one forked one
    assert kg.site.write._PAGES == []  # nothing kept once done


def test_few_pages_are_written_in_this_process(tmp_path):
    written = write_pages(_pages(tmp_path, 3), jobs=2)
    assert len(written) == 3
    assert all(p.read_text(encoding="utf-8").endswith(f"by {os.getpid()}\n") for p in written)
