"""Stopping safely: workers that end with their parent, SIGTERM as an exit that runs clean-up, a lock per output folder."""
from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from pathlib import Path

from .constants import BUILD_LOCK_NAME

log = logging.getLogger(__name__)
PARENT_CHECK_S = 0.5
_held = threading.local()   # the folders whose lock this thread holds (taken again, it is not waited for)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)   # the parent died (even of kill -9): nobody wants the results


def _start_worker(initializer, initargs) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C reaches the whole group: the parent decides
    for sig in (signal.SIGTERM, signal.SIGHUP):      # not the parent's handlers (stop_on_signals): just end
        signal.signal(sig, signal.SIG_DFL)
    threading.Thread(target=_watch, args=(os.getppid(),), name="kg-parent-watch", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


@contextlib.contextmanager
def worker_pool(processes: int, initializer=None, initargs: tuple = ()):
    """A multiprocessing Pool whose workers end with their parent, and at once when the block is left early.

    (multiprocessing.Pool rather than ProcessPoolExecutor: it can terminate its workers.)
    """
    import multiprocessing

    pool = multiprocessing.Pool(processes, initializer=_start_worker, initargs=(initializer, initargs))
    try:
        yield pool
    except BaseException:   # an error, Ctrl-C, SIGTERM, or the consumer of a generator gone
        pool.terminate()
        pool.join()
        raise
    pool.close()
    pool.join()


def _exit_on_signal(signum, frame) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def stop_on_signals():
    """SIGTERM and SIGHUP raise SystemExit, so that finally-blocks run: workers stop, temporary files go."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _exit_on_signal) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def folder_lock(folder: Path):
    """Hold the output folder's lock; a second build into the same folder waits (and says so).

    The lock file exists only while a build holds it: it is removed before the lock is released,
    and a build that locked a file removed meanwhile tries again with the new one. A thread that
    holds the lock may take it again (a build, then its export stage).
    """
    import fcntl

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    held = _held.__dict__.setdefault("folders", set())
    key = folder.resolve()
    if key in held:
        yield
        return
    path = folder / BUILD_LOCK_NAME
    warned = False
    while True:
        handle = open(path, "a+b")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not warned:
                log.warning("%s: another kg build is writing into this folder; waiting for it to finish", folder)
                warned = True
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            current = os.stat(path)
            mine = os.fstat(handle.fileno())
            if (current.st_dev, current.st_ino) == (mine.st_dev, mine.st_ino):
                break
        except FileNotFoundError:
            pass
        handle.close()
    held.add(key)
    try:
        yield
    finally:
        held.discard(key)
        path.unlink(missing_ok=True)
        handle.close()


def remove_stale(folder: Path, patterns: list[str]) -> list[Path]:
    """Remove files a stopped build left (call while holding the folder's lock, so none is in use)."""
    removed = []
    for pattern in patterns:
        for path in sorted(Path(folder).glob(pattern)):
            if path.is_file():
                path.unlink(missing_ok=True)
                removed.append(path)
    if removed:
        log.info("%s: removed %d temporary files of a build that was stopped", folder, len(removed))
    return removed


def die_with_parent() -> None:
    """For subprocess.Popen(preexec_fn=...): on Linux the child gets SIGTERM when its parent dies."""
    import ctypes
    import sys

    if sys.platform.startswith("linux"):
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
