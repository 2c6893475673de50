"""Coordination: the mentions a list joins."""
from __future__ import annotations

from .test_extract import statements


def test_a_comma_after_a_closed_list_adds_no_member():
    # regression: "imaging tests such as CT and MRI, biopsy ..." made biopsy a kind of imaging
    found = statements("<p>Unlike imaging tests such as CT and MRI, biopsy gives a diagnosis.</p>", title="Biopsy")
    assert {("ct", "is_a", "imaging", "positive"), ("mri", "is_a", "imaging", "positive")} <= found
    assert ("biopsy", "is_a", "imaging", "positive") not in found
    found = statements("<p>It is found by examination, imaging such as mammography or MRI, and biopsy.</p>",
                       title="Local recurrence")
    assert ("mammography", "is_a", "imaging", "positive") in found and ("biopsy", "is_a", "imaging", "positive") not in found


def test_read_backward_a_comma_before_the_subject_parts_it_from_a_closed_list():
    found = statements("<p>Besides CT or MRI, PET can find metastases.</p>", title="Imaging")
    assert ("metastasis", "detected_by", "positron_emission_tomography", "positive") in found
    assert not {k for k in found if k[1] == "detected_by" and k[2] in ("ct", "mri")}


def test_a_serial_list_is_still_one_list_both_ways():
    found = statements("<p>Lung, breast, and prostate cancer can spread to bone. Imaging tests such as CT, MRI, "
                       "and PET are used.</p>", title="Bone metastasis")
    assert {("lung_carcinoma", "spreads_to", "bone", "positive"), ("breast_cancer", "spreads_to", "bone", "positive"),
            ("prostate_carcinoma", "spreads_to", "bone", "positive"),
            ("positron_emission_tomography", "is_a", "imaging", "positive")} <= found


def test_a_quantifier_before_a_conjunct_keeps_the_list():
    found = statements("<p>Sarcomas and many carcinomas reach the lungs through the blood.</p>", title="Hematogenous spread")
    assert {("sarcoma", "spreads_to", "lung", "positive"), ("carcinoma", "spreads_to", "lung", "positive")} <= found


def test_read_backward_a_name_that_describes_the_next_joins_no_list():
    # regression: "A brain abscess can look like a metastasis" made the brain mimic metastasis
    found = statements("<p>A brain abscess can look like a metastasis on MRI.</p>", title="Brain metastasis")
    assert ("abscess", "mimics", "metastasis", "positive") in found
    assert not {k for k in found if k[0] == "brain"}


def test_a_list_of_sites_goes_on_past_a_part_of_a_site():
    found = statements("<p>Pancreatic cancer most often spreads to the liver, the lining of the abdomen and the lungs.</p>")
    assert {("pancreatic_carcinoma", "spreads_to", k, "positive") for k in ("liver", "abdomen", "lung")} <= found
