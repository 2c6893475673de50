"""Polarity and hedging: the cues that deny or hedge a claim, clause breaks and the words a claim's scope holds."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..cues import Cue
from ..model import Sentence
from .cue_table import sentence_matches

if TYPE_CHECKING:
    from .document import _Doc

HEDGES = Cue(
    r"\b(may|might|can|could|often|usually|sometimes|typically|generally|commonly|common|frequently|"
    r"likely|possibly|possible|potentially|suggest(s|ed|ing|ion|ions|ive|ively)?|necessarily|occasionally|"
    r"tends? to|tendency to|in some|in most|normally|most common|more common|rarely|seldom|in rare cases)\b")
# "no larger than" is a size, not a denial; "don’t" may be written with a typographic apostrophe
NEGATION = Cue(
    r"\b(not|no(?!\s+(?:larger|bigger|greater|smaller|more|less|fewer|wider|higher|lower)\s+than\b)|never|cannot|"
    r"(?:can|won|isn|aren|doesn|don|didn|wasn|weren)['’]t|neither|nor|without|unable)\b|"
    r"\btoo \w+ to\b|\bbelow (the )?(\w+ )?detection\b|\bbeyond (the )?reach\b")
CLAUSE_BREAK = re.compile(r";|,? but\b|, while\b|, whereas\b|, although\b|\bhowever\b|, though\b", re.I)
CLAUSE_WORDS = frozenset({"but", "while", "whereas", "although", "however", "though"})   # CLAUSE_BREAK's words
COORDINATORS = frozenset({"and", "or"})
COORDINATION = re.compile(r",?\s+(?:and|or)\s+", re.I)
# what may stand between a clause's subject and its verb: nothing, a modal, an adverb ("may also", "often")
CLAUSE_SUBJECT_END = re.compile(r"^\s*(?:(?:may|might|can|could|will|would|should|must|do|does|did|often|also|"
                                r"usually|commonly|frequently|sometimes|typically|rarely|generally|then|later|"
                                r"eventually)\s+)*$", re.I)
# a relative or ", when" / ", where" clause, or a second verb phrase with its own modal ("have no other tumours and can be considered
# for surgery"): each has its own polarity
RELATIVE_START = re.compile(r",\s*(which|who|when|where)\b|\band\s+(?:can|may|could|might|will|should|must)\b", re.I)
UNHEDGED_RELATIONS = {"is_a", "part_of", "smaller_than", "contrasted_with"}


def _clauses(d: _Doc, s: Sentence) -> list[tuple[int, int]]:
    """Clause spans (absolute offsets) of a sentence, cut at ';', 'but', ', while' ... and at an 'and' that
    opens a clause of its own (see _coordinated_clauses)."""
    if ";" not in s.text and CLAUSE_WORDS.isdisjoint(s.words):
        spans = [(s.start, s.end)]
    else:
        spans, start = [], 0
        for match in CLAUSE_BREAK.finditer(s.text):
            spans.append((s.start + start, s.start + match.start()))
            start = match.end()
        spans.append((s.start + start, s.end))
    if COORDINATORS.isdisjoint(s.words) or len(d.patterns(s)) == 0:
        return spans
    return [part for a, b in spans for part in _coordinated_clauses(d, s, a, b)]


def _coordinated_clauses(d: _Doc, s: Sentence, start: int, end: int) -> list[tuple[int, int]]:
    """A clause cut where 'and' / 'or' opens a clause with a subject and a verb cue of its own, after a verb cue:
    "bone metastases may cause pain and brain metastases may cause seizures" is two clauses, so that "brain
    metastases" is no object of the first cue nor "pain" a subject of the second."""
    cues = sorted((m.start() + s.start, m.end() + s.start) for p in d.patterns(s) for m in sentence_matches(d, s, p))
    mentions = d.sent_mentions(s)
    spans, left = [], start
    for join in COORDINATION.finditer(s.text, start - s.start, end - s.start):
        at, after = s.start + join.start(), s.start + join.end()
        if not any(left <= a and b <= at for a, b in cues):
            continue   # no verb before the 'and': "breast and lung cancer can spread"
        verb = next((a for a, _ in cues if a >= after), None)
        if verb is None or verb > end:
            break
        subject = [m for m in mentions if after <= m.start and m.end <= verb]
        between = s.text[after - s.start:verb - s.start]
        if subject and len(between.split()) <= 6 and "," not in between \
                and CLAUSE_SUBJECT_END.match(s.text[subject[-1].end - s.start:verb - s.start]):
            spans.append((left, at))
            left = after
    spans.append((left, end))
    return spans


def _relative_start(s: Sentence, start: int, pos: int) -> int:
    """Where the relative clause holding pos begins (", which is assessed with ..."), else start."""
    found = None
    for found in RELATIVE_START.finditer(s.text, start - s.start, pos - s.start):
        pass
    return s.start + found.start() if found else start


def _scope(s: Sentence, a: int, b: int) -> str:
    return s.text[max(0, a - s.start):max(0, b - s.start)]


# A question states nothing by itself; a yes/no question states what its answer grants: "Can X spread to Y?
# Yes." (plain), "Does X always cause Y? No, ..." or "... Sometimes." (it may).
YES_NO = re.compile(r"^\s*(?:Q\s*[:.]\s*)?(?:does|do|did|can|could|is|are|was|were|will|would|may|might|should|has|have)\b", re.I)
ALWAYS = re.compile(r"\b(always|necessarily|all|every|only)\b", re.I)
YES = re.compile(r"^\s*(?:A\s*[:.]\s*)?yes\b", re.I)
PARTLY = re.compile(r"^\s*(?:A\s*[:.]\s*)?(?:often|usually|sometimes|frequently|commonly|occasionally|rarely|in some cases|"
                    r"in many cases|not always|not necessarily|it can|they can|it may|they may|it depends|possibly)\b", re.I)
NO = re.compile(r"^\s*(?:A\s*[:.]\s*)?no\b", re.I)


def question_answer(d, s: Sentence) -> str:
    """How the answer after a question treats what it asks: "plain", "hedged" or "none" (no statement)."""
    if not YES_NO.match(s.text):
        return "none"
    after = d.next_sentence(s)
    reply = after.text if after is not None else ""
    if YES.match(reply):
        return "plain"
    if PARTLY.match(reply) or (NO.match(reply) and ALWAYS.search(s.text)):
        return "hedged"
    return "none"


def item_hedged(d: _Doc, s: Sentence, key: str) -> bool:
    """Whether a list item's own words qualify the concept it names: a hedge before its name ("May cause
    fractures"), not one after it that qualifies the rest of the item ("Headache, sometimes with vomiting")."""
    named = next((m for m in d.sent_mentions(s) if m.key == key), None)
    return bool(HEDGES.search(s.text if named is None else s.text[:named.end - s.start], s.words))
