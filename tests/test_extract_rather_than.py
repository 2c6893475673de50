"""'A rather than B' (ontology/cues.tsv): a name set against another is distinct from it; a choice of procedures is not."""
from tests.test_extract import statements


def test_a_choice_between_procedures_is_no_distinction():
    found = statements("<p>For a deep lesion, surgery rather than a biopsy is preferred.</p>")
    assert not {t for t in found if t[1] == "distinct_from"}


def test_a_name_rather_than_another_is_distinct_from_it():
    found = statements("<p>Cancer that spreads from the breast to the bone is still called breast cancer rather "
                       "than primary bone cancer.</p>")
    assert ("breast_cancer", "distinct_from", "primary_bone_cancer", "positive") in found \
        or ("primary_bone_cancer", "distinct_from", "breast_cancer", "positive") in found
