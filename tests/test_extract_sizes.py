"""Spread categories ordered by the sizes a page states for them (ontology/sizes.tsv)."""
from __future__ import annotations

import pytest

from kg.constants import SIZES_FILE
from kg.errors import LexiconError
from kg.extract.sizes import load_sizes, sizes_in
from kg.tables import table_reader

from .test_extract import statements


def test_sizes_in_sentences_order_the_categories():
    found = statements("<p>Micrometastases are clusters of cancer cells between 0.2 and 2 millimeters across.</p>"
                       "<p>Clusters smaller than 0.2 millimeters are called isolated tumor cells.</p>"
                       "<p>Macrometastases measure more than 2 mm.</p>")
    assert {("isolated_tumor_cells", "smaller_than", "micrometastasis", "positive"),
            ("micrometastasis", "smaller_than", "macrometastasis", "positive"),
            ("isolated_tumor_cells", "smaller_than", "macrometastasis", "positive")} <= found
    assert ("macrometastasis", "smaller_than", "micrometastasis", "positive") not in found


def test_a_label_and_its_size_on_lines_of_their_own():
    found = statements("<p>Size classes used in pathology reports:</p><ul><li>ITCs: &lt;= 0.2 mm</li>"
                       "<li>Micrometastases: &gt;0.2 mm but &lt;=2.0 mm</li></ul><p>Macrometastases: &gt;2.0 mm</p>")
    assert {("isolated_tumor_cells", "smaller_than", "micrometastasis", "positive"),
            ("micrometastasis", "smaller_than", "macrometastasis", "positive")} <= found


def test_bounds_of_two_categories_in_one_sentence_stay_apart():
    """'ITCs (up to 0.2 mm) and micrometastases (more than 0.2 mm)' is no range of either."""
    found = statements("<p>ITCs (up to 0.2 mm) and micrometastases (more than 0.2 mm) are reported apart.</p>")
    assert ("isolated_tumor_cells", "smaller_than", "micrometastasis", "positive") in found


def test_the_subject_owns_the_size_of_what_it_is_defined_as():
    found = statements("<p>A micrometastasis is defined as a metastatic deposit measuring more than 0.2 mm and up "
                       "to 2 mm.</p><p>Isolated tumor cells measure 0.2 mm or less.</p>")
    assert ("isolated_tumor_cells", "smaller_than", "micrometastasis", "positive") in found
    assert ("isolated_tumor_cells", "smaller_than", "metastatic_tumor", "positive") not in found


def test_overlapping_or_other_dimension_sizes_give_no_order():
    found = statements("<p>Micrometastases measure up to 2 mm.</p><p>Macrometastases measure 1 to 30 mm.</p>"
                       "<p>Isolated tumor cells are fewer than 200 cells.</p>")
    assert not {f for f in found if f[1] == "smaller_than"}


def test_sizes_of_tumors_are_not_compared():
    found = statements("<p>A primary tumor smaller than 2 cm is T1; a lung metastasis larger than 3 cm is common.</p>")
    assert not {f for f in found if f[1] == "smaller_than"}


def test_units_and_forms():
    (one,) = sizes_in("less than 200 µm")
    assert (one.dimension, one.low, one.high) == ("length", None, pytest.approx(0.2))
    (one,) = sizes_in("from 0,2 to 2 cm")
    assert (one.low, one.high) == (pytest.approx(2.0), pytest.approx(20.0))
    assert sizes_in("a 2 mm deposit") == []


def test_every_row_reads_its_example():
    grammar = load_sizes()
    for row in table_reader(SIZES_FILE):
        found = sizes_in(row["example"], grammar)
        assert found, row
        if row["kind"] == "upper":
            assert any(s.high is not None and s.low is None for s in found), row
        elif row["kind"] == "lower":
            assert any(s.low is not None and s.high is None for s in found), row


def test_a_bad_row_is_a_lexicon_error(tmp_path):
    path = tmp_path / "sizes.tsv"
    path.write_text("kind\ttext\tvalue\texample\nunit\tmm\tone length\tx\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no number"):
        load_sizes(path)
