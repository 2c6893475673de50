"""The kg command: summaries, exit codes, one-line errors (no tracebacks) and every subcommand."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from click.testing import CliRunner

from kg.cli import main

from .conftest import EVAL, EXPORTS, FIXTURES, ROOT


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_build_prints_a_summary(tmp_path):
    result = run("build", str(FIXTURES / "sentinel.post.json"), "-o", str(tmp_path))
    assert result.exit_code == 0
    assert "posts read: 1" in result.output and "concepts:" in result.output and "relations:" in result.output
    assert (tmp_path / "graph.ttl").is_file() and (tmp_path / "graph.html").is_file()


def test_bad_sources_are_named_and_the_rest_builds(tmp_path):
    result = run("build", str(FIXTURES / "bad"), str(FIXTURES / "mrd.post.json"), "-o", str(tmp_path))
    assert result.exit_code == 1
    assert "posts read: 1 (6 sources failed)" in result.output
    assert "malformed.json: malformed JSON" in result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "graph.ttl").is_file()


def test_strict_stops_at_first_failure(tmp_path):
    result = run("build", "--strict", str(FIXTURES / "bad" / "empty.json"), str(FIXTURES / "mrd.post.json"),
                 "-o", str(tmp_path))
    assert result.exit_code == 1 and "empty.json: is empty" in result.output
    assert not (tmp_path / "graph.ttl").exists()


def test_no_traceback_in_a_real_process(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(FIXTURES / "bad" / "binary.json"),
                           "-o", str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "binary file" in proc.stderr and "Traceback" not in proc.stderr
    quiet = subprocess.run([sys.executable, "-m", "kg.cli", "-q", "build", str(FIXTURES / "mrd.post.json"),
                            "-o", str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""


def test_evaluate_prints_scores():
    result = run("evaluate", str(EVAL / "seed-gold.tsv"), "--concepts", str(EVAL / "concepts.tsv"),
                 "--assertions", str(EXPORTS / "graph.tsv"))
    assert result.exit_code == 0
    assert "core recall" in result.output and "detected_by" in result.output


def test_query_list_name_and_errors():
    listed = run("query", "--list")
    assert "cascade-steps" in listed.output and "?" in listed.output
    result = run("query", "--graph", str(EXPORTS / "graph.ttl"), "--name", "cascade-steps", "--format", "csv")
    assert result.exit_code == 0 and result.output.splitlines()[1].startswith("1,")
    bad = run("query", "--graph", str(EXPORTS / "graph.ttl"), "SELECT ?x WHERE { ?x }")
    assert bad.exit_code == 1 and "syntax error" in bad.output
    unknown = run("query", "--graph", str(EXPORTS / "graph.ttl"), "--name", "nope")
    assert unknown.exit_code == 1 and "known:" in unknown.output


def test_validate_stats_path_viz(tmp_path):
    assert run("validate", "--graph", str(EXPORTS / "graph.ttl")).exit_code == 0
    stats = run("stats", "--graph", str(EXPORTS / "graph.graphml"))
    assert "Concepts by category" in stats.output and "Most central" in stats.output
    path = run("path", "Occult micrometastasis", "lymph node", "--graph", str(EXPORTS / "graph.graphml"))
    assert path.exit_code == 0 and "Micrometastasis" in path.output and "“" in path.output
    missing = run("path", "no such thing", "lymph node", "--graph", str(EXPORTS / "graph.graphml"))
    assert missing.exit_code == 1 and "no concept named" in missing.output
    out = tmp_path / "part.html"
    viz = run("viz", "--graph", str(EXPORTS / "graph.graphml"), "--focus", "micrometastasis", "--depth", "1",
              "-o", str(out))
    assert viz.exit_code == 0 and out.is_file()


@pytest.mark.skipif(shutil.which("kg") is None, reason="the kg command is not installed")
def test_installed_command_works_from_any_directory(tmp_path):
    proc = subprocess.run(["kg", "build", "-o", "out"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "posts read: 2" in proc.stdout
    assert (tmp_path / "out" / "graph.owl").is_file()
    listed = subprocess.run(["kg", "query", "--list"], capture_output=True, text=True, cwd=tmp_path)
    assert "cascade-steps" in listed.stdout


def test_verbosity_after_the_subcommand_help_and_version(tmp_path):
    quiet = subprocess.run([sys.executable, "-m", "kg", "build", str(FIXTURES / "mrd.post.json"), "-o", str(tmp_path),
                            "-q"], capture_output=True, text=True, cwd=ROOT)
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
    assert "build [OPTIONS] [SOURCES]" in run("build", "-h").output
    assert "0.1.0" in run("--version").output


def test_every_command_takes_any_graph_export(tmp_path):
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.owl", "graph.graphml"):
        stats = run("stats", "--graph", str(EXPORTS / name))
        assert stats.exit_code == 0 and "Most central" in stats.output, name
    path = run("path", "Occult micrometastasis", "lymph node", "--graph", str(EXPORTS / "graph.ttl"))
    assert path.exit_code == 0 and "Micrometastasis" in path.output
    copy = tmp_path / "graph.data"   # no known suffix: told by content
    copy.write_bytes((EXPORTS / "graph.nt").read_bytes())
    assert run("query", "--graph", str(copy), "ASK { ?s ?p ?o }").output == "yes\n"
    refused = run("query", "--graph", str(EXPORTS / "graph.graphml"), "ASK { ?s ?p ?o }")
    assert refused.exit_code == 1 and "GraphML" in refused.output and "Traceback" not in refused.output
    assert run("validate", "--graph", str(EXPORTS / "graph.nt")).exit_code == 0


def test_out_that_is_a_file_or_cannot_be_made(tmp_path):
    a_file = tmp_path / "taken"
    a_file.write_text("x")
    for out in (a_file, a_file / "below"):
        result = run("build", str(FIXTURES / "mrd.post.json"), "-o", str(out))
        assert result.exit_code == 1 and result.output.startswith("error: ") and str(a_file) in result.output
    viz = run("viz", "--graph", str(EXPORTS / "graph.graphml"), "-o", str(tmp_path))   # a folder
    assert viz.exit_code == 1 and "error:" in viz.output


def test_viz_names_unknown_relations_and_drops_unrelated_concepts(tmp_path):
    out = tmp_path / "v.html"
    bad = run("viz", "--relation", "detected_bye", "-o", str(out))
    assert bad.exit_code == 1 and "unknown relation 'detected_bye'; known: is_a" in bad.output and not out.exists()
    bad = run("viz", "--category", "Organ", "-o", str(out))
    assert bad.exit_code == 1 and "known: SpreadPattern" in bad.output
    from kg.export.graphml import read
    from kg.visualize import select
    g = read(EXPORTS / "graph.graphml")
    part = select(g, relations=["detected_by"])
    assert all(part.degree(n) > 0 for n in part) and part.number_of_nodes() < g.number_of_nodes()
    assert select(g, relations=["detected_by"], keep_unrelated=True).number_of_nodes() == g.number_of_nodes()


def test_progress_covers_the_exports(tmp_path):
    from kg.build import build
    from kg.export import EXPORTERS
    calls = []
    build([str(FIXTURES / "mrd.post.json")], tmp_path, progress=lambda *a: calls.append(a))
    assert calls[0] == (1, 1 + len(EXPORTERS)) and calls[-1][:2] == (1 + len(EXPORTERS), 1 + len(EXPORTERS))
    assert {c[2] for c in calls[1:]} == set(EXPORTERS)


def test_summary_rate_is_the_progress_bars_last(tmp_path):
    import os
    import pty
    import re
    master, slave = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(FIXTURES / "mrd.post.json"), "-o", str(tmp_path)],
                          stdout=subprocess.PIPE, stderr=slave, text=True, cwd=ROOT)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.returncode == 0
    bar = shown.decode("utf-8", "replace")
    assert "html" in bar and "ntriples" in bar      # the bar goes on through the exports
    last = re.findall(r"([\d.]+) posts/s", bar)[-1]
    assert re.search(r"posts read: 1 .*, ([\d.]+) posts/s", proc.stdout).group(1) == last


def test_bad_items_are_named_one_line_each_and_the_good_ones_build(tmp_path):
    import json
    good = json.loads((FIXTURES / "mrd.post.json").read_text())
    array = tmp_path / "a.json"
    array.write_text(json.dumps([good, {"id": 2}, {**good, "id": {"x": 1}, "link": None}]))
    lines = tmp_path / "a.jsonl"
    lines.write_text(json.dumps({**good, "id": 9, "link": "https://example.org/9"}) + "\n{oops\n")
    result = run("build", str(array), str(lines), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"error: {array}[1]: is JSON but not a WordPress post (no content)" in result.output
    assert f"error: {array}[2]: post id is an object" in result.output
    assert f"error: {lines}:2: malformed JSON" in result.output
    assert "posts read: 2 (3 sources failed)" in result.output and "Traceback" not in result.output


def test_max_post_mb_is_an_option(tmp_path):
    import json
    big = json.loads((FIXTURES / "mrd.post.json").read_text())
    big["content"]["rendered"] = "<p>" + "Bone metastasis may cause pain. " * 40_000 + "</p>"   # 1.3 MB
    path = tmp_path / "big.json"
    path.write_text(json.dumps(big))
    refused = run("-q", "build", str(path), "-o", str(tmp_path / "out"), "--max-post-mb", "1")
    assert refused.exit_code == 1 and "over the limit of 1 MB per post" in refused.output
    assert "--max-post-mb" in run("build", "--help").output

def test_build_formats_store_rebuild_and_query_store(tmp_path):
    source = str(FIXTURES / "sentinel.post.json")
    store = tmp_path / "store"
    result = run("build", source, "-o", str(tmp_path / "out"), "--formats", "ntriples,tsv", "--store", str(store))
    assert result.exit_code == 0 and "files in" in result.output and "graph.nt, graph.tsv" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == ["graph.nt", "graph.tsv"]
    again = run("build", source, "-o", str(tmp_path / "out"), "--formats", "ntriples")
    assert "posts new: 0, changed: 0, reused: 1" in again.output
    answer = run("query", "--store", str(store), "ASK { ?s a kg:Statement }")
    assert answer.exit_code == 0 and answer.output == "yes\n"
    missing = run("query", "--store", str(tmp_path / "out"), "ASK { ?s ?p ?o }")
    assert missing.exit_code == 1 and "no store here" in missing.output
    bad = run("build", source, "-o", str(tmp_path / "out"), "--formats", "pdf")
    assert bad.exit_code == 1 and "unknown format 'pdf'" in bad.output
