"""Copulas whose complement names a role: 'X is the standard treatment for Y', 'X is a rare form of Y'."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence
from .document import _Doc, _unparen, _words
from .modifiers import NEGATION, _scope

# the role noun decides the relation, and who is its subject: (relation, the subject is the copula's object,
# categories of the copula's subject, categories of the concept after the role)
ROLES = {
    "treatment": ("treated_with", True, {"Therapy", "Procedure"}, {"SpreadPattern", "Neoplasm", "ClinicalFinding"}),
    "test": ("detected_by", True, {"DetectionMethod", "Procedure"}, {"SpreadPattern", "Neoplasm", "ClinicalFinding"}),
    "symptom": ("causes", True, {"ClinicalFinding"}, {"SpreadPattern", "Neoplasm", "ClinicalFinding", "Therapy"}),
    "cause": ("causes", False, {"SpreadPattern", "Neoplasm", "ClinicalFinding", "Therapy", "Procedure"},
              {"ClinicalFinding", "SpreadPattern"}),
    "form": ("is_a", False, {"SpreadPattern", "Neoplasm"}, {"SpreadPattern", "Neoplasm"}),
    "risk": ("associated_with", False, {"ClinicalFinding", "SpreadPattern", "Neoplasm", "BiologicalProcess", "Staging"},
             {"SpreadPattern", "Neoplasm"}),
}
NOUNS = {"treatment": "(?:treatments?|therap(?:y|ies)|options?|approach(?:es)?)(?: of choice)?|standard of care|mainstay",
         "test": "(?:tests?|tools?|methods?|modalit(?:y|ies)|techniques?|investigations?|exams?|examinations?)(?: of choice)?",
         "symptom": "symptoms?|signs?|complications?|manifestations?|features?",
         "cause": "causes?",
         "form": "forms?|types?|kinds?|subtypes?|variants?",
         "risk": "risk factors?|predictors?|markers?"}
# the role noun (one named group per role) and what the role is for or of, up to the concept it names
ROLE_NOUN = "(?:" + "|".join(f"(?P<{k}>{v})" for k, v in NOUNS.items()) + ")"
_ACTION = r"(?:diagnos\w*|detect\w*|evaluat\w*|assess\w*|find\w*|imaging|treat\w*|manag\w*)"
ROLE_FOR = (r"\s+(?:for|of|in|to)\s+(?:the\s+|an?\s+)?(?:" + _ACTION + r"(?:,?\s+(?:and|or)\s+" + _ACTION + r")?"
            r"\s+(?:of\s+)?(?:the\s+)?)?$")   # ("useful tools for diagnosis and treatment")
ROLE = re.compile(r"\b(?:is|are|was|were|has been|have been|remains?|becomes?|(?:has |have )?emerged as|serves? as|"
                  r"(?:is|are) used as|represents?)\s+(?:(?:(?!rarely|hardly|seldom)[a-z]+ly|sometimes|also|"
                  r"still|now|considered)\s+)*(?:(?:one of\s+)?(?:a|an|the)\s+)?(?:[\w\-]+,?\s+){0,3}?" + ROLE_NOUN + ROLE_FOR,
                  re.I)
OF_NEXT = re.compile(r"\s+of\s")
# a role that opens a fragment with no holder of its own ("Standard test for evaluating bone metastases." on the
# bone scan page): the page's topic holds it
ROLE_FRAGMENT = re.compile(r"^\W*(?:(?:the|a|an)\s+)?(?:[\w\-]+\s+){0,2}?" + ROLE_NOUN + ROLE_FOR, re.I)
MAX_FRAGMENT_TAIL = 3   # words after the role's concept: more makes a sentence, not a fragment
ROLE_WORDS = Cue(r"\b(is|are|was|were|been|remains?|becomes?|emerged|serves?|represents?)\b")
# the role said first, with no holder before the copula ("The preferred imaging test for diagnosis is CT" on a
# disease's page): the concept after the copula has the role for the page's topic
ROLE_FIRST = re.compile(r"^\W*(?:the|a|an)\s+(?:[\w\-]+\s+){0,4}?" + ROLE_NOUN + r"\s+(?:for|of|in)\s+(?:both\s+)?(?:the\s+)?"
                        + _ACTION + r"(?:\s+(?:and|or)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+)?\s+(?:is|are|remains?|has\s+been)\s+"
                        r"(?:\w+ly\s+)?(?:(?:the|an?)\s+)?", re.I)


def _role_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """A concept, a copula with a role noun, and the concept the role is of or for (the page's topic when the
    sentence ends with the role: "CT and MRI are useful tools for diagnosis.")."""
    topic = d.out.subject
    for last in range(len(ms) - 1, max(-1, len(ms) - 3), -1):   # the role may name an action ("for diagnosis")
        match = ROLE.search(s.text[ms[last].end - s.start:].rstrip(" .;!") + " ")
        if topic is not None and match is not None and match.start() <= 2 and d.specific(ms[last]) \
                and topic != ms[last].key:
            relation, reverse, before, after = ROLES[next(k for k in NOUNS if match.group(k))]
            if d.cat(topic) in after:
                _add_role(d, s, ms, last, topic, relation, reverse, before)
            break
    _role_first(d, s, ms, topic)
    for i, a in enumerate(ms[:-1]):
        if not d.specific(a):
            continue
        for b in ms[i + 1:]:
            if not d.specific(b):
                continue
            gap = _unparen(s.text[a.end - s.start:b.start - s.start])   # "X (XX) is the ..."
            # (ROLE.search, tried only where a match is taken: at one of the gap's first three characters)
            match = next(filter(None, (ROLE.match(gap, pos) for pos in range(3))), None)
            if match is None or match.start() > 2:
                continue
            role = next(k for k in NOUNS if match.group(k))
            relation, reverse, before, after = ROLES[role]
            if d.cat(b.key) not in after and OF_NEXT.match(s.text, b.end - s.start):
                continue   # "a tool for the diagnosis of X": the role is for what the action is of
            if d.cat(a.key) in before and d.cat(b.key) in after:
                _add_role(d, s, ms, i, b.key, relation, reverse, before, b.start)
            break


def _add_role(d: _Doc, s: Sentence, ms: list[Mention], i: int, target: str, relation: str, reverse: bool,
              before: set[str], end: int | None = None) -> None:
    """The role's relation between each concept coordinated with mention i and the target."""
    end = s.end if end is None else end
    negative = bool(NEGATION.search(_scope(s, ms[i].end, end), s.words))
    j = i
    while j > 0 and d.depth.get(ms[j], 0) > d.depth.get(ms[j - 1], 0):
        j -= 1   # "stereotactic radiosurgery (SRS)": the name the parenthesis abbreviates
    for c in d.coord_run(ms, j, s.text, s.start, forward=False):   # "Surgery and SRS are treatments for"
        x, y = (target, c.key) if reverse else (c.key, target)
        if d.cat(c.key) in before:
            d.add(x, relation, y, s, f"role:{relation}", negative=negative, scope=_scope(s, c.start, end))


def fragment_role_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Standard test for evaluating bone metastases.': the page's topic has the role for the concept named."""
    topic = d.out.subject
    first = next((m for m in ms if d.specific(m)), None)
    if topic is None or first is None or first.key == topic:
        return
    match = ROLE_FRAGMENT.match(s.text[:first.start - s.start])
    if match is None or _words(s.text[first.end - s.start:]) > MAX_FRAGMENT_TAIL:
        return
    relation, reverse, before, after = ROLES[next(k for k in NOUNS if match.group(k))]
    if d.cat(topic) in before and d.cat(first.key) in after:
        x, y = (first.key, topic) if reverse else (topic, first.key)
        d.add(x, relation, y, s, f"role:{relation}")


def _role_first(d: _Doc, s: Sentence, ms: list[Mention], topic: str | None) -> None:
    """'The preferred imaging test for diagnosis is CT' on a disease's page: the topic's relation to
    the concepts after the copula (none when the sentence names a disease)."""
    match = ROLE_FIRST.match(s.text)
    if topic is None or match is None or any(d.cat(m.key) in ("SpreadPattern", "Neoplasm") for m in ms):
        return
    relation, reverse, before, after = ROLES[next(k for k in NOUNS if match.group(k))]
    i = next((i for i, m in enumerate(ms) if m.start - s.start >= match.end() and d.specific(m)), None)
    if i is not None and reverse and d.cat(topic) in after and d.cat(ms[i].key) in before \
            and _words(s.text[match.end():ms[i].start - s.start]) <= 3:
        for c in d.coord_run(ms, i, s.text, s.start):
            if d.cat(c.key) in before:
                d.add(topic, relation, c.key, s, f"role:{relation}",
                      negative=bool(NEGATION.search(_scope(s, s.start, c.start), s.words)))
