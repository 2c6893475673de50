"""A finding named by a word and a site: 'X can make the bones weak' (bone weakness), 'X can press on the spinal cord'."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence
from .agents import spread_site_subject
from .document import _Doc
from .finding_words import FINDING_WORDS, singular
from .pressed import pressed_findings
from .mentions import _discover_concept
from .modifiers import NEGATION, _scope
from .subjects import NOT_HERE, _subject_before, _subject_keys

MADE_WORDS = Cue(r"\b(make|makes|made)\b")
# "can make the bones weak and fragile", "may make them swollen or painful"
MADE = re.compile(r"\b(?:make|makes|made)\s+(?:(?P<pointer>them|it)\s+|(?:the\s+|your\s+|their\s+|his\s+|her\s+)?)", re.I)
WORD_RUN = re.compile(r"^\s*(?P<words>[a-z]+(?:\s*(?:,\s*and|,\s*or|,|and|or)\s*[a-z]+)*)", re.I)
# "..., or make bone denser, a condition called sclerosis": the name given to the finding
CALLED_AFTER = re.compile(r"^\s*,\s*(?:a\s+condition\s+|which\s+is\s+)?(?:called|known\s+as|termed)\s+"
                          r"(?P<term>[A-Za-z][A-Za-z\- ]{2,40}?)\s*(?=[.,;:()]|$)", re.I)
# "... can make the bone weak, ..., or it can make the bones harder": the second "it" is the first's subject
SAME_SUBJECT = re.compile(r"\b(?:or|and|but)\s+(?:it|they)\s+(?:\w+\s+){0,2}$", re.I)
NOT_A_STATE = re.compile(r"^\s+(?:to|for|enough)\b", re.I)   # "can make the bone hard to treat" names no finding
CAUSERS = frozenset({"SpreadPattern", "Neoplasm", "ClinicalFinding", "Therapy", "Procedure", "BiologicalProcess",
                     "DiscoveredConcept"})


def made_finding_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Bone metastases can make the bones weak': the cue's subject causes the finding each describing word
    names at the site (bone weakness); 'make them weak' names the site said last before it."""
    subj, said = None, s.start
    for match in MADE.finditer(s.text):
        cue_start, after = s.start + match.start(), s.start + match.end()
        if match.group("pointer"):
            site, words_at = _site_before(d, ms, cue_start), after
        else:
            site = next((m for m in ms if m.start == after and d.cat(m.key) == "AnatomicalSite"), None)
            words_at = site.end if site is not None else after
        said_of = next((m for m in ms if m.start == after and d.cat(m.key) == "ClinicalFinding"
                        and m.text.split()[-1].lower() in FINDING_WORDS), None)   # "make bones hurt": bone pain
        run = WORD_RUN.match(s.text[words_at - s.start:]) if site is not None else None
        if run is None and said_of is None:
            continue
        at = words_at + run.start("words") if run else 0
        words = [(w.group().lower(), at + w.end()) for w in re.finditer(r"[a-z]+", run.group("words"), re.I)
                 if w.group().lower() not in ("and", "or")] if run else []
        findings = [said_of.key] if said_of is not None else _findings(d, s, site, words)
        if not findings:
            continue
        if not (subj and SAME_SUBJECT.search(s.text[said - s.start:cue_start - s.start])):
            subj = spread_site_subject(d, s, ms, s.start, cue_start) or _subject_before(d, s, ms, cue_start, s.start)
        said = after
        if not subj or subj is NOT_HERE:
            continue
        negative = bool(NEGATION.search(_scope(s, s.start, cue_start), s.words))
        for a in _subject_keys(subj):
            if d.cat(a) in CAUSERS and (site is None or a != site.key):
                for f in findings:
                    d.add(a, "causes", f, s, "made:causes", negative=negative)


def pressed_finding_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'A spinal tumour may press on the spinal cord', 'the growth can block the bile duct': the verb's
    subject causes the finding the lexicon names for the pressed site (spinal cord compression)."""
    for verb, site, finding in pressed_findings(d, s, s.start, s.end):
        if finding is None:
            continue
        subj = spread_site_subject(d, s, ms, s.start, verb) or _subject_before(d, s, ms, verb, s.start)
        if not subj or subj is NOT_HERE:
            continue
        negative = bool(NEGATION.search(_scope(s, s.start, verb), s.words))
        for a in _subject_keys(subj):
            if d.cat(a) in CAUSERS and a != finding:
                d.add(a, "causes", finding, s, "pressed:causes", negative=negative)


def _site_before(d: _Doc, ms: list[Mention], pos: int) -> Mention | None:
    """The site "them" or "it" points back to: the last one named before pos, in a spread's name too
    ("a tumour that spreads to the bones may make them brittle")."""
    for m in reversed([m for m in ms if m.end <= pos]):
        if d.cat(m.key) == "AnatomicalSite":
            return m
        inner = [x for x in d.text_mentions(m.text) if d.cat(x.key) == "AnatomicalSite"] \
            if d.cat(m.key) == "SpreadPattern" else []
        if inner:
            return inner[-1]
    return None


def _findings(d: _Doc, s: Sentence, site: Mention, words: list[tuple[str, int]]) -> list[str]:
    """The findings the describing words (each with where it ends) name at the site (the lexicon's, else
    discovered), up to the first that names none; a name given after them stands for the last ("..., a
    condition called sclerosis")."""
    forms, end = [], 0
    for word, word_end in words:
        if word not in FINDING_WORDS:
            break
        forms.append(FINDING_WORDS[word])
        end = word_end
    if not forms or NOT_A_STATE.match(s.text[end - s.start:]):
        return []
    called = CALLED_AFTER.match(s.text[end - s.start:])
    label = singular(d.concepts[site.key].label.lower())
    terms = [[f.format(label) for f in names] for names in forms]
    if called:
        terms[-1] = [called.group("term")]
    keys = []
    for names in terms:
        key = next((k for term in names for k in [d.named(term, "ClinicalFinding")] if k), None) \
            or _discover_concept(d, names[0], s, "made finding", "ClinicalFinding")
        if key is not None and d.cat(key) == "ClinicalFinding":
            keys.append(key)
    return keys
