"""extract.runner.Dask: the per-report first pass on a real local Dask cluster gives the records of one process."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed")

from distributed import Client, LocalCluster  # noqa: E402

from extract.contract import corpus_to_json, dumps  # noqa: E402
from extract.corpus import extract_corpus  # noqa: E402
from extract.errors import InputError  # noqa: E402
from extract.runner import Dask, make_runner  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each: each worker builds its own spaCy pipeline."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


@pytest.mark.slow
def test_a_dask_cluster_extracts_the_same_records_byte_for_byte(cluster, sample_paths, sample_result):
    runner = make_runner(scheduler=cluster.scheduler_address)  # what kg build --scheduler tcp://… does
    try:
        assert runner.workers == 2
        on_cluster = extract_corpus(sample_paths, runner=runner)
        assert dumps(corpus_to_json(on_cluster)) == dumps(corpus_to_json(sample_result))
        pids = set(runner.client.run(lambda: __import__("os").getpid()).values())
        assert len(pids) == 2 and __import__("os").getpid() not in pids  # the work ran in other processes
    finally:
        runner.close()


def test_results_come_back_in_the_order_given(cluster):
    with Client(cluster) as client:
        assert Dask(client).map(abs, [-3, 2, -1, 0, -7]) == [3, 2, 1, 0, 7]


def test_an_unreachable_scheduler_is_one_line():
    with pytest.raises(InputError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        Dask("tcp://127.0.0.1:9", timeout=1)
