"""Shared fixtures: where the sample corpus and ../shared live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("POLICY_KG_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "extract" / "samples"


@pytest.fixture(scope="session")
def sample_paths() -> list[str]:
    return sorted(str(p) for p in SAMPLES.glob("*.txt"))


def _shared_corpus(name: str) -> Path:
    """A corpus of ../shared, read at test time (never copied in); the test is skipped without it."""
    d = SHARED / "corpus" / name
    if not d.is_dir():
        pytest.skip(f"../shared/corpus/{name} is not beside the project")
    return d


@pytest.fixture(scope="session")
def national_dir() -> Path:
    return _shared_corpus("national")


@pytest.fixture(scope="session")
def wide_dir() -> Path:
    """The 30 annotated excerpts of reports from 18 provinces."""
    return _shared_corpus("wide")


@pytest.fixture(scope="session")
def sample_result(sample_paths):
    """The extraction of the two sample reports, computed once per session."""
    from extract.corpus import extract_corpus

    return extract_corpus(sample_paths)
