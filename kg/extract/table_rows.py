"""A table row flattened into a list item: its first cell names a site ("Lungs Dyspnea (shortness of breath)")."""
from __future__ import annotations

import re

from .document import _Doc


CELL = re.compile(r"\s+(?=[A-Z][a-z])")   # the next cell of a flattened table row opens with a capital
MAX_CELL = 30   # characters: a first cell names a site in a few words


def table_row(d: _Doc, text: str) -> tuple[str, int] | None:
    """A row of a flattened two-column table whose first cell is a site ("Lungs Dyspnea, cough, chest pain"):
    the metastasis at that site and where the second cell starts, or None."""
    for cell in CELL.finditer(text, 0, min(len(text), MAX_CELL)):
        first = text[:cell.start()]
        ms = d.text_mentions(first)
        if len(ms) != 1 or ms[0].start != 0 or ms[0].end != len(first) or d.cat(ms[0].key) != "AnatomicalSite":
            continue
        if not any(w.islower() for w in text[cell.end():].split()):
            return None   # a title in capitals ("Liver Cancer Treatment"), not a row
        site = d.site_metastasis(ms[0].key)
        return (site, cell.end()) if site is not None else None
    return None
