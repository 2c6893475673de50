"""What a block or the page is about: the concept its lead-in, its FAQ question or its section's heading names."""
from __future__ import annotations

import re

from ..model import Block, Mention
from ..phrases import bare_verb
from .document import _Doc, paren_depth

IMPERATIVE = {"guide", "refine", "estimate", "standardize", "standardise", "reduce", "improve", "help", "support",
              "select", "identify", "plan", "assess", "evaluate", "check", "use", "avoid", "consider", "confirm",
              "clarify", "treat", "manage", "monitor", "inform", "predict", "determine", "assign", "detect"}
TOPIC_CUT = re.compile(r"\s(vs\.?|versus|rather than|where|compared with|and not)\s|\(", re.I)


def _lead_topic(d: _Doc, b: Block) -> str | None:
    """The concept a block's lead-in names (asked for by many rules, so kept until the lexicon grows)."""
    if not b.lead or b.kind == "faq":
        return None
    return d.of_block(_find_lead_topic, b)


def _find_lead_topic(d: _Doc, b: Block) -> str | None:
    first = re.match(r"[A-Za-z]+", b.lead)
    if first and (first.group().lower() in IMPERATIVE or bare_verb(first.group())):
        return None   # "Guide treatment", "Explain bone pain": an action, not a term
    ms = _outer_mentions(d, _lead_head(b.lead))
    return ms[-1].key if ms else None


def _lead_head(lead: str) -> str:
    """A lead-in up to where it turns to something else ("X rather than Y", "X where ...", "X vs Y")."""
    cut = TOPIC_CUT.search(" " + lead + " ")
    return lead[:cut.start() - 1] if cut and cut.group().strip() != "(" else lead


def _outer_mentions(d: _Doc, text: str) -> list[Mention]:
    """Specific mentions of text that do not start inside parentheses."""
    return [m for m in d.text_mentions(text) if paren_depth(text, m.start) == 0]


def _faq_topic(d: _Doc, b: Block) -> str | None:
    if b.kind != "faq":
        return None
    ms = d.text_mentions(b.lead)
    keys = [m.key for m in ms]
    if d.out.subject in keys:
        return d.out.subject
    return keys[0] if keys else None


def _section_subject(d: _Doc, b: Block) -> str | None:
    section = b.section
    while section is not None:
        if section.heading:
            ms = d.text_mentions(section.heading)
            if ms:
                return _heading_head(d, section.heading, ms)
        section = section.parent
    return d.out.subject


def _heading_head(d: _Doc, heading: str, ms: list[Mention]) -> str:
    """The concept a heading is about: its first, but a broad word that only describes the next one is not
    ("What is cancer dormancy?": dormancy)."""
    first = ms[0]
    if len(ms) > 1 and d.umbrella(first.key) and not heading[first.end:ms[1].start].strip():
        return ms[1].key
    return first.key


def _topic(d: _Doc, b: Block) -> str | None:
    return _lead_topic(d, b) or _faq_topic(d, b) or _section_subject(d, b)
