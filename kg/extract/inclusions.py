"""What 'Y includes A, B' says of each item: a kind of Y, or for a process a step or part of it."""
from __future__ import annotations

import re

from .document import _Doc

PROCESSES = frozenset({"BiologicalProcess"})
# the words before a list's head that name it as what the items are parts of or stand to ("the steps of",
# "markers of", "risk factors for"), not as their kind; a class word or a quantifier keeps them kinds ("types of")
PARTS_OF = re.compile(r"\b(?:(?:steps?|stages?|phases?|parts?|components?)\s+(?:of|in)|(?!(?:types?|kinds?|forms?|subtypes?|"
                      r"variants?|examples?|many|most|some|all|one|each|several|any|few|number|variety|range|group|"
                      r"family|class|majority|none)\b)[a-z]+\s+(?:of|for))\s+(?:the\s+|an?\s+)?$", re.I)


def included_relation(d: _Doc, item: str, head: str, includes: bool) -> str:
    """'The metastatic cascade includes local invasion': a part (of a process, not named as a kind of it, as
    "angiogenic dormancy" is of dormancy); 'Systemic therapy includes chemotherapy': a kind."""
    if includes and d.cat(head) in PROCESSES and d.cat(item) in PROCESSES and not d._kind_of(item, head):
        return "part_of"
    return "is_a"
