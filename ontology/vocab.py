"""The TSV vocabularies that both sides read: themes, indicators, statuses, continuity verdicts,
modes, entity types. Each has its one home here; code reads it instead of listing its ids again.

They are TSV rather than Turtle so that ``extract`` can use them without
parsing RDF; ``kg.graph.build`` turns each into a SKOS concept scheme. Columns:
``id<TAB>zh<TAB>en<TAB>alt[<TAB>extra…]`` where ``alt`` is a ``|``-separated
list of keywords or surface forms (``-`` for none); lines starting with ``#``
are comments.
The files ship with the package, so a malformed line is a bug in the
project, reported as a ``ValueError`` naming the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

COLUMNS = ("id", "zh", "en", "alt")


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    zh: str
    en: str
    alt: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()  # columns after ``alt``, e.g. indicators' ``measure``

    @property
    def keywords(self) -> tuple[str, ...]:
        """The zh label and every alt form, longest first, without repeats."""
        forms = dict.fromkeys((self.zh, *self.alt))
        return tuple(sorted((f for f in forms if f), key=lambda f: (-len(f), f)))


def vocabulary_path(name: str) -> Path:
    """Where ``ontology/<name>.tsv`` lives (it need not exist)."""
    return Path(str(resources.files("ontology") / f"{name}.tsv"))


def read_vocabulary(source: str | Path) -> list[Term]:
    """Terms of a vocabulary, by name (``"themes"``) or by path, in file order."""
    path = Path(source)
    if path.suffix != ".tsv" and not path.exists():
        path = vocabulary_path(str(source))
    text = path.read_text(encoding="utf-8")
    terms: list[Term] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 3 or not cols[0] or not cols[1]:
            raise ValueError(f"{path}:{lineno}: expected id, zh, en[, alt] separated by tabs")
        if cols[0] in seen:
            raise ValueError(f"{path}:{lineno}: id {cols[0]!r} appears twice")
        seen.add(cols[0])
        alt_col = cols[3] if len(cols) > 3 and cols[3] != "-" else ""  # "-": no forms
        alt = tuple(a.strip() for a in alt_col.split("|") if a.strip())
        terms.append(Term(id=cols[0], zh=cols[1], en=cols[2], alt=alt, extra=tuple(cols[4:])))
    return terms


@cache
def modes() -> tuple[str, ...]:
    """The modes (ontology/modes.tsv) in the order of time within a year: planned, then reviewed."""
    return tuple(t.id for t in read_vocabulary("modes"))


def optional_vocabulary(name: str) -> list[Term]:
    """A vocabulary that another part of the project may not have written yet."""
    path = vocabulary_path(name)
    return read_vocabulary(path) if path.is_file() else []
