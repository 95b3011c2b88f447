"""The curation file: a user's decisions that the automatic resolution obeys.

A file named ``curation.tsv`` in the folder of the reports (the corpus
folder) holds one decision per line; fields are separated by tabs or spaces,
``#`` starts a comment::

    same       西铁城精密机床      西铁城精密数控机床     # one thing, whatever the scores say
    different  泰鼎压光机          泰鼎靴式压榨机        # two things, however alike
    type       齐鲁数谷            PROJECT              # fix the type of every entity so named
    name       西铁城精密机床      西铁城精密数控机床项目  # the canonical name of the thing so named

A name is any name or alias an entity has in any report of the corpus.
Mistakes are reported with the file and line, before anything is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ontology.vocab import read_vocabulary

from .errors import InputError

FILE_NAME = "curation.tsv"
VERBS = ("same", "different", "type", "name")
TYPES = tuple(t.id for t in read_vocabulary("entity-types"))  # ontology/entity-types.tsv


@dataclass(frozen=True, slots=True)
class Decision:
    verb: str
    a: str
    b: str  # second name, type or canonical name
    where: str  # "path:line", for messages


def curation_files(paths) -> list[str]:
    """The curation files beside the given reports, one per folder, sorted."""
    folders = sorted({os.path.dirname(os.path.abspath(p)) for p in paths})
    return [f for f in (os.path.join(d, FILE_NAME) for d in folders) if os.path.isfile(f)]


def read_curation(path: str) -> list[Decision]:
    """Parse one curation file; raise InputError naming the line of the first mistake."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the curation file ({exc})") from None
    out = []
    for n, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"{path}:{n}"
        fields = line.split()
        verb = fields[0].lower()
        if verb not in VERBS:
            raise InputError(f"{where}: unknown decision {fields[0]!r} (use {', '.join(VERBS)})")
        if len(fields) != 3:
            raise InputError(f"{where}: '{verb}' takes two fields after it, found {len(fields) - 1}")
        a, b = fields[1], fields[2]
        if verb == "type" and b.upper() not in TYPES:
            raise InputError(f"{where}: unknown type {b!r} (use {', '.join(TYPES)})")
        if verb in ("same", "different") and a == b:
            raise InputError(f"{where}: '{verb}' needs two different names")
        out.append(Decision(verb, a, b.upper() if verb == "type" else b, where))
    return out


def check_names(decisions: list[Decision], known: set[str]) -> None:
    """Every name a decision refers to must be one the corpus uses."""
    for d in decisions:
        names = (d.a, d.b) if d.verb in ("same", "different") else (d.a,)
        for name in names:
            if name not in known:
                raise InputError(f"{d.where}: no entity is named {name!r} in the corpus")
