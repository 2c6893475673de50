"""Relations that a stated one implies by the conventions of the field: a cancer that causes liver metastases spreads to the liver."""
from __future__ import annotations

import re

from .document import ROLES, UMBRELLA_OR_TO_SITE, _Doc

_SITE_SPREAD = re.compile(r"^(.+?)\s+metastas[ie]s$")


def spread_site(d: _Doc, key: str) -> str | None:
    """The site a spread concept is the spread to ("Liver metastasis" gives liver), or None."""
    if d.cat(key) != "SpreadPattern":
        return None
    for name in d.names(key):
        m = _SITE_SPREAD.match(name)
        site = m and d.named(m.group(1), "AnatomicalSite")
        if site:
            return site
    return None


# "secondary tumours (metastases) in their liver": where a broad spread stands
AT_SITE = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:in|to|into|within)\s+(?:the\s+|their\s+|his\s+|her\s+|your\s+)?$", re.I)


def implied_spreads(d: _Doc) -> None:
    """'Pulmonary metastases are common in patients with osteosarcoma', 'colorectal cancer causes liver
    metastases': the cancer spreads to the site of the metastasis it causes; 'patients with colorectal cancer
    develop secondary tumours in the liver': to the site of the broad spread it causes, which is all it says."""
    for f in list(d.found):
        if f.relation != "causes" or f.negative or d.cat(f.subject) != "Neoplasm":
            continue
        site = spread_site(d, f.object)
        if site is not None:
            d.add(f.subject, "spreads_to", site, f.sentence, "implied:spreads_to", hedged=f.hedged)
            continue
        sites = _sites_after(d, f.sentence, f.object) if d.cat(f.object) == "SpreadPattern" else []
        if sites:
            d.found.remove(f)
            for x in sites:
                d.add(f.subject, "spreads_to", x.key, f.sentence, "implied:spreads_to", hedged=f.hedged)


def _sites_after(d: _Doc, s, key: str) -> list:
    """The sites a broad spread's mention is said to stand in ("metastases in the liver and lungs")."""
    if d.concepts[key].label.lower() not in UMBRELLA_OR_TO_SITE:
        return []
    ms = d.sent_mentions(s)
    for i, m in enumerate(ms):
        j = next((j for j in range(i + 1, len(ms)) if d.depth.get(ms[j], 0) == d.depth.get(m, 0)), None)
        if m.key == key and j is not None and d.cat(ms[j].key) == "AnatomicalSite" \
                and AT_SITE.match(s.text[m.end - s.start:ms[j].start - s.start]):
            return [x for x in d.coord_run(ms, j, s.text, s.start) if d.cat(x.key) == "AnatomicalSite"]
    return []


_DIAGNOSIS = frozenset({"diagnosis"})


def implied_detections(d: _Doc) -> None:
    """'MRI is crucial in making the diagnosis' on a page about brain metastases: the page's topic is
    detected by it, when the sentence names no other disease."""
    topic = _page_disease(d)
    if topic is None:
        return
    for f in list(d.found):
        if f.relation != "used_in" or f.negative or f.object not in _DIAGNOSIS \
                or d.cat(f.subject) not in ("DetectionMethod", "Procedure"):
            continue
        if any(d.cat(m.key) in ("SpreadPattern", "Neoplasm") and d.specific(m) for m in d.sent_mentions(f.sentence)):
            continue
        d.add(topic, "detected_by", f.subject, f.sentence, "implied:detected_by", hedged=f.hedged)


def _page_disease(d: _Doc) -> str | None:
    """The disease a page is about: its topic, or on a method's page the one disease its title names ("MRI in the
    care of liver metastases")."""
    topic = d.out.subject
    if topic is None or d.cat(topic) in ("SpreadPattern", "Neoplasm"):
        return topic
    title = next((b for b in d.doc.blocks if b.kind == "heading"), None)
    if d.cat(topic) not in ("DetectionMethod", "Procedure") or title is None:
        return None
    named = {m.key for s in d.sentences_of.get(id(title), []) for m in d.sent_mentions(s)
             if d.cat(m.key) in ("SpreadPattern", "Neoplasm") and d.specific(m)}
    return named.pop() if len(named) == 1 else None


# "If lung cancer spreads to the brain, it can cause ...": what "it" causes is the brain metastasis's doing
CONDITIONAL_SPREAD = re.compile(r"^\W*(?:if|when|once|after)\s+(?:[\w\-]+\s+){1,4}?(?:spreads?|has\s+spread|have\s+spread|"
                                r"metastasi[sz]es|metastasi[sz]ed|travels?|moves?|grows?)\s+(?:\w+ly\s+)?(?:to|into|in)\s+"
                                r"(?:the\s+|your\s+)?([^,;:]+),\s*(?:it|this|they|these|that)\b", re.I)


def conditional_spreads(d: _Doc) -> None:
    """What a pronoun after 'if X spreads to a site,' causes, the metastasis at that site causes."""
    for f in list(d.found):
        if f.relation != "causes" or d.cat(f.subject) != "Neoplasm":
            continue
        m = CONDITIONAL_SPREAD.match(f.sentence.text)
        if m is None:
            continue
        lo, hi = f.sentence.start + m.start(1), f.sentence.start + m.end(1)
        sites = [x for x in d.sent_mentions(f.sentence) if lo <= x.start and x.end <= hi and d.cat(x.key) == "AnatomicalSite"]
        text, start = f.sentence.text, f.sentence.start
        sites = sites[:1] if len(sites) == 2 and WITHIN.match(text[sites[0].end - start:sites[1].start - start]) \
            else sites   # "spreads to the bones in the spine": the bones are where it spread
        spread = d.site_metastasis(sites[0].key) if len(sites) == 1 else None
        if spread is not None:
            d.found.remove(f)
            d.add(spread, f.relation, f.object, f.sentence, "implied:" + f.relation, negative=f.negative, hedged=f.hedged)


WITHIN = re.compile(r"^\s+(?:in|of)\s+(?:the\s+|your\s+)?$", re.I)
SPREAD_TO_END = re.compile(r"\b(?:(?:spreads?|spreading|has\s+spread|have\s+spread|reach(?:es)?|travels?|moves?)\s+(?:in)?to|"
                           r"(?:happens?|occurs?|forms?|develops?|grows?)\s+in)\s+(?:the\s+|your\s+)?$", re.I)
NAMING = re.compile(r"\b(?:called|known\s+as|referred\s+to\s+as|termed)\s+(?:an?\s+)?$", re.I)
NAMING_WORDS = frozenset({"called", "known", "referred", "termed"})


def named_spreads(d: _Doc) -> None:
    """'When a tumour spreads to nodes in the groin, this is called lymph node metastasis': the spread so named is
    located at the site the sentence says it reached."""
    for s in d.sentences_with(NAMING_WORDS):
        ms = d.sent_mentions(s)
        for i, x in enumerate(ms):
            if d.cat(x.key) != "AnatomicalSite" or not SPREAD_TO_END.search(s.text[:x.start - s.start]):
                continue
            for m in ms[i + 1:]:
                if spread_site(d, m.key) == x.key and NAMING.search(s.text[x.end - s.start:m.start - s.start]):
                    d.add(m.key, "located_in", x.key, s, "implied:located_in")


FROM_BROAD = re.compile(r"\bfrom\s+(?:the\s+|a\s+|an\s+)?(?:cancers?|tumou?rs?|malignanc(?:y|ies))\s+"
                        r"(?:that\s+)?(?:originat|start|begin|began|aris|develop)", re.I)


def chain_origins(d: _Doc) -> None:
    """'X spread to the brain from a cancer that started in the lungs': X comes from the lungs too."""
    chained = []
    for f in list(d.found):
        if f.relation != "originates_from" or not d.umbrella(f.subject) or not FROM_BROAD.search(f.sentence.text):
            continue
        for g in list(d.found):
            if g.sentence is f.sentence and g.relation == "spreads_to" and not d.umbrella(g.subject) \
                    and d.cat(g.subject) == "SpreadPattern":
                d.add(g.subject, "originates_from", f.object, f.sentence, "chain:origin", negative=f.negative,
                      hedged=f.hedged)
                chained.append(f)
    # the broad "cancer" was only the way there: the origin is the subject's, not a claim about all cancer
    d.found = [f for f in d.found if not any(f is c for c in chained)]


_METASTATIC = re.compile(r"^metastatic\s+(.+)$")


def metastatic_cancer(d: _Doc, key: str) -> str | None:
    """The cancer a 'metastatic X' concept is the spread form of ("Metastatic melanoma" gives melanoma), or None."""
    if d.cat(key) not in ("SpreadPattern", "Neoplasm") or spread_site(d, key) is not None:
        return None   # "metastatic liver cancer" is the liver's metastasis, not liver cancer's
    m = _METASTATIC.match(d.concepts[key].label.lower())
    cancer = m and d.named(m.group(1), "Neoplasm")
    return cancer if cancer and cancer != key else None


def metastatic_spreads(d: _Doc) -> None:
    """'Metastatic melanoma is found in the lungs': melanoma spreads to the lungs; a site of the spread form
    of a cancer is a site the cancer spreads to, and is said so once."""
    for f in list(d.found):
        if f.relation not in ("located_in", "spreads_to") or d.cat(f.object) != "AnatomicalSite":
            continue
        cancer = metastatic_cancer(d, f.subject)
        if cancer is not None:
            d.found.remove(f)
            d.add(cancer, "spreads_to", f.object, f.sentence, "implied:spreads_to", negative=f.negative, hedged=f.hedged)


OPENS_PAREN = re.compile(r"\s*\(\s*")


def named_origins(d: _Doc) -> None:
    """'from cancer originating in ... the skin (melanoma)': the cancer a parenthesis names after the site of
    origin is an origin too."""
    for f in list(d.found):
        if f.relation != "originates_from" or d.cat(f.object) != "AnatomicalSite" or d.cat(f.subject) != "SpreadPattern":
            continue   # (a spread comes from a cancer; a cancer from a site)
        ms = d.sent_mentions(f.sentence)
        for site, named in zip(ms, ms[1:]):
            if site.key == f.object and d.cat(named.key) == "Neoplasm" and d.depth.get(named, 0) > d.depth.get(site, 0) \
                    and OPENS_PAREN.fullmatch(f.sentence.text[site.end - f.sentence.start:named.start - f.sentence.start]):
                d.add(f.subject, "originates_from", named.key, f.sentence, "implied:originates_from",
                      negative=f.negative, hedged=f.hedged)


def origin_spreads(d: _Doc) -> None:
    """'Liver metastases most often come from colorectal cancer': the cancer a site's metastases come from
    spreads to that site (the converse of implied_spreads)."""
    for f in list(d.found):
        if f.relation != "originates_from" or f.negative or d.cat(f.object) != "Neoplasm" or d.umbrella(f.object) \
                or d.concepts[f.object].label.lower() in ROLES:
            continue   # "brain metastases come from the primary tumour" names no cancer that spreads
        site = spread_site(d, f.subject)
        if site is not None:
            d.add(f.object, "spreads_to", site, f.sentence, "implied:spreads_to", hedged=f.hedged)
