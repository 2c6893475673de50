"""Turtle: the whole graph for any triple store and for reading (written by pyoxigraph)."""
from __future__ import annotations

SUFFIX = ".ttl"


def write(kg, nt_path, handle) -> None:
    import pyoxigraph as ox

    from ..constants import PREFIXES
    triples = ox.parse(path=str(nt_path), format=ox.RdfFormat.N_TRIPLES)
    prefixes = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
    ox.serialize(triples, handle, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
