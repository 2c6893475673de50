"""Turtle: the whole graph for any triple store and for reading (written by pyoxigraph)."""
from __future__ import annotations

FROM_NTRIPLES = True   # needs only the N-Triples file: may run in a worker process
SUFFIX = ".ttl"


def write(kg, nt_path, handle) -> None:
    import pyoxigraph as ox

    from .ntriples import reserialize
    reserialize(nt_path, handle, ox.RdfFormat.TURTLE)
