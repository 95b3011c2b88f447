"""Plan versus actual: each target paired with the actual of its year, and a verdict.

A report plans year Y (targets) and reviews year Y-1 (actuals), so the target
for Y comes from the report that plans Y and its actual from the report that
reviews Y, a year later. Rows come in as plain ``Observation`` records, read
from the built graph (``observations``; the audit's way) or from extraction
records (``observations_from_results``); the same code pairs both. The audit
files and charts of the verdicts are ``kg.audit.export`` and ``kg.audit.charts``.

Pairing
    Observations pair when they share area, indicator concept, measure and a
    comparable unit (``亿元`` and ``万亿元`` compare, ``%`` and ``个百分点`` do
    not). Only observations with a concept enter: the vocabulary is what says
    two reports speak of the same indicator. Where several reports state a
    target for Y, the one written nearest before Y wins (the plan for Y over a
    five-year plan); where several state the actual, the first report after Y
    (the review of Y over later retrospectives). Within one report the first
    statement wins; other values the same report gives are named in the rule.

Verdict
    ``met`` or ``missed`` when both numbers exist, else ``no data``. Values
    are compared as written: a fall target (单位GDP能耗降低3%, stored as -3)
    is compared on the size of the fall, so 下降3%以上 needs a fall of at least
    3%. Then, with t the target, a the actual:

    - 以上, 不低于: met when a ≥ t (a floor).
    - 以内, 以下, 不超过: met when a ≤ t (a ceiling).
    - 左右, 约: "about t": met unless a falls short of t by more than 5% of t
      on the side that counts as short: 7.5%左右 is met by 7.125% or more, and
      for an indicator where lower is better (CPI, unemployment, energy
      intensity) 3%左右 is met by 3.15% or less. Overshooting on the good side
      is met.
    - no qualifier: met when a reaches t on the good side (a ≥ t, or a ≤ t
      where lower is better).
    - a range t1-t2: met when a reaches the near end on the good side (a ≥ t1,
      or a ≤ t2 where lower is better), with the 5% tolerance if 左右.

    Which side is good: lower is better for the concepts whose ``better``
    column in ontology/indicators.tsv says ``lower`` (prices, unemployment,
    intensities, deficits, emissions, poverty), and for
    any target its report states as a cap (控制在, 以内, 以下, 不超过); higher
    is better otherwise.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from extract.records import DocumentResult
from kg.query.engines import Engine, integer, text
from kg.query.library import run_library
from ontology.vocab import read_vocabulary

MET, MISSED, NO_DATA = "met", "missed", "no data"
TOLERANCE = 0.05  # what 左右 and 约 forgive, as a share of the target
_EPS = 1e-9

# the indicators whose 'better' column in ontology/indicators.tsv says lower
LOWER_IS_BETTER = frozenset(t.id for t in read_vocabulary("indicators") if t.extra[1:2] == ("lower",))
_CAP_WORDS = re.compile(r"控制在|控制|以内|以下|不超过|不高于|压减|压缩")
FLOOR = {"以上", "不低于"}
CEILING = {"以内", "以下", "不超过"}
_ABOUT = {"左右", "约"}

# multipliers in units, so that 亿元 and 万亿元 compare
_MULTIPLIERS = (
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("十亿", 1e9),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("十万", 1e5),
    ("万", 1e4),
    ("千", 1e3),
    ("百", 1e2),
)
# the base unit of a 万 count (万人 → 人); units whose first character is not a multiplier stay whole
_NO_SPLIT = {"千米", "千克", "千瓦", "千瓦时", "百分点"}
# units of one quantity that reports mix: grain in 斤 or 吨, land in 亩 or 公顷
_SAME_THING = {
    "斤": ("吨", 0.0005),
    "公斤": ("吨", 0.001),
    "千克": ("吨", 0.001),
    "公顷": ("亩", 15.0),
    "千米": ("公里", 1.0),
}


@dataclass(frozen=True, slots=True)
class Observation:
    """One indicator value as a report states it: the row the audit reads."""

    report: str  # the report's id (file name or IRI local part)
    area: str | None
    concept: str | None  # id in the indicator vocabulary; rows without one do not pair
    label: str  # the indicator as the report names it
    measure: str  # growth | level | rate
    year: int
    kind: str  # actual | target
    value: float
    value_high: float | None
    unit: str | None
    qualifier: str | None
    evidence: str
    report_year: int | None = None  # the year the report plans; orders competing sources
    start: int = 0  # offsets of the evidence in its report; order statements within one
    end: int = 0


@dataclass(frozen=True, slots=True)
class Verdict:
    """A target and the actual of its year, or whichever of the two exists.

    Values are shown in ``unit``, one unit for the whole series (the one its
    statements use most), so that 万吨 and 亿吨 plot on one axis.
    """

    area: str | None
    concept: str
    measure: str
    unit: str
    year: int
    label: str
    target_value: float | None
    target_high: float | None
    qualifier: str | None
    actual_value: float | None
    verdict: str  # met | missed | no data
    rule: str  # the rule applied, in words, with the numbers
    lower_is_better: bool
    target: Observation | None  # the statements behind the numbers, as the reports give them
    actual: Observation | None


def observations_from_results(results: Iterable[DocumentResult]) -> list[Observation]:
    """Rows from extraction records: one per indicator fact that has a concept."""
    out = []
    for r in results:
        d = r.document
        for i in r.indicators:
            if not i.concept:
                continue
            out.append(
                Observation(
                    report=d.name,
                    area=d.area,
                    concept=i.concept,
                    label=i.indicator,
                    measure=i.measure,
                    year=i.year,
                    kind=i.kind,
                    value=i.value,
                    value_high=i.value_high,
                    unit=i.unit,
                    qualifier=i.qualifier,
                    evidence=i.evidence,
                    report_year=d.plan_year,
                    start=i.start,
                    end=i.end,
                )
            )
    return out


# ---- units -----------------------------------------------------------------------------------


def split_unit(unit: str | None) -> tuple[str, float]:
    """(base unit, factor): 万亿元 → (元, 1e12), 万亿斤 → (吨, 5e8), % → (%, 1)."""
    unit = unit or ""
    factor = 1.0
    if unit not in _NO_SPLIT:
        for prefix, f in _MULTIPLIERS:
            if unit.startswith(prefix) and len(unit) > len(prefix):
                unit, factor = unit[len(prefix) :], f
                break
    if unit in _SAME_THING:
        unit, f = _SAME_THING[unit]
        factor *= f
    return unit, factor


def convert(value: float, unit: str | None, to_unit: str | None) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit``, or None when the two do not compare."""
    base, factor = split_unit(unit)
    to_base, to_factor = split_unit(to_unit)
    if base != to_base:
        return None
    return round(value * factor / to_factor, 10)


# ---- pairing ---------------------------------------------------------------------------------


def pair(rows: Iterable[Observation]) -> list[Verdict]:
    """One verdict per area, concept, measure, unit and year that has a target or an actual.

    Sorted by area, concept, measure, unit and year, so the same rows give the
    same list.
    """
    series: dict[tuple, dict[int, dict[str, list[Observation]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for r in rows:
        if not r.concept or r.kind not in ("target", "actual"):
            continue
        base, _ = split_unit(r.unit)
        series[(r.area or "", r.concept, r.measure, base)][r.year][r.kind].append(r)
    out = []
    for key in sorted(series):
        area, concept, measure, _base = key
        chosen = {}
        for year in sorted(series[key]):
            sides = series[key][year]
            chosen[year] = (
                _choose(sides.get("target", []), year, want="target"),
                _choose(sides.get("actual", []), year, want="actual"),
            )
        units = Counter(o.unit or "" for (t, _), (a, _) in chosen.values() for o in (t, a) if o is not None)
        unit = sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        for year, ((target, t_others), (actual, a_others)) in chosen.items():
            out.append(_verdict(area or None, concept, measure, unit, year, target, actual, t_others, a_others))
    return out


def _choose(rows: list[Observation], year: int, want: str) -> tuple[Observation | None, list[float]]:
    """The statement that counts, and the other values its report gives."""
    if not rows:
        return None, []
    if want == "target":
        before = [r for r in rows if r.report_year is not None and r.report_year <= year]
        pool = before or rows
        best_year = max((r.report_year or 0) for r in pool)
    else:
        after = [r for r in rows if r.report_year is not None and r.report_year > year]
        pool = after or rows
        best_year = min((r.report_year or 0) for r in pool)
    same = sorted(
        (r for r in pool if (r.report_year or 0) == best_year), key=lambda r: (r.report, r.end, r.start, r.value)
    )
    chosen = same[0]
    others = sorted({r.value for r in same if r.report == chosen.report and r.value != chosen.value})
    return chosen, others


def lower_is_better(concept: str, target: Observation | None) -> bool:
    if concept in LOWER_IS_BETTER:
        return True
    if target is not None and (target.qualifier in CEILING or _CAP_WORDS.search(target.evidence or "")):
        return True
    return False


def _verdict(area, concept, measure, unit, year, target, actual, t_others, a_others) -> Verdict:
    low = lower_is_better(concept, target)
    label = (target or actual).label
    t_value = t_high = a_value = None
    if target is not None:
        t_value = convert(target.value, target.unit, unit)
        if target.value_high is not None:
            t_high = convert(target.value_high, target.unit, unit)
    if actual is not None:
        a_value = convert(actual.value, actual.unit, unit)
    notes = []
    if t_others:
        notes.append(f"the plan also states {', '.join(number(v) for v in t_others)}")
    if a_others:
        notes.append(f"the review also states {', '.join(number(v) for v in a_others)}")
    if target is None:
        verdict, rule = NO_DATA, f"no target for {year} in the reports read"
    elif actual is None:
        verdict, rule = NO_DATA, f"no actual for {year} in the reports read"
    else:
        verdict, rule = judge(t_value, t_high, target.qualifier, a_value, low)
    if notes:
        rule += f" ({'; '.join(notes)})"
    return Verdict(
        area=area,
        concept=concept,
        measure=measure,
        unit=unit,
        year=year,
        label=label,
        target_value=t_value,
        target_high=t_high,
        qualifier=target.qualifier if target else None,
        actual_value=a_value,
        verdict=verdict,
        rule=rule,
        lower_is_better=low,
        target=target,
        actual=actual,
    )


def judge(t: float, t_high: float | None, qualifier: str | None, a: float, lower_better: bool) -> tuple[str, str]:
    """The verdict on actual ``a`` against target ``t`` (``t_high`` for a range), with the rule in words.

    A fall target (t < 0) is compared on the size of the fall: the qualifier
    speaks of the number as written (下降3%以上: a fall of 3 or more).
    """
    fall = t < 0 or (t_high is not None and t_high < 0)
    if fall:
        t, a = -t, -a
        t_high = -t_high if t_high is not None else None
        lower_better = not lower_better
    lo, hi = (t, t) if t_high is None else (min(t, t_high), max(t, t_high))
    shown = number(lo) if lo == hi else f"{number(lo)}-{number(hi)}"
    what = "the fall" if fall else "actual"
    if qualifier in FLOOR:
        ok = a >= lo - _EPS
        rule = f"{qualifier}: {what} {number(a)} {'≥' if ok else '<'} {shown}"
    elif qualifier in CEILING:
        ok = a <= hi + _EPS
        rule = f"{qualifier}: {what} {number(a)} {'≤' if ok else '>'} {shown}"
    else:
        tol = TOLERANCE * (abs(lo) if not lower_better else abs(hi)) if qualifier in _ABOUT else 0.0
        if lower_better:
            bound = hi + tol
            ok = a <= bound + _EPS
            sign = "≤" if ok else ">"
        else:
            bound = lo - tol
            ok = a >= bound - _EPS
            sign = "≥" if ok else "<"
        side = "lower is better" if lower_better else "higher is better"
        if qualifier in _ABOUT:
            rule = (
                f"{qualifier}: {what} {number(a)} {sign} {number(bound)} ({shown} less 5% tolerance, {side})"
                if not lower_better
                else f"{qualifier}: {what} {number(a)} {sign} {number(bound)} ({shown} plus 5% tolerance, {side})"
            )
        else:
            rule = f"no qualifier: {what} {number(a)} {sign} {shown} ({side})"
    return (MET if ok else MISSED), rule


def number(v: float | None) -> str:
    """A value as the audit writes it: up to six decimals, no trailing zeros; "" for none."""
    return "" if v is None else f"{round(v, 6):g}"


# ---- from the graph -------------------------------------------------------


def observations(engine: Engine) -> list[Observation]:
    """``Observation`` rows from the graph's indicator observations.

    Only observations whose indicator is a concept of the vocabulary
    (``ontology/indicators.tsv``) enter, as in ``observations_from_results``:
    the concept is what says two reports speak of one indicator.
    """
    out = set()
    for r in run_library(engine, "observations").dicts():
        out.add(
            Observation(
                report=text(r["file"]),
                area=text(r["area"]) or None,
                concept=text(r["concept"]),
                label=text(r["label"]),
                measure=text(r["measure"]),
                year=int(r["year"].value),
                kind=text(r["kind"]),
                value=float(r["value"].value),
                value_high=float(r["high"].value) if r["high"] is not None else None,
                unit=text(r["unit"]) or None,
                qualifier=text(r["qualifier"]) or None,
                evidence=text(r["evidence"]),
                report_year=integer(r["planYear"]),
                start=int(r["start"].value),
                end=int(r["end"].value),
            )
        )
    return sorted(out, key=lambda o: (o.report, o.start, o.end, o.concept, o.kind, o.year, o.value))


def concept_labels(engine: Engine) -> dict[str, dict[str, str]]:
    """concept id → {language: label} for the indicator vocabulary."""
    out: dict[str, dict[str, str]] = {}
    for r in run_library(engine, "concepts", vocabulary="indicators").dicts():
        out[text(r["id"])] = {lang: text(r[lang]) for lang in ("zh", "en") if r[lang] is not None}
    return out
