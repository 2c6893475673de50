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


def test_an_item_hedges_what_it_names_only_by_words_before_the_name():
    # "Headache, sometimes with vomiting": "sometimes" qualifies the vomiting, not the headache ("May cause
    # seizures" qualifies the seizures); a route that
    # heads its item ("Lymphatic spread often involves ...") is one of the ways the lead-in names, plainly
    from .test_extract import kg_of
    html = ("<p>Symptoms of brain metastasis include:</p><ul><li>Headache, sometimes with vomiting</li>"
            "<li>May cause seizures</li></ul>"
            "<h2>Routes of spread</h2><p>Metastasis spreads in several ways:</p><ul>"
            "<li><strong>Lymphatic spread</strong>: often involves regional lymph nodes.</li>"
            "<li><strong>Hematogenous spread</strong>: can reach the liver.</li></ul>")
    hedged = {(a.subject, a.relation, a.object): a.hedged for a in kg_of(html, "Brain metastasis").assertions}
    assert hedged[("brain_metastasis", "causes", "headache")] is False
    assert hedged[("brain_metastasis", "causes", "seizure")] is True
    assert hedged[("metastasis", "spreads_via", "lymphatic_spread")] is False


def test_a_when_clause_has_its_own_polarity():
    # regression: a denial in the main clause ("not caught in time") was applied to what the ", when" clause
    # says ("the tumor is ... confined to the kidney"), which states its own claim
    found = statements("<p>Renal cell carcinoma is often not caught in time, when the tumor is tiny and "
                       "confined to the kidney.</p>", title="Metastatic kidney cancer")
    assert ("renal_cell_carcinoma", "located_in", "kidney", "positive") in found
    assert ("renal_cell_carcinoma", "located_in", "kidney", "negative") not in found
