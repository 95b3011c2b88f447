"""Firms named inside the projects they run: 陕汽 in 陕汽10万辆商用车.

Reports name a firm's project by the firm and its product or works. The
project is the name; the firm is a thing of its own that other years name
alone (德龙铸业 signs in one report, its 炼钢车间 is built in the next), so it
is recorded too, at the same place, as an enterprise. Only where the text
shows plainly where the firm's name ends: before a capacity ("陕汽10万辆商用车",
"中储粮20万吨粮食储备库").

A brand and its product with no number between ("华能风电", "德龙铸业炼钢车间")
is left alone: the wide set's annotators cut such names as often after the
brand as after its trade (賽盛 of 賽盛電子級碳化硅, 德龙铸业 of 德龙铸业炼钢连铸车间),
and a wrong cut is a wrong firm.
"""

from __future__ import annotations

import re

from .candidate import Candidate
from .dictionary import is_common, is_place_name, is_verb_any, longest_word
from .lexicon import Lexicon
from .names import is_generic, is_place

CAPACITY_RE = re.compile(
    r"([\u4e00-\u9fff]{2,5}?)\d+(?:\.\d+)?(?:万|亿)?(?:辆|吨|台|套|千瓦|兆瓦|平方米|头|只|条|片|件|GW|MW)"
)


def nested_firms(text: str, chosen: list[Candidate], lex: Lexicon, area: str = "") -> list[Candidate]:
    """An enterprise candidate for each firm that opens a chosen project's name
    (not the report's own area: 澜川10万吨污水处理 is the county's)."""
    out = []
    for c in chosen:
        if c.type != "PROJECT":
            continue
        n = _firm_length(text[c.start : c.end], lex)
        if n and not (area and area.startswith(text[c.start : c.start + n])):
            out.append(Candidate(c.start, c.start + n, "ENTERPRISE", "nested", kind="corp"))
    return out


def _firm_length(name: str, lex: Lexicon) -> int:
    m = CAPACITY_RE.match(name)
    if m and _brand(m.group(1), lex):
        return len(m.group(1))
    return 0


def _brand(brand: str, lex: Lexicon) -> bool:
    """Who, not what: no place, no everyday word, no verb opening it (年产, 新建)."""
    return not (
        is_place(brand)
        or is_place_name(brand)
        or is_common(brand)
        or is_generic(brand, lex)
        or is_verb_any(longest_word(brand, 0, len(brand)) or brand[:1])
        or brand[:1] in "年新扩改续"
    )
