"""N-Triples terms and lines: IRIs and literals made once (checked and escaped by pyoxigraph), the
predicates and classes the graph uses, and lines grouped by subject, written out sorted."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .constants import DEFINITION, KG, OA, OBOINOWL


class Terms:
    """N-Triples terms made once per build: IRIs checked by pyoxigraph, literals escaped by it."""

    def __init__(self):
        self.iris: dict[str, str] = {}
        self.names: dict[tuple[str, str], str] = {}
        self.literals: dict[tuple[str, str | None], str] = {}

    def iri(self, value) -> str:
        term = self.iris.get(value)
        if term is None:
            term = self.iris[value] = str(ox.NamedNode(str(value)))
        return term

    def name(self, namespace, local: str) -> str:
        """iri(namespace[local]), made once per namespace and name."""
        term = self.names.get((namespace, local))
        if term is None:
            term = self.names[(namespace, local)] = self.iri(namespace[local])
        return term

    def text(self, value: str, lang: str | None = None) -> str:
        term = self.literals.get((value, lang))
        if term is None:
            literal = ox.Literal(value, language=lang) if lang else ox.Literal(value)
            term = self.literals[(value, lang)] = str(literal)
        return term


def typed(value: str, datatype) -> str:
    return str(ox.Literal(value, datatype=ox.NamedNode(str(datatype))))


_TRUE, _FALSE = typed("true", XSD.boolean), typed("false", XSD.boolean)
ANYURI = XSD.anyURI


def boolean(value: bool) -> str:
    return _TRUE if value else _FALSE


_INTEGER = f"<{XSD.integer}>"


def integer(value: int) -> str:
    return f'"{int(value)}"^^{_INTEGER}'


class Lines:
    """N-Triples lines grouped by subject, written out sorted."""

    def __init__(self):
        self.by_subject: dict[str, list[str] | tuple[str, ...]] = {}

    def add(self, s: str, p: str, o: str) -> None:
        lines = self.by_subject.get(s)
        if lines is None:
            lines = self.by_subject[s] = []
        lines.append(f"{s} {p} {o} .")

    def sorted(self) -> list[str]:
        # Comparing lines is comparing "subject " first (a subject holds no space), so sorting the
        # subjects and then each subject's few lines gives the same order as sorting all lines.
        out: list[str] = []
        for subject in sorted(self.by_subject, key=lambda s: s + " "):
            lines = self.by_subject[subject]
            out.extend(lines if type(lines) is tuple else sorted(set(lines)))   # tuples come sorted
        return out


class P:
    """The IRIs of the predicates and classes used below, as N-Triples terms."""

    type, label, sub_class_of = f"<{RDF.type}>", f"<{RDFS.label}>", f"<{RDFS.subClassOf}>"
    owl_class, individual, axiom = f"<{OWL.Class}>", f"<{OWL.NamedIndividual}>", f"<{OWL.Axiom}>"
    pref_label, alt_label, definition = f"<{SKOS.prefLabel}>", f"<{SKOS.altLabel}>", f"<{SKOS.definition}>"
    exact_match, close_match = f"<{SKOS.exactMatch}>", f"<{SKOS.closeMatch}>"
    exact_synonym, db_xref = f"<{OBOINOWL.hasExactSynonym}>", f"<{OBOINOWL.hasDbXref}>"
    iao_definition = f"<{DEFINITION}>"
    key, abbreviation, discovered = f"<{KG.key}>", f"<{KG.abbreviation}>", f"<{KG.discovered}>"
    definition_source, evidence_sentence = f"<{KG.definitionSource}>", f"<{KG.evidenceSentence}>"
    post, link = f"<{KG.Post}>", f"<{KG.link}>"
    statement, subject, relation, object = f"<{KG.Statement}>", f"<{KG.subject}>", f"<{KG.relation}>", f"<{KG.object}>"
    polarity, hedged, source_count = f"<{KG.polarity}>", f"<{KG.hedged}>", f"<{KG.sourceCount}>"
    evidence, section, rule = f"<{KG.evidence}>", f"<{KG.section}>", f"<{KG.rule}>"
    entity, derived = f"<{PROV.Entity}>", f"<{PROV.wasDerivedFrom}>"
    title, identifier, modified, source = (f"<{DCTERMS.title}>", f"<{DCTERMS.identifier}>", f"<{DCTERMS.modified}>",
                                           f"<{DCTERMS.source}>")
    annotated_source, annotated_property, annotated_target = (f"<{OWL.annotatedSource}>",
                                                              f"<{OWL.annotatedProperty}>", f"<{OWL.annotatedTarget}>")
    annotation, specific = f"<{OA.Annotation}>", f"<{OA.SpecificResource}>"
    quote_selector, position_selector = f"<{OA.TextQuoteSelector}>", f"<{OA.TextPositionSelector}>"
    target, has_source, selector = f"<{OA.hasTarget}>", f"<{OA.hasSource}>", f"<{OA.hasSelector}>"
    exact, prefix, suffix = f"<{OA.exact}>", f"<{OA.prefix}>", f"<{OA.suffix}>"
    start, end = f"<{OA.start}>", f"<{OA.end}>"
