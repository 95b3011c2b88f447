"""Component ``policy_heads``: names found by their head noun.

Every occurrence of a head noun (产业园, 公司, 项目, 攻坚行动 …) proposes the
name that ends in it. When one head is followed, without a boundary, by more
of the name and another head ("产业园" in "海尔家居产业园工业互联网平台"), the
later head ends the name; a park followed by a whole new name
("…产业园区无机非金属材料产业基地") is split into two.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .candidate import Candidate, candidates
from .lexicon import HARD, Lexicon, head_of, lexicon
from .names import acceptable, after_award, has_facility, left_edge, count_before

INTERNAL_GAP = 12  # characters between two heads of one name, at most
SPLIT_GAP = 4  # a park head followed by this many characters and a head: two names


@Language.factory("policy_heads", requires=["doc.text"], assigns=["doc._.policy_candidates"])
def make_heads(nlp: Language, name: str):
    return HeadNames(lexicon())


class HeadNames:
    def __init__(self, lex: Lexicon):
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)
        text = doc.text
        matches = list(self.lex.head_re.finditer(text))
        floor = 0
        for k, m in enumerate(matches):
            nxt = matches[k + 1] if k + 1 < len(matches) else None
            head = head_of(m.group(0), self.lex)
            if nxt is not None and self._joined(text, m.end(), nxt.start()):
                if head.type == "PARK" and nxt.start() - m.end() >= SPLIT_GAP:
                    cand = self.propose(text, m.start(), m.end(), floor)
                    if cand:
                        found.append(cand)
                        floor = m.end()
                continue
            cand = self.propose(text, m.start(), m.end(), floor)
            if cand:
                found.append(cand)
            floor = 0
        return doc

    def _joined(self, text: str, a: int, b: int) -> bool:
        """True when the text between two heads is more of the same name."""
        if b - a > INTERNAL_GAP:
            return False
        gap = text[a:b]
        if any(ch in HARD for ch in gap):
            return False
        return not any(w in gap for w in self.lex.cuts)

    def propose(self, text: str, head_start: int, head_end: int, floor: int) -> Candidate | None:
        lex = self.lex
        head = head_of(text[head_start:head_end], lex)
        edge = left_edge(text, head_start, lex, floor)
        start = edge.start
        if start >= head_start:
            return None
        name = text[start:head_end]
        typ, kind, end = head.type, head.kind, head_end
        if head.text in ("项目", "工程"):
            inner = _inner_head(text, start, head_start, lex)
            if inner is not None and inner.type == "PARK":
                # "海尔家居产业园项目" is the park itself
                typ, kind, end, name = "PARK", inner.kind, head_start, text[start:head_start]
                head = inner
            elif inner is not None and inner.type == "PROGRAM":
                typ, kind = "PROGRAM", "prog"
        if kind == "eng":
            typ = "PROJECT" if has_facility(name[: -len(head.text)], lex) else "PROGRAM"
        if kind in ("title", "build", "park") and typ != "PROGRAM" and after_award(edge.stripped, lex):
            return None
        if count_before(text, start) and kind == "title":
            return None
        if acceptable(name, head.text, typ, kind, lex) is not None:
            return None
        return Candidate(start, end, typ, "heads", head.text, kind, priority=1)


def _inner_head(text: str, start: int, end: int, lex: Lexicon):
    """The head that ends ``text[start:end]``, if it ends in one."""
    for n in range(min(8, end - start), 1, -1):
        h = lex.heads.get(text[end - n:end])
        if h is not None:
            return h
    return None
