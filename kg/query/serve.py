"""A read-only SPARQL 1.1 Protocol endpoint over the built graph, served by Oxigraph behind a checking front.

The ``oxigraph`` wheel ships the server binary; it reads an on-disk store,
which is loaded from ``graph.trig`` on first use and kept in the build folder
(``.oxigraph/``) with the digest of the graph it holds, so a rebuilt graph
is reloaded and an unchanged one is not. The server runs ``serve-read-only``
with the union of all named graphs as the default graph, as ``kg query``
does, on a private port of 127.0.0.1; the public port is the front
(kg.query.front), which refuses SERVICE, over-large and over-deep queries
and enforces the time limit. Its page at ``/`` is a query editor, ``/query``
the protocol endpoint, and ``/update`` answers 403. Both listen on
127.0.0.1 only.
"""

from __future__ import annotations

import errno
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from extract.errors import InputError, PolicyKGError
from kg.graph.store import file_sha256, graph_path
from kg.query.front import Backend, FrontServer
from kg.query.guard import Limits

HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT_S = 10.0
DEFAULT_MAX_RUNNING = max(2, os.cpu_count() or 2)  # queries at once: one a core
STORE_DIR = ".oxigraph"
STAMP_FILE = ".oxigraph.sha256"
STORE_FORM = "optimized"  # after the digest in STAMP_FILE: the store was compacted after loading


def oxigraph_binary() -> str:
    """The server installed beside this Python (the venv's bin), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if not found:
        raise PolicyKGError("the oxigraph server is not installed: pip install oxigraph")
    return found


def prepare_store(out_dir: str | Path) -> Path:
    """The on-disk store for ``out_dir``'s graph, (re)loaded when the graph changed.

    The store is loaded into a fresh folder and renamed into place, so an
    interrupted load never leaves a half-filled store behind. After the load
    it is compacted (``oxigraph optimize``): the bulk loader leaves a hundred
    overlapping files at 1,000 reports, which every index lookup then reads,
    and a join of 4,000 entities with their labels took 1.3 s instead of
    0.06 s (docs/serve.md). The stamp beside it says which graph it holds
    and that it was compacted, so a store loaded before this is redone.
    """
    out = Path(out_dir)
    graph = graph_path(out)
    store, stamp = out / STORE_DIR, out / STAMP_FILE
    wanted = f"{file_sha256(graph)} {STORE_FORM}"
    if store.is_dir() and stamp.is_file() and stamp.read_text().strip() == wanted:
        return store
    tmp = out / f"{STORE_DIR}-loading-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    for step in (["load", "--location", str(tmp), "--file", str(graph)], ["optimize", "--location", str(tmp)]):
        proc = subprocess.run([oxigraph_binary(), *step], capture_output=True, text=True)
        if proc.returncode != 0:
            shutil.rmtree(tmp, ignore_errors=True)
            raise PolicyKGError(f"oxigraph could not {step[0]} {graph}: {_load_error(proc.stderr)}")
    shutil.rmtree(store, ignore_errors=True)
    stamp.unlink(missing_ok=True)
    os.replace(tmp, store)
    stamp.write_text(wanted + "\n")
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
    """``kg serve``: the checking front (kg.query.front) on the public port, and one
    ``oxigraph serve-read-only`` behind it on a private port; always stop it (or use ``with``).

    A supervisor thread starts Oxigraph and starts it again when it stops
    (a crash) or when the front asks (a query that would not stop). Oxigraph
    dies with that thread's process, even one killed with -9 (kg.query.deathsig).
    """

    RESTARTS = 5  # more crashes than this within RESTART_WINDOW_S: give up
    RESTART_WINDOW_S = 60.0

    def __init__(
        self,
        out_dir: str | Path,
        port: int = DEFAULT_PORT,
        host: str = HOST,
        limits: Limits | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        warn=None,
        max_running: int | None = DEFAULT_MAX_RUNNING,
    ):
        self.out_dir, self.port, self.host = Path(out_dir), port, host
        self.limits, self.timeout_s = limits or Limits(), timeout_s
        self.max_running = max_running
        self.warn = warn or (lambda msg: print(f"Warning: {msg}", file=sys.stderr, flush=True))
        self.process: subprocess.Popen | None = None  # the Oxigraph server now
        self.child_port: int | None = None
        self.restarts = 0
        self._front: FrontServer | None = None
        self._log = None
        self._store: Path | None = None
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._restart_reason: str | None = None
        self._crashes: list[float] = []
        self.fatal: str | None = None
        self._ready = threading.Event()
        self._start_error: BaseException | None = None
        self._supervisor: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def query_url(self) -> str:
        return self.url + "query"

    # ---- start and stop -------------------------------------------------------------------------

    def start(self, timeout: float = 30.0) -> Server:
        self._store = prepare_store(self.out_dir)
        check_port(self.port, self.host)
        self._log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        self._stopping.clear()
        self._supervisor = threading.Thread(target=self._supervise, args=(timeout,), name="oxigraph", daemon=True)
        self._supervisor.start()
        self._ready.wait()
        if self._start_error is not None:
            self.stop()
            raise self._start_error
        try:
            backend = Backend(
                port=lambda: self.child_port,
                restart=self.request_restart,
                limits=self.limits,
                timeout_s=self.timeout_s,
                running=threading.BoundedSemaphore(self.max_running) if self.max_running else None,
            )
            self._front = FrontServer((self.host, self.port), backend)
        except OSError:
            self.stop()
            check_port(self.port, self.host)  # taken since: say so as check_port does
            raise
        threading.Thread(target=self._front.serve_forever, name="front", daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        front, self._front = self._front, None
        if front is not None:
            front.shutdown()
            front.server_close()
        if self._supervisor is not None and self._supervisor is not threading.current_thread():
            self._supervisor.join(timeout=15)
            self._supervisor = None
        self._kill_child()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> Server:
        return self.start() if self._supervisor is None else self

    def __exit__(self, *exc) -> None:
        self.stop()

    # ---- the supervisor -------------------------------------------------------------------------

    def request_restart(self, reason: str) -> None:
        """Ask for Oxigraph to be stopped and started again (from any thread)."""
        with self._lock:
            self._restart_reason = self._restart_reason or reason
        self._wake.set()

    def _supervise(self, timeout: float) -> None:
        """Runs in its own thread for the server's life: Oxigraph is its child and dies with it."""
        try:
            self._spawn(timeout)
        except BaseException as exc:  # told to start() in the caller's thread
            self._start_error = exc
            self._ready.set()
            return
        self._ready.set()
        while not self._stopping.is_set():
            self._wake.wait(0.2)
            self._wake.clear()
            if self._stopping.is_set():
                break
            with self._lock:
                reason, self._restart_reason = self._restart_reason, None
            code = self.process.poll() if self.process is not None else None
            if reason is None and code is None:
                continue
            if reason is None:
                reason = f"the oxigraph server stopped ({_exit_text(code)}): {_first_error(self._log_text())}"
                now = time.monotonic()
                self._crashes = [t for t in self._crashes if now - t < self.RESTART_WINDOW_S] + [now]
                if len(self._crashes) > self.RESTARTS:
                    self.fatal = f"{reason}; it stopped {len(self._crashes)} times in a minute, giving up"
                    self._stopping.set()
                    break
            self.warn(f"{reason}; restarting it")
            self._kill_child()
            try:
                self._spawn(timeout)
                self.restarts += 1
            except PolicyKGError as exc:
                self.fatal = str(exc)
                self._stopping.set()
        self._kill_child()

    def _spawn(self, timeout: float) -> None:
        port = free_port(HOST)
        cmd = [
            oxigraph_binary(),
            "serve-read-only",
            "--location",
            str(self._store),
            "--bind",
            f"{HOST}:{port}",
            "--union-default-graph",
            "--timeout-s",  # whole seconds only; the front holds the exact limit
            str(max(1, math.ceil(self.timeout_s))),
        ]
        # stderr goes to a file, not a pipe: a long-running server must never block on a full pipe
        launcher = [sys.executable, "-I", "-S", str(Path(__file__).with_name("deathsig.py")), str(os.getpid())]
        self._log.seek(0)
        self._log.truncate()
        self.process = subprocess.Popen(
            [*launcher, *cmd], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log
        )
        self._wait_ready(port, timeout)
        self.child_port = port

    def _wait_ready(self, port: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        probe = f"http://{HOST}:{port}/query?" + urllib.parse.urlencode({"query": "ASK {}"})
        while True:
            if self.process.poll() is not None:
                raise PolicyKGError(f"the oxigraph server stopped at start: {_first_error(self._log_text())}")
            try:
                with urllib.request.urlopen(probe, timeout=1) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                self._kill_child()
                raise PolicyKGError(f"the oxigraph server did not answer on port {port} within {timeout:.0f} s")
            time.sleep(0.05)

    def _kill_child(self) -> None:
        self.child_port = None
        proc = self.process
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def _log_text(self) -> str:
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read()

    # ---- kg serve -------------------------------------------------------------------------------

    def wait(self) -> None:
        """Block until the server is stopped, or gives up restarting Oxigraph."""
        while not self._stopping.wait(0.5):
            pass

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
        try:
            if self._supervisor is None:
                self.start()
            if announce is not None:
                announce()
            self.wait()
        except KeyboardInterrupt:
            pass
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self.stop()
        if self.fatal:  # it stopped on its own, not because we were asked to stop
            raise PolicyKGError(self.fatal)


def _exit_text(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"signal {-code} ({signal.Signals(-code).name})"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else "no message"


def _load_error(text: str) -> str:
    """Oxigraph's reason (``Error while loading file …: …``), not the stack backtrace after it."""
    for ln in text.splitlines():
        if ln.strip().startswith("Error while loading"):
            return ln.strip().split(": ", 1)[-1]
    return _first_error(text)


def _first_error(text: str) -> str:
    for ln in text.splitlines():
        if ln.strip().startswith("Error"):
            return ln.strip()
    return _last_line(text)
