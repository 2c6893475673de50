"""Hearst kinds of a class no head word marks: "stromal markers such as FAP", "adhesion proteins including claudin"."""
from __future__ import annotations

import re

from ..lexicon import normalize_token
from ..model import Sentence
from ..phrases import CLOSED, WORD, known_noun, load_heads, phrase_before, word_classes
from .document import NOT_KINDS, _Doc
from .members import _members
from .mentions import _discover_concept

# "Ys such as A", "Ys, including (but not limited to) A", "Ys (e.g., A)", "Ys, for example A"
OPEN_HEARST = re.compile(r"\s*,?\s*\(?\s*\b(?:such as|including(?:\s*\(?\s*but not limited to\s*\)?,?)?|e\.g\.,?|"
                         r"for example,?)\s+", re.I)
OPEN_WORDS = frozenset({"such", "including", "e", "example"})
# class words whose members are roles, places, people or parts, not kinds ("risk factors such as smoking",
# "cells (e.g., X)" where X is something the cells carry): a list after them makes no is_a
NOT_CLASSES = frozenset("""
risk prognostic predictive sign symptom cause effect site area region part organ place location tissue cell
situation case example feature characteristic aspect step stage phase change outcome question issue problem
challenge goal activity task thing people patient person group population country study trial member family
way option approach setting condition circumstance event finding result sample specimen factor direction topic
development advance application use purpose reason benefit role concern concept idea term word name criterion
""".split())
QUANTIFIERS = frozenset({"other", "various", "several", "many", "certain", "different", "some", "numerous"})
MEMBER_WORDS = 4
OPENERS = frozenset({"the", "a", "an", "of", "for", "with", "in", "on", "by", "to", "from", "as", "at", "into"}) | QUANTIFIERS
PAREN = re.compile(r"\([^()]*\)")
FACTOR_NAMES = frozenset({"growth", "motility", "transcription", "angiogenic", "clotting", "coagulation"})


def open_kinds(d: _Doc) -> None:
    """Each member of a Hearst list after a plural class name no head word types ("adhesion molecules" is
    typed; "stromal markers" is not) is a kind of that class, both discovered terms of no category."""
    heads = load_heads()
    for s in d.sentences_with(OPEN_WORDS, headings=False):
        for match in OPEN_HEARST.finditer(s.text):
            _open_list(d, s, match, heads)


def _open_list(d: _Doc, s: Sentence, match: re.Match, heads) -> None:
    text = s.text
    hyper = phrase_before(text, match.start())
    if hyper is None:
        return
    found = list(WORD.finditer(hyper.text))
    while found and found[0].group().lower() in CLOSED | QUANTIFIERS:
        found = found[1:]
    while found and _verb_first(found[0].group(), text[:hyper.start + found[0].start()]):
        found = found[1:]   # "tumours lose adhesion proteins", "and acquire stromal markers": a verb's object
    words = [w.group() for w in found]
    if not 2 <= len(words) <= 4 or not _plural_noun(words[-1]) or heads.category(" ".join(words)) is not None:
        return   # one word is a bare class ("markers such as"); a typed head is discovery's ("tracers such as")
    if any(normalize_token(w) in NOT_CLASSES and not (normalize_token(w) == "factor" and
                                                      words[-2].lower() in FACTOR_NAMES) for w in words):
        return
    name = text[hyper.start + found[0].start():hyper.end]
    if d.text_mentions(name):
        return   # a class the lexicon names, or one with a lexicon concept in it, is the other rules'
    members = _members(PAREN.sub(lambda p: " " * len(p.group()), text), match.end())   # "droplet sequencing (DS) and nanopore reading"
    if not members or any(not _member_shape(m.text) for m in members):
        return
    keys = []
    for m in members:
        key = _discover_concept(d, m.text, s, "open hyponym")
        if key is None or d.concepts[key].category in NOT_KINDS:
            return   # a site or a finding makes the list one of examples, not kinds
        keys.append(key)
    genus = _discover_concept(d, name, s, "open hypernym")
    if genus is None:
        return
    for key in keys:
        d.add(key, "is_a", genus, s, "enumeration:open")


def _verb_first(word: str, before: str) -> bool:
    """Whether a phrase's first word is a verb where it stands: it can be one (not a describing word) and no
    article, preposition or list opening comes before it."""
    classes = word_classes(word.lower())
    if "VERB" not in classes or "ADJ" in classes:
        return False
    last = WORD.findall(before)[-1:]
    return bool(last) and not before.rstrip().endswith((",", "(", ":")) and last[0].lower() not in OPENERS


def _plural_noun(word: str) -> bool:
    """Whether a word is a plural noun ("markers"), the way a class of things is named."""
    low = word.lower()
    return low.isalpha() and normalize_token(low) != low and "NOUN" in word_classes(low)


def _member_shape(text: str) -> bool:
    """Whether a list member looks like a name: a few words, not opening with a closed-class word or a verb form."""
    words = WORD.findall(text)
    if not words or len(words) > MEMBER_WORDS or words[0].lower() in CLOSED or not words[0][:1].isalnum():
        return False
    first = words[0].lower()
    return not first.endswith("ing") or known_noun(first)
