"""Sentence patterns and subjects: examples of an object, copulas and genera, predicates, reference."""
from __future__ import annotations

from .test_extract import statements
from .test_extract_frames import labelled
from .test_extract import kg_of


def test_a_generic_object_with_examples_relates_each_example():
    found = statements("<p>Bone metastasis can cause symptoms (for example, pain or fractures).</p>")
    assert {("bone_metastasis", "causes", "pain", "positive"), ("bone_metastasis", "causes", "fracture", "positive")} <= found


def test_a_preposition_after_the_cue_opens_another_argument():
    # regression: a "from ... to the lymph nodes" phrase after the verb once made the nodes the origin
    found = statements("<p>Breast cancer can spread from its site of origin to the lymph nodes.</p>")
    assert not {k for k in found if k[1] == "originates_from" and k[2] == "lymph_node"}
    assert ("breast_cancer", "spreads_to", "lymph_node", "positive") in found


def test_this_is_a_y_and_a_glossary_genus():
    found = statements("<p>This is a secondary cancer.</p><dl><dt>Sentinel lymph node</dt>"
                       "<dd>The lymph node that tumour cells would probably reach first.</dd>"
                       "<dt>Imaging</dt><dd>Imaging may include CT and MRI.</dd></dl>", title="Liver metastasis")
    assert ("sentinel_lymph_node", "is_a", "lymph_node", "positive") in found
    assert not {k for k in found if k[0] == "imaging" and k[1] == "is_a"}   # a sentence, not a genus
    assert any(k[0] == "liver_metastasis" and k[1] == "is_a" for k in found)


def test_therapies_said_to_help_treat_the_topic():
    found = statements("<p>In certain cases, immunotherapy and chemotherapy are helpful.</p>", title="Brain metastasis")
    assert {("brain_metastasis", "treated_with", "chemotherapy", "positive"),
            ("brain_metastasis", "treated_with", "immunotherapy", "positive")} <= found


def test_a_stage_described_by_a_spread_pattern():
    found = statements("<ul><li>Stage 4 – the cancer has spread to distant organs.</li></ul>", title="Staging")
    assert ("stage_4", "associated_with", "metastasis", "positive") in found


def test_a_relative_clause_is_about_the_concept_it_follows():
    found = statements("<p>Bone metastasis can cause pain and high calcium levels (which can lead to nausea).</p>")
    assert ("pain", "causes", "nausea", "positive") not in found


def test_a_bare_broad_subject_is_the_more_specific_topic_but_any_cancer_is_cancer():
    found = statements("<p>Metastases can occur in any bone. Any cancer can spread to the lungs.</p>",
                       title="Bone metastasis")
    assert ("bone_metastasis", "located_in", "bone", "positive") in found
    assert ("cancer", "spreads_to", "lung", "positive") in found


def test_pronouns_refer_to_the_subject_before_with_the_same_number():
    found = labelled(kg_of("<p>Metastatic tumors in the lungs are cancers from elsewhere. They then spread "
                           "through the bloodstream to the lungs.</p>", title="Lung metastasis"))
    assert ("metastatic tumor", "spreads_via", "hematogenous spread", "positive", False) in found


def test_co_occurrence_yields_to_a_site_of_origin():
    found = statements("<p>Brain metastases are tumours which have spread to the brain from a cancer originating in "
                       "other organs, such as the lungs.</p>", title="Brain metastasis")
    assert ("brain_metastasis", "located_in", "lung", "positive") not in found


def test_an_origin_through_a_broad_cancer_is_the_subjects_origin():
    found = statements("<p>Brain metastases are tumours which have spread to the brain from a cancer originating in "
                       "other organs, such as the lungs.</p>", title="Brain metastasis")
    assert ("brain_metastasis", "originates_from", "lung", "positive") in found
    assert ("cancer", "originates_from", "lung", "positive") not in found   # the broad cancer was the way there


def test_ys_are_called_x_makes_x_a_kind_of_y():
    found = statements("<p>These secondary tumors are called bone metastasis when they grow in a bone.</p>")
    assert ("bone_metastasis", "is_a", "metastatic_tumor", "positive") in found


def test_a_site_an_action_is_aimed_at_is_not_where_the_subject_is():
    found = statements("<p>Bone metastasis can be treated, mainly through radiation to the spine.</p>")
    assert ("bone_metastasis", "located_in", "spine", "positive") not in found


def test_a_types_item_naming_two_concepts_needs_words_that_say_kind():
    # regression: "Micrometastasis and minimal residual disease (conceptual variants)" made MRD a metastasis
    found = statements("<h2>Types / variations</h2><ul><li><strong>Micrometastasis and minimal residual disease "
                       "(conceptual variants)</strong></li><li><strong>Distant metastasis</strong></li></ul>",
                       title="Metastasis")
    assert ("micrometastasis", "is_a", "metastasis", "positive") in found
    assert ("distant_metastasis", "is_a", "metastasis", "positive") in found
    assert ("minimal_residual_disease", "is_a", "metastasis", "positive") not in found


def test_a_broad_subject_in_a_lead_in_item_is_the_lead_in_concept():
    found = statements("<ul><li><strong>Disseminated tumor cells:</strong> Some cancers may shed cells detectable "
                       "in bone marrow.</li></ul>")
    assert ("disseminated_tumor_cells", "located_in", "bone_marrow", "positive") in found


def test_a_verb_with_a_subject_of_its_own_is_not_about_a_concept_further_left():
    found = statements("<p>Bone metastasis is common, and noncancerous conditions can look like it on scans.</p>")
    assert not {k for k in found if k[0] == "bone_metastasis" and k[1] == "mimics"}


def test_a_site_that_describes_the_next_noun_is_no_object():
    found = statements("<p>Breast cancer can cause bone destruction and fractures.</p>")
    assert ("breast_cancer", "causes", "bone", "positive") not in found


def test_a_class_subject_that_the_sentence_lists_gives_each_member():
    found = labelled(kg_of("<p>The cancers most likely to spread to the liver are colon, pancreatic and stomach cancers.</p>"))
    spread = {(a, o) for a, r, o, *_ in found if r == "spreads_to"}
    assert {(k, "liver") for k in ("colon carcinoma", "pancreatic carcinoma", "gastric carcinoma")} <= spread
    assert ("cancer", "liver") not in spread


def test_a_site_listed_as_a_kind_of_cancer_names_the_cancer_of_that_site():
    found = labelled(kg_of("<p>Of all tumours, the types most likely to cause bone metastases are breast, prostate "
                           "and kidney.</p>"))
    causes = {a for a, r, o, *_ in found if r == "causes" and o == "bone metastasis"}
    assert {"breast cancer", "prostate carcinoma", "kidney carcinoma"} <= causes
    assert not {k for k in found if k[0] == "bone metastasis" and k[1] == "is_a"}   # the object is no copula subject


def test_a_specific_subject_is_not_replaced_by_what_follows_it():
    found = statements("<p>Breast cancer that spreads to the bones is called metastatic breast cancer.</p>")
    assert ("breast_cancer", "spreads_to", "bone", "positive") in found


def test_what_cancer_cells_do_the_metastasis_they_form_does():
    found = statements("<p>Liver metastases form when cancer cells from the primary site (such as the colon or the "
                       "stomach) spread to the liver.</p>", title="Liver metastasis")
    assert {("liver_metastasis", "originates_from", k, "positive") for k in ("colon", "stomach")} <= found
    assert ("liver_metastasis", "spreads_to", "liver", "positive") in found
    assert not {k for k in found if k[1] == "located_in"}   # where they came from is not where they are
    named = statements("<p>Tumour cells may travel from the primary tumor through the blood, forming new growths "
                       "called metastases.</p>")
    assert ("metastasis", "originates_from", "primary_tumor", "positive") in named


def test_cells_on_a_page_about_one_metastasis_speak_of_it_only_at_its_site():
    page = "<p>Cancer cells break away from the original tumor.</p><p>Cancer cells break away from the original " \
           "tumor and settle in the lungs.</p>"
    found = kg_of(page, "Bone metastasis")
    origins = [a for a in found.assertions if a.relation == "originates_from"]
    assert [(a.subject, a.object) for a in origins] == [("bone_metastasis", "primary_tumor")]
    assert len(origins[0].evidence) == 1   # the second sentence is about cells that reach the lungs


def test_a_site_in_a_from_phrase_is_an_origin_not_a_location():
    found = statements("<p>Bone metastases usually start from a tumour elsewhere in the body (such as the breast "
                       "or the prostate).</p>")
    assert not {k for k in found if k[1] == "located_in"}


def test_a_verb_after_and_opens_its_own_objects():
    found = statements("<p>Tumor cells detach from the primary tumor and enter blood vessels.</p>", title="Micrometastasis")
    assert not {k for k in found if k[2] == "blood_vessel"}


def test_a_from_phrase_goes_on_to_where_the_cancer_spreads():
    found = statements("<p>Cancer can spread from the breast to the liver and the lungs.</p>")
    assert {("cancer", "spreads_to", "liver", "positive"), ("cancer", "spreads_to", "lung", "positive"),
            ("cancer", "originates_from", "breast", "positive")} <= found


def test_a_broad_word_listing_the_topics_site_among_others_means_spread_in_general():
    found = statements("<p>Metastases are found in the lungs, liver and bones.</p>", title="Bone metastasis")
    assert ("metastasis", "located_in", "lung", "positive") in found
    assert not {k for k in found if k[0] == "bone_metastasis"}
    parts = statements("<p>Metastases can occur in any bone, such as the pelvis and the ribs.</p>", title="Bone metastasis")
    assert ("bone_metastasis", "located_in", "pelvis", "positive") in parts


def test_a_question_states_only_what_its_answer_grants():
    assert not statements("<p>How often does breast cancer spread to the bones?</p>")
    assert not statements("<p>Can breast cancer spread to the liver? No.</p>")
    kg = kg_of("<p><strong>Q: Does bone metastasis always cause fractures?</strong><br/>No. Many never do.</p>")
    assert [(a.subject, a.object, a.polarity, a.hedged) for a in kg.assertions] == \
        [("bone_metastasis", "fracture", "positive", True)]
    assert ("breast_cancer", "spreads_to", "bone", "positive") in statements(
        "<p>Does breast cancer spread to the bones? Yes, it does in many women.</p>")


def test_a_pronoun_after_a_subordinate_clause_is_that_clauses_subject():
    found = statements("<p>When kidney cancer spreads beyond the kidney, it often travels to the bones.</p>",
                       title="Bone metastasis")
    assert any(k[1] == "spreads_to" and k[2] == "bone" and "kidney" in k[0] for k in found)
    assert ("bone_metastasis", "spreads_to", "bone", "positive") not in found


def test_a_cue_goes_on_to_later_objects_of_its_preposition_and_their_examples():
    found = statements("<p>Prostate cancer first spreads to nearby lymph nodes and later to distant organs, mainly "
                       "bone, liver and lungs.</p>")
    assert {k[2] for k in found if k[1] == "spreads_to"} >= {"lymph_node", "bone", "lung", "liver"}
    other = statements("<p>Melanoma may invade the skin and other organs such as the liver, brain or lungs.</p>")
    assert {k[2] for k in other if k[1] == "spreads_to"} >= {"skin", "lung", "brain", "liver"}


def test_sites_listed_with_no_subject_take_the_sentence_before():
    found = statements("<p>Breast cancer may spread to distant organs. The most common sites are the liver, "
                       "the bones and the brain.</p>")
    assert {("breast_cancer", "spreads_to", k, "positive") for k in ("bone", "liver", "brain")} <= found
    pronoun = statements("<p>Breast cancer often spreads. The most common places it spreads to are the bones and "
                         "the lungs.</p>")
    assert ("breast_cancer", "spreads_to", "lung", "positive") in pronoun


def test_unlike_x_sets_the_main_clause_subject_against_x():
    kg = kg_of("<p>Unlike primary brain tumors, which start in the brain, metastases come from elsewhere.</p>",
               "Brain metastasis")
    pairs = {(kg.concepts[a.subject].label.lower(), kg.concepts[a.object].label.lower())
             for a in kg.assertions if a.relation == "contrasted_with"}
    assert ("brain metastasis", "primary brain tumor") in pairs   # "primary" makes a kind of its own


def test_patients_with_x_who_develop_or_experience():
    found = statements("<p>Patients with breast cancer often develop bone metastases. People with bone metastasis may "
                       "experience pain.</p>")
    assert {("breast_cancer", "causes", "bone_metastasis", "positive"),
            ("bone_metastasis", "causes", "pain", "positive")} <= found
    assert ("breast_cancer", "causes", "lung_metastasis", "positive") in \
        statements("<p>Lung metastases are common in patients with breast cancer.</p>")


def test_a_comma_alone_does_not_join_a_site_and_a_disease():
    found = statements("<p>Unlike brain tumours, which develop in the brain, metastases come from elsewhere.</p>")
    assert not {k for k in found if k[1] == "causes"}


def test_an_exception_after_the_objects_denies_the_relation_for_it():
    found = statements("<p>TNM staging is used for most kinds of cancer, except leukemia and brain tumours.</p>")
    assert ("tnm_staging", "used_in", "cancer", "positive") in found
    assert ("tnm_staging", "used_in", "leukemia", "negative") in found


def test_this_noun_points_back_to_a_concept_named_by_it():
    found = statements("<p>In the TNM system, stages are written as numbers. This staging system is used for most "
                       "solid tumors.</p>", title="Staging")
    assert ("tnm_staging", "used_in", "solid_tumor", "positive") in found


def test_divided_into_names_kinds():
    found = statements("<p>Metastasis can be divided into regional metastasis and distant metastasis.</p>")
    assert {("regional_metastasis", "is_a", "metastasis", "positive"),
            ("distant_metastasis", "is_a", "metastasis", "positive")} <= found


def test_a_broad_spread_at_a_site_is_that_sites_metastasis():
    assert ("liver_metastasis", "causes", "jaundice", "positive") in \
        statements("<p>Cancer that has spread to the liver often causes jaundice.</p>")
    assert ("liver_metastasis", "treated_with", "surgery", "positive") in \
        statements("<p>Metastatic disease limited to the liver can be treated with surgery.</p>")
    # a class of cancers that spread there is not the spread itself
    assert not {k for k in statements("<p>Types of cancer that commonly spread to the liver include lung and "
                                      "stomach cancer.</p>") if k[0] == "liver_metastasis"}


def test_a_broad_word_in_parentheses_is_another_name_not_a_kind():
    found = statements("<p>Many patients develop secondary tumours (metastases) in the liver.</p>")
    assert not {k for k in found if k[1] == "is_a"}


def test_a_conjunct_may_open_with_describing_words():
    found = statements("<p>Pancreatic cancer can cause symptoms such as fatigue, unintended weight loss, jaundice and "
                       "lower back pain.</p>")
    assert {k[2] for k in found if k[1] == "causes"} >= {"jaundice", "fatigue", "back_pain", "weight_loss"}


def test_a_bare_this_before_a_verb_points_back():
    found = statements("<p>Lung metastases may block the airways. This can cause shortness of breath.</p>")
    assert ("lung_metastasis", "causes", "shortness_of_breath", "positive") in found


def test_a_spread_verb_takes_its_sites_after_a_route_phrase():
    found = statements("<p>Ovarian cancer can also spread through the lymph glands or blood to the brain and lungs.</p>")
    assert {("ovarian_cancer", "spreads_to", k, "positive") for k in ("lung", "brain")} <= \
        {(("ovarian_cancer" if "ovarian" in a else a), r, o, p) for a, r, o, p in found}


def test_a_site_is_not_associated_with_what_a_phrase_it_names_is():
    found = statements("<p>The resulting bone destruction is associated with pathologic fractures.</p>")
    assert not {k for k in found if k[0] == "bone"}


def test_cancer_that_recurs_at_a_site_is_the_metastasis_there():
    found = statements("<p>If cancer recurs in the lungs, people may experience shortness of breath and coughing.</p>")
    assert {("lung_metastasis", "causes", k, "positive") for k in ("cough", "shortness_of_breath")} <= found


def test_a_ranked_list_of_sites_after_a_generic_object():
    found = statements("<p>Melanoma can progress to other organs of the body, most often the lung, followed in "
                       "decreasing order of frequency by the bone, brain and liver.</p>")
    assert {("melanoma", "spreads_to", k, "positive") for k in ("lung", "liver", "brain", "bone")} <= found


def test_a_role_copula_after_an_abbreviation_in_parentheses():
    found = statements("<p>Renal cell carcinoma (RCC) is the commonest form of kidney cancer.</p>")
    assert ("renal_cell_carcinoma", "is_a", "kidney_carcinoma", "positive") in found


def test_a_metastatic_tumour_to_a_site_is_the_metastasis_there_but_one_in_a_site_is_located_there():
    assert ("bone_metastasis", "detected_by", "bone_scan", "positive") in \
        statements("<p>A bone scan can detect metastatic tumor to bone.</p>")
    assert ("metastatic_tumor", "located_in", "lung", "positive") in \
        statements("<p>Metastatic tumors in the lungs are common.</p>")


def test_a_recurrence_of_cancer_at_a_site_is_the_metastasis_there():
    found = statements("<p>A recurrence of cancer in the bones can cause fractures.</p>")
    assert ("bone_metastasis", "causes", "fracture", "positive") in found
    assert not {k for k in found if k[0] == "cancer"}


def test_a_coordinated_site_may_be_the_other_one():
    found = statements("<p>Lung cancer may spread to the bones, the liver, the other lung and the brain.</p>")
    assert {("lung_carcinoma", "spreads_to", k, "positive") for k in ("bone", "liver", "lung", "brain")} <= found


def test_a_headless_definition_under_the_title_names_the_topic_genus():
    found = statements("<p>A tumour formed elsewhere by cells that have spread from the primary cancer.</p>",
                       title="Metastasis")
    assert ("metastasis", "is_a", "neoplasm", "positive") in found
    assert not {k for k in statements("<p>A tumour is a mass of cells.</p>", title="Metastasis") if k[1] == "is_a"}


def test_a_copula_past_a_clause_set_off_by_commas():
    found = statements("<p>The most common form of thyroid cancer, making up about 80% of cases, is papillary thyroid "
                       "cancer.</p>")
    assert {k for k in found if k[1] == "is_a" and k[0] == "thyroid_gland_carcinoma"} == set()
    assert any(k[1] == "is_a" and k[2] == "thyroid_gland_carcinoma" for k in found)


def test_what_something_occurs_after_precedes_it_in_a_sentence_or_a_list_after_a_pronoun():
    assert ("surgery", "precedes", "dormancy", "positive") in statements("<p>Dormancy often occurs after surgery.</p>")
    found = statements("<p>This state often occurs after:</p><ul><li>surgery</li><li>chemotherapy</li></ul>",
                       title="Cancer dormancy")
    assert {("surgery", "precedes", "dormancy", "positive"), ("chemotherapy", "precedes", "dormancy", "positive")} \
        <= found


def test_a_part_of_a_site_after_a_cue_is_that_site():
    found = statements("<p>Ovarian cancer may also spread to the parenchyma of the lung or liver.</p>")
    assert {k[2] for k in found if k[1] == "spreads_to"} == {"liver", "lung"}


def test_the_following_items_after_a_colon_are_the_cues_objects():
    found = statements("<p>Spinal cord compression may cause the following symptoms: weakness, numbness and back pain.</p>")
    assert {("spinal_cord_compression", "causes", k, "positive") for k in ("weakness", "numbness", "back_pain")} <= found


def test_describing_words_in_a_series_before_the_object_do_not_end_the_object_run():
    found = statements("<p>Fractures often cause sudden, severe pain.</p>")
    assert ("fracture", "causes", "pain", "positive") in found


def test_each_step_of_a_sequence_follows_the_one_named_just_before_it():
    found = statements("<p>Cancer cells undergo local invasion, followed by intravasation into the circulation, "
                       "followed by extravasation at a second site.</p>")
    assert {("local_invasion", "precedes", "intravasation", "positive"),
            ("intravasation", "precedes", "extravasation", "positive")} <= found
    assert ("local_invasion", "precedes", "extravasation", "positive") not in found


def test_a_ranked_class_before_a_copula_has_the_listed_members():
    found = statements("<p>The most common skin cancers are basal cell carcinoma and melanoma.</p>")
    # basal cell carcinoma is NCIt's Skin Basal Cell Carcinoma (C2921), taken by its plain name
    assert {("skin_basal_cell_carcinoma", "is_a", "malignant_skin_neoplasm", "positive"),
            ("melanoma", "is_a", "malignant_skin_neoplasm", "positive")} <= found
    assert not {t for t in found if t[0] == "malignant_skin_neoplasm" and t[1] == "is_a"}


def test_bare_sites_may_open_with_a_locative_preposition():
    found = statements("<p>The most common sites of spread are under the skin, the lungs, liver and bone.</p>", title="Melanoma")
    assert {("melanoma", "spreads_to", k, "positive") for k in ("skin", "lung", "liver", "bone")} <= found


def test_an_earlier_cue_row_claims_its_words():
    found = statements("<p>Patients with melanoma are more likely to develop brain metastases.</p>")
    assert ("melanoma", "associated_with", "brain_metastasis", "positive") in found
    assert ("melanoma", "causes", "brain_metastasis", "positive") not in found


def test_a_concept_in_an_aside_is_not_the_subject():
    found = statements("<p>Prostate cancer, particularly the Gleason score, is associated with tumor progression.</p>")
    assert ("prostate_carcinoma", "associated_with", "tumor_progression", "positive") in found
    assert ("gleason_score", "associated_with", "tumor_progression", "positive") not in found


def test_one_of_the_commonest_sites_of_a_spread():
    found = statements("<p>The brain is the commonest site of secondary tumours.</p>"
                       "<p>The lung is one of the most frequent sites of metastasis.</p>")
    assert ("metastatic_tumor", "located_in", "brain", "positive") in found
    assert ("metastasis", "located_in", "lung", "positive") in found


def test_a_recommended_therapy_treats_the_disease_named_or_the_pages_topic():
    found = statements("<p>In some cases, radiation therapy to the lymph nodes is recommended.</p>"
                       "<p>Surgery is recommended for patients with lung cancer.</p>", title="Micrometastasis")
    assert ("micrometastasis", "treated_with", "radiation_therapy", "positive") in found
    assert ("lung_carcinoma", "treated_with", "surgery", "positive") in found
    assert ("micrometastasis", "treated_with", "surgery", "positive") not in found


def test_a_verb_after_because_and_a_noun_of_its_own_is_not_the_earlier_concepts():
    found = statements("<p>PET scans must be read carefully because benign conditions may look like cancer.</p>")
    assert not {t for t in found if t[1] == "mimics"}


def test_a_primary_cancer_at_a_common_site_is_located_there_not_spread_there():
    found = statements("<p>The lung is a common site for both metastatic disease and primary malignancy.</p>")
    assert ("primary_malignancy", "spreads_to", "lung", "positive") not in found
    assert ("primary_malignancy", "located_in", "lung", "positive") in found


def test_it_in_a_later_when_clause_is_the_sentences_opening_subject():
    found = statements("<p>A cancer is described as stage 4 when it has invaded other organs such as the lungs or liver.</p>",
                       title="Renal cell carcinoma")
    assert {("cancer", "spreads_to", "lung", "positive"), ("cancer", "spreads_to", "liver", "positive")} <= found
    assert ("renal_cell_carcinoma", "spreads_to", "lung", "positive") not in found


def test_what_a_sentence_calls_the_main_treatments_tests_or_symptoms_is_the_topics():
    found = statements("<p>Chemotherapy and hormone therapy are the main treatments.</p><p>MRI is the best test.</p>"
                       "<p>Pain is the most common symptom.</p>", title="Bone metastasis")
    assert {("bone_metastasis", "treated_with", "chemotherapy", "positive"),
            ("bone_metastasis", "detected_by", "mri", "positive"),
            ("bone_metastasis", "causes", "pain", "positive")} <= found


def test_a_ranked_predicate_of_a_named_disease_is_not_the_topics():
    found = statements("<p>Surgery is the main treatment for lung cancer.</p>", title="Bone metastasis")
    assert ("bone_metastasis", "treated_with", "surgery", "positive") not in found


def test_the_only_way_to_confirm_and_helping_doctors_see_whether_state_detection():
    found = statements("<p>A biopsy is the only way to confirm the diagnosis.</p>"
                       "<p>Imaging tests help doctors see whether the cancer has spread to the liver.</p>", title="Liver metastases")
    assert {("liver_metastasis", "detected_by", "biopsy", "positive"),
            ("liver_metastasis", "detected_by", "imaging", "positive")} <= found


def test_where_cells_go_that_no_spread_of_the_page_owns_the_pages_cancer_goes_else_cancer():
    assert ("melanoma", "spreads_to", "lymph_node", "positive") in statements(
        "<p>Cancer cells may later spread to lymph nodes close by.</p>", title="Melanoma")
    assert ("cancer", "spreads_to", "regional_lymph_node", "positive") in statements(
        "<p>Cancer cells often spread to regional lymph nodes first.</p>", title="Lymph node metastasis")


def test_considered_as_a_kind_is_no_treatment():
    found = statements("<p>Thanks to newer therapies, metastatic disease limited to the liver, although it is considered "
                       "as advanced disease, can now be treated well.</p>", title="Liver metastases")
    assert not {t for t in found if t[1] == "treated_with"}


def test_what_a_recommendation_depends_on_is_not_what_it_treats():
    found = statements("<p>Depending on the type and size of the cancer, chemotherapy may be recommended.</p>",
                       title="Micrometastasis")
    assert ("micrometastasis", "treated_with", "chemotherapy", "positive") in found
    assert ("cancer", "treated_with", "chemotherapy", "positive") not in found


def test_describing_words_opening_the_first_example_belong_to_it():
    found = statements("<p>Stage 4 cancer may cause more general symptoms too, such as extreme fatigue.</p>")
    assert ("stage_4", "causes", "fatigue", "positive") in found


def test_more_serious_cases_point_back_to_the_finding_before():
    found = statements("<p>Hypercalcemia can cause thirst and confusion. More serious cases may cause coma.</p>")
    assert ("hypercalcemia", "causes", "coma", "positive") in found


def test_a_copula_with_a_ranked_genus_or_a_group_of_them_states_the_kind():
    found = statements("<p>Hepatocellular carcinoma remains the fifth most common malignancy worldwide.</p>"
                       "<p>Soft tissue sarcomas are a diverse group of rare tumors.</p>")
    assert ("hepatocellular_carcinoma", "is_a", "cancer", "positive") in found
    assert {t for t in found if t[0] == "soft_tissue_sarcoma" and t[1] == "is_a"}


def test_a_site_after_in_only_says_where_the_subject_is():
    found = statements("<p>Melanoma cells in the skin can spread to the brain.</p>"
                       "<p>Colon cancer starts in your colon, which makes up most of your large intestine.</p>")
    assert ("melanoma", "spreads_to", "brain", "positive") in found
    assert ("colon", "part_of", "large_intestine", "positive") in found   # a relative clause is the site's own


def test_the_prognosis_for_a_disease_judged_goes_with_it():
    found = statements("<p>Even with treatment, the prognosis for distant metastasis is poor.</p>"
                       "<p>The outlook for people with bone metastasis is generally poor.</p>"
                       "<p>The prognosis of the patient is poor.</p>")
    assert {("distant_metastasis", "associated_with", "prognosis", "positive"),
            ("bone_metastasis", "associated_with", "prognosis", "positive")} <= found


def test_to_see_if_and_a_method_of_a_site_state_detection():
    found = statements("<p>Your doctor may use a PET scan to see if the cancer has spread.</p>"
                       "<p>A CT scan of the chest can show lung metastases.</p>")
    assert ("metastasis", "detected_by", "positron_emission_tomography", "positive") in found
    assert ("lung_metastasis", "detected_by", "ct", "positive") in found


def test_patients_experience_what_the_disease_the_sentence_before_opens_with_causes():
    found = statements("<p>The spread of the cancer to the liver can also cause jaundice. Patients may experience "
                       "fatigue and weight loss.</p>", title="Pancreatic cancer")
    assert {("liver_metastasis", "causes", k, "positive") for k in ("weight_loss", "fatigue")} <= found
    assert ("pancreatic_carcinoma", "causes", "fatigue", "positive") not in found


def test_a_listed_site_may_carry_words_of_its_own():
    found = statements("<p>The most common sites of spread are the skin, lymph nodes far from the original tumor, "
                       "the lungs, liver, and bone.</p>", title="Melanoma")
    assert {("melanoma", "spreads_to", k, "positive") for k in ("skin", "lymph_node", "lung", "liver", "bone")} <= found


def test_a_site_list_ends_at_an_item_that_names_no_site():
    found = statements("<p>The most common sites of spread are the lungs, which may then cause cough with blood "
                       "in the liver.</p>", title="Melanoma")
    assert ("melanoma", "spreads_to", "lung", "positive") in found
    assert ("melanoma", "spreads_to", "liver", "positive") not in found


def test_a_copula_past_the_subjects_abbreviation_and_an_adverb():
    found = statements("<p>Hepatocellular carcinoma (HCC) remains the most common liver cancer.</p>"
                       "<p>Carcinomas are certainly the most frequent type of malignancy.</p>"
                       "<p>Melanoma is clearly a skin cancer.</p>")
    assert ("hepatocellular_carcinoma", "is_a", "liver_cancer", "positive") in found
    assert ("carcinoma", "is_a", "cancer", "positive") in found
    assert ("melanoma", "is_a", "malignant_skin_neoplasm", "positive") in found


def test_a_recommended_noun_is_no_recommendation():
    found = statements("<p>Radiation therapy changes the recommended treatment intensity.</p>", title="Micrometastasis")
    assert ("micrometastasis", "treated_with", "radiation_therapy", "positive") not in found


def test_a_disease_named_before_a_topic_predicate_is_what_it_is_said_of():
    found = statements("<p>For liver metastasis, surgery is the main treatment.</p>", title="Micrometastasis")
    assert ("liver_metastasis", "treated_with", "surgery", "positive") in found
    assert ("micrometastasis", "treated_with", "surgery", "positive") not in found


def test_cells_a_test_finds_are_the_pages_disease_when_the_sentence_names_none():
    found = statements("<p>Flow cytometry detects abnormal cells in the blood.</p>", title="Minimal residual disease")
    assert ("minimal_residual_disease", "detected_by", "flow_cytometry", "positive") in found
    other = statements("<p>Flow cytometry detects leukemia cells.</p>", title="Minimal residual disease")
    assert ("minimal_residual_disease", "detected_by", "flow_cytometry", "positive") not in other


def test_examples_of_a_broad_object_after_whether_are_the_objects():
    found = statements("<p>Micrometastasis may guide whether more treatment, such as a stem cell transplant, is needed.</p>")
    assert ("micrometastasis", "influences", "stem_cell_transplant", "positive") in found


def test_a_measure_used_in_a_disease():
    found = statements("<p>Minimal residual disease is most often measured in leukemia and lymphoma.</p>")
    assert {("minimal_residual_disease", "used_in", "leukemia", "positive"),
            ("minimal_residual_disease", "used_in", "lymphoma", "positive")} <= found


def test_the_term_of_a_comparison_is_no_object():
    found = statements("<p>Stage 4 is associated with lower survival than earlier stages of cancer.</p>")
    assert ("stage_4", "associated_with", "staging", "positive") not in found


def test_a_broad_concept_in_an_items_description_is_the_items_term():
    found = statements("<ul><li><strong>Oligometastatic disease:</strong> a limited number of metastases, sometimes "
                       "treated with local therapy</li></ul>", title="Stage 4 cancer")
    assert ("oligometastatic_disease", "treated_with", "local_therapy", "positive") in found
    assert ("metastasis", "treated_with", "local_therapy", "positive") not in found


def test_a_disease_after_an_unknown_noun_and_in_is_no_object():
    found = statements("<p>Circulating tumor cells are linked to shorter survival in metastatic breast cancer.</p>")
    assert not {t for t in found if t[0] == "circulating_tumor_cells" and t[2] == "metastatic_breast_cancer"}
    found = statements("<p>Adrenal metastasis can come from primaries in the lung.</p>")
    assert ("originates_from", "lung") in {t[1:3] for t in found}


def test_a_list_of_objects_may_open_with_a_term_the_lexicon_lacks():
    found = statements("<p>Kidney cancer can begin to spread into the tissues, lymph nodes or blood vessels.</p>")
    assert {("kidney_carcinoma", "spreads_to", "blood_vessel", "positive"),
            ("kidney_carcinoma", "spreads_to", "lymph_node", "positive")} <= found


def test_treatment_cues_read_an_adverb_before_the_preposition_and_a_perfect_passive():
    found = statements("<p>Liver metastasis can be treated effectively with surgery. In recent years radiofrequency "
                       "ablation has been used for lung metastasis.</p>")
    assert ("liver_metastasis", "treated_with", "surgery", "positive") in found
    assert ("lung_metastasis", "treated_with", "radiofrequency_ablation", "positive") in found


def test_a_therapy_said_safe_and_effective_for_the_treatment_of_a_disease_treats_it():
    found = statements("<p>Microwave ablation is safe and effective for the treatment of bone metastasis.</p>")
    assert ("bone_metastasis", "treated_with", "microwave_ablation", "positive") in found


def test_a_test_said_suited_for_the_detection_of_a_disease_detects_it():
    found = statements("<p>MRI is appropriate for the early detection of brain metastasis.</p>")
    assert ("brain_metastasis", "detected_by", "mri", "positive") in found


def test_detection_cues_read_an_active_past_a_finding_evident_on_a_test_and_showing_up_as_something_on_it():
    found = statements("<p>A biopsy revealed metastatic melanoma. A CT scan detected liver metastasis. Lung metastasis "
                       "was evident on MRI. Bone metastasis shows up as dark spots on a bone scan.</p>")
    assert {("metastatic_melanoma", "detected_by", "biopsy", "positive"), ("liver_metastasis", "detected_by", "ct", "positive"),
            ("lung_metastasis", "detected_by", "mri", "positive"),
            ("bone_metastasis", "detected_by", "bone_scan", "positive")} <= found
    assert not {k for k in statements("<p>Liver metastasis was detected in the liver.</p>") if k[1] == "detected_by"}


def test_a_disease_removed_with_a_therapy_is_treated_with_it_as_the_page_topic_its_name_narrows():
    found = statements("<p>The lung tumors can often be removed with surgery.</p>", title="Lung metastasis")
    assert ("lung_metastasis", "treated_with", "surgery", "positive") in found
    assert ("liver_metastasis", "treated_with", "radiofrequency_ablation", "positive") in \
        statements("<p>Liver metastasis may be destroyed by radiofrequency ablation.</p>")


def test_a_therapy_that_can_help_relieve_or_ease_a_finding_treats_it():
    found = statements("<p>Radiation therapy can help relieve bone pain. Hormone therapy may control prostate cancer. "
                       "Analgesics are used to ease pain.</p>")
    assert {("bone_pain", "treated_with", "radiation_therapy", "positive"),
            ("prostate_carcinoma", "treated_with", "endocrine_therapy", "positive"),
            ("pain", "treated_with", "analgesic_therapy", "positive")} <= found


def test_a_test_needed_to_confirm_the_diagnosis_detects_the_page_topic():
    found = statements("<p>A biopsy is usually needed to confirm the diagnosis.</p>", title="Bone metastasis")
    assert ("bone_metastasis", "detected_by", "biopsy", "positive") in found
    assert not {k for k in statements("<p>A biopsy is needed to confirm the diagnosis of cancer.</p>",
                                      title="Bone metastasis") if k[0] == "bone_metastasis"}


def test_a_broad_object_of_a_treatment_cue_stands_for_the_page_topic_it_names():
    found = statements("<p>Surgery to remove the tumors is sometimes done.</p>", title="Lung metastasis")
    assert ("lung_metastasis", "treated_with", "surgery", "positive") in found
    assert not {k for k in statements("<p>Surgery to remove the tumors is sometimes done.</p>", title="Staging")
                if k[1] == "treated_with"}


def test_what_a_cancer_spread_to_a_site_causes_its_metastasis_there_causes():
    found = statements("<p>Lung cancer that has spread to the brain can also cause headaches and seizures.</p>")
    assert {("brain_metastasis", "causes", "headache", "positive"),
            ("brain_metastasis", "causes", "seizure", "positive")} <= found
    assert ("lung_carcinoma", "spreads_to", "brain", "positive") in found


def test_a_raised_risk_of_developing_a_spread_is_an_association_not_a_cause():
    found = statements("<p>Lymph node metastasis was associated with a greater risk of developing distant metastasis, "
                       "and tumor size raises the risk of lung metastasis.</p>")
    assert ("lymph_node_metastasis", "associated_with", "distant_metastasis", "positive") in found
    assert ("lymph_node_metastasis", "causes", "distant_metastasis", "positive") not in found
    assert ("tumor_size", "associated_with", "lung_metastasis", "positive") in found


def test_what_cancer_in_a_site_causes_its_metastasis_there_causes():
    found = statements("<p>Cancer in the bones of the spine can cause back pain.</p>", title="Test post")
    assert ("bone_metastasis", "causes", "back_pain", "positive") in found


def test_examples_after_a_general_object_and_its_site_with_an_article_and_a_typographic_denial():
    found = statements("<p>Because micrometastases are tiny, they don\u2019t cause any symptoms in the lymph nodes, "
                       "such as a lump or swelling.</p>")
    assert {("micrometastasis", "causes", "lump", "negative"),
            ("micrometastasis", "causes", "swelling", "negative")} <= found
    assert not {k for k in found if k[1] == "causes" and k[3] == "positive"}


def test_what_is_said_of_a_named_class_its_examples_get_only_as_members():
    found = statements("<p>Minimal residual disease is used in hematologic malignancies (like leukemia).</p>")
    assert ("minimal_residual_disease", "used_in", "hematologic_malignancy", "positive") in found
    assert ("leukemia", "is_a", "hematologic_malignancy", "positive") in found
    assert ("minimal_residual_disease", "used_in", "leukemia", "positive") not in found
    found = statements("<p>Bone metastasis can cause symptoms (such as pain).</p>")
    assert ("bone_metastasis", "causes", "pain", "positive") in found


def test_a_therapy_that_prolongs_survival_influences_it():
    found = statements("<p>Pulmonary metastasectomy may substantially prolong survival.</p>")
    assert ("metastasectomy", "influences", "survival", "positive") in found


def test_a_general_object_may_name_its_example_after_most_notably():
    found = statements("<p>Lymph node dissection often causes lifelong side effects, most notably lymphedema.</p>")
    assert ("lymph_node_dissection", "causes", "lymphedema", "positive") in found


def test_a_lead_in_that_opens_with_a_bare_verb_names_no_term():
    # regression: "Explain bone pain: New pain in the back ..." made bone pain a kind of pain
    found = statements("<ul><li><strong>Explain bone pain</strong>: New pain in the back or hips may prompt a scan."
                       "</li><li><strong>Stage cancer</strong>: A bone scan shows spread.</li></ul>", title="Bone scan")
    assert ("bone_pain", "is_a", "pain", "positive") not in found


def test_a_comparison_lead_in_gives_its_description_no_genus():
    # regression: "Local recurrence vs second primary cancer: a new cancer ..." made local recurrence a kind of cancer
    found = statements("<h2>Alternatives / comparisons</h2><p>Local recurrence vs second primary cancer: a new cancer "
                       "in the same organ may be a second primary rather than a recurrence.</p>", title="Local recurrence")
    assert ("local_recurrence", "contrasted_with", "second_primary_cancer", "positive") in found
    assert not {k for k in found if k[0] == "local_recurrence" and k[1] == "is_a"}


def test_it_is_the_most_common_type_of_a_genus():
    found = statements("<p>Brain metastasis is cancer that has spread to the brain. It is the most common type of "
                       "brain tumor in adults.</p>", title="Brain metastasis")
    assert ("brain_metastasis", "is_a", "brain_neoplasm", "positive") in found


def test_sites_that_are_the_most_common_sites_are_the_topics():
    found = statements("<p>The spine, pelvis, ribs and skull are the most common sites.</p>", title="Bone metastasis")
    assert {("bone_metastasis", "located_in", "rib", "positive"), ("bone_metastasis", "located_in", "skull", "positive")} <= found


def test_the_disease_of_patients_is_no_subject_of_the_copula_after_it():
    # regression: "adrenal masses in patients with ... a lung cancer ... are metastases" made the cancer a metastasis
    found = statements("<p>About half of adrenal masses in patients with a newly diagnosed lung cancer or a "
                       "history of cancer are metastases.</p>", title="Adrenal metastasis")
    assert not {k for k in found if k[1] == "is_a"}


def test_what_a_decision_depends_on_influences_it():
    found = statements("<p>The need for chemotherapy is largely based on the stage; radiotherapy depends on it too.</p>")
    assert ("staging", "influences", "chemotherapy", "positive") in found
    found = statements("<p>Whether surgery is offered is determined by the stage.</p>")
    assert ("staging", "influences", "surgery", "positive") in found


def test_treatment_may_combine_names_a_treatment():
    found = statements("<p>Treatment may combine systemic therapy with local treatment such as surgery.</p>",
                       title="Oligometastasis")
    assert ("oligometastatic_disease", "treated_with", "systemic_therapy", "positive") in found


def test_diagnosis_starts_with_names_the_tests_of_the_topic():
    found = statements("<p>Diagnosis usually starts with a bone scan, CT or MRI.</p>", title="Bone metastasis")
    assert {("bone_metastasis", "detected_by", "bone_scan", "positive"), ("bone_metastasis", "detected_by", "mri", "positive")} <= found


def test_a_ranked_list_of_sites_of_a_spread_runs_past_followed_by():
    found = statements("<p>The most common sites of metastasis are the lung, followed in order of frequency by the "
                       "liver and bone.</p>", title="Melanoma")
    assert {("melanoma", "spreads_to", k, "positive") for k in ("lung", "liver", "bone")} <= found


def test_the_most_commonly_affected_sites_are_the_topics_sites():
    found = statements("<p>The most commonly affected bones are the spine, pelvis and femur.</p>", title="Bone metastasis")
    assert {("bone_metastasis", "located_in", k, "positive") for k in ("vertebral_column", "pelvis", "femur")} <= found


def test_a_disease_whose_patients_are_candidates_for_a_therapy_is_treated_with_it():
    found = statements("<p>Only a few patients with lung metastasis are eligible for surgery. Radiation therapy may "
                       "help keep bone metastasis from growing.</p>")
    assert ("lung_metastasis", "treated_with", "surgery", "positive") in found
    assert ("bone_metastasis", "treated_with", "radiation_therapy", "positive") in found


def test_a_passive_cause_is_read_backward_not_as_the_active_verb():
    """'X is caused by Y' states Y causes X; the active cue 'caused' must not read it forward."""
    found = statements("<p>Hypercalcemia is caused by bone metastases.</p><p>Fractures can be triggered by bone "
                       "metastases.</p>")
    assert ("bone_metastasis", "causes", "hypercalcemia", "positive") in found
    assert ("hypercalcemia", "causes", "bone_metastasis", "positive") not in found
    assert ("bone_metastasis", "causes", "fracture", "positive") in found


def test_presenting_with_a_site_metastasis_is_spread_to_that_site():
    found = statements("<p>Synovial sarcoma often presents with lung metastasis.</p>")
    assert ("synovial_sarcoma", "spreads_to", "lung", "positive") in found


def test_under_a_microscope_names_microscopy():
    found = statements("<p>Isolated tumor cells are detected under a microscope.</p>")
    assert ("isolated_tumor_cells", "detected_by", "microscopy", "positive") in found


def test_a_cause_of_names_what_it_causes_but_no_cancer_causes_cancer():
    found = statements("<p>Metastasis is a major cause of morbidity and mortality.</p><p>Melanoma is the fifth "
                       "leading cause of cancer in women.</p>")
    assert {("metastasis", "causes", "morbidity", "positive"), ("metastasis", "causes", "mortality", "positive")} <= found
    assert ("melanoma", "causes", "cancer", "positive") not in found


def test_a_route_of_spread_may_cause_findings():
    found = statements("<p>Lymphatic spread can make the lungs very stiff. This causes cough and shortness of breath.</p>")
    assert {("lymphatic_spread", "causes", "cough", "positive"),
            ("lymphatic_spread", "causes", "shortness_of_breath", "positive")} <= found
