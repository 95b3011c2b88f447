"""Named enterprises, parks, projects and programmes, as a spaCy pipeline.

``spacy.blank("zh")`` with one token per character (``tokenizer.py``: offsets
line up with the text, whitespace included) plus the project's own components:

- ``policy_heads``: names found by their head noun;
- ``policy_routes``: roads named by their number (国道210线…段, G5511通辽段);
- ``policy_lists``: coordinated names split and typed;
- ``policy_roles``: headless names typed by their role (partner, honoured firm, event);
- ``policy_select``: overlaps resolved into ``doc.spans["policy"]``;
- ``policy_gazetteer``: names known anywhere in the corpus found again,
  short forms merged with their long forms (run in a second pass).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..load import fold
from ..records import Document, Entity, Mention
from . import gazetteer, heads, lists, roles, routes, select  # noqa: F401  (registers the factories)
from .candidate import CANDIDATES, CHOSEN, Candidate, register
from .dictionary import all_common, is_word
from .names import is_generic, unquote
from .nested import nested_firms
from .repeats import RepeatedNames
from .tokenizer import TOKENIZER

PIPES = ("policy_heads", "policy_routes", "policy_lists", "policy_roles", "policy_select")
LEXICON_PIPES = ("policy_heads", "policy_lists", "policy_roles", "policy_gazetteer")
BATCH_SIZE = 16


def build_nlp(lexicon: str | None = None) -> Language:
    """The extraction pipeline: ``spacy.blank("zh")``, the registered character
    tokenizer and the project's components, configured through spaCy's config
    (``nlp.config`` shows every setting; ``nlp.to_disk`` saves it). ``lexicon``
    is a folder of word lists that replaces the packaged ``extract/lexicon``."""
    register()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    for name in (*PIPES, "policy_gazetteer"):
        nlp.add_pipe(name, config={"lexicon": lexicon} if name in LEXICON_PIPES else {})
    return nlp


KEEP_CHARS = 4_000_000  # characters of Docs kept between the passes, at most


class EntityExtractor:
    """Holds the pipeline and what the first pass learned about the corpus.

    A report of any length is read in chunks that end at a line or sentence
    end (names never cross one), each a Doc of at most CHUNK characters: spaCy
    refuses longer texts (E088). Between the passes the Docs are kept up to
    ``keep_chars`` characters in all (tokenising is a fifth of the work); past
    that only the candidates are, and the second pass tokenises the chunk
    again, so memory grows with what was found, not with the characters read.
    """

    def __init__(self, nlp: Language | None = None, chunk_size: int = 0, keep_chars: int = KEEP_CHARS) -> None:
        self.nlp = nlp or build_nlp()
        self.chunk_size = chunk_size or CHUNK
        self.keep_chars = keep_chars
        self._kept = 0
        self._found: dict[str, list[_Chunk]] = {}
        self.lex = self.nlp.get_pipe("policy_heads").lex
        self.repeats = RepeatedNames(self.lex)

    def first_pass(self, document: Document) -> list[tuple[int, int]]:
        """Run the first pass over one document; the ``[a, b)`` chunks it was read in."""
        self.first_pass_all([document])
        return [(c.start, c.end) for c in self._found[document.name]]

    def first_pass_all(self, documents: list[Document], on_each: Callable[[int, Document], None] | None = None) -> None:
        """The rules over every document (``nlp.pipe``), and the gazetteer taught
        what they found; ``on_each(i, document)`` as each one is done."""
        for d in documents:
            self.forget(d)
        pieces = (
            (d.folded[a:b], (k, a, b)) for k, d in enumerate(documents) for a, b in chunks(d.folded, self.chunk_size)
        )
        done = 0
        with self.nlp.select_pipes(enable=list(PIPES)):
            for doc, (k, a, b) in self.nlp.pipe(pieces, as_tuples=True, batch_size=BATCH_SIZE):
                keep = self._kept + (b - a) <= self.keep_chars
                self._kept += (b - a) if keep else 0
                cands, chosen = list(doc._.get(CANDIDATES) or []), list(doc._.get(CHOSEN) or [])
                self.learn(documents[k], a, b, cands, chosen, doc if keep else None)
                if on_each is not None:
                    while done < k:  # every document before this one is finished
                        done += 1
                        on_each(done, documents[done - 1])
        self.teach_repeated()
        if on_each is not None:
            for i in range(done + 1, len(documents) + 1):
                on_each(i, documents[i - 1])

    def learn(
        self,
        document: Document,
        a: int,
        b: int,
        cands: list[Candidate],
        chosen: list[Candidate],
        doc: Doc | None = None,
    ) -> None:
        """Keep what the rules found in ``document[a:b]`` for the second pass and teach it to the
        gazetteer; ``doc``, when kept, spares the second pass tokenising the chunk again. Chunks
        come in corpus order, from ``first_pass_all`` or from a first pass run elsewhere
        (``extract.scan``)."""
        self._found.setdefault(document.name, []).append(_Chunk(a, b, cands, chosen, doc))
        text = document.folded[a:b]
        self.nlp.get_pipe("policy_gazetteer").learn_from(text, chosen)
        self.repeats.observe(document.name, text)

    def forget(self, document: Document) -> None:
        """Drop what an earlier first pass kept of ``document``: it is read again."""
        self._found[document.name] = []

    def teach_repeated(self) -> None:
        """After the last chunk: the programmes the reports keep carrying out, taught to the gazetteer."""
        gaz = self.nlp.get_pipe("policy_gazetteer")
        repeated = self.repeats.names()
        for name in repeated:
            if name not in gaz.known:
                gaz.teach(name, "PROGRAM")
        # the stems of the names chosen anywhere and of those repetition found (长江经济带发展 → 长江经济带)
        for stem, name in self.repeats.stems({**dict.fromkeys(repeated, "PROGRAM"), **gaz.named}):
            if stem not in gaz.known:
                gaz.teach(stem, "PROGRAM", name)
        for bare, name in self._without_manner(gaz):
            gaz.teach(bare, "PROGRAM", name)

    def _without_manner(self, gaz) -> list[tuple[str, str]]:
        """(form, name) for the programmes known with an adverb of manner in front
        (全面振兴东北地区): the same programme is carried out without it (振兴东北地区等老工业基地)."""
        names = {k.form for k in gaz.known.values() if k.type == "PROGRAM"}  # the trusted forms, not every name chosen
        adverbs = sorted(self.lex.adverbs, key=lambda a: (-len(a), a))  # the longest first
        out = []
        for name in sorted(names):
            adverb = next((a for a in adverbs if name.startswith(a)), "")
            bare = name[len(adverb) :]
            if (
                adverb
                and len(bare) >= 4
                and bare not in gaz.known
                and not all_common(bare)
                and not is_generic(bare, self.lex)
                and not is_word(bare)
            ):
                out.append((bare, name))
        return out

    def entities(self, document: Document) -> list[Entity]:
        """Entities of one document, after the corpus-wide second pass."""
        if document.name not in self._found:
            self.first_pass(document)
        gaz, sel = self.nlp.get_pipe("policy_gazetteer"), self.nlp.get_pipe("policy_select")
        chosen = []
        for c in self._found.pop(document.name):
            doc = c.doc
            if doc is None:
                doc = self.nlp.make_doc(document.folded[c.start : c.end])
                doc._.set(CANDIDATES, c.candidates)
                doc._.set(CHOSEN, c.chosen)
            else:
                self._kept -= c.end - c.start
            sel(gaz(doc))
            chosen.extend(replace(x, start=x.start + c.start, end=x.end + c.start) for x in doc._.get(CHOSEN) or [])
        chosen += nested_firms(document.folded, chosen, self.lex, fold(document.area or ""))
        return group_mentions(document, chosen)


@dataclass(slots=True)
class _Chunk:
    """What the first pass found in ``[start, end)`` of a document."""

    start: int
    end: int
    candidates: list[Candidate]
    chosen: list[Candidate]
    doc: Doc | None  # kept while the budget allows: the second pass need not tokenise again


CHUNK = 200_000
_BREAKS = ("\n", "。", "！", "？", "；")


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, int]]:
    """``[a, b)`` pieces of ``text`` of at most ``size`` characters, each ending at
    a line end, else a sentence end, else (a run with neither) at ``size``."""
    out, a, n = [], 0, len(text)
    while a < n:
        b = min(n, a + size)
        if b < n:
            cut = max(text.rfind(ch, a, b) for ch in _BREAKS)
            if cut > a:
                b = cut + 1
        out.append((a, b))
        a = b
    return out


def group_mentions(document: Document, chosen: list[Candidate]) -> list[Entity]:
    text = document.text
    by_key: dict[tuple[str, str], Entity] = {}
    full: dict[tuple[str, str], str] = {}
    area = document.area and fold(document.area)
    title = _own_title(document)
    for c in chosen:
        if title[0] <= c.start < title[1]:
            continue  # the report's own title: its motto (坚决打赢…攻坚战 为…而努力奋斗), said again in the body
        surface = text[c.start : c.end]
        if area and unquote(document.folded[c.start : c.end]) == area:
            continue  # the report's own area (滨海新区, 雄安新区 in its own report) is the place it is about
        canonical = unquote(c.canonical) if c.canonical else unquote(document.folded[c.start : c.end])
        key = (c.type, canonical)
        ent = by_key.get(key)
        if ent is None:
            ent = by_key[key] = Entity(id="", type=c.type, name=unquote(surface))
        if c.kind == "distributed":
            full[key] = canonical  # an item of a list whose place is written once (大学城实验小学)
        sent = document.sentence_at(c.start)
        sec = document.section(sent.section)
        ent.mentions.append(
            Mention(
                text=surface,
                start=c.start,
                end=c.end,
                type=c.type,
                rule=c.rule,
                sentence=text[sent.start : sent.end],
                sentence_start=sent.start,
                section=sec.id,
                section_title=sec.title,
                year=sec.year,
                mode=sec.mode,
            )
        )
    for k, ent in by_key.items():
        # the name is the fullest form the document writes, as written, or the item of a list
        # with the place the list wrote once
        ent.name = max((unquote(m.text) for m in ent.mentions), key=len)
        if len(full.get(k, "")) > len(ent.name):
            ent.name = full[k]
    return sorted(by_key.values(), key=lambda e: (e.mentions[0].start, e.type))


def _own_title(document: Document) -> tuple[int, int]:
    """Where the report's own title stands in the text, when it does: a report's or a
    digest's title, not a news article's headline, which names what the article is about."""
    source = document.sources.get("title")
    if source is None or source.start is None or document.kind == "news" or "报告" not in (document.title or ""):
        return (0, 0)
    return (source.start, source.start + len(source.words))
