"""Relations a stated one implies: a cancer that causes a site's metastases spreads there; a method used in
diagnosis on a disease's page detects that disease."""
from tests.test_extract import statements


def test_a_cancer_that_causes_a_sites_metastases_spreads_to_that_site():
    found = statements("<p>Pulmonary metastases are common in patients with osteosarcoma.</p>"
                       "<p>Colorectal cancer often causes liver metastases.</p>")
    assert ("osteosarcoma", "spreads_to", "lung", "positive") in found
    assert ("colorectal_carcinoma", "spreads_to", "liver", "positive") in found


def test_no_site_no_spread_implied():
    found = statements("<p>Patients with melanoma often develop metastases.</p>")
    assert not {t for t in found if t[0] == "melanoma" and t[1] == "spreads_to"}


def test_a_method_used_in_diagnosis_on_a_disease_page_detects_that_disease():
    found = statements("<p>MRI is crucial in making the diagnosis.</p>", title="Brain metastases")
    assert ("brain_metastasis", "detected_by", "mri", "positive") in found


def test_a_diagnosis_of_another_disease_is_not_the_pages():
    found = statements("<p>CT is used for the diagnosis of lung cancer.</p>", title="Brain metastases")
    assert ("brain_metastasis", "detected_by", "ct", "positive") not in found


def test_what_it_causes_after_if_x_spreads_to_a_site_the_sites_metastasis_causes():
    found = statements("<p>When breast cancer spreads to the bones, it may cause pain and fractures.</p>")
    assert {("bone_metastasis", "causes", "pain", "positive"), ("bone_metastasis", "causes", "fracture", "positive")} <= found
    assert ("breast_cancer", "spreads_to", "bone", "positive") in found
    assert ("breast_cancer", "causes", "pain", "positive") not in found


def test_a_spread_with_no_site_leaves_the_cancer_as_the_cause():
    found = statements("<p>If melanoma spreads, it can cause fatigue.</p>")
    assert ("melanoma", "causes", "fatigue", "positive") in found


def test_a_spread_named_after_the_site_a_sentence_says_cancer_reached_is_located_there():
    found = statements("<p>When a cancer spreads to the lymph nodes, this is known as lymph node metastasis.</p>"
                       "<p>When this occurs in the bones, these secondary tumors are called bone metastasis.</p>")
    assert {("lymph_node_metastasis", "located_in", "lymph_node", "positive"),
            ("bone_metastasis", "located_in", "bone", "positive")} <= found


def test_a_site_metastasis_merely_named_with_its_site_is_not_located_by_this():
    found = statements("<p>Bone metastasis is common, and the bone is often painful.</p>")
    assert ("bone_metastasis", "located_in", "bone", "positive") not in found


def test_a_site_of_a_metastatic_cancer_is_a_site_the_cancer_spreads_to():
    found = statements("<p>Metastatic melanoma is often found in the lungs.</p>")
    assert ("melanoma", "spreads_to", "lung", "positive") in found
    assert not {t for t in found if t[0] == "metastatic_melanoma" and t[2] == "lung"}


def test_a_sites_metastasis_named_metastatic_site_cancer_is_no_site_cancer():
    found = statements("<p>Metastatic liver cancer is often found in the liver and spreads to the lungs.</p>")
    assert not {t for t in found if t[0] == "liver_neoplasm"}


def test_a_cancer_that_causes_broad_metastases_in_a_site_spreads_to_the_site():
    found = statements("<p>Patients with breast cancer often develop secondary tumors (metastases) in their liver "
                       "and lungs.</p>")
    assert {("breast_cancer", "spreads_to", "liver", "positive"), ("breast_cancer", "spreads_to", "lung", "positive")} <= found
    assert ("breast_cancer", "causes", "metastatic_tumor", "positive") not in found


def test_broad_metastases_at_no_site_stay_what_the_cancer_causes():
    found = statements("<p>Patients with melanoma may develop secondary tumors.</p>")
    assert ("melanoma", "causes", "metastatic_tumor", "positive") in found


def test_a_site_after_the_site_a_cancer_spread_to_only_says_where_in_it():
    found = statements("<p>If breast cancer spreads to the bones in your spine, it can cause back pain.</p>")
    assert ("bone_metastasis", "causes", "back_pain", "positive") in found
    assert ("breast_cancer", "causes", "back_pain", "positive") not in found


def test_a_cancer_named_in_parentheses_after_a_site_of_origin_is_an_origin_too():
    found = statements("<p>Brain metastases can spread from the lungs or skin (melanoma).</p>"
                       "<p>Cancers that start in the skin (melanoma) are common.</p>")
    assert ("brain_metastasis", "originates_from", "melanoma", "positive") in found
    assert not {t for t in found if t[0] == "cancer" and t[2] == "melanoma"}


def test_the_cancer_a_sites_metastases_come_from_spreads_to_that_site():
    found = statements("<p>Liver metastases most often originate from colorectal cancer or from the primary tumor.</p>")
    assert ("liver_metastasis", "originates_from", "colorectal_carcinoma", "positive") in found
    assert ("colorectal_carcinoma", "spreads_to", "liver", "positive") in found
    assert not {t for t in found if t[0] == "primary_tumor" and t[1] == "spreads_to"}   # a role, not a cancer
