"""Whether a concept before a copula is its subject or sits in a phrase after the subject's noun."""
from __future__ import annotations

import re

from ..model import Mention, Sentence
from .document import _Doc

# a preposition after a word of the clause (not the one it opens with), a few words before the concept, no comma
# between: "masses in patients with a history of X or a recently diagnosed Y"
PHRASE_PREPOSITION = re.compile(r"[a-z]\s+(?:with|in|among|from)\s+(?:[\w\-]+\s+){0,8}$")
RELATIVE_AFTER = re.compile(r"^\s*(?:\([^()]*\)\s*)?,?\s*(?:which|that|who)\b", re.I)   # "in X, which are Y": X is


def in_noun_modifier(d: _Doc, s: Sentence, ms: list[Mention], i: int) -> bool:
    """Whether mention i (with the concepts coordinated before it) follows a preposition in the clause, so the
    copula after it speaks of the noun before the preposition ('adrenal masses in patients with X are Y')."""
    if RELATIVE_AFTER.match(s.text[ms[i].end - s.start:]):
        return False
    first = min(d.coord_run(ms, i, s.text, s.start, forward=False), key=lambda m: m.start)
    return bool(PHRASE_PREPOSITION.search(s.text[:first.start - s.start]))
