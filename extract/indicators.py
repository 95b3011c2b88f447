"""Indicator facts: targets and actuals (issue 5 fills this in)."""
from __future__ import annotations

from .records import Document, Indicator


def find_indicators(doc: Document) -> list[Indicator]:
    return []
