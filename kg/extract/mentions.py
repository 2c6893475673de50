"""Concepts a document adds: abbreviations, its subject, terms it discovers and the definitions it gives."""
from __future__ import annotations

import re

import lemminflect

from ..lexicon import find_abbreviations, normalize_token
from ..model import Concept, Mention, Sentence
from ..phrases import WORD, load_heads
from .document import PAREN, _Doc, _evidence, _words, slug
from .modifiers import NEGATION
from .restated import restated
from .subjects import PRONOUN
from .topics import _lead_topic

DEFINITION = re.compile(r"^(?P<article>(A|An|The)\s+)?(?P<term>[A-Za-z][\w\-/ ()]{1,80}?)\s+"
                        r"(is|are|refers to|describes|means)\s+(a|an|the)\s+\w")
DEFINITION_VERBS = frozenset({"is", "are", "refers", "describes", "means"})   # words DEFINITION needs
NOT_A_TERM = re.compile(r"^(The|This|These|That|A|An|Some|Many|Most|Each|There|Here|What|When|Because|While|If|"
                        r"Although|Since|As|In|For|After|Before|During|Once|Whether|Why|How|Where|Who|Which|Such|"
                        r"Other|Both|All|Any|No|One|Its|Their)\b")


def _learn_abbreviations(d: _Doc, again: bool = False) -> None:
    """Teach the matcher each abbreviation a sentence defines for a concept it names ("lymph node (LN)"); run
    again after discovery, for the terms found there ("Lymphovascular invasion (LVI)")."""
    for s in d.doc.sentences:
        if "(" not in s.text:
            continue
        for short, long_form, _ in find_abbreviations(s.text):
            if again and any(short in shorts for shorts in d.out.abbreviations.values()):
                continue   # learned before discovery
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
        # a page on "Metastatic X" is about X and where it spreads (the lexicon may name the metastatic X too)
        for whole in (METASTATIC_LEAD.sub("", text), text):
            ms = d.text_mentions(whole)
            if ms and ms[0].start == 0 and ms[0].end >= len(whole.rstrip()) - 1:
                return ms[0].key
    head = _title_head(d, title)
    if head is not None:
        return head
    term = candidates[-1].strip()
    if 0 < _words(term) <= 5:
        return _discover_concept(d, term, None, "post title")
    return None


TOPICAL = ("SpreadPattern", "Neoplasm", "Therapy", "DetectionMethod", "Procedure", "Staging", "BiologicalProcess",
           "ClinicalFinding", "SpreadRoute")   # what a page can be about (a site alone names no topic)
# where a title's head phrase ends ("Cutaneous metastases | from solid tumours")
TITLE_LINK = re.compile(r"\s+(?:of|for|in|from|to|and|or|versus|vs\.?|with|on|after)\s+", re.I)
# words that say what about a topic a page tells ("Bone metastasis symptoms", "Spread of lung cancer")
FACETS = frozenset("""symptoms symptom signs sign treatment treatments therapy diagnosis uses use spread assessment
    detection review overview staging stages stage types type subtypes causes patterns management classification techniques
    report definitions definition resection surgery imaging reading""".split())
METASTATIC_LEAD = re.compile(r"^(?:metastatic|advanced)\s+", re.I)   # "Metastatic thyroid cancer" is about it


def _title_head(d: _Doc, title: str) -> str | None:
    """The concept a title is about: its head phrase's ("Cutaneous metastases from solid tumours"), or, when that
    only says what about it the page tells ("Spread of lung cancer", "Bone metastasis symptoms"), the rest's."""
    link = TITLE_LINK.search(title)
    head, rest = (title[:link.start()], title[link.end():]) if link else (title, "")
    words = head.split()
    facet = bool(words) and words[-1].lower() in FACETS
    if facet:
        named = " ".join(w for w in words if w.lower() not in FACETS)
        ms = d.text_mentions(named)
        if rest or (ms and not d.umbrella(ms[-1].key)):   # "Systemic cancer therapy" is a therapy, not cancer
            head = named
        else:
            facet = False
    first = _topic_of(d, head, phrase=not facet) if head else None
    other = _topic_of(d, rest) if rest and (first is None or d.umbrella(first)) else None
    return other if other is not None and not d.umbrella(other) else first or other   # "Metastasis of X": X


def _topic_of(d: _Doc, text: str, phrase: bool = False) -> str | None:
    """The concept a part of a title names: the whole of it; with phrase, a term its head word marks; else the
    first concept it names (a broad one only when no other is there)."""
    text = text.strip()
    bare = METASTATIC_LEAD.sub("", text)
    text = bare if d.text_mentions(bare) else text
    found = d.text_mentions(text)
    for site, broad in zip(found, found[1:]):   # "Adrenal metastasis case report": a kind of metastasis
        if d.cat(site.key) == "AnatomicalSite" and d.umbrella(broad.key) and broad.start == site.end + 1 \
                and d.cat(broad.key) in ("SpreadPattern", "Neoplasm"):
            return _discover_concept(d, text[site.start:broad.end], None, "post title", d.cat(broad.key), checked=True)
    ms = [m for m in found if d.cat(m.key) in TOPICAL]
    if ms and ms[0].start == 0 and ms[-1].end >= len(text) - 1 and len(ms) == 1:
        return ms[0].key
    if phrase and ms and ms[-1].end >= len(text) - 1 and d.cat(ms[-1].key) == "SpreadPattern" \
            and not d.umbrella(ms[-1].key):
        return ms[-1].key   # "Colorectal liver metastases": the page is about liver metastasis (of that origin)
    if phrase and 0 < _words(text) <= 4 and load_heads().category(text, typing=True) is not None:
        return _discover_concept(d, text, None, "post title", checked=True)
    specific = [m for m in ms if not d.umbrella(m.key)]
    return (specific or ms)[0].key if ms else None


def _discover_concept(d: _Doc, term: str, s: Sentence | None, how: str,
                      category: str = "DiscoveredConcept", checked: bool = False) -> str | None:
    """The concept a term names: the lexicon's when it has it, else a new one marked discovered."""
    ms = d.text_mentions(term)
    if ms and ms[0].start == 0 and ms[-1].end >= len(term) - 1 and (len(ms) == 1 or not checked):
        return ms[0].key if len(ms) == 1 else None   # the lexicon's words, unless discovery found a kind
    named = restated(d, WORD.findall(term))
    if named is not None:
        d.learn(term, named)   # "Systemic cancer therapy" is systemic therapy
        return named
    key = slug(term)
    if not key or not re.match(r"[a-z]", key):
        return None
    if category == "DiscoveredConcept":
        category = load_heads().category(term, typing=True) or category   # "Colon cancer" in a title is a neoplasm
    if key not in d.concepts:
        label = singular_label(term.strip())
        evidence = _evidence(d, s, f"discovered:{how}") if s is not None else None
        concept = Concept(key=key, label=label, category=category, discovered=True, evidence=evidence)
        d.concepts[key] = concept
        d.out.concepts[key] = concept
        d.learn(term, key)
    return key


def singular_label(term: str) -> str:
    """A term as a label: its first letter upper case, its last word singular ("Cytologic studies" -> "Cytologic study")."""
    words = term.split(" ")
    last = words[-1]
    if last.isalpha() and last.islower() and len(last) > 3:
        lemma = lemminflect.getAllLemmas(last).get("NOUN")   # known nouns only: "ascites" stays
        if lemma and lemma[0] != last and normalize_token(lemma[0]) == normalize_token(last):
            words[-1] = lemma[0]
    label = " ".join(words)
    return label[0].upper() + label[1:]


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
