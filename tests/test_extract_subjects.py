"""Subjects of cues (kg.extract.subjects): runs of coordinated concepts read backward."""
from __future__ import annotations

from .test_extract import statements


def test_a_serial_comma_before_or_keeps_the_list_after_a_preposition_whole():
    found = statements("<p>Doctors check the patient using bone scans, CT scans, or MRIs to look for bone metastasis.</p>")
    assert {("bone_metastasis", "detected_by", k, "positive") for k in ("bone_scan", "ct", "mri")} <= found


def test_the_object_before_a_preposition_is_no_subject_of_a_coordinated_verb():
    found = statements("<p>Zoledronic acid can help protect bones from endocrine therapy and treat bone metastasis.</p>")
    assert ("bone_metastasis", "treated_with", "zoledronic_acid", "positive") in found


def test_what_examples_of_a_class_do_the_class_does():
    found = statements("<p>Bone-modifying agents like zoledronic acid and denosumab can treat bone metastasis.</p>")
    assert ("bone_metastasis", "treated_with", "bone_modifying_agent", "positive") in found
    assert ("zoledronic_acid", "is_a", "bone_modifying_agent", "positive") in found
    assert ("bone_metastasis", "treated_with", "denosumab", "positive") not in found


def test_a_clause_after_is_a_opens_no_genus():
    # regression: "RFA is an option when resection is not possible" made radiofrequency ablation a kind of surgery
    found = statements("<p>Radiofrequency ablation (RFA) destroys tumors with heat.</p><p>RFA is an option when "
                       "resection is not possible.</p>", title="Radiofrequency ablation")
    assert not {k for k in found if k[0] == "radiofrequency_ablation" and k[1] == "is_a" and k[2] == "surgery"}


def test_a_verb_coordinated_after_a_named_noun_takes_the_clauses_subject():
    # regression: in "... in the TNM system and usually means stage IV", "TNM" (followed by the noun it
    # names) was taken as the subject of "means", so nothing was stated
    found = statements("<p>Distant metastasis is coded as M1 in the TNM system and usually means stage IV disease.</p>",
                       title="Distant metastasis")
    assert ("distant_metastasis", "associated_with", "stage_4", "positive") in found


def test_what_the_class_after_is_the_does_its_members_do():
    # regression: "A, B and C are the cancers that most often spread to the brain" said only that cancer does
    found = statements("<p>Lung cancer, breast cancer and melanoma are the cancers that most often spread to the "
                       "brain.</p>", title="Brain metastasis")
    assert {("lung_carcinoma", "spreads_to", "brain", "positive"), ("melanoma", "spreads_to", "brain", "positive"),
            ("breast_cancer", "spreads_to", "brain", "positive")} <= found
    assert ("cancer", "spreads_to", "brain", "positive") not in found


def test_the_concept_and_the_term_point_back_like_a_pronoun():
    found = statements("<p>A sentinel lymph node is the lymph node that cancer cells reach first. The concept is "
                       "used mainly in breast cancer and melanoma.</p>", title="Sentinel lymph node")
    assert {("sentinel_lymph_node", "used_in", "breast_cancer", "positive"),
            ("sentinel_lymph_node", "used_in", "melanoma", "positive")} <= found


def test_the_tumour_in_a_stages_description_is_the_cancer_staged():
    found = statements("<p><b>Stages:</b></p><p>Stage 4: The tumor can be any size, and it has spread to distant organs "
                       "such as the lungs or liver.</p><p>Stage 1: The tumor can cause jaundice.</p>",
                       title="Pancreatic cancer")
    assert {("pancreatic_carcinoma", "spreads_to", k, "positive") for k in ("liver", "lung")} <= found
    assert ("pancreatic_carcinoma", "causes", "jaundice", "positive") in found
    assert not {k for k in found if k[0] in ("stage_1", "stage_4") and k[1] == "causes"}


def test_a_participle_after_a_comma_goes_on_from_the_clause_subject_not_the_site_before_it():
    found = statements("<p>Bone metastasis can weaken the bone, causing fractures.</p>"
                       "<p>Hypercalcemia may harm the kidneys, leading to kidney failure.</p>")
    assert ("bone_metastasis", "causes", "fracture", "positive") in found
    assert ("hypercalcemia", "causes", "kidney_failure", "positive") in found


def test_a_discourse_adverb_before_the_subject_is_passed_over():
    found = statements("<p>Brain metastasis is common in melanoma. However, it can cause seizures.</p>"
                       "<p>Peritoneal carcinomatosis is found at surgery. Unfortunately, these patients have a "
                       "poor prognosis.</p>", title="Peritoneal carcinomatosis")
    assert ("brain_metastasis", "causes", "seizure", "positive") in found
    assert ("peritoneal_carcinomatosis", "associated_with", "prognosis", "positive") in found


def test_a_demonstrative_reaches_past_a_sentence_without_a_subject():
    """'These tumors' two sentences after the sarcomas are named: the sarcomas (a plain 'they' reaches one back)."""
    from .test_extract import statements
    found = statements("<p>Soft tissue sarcomas are rare. Their precursor cells differentiate along lineages such as "
                       "muscle or nerve. These tumors arise most often in the limbs.</p>", title="Localized therapy")
    assert ("soft_tissue_sarcoma", "originates_from", "limb", "positive") in found


def test_adverbs_between_an_origin_verb_and_its_site():
    from .test_extract import statements
    found = statements("<p>Soft tissue sarcomas arise most often in the limbs.</p><p>Melanoma develops most "
                       "commonly in the skin.</p>")
    assert ("soft_tissue_sarcoma", "originates_from", "limb", "positive") in found
    assert ("melanoma", "originates_from", "skin", "positive") in found


def test_these_metastases_point_back_to_the_named_kind_whatever_its_number():
    """'Adrenal metastases ... These metastases were found on autopsy': the adrenal ones (plural and singular
    names compared as the matcher compares them)."""
    from .test_extract import statements
    found = statements("<p>Adrenal metastases are common in lung cancer. These metastases were primarily found on "
                       "autopsy.</p>", title="Adrenal gland")
    assert ("metastatic_malignant_neoplasm_in_the_adrenal_gland", "detected_by", "autopsy", "positive") in found
    assert ("metastasis", "detected_by", "autopsy", "positive") not in found


def test_the_metastases_on_a_page_whose_topic_is_named_otherwise():
    """The topic's label ('Metastatic ... in the Adrenal Gland') does not end in 'metastasis', a synonym does."""
    from .test_extract import statements
    found = statements("<p>The metastases are usually detected by CT.</p>", title="Adrenal metastasis")
    assert ("metastatic_malignant_neoplasm_in_the_adrenal_gland", "detected_by", "ct", "positive") in found


def test_a_pronoun_in_a_joined_clause_is_the_sentences_own_subject():
    found = statements("<p>Doctors see many patients.</p><p>Melanoma often spreads to the skin, and it can also reach "
                       "the brain.</p>", title="Liver metastasis")
    assert ("melanoma", "spreads_to", "brain", "positive") in found
    assert ("liver_metastasis", "spreads_to", "brain", "positive") not in found
