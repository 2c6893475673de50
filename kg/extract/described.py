"""A finding described in plain words, then named in parentheses: 'cause yellowing of the skin (jaundice)'."""
from __future__ import annotations

import re

from ..model import Mention, Sentence
from .document import _Doc

# the plain words after a cue, then the finding's name filling a parenthesis
DESCRIBED_THEN_NAMED = re.compile(r"\s*[^().;:]{3,90}?\s*\((?P<name>[^()]{2,40})\)")
PART_END = re.compile(r"(?:\s*(?:[,.;:]|\band/or\b|\band\b|\bor\b|\bas well as\b))*\s*$", re.I)   # the list's joints


def named_in_parenthesis(d: _Doc, s: Sentence, cms: list[Mention], pos: int, end: int) -> list[Mention]:
    """The finding a parenthesis names right after the words that describe it, from pos (an offset in the
    post) on: "can cause fluid to collect around the lungs (pleural effusion)"."""
    found = DESCRIBED_THEN_NAMED.match(s.text, pos - s.start)
    if found is None or s.start + found.end() > end:
        return []
    a, b = s.start + found.start("name"), s.start + found.end("name")
    named = [m for m in cms if m.start == a and m.end == b]
    return named if named and d.cat(named[0].key) == "ClinicalFinding" else []


def named_part(d: _Doc, s: Sentence, cms: list[Mention], start: int, end: int) -> Mention | None:
    """The finding a part of a list (s.text[start:end]) names when it is all plain words and then that name in
    parentheses ("Yellowing of the skin (jaundice)"), else None."""
    part = PART_END.sub("", s.text[start:end])
    found = DESCRIBED_THEN_NAMED.fullmatch(part)
    if found is None:
        return None
    a, b = s.start + start + found.start("name"), s.start + start + found.end("name")
    named = [m for m in cms if m.start == a and m.end == b and d.cat(m.key) == "ClinicalFinding"]
    return named[0] if named else None
