"""The verb-cue table of ontology/cues.tsv: each cue, the relation it states and what each side may be."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..constants import CATEGORIES, CUES_FILE, RELATIONS
from ..cues import Cue
from ..errors import LexiconError
from ..tables import table_reader

COLUMNS = ("relation", "cue", "subjects", "objects", "direction", "polarity", "example")
DIRECTIONS = ("forward", "reverse")
POLARITIES = ("positive", "negative")


@dataclass
class Pattern:
    """A verb cue that states a relation between a subject before it and objects after it."""

    relation: str
    cue: Cue
    subjects: frozenset[str] | None = None   # allowed categories of the relation's subject (None: any)
    objects: frozenset[str] | None = None    # allowed categories of the relation's object
    reverse: bool = False                    # the concept before the cue is the relation's object
    negative: bool = False                   # the cue itself denies the relation (a negation in scope undoes it)
    example: str = ""                        # a sentence the cue states the relation in


def read_cues(path: Path = CUES_FILE) -> list[Pattern]:
    """The rows of a cue table (see the header of ontology/cues.tsv), in order."""
    reader = table_reader(path)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise LexiconError(f"{path}: the header must be {' '.join(COLUMNS)} (tab-separated)")
    return [_pattern(path, n, row) for n, row in enumerate(reader, 1)]


def _pattern(path: Path, n: int, row: dict) -> Pattern:
    def fail(reason: str) -> LexiconError:
        return LexiconError(f"{path}: row {n}: {reason}")

    if None in row or any(value is None for value in row.values()):
        raise fail(f"needs exactly {len(COLUMNS)} tab-separated columns")
    relation, cue, direction, polarity, example = (row[c].strip() for c in
                                                   ("relation", "cue", "direction", "polarity", "example"))
    if relation not in RELATIONS:
        raise fail(f"unknown relation {relation!r}")
    if direction not in DIRECTIONS:
        raise fail(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    if polarity not in POLARITIES:
        raise fail(f"polarity must be one of {', '.join(POLARITIES)}, not {polarity!r}")
    if not example:
        raise fail("has no example sentence")
    sides = []
    for column in ("subjects", "objects"):
        names = row[column].split()
        unknown = [name for name in names if name not in CATEGORIES]
        if unknown:
            raise fail(f"unknown category {unknown[0]!r} in {column}")
        sides.append(frozenset(names) or None)
    try:
        compiled = Cue(cue)
    except re.error as exc:
        raise fail(f"the cue is not a valid regular expression ({exc})") from None
    if not cue or any(not m.group() for text in ("", " a ") for m in compiled.regex.finditer(text)):
        raise fail("the cue matches empty text")
    return Pattern(relation, compiled, sides[0], sides[1], direction == "reverse", polarity == "negative", example)


class CueTable:
    """Patterns in table order, indexed by the words their cues need."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = list(patterns)
        self._by_word: dict[str, list[int]] = {}   # a word -> the patterns whose matches can hold it
        for i, pattern in enumerate(self.patterns):
            for word in pattern.cue.words or ():
                self._by_word.setdefault(word, []).append(i)
        self._always = [i for i, pattern in enumerate(self.patterns) if pattern.cue.words is None]
        self.key_words = frozenset(self._by_word)   # a word each way through some cue needs ("cause", "spread")
        # every word some way through a pattern's cue needs (see Cue.possible_all)
        self.words = frozenset(self._by_word).union(*(way for p in self.patterns for way in p.cue.ways or ()))
        self._for_words = functools.lru_cache(maxsize=4096)(self._find)

    def for_words(self, words: frozenset[str]) -> list[Pattern]:
        """The patterns a sentence with these words_of may match, in order (few word sets recur)."""
        return self._for_words(words & self.words)

    def _find(self, cue_words: frozenset[str]) -> list[Pattern]:
        picked = set(self._always).union(*(self._by_word.get(w, ()) for w in cue_words))
        return [self.patterns[i] for i in sorted(picked) if self.patterns[i].cue.possible_all(cue_words)]


def sentence_matches(d, s, pattern: Pattern) -> list[re.Match]:
    """The matches of a pattern's cue in the whole of a sentence, found once per document (several rules read
    them); d is the document (extract.document._Doc)."""
    key = (id(s), id(pattern))
    found = d.cue_matches.get(key)
    if found is None:
        found = d.cue_matches[key] = list(pattern.cue.regex.finditer(s.text))
    return found


_table: CueTable | None = None


def table() -> CueTable:
    """The shipped cue table, read on first use."""
    global _table
    if _table is None:
        _table = CueTable(read_cues())
    return _table
