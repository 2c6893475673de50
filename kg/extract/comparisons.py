"""Sentence rules that set two things side by side: 'A vs B', 'X, not Y', 'Ys where X is the usual framework'."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence
from .document import PAREN, _Doc, _words
from .modifiers import _scope
from .subjects import _subject_before

VS = Cue(r"\s+(?:vs\.?|versus)\s+")
DISTINCT_NOT = Cue(r",\s+not\s+(a |an |the |true )?$")
FRAMEWORK = Cue(r"\bwhere\b")
UNLIKE = Cue(r"^\W*(?:unlike|in contrast to|as opposed to|compared with|compared to)\s+")
# a description that sets its term apart from what it is listed under ("a related but different finding")
NOT_A_KIND = re.compile(r"\b(?:related\s+but\s+(?:different|distinct|separate)|(?:different|distinct|separate)\s+from|"
                        r"not\s+(?:a\s+|an\s+)?(?:type|kind|form|subtype|variant)s?\s+of|not\s+the\s+same\s+as)\b", re.I)
RELATIVE_PART = re.compile(r"^\s*(?:which|that|who|whose|where)\b", re.I)
FRAMEWORK_TAIL = re.compile(r"^\W*\s*(is|are)\s+(not\s+)?(the\s+|a\s+)?(usual\s+|standard\s+|main\s+|common\s+|"
                            r"preferred\s+|typical\s+)?(framework|term|concept|approach|model)\b", re.I)


def _distinct_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'X, not Y' states that X is not Y."""
    for i, m in enumerate(ms):
        found = DISTINCT_NOT.search(s.text[:m.start - s.start], s.words)
        if not found or not d.specific(m):
            continue
        cue = s.start + found.start()
        subj = _subject_before(d, s, ms, cue, s.start)
        if subj is None:
            continue
        for a in ([subj] if isinstance(subj, str) else [x.key for x in subj]):
            d.add(a, "distinct_from", m.key, s, "contrast:not", scope=_scope(s, s.start, m.end))


def _unlike_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Unlike X (, which ...), Y ...': Y is set against X."""
    found = UNLIKE.search(s.text, s.words)
    if not found:
        return
    first = [m for m in ms if m.start - s.start >= found.end() and d.specific(m)]
    if not first or _words(s.text[found.end():first[0].start - s.start]) > 2:
        return
    x = first[0]
    pos = x.end - s.start
    while True:   # the Unlike phrase ends at a comma that no relative clause follows
        comma = s.text.find(",", pos)
        if comma < 0:
            return
        pos = comma + 1
        if not RELATIVE_PART.match(s.text[pos:]):
            break
    main = [m for m in ms if m.start - s.start >= pos and d.specific(m)]
    if not main or _words(s.text[pos:main[0].start - s.start]) > 2:
        return
    y = main[0].key
    if d.umbrella(y) and d.topic_narrows(y):
        y = d.out.subject   # "metastases" on a page about brain metastasis
    if y != x.key and d.same_kind(y, x.key):
        d.add(y, "contrasted_with", x.key, s, "comparison:unlike")


def _vs_rule(d: _Doc, s: Sentence, ms: list[Mention], loose: bool) -> None:
    """'A vs B (vs C)': each pair is contrasted; in a lead-in or heading also shares the head noun."""
    if not VS.search(s.text, s.words):
        return
    parts = _vs_parts(d, s.text, loose)
    keys = [k for k in parts if k]
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if keys[i] != keys[j]:
                d.add(keys[i], "contrasted_with", keys[j], s, "comparison:vs")


def _vs_parts(d: _Doc, text: str, loose: bool) -> list[str | None]:
    """The concept each side of 'A vs B' names (the head is the last concept, before any 'for ...')."""
    if not loose:
        m = re.search(r"(?:^|[,;(:]\s*)([^,;():]*?(?:\s+(?:vs\.?|versus)\s+[^,;():]*?)+)(?=$|[,;():.])", text, re.I)
        if not m:
            return []
        text = m.group(1)
    else:
        text = re.split(r"\s*:\s*", text)[0]
    raw = VS.regex.split(PAREN.sub("", text))
    raw = [re.split(r"\s+(?:for|in|of|with|among|during)\s+", p, maxsplit=1)[0].strip() for p in raw]
    out: list[str | None] = []
    tail = raw[-1].split()
    for part in raw:
        ms = d.text_mentions(part)
        bare = re.sub(r"^\s*(the|a|an)\s+", "", part[:ms[-1].start], flags=re.I) if ms else ""
        if ms and (loose or (ms[-1].end >= len(part) - 1 and _words(bare) == 0)):
            out.append(ms[-1].key)
            continue
        key = None
        if loose and ms == [] and part:
            for n in (1, 2):
                shared = d.text_mentions(part + " " + " ".join(tail[-n:]))
                if shared:
                    key = shared[-1].key
                    break
        out.append(key)
    return out


def _framework_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Ys where X is (not) the usual framework/term' states whether X is used in Y."""
    for match in FRAMEWORK.finditer(s.text, s.words):
        pos = s.start + match.start()
        before = [m for m in ms if m.end <= pos and d.specific(m)]
        after = [m for m in ms if m.start >= s.start + match.end() and d.specific(m)]
        if not before or not after:
            continue
        x = after[0]
        tail = FRAMEWORK_TAIL.match(s.text[x.end - s.start:])
        if not tail or _words(s.text[match.end():x.start - s.start]) > 1:
            continue
        d.add(x.key, "used_in", before[-1].key, s, "framework:used_in", negative=bool(tail.group(2)),
              scope=s.text[match.start():])
