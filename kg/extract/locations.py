"""Where a spread pattern is: the sites its clause names after a locative word, and the sites that are not."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Mention, Sentence
from .arguments import _noun_complement
from .document import SITED, _Doc
from .spans import modifies_next
from .modifiers import NEGATION, _scope
from .route_table import route_phrases
from .subjects import Subject, _subject_keys
from .topics import _lead_topic

# a site in a from-phrase that no verb or "to" has closed yet is where the cancer came from: "start from a tumor
# elsewhere in the body (such as the breast)", "come from a primary tumour in an organ such as the lung"
ORIGIN_PHRASE = re.compile(r"\bfrom\b(?![^;]*\b(?:to|into|toward|towards|can|may|might|is|are|was|were|has|have|had|"
                           r"will|found|seen|occurs?|occurred|appears?|grows?|forms?)\b)[^;]*$", re.I)
FROM_END = re.compile(r"\b(from|through|via|along|by way of)\s+(the\s+)?$", re.I)   # a source or a path, not a site


def _located_rule(d: _Doc, s: Sentence, cms: list[Mention], start: int, end: int,
                  subject: Callable[[], Subject]) -> None:
    """A spread pattern (or process) that is the clause's subject, and sites named in the clause."""
    paths = route_phrases()
    sites = [m for m in cms if d.cat(m.key) == "AnatomicalSite" and d.specific(m) and m.text.lower() not in paths]
    if not sites:
        return   # the bloodstream and the lymphatic system are paths of spread, not where it is
    subj = subject()
    if subj is None:
        return
    if isinstance(subj, str) and subj == d.out.subject:
        broad = [m for m in cms if d.umbrella(m.key) and d.cat(m.key) in SITED and m.end <= sites[0].start]
        if broad and _beyond_own_site(d, s, subj, sites):
            subj = [broad[0]]   # "Metastases occur in organs such as the liver and the lungs" on a liver page
    subjects = _subject_keys(subj)
    lead = _lead_topic(d, s.block)
    if lead is not None and d.cat(lead) in SITED:
        # "Disseminated tumor cells: Some cancers may shed cells detectable in bone marrow": the lead-in's
        subjects = [lead if d.umbrella(a) else a for a in subjects]
    for a in subjects:
        category = d.cat(a)
        relation = "spreads_to" if category == "SpreadRoute" else "located_in" if category in SITED else None
        if relation is None:
            continue
        for site in sites:
            if not isinstance(subj, str) and any(site is m for m in subj):
                continue
            owners = [m for m in cms if m.end <= site.start and d.cat(m.key) in SITED | {"SpreadRoute"}]
            if owners and owners[-1].key != a and not isinstance(subj, str) and owners[-1] not in subj:
                continue   # "the same as micrometastasis in lymph nodes": the site is the other concept's
            if owners and isinstance(subj, str) and owners[-1].key != a \
                    and not (d.umbrella(owners[-1].key) and a == d.out.subject):   # the broad word is the topic
                continue
            pre = s.text[max(0, site.start - s.start - 20):site.start - s.start]
            if FROM_END.search(pre) or ORIGIN_PHRASE.search(s.text[start - s.start:site.start - s.start]) \
                    or not _locative(d, s, sites, site) or modifies_next(s, site):
                continue
            negative = bool(NEGATION.search(_scope(s, start, site.start), s.words))
            if negative and _noun_complement(s.text[max(0, site.start - s.start - 40):site.start - s.start]):
                continue   # "in the nodes they cause no symptoms": the denial is of the symptoms
            owner = _page_neoplasm(d, s, subj, a, sites, site)
            if owner is not None:   # "metastasis to the adrenal glands" on a melanoma page: where melanoma spreads
                d.add(owner, "spreads_to", site.key, s, "cooccurrence:spreads_to", negative=negative,
                      scope=_scope(s, start, end))   # the clause's verb comes after its sites: "... can also occur"
                continue
            d.add(a, relation, site.key, s, f"cooccurrence:{relation}", negative=negative,
                  scope=_scope(s, start, site.end))


SPREAD_TO = re.compile(r"^\s+to\s+(?:other\s+|distant\s+|nearby\s+)?(?:(?:sites|organs|parts|areas)\s+(?:(?:of|in)\s+the\s+body\s*)?)?"
                       r"(?:,?\s*\(?\s*(?:such as|including|like|e\.g\.,?)?\s*)?(?:the\s+)?$", re.I)


def _page_neoplasm(d: _Doc, s: Sentence, subj: Subject, a: str, sites: list[Mention], site: Mention) -> str | None:
    """The page's cancer, when a broad 'metastasis to' a site is said on a page about one cancer."""
    topic = d.out.subject
    if not d.umbrella(a) or isinstance(subj, str) or not subj or topic is None or d.cat(topic) != "Neoplasm" \
            or d.umbrella(topic):
        return None
    return topic if SPREAD_TO.match(s.text[subj[-1].end - s.start:_first_of_list(s, sites, site).start - s.start]) \
        else None


def _beyond_own_site(d: _Doc, s: Sentence, topic: str, sites: list[Mention]) -> bool:
    """Whether sites name the topic's own site ("liver" for liver metastasis) and others beside it: the broad
    word the sentence uses then means spread in general, not the topic."""
    own, others, examples = False, False, False
    for i, m in enumerate(sites):
        if i and own and EXAMPLE_WORDS.search(s.text[sites[i - 1].end - s.start:m.start - s.start]):
            examples = True   # "any bone, such as the spine": parts of the topic's site
        if d.names_site(topic, m):
            own = True
        elif not examples:
            others = True
    return own and others


EXAMPLE_WORDS = re.compile(r"\b(such as|including|like|e\.g\.|for example|especially|particularly)\b|\(", re.I)


# what links a concept to a site it is in: "in / into / to / within / involving / throughout (the) ..."; a list of
# examples after such a site ("in bones, such as the spine") goes on with it
LOCATIVE_BEFORE = re.compile(r"\b(in|into|to|within|inside|involv\w*|throughout|at|affect\w*|reach\w*|near|around|"
                             r"such as|including|like|e\.g\.)\s+(?:(?:the|a|an|any|other|nearby|distant|regional|adjacent|"
                             r"both|one|many|several|multiple|different|its|their|\w+ly|\w+al)\s+){0,3}$", re.I)


# what may stand between two sites of one list: "A, B and C", "to organs, most often the lung, followed by the
# liver", "the spine, and paraspinous soft tissues"
SITE_LIST_GAP = re.compile(r"^\s*(?:,|/)?\s*(?:(?:and|or|and/or)\s+)?(?:(?:most often|mostly|especially|particularly|"
                           r"including|followed by|then|such as|like|as well as)\s+)?(?:the\s+|by\s+(?:the\s+)?)?"
                           r"(?:[a-z][\w\-]*\s+)?$", re.I)


def _first_of_list(s: Sentence, sites: list[Mention], site: Mention) -> Mention:
    """The first of the sites coordinated with this one ("to the adrenal glands, spleen and heart")."""
    i = sites.index(site)
    while i > 0 and SITE_LIST_GAP.match(s.text[sites[i - 1].end - s.start:sites[i].start - s.start]):
        i -= 1
    return sites[i]


def _locative(d: _Doc, s: Sentence, sites: list[Mention], site: Mention) -> bool:
    """Whether a locative word leads to the site, or to the first of the coordinated sites it is one of."""
    first = _first_of_list(s, sites, site)
    before = s.text[max(0, first.start - s.start - 40):first.start - s.start]
    link = LOCATIVE_BEFORE.search(before)
    if link is None:
        return False
    # "radiation to reproductive organs": the site is where an action is aimed, not where the subject is
    actions = [m for m in d.sent_mentions(s) if m.end <= first.start - len(before) + link.start()
               and d.cat(m.key) in ("Therapy", "Procedure", "DetectionMethod")]
    return not (actions and not s.text[actions[-1].end - s.start:first.start - len(before) + link.start() - s.start].strip())
