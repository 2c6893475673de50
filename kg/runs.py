"""Sorting more lines than fit in memory: sorted runs in temporary files, merged into one sorted stream."""
from __future__ import annotations

import heapq
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

RUN_CHARS = 24 * 1024 * 1024   # text held before a run is sorted and written out
MERGE_FAN_IN = 400             # runs merged at once (beyond that, the fewest runs needed are merged first)


class LineSorter:
    """Lines (without newline) added in any order come back sorted, optionally without repeats.

    Lines are kept in memory up to RUN_CHARS characters, then sorted and written to a run file in
    folder; merged() merges the runs and what is left in memory. Lines must not hold a newline.
    """

    def __init__(self, folder: Path, name: str, unique: bool = False, run_chars: int = RUN_CHARS):
        self.folder, self.name, self.unique, self.run_chars = Path(folder), name, unique, run_chars
        self.buffer: list[str] = []
        self.chars = 0
        self.runs: list[Path] = []
        self.added = 0

    def add(self, lines: list[str]) -> None:
        self.buffer.extend(lines)
        self.added += len(lines)
        self.chars += sum(map(len, lines))
        if self.chars >= self.run_chars:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        self.buffer.sort()
        self.runs.append(self._write(self._unique(self.buffer)))
        self.buffer, self.chars = [], 0

    def _write(self, lines: Iterable[str]) -> Path:
        fd, name = tempfile.mkstemp(dir=self.folder, prefix=f"{self.name}-", suffix=".run")
        with open(fd, "w", encoding="utf-8", newline="\n") as out:
            write_lines(out, lines)
        return Path(name)

    def _unique(self, lines: Iterable[str]) -> Iterator[str]:
        if not self.unique:
            yield from lines
            return
        last = None
        for line in lines:
            if line != last:
                yield line
                last = line

    def merged(self) -> Iterator[str]:
        """Every line added, sorted (and unique when asked); the run files are removed as they are used up."""
        self.buffer.sort()
        while len(self.runs) > MERGE_FAN_IN:   # merge some runs into one, so that few files are open at once
            take = min(MERGE_FAN_IN, len(self.runs) - MERGE_FAN_IN + 1)
            group, self.runs = self.runs[:take], self.runs[take:]
            with ExitStack() as stack:
                merged = self._merge(stack, group, [])
                self.runs.append(self._write(self._unique(merged)))
            for path in group:
                os.unlink(path)
        with ExitStack() as stack:
            yield from self._unique(self._merge(stack, self.runs, self.buffer))
        for path in self.runs:
            os.unlink(path)
        self.runs, self.buffer = [], []

    @staticmethod
    def _merge(stack: ExitStack, runs: list[Path], in_memory: list[str]) -> Iterator[str]:
        files = [stack.enter_context(open(path, encoding="utf-8", newline="\n")) for path in runs]
        streams = [(line[:-1] for line in f) for f in files]
        return heapq.merge(*streams, in_memory) if streams else iter(in_memory)


def write_lines(out, lines: Iterable[str], batch_size: int = 20_000) -> int:
    """Write lines (without their line ends) to a text file in batches; returns how many."""
    count, batch = 0, []
    for line in lines:
        batch.append(line)
        if len(batch) >= batch_size:
            out.write("\n".join(batch) + "\n")
            count += len(batch)
            batch = []
    if batch:
        out.write("\n".join(batch) + "\n")
        count += len(batch)
    return count
