"""Extraction: each family of rules on small texts, and the score on the seed gold."""
from __future__ import annotations

import pytest

from kg.ingest import post_from_object
from kg.pipeline import build_graph

from .conftest import EVAL, triples_of


def kg_of(html, title="Test post"):
    post = post_from_object({"id": 9, "link": "https://example.org/t/", "title": {"rendered": title},
                             "content": {"rendered": html}}, "test")
    return build_graph([post])


def statements(html, title="Test post"):
    return triples_of(kg_of(html, title))


def test_verb_patterns_with_coordinated_objects():
    found = statements("<p>Brain metastasis can cause headaches, seizures, or weakness.</p>")
    assert {("brain_metastasis", "causes", k, "positive") for k in ("headache", "seizure", "weakness")} <= found


def test_coordinated_subjects():
    found = statements("<p>Infections or scarring can resemble metastatic disease on scans.</p>")
    assert {("infection", "mimics", "metastasis", "positive"), ("scarring", "mimics", "metastasis", "positive")} <= found


def test_negation_is_kept_as_negative():
    found = statements("<p>Micrometastasis is usually too small to be seen on routine imaging.</p>")
    assert ("micrometastasis", "detected_by", "imaging", "negative") in found
    assert ("micrometastasis", "detected_by", "imaging", "positive") not in found


def test_hedging_is_recorded():
    kg = kg_of("<p>Lymphatic spread often involves regional lymph nodes.</p><p>Brain metastasis causes seizures.</p>")
    hedged = {(a.subject, a.object): a.hedged for a in kg.assertions}
    assert hedged[("lymphatic_spread", "regional_lymph_node")] is True
    assert hedged[("brain_metastasis", "seizure")] is False


def test_enumerations_give_is_a():
    found = statements("<p>Local therapies (such as surgery or radiation) and solid tumors such as carcinomas and "
                       "sarcomas.</p><p>Imaging may include CT, MRI, or PET/CT.</p>")
    for item, parent in [("surgery", "local_therapy"), ("radiation_therapy", "local_therapy"),
                         ("carcinoma", "solid_tumor"), ("sarcoma", "solid_tumor"), ("ct", "imaging"),
                         ("mri", "imaging"), ("pet_ct", "imaging")]:
        assert (item, "is_a", parent, "positive") in found


def test_a_list_with_a_known_item_of_another_kind_gives_its_discovered_items_no_kind():
    found = statements("<p>Metastasis has several stages such as intravasation, tumour quiescence, and colonization.</p>")
    assert not {k for k in found if k[1] == "is_a"}
    found = statements("<p>Imaging tests such as MRI and tumor scintigraphy are used.</p>")
    assert {("mri", "is_a", "imaging", "positive"), ("tumor_scintigraphy", "is_a", "imaging", "positive")} <= found


def test_pronoun_refers_to_post_subject():
    found = statements("<h2>Micrometastasis Introduction</h2><p>It can influence cancer staging.</p>",
                       title="Micrometastasis: overview")
    assert ("micrometastasis", "influences", "staging", "positive") in found


def test_types_list_and_vs_lead_ins():
    found = statements("""<h2>Types / variations</h2><ul>
        <li><p><strong>Regional vs distant metastasis</strong><br/>Text.</p></li>
        <li><p><strong>Brain metastasis</strong><br/>Text.</p></li></ul>""", title="Metastasis: overview")
    assert ("regional_metastasis", "is_a", "metastasis", "positive") in found
    assert ("distant_metastasis", "is_a", "metastasis", "positive") in found
    assert ("brain_metastasis", "is_a", "metastasis", "positive") in found
    assert ("distant_metastasis", "contrasted_with", "regional_metastasis", "positive") in found


def test_steps_list_gives_part_of_and_precedes():
    found = statements("""<p>The metastatic cascade has several steps.</p><h3>Steps</h3><ul>
        <li><strong>Local invasion</strong><br/>a.</li><li><strong>Intravasation</strong><br/>b.</li>
        <li><strong>Extravasation</strong><br/>c.</li></ul>""")
    assert ("intravasation", "part_of", "metastatic_cascade", "positive") in found
    assert ("local_invasion", "precedes", "intravasation", "positive") in found
    assert ("intravasation", "precedes", "extravasation", "positive") in found


def test_mixed_workflow_list_states_no_sequence():
    found = statements("""<ol><li><strong>Evaluation and exam</strong><br/>a.</li>
        <li><strong>Imaging</strong><br/>b.</li><li><strong>Staging</strong><br/>c.</li></ol>""")
    assert not any(r in ("precedes", "part_of") for _, r, _, _ in found)


def test_faq_not_the_same():
    kg = kg_of("<p><strong>Q: Is micrometastasis the same as stage 4 cancer?</strong><br/>Not necessarily. "
               "Stage 4 usually refers to distant metastasis.</p>")
    found = {(a.subject, a.relation, a.object): a for a in kg.assertions}
    assert found[("micrometastasis", "distinct_from", "stage_4")].hedged is True
    assert ("stage_4", "associated_with", "distant_metastasis") in found


def test_rather_than_and_related_but_not_same():
    found = statements("<p>MRD is related in concept but is not the same as micrometastasis.</p>"
                       "<ul><li><p><strong>Local recurrence rather than true metastasis</strong><br/>x.</p></li></ul>")
    assert ("micrometastasis", "related_to", "minimal_residual_disease", "positive") in found \
        or ("minimal_residual_disease", "related_to", "micrometastasis", "positive") in found
    assert ("micrometastasis", "distinct_from", "minimal_residual_disease", "positive") in found
    assert ("local_recurrence", "distinct_from", "metastasis", "positive") in found


def test_evidence_offsets_and_rule(fixture_kg):
    for a in fixture_kg.assertions:
        for e in a.evidence:
            assert e.sentence and e.start < e.end and e.rule and e.source.startswith(("https://", "file://"))


def test_abbreviations_and_definitions_learned(fixture_kg):
    assert "MRD" in fixture_kg.concepts["minimal_residual_disease"].abbreviations
    concept = fixture_kg.concepts["sentinel_lymph_node_biopsy"]
    assert concept.definition.startswith("A procedure that")    # the genus and differentia of the sentence
    assert concept.definition_evidence.sentence.startswith("Sentinel lymph node biopsy is")


def test_unknown_terms_are_discovered(fixture_kg):
    budding = fixture_kg.concepts["tumor_budding"]
    assert budding.discovered and budding.category == "DiscoveredConcept"
    assert budding.evidence.sentence


def test_same_relation_twice_keeps_both_evidences():
    kg = kg_of("<p>Brain metastasis can cause seizures.</p><p>Seizures may be caused by many things. "
               "Brain metastasis may cause seizures.</p>")
    [a] = [a for a in kg.assertions if a.relation == "causes"]
    assert len(a.evidence) == 2


@pytest.fixture(scope="module")
def seed_score(tmp_path_factory):
    from kg.evaluate import evaluate
    from kg.export import tsv
    from kg.pipeline import read_posts

    from .conftest import CORPUS
    posts, _ = read_posts([str(CORPUS)])
    path = tmp_path_factory.mktemp("score") / "a.tsv"
    path.write_text(tsv.render(build_graph(posts)))
    return evaluate(EVAL / "seed-gold.tsv", EVAL / "concepts.tsv", path)


def test_seed_gold_recall_and_precision(seed_score):
    assert seed_score.recall >= 0.85
    assert seed_score.precision >= 0.85


def test_seed_gold_hedging_and_polarity(seed_score):
    assert seed_score.hedge_agreement >= 0.90
    assert seed_score.opposite == []


def test_lead_in_starting_with_a_symbol_is_discovered_without_error():
    # regression: a lead-in that did not start with a letter crashed the discovery rule
    kg = kg_of("<h2>Types / variations</h2><ul><li><p><strong>&lt;b&gt; budding</strong><br/>x.</p></li></ul>")
    assert "<b> budding" in [c.label for c in kg.concepts.values() if c.discovered]


def test_parallel_and_sequential_extraction_agree():
    from kg.pipeline import read_posts

    from .conftest import CORPUS
    posts, _ = read_posts([str(CORPUS)])
    many = [p.__class__(**{**p.__dict__, "id": f"{p.id}-{i}", "source": f"{p.source}{i}"})
            for i in range(40) for p in posts]
    one, two = build_graph(many, workers=1), build_graph(many, workers=2)
    assert [a.key for a in one.assertions] == [a.key for a in two.assertions]
    assert [[e.source for e in a.evidence] for a in one.assertions] == \
           [[e.source for e in a.evidence] for a in two.assertions]


def test_glossary_page_in_another_register(tmp_path):
    # an encyclopedia-style page: the rules are general, not shaped by the sample posts
    from kg.pipeline import read_posts

    from .conftest import FIXTURES
    posts, _ = read_posts([str(FIXTURES / "glossary.html")])
    found = triples_of(build_graph(posts))
    expected = {
        ("micrometastasis", "originates_from", "primary_tumor", "positive"),      # "shed from the primary tumour"
        ("micrometastasis", "detected_by", "ct", "negative"),                      # "is not detected by CT or MRI"
        ("micrometastasis", "detected_by", "mri", "negative"),
        ("micrometastasis", "detected_by", "sentinel_lymph_node_biopsy", "positive"),   # "is used to identify"
        ("breast_cancer", "spreads_to", "bone", "positive"),                       # "metastasizes to"
        ("metastasis", "spreads_via", "hematogenous_spread", "positive"),          # "occurs through"
        ("metastasis", "located_in", "liver", "positive"),                         # "sites of X include"
        ("occult_micrometastasis", "is_a", "micrometastasis", "positive"),         # ", a type of"
        ("bone_metastasis", "treated_with", "surgery", "positive"),                # past an unknown list item
    }
    assert expected <= found
    # "Stage IV cancer, also called metastatic cancer" names a synonym, not a kind
    assert not any(r == "is_a" and "stage_4" in (s, o) for s, r, o, _ in found)


def test_indications_list_names_where_a_procedure_is_used():
    found = statements("""<h2>Sentinel lymph node biopsy Introduction</h2><p>A staging procedure.</p>
        <h2>Indications (When oncology clinicians use it)</h2><p>Typical settings include:</p>
        <ul><li><strong>Melanoma</strong> with intermediate thickness</li>
        <li>Early breast cancer with clinically negative nodes</li>
        <li>Patients who prefer less surgery</li></ul>""", title="Sentinel lymph node biopsy: overview")
    assert ("sentinel_lymph_node_biopsy", "used_in", "melanoma", "positive") in found
    assert ("sentinel_lymph_node_biopsy", "used_in", "breast_cancer", "positive") in found


def test_encyclopedia_page_glossary_and_back_matter():
    from kg.pipeline import read_posts

    from .conftest import FIXTURES
    posts, _ = read_posts([str(FIXTURES / "encyclopedia.html")])
    kg = build_graph(posts)
    found = triples_of(kg)
    assert kg.concepts["micrometastasis"].definition.startswith("A small collection")
    assert kg.concepts["micrometastasis"].definition_evidence.sentence.startswith("A micrometastasis is a small collection")
    assert kg.concepts["isolated_tumor_cells"].definition.startswith("Single cells or small clusters")
    assert ("isolated_tumor_cells", "located_in", "lymph_node", "positive") in found   # the dd's topic is its term
    assert kg.concepts["tumor_budding"].discovered                                      # a glossary term
    # References and See also hold citations and links, not statements
    assert not any(s == "brain_metastasis" for s, _, _, _ in found)


def test_list_under_a_detection_heading_names_tests():
    html = ("<h2>How it is detected</h2><ul><li><strong>Imaging:</strong> CT and MRI show enlarged nodes.</li>"
            "<li><strong>Biopsy:</strong> a needle sample may confirm cancer.</li></ul>"
            "<h2>Treatment options</h2><ul><li><strong>Ultrasound:</strong> guides the needle.</li>"
            "<li><strong>Physical exam:</strong> at each visit.</li></ul>")
    found = statements(html, title="Lymph node metastasis: an overview")
    assert {("lymph_node_metastasis", "detected_by", "imaging", "positive"),
            ("lymph_node_metastasis", "detected_by", "biopsy", "positive")} <= found
    assert not {k for k in found if k[2] in ("ultrasound", "physical_exam")}   # not under a detection heading
    hedged = {(a.subject, a.object): a.hedged for a in kg_of(html, "Lymph node metastasis: an overview").assertions}
    assert hedged[("lymph_node_metastasis", "biopsy")] and not hedged[("lymph_node_metastasis", "imaging")]


def test_a_path_is_not_a_site():
    # regression: "happens through lymphatic vessels" made the vessels a place where the spread is
    found = statements("<p>Lymph node metastasis usually happens through lymphatic vessels.</p>"
                       "<p>Lymph node metastasis is found in the regional lymph node.</p>")
    assert ("lymph_node_metastasis", "located_in", "lymphatic_vessel", "positive") not in found
    assert ("lymph_node_metastasis", "located_in", "regional_lymph_node", "positive") in found


def test_a_subject_does_not_reach_back_into_an_earlier_clause():
    # regression: "examine ... with H&E staining, and IHC can reveal X" made H&E staining a subject too
    found = statements("<p>Pathologists examine the nodes with H&amp;E staining, and immunohistochemistry (IHC) "
                       "can reveal isolated tumor cells.</p>")
    assert ("isolated_tumor_cells", "detected_by", "immunohistochemistry", "positive") in found
    assert ("isolated_tumor_cells", "detected_by", "h_and_e_staining", "positive") not in found
    both = statements("<p>H&amp;E staining and immunohistochemistry can reveal isolated tumor cells.</p>")
    assert {("isolated_tumor_cells", "detected_by", k, "positive")
            for k in ("h_and_e_staining", "immunohistochemistry")} <= both


def test_what_a_copula_says_is_about_its_subject():
    # regression: "X are Ys too small to be seen on imaging" made the Ys, not X, unseen on imaging
    found = statements("<p>Micrometastases are metastases too small to be seen on imaging.</p>")
    assert ("micrometastasis", "detected_by", "imaging", "negative") in found
    assert ("metastasis", "detected_by", "imaging", "negative") not in found
    assert ("micrometastasis", "is_a", "metastasis", "positive") in found


def test_sites_of_a_spread_pattern():
    found = statements("<p>The most common sites of metastasis are the lungs, liver, brain and bones.</p>")
    assert {("metastasis", "located_in", k, "positive") for k in ("lung", "liver", "brain", "bone")} <= found
    none = statements("<p>Biopsy sites of the liver are chosen with ultrasound.</p>")
    assert not {k for k in none if k[1] in ("located_in", "spreads_to")}


def test_part_of_phrasing():
    found = statements("<p>Circulating tumor cells are a key part of hematogenous spread.</p>"
                       "<p>Intravasation is an early step in the metastatic cascade.</p>")
    assert ("circulating_tumor_cells", "part_of", "hematogenous_spread", "positive") in found
    assert ("intravasation", "part_of", "metastatic_cascade", "positive") in found


def test_a_scan_named_by_its_acronym_is_one_test():
    # regression: "CT or MRI scans" also made "scans" (imaging) a test of its own
    found = statements("<p>Circulating tumor cells cannot be seen on CT or MRI scans.</p>")
    assert {("circulating_tumor_cells", "detected_by", k, "negative") for k in ("ct", "mri")} <= found
    assert ("circulating_tumor_cells", "detected_by", "imaging", "negative") not in found


def test_a_prepositional_phrase_does_not_take_the_subject():
    # regression: in "Micrometastases in lymph nodes can upstage the N category" the nodes were the subject
    found = statements("<p>Micrometastases in lymph nodes can upstage the N category.</p>")
    assert ("micrometastasis", "influences", "n_category", "positive") in found


def test_a_stage_means_a_spread_pattern():
    found = statements("<p>Any distant metastasis usually means stage 4 disease.</p>")
    assert ("distant_metastasis", "associated_with", "stage_4", "positive") in found


def test_a_line_ending_in_a_verb_cue_relates_its_subject_to_each_item():
    found = statements("<p>Bone metastases may cause:</p><ul><li><strong>Bone pain</strong> – often the first "
                       "symptom.</li><li>Fractures</li></ul><p>A primary tumor can spread to:</p><ol><li>Regional "
                       "lymph nodes</li><li>The liver</li></ol><p>Isolated tumor cells do not usually cause:</p>"
                       "<ul><li>Lymphedema</li></ul><p>Doctors look at several things:</p><ul><li>CT scans</li></ul>")
    assert {("bone_metastasis", "causes", "bone_pain", "positive"), ("bone_metastasis", "causes", "fracture", "positive"),
            ("primary_tumor", "spreads_to", "regional_lymph_node", "positive"),
            ("primary_tumor", "spreads_to", "liver", "positive"),
            ("isolated_tumor_cells", "causes", "lymphedema", "negative")} <= found
    assert not {k for k in found if k[2] == "ct"}   # no cue before the colon: no relation


def test_a_site_is_not_compared_with_a_disease():
    # regression: "not the same as primary bone cancer" made bone metastasis distinct from bone (the site)
    found = statements("<p>Bone metastases are cancer cells that have spread to the bones. They are not the same "
                       "as primary bone cancer.</p>", title="Bone metastases")
    assert not {k for k in found if k[1] == "distinct_from" and "bone" in (k[0], k[2])}


def test_copula_over_modifiers():
    found = statements("<p>The sentinel lymph node is the hypothetical first lymph node draining a cancer.</p>"
                       "<p>Lymphedema is a possible risk for breast cancer patients.</p>")
    assert ("sentinel_lymph_node", "is_a", "lymph_node", "positive") in found
    assert not {k for k in found if k[1] == "is_a" and k[0] == "lymphedema"}


def test_a_relative_clause_has_its_own_polarity():
    # regression: "does not detect X, which is assessed with imaging" made the imaging negative too
    found = statements("<p>Sentinel lymph node biopsy does not detect distant metastasis, which is assessed with "
                       "imaging.</p>")
    assert ("distant_metastasis", "detected_by", "sentinel_lymph_node_biopsy", "negative") in found
    assert ("distant_metastasis", "detected_by", "imaging", "positive") in found


def test_no_larger_than_is_a_size_not_a_denial():
    found = statements("<p>Isolated tumor cells are clusters no larger than 0.2 mm, usually found by "
                       "immunohistochemistry.</p>")
    assert ("isolated_tumor_cells", "detected_by", "immunohistochemistry", "positive") in found
    found = statements("<p>Micrometastases are no longer detected by imaging after treatment.</p>")
    assert ("micrometastasis", "detected_by", "imaging", "negative") in found


def test_a_glossary_sentence_with_its_own_subject_is_not_about_the_term():
    # regression: "For example, prostate cancer tends to spread to bone" was read as the term's statement
    found = statements("<dl><dt>Organ tropism</dt><dd>The tendency of cancers to spread to particular organs. "
                       "For example, prostate cancer tends to spread to bone.</dd><dt>Oligometastatic disease</dt>"
                       "<dd>Cancer spread to a few sites, often treated with local therapy.</dd></dl>")
    assert not {k for k in found if k[0] == "organ_tropism" and k[2] == "bone"}
    assert ("oligometastatic_disease", "treated_with", "local_therapy", "positive") in found


@pytest.mark.parametrize("title, subject", [
    ("Bone metastasis symptoms", "bone_metastasis"),            # a facet word after the topic
    ("Spread of lung cancer", "lung_carcinoma"),                # a facet word before it
    ("Diagnosis and treatment of bone metastases", "bone_metastasis"),
    ("Metastasis of ALK rearranged lung cancer", "lung_carcinoma"),   # the broad head gives way
    ("Metastatic thyroid cancer", "thyroid_gland_carcinoma"),
])
def test_a_title_names_its_topic_with_words_about_it(title, subject):
    found = statements("<p>It can cause pain and can spread to the brain.</p>", title=title)
    assert {(subject, "causes", "pain", "positive"), (subject, "spreads_to", "brain", "positive")} & found


def test_a_title_phrase_headed_by_a_category_word_is_a_topic_of_its_own():
    # (a phrase the lexicon lacks: "cutaneous metastases" is now a name of NCIt's metastatic neoplasm in the skin)
    kg = kg_of("<p>It can spread to the brain.</p>", title="Splenic metastases from solid tumours")
    assert [c.label for c in kg.concepts.values() if c.discovered and c.evidence is None] == ["Splenic metastasis"]


def test_patients_as_a_subject_stand_for_the_disease_they_have_or_the_page_topic():
    found = statements("<p>Patients can present with jaundice.</p><p>Patients with breast cancer often develop "
                       "bone pain.</p>", title="Liver metastasis")
    assert {("liver_metastasis", "causes", "jaundice", "positive"), ("breast_cancer", "causes", "bone_pain", "positive")} \
        <= found


def test_a_lone_name_in_parentheses_after_a_singular_noun_is_no_kind_of_it():
    found = statements("<p>Cancer can return near the original site (local recurrence).</p>"
                       "<p>Local therapies (surgery) treat specific sites.</p>")
    assert not {k for k in found if k[0] == "local_recurrence" and k[1] == "is_a"}
    assert ("surgery", "is_a", "local_therapy", "positive") in found


def test_the_original_site_is_where_a_spread_comes_from():
    found = statements("<p>Brain metastases occur when tumour cells spread from their site of origin to the brain.</p>")
    assert ("brain_metastasis", "originates_from", "primary_tumor", "positive") in found


def test_a_title_that_narrows_a_known_metastasis_is_about_that_metastasis():
    found = statements("<p>It can cause pain.</p>", title="Colorectal liver metastases")
    assert ("liver_metastasis", "causes", "pain", "positive") in found


def test_in_most_cases_and_a_verb_after_the_sites_hedge():
    kg = kg_of("<p>In most cases, bone metastasis is diagnosed incidentally during imaging.</p>"
               "<p>Metastasis to other sites (such as the spleen) can also occur.</p>", title="Melanoma")
    hedged = {(a.subject, a.relation, a.object): a.hedged for a in kg.assertions}
    assert hedged.get(("bone_metastasis", "detected_by", "imaging")) is True
    assert hedged.get(("melanoma", "spreads_to", "spleen")) is True


def test_a_types_list_that_names_the_subject_among_its_items_lists_siblings():
    found = statements("<h2>Types / variations</h2><ul><li>Isolated tumor cells: up to 0.2 mm</li>"
                       "<li>Micrometastasis: 0.2 to 2 mm</li><li>Macrometastasis: over 2 mm</li></ul>", title="Micrometastasis")
    assert not {t for t in found if t[1] == "is_a" and t[2] == "micrometastasis"}


def test_a_types_heading_that_names_a_concept_gives_the_parent():
    found = statements("<h2>Lymph node metastasis classification</h2><ul><li>Micrometastasis: 0.2 to 2 mm</li>"
                       "<li>Macrometastasis: over 2 mm</li></ul>", title="Breast cancer staging")
    assert {("micrometastasis", "is_a", "lymph_node_metastasis", "positive"),
            ("macrometastasis", "is_a", "lymph_node_metastasis", "positive")} <= found


def test_no_concept_causes_or_goes_with_its_own_kind():
    found = statements("<p>Liver metastases often form due to the spread of metastasis from distant organs.</p>"
                       "<p>Metastasis can cause liver metastases.</p>")
    assert not {t for t in found if {t[0], t[2]} == {"metastasis", "liver_metastasis"} and t[1] != "is_a"}


def test_a_primary_tumor_is_a_role_not_a_genus():
    found = statements("<p>Melanoma and breast cancer are the most likely primary tumors.</p>")
    assert not {t for t in found if t[1] == "is_a" and t[2] == "primary_tumor"}


def test_mistaken_for_and_confused_with_state_mimicry():
    found = statements("<p>Infection is sometimes confused with bone metastasis.</p>"
                       "<p>Infections are often mistaken for lung metastases.</p>")
    assert {("infection", "mimics", "bone_metastasis", "positive"), ("infection", "mimics", "lung_metastasis", "positive")} <= found


def test_rarely_hedges_what_it_qualifies():
    kg = kg_of("<p>Bone metastasis rarely causes fractures.</p>", title="Test")
    hedged = {(a.subject, a.relation, a.object): a.hedged for a in kg.assertions}
    assert hedged.get(("bone_metastasis", "causes", "fracture")) is True


def test_a_glossary_description_that_opens_with_a_verb_names_no_genus():
    found = statements("<ul><li><strong>Dye-guided biopsy:</strong> uses a blue dye</li>"
                       "<li><strong>Sentinel lymph node:</strong> the lymph node that cancer cells reach first</li></ul>")
    assert not {t for t in found if t[0] == "dye_guided_biopsy" and t[1] == "is_a"}
    assert ("sentinel_lymph_node", "is_a", "lymph_node", "positive") in found


def test_a_conjunct_after_and_and_an_adverb_is_coordinated():
    found = statements("<p>A pathologist examines the node with hematoxylin and eosin staining and sometimes "
                       "immunohistochemistry to look for micrometastases.</p>")
    assert {("micrometastasis", "detected_by", "h_and_e_staining", "positive"),
            ("micrometastasis", "detected_by", "immunohistochemistry", "positive")} <= found


def test_a_lead_in_of_several_classes_makes_its_items_members_of_none():
    found = statements("<ol><li><p><strong>Imaging / biopsy / labs</strong><br/> Ultrasound, CT, and MRI may show "
                       "enlarged nodes.</p></li></ol>")
    assert not {t for t in found if t[1] == "is_a" and t[2] == "biopsy"}


def test_staging_itself_as_an_items_lead_is_no_stage_a_spread_describes():
    found = statements("<ul><li><p><strong>Staging</strong><br/> Finding liver metastasis usually means the cancer is "
                       "stage 4.</p></li></ul>", title="Liver metastasis")
    assert ("staging", "associated_with", "liver_metastasis", "positive") not in found
    found = statements("<ul><li>Stage 4 – the cancer has spread to distant organs.</li></ul>", title="Staging")
    assert ("stage_4", "associated_with", "metastasis", "positive") in found


def test_a_denied_finding_at_a_site_denies_no_location():
    found = statements("<p>Since micrometastases are tiny, they don’t cause any noticeable symptoms in the lymph nodes.</p>"
                       "<p>Micrometastases are not found in the liver.</p>")
    assert ("micrometastasis", "located_in", "lymph_node", "negative") not in found
    assert ("micrometastasis", "located_in", "liver", "negative") in found


def test_an_abbreviation_of_a_discovered_term_names_it():
    # regression: abbreviations were learned before discovery, so "Tumor budding (TB)", a term the lexicon
    # lacks, left "TB" unread and the page's relations stated of "TB" were lost
    html = "<p>Tumor budding (TB) is a cluster of cancer cells at the invasive front.</p><p>TB is linked to lymph node metastasis.</p>"
    kg = kg_of(html, title="Tumor budding")
    assert kg.concepts["tumor_budding"].discovered and "TB" in kg.concepts["tumor_budding"].abbreviations
    assert ("tumor_budding", "associated_with", "lymph_node_metastasis", "positive") in statements(html, title="Tumor budding")


def test_a_types_item_that_says_it_differs_is_no_kind():
    # regression: "Perineural invasion: a related but different finding" was made a kind of the page's topic
    html = ("<h2>Types / variations</h2><ul><li><strong>Lymphatic invasion</strong>: tumor cells within lymphatic "
            "channels.</li><li><strong>Perineural invasion</strong>: a related but different finding, in which "
            "cancer grows along nerves.</li></ul>")
    found = statements(html, title="Lymphovascular invasion")
    assert ("lymphatic_invasion", "is_a", "lymphovascular_invasion", "positive") in found
    assert not {k for k in found if k[0] == "perineural_invasion" and k[1] == "is_a"}


def test_a_list_of_processes_on_a_cascades_page_is_its_steps():
    # regression: without "steps" in the heading or an intro, a list of processes under "How it works" on the
    # metastatic cascade's page made no part_of or precedes
    found = statements("<h2>How it works</h2><ul><li><strong>Local invasion</strong>: cells break into nearby tissue."
                       "</li><li><strong>Intravasation</strong>: cells enter blood vessels.</li><li><strong>Extravasation"
                       "</strong>: cells leave the vessel.</li></ul>", title="Metastatic cascade")
    assert {("local_invasion", "part_of", "metastatic_cascade", "positive"),
            ("extravasation", "part_of", "metastatic_cascade", "positive"),
            ("local_invasion", "precedes", "intravasation", "positive")} <= found


def test_the_steps_of_a_process_are_its_parts_not_its_kinds():
    found = statements("<p>The steps of the metastatic cascade include local invasion, intravasation and "
                       "extravasation.</p>", title="Metastatic cascade")
    assert ("intravasation", "part_of", "metastatic_cascade", "positive") in found
    assert not {k for k in found if k[1] == "is_a"}
