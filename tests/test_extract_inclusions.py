"""What 'Y includes A, B' says of each item (kg.extract.inclusions): a kind of Y, or a part of a process."""
from __future__ import annotations

from .test_extract import statements


def test_what_a_process_includes_are_its_parts_but_what_a_class_includes_are_kinds():
    found = statements("<p>The metastatic cascade includes local invasion, intravasation and extravasation.</p>")
    assert {(k, "part_of", "metastatic_cascade", "positive") for k in ("local_invasion", "intravasation",
                                                                        "extravasation")} <= found
    assert not {k for k in found if k[1] == "is_a"}
    found = statements("<p>Systemic therapy includes chemotherapy and immunotherapy.</p>")
    assert {(k, "is_a", "systemic_therapy", "positive") for k in ("chemotherapy", "immunotherapy")} <= found


def test_a_list_of_what_stands_to_a_concept_names_no_kinds_of_it():
    # "Markers of X include A" and "Risk factors for X include B" made A and B subclasses of X (wrong OWL axioms);
    # a class word or a quantifier before "of" still names kinds
    found = statements("<p>Markers of lymph node metastasis include lymphovascular invasion and tumor size.</p>"
                       "<p>Risk factors for liver metastasis include colorectal cancer.</p>"
                       "<p>Many types of skin cancer, including melanoma, can spread.</p>")
    assert not {k for k in found if k[1] == "is_a" and k[2] in ("lymph_node_metastasis", "liver_metastasis")}
    assert ("melanoma", "is_a", "malignant_skin_neoplasm", "positive") in found


def test_site_words_listed_as_cancers_are_no_sites_of_the_page_topic():
    """'The cancers that spread to the liver include bowel, breast ...' on a liver metastasis page: breast cancer
    spreads to the liver; the liver metastasis is not located in the breast."""
    from .test_extract import statements
    found = statements("<p>The cancers that most often spread to the liver include bowel, breast, pancreas and "
                       "stomach.</p>", title="Liver metastasis")
    assert ("breast_cancer", "spreads_to", "liver", "positive") in found
    assert not {f for f in found if f[0] == "liver_metastasis" and f[1] == "located_in" and f[2] != "liver"}
