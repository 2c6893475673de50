"""Turn a KnowledgeGraph into RDF: OWL classes, direct edges, reified statements and their evidence."""
from __future__ import annotations

import hashlib

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import Graph, URIRef
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


def xref_iri(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    if prefix not in XREF_PREFIXES or not local:
        raise LexiconError(f"cross-reference {curie!r} is not a CURIE of a known vocabulary")
    return XREF_PREFIXES[prefix] + local


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def statement_iri(a: Assertion) -> str:
    return str(STATEMENT[_digest(a.subject, a.relation, a.object, a.polarity)])


def new_graph() -> Graph:
    """An empty rdflib graph with the project's prefixes bound."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


_nodes: dict[str, ox.NamedNode] = {}


def _iri(value) -> ox.NamedNode:
    node = _nodes.get(value)
    if node is None:
        node = _nodes[value] = ox.NamedNode(str(value))
    return node


def _text(value: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


_TRUE = ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean)))
_FALSE = ox.Literal("false", datatype=ox.NamedNode(str(XSD.boolean)))
_INTEGER = ox.NamedNode(str(XSD.integer))
_ANYURI = ox.NamedNode(str(XSD.anyURI))


def _bool(value: bool) -> ox.Literal:
    return _TRUE if value else _FALSE


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_INTEGER)


def triples(kg: KnowledgeGraph) -> Iterator[ox.Triple]:
    """Every triple of the graph: schema, concepts, posts, direct edges, statements and evidence."""
    yield from ox.parse(path=str(SCHEMA_FILE), format=ox.RdfFormat.TURTLE)
    for concept in kg.concepts.values():
        yield from _concept(concept)
    for post in kg.posts:
        p = _iri(post.source)
        yield ox.Triple(p, _iri(RDF.type), _iri(KG.Post))
        yield ox.Triple(p, _iri(RDF.type), _iri(PROV.Entity))
        yield ox.Triple(p, _iri(RDF.type), _iri(OWL.NamedIndividual))
        yield ox.Triple(p, _iri(DCTERMS.title), _text(post.title, "en"))
        yield ox.Triple(p, _iri(DCTERMS.identifier), _text(post.id))
        yield ox.Triple(p, _iri(KG.link), ox.Literal(post.source, datatype=_ANYURI))
        if post.modified:
            yield ox.Triple(p, _iri(DCTERMS.modified), _text(post.modified))
    for a in kg.assertions:
        yield from _statement(kg, a)


def nt_lines(kg: KnowledgeGraph) -> list[str]:
    """The graph as sorted, unique N-Triples lines: the one form every export is made from."""
    return sorted({f"{t} ." for t in triples(kg)})


def to_rdf(kg: KnowledgeGraph) -> Graph:
    """The graph as an rdflib Graph (for Python users and tests; exports do not need it)."""
    g = new_graph()
    g.parse(data="\n".join(nt_lines(kg)) + "\n", format="nt")
    return g


def _concept(concept) -> Iterator[ox.Triple]:
    c = _iri(CONCEPT[concept.key])
    t = ox.Triple
    yield t(c, _iri(RDF.type), _iri(OWL.Class))
    yield t(c, _iri(RDF.type), _iri(OWL.NamedIndividual))
    yield t(c, _iri(RDFS.subClassOf), _iri(KG[concept.category]))
    yield t(c, _iri(RDFS.label), _text(concept.label, "en"))
    yield t(c, _iri(SKOS.prefLabel), _text(concept.label, "en"))
    yield t(c, _iri(KG.key), _text(concept.key))
    for synonym in concept.synonyms:
        if synonym.lower() != concept.label.lower():
            yield t(c, _iri(OBOINOWL.hasExactSynonym), _text(synonym, "en"))
            yield t(c, _iri(SKOS.altLabel), _text(synonym, "en"))
    for abbr in concept.abbreviations:
        yield t(c, _iri(KG.abbreviation), _text(abbr))
        yield t(c, _iri(SKOS.altLabel), _text(abbr, "en"))
    for curie in concept.exact_match:
        yield t(c, _iri(OBOINOWL.hasDbXref), _text(curie))
        yield t(c, _iri(SKOS.exactMatch), _iri(xref_iri(curie)))
    for curie in concept.close_match:
        yield t(c, _iri(OBOINOWL.hasDbXref), _text(curie))
        yield t(c, _iri(SKOS.closeMatch), _iri(xref_iri(curie)))
    if concept.definition:
        yield t(c, _iri(DEFINITION), _text(concept.definition, "en"))
        yield t(c, _iri(SKOS.definition), _text(concept.definition, "en"))
        if concept.definition_evidence is not None:
            yield t(c, _iri(KG.definitionSource), _iri(concept.definition_evidence.source))
    if concept.discovered:
        yield t(c, _iri(KG.discovered), _bool(True))
        if concept.evidence is not None:
            yield t(c, _iri(PROV.wasDerivedFrom), _iri(concept.evidence.source))
            yield t(c, _iri(KG.evidenceSentence), _text(concept.evidence.sentence, "en"))


def _statement(kg: KnowledgeGraph, a: Assertion) -> Iterator[ox.Triple]:
    t = ox.Triple
    s, o = _iri(CONCEPT[a.subject]), _iri(CONCEPT[a.object])
    prop = _iri(property_iri(a.relation))
    st = _iri(statement_iri(a))
    sources = sorted({e.source for e in a.evidence})
    verb = a.relation.replace("_", " ")
    label = f"{kg.concepts[a.subject].label} {'not ' if a.polarity == 'negative' else ''}{verb} {kg.concepts[a.object].label}"
    yield t(st, _iri(RDF.type), _iri(KG.Statement))
    yield t(st, _iri(RDF.type), _iri(OWL.NamedIndividual))
    yield t(st, _iri(RDFS.label), _text(label, "en"))
    yield t(st, _iri(KG.subject), s)
    yield t(st, _iri(KG.relation), prop)
    yield t(st, _iri(KG.object), o)
    yield t(st, _iri(KG.polarity), _text(a.polarity))
    yield t(st, _iri(KG.hedged), _bool(a.hedged))
    yield t(st, _iri(KG.sourceCount), _int(len(sources)))
    for source in sources:
        yield t(st, _iri(PROV.wasDerivedFrom), _iri(source))
    for e in a.evidence:
        yield from _evidence(st, e)
    if a.polarity != "positive":
        return   # a negated relation is never a direct edge
    direct = (s, _iri(RDFS.subClassOf), o) if a.relation == "is_a" else (s, prop, o)
    yield t(*direct)
    axiom = ox.BlankNode("ax" + _digest(*(x.value for x in direct)))
    yield t(axiom, _iri(RDF.type), _iri(OWL.Axiom))
    yield t(axiom, _iri(OWL.annotatedSource), direct[0])
    yield t(axiom, _iri(OWL.annotatedProperty), direct[1])
    yield t(axiom, _iri(OWL.annotatedTarget), direct[2])
    yield t(axiom, _iri(KG.hedged), _bool(a.hedged))
    yield t(axiom, _iri(KG.sourceCount), _int(len(sources)))
    for source in sources:
        yield t(axiom, _iri(DCTERMS.source), _iri(source))
    for e in a.evidence:
        yield t(axiom, _iri(KG.evidenceSentence), _text(e.sentence, "en"))


class _V:
    """The terms of the evidence and statement triples as pyoxigraph nodes, made once."""

    type = ox.NamedNode(str(RDF.type))
    individual = ox.NamedNode(str(OWL.NamedIndividual))
    annotation, specific = ox.NamedNode(str(OA.Annotation)), ox.NamedNode(str(OA.SpecificResource))
    quote_selector = ox.NamedNode(str(OA.TextQuoteSelector))
    position_selector = ox.NamedNode(str(OA.TextPositionSelector))
    evidence, section, rule = ox.NamedNode(str(KG.evidence)), ox.NamedNode(str(KG.section)), ox.NamedNode(str(KG.rule))
    hedged, derived = ox.NamedNode(str(KG.hedged)), ox.NamedNode(str(PROV.wasDerivedFrom))
    target, source, selector = (ox.NamedNode(str(OA.hasTarget)), ox.NamedNode(str(OA.hasSource)),
                                ox.NamedNode(str(OA.hasSelector)))
    exact, prefix, suffix = ox.NamedNode(str(OA.exact)), ox.NamedNode(str(OA.prefix)), ox.NamedNode(str(OA.suffix))
    start, end = ox.NamedNode(str(OA.start)), ox.NamedNode(str(OA.end))


def _evidence(st: ox.NamedNode, e: Evidence) -> Iterator[ox.Triple]:
    t, v = ox.Triple, _V
    base = str(EVIDENCE[_digest(st.value, e.source, e.start, e.end, e.rule)])
    ev, target, quote, position = (ox.NamedNode(base), ox.NamedNode(base + "/target"),
                                   ox.NamedNode(base + "/quote"), ox.NamedNode(base + "/position"))
    source = _iri(e.source)
    for node, cls in ((ev, v.annotation), (target, v.specific), (quote, v.quote_selector),
                      (position, v.position_selector)):
        yield t(node, v.type, cls)
        yield t(node, v.type, v.individual)
    yield t(st, v.evidence, ev)
    yield t(ev, v.target, target)
    yield t(ev, v.section, _text(e.section))
    yield t(ev, v.rule, _text(e.rule))
    yield t(ev, v.hedged, _bool(e.hedged))
    yield t(ev, v.derived, source)
    yield t(target, v.source, source)
    yield t(target, v.selector, quote)
    yield t(target, v.selector, position)
    yield t(quote, v.exact, _text(e.sentence))
    yield t(quote, v.prefix, _text(e.prefix))
    yield t(quote, v.suffix, _text(e.suffix))
    yield t(position, v.start, _int(e.start))
    yield t(position, v.end, _int(e.end))
