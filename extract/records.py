"""Plain records that leave ``extract`` and enter ``kg``.

They are the seam between the NLP side and the graph side: ``kg`` reads
nothing else from ``extract``. Offsets always refer to ``Document.text``,
the one normalised text the project exposes (see ``extract.load``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ontology.vocab import modes

from .repair import without_pinyin

# Entity types of the annotation guideline; INSTITUTION is recorded, never scored.
ENTITY_TYPES = ("ENTERPRISE", "PARK", "PROJECT", "PROGRAM")

# Each report reviews year Y and plans year Y+1; every mention carries one of these.
REVIEWED = "reviewed"
PLANNED = "planned"
MODES = modes()  # (PLANNED, REVIEWED): their one home and order of time is ontology/modes.tsv


# not frozen, as Sentence below (a frozen record sets each field through object.__setattr__: made
# at two and a half times the cost, and segmentation makes a thousand per corpus), but hashed on
# its fields as one: never changed once segmentation made it (extract.expose makes new ones)
@dataclass(slots=True, unsafe_hash=True)
class Section:
    id: str  # "1", "1.2", "1.2.3": its path in the outline
    level: int  # 1 一、  2 （一）  3 一是  4 1.  5 an unnumbered part or passage
    marker: str  # the numbering as written: "一、", "（二）", "三是", "1."
    title: str  # the heading: text after the marker up to the first full stop
    start: int
    end: int
    parent: str | None
    year: int | None
    mode: str


# not frozen (a report has thousands of sentences, and a frozen record is made at twice the cost),
# but hashed on its fields as one: never changed once segmentation made it
@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    start: int
    end: int
    section: str  # id of the innermost section holding the sentence


# What a document is (extract.kind): a whole report to the congress, a plan
# report (计划执行情况与计划草案), one page of a report split over pages, a news
# article about a report, or a digest of one (摘登, 解读, 要点).
KINDS = ("report", "plan-report", "page", "news", "digest")


@dataclass(frozen=True, slots=True)
class MetaSource:
    """Where one metadata field came from, so a user can see why and override it."""

    rule: str  # which rule gave it: "title", "delivery-line", "congress-session", "override" …
    words: str  # the words it was read from (or the override as given)
    start: int | None = None  # offset of the words in Document.text, when they are in it
    certain: bool = True  # False: an estimate (a warning says so)


@dataclass(slots=True)
class Document:
    path: str
    text: str  # normalised text: every offset refers to it
    folded: str  # same length as text, traditional folded to simplified, for matching
    encoding: str
    script: str  # "simplified" | "traditional"
    title: str | None = None
    area: str | None = None
    reviewed_year: int | None = None
    plan_year: int | None = None
    date: str | None = None  # ISO yyyy-mm-dd, the day the report was delivered
    kind: str | None = None  # one of KINDS
    format: str = "txt"  # what the file was: txt, html, docx, pdf
    area_code: str | None = None  # the division code of the area in the gazetteer (extract.gazetteer)
    sources: dict[str, MetaSource] = field(default_factory=dict)  # field name → where it came from
    furniture: list[str] = field(default_factory=list)  # page-furniture lines dropped from the text (extract.repair)
    # converter pinyin the rules read the text without (offset, annotation); put back by extract.expose
    pinyin: tuple[tuple[int, str], ...] = ()
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _by_id: dict[str, Section] = field(default_factory=dict, repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def section(self, section_id: str) -> Section:
        """The section of that id (an index rebuilt when the sections change: a long report has thousands)."""
        if len(self._by_id) != len(self.sections):
            self._by_id = {s.id: s for s in self.sections}
        return self._by_id[section_id]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset`` (binary search over sorted sentences)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        raise KeyError(offset)


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int
    type: str
    rule: str  # which component found it: a user can see why
    sentence: str
    sentence_start: int
    section: str  # section id
    section_title: str
    year: int | None
    mode: str


@dataclass(frozen=True, slots=True)
class StatusClaim:
    year: int | None
    mode: str
    status: str  # id in the status scheme, e.g. "started", "completed"
    trigger: str  # the words that gave it, e.g. "开工"
    evidence: str  # the sentence
    start: int  # offsets of the trigger
    end: int


@dataclass(frozen=True, slots=True)
class ThemeTag:
    theme: str  # id in the theme scheme
    reason: str  # e.g. "section: （六）… keyword 污染防治"
    mention_start: int | None = None


@dataclass(slots=True)
class Entity:
    """One thing named in one document, with every mention of it there."""

    id: str  # corpus-wide id: the same in every document for the same thing
    type: str
    name: str  # canonical name in this document
    mentions: list[Mention] = field(default_factory=list)
    themes: list[ThemeTag] = field(default_factory=list)
    status: list[StatusClaim] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        """Every name the mentions write, as names are read: a converter's pinyin in a
        mention's surface (長光衛（wèi）星) is not another name."""
        seen: dict[str, None] = {}
        for m in self.mentions:
            seen.setdefault(without_pinyin(m.text), None)
        return list(seen)


@dataclass(frozen=True, slots=True)
class Indicator:
    indicator: str  # the name as the text gives it
    measure: str  # growth | level | rate
    year: int
    kind: str  # actual | target
    value: float
    unit: str | None
    qualifier: str | None
    evidence: str
    start: int
    end: int
    value_high: float | None = None
    concept: str | None = None  # id in the indicator vocabulary, when known
    section: str | None = None
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """Why two names (in one or two documents) were taken for one thing."""

    a: str  # entity key "doc-name#type#name"
    b: str
    rule: str
    score: float
    detail: str
    # "variant": one name written two ways (quotes, legal suffix, place in front, head
    # noun, phase); "abbreviation": a short form of the long one; "rename": the name changed
    kind: str = "rename"


@dataclass(slots=True)
class DocumentResult:
    document: Document
    entities: list[Entity] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    # the sha256 of the inputs of the report's area (``extract.area_cache.area_key``): its
    # records, and so its graph, change only when that does
    partition: str = ""


@dataclass(slots=True)
class CorpusResult:
    documents: list[DocumentResult] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)  # why entities of different reports share an id
    canonical: dict[str, str] = field(default_factory=dict)  # entity id → canonical name
    warnings: list[str] = field(default_factory=list)
    skipped: list = field(default_factory=list)  # extract.inputs.Skipped: files not read, with the reason
    inputs: int = 0  # how many files the arguments named
