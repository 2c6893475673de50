"""The regex syntax reader: the tree Python's parser builds, with its simplifications."""
from __future__ import annotations

import importlib
import re

import pytest

from kg.cues import Cue
from kg.regex_syntax import Unknown, syntax


def tree(pattern, flags=0):
    return syntax(re.compile(pattern, flags))


def test_literals_boundaries_and_categories():
    assert tree(r"\ba\s") == [("AT", "BOUNDARY"), ("LITERAL", 97), ("IN", [("CATEGORY", "SPACE")])]
    assert tree(r"^.\.$") == [("AT", "BEGINNING"), ("ANY", None), ("LITERAL", 46), ("AT", "END")]


def test_classes():
    assert tree(r"[a-c\d_]") == [("IN", [("RANGE", (97, 99)), ("CATEGORY", "DIGIT"), ("LITERAL", 95)])]
    assert tree(r"[x]") == [("LITERAL", 120)]                 # a class of one character is that character
    assert tree(r"[^x]") == [("NOT_LITERAL", 120)]
    assert tree(r"[^xy]") == [("IN", [("NEGATE", None), ("LITERAL", 120), ("LITERAL", 121)])]
    assert tree(r"[a-]") == [("IN", [("LITERAL", 97), ("LITERAL", 45)])]


def test_alternatives_share_their_prefix_and_single_characters_make_a_class():
    found = tree(r"ab|ac")
    assert found == [("LITERAL", 97), ("IN", [("LITERAL", 98), ("LITERAL", 99)])]
    (op, (_, branches)), = tree(r"cat|dog")
    assert op == "BRANCH" and [list(b) for b in branches] == [[("LITERAL", c) for c in b"cat"],
                                                              [("LITERAL", c) for c in b"dog"]]


def test_groups_repeats_and_look_arounds():
    (op, (group, add, remove, sub)), = tree(r"(a)")
    assert (op, group, add, remove, list(sub)) == ("SUBPATTERN", 1, 0, 0, [("LITERAL", 97)])
    assert tree(r"(?:ab)") == [("LITERAL", 97), ("LITERAL", 98)]   # non-capturing groups are unpacked
    (op, (low, high, sub)), = tree(r"(?:ab)?")
    assert (op, low, high, list(sub)) == ("MAX_REPEAT", 0, 1, [("LITERAL", 97), ("LITERAL", 98)])
    (op, (low, high, _)), = tree(r"a{2,5}?")
    assert (op, low, high) == ("MIN_REPEAT", 2, 5)
    assert tree(r"a{")[1] == ("LITERAL", ord("{"))                 # not a repeat
    (op, (direction, sub)), = tree(r"(?<!x)")
    assert (op, direction, list(sub)) == ("ASSERT_NOT", -1, [("LITERAL", 120)])
    (op, (_, add, _, _)), = tree(r"(?i:a)")
    assert op == "SUBPATTERN" and add == re.I


def test_verbose_patterns_are_not_read():
    with pytest.raises(Unknown):
        tree(r"a b", re.X)
    with pytest.raises(Unknown):
        tree(r"(?x:a b)")


def test_every_cue_of_the_extractor_is_read():
    modules = [importlib.import_module(f"kg.extract.{name}") for name in ("comparisons", "document", "mentions",
               "modifiers", "patterns", "structure", "subjects")]
    regexes = [v.regex if isinstance(v, Cue) else v for m in modules for v in vars(m).values()
               if isinstance(v, (Cue, re.Pattern))]
    regexes += [p.cue.regex for p in importlib.import_module("kg.extract.cue_table").table().patterns]
    assert len(regexes) > 60
    for regex in regexes:
        assert syntax(regex), regex.pattern
