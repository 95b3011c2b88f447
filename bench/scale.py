"""Wall time and peak memory of ``kg build`` as the corpus grows, at --jobs 1 and 2, and of a rebuild.

The corpus is made from ../shared/corpus/national (52 reports): copy k of
each report is named ``cKK-<name>``, ends with one extra line naming its
area (the loader reads identical texts once, so the copies must differ),
and a ``reports.tsv`` gives every copy its own area, as issue 14's
measurements did ("the national corpus replicated 20x with varied areas").

Each build is a fresh ``kg build`` process. Peak memory is the largest sum
of resident memory over the build's process tree (the main process and its
worker processes), sampled every 50 ms from /proc; the peak of the largest
single process (``ru_maxrss`` from wait4) is printed beside it, and the CPU
seconds of the whole tree: on a machine whose cores are busy with other
work, wall time says little about --jobs, CPU time still says what the
build cost. The anchor is the first row (the smallest corpus at the first
--jobs): the ratios say how time and memory grow with the corpus.

The tree's proportional memory (PSS, from /proc/PID/smaps_rollup) is
printed beside its RSS: a forked worker shares most of its pages with the
process it was forked from, and the RSS of the tree counts each shared page
once per process, PSS once in all (what the machine must really hold).
``--tree DIR`` builds with another checkout's code (its ``kg`` and
``extract``, run with this interpreter), to compare a change with its base
in the same hour; the load average is printed with every row.

The rebuild: a build with the extraction cache, one report edited (one
sentence added), the same build again; printed is the ratio of the two.

    .venv/bin/python bench/scale.py                        # 100 and 300 reports, --jobs 1 and 2
    .venv/bin/python bench/scale.py --sizes 100 300 1000 --jobs 2
    .venv/bin/python bench/scale.py --sizes 100 300 --jobs 2 --no-rebuild --tree /tmp/main-copy
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ROOT.parent / "shared" / "corpus" / "national"
KG = [sys.executable, "-m", "kg.cli"]


def make_corpus(size: int, where: Path) -> Path:
    """``size`` reports: copies of the national corpus, each copy its own area."""
    reports = sorted(NATIONAL.glob("*.txt"))
    if not reports:
        sys.exit(f"no .txt reports in {NATIONAL}")
    where.mkdir(parents=True)
    rows = ["file\tarea"]
    for i in range(size):
        copy, src = divmod(i, len(reports))
        area = f"样本{copy:02d}市"
        name = f"c{copy:02d}-{reports[src].name}"
        text = reports[src].read_text(encoding="utf-8")
        (where / name).write_text(f"{text.rstrip()}\n（{area}）\n", encoding="utf-8")
        rows.append(f"{name}\t{area}")
    (where / "reports.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return where


def _tree_memory(pid: int) -> tuple[int, int]:
    """Resident and proportional bytes (RSS, PSS) of ``pid`` and all its descendants."""
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                rss += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            pss += _pss(p)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return rss, pss


def _pss(pid: int) -> int:
    with open(f"/proc/{pid}/smaps_rollup") as fh:
        for line in fh:
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def timed_build(args: list[str], tree: Path | None = None) -> tuple[float, int, int, float, int]:
    """Wall seconds, peak tree RSS, the largest process's peak RSS (bytes), the CPU seconds
    (user and system, workers included) and the peak tree PSS of one ``kg build``."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        [*KG, "build", *args, "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tree or ROOT
    )
    peak = peak_pss = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        rss, pss = _tree_memory(proc.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(0.05)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"kg build {' '.join(args)} failed:\n{proc.stderr.read().decode()}")
    return wall, peak, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime, peak_pss


def _gb(n: int) -> str:
    return f"{n / 2**30:.2f} GB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 300])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-rebuild", action="store_true", help="skip the rebuild after one edited report")
    ap.add_argument("--rebuild-only", action="store_true", help="only the rebuild (of the first size)")
    ap.add_argument("--tree", type=Path, help="build with the code of this checkout (default: this one)")
    args = ap.parse_args()
    tree = args.tree.resolve() if args.tree else None
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    anchor: tuple[float, int] | None = None
    try:
        print(f"{os.cpu_count()} cores; national corpus: {len(list(NATIONAL.glob('*.txt')))} reports")
        print(f"code of {tree or ROOT}")
        print(
            f"{'reports':>7} {'jobs':>4} {'wall':>8} {'CPU':>8} {'peak RSS (tree)':>16} {'PSS (tree)':>11} "
            f"{'largest':>9} {'load':>5}  vs the first row"
        )
        for size in args.sizes:
            corpus = make_corpus(size, work / f"corpus-{size}")
            for jobs in args.jobs if not args.rebuild_only else ():
                out = work / f"out-{size}-{jobs}"
                wall, peak, main_peak, cpu, pss = timed_build(
                    [str(corpus), "--out", str(out), "--jobs", str(jobs), "--no-cache"], tree
                )
                if anchor is None:
                    anchor = (wall, peak)
                print(
                    f"{size:>7} {jobs:>4} {wall:>7.1f}s {cpu:>7.1f}s {_gb(peak):>16} {_gb(pss):>11} "
                    f"{_gb(main_peak):>9} {os.getloadavg()[0]:>5.1f}  "
                    f"time {wall / anchor[0]:.2f}x, memory {peak / anchor[1]:.2f}x "
                    f"({peak / size / 2**20:.1f} MB per report)",
                    flush=True,
                )
                shutil.rmtree(out)
        if not args.no_rebuild:
            size, jobs = args.sizes[0], max(args.jobs)
            corpus, out, cache = work / f"corpus-{size}", work / "out-rebuild", work / "cache"
            build = [str(corpus), "--out", str(out), "--jobs", str(jobs), "--cache", str(cache)]
            full, _, _, full_cpu, _ = timed_build(build, tree)
            edited = sorted(corpus.glob("*.txt"))[size // 2]
            edited.write_text(edited.read_text(encoding="utf-8") + "推进澜溪新材料产业园建设。\n", encoding="utf-8")
            again, _, _, again_cpu, _ = timed_build(build, tree)
            print(
                f"rebuild of {size} reports after editing {edited.name}, --jobs {jobs}: {again:.1f}s wall, "
                f"{again_cpu:.1f}s CPU, against {full:.1f}s wall, {full_cpu:.1f}s CPU for the build with an "
                f"empty cache ({full / again:.2f}x in wall time, {full_cpu / again_cpu:.2f}x in CPU)"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
