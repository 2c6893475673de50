"""Reading posts on a Dask cluster gives the files a local build gives."""
from __future__ import annotations

import pytest

from kg.errors import KGError

from .conftest import CORPUS, varied_posts, write_jsonl

distributed = pytest.importorskip("distributed")


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def test_a_local_cluster_of_two_worker_processes_builds_the_same_files(tmp_path):
    from kg.build import build
    sources = [str(write_jsonl(tmp_path / "a.jsonl", varied_posts(30))), str(CORPUS)]
    build(sources, tmp_path / "local", workers=1, use_cache=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = build(sources, tmp_path / "dask", cluster=cluster.scheduler_address, use_cache=False)
    assert result.counts["posts"] == 32
    local, dask = _files(tmp_path / "local"), _files(tmp_path / "dask")
    assert local.keys() == dask.keys() and len(local) == 8   # every export, SSSOM (issue 13) too
    for name in local:
        assert local[name] == dask[name], name


def test_ordered_keeps_the_items_order_whatever_finishes_first():
    from concurrent.futures import ThreadPoolExecutor
    from time import sleep

    from kg.cluster import ordered
    with ThreadPoolExecutor(4) as pool:
        got = list(ordered(lambda i: pool.submit(lambda: (sleep(0.01 * (5 - i % 5)), i)[1]), range(12), window=4))
    assert got == list(range(12))


def test_no_scheduler_is_a_one_line_error(tmp_path, monkeypatch):
    import kg.cluster
    from kg.build import build
    monkeypatch.setattr(kg.cluster, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(KGError, match="no Dask scheduler answers"):
        build([str(CORPUS)], tmp_path, cluster="tcp://127.0.0.1:9", use_cache=False)


def test_local_workers_are_the_lifecycle_pool_and_end_when_the_build_stops_early(tmp_path, monkeypatch):
    import multiprocessing

    from kg import lifecycle
    from kg.cluster import run_batches
    from kg.constants import LEXICON_FILE
    from kg.pipeline import read_posts
    pools = []
    real = lifecycle.worker_pool

    def counted(*args, **kwargs):
        pools.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(lifecycle, "worker_pool", counted)
    posts, _ = read_posts([str(write_jsonl(tmp_path / "a.jsonl", varied_posts(24)))])
    batches = run_batches(((i, p, None) for i, p in enumerate(posts)), [LEXICON_FILE], workers=2, serial_below=2)
    assert len(next(batches)) == 8 and pools and pools[0][0] == 2
    assert len(multiprocessing.active_children()) == 2
    batches.close()   # the consumer stops early (an error, Ctrl-C): the workers are terminated at once
    assert multiprocessing.active_children() == []
