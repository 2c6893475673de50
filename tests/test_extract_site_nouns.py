"""A site named right before a spread finding is where the finding lies."""
from __future__ import annotations

from .test_extract import statements


def test_a_site_before_a_spread_finding_locates_it():
    found = statements("<p>Bone marrow micrometastases were counted in every patient.</p>")
    assert ("micrometastasis", "located_in", "bone_marrow", "positive") in found


def test_a_site_apart_from_the_finding_does_not_locate_it():
    found = statements("<p>The lymph node, and micrometastases elsewhere, were counted.</p>")
    assert ("micrometastasis", "located_in", "lymph_node", "positive") not in found


def test_sites_coordinated_before_the_modifying_site_locate_the_finding_too():
    found = statements("<p>Radiosurgery was given for lung, liver, adrenal and brain oligometastases.</p>")
    assert {("oligometastatic_disease", "located_in", k, "positive")
            for k in ("lung", "liver", "adrenal_gland", "brain")} <= found


def test_sites_after_an_article_or_to_are_not_modifiers_of_the_finding():
    found = statements("<p>Tumor cells reached the liver and lymph node micrometastases were found.</p>")
    assert ("micrometastasis", "located_in", "lymph_node", "positive") in found
    assert ("micrometastasis", "located_in", "liver", "positive") not in found
