"""A phrase whose head opens a longer lexicon name is no term of its own ("a gradual loss of liver function")."""
from __future__ import annotations

from ..model import Sentence
from ..phrases import WORD, Phrase


def cuts_a_name(d, s: Sentence, p: Phrase) -> bool:
    """Whether the phrase's last word opens a name the lexicon has that runs on past the phrase in the sentence
    ("loss" of "loss of liver function"); d is the document (_Doc)."""
    if s.text[p.start:p.end] != p.text or p.end >= len(s.text):
        return False   # (a list item's lead or a part of another text: no sentence to run on in)
    last = list(WORD.finditer(p.text))[-1]
    start = p.start + last.start()
    ms = d.text_mentions(s.text[start:start + 80])
    return bool(ms) and ms[0].start == 0 and ms[0].end > p.end - start
