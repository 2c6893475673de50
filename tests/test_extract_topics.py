"""What a block or the page is about (kg.extract.topics): the concept a heading names."""
from __future__ import annotations

from .test_extract import statements


def test_a_broad_word_that_describes_the_next_concept_of_a_heading_is_not_its_topic():
    html = ("<h2>What is cancer dormancy?</h2><p>This state often occurs after:</p>"
            "<ul><li>surgery</li><li>chemotherapy</li></ul>")
    found = statements(html, title="Notes")
    assert {(k, "precedes", "dormancy", "positive") for k in ("surgery", "chemotherapy")} <= found
