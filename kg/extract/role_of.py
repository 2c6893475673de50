"""A role a noun phrase gives a concept in another: 'the role of X in Y', 'the role that X plays in Y'."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence
from .document import DETECTABLE, DETECTORS, _Doc
from .modifiers import NEGATION, _scope

ROLE_WORDS = Cue(r"\broles?\b")
# "the (critical) role of X", "a role for X", "the role (that) X plays": the holder follows
ROLE_HOLDER = re.compile(r"\broles?\s+(?:(?:of|for)\s+(?:the\s+|an?\s+)?|(?:that|which)\s+(?:the\s+|an?\s+)?)$", re.I)
# between the holder and what the role is in: "... in", "... plays in", "... may play in the development of"
ROLE_IN = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:(?:may|might|can|could|does|do)\s+)?(?:(?:plays?|played|has|have|had)\s+)?"
                     r"(?:in|for)\s+(?:the\s+)?(?:(?:development|progression|formation|process|treatment|management|"
                     r"care|palliation|control)\s+of\s+)?(?:(?:patients|people)\s+with\s+)?(?:the\s+|an?\s+)?"
                     r"(?:[a-z\-]+\s+)?$", re.I)
# a test's role: "the role of MRI in the diagnosis of brain metastases", "a role for PET in detecting X"
ROLE_IN_DETECTION = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:(?:may|might|can|could|does|do)\s+)?(?:(?:plays?|played|has|have|had)\s+)?"
                               r"(?:in|for)\s+(?:the\s+)?(?:early\s+)?(?:diagnos(?:is|ing)|detect(?:ion|ing)|identif(?:ication|ying)|"
                               r"evaluat(?:ion|ing)|assess(?:ment|ing)|imaging|staging)\s+(?:of\s+)?(?:the\s+|an?\s+)?"
                               r"(?:[a-z\-]+\s+)?$", re.I)
# (the holder's categories, the categories of what the role is in, the relation, whether the relation's subject
# is what the role is in): a process's role in spread influences it; a therapy's role in a disease treats it
ROLE_RELATIONS = (
    ({"BiologicalProcess", "SpreadPattern", "Neoplasm", "ClinicalFinding", "SpreadRoute"},
     {"SpreadPattern", "BiologicalProcess", "Staging", "ClinicalActivity"}, "influences", False),
    ({"Therapy"}, DETECTABLE, "treated_with", True),
    (DETECTORS, DETECTABLE, "detected_by", True),
)


def role_of_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'The role of angiogenesis in metastasis', 'the role that circulating tumor cells play in metastatic spread',
    'a role for radiosurgery in patients with brain metastases': the holder influences or treats what it is in."""
    for i, m in enumerate(ms):
        if not d.specific(m) or not ROLE_HOLDER.search(s.text[:m.start - s.start]):
            continue
        holders = d.coord_run(ms, i, s.text, s.start)
        k = ms.index(holders[-1]) + 1
        past = next((j for j in range(k, len(ms)) if d.cat(ms[j].key) != "ClinicalActivity"), len(ms))
        if past < len(ms) and ROLE_IN_DETECTION.match(s.text[holders[-1].end - s.start:ms[past].start - s.start]):
            k = past   # "the role of MRI in the diagnosis of X": the diagnosis names what the role is in
        gap = s.text[holders[-1].end - s.start:ms[k].start - s.start] if k < len(ms) else ""
        detection = ROLE_IN_DETECTION.match(gap) is not None
        if k >= len(ms) or not d.specific(ms[k]) or d.depth.get(ms[k], 0) != d.depth.get(m, 0) \
                or not (detection or ROLE_IN.match(gap)):
            continue
        targets = d.coord_run(ms, k, s.text, s.start)
        negative = bool(NEGATION.search(_scope(s, s.start, targets[0].start), s.words))
        for holder in holders:
            for target in targets:
                for before, after, relation, reverse in ROLE_RELATIONS:
                    if d.cat(holder.key) in before and d.cat(target.key) in after \
                            and (relation == "detected_by") == detection:
                        x, y = (target.key, holder.key) if reverse else (holder.key, target.key)
                        d.add(x, relation, y, s, f"role-of:{relation}", negative=negative)
