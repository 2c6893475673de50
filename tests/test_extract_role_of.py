"""A role a noun phrase gives a concept in another: the role of X in Y, the role that X plays in Y."""
from __future__ import annotations

from .test_extract import statements


def test_the_role_of_a_process_in_spread_influences_it_and_a_therapys_role_treats():
    found = statements("<p>We review the role of angiogenesis in metastasis. The role that circulating tumor cells "
                       "play in the metastatic spread of carcinomas is clear. Trials show a role for stereotactic radiosurgery in "
                       "patients with brain metastases.</p>")
    assert ("angiogenesis", "influences", "metastasis", "positive") in found
    assert ("circulating_tumor_cells", "influences", "metastasis", "positive") in found
    assert ("brain_metastasis", "treated_with", "stereotactic_radiosurgery", "positive") in found


def test_a_role_denied_is_negative_and_a_role_without_in_is_nothing():
    found = statements("<p>There is no role of angiogenesis in metastasis. The role of angiogenesis is unclear, "
                       "and metastasis is common.</p>")
    assert ("angiogenesis", "influences", "metastasis", "negative") in found
    assert ("angiogenesis", "influences", "metastasis", "positive") not in found


def test_a_tests_role_in_the_diagnosis_of_a_disease_detects_it():
    found = statements("<p>We review the role of MRI in the diagnosis of brain metastases. The role of surgery in "
                       "the diagnosis of lung metastasis is small.</p>")
    assert ("brain_metastasis", "detected_by", "mri", "positive") in found
    assert ("lung_metastasis", "treated_with", "surgery", "positive") not in found   # a therapy's role in a test
