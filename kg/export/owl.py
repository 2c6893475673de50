"""OWL in RDF/XML: what Protégé, owlready2 and the OWL API load; evidence as owl:Axiom annotations.

Written by pyoxigraph from the sorted N-Triples, so two builds give the same bytes (rdflib's
pretty-xml writer follows its store's order and is not stable across runs).
"""
from __future__ import annotations

from ..constants import PREFIXES
from .ntriples import sorted_lines

SUFFIX = ".owl"


def render(kg, rdf) -> str:
    import pyoxigraph as ox

    triples = ox.parse(("\n".join(sorted_lines(rdf)) + "\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    prefixes = {p: str(ns) for p, ns in sorted(PREFIXES.items())}
    return ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=prefixes).decode("utf-8")
