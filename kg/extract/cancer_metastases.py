"""A cancer's metastases at a site: 'breast cancer metastases are found in the bones' says breast cancer spreads there."""
from __future__ import annotations

from .document import _Doc

SPREADS = frozenset({"metastasis", "metastatic tumor"})   # the broad spreads a cancer's name may open ("X metastases")
NAME_GAP = frozenset({" ", "'s ", "\u2019s "})   # "breast cancer metastases", "the cancer's metastases"


def cancer_metastases_spreads(d: _Doc) -> None:
    """X spreads_to Y when a broad spread named after cancer X (no word between them) is located in site Y."""
    for f in list(d.found):
        if f.relation != "located_in" or f.negative or d.cat(f.object) != "AnatomicalSite" \
                or d.concepts[f.subject].label.lower() not in SPREADS:
            continue
        ms = d.sent_mentions(f.sentence)
        text, base = f.sentence.text, f.sentence.start
        site = next((m for m in ms if m.key == f.object), None)
        for a, b in zip(ms, ms[1:]):
            if b.key != f.subject or d.cat(a.key) != "Neoplasm" or not d.specific(a) or d.umbrella(a.key) \
                    or text[a.end - base:b.start - base] not in NAME_GAP or d.depth.get(a, 0) != d.depth.get(b, 0):
                continue
            if site is not None and site.start > b.end:   # the site is said after the spread it locates
                d.add(a.key, "spreads_to", f.object, f.sentence, "implied:cancer-metastases", hedged=f.hedged)
