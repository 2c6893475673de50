"""OWL in RDF/XML: what Protégé, owlready2 and the OWL API load; evidence as owl:Axiom annotations.

Written by pyoxigraph from the sorted N-Triples, so two builds give the same bytes (rdflib's
pretty-xml writer follows its store's order and is not stable across runs).
"""
from __future__ import annotations

FROM_NTRIPLES = True   # needs only the N-Triples file: may run in a worker process
SUFFIX = ".owl"


def write(kg, nt_path, handle) -> None:
    import pyoxigraph as ox

    from .ntriples import reserialize
    reserialize(nt_path, handle, ox.RdfFormat.RDF_XML)
