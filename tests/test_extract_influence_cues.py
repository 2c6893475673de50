"""The influence cues of ontology/cues.tsv: voice, need, and agent nouns."""
from __future__ import annotations

from .test_extract import statements


def test_a_passive_influence_verb_takes_its_agent_after_by():
    found = statements("<p>Tumor growth is promoted by angiogenesis.</p>"
                       "<p>Colonization is facilitated by the premetastatic niche.</p>")
    assert ("angiogenesis", "influences", "tumor_growth", "positive") in found
    assert ("premetastatic_niche", "influences", "colonization", "positive") in found
    assert ("tumor_growth", "influences", "angiogenesis", "positive") not in found
    assert ("colonization", "influences", "premetastatic_niche", "positive") not in found


def test_what_a_process_needs_or_is_driven_by_influences_it():
    found = statements("<p>Angiogenesis is essential for tumor growth.</p>"
                       "<p>Vascular endothelial growth factor stimulates angiogenesis.</p>"
                       "<p>Epithelial-mesenchymal transition is a major driver of intravasation.</p>")
    assert {("angiogenesis", "influences", "tumor_growth", "positive"),
            ("vegf", "influences", "angiogenesis", "positive"),
            ("emt", "influences", "intravasation", "positive")} <= found


def test_a_test_or_a_site_needed_for_a_process_is_no_influence():
    found = statements("<p>A biopsy is required for diagnosis.</p><p>The liver is essential for metabolism.</p>")
    assert not {k for k in found if k[1] == "influences"}
