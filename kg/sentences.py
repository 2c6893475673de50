"""Cut a block's text into sentences, not at the dots of abbreviations."""
from __future__ import annotations

import re

# A sentence ends at . ! ? followed by space and an upper-case letter, digit or opening quote/bracket,
# unless the dot closes a common abbreviation.
_SENT_END = re.compile(r"[.!?][\"'”’)]?\s+(?=[A-Z0-9\"“‘(])")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|vs|etc|Dr|Mr|Mrs|Ms|Prof|St|Fig|approx|cf|al)\.)$", re.I)
_NUMBER_ABBREV = re.compile(r"\b(?:No|Nos|Vol|pp?)\.$")


def split_sentences(text: str, offset: int) -> list[tuple[str, int, int]]:
    """Sentences of a block's text as (text, start, end) with absolute offsets."""
    out = []
    pos = 0
    for line in text.split("\n"):
        line_start = text.index(line, pos) if line else pos
        pos = line_start + len(line)
        start = 0
        ends = "." in line or "!" in line or "?" in line
        for match in _SENT_END.finditer(line) if ends else ():
            cut = match.start() + 1 + (line[match.start() + 1] in "\"'”’)")   # after the mark and a closing quote
            candidate = line[start:cut].rstrip()
            # the words before the mark (12 characters: longer than any abbreviation, so the word
            # boundary before one is read right); a closing quote after the mark is all rstrip takes
            tail = line[max(0, cut - 13):cut].rstrip("\"'”’)")[-12:]
            if _ABBREV.search(tail) or (_NUMBER_ABBREV.search(tail) and line[match.end():match.end() + 1].isdigit()):
                continue
            if candidate:
                out.append((candidate, offset + line_start + start, offset + line_start + start + len(candidate)))
            start = match.end()
        rest = line[start:].rstrip()
        if rest:
            out.append((rest, offset + line_start + start, offset + line_start + start + len(rest)))
    return out
