"""Validation: the committed exports pass the SHACL shapes and OBO checks; broken graphs do not."""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDFS

from kg.constants import CONCEPT, KG
from kg.validate import validate

from .conftest import EXPORTS


def test_committed_exports_conform():
    report = validate(EXPORTS / "graph.ttl")
    assert report.conforms, report.text


def test_missing_label_and_bad_statement_are_violations(sample_rdf, tmp_path):
    g = sample_rdf.__class__()
    for t in sample_rdf:
        g.add(t)
    g.remove((CONCEPT["micrometastasis"], RDFS.label, None))
    st = next(g.subjects(KG.polarity, Literal("positive")))
    g.remove((st, KG.hedged, None))
    g.add((CONCEPT["liver"], RDFS.label, Literal("Second label", lang="en")))
    path = tmp_path / "broken.ttl"
    g.serialize(path, format="turtle")
    report = validate(path)
    assert not report.conforms
    assert "exactly one English rdfs:label" in report.text
    assert "hedged" in report.text
    assert "ERROR\tmissing_label\tconcept:micrometastasis\trdfs:label" in report.text
    assert "ERROR\tmultiple_labels\tconcept:liver" in report.text
    assert report.errors >= 2
