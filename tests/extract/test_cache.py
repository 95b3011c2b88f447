"""extract.cache: a second build runs the rules again over the changed report only, and gives the same records."""

from __future__ import annotations

import shutil

from extract.cache import default_cache_dir, fingerprint, open_cache
from extract.contract import corpus_to_json, dumps
from extract.corpus import extract_corpus
from extract.entities import CHUNK


def _json(result) -> str:
    return dumps(corpus_to_json(result))


def test_a_rebuild_after_one_edit_extracts_that_report_only(sample_paths, sample_result, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sample_paths:
        shutil.copy(p, corpus)
    files = sorted(str(p) for p in corpus.glob("*.txt"))
    cold = open_cache(tmp_path / "cache", CHUNK)
    first = extract_corpus(files, cache=cold)
    names = [d.document.name for d in first.documents]
    assert cold.misses == names and cold.hits == []
    warm = open_cache(tmp_path / "cache", CHUNK)
    again = extract_corpus(files, cache=warm)
    assert warm.hits == names and warm.misses == []
    assert _json(again) == _json(first)

    changed = corpus / names[1]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("。", "。推进澜溪新材料产业园建设。", 1), encoding="utf-8")
    after = open_cache(tmp_path / "cache", CHUNK)
    edited = extract_corpus(files, cache=after)
    assert after.misses == [names[1]] and after.hits == [names[0]]
    assert _json(edited) == _json(extract_corpus(files))  # the same records as with no cache at all
    assert "澜溪新材料产业园" in {e.name for d in edited.documents for e in d.entities}


def test_an_entry_that_cannot_be_read_is_a_miss(sample_paths, sample_result, tmp_path):
    cache = open_cache(tmp_path, CHUNK)
    extract_corpus(sample_paths, cache=cache)
    for entry in tmp_path.rglob("*.json"):
        entry.write_text("{half", encoding="utf-8")
    broken = open_cache(tmp_path, CHUNK)
    assert _json(extract_corpus(sample_paths, cache=broken)) == _json(sample_result)
    assert len(broken.misses) == 2 and broken.hits == []


def test_the_fingerprint_follows_the_chunk_size_and_the_cache_sits_beside_the_build_folder(tmp_path):
    assert fingerprint(CHUNK) == fingerprint(CHUNK) != fingerprint(CHUNK // 2)
    assert default_cache_dir(tmp_path / "outputs") == tmp_path / ".kg-cache"
