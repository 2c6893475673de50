"""Where a streaming build's posts are read: this process, a local process pool, or a Dask cluster."""
from __future__ import annotations

import contextlib
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from .errors import KGError

log = logging.getLogger(__name__)

BATCH = 8          # posts sent to a worker at once
IN_FLIGHT = 2      # batches per worker waiting or running, so results stream and memory stays flat
CONNECT_TIMEOUT = "20s"


def batches(items: Iterable, size: int = BATCH) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ordered(submit: Callable, items: Iterable, window: int) -> Iterator:
    """submit(item) for each item, at most window at a time; the futures' results in the items' order."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@contextlib.contextmanager
def local_pool(lexicon: Path | Sequence[Path], workers: int):
    """A process pool (lifecycle.worker_pool: its workers end with this process, and at once when the
    build stops early) whose workers hold the lexicon; yields submit(batch) -> future, and its size."""
    from types import SimpleNamespace

    from .lifecycle import worker_pool
    from .pipeline import _init_worker
    from .stream import process_batch

    with worker_pool(workers, _init_worker, (lexicon, True)) as pool:
        yield (lambda batch: SimpleNamespace(result=pool.apply_async(process_batch, (batch,)).get)), workers


@contextlib.contextmanager
def dask_cluster(address: str, lexicon: Path | Sequence[Path]):
    """A Dask cluster at address (a scheduler's tcp://host:port); yields submit(batch) -> future and its worker count."""
    try:
        from distributed import Client
    except ImportError:
        raise KGError("--cluster needs dask.distributed (pip install 'distributed>=2024.1')") from None
    from .cache import fingerprint
    from .lexicon import load_lexicon

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise KGError(f"{address}: no Dask scheduler answers ({exc})") from None
    try:
        workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        token = fingerprint(lexicon)
        # the lexicon travels once to every worker; the workers need kg installed, not its files
        concepts = client.scatter([load_lexicon(lexicon)], broadcast=True)[0]
        yield (lambda batch: client.submit(dask_batch, batch, concepts, token, pure=False)), workers
    finally:
        client.close()


def dask_batch(batch: list, concepts: dict, token: str) -> list:
    """Runs on a Dask worker: make its matcher once per lexicon, then read the batch."""
    from .lexicon import Matcher
    from .pipeline import _worker
    from .stream import process_batch

    if _worker.get("token") != token:
        _worker["concepts"], _worker["matcher"], _worker["token"] = concepts, Matcher(concepts), token
    return process_batch(batch)


def run_batches(tasks: Iterable, lexicon: Path | Sequence[Path], workers: int | None = None, cluster: str | None = None,
                serial_below: int = 64) -> Iterator[list]:
    """Each batch of tasks' results, in order: on the cluster, in a local pool, or here for few posts."""
    from .pipeline import _init_worker
    from .stream import process_batch

    tasks = iter(tasks)
    head = []
    for task in tasks:
        head.append(task)
        if len(head) >= serial_below:
            break
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if cluster is None and (workers <= 1 or len(head) < serial_below):
        _init_worker(lexicon)
        for batch in batches([*head, *tasks]):
            yield process_batch(batch)
        return
    everything = _chain(head, tasks)
    runner = dask_cluster(cluster, lexicon) if cluster else local_pool(lexicon, workers)
    with runner as (submit, n):
        log.info("reading posts on %d workers%s", n, f" of {cluster}" if cluster else "")
        yield from ordered(submit, batches(everything), window=IN_FLIGHT * n)


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest
