"""Routes named by their path (ontology/routes.tsv)."""
from __future__ import annotations

from kg.extract.routes import load_routes
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
