"""Frames (ontology/frames.tsv): a lead-in, heading or 'X include ...' states one relation for every item."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.cues import words_of
from kg.extract.frames import LIST_OPENER, OPENER_WORDS, frame_of, load_frames

from .test_extract import kg_of, statements


def labelled(kg):
    """(subject label, relation, object label, polarity, hedged) of every assertion, labels in lower case."""
    label = {k: c.label.lower() for k, c in kg.concepts.items()}
    return {(label[a.subject], a.relation, label[a.object], a.polarity, a.hedged) for a in kg.assertions}


def test_every_frame_row_matches_its_example():
    for frame in load_frames():
        lead_in = frame.example.split(" ... ")[0]
        found = frame_of(lead_in)
        assert found is not None and found[0] is frame, frame.example


# the words of LIST_OPENER, and words near them
_OPENER_PIECES = ["may", "can", "often", "include", "includes", "included", "including", "involve", "involves",
                  "involved", "consist", "of", "are", "is", "was", "contain", "any", "the", "following", "symptoms",
                  "INCLUDE", "Are", "ıs", ":", ",", " ", "  ", "\n"]


@given(st.lists(st.sampled_from(_OPENER_PIECES), max_size=8))
def test_a_text_a_list_opener_matches_holds_one_of_the_opener_words(pieces):
    # frame_sentence_rule skips a sentence without OPENER_WORDS: LIST_OPENER must need one of them
    text = " ".join(pieces)
    if LIST_OPENER.search(text):
        assert not OPENER_WORDS.isdisjoint(words_of(text)), text


@pytest.mark.parametrize("lead_in, relation, item, subject", [
    ("Symptoms of bone metastasis may include:", "causes", "pain", "bone metastasis"),
    ("Tests used to diagnose liver metastasis include:", "detected_by", "biopsy", "liver metastasis"),
    ("Treatment options include:", "treated_with", "chemotherapy", "brain metastasis"),
])
def test_a_list_lead_in_relates_its_subject_or_the_topic_to_each_item(lead_in, relation, item, subject):
    kg = kg_of(f"<p>{lead_in}</p><ul><li>{item.capitalize()}</li><li>Something else entirely</li></ul>",
               title="Brain metastasis")
    found = {(s, r, o) for s, r, o, _, _ in labelled(kg)}
    assert (subject, relation, item) in found
    assert not any(o == "something else entirely" for _, _, o in found)   # an item the frame cannot take


def test_list_items_the_lexicon_lacks_are_discovered_with_the_frame_category():
    kg = kg_of("<p>Symptoms may include:</p><p>• Purple toenails</p><p>• Night sweats</p>", title="Lung metastasis")
    found = labelled(kg)
    assert ("lung metastasis", "causes", "purple toenail", "positive", True) in found   # "may": hedged
    toenails = next(c for c in kg.concepts.values() if c.label.lower() == "purple toenail")   # a singular label
    assert toenails.discovered and toenails.category == "ClinicalFinding"


def test_a_heading_is_a_frame_for_the_list_under_it_but_not_a_long_one():
    found = labelled(kg_of("<h2>Treatment</h2><ul><li>Chemotherapy</li><li>Surgery</li></ul>"
                           "<h2>Situations where imaging and treatment are rarely changed</h2><ul><li>Biopsy</li></ul>",
                           title="Bone metastasis"))
    assert ("bone metastasis", "treated_with", "chemotherapy", "positive", False) in found
    assert not any(o == "biopsy" for _, _, o, _, _ in found)


def test_a_sentence_frame_reads_its_list_part_by_part():
    kg = kg_of("<p>Later on, symptoms of bone metastasis can include bone pain, loss of height, and "
               "fractures of the spine.</p><p>Various methods are used to diagnose liver metastasis, "
               "including CT scans, MRI and biopsy.</p>")
    found = labelled(kg)
    assert {("bone metastasis", "causes", "fracture", "positive", True),
            ("bone metastasis", "causes", "bone pain", "positive", True)} <= found
    keys = {(a.subject, a.relation, a.object) for a in kg.assertions}
    assert {("liver_metastasis", "detected_by", o) for o in ("ct", "mri", "biopsy")} <= keys


def test_a_class_lead_in_hands_what_was_said_of_the_class_to_its_members():
    found = labelled(kg_of("<p>Nearly any cancer can spread to the bones. Common cancers include:</p>"
                           "<ul><li>Breast cancer</li><li>Melanoma</li></ul>", title="Bone metastasis"))
    assert {("breast cancer", "spreads_to", "bone", "positive", True),
            ("melanoma", "spreads_to", "bone", "positive", True)} <= found


def test_headings_after_a_colon_lead_in_are_its_items():
    found = labelled(kg_of("<p>There are several methods doctors use to check lymph nodes:</p>"
                           "<h2>Physical exam</h2><p>A doctor feels the nodes.</p>"
                           "<h2>Biopsy</h2><p>A sample is examined.</p>", title="Lymph node metastasis"))
    assert {("lymph node metastasis", "detected_by", "physical examination", "positive", False),
            ("lymph node metastasis", "detected_by", "biopsy", "positive", False)} <= found


def test_a_lead_in_after_a_sentence_that_names_its_subject_takes_that_subject():
    kg = kg_of("<p>Hypercalcemia can cause many symptoms. The early symptoms may include:</p>"
               "<ul><li>Constipation</li><li>Confusion</li></ul>", "Secondary bone cancer")
    causes = {(a.subject, a.object) for a in kg.assertions if a.relation == "causes"}
    assert ("hypercalcemia", "constipation") in causes and not {c for c in causes if c[0] != "hypercalcemia"}


def test_a_lead_in_cue_with_a_generic_object_relates_the_items():
    kg = kg_of("<p>Cancer that spreads to the bones may cause any of the following symptoms:</p>"
               "<ul><li>Bone pain</li><li>Fractures</li></ul>", "Secondary cancers")
    causes = {(a.subject, a.object) for a in kg.assertions if a.relation == "causes"}
    assert {("bone_metastasis", "bone_pain"), ("bone_metastasis", "fracture")} <= causes


def test_a_pronoun_lead_in_refers_to_the_sentence_before():
    kg = kg_of("<p>Spinal cord compression is serious. It may cause the following symptoms:</p>"
               "<ul><li>Numbness</li><li>Weakness</li></ul>", "Bone metastasis")
    causes = {(a.subject, a.object) for a in kg.assertions if a.relation == "causes"}
    assert ("spinal_cord_compression", "numbness") in causes
    assert not {c for c in causes if c[0] == "bone_metastasis"}


def test_a_concept_set_beside_a_kind_in_a_types_list_is_related_not_a_kind():
    kg = kg_of("<h2>Types / variations</h2><ul><li><strong>Micrometastasis and isolated tumor cells (related ideas)"
               "</strong></li><li><strong>Distant metastasis</strong></li></ul>", "Metastasis")
    found = {(a.subject, a.relation, a.object) for a in kg.assertions}
    assert ("micrometastasis", "is_a", "metastasis") in found
    assert ("isolated_tumor_cells", "related_to", "metastasis") in found
    assert ("isolated_tumor_cells", "is_a", "metastasis") not in found


def test_a_causes_heading_lists_what_causes_the_topic_and_a_subtypes_lead_in_its_kinds():
    kg = kg_of("<h2>Causes</h2><ul><li>Lung cancer</li><li>Melanoma</li></ul>", "Brain metastasis")
    assert {(a.subject, a.object) for a in kg.assertions if a.relation == "causes"} >= \
        {("melanoma", "brain_metastasis")}
    kinds = kg_of("<p>There are several subtypes of breast cancer:</p><ul><li>Triple-negative breast cancer</li>"
                  "<li>Stage 4</li></ul>", "Breast cancer")
    is_a = {(kinds.concepts[a.subject].label.lower(), a.object) for a in kinds.assertions if a.relation == "is_a"}
    assert ("triple-negative breast cancer", "breast_cancer") in is_a
    assert not {k for k in is_a if k[0] == "stage 4"}   # a kind is of its genus's category


def test_rows_of_a_flattened_table_say_the_frame_of_the_metastasis_at_their_first_cell():
    found = statements("<p>When it spreads to the:  Symptoms it may cause include:</p>"
                       "<p>Lungs Shortness of breath, cough, chest pain</p><p>Brain Headaches, seizures</p>"
                       "<p>Liver Cancer Treatment Options</p>")
    assert {("lung_metastasis", "causes", k, "positive") for k in ("shortness_of_breath", "cough", "chest_pain")} \
        | {("brain_metastasis", "causes", k, "positive") for k in ("headache", "seizure")} <= found
    assert not {k for k in found if k[0] in ("cancer", "metastasis") or k[2] == "lung"}


def test_a_frame_about_a_cancer_that_has_spread_to_a_site_is_about_the_metastasis_there():
    found = statements("<p>Symptoms of colon cancer that has metastasized to the liver can include abdominal pain and "
                       "jaundice.</p>")
    assert {("liver_metastasis", "causes", "jaundice", "positive"), ("liver_metastasis", "causes", "abdominal_pain",
                                                                     "positive")} <= found


def test_a_differential_diagnosis_lists_what_mimics_its_subject():
    found = statements("<p>The differential diagnosis of lung metastasis includes infection and rheumatoid nodules.</p>")
    assert ("infection", "mimics", "lung_metastasis", "positive") in found


def test_a_frame_whose_list_opens_after_but():
    found = statements("<p>Symptoms are uncommon but include cough and hemoptysis.</p>", title="Lung metastasis")
    assert {("lung_metastasis", "causes", "cough", "positive"), ("lung_metastasis", "causes", "hemoptysis",
                                                                 "positive")} <= found


def test_examples_of_a_frame_word_that_a_concept_names():
    found = statements("<p>Patients may have general pancreatic cancer symptoms, such as jaundice and fatigue.</p>")
    assert {("pancreatic_carcinoma", "causes", "jaundice", "positive"),
            ("pancreatic_carcinoma", "causes", "fatigue", "positive")} <= found


def test_a_concept_that_has_or_leaves_patients_with_a_frames_examples_has_the_frames_relation_with_each():
    kg = kg_of("<p>Lymph node dissection can have side effects such as lymphedema.</p>"
               "<p>Chemotherapy often leaves patients with side effects, most notably nausea and fatigue.</p>")
    found = labelled(kg)
    assert ("lymph node dissection", "causes", "lymphedema", "positive", True) in found
    assert {("chemotherapy", "causes", k, "positive", True) for k in ("nausea", "fatigue")} <= found


def test_the_steps_of_a_process_listed_are_parts_of_it_and_stages_of_cancer_are_not():
    found = labelled(kg_of("<p>The steps of the metastatic cascade are:</p><ol><li>Local invasion</li>"
                           "<li>Intravasation</li><li>Extravasation</li></ol>"))
    assert {(k, "part_of", "metastatic cascade", "positive", False) for k in
            ("local invasion", "intravasation", "extravasation")} <= found
    found = labelled(kg_of("<p>The stages of cancer are:</p><ul><li>Stage 1</li><li>Stage 2</li></ul>",
                           title="Metastatic cascade"))
    assert not {t for t in found if t[1] == "part_of"}


def test_a_process_before_another_precedes_it():
    found = labelled(kg_of("<p>After intravasation, tumor cells must survive in the circulation before extravasation.</p>"))
    assert ("intravasation", "precedes", "extravasation", "positive", False) in found


def test_a_therapeutic_approach_frame_and_a_perfect_copula_open_the_list_of_treatments():
    found = statements("<p>The most widely used therapeutic approach for lung metastasis is surgery.</p>"
                       "<p>For years, the standard therapy for liver metastasis has been surgery or radiofrequency ablation.</p>")
    assert ("lung_metastasis", "treated_with", "surgery", "positive") in found
    assert {("liver_metastasis", "treated_with", k, "positive") for k in ("surgery", "radiofrequency_ablation")} <= found


def test_an_approach_to_treating_a_disease_is_the_frame_of_the_therapy_named():
    found = statements("<p>Another approach to treating bone metastasis is radiation therapy.</p>")
    assert ("bone_metastasis", "treated_with", "radiation_therapy", "positive") in found


def test_a_list_part_named_in_its_parenthesis_is_that_concept():
    found = statements("<p>Symptoms of liver metastasis include jaundice and a build-up of fluid in the abdomen "
                       "(a condition called ascites).</p>")
    assert {("liver_metastasis", "causes", "jaundice", "positive"),
            ("liver_metastasis", "causes", "ascites", "positive")} <= found


def test_the_concept_that_names_the_frame_word_is_its_subject():
    found = statements("<p>If the melanoma is in the spine, bone metastasis complications may include pressure on the "
                       "spinal cord.</p>")
    assert ("bone_metastasis", "causes", "spinal_cord_compression", "positive") in found
    assert ("melanoma", "causes", "spinal_cord_compression", "positive") not in found


def test_what_a_frame_word_is_for_is_its_subject_even_of_an_items_kind():
    found = statements("<p>Risk factors for brain metastasis in melanoma:</p>"
                       "<ul><li>Hypercalcemia</li><li>Lymph node metastasis</li></ul>", title="Melanoma")
    assert {("hypercalcemia", "associated_with", "brain_metastasis", "positive"),
            ("lymph_node_metastasis", "associated_with", "brain_metastasis", "positive")} <= found
    assert ("hypercalcemia", "associated_with", "melanoma", "positive") not in found


def test_the_frame_word_named_by_a_concept_may_come_again_later_in_the_sentence():
    found = statements("<p>These symptoms may come with general lung cancer symptoms, such as cough and fatigue.</p>")
    assert {("lung_carcinoma", "causes", "cough", "positive"), ("lung_carcinoma", "causes", "fatigue", "positive")} <= found


def test_options_stand_for_the_frame_the_items_lead_in_names():
    found = statements("<ol><li><p><strong>Intervention / therapy</strong><br/> Options include hepatectomy, "
                       "chemotherapy, and targeted therapy.</p></li></ol>", title="Liver metastasis")
    assert {("liver_metastasis", "treated_with", k, "positive") for k in ("hepatectomy", "chemotherapy", "targeted_therapy")} <= found
    assert not {t for t in found if "intervention" in t[0] + t[2]}


def test_a_sentence_that_counts_the_kinds_a_list_names_introduces_it():
    found = statements("<p>There are 3 main types of cancer recurrence.</p><ul><li>A local recurrence means the "
                       "cancer is back in the same place.</li><li>A distant recurrence means it is in other organs.</li></ul>",
                       title="Signs of cancer recurrence")
    assert {("local_recurrence", "is_a", "recurrence", "positive"),
            ("distant_recurrence", "is_a", "recurrence", "positive")} <= found


def test_an_item_of_a_list_of_kinds_may_leave_out_the_class_head():
    found = statements("<p>Types of lung cancer include:</p><ul><li>Small cell</li><li>Non-small cell</li></ul>",
                       title="Lung cancer")
    assert {("small_cell_lung_carcinoma", "is_a", "lung_carcinoma", "positive"),
            ("non_small_cell_lung_carcinoma", "is_a", "lung_carcinoma", "positive")} <= found
    assert not {k for k in found if k[0] == "non_small_cell"}

def test_a_verb_after_are_opens_no_list_of_the_frames_class():
    found = statements("<p>These types of tumor are often mistaken for a cyst or a lymphoma.</p>", title="Cancer")
    assert ("cancer", "mimics", "lymphoma", "positive") in found
    assert not any(r[1] == "is_a" for r in found)


def test_a_frame_word_with_its_own_of_names_the_concept_after_it():
    found = statements("<p>The steps of the metastatic cascade are:</p><ul><li>Local invasion</li><li>Intravasation</li></ul>",
                       title="Metastasis")
    assert {(k, "part_of", "metastatic_cascade", "positive") for k in ("local_invasion", "intravasation")} <= found
    assert not {k for k in found if k[1] == "part_of" and k[2] == "metastasis"}
