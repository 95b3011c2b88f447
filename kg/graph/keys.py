"""Short, file-name-safe keys for entity IRIs: the site's page names (entities/<key>.html) and the links to
them from the audit page, which must agree; here, below both, so that either can import it."""

from __future__ import annotations

import hashlib
import re

from kg.namespaces import ENTITY

_PLAIN_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")


def entity_keys(iris: list[str]) -> dict[str, str]:
    """A short, file-name-safe, unique key per entity IRI.

    The IRI's local name when it is plain ASCII (``enterprise-061775117d69``,
    ``park-xinghe``), otherwise ``h-`` and a digest of the IRI: percent-encoded
    names would need encoding again in every link.
    """
    out: dict[str, str] = {}
    taken: set[str] = set()
    for iri in sorted(iris):
        local = iri[len(str(ENTITY)) :] if iri.startswith(str(ENTITY)) else ""
        key = local if _PLAIN_KEY.fullmatch(local) and not local.startswith("h-") else ""
        if not key or key.lower() in taken:  # case-insensitive file systems
            key = "h-" + hashlib.sha1(iri.encode("utf-8")).hexdigest()[:16]
        taken.add(key.lower())
        out[iri] = key
    return out
