"""Discovery: terms the lexicon lacks, found before mentions are read, each with a category and its sentence."""
from __future__ import annotations

from .conftest import triples_of
from .test_extract import kg_of, statements
from .test_extract_frames import labelled
from .test_extract_paraphrases import mentions as mentions_of


def discovered(kg):
    return {c.label.lower(): c.category for c in kg.concepts.values() if c.discovered}


def test_noun_phrases_headed_by_a_category_word():
    # made-up words, so that no lexicon has them
    kg = kg_of("<p>Zelbic cancer and quorvid cell carcinoma were seen; a wrist flarn x-ray and a vortoscopy "
               "were done, then cryowave ablation.</p>")
    found = discovered(kg)
    assert found.get("quorvid cell carcinoma") == "Neoplasm"
    assert found.get("zelbic cancer") == "Neoplasm"
    assert found.get("wrist flarn x-ray") == "DetectionMethod"
    assert found.get("vortoscopy") == "DetectionMethod"            # an ending (-scopy)
    assert found.get("cryowave ablation") == "Therapy"             # a kind of a lexicon therapy
    assert kg.concepts[next(k for k, c in kg.concepts.items() if c.label == "Wrist flarn x-ray")].evidence is not None


def test_describing_words_and_class_words_alone_make_no_term():
    found = discovered(kg_of("<p>Clinical cancers need treatment; a persistent cough, severe pain and an "
                             "unrelated cancer are common. Non-cancer conditions can mimic it.</p>"))
    assert not {"clinical cancer", "treatment", "persistent cough", "severe pain", "unrelated cancer",
                "non-cancer"} & set(found)


def test_a_clause_is_not_a_term():
    # regression: "Brain metastasis causes seizures" was taken for one noun phrase headed by "seizures"
    kg = kg_of("<p>Brain metastasis causes seizures.</p>", title="Brain metastasis")
    assert not discovered(kg)
    assert ("brain metastasis", "causes", "seizure", "positive", False) in labelled(kg)


def test_hearst_hypernym_and_members():
    kg = kg_of("<p>The technique uses glimmer tracers such as zorbium colloid and quillon blue.</p>")
    found = discovered(kg)
    assert found.get("glimmer tracer") == "DetectionMethod"
    assert found.get("zorbium colloid") == "DetectionMethod"   # a member takes its hypernym's category
    assert ("zorbium colloid", "is_a", "glimmer tracer", "positive", False) in labelled(kg)


def test_copula_genus_is_a_kind_whatever_its_modifiers():
    found = labelled(kg_of("<p>Brain metastases are greyish tumors that have spread to the brain.</p>"
                           "<p>This is a zelbic cancer.</p>", title="Liver metastasis"))
    assert ("brain metastasis", "is_a", "greyish tumor", "positive", False) in found
    assert ("brain metastasis", "spreads_to", "brain", "positive", False) in found   # the relative clause's subject
    assert ("liver metastasis", "is_a", "zelbic cancer", "positive", False) in found   # "This": the topic


def test_metastatic_site_cancer_is_the_site_metastasis():
    kg = kg_of("<p>Metastatic liver cancer most often originates in another organ, such as the lungs or colon.</p>")
    assert "metastatic liver cancer" not in discovered(kg)
    found = {(a.subject, a.relation, a.object) for a in kg.assertions}
    assert ("liver_metastasis", "originates_from", "lung") in found   # the examples of a generic object
    assert not any(r == "located_in" for _, r, _ in found)             # co-occurrence yields to the stated relation


def test_list_items_with_coordinated_modifiers_and_post_modifiers():
    found = discovered(kg_of("<p>Signs of lymph node metastasis include:</p><ul>"
                             "<li>Puffy or tender lymph nodes – they grow</li>"
                             "<li>Change in lymph node shape – they round</li>"
                             "<li>Cytologic studies of pleural fluid</li></ul>", title="Lymph node metastasis"))
    assert found.get("puffy lymph node") == "ClinicalFinding"
    assert found.get("change in lymph node shape") == "ClinicalFinding"


def test_an_evaluative_adjective_makes_no_kind():
    kg = kg_of("<p>Doctors choose the most appropriate treatment. Scans showed no visible cancer in the liver.</p>")
    assert not {k for k, c in kg.concepts.items() if c.discovered and c.label.lower() in
                ("appropriate treatment", "most appropriate treatment", "visible cancer")}


def test_the_objects_a_verb_cue_coordinates_take_the_category_of_the_known_ones():
    kg = kg_of("<p>Hypercalcemia can cause thirst, glorped vision, and fatigue.</p>")
    assert discovered(kg).get("glorped vision") == "ClinicalFinding"
    assert ("hypercalcemia", "causes", "glorped vision", "positive", True) in labelled(kg)


def test_cue_objects_make_no_term_of_a_clause_a_known_concept_or_a_site():
    found = discovered(kg_of("<p>After surgery for breast cancer, zorbic patients are screened.</p>"
                             "<p>It may cause fatigue or spinal cord compression risk.</p>"
                             "<p>Kidney cancer may spread to the lymph nodes or zelbic tissues.</p>"))
    assert not {"zorbic patient", "spinal cord compression risk", "zelbic tissue"} & set(found)


def test_a_typing_head_after_a_site_makes_a_kind_of_running_text():
    # (a site the lexicon has no metastasis of: adrenal metastasis is now NCIt's, by the site-metastasis rule)
    kg = kg_of("<p>Muscle metastases can arise from lung cancer.</p><p>Breast cancer metastasis to bone is common.</p>")
    found = discovered(kg)
    assert found.get("muscle metastasis") == "SpreadPattern"
    assert ("muscle metastasis", "originates_from", "lung carcinoma", "positive", True) in labelled(kg)
    assert "breast cancer metastasis" not in found and "cancer metastasis" not in found


def test_malignant_before_a_name_of_a_cancer_is_that_cancer():
    kg = kg_of("<p>Malignant melanoma is an aggressive form of skin cancer.</p><p>A malignant tumor can spread.</p>")
    assert "malignant melanoma" not in discovered(kg)
    assert ("melanoma", "is_a", "malignant skin neoplasm", "positive", False) in labelled(kg)


def test_a_lone_noun_before_of_in_a_list_item_is_no_term():
    kg = kg_of("<p>Risk factors for brain metastasis:</p><ul><li>Activation of the zorp pathway</li>"
               "<li>Involvement of more than three lymph nodes</li><li>Biopsy of the node</li></ul>")
    assert not {"activation", "involvement"} & set(discovered(kg))


def test_a_lead_in_ending_with_including_lists_members_that_take_what_it_said_of_the_class():
    found = {(a, r, o) for a, r, o, *_ in labelled(kg_of(
        "<p>Many solid tumors may be detected by PET-CT scans, including:</p><ul><li>Breast</li><li>Cervical</li>"
        "<li>Zorbic</li></ul>"))}
    assert {("breast cancer", "detected_by", "pet/ct"), ("breast cancer", "is_a", "solid tumor")} <= found
    assert any(a.startswith("cervical") and r == "detected_by" for a, r, o in found)
    assert not any(a.startswith("zorbic") for a, r, o in found)


def test_a_verb_after_a_subject_pronoun_is_no_part_of_a_term():
    found = discovered(kg_of("<p>We report zorbic lung adenocarcinoma in a patient.</p>"))
    assert not [t for t in found if t.startswith("report")]



def test_a_verb_cue_word_opening_a_noun_phrase_is_no_part_of_the_term():
    from .test_extract import kg_of
    kg = kg_of("<p>Bone metastases cause severe pain.</p>")
    assert not [k for k, c in kg.concepts.items() if c.discovered and k.startswith("cause")]


def test_a_listed_kind_of_a_named_metastasis_is_a_term_of_its_own():
    found = statements("<h2>Types / variations</h2><ul><li><strong>Synchronous liver metastasis:</strong> found with the "
                       "primary tumor</li><li><strong>Metachronous liver metastasis:</strong> found later</li></ul>",
                       title="Liver metastasis")
    assert {("synchronous_liver_metastasis", "is_a", "liver_metastasis", "positive"),
            ("metachronous_liver_metastasis", "is_a", "liver_metastasis", "positive")} <= found



def test_a_listed_kind_of_a_one_word_concept_is_a_term_of_its_own():
    # regression: only a concept named in several words could be narrowed by a list item ("Synchronous
    # liver metastasis"), so "Synchronous oligometastasis" made no term and its description's genus was the page's
    found = statements("<h2>Types / variations</h2><ul><li><strong>Synchronous oligometastasis:</strong> metastases "
                       "found with the primary tumor</li><li><strong>Metachronous oligometastasis:</strong> metastases "
                       "found years later</li></ul>", title="Oligometastasis")
    assert {("synchronous_oligometastasis", "is_a", "oligometastatic_disease", "positive"),
            ("metachronous_oligometastasis", "is_a", "oligometastatic_disease", "positive")} <= found
    assert not {k for k in found if k[0] == "oligometastatic_disease" and k[1] == "is_a"}

def test_a_therapy_named_with_a_class_word_after_it_is_that_therapy():
    found = statements("<p>The first treatments for hypercalcemia are often bisphosphonate drugs and fluids.</p>")
    assert ("hypercalcemia", "treated_with", "bisphosphonate", "positive") in found
    assert not {t for t in found if "drug" in t[2]}


def test_cancer_inside_a_therapys_name_and_a_judging_word_before_it_make_no_new_therapy():
    found = statements("<p>Systemic cancer therapy includes chemotherapy and immunotherapy.</p>"
                       "<p>The accepted treatment for liver metastasis is surgery.</p>")
    assert ("chemotherapy", "is_a", "systemic_therapy", "positive") in found
    assert not {t for t in found if "accepted" in t[0] + t[2] or "cancer_therapy" in t[0] + t[2]}


def test_a_conjunct_with_a_possessive_ends_a_list_of_terms():
    kg = kg_of("<p>The new tumor is called a metastatic or secondary tumor, and its cells are like those of "
               "the first tumor.</p>", "Metastasis")
    assert "cell" not in kg.concepts and "cells" not in kg.concepts


def test_a_conjunct_after_a_lists_last_one_is_no_member():
    kg = kg_of("<p>If a patient receives treatment, for example, chemotherapy, surgery or radiation therapy, and wonder "
               "is that therapy working, a PET scan can help.</p>", "PET scan")
    assert not any(c.label.lower() == "wonder" for c in kg.concepts.values())


def test_a_listed_kind_of_a_therapy_and_no_kind_through_a_preposition():
    found = statements("<p>Radiofrequency ablation (RFA) destroys tumors.</p><h2>Types / variations</h2><ul><li><strong>"
                       "Percutaneous RFA</strong>: done through the skin.</li><li><strong>Laparoscopic RFA</strong>: done "
                       "during keyhole surgery.</li></ul>", title="Radiofrequency ablation")
    assert {("percutaneous_rfa", "is_a", "radiofrequency_ablation", "positive"),
            ("laparoscopic_rfa", "is_a", "radiofrequency_ablation", "positive")} <= found
    from .test_extract import kg_of
    kg = kg_of("<ul><li><strong>Example for micrometastasis</strong>: a deposit of 1 mm.</li><li><strong>Example for "
               "macrometastasis</strong>: a deposit of 5 mm.</li></ul>", title="Lymph node metastasis")
    assert not [k for k, c in kg.concepts.items() if c.discovered and k.startswith("example")]


def test_a_types_item_named_with_the_topics_head_word_is_a_kind_of_the_topic():
    # "spread" marks no category, so the kinds of a route listed on its page made no terms, and the list was
    # read as routes the route spreads by
    found = statements("<h2>Types / variations</h2><ul><li><strong>Portal venous spread</strong>: from the bowel to the "
                       "liver.</li><li><strong>Caval spread</strong>: from the kidney to the lungs.</li></ul>",
                       title="Hematogenous spread")
    assert {("portal_venous_spread", "is_a", "hematogenous_spread", "positive"),
            ("caval_spread", "is_a", "hematogenous_spread", "positive")} <= found
    assert not {k for k in found if k[1] == "spreads_via"}


def test_a_types_item_on_a_narrower_topics_page_is_its_kind_and_the_broad_word_no_kind_of_it():
    # regression: on the bone metastasis page, "Osteolytic metastasis" named only metastasis, which the types
    # list then made a kind of bone metastasis
    found = statements("<h2>Types / variations</h2><ul><li><strong>Osteolytic metastasis</strong>: bone is destroyed."
                       "</li><li><strong>Osteoblastic metastasis</strong>: extra bone is formed.</li></ul>",
                       title="Bone metastasis")
    assert {("osteolytic_metastasis", "is_a", "bone_metastasis", "positive"),
            ("osteoblastic_metastasis", "is_a", "bone_metastasis", "positive")} <= found
    assert ("metastasis", "is_a", "bone_metastasis", "positive") not in found


def test_a_class_word_of_the_same_meaning_or_category_names_the_lexicon_concept():
    # "treatment" for "therapy", a measure word after a finding, "cancer" before a therapy's class word
    found = statements("<p>Bone metastases can cause fractures and high blood calcium levels.</p>"
                       "<p>Prostate cancer is often treated with androgen deprivation treatment.</p>",
                       title="Bone metastasis")
    assert ("bone_metastasis", "causes", "hypercalcemia", "positive") in found
    assert ("prostate_carcinoma", "treated_with", "androgen_suppressant_hormone_therapy", "positive") in found
    kg = kg_of("<p>Systemic cancer therapy includes chemotherapy and targeted therapy.</p>",
               title="Systemic cancer therapy")
    assert not {"high blood calcium level", "androgen deprivation treatment", "systemic cancer therapy"} \
        & set(discovered(kg))
    assert ("chemotherapy", "is_a", "systemic_therapy", "positive") in triples_of(kg)


def test_an_item_under_subtypes_of_x_names_the_kind_by_its_distinguishing_words():
    kg = kg_of("<p>There are four major subtypes of breast cancer:</p><ul><li>HER2-positive. These make too much "
               "of a protein.</li><li>Triple-negative. These lack three receptors.</li></ul>"
               "<p>Common side effects include:</p><ul><li>Triple-negative. A made-up item.</li></ul>")
    found = mentions_of("<p>There are four major subtypes of breast cancer:</p><ul><li>HER2-positive. These make "
                        "too much of a protein.</li><li>Triple-negative. These lack three receptors.</li></ul>")
    assert {"her2_positive_breast_cancer", "triple_negative_breast_cancer"} <= found
    assert "her2_positive_breast_cancer" not in mentions_of(
        "<p>Common side effects include:</p><ul><li>HER2-positive. A made-up item.</li></ul>")
    assert "her2-positive" not in discovered(kg)


def test_a_phrase_whose_head_opens_a_longer_lexicon_name_is_no_term():
    found = statements("<p>Liver metastasis can cause a gradual loss of liver function.</p>", title="Liver metastasis")
    assert ("liver_metastasis", "causes", "liver_dysfunction", "positive") in found
    assert "gradual loss" not in discovered(kg_of("<p>It can cause a gradual loss of liver function.</p>"))


def test_a_molecule_head_makes_a_hypernym_of_molecules():
    kg = kg_of("<p>Tumor cells adhere through matrix molecules, such as fibronectin.</p>")
    assert discovered(kg).get("matrix molecule") == "BiologicalProcess"
    assert ("fibronectin", "is_a", "matrix molecule", "positive", False) in labelled(kg)
