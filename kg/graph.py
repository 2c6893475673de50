"""Turn a KnowledgeGraph into RDF: OWL classes, direct edges, reified statements and their evidence."""
from __future__ import annotations

import hashlib

import pyoxigraph as ox
from rdflib import Graph, URIRef

from .constants import CONCEPT, EVIDENCE, KG, PREFIXES, SCHEMA_FILE, STATEMENT, XREF_PREFIXES
from .errors import LexiconError
from .model import Assertion, Evidence
from .model import KnowledgeGraph
from .nt_terms import ANYURI as _ANYURI, Lines as _Lines, P as _P, Terms as _Terms
from .nt_terms import boolean as _bool, integer as _int, typed as _typed


def property_iri(relation: str) -> URIRef:
    """The schema property of a relation name (detected_by -> kg:detectedBy)."""
    return KG[_property_name(relation)]


def _property_name(relation: str) -> str:
    head, *rest = relation.split("_")
    return head + "".join(w.title() for w in rest)


def xref_iri(curie: str) -> str:
    if curie.startswith(("http://", "https://")):   # a term of an ontology with no known prefix, as its IRI
        return curie
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


def nt_lines(kg: KnowledgeGraph) -> list[str]:
    """The graph as sorted, unique N-Triples lines: the one form every export is made from.

    Schema, concepts, posts, direct edges with their owl:Axiom annotations, statements and evidence.
    """
    out, terms = _Lines(), _Terms()
    _schema(out)
    _concepts(out, terms, kg.concepts)
    for post in kg.posts:
        _post(out, terms, post)
    for a in kg.assertions:
        _statement(out, terms, kg, a)
    return out.sorted()


# The same lines in two parts, for a build that streams (kg.stream): what one post gives on its own
# (its node, its evidence) and what needs every post (schema, concepts, each statement's aggregates).
# Together, sorted and unique, they are nt_lines() of the whole graph.

def post_lines(post, assertions) -> list[str]:
    """The sorted lines of one post: its node, and each of its assertions' evidence.

    An evidence's label names its statement, whose label needs every post's concepts: here it is
    label_mark(statement), which with_statement_labels() replaces once they are known (the mark
    does not move the line in the sort: an evidence node has one label).
    """
    out, terms = _Lines(), _Terms()
    _post(out, terms, post)
    for a in assertions:
        ids = _StatementIds(terms, a.key)
        mark = f"{_MARK}{ids.digest}{_MARK}"   # label_mark(a.key)
        for e in a.evidence:
            _statement_evidence(out, terms, ids, e, mark)
    return out.sorted()


_MARK = "\x00"   # never in an N-Triples line: pyoxigraph escapes control characters


def label_mark(key: tuple[str, str, str, str]) -> str:
    return f"{_MARK}{_digest(*key)}{_MARK}"


def statement_labels(concepts: dict, keys) -> dict[str, str]:
    """label_mark(key) -> the statement's label as escaped in an N-Triples literal, for each key."""
    return {label_mark(key): _escaped(_statement_label(concepts, key)) for key in keys}


def with_statement_labels(lines, labels: dict[str, str]):
    """The lines of post_lines() with each statement label mark replaced by its label."""
    for line in lines:
        if _MARK in line:
            start = line.index(_MARK)
            end = line.index(_MARK, start + 1) + 1
            line = line[:start] + labels[line[start:end]] + line[end:]
        yield line


def shared_lines(concepts: dict, statements) -> list[str]:
    """The sorted lines of schema, concepts and statements given as (key, hedged, source count)."""
    out, terms = _Lines(), _Terms()
    _schema(out)
    _concepts(out, terms, concepts)
    for key, hedged, source_count in statements:
        _statement_head(out, terms, concepts, _StatementIds(terms, key), hedged, source_count)
    return out.sorted()


def _concepts(out: _Lines, terms: _Terms, concepts: dict) -> None:
    for concept in concepts.values():
        _concept(out, terms, concept)
        for parent in concept.parents:   # a source ontology's is_a, where the graph holds the parent too
            other = concepts.get(parent)
            if other is not None and other.category == concept.category:
                out.add(terms.iri(CONCEPT[concept.key]), _P.sub_class_of, terms.iri(CONCEPT[parent]))


def _schema(out: _Lines) -> None:
    for t in ox.parse(path=str(SCHEMA_FILE), format=ox.RdfFormat.TURTLE):
        out.add(str(t.subject), str(t.predicate), str(t.object))


def to_rdf(kg: KnowledgeGraph) -> Graph:
    """The graph as an rdflib Graph (for Python users and tests; exports do not need it)."""
    g = new_graph()
    g.parse(data="\n".join(nt_lines(kg)) + "\n", format="nt")
    return g


def _concept(out: _Lines, terms: _Terms, concept) -> None:
    c, P, add = terms.iri(CONCEPT[concept.key]), _P, out.add
    add(c, P.type, P.owl_class)
    add(c, P.type, P.individual)
    add(c, P.sub_class_of, terms.iri(KG[concept.category]))
    add(c, P.label, terms.text(concept.label, "en"))
    add(c, P.pref_label, terms.text(concept.label, "en"))
    add(c, P.key, terms.text(concept.key))
    for synonym in concept.synonyms:
        if synonym.lower() != concept.label.lower():
            add(c, P.exact_synonym, terms.text(synonym, "en"))
            add(c, P.alt_label, terms.text(synonym, "en"))
    for abbr in concept.abbreviations:
        add(c, P.abbreviation, terms.text(abbr))
        add(c, P.alt_label, terms.text(abbr, "en"))
    for curie in concept.exact_match:
        add(c, P.db_xref, terms.text(curie))
        add(c, P.exact_match, terms.iri(xref_iri(curie)))
    for curie in concept.close_match:
        add(c, P.db_xref, terms.text(curie))
        add(c, P.close_match, terms.iri(xref_iri(curie)))
    for parent in concept.parents:
        add(c, P.sub_class_of, terms.iri(CONCEPT[parent]))
    if concept.definition:
        _definition(out, terms, c, concept)
    if concept.discovered:
        add(c, P.discovered, _bool(True))
        if concept.evidence is not None:
            add(c, P.derived, terms.iri(concept.evidence.source))
            add(c, P.evidence_sentence, terms.text(concept.evidence.sentence, "en"))


def _definition(out: _Lines, terms: _Terms, c: str, concept) -> None:
    """IAO:0000115 (and skos:definition) with where it came from: kg:definitionSource the ontology term's
    or the post's IRI, and, the OBO way, an owl:Axiom on the definition with oboInOwl:hasDbXref its
    CURIE (or the post's address)."""
    P, add = _P, out.add
    text = terms.text(concept.definition, "en")
    add(c, P.iao_definition, text)
    add(c, P.definition, text)
    if concept.definition_source:
        source, xref = xref_iri(concept.definition_source), concept.definition_source
    elif concept.definition_evidence is not None:
        source = xref = concept.definition_evidence.source
    else:
        return
    add(c, P.definition_source, terms.iri(source))
    axiom = "_:def" + _digest(c, concept.definition)
    add(axiom, P.type, P.axiom)
    add(axiom, P.annotated_source, c)
    add(axiom, P.annotated_property, P.iao_definition)
    add(axiom, P.annotated_target, text)
    add(axiom, P.db_xref, terms.text(xref))
    if concept.definition_evidence is not None and not concept.definition_source:
        add(axiom, P.evidence_sentence, terms.text(concept.definition_evidence.sentence, "en"))


def _post(out: _Lines, terms: _Terms, post) -> None:
    p, P, add = terms.iri(post.source), _P, out.add
    add(p, P.type, P.post)
    add(p, P.type, P.entity)
    add(p, P.type, P.individual)
    add(p, P.label, terms.text(f"{post.title} (post {post.id})", "en"))
    add(p, P.title, terms.text(post.title, "en"))
    add(p, P.identifier, terms.text(post.id))
    add(p, P.link, _typed(post.source, _ANYURI))
    if post.modified:
        add(p, P.modified, terms.text(post.modified))


class _StatementIds:
    """The terms of one statement: its concepts, property, IRI, direct edge and that edge's axiom."""

    def __init__(self, terms: _Terms, key: tuple[str, str, str, str]):
        self.key = key
        subject, relation, obj, polarity = key
        self.s, self.o = terms.name(CONCEPT, subject), terms.name(CONCEPT, obj)
        self.prop = terms.name(KG, _property_name(relation))
        self.digest = _digest(*key)
        self.st_iri = str(STATEMENT[self.digest])
        self.st = terms.iri(self.st_iri)
        self.positive = polarity == "positive"   # a negated relation is never a direct edge
        self.direct = (self.s, _P.sub_class_of, self.o) if relation == "is_a" else (self.s, self.prop, self.o)
        # the direct edge's axiom (only a positive statement has a direct edge)
        self.axiom = "_:ax" + _digest(*(term[1:-1] for term in self.direct)) if self.positive else ""


def _statement_label(concepts: dict, key: tuple[str, str, str, str]) -> str:
    subject, relation, obj, polarity = key
    verb = relation.replace("_", " ")
    return f"{concepts[subject].label} {'not ' if polarity == 'negative' else ''}{verb} {concepts[obj].label}"


def _escaped(text: str) -> str:
    """text as written inside an N-Triples literal."""
    return str(ox.Literal(text))[1:-1]


def _statement(out: _Lines, terms: _Terms, kg: KnowledgeGraph, a: Assertion) -> None:
    ids = _StatementIds(terms, a.key)
    _statement_head(out, terms, kg.concepts, ids, a.hedged, len({e.source for e in a.evidence}))
    label = _escaped(_statement_label(kg.concepts, a.key))
    for e in a.evidence:
        _statement_evidence(out, terms, ids, e, label)


def _statement_head(out: _Lines, terms: _Terms, concepts: dict, ids: _StatementIds, hedged: bool,
                    source_count: int) -> None:
    """The lines of a statement and its direct edge that depend on all its evidence together."""
    P, add, st = _P, out.add, ids.st
    polarity = ids.key[3]
    label = _statement_label(concepts, ids.key)
    add(st, P.type, P.statement)
    add(st, P.type, P.individual)
    add(st, P.label, terms.text(label, "en"))
    add(st, P.subject, ids.s)
    add(st, P.relation, ids.prop)
    add(st, P.object, ids.o)
    add(st, P.polarity, terms.text(polarity))
    add(st, P.hedged, _bool(hedged))
    add(st, P.source_count, _int(source_count))
    if not ids.positive:
        return
    direct, axiom = ids.direct, ids.axiom
    add(*direct)
    add(axiom, P.type, P.axiom)
    add(axiom, P.annotated_source, direct[0])
    add(axiom, P.annotated_property, direct[1])
    add(axiom, P.annotated_target, direct[2])
    add(axiom, P.hedged, _bool(hedged))
    add(axiom, P.source_count, _int(source_count))


def _statement_evidence(out: _Lines, terms: _Terms, ids: _StatementIds, e: Evidence, label: str) -> None:
    """The lines one evidence adds to its statement and direct edge (repeats are dropped by the sort);
    label: the statement's, escaped (or its mark, see post_lines)."""
    P, add = _P, out.add
    source = terms.iri(e.source)
    add(ids.st, P.derived, source)
    _evidence(out, terms, ids.st, ids.st_iri, e, label)
    if ids.positive:
        add(ids.axiom, P.source, source)
        add(ids.axiom, P.evidence_sentence, terms.text(e.sentence, "en"))


_EVIDENCE_OF = "evidence of \u201c"


def _evidence(out: _Lines, terms: _Terms, st: str, st_iri: str, e: Evidence, statement: str) -> None:
    """An oa:Annotation with its target, quote and position selectors: all four are the evidence's own,
    each labelled (ROBOT's missing_label) with what it is of (statement: the statement's label, as
    escaped in a literal), unique as the node is. The labels are
    made once each, not kept in the literal cache (there are four per evidence)."""
    P = _P
    digest = _digest(st_iri, e.source, e.start, e.end, e.rule)
    tail = _escaped(f"\u201d in post {e.post_id}, characters {e.start}\u2013{e.end} ({e.rule})")
    about = f'"{_EVIDENCE_OF}{statement}{tail}"@en'
    base = f"{EVIDENCE}{digest}"
    ev, target, quote, position = f"<{base}>", f"<{base}/target>", f"<{base}/quote>", f"<{base}/position>"
    source = terms.iri(e.source)
    out.add(st, P.evidence, ev)
    # Each node below is the evidence's own, and its lines are listed in sorted order (the
    # sortedness test of the N-Triples file checks this), so they skip the sort: tuples, not lists.
    by_subject = out.by_subject
    by_subject[ev] = (
        f"{ev} {P.type} {P.individual} .", f"{ev} {P.type} {P.annotation} .",
        f"{ev} {P.label} {about} .", f"{ev} {P.target} {target} .",
        f"{ev} {P.derived} {source} .", f"{ev} {P.hedged} {_bool(e.hedged)} .",
        f"{ev} {P.rule} {terms.text(e.rule)} .", f"{ev} {P.section} {terms.text(e.section)} .")
    by_subject[target] = (
        f"{target} {P.type} {P.individual} .", f"{target} {P.type} {P.specific} .",
        f'{target} {P.label} "target of evidence {digest}"@en .',
        f"{target} {P.selector} {position} .", f"{target} {P.selector} {quote} .",
        f"{target} {P.has_source} {source} .")
    by_subject[quote] = (
        f"{quote} {P.type} {P.individual} .", f"{quote} {P.type} {P.quote_selector} .",
        f'{quote} {P.label} "quote selector of evidence {digest}"@en .',
        f"{quote} {P.exact} {terms.text(e.sentence)} .", f"{quote} {P.prefix} {terms.text(e.prefix)} .",
        f"{quote} {P.suffix} {terms.text(e.suffix)} .")
    by_subject[position] = (
        f"{position} {P.type} {P.individual} .", f"{position} {P.type} {P.position_selector} .",
        f'{position} {P.label} "position selector of evidence {digest}"@en .',
        f"{position} {P.end} {_int(e.end)} .", f"{position} {P.start} {_int(e.start)} .")
