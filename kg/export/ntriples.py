"""N-Triples with sorted lines: one triple a line, stable for diffs and bulk loaders."""
from __future__ import annotations

SUFFIX = ".nt"


def write_lines(lines: list[str], handle, batch: int = 20_000) -> None:
    for i in range(0, len(lines), batch):
        handle.write("\n".join(lines[i:i + batch]))
        handle.write("\n")


def write(kg, nt_path, handle) -> None:
    from ..graph import nt_lines
    handle.write(("\n".join(nt_lines(kg)) + "\n").encode("utf-8"))


def reserialize(nt_path, handle, rdf_format) -> None:
    """Stream the sorted N-Triples file into another pyoxigraph format, with the project's prefixes."""
    import pyoxigraph as ox

    from ..constants import PREFIXES
    triples = ox.parse(path=str(nt_path), format=ox.RdfFormat.N_TRIPLES)
    prefixes = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
    ox.serialize(triples, handle, format=rdf_format, prefixes=prefixes)
