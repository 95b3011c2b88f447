"""Give the records back the text the user has: converter pinyin put back.

A page run through a script converter carries pinyin after some characters
(``戰(zhàn)略``). The rules read the report without it (``extract.repair.
strip_pinyin``): a name broken by an annotation is no name to them. But what
the project shows and quotes is the user's text, so once the records are made
the annotations go back into ``Document.text`` and every offset and quote is
moved onto that text: a mention's surface is then ``長光衛(wèi)星`` as written,
while the entity's name stays the repaired ``長光衛星`` (it was chosen from the
text the rules read). Indicator names stay repaired for the same reason.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from .records import DocumentResult


class _Shift:
    """Offsets in the text read without annotations → offsets in the text with them."""

    def __init__(self, pinyin: tuple[tuple[int, str], ...]):
        self.at = [pos for pos, _ in pinyin]
        self.before: list[int] = [0]
        for _, note in pinyin:
            self.before.append(self.before[-1] + len(note))

    def __call__(self, offset: int) -> int:
        # an annotation standing at ``offset`` follows the character before it: it comes before the offset
        return offset + self.before[bisect.bisect_right(self.at, offset)]


def with_pinyin(text: str, pinyin: tuple[tuple[int, str], ...]) -> str:
    """``text`` with each annotation put back at its offset."""
    out, last = [], 0
    for pos, note in pinyin:
        out.append(text[last:pos])
        out.append(note)
        last = pos
    out.append(text[last:])
    return "".join(out)


def expose(result: DocumentResult) -> None:
    """Move one document's text, sections, sentences and records onto its exposed text."""
    doc = result.document
    if not doc.pinyin:
        return
    shift = _Shift(doc.pinyin)
    read = doc.text
    doc.text = with_pinyin(read, doc.pinyin)
    doc.folded = with_pinyin(doc.folded, doc.pinyin)

    def span(start: int, end: int) -> tuple[int, int]:
        # an annotation right after the last character is the span's: 略(lüè) ends with its pinyin
        return shift(start), shift(end)

    def quote(start: int, end: int) -> str:
        a, b = span(start, end)
        return doc.text[a:b]

    def quoted(evidence: str, near: int) -> str:
        """An evidence sentence holding ``near``, written again from the exposed text."""
        at = read.rfind(evidence, max(0, near - len(evidence)), near + len(evidence))
        return quote(at, at + len(evidence)) if at >= 0 else evidence

    doc.sections = [replace(s, start=span(s.start, s.end)[0], end=span(s.start, s.end)[1]) for s in doc.sections]
    doc.sentences = [replace(s, start=span(s.start, s.end)[0], end=span(s.start, s.end)[1]) for s in doc.sentences]
    doc.sources = {k: replace(v, start=None if v.start is None else shift(v.start)) for k, v in doc.sources.items()}
    for e in result.entities:
        e.mentions = [
            replace(
                m,
                text=quote(m.start, m.end),
                start=span(m.start, m.end)[0],
                end=span(m.start, m.end)[1],
                sentence=quote(m.sentence_start, m.sentence_start + len(m.sentence)),
                sentence_start=shift(m.sentence_start),
            )
            for m in e.mentions
        ]
        e.status = [
            replace(c, evidence=quoted(c.evidence, c.start), start=span(c.start, c.end)[0], end=span(c.start, c.end)[1])
            for c in e.status
        ]
        e.themes = [
            replace(t, mention_start=None if t.mention_start is None else shift(t.mention_start)) for t in e.themes
        ]
    result.indicators = [
        replace(i, evidence=quote(i.start, i.end), start=span(i.start, i.end)[0], end=span(i.start, i.end)[1])
        for i in result.indicators
    ]
    doc.pinyin = ()
