"""Paraphrases: phrasings of ontology/paraphrases.tsv name their concept; every row fires on its example."""
from __future__ import annotations

import csv

import pytest

from kg.constants import LEXICON_FILE, PARAPHRASES_FILE
from kg.errors import LexiconError
from kg.extract import extract
from kg.extract.paraphrases import load_paraphrases
from kg.ingest import post_from_object
from kg.lexicon import Matcher, load_lexicon
from kg.text import parse_post

from .test_extract import statements


def _rows():
    with open(PARAPHRASES_FILE, encoding="utf-8", newline="") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))


def mentions(html):
    concepts = load_lexicon([LEXICON_FILE])
    post = post_from_object({"id": 1, "link": "https://example.org/p/", "title": {"rendered": "Test"},
                             "content": {"rendered": html}}, "test")
    return {m.key for m in extract(parse_post(post), concepts, Matcher(concepts), with_mentions=True).mentions}


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["concept"])
def test_every_row_names_its_concept_in_its_example(row):
    assert row["concept"] in load_lexicon([LEXICON_FILE])
    assert row["concept"] in mentions(f"<p>{row['example']}</p>")


def test_a_paraphrase_is_read_by_the_relation_rules():
    found = statements("<p>MRI is crucial in determining the best course of management.</p>", title="Brain metastasis")
    assert ("mri", "used_in", "treatment_planning", "positive") in found


def test_a_bad_pattern_is_a_clear_error(tmp_path):
    bad = tmp_path / "paraphrases.tsv"
    bad.write_text("pattern\tconcept\texample\n(unclosed\tx\tx\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="paraphrases.tsv: row 2"):
        load_paraphrases(bad)
