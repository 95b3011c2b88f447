"""Indicator facts: targets and actuals, with their year, kind and concept.

``numbers`` reads figures (value, range, unit, qualifier); ``vocabulary``
names the indicator concepts shared across reports (``ontology/indicators.tsv``);
``find`` ties each figure to the indicator it is about and the year it speaks of.
"""

from __future__ import annotations

from .find import find_indicators
from .vocabulary import Concept, Vocabulary, load_vocabulary

__all__ = ["Concept", "Vocabulary", "find_indicators", "load_vocabulary"]
