"""Sorting through runs on disk gives what sorting in memory gives."""
from __future__ import annotations

import random

import pytest


@pytest.mark.parametrize("unique", [True, False])
@pytest.mark.parametrize("fan_in", [2, 3, 400])
def test_runs_merged_equal_a_sort_in_memory(tmp_path, monkeypatch, unique, fan_in):
    import kg.runs
    from kg.runs import LineSorter
    monkeypatch.setattr(kg.runs, "MERGE_FAN_IN", fan_in)
    rng = random.Random(fan_in)
    lines = [f"<s{rng.randrange(300)}> p \"é{rng.randrange(50)}\" ." for _ in range(3000)] + ["", "a", "a "]
    sorter = LineSorter(tmp_path, "t", unique=unique, run_chars=2000)
    for i in range(0, len(lines), 37):
        sorter.add(lines[i:i + 37])
    assert len(sorter.runs) > 10
    got = list(sorter.merged())
    assert got == (sorted(set(lines)) if unique else sorted(lines))
    assert list(tmp_path.iterdir()) == []
