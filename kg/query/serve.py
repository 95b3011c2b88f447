"""A read-only SPARQL 1.1 Protocol endpoint over the built graph, served by Oxigraph.

The ``oxigraph`` wheel ships the server binary; it reads an on-disk store,
which is loaded from ``graph.trig`` on first use and kept in the build folder
(``.oxigraph/``) with the digest of the graph it holds, so a rebuilt graph
is reloaded and an unchanged one is not. The server runs ``serve-read-only``
with the union of all named graphs as the default graph, as ``kg query``
does; its page at ``/`` is a query editor, ``/query`` the protocol endpoint,
and ``/update`` answers 403.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from extract.errors import InputError, PolicyKGError
from kg.graph.store import graph_path

HOST = "127.0.0.1"
DEFAULT_PORT = 7878
STORE_DIR = ".oxigraph"
STAMP_FILE = ".oxigraph.sha256"


def oxigraph_binary() -> str:
    """The server installed beside this Python (the venv's bin), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if not found:
        raise PolicyKGError("the oxigraph server is not installed: pip install oxigraph")
    return found


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def prepare_store(out_dir: str | Path) -> Path:
    """The on-disk store for ``out_dir``'s graph, (re)loaded when the graph changed.

    The store is loaded into a fresh folder and renamed into place, so an
    interrupted load never leaves a half-filled store behind.
    """
    out = Path(out_dir)
    graph = graph_path(out)
    store, stamp = out / STORE_DIR, out / STAMP_FILE
    digest = _digest(graph)
    if store.is_dir() and stamp.is_file() and stamp.read_text().strip() == digest:
        return store
    tmp = out / f"{STORE_DIR}-loading-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    proc = subprocess.run(
        [oxigraph_binary(), "load", "--location", str(tmp), "--file", str(graph)], capture_output=True, text=True
    )
    if proc.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        raise PolicyKGError(f"oxigraph could not load {graph}: {_last_line(proc.stderr)}")
    shutil.rmtree(store, ignore_errors=True)
    stamp.unlink(missing_ok=True)
    os.replace(tmp, store)
    stamp.write_text(digest + "\n")
    return store


def check_port(port: int, host: str = HOST) -> None:
    """Fail with a clear message when ``port`` cannot be listened on."""
    if not 1 <= port <= 65535:
        raise InputError(f"--port must be between 1 and 65535, not {port}")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # as the server binds: connections of a previous run in TIME_WAIT do not hold the port
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise InputError(
                    f"port {port} on {host} is in use: stop what holds it or pick another with --port"
                ) from None
            raise InputError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def free_port(host: str = HOST) -> int:
    """A port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class Server:
    """One running ``oxigraph serve-read-only``; always stop it (or use ``with``)."""

    def __init__(self, out_dir: str | Path, port: int = DEFAULT_PORT, host: str = HOST):
        self.out_dir, self.port, self.host = Path(out_dir), port, host
        self.process: subprocess.Popen | None = None
        self._log = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def query_url(self) -> str:
        return self.url + "query"

    def start(self, timeout: float = 30.0) -> Server:
        store = prepare_store(self.out_dir)
        check_port(self.port, self.host)
        cmd = [
            oxigraph_binary(),
            "serve-read-only",
            "--location",
            str(store),
            "--bind",
            f"{self.host}:{self.port}",
            "--union-default-graph",
        ]
        # stderr goes to a file, not a pipe: a long-running server must never block on a full pipe
        self._log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        self.process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=self._log)
        try:
            self._wait_ready(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        probe = self.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        while True:
            if self.process.poll() is not None:
                self._log.seek(0)
                err = self._log.read()
                raise PolicyKGError(f"the oxigraph server stopped at start: {_first_error(err)}")
            try:
                with urllib.request.urlopen(probe, timeout=1) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise PolicyKGError(f"the oxigraph server did not answer on {self.url} within {timeout:.0f} s")
            time.sleep(0.1)

    def wait(self) -> int:
        return self.process.wait() if self.process else 0

    def serve_forever(self, announce=None) -> None:
        """Start if not started, call ``announce``, block until Ctrl-C or SIGTERM,
        then stop the server: it never outlives us. The handlers are in place
        before the server starts and before anyone is told it is up, so a
        client that stops us at once still gets a clean stop. SIGINT gets its
        own handler too: a process started from a background shell job
        inherits SIGINT ignored, and Ctrl-C or ``kill -INT`` must still stop it."""

        def on_stop(signum, frame):
            raise KeyboardInterrupt

        previous = {sig: signal.signal(sig, on_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        code = None
        try:
            if self.process is None:
                self.start()
            if announce is not None:
                announce()
            code = self.wait()
        except KeyboardInterrupt:
            pass
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self.stop()
        if code:  # it stopped on its own, not because we were asked to stop
            raise PolicyKGError(f"the oxigraph server stopped with exit code {code}")

    def stop(self) -> None:
        proc, self.process = self.process, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> Server:
        return self.start() if self.process is None else self

    def __exit__(self, *exc) -> None:
        self.stop()


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else "no message"


def _first_error(text: str) -> str:
    for ln in text.splitlines():
        if ln.strip().startswith("Error"):
            return ln.strip()
    return _last_line(text)
