"""Files written so that a crash or a bad input never leaves half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable

from .errors import InputError


def write_atomic(path: str, content: str | bytes | Iterable[str]) -> None:
    """Write ``content`` to ``path`` so that readers never see half a file.

    ``content`` is text, bytes, or text in pieces (written one at a time, so
    a large file need never be one string in memory).

    Raises InputError naming ``path`` when it cannot be written (a directory,
    no permission); the file that was there before is left as it was.
    """
    if os.path.isdir(path):
        raise InputError(f"cannot write {path}: it is a directory")
    directory = os.path.dirname(os.path.abspath(path)) or "."
    try:
        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(content, (str, bytes)):
                fh.write(content.encode("utf-8") if isinstance(content, str) else content)
            else:
                for piece in content:
                    fh.write(piece.encode("utf-8"))
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
