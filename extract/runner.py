"""Where the per-report steps run: in this process, in a pool of processes, or on a Dask cluster.

Every runner has one method, ``map(fn, items)``, that returns ``fn(item)`` for
each item in the order of ``items``, whatever order the work finished in: the
caller merges the results in that order, so the output does not depend on
the runner or on the number of workers (``--jobs 1`` and ``--jobs 8`` write
the same bytes). ``fn`` must be a module-level function and its items and
results picklable: the same code path serves the pool and the cluster.

The pool forks (where the platform can), so a worker starts with what the
parent has loaded already (spaCy's pipeline, the lexicons) instead of
importing it again: a worker is ready in milliseconds, not seconds.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from .errors import InputError


class Runner(Protocol):
    workers: int

    def map(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]: ...


def cores() -> int:
    """The cores this process may run on (the default of ``--jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Serial:
    """Everything in this process, one item after the other."""

    workers = 1

    def map(self, fn, items):
        return [fn(x) for x in items]


class Pool:
    """``jobs`` worker processes on this machine."""

    def __init__(self, jobs: int) -> None:
        self.workers = jobs

    def map(self, fn, items):
        items = list(items)
        if self.workers <= 1 or len(items) <= 1:
            return [fn(x) for x in items]
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        with ctx.Pool(min(self.workers, len(items)), initializer=_worker_signals) as pool:
            return pool.map(fn, items, chunksize=1)


def _worker_signals() -> None:
    """Ctrl-C reaches the whole process group: the parent stops the pool, the workers need not
    each print a traceback; and a worker stopped by the pool dies at once, whatever handler
    for SIGTERM the parent had when it forked (kg.folder's)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class Dask:
    """The workers of a Dask cluster (``distributed.Client``): the scheduler's address,
    ``tcp://host:8786``, or a client made by the caller (a test's LocalCluster)."""

    def __init__(self, scheduler: str | Any, timeout: float = 10.0) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise InputError("--scheduler needs Dask's distributed package: pip install 'policy-kg[dask]'") from None
        if isinstance(scheduler, str):
            try:
                self.client = Client(scheduler, timeout=f"{timeout}s")
            except OSError as exc:
                raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
            self._own = True
        else:
            self.client, self._own = scheduler, False
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def map(self, fn, items):
        items = list(items)
        if not items:
            return []
        # pure=False: two reports with the same arguments are still two tasks, each keyed by position
        futures = self.client.map(fn, items, pure=False)
        return self.client.gather(futures)

    def close(self) -> None:
        if self._own:
            self.client.close()


def make_runner(jobs: int | None = None, scheduler: str | None = None) -> Runner:
    """The runner ``kg build --jobs N`` / ``--scheduler ADDRESS`` asks for (default: every core)."""
    if scheduler:
        return Dask(scheduler)
    if jobs is not None and jobs < 1:
        raise InputError(f"--jobs must be at least 1, not {jobs}")
    jobs = cores() if jobs is None else jobs
    return Serial() if jobs == 1 else Pool(jobs)
