"""Mention spans: those naming no concept of their own ("non-", a light noun), and those named together ("pain in the bones")."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Mention, Sentence
from ..phrases import load_heads, noun_only
from .finding_words import FINDING_VERBS, FINDING_WORDS, SAID_OF_SITE, singular

HEADED = frozenset({"DetectionMethod", "Procedure", "Therapy"})   # names a class word may head ("CT scan")


def without_heads(cat: Callable[[str], str], text: str, offset: int, found: list[Mention]) -> list[Mention]:
    """The mentions without a one-word class word right after a method's or a therapy's name ("PET-MRI scans",
    "CT scan"): the word ends that name, it is not a second concept."""
    heads = load_heads()
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and m.start == prev.end + 1 and text[prev.end - offset] == " " and " " not in m.text \
                and heads.class_word(m.text) and cat(prev.key) in HEADED:
            continue
        out.append(m)
    return out


def modifies_next(s: Sentence, m: Mention) -> bool:
    """Whether a concept only describes the noun after it ("bone destruction", "lymph node micrometastases")."""
    nxt = re.match(r"[ -]([A-Za-z]+)", s.text[m.end - s.start:])
    if nxt is None:
        return False
    return noun_only(nxt.group(1))


NEGATED_PREFIX = re.compile(r"\b(?:non|anti)-$", re.I)   # "non-cancer", "anti-nausea": not the concept
# nouns that a concept's name only describes ("the cancer type", "cancer patients"): not the concept itself
LIGHT_NOUN = re.compile(r"^[ -](?:types?|patients?|survivors?|research|cent(?:er|re)s?|subtypes?|teams?|staff|"
                        r"departments?|specialists?|clinicians?|providers?|services?|societ(?:y|ies)|"
                        r"relief|control|palliation|reduction|scores?|scales?)\b", re.I)   # "pain relief" is no pain


# a marker's status names a subtype, not the marker ("Hormone receptor (HR) positive", "HER2-negative"), nor
# does its abbreviation ("(HR) positive")
STATUS = re.compile(r"^\)?(?:\s*\([^()]{1,12}\))?[ -](?:positive|negative|status|expression|overexpression|amplification)\b", re.I)


# "Stage 4A", "stage IIIB": a stage the lexicon does not name, not staging
STAGE_NUMBER = r"(?:[0-4]|I{1,3}|IV)[A-Ca-c]?"   # "4", "IIIB": a stage's value
STAGE_VALUE = re.compile(r"^\s+" + STAGE_NUMBER + r"\d?\b")


# a name that is a clause ("cancer has spread") names its concept after "whether", "if", "when"; as a
# sentence's own clause ("The cancer has spread to the liver") its verb says what it does
# (after a dash or colon the clause describes a term: "Stage 4 - the cancer has spread" names the spread)
CLAUSE_NAME = re.compile(r"^(?!.*\b(?:that|which)\b).*\b(?:has|have|had)\s+spread$", re.I)
OWN_CLAUSE = re.compile(r"(?:^|[.;]\s*|(?<![\-\u2013\u2014:]\s)\b(?:the|your|his|her|their|this|and|but)\s+)$", re.I)
SUBORDINATE = re.compile(r"\b(?:whether|if|when|once|that|after|before|until|unless|where)\s+(?:\w+\s+)?$", re.I)


def plain_mentions(text: str, found: list[Mention], offset: int = 0) -> list[Mention]:
    """The mentions that name their concept: not after 'non-' or 'anti-', not describing a light noun, not the
    word 'stage' of a stage value the lexicon lacks, not a clause of the sentence's own."""
    found = [m for m in found if not (" spread" in m.text and CLAUSE_NAME.search(m.text)
                                      and OWN_CLAUSE.search(text[max(0, m.start - offset - 8):m.start - offset])
                                      and not SUBORDINATE.search(text[max(0, m.start - offset - 20):m.start - offset]))]
    # (each regex runs only where the character it needs stands: a hyphen before, a space or hyphen after)
    return [m for m in found if not ("-" in text[max(0, m.start - offset - 5):m.start - offset]
                                     and NEGATED_PREFIX.search(text[max(0, m.start - offset - 5):m.start - offset]))
            and not (text[m.end - offset:m.end - offset + 1] in (" ", "-", ")")
                     and (LIGHT_NOUN.match(text[m.end - offset:m.end - offset + 14])
                          or STATUS.match(text[m.end - offset:m.end - offset + 30])
                          or (m.text.lower() == "stage" and STAGE_VALUE.match(text[m.end - offset:m.end - offset + 8]))))]


BROAD_NEOPLASMS = frozenset({"cancer", "carcinoma", "tumor", "neoplasm", "malignancy", "malignant neoplasm", "sarcoma",
                             "adenocarcinoma"})
OF_THE = re.compile(r"^\s+of\s+(?:the\s+)?$", re.I)
LIST_GAP = re.compile(r"^\s*,\s*$|^\s*,?\s*(?:and|or)\s+$", re.I)


def site_cancers(d, s: Sentence, found: list[Mention]) -> list[Mention]:
    """A broad cancer of coordinated sites is the cancer of each ("Cancers of the breast, prostate and lung":
    breast cancer, prostate cancer, lung cancer), when the lexicon names it; d is the document (_Doc)."""
    def head_of(m: Mention, gap: str) -> tuple[str, bool] | None:
        head = _broad_head(d, m)
        broad = head is not None and head == d.concepts[m.key].label.lower()   # else "Cancers of the breast"
        return (head, broad) if head is not None and (OF_THE if broad else LIST_GAP).match(gap) else None

    def name_of(x: Mention, head: str) -> str | None:
        return d.cancer_named(x.text, head) or d.cancer_named(d.concepts[x.key].label, head) or d.cancer_named(x.text)
    # a site the lexicon names no cancer of is part of a name it lacks: no site of the sentence
    return _each_site(d, s, found, head_of, name_of, keep_unnamed=False)


def _each_site(d, s: Sentence, found: list[Mention], head_of, name_of, keep_unnamed: bool) -> list[Mention]:
    """A head mention and the coordinated sites after it, read as what name_of(site, head) gives for each.
    head_of(mention, gap to the first site) gives the head word and whether the mention and the first site
    are one name ("cancer of the breast", "pain in the bones"), or None; a site name_of names nothing for is
    kept as a site (keep_unnamed) or dropped, and the first must be named when it is kept."""
    out, i = [], 0
    while i < len(found):
        m = found[i]
        gap = s.text[m.end - s.start:found[i + 1].start - s.start] if i + 1 < len(found) else ""
        found_head = head_of(m, gap) if gap and d.cat(found[i + 1].key) == "AnatomicalSite" else None
        sites = [x for x in d.coord_run(found, i + 1, s.text, s.start) if d.cat(x.key) == "AnatomicalSite"] \
            if found_head is not None else []
        named = [name_of(x, found_head[0]) for x in sites]
        if not any(named) or (keep_unnamed and not named[0]):
            out.append(m)
            i += 1
            continue
        last = found.index(sites[-1])
        if found_head[1]:   # the head and its first site are one mention
            out.append(Mention(named[0] or m.key, m.start, sites[0].end, s.text[m.start - s.start:sites[0].end - s.start]))
            named, sites = named[1:], sites[1:]
        else:
            out.append(m)
        out.extend(Mention(key or x.key, x.start, x.end, x.text) for key, x in zip(named, sites) if key or keep_unnamed)
        i = last + 1
    return out


HEAD_OF = re.compile(r"^(\w+?)(?:e?s)?\s+of\s+(?:the\s+)?\w", re.I)


def _broad_head(d, m: Mention) -> str | None:
    """The broad cancer word a neoplasm mention is or opens with ("Carcinomas", "Cancers of the breast")."""
    if d.cat(m.key) != "Neoplasm":
        return None
    label = d.concepts[m.key].label.lower()
    if label in BROAD_NEOPLASMS:
        return label
    opening = HEAD_OF.match(m.text)
    word = opening.group(1).lower() if opening else None
    return word if word in BROAD_NEOPLASMS else None


IN_THE = re.compile(r"^\s+in\s+(?:the\s+|your\s+|his\s+|her\s+|their\s+)?$", re.I)


def site_findings(d, s: Sentence, found: list[Mention]) -> list[Mention]:
    """A finding in coordinated sites is the finding of each the lexicon names ("pain in the back or neck": back
    pain, neck pain); a site it names none of stays a site; d is the document (_Doc)."""
    def head_of(m: Mention, gap: str) -> tuple[str, bool] | None:
        one_word = d.cat(m.key) == "ClinicalFinding" and " " not in m.text.strip()
        return (m.text.lower(), True) if one_word and IN_THE.match(gap) else None

    def name_of(x: Mention, word: str) -> str | None:
        return d.named(f"{x.text} {word}", "ClinicalFinding") or d.named(f"{d.concepts[x.key].label} {word}",
                                                                         "ClinicalFinding")
    return _each_site(d, s, found, head_of, name_of, keep_unnamed=True)


# "spread to S" as a noun: after a clause's start, an article, a describing word or a preposition, not a subject
NOUN_SPREAD_TO = re.compile(r"(?:^|[,;:(]\s*|\b(?:the|a|an|any|further|no|its|their|of|with|without|prevent|preventing|"
                            r"locali[sz]ed|local|regional|distant|lymphatic|nodal|early|direct)\s+)spread\s+(?:in)?to\s+"
                            r"(?:the\s+|nearby\s+)?$", re.I)
# "Many cancers, including breast and lung cancer, spread to ...": the comma closes examples set into a short
# subject, and "spread" is its verb
SUBJECT_EXAMPLES_CLOSED = re.compile(r"^\W*(?!(?:\S+\s+){0,3}?(?:is|are|was|were|has|have|had|can|may|will|involves?|"
                                     r"includes?|do|does)\b)(?:[\w-]+\s+){0,3}[\w-]+,\s*(?:including|such as|like|e\.g\.,?|"
                                     r"for example,?|especially|particularly)\s[^;:()]*,\s*$", re.I)


def noun_spreads(d, s: Sentence, found: list[Mention]) -> list[Mention]:
    """'Localized spread to regional lymph nodes', 'the spread to the liver': the spread at that site, when the
    lexicon names it; d is the document (_Doc)."""
    out = []
    for x in found:
        before = s.text[max(0, x.start - s.start - 60):x.start - s.start]
        start = x.start - len(before) + before.lower().rfind("spread")   # where the word "spread" stands
        spread = d.cat(x.key) == "AnatomicalSite" and "spread" in before and NOUN_SPREAD_TO.search(before) \
            and not SUBJECT_EXAMPLES_CLOSED.match(s.text[:start - s.start])
        whole = (d.site_metastasis(x.key) or _broader_site_spread(d, x.key)) if spread else None
        if whole is None:
            out.append(x)
            continue
        out.append(Mention(whole, start, x.end, s.text[start - s.start:x.end - s.start]))
    return out


def _broader_site_spread(d, key: str) -> str | None:
    """The spread at the broader site a describing word narrows ("regional lymph node": lymph node metastasis)."""
    words = d.concepts[key].label.split()
    return d.spread_at(" ".join(words[1:])) if len(words) > 1 else None


def verb_findings(d, s: Sentence, found: list[Mention]) -> list[Mention]:
    """A site and what it does or becomes name the finding the lexicon has for them ("the lymph nodes can swell":
    swollen lymph nodes, "cause the bones to break": fracture); d is the document (_Doc)."""
    out = []
    for x in found:
        said = SAID_OF_SITE.match(s.text, x.end - s.start) if d.cat(x.key) == "AnatomicalSite" else None
        word = said.group("word").lower() if said else ""
        if word not in FINDING_WORDS or not (said.group("become") or word in FINDING_VERBS):
            out.append(x)
            continue
        site = singular(d.concepts[x.key].label.lower())
        key = next((k for form in FINDING_WORDS[word] for k in [d.named(form.format(site), "ClinicalFinding")] if k), None)
        end = s.start + said.end()
        out.append(Mention(key, x.start, end, s.text[x.start - s.start:end - s.start]) if key else x)
    return out
