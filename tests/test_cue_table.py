"""The verb-cue table (ontology/cues.tsv): every row states its relation on its example; bad rows are named."""
from __future__ import annotations

import pytest

from kg.constants import CUES_FILE
from kg.errors import LexiconError
from kg.extract import cue_table, extract
from kg.extract.cue_table import COLUMNS, CueTable, read_cues
from kg.ingest import post_from_object
from kg.lexicon import Matcher, load_lexicon
from kg.text import parse_post

ROWS = read_cues(CUES_FILE)
HEADER = "\t".join(COLUMNS) + "\n"


def _extract_with(patterns, sentence):
    post = post_from_object({"id": 1, "link": "https://example.org/cue/", "title": {"rendered": "Cue example"},
                             "content": {"rendered": f"<p>{sentence}</p>"}}, "test")
    concepts = load_lexicon()
    saved = cue_table._table
    cue_table._table = CueTable(patterns)
    try:
        return extract(parse_post(post), concepts, Matcher(concepts)), concepts
    finally:
        cue_table._table = saved


def test_the_table_has_rows_in_file_order():
    assert len(ROWS) >= 15
    lines = [line.split("\t") for line in CUES_FILE.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")][1:]
    assert [(p.relation, p.example) for p in ROWS] == [(cells[0], cells[6]) for cells in lines]


@pytest.mark.parametrize("n", range(len(ROWS)), ids=[f"{i + 1}-{p.relation}" for i, p in enumerate(ROWS)])
def test_every_row_states_its_relation_on_its_example(n):
    row = ROWS[n]
    assert row.cue.regex.search(row.example), row.example
    result, concepts = _extract_with([row], row.example)   # only this row can give a verb: relation
    found = [a for a in result.assertions if a.relation == row.relation
             and any(e.rule == f"verb:{row.relation}" for e in a.evidence)]
    assert found, (row.example, [a.key for a in result.assertions])
    for a in found:
        assert a.subject in concepts and a.object in concepts   # concepts of the shipped lexicon
        assert a.polarity == ("negative" if row.negative else "positive")
        if row.subjects:
            assert concepts[a.subject].category in row.subjects
        if row.objects:
            assert concepts[a.object].category in row.objects


def test_direction_reverse_swaps_subject_and_object():
    forward = [p for p in ROWS if p.relation == "detected_by" and not p.reverse]
    reverse = [p for p in ROWS if p.relation == "detected_by" and p.reverse]
    assert forward and reverse
    result, _ = _extract_with(reverse, "Immunohistochemistry detects micrometastases.")
    assert [a.key[:3] for a in result.assertions] == [("micrometastasis", "detected_by", "immunohistochemistry")]


def test_a_curator_row_needs_no_code(tmp_path):
    path = tmp_path / "cues.tsv"
    path.write_text("# a comment\n" + HEADER + "associated_with\t\\bunrelated to\\b\t\t\tforward\tnegative\t"
                    "Scarring is unrelated to metastatic disease.\n")
    rows = read_cues(path)
    assert len(rows) == 1 and rows[0].negative and rows[0].subjects is None
    result, _ = _extract_with(rows, rows[0].example)
    assert [a.key for a in result.assertions] == [("scarring", "associated_with", "metastasis", "negative")]
    result, _ = _extract_with(rows, "Scarring is not unrelated to metastatic disease.")   # a denied denial affirms
    assert [a.key for a in result.assertions] == [("scarring", "associated_with", "metastasis", "positive")]


@pytest.mark.parametrize("row, reason", [
    ("cures\t\\bcures\\b\t\t\tforward\tpositive\tX cures Y.", "unknown relation 'cures'"),
    ("causes\t\\bcauses\\b\tOrgan\t\tforward\tpositive\tX causes Y.", "unknown category 'Organ' in subjects"),
    ("causes\t\\bcauses\\b\t\t\tsideways\tpositive\tX causes Y.", "direction must be"),
    ("causes\t\\bcauses\\b\t\t\tforward\tmaybe\tX causes Y.", "polarity must be"),
    ("causes\t\\bcauses\\b\t\t\tforward\tpositive\t", "has no example sentence"),
    ("causes\t\\b(causes\\b\t\t\tforward\tpositive\tX causes Y.", "not a valid regular expression"),
    ("causes\t\\b(causes)?\t\t\tforward\tpositive\tX causes Y.", "matches empty text"),
    ("causes\t\\bcauses\\b\t\tforward\tpositive\tX causes Y.", "tab-separated columns"),
])
def test_a_bad_row_is_named_with_its_reason(tmp_path, row, reason):
    path = tmp_path / "cues.tsv"
    path.write_text(HEADER + row + "\n")
    with pytest.raises(LexiconError, match=r"cues\.tsv: row 1: .*" + reason.replace("(", r"\(")):
        read_cues(path)


def test_a_missing_file_or_header_is_one_clear_error(tmp_path):
    with pytest.raises(LexiconError, match="cannot be read"):
        read_cues(tmp_path / "none.tsv")
    path = tmp_path / "cues.tsv"
    path.write_text("relation\tcue\n")
    with pytest.raises(LexiconError, match="the header must be"):
        read_cues(path)


def test_an_imperative_guide_in_a_lead_in_states_no_influence():
    # regression: "Guide treatment planning: It may influence ..." read the imperative as the topic's verb, unhedged
    from .test_extract import kg_of
    kg = kg_of("<ul><li><strong>Guide treatment planning:</strong> It may influence whether therapy is "
               "considered.</li></ul>", title="Micrometastasis")
    assert all(a.hedged for a in kg.assertions if a.relation == "influences")


def test_a_side_effect_of_a_procedure_is_caused_by_it():
    from .test_extract import statements
    found = statements("<p>Lymphedema is a possible side effect of lymph node dissection.</p>")
    assert ("lymph_node_dissection", "causes", "lymphedema", "positive") in found


def test_picked_up_in_a_test_is_detection_and_too_few_to_be_denies_it():
    from .test_extract import statements
    found = statements("<p>Micrometastases are too few to be picked up in a screening or diagnostic test.</p>"
                       "<p>Micrometastases are found in the lymph nodes.</p>")
    assert ("micrometastasis", "detected_by", "diagnostic_test", "negative") in found
    assert not {t for t in found if t[1] == "detected_by" and t[2] == "lymph_node"}
