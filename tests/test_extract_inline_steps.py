"""Steps a sentence lists inline ('stages such as A and B', parenthesised groups on a cascade) are parts of the process."""
from __future__ import annotations

from .test_extract import statements


def test_stages_such_as_are_parts_of_the_process_named_before():
    found = statements("<p>Researchers now understand the process of metastasis and several stages such as "
                       "intravasation, extravasation and colonization.</p>")
    assert {(k, "part_of", "metastasis", "positive") for k in ("intravasation", "extravasation", "colonization")} <= found


def test_stages_of_a_process_in_parentheses():
    found = statements("<p>The stages of metastasis (intravasation, extravasation and colonization) can take years.</p>")
    assert ("extravasation", "part_of", "metastasis", "positive") in found


def test_stages_that_are_not_processes_make_no_parts():
    found = statements("<p>Doctors describe metastasis in stages such as stage 3 and stage 4.</p>")
    assert not {t for t in found if t[1] == "part_of"}


def test_parenthesised_groups_on_a_cascade_are_its_steps_in_order():
    found = statements("<p>Metastases come from a chain of events called the invasion-metastasis cascade. Tumor cells "
                       "leave the tumor (local invasion, intravasation), travel in the body (survival in circulation, "
                       "extravasation), and grow elsewhere (colonization).</p>")
    assert {(k, "part_of", "metastatic_cascade", "positive")
            for k in ("local_invasion", "intravasation", "survival_in_circulation", "extravasation")} <= found
    assert ("local_invasion", "precedes", "intravasation", "positive") in found
    assert ("intravasation", "precedes", "survival_in_circulation", "positive") in found


def test_one_parenthesis_of_processes_is_no_sequence():
    found = statements("<p>Metastases come from a chain of events called the invasion-metastasis cascade. Tumor cells "
                       "leave the tumor (local invasion, intravasation, extravasation).</p>")
    assert not {t for t in found if t[1] == "precedes"}
