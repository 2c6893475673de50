"""The parts of an inline list ("include A, B of the C, and D") and the concept each names."""
from __future__ import annotations

import re

from ..model import Mention, Sentence
from .described import named_part
from .document import _Doc, paren_depth

LIST_PART = re.compile(r"\s*(?:,\s*(?:and|or|and/or|as well as)\s+|,\s*|\s+and/or\s+|\s+and\s+|\s+or\s+|"
                       r"\s+as well as\s+|\s+(?:such as|including|like|e\.g\.,?)\s+)", re.I)
# where an inline list ends: a stop, a subordinate clause, a relative clause not opened by a preposition
# ("..., in which microwaves are used ..., and embolization" goes on)
LIST_END = re.compile(r"[.;:]\s|\s(?:depending|because|when|if|but|although|though)\b|"
                      r"(?<!\bin)(?<!\bby)(?<!\bof)(?<!\bwith)\s(?:which|that|who)\b", re.I)


NAMED_IN_PAREN = re.compile(r"\((?:a\s+condition\s+|also\s+)?(?:called|known\s+as|termed)\s+", re.I)


def list_members(d: _Doc, s: Sentence, ms: list[Mention], start: int) -> list[Mention]:
    """The concept each part of an inline list names ("include A, B of the C, and D": A, B, D), from the
    list's start (an offset in s.text) to where the sentence turns; parentheses belong to their part."""
    end = LIST_END.search(s.text, start)
    stop = end.start() if end else len(s.text)
    text = s.text[:stop]
    depth, cuts, pos = 0, [start], start
    for i in range(start, stop):
        c = text[i]
        depth += (c == "(") - (c == ")")
        if depth == 0:
            m = LIST_PART.match(text, i)
            if m and m.end() > m.start() and i >= pos:
                cuts.append(m.end())
                pos = m.end()
    cuts.append(stop)
    out: list[Mention] = []
    for a, b in zip(cuts, cuts[1:]):
        named = NAMED_IN_PAREN.search(text, a, b)   # "the retention of fluid (a condition called ascites)"
        part = named_part(d, s, ms, a, b)   # "yellowing of the skin (jaundice)"
        inside = [m for m in ms if m.start - s.start == named.end()] if named else [part] if part else [
            m for m in ms if a <= m.start - s.start < b and paren_depth(s.text, m.start - s.start) == paren_depth(s.text, a)]
        if inside:
            out.append(inside[0])
    return out
