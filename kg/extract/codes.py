"""Letters a staging system defines (ontology/codes.tsv): 'N stands for lymph nodes' makes N category part of TNM."""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import NamedTuple

from ..constants import CODES_FILE
from ..errors import LexiconError
from ..tables import table_reader
from .document import _Doc

# after the letter: a defining verb, anywhere in a sentence ("... and N stands for lymph nodes")
DEFINES = r"\s+(?:stands for|describes|refers to|is for|represents|indicates|means|tells (?:you|us)?)\b"
# or, at the start of a line, a colon, equals sign or dash that opens its gloss ("N: regional lymph nodes")
GLOSS = r"(?:\s*[:=]\s|\s+[\-–]\s|-(?=[a-z]))"


class Code(NamedTuple):
    code: str
    concept: str
    system: str
    example: str


@functools.lru_cache(maxsize=4)
def load_codes(path: Path = CODES_FILE) -> tuple[Code, ...]:
    """The rows of codes.tsv."""
    rows = tuple(Code(*((r.get(k) or "").strip() for k in Code._fields)) for r in table_reader(path))
    if any(not (r.code and r.concept and r.system) for r in rows):
        raise LexiconError(f"{path}: every row needs a code, a concept and a system")
    return rows


@functools.lru_cache(maxsize=4)
def _definition(code: str) -> re.Pattern:
    # the letter alone: not inside a word or a longer code ("N1", "TNM", "T-cell" are other things)
    return re.compile(r"(?:^|(?<=[\s(;,.]))" + re.escape(code) + r"(?!\w)" + DEFINES + "|"
                      r"^[\s•\-*]*" + re.escape(code) + GLOSS)


def staging_codes_rule(d: _Doc) -> None:
    """Each code the page defines is part of its system, when the page names the system."""
    named = {m.key for s in d.doc.sentences for m in d.sent_mentions(s)}
    for row in load_codes():
        if row.system not in named or row.concept not in d.concepts:
            continue
        pattern = _definition(row.code)
        s = next((s for s in d.doc.sentences if row.code in s.text and pattern.search(s.text)), None)   # (a match holds the code)
        if s is not None:
            d.add(row.concept, "part_of", row.system, s, "code:part_of")
