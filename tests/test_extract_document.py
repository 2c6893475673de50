"""The shared helpers of extraction (kg.extract.document): coordination."""
from __future__ import annotations

from .test_extract import statements


def test_a_coordination_read_backward_steps_over_the_parenthesis_of_an_earlier_conjunct():
    found = statements("<p>Surgical resection (hepatectomy) plus chemotherapy is the standard treatment for liver "
                       "metastasis.</p>")
    assert {("liver_metastasis", "treated_with", k, "positive") for k in ("surgery", "chemotherapy")} <= found


def test_no_concept_is_a_kind_of_its_own_kind():
    # a broad concept is never a kind of a narrower one its label ends with (an is_a becomes a subclass axiom)
    from .test_extract import statements
    assert ("metastasis", "is_a", "liver_metastasis", "positive") not in \
        statements("<p>Metastases are liver metastases in this case.</p>", title="Cancer")


def test_a_cancer_metastatic_to_a_site_is_the_metastasis_there():
    found = statements("<p>Breast cancer metastatic to bone often causes pain.</p>")
    assert ("bone_metastasis", "causes", "pain", "positive") in found
    assert ("breast_cancer", "spreads_to", "bone", "positive") in found
