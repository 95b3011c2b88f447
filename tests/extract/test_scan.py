"""extract.scan: the first pass run report by report elsewhere gives the records of the one-process pass."""

from __future__ import annotations

from extract.contract import corpus_to_json, dumps
from extract.corpus import extract_corpus, read_documents
from extract.entities import EntityExtractor
from extract.runner import Pool, Serial, make_runner
from extract.scan import first_pass


def _entities(extractor, docs):
    return [
        [(e.type, e.name, [(m.start, m.end, m.rule) for m in e.mentions]) for e in extractor.entities(d)] for d in docs
    ]


def test_two_worker_processes_extract_the_same_records_byte_for_byte(sample_paths, sample_result):
    pooled = extract_corpus(sample_paths, runner=Pool(2))
    assert dumps(corpus_to_json(pooled)) == dumps(corpus_to_json(sample_result))
    assert sum(len(d.entities) for d in pooled.documents) > 100  # a corpus with something to find


def test_the_replayed_learning_leaves_the_gazetteer_as_the_one_process_pass_does(sample_paths):
    """Small chunks: a report is many chunks, each learned in turn; the second pass finds the same."""
    docs = read_documents(sample_paths)
    at_once, replayed = EntityExtractor(chunk_size=300), EntityExtractor(chunk_size=300)
    at_once.first_pass_all(docs)
    seen = []
    first_pass(replayed, docs, Pool(2), on_each=lambda i, d: seen.append((i, d.name)))
    assert seen == [(i, d.name) for i, d in enumerate(docs, 1)]
    assert len(replayed._found[docs[0].name]) > 10
    gaz_a, gaz_b = (x.nlp.get_pipe("policy_gazetteer") for x in (at_once, replayed))
    assert gaz_b.known == gaz_a.known and gaz_b.named == gaz_a.named and gaz_a.known
    assert _entities(replayed, docs) == _entities(at_once, docs)


def test_make_runner_reads_jobs():
    assert isinstance(make_runner(1), Serial)
    assert make_runner(3).workers == 3
    assert make_runner().workers >= 1
    assert Pool(2).map(abs, [-3, 2, -1, 0]) == [3, 2, 1, 0]  # in the order given


def test_jobs_below_one_is_an_input_error():
    import pytest

    from extract.errors import InputError

    with pytest.raises(InputError, match="--jobs must be at least 1"):
        make_runner(0)
