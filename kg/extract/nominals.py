"""Relations a noun phrase states: 'metastases from X', 'the spread of X to Y', 'detection of X by T'."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence
from .document import DETECTABLE, DETECTORS, ORIGINS, _Doc
from .modifiers import NEGATION, _scope

SPREAD_FROM = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:cells\s+)?(?:that\s+(?:have\s+|has\s+|had\s+)?(?:come|came|spread|originated|arisen|"
                         r"arose)\s+)?from\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:primary\s+|original\s+)?$", re.I)
SPREAD_OF = re.compile(r"\b(?:spread|metastasis|dissemination)\s+of\s+(?:the\s+)?$", re.I)
TO_SITE = re.compile(r"^\s*(?:cells\s+)?(?:to|into)\s+(?:the\s+|other\s+|distant\s+|nearby\s+)?$", re.I)
DETECTION_OF = re.compile(r"\b(?:detection|diagnosis|identification|evaluation|assessment|confirmation)\s+of\s+"
                          r"(?:the\s+)?(?:\w+\s+)?$", re.I)
BY_TEST = re.compile(r"^\s*(?:is\s+|are\s+|was\s+|can be\s+|may be\s+)?(?:\w+ly\s+)?(?:made\s+|done\s+|performed\s+|"
                     r"possible\s+|achieved\s+)?(?:by|with|using|on|through|via)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
WITH_SPREAD = re.compile(r"^\s+with\s+(?:(?:an?|the|isolated|multiple|single|solitary|unilateral|bilateral|synchronous|"
                         r"metachronous|extensive|widespread|known)\s+){0,3}$", re.I)
# a stage and "metastatic" both said of one cancer: "stage IV (advanced or metastatic) melanoma", "metastatic stage 4 X"
METASTATIC_STAGE = re.compile(r"^\s*\((?:[a-z]+\s+(?:or|and)\s+)?metastatic\)\s*$", re.I)
METASTATIC_BEFORE = re.compile(r"\bmetastatic[\s,]+(?:or\s+)?$", re.I)
NOMINAL_WORDS = Cue(r"\b(from|with|spread|metastasis|dissemination|detection|diagnosis|identification|evaluation|"
                    r"assessment|confirmation|metastatic)\b")
SPREADING = frozenset({"SpreadPattern", "Neoplasm"})


def _nominal_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """Pairs of concepts that a noun phrase relates, by the words between (and before) them."""
    for i, a in enumerate(ms[:-1]):
        b = ms[i + 1]
        if not (d.specific(a) and d.specific(b)):
            continue
        gap = s.text[a.end - s.start:b.start - s.start]
        before = s.text[max(0, a.start - s.start - 40):a.start - s.start]
        run = d.coord_run(ms, i + 1, s.text, s.start)
        negative = bool(NEGATION.search(_scope(s, s.start, b.start), s.words))
        if d.cat(a.key) == "SpreadPattern" and SPREAD_FROM.match(gap):   # "adrenal metastases from lung cancer"
            for o in run:
                if d.cat(o.key) in ORIGINS:
                    d.add(a.key, "originates_from", o.key, s, "nominal:originates_from", negative=negative)
        elif d.cat(a.key) in SPREADING and SPREAD_OF.search(before) and TO_SITE.match(gap):   # "the spread of X to Y"
            for o in run:
                if d.cat(o.key) == "AnatomicalSite":
                    d.add(a.key, "spreads_to", o.key, s, "nominal:spreads_to", negative=negative)
        elif d.cat(a.key) == "Neoplasm" and d.cat(b.key) == "SpreadPattern" and WITH_SPREAD.match(gap):
            sites = [m for m in d.text_mentions(b.text.rsplit(" ", 1)[0]) if d.cat(m.key) == "AnatomicalSite"] \
                if " " in b.text else []
            if sites:   # "lung adenocarcinoma with isolated adrenal metastases": where it has spread
                d.add(a.key, "spreads_to", sites[0].key, s, "nominal:spreads_to", negative=negative)
        elif d.cat(a.key) == "Staging" and d.cat(b.key) == "Neoplasm" and (METASTATIC_STAGE.match(gap) or (
                gap == " " and METASTATIC_BEFORE.search(before))):   # "stage IV (metastatic) melanoma"
            spread = d.named(f"metastatic {d.concepts[b.key].label.lower()}", "SpreadPattern")
            if spread is not None:
                d.add(spread, "associated_with", a.key, s, "nominal:associated_with", negative=negative)
        elif d.cat(a.key) in DETECTABLE and DETECTION_OF.search(before) and BY_TEST.match(gap):   # "detection of X by T"
            for o in run:
                if d.cat(o.key) in DETECTORS:
                    d.add(a.key, "detected_by", o.key, s, "nominal:detected_by", negative=negative)
