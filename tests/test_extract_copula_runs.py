"""The coordinated subjects of a plural copula (kg/extract/copula_runs.py)."""
from tests.test_extract import statements


def test_each_coordinated_subject_of_a_plural_copula_is_a_kind():
    found = statements("<p>Liposarcoma, leiomyosarcoma and rhabdomyosarcoma were the most common soft tissue "
                       "sarcomas in the series.</p>")
    assert {(k, "is_a", "soft_tissue_sarcoma", "positive")
            for k in ("liposarcoma", "leiomyosarcoma", "rhabdomyosarcoma")} <= found
    found = statements("<p>Chemotherapy and immunotherapy are systemic therapies.</p>")
    assert ("chemotherapy", "is_a", "systemic_therapy", "positive") in found


def test_a_run_after_an_opening_clause_or_of_mixed_kinds_is_not_read():
    found = statements("<p>When the disease comes back after years of treatment, chemotherapy and immunotherapy "
                       "are systemic therapies.</p>")
    assert ("chemotherapy", "is_a", "systemic_therapy", "positive") not in found
