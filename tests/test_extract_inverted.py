"""Inverted names: a head word, a preposition and the word that would come first in the lexicon's name."""
from __future__ import annotations

from .test_extract import statements


def test_a_finding_in_coordinated_words_is_the_finding_of_each():
    found = statements("<p>An early symptom of spinal cord compression is often pain in the neck or back.</p>",
                       title="Spinal cord compression")
    assert {("spinal_cord_compression", "causes", k, "positive") for k in ("back_pain", "neck_pain")} <= found
    assert ("spinal_cord_compression", "causes", "pain", "positive") not in found


def test_a_name_the_lexicon_has_head_first_goes_on_into_the_list_after_it():
    found = statements("<p>Brain metastases can cause headaches, problems with speech or vision, and "
                       "seizures.</p>", title="Brain metastasis")
    assert {("brain_metastasis", "causes", k, "positive") for k in ("speech_problem", "vision_disorder")} <= found


def test_a_test_of_a_site_and_words_the_lexicon_lacks_stay_as_they_are():
    found = statements("<p>Liver metastasis is found by a biopsy of the liver.</p>"
                       "<p>Liver metastases can cause pain in the zorbal region.</p>", title="Liver metastasis")
    assert ("liver_metastasis", "detected_by", "biopsy", "positive") in found
    assert ("liver_metastasis", "causes", "pain", "positive") in found


def test_a_process_said_head_first_is_the_lexicon_process():
    from .test_extract_paraphrases import mentions
    assert "treatment_resistance" in mentions("<p>Cancer stem cells are linked to resistance to therapy.</p>")
