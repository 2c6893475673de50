"""Coordinated modifiers of one head: "lymphatic and hematogenous metastases", "palliative and comfort care"."""
from __future__ import annotations

import re

from ..cues import TOKEN
from ..lexicon import normalize_token
from ..model import Mention, Sentence
from ..phrases import CLOSED, word_classes

# the modifiers before the last one, each of one to three words, set apart by commas and 'and' / 'or'
MEMBER = r"[A-Za-z][A-Za-z0-9-]*(?: [A-Za-z][A-Za-z0-9-]*){0,2}"
MODIFIERS = re.compile(rf"(?:^|(?<=[\s(]))(?P<members>(?:{MEMBER}\s*,\s*)*{MEMBER})\s*,?\s+(?:and/or|and|or)\s+$")
CONJUNCTION = re.compile(r"\s(?:and/or|and|or)\s+")
LAST = re.compile(r"[A-Za-z][A-Za-z0-9-]*(?: [A-Za-z][A-Za-z0-9-]*){1,3}")   # the last member and the head
SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?")
SITE = "AnatomicalSite"


def shared_heads(d, s: Sentence, found: list[Mention]) -> list[Mention]:
    """Each modifier coordinated before a last member that ends in a head word, read as the concept the lexicon
    names with that head ("lymphatic, hematogenous, or contiguous local spread": lymphatic spread, hematogenous
    spread); a modifier must be no concept of its own (but a describing word or a site); d is the document (_Doc)."""
    if " and " not in s.text and " or " not in s.text:
        return found
    out = list(found)
    for conj in CONJUNCTION.finditer(s.text):
        last = LAST.match(s.text, conj.end())
        if last is not None and last.group().split()[0].lower() in CLOSED:
            continue   # "the liver or other tissue", "cells and the cancer": no head shared
        if last is None or not any(normalize_token(w) in d.matcher.trie
                                   for w in TOKEN.findall(s.text, max(0, conj.start() - 40), conj.start())[-3:]):
            continue   # the member next to the conjunction (one to three words) opens no name: none is shared
        before = s.text[max(0, conj.start() - 80):conj.end()]
        match = MODIFIERS.search(before)
        if match is None:
            continue
        base = s.start + conj.start() - (len(before) - len(s.text[conj.start():conj.end()])) + match.start("members")
        added = _members(d, out, match.group("members"), base, last.group().split(), s.start + last.start())
        if added:
            spans = [(x.start, x.end) for x in added]
            out = [x for x in out if not any(x.start < b and x.end > a for a, b in spans)] + added
            out.sort(key=lambda x: (x.start, -x.end))
    return out


def _members(d, found: list[Mention], text: str, base: int, words: list[str], at_last: int) -> list[Mention]:
    """The concepts the members of text name with the head of the last member's words (its shortest tail that
    makes a name with the member next to it), from the last member back to the first that names none."""
    members, at = [], 0
    for sep in SEPARATOR.finditer(text):
        members.append((at, sep.start()))
        at = sep.end()
    members.append((at, len(text)))
    first = members[0]   # the first member may open with words of the clause before it ("spread by lymphatic")
    starts = [first[0] + w.start() for w in re.finditer(r"\S+", text[first[0]:first[1]])]
    members[0:1] = [(start, first[1]) for start in starts]
    added, tail = [], None
    for i, (a, b) in enumerate(reversed(members)):
        if i >= len(members) - len(starts) and added and added[-1].start < base + b:
            break   # a shorter reading of the first member has named it
        inside = [x for x in found if x.start < base + b and x.end > base + a]
        if inside and (len(inside) > 1 or inside[0].start != base + a or inside[0].end != base + b
                       or (d.cat(inside[0].key) != SITE and not _describing(text[a:b]))):
            break   # a concept of its own ("fatigue and bone pain"), or part of one
        key, tail = _named(d, found, text[a:b], words, at_last, tail)
        if key is not None and inside and d.cat(key) == SITE:
            key = None   # "nerve and muscle tissue": the site is named already
        if key is None and i < len(members) - len(starts):
            break
        if key is None:
            continue
        added.append(Mention(key, base + a, base + b, text[a:b]))
    return added


def _describing(word: str) -> bool:
    """A single describing word ("Lymphatic"), which a lexicon may name a concept by but a head can take."""
    return " " not in word and "ADJ" in word_classes(word.lower()) and "NOUN" not in word_classes(word.lower())


def _named(d, found: list[Mention], modifier: str, words: list[str], at_last: int,
           tail: tuple[int, int] | None) -> tuple[str | None, tuple[int, int] | None]:
    """The concept that the modifier and a tail of the words name (the tail given, else the shortest that does,
    of the category of the mention the last member's words are, if any), and that tail."""
    first = TOKEN.search(modifier)
    if first is None or normalize_token(first.group()) not in d.matcher.trie:
        return None, None   # no name opens with the modifier's first word (the matcher's first step, done once)
    tails = [tail] if tail is not None else [(k, j) for j in range(len(words), 1, -1) for k in range(1, j)]
    for k, j in tails:
        term = f"{modifier} {' '.join(words[k:j])}"
        whole = d.whole_mention(term)   # (a mention never ends past its text)
        if whole is None:
            continue
        end = at_last + len(" ".join(words[:j]))
        own = [x for x in found if x.start < end and x.end > at_last]
        if own and (own[-1].end != end or d.cat(own[-1].key) != d.cat(whole.key)):
            continue   # the last member's words name another kind of thing ("breast and lung cancer cells")
        return whole.key, (k, j)
    return None, None
