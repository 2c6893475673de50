"""Ellipsis: a list item that names its kind without the class's head ("HER2-positive." under "subtypes of breast cancer")."""
from __future__ import annotations

import re

from ..model import Block
from .document import _Doc, _words


def with_head(d: _Doc, text: str, heads: list[str]) -> str | None:
    """The one concept the lexicon names by text followed by one of the heads ("Synchronous" + "metastasis")."""
    for head in heads:
        ms = d.text_mentions(f"{text} {head}")
        if len(ms) == 1 and ms[0].start == 0 and ms[0].end == len(text) + 1 + len(head):
            return ms[0].key
    return None


def elliptical_kind(d: _Doc, b: Block, whole: str) -> list[str]:
    """An item of a list of kinds that names its kind without the class's head: "HER2-positive." under
    "subtypes of breast cancer" is HER2-positive breast cancer, when the lexicon names it so."""
    text = (b.lead or re.split(r"[.:;(]", b.text, maxsplit=1)[0]).strip(" •-–")
    if not text or _words(text) > 3:
        return []
    key = with_head(d, text, d.names(whole))
    return [key] if key is not None and key != whole else []
