"""A finding a pressing or blocking verb names with its site: 'presses on the spinal cord' is spinal cord compression."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence
from .document import _Doc

PRESS_WORDS = Cue(r"\b(press|presses|pressed|pressing|compress|compresses|compressed|compressing|block|blocks|blocked|"
                  r"blocking|obstruct|obstructs|obstructed|obstructing)\b")
# the verb before a site, and the finding's word it gives ("blocks the bile duct": bile duct obstruction)
PRESSED = re.compile(r"\b(?:(?P<press>press(?:es|ed|ing)?\s+(?:on|against|onto)|compress(?:es|ed|ing)?)|"
                     r"(?P<block>block(?:s|ed|ing)?|obstruct(?:s|ed|ing)?))\s+"
                     r"(?:the\s+|a\s+|an\s+|your\s+|nearby\s+|part\s+of\s+the\s+)?$", re.I)
PRESS_VERB = re.compile(r"\b(?:press(?:es|ed|ing)?\s+(?:on|against|onto)|compress(?:es|ed|ing)?|block(?:s|ed|ing)?|"
                        r"obstruct(?:s|ed|ing)?)\s", re.I)
# "If a tumour blocks the bile duct, it can cause ...": a condition whose pressing says what "it" is
CONDITION = re.compile(r"^\W*(?:if|when|once|as)\b[^,;:]*$", re.I)


def pressed_findings(d: _Doc, s: Sentence, start: int, end: int) -> list[tuple[int, Mention, str | None]]:
    """Where each pressing or blocking verb in s.text[start:end] (offsets in the post) starts, the site it acts
    on, and the finding the lexicon names for it there (or None)."""
    out = []
    if not PRESS_WORDS.possible(s.words):
        return out
    for m in d.sent_mentions(s):
        if m.start < start or m.end > end or d.cat(m.key) != "AnatomicalSite":
            continue
        at = max(start, m.start - 40)
        verb = PRESSED.search(s.text[at - s.start:m.start - s.start])
        if verb is None:
            continue
        word = "compression" if verb.group("press") else "obstruction"
        label = d.concepts[m.key].label.lower()
        out.append((at + verb.start(), m, d.named(f"{label} {word}", "ClinicalFinding") or d.named(f"{m.text.lower()} {word}",
                                                                               "ClinicalFinding")))
    return out


def condition_finding(d: _Doc, s: Sentence, pointer: int) -> str | None:
    """What "it" after "If X presses on / blocks SITE," stands for: the pressing's finding ("" when the lexicon
    names none: then "it" is no concept), or None when the sentence opens with no such condition."""
    lead = s.text[:pointer - s.start]
    if "," not in lead or not CONDITION.match(lead[:lead.rfind(",")]):
        return None
    found = pressed_findings(d, s, s.start, s.start + lead.rfind(","))
    return (found[-1][2] or "") if found else "" if PRESS_VERB.search(lead) else None


POINTER_AFTER = re.compile(r",\s*(?:it|this|they)\b", re.I)


def lead_in_finding(d: _Doc, s: Sentence) -> str | None:
    """What "it" in a lead-in such as "If the tumour presses on the spinal cord, it may cause:" stands for (see
    condition_finding), or None when the sentence opens with no such condition."""
    pointer = POINTER_AFTER.search(s.text) if PRESS_WORDS.possible(s.words) else None
    return condition_finding(d, s, s.start + pointer.start() + 1) if pointer is not None else None
