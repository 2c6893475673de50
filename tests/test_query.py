"""SPARQL: every named question answers on the sample graph, both engines agree, formats are W3C's."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from kg.errors import KGError, QueryError
from kg.query import format_result, load_graph, named_queries, named_query, query

from .conftest import EXPORTS


@pytest.fixture(scope="module")
def graph():
    return load_graph(EXPORTS / "graph.ttl")


def answer(graph, name, engine="oxigraph"):
    return query(graph, named_query(name).text, engine=engine)


def column(result, var):
    return [row[var] for row in result.rows]


def test_at_least_twelve_named_questions_each_with_a_question():
    queries = named_queries()
    assert len(queries) >= 12
    for q in queries.values():
        assert q.question.endswith("?") and len(q.question) > 20


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_engines_agree(graph, name):
    a, b = answer(graph, name, "oxigraph"), answer(graph, name, "rdflib")
    assert a.variables == b.variables
    key = lambda r: json.dumps(r, sort_keys=True)   # noqa: E731
    assert sorted(a.rows, key=key) == sorted(b.rows, key=key)
    if name != "discovered-concepts":   # every sample term is in the lexicon; tested on a fixture below
        assert a.rows, f"{name} has no answer on the sample graph"


def test_micrometastasis_detection(graph):
    labels = set(column(answer(graph, "micrometastasis-detection"), "label"))
    assert {"Immunohistochemistry", "Step-sectioning", "Sentinel lymph node biopsy", "Molecular assay"} <= labels
    assert "Imaging" not in labels   # stated only negatively


def test_cascade_in_order(graph):
    result = answer(graph, "cascade-steps")
    assert column(result, "label") == ["Local invasion", "Intravasation", "Survival in circulation",
                                       "Extravasation", "Colonization"]
    assert column(result, "position") == ["1", "2", "3", "4", "5"]


def test_differs_from_mrd(graph):
    result = answer(graph, "differs-from-mrd")
    assert {"Micrometastasis"} == set(column(result, "label"))
    assert {"distinct_from", "contrasted_with"} == set(column(result, "relation"))


def test_kinds_of_metastasis_all_levels(graph):
    result = answer(graph, "kinds-of-metastasis")
    pairs = {(r["label"], r["parentLabel"]) for r in result.rows}
    assert ("Micrometastasis", "Metastasis") in pairs
    assert ("Occult micrometastasis", "Micrometastasis") in pairs    # second level


def test_influences_staging(graph):
    factors = {(r["factorLabel"], r["stagingLabel"]) for r in answer(graph, "influences-staging").rows}
    assert {("Micrometastasis", "N category"), ("Metastasis", "Cancer staging")} <= factors


def test_hedged_or_negated(graph):
    rows = answer(graph, "hedged-or-negated").rows
    assert any(r["polarity"] == "negative" and r["objectLabel"] == "Imaging" for r in rows)
    assert all(r["hedged"] == "true" or r["polarity"] == "negative" for r in rows)


def test_statements_from_one_post(graph):
    rows = answer(graph, "statements-from-post").rows
    assert len({r["title"] for r in rows}) == 1 and rows[0]["title"].startswith("Metastasis:")
    assert len(rows) > 50


def test_concept_codes(graph):
    rows = {r["label"]: r for r in answer(graph, "concept-codes").rows}
    assert rows["Metastasis"]["NCIt"] == "NCIT:C19151" and rows["Metastasis"]["UMLS"] == "UMLS:C0027627"
    assert rows["Immunohistochemistry"]["MeSH"] == "MESH:D007150"


def test_discovered_concepts_query_runs_on_a_graph_with_discoveries(tmp_path):
    from kg.build import build
    from .conftest import FIXTURES
    build([str(FIXTURES / "sentinel.post.json")], tmp_path)
    rows = answer(load_graph(tmp_path / "graph.ttl"), "discovered-concepts").rows
    assert [r["label"] for r in rows] == ["Tumor budding"]
    assert rows[0]["sentence"]


def test_chain_and_routes_and_mimics(graph):
    assert {"Sentinel lymph node", "Lymph node"} <= set(
        column(answer(graph, "chain-micrometastasis-lymph-node"), "label"))
    routes = answer(graph, "routes-and-sites").rows
    assert {r["routeLabel"] for r in routes} == {"Lymphatic spread", "Hematogenous spread", "Transcoelomic spread"}
    assert {"Liver", "Lung", "Bone", "Brain"} <= {r["siteLabel"] for r in routes if r["routeLabel"] == "Hematogenous spread"}
    assert set(column(answer(graph, "mimics-of-metastasis"), "label")) == {
        "Infection", "Inflammatory condition", "Benign bone lesion", "Scarring"}


def test_findings_and_support_and_nodes(graph):
    findings = {(r["kindLabel"], r["findingLabel"]) for r in answer(graph, "findings-by-metastasis-site").rows}
    assert {("Brain metastasis", "Seizure"), ("Bone metastasis", "Fracture"), ("Lung metastasis", "Cough")} <= findings
    best = answer(graph, "best-supported").rows
    assert int(best[0]["sentences"]) >= int(best[-1]["sentences"]) >= 1
    nodes = {r["nodeLabel"] for r in answer(graph, "lymph-node-terms").rows}
    assert {"Lymph node", "Sentinel lymph node"} <= nodes


def test_formats(graph):
    result = query(graph, "SELECT ?l WHERE { concept:metastasis rdfs:label ?l }")
    assert json.loads(format_result(result, "json"))["results"]["bindings"][0]["l"]["value"] == "Metastasis"
    assert list(csv.reader(io.StringIO(format_result(result, "csv")))) == [["l"], ["Metastasis"]]
    assert format_result(result, "tsv").splitlines() == ["?l", '"Metastasis"@en']
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert ET.fromstring(format_result(result, "xml")).find(f".//{ns}literal").text == "Metastasis"
    assert "Metastasis" in format_result(result, "table")


def test_ask_and_construct(graph):
    assert query(graph, "ASK { concept:micrometastasis rdfs:subClassOf concept:metastasis }").boolean is True
    assert format_result(query(graph, "ASK { concept:liver rdfs:subClassOf concept:bone }")) == "no\n"
    turtle = query(graph, "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l } LIMIT 2").turtle
    assert "rdfs:label" in turtle


def test_syntax_error_says_where(graph):
    for engine in ("oxigraph", "rdflib"):
        with pytest.raises(QueryError, match="syntax error"):
            query(graph, "SELECT ?x WHERE { ?x ?y }", engine=engine)


def test_unknown_name_lists_known_ones():
    with pytest.raises(QueryError, match="cascade-steps"):
        named_query("nope")


def test_missing_graph_file(tmp_path):
    with pytest.raises(KGError, match="kg build"):
        load_graph(tmp_path / "graph.ttl")


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_results_keep_the_kind_of_each_term(graph, engine):
    from kg.terms import IRI, Literal
    q = ("SELECT ?c ?label ?key ?n WHERE { ?c kg:key ?key ; rdfs:label ?label . "
         "BIND(1 AS ?n) FILTER(?c = concept:micrometastasis) }")
    [row] = query(graph, q, engine=engine).rows
    assert isinstance(row["c"], IRI) and row["c"] == "https://w3id.org/cancer-spread/concept/micrometastasis"
    assert isinstance(row["label"], Literal) and row["label"].language == "en"
    assert row["key"].datatype.endswith("#string") and row["n"].datatype.endswith("#integer")
    assert row["n"].n3() == '"1"^^<http://www.w3.org/2001/XMLSchema#integer>'


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_construct_gives_a_graph_in_the_format_asked(graph, engine):
    from rdflib import Graph
    q = "CONSTRUCT { ?c rdfs:label ?l } WHERE { ?c kg:key ?k ; rdfs:label ?l } LIMIT 3"
    result = query(graph, q, engine=engine)
    assert isinstance(result.graph, Graph) and len(result.graph) == 3
    assert len(Graph().parse(data=format_result(result, "ntriples"), format="nt")) == 3
    assert len(Graph().parse(data=format_result(result, "jsonld"), format="json-ld")) == 3
    with pytest.raises(QueryError, match="gives a graph"):
        format_result(result, "json")


def test_ask_csv_ends_with_a_newline(graph):
    assert format_result(query(graph, "ASK { ?s ?p ?o }"), "csv").endswith("\n")


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_unknown_prefix_is_named_with_the_known_ones(graph, engine):
    with pytest.raises(QueryError, match=r"unknown prefix 'foo' \(known: .*concept.*kg"):
        query(graph, "SELECT ?x WHERE { ?x foo:bar ?y }", engine=engine)
    # a declared prefix, and colons in IRIs, strings and comments, are fine
    query(graph, "PREFIX ex: <http://e/> SELECT ?x WHERE { ?x ex:b 'a:b' . # c:d\n ?x <http://x/y:z> ?o }", engine=engine)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_a_query_file_with_a_byte_order_mark_is_read(tmp_path, encoding):
    from click.testing import CliRunner

    from kg.cli import main
    path = tmp_path / "q.rq"
    path.write_bytes("SELECT ?l WHERE { concept:metastasis rdfs:label ?l }".encode(encoding))
    result = CliRunner().invoke(main, ["query", "--graph", str(EXPORTS / "graph.ttl"), "--file", str(path)])
    assert result.exit_code == 0 and "Metastasis" in result.output


def test_a_query_file_in_an_unknown_encoding_is_one_line(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main
    path = tmp_path / "q.rq"
    path.write_bytes("SELECT ?l WHERE { ?s rdfs:label 'métastase' }".encode("latin-1"))
    result = CliRunner().invoke(main, ["query", "--graph", str(EXPORTS / "graph.ttl"), "--file", str(path)])
    assert result.exit_code == 1 and result.output.startswith("error: ") and "not UTF-8" in result.output
