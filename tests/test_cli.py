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
    assert run("validate", str(EXPORTS / "graph.ttl")).exit_code == 0
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
