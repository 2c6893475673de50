"""Routes named by their path (ontology/routes.tsv)."""
from __future__ import annotations

from kg.extract.route_table import load_routes
from kg.lexicon import load_lexicon

from .test_extract import statements


def test_every_route_row_names_a_route_of_the_lexicon_and_fires_on_its_example():
    concepts = load_lexicon()
    for phrase, route, _ in load_routes():
        assert concepts[route].category == "SpreadRoute", route
    found = statements("<p>Breast cancer often spreads through the lymphatic system, while melanoma travels "
                       "via the bloodstream.</p>")
    assert {("breast_cancer", "spreads_via", "lymphatic_spread", "positive"),
            ("melanoma", "spreads_via", "hematogenous_spread", "positive")} <= found


def test_a_path_word_inside_another_word_is_no_route():
    found = statements("<p>Melanoma spreads through bloodless planes.</p>")
    assert not {k for k in found if k[1] == "spreads_via"}


def test_the_spread_of_something_through_a_path_is_a_route():
    found = statements("<p>Lung metastasis results from the spread of cancer cells through the bloodstream.</p>")
    assert ("lung_metastasis", "spreads_via", "hematogenous_spread", "positive") in found


def test_every_path_a_clause_coordinates_names_its_route():
    found = statements("<p>Metastasis can occur by the spread of tumour cells through the blood or the lymphatic system.</p>"
                       "<p>There are three routes by which cancer spreads, namely through the blood, through tissue and "
                       "through the lymph system.</p>")
    assert {("metastasis", "spreads_via", "lymphatic_spread", "positive"),
            ("metastasis", "spreads_via", "hematogenous_spread", "positive"),
            ("cancer", "spreads_via", "lymphatic_spread", "positive"),
            ("cancer", "spreads_via", "hematogenous_spread", "positive")} <= found


def test_cells_finding_their_way_into_a_path_give_the_route_of_the_spread_they_make():
    found = statements("<p>Cancer cells may break off and find their way into the lymph system or, more often, the bloodstream.</p>",
                       title="Metastasis")
    assert {("metastasis", "spreads_via", "hematogenous_spread", "positive"),
            ("metastasis", "spreads_via", "lymphatic_spread", "positive")} <= found


def test_a_place_a_spread_came_from_is_not_what_takes_the_route():
    found = statements("<p>Tumour cells spread from their original site to other organs by travelling through the bloodstream.</p>",
                       title="Metastasis")
    assert ("metastasis", "spreads_via", "hematogenous_spread", "positive") in found
    assert ("primary_tumor", "spreads_via", "hematogenous_spread", "positive") not in found


def test_a_lymph_node_after_a_path_is_a_place_not_a_route():
    found = statements("<p>Breast cancer spreads through the blood, lymph nodes and bones.</p>")
    assert ("breast_cancer", "spreads_via", "lymphatic_spread", "positive") not in found


def test_a_broad_spread_taking_a_route_on_a_page_about_a_kind_of_it_is_that_kind():
    found = statements("<p>Unlike primary brain tumors, metastases occur when malignant cells travel through the "
                       "bloodstream.</p>", title="Brain metastases")
    assert ("brain_metastasis", "spreads_via", "hematogenous_spread", "positive") in found
    assert ("metastasis", "spreads_via", "hematogenous_spread", "positive") not in found


def test_the_ways_a_cancer_spreads_listed_after_a_colon_name_their_routes():
    found = statements("<p>Cancer can spread in three ways: through the blood, through tissue, and through the "
                       "lymph system.</p>")
    assert {("cancer", "spreads_via", r, "positive") for r in
            ("direct_extension", "lymphatic_spread", "hematogenous_spread")} <= found


def test_the_route_of_cells_no_spread_owns_is_the_pages_cancer_or_cancers():
    found = statements("<p>Cancer cells break away and travel through the bloodstream.</p>", title="Stage 4 cancer")
    assert ("cancer", "spreads_via", "hematogenous_spread", "positive") in found
    found = statements("<p>Cancer cells break away and travel through the bloodstream.</p>", title="Melanoma")
    assert ("melanoma", "spreads_via", "hematogenous_spread", "positive") in found


def test_a_spread_that_occurs_through_a_path_takes_its_route():
    found = statements("<p>Distant metastasis can occur through the lymph vessels.</p>")
    assert ("distant_metastasis", "spreads_via", "lymphatic_spread", "positive") in found


def test_paths_that_share_their_last_word_are_both_routes():
    found = statements("<p>Lung metastases may arise through vascular or lymphatic channels.</p>")
    assert {("lung_metastasis", "spreads_via", r, "positive") for r in ("hematogenous_spread", "lymphatic_spread")} <= found
    found = statements("<p>Tumor cells spread through blood or lymph vessels.</p>")
    assert {("cancer", "spreads_via", r, "positive") for r in ("hematogenous_spread", "lymphatic_spread")} <= found


def test_a_spread_that_arises_through_a_path_takes_its_route():
    found = statements("<p>Liver metastases usually arise through the bloodstream.</p>")
    assert ("liver_metastasis", "spreads_via", "hematogenous_spread", "positive") in found


def test_a_describing_word_before_a_path_leaves_its_route():
    found = statements("<p>Ovarian cancer can spread through the retroperitoneal and diaphragmatic lymphatics.</p>")
    assert ("malignant_ovarian_neoplasm", "spreads_via", "lymphatic_spread", "positive") in found
    found = statements("<p>Melanoma spreads through the regional lymph nodes.</p>")
    assert not {k for k in found if k[1] == "spreads_via"}
