"""Benchmark: one identity per long-lived national initiative, 1954–2025.

For each initiative below, the years the corpus text mentions it are found by
a plain substring search over the reports (quotes and spaces removed,
traditional folded to simplified, full-width folded to half-width), so the
ground truth does not depend on the extractor. Then the extraction is read:
which entity ids carry a name containing one of the initiative's forms, their
canonical names, and the years each covers.

    python bench/initiatives.py [--corpus ../shared/corpus/national] [--json extraction.json] [--list]
                                [--targets targets.tsv] [--pairs pairs.tsv]

Per initiative it prints the ids, and three coverages against the text years:

- ``one id``: the years of its best id (the one covering most text years): what
  a user following one entity sees;
- ``any id``: the years of all its ids together: what extraction found at all
  (``one id`` below ``any id`` is a split that resolution could have joined);
- ids: how many entity ids the initiative is spread over.

Totals: mean ``one id`` coverage, mean ids per initiative, and the
must-not-merge pairs (two things an id must never hold together) found merged.
``--json`` reads a ``kg extract --json`` file instead of extracting (fast reruns).

Each initiative lists the forms that name it (its long form and
abbreviations, as a reader would search for them) and, where its name is part
of another thing's name, the longer strings that name that other thing
(``apart``): 南水北调东线 is a line of the scheme, its own thing; 新世纪第一个五年计划
is the tenth plan, not the first. A text occurrence inside an ``apart`` string
is not a mention of the initiative, and neither is an entity name.

The list below is the one the extractor was tuned against. To measure on a
list it was not tuned to, ``--targets FILE`` replaces it and ``--pairs FILE``
replaces the must-not-merge pairs (each alone: the other stays built in).
Both are UTF-8 text, one record a line; blank lines and lines starting with
``#`` are skipped. A targets line is up to three TAB-separated columns:

    name <TAB> forms, separated by | <TAB> apart strings, separated by |

Missing or empty forms mean the name is the only form; apart may be empty
or left off. A pairs line is two such target rows joined by a column that is
exactly ``||``:

    name <TAB> forms <TAB> apart <TAB> || <TAB> name <TAB> forms <TAB> apart
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "national")

QUOTES = "“”\"‘’'《》「」『』〈〉 \u3000\t\r\n"


@dataclass(frozen=True)
class Target:
    """Something a reader would look up: the strings that name it, and the
    longer strings that contain one of them but name something else."""

    name: str
    forms: tuple[str, ...]
    apart: tuple[str, ...] = ()

    def named_in(self, text: str) -> bool:
        for a in self.apart:
            text = text.replace(a, "\x00")
        return any(f in text for f in self.forms)


def T(name: str, *forms: str, apart: tuple[str, ...] = ()) -> Target:
    return Target(name, forms or (name,), apart)


# Long-lived national initiatives: programmes, strategies, works, reforms.
INITIATIVES = (
    T("三峡工程", "三峡工程", "三峡水利枢纽", "长江三峡", "三峡二期", "三峡三期"),
    T("南水北调", "南水北调", apart=("南水北调东", "南水北调中线", "南水北调西线", "南水北调工程东、中线")),
    T("西气东输", "西气东输", apart=("西气东输二线", "西气东输三线", "西气东输东段", "西气东输西段")),
    T("西电东送"),
    T("西部大开发"),
    T("振兴东北地区等老工业基地", "东北地区等老工业基地", "振兴东北"),
    T("中部地区崛起", "中部地区崛起", "中部崛起"),
    T("脱贫攻坚", "脱贫攻坚", apart=("脱贫攻坚成果", "脱贫攻坚责任制")),
    T("一带一路", "一带一路", "丝绸之路经济带", apart=("一带一路国际合作高峰论坛",)),
    T("雄安新区"),
    T("京津冀协同发展"),
    T("长江经济带"),
    T("粤港澳大湾区"),
    T("长三角一体化", "长三角", "长江三角洲"),
    T("营改增", "营改增", "营业税改征增值税"),
    T("放管服", "放管服", "简政放权、放管结合、优化服务"),
    T("青藏铁路"),
    T("退耕还林"),
    T("天然林保护", "天然林保护", "天然林资源保护"),
    T("载人航天"),
    T("探月工程", "探月工程", "月球探测"),
    T("大众创业万众创新", "大众创业"),
    T("供给侧结构性改革"),
    T("乡村振兴战略", "乡村振兴"),
    T("精准扶贫"),
    T("科教兴国战略", "科教兴国"),
    T("可持续发展战略"),
    T("互联网+行动", "互联网+行动"),
    T("中国制造2025"),
    T("浦东开发开放", "浦东"),
    T("菜篮子工程", "菜篮子", apart=("菜篮子市长负责制",)),
    T("新型农村合作医疗"),
    T("新型农村社会养老保险"),
    T("城镇职工基本医疗保险"),
    T("城镇居民基本医疗保险"),
    T("棚户区改造"),
    T("安居工程"),
    T("农村税费改革"),
    T("上海世博会", "世博会"),
    T("北京奥运会"),
    T("北京冬奥会", "冬奥会"),
    T("社会主义新农村建设", "新农村建设"),
    T("分税制"),
    T("医药卫生体制改革", "医药卫生体制改革", "医改"),
    T("文化体制改革"),
    T("集体林权制度改革"),
    T("扫黑除恶"),
    T("家庭联产承包责任制"),
    T("第一个五年计划", "第一个五年计划", apart=("新世纪第一个五年计划", "苏联第一个五年计划")),
    T("第六个五年计划"),
    T("第七个五年计划"),
    T("十一五规划", "十一五规划", "第十一个五年规划"),
    T("十二五规划", "十二五规划", "第十二个五年规划"),
    T("十三五规划", "十三五规划", "第十三个五年规划"),
)

# Pairs an entity id must never hold together: ordinals, lines, one inserted
# word, coordinated twins, neighbouring programmes.
FIRST_PLAN = INITIATIVES[[t.name for t in INITIATIVES].index("第一个五年计划")]
MUST_NOT_MERGE = (
    (FIRST_PLAN, T("第二个五年计划")),
    (FIRST_PLAN, T("新世纪第一个五年计划")),
    (T("第六个五年计划"), T("第七个五年计划")),
    (T("十一五规划", "十一五"), T("十二五规划", "十二五")),
    (T("十二五规划", "十二五"), T("十三五规划", "十三五")),
    (T("中国农业银行", "农业银行"), T("中国农业发展银行", "农业发展银行")),
    (T("国家开发银行"), T("中国进出口银行", "进出口银行")),
    (T("载人航天"), T("探月工程", "探月工程", "月球探测")),
    (T("南水北调东线"), T("南水北调中线")),
    (T("西气东输"), T("西电东送")),
    (T("退耕还林"), T("退牧还草")),
    (T("天然林保护", "天然林保护", "天然林资源保护"), T("退耕还林")),
    (T("新型农村合作医疗"), T("新型农村社会养老保险")),
    (T("城镇职工基本医疗保险"), T("城镇居民基本医疗保险")),
    (T("北京奥运会"), T("冬奥会")),
    (T("三峡工程", "三峡"), T("小浪底")),
    (T("长江经济带"), T("长三角", "长三角", "长江三角洲")),
    (T("西部大开发"), T("中部地区崛起", "中部地区崛起", "中部崛起")),
)


class TargetsError(ValueError):
    """A targets or pairs file that cannot be read as one (its message names the file and line)."""


def parse_target(cols: list[str], where: str) -> Target:
    """One target from its columns; a name alone is its own only form."""
    if not 1 <= len(cols) <= 3 or not cols[0].strip():
        raise TargetsError(f"{where}: expected name, forms and apart in 1 to 3 TAB-separated columns")
    name = cols[0].strip()
    forms = _bar_list(cols[1]) if len(cols) > 1 else ()
    apart = _bar_list(cols[2]) if len(cols) > 2 else ()
    return Target(name, forms or (name,), apart)


def _bar_list(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def _records(path: str) -> list[tuple[str, list[str]]]:
    """(file:line, TAB-separated columns) of every line that is neither blank nor a comment."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TargetsError(f"{path}: cannot read ({exc.__class__.__name__}: {exc})") from None
    out = [(f"{path}:{n}", line.split("\t")) for n, line in enumerate(lines, 1) if line.strip()]
    return [(w, cols) for w, cols in out if not cols[0].lstrip().startswith("#")]


def read_targets(path: str) -> tuple[Target, ...]:
    """The initiatives of a targets file, in file order."""
    out = tuple(parse_target(cols, where) for where, cols in _records(path))
    if not out:
        raise TargetsError(f"{path}: no targets in the file")
    return out


def read_pairs(path: str) -> tuple[tuple[Target, Target], ...]:
    """The must-not-merge pairs of a pairs file: two target rows either side of a ``||`` column."""
    out = []
    for where, cols in _records(path):
        bars = [i for i, c in enumerate(cols) if c.strip() == "||"]
        if len(bars) != 1:
            raise TargetsError(f"{where}: expected two target rows joined by one TAB-separated || column")
        i = bars[0]
        out.append((parse_target(cols[:i], where), parse_target(cols[i + 1 :], where)))
    if not out:
        raise TargetsError(f"{path}: no pairs in the file")
    return tuple(out)


def plain(text: str) -> str:
    """The text as the search reads it: half-width, simplified, no quotes or spaces."""
    from extract.load import fold

    text = unicodedata.normalize("NFKC", fold(text))
    return "".join(ch for ch in text if ch not in QUOTES)


def report_year(doc: dict) -> int | str:
    return doc.get("plan_year") or doc.get("reviewed_year") or os.path.basename(doc.get("path", ""))


def load(corpus: str, json_path: str | None) -> tuple[dict, dict[int, str]]:
    """The extraction (read or computed) and each report's plain text by year."""
    from extract.contract import corpus_to_json
    from extract.corpus import extract_corpus, read_documents

    paths = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".txt"))
    if not paths:
        sys.exit(f"no .txt reports in {corpus}")
    if json_path:
        with open(json_path, encoding="utf-8") as fh:
            data = json.load(fh)
    else:
        data = corpus_to_json(extract_corpus(paths))
    texts = {}
    for d in read_documents(paths):
        year = d.plan_year or d.reviewed_year or d.name
        texts[year] = plain(d.text)
    return data, texts


def entity_index(data: dict) -> dict[str, dict]:
    """Entity id → its canonical name, plain aliases and years."""
    out: dict[str, dict] = {}
    for doc in data["documents"]:
        year = report_year(doc["doc"])
        for e in doc["entities"]:
            rec = out.setdefault(
                e["id"],
                {
                    "canonical": data.get("canonical", {}).get(e["id"], e["name"]),
                    "aliases": set(),
                    "years": set(),
                    "by_year": defaultdict(set),
                },
            )
            for a in e["aliases"]:
                p = plain(a)
                rec["aliases"].add(p)
                rec["by_year"][year].add(p)
            rec["years"].add(year)
    return out


def measure(target: Target, entities: dict[str, dict], texts: dict) -> dict:
    text_years = {y for y, t in texts.items() if target.named_in(t)}
    ids = {}
    for eid, rec in entities.items():
        years = {y for y, names in rec["by_year"].items() if any(target.named_in(n) for n in names)}
        if years:
            ids[eid] = years
    ordered = sorted(ids, key=lambda i: (-len(ids[i] & text_years), -len(ids[i]), i))
    best = ids[ordered[0]] if ordered else set()
    union = set().union(*ids.values()) if ids else set()
    n = len(text_years)
    return {
        "name": target.name,
        "text_years": sorted(text_years, key=str),
        "ids": [{"id": i, "canonical": entities[i]["canonical"], "years": sorted(ids[i], key=str)} for i in ordered],
        "one_id": len(best & text_years) / n if n else None,
        "any_id": len(union & text_years) / n if n else None,
    }


def merged(a: Target, b: Target, entities: dict[str, dict]) -> list[str]:
    """Ids holding a name of ``a`` (not of ``b``) and a name of ``b`` (not of ``a``):
    a coordination naming both (载人航天与探月工程) is neither."""
    out = []
    for eid, rec in sorted(entities.items()):
        only_a = any(a.named_in(n) and not b.named_in(n) for n in rec["aliases"])
        only_b = any(b.named_in(n) and not a.named_in(n) for n in rec["aliases"])
        if only_a and only_b:
            out.append(eid)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--json", help="read this `kg extract --json` file instead of extracting")
    ap.add_argument("--list", action="store_true", help="list every id of every initiative")
    ap.add_argument("--targets", help="read the initiatives from this TSV file (format above) instead")
    ap.add_argument("--pairs", help="read the must-not-merge pairs from this TSV file (format above) instead")
    a = ap.parse_args(argv)
    try:
        targets = read_targets(a.targets) if a.targets else INITIATIVES
        pairs = read_pairs(a.pairs) if a.pairs else MUST_NOT_MERGE
    except TargetsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    data, texts = load(a.corpus, a.json)
    entities = entity_index(data)

    rows = [measure(t, entities, texts) for t in targets]
    print(f"{'initiative':<16}{'text yrs':>9}{'ids':>5}{'one id':>8}{'any id':>8}  canonical names")
    for r in rows:
        one = "-" if r["one_id"] is None else f"{r['one_id']:.2f}"
        anyc = "-" if r["any_id"] is None else f"{r['any_id']:.2f}"
        names = " | ".join(f"{i['canonical']} ({len(i['years'])})" for i in r["ids"][:4])
        more = f" … +{len(r['ids']) - 4}" if len(r["ids"]) > 4 else ""
        print(f"{r['name']:<16}{len(r['text_years']):>9}{len(r['ids']):>5}{one:>8}{anyc:>8}  {names}{more}")
        if a.list:
            for i in r["ids"]:
                print(f"    {i['id']}  {i['canonical']}  {' '.join(map(str, i['years']))}")
            print(f"    text: {' '.join(map(str, r['text_years']))}")

    print("\nmust not merge:")
    bad = 0
    for x, y in pairs:
        ids = merged(x, y, entities)
        bad += bool(ids)
        print(f"  {x.name} / {y.name}: {'MERGED in ' + ', '.join(ids) if ids else 'apart'}")

    judged = [r for r in rows if r["one_id"] is not None]
    found = [r for r in judged if r["ids"]]
    print(f"\ninitiatives: {len(rows)} ({len(judged)} named in the text, {len(found)} with an entity)")
    if not found:  # a list of one's own may name nothing the corpus or the extraction knows
        print(f"must-not-merge pairs merged: {bad} of {len(pairs)}")
        return 0
    print(
        f"mean year coverage, one id: {statistics.mean(r['one_id'] for r in judged):.3f}"
        f"   (any id: {statistics.mean(r['any_id'] for r in judged):.3f})"
    )
    print(
        f"  over the {len(found)} with an entity: {statistics.mean(r['one_id'] for r in found):.3f}"
        f"   (any id: {statistics.mean(r['any_id'] for r in found):.3f})"
    )
    print(f"ids per initiative: {statistics.mean(len(r['ids']) for r in found):.2f}")
    print(f"must-not-merge pairs merged: {bad} of {len(pairs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
