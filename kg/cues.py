"""Cue regexes with a cheap word test: a cue runs only on text holding a word its matches begin with."""
from __future__ import annotations

import re
import sys
from re import _constants as sre_c
from re import _parser as sre_parse

_WORD = re.compile(r"\w+")
_MAX_WORDS = 5000   # beyond this many possible first words a cue is simply always run
# characters that re.IGNORECASE matches to an ASCII letter although str.lower() keeps them apart
_FOLD = str.maketrans({"ı": "i", "ſ": "s"})


def words_of(text: str) -> frozenset[str]:
    """The words of text, lower case: what Cue.first_words are looked up in."""
    low = text.lower()
    if not low.isascii():
        low = low.translate(_FOLD)
    return frozenset(_WORD.findall(low))


def first_words(regex: re.Pattern) -> frozenset[str] | None:
    """Every word a match of regex can begin with, lower case; None when that set is unknown or unbounded.

    Read from the regex's syntax tree (literals, small character classes, optional parts, groups and
    alternatives up to the first non-word character or word boundary). A text none of whose words is
    in the set cannot match.
    """
    try:
        words = _first_words(list(sre_parse.parse(regex.pattern, regex.flags)), "")
    except _Unknown:
        return None
    return frozenset(words)


class _Unknown(Exception):
    pass


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _closed(partial: str) -> set[str]:
    if not partial:
        raise _Unknown()   # a match that begins with a non-word character
    return {partial}


def _class_chars(av) -> list[str] | None:
    """The characters of a small character class, or None."""
    chars = []
    for op, value in av:
        if op is sre_c.LITERAL:
            chars.append(chr(value))
        elif op is sre_c.RANGE and value[1] - value[0] < 30:
            chars.extend(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None
    return chars


def _nonword_class(av) -> bool:
    """A class of non-word characters only (\\s, punctuation)."""
    for op, value in av:
        if op is sre_c.CATEGORY and value in (sre_c.CATEGORY_SPACE, sre_c.CATEGORY_NOT_WORD):
            continue
        if op is sre_c.LITERAL and not _is_word(chr(value)):
            continue
        return False
    return True


def _union(options) -> set[str]:
    out: set[str] = set()
    for words in options:
        out |= words
        if len(out) > _MAX_WORDS:
            raise _Unknown()
    return out


def _first_words(items: list, partial: str) -> set[str]:
    if not items:
        raise _Unknown()   # the pattern ends inside the first word: longer words would match too
    (op, av), rest = items[0], items[1:]
    if op is sre_c.AT:
        if av in (sre_c.AT_BOUNDARY, sre_c.AT_END, sre_c.AT_END_STRING):
            return _closed(partial) if partial else _first_words(rest, partial)
        if av in (sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING) and not partial:
            return _first_words(rest, partial)
        raise _Unknown()
    if op is sre_c.LITERAL:
        ch = chr(av).lower()
        return _first_words(rest, partial + ch) if _is_word(ch) else _closed(partial)
    if op is sre_c.IN:
        chars = _class_chars(av)
        if chars is not None and all(_is_word(c) for c in chars):
            return _union(_first_words(rest, partial + c.lower()) for c in dict.fromkeys(chars))
        if _nonword_class(av):
            return _closed(partial)
        raise _Unknown()
    if op is sre_c.SUBPATTERN:
        return _first_words(list(av[-1]) + rest, partial)
    if op is sre_c.BRANCH:
        return _union(_first_words(list(branch) + rest, partial) for branch in av[1])
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, high, sub = av
        sub = list(sub)
        if high == 1:
            options = [_first_words(sub + rest, partial)]
            if low == 0:
                options.append(_first_words(rest, partial))
            return _union(options)
        if len(sub) == 1 and sub[0][0] is sre_c.IN and _nonword_class(sub[0][1]):
            if not partial:
                return _first_words(rest, partial)   # leading spaces: the first word comes after them
            # "\s+" ends the word; "\s*" ends it or lets the pattern go on
            return _closed(partial) if low >= 1 else _union([{partial}, _first_words(rest, partial)])
        raise _Unknown()
    raise _Unknown()


class Cue:
    """A compiled regex and the words its matches can begin with."""

    __slots__ = ("regex", "words")

    def __init__(self, pattern: str, flags: int = re.I):
        self.regex = re.compile(pattern, flags)
        self.words = first_words(self.regex)

    def possible(self, words: frozenset[str]) -> bool:
        """False when no match can exist in a text with these words_of."""
        return self.words is None or not self.words.isdisjoint(words)

    def finditer(self, text: str, words: frozenset[str], pos: int = 0, endpos: int = sys.maxsize):
        return self.regex.finditer(text, pos, endpos) if self.possible(words) else iter(())

    def search(self, text: str, words: frozenset[str], pos: int = 0, endpos: int = sys.maxsize):
        return self.regex.search(text, pos, endpos) if self.possible(words) else None

    def match(self, text: str, words: frozenset[str], pos: int = 0, endpos: int = sys.maxsize):
        return self.regex.match(text, pos, endpos) if self.possible(words) else None
