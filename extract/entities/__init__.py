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

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..load import fold
from ..records import Document, Entity, Mention
from . import gazetteer, heads, lists, roles, routes, select  # noqa: F401  (registers the factories)
from .candidate import CHOSEN, register
from .names import unquote
from .tokenizer import CharTokenizer

PIPES = ("policy_heads", "policy_routes", "policy_lists", "policy_roles", "policy_select")


def build_nlp() -> Language:
    """The extraction pipeline; no model weights, only the project's components."""
    register()
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    for name in PIPES:
        nlp.add_pipe(name)
    nlp.add_pipe("policy_gazetteer", last=True)
    return nlp


class EntityExtractor:
    """Holds the pipeline and what the first pass learned about the corpus."""

    def __init__(self) -> None:
        self.nlp = build_nlp()
        self._docs: dict[str, Doc] = {}

    def first_pass(self, document: Document) -> Doc:
        with self.nlp.select_pipes(enable=list(PIPES)):
            doc = self.nlp(document.folded)
        self._docs[document.name] = doc
        self.nlp.get_pipe("policy_gazetteer").learn(doc)
        return doc

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
