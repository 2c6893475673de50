from tests.test_extract import statements


def test_concept_in_a_phrase_after_the_subject_noun_is_no_copula_subject():
    found = statements("<p>Most nodules in people with a past melanoma are metastases.</p>")
    assert not any(r[1] == "is_a" for r in found)


def test_concept_before_a_relative_copula_is_its_subject():
    found = statements("<p>Tumor cells collect in micrometastases, which are metastases too small to see.</p>")
    assert ("micrometastasis", "is_a", "metastasis", "positive") in found
