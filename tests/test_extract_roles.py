"""Copulas whose complement names a role (treatment for, test for, symptom of, cause of, form of)."""
from __future__ import annotations

from .test_extract import statements


def test_a_role_noun_decides_the_relation_and_its_direction():
    assert ("brain_metastasis", "treated_with", "surgery", "positive") in \
        statements("<p>Surgery is often the preferred treatment for brain metastases.</p>")
    assert ("bone_metastasis", "detected_by", "bone_scan", "positive") in \
        statements("<p>A bone scan is the usual test for finding bone metastases.</p>")
    assert ("bone_metastasis", "causes", "pain", "positive") in \
        statements("<p>Pain is usually the first symptom of bone metastasis.</p>")
    assert ("breast_cancer", "causes", "bone_metastasis", "positive") in \
        statements("<p>Breast cancer is a frequent cause of bone metastasis.</p>")


def test_a_concept_after_role_of_is_not_the_copula_subject():
    found = statements("<p>One of the first signs of bone metastasis is pain.</p>")
    assert not {k for k in found if k[1] == "is_a"}
    assert ("bone_metastasis", "causes", "pain", "positive") in found


def test_a_role_needs_the_categories_it_joins():
    found = statements("<p>Pain is the main symptom of surgery for bone metastasis.</p>")
    assert not {k for k in found if k[0] == "bone_metastasis" and k[1] == "causes"}


def test_coordinated_subjects_of_a_role_and_roles_that_name_an_action():
    found = statements("<p>Surgery and stereotactic radiosurgery (SRS) have both emerged as effective treatments for "
                       "brain metastases.</p><p>CT and MRI are useful tools for the diagnosis of bone metastases.</p>")
    assert {("brain_metastasis", "treated_with", "surgery", "positive"),
            ("bone_metastasis", "detected_by", "ct", "positive"), ("bone_metastasis", "detected_by", "mri", "positive")} \
        <= {k for k in found if k[0] != "brain_metastasis" or k[2] == "surgery"}


def test_a_role_that_ends_the_sentence_is_of_the_page_topic():
    found = statements("<p>CT and MRI are useful tools for diagnosis.</p>", title="Bone metastasis")
    assert {("bone_metastasis", "detected_by", "ct", "positive"), ("bone_metastasis", "detected_by", "mri", "positive")} \
        <= found


def test_a_risk_factor_is_associated_with_what_it_is_a_risk_for():
    found = statements("<p>Lymph node metastasis was a significant risk factor for lung metastasis.</p>"
                       "<p>Risk factors for brain metastasis include hypercalcemia and bone pain.</p>")
    assert {("lymph_node_metastasis", "associated_with", "lung_metastasis", "positive"),
            ("hypercalcemia", "associated_with", "brain_metastasis", "positive"),
            ("bone_pain", "associated_with", "brain_metastasis", "positive")} <= found


def test_used_as_a_method_for_is_a_role_copula():
    found = statements("<p>Flow cytometry is used as a fast and simple method for detection of minimal residual "
                       "disease.</p>")
    assert ("minimal_residual_disease", "detected_by", "flow_cytometry", "positive") in found


def test_a_fragment_that_opens_with_a_role_is_the_page_topic_role():
    assert ("bone_metastasis", "detected_by", "bone_scan", "positive") in \
        statements("<p>Standard test for evaluating bone metastases.</p>", title="Bone scan")
    found = statements("<p>The treatment for bone metastasis depends on many things such as the cancer type.</p>",
                       title="Bone scan")
    assert not {k for k in found if k[1] in ("treated_with", "detected_by")}


def test_a_role_of_choice_is_the_role():
    found = statements("<p>MRI is the imaging modality of choice for brain metastasis. Surgery is the treatment of choice "
                       "for liver metastasis.</p>")
    assert {("brain_metastasis", "detected_by", "mri", "positive"),
            ("liver_metastasis", "treated_with", "surgery", "positive")} <= found


def test_a_role_for_two_coordinated_actions_is_the_role_of_the_first():
    found = statements("<p>CT and MRI are useful tools for diagnosis and treatment.</p>", title="Bone metastasis")
    assert {("bone_metastasis", "detected_by", k, "positive") for k in ("ct", "mri")} <= found
