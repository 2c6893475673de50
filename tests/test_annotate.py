"""`kg annotate`: every mention of the sources, as TSV or JSON Lines."""
from __future__ import annotations

import json

from click.testing import CliRunner

from kg.annotate import ANNOTATION_COLUMNS
from kg.cli import main

PAGE = """<html><head><title>Bone metastasis</title><link rel="canonical" href="https://example.org/bone-mets"></head>
<body><h1>Bone metastasis</h1><p>Bone metastases from lung cancer can cause hypercalcemia and rib fractures.</p>
<p>Glowworm therapy is a new treatment.</p></body></html>"""


def _run(tmp_path, *args):
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    return CliRunner().invoke(main, ["annotate", str(page), *args], catch_exceptions=False)


def test_tsv_has_a_header_and_one_row_per_mention(tmp_path):
    result = _run(tmp_path)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split("\t") == list(ANNOTATION_COLUMNS)
    rows = [dict(zip(ANNOTATION_COLUMNS, line.split("\t"))) for line in lines[1:]]
    texts = [r["text"] for r in rows]
    assert texts[:2] == ["Bone metastasis", "Bone metastases"] and "lung cancer" in texts and "hypercalcemia" in texts
    lung = next(r for r in rows if r["text"] == "lung cancer")
    assert lung["source"] == "https://example.org/bone-mets" and lung["category"] == "Neoplasm"
    assert lung["concept"].startswith("https://w3id.org/cancer-spread/concept/") and "NCIT:" in lung["codes"]
    assert lung["discovered"] == "false"


def test_offsets_point_into_the_text_and_jsonl_marks_discoveries(tmp_path):
    result = _run(tmp_path, "--format", "jsonl")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert all(r["end"] - r["start"] == len(r["text"]) for r in rows)
    assert any(r["discovered"] is True and r["text"].lower().startswith("glowworm") for r in rows)


def test_a_missing_source_is_one_error_line(tmp_path):
    result = CliRunner().invoke(main, ["annotate", str(tmp_path / "nope.html")])
    assert result.exit_code == 1 and "error: " in result.output and "Traceback" not in result.output


def test_mentions_are_the_ones_relations_are_read_from(tmp_path):
    page = tmp_path / "sites.html"
    page.write_text("<html><head><title>Spread</title></head><body><p>Cancers of the breast and prostate often "
                    "spread to the bones.</p><p>Non-cancer conditions can mimic this.</p></body></html>")
    result = CliRunner().invoke(main, ["annotate", str(page)], catch_exceptions=False)
    rows = [dict(zip(ANNOTATION_COLUMNS, line.split("\t"))) for line in result.output.splitlines()[1:]]
    keys = [r["concept"].rsplit("/", 1)[-1] for r in rows]
    assert "breast_cancer" in keys and "prostate_carcinoma" in keys   # "cancers of the breast and prostate"
    assert "breast" not in keys   # the site is part of the cancer's name there
    assert not any(r["text"].lower() == "cancer" for r in rows)   # "Non-cancer conditions" names no cancer
