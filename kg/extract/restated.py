"""A term the lexicon names by other words of the same meaning: "hormone treatment" (hormone therapy), "high blood
calcium levels" (high blood calcium), "systemic cancer therapy" (systemic therapy)."""
from __future__ import annotations

from ..lexicon import normalize_token
from ..phrases import load_heads
from .spans import HEADED   # names a class word may end ("bisphosphonate drugs")

# class words that mean the same at the end of a name
SAME_CLASS_WORDS = {"treatment": "therapy", "therapy": "treatment"}
# a category of things of more than one kind: its class words name another thing ("adhesion molecules")
MIXED = frozenset({"BiologicalProcess"})
REDUNDANT = frozenset({"cancer"})   # a word a name of a therapy may carry before its class word ("cancer therapy")


def restated(d, words: list[str]) -> str | None:
    """The concept the lexicon names for a term whose last word is a class word: the term with the class word
    put as its equal, without 'cancer' before it, or without it when it only says the concept's category (or
    ends a therapy's or a method's name); None when there is none. d is the document (_Doc)."""
    heads = load_heads()
    if len(words) < 2 or not heads.class_word(words[-1]):
        return None
    last = normalize_token(words[-1])
    body = words[:-1]
    plain = [w for i, w in enumerate(body) if i == 0 or w.lower() not in REDUNDANT]
    ends = [words[-1]] + ([SAME_CLASS_WORDS[last]] if last in SAME_CLASS_WORDS else [])
    for term in [*(" ".join([*plain, end]) for end in ends if plain != body or end != words[-1]), " ".join(body)]:
        whole = d.text_mentions(term)
        if len(whole) == 1 and whole[0].start == 0 and whole[0].end >= len(term) \
                and d.cat(whole[0].key) in HEADED | ({heads.word_category(words[-1])} - MIXED):
            return whole[0].key   # (not "lung cancer": a site, the class word makes the name)
    return None
