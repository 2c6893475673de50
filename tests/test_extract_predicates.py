"""What a sentence says of the page's topic without naming it: its diagnosis, its management, its tests."""
from __future__ import annotations

from .test_extract import statements


def test_what_the_diagnosis_will_depend_on_detects_the_topic():
    found = statements("<p>The diagnosis will depend on imaging and a biopsy.</p><p>Diagnosis is mainly based on "
                       "immunohistochemistry.</p>", title="Bone metastasis")
    assert {("bone_metastasis", "detected_by", k, "positive") for k in ("imaging", "biopsy", "immunohistochemistry")} \
        <= found
