"""The IRIs that both sides write: the project's base, safe local names, and each report's IRI.

A report is known by its file name without the extension; its IRI is
``id/report/<that name, made IRI-safe>``. ``extract`` puts the local part in
extraction.json (``"iri": "report/…"``) and ``kg`` mints the graph's node
from the same function, so the two can never disagree (they did: a file
name with a space was ``report/周村 2019`` in the JSON and
``report/周村%202019`` in the graph). Lives here, not in kg, because
``extract`` never imports kg.
"""

from __future__ import annotations

import re

BASE = "https://w3id.org/policy-kg/"
ID = BASE + "id/"

_UNSAFE = re.compile(r"[^0-9A-Za-z_\-.\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]")


def slug(text: str) -> str:
    """An IRI-safe local name: letters (any script), digits, ``-_.`` kept, the rest %-encoded (UTF-8)."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), text)


def report_stem(file_name: str) -> str:
    """The report's own part of its IRIs (and of its graph's): the file name without extension, IRI-safe."""
    return slug(file_name.rsplit(".", 1)[0] if "." in file_name else file_name)


def report_path(file_name: str) -> str:
    """The report's IRI relative to ``ID``, as extraction.json gives it: ``report/<stem>``."""
    return "report/" + report_stem(file_name)


def report_iri(file_name: str) -> str:
    return ID + report_path(file_name)
