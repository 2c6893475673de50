"""A site named right before a spread finding ("lymph node micrometastases") is where the finding lies."""
from __future__ import annotations

import re

from .document import _Doc

SITE_KINDS = frozenset({"AnatomicalSite"})
FOUND_KINDS = frozenset({"SpreadPattern"})
# the sites coordinated before the one next to the finding share it ("lung, bone and brain micrometastases");
# the gap may hold a member the lexicon lacks ("liver, adrenal and brain ..."), one word between separators
_SEP = r"(?:,\s*(?:and/or\s+|and\s+|or\s+)?|\s+(?:and/or|and|or)\s+)"
COORDINATED = re.compile(r"^" + _SEP + r"(?:[A-Za-z][\w-]*" + _SEP + r")*$")
# a run after an article or a "to" is a noun phrase of its own, the sites it reaches ("spread to the liver and
# lymph node micrometastases"), not modifiers of the finding
NOT_MODIFIERS = re.compile(r"\b(?:the|a|an|its|their|to|into|reach(?:es|ed|ing)?)\s*$", re.I)


def site_modified_findings(d: _Doc) -> None:
    """X located_in Y for a site Y that modifies a spread finding X with nothing between them, and for each site
    coordinated before Y."""
    for s in d.doc.sentences:
        ms = sorted(d.sent_mentions(s), key=lambda m: m.start)
        for i, (site, found) in enumerate(zip(ms, ms[1:])):
            gap = d.doc.text[site.end:found.start]
            if gap == " " and d.cat(site.key) in SITE_KINDS and d.cat(found.key) in FOUND_KINDS \
                    and not d.umbrella(found.key):
                d.add(found.key, "located_in", site.key, s, "noun:site_modifier")
                run = [site]
                for prev in reversed(ms[:i]):
                    if d.cat(prev.key) not in SITE_KINDS or \
                            not COORDINATED.match(d.doc.text[prev.end:run[-1].start]):
                        break
                    run.append(prev)
                if len(run) > 1 and not NOT_MODIFIERS.search(d.doc.text[s.start:run[-1].start]):
                    for prev in run[1:]:
                        d.add(found.key, "located_in", prev.key, s, "noun:site_modifier")
