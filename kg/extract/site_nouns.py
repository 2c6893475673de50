"""A site named right before a spread finding ("lymph node micrometastases") is where the finding lies."""
from __future__ import annotations

from .document import _Doc

SITE_KINDS = frozenset({"AnatomicalSite"})
FOUND_KINDS = frozenset({"SpreadPattern"})


def site_modified_findings(d: _Doc) -> None:
    """X located_in Y for a site Y that modifies a spread finding X with nothing between them."""
    for s in d.doc.sentences:
        ms = sorted(d.sent_mentions(s), key=lambda m: m.start)
        for site, found in zip(ms, ms[1:]):
            gap = d.doc.text[site.end:found.start]
            if gap == " " and d.cat(site.key) in SITE_KINDS and d.cat(found.key) in FOUND_KINDS \
                    and not d.umbrella(found.key):
                d.add(found.key, "located_in", site.key, s, "noun:site_modifier")
