"""What 'Y includes A, B' says of each item: a kind of Y, or for a process a step or part of it."""
from __future__ import annotations

from .document import _Doc

PROCESSES = frozenset({"BiologicalProcess"})


def included_relation(d: _Doc, item: str, head: str, includes: bool) -> str:
    """'The metastatic cascade includes local invasion': a part (of a process, not named as a kind of it, as
    "angiogenic dormancy" is of dormancy); 'Systemic therapy includes chemotherapy': a kind."""
    if includes and d.cat(head) in PROCESSES and d.cat(item) in PROCESSES and not d._kind_of(item, head):
        return "part_of"
    return "is_a"
