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
    assert got.keys() == expected.keys() and len(got) == 8   # every export, SSSOM (issue 13) too
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
    from kg.stream_files import SEP as _SEP, _unescape, tsv_records
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


def _glitter(tmp_path):
    """A page about a concept only an extra lexicon knows, and that lexicon."""
    from kg.lexicon_rows import ROW_COLUMNS, row_line
    lexicon = tmp_path / "glitter.tsv"
    lexicon.write_text("\t".join(ROW_COLUMNS) + "\n" + row_line("glitter_carcinoma", "Glitter carcinoma", "Neoplasm",
                                                                ["glitter cancer"], [], []) + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Glitter carcinoma</title></head><body><h1>Glitter carcinoma</h1>"
                    "<p>Glitter cancer can spread to the liver.</p></body></html>", encoding="utf-8")
    return lexicon, page


def test_lexicons_reach_the_streaming_build_and_the_cache_key(tmp_path):
    from kg.build import build
    from kg.constants import LEXICON_FILE
    from kg.export import export_all
    from kg.pipeline import build_graph, read_posts
    lexicon, page = _glitter(tmp_path)
    sources = [str(page), str(CORPUS)]
    plain = build(sources, tmp_path / "out")
    assert "glitter_carcinoma" not in (tmp_path / "out" / "graph.tsv").read_text()
    with_lexicon = build(sources, tmp_path / "out", lexicons=[lexicon])
    assert plain.counts["posts"] == 3 and with_lexicon.counts["reused"] == 0   # another lexicon: every post read again
    assert "concept/glitter_carcinoma" in (tmp_path / "out" / "graph.tsv").read_text()
    posts, _ = read_posts(sources)
    export_all(build_graph(posts, [LEXICON_FILE, lexicon], workers=1), tmp_path / "memory", workers=1)
    assert _files(tmp_path / "out") == _files(tmp_path / "memory")   # the same bytes as built in memory
    again = build(sources, tmp_path / "out", lexicons=[lexicon])
    assert again.counts["reused"] == again.counts["posts"] == 3 and again.triples == with_lexicon.triples


def test_a_stopped_builds_runs_and_temporary_files_are_removed(tmp_path):
    from kg.build import build
    out = tmp_path / "out"
    (out / ".kg-build-stopped").mkdir(parents=True)
    (out / ".kg-build-stopped" / "nt.0.run").write_text("x")
    (out / ".graph.nt.stopped.tmp").write_text("x")
    (out / "..kg-cache.sqlite.1234.tmp").write_text("x")
    build([str(CORPUS)], out, formats=["tsv"])
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".kg-cache.sqlite"]
