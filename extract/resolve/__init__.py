"""Resolution: one id per real-world thing across the corpus, and why (docs/resolution.md).

- ``names``: what of a name may change while the thing stays (its key);
- ``abbreviations``: short forms made of a long form's first characters;
- ``guards``: names alike that name two things;
- ``score``: how alike two names are, variant or rename;
- ``variants``: short and long forms within one report;
- ``cluster``: groups, candidates and clusters across reports, ids and links;
- ``canonical``: the one name a thing is shown by.
"""

from __future__ import annotations

from .canonical import canonical_name
from .cluster import entity_id, resolve
from .names import area_forms, core, key, normal
from .score import ABBREVIATED, RENAME, THRESHOLD, VARIANT, compare, link_kind
from .variants import merge_variants

__all__ = [
    "ABBREVIATED",
    "RENAME",
    "THRESHOLD",
    "VARIANT",
    "area_forms",
    "canonical_name",
    "compare",
    "core",
    "entity_id",
    "key",
    "link_kind",
    "merge_variants",
    "normal",
    "resolve",
]
