"""N-Triples with sorted lines: one triple a line, stable for diffs and bulk loaders."""
from __future__ import annotations

import weakref

SUFFIX = ".nt"
_cache: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def sorted_lines(rdf) -> list[str]:
    """The graph's N-Triples lines, sorted (subject first), computed once per graph."""
    lines = _cache.get(rdf)
    if lines is None:
        lines = sorted(set(line for line in rdf.serialize(format="nt").splitlines() if line.strip()))
        _cache[rdf] = lines
    return lines


def render(kg, rdf) -> str:
    return "\n".join(sorted_lines(rdf)) + "\n"
