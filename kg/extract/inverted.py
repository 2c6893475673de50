"""Names said head first, by a preposition: "pain in the back or neck" (back pain, neck pain), "problems with vision"."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence

# a head word, a preposition, describing words, then the word (or coordinated words) that would come first
# in the name ("changes to the surrounding skin": skin change; "compression of the spinal cord")
INVERTED = Cue(r"\b(?P<head>[A-Za-z]+)\s+(?:in|of|with|to|on|around)\s+"
               r"(?:(?:the|your|his|her|their|its|surrounding|affected|nearby|neighbou?ring|adjacent)\s+)*(?=[A-Za-z])")
NEXT_MEMBER = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.I)
WORD_AT = re.compile(r"[A-Za-z][A-Za-z-]*")
# the categories whose names a preposition may turn around (a spread or a cancer of a site has rules of its own;
# a test of a site is the test done there, "a biopsy of the liver" names the biopsy)
TURNED = frozenset({"ClinicalFinding", "Therapy", "Procedure", "BiologicalProcess"})
HEADED = frozenset({"Therapy", "Procedure"})   # kinds a class word of the other may head
MAX_MEMBERS = 4


def inverted_names(d, s: Sentence, found: list[Mention]) -> list[Mention]:
    """The mentions with each 'HEAD of/in/with ... X (or Y)' read as the lexicon's 'X HEAD' (and 'Y HEAD'), when
    the lexicon names it in a category of TURNED and the words are no other concept's; d is the document (_Doc)."""
    if not INVERTED.possible(s.words):   # (the cue's key words are its prepositions)
        return found
    text, base = s.text, s.start
    out = list(found)
    for match in INVERTED.regex.finditer(text):
        head = match.group("head")
        head_ms = [m for m in out if m.start - base < match.end("head") and m.end - base > match.start("head")]
        whole = None   # a name the lexicon has head first ("problems with speech"), the list going on after it
        if len(head_ms) == 1 and head_ms[0].start - base == match.start("head") and head_ms[0].end - base > match.end():
            whole = head_ms[0]
        elif head_ms and (len(head_ms) > 1 or head_ms[0].start - base != match.start("head")
                          or head_ms[0].end - base != match.end("head")):
            continue   # the head word is part of a longer name ("bone pain in the back")
        if whole is not None:
            more = NEXT_MEMBER.match(text, whole.end - base)
            if more is None or d.cat(whole.key) not in TURNED:
                continue
            members = _members(d, out, text, base, more.end())
            named = [(whole.key, (whole.start - base, whole.end - base))]
            head_ms = [whole]
        else:
            members, named = _members(d, out, text, base, match.end()), []
        named += [(key, span) for span in members for key in [_turned(d, text[span[0]:span[1]], head)]]
        if not named or named[0][0] is None:
            continue
        own = d.cat(head_ms[0].key) if head_ms else None
        first = d.cat(named[0][0])
        if own is not None and own != first and not (own in HEADED and first in HEADED):
            continue   # "removal" the procedure, "of the lymph nodes": only the same kind of thing
        spans = [(key, (match.start("head") if i == 0 else a, b)) for i, (key, (a, b)) in enumerate(named) if key]
        covered = [(a + base, b + base) for _, (a, b) in spans]
        out = [m for m in out if not any(m.start < b and m.end > a for a, b in covered)]
        out.extend(Mention(key, a + base, b + base, text[a:b]) for key, (a, b) in spans)
        out.sort(key=lambda m: (m.start, -m.end))
    return out


def _members(d, found: list[Mention], text: str, base: int, start: int) -> list[tuple[int, int]]:
    """The spans of the coordinated words from start: a site's mention where one opens there, else a word."""
    spans: list[tuple[int, int]] = []
    at = start
    while len(spans) < MAX_MEMBERS:
        here = [m for m in found if m.start - base == at]
        if here and d.cat(here[0].key) != "AnatomicalSite":
            break   # another concept's name ("pain in the cancer patients"): not a site of the head
        if here:
            end = here[0].end - base
        else:
            word = WORD_AT.match(text, at)
            if word is None or any(m.start - base < word.end() and m.end - base > at for m in found):
                break
            end = word.end()
        spans.append((at, end))
        more = NEXT_MEMBER.match(text, end)
        if more is None:
            break
        at = more.end()
    return spans


def _turned(d, modifier: str, head: str) -> str | None:
    """The concept the lexicon names 'MODIFIER HEAD' for, in a category of TURNED, or None."""
    whole = d.whole_mention(f"{modifier} {head}")
    return whole.key if whole is not None and d.cat(whole.key) in TURNED else None
