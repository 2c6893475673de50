"""Sub-items without a subject ('Micrometastases: 0.2-2 mm' then '- May be found by IHC') state a cue of the term above them."""
from __future__ import annotations

import re

from ..model import Block
from .cue_table import sentence_matches
from .document import _Doc, _first_sentence, _words
from .modifiers import HEDGES, NEGATION, _scope, item_hedged
from .patterns import _relate
from .structure import _item_concepts, _lists

# how a subjectless line opens: a modal, an adverb or a passive verb ("May be detected by", "Usually treated with")
VERB_OPEN = re.compile(r"^\W*(?:(?:may|can|could|might|will|should|must|often|usually|commonly|sometimes|rarely|"
                       r"typically|frequently|also|not|never|is|are|be|been|only|mainly|mostly|generally)\s+)+[a-z]+|"
                       r"^\W*[a-z]+(?:ed|en)\s+(?:by|with|in|for|to|as)\b", re.I)
MAX_WORDS_TO_CUE = 4


def sub_items(d: _Doc) -> None:
    for items in _lists(d).values():
        _sub_item_rules(d, items)


def _sub_item_rules(d: _Doc, items: list[Block]) -> None:
    """Each item whose first sentence opens with a verb and names no concept before the cue: the cue relates the
    term of the item it stands under (its parent item, the 'Term:' item it follows, or a 'Term:' heading) to
    the concepts after the cue."""
    for b in items:
        if b.lead:
            continue
        owner = _owner(d, b, items)
        if owner is None:
            continue
        subjects = _item_concepts(d, owner) if owner.kind == "item" else _heading_term(d, owner)
        if len(subjects) != 1:
            continue
        s = _first_sentence(d, b)
        if not VERB_OPEN.match(s.text):
            continue
        ms = d.sent_mentions(s)
        for pattern in d.patterns(s):
            for match in sentence_matches(d, s, pattern):
                cue_start, cue_end = s.start + match.start(), s.start + match.end()
                if any(m.start < cue_start for m in ms) or _words(s.text[:match.start()]) > MAX_WORDS_TO_CUE:
                    continue
                after = [m for m in ms if m.start >= cue_end]
                if not after or _words(s.text[match.end():after[0].start - s.start]) > 2:
                    continue
                objects = [m.key for m in d.coord_run(ms, ms.index(after[0]), s.text, s.start)]
                scope = _scope(s, s.start, cue_end)
                negative = bool(NEGATION.search(scope, s.words)) != pattern.negative
                hedged = bool(HEDGES.search(scope, s.words))
                for key in objects:
                    _relate(d, pattern, subjects, [key], s, f"sub-item:{pattern.relation}",
                            negative=negative, hedged=hedged or item_hedged(d, s, key))


def _owner(d: _Doc, b: Block, items: list[Block]) -> Block | None:
    """The block a lead-less item is said of: its parent item with a lead-in, else the nearest item before it in
    its list when that one has a lead-in and only lead-less items stand between, else its section's heading when
    that reads 'Term: ...'."""
    if b.parent is not None:
        return b.parent if b.parent.lead else None
    i = next(n for n, x in enumerate(items) if x is b)
    for x in reversed(items[:i]):
        if x.parent is not None:
            continue
        if x.lead:
            return x
        if not VERB_OPEN.match(_first_sentence(d, x).text):
            return None   # an item of its own stands between: the list is not of sub-items
    heading = d.heading_of.get(id(b.section))
    if heading is not None and heading.start < b.start and ":" in heading.text[:80] and items[0] is b:
        return heading
    return None


def _heading_term(d: _Doc, heading: Block) -> list[str]:
    """The one concept a 'Term: explanation' heading's term names."""
    term = heading.text.split(":")[0]
    ms = d.text_mentions(term)
    return [ms[0].key] if len(ms) == 1 and _words(term[:ms[0].start]) == 0 else []
