"""Lists of what a method is for: 'PET scans may be useful in:' then 'Detecting cancer', 'Finding a recurrence'."""
from __future__ import annotations

import re

from ..model import Block
from .document import DETECTABLE, DETECTORS, _Doc, _first_sentence
from .modifiers import HEDGES

# a lead-in that names a method and the uses after it ("may be useful in:", "is used for:", "can help:")
USES_LEAD = re.compile(r"\b(?:useful|used|helpful|valuable|important|needed|done|performed|ordered)\s+(?:in|for|to)\s*:\s*$"
                       r"|\bcan\s+help(?:\s+(?:to|with))?\s*:\s*$|\buses?\s+(?:include|are)\s*:\s*$", re.I)
# an item that opens with a gerund of finding out: what it names is detected by the method
DETECTING = re.compile(r"^\W*(?:detecting|finding|revealing|showing|identifying|diagnosing|locating|spotting|"
                       r"confirming|looking\s+for|checking\s+for|seeing)\b", re.I)


def uses_list_rule(d: _Doc, items: list[Block]) -> None:
    """Items of a method's uses that open with a gerund of finding out: the concept each names is detected by
    the method the lead-in names."""
    intro = items[0].intro
    sentences = d.sentences_of.get(id(intro), []) if intro is not None else []
    if not sentences or not USES_LEAD.search(sentences[-1].text):
        return
    s = sentences[-1]
    methods = [m for m in d.sent_mentions(s) if d.cat(m.key) in DETECTORS and d.specific(m)]
    if not methods:
        return
    for b in items:
        item = _first_sentence(d, b)
        if not DETECTING.match(item.text):
            continue
        found = next((m for m in d.sent_mentions(item) if d.cat(m.key) in DETECTABLE), None)
        if found is not None:   # "may be useful in:" hedges every use
            d.add(found.key, "detected_by", methods[0].key, item, "structure:uses",
                  hedged=bool(HEDGES.search(s.text, s.words) or HEDGES.search(item.text, item.words)))
