"""What people with a disease have: 'People with bone metastases may notice pain' says the disease causes it."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..cues import Cue
from ..model import Mention, Sentence
from .document import _Doc
from .modifiers import NEGATION, _scope

PEOPLE_WORDS = Cue(r"\b(people|patients|persons|someone|anyone|those|individuals|men|women|children|adults|you|others)\b")
# "people with X", "patients who have X", "someone who has had X"
PEOPLE_WITH = re.compile(r"\b(?:people|patients|persons|someone|anyone|those|individuals|men|women|children|adults)\s+"
                         r"(?:with|who\s+(?:have|has|had)(?:\s+had)?)\s+(?:an?\s+|the\s+)?$", re.I)
# what they have, after the disease: "... may notice", "... often feel", "... can also have"
THEY_HAVE = re.compile(r"\s+(?:(?:may|might|can|could|will|often|usually|also|sometimes|commonly|frequently|typically|"
                       r"first|then|not|do|does|don't|don’t|never|rarely)\s+){0,3}"
                       r"(?:have|has|notice|notices|feel|feels|get|gets|report|reports|complain\s+of|complains\s+of|"
                       r"show|shows|present\s+with|presents\s+with)\b", re.I)
# a sentence of a symptoms section that opens with the people who have what the section is about: "You may notice"
PEOPLE_OPEN = re.compile(r"^\W*(?:you|(?:some|many|most|other)\s+(?:people|patients)|people|patients|others)\s*$", re.I)
SYMPTOMS_HEADING = re.compile(r"\b(?:signs?|symptoms?)\b", re.I)
HAVERS = frozenset({"SpreadPattern", "Neoplasm", "ClinicalFinding", "Therapy", "Procedure"})

ObjectsAfter = Callable[[_Doc, Sentence, list[Mention], int, int], list[Mention]]


def people_with_rule(d: _Doc, s: Sentence, ms: list[Mention], objects_after: ObjectsAfter) -> None:
    """'People with X may notice A and B', 'Patients who have X often have A': X causes A and B (the findings
    objects_after reads after the verb); in a symptoms section, 'You may notice A' says it of the section's subject."""
    _section_rule(d, s, ms, objects_after)
    for i, m in enumerate(ms):
        if d.cat(m.key) not in HAVERS or not d.specific(m) \
                or not PEOPLE_WITH.search(s.text, 0, m.start - s.start):
            continue
        run_end = m
        for x in ms[i + 1:]:   # "people with breast or prostate cancer": the last of the disease's words
            if re.fullmatch(r"\s*(?:,|and|or|,\s*or|,\s*and)\s*", s.text[run_end.end - s.start:x.start - s.start]) \
                    and d.cat(x.key) in HAVERS:
                run_end = x
            else:
                break
        verb = THEY_HAVE.match(s.text, run_end.end - s.start)
        if verb is None:
            continue
        subjects = [x for x in ms[i:ms.index(run_end) + 1] if d.cat(x.key) in HAVERS and d.specific(x)]
        objects = objects_after(d, s, ms, s.start + verb.end(), s.end)
        negative = bool(NEGATION.search(_scope(s, run_end.end, s.start + verb.end()), s.words))
        for a in subjects:
            for o in objects:
                if d.cat(o.key) == "ClinicalFinding" and o.key != a.key:
                    d.add(a.key, "causes", o.key, s, "people:causes", negative=negative)


def _section_rule(d: _Doc, s: Sentence, ms: list[Mention], objects_after: ObjectsAfter) -> None:
    """'You may notice A', 'Some people have A' in a section on the symptoms of X (or on symptoms, on X's page)."""
    verb = THEY_HAVE.search(s.text)
    if verb is None or not PEOPLE_OPEN.match(s.text[:verb.start()]) or s.block.kind == "heading":
        return
    subject = _symptoms_subject(d, s)
    if subject is None:
        return
    negative = bool(NEGATION.search(s.text[:verb.end()], s.words))
    for o in objects_after(d, s, ms, s.start + verb.end(), s.end):
        if d.cat(o.key) == "ClinicalFinding" and o.key != subject:
            d.add(subject, "causes", o.key, s, "people:causes", negative=negative)


def _symptoms_subject(d: _Doc, s: Sentence) -> str | None:
    """What the symptoms section a sentence is in is about: the disease its heading names, else the page's topic."""
    section = s.block.section
    while section is not None and not (section.heading and SYMPTOMS_HEADING.search(section.heading)):
        section = section.parent
    if section is None:
        return None
    named = [m.key for m in d.text_mentions(section.heading) if d.cat(m.key) in HAVERS - {"ClinicalFinding"}]
    topic = d.out.subject
    return named[0] if named else topic if topic and d.cat(topic) in ("SpreadPattern", "Neoplasm") else None
