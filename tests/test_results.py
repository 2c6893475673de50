"""Answers written as they come: byte-equal to the whole answer formatted at once, capped by a limit."""
from __future__ import annotations

import io

import pytest

import kg.results
from kg.errors import QueryError
from kg.query import format_result, load_graph, named_queries, query
from kg.results import write_query

from .conftest import EXPORTS

FORMATS = ["table", "csv", "tsv", "json", "xml"]
MANY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"


@pytest.fixture(scope="module")
def graph():
    return load_graph(EXPORTS / "graph.ttl")


def streamed(graph, sparql, fmt, **options):
    out = io.BytesIO()
    write_query(graph, sparql, out, fmt, **options)
    return out.getvalue().decode("utf-8")


def same(fmt, a, b):
    # the table takes its column widths from its first chunk of rows: the same cells, spaced otherwise
    if fmt != "table":
        return a == b
    cells = lambda text: [line.split() for line in text.splitlines() if set(line) - {"-", " "}]   # noqa: E731
    return cells(a) == cells(b)


@pytest.mark.parametrize("fmt", FORMATS)
def test_streaming_writes_what_the_whole_answer_gives(graph, fmt, monkeypatch):
    monkeypatch.setattr(kg.results, "CHUNK_ROWS", 2)   # many chunks, so the joins between them are tested
    for nq in named_queries().values():
        assert same(fmt, streamed(graph, nq.text, fmt), format_result(query(graph, nq.text), fmt)), nq.name


@pytest.mark.parametrize("fmt", FORMATS)
def test_limit_caps_the_rows_written(graph, fmt, monkeypatch):
    monkeypatch.setattr(kg.results, "CHUNK_ROWS", 3)
    assert same(fmt, streamed(graph, MANY, fmt, limit=7), format_result(query(graph, MANY, limit=7), fmt))


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_limit_keeps_the_first_rows(graph, engine):
    whole = query(graph, MANY, engine=engine)
    assert len(whole.rows) > 1000
    assert query(graph, MANY, engine=engine, limit=7).rows == whole.rows[:7]


def test_a_table_of_one_chunk_is_the_whole_table(graph):
    for nq in named_queries().values():
        assert streamed(graph, nq.text, "table") == format_result(query(graph, nq.text), "table"), nq.name


def test_empty_answers(graph):
    nothing = "SELECT ?s WHERE { ?s a <urn:none> }"
    for fmt in FORMATS:
        assert streamed(graph, nothing, fmt) == format_result(query(graph, nothing), fmt)


def test_a_graph_answer_is_capped_too(graph):
    text = streamed(graph, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "table", limit=5)
    from rdflib import Graph
    assert len(Graph().parse(data=text, format="turtle")) == 5


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_service_is_refused_unless_allowed(graph, engine):
    federated = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryError, match="SERVICE .* is refused"):
        query(graph, federated, engine=engine)
    with pytest.raises(QueryError, match="SERVICE .* is refused"):
        streamed(graph, federated, "csv", engine=engine)


@pytest.mark.parametrize("sparql, federated", [
    ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ("select * where { service silent ?endpoint { ?s ?p ?o } }", True),
    ("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o<1)SERVICE<http://x/>{?a ?b ?c} }", True),
    ("SELECT * WHERE { ?s ?p ?o }#\nSERVICE <http://x/> {}", True),
    ("SELECT * WHERE { ?s ?p 'SERVICE' }", False),
    ('SELECT * WHERE { ?s ?p """a "SERVICE" b""" }', False),
    ("SELECT * WHERE { ?s <http://x/SERVICE> ?o } # SERVICE", False),
    ("SELECT ?SERVICE WHERE { ?s ex:SERVICE ?o }", False),
])
def test_service_is_found_as_a_keyword_only(sparql, federated):
    from kg.query import uses_service
    assert uses_service(sparql) is federated
