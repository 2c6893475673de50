"""'Most cancers may spread to the liver, but those most likely to do so are A and B': 'do so' repeats the spread."""
from __future__ import annotations

import re

from .document import _Doc

DO_SO = re.compile(r"\b(?:to\s+)?(?:do|does|did)\s+so\b", re.I)
# the doers named after the pro-verb ("... to do so are A, B and C") or before it ("X is the most common tumour to do so")
AFTER = re.compile(r"^\s*(?:,\s*)?(?:are|is|include|includes)\s*:?\s*(?:the\s+)?$", re.I)
BEFORE = re.compile(r"^\s*(?:is|are)\s+(?:by\s+far\s+)?(?:the\s+|one\s+of\s+the\s+)?(?:(?:most|more)\s+)?[a-z]+\s+"
                    r"(?:[a-z]+\s+){0,2}?$", re.I)
WORDS = frozenset({"so"})


def do_so_spreads(d: _Doc) -> None:
    """The cancers a 'do so' clause names spread where the spread it repeats goes (in its sentence or the one before)."""
    for s in d.sentences_with(WORDS):
        if (pro := DO_SO.search(s.text)) is None:
            continue
        at = s.start + pro.start()
        prior = [f for f in d.found if f.relation == "spreads_to" and not f.negative and (
            f.sentence is s and _before(d, f, at) or f.sentence in d.before(s))]
        if not prior:
            continue
        for key in _doers(d, s, pro):
            for f in prior:
                if key != f.subject and d.cat(key) == "Neoplasm":
                    d.add(key, "spreads_to", f.object, s, "ellipsis:do-so", hedged=f.hedged or "likely" in s.text.lower())


def _before(d: _Doc, f, at: int) -> bool:
    """Whether the spread was stated before the pro-verb (its object's mention ends before it)."""
    return any(m.key == f.object and m.end <= at for m in d.sent_mentions(f.sentence))


def _doers(d: _Doc, s, pro: re.Match) -> list[str]:
    ms = [m for m in d.sent_mentions(s) if d.depth.get(m, 0) == 0]
    after = [i for i, m in enumerate(ms) if m.start - s.start >= pro.end()]
    if after and AFTER.match(s.text[pro.end():ms[after[0]].start - s.start]):
        return [m.key for m in d.coord_run(ms, after[0], s.text, s.start) if d.specific(m)]
    before = [i for i, m in enumerate(ms) if m.end - s.start <= pro.start() and d.specific(m) and not d.umbrella(m.key)]
    if before and BEFORE.match(s.text[ms[before[-1]].end - s.start:pro.start()]):
        return [m.key for m in d.coord_run(ms, before[-1], s.text, s.start, forward=False) if d.specific(m)]
    return []
