"""Arguments of a cue beyond the concepts next to it: the members a class subject lists, a site's cancer,
the topic a broader name stands for, and the sites a from-phrase goes on to."""
from __future__ import annotations

import re

from ..lexicon import normalize_token
from ..model import Block, Mention, Sentence
from ..phrases import CLOSED, noun_only, word_classes
from .document import DETECTABLE, _Doc, _description_start, _first_sentence
from .frames import item_concepts
from .topics import _lead_topic

MOTION = re.compile(r"^(spread|travel|mov|migrat|metastasi|break|broke|detach|shed)", re.I)
ONWARD = re.compile(r"^\s*(?:\([^()]*\)\s*)?,?\s*(?:and\s+)?(?:then\s+)?(?:on\s+)?(?:to|into)\s+"
                    r"(?:the\s+|other\s+|distant\s+|nearby\s+|a\s+|an\s+)?$", re.I)


def _onward_sites(d: _Doc, s: Sentence, cms: list[Mention], pos: int, end: int) -> list[Mention]:
    """The sites a from-phrase goes on to ("from the breast to the liver and the lungs")."""
    after = [m for m in cms if m.start >= pos and m.end <= end]
    if not after or d.cat(after[0].key) != "AnatomicalSite" \
            or not ONWARD.match(s.text[pos - s.start:after[0].start - s.start]):
        return []
    return [m for m in d.coord_run(cms, cms.index(after[0]), s.text, s.start) if d.cat(m.key) == "AnatomicalSite"]



# "the cancers most likely to spread to the liver are A, B and C", "Tumours that often spread to bone include A
# and B": the cue's subject is a class that the sentence goes on to list, and its members are the subjects
CLASS_NOUN = re.compile(r"\b(?:types?|kinds?|forms?|cancers|tumou?rs|malignancies|neoplasms|ones)\b", re.I)
MEMBERS_OPEN = re.compile(r"^\s*,?\s*(?:are|include|includes)\s*:?\s*(?:the\s+following\s*:?\s*)?"
                          r"(?:(?:those|cancers|tumou?rs)\s+of\s+)?(?:the\s+)?$", re.I)


def _topic_if_broader(d: _Doc, key: str, text: str = "") -> str:
    """The page's topic, for a concept that one of the topic's names narrows ("liver tumors" and "the tumors"
    on a page about metastatic liver tumors), by the concept's names or the words that named it; else the concept."""
    topic = d.out.subject
    if not topic or topic == key or d.cat(topic) not in ("SpreadPattern", "Neoplasm"):
        return key
    names = [" " + n for n in d.names(key)]   # ("lung tumor" in "metastatic lung tumor")
    if text:
        names.append(" " + " ".join(normalize_token(w) for w in text.lower().split()))   # "tumors": " tumor"
    return topic if any(n.endswith(name) for n in d.names(topic) for name in names) else key


BARE_ARTICLE = re.compile(r"^\s*(?:the|these|those|its|their|any|all|some|such)?\s*$", re.I)


def topic_object(d: _Doc, cms: list[Mention], s: Sentence, pos: int, end: int) -> list[Mention]:
    """A broad concept right after a treatment cue that stands for the page's topic ("Surgery to remove the
    tumors" on the lung metastasis page), when no specific concept follows the cue."""
    after = next((m for m in cms if m.start >= pos and m.end <= end), None)
    if after is None or d.specific(after) or not BARE_ARTICLE.match(s.text[pos - s.start:after.start - s.start]) \
            or _topic_if_broader(d, after.key, after.text) == after.key:
        return []
    return [after]


CELLS_AFTER = re.compile(r"\s+(?:the\s+|any\s+|abnormal\s+|remaining\s+|residual\s+|cancer\s+|cancerous\s+|tumou?r\s+|"
                         r"malignant\s+){0,2}cells\b", re.I)


def _lead_if_broader(d: _Doc, s: Sentence, key: str) -> str:
    """An item's lead-in term, for a broad concept that the first sentence of its description names ("Oligometastatic
    disease: a limited number of metastases, often treated with ..."): the description's head is the term."""
    b = s.block
    if not b.lead or not d.umbrella(key) or s is not _description_start(d, b):
        return key
    lead = _lead_topic(d, b)
    return lead if lead and lead != key and d.cat(lead) == d.cat(key) else key


def _cells_of_topic(d: _Doc, s: Sentence, pos: int) -> list[Mention]:
    """The page's disease, as what a test finds when it finds cells and the sentence names no disease ("Flow
    cytometry detects abnormal cells" on a page about minimal residual disease)."""
    topic = d.out.subject
    cells = CELLS_AFTER.match(s.text, pos - s.start)
    if cells is None or not topic or d.cat(topic) not in DETECTABLE \
            or any(d.cat(m.key) in DETECTABLE and d.specific(m) for m in d.sent_mentions(s)):
        return []
    return [Mention(topic, pos, s.start + cells.end(), cells.group().strip())]


def _class_members(d: _Doc, s: Sentence, cms: list[Mention], start: int, cue_start: int,
                   objs: list[Mention]) -> list[Mention]:
    before = s.text[start - s.start:cue_start - s.start]
    noun = None
    for noun in CLASS_NOUN.finditer(before):
        pass
    if noun is None or any(d.specific(m) and not d.umbrella(m.key) for m in cms
                           if start + noun.end() <= m.start and m.end <= cue_start):
        return []
    ms = d.sent_mentions(s)
    after = [m for m in ms if m.start >= objs[-1].end]
    if not after or not MEMBERS_OPEN.match(s.text[objs[-1].end - s.start:after[0].start - s.start]):
        return []
    run = d.coord_run(ms, ms.index(after[0]), s.text, s.start)
    return [_elliptic_whole(d, m, noun.group(0)) for m in run]


def _elliptic_whole(d: _Doc, m: Mention, noun: str) -> Mention:
    """A site listed as a kind of cancer ("the types most likely to ... are lung, breast and colon") names
    the cancer of that site."""
    if d.cat(m.key) != "AnatomicalSite":
        return m
    whole = d.cancer_named(m.text, "tumor" if noun.lower().startswith("tumo") else "cancer")
    if whole is None:
        return m
    d.cancer_sites.add((m.key, m.start))
    return Mention(whole, m.start, m.end, m.text)


# "PET-CT can find several solid tumours, including:" and a list of members
INCLUDING_END = re.compile(r",?\s*(?:including|such as|for example|e\.g\.|like)\s*:\s*$", re.I)
MEMBER_CATEGORIES = ("Neoplasm", "SpreadPattern", "AnatomicalSite", "Therapy", "DetectionMethod", "Procedure",
                     "ClinicalFinding")


def including_list_rule(d: _Doc, items: list[Block]) -> None:
    """A lead-in that says something of a class and ends with 'including:' lists its members: each is a kind of
    the class and takes what was said of it (a bare site under a class of cancers names that site's cancer)."""
    intro = items[0].intro
    sentences = d.sentences_of.get(id(intro), []) if intro is not None else []
    end = INCLUDING_END.search(sentences[-1].text) if sentences else None
    if end is None:
        return
    s = sentences[-1]
    before = [m for m in d.sent_mentions(s) if m.end <= s.start + end.start() and d.specific(m)]
    for b in items:
        words = _first_sentence(d, b).text.strip(" .;")
        elliptic = [words] if len(words.split()) <= 3 and d.cancer_named(words) else []
        for key in elliptic + item_concepts(d, b, MEMBER_CATEGORIES):
            for cls in reversed(before):
                member = _member_of(d, key, cls.key)
                if member is None:
                    continue
                item = _first_sentence(d, b)
                d.add(member, "is_a", cls.key, item, "structure:including")
                for f in [f for f in d.found if f.sentence is s and f.relation != "is_a"]:
                    if f.subject == cls.key:
                        d.add(member, f.relation, f.object, item, "structure:including", negative=f.negative,
                              hedged=f.hedged)
                    elif f.object == cls.key:
                        d.add(f.subject, f.relation, member, item, "structure:including", negative=f.negative,
                              hedged=f.hedged)
                break


def _member_of(d: _Doc, key: str, cls: str) -> str | None:
    """The concept an item names as a member of a class: itself when of the class's kind; under a class of
    neoplasms, the cancer a bare site or describing word names ("Breast", "Cervical"); else None."""
    if key not in d.concepts or d.cat(key) == "AnatomicalSite":
        if d.cat(cls) != "Neoplasm":
            return None
        names = [key] if key not in d.concepts else [d.concepts[key].label, *d.concepts[key].synonyms]
        return next((found for found in map(d.cancer_named, names) if found), None)
    return key if d.same_kind(key, cls) else None


NOUN_IN = re.compile(r"\b([a-z]+)\s+(?:in|among|within)\s+(?:the\s+|an?\s+|(?:patients|people)\s+with\s+)?$", re.I)


def _noun_complement(gap: str) -> bool:
    """Whether the gap ends with a noun the lexicon lacks and its 'in'-phrase: a disease after it only says in
    whom ("linked to shorter survival in metastatic breast cancer"), where a site would say where."""
    found = NOUN_IN.search(gap) if " in" in gap or " among" in gap or " within" in gap else None
    if found is None:
        return False
    return noun_only(found.group(1))


LEAD_ITEM = re.compile(r"^\s*(?:the\s+|nearby\s+|surrounding\s+|other\s+)?([a-z]+)\s*,\s*$", re.I)
LIST_GOES_ON = re.compile(r"^[\w\s\-]*?,?\s+(?:and|or)\s", re.I)


def _unknown_first_item(s: Sentence, gap: str, m: Mention) -> bool:
    """Whether the gap is one noun the lexicon lacks, the first item of a list that m goes on ("the tissues,
    blood vessels, or lymph nodes")."""
    item = LEAD_ITEM.match(gap) if gap.rstrip().endswith(",") else None
    if item is None or "NOUN" not in word_classes(item.group(1)) or item.group(1).lower() in CLOSED:
        return False
    return bool(LIST_GOES_ON.match(s.text[m.end - s.start:m.end - s.start + 40]))
