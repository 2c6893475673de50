"""Relations inside a noun phrase: metastases from X, the spread of X to Y, the detection of X by T."""
from __future__ import annotations

from .test_extract import statements


def test_metastases_from_a_cancer_or_an_organ_originate_there():
    found = statements("<p>Bone metastases from breast or prostate cancer are often painful.</p>")
    assert ("bone_metastasis", "originates_from", "breast_cancer", "positive") in found
    assert any(k[0] == "bone_metastasis" and k[1] == "originates_from" and "prostate" in k[2] for k in found)
    assert ("liver_metastasis", "originates_from", "colon", "positive") in \
        statements("<p>Liver metastases that came from the colon were removed.</p>")


def test_the_detection_of_x_by_a_test():
    found = statements("<p>Detection of liver metastases by ultrasound is often possible.</p>")
    assert ("liver_metastasis", "detected_by", "ultrasound", "positive") in found


def test_a_from_phrase_after_a_cancer_is_no_origin_of_a_spread():
    found = statements("<p>Patients with breast cancer from the clinic were seen.</p>")
    assert not {k for k in found if k[1] == "originates_from"}


def test_a_cancer_with_metastases_at_a_site_has_spread_there():
    found = statements("<p>Patients with breast cancer with bone metastases were treated.</p>")
    assert ("breast_cancer", "spreads_to", "bone", "positive") in found


def test_the_spread_of_cancer_cells_from_where_they_first_formed_is_from_the_primary():
    found = statements("<dl><dt>Metastasis</dt><dd>The spread of cancer cells from the place where they first formed to "
                       "another part of the body.</dd></dl>")
    assert ("metastasis", "originates_from", "primary_tumor", "positive") in found


def test_a_spread_defined_as_the_spread_from_a_place_comes_from_there():
    found = statements("<p>Lymph node metastasis is the spread of cancer cells from a primary tumor to the lymph nodes.</p>")
    assert ("lymph_node_metastasis", "originates_from", "primary_tumor", "positive") in found
    assert ("metastasis", "originates_from", "primary_tumor", "positive") not in found


def test_a_therapy_for_a_disease_treats_it_and_each_example_it_opens():
    found = statements("<p>Doctors weighed radiofrequency and microwave ablation for the treatment of lung metastasis. "
                       "Surgery for many kinds of cancer (including ovarian and cervical cancers) removes lymph nodes.</p>")
    assert ("lung_metastasis", "treated_with", "radiofrequency_ablation", "positive") in found
    assert {("cervical_carcinoma", "treated_with", "surgery", "positive"),
            ("malignant_ovarian_neoplasm", "treated_with", "surgery", "positive")} <= found


def test_a_discovered_description_of_a_treatment_is_no_therapy_for_a_disease():
    found = statements("<p>Surgery is now the accepted treatment for liver metastasis in select patients.</p>")
    assert ("liver_metastasis", "treated_with", "surgery", "positive") in found
    assert not {k for k in found if k[1] == "treated_with" and k[2] != "surgery"}


def test_a_stage_said_with_metastatic_of_one_cancer_is_the_metastatic_cancers_stage():
    found = statements("<p>Immunotherapy is used for stage IV (metastatic) breast cancer.</p>")
    assert ("metastatic_breast_cancer", "associated_with", "stage_4", "positive") in found


def test_a_cancer_named_right_before_a_site_metastasis_is_where_it_came_from():
    found = statements("<p>Lung cancer brain metastases are often treated with radiosurgery.</p>")
    assert ("brain_metastasis", "originates_from", "lung_carcinoma", "positive") in found
    found = statements("<p>Breast cancer metastasis to bone is common.</p>")
    assert ("bone_metastasis", "originates_from", "breast_cancer", "positive") in found
    found = statements("<p>Patients had breast cancer, bone metastasis and pain.</p>")
    assert ("bone_metastasis", "originates_from", "breast_cancer", "positive") not in found


def test_a_route_of_a_cancer_is_how_it_spreads():
    found = statements("<p>Lymphatic spread of breast cancer is common.</p>")
    assert ("breast_cancer", "spreads_via", "lymphatic_spread", "positive") in found


def test_a_spread_defined_as_the_spread_of_cancer_to_a_site_reaches_the_site():
    found = statements("<p>Peritoneal carcinomatosis is the spread of cancer to the lining of the abdomen.</p>")
    assert ("peritoneal_carcinomatosis", "spreads_to", "abdomen", "positive") in found
    found = statements("<p>Metastasis of breast cancer to the lining of the lungs is rare.</p>")
    assert ("breast_cancer", "spreads_to", "lung", "positive") in found


def test_a_therapy_of_a_disease_that_it_acts_on_treats_it():
    found = statements("<p>Complete resection of isolated liver metastases is often possible. Issues of the resection of "
                       "melanoma brain metastases are discussed. The microscopic observation of metastatic tumors "
                       "was described long ago.</p>")
    assert ("liver_metastasis", "treated_with", "surgery", "positive") in found
    assert ("brain_metastasis", "treated_with", "surgery", "positive") in found
    assert ("melanoma", "treated_with", "surgery", "positive") not in found   # it only says which metastases
    assert not {k for k in found if k[0] == "metastatic_tumor" and k[1] == "treated_with"}   # no therapy acts
