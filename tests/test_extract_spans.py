"""Mentions that are no concept of their own: a class word heading the name before it, a describing word."""
from __future__ import annotations

from .test_extract import kg_of, statements


def test_a_class_word_after_a_method_is_part_of_its_name():
    found = statements("<p>Solid tumors may be detected by PET-MRI and PET-CT scans.</p>")
    assert ("solid_tumor", "detected_by", "pet_ct", "positive") in found
    assert not {k for k in found if k[2] == "imaging"}


def test_a_class_word_alone_is_still_a_concept():
    found = statements("<p>Bone metastases can be seen on scans.</p>")
    assert ("bone_metastasis", "detected_by", "imaging", "positive") in found


def test_a_site_before_a_noun_only_describes_it():
    kg = kg_of("<p>Bone destruction can cause pain.</p>")
    assert not [a for a in kg.assertions if a.subject == "bone"]


def test_a_broad_cancer_of_coordinated_sites_is_the_cancer_of_each():
    found = statements("<p>Cancers of the breast, prostate, lung and kidney often spread to the bone.</p>"
                       "<p>Carcinoma of the kidney often spreads to the lung.</p>")
    assert {(k, "spreads_to", "bone", "positive") for k in
            ("breast_cancer", "prostate_carcinoma", "lung_carcinoma", "kidney_carcinoma")} <= found
    assert ("kidney_carcinoma", "spreads_to", "lung", "positive") in found
    assert not {t for t in found if t[0] in ("prostate_gland", "kidney", "lung") or t[2] in ("prostate_gland", "kidney")}


def test_a_finding_before_relief_or_control_is_not_the_finding():
    found = statements("<p>Radiation therapy was associated with rapid pain relief.</p>")
    assert not {t for t in found if "pain" in (t[0], t[2])}


def test_a_markers_status_names_a_subtype_not_the_marker():
    found = statements("<p>There are four major subtypes of breast cancer, based on the receptors they carry:</p>"
                       "<p>• Hormone receptor (HR) positive. Cancers with receptors for estrogen are hormone-positive.</p>"
                       "<p>• HER2-negative. This type of breast cancer has little of a protein.</p>",
                       title="Metastatic breast cancer subtypes and treatment")
    # the marker is no kind of breast cancer; the subtype the item names with the class's head left out is
    assert not {t for t in found if t[1] == "is_a" and t[2] == "breast_cancer" and not t[0].endswith("breast_cancer")}
    assert ("her2_negative_breast_cancer", "is_a", "breast_cancer", "positive") in found


def test_a_finding_in_coordinated_sites_is_the_finding_of_each_the_lexicon_names():
    found = statements("<p>Bone metastases cause pain in the bones.</p>")
    assert ("bone_metastasis", "causes", "bone_pain", "positive") in found


def test_spread_to_a_site_as_a_noun_is_the_spread_at_that_site():
    found = statements("<p>Localized spread to regional lymph nodes is often not counted as metastasis, but is a sign "
                       "of worse prognosis.</p><p>Cancer can spread to the liver.</p>")
    assert ("lymph_node_metastasis", "is_a", "metastasis", "negative") in found
    assert ("lymph_node_metastasis", "associated_with", "prognosis", "positive") in found
    assert ("cancer", "spreads_to", "liver", "positive") in found   # a verb, not the noun


def test_a_site_merged_into_its_cancer_is_no_second_mention():
    # regression: "Carcinoma of the kidney" was read as kidney carcinoma and again as the kidney
    from kg.extract import document
    kg_sites = []
    original = document._Doc.sent_mentions

    def recording(self, s):
        found = original(self, s)
        kg_sites.extend(m.key for m in found)
        return found
    document._Doc.sent_mentions = recording
    try:
        kg_of("<p>Carcinoma of the kidney often spreads to the lung.</p>")
    finally:
        document._Doc.sent_mentions = original
    assert "kidney_carcinoma" in kg_sites and "kidney" not in kg_sites


def test_the_word_stage_of_a_stage_the_lexicon_lacks_is_not_staging():
    found = statements("<ul><li><strong>Stage 4A and stage IIIB:</strong> subgroups used for some cancers</li></ul>",
                       title="Stage 4 cancer")
    assert not {t for t in found if "staging" in (t[0], t[2])}


def test_a_name_that_is_a_clause_is_the_sentences_own_clause_when_it_opens_it():
    found = statements("<p>The cancer has spread to the liver and lungs.</p>", title="Pancreatic cancer")
    assert {("pancreatic_carcinoma", "spreads_to", "liver", "positive"),
            ("pancreatic_carcinoma", "spreads_to", "lung", "positive")} <= found
    found = statements("<p>A PET scan can show whether your cancer has spread to the liver.</p>")
    assert ("liver_metastasis", "detected_by", "positron_emission_tomography", "positive") in found


def test_a_site_and_what_it_does_name_a_finding():
    found = statements("<p>Lymph nodes can also swell because of an infection.</p>"
                       "<p>Bone metastasis can cause the bones to break.</p>")
    assert ("infection", "causes", "lymphadenopathy", "positive") in found
    assert ("bone_metastasis", "causes", "fracture", "positive") in found


def test_the_abbreviation_of_a_marker_before_its_status_names_no_marker():
    # regression: once "(HR)" was learned for a discovered "Hormone receptor", "Hormone receptor (HR) positive"
    # named the receptor through its abbreviation, and a list of subtypes made the receptor a kind of cancer
    from kg.extract.spans import plain_mentions
    from kg.model import Mention
    text = "Hormone receptor (HR) positive."
    found = [Mention("hormone_receptor", 0, 16, "Hormone receptor"), Mention("hormone_receptor", 18, 20, "HR")]
    assert plain_mentions(text, found) == []


def test_spread_after_examples_set_into_a_subject_is_the_verb():
    found = statements("<p>Many cancers, including breast cancer and lung cancer, spread to the bones.</p>")
    assert ("cancer", "spreads_to", "bone", "positive") in found   # not "bone metastasis" as a noun
    listed = statements("<p>Metastasis involves several steps, including local invasion, spread to the lymph nodes, "
                        "and intravasation.</p>")
    assert not {t for t in listed if t[1] == "spreads_to"}   # a step named in a list stays a noun
