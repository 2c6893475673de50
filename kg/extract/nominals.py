"""Relations a noun phrase states: 'metastases from X', 'the spread of X to Y', 'detection of X by T'."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence
from .document import DETECTABLE, DETECTORS, ORIGINS, _Doc
from .modifiers import NEGATION, _scope
from .coordination import SITE_PARTS
from .implied import spread_site

SPREAD_FROM = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:cells\s+)?(?:that\s+(?:have\s+|has\s+|had\s+)?(?:come|came|spread|originated|arisen|"
                         r"arose)\s+)?from\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:primary\s+|original\s+)?$", re.I)
SPREAD_OF = re.compile(r"\b(?:spread|metastasis|dissemination)\s+of\s+(?:the\s+)?$", re.I)
TO_SITE = re.compile(r"^\s*(?:cells\s+)?(?:to|into)\s+(?:the\s+|other\s+|distant\s+|nearby\s+)?"
                     r"(?:" + SITE_PARTS + r"\s+of\s+(?:the\s+)?)?$", re.I)   # "to the lining of the abdomen"
DETECTION_OF = re.compile(r"\b(?:detection|diagnosis|identification|evaluation|assessment|confirmation)\s+of\s+"
                          r"(?:the\s+)?(?:\w+\s+)?$", re.I)
BY_TEST = re.compile(r"^\s*(?:is\s+|are\s+|was\s+|can be\s+|may be\s+)?(?:\w+ly\s+)?(?:made\s+|done\s+|performed\s+|"
                     r"possible\s+|achieved\s+)?(?:by|with|using|on|through|via)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
WITH_SPREAD = re.compile(r"^\s+with\s+(?:(?:an?|the|isolated|multiple|single|solitary|unilateral|bilateral|synchronous|"
                         r"metachronous|extensive|widespread|known)\s+){0,3}$", re.I)
# "radiosurgery for brain metastases", "ablation for the treatment of liver metastases": a therapy named for what it
# treats (right after it, but for a word that describes the disease: "for painful bone metastases")
FOR_DISEASE = re.compile(r"^\s*(?:\([^()]*\)\s*)?for\s+(?:the\s+)?(?:(?:treatment|management|palliation|control)\s+of\s+)?"
                         r"(?:(?:patients|people)\s+with\s+)?(?:(?:an?|the|many|most|some|all|several|certain)\s+)?"
                         r"(?:(?:types?|kinds?|forms?)\s+of\s+)?(?:[a-z\-]+\s+)?$", re.I)
# "resection of isolated lung metastases", "ablation of liver tumours": a therapy named with what it removes or treats
OF_DISEASE = re.compile(r"^\s*(?:\([^()]*\)\s*)?of\s+(?:the\s+|an?\s+|all\s+)?(?:(?:isolated|single|solitary|multiple|"
                        r"limited|few|oligo|residual|recurrent|painful|symptomatic|primary|metastatic)\s+)?$", re.I)
# the therapies named with what they act on (the last word of the therapy's name): "observation of cells" is none
ACTS_ON = frozenset({"resection", "resections", "excision", "excisions", "removal", "ablation", "ablations",
                     "irradiation", "embolization", "embolisation", "radiotherapy", "radiosurgery", "surgery",
                     "metastasectomy", "debulking", "cryoablation", "electroporation"})
# "treatment of liver metastases with ablation": what the therapy after "with" treats is the disease after "of"
TREATMENT_OF = re.compile(r"\b(?:treatment|treating|management|managing|palliation|control)\s+of\s+(?:the\s+)?"
                          r"(?:(?:patients|people)\s+with\s+)?(?:[a-z\-]+\s+)?$", re.I)
WITH_THERAPY = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:with|using|by)\s+(?:the\s+|an?\s+)?(?:use\s+of\s+(?:the\s+|an?\s+)?)?$",
                          re.I)
GENERIC_HEADS = frozenset({"treatment", "treatments", "therapy", "therapies"})   # "accepted treatment" names no therapy
EXAMPLES_AFTER = re.compile(r"^\s*\(\s*(?:including|such as|e\.g\.,?|for example,?|like)\s+(?:the\s+)?$", re.I)
# a stage and "metastatic" both said of one cancer: "stage IV (advanced or metastatic) melanoma", "metastatic stage 4 X"
METASTATIC_STAGE = re.compile(r"^\s*\((?:[a-z]+\s+(?:or|and)\s+)?metastatic\)\s*$", re.I)
METASTATIC_BEFORE = re.compile(r"\bmetastatic[\s,]+(?:or\s+)?$", re.I)
NOMINAL_WORDS = Cue(r"\b(from|with|for|spread|metastasis|dissemination|detection|diagnosis|identification|evaluation|"
                    r"assessment|confirmation|metastatic|of)\b")
SPREADING = frozenset({"SpreadPattern", "Neoplasm"})
# "breast cancer bone metastases", "melanoma metastases to the brain": a cancer named right before the site
# metastasis it gives (not "cancer, liver metastasis", nor "of"/"from" a cancer named before it)
ROUTE_OF = re.compile(r"^\s+of\s+(?:the\s+|an?\s+)?$", re.I)
NAMES_METASTASIS = re.compile(r"^(?:'s|’s)?\s+$")


DEFINED_AS = re.compile(r"^\s*(?:is|are|refers?\s+to|means?|describes?)\s+(?:the|a|an)\s+(?:[a-z]+\s+)?$", re.I)


def _defined_by(d: _Doc, s: Sentence, ms: list[Mention], i: int) -> str | None:
    """The spread a sentence defines by the spread noun phrase ms[i] ("Lymph node metastasis is the spread of
    cancer cells from ...": what the phrase says, it says of lymph node metastasis), or None."""
    if i == 0 or ms[0].start < s.block.body_start or d.cat(ms[0].key) != "SpreadPattern":
        return None
    lead = ms[i - 1]
    if lead is not ms[0] or not DEFINED_AS.match(s.text[lead.end - s.start:ms[i].start - s.start]):
        return None
    return lead.key


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
            owner = _defined_by(d, s, ms, i) or a.key
            for o in run:
                if d.cat(o.key) in ORIGINS:
                    d.add(owner, "originates_from", o.key, s, "nominal:originates_from", negative=negative)
        elif d.cat(a.key) in SPREADING and SPREAD_OF.search(before) and TO_SITE.match(gap):   # "the spread of X to Y"
            for o in run:
                if d.cat(o.key) == "AnatomicalSite":
                    d.add(a.key, "spreads_to", o.key, s, "nominal:spreads_to", negative=negative)
        elif d.cat(a.key) == "SpreadPattern" and TO_SITE.match(gap) and (owner := _defined_by(d, s, ms, i)):
            for o in run:   # "Peritoneal carcinomatosis is the spread of cancer to the lining of the abdomen"
                if d.cat(o.key) == "AnatomicalSite":
                    d.add(owner, "spreads_to", o.key, s, "nominal:spreads_to", negative=negative)
        elif d.cat(a.key) == "SpreadRoute" and d.cat(b.key) in SPREADING and ROUTE_OF.match(gap):
            d.add(b.key, "spreads_via", a.key, s, "nominal:spreads_via", negative=negative)   # "lymphatic spread of X"
        elif d.cat(a.key) == "Neoplasm" and d.cat(b.key) == "SpreadPattern" and NAMES_METASTASIS.match(gap) \
                and spread_site(d, b.key) is not None and d.depth.get(a, 0) == d.depth.get(b, 0):
            d.add(b.key, "originates_from", a.key, s, "nominal:originates_from", negative=negative)
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
        elif d.cat(a.key) in DETECTABLE and TREATMENT_OF.search(before) and WITH_THERAPY.match(gap):
            for o in run:   # "treatment of X with A or B"
                if d.cat(o.key) == "Therapy":
                    d.add(a.key, "treated_with", o.key, s, "nominal:treated_with", negative=negative)
        elif d.cat(a.key) == "Therapy" and d.cat(b.key) in DETECTABLE and FOR_DISEASE.match(gap) \
                and d.depth.get(a, 0) == d.depth.get(b, 0):
            _therapy_for(d, s, ms, i, run, negative)
        elif d.cat(a.key) == "Therapy" and d.cat(b.key) in DETECTABLE and OF_DISEASE.match(gap) \
                and d.depth.get(a, 0) == d.depth.get(b, 0) and a.text.lower().split()[-1] in ACTS_ON:
            run = [m for m in run if not _names_next(s, ms, m)]   # "resection of sarcoma lung metastases"
            _therapy_for(d, s, ms, i, run, negative, "nominal:therapy-of")


def _names_next(s: Sentence, ms: list[Mention], m: Mention) -> bool:
    """Whether another concept's name follows the mention at once ("melanoma brain metastases"): it describes it."""
    return any(n.start - m.end == 1 and s.text[m.end - s.start] in " -" for n in ms)


def _therapy_for(d: _Doc, s: Sentence, ms: list[Mention], i: int, run: list[Mention], negative: bool,
                 rule: str = "nominal:treated_with") -> None:
    """'Microwave or radiofrequency ablation for liver metastases', 'Surgery for many cancers (including A, B)':
    each disease named (and each example it opens) is treated with each therapy coordinated before 'for'."""
    diseases = list(run)
    last = ms.index(run[-1]) if run else i + 1
    if last + 1 < len(ms) and EXAMPLES_AFTER.match(s.text[ms[last].end - s.start:ms[last + 1].start - s.start]):
        diseases += d.coord_run(ms, last + 1, s.text, s.start)
    for a in d.coord_run(ms, i, s.text, s.start, forward=False):
        words = d.concepts[a.key].label.lower().split()
        if d.concepts[a.key].discovered and len(words) == 2 and words[-1] in GENERIC_HEADS:
            continue   # a discovered "first line therapy", "invasive treatments": a description, not a therapy
        for o in diseases:
            if d.cat(a.key) == "Therapy" and d.cat(o.key) in DETECTABLE:
                d.add(o.key, "treated_with", a.key, s, rule, negative=negative)
