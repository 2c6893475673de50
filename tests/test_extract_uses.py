"""Lists of what a method is for: items that open with a gerund of finding out."""
from __future__ import annotations

from .test_extract_frames import labelled
from .test_extract import kg_of


def test_the_uses_of_a_method_that_find_something_out_are_detections():
    kg = kg_of("<p>PET scans may be useful in:</p><ul><li>Detecting cancer</li><li>Revealing whether your cancer "
               "has spread</li><li>Checking whether a treatment is working</li></ul>")
    found = labelled(kg)
    assert ("cancer", "detected_by", "positron emission tomography", "positive", True) in found
    assert ("metastasis", "detected_by", "positron emission tomography", "positive", True) in found
    assert len([k for k in found if k[1] == "detected_by"]) == 2


def test_a_list_whose_lead_in_names_no_method_says_no_use():
    found = labelled(kg_of("<p>Doctors may be useful in:</p><ul><li>Detecting cancer</li><li>Finding pain</li></ul>"))
    assert not [k for k in found if k[1] == "detected_by"]
