"""What a sentence calls prognostic: 'X is the main prognostic factor', 'the prognostic significance of X'."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence
from .document import _Doc, _words
from .modifiers import NEGATION, _scope

PROGNOSIS = "prognosis"   # the concept key of the outcome a prognostic factor informs
PROGNOSTIC_WORDS = Cue(r"\b(prognostic|prognosticators?)\b")
# what can inform a prognosis: a finding, a spread, a tumour, its stage or a process (a test is used in it instead)
PROGNOSTIC_KINDS = frozenset({"SpreadPattern", "Neoplasm", "ClinicalFinding", "Staging", "BiologicalProcess"})
_FACTOR = r"(?:prognostic\s+(?:factors?|indicators?|markers?|variables?|determinants?|parameters?)|prognosticators?)"
FACTOR = re.compile(r"\b" + _FACTOR + r"\b", re.I)
# "the prognostic significance of X", "the prognostic value of X and Y": the holder follows
SIGNIFICANCE_OF = re.compile(r"\bprognostic\s+(?:significance|value|implications?|impact|importance|role|relevance|"
                             r"power)\s+of\s+(?:the\s+|an?\s+)?$", re.I)
# "X is the main prognostic factor", "X and Y remain strong prognostic markers": the holder is the copula's subject
IS_FACTOR = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:is|are|remains?|was|were|has been|have been|serves? as|represents?)\s+"
                       r"(?:(?:also|still|now|considered|thought to be|regarded as)\s+)*(?:one of\s+)?(?:a|an|the)?\s*"
                       r"(?:[\w\-]+\s+){0,3}?" + _FACTOR + r"\b", re.I)
# "X had no prognostic significance", "X carries prognostic value"
HAS_SIGNIFICANCE = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:has|have|had|carr(?:y|ies|ied)|holds?|held|shows?|showed)\s+"
                              r"(?:(?:no|little|any|some|a|an|the|independent|strong|significant|important|clear|"
                              r"great|major|additional)\s+){0,3}prognostic\s+(?:significance|value|implications?|impact|"
                              r"importance|relevance|power)\b", re.I)
# "Prognostic factors for X include A, B and C", "prognostic markers such as A": the items follow
FACTORS_INCLUDE = re.compile(r"[^.;]{0,80}?(?:\b(?:include[sd]?|are|were|such as|including)\b|:)\s*:?\s*", re.I)
MAX_ITEM_GAP = 3   # words between the lead-in and the first item ("the extent of")


def prognostic_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """Each concept a sentence calls prognostic (a factor, the holder of a prognostic significance, an item of
    the prognostic factors it lists) influences the prognosis."""
    if PROGNOSIS not in d.concepts:
        return
    found: list[Mention] = []
    for i, m in enumerate(ms):
        if d.specific(m) and SIGNIFICANCE_OF.search(s.text[:m.start - s.start]):
            found += d.coord_run(ms, i, s.text, s.start)
        elif d.specific(m) and (IS_FACTOR.match(s.text[m.end - s.start:]) or
                                HAS_SIGNIFICANCE.match(s.text[m.end - s.start:])):
            found += d.coord_run(ms, i, s.text, s.start, forward=False)
    lead = FACTOR.search(s.text)
    items = FACTORS_INCLUDE.match(s.text, lead.end()) if lead else None
    first = next((i for i, m in enumerate(ms) if items and m.start - s.start >= items.end()), None)
    if first is not None and d.specific(ms[first]) \
            and _words(s.text[items.end():ms[first].start - s.start]) <= MAX_ITEM_GAP:
        found += d.coord_run(ms, first, s.text, s.start)
    for m in dict.fromkeys(found):
        if d.cat(m.key) in PROGNOSTIC_KINDS and m.key != PROGNOSIS:
            negative = bool(NEGATION.search(_scope(s, s.start, s.end), s.words))
            d.add(m.key, "influences", PROGNOSIS, s, "prognostic:influences", negative=negative)
