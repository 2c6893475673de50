"""Examples of a broad subject named after its object take the subject's relation."""
from __future__ import annotations

from .test_extract import statements


def test_examples_of_the_subject_after_the_object_spread_there_too():
    found = statements("<p>Many cancers can spread to the brain, such as lung, breast and kidney cancers.</p>")
    assert {("lung_carcinoma", "spreads_to", "brain", "positive"), ("breast_cancer", "spreads_to", "brain", "positive"),
            ("kidney_carcinoma", "spreads_to", "brain", "positive")} <= found


def test_examples_of_the_object_are_not_taken_as_subjects():
    found = statements("<p>Cancer often spreads to organs such as the liver and the lungs.</p>")
    assert ("liver", "spreads_to", "lung", "positive") not in found
    assert ("cancer", "spreads_to", "liver", "positive") in found


def test_a_specific_subject_keeps_its_examples_to_itself():
    found = statements("<p>Breast cancer can spread to the bones, such as lung cancer does.</p>")
    assert ("lung_carcinoma", "spreads_to", "bone", "positive") not in found


def test_examples_set_right_after_a_broad_subject_take_its_relation():
    found = statements("<p>Many cancers, including breast cancer and lung cancer, spread to the bones.</p>"
                       "<p>Some cancers, such as prostate cancer, often spread to the spine.</p>")
    assert {("breast_cancer", "spreads_to", "bone", "positive"), ("lung_carcinoma", "spreads_to", "bone", "positive"),
            ("prostate_carcinoma", "spreads_to", "vertebral_column", "positive")} <= found


def test_examples_of_a_subject_class_take_its_relation():
    found = statements("<p>Cancer treatments such as surgery and radiation therapy can cause lymphedema.</p>")
    assert {("surgery", "causes", "lymphedema", "positive"), ("radiation_therapy", "causes", "lymphedema", "positive")} <= found



def test_examples_of_a_broad_object_take_its_relation_in_its_place():
    found = statements("<p>Bone metastases often come from other cancers, such as breast cancer and prostate cancer.</p>")
    assert {("bone_metastasis", "originates_from", "breast_cancer", "positive"),
            ("bone_metastasis", "originates_from", "prostate_carcinoma", "positive"),
            ("breast_cancer", "spreads_to", "bone", "positive")} <= found
    assert ("bone_metastasis", "originates_from", "cancer", "positive") not in found


def test_a_specific_class_keeps_its_relation_beside_its_examples():
    found = statements("<p>Lymph node metastasis can be detected by imaging, such as CT and MRI.</p>")
    assert ("lymph_node_metastasis", "detected_by", "imaging", "positive") in found
    assert ("lymph_node_metastasis", "detected_by", "ct", "positive") not in found
