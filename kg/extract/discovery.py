"""Terms the lexicon lacks, found before mentions are read: list items, category-headed noun phrases, Hearst members."""
from __future__ import annotations

import re

from ..model import Block, Sentence
from ..lexicon import normalize_token
from ..phrases import (CLOSED, STOP_MODIFIERS, WORD, Heads, Phrase, head_word, known_noun, load_heads, participle,
                       phrase_after, phrase_before, phrase_word, word_classes)
from .cue_table import sentence_matches
from .document import _Doc, _first_sentence
from .frames import list_frame
from .table_rows import table_row
from .members import _members
from .mentions import _discover_concept
from .cut_names import cuts_a_name
from .restated import restated
from .short_kinds import learn_short_kind
from .structure import TYPES_HEADING, _lists
from .topics import IMPERATIVE

# "Ys such as A, B", "Ys, including A", "Ys like A", "Ys (e.g. A)": Hearst's hyponym patterns
HEARST = re.compile(r"\s*,?\s*\(?\s*\b(such as|including|like|e\.g\.,?|for example,?|especially|particularly)\s+",
                    re.I)
AND_OTHER = re.compile(r"\s*,?\s+(and|or)\s+other\s+", re.I)
# where a list item's term ends: a parenthesis, a comma, a dash, or a word that starts a clause
ITEM_END = re.compile(r"\s*(?:\(|,|;|:|\s[–—-]\s|\.\s|\.$)|\s(?:to|that|which|who|if|when|where|because|for|with|"
                      r"can|may|might|is|are|was|were|has|have|in|on|at|from|by|as)\s", re.I)
PERSON = re.compile(r"\b(MD|PhD|RN|DO|MBBS|FRCS|Dr)\b\.?")   # a byline, not a term
LEAD_END = re.compile(r"\s*[(,;:]")   # a set-apart label is a term up to a parenthesis or a comma

MAX_TERM_WORDS = 5
NAMED_BY_SITE = frozenset({"Neoplasm", "SpreadPattern"})   # a site word before them names a kind ("lung cancer")
# the categories whose concepts a list item's words narrow into kinds ("Metachronous oligometastasis", "Percutaneous
# RFA"); not findings or sites, which describing words only qualify ("Severe pain", "Swollen lymph nodes")
NARROWED_KINDS = NAMED_BY_SITE | {"Therapy", "Procedure", "DetectionMethod"}
POST_MODIFIER = re.compile(r"^\s+(of|in|to|for|from|with|on)\b", re.I)


def discover_terms(d: _Doc) -> None:
    """Teach the document's matcher the terms its lists, noun phrases and Hearst patterns name."""
    heads = load_heads()
    for items in _lists(d).values():
        found = list_frame(d, items)
        category = found[0].categories[0] if found else None
        for b in items:
            _item_term(d, b, heads, category, items)
    for s in d.doc.sentences:
        if s.block.kind == "heading":
            continue
        _hearst_terms(d, s, heads)
        _cue_members(d, s, heads)
        _copula_genus(d, s, heads)
        _head_phrases(d, s, heads)


def _clean_phrase(p: Phrase | None) -> Phrase | None:
    """A phrase without the ranking modifiers it opens with."""
    if p is None:
        return None
    words = list(WORD.finditer(p.text))
    i = 0
    while i < len(words) - 1 and words[i].group().lower() in STOP_MODIFIERS:
        i += 1
    if i == 0:
        return p
    return Phrase(p.text[words[i].start():], p.start + words[i].start(), p.end)


def _lexicon_covers(d: _Doc, text: str, heads: Heads, item: bool = False, category: str | None = None) -> bool:
    """Whether the lexicon names the phrase already: the whole of it, or its head with words that only
    describe it ("persistent cough") or say where it is ("chest CT scan"); words that name a kind make
    a concept of their own ("radiofrequency ablation", "colon cancer")."""
    ms = d.text_mentions(text)
    if not ms or ms[-1].end < len(text.rstrip()):
        return False   # the head is not a lexicon word
    last = ms[-1]
    if last.start == 0:
        return True
    if item and category and d.cat(last.key) != category:
        return False   # under "Signs include:", "Swollen lymph nodes" is a finding, not the nodes
    if d.cat(last.key) == "AnatomicalSite":
        return True
    if item or d.cat(last.key) in NAMED_BY_SITE:
        return False   # a list item is a term as a whole; "lung cancer" is a kind of cancer
    before = text[:last.start]
    if any(d.cat(m.key) != "AnatomicalSite" for m in ms[:-1]):
        return True   # two concepts with words between ("Brain metastasis causes seizures") are a clause
    if " " in last.text and any("VERB" in word_classes(w) for w in WORD.findall(before)):
        return True   # "care teams use radiation therapy": a verb, not a kind of radiation therapy
    sites = [m for m in ms[:-1] if d.cat(m.key) == "AnatomicalSite"]
    for m in sites:
        before = before[:m.start] + " " * (m.end - m.start) + before[m.end:]
    return not any(_noun_like(w) for w in WORD.findall(before))


def _discover(d: _Doc, p: Phrase, s: Sentence, how: str, category: str | None, heads: Heads) -> str | None:
    words = WORD.findall(p.text)
    if not words or len(words) > MAX_TERM_WORDS or not words[0][:1].isalpha():
        return None
    if _lexicon_covers(d, p.text, heads, item=how == "list item", category=category):
        return _named_whole(d, p.text)
    if cuts_a_name(d, s, p):
        return None
    named = restated(d, words)
    if named is not None:
        d.learn(p.text, named)   # "bisphosphonate drugs", "hormone treatment", "high blood calcium levels"
        return named
    variant = _metastasis_variant(d, p.text)
    if variant is not None:
        d.learn(p.text, variant)   # "metastatic liver cancer" is liver metastasis
        return
    if len(words) == 1 and heads.class_word(words[0]):
        return   # a bare category word ("treatment", "organs") names no kind
    if words[0].lower() in IMPERATIVE or any(w.endswith(("'s", "’s")) for w in words):
        return   # "Guide treatment": an action, not a term
    narrowed = _narrowed(d, p.text) if how == "list item" else None
    own = heads.category(p.text, typing=narrowed is not None) or (d.cat(narrowed) if narrowed is not None
                                                                  and d.cat(narrowed) in NARROWED_KINDS else None)
    if own is None and (category is None or not any(known_noun(w) for w in words)):
        return   # words nothing marks and the dictionary does not know as nouns ("Jane Smith MD") take no category
    if PERSON.search(p.text):
        return
    return _discover_concept(d, p.text, s, how, own or category, checked=True)


def _narrowed(d: _Doc, text: str) -> str | None:
    """The concept a list item's term ends with, when the words before it name a kind of it: one the lexicon
    names in more than one word ("Synchronous liver metastasis"), or in one word that is no broad one
    ("Metachronous oligometastasis"); not a broad word ("Organ-specific metastasis")."""
    ms = d.text_mentions(text)
    if not ms or ms[-1].start == 0 or ms[-1].end < len(text.rstrip()):
        return None
    last = ms[-1]
    if any(w.lower() in CLOSED for w in WORD.findall(text[:last.start])):
        return None   # "Example for micrometastasis", "Advances in Anatomic Pathology": not words that narrow it
    return last.key if " " in last.text.strip() or not d.umbrella(last.key) else None


METASTATIC = re.compile(r"^metastatic\s+(?P<site>.+?)\s+(cancers?|tumou?rs?|neoplasms?|disease|lesions?)$", re.I)
COORDINATED_MODIFIERS = re.compile(r"^(?P<first>[A-Za-z-]+)\s+(or|and|and/or)\s+[A-Za-z-]+\s+(?P<head>.+)$")


def _metastasis_variant(d: _Doc, term: str) -> str | None:
    """The concept 'metastatic <site> cancer' names when the lexicon has '<site> metastasis'."""
    m = METASTATIC.match(term.strip())
    if m is None:
        return None
    found = d.text_mentions(m.group("site") + " metastasis")
    return found[0].key if len(found) == 1 and found[0].start == 0 else None


def _item_term(d: _Doc, b: Block, heads: Heads, category: str | None, items: list[Block] = ()) -> None:
    """A list item that opens with a short noun phrase names a term ("Bloody sputum", "Lung needle biopsy",
    "Cytologic studies of ..."; "Swollen or enlarged lymph nodes" names swollen lymph nodes)."""
    s = _first_sentence(d, b)
    text = b.lead if b.lead else s.text
    cut = (LEAD_END if b.lead else ITEM_END).search(text)
    row = table_row(d, text)
    if row is not None:
        text = text[row[1]:]   # "Lungs Dyspnea (shortness of breath)": the term is the second cell's
        cut = ITEM_END.search(text)
    term = (text[:cut.start()] if cut else text).strip(" .")
    if " / " in term:
        return   # "Intervention / therapy", "Imaging / biopsy / labs": alternatives, not one term
    both = COORDINATED_MODIFIERS.match(term)
    first_word = both.group("first") if both is not None else ""
    if both is not None and (participle(first_word) or (phrase_word(first_word) and not known_noun(first_word))
                             or "ADJ" in word_classes(first_word)):
        term = f"{both.group('first')} {both.group('head')}"
    p = _clean_phrase(phrase_after(term, 0))
    if b.lead and p is not None and len(WORD.findall(term)) <= MAX_TERM_WORDS and head_word(WORD.findall(term)[-1]) \
            and POST_MODIFIER.match(term[p.end:]):
        p = Phrase(term, 0, len(term))   # a set-apart label is a term as a whole ("Change in lymph node shape")
    if p is None or (term[p.end:].strip() and not POST_MODIFIER.match(term[p.end:])):
        return   # the item is not a noun phrase up to where it turns
    if len(WORD.findall(p.text)) == 1 and term[p.end:].strip() and heads.category(p.text) is None:
        return   # "Activation of the PI3K pathway", "Involvement of >3 nodes": the noun alone names nothing
    if len(WORD.findall(term)) <= 2 and d.cancer_named(term) is not None:
        return   # "Cervical", "Head and neck" under a class of cancers: a cancer named short, not a term
    if items and not d.text_mentions(term) and learn_short_kind(d, items, term):
        return   # "HER2-positive" under "subtypes of breast cancer"
    key = _discover(d, p, s, "list item", category, heads)
    if key is None:
        key = _topic_kind(d, b, p.text, s)
    if key is not None and both is not None:
        d.item_terms[id(b)] = key


def _topic_kind(d: _Doc, b: Block, term: str, s: Sentence) -> str | None:
    """An item of a Types / variations list named with the page topic's head word is a kind of the topic, of its
    category ("Portal venous spread" on a page on hematogenous spread), whether or not that word marks one."""
    topic = d.out.subject
    words = WORD.findall(term)
    if topic is None or len(words) < 2 or not TYPES_HEADING.search(b.section.heading or ""):
        return None
    head = WORD.findall(d.concepts[topic].label)[-1:]
    if not head or normalize_token(words[-1]) != normalize_token(head[0]) or words[0].lower() in CLOSED \
            or (load_heads().category(term, typing=True) is not None and d.umbrella(topic)):
        return None   # on a broad topic's page, a head word that types a category has had its say ("Organ-specific
        # metastasis" on the page on metastasis); on a narrower one's ("Bone metastasis") "Osteolytic metastasis" is its kind
    return _discover_concept(d, term, s, "list item", d.cat(topic), checked=True)


HEARST_WORDS = frozenset({"such", "including", "like", "e", "example", "especially", "particularly", "other"})
HEARST_ONLY = HEARST_WORDS - {"other"}   # the words HEARST needs ("other" is AND_OTHER's)


def _hearst_terms(d: _Doc, s: Sentence, heads: Heads) -> None:
    """The hypernym and members of 'Ys such as A, B and C' and 'A, B and other Ys'."""
    if HEARST_WORDS.isdisjoint(s.words):
        return
    text = s.text
    for match in HEARST.finditer(text) if not HEARST_ONLY.isdisjoint(s.words) else ():
        hyper = _clean_phrase(phrase_before(text, match.start()))
        members = _members(text, match.end())
        category = heads.category(hyper.text) if hyper else None
        if hyper is not None and len(WORD.findall(hyper.text)) == 1 and heads.class_word(hyper.text):
            hyper = None   # a bare category word ("organs such as ...", "treatments like ...") names no kind
        if hyper is not None and category:   # a hypernym needs a head that marks it ("tracers", "drugs")
            _discover(d, hyper, s, "hypernym", category, heads)
        for m in members:
            _discover(d, m, s, "hyponym", category, heads)
    for match in AND_OTHER.finditer(text) if "other" in s.words else ():
        hyper = phrase_after(text, match.end())
        category = heads.category(hyper.text) if hyper else None
        if hyper is not None:
            ms = d.text_mentions(hyper.text)
            category = category or (d.cat(ms[-1].key) if ms else None)
        before = phrase_before(text, match.start())
        if before is not None and category:
            _discover(d, before, s, "hyponym", category, heads)


CONJUNCTION = re.compile(r"\b(and|or)\b", re.I)
CONJUNCTION_WORDS = frozenset({"and", "or"})
UNDISCOVERED = frozenset({"AnatomicalSite"})   # sites come from the ontology: a list of them may run into other words


def _cue_members(d: _Doc, s: Sentence, heads: Heads) -> None:
    """The objects a verb cue coordinates: in "Hypercalcemia can cause thirst, frequent urination and coma" the
    members the lexicon lacks are terms of the category of the members it has, when the cue takes that category."""
    for pattern in d.patterns(s) if not CONJUNCTION_WORDS.isdisjoint(s.words) else ():   # (CONJUNCTION needs one)
        if pattern.reverse or not pattern.objects:
            continue
        for match in sentence_matches(d, s, pattern):
            members = _members(s.text, match.end())
            if len(members) < 2 or not CONJUNCTION.search(s.text, members[-2].end, members[-1].start):
                continue   # "for bowel cancer, patients are ...": a comma alone ends a clause, not a list
            known = [_named_whole(d, m.text) for m in members]
            kinds = {d.cat(k) for k in known if k is not None}
            if len(kinds) != 1 or not kinds <= pattern.objects - UNDISCOVERED or None not in known:
                continue
            for m, key in zip(members, known):
                if key is None and not d.text_mentions(m.text):   # "compression risk" is said of a known concept
                    _discover(d, m, s, "cue object", next(iter(kinds)), heads)


COPULA_START = re.compile(r"^(?P<subject>(?:this|it|these|they|(?:the\s+|an?\s+)?[A-Za-z][\w\s\-]{1,60}?))\s+"
                          r"(?:is|are)\s+(?:not\s+)?(?:(?:a|an|the)\s+)?(?:(?:type|kind|form|subtype)s?\s+of\s+)?", re.I)
PRONOUN_SUBJECT = frozenset({"this", "it", "these", "they"})
COPULA_WORDS = frozenset({"is", "are"})   # words COPULA_START needs


def _copula_genus(d: _Doc, s: Sentence, heads: Heads) -> None:
    """The genus of 'X is a Y' / 'These are Ys', X a lexicon concept or a pronoun: a kind, whatever its
    modifiers ("Brain metastases are malignant tumors", "This is a secondary cancer")."""
    if COPULA_WORDS.isdisjoint(s.words):
        return
    body = s.text[max(0, s.block.body_start - s.start):] if s.block.lead_apart else s.text
    m = COPULA_START.match(body)
    if m is None:
        return
    subject = m.group("subject")
    if subject.lower() not in PRONOUN_SUBJECT:
        ms = d.text_mentions(subject)
        if not ms or ms[-1].end < len(subject.rstrip()) or ms[0].start > 4:
            return
    offset = len(s.text) - len(body)
    genus = _clean_phrase(phrase_after(s.text, offset + m.end()))
    if genus is None or genus.start != offset + m.end():
        return
    category = heads.category(genus.text)
    if len(WORD.findall(genus.text)) == 1 and heads.class_word(genus.text):
        return   # "X is not a procedure": a class word alone names no kind
    if category is not None and _named_whole(d, genus.text, any_count=True) is None:
        _discover_concept(d, genus.text, s, "genus", category)


def _named_whole(d: _Doc, text: str, any_count: bool = False) -> str | None:
    """The lexicon concept whose mention spans the whole text (with any_count, the first of mentions that
    together span it), or None."""
    ms = d.text_mentions(text)
    if not ms or ms[0].start != 0 or ms[-1].end < len(text.rstrip()) or (len(ms) > 1 and not any_count):
        return None
    return ms[0].key


_HEAD_MARKS: dict[int, tuple[Heads, set[str], set[str], set[str]]] = {}   # id(heads) -> (heads, seen, hot, typing only)


def _head_candidates(heads: Heads, words: list[str]) -> list[int]:
    """The indexes of the words that are category heads, or typing heads after another word (worked out once
    per word and head table): _head_phrases passes over the others."""
    entry = _HEAD_MARKS.get(id(heads))
    if entry is None or entry[0] is not heads:
        entry = _HEAD_MARKS[id(heads)] = (heads, set(), set(), set())
    _, seen, hot, typing_only = entry
    for word in set(words).difference(seen):
        if heads.word_category(word) is not None:
            hot.add(word)
        elif heads.typing.get(normalize_token(word)) is not None:
            hot.add(word)
            typing_only.add(word)   # (a word read as a candidate too often is harmless: the loop tests it again)
        seen.add(word)   # last, so that another thread never takes a word as marked before it is
    return [i for i, word in enumerate(words) if word in hot and (i or word not in typing_only)]


def _head_phrases(d: _Doc, s: Sentence, heads: Heads) -> None:
    """Noun phrases whose head word marks a category ("testicular cancer", "chest x-ray")."""
    text = s.text
    if text.rstrip().endswith("?"):
        return   # a question names what it asks about, often loosely
    words = WORD.findall(text)
    matches = None
    for i in _head_candidates(heads, words):   # the words the loop below does anything with
        if matches is None:
            matches = list(WORD.finditer(text))
        w, word, before = matches[i], words[i], words[i - 1] if i else ""
        if heads.word_category(word) is None:
            typed = heads.typing.get(normalize_token(word)) if before else None
            if typed is not None:
                _site_kind(d, s, w, typed)
            continue
        if (not before or before.lower() in CLOSED) and heads.class_word(word):
            continue   # "the cancer": a class word with nothing before it to name a kind
        nxt = WORD.match(text, w.end() + 1) if text[w.end():w.end() + 1] == " " else None
        if nxt is not None and phrase_word(nxt.group()) and head_word(nxt.group()) and \
                "VERB" not in word_classes(nxt.group()):
            continue   # the word modifies a noun after it ("cancer cells")
        p = _after_subject_pronoun(_clean_phrase(phrase_before(text, w.end())), text, d.cue_table.key_words)
        if p is None or (p.start == w.start() and heads.class_word(word)):
            continue   # a class word alone ("the cancer") is not a term
        known = [m for m in d.text_mentions(p.text) if m.end >= w.end() - p.start]
        modifiers = WORD.findall(p.text[:known[0].start] if known else text[p.start:w.start()])
        if not modifiers and heads.class_word(word):
            continue
        if known and [m.lower() for m in modifiers] == ["malignant"] and normalize_token(word) in heads.alone:
            d.learn(p.text, known[0].key)   # a melanoma is malignant: "malignant melanoma" is melanoma
            continue
        kind_word = known or heads.category(word) in NAMED_BY_SITE or normalize_token(word) in heads.named
        # a site the modifiers name makes a kind ("adrenal metastases", "ovarian cancer")
        site = kind_word and any(d.cat(m.key) == "AnatomicalSite" for m in d.text_mentions(p.text)
                                 if m.end <= (known[0].start if known else w.start() - p.start))
        # "clinical cancer" is no kind of cancer, "low levels" no term
        if kind_word and heads.class_word(word) and modifiers and not any(_noun_like(m) for m in modifiers) \
                and not site and not (known and KIND_ADJECTIVES & {m.lower() for m in modifiers}):
            continue   # only describing words before a category word ("clinical cancer", "unrelated cancer")
        _discover(d, p, s, "noun phrase", None, heads)


def _site_kind(d: _Doc, s: Sentence, w: re.Match, category: str) -> None:
    """A head that only types a term makes one after a site the lexicon names ("adrenal metastases"), when the
    lexicon lacks the whole ("breast cancer metastasis" stays a metastasis: its modifier is no site)."""
    before = d.text_mentions(s.text[:w.start()])
    if not before or before[-1].end != w.start() - 1 or d.cat(before[-1].key) != "AnatomicalSite":
        return
    site = before[-1]
    if len(before) > 1 and before[-2].end >= site.start - 1:
        return   # "lung cancer bone metastases": the site is part of a longer name
    term = s.text[site.start:w.end()]
    if _named_whole(d, term) is None:
        _discover_concept(d, term, s, "noun phrase", category, checked=True)


SUBJECT_PRONOUN = re.compile(r"\b(?:we|i|you|they|he|she)\s+$", re.I)


def _after_subject_pronoun(p: Phrase | None, text: str, cue_words: frozenset[str] = frozenset()) -> Phrase | None:
    """A phrase without the verb a subject pronoun opens it with ("We report metastatic lung cancer"), or that
    is a verb cue's word ("Bone metastases cause pain": pain)."""
    if p is None:
        return p
    first = WORD.match(p.text)
    if first is None or "VERB" not in word_classes(first.group()) or first.end() >= len(p.text):
        return p
    if not SUBJECT_PRONOUN.search(text[:p.start]) and first.group().lower() not in cue_words:
        return p
    rest = len(p.text) - len(p.text[first.end():].lstrip())
    return Phrase(p.text[rest:], p.start + rest, p.end)


# adjectives that make a kind of a known tumour ("primary brain tumor" is not any brain tumor)
KIND_ADJECTIVES = frozenset({"primary", "benign", "malignant"})


def _noun_like(word: str) -> bool:
    """A modifier that names a thing (a noun, a word the dictionary lacks, a number), not only a quality."""
    classes = word_classes(word)
    return not classes or ("NOUN" in classes and "ADJ" not in classes) or word[:1].isdigit()
