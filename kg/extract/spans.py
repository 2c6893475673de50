"""Mentions that name no concept of their own: after "non-", before a light noun, heading a name, describing."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Mention, Sentence
from ..phrases import CLOSED, load_heads, word_classes

HEADED = frozenset({"DetectionMethod", "Procedure", "Therapy"})   # names a class word may head ("CT scan")


def without_heads(cat: Callable[[str], str], text: str, offset: int, found: list[Mention]) -> list[Mention]:
    """The mentions without a one-word class word right after a method's or a therapy's name ("PET-MRI scans",
    "CT scan"): the word ends that name, it is not a second concept."""
    heads = load_heads()
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and m.start == prev.end + 1 and text[prev.end - offset] == " " and " " not in m.text \
                and heads.class_word(m.text) and cat(prev.key) in HEADED:
            continue
        out.append(m)
    return out


def modifies_next(s: Sentence, m: Mention) -> bool:
    """Whether a concept only describes the noun after it ("bone destruction", "lymph node micrometastases")."""
    nxt = re.match(r"[ -]([A-Za-z]+)", s.text[m.end - s.start:])
    if nxt is None:
        return False
    word = nxt.group(1)
    classes = word_classes(word)
    return bool(classes) and "NOUN" in classes and "VERB" not in classes and word.lower() not in CLOSED


NEGATED_PREFIX = re.compile(r"\b(?:non|anti)-$", re.I)   # "non-cancer", "anti-nausea": not the concept
# nouns that a concept's name only describes ("the cancer type", "cancer patients"): not the concept itself
LIGHT_NOUN = re.compile(r"^[ -](?:types?|patients?|survivors?|research|cent(?:er|re)s?|subtypes?|teams?|staff|"
                        r"departments?|specialists?|clinicians?|providers?|services?|societ(?:y|ies))\b", re.I)


def plain_mentions(text: str, found: list[Mention], offset: int = 0) -> list[Mention]:
    """The mentions that name their concept: not after 'non-' or 'anti-', not describing a light noun."""
    # (each regex runs only where the character it needs stands: a hyphen before, a space or hyphen after)
    return [m for m in found if not ("-" in text[max(0, m.start - offset - 5):m.start - offset]
                                     and NEGATED_PREFIX.search(text[max(0, m.start - offset - 5):m.start - offset]))
            and not (text[m.end - offset:m.end - offset + 1] in (" ", "-")
                     and LIGHT_NOUN.match(text[m.end - offset:m.end - offset + 14]))]
