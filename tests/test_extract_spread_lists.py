"""Spread, route and origin readings of lists and paths: sites around a cancer, examples after 'especially to',
counted sites ('1 to 3 nodes'), cells that circulate."""
from __future__ import annotations

from .test_extract import statements


def _family(found):
    return {t for t in found if t[1] in ("spreads_to", "spreads_via", "originates_from")}


def test_circulating_cells_travel_a_route():
    found = statements("<p>Melanoma cells may circulate through the bloodstream to distant organs.</p>")
    assert ("melanoma", "spreads_via", "hematogenous_spread", "positive") in found
    found = statements("<p>Breast cancer can spread via the circulatory system.</p>")
    assert ("breast_cancer", "spreads_via", "hematogenous_spread", "positive") in found


def test_a_count_before_the_site_opens_no_new_argument():
    found = statements("<p>Breast cancer may spread to 4 to 6 regional lymph nodes.</p>")
    assert ("breast_cancer", "spreads_to", "regional_lymph_node", "positive") in found


def test_examples_after_especially_repeat_the_preposition():
    found = statements("<p>Melanoma can travel to faraway places, especially to the brain and the liver.</p>")
    assert {("melanoma", "spreads_to", k, "positive") for k in ("brain", "liver")} <= found
    found = statements("<p>Bone metastases usually come from other organs, particularly from the lung or breast.</p>")
    assert {("bone_metastasis", "originates_from", k, "positive") for k in ("lung", "breast")} <= found


def test_a_cancer_named_inside_a_list_of_sites_joins_it():
    found = statements("<p>Brain metastases mostly come from the lung (40%), breast (20%), melanoma, kidney "
                       "and colon.</p>")
    assert {("brain_metastasis", "originates_from", k, "positive")
            for k in ("lung", "breast", "melanoma", "kidney")} <= found


def test_a_comma_still_parts_a_site_from_a_disease_after_it():
    found = _family(statements("<p>In the liver, melanoma spreads quickly.</p>"))
    assert not any(t[0] == "liver" for t in found)


def test_spread_throughout_a_site_and_by_the_peritoneal_fluid():
    found = statements("<p>Ovarian cancer often spreads throughout the peritoneal cavity.</p>")
    assert ("malignant_ovarian_neoplasm", "spreads_to", "peritoneal_cavity", "positive") in found
    found = statements("<p>Ovarian cancer can spread via the peritoneal fluid.</p>")
    assert ("malignant_ovarian_neoplasm", "spreads_via", "transcoelomic_spread", "positive") in found


def test_a_described_form_of_a_class_is_the_relative_clauses_subject():
    found = statements("<p>Melanoma is an aggressive form of skin cancer that begins in the melanocytes.</p>")
    assert ("melanoma", "originates_from", "melanocyte", "positive") in found
    assert not any(t[1] == "originates_from" and t[0] != "melanoma" for t in found)


def test_sites_of_a_cancers_spread_are_where_it_spreads():
    found = statements("<p>The usual sites of melanoma spread include the lungs, the liver and the brain.</p>")
    assert {("melanoma", "spreads_to", k, "positive") for k in ("lung", "liver", "brain")} <= found
    found = statements("<p>Common places where breast cancer spreads include the bones and the lymph nodes.</p>")
    assert {("breast_cancer", "spreads_to", k, "positive") for k in ("bone", "lymph_node")} <= found


def test_a_cancers_metastases_at_a_site_are_its_spread_there():
    found = statements("<p>Breast cancer metastases are often found in the bones and the lungs.</p>")
    assert {("breast_cancer", "spreads_to", k, "positive") for k in ("bone", "lung")} <= found
    found = _family(statements("<p>Metastases are often found in the bones.</p>"))
    assert not any(t[1] == "spreads_to" for t in found)


def test_the_primaries_a_spreads_page_ranks_are_its_origins():
    found = statements("<p>The most common primary tumours are breast cancer and melanoma.</p>", title="Brain metastasis")
    assert {("brain_metastasis", "originates_from", k, "positive") for k in ("breast_cancer", "melanoma")} <= found
    found = statements("<p>The colon and the breast are the most frequent primary sites.</p>", title="Liver metastasis")
    assert {("liver_metastasis", "originates_from", k, "positive") for k in ("colon", "breast")} <= found
    found = _family(statements("<p>Melanoma is a primary tumour of the skin.</p>", title="Brain metastasis"))
    assert not any(t[1] == "originates_from" for t in found)


def test_do_so_repeats_the_spread_it_follows():
    found = statements("<p>Most cancers can reach the liver, but those most likely to do so are lung, colon and "
                       "breast cancers.</p>")
    assert {(k, "spreads_to", "liver", "positive") for k in ("colon_carcinoma", "breast_cancer", "lung_carcinoma")} <= found
    found = statements("<p>Nearly any cancer may spread to the lymph nodes. Melanoma is one of the most frequent "
                       "tumours to do so.</p>")
    assert ("melanoma", "spreads_to", "lymph_node", "positive") in found
    found = _family(statements("<p>Melanoma spreads to the brain. Doctors do so much for people with breast cancer.</p>"))
    assert not any(t[0] == "breast_cancer" for t in found)
