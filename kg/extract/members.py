"""The coordinated noun phrases of a list in running text ("A, B, and C"), up to where the list turns."""
from __future__ import annotations

import re

from ..phrases import Phrase, phrase_after

MEMBER_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and/or\s+|\s+and\s+|\s+or\s+)", re.I)
MEMBERS_END = re.compile(r"[.;:)]|\s(?:which|that|who|are|is|can|may|to|have|has|etc)\b", re.I)
LAST_JOINT = re.compile(r"\b(?:and|or)\s*$", re.I)
POSSESSIVE_START = re.compile(r"^\W*(?:and\s+|or\s+)?(?:its|their|his|her|our|your)\b", re.I)


def _members(text: str, start: int) -> list[Phrase]:
    """The coordinated noun phrases of a list that starts at text[start:] ("A, B, and C")."""
    end = MEMBERS_END.search(text, start)
    stop = end.start() if end else len(text)
    out: list[Phrase] = []
    pos = start
    closed = False   # the conjunct after "and"/"or" is the list's last
    for part in MEMBER_SPLIT.split(text[start:stop]):
        if part is None:
            continue
        i = text.find(part, pos)
        if i < 0 or not part.strip():
            continue
        if closed:
            break   # "surgery, chemotherapy or radiation therapy, and wonder ...": a new clause
        closed = bool(LAST_JOINT.search(text[pos:i]))
        pos = i + len(part)
        if POSSESSIVE_START.match(part):
            break   # "a metastatic tumor, and its cells": a noun phrase of its own, about what came before
        p = phrase_after(text[:pos], i)
        if p is not None and p.end == pos:
            out.append(p)
        else:
            break   # a member that is not a plain noun phrase ends the list
    return out
