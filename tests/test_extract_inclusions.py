"""What 'Y includes A, B' says of each item (kg.extract.inclusions): a kind of Y, or a part of a process."""
from __future__ import annotations

from .test_extract import statements


def test_what_a_process_includes_are_its_parts_but_what_a_class_includes_are_kinds():
    found = statements("<p>The metastatic cascade includes local invasion, intravasation and extravasation.</p>")
    assert {(k, "part_of", "metastatic_cascade", "positive") for k in ("local_invasion", "intravasation",
                                                                        "extravasation")} <= found
    assert not {k for k in found if k[1] == "is_a"}
    found = statements("<p>Systemic therapy includes chemotherapy and immunotherapy.</p>")
    assert {(k, "is_a", "systemic_therapy", "positive") for k in ("chemotherapy", "immunotherapy")} <= found
