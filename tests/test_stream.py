"""The streaming build gives the same files as the graph built in memory, in every way it can run."""
from __future__ import annotations

import pytest

from kg.errors import KGError

from .conftest import CORPUS, varied_posts, write_jsonl


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def _in_memory(sources, out):
    from kg.export import export_all
    from kg.pipeline import build_graph, read_posts
    posts, _ = read_posts(sources)
    export_all(build_graph(posts, workers=1), out, workers=1)
    return _files(out)


@pytest.fixture(scope="module")
def varied(tmp_path_factory):
    folder = tmp_path_factory.mktemp("varied")
    return [str(write_jsonl(folder / "a.jsonl", varied_posts(40))), str(CORPUS),
            str(write_jsonl(folder / "b.jsonl", varied_posts(30, seed=1, start=40)[::-1]))]


@pytest.fixture(scope="module")
def expected(varied, tmp_path_factory):
    return _in_memory(varied, tmp_path_factory.mktemp("memory"))


def test_parallel_streaming_build_equals_the_graph_built_in_memory(varied, expected, tmp_path):
    from kg.build import build
    result = build(varied, tmp_path, workers=2, use_cache=False)
    assert result.counts["posts"] == 72 and result.counts["discovered"] > 0
    got = _files(tmp_path)
    assert got.keys() == expected.keys() and len(got) == 7
    for name in got:
        assert got[name] == expected[name], name
    assert len(result.graph.assertions) == result.counts["relations"]


def test_many_small_runs_merged_in_several_rounds_change_nothing(varied, expected, tmp_path, monkeypatch):
    import kg.runs
    from kg.build import build
    monkeypatch.setattr(kg.runs, "RUN_CHARS", 20_000)
    monkeypatch.setattr(kg.runs, "MERGE_FAN_IN", 3)
    build(varied, tmp_path, workers=1, formats=["ntriples", "tsv"], use_cache=False)
    got = _files(tmp_path)
    assert got == {name: expected[name] for name in ("graph.nt", "graph.tsv")}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kg-build")]   # the runs are gone


def test_a_large_build_writes_ntriples_and_tsv_and_keeps_no_evidence(varied, expected, tmp_path, monkeypatch):
    import kg.stream
    from kg.build import build
    monkeypatch.setattr(kg.stream, "FULL_FORMATS_MAX_POSTS", 10)
    result = build(varied, tmp_path, workers=1, use_cache=False)
    assert [p.name for p in result.paths] == ["graph.nt", "graph.tsv"]
    assert result.graph.assertions == [] and result.counts["relations"] > 100
    assert _files(tmp_path) == {name: expected[name] for name in ("graph.nt", "graph.tsv")}


def test_formats_are_a_choice(tmp_path):
    from kg.build import build
    result = build([str(CORPUS)], tmp_path, formats=["turtle", "jsonld"])
    assert sorted(p.name for p in result.paths) == ["graph.jsonld", "graph.ttl"]
    assert sorted(_files(tmp_path)) == ["graph.jsonld", "graph.ttl"]
    with pytest.raises(KGError, match="unknown format 'pdf'"):
        build([str(CORPUS)], tmp_path, formats=["pdf"])


def test_tsv_records_keep_cells_with_newlines_and_backslashes():
    from kg.model import Assertion, Evidence
    from kg.stream import _SEP, _unescape, tsv_records
    e = Evidence("1", "https://x/", "t", "", "a\nsection\\n", "s", 3, 9, "rule")
    record = tsv_records(0, [Assertion("a", "is_a", "b", evidence=[e])])[0]
    assert "\n" not in record
    cells = _unescape(record.split(_SEP)[-1])
    assert cells.split("\t")[3] == '"a\nsection\\n"'


def test_store_is_queried_and_served_without_reloading(tmp_path):
    from kg.build import build
    from kg.query import query
    from kg.store import open_store, serve_command, store_graph
    store = tmp_path / "store"
    build([str(CORPUS)], tmp_path / "out", store=store, formats=["tsv"])
    answer = query(store_graph(store), "SELECT ?m WHERE { concept:micrometastasis kg:detectedBy ?m }")
    assert any(row["m"].endswith("/immunohistochemistry") for row in answer)
    assert serve_command(store, "127.0.0.1", 7878)[-4:] == ["--location", str(store), "--bind", "127.0.0.1:7878"]
    result = build([str(CORPUS)], tmp_path / "out", store=store, formats=["ntriples"])   # replaced, not added to
    assert len(open_store(store)) == result.triples == len((tmp_path / "out" / "graph.nt").read_text().splitlines())
    with pytest.raises(KGError, match="no store here"):
        store_graph(tmp_path / "out")
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(KGError, match="not a store kg built"):
        build([str(CORPUS)], tmp_path / "out", store=foreign, formats=["tsv"])
    assert (foreign / "notes.txt").read_text() == "keep me"
