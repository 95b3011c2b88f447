"""For each report: was a part reviewing its year found, and how many characters does it cover?

Statuses and the audit rest on the mode of each section: a report whose review
is not found as one has every follow-up called silent. Run on the national
corpus (issue 12.3):

    .venv/bin/python scripts/review_parts.py ../shared/corpus/national/*.txt
"""

from __future__ import annotations

import sys

from extract.load import load_file
from extract.meta import read_metadata
from extract.records import REVIEWED
from extract.segment import segment


def reviewed_chars(doc) -> int:
    """Characters of the text lying in a reviewed section (nested ones counted once)."""
    covered = bytearray(len(doc.text))
    for s in doc.sections:
        if s.mode == REVIEWED and s.id != "0":
            covered[s.start : s.end] = b"\x01" * (s.end - s.start)
    return sum(covered)


def main(paths: list[str]) -> None:
    found = 0
    for path in paths:
        doc = load_file(path)
        read_metadata(doc)
        segment(doc)
        n = reviewed_chars(doc)
        found += n > 0
        print(f"{doc.name}\t{'yes' if n else 'NO'}\t{n}\t{len(doc.text)}\t{n / len(doc.text):.0%}")
    print(f"reviewed part found in {found} of {len(paths)} reports")


if __name__ == "__main__":
    main(sys.argv[1:])
