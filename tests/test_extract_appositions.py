"""The genus an apposition names (kg/extract/appositions.py)."""
from tests.test_extract import statements


def test_an_apposition_after_a_name_gives_its_genus():
    found = statements("<p>Patients may receive pamidronate, a bone-strengthening drug, every month.</p>")
    assert ("pamidronate", "is_a", "bone_modifying_agent", "positive") in found
    found = statements("<p>Some patients get trastuzumab (a monoclonal antibody) with chemotherapy.</p>")
    assert ("trastuzumab", "is_a", "monoclonal_antibody", "positive") in found
    found = statements("<p>Resistance can come from ABCB1, a cell membrane pump that exports drugs.</p>")
    assert ("abcb1", "is_a", "cell_membrane_pump", "positive") in found


def test_list_members_opening_phrases_and_roles_are_no_appositions():
    found = statements("<p>Treatment may include surgery, a biopsy, and chemotherapy. After chemotherapy, a PET "
                       "scan that uses a tracer is done. Smoking, a risk factor for cancer, is common. The liver, "
                       "a common site of spread, is often affected.</p>")
    assert not {t for t in found if t[1] == "is_a"}
