"""Component ``policy_gazetteer``: names the corpus already knows, wherever they recur.

A report names a firm in full once (鲁铭高温公司) and by its short form after
(鲁铭高温), and next year's report may only use the short form. After a first
pass over the whole corpus, every name found anywhere, and the short form of
every firm, is looked for in every report.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .candidate import CHOSEN, Candidate, candidates, register
from .dictionary import all_common, is_place_name, is_word
from .lexicon import HARD, WORKS, Lexicon
from .lexicon import lexicon as load_lexicon
from .names import inside_word, is_generic, is_plan_period, strip_leads, unquote
from .numbered import PROGRAMME_HEADS, coordinations, counted_chars
from .tokenizer import doc_text

MIN_FORM = 3  # shorter forms only where punctuation closes them on both sides
# Names worth looking for everywhere: found by a head noun or typed by a class
# noun. Names guessed from their shape or role stay where they were found.
# A firm is named without its legal form (鲁铭高温公司 → 鲁铭高温); a bank or a
# fund is not named without its head (中国人民银行 is not 中国人民).
LEGAL_FORMS = frozenset({"公司", "有限公司", "股份有限公司", "有限责任公司", "集团公司", "集团有限公司", "集团"})
TRUSTED = {("lists", "class"), ("gazetteer", ""), ("slogan", "slogan"), ("honour", "honour")}


@dataclass(frozen=True, slots=True)
class Known:
    form: str
    type: str
    canonical: str


@Language.factory(
    "policy_gazetteer",
    requires=["doc._.policy_entities"],
    assigns=["doc._.policy_candidates"],
    default_config={"lexicon": None, "min_form": MIN_FORM},
)
def make_gazetteer(nlp: Language, name: str, lexicon: str | None, min_form: int):
    """``min_form``: the shortest known form looked for where no punctuation closes it."""
    register()  # the Doc extensions, also when spacy.load builds the component
    return Gazetteer(nlp, load_lexicon(lexicon), min_form=min_form)


class Gazetteer:
    """The names the corpus taught, looked for again with a PhraseMatcher.

    Forms arrive one report at a time (``learn``), so spaCy's PhraseMatcher is
    the natural index: a new form is one ``add``, with no pattern to recompile.
    What was learned is saved with the pipeline (``nlp.to_disk``) and read back
    by ``spacy.load``: a pipeline can carry one corpus's names to the next.
    """

    def __init__(self, nlp: Language, lex: Lexicon, min_form: int = MIN_FORM):
        self.nlp = nlp
        self.lex = lex
        self.min_form = min_form
        self.known: dict[str, Known] = {}
        self.named: dict[str, str] = {}  # every name the first pass chose anywhere → its type
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._seed()

    def _seed(self) -> None:
        """The national programmes of the lexicon, known before any report is read (kept
        apart from what the corpus taught, which is what a saved pipeline carries)."""
        self.seeds = {form: Known(form, "PROGRAM", form) for form in self.lex.programmes}
        self._shorts: dict[str, str] = {}
        self._shorts_for: tuple[int, int] | None = None  # the index of short forms is built anew
        self._counted_chars: frozenset[str] = frozenset()
        for form in self.seeds:
            self.matcher.add(form, [self.nlp.make_doc(form)])

    def learn(self, doc: Doc) -> None:
        """Remember the headless names chosen in ``doc`` (list items typed by a
        class noun, slogans, honoured firms) and the short forms of its firms."""
        self.learn_from(doc_text(doc), doc._.get(CHOSEN) or [])

    def learn_from(self, text: str, chosen: list[Candidate]) -> None:
        """``learn`` from a chunk's text and the candidates chosen in it, with no Doc
        (a first pass run elsewhere, or read from the cache: ``extract.scan``)."""
        for c in chosen:
            if c.type in ("PROGRAM", "PROJECT") and c.end - c.start >= MIN_FORM:
                self.named.setdefault(unquote(text[c.start : c.end]), c.type)
            if c.type == "INSTITUTION" or (c.rule, c.kind) not in TRUSTED and c.rule != "heads":
                continue
            name = unquote(text[c.start : c.end])
            if is_generic(name, self.lex) or is_word(name) or (c.rule != "heads" and all_common(name)):
                continue  # everyday words and sectors stay where they were found
            canonical = c.canonical or name
            if c.rule != "heads":  # a name with its head is found again by policy_heads wherever it recurs
                self._add(name, c.type, canonical)
            slogan = _quoted(text[c.start : c.end])
            if (
                c.type == "PROGRAM"
                and len(slogan) >= 3
                and not slogan.isascii()
                and not is_word(slogan)
                and not is_plan_period(slogan)
            ):
                self._add(slogan, "PROGRAM", slogan)  # "“双随机、一公开”监管" names "双随机、一公开"
            if c.type == "ENTERPRISE" and c.head in LEGAL_FORMS and name.endswith(c.head):
                short = name[: -len(c.head)]
                if len(short) >= 2 and not is_generic(short, self.lex) and not is_word(short) and not all_common(short):
                    self._add(short, c.type, canonical)  # not "资产管理" of 资产管理公司: everyday words

    def teach(self, form: str, typ: str, canonical: str | None = None) -> None:
        """Learn a name found otherwise than on one Doc (a programme the reports repeat)."""
        self._add(form, typ, canonical or form)

    def _add(self, form: str, typ: str, canonical: str) -> None:
        old = self.known.get(form)
        if old is None and form not in self.seeds:
            patterns = [self.nlp.make_doc(form)]
            if typ == "PROGRAM" and len(form) in (6, 8) and "、" not in form:
                # "大众创业万众创新" is also written "大众创业、万众创新": a pair of halves, one programme
                half = len(form) // 2
                patterns.append(self.nlp.make_doc(f"{form[:half]}、{form[half:]}"))
            self.matcher.add(form, patterns)
        if old is None or len(canonical) > len(old.canonical):
            self.known[form] = Known(form, typ, canonical)

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Known forms in ``doc``, leftmost and longest first, never overlapping."""
        strings = self.nlp.vocab.strings
        found = sorted((start, -end, strings[key]) for key, start, end in self.matcher(doc))
        out, reach = [], 0
        for start, neg_end, form in found:
            if start >= reach:
                out.append((start, -neg_end, form))
                reach = -neg_end
        return out

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        chosen = doc._.get(CHOSEN) or []
        starts = [c.start for c in chosen]  # chosen spans are sorted and disjoint
        found = candidates(doc)
        for a, b, form in self.matches(doc):
            i = bisect.bisect_right(starts, a) - 1
            k = self.known.get(form) or self.seeds[form]
            if i >= 0 and chosen[i].end >= b and (chosen[i].start, chosen[i].end) != (a, b):
                continue  # inside a longer name
            if len(form) < self.min_form and not _closed(text, a, b, k.type == "PROGRAM"):
                continue
            if form not in self.known and _seed_inside_other(text, a, b):
                continue  # 县社会信用体系建设领导小组办公室, 厦门经济特区: an office, a title or a place
            if "、" in text[a:b]:  # the pair written with a 、: one name, not the list the rules read
                found.append(Candidate(a, b, k.type, "gazetteer", kind="joined", priority=3, canonical=k.canonical))
                continue
            found.append(Candidate(a, b, k.type, "gazetteer", priority=0, canonical=k.canonical))
        found.extend(self._owners(text, chosen))
        found.extend(self._coordinations(text, chosen))
        found.extend(self._places_share(text, chosen))
        found.extend(self._abbreviated(text))
        return doc

    def _short_index(self) -> dict[str, str]:
        """Short form → the known programme it names (一带一路; 放管服 → 放管服改革, the form with
        its head where the corpus has one, so that the long coordination and the short form
        of one report are one entity), for the names a coordination may abbreviate. Rebuilt
        as the corpus teaches more."""
        size = (len(self.named), len(self.known))
        if self._shorts_for != size:
            index: dict[str, str] = {}
            programmes = (f for f, t in self.named.items() if t == "PROGRAM")
            learned = (k.form for k in self.known.values() if k.type == "PROGRAM")
            for form in sorted({*programmes, *learned}):
                bare = unquote(form)
                head = next((h for h in PROGRAMME_HEADS if bare.endswith(h) and len(bare) > len(h)), "")
                stem = bare[: len(bare) - len(head)]
                if 3 <= len(stem) <= 12 and not is_word(stem) and len(bare) > len(index.get(stem, "")):
                    index[stem] = bare
            self._shorts, self._shorts_for = index, size
            # the characters counted in the known counted forms (带 and 路 of 一带一路)
            self._counted_chars = counted_chars(index)
        return self._shorts

    def _abbreviated(self, text: str) -> list[Candidate]:
        """ "去产能、去库存、去杠杆、降成本、补短板": a coordination whose short form the corpus
        knows (三去一降一补; 放管服 of 简政放权、放管结合、优化服务改革) is that one programme,
        named at length (``numbered.coordinations``)."""
        shorts = self._short_index()
        if not shorts:
            return []
        found = coordinations(text, shorts, self._counted_chars, lambda a, b: strip_leads(text, a, b, self.lex)[0])
        return [
            Candidate(a, b, "PROGRAM", "gazetteer", kind="abbreviated", priority=3, canonical=form)
            for a, b, form in found
        ]

    def _places_share(self, text: str, chosen) -> list[Candidate]:
        """ "澜川城区老工业区搬迁改造": a place's name before a national programme of the
        lexicon names that place's share of the programme, a programme too, though its
        head (搬迁改造) would make it works."""
        out = []
        for c in chosen:
            if c.type != "PROJECT":
                continue
            name = text[c.start : c.end]
            for form in self.lex.programmes:
                place = name[: -len(form)]
                if name.endswith(form) and 2 <= len(place) <= 6 and (is_place_name(place) or not all_common(place)):
                    out.append(Candidate(c.start, c.end, "PROGRAM", "gazetteer", kind="share", priority=3))
                    break
        return out

    def _named(self, name: str) -> tuple[str | None, str]:
        """The type of ``name`` where the corpus names it, alone or with a programme's head
        (新型农村社会养老保险 is named as 新型农村社会养老保险试点), and the form it is named by."""
        stems = [name[: -len(h)] for h in PROGRAMME_HEADS if name.endswith(h) and len(name) > len(h) + 2]
        # one head or another (城镇居民社会养老保险制度 is named as 城镇居民社会养老保险试点)
        forms = (name, *(name + h for h in PROGRAMME_HEADS), *stems, *(s + h for s in stems for h in PROGRAMME_HEADS))
        for form in (*forms, *_works_forms(name)):
            if form in self.named:
                return self.named[form], form
            if form in self.known:
                return self.known[form].type, form
            if form in self.seeds:
                return "PROGRAM", form
        return None, ""

    def _coordinations(self, text: str, chosen) -> list[Candidate]:
        """ "载人航天与探月工程": a name whose parts before and after 与/和/及 are each a
        whole name elsewhere in the corpus (载人航天, 探月工程) is two names sharing the
        head written once (the first as the text writes it, named by its form with the
        head where the corpus names it so: 长江三峡 of 长江三峡和…工程 is 长江三峡工程).
        Without that evidence, "返贫监测预警和即时帮扶机制" and "…和对外开放攻坚行动" stay
        one name."""
        out = []
        for c in chosen:
            if c.type not in ("PROGRAM", "PROJECT"):
                continue
            for k in range(c.end - 2, c.start + 2, -1):
                if text[k] not in "和与及" or inside_word(text, k, self.lex):
                    continue
                left, right = unquote(text[c.start : k]), unquote(text[k + 1 : c.end])
                typ, form = self._named(left)
                if typ in ("PROGRAM", "PROJECT") and self._named(right)[0]:
                    shared = form[len(left) :] if form.startswith(left) else ""
                    canonical = form if shared and c.head.endswith(shared) else ""
                    if canonical:
                        typ = c.type  # the head written once says what both are
                    out.append(
                        Candidate(c.start, k, typ, "gazetteer", kind="coordinated", priority=3, canonical=canonical)
                    )
                    out.append(Candidate(k + 1, c.end, c.type, "gazetteer", c.head, "coordinated", priority=3))
                break
        return out

    # -- saved with the pipeline
    def to_bytes(self, *, exclude=()) -> bytes:
        rows = [[k.form, k.type, k.canonical] for k in sorted(self.known.values(), key=lambda k: k.form)]
        return srsly.json_dumps({"known": rows, "named": sorted(self.named.items())}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=()) -> Gazetteer:
        self.known = {}
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._seed()
        data = srsly.json_loads(data.decode("utf-8"))
        for form, typ, canonical in data["known"]:
            self._add(form, typ, canonical)
        self.named = dict(data["named"])
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "known.json").write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude=()) -> Gazetteer:
        return self.from_bytes((Path(path) / "known.json").read_bytes())

    def _owners(self, text: str, chosen) -> list[Candidate]:
        """ "广晟玫瑰风情园": a park or project whose name starts with a known firm
        says whose it is; the firm is named there too (as a nested mention)."""
        out = []
        for c in chosen:
            if c.type == "ENTERPRISE":
                continue
            for n in range(min(8, c.end - c.start - 2), 1, -1):
                k = self.known.get(text[c.start : c.start + n])
                if k is not None and k.type == "ENTERPRISE":
                    out.append(
                        Candidate(
                            c.start, c.start + n, k.type, "gazetteer", kind="nested", priority=-1, canonical=k.canonical
                        )
                    )
                    break
        return out


# what a national programme's name opens without naming it: an office, a title conferred, a place
SEED_OPENS = ("领导小组", "办公室", "示范", "工作领导", "考核")


def _seed_inside_other(text: str, a: int, b: int) -> bool:
    """A seeded programme's name at ``[a, b)`` that opens a longer name of another thing
    (…领导小组办公室, …示范县) or closes a place's (厦门经济特区: the zone, not the programme)."""
    if text.startswith(SEED_OPENS, b):
        return True
    return any(is_place_name(text[a - k : a]) for k in (2, 3) if a >= k)


def _works_forms(name: str) -> list[str]:
    """``name`` with its class noun of works written another way or left out, with a head or not
    (黄河小浪底水利水电枢纽工程 is named as …水利枢纽工程; 澜川水利水电枢纽 as 澜川水利枢纽工程)."""
    out = []
    for w in WORKS:
        if w in name:
            for other in (*WORKS, ""):
                if other != w:
                    form = name.replace(w, other)
                    out += [form, form + "工程"]
    return out


def _quoted(name: str) -> str:
    a = name.find("“")
    b = name.find("”", a + 1)
    return name[a + 1 : b] if a >= 0 and b > a + 1 and (a > 0 or b < len(name) - 1) else ""


def _closed(text: str, a: int, b: int, slogan: bool = False) -> bool:
    """A short form stands alone: punctuation on both sides (for a slogan, a
    quote mark on one side will do: scraping often loses the other one)."""
    before = text[a - 1] if a else "\n"
    after = text[b] if b < len(text) else "\n"
    if slogan and (before in "“”" or after in "“”"):
        return True
    return before in HARD and after in HARD
