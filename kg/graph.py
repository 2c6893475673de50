"""Turn a KnowledgeGraph into RDF: OWL classes, direct edges, reified statements and their evidence."""
from __future__ import annotations

import hashlib

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .constants import (CONCEPT, DEFINITION, EVIDENCE, KG, OA, OBOINOWL, PREFIXES, SCHEMA_FILE, STATEMENT,
                        XREF_PREFIXES)
from .errors import LexiconError
from .model import Assertion, Evidence
from .model import KnowledgeGraph


def property_iri(relation: str) -> URIRef:
    """The schema property of a relation name (detected_by -> kg:detectedBy)."""
    head, *rest = relation.split("_")
    return KG[head + "".join(w.title() for w in rest)]


def xref_iri(curie: str) -> URIRef:
    prefix, _, local = curie.partition(":")
    if prefix not in XREF_PREFIXES or not local:
        raise LexiconError(f"cross-reference {curie!r} is not a CURIE of a known vocabulary")
    return URIRef(XREF_PREFIXES[prefix] + local)


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def statement_iri(a: Assertion) -> URIRef:
    return STATEMENT[_digest(a.subject, a.relation, a.object, a.polarity)]


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def to_rdf(kg: KnowledgeGraph) -> Graph:
    """The whole graph: schema, concepts, posts, direct edges, statements and evidence."""
    g = new_graph()
    g.parse(SCHEMA_FILE, format="turtle")
    for concept in kg.concepts.values():
        _concept(g, concept)
    for post in kg.posts:
        p = URIRef(post.source)
        g.add((p, RDF.type, KG.Post))
        g.add((p, RDF.type, PROV.Entity))
        g.add((p, RDF.type, OWL.NamedIndividual))
        g.add((p, DCTERMS.title, Literal(post.title, lang="en")))
        g.add((p, DCTERMS.identifier, Literal(post.id)))
        g.add((p, KG.link, Literal(post.source, datatype=XSD.anyURI)))
        if post.modified:
            g.add((p, DCTERMS.modified, Literal(post.modified)))
    for a in kg.assertions:
        _statement(g, kg, a)
    return g


def _concept(g: Graph, concept) -> None:
    c = CONCEPT[concept.key]
    g.add((c, RDF.type, OWL.Class))
    g.add((c, RDF.type, OWL.NamedIndividual))
    g.add((c, RDFS.subClassOf, KG[concept.category]))
    g.add((c, RDFS.label, Literal(concept.label, lang="en")))
    g.add((c, SKOS.prefLabel, Literal(concept.label, lang="en")))
    g.add((c, KG.key, Literal(concept.key)))
    for synonym in concept.synonyms:
        if synonym.lower() != concept.label.lower():
            g.add((c, OBOINOWL.hasExactSynonym, Literal(synonym, lang="en")))
            g.add((c, SKOS.altLabel, Literal(synonym, lang="en")))
    for abbr in concept.abbreviations:
        g.add((c, KG.abbreviation, Literal(abbr)))
        g.add((c, SKOS.altLabel, Literal(abbr, lang="en")))
    for curie in concept.exact_match:
        g.add((c, OBOINOWL.hasDbXref, Literal(curie)))
        g.add((c, SKOS.exactMatch, xref_iri(curie)))
    for curie in concept.close_match:
        g.add((c, OBOINOWL.hasDbXref, Literal(curie)))
        g.add((c, SKOS.closeMatch, xref_iri(curie)))
    if concept.definition:
        g.add((c, DEFINITION, Literal(concept.definition, lang="en")))
        g.add((c, SKOS.definition, Literal(concept.definition, lang="en")))
        if concept.definition_evidence is not None:
            g.add((c, KG.definitionSource, URIRef(concept.definition_evidence.source)))
    if concept.discovered:
        g.add((c, KG.discovered, Literal(True)))
        if concept.evidence is not None:
            g.add((c, PROV.wasDerivedFrom, URIRef(concept.evidence.source)))
            g.add((c, KG.evidenceSentence, Literal(concept.evidence.sentence, lang="en")))


def _statement(g: Graph, kg: KnowledgeGraph, a: Assertion) -> None:
    s, o = CONCEPT[a.subject], CONCEPT[a.object]
    prop = property_iri(a.relation)
    st = statement_iri(a)
    sources = sorted({e.source for e in a.evidence})
    g.add((st, RDF.type, KG.Statement))
    g.add((st, RDF.type, OWL.NamedIndividual))
    verb = a.relation.replace("_", " ")
    label = f"{kg.concepts[a.subject].label} {'not ' if a.polarity == 'negative' else ''}{verb} {kg.concepts[a.object].label}"
    g.add((st, RDFS.label, Literal(label, lang="en")))
    g.add((st, KG.subject, s))
    g.add((st, KG.relation, prop))
    g.add((st, KG.object, o))
    g.add((st, KG.polarity, Literal(a.polarity)))
    g.add((st, KG.hedged, Literal(a.hedged)))
    g.add((st, KG.sourceCount, Literal(len(sources))))
    for source in sources:
        g.add((st, PROV.wasDerivedFrom, URIRef(source)))
    for e in a.evidence:
        g.add((st, KG.evidence, _evidence(g, st, e)))
    if a.polarity != "positive":
        return   # a negated relation is never a direct edge
    direct = (s, RDFS.subClassOf, o) if a.relation == "is_a" else (s, prop, o)
    g.add(direct)
    axiom = BNode("ax" + _digest(*direct))
    g.add((axiom, RDF.type, OWL.Axiom))
    g.add((axiom, OWL.annotatedSource, direct[0]))
    g.add((axiom, OWL.annotatedProperty, direct[1]))
    g.add((axiom, OWL.annotatedTarget, direct[2]))
    g.add((axiom, KG.hedged, Literal(a.hedged)))
    g.add((axiom, KG.sourceCount, Literal(len(sources))))
    for source in sources:
        g.add((axiom, DCTERMS.source, URIRef(source)))
    for e in a.evidence:
        g.add((axiom, KG.evidenceSentence, Literal(e.sentence, lang="en")))


def _evidence(g: Graph, st: URIRef, e: Evidence) -> URIRef:
    ev = EVIDENCE[_digest(st, e.source, e.start, e.end, e.rule)]
    target, quote, position = URIRef(ev + "/target"), URIRef(ev + "/quote"), URIRef(ev + "/position")
    for node, cls in ((ev, OA.Annotation), (target, OA.SpecificResource), (quote, OA.TextQuoteSelector),
                      (position, OA.TextPositionSelector)):
        g.add((node, RDF.type, cls))
        g.add((node, RDF.type, OWL.NamedIndividual))
    g.add((ev, OA.hasTarget, target))
    g.add((ev, KG.section, Literal(e.section)))
    g.add((ev, KG.rule, Literal(e.rule)))
    g.add((ev, KG.hedged, Literal(e.hedged)))
    g.add((ev, PROV.wasDerivedFrom, URIRef(e.source)))
    g.add((target, OA.hasSource, URIRef(e.source)))
    g.add((target, OA.hasSelector, quote))
    g.add((target, OA.hasSelector, position))
    g.add((quote, OA.exact, Literal(e.sentence)))
    g.add((quote, OA.prefix, Literal(e.prefix)))
    g.add((quote, OA.suffix, Literal(e.suffix)))
    g.add((position, OA.start, Literal(e.start)))
    g.add((position, OA.end, Literal(e.end)))
    return ev
