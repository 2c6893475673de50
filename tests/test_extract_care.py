"""Readings of tests, treatments and uses written for pages the rules were not tuned on (helper c's family)."""
from __future__ import annotations

from tests.test_extract import statements


def test_used_for_the_initial_diagnosis_of_a_disease_detects_it():
    found = statements("<p>A PET scan is often used in lymphoma. Clinicians use it for the early diagnosis of "
                       "lymphoma.</p><p>A bone scan is used for the early detection of bone metastasis.</p>")
    assert ("lymphoma", "detected_by", "positron_emission_tomography", "positive") in found
    assert ("bone_metastasis", "detected_by", "bone_scan", "positive") in found


def test_a_method_that_helps_plan_treatment_is_used_in_treatment_planning():
    found = statements("<p>TNM staging helps doctors choose the right treatment.</p>")
    assert ("tnm_staging", "used_in", "treatment_planning", "positive") in found


def test_a_therapy_that_improved_survival_in_a_disease_treats_it():
    found = statements("<p>In one trial, chemotherapy prolonged overall survival in patients with liver "
                       "metastasis.</p>")
    assert ("liver_metastasis", "treated_with", "chemotherapy", "positive") in found


def test_a_disease_requiring_a_therapy_is_treated_with_it_but_not_a_finding_before_a_comma():
    found = statements("<p>Brain metastasis requiring surgery is rare.</p>"
                       "<p>Bone metastasis can lead to a fracture, requiring radiation therapy.</p>")
    assert ("brain_metastasis", "treated_with", "surgery", "positive") in found
    assert ("fracture", "treated_with", "radiation_therapy", "positive") not in found


def test_treatment_of_a_disease_with_a_therapy():
    found = statements("<p>The treatment of liver metastasis with ablation or surgery is discussed here.</p>"
                       "<p>Treatment of liver metastasis with a poor outlook is hard.</p>")
    assert {("liver_metastasis", "treated_with", t, "positive") for t in ("ablation", "surgery")} <= found


def test_what_an_autopsy_finds_is_detected_by_it_and_it_treats_nothing():
    found = statements("<p>Adrenal metastases were often found on autopsy.</p>"
                       "<p>Bone metastasis was confirmed by histopathological examination.</p>")
    assert any(x[1:] == ("detected_by", "autopsy", "positive") for x in found)
    assert not any(x[1] == "treated_with" and x[2] == "autopsy" for x in found)
    assert ("bone_metastasis", "detected_by", "pathology", "positive") in found


def test_options_for_a_disease_include_its_treatments_but_options_for_diagnosis_are_tests():
    found = statements("<p>Options for brain metastasis include surgery and radiation therapy.</p>"
                       "<p>Options for diagnosing liver metastasis include CT and biopsy.</p>")
    assert {("brain_metastasis", "treated_with", t, "positive") for t in ("surgery", "radiation_therapy")} <= found
    assert ("liver_metastasis", "detected_by", "ct", "positive") in found
    assert not any(x[0] == "liver_metastasis" and x[1] == "treated_with" for x in found)


def test_localized_therapy_is_local_therapy():
    found = statements("<p>Localized therapy for oligometastatic disease can be curative.</p>")
    assert ("oligometastatic_disease", "treated_with", "local_therapy", "positive") in found


def test_a_method_crucial_for_the_diagnosis_on_its_page_about_one_disease_detects_it():
    html = "<h1>{}</h1><p>MRI is important for diagnosis.</p>"
    found = statements(html.format("MRI in the care of brain metastasis"), "MRI in brain metastasis")
    assert ("brain_metastasis", "detected_by", "mri", "positive") in found
    found = statements(html.format("MRI in brain and liver metastasis"), "MRI")   # two diseases: neither
    assert not any(x[1] == "detected_by" for x in found)


def test_it_after_an_opening_word_and_a_passive_auxiliary_points_back():
    found = statements("<p>A PET scan is common in lymphoma. That tells how far lymphoma has spread. "
                       "Afterwards it can be used for checking response to therapy.</p>", "PET scan")
    assert ("positron_emission_tomography", "used_in", "treatment_response", "positive") in found


def test_a_role_said_before_its_holder_on_a_disease_page_is_the_topics():
    found = statements("<h1>Liver metastasis</h1><p>The imaging method of choice for diagnosis and "
                       "staging is CT.</p>", "Liver metastasis")
    assert ("liver_metastasis", "detected_by", "ct", "positive") in found
    found = statements("<h1>Liver metastasis</h1><p>The main test for diagnosing bone metastasis is a bone scan.</p>"
                       "<p>The most common symptom of diagnosis is pain.</p>", "Liver metastasis")
    assert ("liver_metastasis", "detected_by", "bone_scan", "positive") not in found   # the disease it names


def test_the_immunohistochemical_analysis_is_immunohistochemistry_also_when_its_head_is_shared():
    found = statements("<p>The bone metastasis was confirmed by histopathological and immunohistochemical "
                       "analysis.</p>")
    assert ("bone_metastasis", "detected_by", "immunohistochemistry", "positive") in found
