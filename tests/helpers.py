"""What several test modules share: records written by hand over real documents, and a browser.

Importable as ``helpers`` (pytest puts tests/ on the path: ``pythonpath`` in pyproject.toml).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from extract.records import Document, Mention, StatusClaim

# ---- records by hand ------------------------------------------------------------------------------


def hand_mentions(doc: Document, typ: str, forms: list[str], taken: list[tuple[int, int]]) -> list[Mention]:
    """Every occurrence of ``forms`` (longest first) in ``doc`` that no earlier mention overlaps, as
    mentions with their sentence, section, year and mode; ``taken`` collects the spans across calls."""
    out = []
    for form in forms:
        start = 0
        while (start := doc.text.find(form, start)) >= 0:
            end = start + len(form)
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                sent = doc.sentence_at(start)
                sec = doc.section(sent.section)
                out.append(
                    Mention(
                        text=form,
                        start=start,
                        end=end,
                        type=typ,
                        rule="hand",
                        sentence=doc.text[sent.start : sent.end],
                        sentence_start=sent.start,
                        section=sec.id,
                        section_title=sec.title,
                        year=sec.year,
                        mode=sec.mode,
                    )
                )
            start = end
    return sorted(out, key=lambda m: m.start)


def hand_claim(doc: Document, trigger: str, status: str, after: str = "") -> StatusClaim:
    """A status claim on the first ``trigger`` in ``doc`` (after the text ``after``), with its sentence."""
    at = doc.text.index(trigger, doc.text.index(after) if after else 0)
    sent = doc.sentence_at(at)
    sec = doc.section(sent.section)
    return StatusClaim(
        year=sec.year,
        mode=sec.mode,
        status=status,
        trigger=trigger,
        evidence=doc.text[sent.start : sent.end],
        start=at,
        end=at + len(trigger),
    )


# ---- a browser ------------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium, headless, driven by playwright (never a downloaded browser); skips without it."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is missing (scripts/test.sh installs Debian's chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class OpenedPage:
    """A page opened from disk, with every console message, request and dialog it caused."""

    def __init__(self, ctx, path: Path, wait_until: str = "load"):
        self.page = ctx.new_page()
        self.url = path.as_uri()
        self.console: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.console.append(f"requestfailed: {r.url}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url, wait_until=wait_until)

    def js(self, expr: str):
        return self.page.evaluate(expr)

    def wait(self, expr: str, timeout: float = 60.0):
        """Poll ``expr`` from Python: the pages' CSP forbids the eval that wait_for_function uses."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            value = self.js(expr)
            if value:
                return value
            time.sleep(0.02)
        raise AssertionError(f"timed out waiting for {expr}")


# ---- a real HTTP listener ---------------------------------------------------------------------------


class Listener:
    """An HTTP server on 127.0.0.1 that records every request and answers with SECRET, as a SPARQL
    endpoint an attacker points SERVICE at would: the tests prove no request reaches it."""

    SECRET = "listener-secret-7f3a"

    def __init__(self):
        import http.server
        import threading

        hits = self.hits = []
        listener = self
        self.answer: bytes | None = None  # set: answer this (as text/plain) instead of SPARQL results

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                hits.append((self.command, self.path, self.rfile.read(length)))
                value = {"type": "literal", "value": Listener.SECRET}
                results = {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": value}]}}
                body = listener.answer or json.dumps(results).encode()
                self.send_response(200)
                kind = "text/plain" if listener.answer else "application/sparql-results+json"
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Listener:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
