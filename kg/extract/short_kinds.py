"""List items that name a kind by its distinguishing words alone, under "subtypes of X:" ("HER2-positive")."""
from __future__ import annotations

import re

from ..model import Block
from .frames import list_header

# a lead-in that announces kinds of a concept ("The main subtypes of lung cancer, grouped by cell type:")
KINDS_OF = re.compile(r"\b(?:types?|subtypes?|kinds?|forms?|varieties|categories)\s+of\s+(?:the\s+)?(?P<rest>.+)$",
                      re.I)


def learn_short_kind(d, items: list[Block], term: str) -> bool:
    """Teach the matcher the item's term as the concept the lexicon names for it followed by the name of what
    the list's lead-in gives the kinds of ("HER2-positive" under "subtypes of breast cancer": HER2-positive
    breast cancer), if there is one; d is the document (_Doc)."""
    header = list_header(d, items)
    found = KINDS_OF.search(header[0]) if header is not None else None
    ms = d.text_mentions(found.group("rest")) if found is not None else []
    if not ms or ms[0].start != 0:
        return False   # the kinds of what the words right after "of" name
    whole = d.text_mentions(f"{term} {ms[0].text}")
    if len(whole) == 1 and whole[0].start == 0 and d.cat(whole[0].key) == d.cat(ms[0].key) \
            and whole[0].key != ms[0].key:
        d.learn(term, whole[0].key)
        return True
    return False
