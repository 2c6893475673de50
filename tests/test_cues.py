"""Cue regexes: the key words read from their syntax, and that the word test never skips a match."""
from __future__ import annotations

import importlib
import re

import pytest

from kg.cues import Cue, key_words, words_of
from kg.pipeline import read_posts
from kg.text import parse_post

from .conftest import FIXTURES, ROOT

EXTRACT_MODULES = [importlib.import_module(f"kg.extract.{name}") for name in
                   ("comparisons", "cue_table", "document", "mentions", "modifiers", "patterns", "structure", "subjects")]
VERB_CUES = importlib.import_module("kg.extract.cue_table").table().patterns


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(cause[sd]?|lead(s)? to)\b", {"cause", "caused", "causes", "lead", "leads"}),
    (r"\b(detected|found)\s+(only\s+)?by\b", {"detected", "found"}),
    (r"\s+(?:vs\.?|versus)\s+", {"vs", "versus"}),
    (r"\b(treats?|to treat)\b", {"treat", "treats"}),
    (r"\bmetastasi[sz](e|ed)\b", {"metastasise", "metastasised", "metastasize", "metastasized"}),
    (r"\b(is|are)\s+central\b", {"central"}),          # the longest sure word of each way through
    (r"\b(a|b)\b[^.]{0,9}\b(gone|went)\b", {"gone", "went"}),   # words after an open stretch count too
    (r"\bMay\b", {"may"}),
])
def test_key_words(pattern, expected):
    assert key_words(re.compile(pattern, re.I)) == expected


@pytest.mark.parametrize("pattern", [
    r"\bsuggest\w*",          # the word is open-ended
    r"\bdetect",              # ends inside a word: "detection" matches too
    r";|, but\b",             # one way holds no word at all
    r"includes?\s*$",         # no boundary before the word: "preincludes" matches too
    r"(\w+ )?type",
])
def test_key_words_unknown(pattern):
    assert key_words(re.compile(pattern, re.I)) is None


@pytest.mark.parametrize("text", ["Lesions ſuspected on imaging", "LESIONS SUSPECTED", "Lesions suſpected İN imaging"])
def test_words_of_folds_like_ignorecase(text):
    # re.IGNORECASE matches the long s to "s" and the dotted capital I to "i"; the word test must agree
    for cue in (Cue(r"\bsuspected\b"), Cue(r"\bin\s+imaging\b")):
        if cue.regex.search(text):
            assert cue.possible(words_of(text)), (cue.regex.pattern, text)
    assert Cue(r"\bsuspected\b").regex.search(text)
    assert not Cue(r"\bsuspected\b").possible(words_of("Lesions seen on imaging"))


def test_syntax_the_reader_does_not_follow_makes_a_cue_always_run():
    cue = Cue(r"(?x) \b causes \b")   # verbose patterns are not read
    assert cue.words is None and cue.ways is None and cue.possible(frozenset())
    assert cue.regex.search("it causes pain")


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(a)\1\bword\b", {"word"}),                  # a back-reference: any characters, then the word
    (r"\bdetect(a)\1", None),                       # the word goes on into what the group matched
    (r"(?>at)\bwords?\b", {"word", "words"}),       # an atomic group: any characters, then the word
    (r"(a)?(?(1)b|c)\bthen\b", {"then"}),
    (r"\b\N{LATIN SMALL LETTER E WITH ACUTE}t\u00e9\b", {"\u00e9t\u00e9"}),
    (r"\b\141b\b", {"ab"}),                          # an octal escape
])
def test_key_words_of_rarer_syntax(pattern, expected):
    assert key_words(re.compile(pattern, re.I)) == (None if expected is None else frozenset(expected))


def _all_cues():
    cues = [p.cue for p in VERB_CUES]
    cues += list({id(v): v for module in EXTRACT_MODULES for v in vars(module).values() if isinstance(v, Cue)}.values())
    return cues


def _texts():
    posts, _ = read_posts([str(ROOT / "corpus"), *map(str, sorted(FIXTURES.glob("*.json"))),
                           *map(str, sorted(FIXTURES.glob("*.html")))])
    texts = [s.text for p in posts for s in parse_post(p).sentences]
    texts += ["It might be mistaken for cancer.", "CT VS MRI", "They ARE central for surgery", "Tumors SEED the liver",
              "Cells that metastasise to bone", "Is it the same thing as MRD?", "a (b) vs. c", "to treat; but"]
    return texts


def test_word_test_never_skips_a_match():
    texts = _texts()
    assert len(texts) > 300
    checked = 0
    for cue in _all_cues():
        for text in texts:
            if cue.regex.search(text):
                checked += 1
                assert cue.possible(words_of(text)), (cue.regex.pattern, text)
                assert cue.possible_all(words_of(text)), (cue.regex.pattern, text)
    assert checked > 50



def test_words_from_the_matchers_tokens_equal_words_of():
    from kg.lexicon import Matcher, load_lexicon
    from kg.cues import words_from_tokens
    matcher = Matcher(load_lexicon())
    for text in _texts() + ["Lesions ſuspected İN imaging", "KELVIN \u212a scale", "naïve T_cells & H&E"]:
        _, tokens = matcher.find_with_words(text)
        assert words_from_tokens(tokens, text) == words_of(text), text


def test_only_these_characters_fold_onto_ascii_letters():
    # words_of folds the characters that IGNORECASE matches to, or str.lower() turns into, an ASCII letter
    from kg.cues import _FOLD_CHARS
    ascii_letter = re.compile("[a-z]", re.I)
    found = {c for c in map(chr, range(0x80, 0x110000))
             if ascii_letter.fullmatch(c) or any(ch.isascii() and ch.isalnum() for ch in c.lower())}
    assert found == set(_FOLD_CHARS)


def test_every_verb_cue_has_key_words():
    # a cue without key words runs on every sentence: slower, though never wrong
    assert [p.relation for p in VERB_CUES if p.cue.words is None] == []


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"\b(causes?|leads? to)\b", re.I, "cl"),
    (r"\b(a|b)?c", 0, "abc"),                 # an optional part: what follows may start the match too
    (r"(?=x)\bfoo|ba[rz]", 0, "bf"),          # look-arounds and boundaries take no character
    (r"[A-C]\d", 0, "ABC"),
    (r"\s+vs", 0, None),                      # a category: unknown
    (r"a*", 0, None),                         # may match nothing
    (r"(?i:x)y", 0, None),                    # flags switched inside
])
def test_first_chars(pattern, flags, expected):
    from kg.cues import first_chars
    assert first_chars(re.compile(pattern, flags)) == expected


def test_look_ahead_changes_no_match():
    # every cue runs with a look-ahead for its first characters; without it the matches are the same
    texts = _texts()
    with_look_ahead = 0
    for cue in _all_cues():
        plain = re.compile(cue.regex.pattern.split(")(?:", 1)[1][:-1], cue.regex.flags) \
            if cue.regex.pattern.startswith("(?=[") else cue.regex
        with_look_ahead += plain is not cue.regex
        for text in texts:
            assert [m.span() + m.groups() for m in cue.regex.finditer(text)] == \
                   [m.span() + m.groups() for m in plain.finditer(text)], (plain.pattern, text)
    assert with_look_ahead > 20


def test_word_ways():
    from kg.cues import word_ways
    assert word_ways(re.compile(r"\b(detected|found)\s+(only\s+)?by\b", re.I)) == [
        ("detected", "only", "by"), ("detected", "by"), ("found", "only", "by"), ("found", "by")]
    assert word_ways(re.compile(r"\bspread\w*")) is None   # a way sure of no whole word
    cue = Cue(r"\b(detected|found)\s+by\b")
    assert cue.possible(frozenset({"found", "in"})) and not cue.possible_all(frozenset({"found", "in"}))
    assert cue.possible_all(frozenset({"found", "by"}))


def test_key_words_read_through_look_arounds():
    assert key_words(re.compile(r"\b(not|no(?!\s+more\s+than\b))\b")) == {"not", "no"}
