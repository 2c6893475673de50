"""Hearst kinds of a class no head word types (kg/extract/open_kinds.py)."""
from tests.test_extract import statements


def test_members_of_an_untyped_class_are_its_kinds():
    found = statements("<p>Tumour cells that turn invasive lose adhesion proteins including claudin or desmoplakin "
                       "and acquire stromal markers such as fibroblast activation protein.</p>")
    assert ("claudin", "is_a", "adhesion_protein", "positive") in found
    assert ("desmoplakin", "is_a", "adhesion_protein", "positive") in found
    assert ("fibroblast_activation_protein", "is_a", "stromal_marker", "positive") in found


def test_an_aside_after_a_member_and_a_quantifier_before_the_class():
    found = statements("<p>Several newer platforms, including droplet sequencing (DS) and nanopore reading, "
                       "are being tested.</p>")
    assert {("droplet_sequencing", "is_a", "newer_platform", "positive"),
            ("nanopore_reading", "is_a", "newer_platform", "positive")} <= found


def test_roles_sites_and_findings_make_no_kinds():
    found = statements("<p>Known risk factors such as smoking and obesity were noted. Research points to future "
                       "directions such as spectral imaging. Nearby structures such as fascia and lymph nodes may "
                       "be involved.</p>")
    assert not {t for t in found if t[1] == "is_a"}
