"""A pressing or blocking verb and its site name a finding ('blocks the bile duct': bile duct obstruction)."""
from __future__ import annotations

from .test_extract import statements


def test_it_after_a_condition_that_presses_on_a_site_is_the_pressing():
    found = statements("<p>If a tumour blocks the bile duct, it can cause jaundice.</p>", title="Bone metastasis")
    assert ("bile_duct_obstruction", "causes", "jaundice", "positive") in found
    assert ("bone_metastasis", "causes", "jaundice", "positive") not in found


def test_a_lead_in_after_such_a_condition_is_about_the_pressing_not_the_topic():
    found = statements("<p>If the tumour presses on the spinal cord, it may cause these symptoms:</p>"
                       "<ul><li>Back pain</li><li>Numbness</li></ul>"
                       "<p>If the tumour grows and presses on the nerves, it may cause these symptoms:</p>"
                       "<ul><li>Constipation</li></ul>", title="Bone metastasis")
    assert {("spinal_cord_compression", "causes", "back_pain", "positive"),
            ("spinal_cord_compression", "causes", "numbness", "positive")} <= found
    assert not {k for k in found if k[0] == "bone_metastasis"}
