"""A sub-item without a subject states its cue of the term of the item it stands under."""
from __future__ import annotations

from .test_extract import statements


def test_a_sub_item_that_opens_with_a_verb_is_said_of_its_parent_term():
    found = statements("<ul><li><strong>Micrometastases:</strong> between 0.2 and 2 mm<ul>"
                       "<li>Detected by immunohistochemistry</li><li>May be treated with radiation therapy</li>"
                       "</ul></li></ul>")
    assert ("micrometastasis", "detected_by", "immunohistochemistry", "positive") in found
    assert ("micrometastasis", "treated_with", "radiation_therapy", "positive") in found


def test_flat_lines_after_a_term_line_are_said_of_the_term():
    found = statements("<p>Deposit sizes:</p><p>Macrometastases: over 2 mm</p><p>- Can cause lymphedema</p>"
                       "<p>A closing paragraph that is long enough to be a paragraph of its own.</p>")
    assert ("macrometastasis", "causes", "lymphedema", "positive") in found


def test_a_sub_item_with_its_own_subject_keeps_it():
    found = statements("<ul><li><strong>Micrometastases:</strong> between 0.2 and 2 mm<ul>"
                       "<li>Radiation therapy may cause lymphedema</li></ul></li></ul>")
    assert ("micrometastasis", "causes", "lymphedema", "positive") not in found
