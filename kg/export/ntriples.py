"""N-Triples with sorted lines: one triple a line, stable for diffs and bulk loaders."""
from __future__ import annotations

import shutil

SUFFIX = ".nt"


def write_lines(lines: list[str], handle, batch: int = 20_000) -> None:
    for i in range(0, len(lines), batch):
        handle.write("\n".join(lines[i:i + batch]))
        handle.write("\n")


def write(kg, nt_path, handle) -> None:
    """The N-Triples file every format is made from is this format already."""
    with open(nt_path, "rb") as source:
        shutil.copyfileobj(source, handle)


def reserialize(nt_path, handle, rdf_format) -> None:
    """Stream the sorted N-Triples file into another pyoxigraph format, with the project's prefixes."""
    import pyoxigraph as ox

    from ..constants import PREFIX_IRIS
    triples = ox.parse(path=str(nt_path), format=ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples, handle, format=rdf_format, prefixes=PREFIX_IRIS)
