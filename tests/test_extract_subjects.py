"""Subjects of cues (kg.extract.subjects): runs of coordinated concepts read backward."""
from __future__ import annotations

from .test_extract import statements


def test_a_serial_comma_before_or_keeps_the_list_after_a_preposition_whole():
    found = statements("<p>Doctors check the patient using bone scans, CT scans, or MRIs to look for bone metastasis.</p>")
    assert {("bone_metastasis", "detected_by", k, "positive") for k in ("bone_scan", "ct", "mri")} <= found
