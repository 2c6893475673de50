"""The terms of a query result, keeping their kind: IRI, blank node, or literal with language or datatype.

Each is a str (its value), so rows compare and print as plain strings, and says what it is.
"""
from __future__ import annotations

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class Term(str):
    """An RDF term; the str is its value (the IRI, the blank node's id, the literal's text)."""

    kind = "term"

    @property
    def value(self) -> str:
        return str.__str__(self)

    def n3(self) -> str:
        raise NotImplementedError


class IRI(Term):
    kind = "iri"

    def n3(self) -> str:
        return f"<{self.value}>"

    def __repr__(self) -> str:
        return f"IRI({self.value!r})"


class BlankNode(Term):
    kind = "bnode"

    def n3(self) -> str:
        return f"_:{self.value}"

    def __repr__(self) -> str:
        return f"BlankNode({self.value!r})"


class Literal(Term):
    """A literal: language-tagged (datatype rdf:langString) or typed (xsd:string when plain)."""

    kind = "literal"
    language: str | None
    datatype: str

    def __new__(cls, value: str, language: str | None = None, datatype: str | None = None):
        term = super().__new__(cls, value)
        term.language = language or None
        term.datatype = RDF_LANG_STRING if language else (datatype or XSD_STRING)
        return term

    def n3(self) -> str:
        text = self.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if self.language:
            return f'"{text}"@{self.language}'
        return f'"{text}"' if self.datatype == XSD_STRING else f'"{text}"^^<{self.datatype}>'

    def __repr__(self) -> str:
        extra = f", language={self.language!r}" if self.language else (
            f", datatype={self.datatype!r}" if self.datatype != XSD_STRING else "")
        return f"Literal({self.value!r}{extra})"


def from_json(binding: dict) -> Term:
    """A term from its SPARQL 1.1 JSON results form."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return IRI(value)
    if kind == "bnode":
        return BlankNode(value)
    return Literal(value, language=binding.get("xml:lang"), datatype=binding.get("datatype"))
