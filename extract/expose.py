"""Give the records back the text the user has: converter pinyin put back.

A page run through a script converter carries pinyin after some characters
(``戰(zhàn)略``). The rules read the report without it (``extract.repair.
strip_pinyin``): a name broken by an annotation is no name to them. But what
the project shows and quotes is the user's text, so once the records are made
the annotations go back into ``Document.text`` and every offset and quote is
moved onto that text: a mention's surface is then ``長光衛(wèi)星`` as written,
while the entity's name stays the repaired ``長光衛星`` (it was chosen from the
text the rules read), and so do the names it is known by (``Entity.aliases``),
an indicator's name, the words a metadata field was read from and section
titles: what is a name or a label is read without the pinyin, what is a
quote of the text (a mention, a sentence, a trigger, evidence) keeps it.
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

    def moved(record, **more):
        start, end = span(record.start, record.end)
        return replace(record, start=start, end=end, **more)

    doc.sections = [moved(s) for s in doc.sections]
    doc.sentences = [moved(s) for s in doc.sentences]
    doc._by_id = {}  # the section index holds the old offsets
    doc.sources = {k: replace(v, start=None if v.start is None else shift(v.start)) for k, v in doc.sources.items()}
    for e in result.entities:
        e.mentions = [
            moved(
                m,
                text=quote(m.start, m.end),
                sentence=quote(m.sentence_start, m.sentence_start + len(m.sentence)),
                sentence_start=shift(m.sentence_start),
            )
            for m in e.mentions
        ]
        e.status = [
            moved(c, evidence=quoted(c.evidence, c.start), trigger=quote(c.start, c.end) if c.trigger else "")
            for c in e.status
        ]
        e.themes = [
            replace(t, mention_start=None if t.mention_start is None else shift(t.mention_start)) for t in e.themes
        ]
    result.indicators = [moved(i, evidence=quote(i.start, i.end)) for i in result.indicators]
    doc.pinyin = ()
