"""A finding named by a describing word after 'make SITE' ('can make the bones weak')."""
from __future__ import annotations

from .test_extract import statements


def test_a_describing_word_after_make_a_site_names_a_finding_there():
    found = statements("<p>Lung cancer that has spread to the bones can make them weak; other diseases, "
                       "such as arthritis, may also make bones hurt.</p>")
    assert ("bone_metastasis", "causes", "bone_weakness", "positive") in found
    assert ("arthritis", "causes", "bone_pain", "positive") in found


def test_a_name_given_after_the_word_and_a_second_it_are_read():
    found = statements("<p>Bone metastases can make the bone weak, or it may make the bones harder, a condition "
                       "called osteosclerosis.</p>")
    assert {("bone_metastasis", "causes", "bone_weakness", "positive"),
            ("bone_metastasis", "causes", "osteosclerosis", "positive")} <= found


def test_a_word_that_says_how_hard_something_is_to_do_names_no_finding():
    found = statements("<p>Bone metastasis can make the bones hard to treat.</p>")
    assert not {k for k in found if k[1] == "causes"}


def test_what_presses_on_or_blocks_a_site_causes_the_finding_named_there():
    found = statements("<p>Cancer growth in the bones of your spine can press on the spinal cord.</p>"
                       "<p>Pancreatic cancer may block the bile duct.</p>")
    assert ("bone_metastasis", "causes", "spinal_cord_compression", "positive") in found
    assert ("pancreatic_carcinoma", "causes", "bile_duct_obstruction", "positive") in found
