"""The checks of ROBOT's `report` (its default profile's rule names and levels), as SPARQL run by pyoxigraph.

Each rule is one query that selects ?entity ?property ?value; a row is one violation. The output is
ROBOT's table (Level, Rule Name, Subject, Property, Value). One difference, on purpose: ROBOT's
missing_definition does not see classes that are also declared owl:NamedIndividual (punning, as every
concept here is); ours counts every class.
"""
from __future__ import annotations

from dataclasses import dataclass

from .constants import PREFIX_IRIS

LEVELS = ("ERROR", "WARN", "INFO")

# Entities of the W3C vocabularies themselves are built in, never reported.
_NOT_BUILTIN = """FILTER(!isBlank(?entity) && !STRSTARTS(STR(?entity), STR(rdf:)) && !STRSTARTS(STR(?entity), STR(rdfs:))
  && !STRSTARTS(STR(?entity), STR(owl:)) && !STRSTARTS(STR(?entity), STR(xsd:)))
  FILTER NOT EXISTS { ?entity owl:deprecated true }"""
_ENTITY = "VALUES ?type { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty owl:NamedIndividual }"
def _value_check(prop: str, condition: str) -> str:
    """A rule's query: the values of one property that meet a condition, on entities not built in."""
    return ("SELECT DISTINCT ?entity ?property ?value WHERE {\n  VALUES ?property { " + prop + " }\n"
            "  ?entity ?property ?value . FILTER(" + condition + ")\n  " + _NOT_BUILTIN + "\n}")


def _two_values(prop: str) -> str:
    """A rule's query: entities with two different values of one property in one language."""
    return _value_check(prop, "STR(?value) != STR(?other) && LANG(?value) = LANG(?other)").replace(
        "?entity ?property ?value .", "?entity ?property ?value . ?entity ?property ?other .")


_SYNONYMS = "oboInOwl:hasExactSynonym oboInOwl:hasRelatedSynonym oboInOwl:hasBroadSynonym oboInOwl:hasNarrowSynonym"


def _duplicate(prop: str) -> str:
    return f"""SELECT DISTINCT ?entity ?property ?value WHERE {{
  VALUES ?property {{ {prop} }}
  ?entity ?property ?value . ?other ?property ?value2 .
  FILTER(?entity != ?other && LCASE(STR(?value)) = LCASE(STR(?value2)))
  {_NOT_BUILTIN}
  FILTER NOT EXISTS {{ ?other owl:deprecated true }}
}}"""


# name -> (level, query)
RULES: dict[str, tuple[str, str]] = {
    "annotation_whitespace": ("WARN", f"""SELECT DISTINCT ?entity ?property ?value WHERE {{
  ?property a owl:AnnotationProperty . ?entity ?property ?value .
  FILTER(isLiteral(?value) && REGEX(STR(?value), "^\\\\s|\\\\s$"))
  {_NOT_BUILTIN}
}}"""),
    "deprecated_boolean_datatype": ("ERROR", f"""SELECT DISTINCT ?entity ?property ?value WHERE {{
  VALUES ?property {{ owl:deprecated }}
  ?entity ?property ?value . FILTER(DATATYPE(?value) != xsd:boolean)
}}"""),
    "deprecated_class_reference": ("WARN", """SELECT DISTINCT ?entity ?property ?value WHERE {
  VALUES ?property { rdfs:subClassOf owl:equivalentClass owl:disjointWith }
  ?value owl:deprecated true ; a owl:Class . ?entity ?property ?value .
  FILTER NOT EXISTS { ?entity owl:deprecated true }
}"""),
    "deprecated_property_reference": ("WARN", """SELECT DISTINCT ?entity ?property ?value WHERE {
  VALUES ?property { rdfs:subPropertyOf owl:equivalentProperty owl:inverseOf }
  ?value owl:deprecated true . ?entity ?property ?value .
  FILTER NOT EXISTS { ?entity owl:deprecated true }
}"""),
    "duplicate_definition": ("ERROR", _duplicate("obo:IAO_0000115")),
    "duplicate_exact_synonym": ("WARN", _duplicate("oboInOwl:hasExactSynonym")),
    "duplicate_label_synonym": ("WARN", f"""SELECT DISTINCT ?entity ?property ?value WHERE {{
  VALUES ?property {{ {_SYNONYMS} }}
  ?entity rdfs:label ?label . ?other ?property ?value .
  FILTER(?entity != ?other && LCASE(STR(?label)) = LCASE(STR(?value)))
  {_NOT_BUILTIN}
}}"""),
    "duplicate_label": ("ERROR", _duplicate("rdfs:label")),
    "duplicate_scoped_synonym": ("WARN", _duplicate(_SYNONYMS.split(" ", 1)[1])),
    "equivalent_pair": ("INFO", """SELECT DISTINCT ?entity ?property ?value WHERE {
  VALUES ?property { owl:equivalentClass }
  ?entity ?property ?value . ?value ?property ?entity . FILTER(isIRI(?value) && ?entity != ?value)
}"""),
    "invalid_xref": ("ERROR", _value_check("oboInOwl:hasDbXref", r"""!REGEX(STR(?value), "^[A-Za-z_][A-Za-z0-9_.-]*:[^\\s]+$")""")),
    "label_formatting": ("ERROR", _value_check("rdfs:label", r"""REGEX(STR(?value), "[\\n\\r\\t]")""")),
    "label_whitespace": ("WARN", _value_check("rdfs:label", r"""REGEX(STR(?value), "^\\s|\\s$|\\s\\s")""")),
    "lowercase_definition": ("INFO", _value_check("obo:IAO_0000115", r"""REGEX(STR(?value), "^[a-z]")""")),
    "missing_definition": ("WARN", f"""SELECT DISTINCT ?entity ?property ?value WHERE {{
  VALUES ?property {{ obo:IAO_0000115 }}
  VALUES ?type {{ owl:Class owl:ObjectProperty owl:DatatypeProperty }}
  ?entity a ?type .
  FILTER NOT EXISTS {{ ?entity ?property ?any }}
  {_NOT_BUILTIN}
}}"""),
    "missing_label": ("ERROR", f"""SELECT DISTINCT ?entity ?property ?value WHERE {{
  VALUES ?property {{ rdfs:label }}
  {_ENTITY}
  ?entity a ?type .
  FILTER NOT EXISTS {{ ?entity ?property ?any }}
  {_NOT_BUILTIN}
}}"""),
    "missing_obsolete_label": ("ERROR", """SELECT DISTINCT ?entity ?property ?value WHERE {
  VALUES ?property { rdfs:label }
  ?entity owl:deprecated true ; ?property ?value . FILTER(!STRSTARTS(LCASE(STR(?value)), "obsolete "))
}"""),
    "missing_ontology_description": ("ERROR", """SELECT DISTINCT ?entity ?property ?value WHERE {
  VALUES ?property { dcterms:description }
  ?entity a owl:Ontology . FILTER NOT EXISTS { ?entity ?property ?any }
}"""),
    "missing_ontology_license": ("ERROR", """SELECT DISTINCT ?entity ?property ?value WHERE {
  VALUES ?property { dcterms:license }
  ?entity a owl:Ontology . FILTER NOT EXISTS { ?entity ?property ?any }
}"""),
    "missing_ontology_title": ("ERROR", """SELECT DISTINCT ?entity ?property ?value WHERE {
  VALUES ?property { dcterms:title }
  ?entity a owl:Ontology . FILTER NOT EXISTS { ?entity ?property ?any }
}"""),
    "missing_superclass": ("INFO", f"""SELECT DISTINCT ?entity ?property ?value WHERE {{
  VALUES ?property {{ rdfs:subClassOf }}
  ?entity a owl:Class . FILTER NOT EXISTS {{ ?entity ?property ?any }}
  {_NOT_BUILTIN}
}}"""),
    "misused_obsolete_label": ("ERROR", _value_check("rdfs:label", r"""STRSTARTS(LCASE(STR(?value)), "obsolete ")""")),
    "misused_replaced_by": ("ERROR", f"""SELECT DISTINCT ?entity ?property ?value WHERE {{
  VALUES ?property {{ obo:IAO_0100001 }}
  ?entity ?property ?value .
  {_NOT_BUILTIN}
}}"""),
    "multiple_definitions": ("ERROR", _two_values("obo:IAO_0000115")),
    "multiple_equivalent_classes": ("ERROR", f"""SELECT DISTINCT ?entity ?property ?value WHERE {{
  VALUES ?property {{ owl:equivalentClass }}
  ?entity ?property ?value . ?entity ?property ?other . FILTER(isIRI(?value) && isIRI(?other) && ?value != ?other)
  {_NOT_BUILTIN}
}}"""),
    "multiple_labels": ("ERROR", _two_values("rdfs:label")),
}


@dataclass(frozen=True)
class Violation:
    level: str
    rule: str
    subject: str
    property: str
    value: str


def _curie(term) -> str:
    """A term as ROBOT prints it: a CURIE where a project prefix fits, else the IRI or the literal's text."""
    if term is None:
        return ""
    import pyoxigraph as ox
    if isinstance(term, ox.NamedNode):
        from .query import compact
        return compact(term.value)
    return term.value if isinstance(term, ox.Literal) else str(term)


def run_rules(store, rules: dict[str, tuple[str, str]] = RULES) -> list[Violation]:
    """Every violation of every rule in a pyoxigraph Store, sorted by level, rule, subject, property, value."""
    found: set[Violation] = set()
    for name, (level, sparql) in rules.items():
        for row in store.query(sparql, prefixes=PREFIX_IRIS):
            found.add(Violation(level, name, _curie(row["entity"]), _curie(row["property"]), _curie(row["value"])))
    return sorted(found, key=lambda v: (LEVELS.index(v.level), v.rule, v.subject, v.property, v.value))


def format_table(violations: list[Violation]) -> str:
    """ROBOT's report table (tab-separated), then its summary of counts per level."""
    lines = ["Level\tRule Name\tSubject\tProperty\tValue"]
    lines += ["\t".join((v.level, v.rule, v.subject, v.property, v.value.replace("\n", " ").replace("\t", " ")))
              for v in violations]
    counts = {level: sum(v.level == level for v in violations) for level in LEVELS}
    lines += ["", f"Violations: {len(violations)}", "-----------------"]
    lines += [f"{level}: {counts[level]}" for level in LEVELS]
    return "\n".join(lines)
