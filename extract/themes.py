"""Policy themes for each entity, from the headings above it and the sentence around it.

Reports group their work under headings that name the policy (（六）全力抓好污染
防治工作), so a heading is the strongest signal; the sentence adds themes the
heading does not name. Keywords come from ``ontology/themes.tsv``. Matching is
leftmost-longest over all keywords at once, so a short keyword never fires
inside a longer one (环境 inside 营商环境). Every tag keeps its reason, so a
reader can see why an entity sits under a theme.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ontology.vocab import Term, read_vocabulary

from .records import Document, Entity, Mention, Section, ThemeTag

_TITLE_CHARS = 24  # a reason quotes this much of a heading


@dataclass(frozen=True)
class ThemeMatcher:
    """All theme keywords compiled into one alternation, longest first."""

    pattern: re.Pattern
    themes_of: dict[str, tuple[str, ...]]  # keyword -> theme ids, in scheme order
    order: dict[str, int]  # theme id -> position in the scheme

    @classmethod
    def from_terms(cls, terms: Sequence[Term]) -> ThemeMatcher:
        themes_of: dict[str, list[str]] = {}
        for term in terms:
            for kw in term.keywords:
                themes_of.setdefault(kw, []).append(term.id)
        keywords = sorted(themes_of, key=lambda k: (-len(k), k))
        pattern = re.compile("|".join(map(re.escape, keywords))) if keywords else re.compile(r"(?!)")
        return cls(
            pattern=pattern,
            themes_of={k: tuple(v) for k, v in themes_of.items()},
            order={t.id: i for i, t in enumerate(terms)},
        )

    def match(self, text: str) -> dict[str, str]:
        """Theme id -> the first keyword in ``text`` that signals it."""
        found: dict[str, str] = {}
        for m in self.pattern.finditer(text):
            for theme in self.themes_of[m.group(0)]:
                found.setdefault(theme, m.group(0))
        return found


@lru_cache(maxsize=1)
def default_matcher() -> ThemeMatcher:
    return ThemeMatcher.from_terms(read_vocabulary("themes"))


def tag_themes(doc: Document, entities: Sequence[Entity], matcher: ThemeMatcher | None = None) -> None:
    """Fill ``Entity.themes``: one tag per mention and theme, reasons joined.

    Tags follow the entity's mention order, then the scheme's theme order.
    """
    matcher = matcher or default_matcher()
    by_section: dict[str, dict[str, str]] = {}
    by_sentence: dict[int, dict[str, str]] = {}
    for ent in entities:
        tags: list[ThemeTag] = []
        for m in ent.mentions:
            if m.section not in by_section:
                by_section[m.section] = _section_reasons(doc, m.section, matcher)
            if m.sentence_start not in by_sentence:
                by_sentence[m.sentence_start] = _sentence_reasons(doc, m, matcher)
            tags.extend(_merge(by_section[m.section], by_sentence[m.sentence_start], m, matcher))
        ent.themes = tags


def _merge(section: dict[str, str], sentence: dict[str, str], m: Mention, matcher: ThemeMatcher) -> list[ThemeTag]:
    themes = sorted(set(section) | set(sentence), key=matcher.order.__getitem__)
    out = []
    for theme in themes:
        reason = "; ".join(r for r in (section.get(theme), sentence.get(theme)) if r)
        out.append(ThemeTag(theme=theme, reason=reason, mention_start=m.start))
    return out


def _section_reasons(doc: Document, section_id: str, matcher: ThemeMatcher) -> dict[str, str]:
    """Themes named by the headings from the innermost section outwards (the
    nearest heading gives the reason); the whole-document root is no heading."""
    reasons: dict[str, str] = {}
    for sec in _chain(doc, section_id):
        for theme, kw in matcher.match(_folded_title(doc, sec)).items():
            reasons.setdefault(theme, f"section {sec.marker}{_short(sec.title)}: keyword {kw}")
    return reasons


def _sentence_reasons(doc: Document, m: Mention, matcher: ThemeMatcher) -> dict[str, str]:
    text = doc.folded[m.sentence_start : m.sentence_start + len(m.sentence)]
    return {theme: f"sentence: keyword {kw}" for theme, kw in matcher.match(text).items()}


def _folded_title(doc: Document, sec: Section) -> str:
    """The heading as the rules read it (simplified), at the same place in ``folded``."""
    at = doc.text.find(sec.title, sec.start, sec.start + len(sec.title) + 40)  # just after its marker
    return doc.folded[at : at + len(sec.title)] if at >= 0 else sec.title


def _chain(doc: Document, section_id: str | None) -> list[Section]:
    chain = []
    while section_id is not None:
        try:
            sec = doc.section(section_id)
        except KeyError:
            break
        if sec.level == 0:
            break
        chain.append(sec)
        section_id = sec.parent
    return chain


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_CHARS else title[:_TITLE_CHARS] + "…"
