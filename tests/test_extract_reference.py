"""What a demonstrative noun phrase points back to."""
from __future__ import annotations

from kg.extract.reference import pointing_prefix

from .test_extract import statements


def test_a_demonstrative_with_describing_words_points_to_a_concept_named_as_its_kind():
    found = statements("<p>Lung cancer often forms adrenal metastases. These small metastases are usually found by CT.</p>")
    assert ("metastatic_malignant_neoplasm_in_the_adrenal_gland", "detected_by", "ct", "positive") in found
    assert ("metastasis", "detected_by", "ct", "positive") not in found


def test_a_demonstrative_one_word_class_points_to_the_latest_concept_of_its_category():
    found = statements("<p>Tumours release signals that build a premetastatic niche in the lung. "
                       "This altered microenvironment promotes colonization.</p>")
    assert ("premetastatic_niche", "influences", "colonization", "positive") in found
    assert ("microenvironment", "influences", "colonization", "positive") not in found
    cancer = statements("<p>Chemotherapy can shrink breast cancer. This aggressive cancer often spreads to the bones.</p>")
    assert ("breast_cancer", "spreads_to", "bone", "positive") in cancer


def test_only_a_demonstrative_and_describing_words_point():
    assert pointing_prefix("These small") and pointing_prefix("this") and pointing_prefix("That")
    assert not pointing_prefix("this is the") and not pointing_prefix("that small") and not pointing_prefix("these of")
