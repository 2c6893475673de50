"""The concept lexicon: loading it, normalising terms, and finding mentions and abbreviations in text."""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from pathlib import Path

from lemminflect import getLemma

from .constants import LEXICON_FILE
from .cues import TOKEN as _TOKEN
from .model import Concept, Mention

_SPELLING = (
    (re.compile(r"^tumour"), "tumor"), (re.compile(r"^haem"), "hem"), (re.compile(r"aemi"), "emi"),
    (re.compile(r"oedema"), "edema"), (re.compile(r"^oes"), "es"), (re.compile(r"isation$"), "ization"),
    (re.compile(r"ise$"), "ize"), (re.compile(r"ological$"), "ologic"), (re.compile(r"colour"), "color"),
    (re.compile(r"^paed"), "ped"), (re.compile(r"^foet"), "fet"), (re.compile(r"oea$"), "ea"),
    (re.compile(r"yse$"), "yze"), (re.compile(r"(cent|fib|lit|met)re$"), r"\1er"),
    (re.compile(r"ogue$"), "og"), (re.compile(r"^anaes"), "anes"),
)
# names written either way in prose: each form of a name also matches as the other ("stereotactic body radiotherapy")
_PHRASE_VARIANTS = ((re.compile(r"\bradiation therapy\b", re.I), "radiotherapy"),
                    (re.compile(r"\bradiotherapy\b", re.I), "radiation therapy"))
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,6}s")
_NO_PLURAL = re.compile(r"(ss|us|is|ys|ics|sis)$")
MAX_TERM_TOKENS = 8
PARENTHESES = re.compile(r"[()]")   # an opening or closing parenthesis
# punctuation a term does not run over: not a hyphen ("x-ray") nor an en dash between words ("non–small cell",
# as typeset); a spaced dash ("lymph nodes – Cancer") and an em dash do part terms
_BREAK = re.compile(r"[,;:()\[\]{}.!?•|—]|\s[-–]|[-–]\s")
_PARENTHETICAL = re.compile(r"\([^()]*\)|[()]")


@functools.lru_cache(maxsize=200_000)
def normalize_token(token: str) -> str:
    """One token in its canonical form: lower case, US spelling, singular (lemminflect's noun lemma, else
    the plural endings of clinical words)."""
    if _ACRONYM_PLURAL.fullmatch(token):   # MRIs, CTs
        return token[:-1].lower()
    t = token.lower()
    for pattern, repl in _SPELLING:
        t = pattern.sub(repl, t)
    if len(t) > 3:
        lemma = getLemma(t, "NOUN", lemmatize_oov=False)   # the dictionary's singular, where it knows the word
        if lemma and lemma[0].isalnum():
            return lemma[0]
        # words it does not know (micrometastases, lymphomas, ...): the plural endings of clinical English
        if t.endswith("metastases"):
            t = t[:-2] + "is"
        elif t.endswith(("gnoses", "alyses", "tases")):
            t = t[:-2] + "is"
        elif t.endswith("ies") and len(t) > 4:
            t = t[:-3] + "y"
        elif t.endswith(("ches", "shes", "xes", "sses")):
            t = t[:-2]
        elif t.endswith("s") and not _NO_PLURAL.search(t):
            t = t[:-1]
    return t


def is_acronym(term: str) -> bool:
    """Short all-capital terms (CT, MRI, H&E, PET/CT) are matched case-sensitively."""
    letters = re.sub(r"[^A-Za-z0-9]", "", term)
    return 1 < len(letters) <= 6 and letters.upper() == letters and any(c.isalpha() for c in letters)


def term_key(term: str) -> tuple[str, ...]:
    return tuple(normalize_token(t) for t in _TOKEN.findall(term))


def load_lexicon(path: Path | Sequence[Path] = LEXICON_FILE) -> dict[str, Concept]:
    """Concepts of a lexicon TSV, or of several (earlier files win a term both claim).

    Columns: key, label, category, synonyms, exact_match, close_match, generic, and optionally definition,
    definition_source, parents. The shipped lexicon (LEXICON_FILE) stands for its hand rows, the generated
    rows (lexicon-generated.tsv) and the hand decisions of lexicon-curation.tsv.
    """
    from .lexicon_rows import load_concepts

    return load_concepts(path)


def _inside_parentheses(text: str, starts: list[int]) -> list[list[int]]:
    """[first, after last] index of the tokens (starting at starts) inside each outermost parenthesis of
    text, side by side ones joined; an unclosed parenthesis runs to the end, a stray closing one is ignored."""
    spans, depth, opened = [], 0, 0
    for match in PARENTHESES.finditer(text):
        if match.group() == "(":
            if depth == 0:
                opened = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, match.start()))
    if depth:
        spans.append((opened, len(text)))
    parted: list[list[int]] = []
    for opened, closed in spans:
        first, after = bisect.bisect_left(starts, opened), bisect.bisect_right(starts, closed)
        if parted and parted[-1][1] == first:
            parted[-1][1] = after
        else:
            parted.append([first, after])
    return parted


class _Breaks:
    """Whether punctuation parts token i from token i - 1 (read only where a term could run on);
    outer: the tokens around a parenthesis, which is not itself a break."""

    __slots__ = ("text", "matches", "outer")

    def __init__(self, text: str, matches: list[re.Match], outer: bool = False):
        self.text, self.matches, self.outer = text, matches, outer

    def __getitem__(self, i: int) -> bool:
        if i == 0:
            return False
        end, start = self.matches[i - 1].end(), self.matches[i].start()
        if start - end == 1 and self.text[end] == " ":
            return False
        if self.outer:
            return _BREAK.search(_PARENTHETICAL.sub(" ", self.text[end:start])) is not None
        return _BREAK.search(self.text, end, start) is not None


class Matcher:
    """Finds concept mentions, longest match first, across spelling and plural variants."""

    def __init__(self, concepts: dict[str, Concept]):
        # A trie of the terms' normalised tokens: a node maps each next token to its node, and None
        # to (concept key, exact surface for acronyms) when a term ends there. Nodes are never changed
        # once shared: add() copies the nodes on its path, so copy() needs to copy only the root.
        self.trie: dict[str | None, dict] = {}
        self.pairs: frozenset[tuple[str, str]] = frozenset()   # the neighbouring tokens of every term...
        self.more_pairs: set[tuple[str, str]] = set()          # ... and of the terms added since
        for concept in concepts.values():
            for term in [concept.label, *concept.synonyms]:
                self.add(term, concept.key)
            for abbr in concept.abbreviations:   # abbreviations and case-restricted terms match as written
                self.add(abbr, concept.key, cased=True)
        for concept in concepts.values():   # after every concept's own names, which win a claim
            for term in [concept.label, *concept.synonyms]:
                for pattern, repl in _PHRASE_VARIANTS:
                    if pattern.search(term):
                        self.add(pattern.sub(repl, term), concept.key)
        self.pairs, self.more_pairs = frozenset(self.more_pairs), set()

    def add(self, term: str, key: str, cased: bool = False) -> None:
        tokens = term_key(term)
        if not tokens or len(tokens) > MAX_TERM_TOKENS:
            return
        exact = re.sub(r"[^A-Za-z0-9&]", "", term) if cased or is_acronym(term) else None
        node = self.trie
        for token in tokens:
            node[token] = child = dict(node.get(token, {}))
            node = child
        node.setdefault(None, (key, exact))   # the first concept to claim a term keeps it
        self.more_pairs.update(zip(tokens, tokens[1:]))

    def copy(self) -> "Matcher":
        """A matcher that can learn terms (a document's abbreviations) without changing this one."""
        other = Matcher.__new__(Matcher)
        other.trie = dict(self.trie)
        other.pairs = self.pairs | self.more_pairs if self.more_pairs else self.pairs   # shared, never changed
        other.more_pairs = set()
        return other

    def _scan(self, norms: list[str], words: list[str], breaks) -> list[tuple[int, int, str]]:
        """(first token, after last token, key) of each term found, longest first, left to right; a term
        does not run over a break (punctuation between two tokens: "bone, marrow", "skin (melanoma)")."""
        out, i, n = [], 0, len(norms)
        trie = self.trie
        for start in [k for k, token in enumerate(norms) if token in trie]:   # only where a term can start
            if start < i:
                continue
            i = start
            node = trie[norms[i]]
            ends = []   # (tokens, entry) of each term that starts at i, shortest first
            j = i + 1
            while True:
                entry = node.get(None)
                if entry is not None:
                    ends.append((j - i, entry))
                if j == n:
                    break
                node = node.get(norms[j])
                if node is None or breaks[j]:   # (the dearer test last)
                    break
                j += 1
            for k, (key, exact) in reversed(ends):
                if exact is not None:   # acronyms match case-sensitively, plural "s" allowed
                    surface = "".join(words[i:i + k])
                    if surface != exact and not (surface.endswith("s") and surface[:-1] == exact):
                        continue
                out.append((i, i + k, key))
                i += k
                break
            else:
                i += 1
        return out

    def has_term(self, text: str) -> bool:
        """Whether some term has exactly the tokens of text (as read by find; acronyms' case not checked)."""
        node = self.trie
        for token in term_key(text):
            node = node.get(token)
            if node is None:
                return False
        return None in node

    def _term_at(self, tokens: list[str]) -> str | None:
        node = self.trie
        for token in tokens:
            node = node.get(token)
            if node is None:
                return None
        entry = node.get(None)
        return entry[0] if entry is not None and entry[1] is None else None

    def _ellipses(self, norms: list[str], breaks, hits: list[tuple[int, int, str]]):
        """Coordinated modifiers that share a term's head: in "ovarian, bowel and breast cancer", "ovarian"
        names ovarian cancer and "bowel" bowel cancer (where the lexicon has those terms)."""
        taken = {i: (a, b) for a, b, _ in hits for i in range(a, b)}
        extra: dict[int, str] = {}
        for a, b, _ in hits:
            listed = a >= 2 and b - a >= 2 and breaks[a] and norms[a - 1] not in ("and", "or")
            if listed:   # "breast, renal, thyroid, prostate cancer": commas alone, two or more modifiers before
                chain = self._shared_head(norms, breaks, taken, a, b, a - 1)
                if len(chain) >= 2:
                    extra.update(chain)
                continue
            if a >= 3 and norms[a - 2] in ("and", "or") and a - 1 not in taken and a - 3 not in taken \
                    and not (breaks[a - 2] or breaks[a - 1] or breaks[a]):   # "metastatic or advanced cancer":
                key = self._term_at([norms[a - 3], *norms[a:b]])            # the first modifier makes a term
                if key is not None:
                    extra[a - 3] = key
                    continue
            if b - a < 2 or a < 2 or norms[a - 1] not in ("and", "or") or breaks[a] \
                    or (breaks[a - 1] and not (a >= 3 and breaks[a - 2])):   # a serial comma only after a list
                continue
            extra.update(self._shared_head(norms, breaks, taken, a, b, a - 2))
        if not extra:
            return hits
        kept = [h for h in hits if not (h[1] - h[0] == 1 and h[0] in extra)]
        return sorted(kept + [(j, j + 1, key) for j, key in extra.items()])

    def _shared_head(self, norms: list[str], breaks, taken: dict, a: int, b: int, j: int) -> dict[int, str]:
        """The single-word modifiers before token j (down to the list's start) that make a term with the
        head of the term at a:b."""
        extra: dict[int, str] = {}
        while j >= 0:
            span = taken.get(j)
            if span is not None and span[1] - span[0] > 1:
                break
            key = self._term_at([norms[j], *norms[a + 1:b]])
            if key is None:
                break
            extra[j] = key
            if not breaks[j + 1] and j + 1 != a - 1:
                break
            if not breaks[j]:
                break
            j -= 1
        return extra

    def _parted_pair(self, norms: list[str], parted: list[list[int]]) -> bool:
        """Whether a parenthesis parts two tokens that are neighbours in a term: only then can reading
        through parentheses find a term the plain reading did not."""
        return any(0 < first and after < len(norms) and ((norms[first - 1], norms[after]) in self.pairs
                                                         or (norms[first - 1], norms[after]) in self.more_pairs)
                   for first, after in parted)

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Mentions in text (offsets shifted by offset), non-overlapping, in order."""
        return self.find_with_words(text, offset)[0]

    def find_with_words(self, text: str, offset: int = 0) -> tuple[list[Mention], list[str]]:
        """find(text, offset), and the words (cues.TOKEN) it read the text as."""
        matches = list(_TOKEN.finditer(text))
        words = list(map(re.Match.group, matches))
        return self._find(text, offset, matches, words), words

    def _find(self, text: str, offset: int, matches: list[re.Match], words: list[str]) -> list[Mention]:
        norms = list(map(normalize_token, words))
        if self.trie.keys().isdisjoint(norms):
            return []
        breaks = _Breaks(text, matches)
        hits = self._scan(norms, words, breaks)
        if len(hits) and ("and" in norms or "or" in norms):
            hits = self._ellipses(norms, breaks, hits)
        parted = _inside_parentheses(text, [m.start() for m in matches]) if "(" in text else []
        if not parted or not self._parted_pair(norms, parted):
            # one left-to-right pass: the spans are apart and in order already
            return [Mention(key, matches[a].start() + offset, matches[b - 1].end() + offset,
                            text[matches[a].start():matches[b - 1].end()]) for a, b, key in hits]
        found: dict[tuple[int, int], str] = {}
        for a, b, key in hits:
            found[(matches[a].start(), matches[b - 1].end())] = key
        # A second pass reads through parentheses: "original (primary) tumor", "adjuvant (post-surgery) therapy".
        inside = {i for first, after in parted for i in range(first, after)}
        outer = [i for i in range(len(matches)) if i not in inside]
        if len(outer) < len(matches):
            outer_breaks = _Breaks(text, [matches[i] for i in outer], outer=True)
            for a, b, key in self._scan([norms[i] for i in outer], [words[i] for i in outer], outer_breaks):
                span = (matches[outer[a]].start(), matches[outer[b - 1]].end())
                if b - a > 1 and span not in found and "(" in text[span[0]:span[1]]:
                    found[span] = key
        if len(found) > 1:
            chosen: list[tuple[int, int]] = []
            for span in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
                if all(span[1] <= c[0] or span[0] >= c[1] for c in chosen):
                    chosen.append(span)
            chosen.sort()
        else:
            chosen = list(found)
        return [Mention(found[s], s[0] + offset, s[1] + offset, text[s[0]:s[1]]) for s in chosen]


# --- abbreviations (Schwartz & Hearst, 2003) --------------------------------------------------
_PAREN = re.compile(r"\(\s*([^()]{1,12}?)\s*\)")


def _long_form(short: str, words_before: str) -> str | None:
    """The shortest stretch ending words_before whose letters spell the short form."""
    s = short.lower()
    lf = words_before.lower()
    si, li = len(s) - 1, len(lf) - 1
    while si >= 0:
        c = s[si]
        if not c.isalnum():
            si -= 1
            continue
        while li >= 0 and (lf[li] != c or (si == 0 and li > 0 and lf[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        si -= 1
    start = lf.rfind(" ", 0, li + 1) + 1
    return words_before[start:].strip()


def find_abbreviations(text: str) -> list[tuple[str, str, int]]:
    """(short form, long form, offset of the long form) for each "long form (SF)" in text."""
    out = []
    for match in _PAREN.finditer(text):
        short = match.group(1)
        if not (2 <= len(short) <= 10) or " " in short.strip() or not any(c.isupper() for c in short) \
                or not short[0].isalnum():
            continue
        before = text[:match.start()].rstrip()
        words = before.split()
        limit = min(len(short) + 5, len(short) * 2)
        window = " ".join(words[-limit:])
        long_form = _long_form(short, window)
        if long_form and len(long_form) > len(short) and not long_form.lower().startswith(short.lower() + " "):
            out.append((short, long_form, match.start() - len(before) + len(before) - len(long_form)))
    return out
