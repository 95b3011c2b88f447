"""One step of ``kg build`` run in a forked process while the build goes on, its result fetched later.

With ``--jobs 2`` or more, most of a build after the report graphs runs in
one process (the store, the audit, the site's queries) while the other
cores wait. A step that needs only what the build already holds in memory,
and writes only its own files, can run beside it: ``extraction.json`` needs
the records alone, and is written while the graph is built and audited.

The process is forked before the build opens its store, so it inherits no
open database; it ignores Ctrl-C (the build's process handles it for the
group), dies with the default action on SIGTERM, and, on Linux, is killed
by the kernel when the build's process dies, even by SIGKILL. ``result()``
returns what the function returned or raises what it raised: an InputError
as itself (one clear line), anything else as a PolicyKGError naming it.
With ``jobs`` 1 the function runs in this process when its result is first
asked for: where a build of one process has always run it.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from extract.errors import InputError, PolicyKGError

PR_SET_PDEATHSIG = 1


class Aside:
    """``fn(*args)`` in a forked process (``jobs`` > 1), or here when ``result()`` asks (``jobs`` 1)."""

    def __init__(self, jobs: int, fn: Callable[..., Any], *args: Any) -> None:
        self._proc = None
        self._outcome = None
        self._later: tuple | None = None
        if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            self._later = (fn, args)  # run when the result is asked for, where one process would run it
            return
        ctx = multiprocessing.get_context("fork")
        self._recv, send = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_child, args=(send, os.getpid(), fn, args), daemon=True)
        gc.freeze()  # the child's collector then leaves the inherited objects' pages unwritten, shared
        try:
            self._proc.start()
        finally:
            gc.unfreeze()
        send.close()

    def result(self) -> Any:
        """What ``fn`` returned, once it has; raises what it raised."""
        if self._later is not None:
            fn, args = self._later
            self._later = None
            try:
                self._outcome = (True, fn(*args))
            except InputError as exc:
                self._outcome = (False, ("input", str(exc)))
        if self._outcome is None:
            try:
                self._outcome = self._recv.recv()
            except EOFError:
                self._outcome = (False, ("died", f"exit code {self._proc.exitcode}"))
            finally:
                self._recv.close()
                self._proc.join()
        ok, value = self._outcome
        if ok:
            return value
        kind, message = value
        if kind == "input":
            raise InputError(message)
        raise PolicyKGError(f"a step run beside the build failed: {message}")

    def wait(self) -> None:
        """Wait for the process without raising (the build failed already and is cleaning up)."""
        try:
            self.result()
        except PolicyKGError:
            pass


def _child(send, parent: int, fn: Callable[..., Any], args: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the build died before the kernel was told
            os._exit(1)
    try:
        outcome = (True, fn(*args))
    except InputError as exc:
        outcome = (False, ("input", str(exc)))
    except Exception as exc:  # reported by the parent, which owns the build's exit
        outcome = (False, ("error", f"{type(exc).__name__}: {exc}"))
    send.send(outcome)
    send.close()
