"""'The most common Y is A': A is a kind of Y, singular or plural (kg/extract/patterns.py, RANKED_CLASS)."""
from tests.test_extract import statements


def test_the_most_common_kind_named_in_the_singular_is_a_kind_not_the_genus():
    found = statements("<p>The most common imaging test is MRI.</p>")
    assert ("mri", "is_a", "imaging", "positive") in found
    assert ("imaging", "is_a", "mri", "positive") not in found
    found = statements("<p>The most commonly used imaging test is CT.</p>")
    assert ("ct", "is_a", "imaging", "positive") in found
