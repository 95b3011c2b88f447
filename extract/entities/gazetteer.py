"""Component ``policy_gazetteer``: names the corpus already knows, wherever they recur.

A report names a firm in full once (鲁铭高温公司) and by its short form after
(鲁铭高温), and next year's report may only use the short form. After a first
pass over the whole corpus, every name found anywhere, and the short form of
every firm, is looked for in every report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .candidate import CHOSEN, Candidate, candidates
from .lexicon import HARD, Lexicon, lexicon
from .names import is_generic, unquote

MIN_FORM = 3  # shorter forms only where punctuation closes them on both sides


@dataclass(frozen=True, slots=True)
class Known:
    form: str
    type: str
    canonical: str


@Language.factory("policy_gazetteer", requires=["doc._.policy_entities"], assigns=["doc._.policy_candidates"])
def make_gazetteer(nlp: Language, name: str):
    return Gazetteer(lexicon())


class Gazetteer:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.known: dict[str, Known] = {}
        self._re: re.Pattern | None = None

    def learn(self, doc: Doc) -> None:
        """Remember the names chosen in ``doc`` and the short forms of its firms."""
        text = doc.text
        for c in doc._.get(CHOSEN) or []:
            if c.type == "INSTITUTION":
                continue
            name = unquote(text[c.start:c.end])
            if is_generic(name, self.lex):
                continue
            canonical = c.canonical or name
            self._add(name, c.type, canonical)
            if c.type == "ENTERPRISE" and c.head and name.endswith(c.head) and c.kind == "corp":
                short = name[: -len(c.head)]
                if len(short) >= 2 and not is_generic(short, self.lex):
                    self._add(short, c.type, canonical)
        self._re = None

    def _add(self, form: str, typ: str, canonical: str) -> None:
        old = self.known.get(form)
        if old is None or len(canonical) > len(old.canonical):
            self.known[form] = Known(form, typ, canonical)

    def pattern(self) -> re.Pattern | None:
        if self._re is None and self.known:
            forms = sorted(self.known, key=lambda f: (-len(f), f))
            self._re = re.compile("|".join(re.escape(f) for f in forms))
        return self._re

    def __call__(self, doc: Doc) -> Doc:
        rx = self.pattern()
        if rx is None:
            return doc
        text = doc.text
        taken = sorted((c.start, c.end) for c in doc._.get(CHOSEN) or [])
        found = candidates(doc)
        for m in rx.finditer(text):
            a, b = m.start(), m.end()
            if _inside(taken, a, b):
                continue
            form = m.group(0)
            if len(form) < MIN_FORM and not _closed(text, a, b):
                continue
            k = self.known[form]
            found.append(Candidate(a, b, k.type, "gazetteer", priority=0, canonical=k.canonical))
        return doc


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s <= a and b <= e and (s, e) != (a, b) for s, e in spans)


def _closed(text: str, a: int, b: int) -> bool:
    before = text[a - 1] if a else "\n"
    after = text[b] if b < len(text) else "\n"
    return before in HARD and after in HARD
