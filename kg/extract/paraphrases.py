"""Concepts named by a phrasing no single name holds ("plan the best course of treatment"): ontology/paraphrases.tsv."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from ..constants import PARAPHRASES_FILE
from ..cues import Cue
from ..errors import LexiconError
from ..model import Mention, Sentence
from ..tables import table_reader


@functools.lru_cache(maxsize=4)
def load_paraphrases(path: Path = PARAPHRASES_FILE) -> tuple[tuple[Cue, str], ...]:
    """The table's rows as (compiled pattern, with the words its matches need; concept key)."""
    rows = []
    for n, row in enumerate(table_reader(path), start=2):
        try:
            rows.append((Cue(rf"\b(?:{row['pattern']})\b", re.I), row["concept"].strip()))
        except (re.error, KeyError, TypeError) as e:
            raise LexiconError(f"{path.name}: row {n}: not a pattern and a concept ({e})") from None
    return tuple(rows)


def paraphrase_mentions(d, s: Sentence, found: list[Mention]) -> list[Mention]:
    """The mentions with each phrase of the table read as its concept (the mentions inside it dropped), when the
    document's lexicon has the concept; d is the document (_Doc)."""
    out = found
    for pattern, key in load_paraphrases():
        if key not in d.concepts:
            continue
        for m in pattern.finditer(s.text, s.words):   # (none where a word each match needs is missing)
            a, b = s.start + m.start(), s.start + m.end()
            if any(x.start < a < x.end or x.start < b < x.end for x in out):
                continue   # the phrase cuts a name in two
            out = [x for x in out if not (x.start >= a and x.end <= b)] + [Mention(key, a, b, m.group())]
            out.sort(key=lambda x: (x.start, -x.end))
    return out
