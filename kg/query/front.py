"""The HTTP front of ``kg serve``: every query is read and checked here before Oxigraph sees it.

The Oxigraph server cannot be told to refuse SERVICE, nor to bound the size
or the depth of a query, and its ``--timeout-s`` stops the evaluation but
not the planning (a join of 3,000 groups ran for minutes). So the public
port is this small server; Oxigraph listens on a private port of 127.0.0.1
that only the front calls. The front:

- takes the query from the SPARQL 1.1 Protocol's three forms (GET
  ``?query=``, POST form, POST ``application/sparql-query``), checks it
  (kg.query.guard: size, depth, SERVICE) and answers a refused one with a
  4xx and one line of text;
- passes on exactly the text it checked, as a POST to Oxigraph, with the
  protocol's dataset parameters;
- reads the answer in full before sending it, so a query that ran past the
  time limit gets a 422 and not a 200 with half a JSON document; when
  Oxigraph has not answered a little after the limit, it asks the
  supervisor (kg.query.serve) to restart Oxigraph, which is the only way to
  stop a query;
- runs at most ``--max-running`` queries at once (503 beyond), so a few
  clients cannot hold every core for the time limit;
- answers the library's named queries a page at a time at ``/library/<name>``
  (kg.query.pages: ``limit``, ``offset``, the query's parameters; JSON with
  the next page's address), and lists them at ``/library``;
- refuses updates (403), and serves the query page and the graph store reads.
"""

from __future__ import annotations

import contextlib
import http.client
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from extract.errors import InputError
from kg.query.guard import Limits, QueryRefused, check
from kg.query.library import library
from kg.query.pages import library_index, page_answer, page_text, read_page

PAGE_PATHS = ("/", "/yasgui.min.css", "/yasgui.min.js", "/logo.svg")  # Oxigraph's query page and its files
GRACE_S = 3.0  # how long past the limit Oxigraph may take to stop a query itself
SPOOL_BYTES = 8 << 20  # answers larger than this wait on disk, not in memory


@dataclass
class Backend:
    """Where Oxigraph listens now, and how to get it restarted; kg.query.serve fills it in."""

    port: Callable[[], int | None]
    restart: Callable[[str], None]
    limits: Limits
    timeout_s: float
    running: threading.BoundedSemaphore | None = None  # at most this many queries at once; None: no cap


class Refusal(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


class FrontServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], backend: Backend):
        self.backend = backend
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: FrontServer
    server_version = "policy-kg"
    timeout = 30  # seconds a client may take to send its request: a slow one does not hold a thread for ever

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # a quiet server: kg serve prints its address and its warnings only

    # ---- routes ---------------------------------------------------------------------------------

    def do_GET(self):
        self._route(lambda: self._get())

    def do_HEAD(self):
        self._route(lambda: self._get())

    def do_POST(self):
        self._route(lambda: self._post())

    def do_PUT(self):
        self._route(self._read_only)

    def do_DELETE(self):
        self._route(self._read_only)

    def _read_only(self):
        raise Refusal(403, "this endpoint is read-only")

    def _route(self, handler):
        try:
            try:
                handler()
            except (Refusal, QueryRefused) as exc:
                self._text(exc.status, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client left; the query, if any, ends at the time limit

    def _get(self):
        path, _, qs = self.path.partition("?")
        if path == "/query":
            params = urllib.parse.parse_qs(qs, keep_blank_values=True)
            self._query(_one(params, "query"), params)
        elif path == "/library" or path == "/library/":
            self._bytes(200, library_index(library()), "application/json; charset=utf-8")
        elif path.startswith("/library/"):
            self._library(urllib.parse.unquote(path[len("/library/") :]), qs)
        elif path in PAGE_PATHS or path == "/store":
            self._relay_get()
        elif path == "/update":
            self._read_only()
        else:
            raise Refusal(404, f"no such page: {path}")

    def _post(self):
        path, _, qs = self.path.partition("?")
        if path == "/update" or path == "/store":
            self._read_only()
        if path != "/query":
            raise Refusal(404, f"no such endpoint: {path}")
        params = urllib.parse.parse_qs(qs, keep_blank_values=True)
        body = self._body()
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            if "query" in params:
                raise Refusal(400, "give the query in the body or in the URL, not both")
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise Refusal(400, "the query is not UTF-8") from None
        elif kind == "application/x-www-form-urlencoded":
            try:
                form = urllib.parse.parse_qs(body.decode("ascii"), keep_blank_values=True, errors="strict")
            except (UnicodeDecodeError, ValueError):
                raise Refusal(400, "the form is not URL-encoded UTF-8") from None
            if "update" in form:
                self._read_only()
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
            text = _one(params, "query")
        else:
            raise Refusal(415, "send the query as application/sparql-query or as a form (query=…)")
        self._query(text, params)

    # ---- the query ------------------------------------------------------------------------------

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise Refusal(411, "a POST needs a Content-Length")
        limit = self.server.backend.limits.max_bytes
        if limit is not None and int(length) > 3 * limit + 4096:  # a form percent-encodes a byte in three
            raise Refusal(
                413, f"the request is {int(length):,} bytes; the query limit is {limit:,} (--max-query-bytes)"
            )
        return self.rfile.read(int(length))

    def _query(self, text: str, params: dict[str, list[str]]) -> None:
        backend = self.server.backend
        check(text, backend.limits)
        dataset = [(k, v) for k in ("default-graph-uri", "named-graph-uri") for v in params.get(k, [])]
        target = "/query" + ("?" + urllib.parse.urlencode(dataset) if dataset else "")
        headers = {"Accept": self.headers["Accept"]} if self.headers.get("Accept") else {}
        self._run(text, headers, target, self._send)

    def _run(self, text: str, headers: dict, target: str, answer) -> None:
        """The checked ``text`` to Oxigraph, within the time limit and the cap on queries at once."""
        backend = self.server.backend
        headers = {"Content-Type": "application/sparql-query; charset=utf-8", **headers}
        if backend.running is not None and not backend.running.acquire(blocking=False):
            raise Refusal(503, "too many queries at once (--max-running); try again when one has ended")
        try:
            self._relay("POST", target, text.encode("utf-8"), headers, timed=True, answer=answer)
        finally:
            if backend.running is not None:
                backend.running.release()

    def _library(self, name: str, qs: str) -> None:
        """One page of a library query (kg.query.pages): its text checked and run as any query's."""
        query = library().get(name)
        if query is None:
            raise Refusal(404, f"no library query {name!r}; /library lists them")
        try:
            page = read_page(query, urllib.parse.parse_qs(qs, keep_blank_values=True))
            text = page_text(page)
        except InputError as exc:
            raise Refusal(400, str(exc)) from None
        check(text, self.server.backend.limits)

        def answer(resp: http.client.HTTPResponse, spool) -> None:
            if resp.status != 200:
                return self._send(resp, spool)
            spool.seek(0)
            body, following = page_answer(page, spool.read())
            extra = {"Link": f'<{following}>; rel="next"'} if following else {}
            self._bytes(200, body, "application/json; charset=utf-8", extra)

        self._run(text, {"Accept": "application/sparql-results+json"}, "/query", answer)

    # ---- to Oxigraph and back -------------------------------------------------------------------

    def _relay_get(self) -> None:
        headers = {k: self.headers[k] for k in ("Accept",) if self.headers.get(k)}
        self._relay(self.command, self.path, None, headers, timed=False)

    def _relay(self, method: str, target: str, body: bytes | None, headers: dict, timed: bool, answer=None) -> None:
        backend = self.server.backend
        port = backend.port()
        if port is None:
            raise Refusal(503, "the query engine is restarting; try again in a moment")
        limit = backend.timeout_s
        start = time.monotonic()
        hard = start + (limit + GRACE_S if timed else 60.0)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=max(0.1, hard - start))
        with contextlib.closing(conn), tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
            try:
                conn.request(method, target, body=body, headers=headers)
                resp = conn.getresponse()
                while chunk := resp.read1(1 << 16):
                    spool.write(chunk)
                    if time.monotonic() > hard:
                        raise TimeoutError
            except TimeoutError:  # socket.timeout too
                if timed:
                    backend.restart(f"a query ran past the {limit:g} s limit and did not stop")
                    raise Refusal(422, f"the query ran past the {limit:g} s time limit (--timeout)") from None
                raise Refusal(504, "the query engine did not answer") from None
            except (ConnectionError, http.client.HTTPException, OSError):
                raise Refusal(503, "the query engine is restarting; try again in a moment") from None
            if timed and time.monotonic() - start >= limit:  # Oxigraph stopped it: its 200 holds half an answer
                raise Refusal(422, f"the query ran past the {limit:g} s time limit (--timeout)")
            (answer or self._send)(resp, spool)

    def _send(self, resp: http.client.HTTPResponse, spool) -> None:
        size = spool.tell()
        spool.seek(0)
        self.send_response(resp.status)
        for name in ("Content-Type", "Content-Disposition", "Vary"):
            if resp.getheader(name):
                self.send_header(name, resp.getheader(name))
        self.send_header("Content-Length", str(size))
        self.end_headers()
        if self.command != "HEAD":
            while block := spool.read(1 << 16):
                self.wfile.write(block)

    def _text(self, status: int, message: str) -> None:
        self._bytes(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _bytes(self, status: int, body: bytes, kind: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _one(params: dict[str, list[str]], key: str) -> str:
    values = params.get(key, [])
    if len(values) != 1:
        raise Refusal(400, f"give exactly one {key} parameter" if values else f"give the {key} to run ({key}=…)")
    return values[0]
