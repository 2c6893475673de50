"""Shared heads: modifiers coordinated before the last member's head name the concept the lexicon has with it."""
from __future__ import annotations

from .test_extract import statements


def test_each_coordinated_modifier_takes_the_head_of_the_last_member():
    found = statements("<p>Bone metastasis can cause chest and back pain.</p>", title="Bone metastasis")
    assert {("bone_metastasis", "causes", k, "positive") for k in ("chest_pain", "back_pain")} <= found
    found = statements("<p>Patients with a leiomyosarcoma, spindle cell, or synovial cell sarcoma in this series were more "
                       "likely to present with lung metastases.</p>", title="Sarcoma")
    assert ("spindle_cell_sarcoma", "associated_with", "lung_metastasis", "positive") in found


def test_a_concept_of_its_own_or_a_site_before_other_shares_no_head():
    found = statements("<p>Bone metastasis can cause fatigue and bone pain.</p>"
                       "<p>Colon cancer often spreads to the liver or other distant tissue.</p>", title="Bone metastasis")
    assert ("bone_metastasis", "causes", "fatigue", "positive") in found
    assert ("colon_carcinoma", "spreads_to", "liver", "positive") in found
