"""Graph: concepts as OWL classes, direct edges, statements with evidence; code and schema agree."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.constants import CATEGORIES, CONCEPT, DEFINITION, KG, OA, OBOINOWL, RELATIONS, SCHEMA_FILE
from kg.graph import property_iri, statement_iri
from kg.lexicon import load_lexicon


def test_schema_and_code_name_the_same_relations_and_categories():
    schema = Graph().parse(SCHEMA_FILE)
    names = {str(o) for o in schema.objects(None, KG.relationName)}
    assert names == set(RELATIONS)
    for name in RELATIONS:
        assert (URIRef(property_iri(name)), RDF.type, OWL.ObjectProperty) in schema
        assert (property_iri(name), KG.relationName, Literal(name)) in schema
        assert schema.value(property_iri(name), DEFINITION) is not None
    for category in CATEGORIES:
        assert (KG[category], RDF.type, OWL.Class) in schema
    assert {c.category for c in load_lexicon().values()} <= set(CATEGORIES)


def test_schema_declares_every_annotation_property_used_and_no_double_kinds(sample_rdf):
    kinds = {}
    for kind in (OWL.AnnotationProperty, OWL.ObjectProperty, OWL.DatatypeProperty):
        for p in sample_rdf.subjects(RDF.type, kind):
            assert kinds.setdefault(p, kind) == kind, f"{p} is declared as two kinds of property"
    builtin = {str(RDF), str(RDFS), str(OWL)}
    for p in set(sample_rdf.predicates()):
        if not any(str(p).startswith(ns) for ns in builtin):
            assert p in kinds, f"{p} is used but not declared"


def test_concept_carries_labels_synonyms_xrefs(sample_rdf):
    c = CONCEPT["micrometastasis"]
    g = sample_rdf
    assert (c, RDF.type, OWL.Class) in g and (c, RDFS.subClassOf, KG.SpreadPattern) in g
    assert g.value(c, RDFS.label) == Literal("Micrometastasis", lang="en")
    assert g.value(c, SKOS.prefLabel) == Literal("Micrometastasis", lang="en")
    assert (c, OBOINOWL.hasExactSynonym, Literal("micrometastases", lang="en")) in g
    assert (c, OBOINOWL.hasDbXref, Literal("NCIT:C38486")) in g
    assert (c, SKOS.exactMatch, URIRef("http://purl.obolibrary.org/obo/NCIT_C38486")) in g
    assert str(g.value(c, DEFINITION)).startswith("A very small deposit")
    assert (CONCEPT["minimal_residual_disease"], KG.abbreviation, Literal("MRD")) in g


def test_direct_edges_and_statements(sample_rdf, sample_kg):
    g = sample_rdf
    assert (CONCEPT["micrometastasis"], KG.detectedBy, CONCEPT["immunohistochemistry"]) in g
    assert (CONCEPT["chemotherapy"], RDFS.subClassOf, CONCEPT["systemic_therapy"]) in g
    [a] = [a for a in sample_kg.assertions if (a.subject, a.relation, a.object) ==
           ("micrometastasis", "detected_by", "immunohistochemistry")]
    st = URIRef(statement_iri(a))
    assert g.value(st, KG.subject) == CONCEPT["micrometastasis"] and g.value(st, KG.relation) == KG.detectedBy
    assert g.value(st, KG.polarity) == Literal("positive") and g.value(st, KG.sourceCount) == Literal(1)
    evidence = list(g.objects(st, KG.evidence))
    assert len(evidence) == len(a.evidence) >= 2
    target = g.value(evidence[0], OA.hasTarget)
    selectors = list(g.objects(target, OA.hasSelector))
    types = {t for s in selectors for t in g.objects(s, RDF.type)}
    assert {OA.TextQuoteSelector, OA.TextPositionSelector, OWL.NamedIndividual} == types


def test_negative_relation_is_never_a_direct_edge(sample_rdf, sample_kg):
    negatives = [a for a in sample_kg.assertions if a.polarity == "negative"]
    assert negatives
    for a in negatives:
        prop = RDFS.subClassOf if a.relation == "is_a" else property_iri(a.relation)
        positive_too = any(b.key == (a.subject, a.relation, a.object, "positive") for b in sample_kg.assertions)
        if not positive_too:
            assert (CONCEPT[a.subject], URIRef(prop), CONCEPT[a.object]) not in sample_rdf
        assert sample_rdf.value(URIRef(statement_iri(a)), KG.polarity) == Literal("negative")


def test_axiom_annotations_carry_evidence(sample_rdf):
    axioms = list(sample_rdf.subjects(RDF.type, OWL.Axiom))
    assert axioms
    for ax in axioms[:20]:
        assert sample_rdf.value(ax, OWL.annotatedSource) is not None
        assert sample_rdf.value(ax, KG.evidenceSentence) is not None


def _one_concept_graph(**fields):
    from kg.graph import to_rdf
    from kg.model import Concept, KnowledgeGraph
    concepts = {"metastasis": Concept("metastasis", "Metastasis", "SpreadPattern"),
                "bone_metastasis": Concept("bone_metastasis", "Bone metastasis", "SpreadPattern", **fields)}
    return to_rdf(KnowledgeGraph(concepts=concepts, assertions=[], posts=[]))


def test_source_definition_carries_its_source_and_parents_are_subclasses():
    g = _one_concept_graph(definition="A metastasis in a bone.", definition_source="NCIT:C2946", parents=["metastasis"])
    c = CONCEPT["bone_metastasis"]
    assert str(g.value(c, DEFINITION)) == "A metastasis in a bone."
    assert g.value(c, KG.definitionSource) == URIRef("http://purl.obolibrary.org/obo/NCIT_C2946")
    axiom = g.value(predicate=OWL.annotatedSource, object=c)
    assert g.value(axiom, OWL.annotatedProperty) == DEFINITION
    assert str(g.value(axiom, OBOINOWL.hasDbXref)) == "NCIT:C2946"
    assert (c, RDFS.subClassOf, CONCEPT["metastasis"]) in g


def test_post_definition_is_marked_as_from_that_post(sample_rdf):
    c = CONCEPT["micrometastasis"]
    source = sample_rdf.value(c, KG.definitionSource)
    assert source is not None and "micrometastasis" in str(source)
    assert (source, RDF.type, KG.Post) in sample_rdf
    [axiom] = [a for a in sample_rdf.subjects(OWL.annotatedSource, c)
               if sample_rdf.value(a, OWL.annotatedProperty) == DEFINITION]
    assert str(sample_rdf.value(axiom, KG.evidenceSentence)).startswith("Micrometastasis is a very small deposit")
    # "MRD is a term more commonly used in ..." gives no definition
    assert sample_rdf.value(CONCEPT["minimal_residual_disease"], DEFINITION) is None


def test_evidence_nodes_and_posts_are_labelled(sample_rdf):
    for kind in (OA.Annotation, OA.SpecificResource, OA.TextQuoteSelector, OA.TextPositionSelector, KG.Post):
        nodes = list(sample_rdf.subjects(RDF.type, kind))
        assert nodes and all(sample_rdf.value(n, RDFS.label) is not None for n in nodes), kind
