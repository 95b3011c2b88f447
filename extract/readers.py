"""Read the text out of a report file, whatever form the user has it in.

``.txt`` (any encoding ``extract.load.decode`` reads), ``.html``/``.htm``/
``.shtml`` saved from a site (the article, found by trafilatura's main-content
extraction: menus, breadcrumbs, share bars and footers fall away), ``.docx``
(python-docx: paragraphs and table cells in order) and ``.pdf`` with a text
layer (pypdf). The form is told by the bytes first and the extension second, so
an HTML page saved as ``.txt`` is still read as a page. Each reader returns the
raw text, one paragraph (HTML, docx) or one visual line (PDF) per line; the
loader repairs and normalises it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from .errors import InputError

HTML_EXTENSIONS = (".html", ".htm", ".shtml", ".xhtml")
TEXT_EXTENSIONS = (".txt", ".text", ".md")
REPORT_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + (".docx", ".pdf")

_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_OTHER = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls/.wps): save it as .docx"),
    (b"{\\rtf", "an RTF file: save it as .docx or .txt"),
    (b"\x1f\x8b", "a gzip archive: unpack it first"),
    (b"Rar!", "a RAR archive: unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive: unpack it first"),
)


@dataclass
class Raw:
    """The text a reader found, before repair and normalisation."""

    text: str
    format: str  # txt, html, docx, pdf
    encoding: str = "utf-8"
    wrapped: bool | None = None  # lines are visual lines (PDF)
    furniture: list[str] = field(default_factory=list)  # what the page said besides the article (its date)
    replaced: int = 0  # broken byte sequences replaced by U+FFFD


def sniff(data: bytes, path: str) -> str:
    """The form of a file from its first bytes, else its extension."""
    lower = path.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if lower.endswith(".docx") or b"word/" in data[:4096] else "zip"
    for magic, name in _IMAGES:
        if data.startswith(magic):
            return "image:" + name
    if data[:12].startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image:WebP"
    for magic, _ in _OTHER:
        if data.startswith(magic):
            return "other:" + magic.hex()
    if lower.endswith(HTML_EXTENSIONS):
        return "html"
    if lower.endswith((".docx", ".pdf")):
        return lower.rsplit(".", 1)[1] + "-damaged"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower():
        return "html"
    return "txt"


def refuse(kind: str) -> None:
    """Raise the InputError a form that is no report deserves (an image, an archive …)."""
    if kind.startswith("image:"):
        raise InputError(f"an image ({kind[6:]}), not a text: a scanned report needs OCR first")
    if kind.startswith("other:"):
        magic = bytes.fromhex(kind[6:])
        raise InputError("is " + next(msg for m, msg in _OTHER if m == magic))
    if kind == "zip":
        raise InputError("a zip archive, not a report: unpack it first (a .docx must be named .docx)")
    if kind.endswith("-damaged"):
        raise InputError(f"not a valid .{kind.split('-')[0]} file (damaged or cut short)")


def looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html")) or (head.startswith("<") and "<body" in head)


def read_html(text: str) -> Raw:
    """The article of a saved page: trafilatura finds the main content."""
    import trafilatura  # imported late: a second of lxml and its models, needed for pages only

    try:
        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
        )
    except Exception as exc:  # lxml raises many kinds on broken markup
        raise InputError(f"an HTML page that cannot be parsed ({type(exc).__name__})") from None
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    # an article has prose: a sentence, or a line longer than a menu's links (首页 / 政务公开 is none)
    if not body or not re.search(r"[\u4e00-\u9fff][^\n]*[。；！？]|[\u4e00-\u9fff]{15}", body):
        raise InputError("an HTML page with no article text (only menus and links): save the report's own page")
    title = (getattr(doc, "title", None) or "").strip()
    parts = re.split(r"\s*[_|｜]\s*|\s+-\s+", title) if title else [""]
    title = parts[0]  # 报告标题_某某县人民政府网: the rest names the site
    sites = [p for p in parts[1:] if "人民政府" in p]
    lines = body.split("\n")
    if title and title not in body[:500]:
        lines.insert(0, title)
    furniture = [f"站点:{site}" for site in sites]
    if getattr(doc, "date", None):
        furniture.append(f"发布时间:{doc.date}")
    return Raw(text="\n".join(lines), format="html", furniture=furniture)


def read_docx(data: bytes) -> Raw:
    """Paragraphs and table cells of a Word document, in the order they are written."""
    import docx  # imported late: only .docx files need python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a valid .docx file ({type(exc).__name__})") from None
    lines = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iterchildren():
                        if cell.tag.endswith("}tc"):
                            cells.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")))
                    lines.append(" ".join(c for c in cells if c))
    text = "\n".join(lines)
    if not text.strip():
        raise InputError("a .docx file with no text")
    return Raw(text=text, format="docx")


def read_pdf(data: bytes) -> Raw:
    """The text layer of a PDF, one visual line per line."""
    import pypdf  # imported late: only .pdf files need it
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise InputError("an encrypted PDF: save it without a password first")
            except (NotImplementedError, PdfReadError):
                raise InputError("an encrypted PDF: save it without a password first") from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"not a valid PDF ({type(exc).__name__})") from None
    text = "\n".join(pages)
    if not re.search(r"[\u4e00-\u9fff\w]", text):
        raise InputError("a PDF with no text layer (scanned pages are images): run OCR first")
    return Raw(text=text, format="pdf", wrapped=True)
