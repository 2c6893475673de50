"""Cue regexes with a cheap word test: a cue runs only on text holding a word each of its matches holds."""
from __future__ import annotations

import re
import sys

from .regex_syntax import syntax

TOKEN = re.compile(r"[A-Za-z0-9]+|&")   # a text's words, as the cue test and the lexicon's matcher read them
_MAX_WORDS = 5000   # beyond this many key words a cue is simply always run
# the only characters that re.IGNORECASE matches to an ASCII letter, or that str.lower() turns into one
_FOLD_CHARS = "\u0130\u0131\u017f\u212a"   # dotted capital I, dotless i, long s, Kelvin sign
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _needs_fold(text: str) -> bool:
    return not text.isascii() and any(c in text for c in _FOLD_CHARS)


def words_of(text: str) -> frozenset[str]:
    """The words of text (ASCII letters and digits), lower case: what Cue.words are looked up in.

    A cue word a regex matches stands between characters that are not word characters, so it is
    one of these words (with the few characters IGNORECASE folds onto ASCII letters folded first).
    """
    if _needs_fold(text):
        text = text.translate(_FOLD)
    return frozenset(map(str.lower, TOKEN.findall(text)))


def words_from_tokens(tokens: list[str], text: str) -> frozenset[str]:
    """words_of(text), from TOKEN's findings in text that were already at hand."""
    return words_of(text) if _needs_fold(text) else frozenset(map(str.lower, tokens))


def key_words(regex: re.Pattern) -> frozenset[str] | None:
    """Words, lower case, one of which every match of regex contains as a whole word; None if unknown.

    Read from the regex's syntax tree: every way through it (alternatives, optional parts, small
    character classes) is followed, collecting the literal words that stand between word
    boundaries; each way contributes its longest such word. A text none of whose words is in the
    set cannot match.
    """
    return _key_words(word_ways(regex))


def _key_words(ways: list[tuple[str, ...]] | None) -> frozenset[str] | None:
    if ways is None:
        return None
    return frozenset(max(words, key=len) for words in ways)   # the longest; of equally long ones the first


def word_ways(regex: re.Pattern) -> list[tuple[str, ...]] | None:
    """For each way through regex, the whole words (lower case) a match that takes it contains;
    None if unknown, or if some way is sure of no word."""
    ways: dict[tuple[str, ...], None] = {}
    try:
        for words in _paths(list(syntax(regex)), "", False, ()):
            if not words:
                return None
            ways[words] = None
            if len(ways) > _MAX_WORDS:
                return None
    except Exception:   # too many ways through it, or a syntax tree this reader does not know
        return None
    return list(ways)


class _TooMany(Exception):
    pass


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _class_chars(av) -> list[str] | None:
    """The characters of a small character class, or None."""
    chars = []
    for op, value in av:
        if op == "LITERAL":
            chars.append(chr(value))
        elif op == "RANGE" and value[1] - value[0] < 30:
            chars.extend(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None
    return chars


def _nonword_class(av) -> bool:
    """A class of non-word characters only (\\s, punctuation)."""
    for op, value in av:
        if op == "CATEGORY" and value in ("SPACE", "NOT_WORD"):
            continue
        if op == "LITERAL" and not _is_word(chr(value)):
            continue
        return False
    return True


def _paths(items: list, partial: str, start_known: bool, words: tuple, budget: list | None = None):
    """Each way through items: the tuple of whole words it is sure to contain.

    partial: the letters of the word being read; start_known: whether that word (or the next one)
    begins at a word boundary.
    """
    budget = budget if budget is not None else [20_000]
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooMany()

    def close(known_end: bool) -> tuple:
        return words + (partial,) if partial and start_known and known_end else words

    if not items:
        yield close(False)   # the pattern may end inside a longer word
        return
    (op, av), rest = items[0], items[1:]
    if op == "AT":
        if av in ("BOUNDARY", "END", "END_STRING"):
            if partial:
                yield from _paths(rest, "", True, close(True), budget)
            else:
                yield from _paths(rest, "", True, words, budget)
        elif av in ("BEGINNING", "BEGINNING_STRING"):
            yield from _paths(rest, "", True, close(True), budget)
        else:
            yield from _paths(rest, "", False, close(False), budget)
        return
    if op in ("ASSERT", "ASSERT_NOT"):   # a look-around takes no character: the word goes on after it
        yield from _paths(rest, partial, start_known, words, budget)
        return
    if op == "LITERAL":
        ch = chr(av).lower()
        if _is_word(ch):
            yield from _paths(rest, partial + ch, start_known, words, budget)
        else:
            yield from _paths(rest, "", True, close(True), budget)
        return
    if op == "IN":
        chars = _class_chars(av)
        if chars is not None and all(_is_word(c) for c in chars):
            for c in dict.fromkeys(ch.lower() for ch in chars):
                yield from _paths(rest, partial + c, start_known, words, budget)
        elif _nonword_class(av):
            yield from _paths(rest, "", True, close(True), budget)
        else:
            yield from _paths(rest, "", False, close(False), budget)
        return
    if op == "SUBPATTERN":
        yield from _paths(list(av[-1]) + rest, partial, start_known, words, budget)
        return
    if op == "BRANCH":
        for branch in av[1]:
            yield from _paths(list(branch) + rest, partial, start_known, words, budget)
        return
    if op in ("MAX_REPEAT", "MIN_REPEAT"):
        low, high, sub = av
        sub = list(sub)
        if high == 1:
            yield from _paths(sub + rest, partial, start_known, words, budget)
            if low == 0:
                yield from _paths(rest, partial, start_known, words, budget)
            return
        if len(sub) == 1 and sub[0][0] == "IN" and _nonword_class(sub[0][1]):
            # "\s+" ends a word; "\s*" ends it or lets it go on
            yield from _paths(rest, "", True, close(True), budget)
            if low == 0:
                yield from _paths(rest, partial, start_known, words, budget)
            return
    # anything else (\w+, [^.]{0,25}, .) may hold any characters: the word being read is not sure
    yield from _paths(rest, "", False, close(False), budget)


def first_chars(regex: re.Pattern) -> str | None:
    """Characters one of which starts every match of regex (as the regex reads them: case folded
    when it ignores case); None when unknown or when a match may be empty."""
    try:
        found = _first(list(syntax(regex)))
    except Exception:   # a syntax tree this reader does not know
        return None
    if found is None or found[1] or not found[0]:
        return None
    return "".join(sorted(found[0]))


def _first(items: list) -> tuple[set[str], bool] | None:
    """(the characters a match of items can start with, whether it can be empty), or None if unknown."""
    chars: set[str] = set()
    for op, av in items:
        if op in ("AT", "ASSERT", "ASSERT_NOT"):   # zero-width: the next item starts the match
            continue
        if op == "LITERAL":
            item = {chr(av)}, False
        elif op == "IN":
            members = _class_chars(av)
            item = (set(members), False) if members is not None else None
        elif op == "SUBPATTERN":
            item = _first(list(av[-1])) if not (av[1] or av[2]) else None   # no flags switched inside
        elif op == "BRANCH":
            ways = [_first(list(branch)) for branch in av[1]]
            item = None if None in ways else (set().union(*(w[0] for w in ways)), any(w[1] for w in ways))
        elif op in ("MAX_REPEAT", "MIN_REPEAT"):
            inner = _first(list(av[2]))
            item = None if inner is None else (inner[0], inner[1] or av[0] == 0)
        else:
            return None
        if item is None:
            return None
        chars |= item[0]
        if not item[1]:
            return chars, False
    return chars, True


class Cue:
    """A compiled regex and the words one of which each of its matches holds (see key_words).

    The regex runs with a look-ahead for the characters its matches can start with: the same
    matches, found sooner (the regex engine tries the rest of the pattern only where one stands).
    """

    __slots__ = ("regex", "words", "ways")

    def __init__(self, pattern: str, flags: int = re.I):
        regex = re.compile(pattern, flags)
        ways = word_ways(regex)
        self.words = _key_words(ways)
        self.ways = None if ways is None else frozenset(map(frozenset, ways))
        first = first_chars(regex)
        self.regex = re.compile(f"(?=[{re.escape(first)}])(?:{pattern})", flags) if first else regex

    def possible(self, words: frozenset[str]) -> bool:
        """False when no match can exist in a text with these words_of."""
        return self.words is None or not self.words.isdisjoint(words)

    def possible_all(self, words: frozenset[str]) -> bool:
        """Stricter than possible(), and dearer: False unless some way through the regex finds all
        the words it needs in words (for answers worked out once per word set)."""
        return self.ways is None or any(way <= words for way in self.ways)

    def finditer(self, text: str, words: frozenset[str], pos: int = 0, endpos: int = sys.maxsize):
        return self.regex.finditer(text, pos, endpos) if self.possible(words) else iter(())

    def search(self, text: str, words: frozenset[str], pos: int = 0, endpos: int = sys.maxsize):
        return self.regex.search(text, pos, endpos) if self.possible(words) else None

    def match(self, text: str, words: frozenset[str], pos: int = 0, endpos: int = sys.maxsize):
        return self.regex.match(text, pos, endpos) if self.possible(words) else None

