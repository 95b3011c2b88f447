"""What the entity tests share: one pipeline, the first pass on a sentence, and
small corpora read through the real loader, metadata reader and segmenter.

Every sentence in these tests is invented: the places (澜川, 霁川, 穗岭, 青河 …),
firms (泓辰, 澜禾, 霁华 …) and programmes are made up, and no sentence follows
one of the sample reports, the wide set or the national reports, so that a
rule passing here is a rule of the genre, not of a document.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.entities import PIPES, EntityExtractor, build_nlp
from extract.entities.candidate import CHOSEN
from extract.load import load_file, load_text
from extract.meta import read_metadata
from extract.records import Document
from extract.segment import segment

DATA = Path(__file__).resolve().parents[2] / "data" / "entities"

# The header of an invented county's plan report: the title gives its area and years.
HEADER = "关于澜川县{0}年度国民经济和社会发展计划执行情况与{1}年计划草案的报告\n一、{0}年计划执行情况\n"


@pytest.fixture(scope="session")
def nlp():
    """The packaged pipeline, built once: its components hold no state between
    documents except the gazetteer, which the single-sentence tests never run."""
    return build_nlp()


def found(nlp, text: str) -> set[tuple[str, str]]:
    """(type, surface) of every name the first pass keeps in ``text``."""
    with nlp.select_pipes(enable=list(PIPES)):
        doc = nlp(text)
    return {(c.type, text[c.start : c.end]) for c in doc._.get(CHOSEN)}


@pytest.fixture(name="found", scope="session")
def found_fixture():
    """``found(nlp, text)``, as a fixture: pytest's importlib mode imports no conftest by name."""
    return found


def document(text: str, name: str = "report.txt") -> Document:
    """A report read as the CLI reads one: loaded, its metadata and sections found."""
    doc = load_text(text, path=name)
    read_metadata(doc)
    segment(doc)
    return doc


def report(reviewed: int, body: str, name: str | None = None) -> Document:
    """A plan report of 澜川县 reviewing ``reviewed`` whose first section is ``body``."""
    return document(HEADER.format(reviewed, reviewed + 1) + body + "\n", name or f"lanchuan-{reviewed}.txt")


def data_file(name: str) -> Document:
    doc = load_file(str(DATA / name))
    read_metadata(doc)
    segment(doc)
    return doc


def corpus_entities(*docs: Document) -> list[set[tuple[str, str]]]:
    """Both passes over ``docs`` as one corpus: (type, name) of each document's entities."""
    ex = EntityExtractor()
    ex.first_pass_all(list(docs))
    return [{(e.type, e.name) for e in ex.entities(d)} for d in docs]


@pytest.fixture(name="document", scope="session")
def document_fixture():
    return document


@pytest.fixture(name="report", scope="session")
def report_fixture():
    return report


@pytest.fixture(name="data_file", scope="session")
def data_file_fixture():
    return data_file


@pytest.fixture(name="corpus_entities", scope="session")
def corpus_entities_fixture():
    return corpus_entities
