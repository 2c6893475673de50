"""What a stage's description says of spread, the stage corresponds to."""
from __future__ import annotations

from .test_extract import statements


def test_a_stage_described_as_spread_corresponds_to_that_spread():
    found = statements("<ul><li><strong>Stage 4:</strong> The tumour can be any size and has spread to distant "
                       "organs such as the liver.</li></ul>"
                       "<p>stage 4 – the cancer has spread from its starting point to another organ</p>")
    assert ("stage_4", "associated_with", "distant_metastasis", "positive") in found
    assert ("stage_4", "associated_with", "metastasis", "positive") in found


def test_a_stage_described_as_not_spread_corresponds_to_no_spread():
    found = statements("<p>stage 4 – the cancer has grown, but has not spread</p>")
    assert not {k for k in found if k[1] == "associated_with"}


def test_a_stage_that_means_the_cancer_has_spread_describes_that_spread():
    found = statements("<p>Stage 4 cancer means the cancer has spread to distant parts of the body.</p>", title="Staging")
    assert ("stage_4", "associated_with", "distant_metastasis", "positive") in found


def test_arabic_stage_numbers_name_the_stage():
    """'Stage 3' is Stage III (the lexicon's rows give the Roman form; the curation adds the Arabic one)."""
    from .test_extract import statements
    found = statements("<p>Stage 3 means the cancer has spread to nearby lymph nodes.</p>")
    assert any(f[0] == "stage_iii" for f in found)
