"""What people with a disease have, notice or feel, the disease causes."""
from __future__ import annotations

from .test_extract import statements


def test_what_people_with_a_disease_notice_or_have_it_causes():
    found = statements("<p>People with brain metastases may notice headaches or seizures.</p>"
                       "<p>Patients who have liver metastasis often have jaundice.</p>")
    assert {("brain_metastasis", "causes", "headache", "positive"), ("brain_metastasis", "causes", "seizure", "positive"),
            ("liver_metastasis", "causes", "jaundice", "positive")} <= found


def test_what_they_do_not_have_is_denied_and_a_prognosis_is_no_finding():
    found = statements("<p>Some people with bone metastasis do not have pain.</p>"
                       "<p>People with breast cancer have a good prognosis.</p>")
    assert ("bone_metastasis", "causes", "pain", "negative") in found
    assert not {k for k in found if k[1] == "causes" and k[3] == "positive"}


def test_what_you_may_have_in_a_symptoms_section_its_subject_causes():
    found = statements("<h2>Symptoms of brain metastasis</h2><p>You may have headaches.</p>"
                       "<p>Some patients may not have nausea.</p><h2>Treatment</h2><p>You may have fatigue.</p>")
    assert ("brain_metastasis", "causes", "headache", "positive") in found
    assert ("brain_metastasis", "causes", "nausea", "negative") in found
    assert ("brain_metastasis", "causes", "fatigue", "positive") not in found
