"""What a sentence says of the page's topic without naming it: its diagnosis, its management, its tests."""
from __future__ import annotations

from .test_extract import statements


def test_what_the_diagnosis_will_depend_on_detects_the_topic():
    found = statements("<p>The diagnosis will depend on imaging and a biopsy.</p><p>Diagnosis is mainly based on "
                       "immunohistochemistry.</p>", title="Bone metastasis")
    assert {("bone_metastasis", "detected_by", k, "positive") for k in ("imaging", "biopsy", "immunohistochemistry")} \
        <= found


def test_related_as_a_modifier_of_a_noun_states_no_relation():
    # "X-related Ys" and "Ys related to X" describe the Ys; "A is closely related to B" is the claim
    found = statements("<p>Patients with advanced melanoma often report problems related to radiation therapy. "
                       "Several melanoma-related changes, such as infection, may follow.</p>")
    assert not {t for t in found if t[1] == "related_to"}
    found = statements("<p>Minimal residual disease is closely related to micrometastasis.</p>")
    assert ("micrometastasis", "related_to", "minimal_residual_disease", "positive") in found


def test_common_sites_of_metastasis_on_a_cancers_page_are_that_cancers():
    found = statements("<p>The omentum, the diaphragm and the liver are likely areas of tumor deposits.</p>"
                       "<p>The lungs are the most common site of spread.</p>", title="Ovarian cancer")
    assert {("malignant_ovarian_neoplasm", "spreads_to", k, "positive") for k in ("omentum", "diaphragm", "liver", "lung")} <= found


def test_common_sites_of_metastasis_on_a_spreads_page_are_of_metastasis_at_large():
    found = statements("<p>The bone is the third most common site of metastasis.</p>", title="Bone metastasis")
    assert ("metastasis", "located_in", "bone", "positive") in found
