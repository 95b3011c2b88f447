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

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..load import fold
from ..records import Document, Entity, Mention
from . import gazetteer, heads, lists, roles, routes, select  # noqa: F401  (registers the factories)
from .candidate import CHOSEN, register
from .names import unquote
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


class EntityExtractor:
    """Holds the pipeline and what the first pass learned about the corpus."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp or build_nlp()
        self._docs: dict[str, Doc] = {}

    def first_pass(self, document: Document) -> Doc:
        return self.first_pass_all([document])[0]

    def first_pass_all(self, documents: list[Document],
                       on_each: Callable[[int, Document], None] | None = None) -> list[Doc]:
        """The rules over every document (``nlp.pipe``), and the gazetteer taught
        what they found; ``on_each(i, document)`` as each one is done."""
        gazetteer = self.nlp.get_pipe("policy_gazetteer")
        docs = []
        with self.nlp.select_pipes(enable=list(PIPES)):
            for i, (document, doc) in enumerate(
                    zip(documents, self.nlp.pipe((d.folded for d in documents), batch_size=BATCH_SIZE)), 1):
                self._docs[document.name] = doc
                gazetteer.learn(doc)
                docs.append(doc)
                if on_each is not None:
                    on_each(i, document)
        return docs

    def entities(self, document: Document) -> list[Entity]:
        """Entities of one document, after the corpus-wide second pass."""
        doc = self._docs.get(document.name) or self.first_pass(document)
        self.nlp.get_pipe("policy_gazetteer")(doc)
        self.nlp.get_pipe("policy_select")(doc)
        return group_mentions(document, doc)



def group_mentions(document: Document, doc: Doc) -> list[Entity]:
    text = document.text
    by_key: dict[tuple[str, str], Entity] = {}
    area = document.area and fold(document.area)
    for c in doc._.get(CHOSEN) or []:
        surface = text[c.start:c.end]
        if area and unquote(document.folded[c.start:c.end]) == area:
            continue  # the report's own area (滨海新区, 雄安新区 in its own report) is the place it is about
        canonical = unquote(c.canonical) if c.canonical else unquote(document.folded[c.start:c.end])
        key = (c.type, canonical)
        ent = by_key.get(key)
        if ent is None:
            ent = by_key[key] = Entity(id="", type=c.type, name=unquote(surface))
        sent = document.sentence_at(c.start)
        sec = document.section(sent.section)
        ent.mentions.append(Mention(
            text=surface, start=c.start, end=c.end, type=c.type, rule=c.rule,
            sentence=text[sent.start:sent.end], sentence_start=sent.start,
            section=sec.id, section_title=sec.title, year=sec.year, mode=sec.mode,
        ))
    for ent in by_key.values():
        # the name is the fullest form the document writes, as written
        ent.name = max((unquote(m.text) for m in ent.mentions), key=len)
    return sorted(by_key.values(), key=lambda e: (e.mentions[0].start, e.type))
