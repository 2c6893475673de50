"""Steps named inside a sentence ('several stages such as A, B and C', 'exit the tissue (A, B), then ... (C, D)'): parts of a process."""
from __future__ import annotations

import re

from ..model import Mention, Sentence
from .document import _Doc
from .inline_lists import list_members

STEP_CATEGORIES = frozenset({"BiologicalProcess"})          # what a step must be (two of them at least)
MEMBER_CATEGORIES = frozenset({"BiologicalProcess", "SpreadPattern"})   # what else a list of steps may hold
WHOLE_CATEGORIES = frozenset({"BiologicalProcess", "SpreadPattern"})
# the noun that names the list as steps, and what opens the list after it
STEPS_OPEN = re.compile(r"\b(?:steps?|stages?|phases?)\s*(?:(?:of|in)\s+(?P<of>[^,;:()]{1,60}?)\s*)?"
                        r"(?:,\s*)?(?:\(\s*|(?:such as|including|like|e\.g\.,?|namely|for example,?)\s+)", re.I)
# a process whose name says it is a sequence of steps ("the invasion-metastasis cascade")
SEQUENCE_WHOLE = re.compile(r"\b(?:cascade|sequence|series|steps?|stages|stepwise|multistep|multi-step)\b", re.I)
PAREN_GROUP = re.compile(r"\(([^()]*)\)")


def inline_steps(d: _Doc) -> None:
    for s in d.sentences_with(frozenset({"step", "steps", "stage", "stages", "phase", "phases"})):
        _named_steps(d, s)
    for s in d.doc.sentences:
        if "(" in s.text:
            _parenthesised_steps(d, s)


def _named_steps(d: _Doc, s: Sentence) -> None:
    """'the process of metastatic spread and several stages such as intravasation, extravasation and dormancy':
    each listed process is part of the process the sentence names before the list (or its 'stages of X')."""
    ms = d.sent_mentions(s)
    for cue in STEPS_OPEN.finditer(s.text):
        members = [m for m in list_members(d, s, ms, cue.end()) if d.cat(m.key) in MEMBER_CATEGORIES]
        if sum(d.cat(m.key) in STEP_CATEGORIES for m in members) < 2:
            continue
        keys = {m.key for m in members}
        whole = None
        if cue.group("of"):
            at = s.start + cue.start("of")
            whole = next((m.key for m in ms if at <= m.start < s.start + cue.end("of")), None)
        if whole is None:
            before = [m for m in ms if m.end <= s.start + cue.start() and d.cat(m.key) in WHOLE_CATEGORIES
                      and m.key not in keys]
            whole = before[-1].key if before else _topic_whole(d, keys)
        if whole is None or d.cat(whole) not in WHOLE_CATEGORIES or whole in keys:
            continue
        for m in members:
            d.add(m.key, "part_of", whole, s, "steps:inline")


def _topic_whole(d: _Doc, keys: set[str], categories: frozenset = WHOLE_CATEGORIES) -> str | None:
    """The page's topic, when it is of the given categories and not one of the steps."""
    topic = d.out.subject
    return topic if topic and d.cat(topic) in categories and topic not in keys else None


def _parenthesised_steps(d: _Doc, s: Sentence) -> None:
    """'tumor cells leave their site (local invasion, intravasation), travel (survival in the circulation,
    extravasation) and grow (colonization)' on the page of a cascade, or after a sentence naming one: the
    processes in the parentheses are its steps, in the order given."""
    ms = d.sent_mentions(s)
    parts: list[Mention | None] = []   # each part of each group: its process, or None for a part naming none
    groups = 0
    for g in PAREN_GROUP.finditer(s.text):
        group = _group_parts(d, s, ms, g)
        if group:
            parts.extend(group)
            groups += 1
    steps = [m for m in parts if m is not None]
    if groups < 2 or len(steps) < 3:
        return
    keys = {m.key for m in steps}
    whole = _sequence_whole(d, s, keys)
    if whole is None:
        return
    for m in steps:
        d.add(m.key, "part_of", whole, s, "steps:parenthesised")
    for a, b in zip(parts, parts[1:]):
        if a is not None and b is not None and a.key != b.key:   # (not across a step the lexicon lacks)
            d.add(a.key, "precedes", b.key, s, "steps:parenthesised-sequence")


PART_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+)", re.I)
MAX_PART_WORDS = 6


def _group_parts(d: _Doc, s: Sentence, ms: list[Mention], g: re.Match) -> list[Mention | None]:
    """A parenthesis that holds only a short list of names ("local invasion, intravasation"), most of them
    processes: its parts, each as its process or None; else nothing (a clause, another kind of thing)."""
    base = s.start + g.start(1)
    out: list[Mention | None] = []
    pos = 0
    text = g.group(1)
    for piece in PART_SPLIT.split(text):
        i = text.find(piece, pos)
        if not piece.strip() or i < 0:
            continue
        pos = i + len(piece)
        inside = [m for m in ms if base + i <= m.start and m.end <= base + pos]
        if any(d.cat(m.key) not in STEP_CATEGORIES for m in inside) or len(inside) > 1 \
                or len(piece.split()) > MAX_PART_WORDS:
            return []
        out.append(inside[0] if inside else None)
    named = sum(m is not None for m in out)
    return out if named and 2 * named >= len(out) else []


def _sequence_whole(d: _Doc, s: Sentence, keys: set[str]) -> str | None:
    """The cascade the steps belong to: one the sentence or the one before names, else the page's topic when its
    name says it is a sequence."""
    sentences = d.sentences_of.get(id(s.block), [])
    i = next((n for n, x in enumerate(sentences) if x is s), None)
    near = [s] + ([sentences[i - 1]] if i else [])
    for x in near:
        for m in reversed(d.sent_mentions(x)):
            if m.key not in keys and d.cat(m.key) == "BiologicalProcess" \
                    and SEQUENCE_WHOLE.search(" ".join(d.names(m.key)) + " " + m.text):
                return m.key
    topic = _topic_whole(d, keys, STEP_CATEGORIES)
    return topic if topic and SEQUENCE_WHOLE.search(" ".join(d.names(topic))) else None
