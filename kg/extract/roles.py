"""Copulas whose complement names a role: 'X is the standard treatment for Y', 'X is a rare form of Y'."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence
from .document import _Doc
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
}
NOUNS = {"treatment": "treatments?|therap(?:y|ies)|options?|approach(?:es)?|standard of care|mainstay",
         "test": "tests?|tools?|methods?|modalit(?:y|ies)|techniques?|investigations?|exams?|examinations?",
         "symptom": "symptoms?|signs?|complications?|manifestations?|features?",
         "cause": "causes?",
         "form": "forms?|types?|kinds?|subtypes?|variants?"}
ROLE = re.compile(r"\b(?:is|are|was|were|has been|have been|remains?|becomes?)\s+(?:(?:often|usually|typically|"
                  r"generally|commonly|sometimes|also|still|now|considered)\s+)*(?:(?:one of\s+)?(?:a|an|the)\s+)?"
                  r"(?:[\w\-]+\s+){0,3}?(?:" + "|".join(f"(?P<{k}>{v})" for k, v in NOUNS.items()) + r")"
                  r"\s+(?:for|of|in|to)\s+(?:the\s+|an?\s+)?(?:(?:diagnos\w*|detect\w*|evaluat\w*|assess\w*|find\w*|"
                  r"imaging|treat\w*|manag\w*)\s+(?:of\s+)?(?:the\s+)?)?$", re.I)
ROLE_WORDS = Cue(r"\b(is|are|was|were|been|remains?|becomes?)\b")


def _role_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """A concept, a copula with a role noun, and the concept the role is of or for."""
    for i, a in enumerate(ms[:-1]):
        if not d.specific(a):
            continue
        for b in ms[i + 1:]:
            if not d.specific(b):
                continue
            match = ROLE.search(s.text[a.end - s.start:b.start - s.start])
            if match is None or match.start() > 2:
                continue
            role = next(k for k in NOUNS if match.group(k))
            relation, reverse, before, after = ROLES[role]
            if d.cat(a.key) in before and d.cat(b.key) in after:
                x, y = (b.key, a.key) if reverse else (a.key, b.key)
                negative = bool(NEGATION.search(_scope(s, a.end, b.start), s.words))
                d.add(x, relation, y, s, f"role:{relation}", negative=negative, scope=_scope(s, a.start, b.end))
            break
