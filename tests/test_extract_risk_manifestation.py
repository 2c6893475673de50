"""Cue forms of ontology/cues.tsv: a stated size of risk, and a finding 'as the first sign of' its cause."""
from __future__ import annotations

from .test_extract import statements


def test_a_risk_given_as_a_percentage_associates_its_holder_with_the_outcome():
    found = statements("<p>Melanoma carries a 40% risk of brain metastasis.</p>"
                       "<p>Breast cancer has a 10-20% risk for bone metastasis.</p>")
    assert ("melanoma", "associated_with", "brain_metastasis", "positive") in found
    assert ("breast_cancer", "associated_with", "bone_metastasis", "positive") in found


def test_a_finding_as_the_first_sign_or_manifestation_of_a_disease_is_caused_by_it():
    found = statements("<p>Seizures as the presenting symptom of brain metastasis are common.</p>"
                       "<p>Liver metastasis as the first manifestation of pancreatic cancer.</p>")
    assert ("brain_metastasis", "causes", "seizure", "positive") in found
    assert ("pancreatic_carcinoma", "causes", "liver_metastasis", "positive") in found
