"""Whether two names of one entity are one name written two ways, or a rename.

The resolver (extract.resolve) already says so for each merge it makes
(``Link.kind``); the graph records it as ``pkg:linkKind`` and the site needs
the same judgement for names the resolver never compared (two surfaces of
consecutive years). Both use ``link_kind`` here, so the graph and the site
cannot disagree.

A name's ``variant_key`` sets aside what does not make it another name:
width and traditional forms, spaces and punctuation, quotes and brackets, a
legal suffix (有限公司, 股份, 集团), a head noun (工程, 项目), a phase
(一期, 二期). Two names are variants when their keys are equal or one key is
kept whole inside the other (a place or a qualifier in front, a short form);
otherwise the name changed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import opencc

from ontology.vocab import read_vocabulary

VARIANT, ABBREVIATION, RENAME = "variant", "abbreviation", "rename"
KINDS = tuple(t.id for t in read_vocabulary("link-kinds"))

_MARKS = re.compile(r"[\s\u3000·•・\-—–_“”‘’\"'「」『』《》〈〉（）()\[\]【】、，,。.:：;；!！?？+＋]")
# longest first, stripped from the end again and again (集团股份有限公司 → 集团 → '')
_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "集团公司",
    "有限公司",
    "总公司",
    "分公司",
    "公司",
    "集团",
    "股份",
    "建设项目",
    "建设工程",
    "工程项目",
    "项目",
    "工程",
)
_PHASE = re.compile(r"[一二三四五六七八九十\d]+期$")


@cache
def _t2s():
    return opencc.OpenCC("t2s")  # made once, at the first key


@lru_cache(maxsize=65536)
def variant_key(name: str) -> str:
    """The name with what does not make it another name set aside (see the module docstring)."""
    text = _t2s().convert(unicodedata.normalize("NFKC", name))
    text = _MARKS.sub("", text)
    changed = True
    while changed:
        changed = False
        stripped = _PHASE.sub("", text)
        for suffix in _SUFFIXES:
            if stripped.endswith(suffix) and len(stripped) > len(suffix) + 1:
                stripped = stripped[: -len(suffix)]
                break
        if stripped != text and len(stripped) >= 2:
            text, changed = stripped, True
    return text


def link_kind(a: str, b: str, resolver_kind: str | None = None) -> str:
    """``variant``, ``abbreviation`` or ``rename`` for two names of one entity.

    The resolver's ``abbreviation`` and ``variant`` stand (it knows when each
    form was in use); its ``rename``, and a link it never judged, are checked
    on the names: a rename whose keys are the same or kept one in the other is
    a variant."""
    if resolver_kind in (VARIANT, ABBREVIATION):
        return resolver_kind
    ka, kb = variant_key(a), variant_key(b)
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if ka == kb or (len(short) >= 2 and short in long_):
        return VARIANT
    return RENAME
