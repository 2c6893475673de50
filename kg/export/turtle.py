"""Turtle: the whole graph for any triple store and for reading."""
from __future__ import annotations

SUFFIX = ".ttl"


def render(kg, rdf) -> str:
    return rdf.serialize(format="turtle")
