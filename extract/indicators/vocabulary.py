"""The indicator vocabulary: one concept per indicator, whatever a report calls it.

A county says 地区生产总值, the State Council 国内生产总值, a news digest GDP;
a 2010 report 财政收入, a 2020 one 一般公共预算收入. The plan-versus-actual audit
pairs a target with an actual only through the concept, so the mapping must be
conservative: a name that is merely *about* an indicator (服务业增加值占国内生产总值
比重, 中央财政收入, 高新技术产品出口) must not become that indicator. Hence the
rule: drop the words that only place a name in space or time (全区, 全国, 全年,
其中 …), then the rest must be one of a concept's forms, as a whole.

The vocabulary lives in ``ontology/indicators.tsv`` (its header documents the
columns); ``kg.build`` reads the same file to publish it as SKOS.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import InputError

MEASURES = ("growth", "level", "rate")

# Words that say where or when, not what: 全区地区生产总值 is 地区生产总值.
_PLACE = re.compile(
    r"^(?:全区|全市|全县|全省|全国|全镇|全州|全旗|全盟|全社会(?=固定资产投资|消费品|研发)|我区|我市|我县|我省|本区|本市|本县"
    r"|全年|年内|当年|今年|去年|上年|年末|年底|其中|累计|共|实现|完成|力争|确保|预计|全口径|同期|年度)+")
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
    """The key a name and a form are compared under: no quotes or spaces, ASCII upper case."""
    name = re.sub(r"[\s“”\"‘’'《》「」『』]", "", name)
    return name.upper()


class Vocabulary:
    """Concepts by id, and the map from surface forms to concepts."""

    def __init__(self, concepts: list[Concept]) -> None:
        self._by_id: dict[str, Concept] = {}
        self._forms: dict[str, Concept] = {}
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


def parse_tsv(text: str, source: str = "indicators.tsv") -> list[Concept]:
    """Concepts from the TSV text; raises InputError naming the line at fault."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 5:
            raise InputError(f"{source} line {n}: expected 5 tab-separated columns (id, zh, en, alt, measure), got {len(cols)}")
        cid, zh, en, alt, measure = (c.strip() for c in cols)
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", cid):
            raise InputError(f"{source} line {n}: id {cid!r} is not lower-case ASCII with hyphens")
        if not zh or not en:
            raise InputError(f"{source} line {n}: zh and en labels are required")
        measures = tuple(m for m in measure.split("|") if m)
        bad = [m for m in measures if m not in MEASURES]
        if bad or not measures:
            raise InputError(f"{source} line {n}: measure must be '|'-separated {', '.join(MEASURES)}, got {measure!r}")
        forms = [zh] + [a for a in (x.strip() for x in alt.split("|")) if a and a != zh]
        out.append(Concept(id=cid, zh=zh, en=en, alt=tuple(dict.fromkeys(forms)), measures=measures))
    return out


def read_vocabulary(path: str) -> Vocabulary:
    """A vocabulary from a TSV file at ``path`` (tests, other vocabularies)."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the indicator vocabulary: {exc.strerror}") from None
    return Vocabulary(parse_tsv(text, source=path))


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The project's vocabulary, ``ontology/indicators.tsv``, read once."""
    text = (resources.files("ontology") / "indicators.tsv").read_text(encoding="utf-8")
    return Vocabulary(parse_tsv(text))
