"""kg: a knowledge graph of cancer-spread concepts built from clinical articles.

The data flow: ingest (posts) -> text (sections, sentences) -> extract (concepts, relations, evidence)
-> graph (RDF/OWL) -> export / query / visualize.
"""
from __future__ import annotations

from .annotate import annotate
from .build import build
from .errors import EndpointError, KGError, LexiconError, QueryError, SourceError, ValidationError
from .evaluate import Score, evaluate
from .extract import Extraction, extract
from .graph import to_rdf
from .ingest import read_source
from .lexicon import Matcher, load_lexicon
from .mention_eval import concept_recall
from .model import (Assertion, Block, Concept, Document, Evidence, KnowledgeGraph, Mention, Post, Section,
                    Sentence)
from .pipeline import build_graph, read_posts
from .ontology_io import read_ontology
from .query import Result, load_graph, named_queries, query
from .results import write_query
from .terms import IRI, BlankNode, Literal
from .text import parse_post

__version__ = "0.1.0"

__all__ = [
    "Assertion", "BlankNode", "Block", "Concept", "Document", "EndpointError", "Evidence", "Extraction", "IRI",
    "KGError", "KnowledgeGraph", "LexiconError", "Literal", "Matcher", "Mention", "Post", "QueryError", "Result",
    "Score", "Section", "Sentence", "SourceError", "ValidationError", "annotate", "build", "build_graph",
    "concept_recall", "evaluate", "extract", "load_graph", "load_lexicon", "named_queries", "parse_post", "query",
    "read_ontology", "read_posts", "read_source", "to_rdf", "write_query",
]
