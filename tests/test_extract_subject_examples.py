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
