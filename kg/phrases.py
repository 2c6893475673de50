"""Noun phrases without a tagger: closed-class words, lemminflect's word classes, and the head words that mark a category."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import lemminflect

from .constants import CATEGORIES, HEADS_FILE
from .errors import LexiconError
from .tables import table_reader
from .lexicon import normalize_token

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
# Words that never stand inside a noun phrase: determiners, pronouns, prepositions, conjunctions,
# auxiliaries, negation, wh-words, and the adverbs and quantifiers articles use most.
CLOSED = frozenset("""
a an the this that these those some any each every all both either neither no other another such certain
several many most more less few much its their his her our your my it they them we you he she who whom whose
which what where when why how whether if than then as of in on at by for from to into onto with within without
through via over under about after before during between among against along across around near beyond upon
toward towards and or nor but yet so because while although though unless until since is are was were be been
being am do does did done has have had having can could may might must shall should will would not also only
just very often usually typically commonly sometimes generally frequently rarely always never even still too
there here called known termed include includes including included involve involves like e.g i.e etc vs versus
one ones first second third new own same different various main most least well much many unlike despite
except besides regarding per throughout plus whereas once later earlier nearly almost about approximately
take takes taking took make makes making made get gets getting got give gives giving gave
""".split())
# modifiers that rank or count rather than name a kind: "common cancers" is not a kind of cancer
STOP_MODIFIERS = frozenset("""
common rare possible typical specific particular following potential significant important major minor serious
severe mild persistent new growing further additional usual frequent existing initial overall total entire whole
large larger small smaller multiple single numerous extreme sudden unexplained constant ongoing certain likely
nearby affected related main early late time way part type kind form number amount rate chance case people
patient patients person doctor doctors place places site sites area areas location locations
visible invisible detectable obvious apparent effective appropriate reliable suitable successful best better
good proper useful helpful parent standard optimal ideal available current
accepted intended curable aggressive alternative selective older newer conventional traditional novel
""".split())
MAX_PHRASE_WORDS = 5
# words after which a word that can be a verb is one ("can cause symptoms", "to guide treatment")
VERB_CONTEXT = frozenset("""
can could may might will would should must to does do did not also help helps helped often usually that which who
""".split())


@functools.lru_cache(maxsize=100_000)
def word_classes(word: str) -> frozenset[str]:
    """The word classes (UPOS) lemminflect knows the word in; empty for words it does not know."""
    return frozenset(lemminflect.getAllLemmas(word.lower()))


def content_words(text: str) -> int:
    """How many words of a text say something: not closed-class, not a ranking modifier ("There are a few
    potential signs": one)."""
    return sum(1 for w in WORD.findall(text) if w.lower() not in CLOSED and w.lower() not in STOP_MODIFIERS
               and w.lower() not in ("there", "here"))


def phrase_word(word: str) -> bool:
    """Whether a word can stand inside a noun phrase (not closed-class, not only a verb or an adverb)."""
    low = word.lower()
    if low in CLOSED:
        return False
    classes = word_classes(low)
    return not classes or bool(classes & {"NOUN", "ADJ", "PROPN", "NUM"})


def head_word(word: str) -> bool:
    """Whether a word can end a noun phrase (a noun, or a word lemminflect does not know)."""
    classes = word_classes(word.lower())
    return not classes or bool(classes & {"NOUN", "PROPN"}) or word[:1].isdigit()


@dataclass(frozen=True)
class Phrase:
    """A noun phrase: its text and offsets."""

    text: str
    start: int
    end: int


def _words(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))


def phrase_before(text: str, end: int, max_words: int = MAX_PHRASE_WORDS) -> Phrase | None:
    """The noun phrase that ends where text[:end] ends (only spaces between its words)."""
    words = _words(text[:end])
    if not words or text[words[-1].end():end].strip() or not head_word(words[-1].group()):
        return None
    first = len(words) - 1
    while first > 0 and len(words) - first < max_words and phrase_word(words[first - 1].group()) \
            and not text[words[first - 1].end():words[first].start()].strip() \
            and not inflected_s(words[first - 1].group()):
        first -= 1
    if not phrase_word(words[first].group()):
        return None
    while first < len(words) - 1 and _verb_here(words, first):
        first += 1
    return Phrase(text[words[first].start():words[-1].end()], words[first].start(), words[-1].end())


@functools.lru_cache(maxsize=50_000)
def inflected_s(word: str) -> bool:
    """Whether a word is a plural or a verb's -s form ("uses", "teams"): no modifier inside a noun phrase."""
    low = word.lower()
    return low.endswith("s") and not low.endswith("ss") and any(
        lemma != low for lemmas in lemminflect.getAllLemmas(low).values() for lemma in lemmas)


def _verb_here(words: list[re.Match], i: int) -> bool:
    """Whether words[i] is a verb where it stands: it can be one, and an auxiliary or 'to' comes before it."""
    return "VERB" in word_classes(words[i].group().lower()) and i > 0 \
        and words[i - 1].group().lower() in VERB_CONTEXT


def participle(word: str) -> bool:
    """Whether a word is a verb's participle that can describe a noun ("swollen", "enlarged")."""
    low = word.lower()
    return low.endswith(("ed", "en")) and "VERB" in word_classes(low) and low not in CLOSED


def known_noun(word: str) -> bool:
    """Whether lemminflect knows the word as a noun."""
    return "NOUN" in word_classes(word.lower())


def noun_only(word: str) -> bool:
    """Whether a word is a noun that cannot be a verb, and no closed-class word ("survival", "treatment")."""
    classes = word_classes(word.lower())
    return "NOUN" in classes and "VERB" not in classes and word.lower() not in CLOSED


def bare_verb(word: str) -> bool:
    """Whether a word can only be a verb, in its base form ("explain", "prevent"): an action, as a lead-in opens."""
    lemmas = lemminflect.getAllLemmas(word.lower())
    return set(lemmas) == {"VERB"} and word.lower() in lemmas["VERB"]


ARTICLES = frozenset({"the", "a", "an", "their", "its", "your", "his", "her", "our"})


def phrase_after(text: str, start: int, max_words: int = MAX_PHRASE_WORDS) -> Phrase | None:
    """The noun phrase that begins at text[start:] (after spaces, a comma or colon, and an article)."""
    words = _words(text[start:])
    if not words or text[start:start + words[0].start()].strip(" ,:"):
        return None
    i = 0
    while i < len(words) - 1 and words[i].group().lower() in ARTICLES:
        i += 1
    if not phrase_word(words[i].group()) and not (i + 1 < len(words) and participle(words[i].group())):
        return None   # "Clustered lymph nodes": a participle may describe the noun after it
    last = i
    while last + 1 < len(words) and last + 1 - i < max_words and phrase_word(words[last + 1].group()) \
            and not text[start + words[last].end():start + words[last + 1].start()].strip():
        last += 1
    while last >= i and not head_word(words[last].group()):
        last -= 1
    if last < i:
        return None
    a, b = start + words[i].start(), start + words[last].end()
    return Phrase(text[a:b], a, b)


@dataclass(frozen=True)
class Heads:
    """Head words (singular) and word endings, each with the category it marks."""

    words: dict[str, str]
    endings: tuple[tuple[str, str], ...]
    alone: frozenset[str] = frozenset()   # head words that are terms by themselves
    named: frozenset[str] = frozenset()   # head words that need a naming (noun) modifier to make a term
    typing: dict[str, str] = field(default_factory=dict)   # heads that only type a term found otherwise
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def category(self, phrase: str, typing: bool = False) -> str | None:
        """The category a phrase's head marks, or None; with typing, also the heads that type a term that
        a list, a title or a glossary gave ("Cutaneous metastasis") without making terms of running text."""
        words = WORD.findall(phrase)
        if not words:
            return None
        found = self.word_category(words[-1])
        if found is None and typing:
            found = self.typing.get(normalize_token(words[-1]))
        return found

    def word_category(self, word: str) -> str | None:
        """The category a head word marks, or None (worked out once per word)."""
        cache = self._cache
        if word not in cache:
            cache[word] = self._word_category(word)
        return cache[word]

    def _word_category(self, word: str) -> str | None:
        head = normalize_token(word)
        if head.startswith(("non-", "anti-")):
            return None   # "non-cancer": not a cancer
        found = self.words.get(head)
        if found is None and "-" in head:
            found = self.words.get(head.rsplit("-", 1)[-1])
        if found is not None:
            return found
        for ending, category in self.endings:
            if head.endswith(ending) and len(head) > len(ending) + 2:
                return category
        return None

    def class_word(self, word: str) -> bool:
        """Whether a word is a head that names a class only ("test", "organ"), not a term by itself."""
        norm = normalize_token(word)
        return norm in self.words and norm not in self.alone


@functools.lru_cache(maxsize=8)
def load_heads(path: Path = HEADS_FILE) -> Heads:
    """The head-word table (ontology/heads.tsv)."""
    words: dict[str, str] = {}
    endings: list[tuple[str, str]] = []
    alone: set[str] = set()
    named: set[str] = set()
    typing: dict[str, str] = {}
    for n, row in enumerate(table_reader(path), 2):
        head, category = (row.get("head") or "").strip().lower(), (row.get("category") or "").strip()
        if not head or category not in CATEGORIES:
            raise LexiconError(f"{path}: row {n}: needs a head and a known category ({head!r}, {category!r})")
        if (row.get("alone") or "").strip().lower() == "type":
            typing[normalize_token(head)] = category
        elif head.startswith("-"):
            endings.append((head[1:], category))
        else:
            words[normalize_token(head)] = category
            flag = (row.get("alone") or "").strip().lower()
            if flag == "y":
                alone.add(normalize_token(head))
            elif flag == "noun":
                named.add(normalize_token(head))
    return Heads(words, tuple(sorted(endings, key=lambda e: -len(e[0]))), frozenset(alone), frozenset(named), typing)


DESCRIBED_GAP = re.compile(r"^\s*,\s*(?:(?:and|or)\s+)?((?:[a-z\-]+\s+){1,2})$")


def describing_gap(gap: str) -> bool:
    """", lower back pain", ", and unintended weight loss": a conjunct whose concept follows a describing word or two."""
    found = DESCRIBED_GAP.match(gap)
    if found is None:
        return False
    for word in found.group(1).split():
        classes = word_classes(word)
        if "ADJ" not in classes or "NOUN" in classes or word in CLOSED:
            return False
    return True


VERB_GROUP = frozenset("can could may might will would should must do does did is are was were be been being has have "
                       "had not also often usually sometimes typically generally commonly rarely still then only".split())


NP_PREPOSITIONS = frozenset({"of", "in", "for", "with", "on"})   # what may join a noun phrase's head to its tail
CLAUSE_OPENERS = frozenset("and or but , while whereas because although though since unless".split())


def own_subject(gap: str) -> bool:
    """Whether the words between a concept and its cue end with a clause of their own: a conjunction, then a
    noun phrase, then the verb group ("..., and noncancerous conditions can"): that noun is the subject."""
    words = re.findall(r"[A-Za-z][\w'\-]*|,", gap)
    while words and words[-1].lower() in VERB_GROUP:
        words.pop()
    np = []
    while words and words[-1] != "," and words[-1].lower() not in CLOSED:
        np.insert(0, words.pop())
    if np and len(words) > 1 and words[-1].lower() in NP_PREPOSITIONS and words[-2] != "," \
            and words[-2].lower() not in CLOSED:   # "advances in management have": the head is before the of-phrase
        head = [words.pop()]
        while words and words[-1] != "," and words[-1].lower() not in CLOSED:
            head.insert(0, words.pop())
        np = head[:-1] or np
    if not np or not words or words[-1].lower() not in CLAUSE_OPENERS:
        return False   # no noun phrase, or one that is a preposition's object ("spread to a few sites")
    last = np[-1].lower()
    classes = word_classes(last)
    return "NOUN" in classes and ("VERB" not in classes or last.endswith("s")) and "ADJ" not in classes
