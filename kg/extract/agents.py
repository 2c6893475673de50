"""Cells as the agents of spread: where cancer cells travel from or to, the metastasis they form is said to."""
from __future__ import annotations

import re

from ..model import Mention, Sentence
from .document import CANCER_SPREAD_TO, ORIGINS, _Doc, _unparen
from .route_table import route_phrases

AGENT_RELATIONS = frozenset({"originates_from", "spreads_to"})
# what may stand between cells and their verb: a from-phrase of a few words ("from the primary cancer site")
FROM_PHRASE = re.compile(r"^\s*(?:that\s+(?:have\s+|has\s+)?(?:come|came|broken away|broke away|spread)\s+)?from\s+"
                         r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?[\w\- ]{0,40}?\s*(?:can|may|might|will|often|then|)\s*$", re.I)
# what may stand between a spread's site and the verb it is the subject of ("... to the liver can also cause")
CANCER_IN = re.compile(r"^\s+(?:growth\s+|cells\s+)?(?:in|within)\s+(?:the\s+|your\s+)?$", re.I)   # "Cancer in bones"
WITHIN = re.compile(r"^\s+(?:in|of)\s+(?:the\s+|your\s+)?$", re.I)
BEFORE_VERB = re.compile(r"^\s*(?:(?:can|may|might|could|will|would|often|usually|sometimes|also|commonly|frequently|"
                         r"typically|then|does|do)\s+){0,3}$", re.I)


def is_agent(d: _Doc, key: str) -> bool:
    """A broad concept of cells ("cancer cells", "tumor cells"): what they do is said of the disease they make."""
    concept = d.concepts[key]
    return concept.generic and concept.label.lower().endswith(("cell", "cells"))


def agent_before(d: _Doc, s: Sentence, cms: list[Mention], start: int, pos: int) -> list[Mention] | None:
    """Whether cells are the subject of a cue at pos, in its clause ("cancer cells can travel from"), and the
    origins a from-phrase after them names ("cells from the primary site (such as the breast) spread to")."""
    before = [m for m in cms if start <= m.start and m.end <= pos]
    agents = [m for m in before if is_agent(d, m.key)]
    if not agents:
        return None
    agent = agents[-1]
    gap = s.text[agent.end - s.start:pos - s.start]
    origins = [m for m in before if m.start >= agent.end and d.specific(m)]
    if not origins and len(gap.split()) <= 6 and not any(c in gap for c in ",;:"):
        return []
    if origins and FROM_PHRASE.match(_unparen(gap, " ")):
        return [m for m in origins if d.cat(m.key) in ORIGINS]
    return None


def agent_owner(d: _Doc, s: Sentence, objects: list[Mention], relation: str) -> str | None:
    """The spread that cells moving from or to the objects make: a spread pattern the sentence names outside
    the objects ("... forming new tumors called metastases", "Liver metastases happen when cancer cells ..."),
    else the page's topic when it is a spread pattern at the site they reach ("cancer cells ... spread to the
    liver" on a page about liver metastasis), or at any site when the sentence names none."""
    taken = {id(m) for m in objects}
    named = [m for m in d.sent_mentions(s) if id(m) not in taken and d.specific(m)
             and d.cat(m.key) == "SpreadPattern"]
    topic = d.out.subject
    if named:
        key = named[0].key
        if d.umbrella(key) and d.topic_narrows(key) and d.cat(topic) == "SpreadPattern":
            return topic   # "metastases" on a page about bone metastasis
        return key
    if not topic or d.cat(topic) != "SpreadPattern":
        return None
    paths = route_phrases()   # the blood and the lymph are ways, not places
    pool = objects if relation == "spreads_to" else [m for m in d.sent_mentions(s) if id(m) not in taken]
    sites = [m for m in pool if d.cat(m.key) == "AnatomicalSite" and d.specific(m) and m.text.lower() not in paths]
    if not sites and relation == "originates_from":
        return topic
    if sites and all(d.names_site(topic, site) for site in sites):
        return topic
    return None


CANCER = "cancer"   # the lexicon's key for cancer at large


def cells_cancer(d: _Doc) -> str | None:
    """Whose move cells make when no spread owns it: the page's cancer, else cancer at large ("Cancer cells
    may spread to nearby lymph nodes")."""
    topic = d.out.subject
    return topic if topic and d.cat(topic) == "Neoplasm" else CANCER if CANCER in d.concepts else None


def spread_site_subject(d: _Doc, s: Sentence, cms: list[Mention], start: int, pos: int) -> str | None:
    """In "Colon cancer that has spread to the liver may cause ...", what the cue at pos says is said of the
    metastasis at that site (liver metastasis), when the lexicon names one; so of "Cancer (growth) in the bones
    (of the spine) can ..." too."""
    before = [m for m in cms if start <= m.start and m.end <= pos]
    for i, cancer in enumerate(before[:-1]):
        site = before[i + 1]
        if d.cat(cancer.key) != "Neoplasm" or d.cat(site.key) != "AnatomicalSite":
            continue
        gap = s.text[cancer.end - s.start:site.start - s.start]
        rest = s.text[site.end - s.start:pos - s.start]
        if len(before) == i + 3 and d.cat(before[-1].key) == "AnatomicalSite" \
                and WITHIN.match(s.text[site.end - s.start:before[-1].start - s.start]):
            rest = s.text[before[-1].end - s.start:pos - s.start]   # "the bones of the spine": the bones
        elif len(before) != i + 2:
            continue
        if (CANCER_SPREAD_TO.match(gap) or d.umbrella(cancer.key) and CANCER_IN.match(gap)) and BEFORE_VERB.match(rest):
            return d.site_metastasis(site.key)
    return None
