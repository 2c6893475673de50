"""Turtle: the whole graph for any triple store and for reading (written by pyoxigraph)."""
from __future__ import annotations

SUFFIX = ".ttl"


def write(kg, nt_path, handle) -> None:
    import pyoxigraph as ox

    from .ntriples import reserialize
    reserialize(nt_path, handle, ox.RdfFormat.TURTLE)
