"""Which files a command reads, and what the user says of them.

Arguments are files, folders (the reports in them: ``.txt``, ``.html``,
``.htm``, ``.shtml``, ``.docx``, ``.pdf``, in name order; a folder's own notes,
README.md, SOURCE.md, LICENSE, are skipped: a file named, or matched by a pattern,
is read whatever its name) or glob patterns
the shell left unexpanded (quoted, or matching nothing). What cannot be read
is a *skipped* file with its reason, never the end of the run.

A ``reports.tsv`` beside the reports states what the text may not: one line
per report, tab-separated, with a header naming the columns ``file``,
``area``, ``reviewed_year``, ``plan_year``, ``kind`` (any but ``file`` may be
left empty; ``#`` starts a comment)::

    file	area	reviewed_year	plan_year	kind
    2021年政府工作报告.docx	某某县	2020	2021	report
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass

from .errors import InputError
from .readers import REPORT_EXTENSIONS
from .records import KINDS

REPORTS_FILE = "reports.tsv"
COLUMNS = ("file", "area", "reviewed_year", "plan_year", "kind")
_SIDE_FILES = {REPORTS_FILE, "curation.tsv"}
# documents a user may keep beside the reports that are not in a form read here: named in the summary
_OTHER_DOCUMENTS = (
    ".doc",
    ".wps",
    ".rtf",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".webp",
    ".zip",
    ".rar",
    ".7z",
    ".gz",
)


# Notes a folder of reports carries about itself (README.md, SOURCE.txt, LICENSE): read only when named.
_NOTE_NAMES = frozenset({"README", "READ_ME", "SOURCE", "SOURCES", "LICENSE", "LICENCE", "CHANGELOG", "AUTHORS"})


def _side_note(name: str) -> bool:
    stem, ext = os.path.splitext(name)
    return ext.lower() in (".md", ".txt", ".text", "") and stem.upper() in _NOTE_NAMES


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def expand(args: list[str]) -> tuple[list[str], list[Skipped]]:
    """The report files the arguments name, and the arguments that name none."""
    files: list[str] = []
    skipped: list[Skipped] = []
    for arg in args:
        if os.path.isdir(arg):
            names = sorted(
                n
                for n in os.listdir(arg)
                if not n.startswith(".") and n not in _SIDE_FILES and os.path.isfile(os.path.join(arg, n))
            )
            notes = [n for n in names if _side_note(n)]
            skipped.extend(Skipped(os.path.join(arg, n), "a note about the folder, not a report") for n in notes)
            names = [n for n in names if not _side_note(n)]
            inside = [os.path.join(arg, n) for n in names if n.lower().endswith(REPORT_EXTENSIONS)]
            if not inside:
                skipped.append(Skipped(arg, "a folder with no report files (" + " ".join(REPORT_EXTENSIONS) + ")"))
            # a scan or an old .doc among the reports: read, so that the summary says why it is not one
            files.extend(
                os.path.join(arg, n) for n in names if n.lower().endswith(REPORT_EXTENSIONS + _OTHER_DOCUMENTS)
            )
        elif not os.path.exists(arg) and glob.has_magic(arg):
            matched = sorted(p for p in glob.glob(arg) if os.path.isfile(p))
            if not matched:
                skipped.append(Skipped(arg, "matches no file"))
            files.extend(matched)
        else:
            files.append(arg)
    seen: set[str] = set()
    unique = []
    for f in files:
        key = os.path.abspath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, skipped


@dataclass(frozen=True, slots=True)
class Declared:
    """What a reports.tsv line says of one report (None: not said)."""

    area: str | None
    reviewed_year: int | None
    plan_year: int | None
    kind: str | None
    where: str  # path:line


def reports_files(paths: list[str]) -> list[str]:
    folders = sorted({os.path.dirname(os.path.abspath(p)) for p in paths})
    return [f for f in (os.path.join(d, REPORTS_FILE) for d in folders) if os.path.isfile(f)]


def read_reports_tsv(path: str) -> dict[str, Declared]:
    """File name → what the user declares of it; InputError naming the line of a mistake."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None
    header = None
    out: dict[str, Declared] = {}
    for n, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split("\t")]
        where = f"{path}:{n}"
        if header is None:
            header = [f.lower() for f in fields]
            unknown = [f for f in header if f not in COLUMNS]
            if "file" not in header or unknown:
                raise InputError(
                    f"{where}: the first line must name the columns ({', '.join(COLUMNS)}), "
                    f"separated by tabs" + (f"; unknown: {', '.join(unknown)}" if unknown else "")
                )
            continue
        if len(fields) > len(header):
            raise InputError(f"{where}: {len(fields)} fields for {len(header)} columns")
        row = dict(zip(header, fields + [""] * (len(header) - len(fields))))
        years = {}
        for col in ("reviewed_year", "plan_year"):
            v = row.get(col, "")
            if v and not (v.isdigit() and 1949 <= int(v) <= 2100):
                raise InputError(f"{where}: {col} must be a year like 2021, not {v!r}")
            years[col] = int(v) if v else None
        kind = row.get("kind") or None
        if kind and kind not in KINDS:
            raise InputError(f"{where}: unknown kind {kind!r} (use {', '.join(KINDS)})")
        if not row["file"]:
            raise InputError(f"{where}: no file name in the first column")
        out[row["file"]] = Declared(row.get("area") or None, years["reviewed_year"], years["plan_year"], kind, where)
    return out


def check_year(value: int | None) -> int | None:
    if value is not None and not 1949 <= value <= 2100:
        raise InputError(f"--year {value}: give the plan year of the reports, like 2021")
    return value
