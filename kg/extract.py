"""Find concepts and the relations a post states, each with its evidence, by general rules."""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .constants import CATEGORIES, SYMMETRIC_RELATIONS
from .cues import Cue
from .lexicon import PARENTHESES, Matcher, find_abbreviations, normalize_token
from .model import Assertion, Block, Concept, Document, Evidence, Mention, Sentence

log = logging.getLogger(__name__)

Subject = list[Mention] | str | None   # what a clause is about: its concepts, a topic's key, or nothing

HEDGES = Cue(
    r"\b(may|might|can|could|often|usually|sometimes|typically|generally|commonly|common|frequently|"
    r"likely|possibly|possible|potentially|suggest(s|ed|ing|ion|ions|ive|ively)?|necessarily|occasionally|"
    r"tends? to|in some)\b")
NEGATION = Cue(
    r"\b(not|no(?!\s+(?:larger|bigger|greater|smaller|more|less|fewer|wider|higher|lower)\s+than\b)|never|cannot|"
    r"can't|won't|isn't|aren't|doesn't|don't|neither|nor|without|unable)\b|"   # "no larger than": a size, not a denial
    r"\btoo \w+ to\b|\bbelow (the )?(\w+ )?detection\b|\bbeyond (the )?reach\b")
PRONOUN = re.compile(r"^\s*(it|they|its|their|this (condition|finding|disease|spread|deposit))\b", re.I)
CLAUSE_BREAK = re.compile(r";|,? but\b|, while\b|, whereas\b|, although\b|\bhowever\b|, though\b", re.I)
CLAUSE_WORDS = frozenset({"but", "while", "whereas", "although", "however", "though"})   # CLAUSE_BREAK's words
COORD_GAP = re.compile(r"^\s*(,|/)?\s*(,?\s*(and/or|and|or|as well as|plus|or other|and other))?\s*"
                       r"(the|a|an|some|certain|other)?\s*$", re.I)
UNKNOWN_CONJUNCT = re.compile(r"^\s*,\s*(?!(?:which|that|who|is|are|was|were|may|can|but|while)\b)"
                              r"[A-Za-z][\w\-]*(\s[A-Za-z][\w\-]*){0,2},?\s+(and|or|and/or)\s+(the\s+)?$", re.I)
EXAMPLE_INTRO = re.compile(r"\(\s*(for example|for instance|e\.g\.|such as|including|like|eg)\s*,?\s*", re.I)
PAREN = re.compile(r"\([^()]*\)")
IMPERATIVE = {"guide", "refine", "estimate", "standardize", "standardise", "reduce", "improve", "help", "support",
              "select", "identify", "plan", "assess", "evaluate", "check", "use", "avoid", "consider", "confirm",
              "clarify", "treat", "manage", "monitor", "inform", "predict", "determine", "assign", "detect"}
INFLUENCE_LEADS = {"guide", "refine", "estimate", "inform", "predict", "determine", "change", "assign",
                   "shape", "affect", "influence"}
TYPES_HEADING = re.compile(r"\b(types?|variations?|variants?|kinds?|forms?|subtypes?|classification|categories)\b", re.I)
STEPS_CUE = re.compile(r"\b(steps?|stages|phases|sequence|cascade|stepwise|process goes)\b", re.I)
USE_CUE = re.compile(r"\b(indications?|when (\w+ )*(use|used|uses)|is used (in|for)|are used (in|for)|"
                     r"(typical|common) (uses|scenarios|settings))\b", re.I)
SIZE_CUE = re.compile(r"\b(size|sizes|size-based|smallest|largest|volume)\b", re.I)
EVAL_CUE = re.compile(r"\b(evaluat\w*|assess\w*|detect\w*|look(s|ing)? for|test(s|ing)? for|screen(s|ing)? for|"
                      r"identif\w*|diagnos\w*|confirm\w*)\b", re.I)
TOPIC_CUT = re.compile(r"\s(vs\.?|versus|rather than|where|compared with|and not)\s|\(", re.I)
VS = Cue(r"\s+(?:vs\.?|versus)\s+")
_ALNUM = re.compile(r"[A-Za-z0-9]+")
PREDICATE_START = re.compile(r"^\W*(is|are|was|were|may|can|might|could|has|have|found|seen|"
                             r"detected|identified|measured|used|refers?|often|also|not)\b", re.I)
IT_THEY = re.compile(r"\b(it|they)\b", re.I)
CONJUNCTION_START = re.compile(r"^\s*,?\s*(and|or|but)\b", re.I)
OF_END = re.compile(r"\bof\s*$")
# what a lead-in's fragment opens with ("Occult micrometastasis: May be found ..."); a sentence may also open with
# "was", "does", "do"
_FRAGMENT_WORDS = r"may|can|might|could|is|are|often|usually|typically|commonly|present|appears?|has|have"
FRAGMENT_START = re.compile(rf"^({_FRAGMENT_WORDS}|was|does|do)\b", re.I)
RELATIVE_END = re.compile(r"\b(that|which)\s+(has|have|had|may|can|is|are|was|were)?\s*(\w+ly\s+)?$", re.I)
LEAD_FRAGMENT_START = re.compile(rf"^({_FRAGMENT_WORDS})\b", re.I)
RELATIVE_START = re.compile(r",\s*(which|who)\b", re.I)
OF_OR_BREAK = re.compile(r"\bof\b|[;:]")
AND_OR_START = re.compile(r"^\s*(,\s*)?(and|or)\s")
CLAUSE_WORD = re.compile(r"\b(of|is|are|was|were|be|been|can|may|will|which|that)\b|[;:]")
PREPOSITION_END = re.compile(r"\b(with|by|on|in|of|using|for|to|from|through|via|after|before|under)\s+(the\s+|a\s+|an\s+)?$",
                             re.I)
PP_GAP = re.compile(r"^\s+(in|within|inside|at|near|from|on)\s+(the\s+|a\s+|an\s+)?$", re.I)   # "X in (the) Y"
CLAUSE_AND = re.compile(r"^\s*(\([^()]*\))?\s*,\s*(and|or|but)\s", re.I)   # ", and" between two clauses
FROM_END = re.compile(r"\b(from|through|via|along|by way of)\s+(the\s+)?$", re.I)   # a source or a path, not a site
ALSO = re.compile(r"\balso\b", re.I)
INCLUDES_END = re.compile(r"includes?\s*$")
OF = re.compile(r"\bof\b")
DEFINITION = re.compile(r"^(?P<article>(A|An|The)\s+)?(?P<term>[A-Za-z][\w\-/ ()]{1,80}?)\s+"
                        r"(is|are|refers to|describes|means)\s+(a|an|the)\s+\w")
DEFINITION_VERBS = frozenset({"is", "are", "refers", "describes", "means"})   # words DEFINITION needs
NOT_A_TERM = re.compile(r"^(The|This|These|That|A|An|Some|Many|Most|Each|There|Here|What|When|Because|While|If|"
                        r"Although|Since|As|In|For|After|Before|During|Once|Whether|Why|How|Where|Who|Which|Such|"
                        r"Other|Both|All|Any|No|One|Its|Their)\b")
UNHEDGED_RELATIONS = {"is_a", "part_of", "precedes", "smaller_than", "contrasted_with"}

ALL_CATEGORIES = frozenset(CATEGORIES)
DETECTABLE = {"SpreadPattern", "Neoplasm", "ClinicalFinding"}
DETECTORS = {"Procedure", "DetectionMethod"}
SITED = {"SpreadPattern", "BiologicalProcess"}


@dataclass
class Pattern:
    """A verb cue that states a relation between a subject before it and objects after it."""

    relation: str
    cue: Cue
    subjects: set[str] | None = None      # allowed categories of the relation's subject (None: any)
    objects: set[str] | None = None       # allowed categories of the relation's object
    reverse: bool = False                 # the concept before the cue is the relation's object


def _p(rel: str, cue: str, subjects=None, objects=None, reverse=False) -> Pattern:
    return Pattern(rel, Cue(cue), subjects, objects, reverse)


COMPARISONS = ("distinct_from", "contrasted_with")   # relations that set two like things side by side
PATTERNS = [
    _p("causes", r"\b(cause[sd]?|causing|lead(s)? to|result(s)? in|produce[sd]?|trigger[sd]?)\b",
       objects={"ClinicalFinding"}),
    _p("mimics", r"\b(resemble[sd]?|mimic(s|ked|king)?|look(s)? like|be mistaken for|masquerade as)\b"),
    _p("detected_by", r"\b(detected|identified|confirmed|found|seen|felt|measured|diagnosed|visible|shown|assessed|evaluated|"
                      r"revealed|detectable|picked up|characteri[sz]ed)\s+(only\s+)?(by|with|on|using|through|via|from)\b",
       subjects=DETECTABLE, objects=DETECTORS),
    _p("detected_by", r"\b(detects?|identif(y|ies)|confirms?|reveals?|measures?|diagnoses|"
                      r"to (detect|identify|confirm|find|measure|reveal|diagnose))\b",
       subjects=DETECTABLE, objects=DETECTORS, reverse=True),
    _p("influences", r"\b(change[sd]?|affect(s|ed)?|influence[sd]?|inform(s|ed)?|alter(s|ed)?|modif(y|ies)|"
                     r"shape[sd]?|upstage[sd]?|determine[sd]?|impact(s|ed)?)\b",
       subjects={"SpreadPattern", "Neoplasm", "Staging", "ClinicalFinding", "BiologicalProcess"},
       objects={"Staging", "ClinicalActivity", "Therapy"}),
    _p("treated_with", r"\b(treated|managed|controlled|addressed)\s+(with|by|using)\b|\b(prioriti[sz]es?|"
                       r"requires?|receives?|responds? to|benefits? from)\b",
       subjects={"SpreadPattern", "Neoplasm", "ClinicalFinding"}, objects={"Therapy"}),
    _p("treated_with", r"\b(is|are)\s+(often\s+|usually\s+|typically\s+)?central (when|for|in)\b|\b(treats?|to treat)\b",
       subjects={"SpreadPattern", "Neoplasm", "ClinicalFinding"}, objects={"Therapy"}, reverse=True),
    _p("used_in", r"\b(used|applied|applies|apply|common|discussed|employed|standard)\s+(in|to|for)\b|\bperformed in\b",
       objects={"Neoplasm", "ClinicalActivity", "Staging"}),
    _p("originates_from", r"\b(spread|spreads|arises?|arose|originates?|originated|derived?|comes?|came|"
                          r"develops?|shed|detach(es|ed)?|disseminated|broken away|break away)\s+from\b|"
                          r"\bsame (\w+ )?type as\b",
       objects={"Neoplasm", "AnatomicalSite"}),
    _p("spreads_to", r"\bspread(s|ing)?\s+(to|into)\b|\bmetastasi[sz](e|es|ed|ing)\s+(to|into)\b|"
                     r"\b(reach(es)?|travel(s)? to|seed(s)?)\b",
       subjects={"SpreadRoute", "Neoplasm", "SpreadPattern"}, objects={"AnatomicalSite"}),
    _p("spreads_via", r"\b(spread(s|ing)?|occurs?|travels?|disseminates?|moves?)\s+(via|through|by way of|by)\b",
       objects={"SpreadRoute"}),
    _p("associated_with", r"\b(associated with|linked to|correlated? with)\b"),
    _p("associated_with", r"\b(refers? to|means?|indicates?)\b", subjects={"Staging"},
       objects={"SpreadPattern"}),
    _p("associated_with", r"\b(refers? to|means?|indicates?)\b", subjects={"SpreadPattern"},
       objects={"Staging"}),
    _p("part_of", r"\b(is|are|as)\s+(a\s+|an\s+|the\s+)?(\w+\s+)?(part|component|step|stage|phase)s?\s+(of|in)\b",
       subjects={"BiologicalProcess", "SpreadPattern", "SpreadRoute"},
       objects={"BiologicalProcess", "SpreadPattern", "SpreadRoute"}),
    _p("part_of", r"\b(involves?|includes?|comprises?)\b", subjects={"BiologicalProcess"},
       objects={"SpreadPattern"}, reverse=True),
    _p("located_in", r"\b(includes?|involves?|affects?)\b", subjects=SITED, objects={"AnatomicalSite"}),
    _p("distinct_from", r"\b(not the same as|different from|distinct from|rather than|not to be confused with)\b"),
]
_PATTERNS_BY_WORD: dict[str, list[int]] = {}   # a word -> the patterns whose matches can begin with it
for _i, _pattern in enumerate(PATTERNS):
    for _word in _pattern.cue.words or ():
        _PATTERNS_BY_WORD.setdefault(_word, []).append(_i)
_ALWAYS_TRIED = [i for i, pattern in enumerate(PATTERNS) if pattern.cue.words is None]
# every word some way through a pattern's cue needs (see Cue.possible_all)
_PATTERN_WORDS = frozenset(_PATTERNS_BY_WORD).union(*(way for p in PATTERNS for way in p.cue.ways or ()))


@functools.lru_cache(maxsize=4096)
def _patterns_for(cue_words: frozenset[str]) -> list[Pattern]:
    """The PATTERNS a sentence holding these cue words may match, in order (few word sets recur)."""
    picked = set(_ALWAYS_TRIED).union(*(_PATTERNS_BY_WORD.get(w, ()) for w in cue_words))
    return [PATTERNS[i] for i in sorted(picked) if PATTERNS[i].cue.possible_all(cue_words)]

DISTINCT_NOT = Cue(r",\s+not\s+(a |an |the |true )?$")
RELATED = Cue(r"\brelated\b")
SITES_OF = Cue(r"\b(sites?|locations?|places?)\s+(of|for)\s+(the\s+)?")
SITES_VERB = re.compile(r"\s*(\([^()]*\)\s*)?(are|is|include|includes|were)\s+(the\s+)?", re.I)
FRAMEWORK = Cue(r"\bwhere\b")
FRAMEWORK_TAIL = re.compile(r"^\W*\s*(is|are)\s+(not\s+)?(the\s+|a\s+)?(usual\s+|standard\s+|main\s+|common\s+|"
                            r"preferred\s+|typical\s+)?(framework|term|concept|approach|model)\b", re.I)
CONSIDERED = Cue(r"\bconsidered\b")
ENUM_AFTER = re.compile(r"^\s*(\w+\s)?(\(\s*(such as|including|like|e\.g\.,?|for example,?)?\s*|,?\s*such as\s+|"
                        r",\s*including\s+|\s*like\s+|\s*(may |can |often |usually )?includes?\s+)$", re.I)
CALLED = re.compile(r"(?<!also)(?<!also )(?<!,)\s*,?\s*(called|known as|termed|referred to as)\s+(the\s+|a\s+)?$", re.I)
APPOSITION = re.compile(r"^\s*,\s*(a|an|one)\s+(type|kind|form|subtype|variant|category)\s+of\s+(the\s+)?$", re.I)
# a word that may stand between "is a/the" and the noun it describes ("the hypothetical first lymph node"),
# not one that turns to another relation ("a cause of", "a risk for", "the same as")
_MODIFIER = (r"(?!(?:of|for|in|into|to|from|with|by|on|at|than|as|like|same|different|other|opposite|another|"
             r"part|cause|result|sign|risk|marker|step|stage|phase|component|not)\b)\w+\s+")
COPULA = re.compile(r"^\s*(is|are)\s+(not\s+)?(a\s+|an\s+|one of the\s+|a (type|kind|form|subtype|variant) of\s+|"
                    r"(types|kinds|forms|subtypes) of\s+|(a|an|the)\s+(" + _MODIFIER + r"){1,2})?$", re.I)
NOT_ALL = re.compile(r"\bnot all\b", re.I)
FAQ_SAME = re.compile(r"^\s*(is|are)\b.*\b(the same as|same thing as|identical to)\b", re.I)
FAQ_NO = re.compile(r"^\W*(no|not necessarily|not always|not exactly|not quite|not usually)\b", re.I)
NOMINAL_DETECT = Cue(r"\b(confirmation|detection|identification|diagnosis|evaluation|work-?up)\b[^.]{0,25}?"
                     r"\b(involves?|includes?|requires?|relies on|depends on|uses?|is based on)\b")
MANAGEMENT = Cue(r"\b(management|treatment|therapy|care)\s+(may |can |often |usually |typically )?"
                 r"(include|includes|involve|involves|consist of|consists of)\b")


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
        # What was read with the document's lexicon, kept until the lexicon grows (see learn)
        self.lexicon_version = 0
        self._text_cache: dict[str, list[Mention]] = {}
        self._block_cache: dict[tuple, object] = {}   # (function, block id) -> its answer
        self._sentence_with: dict[str, tuple[Sentence, int]] = {}   # text -> a sentence of it, version read at
        self._patterns: dict[int, list[Pattern]] = {}
        self.sentences_of: dict[int, list[Sentence]] = {}   # block id -> its sentences, in order
        self.heading_of = {id(b.section): b for b in doc.blocks if b.kind == "heading"}   # section id -> its heading
        for s in doc.sentences:
            self.sentences_of.setdefault(id(s.block), []).append(s)

    # -- helpers --------------------------------------------------------------------------
    def cat(self, key: str) -> str:
        return self.concepts[key].category

    def specific(self, m: Mention) -> bool:
        return not self.concepts[m.key].generic

    def sent_mentions(self, s: Sentence) -> list[Mention]:
        found = self.mentions.get(id(s))
        if found is None:
            found, tokens = self.matcher.find_with_words(s.text, s.start)
            s.keep_words(tokens)
            if "(" in s.text:
                for m in found:
                    self.depth[m] = paren_depth(s.text, m.start - s.start)
            self.mentions[id(s)] = found
            self._sentence_with.setdefault(s.text, (s, self.lexicon_version))
        return found

    def patterns(self, s: Sentence) -> list[Pattern]:
        """The PATTERNS whose cue can match in the sentence, in order."""
        found = self._patterns.get(id(s))
        if found is None:
            found = self._patterns[id(s)] = _patterns_for(s.words & _PATTERN_WORDS)
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
                found = [m for m in self.matcher.find(text) if self.specific(m)]
            self._text_cache[text] = found
        return found

    def learn(self, term: str, key: str) -> None:
        """Teach the document's matcher a term: what was read with the smaller lexicon is read again."""
        self.matcher.add(term, key)
        self.lexicon_version += 1
        self._text_cache.clear()
        self._block_cache.clear()

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
        if self.concepts[subject].generic or self.concepts[obj].generic:
            return
        if relation in ("located_in", "spreads_to") and \
                self.concepts[obj].label.lower() in self.concepts[subject].label.lower():
            return   # "liver metastasis ... liver" says nothing new
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
        run = [ms[i]]
        depth = self.depth.get(ms[i], 0)
        j = i
        last = ms[i]
        while True:
            k = j + 1 if forward else j - 1
            if k < 0 or k >= len(ms):
                break
            a, b = (last, ms[k]) if forward else (ms[k], last)
            if self.depth.get(ms[k], 0) != depth:
                # step over mentions inside a parenthesis that belongs to the previous conjunct
                if forward and self.depth.get(ms[k], 0) > depth:
                    j = k
                    continue
                break
            gap = _unparen(text[a.end - base:b.start - base])
            if not COORD_GAP.match(gap) and not (forward and UNKNOWN_CONJUNCT.match(gap)):
                break
            run.append(ms[k])
            j = k
            last = ms[k]
        return [m for m in run if self.specific(m)]


def paren_depth(text: str, i: int) -> int:
    """How many parentheses are open at text[i] (an opening one at i counts; stray closing ones do not)."""
    if "(" not in text[:i + 1]:
        return 0
    depth = 0
    for ch in PARENTHESES.findall(text, 0, i):
        depth = depth + 1 if ch == "(" else max(0, depth - 1)
    return depth + 1 if text[i:i + 1] == "(" else depth


def _clauses(d: _Doc, s: Sentence) -> list[tuple[int, int]]:
    """Clause spans (absolute offsets) of a sentence, cut at ';', 'but', ', while' ..."""
    if ";" not in s.text and CLAUSE_WORDS.isdisjoint(s.words):
        return [(s.start, s.end)]
    spans, start = [], 0
    for match in CLAUSE_BREAK.finditer(s.text):
        spans.append((s.start + start, s.start + match.start()))
        start = match.end()
    spans.append((s.start + start, s.end))
    return spans


def _words(text: str) -> int:
    return len(_ALNUM.findall(text))


def _more_words(text: str, n: int) -> bool:
    """_words(text) > n; a text shorter than 2n + 1 characters cannot hold more than n words."""
    return len(text) > 2 * n and _words(text) > n


def _unparen(text: str, repl: str = "") -> str:
    """text without its parenthesised parts (each replaced by repl)."""
    return PAREN.sub(repl, text) if "(" in text else text


# ----------------------------------------------------------------------------------------------
def extract(doc: Document, concepts: dict[str, Concept], matcher: Matcher, *,
            with_mentions: bool = False) -> Extraction:
    """Concepts, definitions and relations stated in one document (and its mentions, when asked)."""
    d = _Doc(doc, concepts, matcher)
    _learn_abbreviations(d)
    d.out.subject = _post_subject(d)
    for s in doc.sentences:
        d.sent_mentions(s)
    for s in doc.sentences:
        _sentence_rules(d, s)
    _structure_rules(d)
    _discover(d)
    _collect(d)
    if with_mentions:
        d.out.mentions = [m for s in doc.sentences for m in d.matcher.find(s.text, s.start)]
    return d.out


def _learn_abbreviations(d: _Doc) -> None:
    for s in d.doc.sentences:
        for short, long_form, _ in find_abbreviations(s.text):
            ms = d.matcher.find(long_form)
            key = None
            if ms and ms[-1].end == len(long_form.rstrip()) and ms[-1].start <= 2:
                key = ms[-1].key
            elif ms and ms[-1].end == len(long_form.rstrip()):
                key = ms[-1].key if len(ms[-1].text.split()) >= len(short) - 1 else None
            if key is None:
                continue
            d.learn(short, key)
            d.out.abbreviations.setdefault(key, set()).add(short)


def _post_subject(d: _Doc) -> str | None:
    """The concept a post is about: its title's head term, or its 'X Introduction' heading."""
    title = re.split(r"\s*[:|–—]\s+|\s+-\s+", d.doc.post.title)[0]
    candidates = [title]
    for b in d.doc.blocks:
        if b.kind == "heading":
            m = re.match(r"^(.+?)\s+(introduction|overview|definition)\b", b.text, re.I)
            if m:
                candidates.append(m.group(1))
            break
    for text in candidates:
        ms = d.text_mentions(text)
        if ms and ms[0].start == 0 and ms[0].end >= len(text.rstrip()) - 1:
            return ms[0].key
    term = candidates[-1].strip()
    if 0 < _words(term) <= 5:
        return _discover_concept(d, term, None, "post title")
    return None


def _discover_concept(d: _Doc, term: str, s: Sentence | None, how: str) -> str | None:
    ms = d.text_mentions(term)
    if ms and ms[0].start == 0 and ms[-1].end >= len(term) - 1:
        return ms[0].key if len(ms) == 1 else None
    key = slug(term)
    if not key or not re.match(r"[a-z]", key):
        return None
    if key not in d.concepts:
        label = term.strip()
        label = label[0].upper() + label[1:]
        evidence = _evidence(d, s, f"discovered:{how}") if s is not None else None
        concept = Concept(key=key, label=label, category="DiscoveredConcept", discovered=True, evidence=evidence)
        d.concepts[key] = concept
        d.out.concepts[key] = concept
        d.learn(term, key)
    return key


# -- topics -----------------------------------------------------------------------------------
def _lead_topic(d: _Doc, b: Block) -> str | None:
    """The concept a block's lead-in names (asked for by many rules, so kept until the lexicon grows)."""
    if not b.lead or b.kind == "faq":
        return None
    return d.of_block(_find_lead_topic, b)


def _find_lead_topic(d: _Doc, b: Block) -> str | None:
    first = re.match(r"[A-Za-z]+", b.lead)
    if first and first.group().lower() in IMPERATIVE:
        return None
    ms = _outer_mentions(d, _lead_head(b.lead))
    return ms[-1].key if ms else None


def _lead_head(lead: str) -> str:
    """A lead-in up to where it turns to something else ("X rather than Y", "X where ...", "X vs Y")."""
    cut = TOPIC_CUT.search(" " + lead + " ")
    return lead[:cut.start() - 1] if cut and cut.group().strip() != "(" else lead


def _outer_mentions(d: _Doc, text: str) -> list[Mention]:
    """Specific mentions of text that do not start inside parentheses."""
    return [m for m in d.text_mentions(text) if paren_depth(text, m.start) == 0]


def _faq_topic(d: _Doc, b: Block) -> str | None:
    if b.kind != "faq":
        return None
    ms = d.text_mentions(b.lead)
    keys = [m.key for m in ms]
    if d.out.subject in keys:
        return d.out.subject
    return keys[0] if keys else None


def _section_subject(d: _Doc, b: Block) -> str | None:
    section = b.section
    while section is not None:
        if section.heading:
            ms = d.text_mentions(section.heading)
            if ms:
                return ms[0].key
        section = section.parent
    return d.out.subject


def _topic(d: _Doc, b: Block) -> str | None:
    return _lead_topic(d, b) or _faq_topic(d, b) or _section_subject(d, b)


def _body_offset(d: _Doc, s: Sentence) -> int:
    """Where the sentence's own words begin: after a set-apart lead-in, a colon and spaces."""
    pos = max(s.start, s.block.body_start)
    while pos < s.end and d.doc.text[pos] in " :\n\t":
        pos += 1
    return pos


# -- sentence rules ---------------------------------------------------------------------------
def _sentence_rules(d: _Doc, s: Sentence) -> None:
    ms = d.sent_mentions(s)
    words = s.words
    heading = s.block.kind == "heading"
    lead_sentence = bool(s.block.lead) and s.end <= s.block.body_start and s.block.lead_block
    # Each rule runs only where the words it looks for are (see kg.cues): most sentences need few.
    if VS.possible(words):
        _vs_rule(d, s, ms, loose=heading or lead_sentence)
    if heading:
        return
    # the clause rules need a verb cue or a site named in the sentence
    clause_rules = bool(ms) and (bool(d.patterns(s)) or any(d.cat(m.key) == "AnatomicalSite" for m in ms))
    inherited = _no_subject
    for start, end in _clauses(d, s) if clause_rules else ():
        cms = [m for m in ms if m.start >= start and m.end <= end]
        own = _once(functools.partial(_subject_of_clause, d, s, cms, start, inherited))
        _pattern_rules(d, s, cms, start, end, own)
        _located_rule(d, s, cms, start, end, own)
        inherited = own
    if lead_sentence:
        for rule, cue in ((_framework_rule, FRAMEWORK), (_distinct_rule, DISTINCT_NOT)):
            if cue.possible(words):
                rule(d, s, ms)
        return
    if len(ms) > 1:
        _enumeration_rule(d, s, ms)
    for rule in _word_rules_for(words & _WORD_RULE_WORDS):
        rule(d, s, ms)
    if s.block.kind == "definition" or not DEFINITION_VERBS.isdisjoint(words):
        _definition_rule(d, s, ms)


def _subject_before(d: _Doc, s: Sentence, cms: list[Mention], pos: int, start: int) -> list[Mention] | str | None:
    """The subject of a cue at pos: the coordinated concepts just before it, or the topic."""
    before = [i for i, m in enumerate(cms) if m.end <= pos]
    text = s.text
    cue_depth = paren_depth(text, pos - s.start)
    fallback = None
    for i in reversed(before):
        m = cms[i]
        gap = text[m.end - s.start:pos - s.start]
        gap_clean = _unparen(gap).replace(")", "")
        if d.depth.get(m, 0) > cue_depth:
            # inside a parenthesis that closed before the cue: "Tissue sampling (for example, X) can
            # reveal ..." makes X the subject only when nothing outside the parenthesis can be
            if fallback is None and ")" in gap and d.specific(m) and not _more_words(gap_clean, 8):
                fallback = i
            continue
        if (":" in gap_clean or ";" in gap_clean) or _more_words(gap_clean, 8):
            break
        if IT_THEY.search(gap_clean):
            return _topic(d, s.block)
        if not d.specific(m):
            continue
        if CONJUNCTION_START.match(gap_clean):
            # "X can affect A and may influence B": A is an object; the subject is X's
            return _subject_before(d, s, cms, m.start, start)
        if OF_END.search(gap_clean):
            break
        if m.start == _body_offset(d, s) and _starts_with_head(d, s, cms):
            return _lead_topic(d, s.block)
        run = _subject_run(d, s, d.coord_run(cms, i, text, s.start, forward=False), start)
        head = _copula_subject(d, s, cms, run) or _modified_head(d, s, cms, run)
        return _subject_run(d, s, d.coord_run(cms, cms.index(head), text, s.start, forward=False), start) \
            if head is not None else run
    if fallback is not None:
        return d.coord_run(cms, fallback, text, s.start, forward=False)
    # no concept right before the cue: a pronoun, a fragment after a lead-in, or a generic subject
    body = max(start, _body_offset(d, s))
    head = text[body - s.start:pos - s.start] if body <= pos else ""
    if PRONOUN.match(head):
        return _topic(d, s.block)
    if s.block.lead_apart and s.start <= s.block.body_start <= pos and _lead_topic(d, s.block) \
            and (FRAGMENT_START.match(head) or _starts_with_head(d, s, cms)):
        return _lead_topic(d, s.block)
    generic_first = [m for m in cms if m.end <= pos]
    if generic_first and not d.specific(generic_first[0]) and s.block.lead:
        return _lead_topic(d, s.block)
    # "X is a ... that has spread from Y": the relative clause's subject is the sentence's
    first = [m for m in cms if m.end <= pos and d.specific(m)]
    if first and first[0].start - s.start <= 2 and RELATIVE_END.search(text[:pos - s.start]):
        return [first[0]]
    return None


def _no_subject() -> None:
    return None


def _once(fn: Callable[[], Subject]) -> Callable[[], Subject]:
    """fn's value, worked out on the first call only (a clause's subject is needed only where a rule fires)."""
    cell: list[Subject] = []

    def value() -> Subject:
        if not cell:
            cell.append(fn())
        return cell[0]
    return value


def _subject_of_clause(d: _Doc, s: Sentence, cms: list[Mention], start: int,
                       inherited: Callable[[], Subject]) -> Subject:
    """The clause's own subject, else the previous clause's when this one goes on with a verb ("..., but is ...")."""
    own = _clause_subject(d, s, cms, start)
    if own is None and PREDICATE_START.match(s.text[start - s.start:]):
        own = inherited()
    return own


def _mention_before(d: _Doc, s: Sentence, cms: list[Mention], run: list[Mention]) -> tuple[Mention, str] | None:
    """The specific concept named just before a run (at the same parenthesis depth), and the words between."""
    if not run or cms.index(run[-1]) == 0:
        return None
    x = cms[cms.index(run[-1]) - 1]
    if not d.specific(x) or d.depth.get(x, 0) != d.depth.get(run[-1], 0):
        return None
    return x, s.text[x.end - s.start:run[-1].start - s.start]


def _copula_subject(d: _Doc, s: Sentence, cms: list[Mention], run: list[Mention]) -> Mention | None:
    """In "X are Ys too small to be seen ...", the Ys are what X is: the claim is about X."""
    found = _mention_before(d, s, cms, run)
    copula = COPULA.match(found[1]) if found else None
    return found[0] if copula and not copula.group(2) else None   # "X is not a Y that ..." says nothing of X


def _modified_head(d: _Doc, s: Sentence, cms: list[Mention], run: list[Mention]) -> Mention | None:
    """In "Micrometastases in lymph nodes can upstage ...", the nodes only say where: the subject is the
    concept the prepositional phrase belongs to."""
    found = _mention_before(d, s, cms, run)
    if found is None or not PP_GAP.match(found[1]):
        return None
    return _modified_head(d, s, cms, [found[0]]) or found[0]


def _subject_run(d: _Doc, s: Sentence, run: list[Mention], start: int) -> list[Mention]:
    """A subject read backwards from its verb ("A, B, and C can reveal ..."), without the part that is
    the object of a preposition in an earlier clause ("examined with A, and B can reveal ...": B)."""
    if len(run) < 2 or not PREPOSITION_END.search(s.text[max(0, start - s.start):run[-1].start - s.start]):
        return run
    for k in range(len(run) - 1):   # run goes from the verb backwards
        if CLAUSE_AND.match(s.text[run[k + 1].end - s.start:run[k].start - s.start]):
            return run[:k + 1]
    return run


def _clause_subject(d: _Doc, s: Sentence, cms: list[Mention], start: int) -> list[Mention] | str | None:
    """What a clause is about: the concepts it opens with, a pronoun's topic, or a lead-in's topic."""
    body_start = max(start, _body_offset(d, s))
    head = s.text[body_start - s.start:]
    if PRONOUN.match(head):
        return _topic(d, s.block)
    opening = [m for m in cms if m.start >= body_start]
    if opening:
        i = cms.index(opening[0])
        lead_words = _words(s.text[body_start - s.start:opening[0].start - s.start])
        if lead_words <= 1:
            if not d.specific(opening[0]):
                return _lead_topic(d, s.block) if s.block.lead else None
            if opening[0].start == _body_offset(d, s) and _starts_with_head(d, s, cms):
                return _lead_topic(d, s.block)
            run = d.coord_run(cms, i, s.text, s.start)
            return run or None
    if s.block.kind == "definition" and s.start >= s.block.body_start and \
            (s is _first_body_sentence(d, s.block) or FRAGMENT_START.match(head)):
        # a glossary description is about its term, where it has no subject of its own: its opening
        # fragment, or a sentence that opens with a verb ("For example, X tends to ..." is about X)
        return _lead_topic(d, s.block)
    if s.block.lead_apart and s.start <= s.block.body_start and LEAD_FRAGMENT_START.match(head):
        return _lead_topic(d, s.block)
    return None


def _starts_with_head(d: _Doc, s: Sentence, cms: list[Mention]) -> bool:
    """A definitional fragment: "Occult micrometastasis: Micrometastasis not detected by ..."."""
    topic = _lead_topic(d, s.block)
    if not s.block.lead_apart or not cms or topic is None or cms[0].start != _body_offset(d, s):
        return False
    head = d.concepts[cms[0].key].label.lower()
    return topic != cms[0].key and d.concepts[topic].label.lower().endswith(head)


def _objects_after(d: _Doc, s: Sentence, cms: list[Mention], pos: int, end: int) -> list[Mention]:
    for i, m in enumerate(cms):
        if m.start < pos or m.end > end:
            continue
        gap = s.text[pos - s.start:m.start - s.start]
        gap = EXAMPLE_INTRO.sub(" ", gap) if "(" in gap else gap
        gap = _unparen(gap, " ")
        if _more_words(gap, 6) or OF_OR_BREAK.search(gap) or "," in gap.strip(" ,"):
            return []
        if not d.specific(m):
            continue
        run = d.coord_run(cms, i, s.text, s.start)
        # later conjuncts: "influence cancer staging and the way clinicians estimate recurrence risk"
        for later in cms[cms.index(run[-1]) + 1:] if run else []:
            if later.end > end or d.depth.get(later, 0) != d.depth.get(run[0], 0):
                continue
            gap = _unparen(s.text[run[-1].end - s.start:later.start - s.start], " ")
            if AND_OR_START.match(gap) and not _more_words(gap, 6) and not CLAUSE_WORD.search(gap):
                if d.specific(later):
                    run.append(later)
            else:
                break
        return run
    return []


def _relative_start(s: Sentence, start: int, pos: int) -> int:
    """Where the relative clause holding pos begins (", which is assessed with ..."), else start."""
    found = None
    for found in RELATIVE_START.finditer(s.text, start - s.start, pos - s.start):
        pass
    return s.start + found.start() if found else start


def _scope(s: Sentence, a: int, b: int) -> str:
    return s.text[max(0, a - s.start):max(0, b - s.start)]


def _pattern_rules(d: _Doc, s: Sentence, cms: list[Mention], start: int, end: int,
                   clause_subject: Callable[[], Subject] = _no_subject) -> None:
    if not cms:
        return
    for pattern in d.patterns(s):
        for match in pattern.cue.regex.finditer(s.text, start - s.start, end - s.start):
            cue_start, cue_end = s.start + match.start(), s.start + match.end()
            if any(m.start < cue_end and m.end > cue_start and d.specific(m) for m in cms):
                continue   # the cue is part of a concept's name
            objs = _objects_after(d, s, cms, cue_end, end)
            if not objs:
                continue
            subj = _subject_before(d, s, cms, cue_start, start) or clause_subject()
            if subj is None:
                continue
            subjects = _subject_keys(subj)
            own = _relative_start(s, start, cue_start)   # a relative clause's own words decide its polarity
            scope = _scope(s, own, objs[-1].end)
            negative = bool(NEGATION.search(_scope(s, own, cue_start) + " " + _scope(s, cue_end, objs[0].start), s.words))
            _relate(d, pattern, subjects, [o.key for o in objs], s, f"verb:{pattern.relation}",
                    negative=negative, scope=scope)


def _relate(d: _Doc, pattern: Pattern, subjects: list[str], objects: list[str], s: Sentence, rule: str,
            **evidence) -> None:
    """The pattern's relation from each subject to each object (the other way for a reversed pattern),
    where their categories fit it."""
    for a in subjects:
        for o in objects:
            x, y = (o, a) if pattern.reverse else (a, o)
            if (pattern.subjects and d.cat(x) not in pattern.subjects) or \
                    (pattern.objects and d.cat(y) not in pattern.objects):
                continue
            d.add(x, pattern.relation, y, s, rule, **evidence)


def _subject_keys(subj: list[Mention] | str) -> list[str]:
    return [subj] if isinstance(subj, str) else [m.key for m in subj]


def _located_rule(d: _Doc, s: Sentence, cms: list[Mention], start: int, end: int,
                  subject: Callable[[], Subject]) -> None:
    """A spread pattern (or process) that is the clause's subject, and sites named in the clause."""
    sites = [m for m in cms if d.cat(m.key) == "AnatomicalSite" and d.specific(m)]
    if not sites:
        return
    subj = subject()
    if subj is None:
        return
    subjects = _subject_keys(subj)
    for a in subjects:
        category = d.cat(a)
        relation = "spreads_to" if category == "SpreadRoute" else "located_in" if category in SITED else None
        if relation is None:
            continue
        for site in sites:
            if not isinstance(subj, str) and any(site is m for m in subj):
                continue
            owners = [m for m in cms if m.end <= site.start and d.cat(m.key) in SITED | {"SpreadRoute"}]
            if owners and owners[-1].key != a and not isinstance(subj, str) and owners[-1] not in subj:
                continue   # "the same as micrometastasis in lymph nodes": the site is the other concept's
            if owners and isinstance(subj, str) and owners[-1].key != a:
                continue
            pre = s.text[max(0, site.start - s.start - 20):site.start - s.start]
            if FROM_END.search(pre):
                continue
            negative = bool(NEGATION.search(_scope(s, start, site.start), s.words))
            d.add(a, relation, site.key, s, f"cooccurrence:{relation}", negative=negative,
                  scope=_scope(s, start, site.end))


def _enumeration_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Ys (A, B, C)', 'Ys such as A and B', 'Ys, including A', 'Y may include A, B': A is_a Y."""
    for i, head in enumerate(ms):
        if not d.specific(head) or i + 1 >= len(ms):
            continue
        nxt = ms[i + 1]
        gap = s.text[head.end - s.start:nxt.start - s.start]
        if d.cat(nxt.key) == d.cat(head.key):   # apposition and copula join concepts of one category
            if CALLED.match(gap) and not ALSO.search(gap):
                d.add(nxt.key, "is_a", head.key, s, "apposition:called")
                continue
            if APPOSITION.match(gap):
                d.add(head.key, "is_a", nxt.key, s, "apposition:type-of")
                continue
            copula = COPULA.match(gap)
            if copula and d.depth.get(head, 0) == d.depth.get(nxt, 0):
                negative = bool(copula.group(2)) or bool(NOT_ALL.search(s.text[:head.start - s.start]))
                d.add(head.key, "is_a", nxt.key, s, "copula:is_a", negative=negative)
                continue
        if not ENUM_AFTER.match(gap):
            continue
        if INCLUDES_END.search(gap) and head is not ms[0]:
            continue   # "Y may include A, B" only with Y as the sentence's subject
        items = d.coord_run(ms, i + 1, s.text, s.start)
        for item in items:
            if d.cat(item.key) == d.cat(head.key):
                d.add(item.key, "is_a", head.key, s, "enumeration:is_a")


def _related_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    for match in RELATED.finditer(s.text, s.words):
        pos = s.start + match.start()
        subj = _subject_before(d, s, ms, pos, s.start)
        if subj is None:
            continue
        after = [m for m in ms if m.start >= s.start + match.end() and d.depth.get(m, 0) == 0 and d.specific(m)]
        if not after:
            continue
        subjects = _subject_keys(subj)
        for a in subjects:
            d.add(a, "related_to", after[0].key, s, "verb:related_to", scope=_scope(s, s.start, after[0].end))


def _sites_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'The (most common) sites of X are/include A, B and C': X is found at (or spreads to) each site."""
    for match in SITES_OF.finditer(s.text, s.words):
        after = [i for i, m in enumerate(ms) if m.start >= s.start + match.end()]
        if not after:
            continue
        x = ms[after[0]]
        if not d.specific(x) or _words(s.text[match.end():x.start - s.start]) > 1 \
                or d.cat(x.key) not in ("SpreadPattern", "Neoplasm"):
            continue
        verb = SITES_VERB.match(s.text, x.end - s.start)
        rest = [i for i in after[1:] if ms[i].start - s.start >= (verb.end() if verb else len(s.text))]
        if verb is None or not rest or _words(s.text[verb.end():ms[rest[0]].start - s.start]) > 0:
            continue
        relation = "located_in" if d.cat(x.key) == "SpreadPattern" else "spreads_to"
        for site in d.coord_run(ms, rest[0], s.text, s.start):
            if d.cat(site.key) == "AnatomicalSite":
                d.add(x.key, relation, site.key, s, f"sites:{relation}")


def _distinct_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'X, not Y' states that X is not Y."""
    for i, m in enumerate(ms):
        found = DISTINCT_NOT.search(s.text[:m.start - s.start], s.words)
        if not found or not d.specific(m):
            continue
        cue = s.start + found.start()
        subj = _subject_before(d, s, ms, cue, s.start)
        if subj is None:
            continue
        for a in ([subj] if isinstance(subj, str) else [x.key for x in subj]):
            d.add(a, "distinct_from", m.key, s, "contrast:not", scope=_scope(s, s.start, m.end))


def _vs_rule(d: _Doc, s: Sentence, ms: list[Mention], loose: bool) -> None:
    """'A vs B (vs C)': each pair is contrasted; in a lead-in or heading also shares the head noun."""
    if not VS.search(s.text, s.words):
        return
    parts = _vs_parts(d, s.text, loose)
    keys = [k for k in parts if k]
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if keys[i] != keys[j]:
                d.add(keys[i], "contrasted_with", keys[j], s, "comparison:vs")


def _vs_parts(d: _Doc, text: str, loose: bool) -> list[str | None]:
    """The concept each side of 'A vs B' names (the head is the last concept, before any 'for ...')."""
    if not loose:
        m = re.search(r"(?:^|[,;(:]\s*)([^,;():]*?(?:\s+(?:vs\.?|versus)\s+[^,;():]*?)+)(?=$|[,;():.])", text, re.I)
        if not m:
            return []
        text = m.group(1)
    else:
        text = re.split(r"\s*:\s*", text)[0]
    raw = VS.regex.split(PAREN.sub("", text))
    raw = [re.split(r"\s+(?:for|in|of|with|among|during)\s+", p, maxsplit=1)[0].strip() for p in raw]
    out: list[str | None] = []
    tail = raw[-1].split()
    for part in raw:
        ms = d.text_mentions(part)
        bare = re.sub(r"^\s*(the|a|an)\s+", "", part[:ms[-1].start], flags=re.I) if ms else ""
        if ms and (loose or (ms[-1].end >= len(part) - 1 and _words(bare) == 0)):
            out.append(ms[-1].key)
            continue
        key = None
        if loose and ms == [] and part:
            for n in (1, 2):
                shared = d.text_mentions(part + " " + " ".join(tail[-n:]))
                if shared:
                    key = shared[-1].key
                    break
        out.append(key)
    return out


def _framework_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Ys where X is (not) the usual framework/term' states whether X is used in Y."""
    for match in FRAMEWORK.finditer(s.text, s.words):
        pos = s.start + match.start()
        before = [m for m in ms if m.end <= pos and d.specific(m)]
        after = [m for m in ms if m.start >= s.start + match.end() and d.specific(m)]
        if not before or not after:
            continue
        x = after[0]
        tail = FRAMEWORK_TAIL.match(s.text[x.end - s.start:])
        if not tail or _words(s.text[match.end():x.start - s.start]) > 1:
            continue
        d.add(x.key, "used_in", before[-1].key, s, "framework:used_in", negative=bool(tail.group(2)),
              scope=s.text[match.start():])


def _considered_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'X ... Y (therapy) might be considered' states that X is treated with Y."""
    for match in CONSIDERED.finditer(s.text, s.words):
        pos = s.start + match.start()
        therapies = [m for m in ms if m.end <= pos and d.cat(m.key) == "Therapy"]
        if not therapies:
            continue
        therapy = therapies[-1]
        lead = s.text[:therapy.start - s.start]
        if re.search(r"\b(whether|if)\b", lead, re.I):
            continue   # "influence whether Y is considered" is about the decision, not the treatment
        firsts = [m for m in ms if m.start < therapy.start and d.specific(m) and d.cat(m.key) in DETECTABLE]
        if not firsts:
            continue
        d.add(firsts[0].key, "treated_with", therapy.key, s, "verb:considered",
              scope=s.text[:match.end()])


def _management_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Management/Treatment may include A, B': the topic is treated with each therapy named."""
    words = s.words
    match = MANAGEMENT.match(s.text, words, max(0, s.block.body_start - s.start))
    if not match and s.start >= s.block.body_start:
        match = MANAGEMENT.match(s.text.lstrip(": "), words)
    if not match or any(m.start - s.start < match.start() and d.specific(m) for m in ms):
        return
    topic = _topic(d, s.block)
    if topic is None or d.cat(topic) not in DETECTABLE:
        return
    after = [i for i, m in enumerate(ms) if m.start >= s.start + match.end()]
    if not after:
        return
    first = ms[after[0]]
    if _words(s.text[match.end():first.start - s.start]) > 3:
        return
    for m in d.coord_run(ms, after[0], s.text, s.start):
        if d.cat(m.key) == "Therapy":
            d.add(topic, "treated_with", m.key, s, "management:treated_with")


def _nominal_detection_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Confirmation may involve A plus B' under a topic: the topic is detected by A and B."""
    match = NOMINAL_DETECT.search(s.text, s.words)
    if not match or match.start() > 3:
        return
    topic = _faq_topic(d, s.block) or _topic(d, s.block)
    if topic is None or d.cat(topic) not in DETECTABLE:
        return
    for m in ms:
        if m.start >= s.start + match.end() and d.cat(m.key) in DETECTORS and d.depth.get(m, 0) == 0:
            gap = s.text[match.end():m.start - s.start]
            if _words(gap) <= 6 and not OF.search(gap):
                d.add(topic, "detected_by", m.key, s, "nominal:detected_by",
                      negative=bool(NEGATION.search(s.text[:m.start - s.start], s.words)))


def _definition_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'X is a/the ...' or 'X refers to ...' at a sentence start gives X's definition."""
    body = s.text
    if s.block.kind == "definition" and s.start >= s.block.body_start and s.block.lead:
        # a glossary entry: the description defines the term
        if d.text_mentions(s.block.lead) or _words(s.block.lead) <= 4:
            key = _lead_topic(d, s.block) or _discover_concept(d, s.block.lead, s, "glossary term")
            if key and key not in d.out.definitions:
                d.out.definitions[key] = _evidence(d, s, "definition")
        return
    if DEFINITION_VERBS.isdisjoint(s.words):
        return
    m = DEFINITION.match(body)
    if not m or NEGATION.match(body[m.end("term"):].strip(), s.words) or not body[:1].isupper():
        return
    term = PAREN.sub("", m.group("term")).strip()
    if s.block.kind == "faq" and s.start < s.block.body_start:
        return
    first = [x for x in ms if x.start == s.start + m.start("term")]
    if first and first[0].end - s.start >= m.end("term") - 1 and d.specific(first[0]):
        key = first[0].key
    elif not first and 1 <= _words(term) <= 4 and not PRONOUN.match(term) and not NOT_A_TERM.match(term):
        key = _discover_concept(d, term, s, "definition")
    else:
        return
    if key and key not in d.out.definitions:
        d.out.definitions[key] = _evidence(d, s, "definition")


# the sentence rules that look for a cue word, in the order they run
_WORD_RULES = ((_related_rule, RELATED), (_sites_rule, SITES_OF), (_distinct_rule, DISTINCT_NOT), (_framework_rule, FRAMEWORK),
               (_considered_rule, CONSIDERED), (_management_rule, MANAGEMENT), (_nominal_detection_rule, NOMINAL_DETECT))
_WORD_RULE_WORDS = frozenset().union(*(cue.words or () for _, cue in _WORD_RULES),
                                      *(way for _, cue in _WORD_RULES for way in cue.ways or ()))


@functools.lru_cache(maxsize=4096)
def _word_rules_for(cue_words: frozenset[str]) -> list:
    """The _WORD_RULES a sentence holding these cue words needs, in order."""
    return [rule for rule, cue in _WORD_RULES if cue.possible(cue_words) and cue.possible_all(cue_words)]


# -- document structure rules -----------------------------------------------------------------
def _lists(d: _Doc) -> dict[int, list[Block]]:
    lists: dict[int, list[Block]] = {}
    for b in d.doc.blocks:
        if b.kind == "item":
            lists.setdefault(b.list_id, []).append(b)
    return lists


def _first_sentence(d: _Doc, b: Block) -> Sentence:
    return d.sentences_of[id(b)][0]


def _first_body_sentence(d: _Doc, b: Block) -> Sentence | None:
    """The first sentence after a block's set-apart lead-in."""
    return next((s for s in d.sentences_of.get(id(b), []) if s.start >= b.body_start), None)


def _item_concepts(d: _Doc, b: Block) -> list[str]:
    """The concepts an item names: its lead-in's (each side of 'A vs B'), else its opening words."""
    return d.of_block(_find_item_concepts, b)


def _find_item_concepts(d: _Doc, b: Block) -> list[str]:
    text = b.lead or ""
    if text:
        if VS.regex.search(text):
            return [k for k in _vs_parts(d, text, loose=True) if k]
        head = _lead_head(text)
        ms = _outer_mentions(d, head)
        if not ms:
            return []
        coordinated = all(COORD_GAP.match(PAREN.sub("", head[a.end:b.start])) for a, b in zip(ms, ms[1:]))
        keys = [m.key for m in ms] if coordinated else [ms[-1].key]
        return list(dict.fromkeys(keys))
    ms = d.text_mentions(b.text.split("\n")[0])
    if ms and _words(b.text[:ms[0].start]) == 0:
        return [ms[0].key]
    return []


def _item_kinds(d: _Doc, b: Block) -> list[str]:
    """An item's concepts; a bare modifier under a parent ("Synchronous:" under "Synchronous vs
    metachronous metastasis") borrows the parent's head noun."""
    keys = _item_concepts(d, b)
    if not keys and b.parent is not None and b.lead:
        parent_tail = (b.parent.lead or "").split()
        for n in (1, 2):
            ms = d.text_mentions(b.lead + " " + " ".join(parent_tail[-n:]))
            if ms:
                return [ms[-1].key]
    return keys


def _structure_rules(d: _Doc) -> None:
    for items in _lists(d).values():
        top = [b for b in items if b.parent is None or b.parent.list_id != b.list_id]
        _types_rule(d, items)
        _steps_rule(d, top)
        _routes_rule(d, top)
        _evaluation_rule(d, items)
        _intro_verb_rule(d, items)
        _indications_rule(d, items)
        _influence_leads_rule(d, top)
        _lead_members_rule(d, items)
        _size_rule(d, items)
    _faq_rule(d)


def _types_rule(d: _Doc, items: list[Block]) -> None:
    """Items of a 'Types / variations' list name kinds of the post's (or the parent item's) subject."""
    b0 = items[0]
    if not TYPES_HEADING.search(b0.section.heading or ""):
        return
    subject = _section_subject(d, b0) if d.out.subject is None else d.out.subject
    if subject is None:
        return
    size_headers = {id(b) for b in items if SIZE_CUE.search(b.text)}
    for b in items:
        if b.parent is not None and id(b.parent) in size_headers:
            continue
        keys = _item_kinds(d, b)
        if subject in keys:
            continue   # "X vs Y" with the subject itself is a comparison, not a kind
        parent = subject
        if b.parent is not None:
            pk = _item_concepts(d, b.parent)
            if len(pk) == 1 and pk[0] != subject and d.cat(pk[0]) == d.cat(subject):
                parent = pk[0]
        for key in keys:
            if d.cat(key) == d.cat(parent):
                d.add(key, "is_a", parent, _first_sentence(d, b), "structure:types")


def _whole_for_steps(d: _Doc, items: list[Block], categories: set[str]) -> str | None:
    """The process a list of steps belongs to: named in the heading or the paragraphs before the list."""
    first = items[0]
    item_keys = {k for b in items for k in _item_concepts(d, b)}
    sections = []
    section = first.section
    while section is not None:
        sections.append(section)
        section = section.parent
    for section in sections:
        texts = [b for b in d.doc.blocks if b.section is section and b.start < first.start and b.kind != "item"]
        for b in reversed(texts):
            ms = [m for m in d.text_mentions(b.text) if m.key not in item_keys and d.cat(m.key) in categories]
            if ms:
                return ms[-1].key
    return None


def _steps_rule(d: _Doc, items: list[Block]) -> None:
    """An ordered or stepwise list of one kind of concept: each is part of the whole, in sequence."""
    if len(items) < 3:
        return
    first = items[0]
    context = " ".join(filter(None, [first.section.heading, first.intro.text if first.intro else ""]))
    if not (first.ordered or STEPS_CUE.search(context)):
        return
    keys = [(_item_concepts(d, b) or [None])[0] for b in items]
    resolved = [k for k in keys if k]
    categories = {d.cat(k) for k in resolved}
    if len(resolved) < max(2, (2 * len(items) + 2) // 3) or len(categories) != 1:
        return
    whole = _whole_for_steps(d, items, categories)
    for b, key in zip(items, keys):
        if key and whole:
            d.add(key, "part_of", whole, _first_sentence(d, b), "structure:steps")
    for (a, ka), (b, kb) in zip(zip(items, keys), list(zip(items, keys))[1:]):
        if ka and kb:
            d.add(ka, "precedes", kb, _first_sentence(d, b), "structure:sequence")


def _routes_rule(d: _Doc, items: list[Block]) -> None:
    """A list whose items name routes of spread: the subject spreads via each."""
    keys = [(_item_concepts(d, b) or [None])[0] for b in items]
    routes = [(b, k) for b, k in zip(items, keys) if k and d.cat(k) == "SpreadRoute"]
    if len(routes) < 2:
        return
    subject = _section_subject(d, items[0])
    if subject is None or d.cat(subject) not in ("SpreadPattern", "Neoplasm"):
        subject = d.out.subject
    if subject is None:
        return
    for b, k in routes:
        d.add(subject, "spreads_via", k, _first_sentence(d, b), "structure:routes")


def _evaluation_rule(d: _Doc, items: list[Block]) -> None:
    """Items under 'clinicians evaluate for X:' (or under a heading such as 'How X is detected') that
    name a test: X is detected by it."""
    groups: dict[int, tuple[Block, list[Block]]] = {}
    for b in items:
        header = b.parent if b.parent is not None and b.parent.list_id == b.list_id else b.intro
        if header is None or not _last_line(d, header).rstrip().endswith(":"):
            # a list that no line introduces is about its section's heading
            header = d.heading_of.get(id(b.section)) if b.parent is None else None
        if header is not None:
            groups.setdefault(id(header), (header, []))[1].append(b)
    for header, members in groups.values():
        last_line = _last_line(d, header)
        if not (last_line.rstrip().endswith(":") or header.kind == "heading") or not EVAL_CUE.search(last_line):
            continue
        targets = [m for m in d.text_mentions(last_line) if d.cat(m.key) in DETECTABLE]
        target = targets[0].key if targets else _section_subject(d, header)
        if target is None or d.cat(target) not in DETECTABLE:
            continue
        header_hedged = bool(HEDGES.regex.search(last_line))
        for b in members:
            s = _first_sentence(d, b)
            for key in _item_heads(d, b, s, DETECTORS):
                d.add(target, "detected_by", key, s, "structure:evaluation",
                      hedged=header_hedged or bool(HEDGES.regex.search(b.text)))


def _intro_verb_rule(d: _Doc, items: list[Block]) -> None:
    """A line that ends with a verb cue and a colon ("Bone metastases may cause:", "X is detected
    with:") states the cue's relation between its subject and the concept each item below names."""
    groups: dict[int, tuple[Block, list[Block]]] = {}
    for b in items:
        header = b.parent if b.parent is not None else b.intro
        if header is not None and d.sentences_of.get(id(header)):
            groups.setdefault(id(header), (header, []))[1].append(b)
    for header, members in groups.values():
        s = d.sentences_of[id(header)][-1]
        if not s.text.rstrip().endswith(":") or not d.sent_mentions(s):
            continue
        for pattern in d.patterns(s):
            for match in pattern.cue.regex.finditer(s.text):
                if s.text[match.end():].strip() != ":":
                    continue   # the cue must end the line: what it relates to is the list
                cue_start, cue_end = s.start + match.start(), s.start + match.end()
                start = max(a for a, _ in _clauses(d, s) if a <= cue_start)
                cms = [m for m in d.sent_mentions(s) if m.start >= start and m.end <= cue_start]
                subj = _subject_before(d, s, cms, cue_start, start)
                if not subj:
                    continue
                subjects = _subject_keys(subj)
                negative = bool(NEGATION.search(_scope(s, start, cue_end), s.words))
                hedged = bool(HEDGES.search(_scope(s, start, cue_end), s.words))
                for b in members:
                    item = _first_sentence(d, b)
                    _relate(d, pattern, subjects, _item_heads(d, b, item, ALL_CATEGORIES), item,
                            f"structure:intro-{pattern.relation}", negative=negative,
                            hedged=hedged or bool(HEDGES.search(item.text, item.words)))


def _last_line(d: _Doc, b: Block) -> str:
    sentences = d.sentences_of.get(id(b), [])
    return sentences[-1].text if sentences else b.text


def _item_heads(d: _Doc, b: Block, s: Sentence, categories: set[str]) -> list[str]:
    """The concepts of the given categories an item is about: its emphasised ones, else its first words'."""
    ms = d.sent_mentions(s)
    bold = _bold_spans(b)
    if bold:
        picked = [i for i, m in enumerate(ms) if any(m.start >= x and m.end <= y for x, y in bold)]
    else:
        picked = [i for i, m in enumerate(ms) if _words(s.text[:m.start - s.start]) <= 3][:1]
    keys = []
    for i in picked:
        for m in d.coord_run(ms, i, s.text, s.start):
            if d.cat(m.key) in categories and m.key not in keys:
                keys.append(m.key)
    return keys


def _indications_rule(d: _Doc, items: list[Block]) -> None:
    """A list of when a procedure or therapy is used, naming cancers: the subject is used in each."""
    first = items[0]
    context = " ".join(filter(None, [first.section.heading, first.intro.text if first.intro else ""]))
    if not USE_CUE.search(context) or any(b.parent is not None for b in items):
        return
    subject = _section_subject(d, first)
    if subject is None or d.cat(subject) not in ("Procedure", "DetectionMethod", "Therapy", "Staging"):
        return
    for b in items:
        s = _first_sentence(d, b)
        for key in _item_heads(d, b, s, {"Neoplasm"}):
            d.add(subject, "used_in", key, s, "structure:indications")


def _bold_spans(b: Block) -> list[tuple[int, int]]:
    return b.emphasis


def _influence_leads_rule(d: _Doc, items: list[Block]) -> None:
    """'X can help clinicians: Refine staging / Guide treatment planning': X influences each."""
    intro = items[0].intro
    if intro is None or not intro.text.rstrip().endswith(":"):
        return
    subjects = [m for m in d.text_mentions(intro.text) if d.cat(m.key) in DETECTABLE]
    if not subjects:
        return
    for b in items:
        verb = re.match(r"[A-Za-z]+", b.lead or "")
        if not verb or verb.group().lower() not in INFLUENCE_LEADS:
            continue
        for m in d.text_mentions(b.lead):
            if d.cat(m.key) in ("Staging", "ClinicalActivity", "Therapy"):
                d.add(subjects[0].key, "influences", m.key, _first_sentence(d, b), "structure:purpose",
                      hedged=bool(HEDGES.regex.search(intro.text)))


def _lead_members_rule(d: _Doc, items: list[Block]) -> None:
    """'Hematologic cancers ...: Leukemias, lymphomas, and myeloma ...' lists members of the lead-in's class."""
    for b in items:
        if not b.lead or not b.lead_block:
            continue
        topic = _lead_topic(d, b)
        if topic is None:
            continue
        body = [s for s in d.sentences_of.get(id(b), []) if s.start >= b.body_start]
        if not body:
            continue
        s = body[0]
        ms = d.sent_mentions(s)
        if not ms or ms[0].start != s.start:
            continue
        run = d.coord_run(ms, 0, s.text, s.start)
        if len(run) >= 2 and all(d.cat(m.key) == d.cat(topic) for m in run):
            for m in run:
                d.add(m.key, "is_a", topic, s, "structure:members")


def _size_rule(d: _Doc, items: list[Block]) -> None:
    """Children of an item that introduces size-based categories are ordered smallest first."""
    for header in items:
        if not header.text.rstrip().endswith(":") or not SIZE_CUE.search(header.text):
            continue
        children = [b for b in items if b.parent is header]
        keys = [(_item_concepts(d, b) or [None])[0] for b in children]
        seq = [(b, k) for b, k in zip(children, keys) if k]
        if len(seq) < 2:
            continue
        for i in range(len(seq)):
            for j in range(i + 1, len(seq)):
                rule = "structure:size-order" if j == i + 1 else "structure:size-order-transitive"
                d.add(seq[i][1], "smaller_than", seq[j][1], _first_sentence(d, seq[j][0]), rule)


def _faq_rule(d: _Doc) -> None:
    """'Is X the same as Y?' answered 'No' / 'Not necessarily': X is distinct from Y."""
    for b in d.doc.blocks:
        if b.kind != "faq" or not FAQ_SAME.match(b.lead):
            continue
        answer = d.doc.text[b.lead_end:b.end].strip()
        no = FAQ_NO.match(answer)
        if not no:
            continue
        ms = d.text_mentions(b.lead)
        if len(ms) < 2:
            continue
        sentences = d.sentences_of[id(b)]
        s = next((x for x in sentences if x.start >= b.lead_end), sentences[0])
        d.add(ms[0].key, "distinct_from", ms[1].key, s, "faq:not-the-same",
              hedged=bool(re.search(r"necessarily|always|exactly|quite|usually", no.group(), re.I)))


# -- discovery ---------------------------------------------------------------------------------
def _discover(d: _Doc) -> None:
    """Lead-in terms of 'types' lists that the lexicon lacks become discovered concepts."""
    for items in _lists(d).values():
        if not TYPES_HEADING.search(items[0].section.heading or ""):
            continue
        for b in items:
            if not b.lead or VS.regex.search(b.lead) or _item_kinds(d, b):
                continue
            term = PAREN.sub("", b.lead).strip(" :")
            first = re.match(r"[A-Za-z]+", term)
            if 1 <= _words(term) <= 4 and not re.search(r"[?!;]", term) and \
                    (first is None or first.group().lower() not in IMPERATIVE):
                _discover_concept(d, term, _first_sentence(d, b), "lead-in")


# -- collecting --------------------------------------------------------------------------------
def _evidence(d: _Doc, s: Sentence, rule: str, hedged: bool = False) -> Evidence:
    text = d.doc.text
    post = d.doc.post
    return Evidence(post_id=post.id, source=post.source, post_title=post.title, post_modified=post.modified,
                    section=s.block.section.heading, sentence=s.text, start=s.start, end=s.end, rule=rule,
                    prefix=text[max(0, s.start - 32):s.start], suffix=text[s.end:s.end + 32], hedged=hedged)


def _collect(d: _Doc) -> None:
    merged: dict[tuple[str, str, str, str], Assertion] = {}
    seen: set[tuple] = set()
    for f in d.found:
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
