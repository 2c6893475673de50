"""Stopping safely: workers end with their parent (SIGTERM, kill -9), stale temp files go, one build per folder."""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from kg.lifecycle import folder_lock

from .conftest import FIXTURES, ROOT

needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")

# `kg build` of 64 posts whose workers each block in a post for two minutes: it is stopped meanwhile.
SLOW_BUILD = textwrap.dedent("""
    import sys, time
    import kg.pipeline as pipeline
    from kg.cli import main

    def slow(post):
        time.sleep(120)

    pipeline._extract_one = slow
    main(["build", sys.argv[1], "-o", sys.argv[2]])
""")


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(stat.parent.name))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(test, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if test():
            return True
        time.sleep(0.1)
    return test()


@pytest.fixture()
def slow_build(tmp_path):
    import json
    post = json.loads((FIXTURES / "mrd.post.json").read_text())
    posts = tmp_path / "posts.jsonl"
    posts.write_text("".join(json.dumps({**post, "id": i, "link": f"https://example.org/{i}"}) + "\n"
                             for i in range(64)))
    process = subprocess.Popen([sys.executable, "-c", SLOW_BUILD, str(posts), str(tmp_path / "out")], cwd=ROOT,
                               stderr=subprocess.PIPE, text=True)
    workers = []
    try:
        assert wait_until(lambda: len(children(process.pid)) >= 2, 30), "the workers did not start"
        workers = children(process.pid)
        yield process, workers
    finally:   # whatever the test found, leave nothing running
        for pid in [process.pid, *workers]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait(timeout=10)


@needs_proc
def test_workers_end_when_the_parent_is_killed_with_sigkill(slow_build):
    process, workers = slow_build
    process.kill()
    process.wait(timeout=10)
    assert wait_until(lambda: not any(alive(w) for w in workers), 10), "workers outlived their parent"


@needs_proc
@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 1)])
def test_sigterm_or_ctrl_c_stops_the_build_and_its_workers_at_once(slow_build, signum, status):
    process, workers = slow_build
    started = time.monotonic()
    process.send_signal(signum)
    assert process.wait(timeout=20) == status
    assert time.monotonic() - started < 10   # not the two minutes the workers' posts would take
    assert wait_until(lambda: not any(alive(w) for w in workers), 5)
    assert "Traceback" not in process.stderr.read()


def test_temp_files_of_a_stopped_build_are_removed_by_the_next(tmp_path):
    from kg.build import build
    from kg.export import _temp_path

    # every export's temporary name, also of exports not named .graph.* (regression: the SSSOM mappings)
    stale = [_temp_path(tmp_path / "graph.ttl"), _temp_path(tmp_path / "source.nt"),
             _temp_path(tmp_path / "mappings.sssom.tsv")]
    other = tmp_path / "notes.tmp"
    other.write_text("mine")
    build([str(FIXTURES / "mrd.post.json")], tmp_path)
    assert not any(p.exists() for p in stale)
    assert other.exists() and (tmp_path / "graph.ttl").is_file()
    assert not (tmp_path / ".kg-build.lock").exists()   # the lock exists only while a build holds it


def test_a_second_build_into_the_same_folder_waits_for_the_first(tmp_path, caplog):
    from kg.build import build

    done = threading.Event()
    with folder_lock(tmp_path):   # the first build, still writing
        thread = threading.Thread(target=lambda: (build([str(FIXTURES / "mrd.post.json")], tmp_path), done.set()))
        with caplog.at_level(logging.WARNING):
            thread.start()
            assert not done.wait(1.5)
        assert not (tmp_path / "graph.ttl").exists()
    thread.join(30)
    assert done.is_set() and (tmp_path / "graph.ttl").is_file()
    assert "another kg build is writing into this folder" in caplog.text


def test_the_lock_is_taken_again_after_its_file_was_replaced(tmp_path):
    with folder_lock(tmp_path):
        pass
    with folder_lock(tmp_path):
        assert (tmp_path / ".kg-build.lock").exists()
    assert os.listdir(tmp_path) == []
