"""Read a report from disk into the one normalised text the project exposes.

Reports come scraped from government sites in whatever encoding the site used
(UTF-8 with or without BOM, UTF-16, GB18030/GBK, now and then Big5) and with
the scars of scraping: full-width digits, stray spaces between digits, mixed
half- and full-width punctuation. Every offset the project writes refers to the
text as normalised here, so the normal form is documented and tested:

1. Line breaks become ``\\n``; a BOM and control characters are dropped;
   tabs, ideographic and no-break spaces become plain spaces.
2. Full-width ASCII letters, digits and symbols become half-width (``６．５％``
   → ``6.5%``), except the punctuation Chinese writes full width
   (``，：；（）！？``), which stays.
3. ASCII ``, ; : ( ) ! ?`` next to a Chinese character become full width, so
   rules see one comma, whatever the site wrote (``4.1:43.1`` stays); a pair
   of parentheses is widened together (``(1)推进`` → ``（1）推进``).
4. Spaces next to a Chinese character or between digits are removed
   (``1 9 9 3 年`` → ``1993年``); other runs of spaces become one; lines are
   stripped; runs of blank lines become one blank line.
5. Quotation marks are the mainland's curly ones: corner brackets
   (``「放管服」``, ``『…』``) and a pair of ASCII double quotes around
   Chinese text on one line (``"放管服"``) become ``“放管服”`` (``‘…’``).

Before these steps ``extract.repair`` takes out what the web page added (page
furniture lines, watermark tokens, converter pinyin, hard wraps); after them
masked years are written ``20XX年``. Files other than text (HTML, docx, PDF)
are read by ``extract.readers`` first.

Traditional characters stay as written in ``Document.text``; ``Document.folded``
is the same text folded to simplified, character by character (so offsets
agree), and is what the matching rules read.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from functools import lru_cache

from . import readers
from .codepoints import codes, np, text_of
from .errors import InputError
from .records import Document
from .repair import repair, strip_pinyin, tone_marks, unmask_years

# A report is well under a megabyte of text; a file past this is no single report.

# Characters the same in both scripts and frequent in any Chinese prose: a
# wrong decoding (Big5 bytes read as GB18030, say) rarely produces them.
_COMMON = set("的是在和了有中年一不为大以人")

_KEEP_FULL = set("，：；（）！？")
_TO_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


def _score(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    return sum(ch in _COMMON for ch in sample) / len(sample)


def decode_checked(data: bytes) -> tuple[str, str, int]:
    """``(text, encoding, number of byte sequences replaced or NUL bytes dropped)``."""
    return _decode_checked(data)


def decode(data: bytes) -> tuple[str, str]:
    """Decode report bytes, returning ``(text, encoding)``.

    A UTF-8 text with a few broken byte sequences (a download cut short in the
    middle of a character) is read with each replaced by U+FFFD; ``load_file``
    says so in a warning. Raises InputError for empty and binary data and for
    bytes no supported encoding reads.
    """
    text, enc, _ = _decode_checked(data)
    return text, enc


def _decode_checked(data: bytes) -> tuple[str, str, int]:
    """``(text, encoding, number of byte sequences replaced by U+FFFD)``."""
    text, enc, replaced = _decode(data)
    if _blank(text.replace("\ufeff", "") if "\ufeff" in text else text):
        raise InputError("empty file")
    return text, enc, replaced


def _blank(text):
    """``not text.strip()``, without the copy of a text that does not end blank."""
    return not text or text.isspace()


def _decode(data: bytes) -> tuple[str, str, int]:
    if _blank(data):
        raise InputError("empty file")
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, 0
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {enc} byte-order mark but does not decode as {enc}: {exc.reason}"
                ) from None
    zeros = data.count(0)
    if zeros:
        # UTF-16 without a BOM: ASCII leaves zero bytes in one of the two byte
        # positions, never in both. Chinese prose holds few ASCII characters, so
        # few zeros: then the decoded text must read as Chinese.
        even, odd = data[0::2].count(0), data[1::2].count(0)
        for enc, hits in (("utf-16-le", odd), ("utf-16-be", even)):
            if hits >= 0.9 * zeros:
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                if hits > len(data) // 8 or _score(text) > 0.005:
                    return text, enc, 0
        if zeros <= max(8, len(data) // 1000):
            # a few NUL bytes in a text (a copy gone wrong): read without them
            text, enc, replaced = _decode(data.replace(b"\x00", b""))
            return text, enc + "+nul", replaced
        raise InputError("binary file (holds NUL bytes and is not UTF-16 text)")
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed, "mixed utf-8/gb18030", 0
    candidates = []
    # UTF-16 of Chinese without a single ASCII character has no zero byte at all.
    encodings = ("gb18030", "big5", "utf-16-le", "utf-16-be") if len(data) % 2 == 0 else ("gb18030", "big5")
    for enc in encodings:
        try:
            candidates.append((_score(text := data.decode(enc)), enc, text))
        except UnicodeDecodeError:
            continue
    if candidates:
        best = max(candidates, key=lambda c: c[0])
        if best[0] > 0.005:
            return best[2], best[1], 0
    # UTF-8 with a few broken sequences (cut short mid-character, a stray byte)
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    if replaced <= max(3, len(data) // 2000) and _score(text) > 0.005:
        return text, "utf-8", replaced
    raise InputError("not text in a supported encoding (UTF-8, UTF-16, GB18030/GBK, Big5)")


def _decode_mixed(data: bytes) -> str | None:
    """A file pasted together from UTF-8 and GB18030 pieces, line by line: each
    line in the encoding it reads in. None when the file is of one encoding."""
    lines = data.split(b"\n")
    utf8 = other = 0
    out = []
    for line in lines:
        try:
            text = line.decode("utf-8")
            utf8 += any(b > 0x7F for b in line)
        except UnicodeDecodeError:
            try:
                text = line.decode("gb18030")
            except UnicodeDecodeError:
                return None
            if _score(text) == 0:
                return None  # not Chinese in GB18030 either: a broken byte, not a second encoding
            other += 1
        out.append(text)
    return "\n".join(out) if utf8 and other else None


_CONTROLS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]))  # dropped


_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def normalise(text: str) -> str:
    """Return the documented normal form of a decoded report (see module doc)."""
    return _normalise(text)[0]


def _normalise(text: str) -> tuple[str, bool]:
    """``normalise(text)``, and whether it holds a pinyin tone mark (no step of the normal form
    adds or drops one: strip_pinyin need not look for one in a text without)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, tones, work = _characters(text)
    if work:
        # only a line that holds a space, a narrow mark or a quote changes: the others (nearly all)
        # are copied as they are, not split off one by one
        out, done = [], 0  # done: the text before it is written
        for a in work:
            b = text.find("\n", a)
            b = len(text) if b < 0 else b
            out.append(text[done:a])
            line = text[a:b]
            if " " in line:
                line = _drop_spaces(line)
            if _NARROW_RE.search(line):
                line = _widen_punct(line)
            if '"' in line:
                line = _curly_quotes(line)
            out.append(line)
            done = b
        out.append(text[done:])
        text = "".join(out)
    return text + "\n", tones


_SPACES = "\t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"  # spaces of other widths, each made a space
_BREAKS = "\u2028\u2029"  # line and paragraph separators, each made a line break
_DROP = 0xFFFFFFFF  # no character: what a control character becomes in _character_table
_HAN_FROM, _HAN_SIZE = 0x4E00, 0x5200  # the main block of Chinese characters, which the table leaves


@lru_cache(maxsize=1)
def _character_table():
    """What each character of the basic plane becomes in the first steps of the normal form, each
    of one character alone: control characters are dropped (_DROP), _SPACES become a space,
    _BREAKS a line break, full-width ASCII half-width (but _KEEP_FULL), corner brackets curly
    quotes; the rest stay (among them every character from _HAN_FROM on, for _HAN_SIZE)."""
    numpy = np()
    table = numpy.arange(0x10000, dtype=numpy.uint32)
    table[[ord(ch) for ch in _CONTROLS]] = _DROP
    table[[ord(ch) for ch in _SPACES]] = 0x20
    table[[ord(ch) for ch in _BREAKS]] = 0x0A
    for o in range(0xFF01, 0xFF5F):
        if chr(o) not in _KEEP_FULL:
            table[o] = o - 0xFEE0
    for a, b in _CORNER_MAP.items():
        table[ord(a)] = ord(b)
    return table


def _runs(pos):
    """For sorted distinct positions: which open a run of consecutive ones, and which close one."""
    numpy = np()
    step = numpy.diff(pos) != 1
    return numpy.concatenate(([True], step)), numpy.concatenate((step, [True]))


def _characters(text: str) -> tuple[str, bool, list[int]]:
    """Steps 1, 2, 4 and 5 of the normal form that look at no more than a character and its
    neighbours: each character through _character_table (a control character dropped, a space of
    any width a space, a line separator a line break, full-width ASCII half-width, a corner bracket
    a curly quote), then each run of spaces one space and none at the ends of a line or of the
    text, runs of blank lines one and none at the text's ends.

    Returns that text (no line break at its ends), whether it holds a pinyin tone mark, and the
    starts of its lines that hold something the lines' own steps change (_LINE_WORK).

    Only the characters outside the main block of Chinese characters are looked at, which the table
    leaves as they are: an eighth of a report, taken out once as positions and values, on which
    every step works. A pass of the table over every character, then a text replace, search or
    pattern per step, made the normal form of the national corpus 11 ms; this, 8."""
    numpy = np()
    points = codes(text)
    at = numpy.flatnonzero((points - _HAN_FROM) >= _HAN_SIZE)  # (the unsigned difference wraps below)
    was = points[at]
    tones = bool(tone_marks()[was[was < 0x200]].any())
    now = _character_table()[numpy.minimum(was, 0xFFFF)]
    if was.size and int(was.max()) > 0xFFFF:  # characters beyond the basic plane stay as they are
        now = numpy.where(was > 0xFFFF, was, now)
    gone = now == _DROP
    drop = gone.copy()
    if drop.any():  # the positions once the control characters are dropped
        pos = at - numpy.cumsum(gone)
        n = len(points) - int(numpy.count_nonzero(gone))
        kept = ~gone
        spaces = numpy.flatnonzero(kept & (now == 0x20))
        breaks = numpy.flatnonzero(kept & (now == 0x0A))
    else:
        pos, n = at, len(points)
        spaces = numpy.flatnonzero(now == 0x20)
        breaks = numpy.flatnonzero(now == 0x0A)
    nl = pos[breaks]
    if spaces.size:
        # a run of spaces keeps its first, unless it touches a line break or an end of the text
        sp = pos[spaces]
        first, last = _runs(sp)
        opens, closes = sp[first], sp[last]
        touches = (opens == 0) | (closes == n - 1) | _holds(nl, opens - 1) | _holds(nl, closes + 1)
        gone_spaces = spaces[~first | touches[numpy.cumsum(first) - 1]]
        if gone_spaces.size:
            drop[gone_spaces] = True
            # the positions of the line breaks once those spaces are dropped too
            nl = nl - numpy.searchsorted(pos[gone_spaces], nl)
            n -= gone_spaces.size
    if nl.size > 2:  # a run of line breaks keeps two (one blank line): the third and those after go
        drop[breaks[numpy.flatnonzero(nl[2:] - nl[:-2] == 2) + 2]] = True
    out = text
    if drop.any():
        values = points.copy()
        values[at] = now
        keep = numpy.ones(len(points), dtype=bool)
        keep[at[drop]] = False
        out = text_of(values[keep])
    elif numpy.count_nonzero(now != was):
        values = points.copy()
        values[at] = now
        out = text_of(values)
    # the lines' own steps: where their characters are, once the dropped ones are gone
    work = numpy.flatnonzero(~drop & (now < 0x80) & _WORK_TABLE()[now & 0x7F])
    lines = numpy.flatnonzero(~drop & (now == 0x0A)) if work.size else work
    lead = len(out) - len(out.lstrip("\n"))  # line breaks at the text's start, which go
    out = out.strip("\n")
    if not work.size:
        return out, tones, []
    shift = numpy.cumsum(drop) + lead  # what goes before each character: its own drop too, but it stays
    work_at, lines = at[work] - shift[work], at[lines] - shift[lines]
    # the start of the line of each: just after the line break before it, or the text's start
    before = numpy.searchsorted(lines, work_at)
    line_nos = before[numpy.concatenate(([True], before[1:] != before[:-1]))]  # (sorted: each once)
    return out, tones, [int(lines[i - 1]) + 1 if i else 0 for i in line_nos.tolist()]


def _holds(sorted_pos, probes):
    """Which of ``probes`` are among ``sorted_pos``."""
    numpy = np()
    if not sorted_pos.size:
        return numpy.zeros(probes.size, dtype=bool)
    i = numpy.minimum(numpy.searchsorted(sorted_pos, probes), sorted_pos.size - 1)
    return sorted_pos[i] == probes


_LINE_WORK = ' ,;:()!?"'  # what the lines' own steps change: a space, one of _TO_FULL, a quote


@lru_cache(maxsize=1)
def _WORK_TABLE():
    """Which ASCII characters are _LINE_WORK."""
    table = np().zeros(0x80, dtype=bool)
    table[[ord(ch) for ch in _LINE_WORK]] = True
    return table


_CORNER_MAP = {"「": "“", "」": "”", "『": "‘", "』": "’"}
_ASCII_QUOTED = re.compile(r'"([^"\n]{1,40})"')


def _curly_quotes(line: str) -> str:
    if '"' in line:
        line = _ASCII_QUOTED.sub(lambda m: f"“{m.group(1)}”" if _CJK_RE.search(m.group(1)) else m.group(0), line)
    return line


def _drop_spaces(line: str) -> str:
    """Drop each space (runs are single by now) that touches Chinese or splits a number."""
    parts = line.split(" ")
    out = [parts[0]]
    prev = parts[0][-1:] if parts[0] else ""
    for part in parts[1:]:
        nxt = part[:1]
        if (
            prev
            and nxt
            and not (
                _tight(prev)
                or _tight(nxt)
                or (prev.isdigit() and (nxt.isdigit() or nxt in ".%"))
                or (prev == "." and nxt.isdigit())
            )
        ):
            out.append(" ")
        out.append(part)
        if part:
            prev = part[-1]
    return "".join(out)


def _tight(ch: str) -> bool:
    """Chinese characters and Chinese punctuation take no spaces around them."""
    return is_cjk(ch) or unicodedata.category(ch).startswith("P") and ord(ch) > 0x2000


_NARROW_RE = re.compile("[" + re.escape("".join(_TO_FULL)) + "]")


def _widen_punct(line: str) -> str:
    if not _NARROW_RE.search(line):
        return line
    out = list(line)
    narrow = [m.start() for m in _NARROW_RE.finditer(line)]
    wide = {i: _next_to_chinese(line, i) for i in narrow}
    # a pair of parentheses is widened together: (1)推进 → （1）推进, not (1）推进
    stack = []
    for i in narrow:
        ch = line[i]
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            wide[i] = wide[j] = wide[i] or wide[j]
    for i in narrow:
        if wide[i]:
            out[i] = _TO_FULL[line[i]]
    return "".join(out)


def _next_to_chinese(line: str, i: int) -> bool:
    prev = line[i - 1] if i else ""
    nxt = line[i + 1] if i + 1 < len(line) else ""
    return bool((prev and (is_cjk(prev) or prev in "”’》）")) or (nxt and (is_cjk(nxt) or nxt in "“‘《（")))


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported late: only traditional texts need it

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if not is_cjk(ch):
        return ch
    out = _t2s().convert(ch)
    return out if len(out) == 1 else ch


# What _fold_char said of each Chinese character met so far: those it leaves, those it folds
# (and to what). A text's characters are sorted into these with set operations, not a call each.
_UNFOLDED: set[str] = set()
_FOLDED: dict[str, str] = {}


def _folding(chars: set[str]) -> dict[str, str]:
    """Of the characters ``chars``, those that fold, with what they fold to."""
    for ch in chars.difference(_UNFOLDED, _FOLDED):
        out = _fold_char(ch)
        if out == ch:
            _UNFOLDED.add(ch)
        else:
            _FOLDED[ch] = out
    return {ch: _FOLDED[ch] for ch in chars & _FOLDED.keys()}


def fold(text: str) -> str:
    """Traditional → simplified, one character for one, so offsets still agree."""
    table = {ord(ch): out for ch, out in _folding(set(text)).items()}  # only Chinese characters fold
    return text.translate(table)


SCRIPT_SAMPLE = 5000  # characters looked at: enough to tell the script, a quarter of the time of 20,000


# What _fold_char said of each Chinese character met so far, by code point (every Chinese code point
# is below 0x30000): whether it was asked, and what it folds to (itself when it stays). A report's
# characters are looked up in these all at once, not one call each.
_LIMIT = 0x30000


@lru_cache(maxsize=1)
def _tables():
    numpy = np()
    return numpy.zeros(_LIMIT, dtype=numpy.bool_), numpy.arange(_LIMIT, dtype=numpy.uint32)


def _chinese(points):
    """Those of ``points`` that are Chinese characters (the ones is_cjk takes), asked of _fold_char
    once each."""
    numpy = np()
    cjk = points[
        ((points >= 0x4E00) & (points <= 0x9FFF))
        | ((points >= 0x3400) & (points <= 0x4DBF))
        | ((points >= 0xF900) & (points <= 0xFAFF))
        | ((points >= 0x20000) & (points < _LIMIT))
    ]
    asked, folds_to = _tables()
    new = cjk[~asked[cjk]]
    if new.size:
        for code in numpy.unique(new).tolist():
            folds_to[code] = ord(_fold_char(chr(code)))
        asked[new] = True
    return cjk


def _fold_report(text: str) -> str:
    """``fold(text)`` for a whole report: its characters folded all at once."""
    points = codes(text)
    _chinese(points)
    folded = points.copy()
    below = points < _LIMIT
    folded[below] = _tables()[1][points[below]]
    return text_of(folded)


def detect_script(text: str) -> str:
    cjk = _chinese(codes(text[:SCRIPT_SAMPLE]))
    if not cjk.size:
        return "simplified"
    changed = int(np().count_nonzero(_tables()[1][cjk] != cjk))  # the characters that fold
    return "traditional" if changed / int(cjk.size) > 0.03 else "simplified"


def load_text(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    *,
    wrapped: bool | None = None,
    furniture: list[str] | None = None,
    fmt: str = "txt",
) -> Document:
    """Repair and normalise an already decoded text into a Document (no metadata yet)."""
    fixed = repair(text, wrapped=wrapped)
    norm, tones = _normalise(fixed.text)
    norm, masked = unmask_years(norm)
    norm, pinyin = strip_pinyin(norm, tones=tones)
    if not _CJK_RE.search(norm, 0, 5000):
        raise InputError("no Chinese text found")
    script = detect_script(norm)
    folded = _fold_report(norm) if script == "traditional" else norm
    doc = Document(path=path, text=norm, folded=folded, encoding=encoding, script=script, format=fmt)
    doc.furniture = [*(furniture or []), *fixed.furniture]
    doc.warnings.extend(fixed.notes)
    if pinyin:
        doc.pinyin = pinyin
        doc.warnings.append(
            f"{len(pinyin)} pinyin annotation(s) left by a converter: read without them, kept in the text"
        )
    if masked:
        doc.warnings.append(f"{masked} masked year(s) (20XX年) in the text")
    return doc


def read_bytes(path: str) -> bytes:
    if not os.path.exists(path):
        raise InputError("no such file")
    if os.path.isdir(path):
        raise InputError("is a directory, not a report file (pass the folder itself to read the reports in it)")
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from None


def load_bytes(data: bytes, path: str) -> Document:
    """Read one report's bytes in whatever form they are (text, HTML, docx, PDF)."""
    kind = readers.sniff(data, path)
    readers.refuse(kind)
    if kind == "pdf":
        raw = readers.read_pdf(data)
    elif kind == "docx":
        raw = readers.read_docx(data)
    else:
        text, enc, replaced = _decode_checked(data)
        if kind == "html" or readers.looks_like_html(text):
            raw = readers.read_html(text)
            raw.encoding = enc
        else:
            raw = readers.Raw(text=text, format="txt", encoding=enc)
        raw.replaced = replaced
    nuls = 0
    if raw.encoding.endswith("+nul"):
        raw.encoding = raw.encoding[:-4]
        nuls = data.count(0)
    doc = load_text(
        raw.text, path=path, encoding=raw.encoding, wrapped=raw.wrapped, furniture=raw.furniture, fmt=raw.format
    )
    if nuls:
        doc.warnings.insert(0, f"{nuls} NUL byte(s) dropped")
    if raw.encoding == "mixed utf-8/gb18030":
        doc.warnings.insert(0, "lines in two encodings (UTF-8 and GB18030): each line read in its own")
    if raw.replaced:
        doc.warnings.insert(0, f"{raw.replaced} broken UTF-8 byte sequence(s) replaced by U+FFFD")
    # (no line of a text that short is longer)
    longest = max(map(len, doc.text.split("\n")), default=0) if len(doc.text) > 200_000 else 0
    if longest > 200_000:
        doc.warnings.append(f"a line of {longest} characters: the text has lost its line breaks")
    return doc


def load_file(path: str) -> Document:
    """Read, decode, repair and normalise one report file.

    Raises InputError with a one-line message naming ``path``.
    """
    try:
        return load_bytes(read_bytes(path), path)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
