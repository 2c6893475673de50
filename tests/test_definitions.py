"""A post's sentence is a definition only when it gives a genus and a differentia."""
from __future__ import annotations

import pytest

from kg.definitions import as_definition


@pytest.mark.parametrize("sentence, expected", [
    ("Metastasis is the spread of cancer cells from where they started to another part of the body.",
     "The spread of cancer cells from where they started to another part of the body."),
    ("Micrometastasis is a very small deposit of cancer cells that has spread from the tumor.",
     "A very small deposit of cancer cells that has spread from the tumor."),
    ("Tiny clusters of tumor cells that reach a lymph node.", "Tiny clusters of tumor cells that reach a lymph node."),
])
def test_genus_and_differentia(sentence, expected):
    assert as_definition(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "MRD is a term more commonly used in hematologic malignancies (like leukemia) and refers to very low levels.",
    "Staging refers to the extent of cancer.",
    "It is often found by biopsy.",
    "Metastasis is common.",
])
def test_not_a_definition(sentence):
    assert as_definition(sentence) is None
