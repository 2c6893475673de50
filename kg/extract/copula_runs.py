"""The coordinated subjects of a plural copula: "A, B and C are Ys" makes each of them a kind of Y."""
from __future__ import annotations

import re

from .document import _Doc

PLURAL_COPULA = re.compile(r"^\s*(?:are|were|remain)\b", re.I)
OPENING_WORDS = 3   # "Of these, A and B are ...": at most this many words before the run


def copula_runs(d: _Doc) -> None:
    """A copula's kind, which the copula rule gives its nearest subject, goes to each concept coordinated
    before it, when the copula is plural, the run opens the sentence and every member has the subject's category."""
    for f in [f for f in d.found if f.relation == "is_a" and f.rule == "copula:is_a"]:
        s = f.sentence
        ms = d.sent_mentions(s)
        for i, m in enumerate(ms):
            if m.key != f.subject or i == 0 or not PLURAL_COPULA.match(s.text[m.end - s.start:]):
                continue
            run = d.coord_run(ms, i, s.text, s.start, forward=False)
            if len(run) < 2 or len(s.text[:run[-1].start - s.start].split()) > OPENING_WORDS:
                continue
            if any(d.cat(x.key) != d.cat(m.key) for x in run):
                continue   # "Pain and fractures are ...": members of one kind only
            for x in run[1:]:
                d.add(x.key, "is_a", f.object, s, "copula:is_a", negative=f.negative)
