"""Clause breaks: where one clause's arguments end and the next clause's begin."""
from __future__ import annotations

from .test_extract import statements


def test_and_opens_a_clause_with_its_own_subject_and_verb():
    # regression: "pain and brain metastases" was read as one list, the object of the first cue and the
    # subject of the second: bone metastasis caused brain metastasis, and pain caused seizures
    found = statements("<p>Bone metastases may cause pain and brain metastases may cause headaches or seizures.</p>",
                       title="Oligometastasis")
    assert {("bone_metastasis", "causes", "pain", "positive"), ("brain_metastasis", "causes", "seizure", "positive"),
            ("brain_metastasis", "causes", "headache", "positive")} <= found
    assert not {k for k in found if k[0] == "pain" or k[2] == "brain_metastasis"}


def test_and_without_a_verb_before_it_joins_subjects():
    found = statements("<p>Breast cancer and lung cancer can spread to the bones.</p>", title="Oligometastasis")
    assert {("breast_cancer", "spreads_to", "bone", "positive"), ("lung_carcinoma", "spreads_to", "bone", "positive")} <= found


def test_a_second_verb_phrase_with_its_own_modal_has_its_own_polarity():
    found = statements("<p>Many patients with liver metastasis have no other tumors and can be considered for surgery.</p>")
    assert ("liver_metastasis", "treated_with", "surgery", "positive") in found
    assert ("liver_metastasis", "treated_with", "surgery", "negative") not in found


def test_an_order_of_treatments_is_hedged_by_its_qualifier():
    # "precedes" was never hedged; the gold hedges "sometimes surgery is preceded by chemotherapy" (and the
    # steps of a cascade, said plainly, stay plain)
    from .test_extract import kg_of
    html = ("<p>Sometimes surgery is preceded by chemotherapy.</p>"
            "<p>Intravasation is followed by extravasation.</p>")
    hedged = {(a.subject, a.object): a.hedged for a in kg_of(html, "Treatment order").assertions
              if a.relation == "precedes"}
    assert hedged == {("chemotherapy", "surgery"): True, ("intravasation", "extravasation"): False}
