"""The genus an apposition names: "zoledronic acid, a bone-strengthening drug, ...", "denosumab (a monoclonal antibody)"."""
from __future__ import annotations

import re

from ..model import Sentence
from ..lexicon import normalize_token
from ..phrases import CLOSED, WORD, load_heads, phrase_after, phrase_before
from .document import NOT_KINDS, _Doc
from .mentions import _discover_concept
from .open_kinds import NOT_CLASSES, QUANTIFIERS

# ", a Y" after a name, or "(a Y" inside a parenthesis after it (an aside of the name's own between them)
GENUS_START = re.compile(r"(?:\s*\([^()]{1,60}\))?(?:\s*,\s*|\s+\(\s*)(?:a|an)\s+(?=[A-Za-z])", re.I)
# what may follow the genus: the apposition ends, or a clause or participle about the genus goes on
GENUS_END = re.compile(r"^\s*(?:[,.;)]|$|\b(?:that|which|who|used|found|made|produced|given|designed|approved|"
                       r"derived|involving|located|taken|released|commonly|often|usually)\b)", re.I)
LIST_AFTER = re.compile(r"^\s*,?\s*(?:and|or|as well as)\b|^\s*,\s*(?:an?\s+)?[a-z]+(?:\s+[a-z]+)?\s*,", re.I)
OPENER = frozenset("""after before during following in on at with without for when if because although while since
unlike like despite besides among between from by to of into through under over""".split())
APPOSITION_WORDS = frozenset({"a", "an"})
MAX_NAME_WORDS = 4
ROLE_MODIFIERS = frozenset({"risk", "prognostic", "predictive", "common", "main", "major", "key"})


def apposition_genera(d: _Doc) -> None:
    """For each name with an apposition "X, a Y ..." or "X (a Y)": X is a Y, both discovered when the lexicon
    lacks them; not in a list ("surgery, a biopsy, and ..."), not after an opening phrase ("After surgery, a
    scan that ..."), nor with a Y that names a role, a part or a place."""
    heads = load_heads()
    for s in d.sentences_with(APPOSITION_WORDS, headings=False):
        for match in GENUS_START.finditer(s.text):
            _apposition(d, s, match, heads)


def _apposition(d: _Doc, s: Sentence, match: re.Match, heads) -> None:
    text = s.text
    name = phrase_before(text, match.start(), max_words=MAX_NAME_WORDS)
    genus = phrase_after(text, match.end())
    if name is None or genus is None or genus.start != match.end():
        return
    words = WORD.findall(genus.text)
    paren = "(" in text[match.start():match.end()].split(",")[-1]
    rest = text[genus.end:]
    if paren and not re.match(r"^\s*(?:\)|that\b|which\b|used\b|found\b)", rest, re.I):
        return
    if not GENUS_END.match(rest) or LIST_AFTER.match(rest) or rest.lstrip().startswith("of "):
        return   # "a type of Y" is the apposition rule's; "X, a Y, and Z" is a list
    if len(words) == 1 and heads.class_word(words[0]) or words[0].lower() in CLOSED | QUANTIFIERS:
        return   # "a drug" alone names no kind; "an other ..."
    if normalize_token(words[-1]) in NOT_CLASSES or words[0].lower() in ROLE_MODIFIERS:
        return   # "a risk factor", "a common site", "a part of ...": a role or a place, not a kind
    before = text[:name.start].rstrip()
    first = WORD.findall(text[:name.start])[:1]
    if before.endswith((",", ";")) or re.search(r"\b(?:and|or)$", before, re.I) or \
            (first and first[0].lower() in OPENER and "," not in before):
        return   # a list member, or the end of an opening phrase ("In patients with X, a ...")
    if len(WORD.findall(name.text)) == 1 and heads.class_word(name.text):
        return
    x = _discover_concept(d, name.text, s, "apposition name")
    y = _discover_concept(d, genus.text, s, "apposition genus")
    if x is None or y is None or d.concepts[y].category in NOT_KINDS or d.concepts[x].category in NOT_KINDS:
        return
    d.add(x, "is_a", y, s, "apposition:genus")
