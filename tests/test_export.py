"""Exports: every RDF format round-trips; the table and GraphML read back; builds are byte-identical."""
from __future__ import annotations

import csv
import os
import subprocess
import sys

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.constants import ASSERTION_COLUMNS
from kg.export import EXPORTERS

from .conftest import CORPUS, EXPORTS, ROOT


@pytest.mark.parametrize("name, fmt", [("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld"),
                                       ("graph.owl", "xml")])
def test_rdf_round_trip(sample_build, sample_rdf, name, fmt):
    _, out = sample_build
    parsed = Graph().parse(out / name, format=fmt)
    assert len(parsed) == len(sample_rdf)
    assert isomorphic(parsed, sample_rdf)


def test_ntriples_lines_are_sorted(sample_build):
    lines = (sample_build[1] / "graph.nt").read_text().splitlines()
    assert lines == sorted(lines)


def test_assertions_table(sample_build, sample_kg):
    with open(sample_build[1] / "graph.tsv", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert tuple(rows[0].keys()) == ASSERTION_COLUMNS
    assert len(rows) == sum(len(a.evidence) for a in sample_kg.assertions)
    row = rows[0]
    assert row["polarity"] in ("positive", "negative") and row["hedged"] in ("true", "false")
    assert row["subject"].startswith("https://w3id.org/cancer-spread/concept/")
    assert int(row["start"]) < int(row["end"]) and row["sentence"] and row["rule"]


def test_graphml_reads_back(sample_build, sample_kg):
    from kg.export.graphml import read
    g = read(sample_build[1] / "graph.graphml")
    assert g.number_of_nodes() == len(sample_kg.concepts)
    assert g.number_of_edges() == len(sample_kg.assertions)
    assert g.nodes["micrometastasis"]["label"] == "Micrometastasis"


def _build(out, seed):
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    subprocess.run([sys.executable, "-m", "kg.cli", "-q", "build", str(CORPUS), "-o", str(out)],
                   check=True, env=env, cwd=ROOT)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}   # not the cache


def test_builds_are_byte_identical_whatever_the_hash_seed(tmp_path):
    first = _build(tmp_path / "a", 1)
    second = _build(tmp_path / "b", 2)
    assert first.keys() == second.keys() and len(first) == len(EXPORTERS)
    for name in first:
        assert first[name] == second[name], name


def test_committed_exports_are_up_to_date(sample_build):
    _, out = sample_build
    for path in sorted(p for p in out.iterdir() if not p.name.startswith(".")):   # not the rebuild cache
        committed = EXPORTS / path.name
        assert committed.is_file(), f"exports/{path.name} is missing: run 'kg build'"
        assert committed.read_bytes() == path.read_bytes(), f"exports/{path.name} is stale: run 'kg build'"


def test_writes_are_atomic(tmp_path, monkeypatch):
    from kg.export import write_atomic
    target = tmp_path / "x.txt"
    target.write_text("old")

    class Boom(Exception):
        pass

    def explode(*a, **k):
        raise Boom()
    monkeypatch.setattr(os, "replace", explode)
    with pytest.raises(Boom):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_exports_get_ordinary_file_permissions(sample_build):
    # regression: files written through mkstemp kept its 0600 mode, unreadable to a web server or teammates
    mask = os.umask(0)
    os.umask(mask)
    for path in sample_build[0].paths:
        assert path.stat().st_mode & 0o777 == 0o666 & ~mask, path.name


def test_parallel_exports_equal_sequential_ones(sample_kg, tmp_path, monkeypatch):
    # large graphs write the N-Triples-based formats in worker processes; the files must not change
    import kg.export as export
    sequential = export.export_all(sample_kg, tmp_path / "seq", workers=1)
    monkeypatch.setattr(export, "PARALLEL_MIN_LINES", 0)
    timings = {}
    parallel = export.export_all(sample_kg, tmp_path / "par", workers=2, timings=timings)
    assert {f"export:{n}" for n in ("turtle", "jsonld", "owl")} <= timings.keys()
    for a, b in zip(sequential, parallel):
        assert a.name == b.name and a.read_bytes() == b.read_bytes(), a.name


@pytest.mark.skipif(__import__("multiprocessing").get_start_method() != "fork",
                    reason="the broken writer reaches the workers only when they are forked")
def test_a_failing_format_in_a_worker_leaves_old_files(sample_kg, tmp_path, monkeypatch):
    import kg.export as export
    from kg.export import turtle
    out = tmp_path / "out"
    export.export_all(sample_kg, out, workers=1)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(kg, nt_path, handle):
        raise OSError("disk full")
    monkeypatch.setattr(turtle, "write", broken)   # the worker processes are forked, so they see it too
    monkeypatch.setattr(export, "PARALLEL_MIN_LINES", 0)
    with pytest.raises(OSError, match="disk full"):
        export.export_all(sample_kg, out, workers=2)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_jsonld_compacts_iris_and_leaves_literals_alone(tmp_path):
    import json

    from kg.constants import CONCEPT, EVIDENCE, KG
    from kg.export import jsonld
    nt = tmp_path / "g.nt"
    nt.write_text(
        f'<{EVIDENCE}abc/target> <{KG}rule> "see {CONCEPT}metastasis, \\"quoted\\"\\n" .\n'
        f'<{EVIDENCE}abc/target> <{KG}rule> "x"@en .\n'
        f'<{EVIDENCE}abc/target> <http://example.org/p> <{CONCEPT}metastasis> .\n'
        '_:b1 <http://example.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n', encoding="utf-8")
    out = tmp_path / "g.jsonld"
    with open(out, "wb") as handle:
        jsonld.write(None, nt, handle)
    doc = json.loads(out.read_text(encoding="utf-8"))
    first, second = doc["@graph"]
    assert first["@id"] == "evidence:abc/target"
    assert first["kg:rule"] == [{"@value": f'see {CONCEPT}metastasis, "quoted"\n'}, {"@language": "en", "@value": "x"}]
    assert first["http://example.org/p"] == [{"@id": "concept:metastasis"}]
    assert second == {"@id": "_:b1", "http://example.org/p": [{"@type": "xsd:integer", "@value": "1"}]}
    assert isomorphic(Graph().parse(out, format="json-ld"), Graph().parse(nt, format="nt"))


def test_sssom_mappings_round_trip(sample_kg, sample_rdf):
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    from kg.export import sssom
    text = (EXPORTS / "mappings.sssom.tsv").read_text(encoding="utf-8")
    assert text == sssom.render(sample_kg)
    meta, rows = sssom.read(text)
    assert meta["mapping_set_id"].startswith("https://") and meta["license"].startswith("https://")
    assert {"subject_id", "predicate_id", "object_id", "mapping_justification"} <= set(rows[0])
    expand = lambda curie: URIRef(meta["curie_map"][curie.split(":", 1)[0]] + curie.split(":", 1)[1])  # noqa: E731
    read_back = {(expand(r["subject_id"]), expand(r["predicate_id"]), expand(r["object_id"])) for r in rows}
    in_graph = {t for p in (SKOS.exactMatch, SKOS.closeMatch) for t in sample_rdf.triples((None, p, None))
                if str(t[0]).startswith("https://w3id.org/cancer-spread/concept/")}
    assert read_back == in_graph and len(rows) > 20


def test_graphml_nodes_carry_iris_and_jsonld_uses_type():
    import json

    from kg.export.graphml import read
    g = read(EXPORTS / "graph.graphml")
    assert g.nodes["micrometastasis"]["iri"] == "https://w3id.org/cancer-spread/concept/micrometastasis"
    doc = json.loads((EXPORTS / "graph.jsonld").read_text(encoding="utf-8"))
    node = next(n for n in doc["@graph"] if n["@id"] == "concept:micrometastasis")
    assert "owl:Class" in node["@type"] and "rdf:type" not in node


def test_text_no_xml_can_hold_still_exports_in_every_format(tmp_path):
    # issue 12: a NUL or other control character in a post made the GraphML export fail
    from kg.build import build
    from kg.export.graphml import read
    import json
    post = {"id": 5, "link": "https://example.org/a\x00b", "title": {"rendered": "Bone\x00 \x0b metastasis\ud800"},
            "content": {"rendered": "<h2>Bone metastasis\x01</h2><p>Bone metastasis\x00 may cause pain&#1;.</p>"
                                    "<dl><dt>Micrometastasis\x1b[0m</dt><dd>A tiny metastasis\x0c.</dd></dl>"}}
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(post), encoding="utf-8")
    result = build([str(source)], tmp_path / "out")
    from kg.export import EXPORTERS
    assert len(result.paths) == len(EXPORTERS) and result.graph.assertions
    graph = read(tmp_path / "out" / "graph.graphml")
    assert graph.number_of_edges() > 0
    for path in result.paths:
        text = path.read_text(encoding="utf-8")
        assert not any(c in text for c in "\x00\x01\x0b\x0c\x1b"), path.name


def test_html_of_a_graph_over_the_layout_threshold_is_laid_out(tmp_path):
    """Regression: above visualize.LAYOUT_THRESHOLD concepts the page is laid out by networkx's
    spring_layout, which needs numpy (a declared dependency since)."""
    from kg.export import html
    from kg.model import Assertion, Concept, Evidence, KnowledgeGraph, Post
    from kg.visualize import LAYOUT_THRESHOLD

    n = LAYOUT_THRESHOLD + 20
    concepts = {f"c{i:03d}": Concept(f"c{i:03d}", f"Concept {i}", "Organ" if i % 2 else "Neoplasm") for i in range(n)}
    post = Post(id="1", source="https://example.org/p/1/", title="Synthetic", html="")
    evidence = Evidence("1", post.source, "Synthetic", "", "Body", "A spreads to B.", 0, 15, "test")
    assertions = [Assertion(f"c{i:03d}", "spreads_to", f"c{i + 1:03d}", evidence=[evidence]) for i in range(n - 1)]
    page = html.render(KnowledgeGraph(concepts=concepts, assertions=assertions, posts=[post]))
    assert page.count('"physics": false') >= n   # every concept placed by the layout, physics off
