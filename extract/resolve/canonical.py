"""The one name a thing is shown by across the corpus.

The rule, for the forms (``names.normal``) the thing's mentions use in every report:

1. Set aside forms that name a part or carry more than the name: a phase
   (三峡三期工程 names a stage of 三峡工程), and a form that is another form
   of the thing with words in front that are not part of a name (认为兴建三峡工程,
   我国第一个五年计划: ``score.junk_front``).
2. Of the rest, keep the frequent ones: used in at least half as many
   reports as the most used form.
3. Take the fullest (the longest): 南水北调工程 before 南水北调; on a tie the
   one used most recently (a renamed thing is known by its new name), then
   the one used in more reports, then the first in character order.

A ``name`` decision of the curation file overrides the rule. The guards keep
a different thing out of the cluster before this rule runs, so the name
chosen is always the name of this thing.
"""

from __future__ import annotations

from collections.abc import Iterable

from .names import has_phase, normal, without_quotes
from .score import junk_front


def canonical_name(uses: Iterable[tuple[int, str]]) -> str:
    """``uses``: (position of the report in the corpus, a form as written) for every
    name and alias of the thing. Returns the chosen form, as last written."""
    reports: dict[str, set[int]] = {}
    written: dict[str, tuple[int, str]] = {}
    for doc, form in uses:
        n = normal(form)
        if not n:
            continue
        reports.setdefault(n, set()).add(doc)
        shown = without_quotes(form).strip()
        if n not in written or (doc, shown) > written[n]:
            written[n] = (doc, shown)
    if not reports:
        return ""
    forms = sorted(reports)
    kept = [f for f in forms if not has_phase(f) and not _embeds_another(f, forms)] or forms
    top = max(len(reports[f]) for f in kept)
    frequent = [f for f in kept if 2 * len(reports[f]) >= top]
    best = max(frequent, key=lambda f: (len(f), max(reports[f]), len(reports[f]), _reverse(f)))
    return written[best][1]


def _embeds_another(form: str, forms: list[str]) -> bool:
    return any(g != form and len(g) >= 2 and form.endswith(g) and junk_front(form[: -len(g)]) for g in forms)


def _reverse(text: str) -> tuple[int, ...]:
    """A key under which ``max`` picks the first string in character order."""
    return tuple(-ord(ch) for ch in text)
