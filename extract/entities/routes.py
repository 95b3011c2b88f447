"""Component ``policy_routes``: roads named by their number.

Reports name the sections of a route being built by its national number and
its two ends ("国道210线满都拉口岸至白云鄂博段", "G5511通辽段", "沿边国道G331").
None of these ends in a head noun of the genre, so ``policy_heads`` cannot
find them; the route number says what they are. (A route named by its kind
and a section, "津石高速主线段", is a head-noun name with a tail: heads.py.)
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .candidate import Candidate, candidates, register
from .tokenizer import doc_text

_CJK = r"\u4e00-\u9fff"
# A national or provincial route by number: 国道210线, 省道S305, G5511, G0616, 210国道. Each way of
# writing one opens on its own character, a look-behind after it (G not after a letter or digit:
# G(?<![A-Za-z\d]G) is (?<![A-Za-z\d])G), so that the regex engine rejects most characters at once.
ROUTES = (
    r"国道[GS]?\d{1,4}线?",
    r"省道[GS]?\d{1,4}线?",
    r"G(?<![A-Za-z\d]G)\d{1,4}(?![\d%])",
    r"S(?<![A-Za-z\d]S)\d{1,4}(?![\d%])",
    r"\d(?<![\d.]\d)\d{2}(?:国道|省道)",
)
ROUTE = "(?:" + "|".join(ROUTES) + ")"
# The section it names: to the next 段 (two ends joined by 至, or a place), short.
SECTION = rf"(?:[{_CJK}]{{1,12}}?至[{_CJK}]{{1,12}}?段|[{_CJK}]{{2,6}}?段)"
_TAIL = rf"(?:(?:改造|改扩建|扩建|改建|提升改造)?{SECTION})?"
# (?:沿边|沿海|沿江|沿黄)?{ROUTE}{_TAIL}, written as one alternative per opening character
NUMBERED_RE = re.compile("|".join([rf"沿[边海江黄]{ROUTE}{_TAIL}", *(route + _TAIL for route in ROUTES)]))
MIN_NUMBERED = 4  # "G6" alone is a route, not a works; with a section ("G6通辽段") it is one


@Language.factory(
    "policy_routes",
    requires=["token.orth"],
    assigns=["doc._.policy_candidates"],
    default_config={"min_numbered": MIN_NUMBERED},
)
def make_routes(nlp: Language, name: str, min_numbered: int):
    """``min_numbered``: the shortest route number taken alone (G6 is a route, not a works)."""
    register()  # the Doc extensions, also when spacy.load builds the component
    return RouteNames(min_numbered)


class RouteNames:
    def __init__(self, min_numbered: int = MIN_NUMBERED):
        self.min_numbered = min_numbered

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)
        text = doc_text(doc)
        for m in NUMBERED_RE.finditer(text):
            if len(m.group(0)) >= self.min_numbered and not _inside_word(text, m.start(), m.end()):
                found.append(Candidate(m.start(), m.end(), "PROJECT", "routes", "", "numbered", priority=1))
        return doc


def _inside_word(text: str, a: int, b: int) -> bool:
    """A route number glued to Latin letters or digits is a model or a code, not a route."""
    return (a > 0 and text[a - 1].isascii() and text[a - 1].isalnum()) or (
        b < len(text) and text[b].isascii() and text[b].isalnum()
    )
