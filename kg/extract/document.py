"""The per-document state of extraction, what it returns, and the helpers every rule shares."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..constants import CATEGORIES, SYMMETRIC_RELATIONS
from ..lexicon import PARENTHESES, Matcher, normalize_token, term_key
from ..model import Assertion, Block, Concept, Document, Evidence, Mention, Sentence
from . import cue_table
from .modifiers import HEDGES, UNHEDGED_RELATIONS
from .cue_table import Pattern
from .coordination import COORD_GAP, PAREN, _unparen, coordinated  # noqa: F401 (the rules import these from here)
from .inverted import inverted_names
from .paraphrases import paraphrase_mentions
from .shared_heads import shared_heads
from .spans import (modifies_next, noun_spreads, plain_mentions, site_cancers, site_findings, verb_findings,
                    without_heads)

# after the words that open examples, the preposition an example may repeat and its article ("..., especially from A")
EXAMPLE_TAIL = r"\s+(?:(?:from|in|to|into)\s+)?(?:the\s+|an?\s+)?$"
# the words between a class and its first example ("drugs like A", "symptoms (such as A", "organs, mainly A")
EXAMPLES_OPEN = re.compile(r"^\s*(?:,\s*)?(?:\(\s*)?(?:such as|including|like|for example,?|for instance,?|e\.g\.,?|"
                           r"especially|particularly|primarily|mainly|mostly|most often|most commonly)" + EXAMPLE_TAIL, re.I)
_ALNUM = re.compile(r"[A-Za-z0-9]+")

ALL_CATEGORIES = frozenset(CATEGORIES)
DETECTABLE = {"SpreadPattern", "Neoplasm", "ClinicalFinding"}
DETECTORS = {"Procedure", "DetectionMethod"}
ORIGINS = frozenset({"Neoplasm", "AnatomicalSite"})   # what a spread may come from: a tumour or an organ
SITED = {"SpreadPattern", "BiologicalProcess"}
# categories whose concepts can be kinds of one another ("metastases are tumors", "CT is an imaging test")
KINDS = (frozenset({"SpreadPattern", "Neoplasm"}), frozenset({"Procedure", "DetectionMethod"}),
         frozenset({"Procedure", "Therapy"}))
GENUS_RULES = frozenset({"copula:is_a", "copula:pronoun", "definition:genus"})   # may name a broad genus ("a tumor")
# categories whose lists name examples, not kinds: sites are parts of wholes, and "symptoms such as pain"
# gives examples of what a disease causes; an is_a becomes an OWL axiom, so these need more than a list
NOT_KINDS = frozenset({"AnatomicalSite", "ClinicalFinding"})
ROLES = frozenset({"primary tumor"})   # what a tumour is to its metastases, not a kind of tumour ("melanoma is ...")
ACROSS_KINDS = frozenset({"causes", "associated_with", "related_to"})   # never between a concept and its own kind
COMPARISONS = ("distinct_from", "contrasted_with")
# the broad concepts a more specific topic is a kind of: in a glossary entry or under a frame they stand for it
UMBRELLA = frozenset({"cancer", "metastasis", "tumor", "neoplasm", "disease"})
# a site after "metastatic tumour to" makes it specific ("metastatic tumor to bone"); "in the lungs" only says where it is
TO_SITE_ONLY = frozenset({"metastatic tumor"})
UMBRELLA_OR_TO_SITE = UMBRELLA | TO_SITE_ONLY


@dataclass
class Found:
    subject: str
    relation: str
    object: str
    negative: bool
    hedged: bool
    sentence: Sentence
    rule: str


@dataclass
class Extraction:
    """What extraction found in one document."""

    assertions: list[Assertion] = field(default_factory=list)
    concepts: dict[str, Concept] = field(default_factory=dict)   # discovered ones
    abbreviations: dict[str, set[str]] = field(default_factory=dict)
    definitions: dict[str, Evidence] = field(default_factory=dict)
    subject: str | None = None
    mentions: list[Mention] = field(default_factory=list)   # every mention, with the final lexicon (when asked)


def slug(text: str) -> str:
    words = [normalize_token(w) for w in re.findall(r"[A-Za-z0-9]+", text)]
    return "_".join(words)[:60].strip("_")


class _Doc:
    """Per-document state: mentions, topics and the relations found so far."""

    def __init__(self, doc: Document, concepts: dict[str, Concept], matcher: Matcher):
        self.doc = doc
        self.concepts = dict(concepts)
        self.matcher = matcher.copy()
        self.out = Extraction()
        self.found: list[Found] = []
        self.mentions: dict[int, list[Mention]] = {}
        self.depth: dict[Mention, int] = {}
        self.cancer_sites: set[tuple[str, int]] = set()   # (site, offset): a site word read as its cancer
        self._name_keys: dict[str, list[tuple[str, ...]]] = {}   # a concept's names as term keys (name_ends_with)
        # What was read with the document's lexicon, kept until the lexicon grows (see learn)
        self.lexicon_version = 0
        self._text_cache: dict[str, list[Mention]] = {}
        self._block_cache: dict[tuple, object] = {}   # (function, block id) -> its answer
        self._sentence_with: dict[str, tuple[Sentence, int]] = {}   # text -> a sentence of it, version read at
        self.cue_table = cue_table.table()
        self._patterns: dict[int, list[Pattern]] = {}
        self.cue_matches: dict[tuple[int, int], list] = {}   # see cue_table.sentence_matches
        self.sentences_of: dict[int, list[Sentence]] = {}   # block id -> its sentences, in order
        self.heading_of = {id(b.section): b for b in doc.blocks if b.kind == "heading"}   # section id -> its heading
        self.item_terms: dict[int, str] = {}   # block id -> the concept its words name though not in a row
                                               # ("Swollen or enlarged lymph nodes": swollen lymph node)
        self._place: dict[int, tuple[int, int]] = {}   # sentence id -> (place in the document, place in its block)
        for n, s in enumerate(doc.sentences):
            block = self.sentences_of.setdefault(id(s.block), [])
            self._place[id(s)] = (n, len(block))
            block.append(s)

    # -- helpers --------------------------------------------------------------------------
    def cat(self, key: str) -> str:
        return self.concepts[key].category

    def same_kind(self, a: str, b: str) -> bool:
        """Whether concept a can be a kind of concept b: one category, or two that KINDS joins."""
        x, y = self.cat(a), self.cat(b)
        return x == y or "DiscoveredConcept" in (x, y) or any(x in k and y in k for k in KINDS)

    def sentences_with(self, words: frozenset[str], headings: bool = True) -> list[Sentence]:
        """The document's sentences that hold one of the words (a rule's key words), headings too unless not."""
        return [s for s in self.doc.sentences if not words.isdisjoint(s.words) and (headings or s.block.kind != "heading")]

    def before(self, s: Sentence, n: int = 1) -> list[Sentence]:
        """The (up to) n sentences before s in its block, in reading order."""
        i = self._place[id(s)][1]
        return self.sentences_of[id(s.block)][max(0, i - n):i]

    def next_sentence(self, s: Sentence) -> Sentence | None:
        """The sentence after s in the document."""
        i = self._place[id(s)][0] + 1
        return self.doc.sentences[i] if i < len(self.doc.sentences) else None

    def opening(self, s: Sentence, categories, max_words: int = 2) -> str | None:
        """The concept a sentence opens with (at most max_words words before it), when of one of categories."""
        ms = [m for m in self.sent_mentions(s) if self.specific(m)]
        if ms and self.cat(ms[0].key) in categories and _words(s.text[:ms[0].start - s.start]) <= max_words:
            return ms[0].key
        return None

    def _kind_of(self, a: str, b: str) -> bool:
        """Whether a's names make it a kind of b ("adrenal metastasis" of "metastasis")."""
        return any(self.name_ends_with(a, y) for y in self.names(b))

    def site_metastasis(self, site: str) -> str | None:
        """The metastasis the lexicon names for a site ("liver" gives liver metastasis), or None."""
        return self.spread_at(self.concepts[site].label)

    def spread_at(self, place: str) -> str | None:
        """The metastasis the lexicon names for a place's name ("lymph node" gives lymph node metastasis), or None."""
        return self.named(f"{place.lower()} metastasis", "SpreadPattern")

    def cancer_named(self, word: str, head: str = "cancer") -> str | None:
        """The cancer a bare site or describing word names when a list or class of cancers gives it ("Breast",
        "Cervical", "lung" among "the types most likely to ..."), or None."""
        return self.named(f"{word.lower()} {head}", "Neoplasm")

    def named(self, term: str, category: str) -> str | None:
        """The concept of that category the whole of a term names, if the lexicon has one ("lung cancer")."""
        whole = self.whole_mention(term)
        return whole.key if whole is not None and self.cat(whole.key) == category else None

    def whole_mention(self, text: str) -> Mention | None:
        """The one specific mention of text (text_mentions) when it spans the whole text, else None; a text no
        term reads whole is not read (no parenthesis, no sentence of the same text, no term of its tokens)."""
        if "(" not in text and text not in self._sentence_with and not self.matcher.has_term(text):
            return None   # no mention could span it: the matcher finds a name only along a term's tokens
        whole = self.text_mentions(text)
        return whole[0] if len(whole) == 1 and whole[0].start == 0 and whole[0].end == len(text) else None

    def names(self, key: str) -> list[str]:
        """A concept's label and synonyms, in lower case."""
        c = self.concepts[key]
        return [n.lower() for n in (c.label, *c.synonyms)]

    def topic_narrows(self, key: str) -> bool:
        """Whether the page's topic is a kind of the concept by its label ("Bone metastasis", "metastasis")."""
        topic = self.out.subject
        if not topic or topic == key:
            return False
        if self.concepts[topic].label.lower().endswith(self.concepts[key].label.lower()):
            return True
        if self.concepts[key].category != "SpreadPattern":
            return False   # "cancer" on a kidney cancer page is often cancer in general
        return self.name_ends_with(topic, self.concepts[key].label)   # by another name ("adrenal metastasis")

    def name_ends_with(self, key: str, words: str) -> bool:
        """Whether one of a concept's names ends with more words than these and then these, compared as the
        matcher compares terms ("Adrenal metastases" ends with "metastasis")."""
        tail = term_key(words)
        keys = self._name_keys.get(key)
        if keys is None:
            keys = self._name_keys[key] = [term_key(n) for n in self.names(key)]
        return any(len(k) > len(tail) and k[-len(tail):] == tail for k in keys)

    def names_site(self, key: str, site: Mention) -> bool:
        """Whether one of a concept's names holds a site ("liver" in "liver metastasis")."""
        label, text = self.concepts[site.key].label.lower(), site.text.lower()
        return any(label in n or text in n for n in self.names(key))

    def umbrella(self, key: str) -> bool:
        """Whether a concept is one of the broad ones a page's more specific topic is a kind of ("cancer")."""
        return self.concepts[key].label.lower() in UMBRELLA

    def specific(self, m: Mention) -> bool:
        return not self.concepts[m.key].generic

    def sent_mentions(self, s: Sentence) -> list[Mention]:
        found = self.mentions.get(id(s))
        if found is None:
            found, tokens = self.matcher.find_with_words(s.text, s.start)
            s.keep_words(tokens)
            found = self._site_spreads(s, without_heads(self.cat, s.text, s.start,
                                                        plain_mentions(s.text, found, s.start)))
            found = verb_findings(self, s, noun_spreads(self, s, site_findings(self, s, site_cancers(self, s, found))))
            found = paraphrase_mentions(self, s, shared_heads(self, s, inverted_names(self, s, found)))
            if "(" in s.text:
                for m in found:
                    self.depth[m] = paren_depth(s.text, m.start - s.start)
            self.mentions[id(s)] = found
            self._sentence_with.setdefault(s.text, (s, self.lexicon_version))
        return found

    def _site_spreads(self, s: Sentence, found: list[Mention]) -> list[Mention]:
        """A broad spread followed by its site is the spread of that site, when the lexicon has it: "cancer that
        has spread to the bone" is bone metastasis, "metastatic disease limited to the liver" liver metastasis."""
        out, i = [], 0
        while i < len(found):
            m = found[i]
            site = found[i + 1] if i + 1 < len(found) else None
            label = self.concepts[m.key].label.lower()
            if site is None or label not in UMBRELLA_OR_TO_SITE:
                out.append(m)   # only a broad spread or cancer before a mention can make one with it (see below)
                i += 1
                continue
            gap = s.text[m.end - s.start:site.start - s.start]
            spread = self.cat(m.key) == "SpreadPattern" and SPREAD_TO_SITE.match(gap)
            spreading = self.cat(m.key) == "Neoplasm" and (CANCER_SPREAD_TO.match(gap) or (
                RECURRENCE_OF.search(s.text[:m.start - s.start]) and SPREAD_TO_SITE.match(gap))) \
                and not m.text.lower().endswith("s") \
                and not KIND_OF_END.search(s.text[:m.start - s.start])   # "cancer that spreads to the bones", not a class
            if label in TO_SITE_ONLY:
                spread = spread and gap.split()[:1] == ["to"]
            if (spread or spreading) and self.cat(site.key) == "AnatomicalSite" and not modifies_next(s, site):
                whole = self.site_metastasis(site.key)
                if whole is not None:
                    out.append(Mention(whole, m.start, site.end, s.text[m.start - s.start:site.end - s.start]))
                    i += 2
                    continue
            out.append(m)
            i += 1
        return out

    def patterns(self, s: Sentence) -> list[Pattern]:
        """The verb-cue patterns whose cue can match in the sentence, in order."""
        found = self._patterns.get(id(s))
        if found is None:
            found = self._patterns[id(s)] = self.cue_table.for_words(s.words)
        return found

    def text_mentions(self, text: str) -> list[Mention]:
        """The specific mentions of any text (offsets from its start)."""
        found = self._text_cache.get(text)
        if found is None:
            s, version = self._sentence_with.get(text, (None, -1))
            if version == self.lexicon_version:   # a sentence of the same text was read with the same lexicon
                found = [Mention(m.key, m.start - s.start, m.end - s.start, m.text) for m in self.mentions[id(s)]
                         if self.specific(m)]
            else:
                found = [m for m in plain_mentions(text, self.matcher.find(text)) if self.specific(m)]
            self._text_cache[text] = found
        return found

    def learn(self, term: str, key: str) -> None:
        """Teach the document's matcher a term: what was read with the smaller lexicon is read again."""
        self.matcher.add(term, key)
        self.lexicon_version += 1
        self._text_cache.clear()
        self._block_cache.clear()
        self._name_keys.clear()

    def of_block(self, fn: Callable[["_Doc", Block], object], b: Block):
        """fn(self, b), worked out once per block (until the lexicon grows): many rules ask."""
        key = (fn, id(b))
        if key not in self._block_cache:
            self._block_cache[key] = fn(self, b)
        return self._block_cache[key]

    def add(self, subject: str, relation: str, obj: str, s: Sentence, rule: str, *, negative: bool = False,
            hedged: bool | None = None, scope: str | None = None) -> None:
        if subject == obj or subject not in self.concepts or obj not in self.concepts:
            return
        if relation == "is_a" and (not self.same_kind(subject, obj) or self.concepts[obj].label.lower() in ROLES
                                   or self.concepts[obj].label.lower().endswith(" " + self.concepts[subject].label.lower())):
            return   # a kind is of its genus's kind ("Stage 4" is no kind of kidney cancer), a role is no genus, and
            # no concept is a kind of its own kind ("metastasis is a bone metastasis")
        if relation in ACROSS_KINDS and (self._kind_of(subject, obj) or self._kind_of(obj, subject)):
            return   # "metastasis causes adrenal metastasis": a misread reference, not a concept causing its own kind
        if relation == "causes" and self.umbrella(obj) and self.cat(subject) == self.cat(obj):
            return   # nor does a cancer cause "cancer" ("melanoma is the fifth leading cause of cancer")
        if self.concepts[subject].generic or (self.concepts[obj].generic and rule not in GENUS_RULES):
            return
        if relation in ("located_in", "spreads_to") and (rule.startswith("cooccurrence:") or rule == "verb:located_in") \
                and self.concepts[obj].label.lower() in self.concepts[subject].label.lower() \
                and not (scope and LOCATIVE_END.search(scope)):
            return   # "liver metastasis ... liver" is stated only by a verb that says it spread there
        if relation in COMPARISONS and \
                (self.concepts[subject].category == "AnatomicalSite") != (self.concepts[obj].category == "AnatomicalSite"):
            return   # a site is compared only with a site ("not the same as primary bone cancer" is not about bone)
        if hedged is None:
            hedged = bool(HEDGES.search(scope if scope is not None else s.text, s.words))
        if relation in UNHEDGED_RELATIONS:
            hedged = False
        self.found.append(Found(subject, relation, obj, negative, hedged, s, rule))

    def coord_run(self, ms: list[Mention], i: int, text: str, base: int, forward: bool = True) -> list[Mention]:
        """Mention i and the concepts coordinated with it ("A, B, and C")."""
        return coordinated(self, ms, i, text, base, forward)


SPREAD_TO_SITE = re.compile(r"^\s+(?:to|in|into|within|of|(?:limited|confined|restricted)\s+to)\s+(?:the\s+|your\s+|his\s+|her\s+)?$",
                            re.I)
RECURRENCE_OF = re.compile(r"\b(?:recurrences?|return|spread|relapse)\s+of\s+(?:the\s+)?$", re.I)   # "... of cancer in the brain"
KIND_OF_END = re.compile(r"\b(?:types?|kinds?|forms?|sorts?)\s+of\s+(?:the\s+)?$", re.I)
CANCER_SPREAD_TO = re.compile(r"^\s+(?:(?:that|which)\s+(?:has\s+|have\s+|had\s+)?(?:spread|spreads|metastasi[sz]ed|"
                              r"metastasi[sz]es|traveled|travelled)\s+(?:to|into)|metastatic\s+to|"
                              r"(?:recurs|recurred|returns|returned|comes back|came back)\s+(?:in|to))\s+(?:the\s+|your\s+)?$",
                              re.I)   # "if cancer recurs in the lungs": lung metastasis; "breast cancer metastatic to bone"
LOCATIVE_END = re.compile(r"\b(in|inside|within|into)\s+(the\s+|any\s+|an?\s+|some\s+|other\s+)?\w+$", re.I)   # "a mass inside the bone"


def paren_depth(text: str, i: int) -> int:
    """How many parentheses are open at text[i] (an opening one at i counts; stray closing ones do not)."""
    if "(" not in text[:i + 1]:
        return 0
    depth = 0
    for ch in PARENTHESES.findall(text, 0, i):
        depth = depth + 1 if ch == "(" else max(0, depth - 1)
    return depth + 1 if text[i:i + 1] == "(" else depth


def _words(text: str) -> int:
    return len(_ALNUM.findall(text))


def _more_words(text: str, n: int) -> bool:
    """_words(text) > n; a text shorter than 2n + 1 characters cannot hold more than n words."""
    return len(text) > 2 * n and _words(text) > n


def _first_sentence(d: _Doc, b: Block) -> Sentence:
    return d.sentences_of[id(b)][0]


def _description_start(d: _Doc, b: Block) -> Sentence | None:
    """The first sentence that reaches past a block's lead-in (it may open with the lead-in itself)."""
    return next((s for s in d.sentences_of.get(id(b), []) if s.end > b.body_start), None)


def _first_body_sentence(d: _Doc, b: Block) -> Sentence | None:
    """The first sentence after a block's set-apart lead-in."""
    return next((s for s in d.sentences_of.get(id(b), []) if s.start >= b.body_start), None)


def _evidence(d: _Doc, s: Sentence, rule: str, hedged: bool = False) -> Evidence:
    text = d.doc.text
    post = d.doc.post
    return Evidence(post_id=post.id, source=post.source, post_title=post.title, post_modified=post.modified,
                    section=s.block.section.heading, sentence=s.text, start=s.start, end=s.end, rule=rule,
                    prefix=text[max(0, s.start - 32):s.start], suffix=text[s.end:s.end + 32], hedged=hedged)


def _collect(d: _Doc) -> None:
    merged: dict[tuple[str, str, str, str], Assertion] = {}
    seen: set[tuple] = set()
    # a pair a sentence relates by a cue is not also related by their co-occurrence there, nor is a site
    # it names as where something began ("spread to the brain from a cancer that began in the lungs")
    stated = {(f.subject, f.object, f.sentence.start) for f in d.found if not f.rule.startswith("cooccurrence:")}
    origins = {(f.object, f.sentence.start) for f in d.found if f.relation == "originates_from"}
    # nor is a site word the sentence lists as a cancer ("cancers that spread to the liver include bowel, breast")
    origins |= {(key, s.start) for s in d.doc.sentences for key, at in d.cancer_sites if s.start <= at < s.end}
    for f in d.found:
        if f.rule.startswith("cooccurrence:") and ((f.subject, f.object, f.sentence.start) in stated
                                                   or (f.object, f.sentence.start) in origins):
            continue
        polarity = "negative" if f.negative else "positive"
        a, b = f.subject, f.object
        if f.relation in SYMMETRIC_RELATIONS and a > b:
            a, b = b, a
        key = (a, f.relation, b, polarity)
        if (key, f.sentence.start, f.rule) in seen:
            continue   # the same rule read the same sentence twice (from two clauses, say): one evidence
        seen.add((key, f.sentence.start, f.rule))
        assertion = merged.get(key)
        if assertion is None:
            assertion = merged[key] = Assertion(a, f.relation, b, polarity)
        assertion.evidence.append(_evidence(d, f.sentence, f.rule, f.hedged))
    d.out.assertions = sorted(merged.values(), key=lambda x: x.key)
