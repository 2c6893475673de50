"""What a sentence calls prognostic: a factor, the holder of a prognostic significance, the listed factors."""
from __future__ import annotations

from .test_extract import statements


def test_what_a_sentence_calls_prognostic_influences_the_prognosis():
    found = statements("<p>Distant metastasis remains the strongest prognostic factor. We assessed the prognostic "
                       "value of isolated tumor cells. Prognostic factors for melanoma include lymph node metastasis "
                       "and tumor thickness.</p>")
    for key in ("distant_metastasis", "isolated_tumor_cells", "lymph_node_metastasis"):
        assert (key, "influences", "prognosis", "positive") in found
    assert ("melanoma", "influences", "prognosis", "positive") not in found   # what the factors are for


def test_a_denied_prognostic_significance_is_negative():
    found = statements("<p>Micrometastasis had no prognostic significance in this study.</p>")
    assert ("micrometastasis", "influences", "prognosis", "negative") in found
    assert ("micrometastasis", "influences", "prognosis", "positive") not in found
