"""N-Triples with sorted lines: one triple a line, stable for diffs and bulk loaders."""
from __future__ import annotations

SUFFIX = ".nt"


def write_lines(lines, handle) -> None:
    for line in lines:
        handle.write(line)
        handle.write("\n")


def write(kg, nt_path, handle) -> None:
    from ..graph import nt_lines
    write_lines(nt_lines(kg), _Text(handle))


class _Text:
    def __init__(self, handle):
        self.handle = handle

    def write(self, text: str) -> None:
        self.handle.write(text.encode("utf-8"))
