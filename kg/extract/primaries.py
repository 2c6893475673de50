"""The primary tumours a page on a spread names: 'The most common primary tumours are A and B' (where it comes from)."""
from __future__ import annotations

import re

from .document import _Doc
from .topics import _topic

ORIGIN_KINDS = ("Neoplasm", "AnatomicalSite")
RANK = r"(?:(?:most|more)\s+)?(?:common(?:est)?|usual|frequent|likely|typical|main|important)"
PRIMARY_NOUN = r"(?:primary\s+(?:tumou?rs?|cancers?|sites?|malignanc(?:y|ies)|neoplasms?|lesions?)|primaries)"
# "The most common primary tumours (of this spread) are / include A, B and C"
FRONT = re.compile(r"^\W*(?:the\s+)?" + RANK + r"\s+" + PRIMARY_NOUN + r"\s*(?:\([^()]*\)\s*)?(?:are|include|includes)\s+"
                   r"(?:the\s+)?$", re.I)
# "A, B and C are the most likely primary tumours"
BACK = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:are|is)\s+(?:among\s+)?(?:the\s+)?" + RANK + r"\s+" + PRIMARY_NOUN + r"\b", re.I)
WORDS = frozenset({"primary", "primaries"})


def primaries_rule(d: _Doc) -> None:
    """The spread a section or page is about originates from each primary its sentence ranks first."""
    for s in d.sentences_with(WORDS):
        topic = _topic(d, s.block) or d.out.subject
        ms = [m for m in d.sent_mentions(s) if d.depth.get(m, 0) == 0]
        if not topic or d.cat(topic) != "SpreadPattern" or not ms:
            continue
        for i, m in enumerate(ms):
            if FRONT.match(s.text[:m.start - s.start]):
                run = d.coord_run(ms, i, s.text, s.start)
            elif BACK.match(s.text[m.end - s.start:]) and i == len(d.coord_run(ms, i, s.text, s.start, forward=False)) - 1 \
                    and len(s.text[:ms[0].start - s.start].split()) <= 1:
                run = d.coord_run(ms, i, s.text, s.start, forward=False)
            else:
                continue
            for x in run:
                if d.cat(x.key) in ORIGIN_KINDS and x.key != topic:
                    d.add(topic, "originates_from", x.key, s, "primaries:originates_from", hedged=True)
            break
