"""The build folder as one unit: built beside itself, swapped in whole, one build at a time.

``kg build --out DIR`` writes into a fresh hidden sibling (``.DIR.kg-new-…``)
and, once every file is there, exchanges it with ``DIR`` in one
``renameat2(RENAME_EXCHANGE)`` call: a reader sees the old folder or the new
one, never a mixture, and a build that is killed (SIGKILL, Ctrl-C, SIGTERM)
leaves ``DIR`` exactly as it was. Ctrl-C and SIGTERM also remove the
half-built sibling; after SIGKILL nothing can, so the next build into the
same folder sweeps what a killed build left. Where the exchange is not
available (not Linux, a file system without it) the old folder is renamed
aside and the new one into its place: two renames, and a build killed
between them is undone by the next one.

A lock file beside the folder (``.DIR.kg-lock``, ``flock``) lets one build
at a time write it: a second build into the same folder refuses with one
line instead of interleaving its pages with the first one's. The lock file
stays (removing it would let a third build lock a different file).

Files a person keeps in the folder, its ``README*`` and dot files, are
carried into the new folder (hard links, so the old folder is untouched
until the swap). Everything else in it is the build's and is replaced:
pages of entities that are gone do not linger. So a build refuses a folder
that holds anything else and no ``manifest.json`` (``--out .`` in a project
would otherwise replace the project).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extract.errors import InputError, PolicyKGError

NEW, OLD, LOCK = ".kg-new-", ".kg-old-", ".kg-lock"
BUILT_BY = "manifest.json"  # a folder holding one is a build folder, which a build may replace


class Busy(PolicyKGError):
    """Another build holds the folder's lock."""


@contextmanager
def building(out_dir: str | os.PathLike) -> Iterator[Path]:
    """A fresh folder to build into; on a clean exit it replaces ``out_dir`` whole.

    Raises Busy when another build is writing ``out_dir``.
    """
    out = Path(os.path.realpath(out_dir))  # a link to the folder: build beside the folder, keep the link
    if out.exists() and not out.is_dir():
        raise InputError(f"cannot build into {out_dir}: it is a file")
    if out.is_dir() and not (out / BUILT_BY).is_file():
        foreign = sorted(p.name for p in out.iterdir() if not _kept(p.name))
        if foreign:
            raise InputError(
                f"cannot build into {out_dir}: it holds files no build wrote ({', '.join(foreign[:3])}"
                f"{', …' if len(foreign) > 3 else ''}) and a build replaces the whole folder; "
                "choose a new or empty folder"
            )
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot build into {out_dir}: {exc.strerror or exc}") from None
    with _locked(out.parent / f".{out.name}{LOCK}", out_dir), _terminate_as_exit() as signalled:
        sweep(out)
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}{NEW}", dir=out.parent))
        except OSError as exc:
            raise InputError(f"cannot build into {out_dir}: {exc.strerror or exc}") from None
        try:
            yield tmp
            if signalled:
                raise SystemExit(128 + signalled[0])
            if out.is_dir():
                _carry_over(out, tmp)
            _swap(tmp, out)
        finally:
            if tmp.exists():  # the half-built folder, or (after the exchange) the old one
                shutil.rmtree(tmp, ignore_errors=True)


def sweep(out: Path) -> None:
    """Undo what a killed build left beside ``out``: a half-built folder, an old one renamed aside."""
    ours = (f".{out.name}{NEW}", f".{out.name}{OLD}")
    siblings = sorted(p for p in out.parent.iterdir() if p.name.startswith(ours) and p.is_dir())
    old = [p for p in siblings if p.name.startswith(ours[1])]
    if not out.exists() and old:
        os.rename(old[-1], out)  # killed between the two renames of the fallback swap
    for p in siblings:
        if p.exists():
            shutil.rmtree(p, ignore_errors=True)


@contextmanager
def _locked(path: Path, shown: str | os.PathLike) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            who = f" (pid {holder})" if holder.isdigit() else ""
            raise Busy(
                f"another kg build is writing {shown}{who}: wait for it to finish, or build into another folder"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def _terminate_as_exit() -> Iterator[list[int]]:
    """SIGTERM unwinds like Ctrl-C does, so the half-built folder is removed.

    The exception can land where Python swallows it (a finaliser, a callback
    of a library): the signal is also remembered, and the folder is not
    swapped in after one came."""
    came: list[int] = []

    def stop(signum, frame):
        came.append(signum)
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield came
        return
    try:
        yield came
    finally:
        signal.signal(signal.SIGTERM, previous)


def _kept(name: str) -> bool:
    return name.startswith(".") or name.upper().startswith("README")


def _carry_over(old: Path, new: Path) -> None:
    for entry in sorted(old.iterdir()):
        if not _kept(entry.name) or (new / entry.name).exists():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, new / entry.name, symlinks=True, copy_function=_link)
        else:
            _link(entry, new / entry.name)


def _link(src, dst) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def _swap(new: Path, out: Path) -> None:
    """``new`` becomes ``out``; the old ``out``, if any, is left at ``new``'s path (to be removed)."""
    if not out.exists():
        os.rename(new, out)
        return
    if _exchange(new, out):
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{out.name}{OLD}", dir=out.parent))
    os.rmdir(aside)
    os.rename(out, aside)
    os.rename(new, out)
    os.rename(aside, new)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))
