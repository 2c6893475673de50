"""Frames of ontology/frames.tsv: a lead-in, heading or 'X include ...' that states one relation for every item after it."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..constants import CATEGORIES, FRAMES_FILE, RELATIONS
from ..cues import Cue, words_of
from ..errors import LexiconError
from ..tables import table_reader
from ..model import Block, Mention, Sentence
from ..phrases import VERB_CONTEXT, content_words
from .document import CANCER_SPREAD_TO, _Doc, _first_sentence, _words
from .ellipsis import elliptical_kind
from .modifiers import CLAUSE_BREAK, HEDGES, NEGATION, item_hedged
from .subjects import PRONOUN, _antecedent
from .pressed import PRESS_WORDS, lead_in_finding
from .inline_lists import list_members
from .table_rows import table_row
from .described import named_part

COLUMNS = ("cue", "relation", "items", "category", "subjects", "example")
# what opens the list of a frame inside a sentence: "X include(s) A, B", "X, including A", "X are A and B"
LIST_OPENER = re.compile(r"\b(?:(?:may|can|might|could|often|usually|commonly|typically|also|will)\s+)*"
                         r"(?:include[sd]?|including|involve[sd]?|consist of|are|is|ha(?:s|ve) been)\s*:?\s+"
                         r"(?:(?:any|some|one|all|each)\s+of\s+)?(?:the\s+following\s*:?\s*)?", re.I)
# the words one of which LIST_OPENER needs
OPENER_WORDS = frozenset({"include", "includes", "included", "including", "involve", "involves", "involved", "consist",
                          "are", "is", "been"})
MAX_HEADING_WORDS = 8     # a heading states a frame when it is short and opens with the frame's word
MAX_WORDS_BEFORE_CUE = 2  # in a sentence or heading, the frame's word is its subject: near its start
MAX_WORDS_BEFORE_INTRO_CUE = 2   # content words: "Here are some signs that ...:" has none
THERE = re.compile(r"\bthere\s+$", re.I)
# a verb between "are" and the first member: "Two types of X are often mistaken for A" lists no type
PARTICIPLE_OPENS = re.compile(r"\b[a-z]+(?:ed|en)\s+(?:for|as|with|by|to|into|from)\b")
VERB_FRAMES = frozenset({"spreads_to"})   # frames whose cues are verbs ("It most often spreads to:")
BUT_INCLUDE = re.compile(r"\bbut\s+(?:(?:may|can|also|often|usually)\s+)?include[sd]?\s*:?\s+", re.I)
WAY_NOUNS = frozenset({"approach", "approaches", "way", "ways", "option", "options", "method", "methods", "strategy",
                       "strategies"})   # "a new approach to treating X is A": the noun the frame's verb completes
MAX_WORDS_TO_OPENER = 12  # "Signs vary with where X is and how big, and may include A, B"


@dataclass(frozen=True)
class Frame:
    """One row of the frames table."""

    cue: Cue
    relation: str
    items_are_objects: bool
    categories: tuple[str, ...]     # what an item may be; the first is given to a discovered item
    subjects: frozenset[str]        # what the frame's subject may be
    example: str


@functools.lru_cache(maxsize=4)
def load_frames(path: Path = FRAMES_FILE) -> tuple[Frame, ...]:
    """The frames table, in order (the first frame whose cue matches a text is its frame)."""
    reader = table_reader(path)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise LexiconError(f"{path}: the header must be {' '.join(COLUMNS)} (tab-separated)")
    frames = []
    for n, row in enumerate(reader, 1):
        categories = tuple((row.get("category") or "").split())
        subjects = frozenset((row.get("subjects") or "").split())
        if row.get("relation") not in RELATIONS or row.get("items") not in ("object", "subject") or not categories \
                or not set(categories) | subjects <= set(CATEGORIES):
            raise LexiconError(f"{path}: row {n}: needs a known relation, items object|subject, known categories")
        try:
            cue = Cue(row["cue"])
        except re.error as exc:
            raise LexiconError(f"{path}: row {n}: the cue is not a regular expression ({exc})") from None
        frames.append(Frame(cue, row["relation"], row["items"] == "object", categories, subjects, row["example"]))
    return tuple(frames)


def frame_of(text: str, words: frozenset[str] | None = None) -> tuple[Frame, re.Match] | None:
    """The first frame whose cue the text holds, with the match (words: the text's, when known)."""
    words = words_of(text) if words is None else words
    for frame in load_frames():
        match = frame.cue.search(text, words)
        if match is not None:
            return frame, match
    return None


# "There are two kinds of relapse.": a sentence counting what the list after it names
ANNOUNCES = re.compile(r"^\W*there\s+are\s+(?:\d+|two|three|four|five|six|several|many|a\s+few|different)\s+(?:\w+\s+)?"
                       r"(?:types|kinds|forms|categories|stages|steps|phases|ways)\b[^.:;]*\.\s*$", re.I)


def list_header(d: _Doc, items: list[Block]) -> tuple[str, Block] | None:
    """The text that introduces a list: the intro line ending with ':' (or the parent item), else the heading."""
    first = items[0]
    header = first.parent if first.parent is not None and first.parent.list_id == first.list_id else first.intro
    if header is not None:
        sentences = d.sentences_of.get(id(header), [])
        last = sentences[-1].text if sentences else header.text
        if last.rstrip().endswith(":") or ANNOUNCES.search(last):
            return last, header
    heading = d.heading_of.get(id(first.section))
    if heading is not None and (header is None or not header.text.rstrip().endswith(":")) \
            and _words(heading.text) <= MAX_HEADING_WORDS:
        return heading.text, heading
    return None


def list_frame(d: _Doc, items: list[Block]) -> tuple[Frame, str, Block] | None:
    """The frame that a list's introducing text states, with that text and its block."""
    header = list_header(d, items)
    if header is None:
        return None
    found = frame_of(header[0])
    limit = MAX_WORDS_BEFORE_CUE if header[1].kind == "heading" else MAX_WORDS_BEFORE_INTRO_CUE
    if found is None or content_words(header[0][:found[1].start()]) > limit:
        return None
    return found[0], header[0], header[1]


def frame_subject(d: _Doc, frame: Frame, text: str, block: Block) -> str | None:
    """What a frame is about: a concept its text names that may be the frame's subject, else the section's
    or the page's topic. A broad concept ("cancer") gives way to a page topic that is a kind of it."""
    topic = d.out.subject
    s = _sentence_of(d, block, text) if PRESS_WORDS.possible(words_of(text)) else None
    if s is not None and (pressed := lead_in_finding(d, s)) is not None:
        return pressed or None   # "If the tumour presses on the spinal cord, it may cause the following symptoms:"
    if PRONOUN.match(text):   # "It may cause the following symptoms:"
        s = _sentence_of(d, block, text)
        pointed = _antecedent(d, s) if s is not None else None
        keys = [pointed] if isinstance(pointed, str) else [m.key for m in pointed or []]
        if keys and d.cat(keys[0]) in frame.subjects:
            return keys[0]
    ms = d.text_mentions(text)
    for m, site in zip(ms, ms[1:]):   # "Signs of colon cancer that has metastasized to the liver": its
        if d.cat(m.key) == "Neoplasm" and d.cat(site.key) == "AnatomicalSite" \
                and CANCER_SPREAD_TO.match(text[m.end:site.start]):   # liver metastasis's
            spread = d.site_metastasis(site.key)
            if spread is not None and "SpreadPattern" in frame.subjects:
                return spread
    named = [m for m in ms if _names_frame_word(frame, text, m)]   # "If ..., bone metastasis complications"
    for m in named + ms:   # (what the frame's word names may be of an item's category: "Risk factors for X:")
        if d.cat(m.key) in frame.subjects and (d.cat(m.key) not in frame.categories or m in named):
            if topic and topic != m.key and d.umbrella(m.key) \
                    and d.cat(topic) in frame.subjects:
                return topic
            return m.key
    prior = _prior_statement(d, frame, text, block)
    if prior is not None:
        return prior
    section = block.section
    while section is not None:
        if section.heading and section.heading != text:
            for m in d.text_mentions(section.heading):
                if d.cat(m.key) in frame.subjects:
                    return m.key
        section = section.parent
    return topic if topic and d.cat(topic) in frame.subjects else None


FRAME_OF = re.compile(r"\s+(?:of|for)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
OF_END = re.compile(r"\b(?:of|for)$", re.I)   # a frame word that takes its "of" ("steps of"): an article may follow
ARTICLE_GAP = re.compile(r"\s+(?:the\s+|a\s+|an\s+)?$", re.I)


def _names_frame_word(frame: Frame, text: str, m: Mention) -> bool:
    """Whether a concept names what the frame's word is about: right before it ("bone metastasis complications")
    or in an of- or for-phrase right after it ("Risk factors for brain metastasis in melanoma")."""
    if frame.cue.regex.match(text, m.end + 1):
        return True
    word = frame.cue.regex.search(text)
    gap = ARTICLE_GAP if word is not None and OF_END.search(word.group()) else FRAME_OF
    return word is not None and word.end() < m.start and bool(gap.fullmatch(text, word.end(), m.start))


def _prior_statement(d: _Doc, frame: Frame, text: str, block: Block) -> str | None:
    """The subject of the sentence before a lead-in that uses the frame's word too: "High calcium may cause
    several symptoms. The first symptoms can include:" lists what high calcium causes."""
    s = _sentence_of(d, block, text)
    prev = d.before(s) if s is not None else []
    if not prev or not frame.cue.search(prev[0].text, prev[0].words):
        return None
    return d.opening(prev[0], frame.subjects)


def _sentence_of(d: _Doc, block: Block, text: str) -> Sentence | None:
    """The sentence of a block that is this text."""
    return next((x for x in d.sentences_of.get(id(block), []) if x.text.strip() == text.strip()), None)


def _relate_items(d: _Doc, frame: Frame, subject: str, keys: list[str], s: Sentence, rule: str,
                  negative: bool, hedged: bool, item: bool = False) -> None:
    relation = frame.relation
    if relation == "spreads_to" and d.cat(subject) == "SpreadPattern":
        relation = "located_in"   # "Common sites of bone metastasis:" says where it is, not where it goes
    for key in keys:
        if d.cat(key) not in frame.categories or key == subject:
            continue
        a, b = (subject, key) if frame.items_are_objects else (key, subject)
        d.add(a, relation, b, s, rule, negative=negative, hedged=hedged or (item and item_hedged(d, s, key)))


def item_concepts(d: _Doc, b: Block, categories: tuple[str, ...]) -> list[str]:
    """The concepts an item opens with (its lead-in's, else those of its first words, coordinated)."""
    named = d.item_terms.get(id(b))
    if named is not None and d.cat(named) in categories:
        return [named]
    s = _first_sentence(d, b)
    ms = d.sent_mentions(s)
    end = b.lead_end if b.lead and b.lead_end > b.start else s.end
    part = named_part(d, s, ms, b.start - s.start, end - s.start) if b.start >= s.start else None
    if part is not None and d.cat(part.key) in categories:
        return [part.key]   # "Yellowing of the skin (jaundice)"
    for i, m in enumerate(ms):
        if m.start >= end:
            break
        if _words(d.doc.text[b.start:m.start]) > 3:
            break
        if d.specific(m) and d.cat(m.key) in categories:
            return list(dict.fromkeys(x.key for x in d.coord_run(ms, i, s.text, s.start) if d.cat(x.key) in categories))
    return []


def frame_list_rule(d: _Doc, items: list[Block]) -> None:
    """Every item of a list whose lead-in or heading is a frame gets the frame's relation with its subject."""
    found = list_frame(d, items)
    if found is None:
        return
    frame, text, header = found
    subject = frame_subject(d, frame, text, header)   # None: only table rows say something (of their own site)
    negative = bool(NEGATION.regex.search(text))
    hedged = bool(HEDGES.regex.search(text))
    rule = f"frame:list-{frame.relation}" if header.kind != "heading" else f"frame:heading-{frame.relation}"
    for b in items:
        if b.parent is not None and b.parent.list_id == b.list_id and b.parent is not header:
            continue   # a sub-item belongs to its own parent's frame
        s = _first_sentence(d, b)
        # a plain item is qualified only before what it names ("Headache, sometimes with vomiting"); a labelled
        # one by its text, which says how the label does what the frame says ("Biopsy: may confirm it")
        hedged_item, plain = (hedged, True) if not b.lead else (hedged or bool(HEDGES.regex.search(s.text)), False)
        row = table_row(d, s.text) if "SpreadPattern" in frame.subjects else None
        if row is not None:   # "Lungs Dyspnea, cough": what the frame says of the metastasis at that site
            site, cells = row
            _relate_items(d, frame, site, [m.key for m in d.text_mentions(s.text[cells:])], s,
                          "frame:table-" + frame.relation, negative, hedged_item, item=plain)
            continue
        if subject is not None:
            keys = item_concepts(d, b, frame.categories)
            if frame.relation == "is_a" and all(d.concepts[k].discovered for k in keys):
                keys = elliptical_kind(d, b, subject) or keys   # the lexicon's name over a term found on the page
            _relate_items(d, frame, subject, keys, s, rule, negative, hedged_item, item=plain)



# "Options include A, B": a word that stands for the frame that the block's lead-in names ("Intervention / therapy")
PLACEHOLDER = re.compile(r"\W*(?:the\s+(?:main\s+|usual\s+|common\s+)?)?(options|choices|approaches|possibilities)\b", re.I)


def _lead_frame(s: Sentence) -> tuple[Frame, re.Match] | None:
    """The frame of a sentence that opens with a placeholder for it, from the block's lead-in, with the
    placeholder as its cue."""
    lead = s.block.lead
    if not lead or s.end <= s.block.body_start:
        return None
    word = PLACEHOLDER.match(s.text, max(s.start, s.block.body_start) - s.start)
    found = frame_of(lead) if word is not None else None
    return (found[0], word) if found is not None else None


def frame_sentence_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Symptoms of X can include A, B and C', 'Treatment options include A', 'Methods are used to
    diagnose X, including A and B': a frame in a sentence, and the list it opens."""
    opens = not OPENER_WORDS.isdisjoint(s.words)
    if not opens and EXAMPLE_WORDS.isdisjoint(s.words):
        return   # no word that opens a list
    found = _lead_frame(s) or frame_of(s.text, s.words)
    if found is None:
        return
    frame, cue = found
    _named_frame_examples(d, s, ms, frame, cue)
    if not opens:
        return
    if frame.relation in VERB_FRAMES:
        return   # the verb cues read these in running text
    opener = LIST_OPENER.search(s.text, cue.end())
    if opener is not None and opener.group().strip().lower() in ("are", "is"):
        but = BUT_INCLUDE.search(s.text, opener.end())   # "Symptoms are uncommon but include A, B"
        if but is not None and _words(s.text[opener.end():but.start()]) <= 3:
            opener = but
    between = s.text[cue.end():opener.start()] if opener is not None else ""
    if opener is None or _words(between) > MAX_WORDS_TO_OPENER or ":" in between \
            or CLAUSE_BREAK.search(between) or THERE.search(s.text[:opener.start()]):
        return   # "there are other options such as ...", "..., but X is ...": no list of the frame's word
    appended = s.text[:opener.start()].rstrip().endswith(",") and opener.group().lower().startswith("including")
    before = re.findall(r"[A-Za-z]+", s.text[:cue.start()])
    if before and before[-1].lower() in VERB_CONTEXT and not appended and not (
            before[-1].lower() == "to" and len(before) > 1 and before[-2].lower() in WAY_NOUNS):
        return   # "helps detect", "used to treat": the verb cues read these; not "another approach to treating X is"
    start = max(s.start, s.block.body_start) - s.start
    comma = s.text.rfind(", ", start, cue.start())
    start = comma + 2 if comma >= 0 else start   # "Later in its course, symptoms include ...": the clause's start
    if content_words(s.text[start:cue.start()]) > MAX_WORDS_BEFORE_CUE and not appended:
        return   # the frame's word must be what the sentence (or its closing ", including ...") is about
    members = list_members(d, s, ms, opener.end())
    if not members or PARTICIPLE_OPENS.search(s.text[opener.end():members[0].start - s.start]):
        return
    named = s.text[:opener.start()]
    subject = frame_subject(d, frame, named, s.block)
    if subject is None:
        return
    scope = s.text[:members[-1].end - s.start]
    _relate_items(d, frame, subject, [m.key for m in members], s, f"frame:sentence-{frame.relation}",
                  bool(NEGATION.regex.search(scope)), bool(HEDGES.regex.search(scope)))


# "Common cancers include:", "The most common ones are:": a lead-in that lists members of a class
CLASS_INTRO = re.compile(r"^\W*(?:(?:the|most|more|less|some|other|several|many|common|usual|frequent|typical|main|"
                         r"certain)\s+)*(?P<cls>[\w\- ]+?)\s+(?:(?:may|can|often|usually|commonly)\s+)?"
                         r"(?:include|includes|are)\s*(?:the following|any of the following)?\s*:\s*$", re.I)


def class_list_rule(d: _Doc, items: list[Block]) -> None:
    """'Almost every cancer may spread to the lungs. Frequent ones include: A, B': what the text just said of
    the class, it says of each member the list names."""
    first = items[0]
    intro = first.intro
    sentences = d.sentences_of.get(id(intro), []) if intro is not None else []
    if not sentences:
        return
    match = CLASS_INTRO.match(sentences[-1].text)
    if match is None:
        return
    named = d.text_mentions(match.group("cls"))
    if not named or named[-1].end < len(match.group("cls").rstrip()):
        return
    cls = named[-1].key
    before = {id(s) for s in sentences[:-1]}
    index = d.doc.blocks.index(intro)
    said = [f for f in d.found if f.subject == cls and id(f.sentence) in before and f.relation != "is_a"]
    if not said and index > 0:   # only when the lead-in's own paragraph said nothing of the class
        last = d.sentences_of.get(id(d.doc.blocks[index - 1]), [])[-1:]
        said = [f for f in d.found if f.subject == cls and f.sentence in last and f.relation != "is_a"]
    for b in items:
        s = _first_sentence(d, b)
        for key in item_concepts(d, b, (d.cat(cls),)):
            for f in said:
                d.add(key, f.relation, f.object, s, "frame:class-list", negative=f.negative, hedged=f.hedged)


def heading_items_rule(d: _Doc) -> None:
    """A lead-in ending with ':' followed by headings ("Methods doctors use: / Physical exam / ... /
    Biopsy / ..."): each heading is an item of the lead-in's frame."""
    blocks = d.doc.blocks
    for i, b in enumerate(blocks[:-1]):
        if b.kind != "paragraph" or not b.text.rstrip().endswith(":") or blocks[i + 1].kind != "heading":
            continue
        text = (d.sentences_of.get(id(b)) or [None])[-1]
        found = frame_of(text.text) if text is not None else None
        if found is None or content_words(text.text[:found[1].start()]) > MAX_WORDS_BEFORE_INTRO_CUE:
            continue
        frame = found[0]
        subject = frame_subject(d, frame, text.text, b)
        if subject is None:
            continue
        level = blocks[i + 1].section.level
        for h in blocks[i + 1:]:
            if h.kind != "heading":
                continue
            if h.section.level != level or h.text.rstrip().endswith("?"):
                break
            s = _first_sentence(d, h)
            _relate_items(d, frame, subject, item_concepts(d, h, frame.categories), s, f"frame:headings-{frame.relation}",
                          bool(NEGATION.regex.search(text.text)), bool(HEDGES.regex.search(text.text)))


EXAMPLES_OPEN = re.compile(r"\s*,?\s*(?:such as|including|like|e\.g\.,?|(?:most\s+)?notably|especially|particularly)\s+", re.I)   # matched at the frame word's end
HAS_FRAME = re.compile(r"\s+(?:(?:can|may|might|could|often|usually|also|will)\s+)*(?:has|have|had|carr(?:y|ies)|"
                       r"brings?|(?:leaves?|left)\s+(?:patients|people|them|many)\s+with)\s+(?:[a-z\-]+\s+){0,2}$", re.I)
EXAMPLE_WORDS = frozenset({"such", "including", "like", "e", "notably", "especially", "particularly"})   # the words EXAMPLES_OPEN needs


def _named_frame_examples(d: _Doc, s: Sentence, ms: list[Mention], frame: Frame, cue: re.Match) -> None:
    """'general pancreatic cancer symptoms, such as jaundice and fatigue': the concept that names the frame's
    word has the relation with each example (the word may come again: "These symptoms ... X symptoms, such as")."""
    for cue in [cue, *frame.cue.regex.finditer(s.text, cue.end())]:
        opener = EXAMPLES_OPEN.match(s.text, cue.end())
        named = [m for m in ms if d.specific(m) and d.cat(m.key) in frame.subjects and (
                 m.end == s.start + cue.start() - 1 or HAS_FRAME.match(s.text, m.end - s.start, cue.start()))]
        if opener is not None and named:   # ("X can have side effects such as Y")
            break
    else:
        return
    members = list_members(d, s, ms, opener.end())
    if not members:
        return
    scope = s.text[:members[-1].end - s.start]
    _relate_items(d, frame, named[0].key, [m.key for m in members], s, f"frame:examples-{frame.relation}",
                  bool(NEGATION.regex.search(scope)), bool(HEDGES.regex.search(scope)))
