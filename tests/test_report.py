"""ROBOT's report checks as SPARQL: the committed exports have no ERROR; each defect once seen is caught."""
from __future__ import annotations

import pyoxigraph as ox

from kg.report import RULES, format_table, run_rules

from .conftest import EXPORTS

PREFIXES = """@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix obo: <http://purl.obolibrary.org/obo/> . @prefix oboInOwl: <http://www.geneontology.org/formats/oboInOwl#> .
@prefix oa: <http://www.w3.org/ns/oa#> . @prefix ex: <https://example.org/> .
"""


def violations(turtle: str):
    store = ox.Store()
    store.load(PREFIXES + turtle, format=ox.RdfFormat.TURTLE)
    return {(v.level, v.rule, v.subject) for v in run_rules(store)}


def test_committed_exports_have_no_error():
    store = ox.Store()
    store.bulk_load(path=str(EXPORTS / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    found = run_rules(store)
    assert [v for v in found if v.level == "ERROR"] == []
    # the warnings once seen on the exports are gone too
    assert not {v.rule for v in found} & {"annotation_whitespace", "duplicate_label_synonym", "duplicate_label"}
    assert not [v for v in found if v.rule == "missing_definition" and not v.subject.startswith("concept:")]


def test_duplicate_label_of_a_subproperty_and_its_parent():
    found = violations('ex:partOf a owl:ObjectProperty ; rdfs:label "part of"@en ; rdfs:subPropertyOf obo:BFO_0000050 .'
                       ' obo:BFO_0000050 a owl:ObjectProperty ; rdfs:label "part of"@en .')
    assert ("ERROR", "duplicate_label", "BFO:0000050") in found


def test_missing_label_on_an_evidence_individual():
    found = violations('ex:ev1 a owl:NamedIndividual, oa:Annotation . oa:Annotation a owl:Class ; rdfs:label "a"@en .')
    assert ("ERROR", "missing_label", "https://example.org/ev1") in found


def test_annotation_whitespace_but_not_on_a_datatype_property():
    found = violations('oa:prefix a owl:AnnotationProperty . oa:suffix a owl:DatatypeProperty .'
                       ' ex:q oa:prefix "text before " ; oa:suffix " text after" .')
    assert ("WARN", "annotation_whitespace", "https://example.org/q") in found
    assert len([f for f in found if f[1] == "annotation_whitespace"]) == 1


def test_label_of_one_is_synonym_of_another_case_apart():
    found = violations('ex:Staging a owl:Class ; rdfs:label "staging"@en .'
                       ' ex:staging a owl:Class ; rdfs:label "Cancer staging"@en ; oboInOwl:hasExactSynonym "Staging"@en .')
    assert ("WARN", "duplicate_label_synonym", "https://example.org/Staging") in found


def test_missing_definition_counts_punned_classes():
    found = violations('ex:c a owl:Class, owl:NamedIndividual ; rdfs:label "c"@en .'
                       ' ex:d a owl:Class ; rdfs:label "d"@en ; obo:IAO_0000115 "A d that is defined."@en .')
    assert ("WARN", "missing_definition", "https://example.org/c") in found
    assert not [f for f in found if f[1] == "missing_definition" and f[2].endswith("/d")]


def test_table_is_robots():
    text = format_table(run_rules(ox.Store()))
    assert text.splitlines()[0] == "Level\tRule Name\tSubject\tProperty\tValue"
    assert "ERROR: 0" in text and len(RULES) >= 20
