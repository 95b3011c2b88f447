"""Pages from ``kg/templates``: our own HTML, CSS and JavaScript, all inline.

Two rules keep every page safe and offline:

- text reaches HTML only through Jinja's autoescaping, and reaches a page's
  script only as JSON inside ``<script type="application/json">`` with
  ``<``, ``>`` and ``&`` written as ``\\u003c`` …, so a name such as
  ``<script>alert(1)</script>`` or one holding ``href`` stays text; the
  scripts then put it into the page with ``textContent``, never as HTML;
- nothing is fetched: vis-network's standalone build is read from the
  installed pyvis package (``pyvis/lib/vis-9.1.2``) and inlined, without its
  source-map comment, and the pages reference no other file but each other.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from extract.errors import PolicyKGError
from extract.fileio import write_atomic

VIS_VERSION = "9.1.2"
_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.M)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def templates_dir() -> Path:
    return Path(str(resources.files("kg") / "templates"))


class _Environment(Environment):
    """Jinja's environment, reading ``row.name`` of a plain dict without an exception.

    Jinja tries ``getattr(row, "name")`` first and only then ``row["name"]``;
    the pages pass their rows as plain dicts, so every such read raised and
    caught an AttributeError (3 M of them for 100 synthetic reports' entity
    pages). A plain dict has no attributes but its type's, so for a name that
    is not one of those the answer is the key's, as before: the same pages."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and not hasattr(dict, attribute):
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = _Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["json_script"] = json_script
    env.globals["asset"] = asset
    env.globals["vis_js"] = vis_js
    return env


def json_script(value) -> Markup:
    """``value`` as JSON that can sit inside a ``<script>`` element: sorted
    keys, no spaces, and nothing that could close the element or start markup."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text))


@cache
def asset(name: str) -> Markup:
    """One of our own CSS or JavaScript files from kg/templates, to inline."""
    text = (templates_dir() / name).read_text(encoding="utf-8")
    return Markup(_inline_safe(text, name))


@lru_cache(maxsize=1)
def vis_js() -> Markup:
    """vis-network's standalone build from the installed pyvis package."""
    spec = find_spec("pyvis")  # where the package is, without importing it (the audit page needs no pyvis)
    path = (
        Path(spec.origin if spec and spec.origin else "pyvis").parent
        / "lib"
        / f"vis-{VIS_VERSION}"
        / "vis-network.min.js"
    )
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyKGError(
            f"cannot read vis-network from the pyvis package ({path}): {exc.strerror or exc}; reinstall pyvis 0.3.2"
        ) from None
    return Markup(_inline_safe(_SOURCE_MAP.sub("", text), str(path)))


def _inline_safe(text: str, name: str) -> str:
    if re.search(r"</(script|style)", text, re.I) or "<!--" in text:
        raise PolicyKGError(f"{name} cannot be inlined: it contains </script>, </style> or <!--")
    return text


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)


def write_page(path: str | Path, template: str, **context) -> Path:
    """Render ``template`` and write it, UTF-8, through write_atomic."""
    write_atomic(str(path), render(template, **context))
    return Path(path)
