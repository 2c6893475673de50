"""Coordination: which mentions a list joins with 'and', 'or' and commas ("A, B, and C")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Mention
from ..phrases import describing_gap

if TYPE_CHECKING:
    from .document import _Doc

COORD_GAP = re.compile(r"^\s*(,|/)?\s*(,?\s*(and/or|and|or|as well as|plus|or other|and other|"
                       r"(?:and\s+)?(?:then|followed\s+(?:[a-z]+\s+){0,5}?by)))?\s*"   # "the lung, followed (...) by the liver"
                       r"(?:(?:sometimes|often|occasionally|also|usually|even|possibly|rarely)\s+)?"   # "A and sometimes B"
                       r"(?:(the|a|an|some|certain|other|many|most|several|all)\s+)?(?:other\s+)?\s*$", re.I)
UNKNOWN_CONJUNCT = re.compile(r"^\s*,\s*(?!(?:which|that|who|is|are|was|were|may|can|but|while)\b)"
                              r"[A-Za-z][\w\-]*(\s[A-Za-z][\w\-]*){0,2},?\s+(and|or|and/or)\s+(the\s+)?$", re.I)
PAREN = re.compile(r"\([^()]*\)")
# words that share the next concept's head, between two coordinated concepts ("A, ovarian, bowel and B cancer")
ELLIPTICAL_CONJUNCTS = re.compile(r"^\s*,\s*([A-Za-z][\w\-]*\s*,\s*){0,3}[A-Za-z][\w\-]*,?\s+(and|or)\s+$", re.I)
AND_OR = re.compile(r"\b(?:and|or)\b")
# the part of a site a list may name instead of the site ("the liver, the lining of the abdomen and the lungs")
SITE_PARTS = r"(?:parenchyma|surfaces?|lining|walls?|tissues?|bones?|skin|cavity)"
PART_CONJUNCT = re.compile(r"^\s*,?\s*(?:(?:and|or)\s+)?(?:the\s+)?" + SITE_PARTS + r"\s+of\s+(?:the\s+|an?\s+|your\s+)?$", re.I)


def _unparen(text: str, repl: str = "") -> str:
    """text without its parenthesised parts (each replaced by repl)."""
    return PAREN.sub(repl, text) if "(" in text else text


def coordinated(d: _Doc, ms: list[Mention], i: int, text: str, base: int, forward: bool = True) -> list[Mention]:
    """Mention i and the concepts coordinated with it ("A, B, and C"), read forward or backward."""
    run = [ms[i]]
    depth = d.depth.get(ms[i], 0)
    j = i
    last = ms[i]
    closed, comma_at = False, None
    while True:
        k = j + 1 if forward else j - 1
        if k < 0 or k >= len(ms):
            break
        a, b = (last, ms[k]) if forward else (ms[k], last)
        if d.depth.get(ms[k], 0) != depth:
            # step over mentions inside a parenthesis that belongs to the previous conjunct (read backward:
            # to the one before, "A (AA) plus B", "A (which use C), D or E")
            if d.depth.get(ms[k], 0) > depth:
                j = k
                continue
            break
        gap = _unparen(text[a.end - base:b.start - base])
        if not forward and not gap.strip() and "(" not in text[a.end - base:b.start - base]:
            break   # "a brain abscess can ...": read backward, a name that describes the next one joins no list
        if not COORD_GAP.match(gap) and not (forward and UNKNOWN_CONJUNCT.match(gap)) \
                and not (not forward and ELLIPTICAL_CONJUNCTS.match(gap)) and not (forward and describing_gap(gap)) \
                and not (forward and d.cat(b.key) == "AnatomicalSite" and PART_CONJUNCT.match(gap)):
            break
        comma = gap.strip() == ","
        if (closed and "," in gap) or comma and (d.cat(a.key) == "AnatomicalSite") != (d.cat(b.key) == "AnatomicalSite") \
                and d.specific(a) and d.specific(b) and not (forward and _between_sites(d, ms, k, run[0], text, base)):
            break   # "in the brain, metastases occur": a comma alone does not join a site and a disease
        # nor does a comma add to a list that 'and' or 'or' closed ("such as CT or PET/CT, ctDNA testing can";
        # "imaging such as mammography or MRI, and biopsy"): read forward, the list ends at it; read backward,
        # what came before the comma is another list
        if forward:
            closed = closed or bool(AND_OR.search(gap))
        elif comma and comma_at is None:
            comma_at = len(run)
        elif comma_at is not None and AND_OR.search(gap):
            del run[comma_at:]
            break
        run.append(ms[k])
        j = k
        last = ms[k]
    return [m for m in run if d.specific(m)]


def _between_sites(d: _Doc, ms: list[Mention], k: int, first: Mention, text: str, base: int) -> bool:
    """Whether ms[k] stands in a list of sites that first opened, a site before and after it ("from the lung, breast,
    melanoma, pancreas and kidney": the skin's cancer among the organs a metastasis comes from)."""
    if d.cat(first.key) != "AnatomicalSite":
        return False
    if d.cat(ms[k].key) == "AnatomicalSite":
        return True   # back to the list's sites after a member of another kind
    if k + 1 >= len(ms) or d.depth.get(ms[k + 1], 0) != d.depth.get(ms[k], 0):
        return False
    nxt = ms[k + 1]
    return d.cat(nxt.key) == "AnatomicalSite" and bool(COORD_GAP.match(_unparen(text[ms[k].end - base:nxt.start - base])))
