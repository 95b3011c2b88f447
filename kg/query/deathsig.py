"""Run a command that dies with the process that started it, even when that one is killed with -9.

Usage: ``python deathsig.py PARENT_PID COMMAND ARGS…`` (kg.query.serve runs it).

On Linux it asks the kernel, by ``prctl(PR_SET_PDEATHSIG, SIGKILL)``, to
kill it when its parent goes, then checks the parent is still the one that
started it (it may have died before the call), and only then becomes the
command by ``execv``: the setting survives the exec, so the server itself is
what dies. Doing this in a fresh interpreter, not in ``preexec_fn``, keeps it
safe when the starting process has threads. Elsewhere it just runs the command.

Standard library only and no project imports: it is run as a file, fast.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def main(argv: list[str]) -> None:
    parent, command = int(argv[1]), argv[2:]
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            sys.exit(f"prctl(PR_SET_PDEATHSIG) failed: {os.strerror(ctypes.get_errno())}")
        if os.getppid() != parent:  # the parent died before the kernel was told
            sys.exit(1)
    os.execv(command[0], command)


if __name__ == "__main__":
    main(sys.argv)
