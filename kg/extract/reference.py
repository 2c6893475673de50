"""What a demonstrative noun phrase ("these metastases", "this specialized microenvironment") points back to."""
from __future__ import annotations

import re

from ..model import Mention, Sentence
from ..phrases import word_classes
from .document import _Doc

POINTER = re.compile(r"that|(?:this|these|those|such)((?:\s+[a-z\-]+){0,2})", re.I)   # ("that" alone: "that is the ...")
NOT_DESCRIBING = frozenset({"AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM"})


def pointing_prefix(prefix: str) -> bool:
    """Whether the words before a concept are a demonstrative and at most two words that describe it ("these
    small", "this specialized"), not a clause ("this is the")."""
    found = POINTER.fullmatch(prefix)
    if found is None:
        return False
    return all((classes := word_classes(w)) and not classes & NOT_DESCRIBING for w in (found.group(1) or "").split())


def pointed_back(d: _Doc, s: Sentence, m: Mention) -> str | None:
    """What "these metastases" or "this specialized microenvironment" stands for: the latest concept of the two
    sentences before (same block) one of whose names ends with the words of m ("adrenal metastases"), else, for
    a one-word class (not a site), the latest specific concept of the same category ("premetastatic niches")."""
    before = [x for b in d.before(s, 2) for x in d.sent_mentions(b) if x.key != m.key and d.specific(x)]
    named = next((x.key for x in reversed(before) if d.name_ends_with(x.key, m.text)), None)
    if named is not None or len(d.concepts[m.key].label.split()) > 1 or d.cat(m.key) == "AnatomicalSite":
        return named
    return next((x.key for x in reversed(before) if d.cat(x.key) == d.cat(m.key) and not d.umbrella(x.key)), None)
