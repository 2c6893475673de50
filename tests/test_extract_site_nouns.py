"""A site named right before a spread finding is where the finding lies."""
from __future__ import annotations

from .test_extract import statements


def test_a_site_before_a_spread_finding_locates_it():
    found = statements("<p>Bone marrow micrometastases were counted in every patient.</p>")
    assert ("micrometastasis", "located_in", "bone_marrow", "positive") in found


def test_a_site_apart_from_the_finding_does_not_locate_it():
    found = statements("<p>The lymph node, and micrometastases elsewhere, were counted.</p>")
    assert ("micrometastasis", "located_in", "lymph_node", "positive") not in found
