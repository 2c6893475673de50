"""Ontology readers (OBO, OWL RDF/XML and Turtle, OBO Graphs JSON), branches, `kg lexicon import` and `kg build --lexicon`."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import LexiconError
from kg.lexicon import load_lexicon
from kg.lexicon_import import code_of, import_rows
from kg.ontology_io import curie, read_ontology

OBO = """format-version: 1.2
ontology: myonc

[Term]
id: MYONC:0001
name: spread thing
def: "Anything that spreads." [MYONC:curator]

[Term]
id: MYONC:0002
name: glimmer metastasis
synonym: "glimmer mets" EXACT []
synonym: "shiny spread" RELATED []
synonym: this line is broken
def: "A made-up kind of metastasis, for tests." []
is_a: MYONC:0001 ! spread thing
xref: NCIT:C00000

[Term]
id: MYONC:0003
name: deep glimmer metastasis
is_a: MYONC:0002 ! glimmer metastasis

[Term]
id: MYONC:0004
name: unrelated
"""

OWL_XML = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
         xmlns:owl="http://www.w3.org/2002/07/owl#" xmlns:obo="http://purl.obolibrary.org/obo/"
         xmlns:oboInOwl="http://www.geneontology.org/formats/oboInOwl#">
  <owl:Class rdf:about="http://example.org/onc#Root"><rdfs:label>Sparkle site</rdfs:label></owl:Class>
  <owl:Class rdf:about="http://example.org/onc#Child">
    <rdfs:label xml:lang="en">Sparkle gland</rdfs:label>
    <oboInOwl:hasExactSynonym>sparkly gland</oboInOwl:hasExactSynonym>
    <obo:IAO_0000115>A gland that sparkles.</obo:IAO_0000115>
    <rdfs:subClassOf rdf:resource="http://example.org/onc#Root"/>
  </owl:Class>
</rdf:RDF>
"""

TTL = """@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://purl.obolibrary.org/obo/MAXO_9999990> a owl:Class ; rdfs:label "twinkle therapy" .
<http://purl.obolibrary.org/obo/MAXO_9999991> a owl:Class ; rdfs:label "twinkle beam therapy" ;
    skos:altLabel "TBT beams" ; skos:definition "Therapy with twinkle beams." ;
    rdfs:subClassOf <http://purl.obolibrary.org/obo/MAXO_9999990> .
"""

GRAPH = {"graphs": [{"id": "x", "nodes": [
    {"id": "http://purl.obolibrary.org/obo/NCIT_C99990", "lbl": "Glitter Neoplasm", "type": "CLASS"},
    {"id": "http://purl.obolibrary.org/obo/NCIT_C99991", "lbl": "Glitter Carcinoma", "type": "CLASS",
     "meta": {"definition": {"val": "A carcinoma that glitters."},
              "synonyms": [{"pred": "hasExactSynonym", "val": "glitter cancer"}, {"val": "no predicate"}]}},
    {"id": "http://purl.obolibrary.org/obo/NCIT_C99992", "type": "CLASS"},
], "edges": [{"sub": "http://purl.obolibrary.org/obo/NCIT_C99991", "pred": "is_a",
              "obj": "http://purl.obolibrary.org/obo/NCIT_C99990"}]}]}


@pytest.fixture
def files(tmp_path):
    (tmp_path / "my.obo").write_text(OBO)
    (tmp_path / "my.owl").write_text(OWL_XML)
    (tmp_path / "my.ttl").write_text(TTL)
    (tmp_path / "my.json").write_text(json.dumps(GRAPH))
    return tmp_path


def test_reads_obo_terms_synonyms_definitions_parents(files):
    onto = read_ontology(files / "my.obo")
    term = onto.terms["MYONC:0002"]
    assert term.label == "glimmer metastasis" and term.exact_synonyms() == ["glimmer mets"]
    assert ("shiny spread", "RELATED") in term.synonyms
    assert term.definition == "A made-up kind of metastasis, for tests." and term.parents == ["MYONC:0001"]
    assert term.xrefs == ["NCIT:C00000"]
    assert any("synonym not understood" in p for p in onto.problems)   # said, and the rest kept


def test_reads_owl_rdfxml_and_turtle(files):
    owl = read_ontology(files / "my.owl")
    child = owl.terms["http://example.org/onc#Child"]
    assert child.label == "Sparkle gland" and child.exact_synonyms() == ["sparkly gland"]
    assert child.definition == "A gland that sparkles." and child.parents == ["http://example.org/onc#Root"]
    ttl = read_ontology(files / "my.ttl")
    assert ttl.terms["MAXO:9999991"].parents == ["MAXO:9999990"]
    assert ttl.terms["MAXO:9999991"].exact_synonyms() == ["TBT beams"]


def test_reads_obo_graphs_json_and_reports_nodes_without_label(files):
    onto = read_ontology(files / "my.json")
    assert onto.terms["NCIT:C99991"].parents == ["NCIT:C99990"]
    assert onto.terms["NCIT:C99991"].exact_synonyms() == ["glitter cancer"]
    assert "NCIT:C99992" not in onto.terms and any("no label" in p for p in onto.problems)


def test_branch_takes_descendants_to_a_depth(files):
    onto = read_ontology(files / "my.obo")
    assert onto.branch(["MYONC:0001"]) == {"MYONC:0001": 0, "MYONC:0002": 1, "MYONC:0003": 2}
    assert set(onto.branch(["MYONC:0001"], depth=1)) == {"MYONC:0001", "MYONC:0002"}
    with pytest.raises(LexiconError, match="not a term"):
        onto.branch(["MYONC:9999"])


def test_unreadable_files_say_why(tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "bad.owl").write_text("<rdf:RDF oops")
    (tmp_path / "x.csv").write_text("a,b")
    for name, reason in (("bad.json", "not an OBO Graphs JSON"), ("bad.owl", "not a readable xml"),
                         ("x.csv", "unknown ontology format"), ("missing.obo", "no such ontology file")):
        with pytest.raises(LexiconError, match=reason):
            read_ontology(tmp_path / name)


def test_curie_and_code_of():
    assert curie("http://purl.obolibrary.org/obo/NCIT_C3262") == "NCIT:C3262"
    assert curie("http://example.org/x#Y") == "http://example.org/x#Y"
    assert code_of("MYONC:0002") == "http://purl.obolibrary.org/obo/MYONC_0002"
    assert code_of("UBERON:0000029") == "UBERON:0000029"


def test_import_rows_load_as_a_lexicon(files, tmp_path):
    text, problems, count = import_rows(files / "my.obo", ["MYONC:0002"], "SpreadPattern")
    assert count == 2 and problems
    out = tmp_path / "mine.tsv"
    out.write_text(text)
    concepts = load_lexicon(out)
    glimmer = concepts["glimmer_metastasis"]
    assert glimmer.synonyms == ["glimmer mets"] and glimmer.category == "SpreadPattern"
    assert glimmer.exact_match == ["http://purl.obolibrary.org/obo/MYONC_0002", "NCIT:C00000"]
    assert glimmer.definition.startswith("A made-up") and concepts["deep_glimmer_metastasis"].parents == ["glimmer_metastasis"]
    with pytest.raises(LexiconError, match="none of the roots"):
        import_rows(files / "my.obo", ["MYONC:9999"], "SpreadPattern")
    with pytest.raises(LexiconError, match="unknown category"):
        import_rows(files / "my.obo", ["MYONC:0002"], "Nonsense")


def test_cli_import_then_build_with_the_lexicon(files, tmp_path):
    runner = CliRunner()
    lex = tmp_path / "glitter.tsv"
    result = runner.invoke(main, ["lexicon", "import", str(files / "my.json"), "--root", "NCIT:C99990",
                                  "--category", "Neoplasm", "-o", str(lex)])
    assert result.exit_code == 0, result.output
    assert "2 concepts" in result.output and "problems" in result.output
    post = tmp_path / "page.html"
    post.write_text("<html><head><title>Glitter carcinoma</title></head><body><h1>Glitter carcinoma</h1>"
                    "<p>Glitter cancer can spread to the liver.</p></body></html>")
    out = tmp_path / "out"
    result = runner.invoke(main, ["-q", "build", str(post), "-o", str(out), "--lexicon", str(lex)])
    assert result.exit_code == 0, result.output
    graph = (out / "graph.tsv").read_text()
    assert "concept/glitter_carcinoma" in graph and "spreads_to" in graph
    ttl = (out / "graph.ttl").read_text()
    assert "NCIT:C99991" in ttl and "A carcinoma that glitters." in ttl   # code, definition and its source
    result = runner.invoke(main, ["lexicon", "import", str(files / "my.obo"), "--root", "NOPE:1"])
    assert result.exit_code == 1 and result.output.startswith("error: ") and "Traceback" not in result.output
