"""Whether a sentence of a post is a definition (genus and differentia), and the definition it gives."""
from __future__ import annotations

import re

# What follows the genus and sets the defined kind apart from the rest of it.
_DIFFERENTIA = (r"that|which|who|whose|where|when|in|of|from|with|by|for|to|on|within|beyond|after|"
                r"used|found|made|marked|characterized|characterised|caused|involving|consisting|arising|"
                r"located|seen|detected|measured|containing")
_COPULA = re.compile(r"^(?P<term>[^,;:]{1,80}?)\s+(?:is|are)\s+(?P<rest>(?:a|an|the|one)\s+.+)$", re.S)
_GENUS = re.compile(rf"^(?:(?:a|an|the|one)\s+)?(?P<genus>(?:[\w()/-]+\s+){{0,5}}?[\w()/-]+?),?\s+(?:{_DIFFERENTIA})\b\s*\S",
                    re.I | re.S)
# A genus about the word rather than the thing ("MRD is a term used in ...") defines nothing.
_NOT_A_GENUS = frozenset({"term", "word", "phrase", "name", "expression", "label", "acronym", "abbreviation",
                          "synonym", "way", "thing", "topic", "question", "example", "is", "are", "was", "were",
                          "it", "this", "they", "these", "those", "can", "may", "will", "often", "also",
                          "refers", "means", "describes", "includes", "occurs", "happens", "has", "have", "shows",
                          "indicates", "helps", "does", "do"})


def _genus_ok(text: str) -> bool:
    m = _GENUS.match(text)
    if not m:
        return False
    words = {w.lower() for w in re.findall(r"[\w-]+", m.group("genus"))}
    return not words & _NOT_A_GENUS


def as_definition(sentence: str) -> str | None:
    """The definition a sentence gives, or None when it is not one.

    "X is a Y that ..." (or "... of", "in", "used", ...) gives "A Y that ..."; a glossary description
    that is itself a genus with its differentia ("Tiny deposits of tumor cells that ...") is kept as
    it is. Anything else, such as "MRD is a term more commonly used in ...", is no definition.
    """
    text = " ".join(sentence.split())
    m = _COPULA.match(text)
    if m:
        rest = m.group("rest")
        if not _genus_ok(rest):
            return None
        text = rest
    elif re.search(r"\b(?:is|are)\b", text.split(",")[0]) or not _genus_ok(text):
        return None
    return text[:1].upper() + text[1:]
