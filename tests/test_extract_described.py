"""A finding described in plain words, then named in parentheses."""
from __future__ import annotations

from .test_extract import statements


def test_a_cue_object_described_then_named_in_parentheses_is_the_named_finding():
    found = statements("<p>Lung metastases can cause fluid to build up around the lungs (pleural effusion).</p>")
    assert ("lung_metastasis", "causes", "pleural_effusion", "positive") in found


def test_a_list_part_or_item_described_then_named_is_the_named_finding():
    found = statements("<p>Symptoms of liver metastasis include pain, yellowing of the skin (jaundice), and fatigue."
                       "</p><p>Signs of bone metastasis may include:</p><ul><li>High levels of calcium in the blood "
                       "(hypercalcemia)</li></ul>")
    assert {("liver_metastasis", "causes", "jaundice", "positive"), ("liver_metastasis", "causes", "pain", "positive"),
            ("bone_metastasis", "causes", "hypercalcemia", "positive")} <= found
    assert not {k for k in found if k[1] == "located_in"}
