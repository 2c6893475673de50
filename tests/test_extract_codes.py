"""Letters a staging system defines (ontology/codes.tsv) are categories of that system."""
from __future__ import annotations

import pytest

from kg.errors import LexiconError
from kg.extract.codes import load_codes

from .test_extract import statements


@pytest.mark.parametrize("row", load_codes(), ids=lambda r: r.code)
def test_every_row_fires_on_its_example(row):
    assert (row.concept, "part_of", row.system, "positive") in statements(f"<p>{row.example}</p>")


def test_a_letter_defined_mid_sentence_or_as_a_line_gloss():
    found = statements("<p>In TNM staging, T describes the tumour size and N stands for lymph nodes.</p>"
                       "<p>M - distant spread</p>")
    assert {("t_category", "part_of", "tnm_staging", "positive"), ("n_category", "part_of", "tnm_staging", "positive"),
            ("m_category", "part_of", "tnm_staging", "positive")} <= found


def test_a_letter_says_nothing_where_the_system_is_not_named():
    assert not {k for k in statements("<p>N stands for lymph nodes.</p>") if k[1] == "part_of"}


def test_a_letter_inside_a_word_or_a_longer_code_is_not_the_code():
    found = statements("<p>TNM staging is common.</p><p>T0: no tumour. The N1 code: one node. Vitamin T: none.</p>")
    assert not {k for k in found if k[1] == "part_of"}


def test_a_row_without_a_system_is_refused(tmp_path):
    bad = tmp_path / "codes.tsv"
    bad.write_text("code\tconcept\tsystem\texample\nT\tt_category\t\tT describes the tumour.\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="every row needs"):
        load_codes(bad)
