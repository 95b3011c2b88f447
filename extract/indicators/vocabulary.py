"""The indicator vocabulary: one concept per indicator, whatever a report calls it.

A county says 地区生产总值, the State Council 国内生产总值, a news digest GDP;
a 2010 report 财政收入, a 2020 one 一般公共预算收入. The plan-versus-actual audit
pairs a target with an actual only through the concept, so the mapping must be
conservative: a name that is merely *about* an indicator (服务业增加值占国内生产总值
比重, 中央财政收入, 高新技术产品出口) must not become that indicator. Hence the
rule: drop the words that only place a name in space or time (全区, 全国, 全年,
其中 …), then the rest must be one of a concept's forms, as a whole.

The vocabulary lives in ``ontology/indicators.tsv`` (its header documents the
columns), read through ``ontology.vocab`` like every TSV vocabulary; ``kg.build``
reads the same file to publish it as SKOS.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ontology.vocab import Term, vocabulary_path
from ontology.vocab import read_vocabulary as read_terms

from ..errors import InputError

MEASURES = ("growth", "level", "rate")

# Words that say where or when, not what: 全区地区生产总值 is 地区生产总值.
_PLACE = re.compile(
    r"^(?:全区|全市|全县|全省|全国|全镇|全州|全旗|全盟|全社会(?=固定资产投资|消费品|研发)|我区|我市|我县|我省|本区|本市|本县"
    r"|全年|年内|当年|今年|去年|上年|年末|年底|其中|累计|共|实现|完成|力争|确保|预计|全口径|同期|年度)+"
)
# Words after a name that say how it is measured, not what it is: 居民消费价格涨幅.
_MEASURE_TAIL = re.compile(r"(?:涨幅|增幅|增速|增长速度|增长幅度|降幅|增长率|总水平|水平|规模)$")


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    zh: str
    en: str
    alt: tuple[str, ...]  # every surface form, the preferred label included
    measures: tuple[str, ...]


def normalise_form(name: str) -> str:
    """The key a name and a form are compared under: no quotes, spaces or notes in brackets, ASCII upper case.

    地区生产总值（GDP） is 地区生产总值; 固定资产投资（不含农户） is 固定资产投资.
    """
    name = re.sub(r"[\s“”\"‘’'《》「」『』]", "", name)
    name = re.sub(r"[（(][^（()）]*[)）]", "", name) or name
    return name.upper()


class Vocabulary:
    """Concepts by id, and the map from surface forms to concepts."""

    def __init__(self, concepts: list[Concept]) -> None:
        self._by_id: dict[str, Concept] = {}
        self._forms: dict[str, Concept] = {}
        self._pattern: re.Pattern | None = None
        for c in concepts:
            if c.id in self._by_id:
                raise InputError(f"indicator vocabulary: id {c.id!r} appears twice")
            self._by_id[c.id] = c
            for form in (c.zh, *c.alt):
                key = normalise_form(form)
                other = self._forms.get(key)
                if other is not None and other.id != c.id:
                    raise InputError(f"indicator vocabulary: form {form!r} names both {other.id} and {c.id}")
                self._forms[key] = c

    def __iter__(self) -> Iterator[Concept]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __getitem__(self, concept_id: str) -> Concept:
        return self._by_id[concept_id]

    def get(self, concept_id: str) -> Concept | None:
        return self._by_id.get(concept_id)

    def form_at(self, text: str, pos: int, end: int | None = None) -> re.Match | None:
        """The longest surface form of any concept starting at ``text[pos]``, if one does."""
        if self._pattern is None:
            forms = sorted({f for c in self for f in (c.zh, *c.alt)}, key=lambda f: (-len(f), f))
            self._pattern = re.compile("|".join(re.escape(f) for f in forms), re.IGNORECASE)
        return self._pattern.match(text, pos, len(text) if end is None else end)

    def match(self, name: str, verb: str = "") -> Concept | None:
        """The concept ``name`` is, or None.

        ``verb`` is a change verb the caller took off the end of the name
        (增长 in 经济增长7%): some indicators are named with it.
        """
        raw = normalise_form(name)
        key = _PLACE.sub("", raw)
        for candidate in (raw, key, _MEASURE_TAIL.sub("", key), key + verb if verb else ""):
            if candidate and candidate in self._forms:
                return self._forms[candidate]
        return None


def concepts_from_terms(terms: Iterable[Term], source: str = "indicators.tsv") -> list[Concept]:
    """Concepts from the rows ``ontology.vocab`` read; raises InputError naming the row at fault."""
    out = []
    for t in terms:
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", t.id):
            raise InputError(f"{source}: id {t.id!r} is not lower-case ASCII with hyphens")
        if not t.en:
            raise InputError(f"{source}: {t.id}: the en label is required")
        measures = tuple(m for m in (t.extra[0] if t.extra else "").split("|") if m)
        if not measures or any(m not in MEASURES for m in measures):
            raise InputError(
                f"{source}: {t.id}: the measure column must be '|'-separated {', '.join(MEASURES)}, "
                f"got {t.extra[0] if t.extra else 'nothing'!r}"
            )
        forms = [t.zh] + [a for a in t.alt if a != t.zh]
        out.append(Concept(id=t.id, zh=t.zh, en=t.en, alt=tuple(dict.fromkeys(forms)), measures=measures))
    return out


def read_vocabulary(path: str) -> Vocabulary:
    """A vocabulary from the TSV file at ``path`` (columns as in ``ontology/indicators.tsv``)."""
    try:
        terms = read_terms(Path(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot read the indicator vocabulary: {exc.strerror}") from None
    except ValueError as exc:
        raise InputError(str(exc)) from None
    return Vocabulary(concepts_from_terms(terms, source=path))


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The project's vocabulary, ``ontology/indicators.tsv``, read once."""
    return read_vocabulary(str(vocabulary_path("indicators")))
