"""Rules read from lists and document structure: types, steps, routes, tests, lead-ins, uses, sizes, FAQs."""
from __future__ import annotations

import re

from ..model import Block, Sentence
from .comparisons import NOT_A_KIND, VS, _vs_parts
from .ellipsis import with_head
from .cue_table import sentence_matches
from .document import ALL_CATEGORIES, COORD_GAP, DETECTABLE, DETECTORS, PAREN, _Doc, _first_sentence, _unparen, _words
from .arguments import including_list_rule
from .uses import uses_list_rule
from .frames import class_list_rule, frame_list_rule, heading_items_rule
from .table_rows import table_row
from .mentions import _discover_concept
from .modifiers import HEDGES, NEGATION, _clauses, _scope, item_hedged
from .patterns import _relate
from .subjects import NOT_HERE, PRONOUN, _clause_subject, _subject_before, _subject_keys
from .topics import IMPERATIVE, _lead_head, _lead_topic, _outer_mentions, _section_subject

INFLUENCE_LEADS = {"guide", "refine", "estimate", "inform", "predict", "determine", "change", "assign",
                   "shape", "affect", "influence"}
TYPES_HEADING = re.compile(r"\b(types?|variations?|variants?|kinds?|forms?|subtypes?|classification|categories)\b", re.I)
STEPS_CUE = re.compile(r"\b(steps?|stages|phases|sequence|cascade|stepwise|process goes)\b", re.I)
USE_CUE = re.compile(r"\b(indications?|when (\w+ )*(use|used|uses)|is used (in|for)|are used (in|for)|"
                     r"(typical|common) (uses|scenarios|settings))\b", re.I)
SIZE_CUE = re.compile(r"\b(size|sizes|size-based|smallest|largest|volume)\b", re.I)
EVAL_CUE = re.compile(r"\b(evaluat\w*|assess\w*|detect\w*|look(s|ing)? for|test(s|ing)? for|screen(s|ing)? for|"
                      r"identif\w*|diagnos\w*|confirm\w*)\b", re.I)
ROUTE_LIKE = frozenset({"SpreadRoute", "BiologicalProcess"})   # what a list of the ways cancer spreads names
FAQ_SAME = re.compile(r"^\s*(is|are)\b.*\b(the same as|same thing as|identical to)\b", re.I)
FAQ_NO = re.compile(r"^\W*(no|not necessarily|not always|not exactly|not quite|not usually)\b", re.I)


def _lists(d: _Doc) -> dict[int, list[Block]]:
    lists: dict[int, list[Block]] = {}
    for b in d.doc.blocks:
        if b.kind == "item":
            lists.setdefault(b.list_id, []).append(b)
    return lists


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
        key = with_head(d, b.lead, [" ".join(parent_tail[-n:]) for n in (1, 2)])
        return [key] if key is not None else []
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
        frame_list_rule(d, items)
        class_list_rule(d, items)
        including_list_rule(d, items)
        uses_list_rule(d, items)
    heading_items_rule(d)
    _faq_rule(d)


def _types_rule(d: _Doc, items: list[Block]) -> None:
    """Items of a 'Types / variations' list name kinds of the post's (or the parent item's) subject."""
    b0 = items[0]
    if not TYPES_HEADING.search(b0.section.heading or ""):
        return
    named = d.text_mentions(b0.section.heading)   # "Lymph Node Metastasis Classification": its kinds, not the page's
    subject = named[0].key if len(named) == 1 else _section_subject(d, b0) if d.out.subject is None else d.out.subject
    if subject is None:
        return
    size_headers = {id(b) for b in items if SIZE_CUE.search(b.text)}
    if any(_names_only(d, b, subject) for b in items if b.parent is None):
        return   # a list with the subject as one of its items lists its siblings ("ITCs", "Micrometastases", ...)
    for b in items:
        if b.parent is not None and id(b.parent) in size_headers:
            continue
        keys = _item_kinds(d, b)
        if subject in keys or NOT_A_KIND.search(_first_sentence(d, b).text):
            continue   # "X vs Y" with the subject itself is a comparison; "a related but different finding" no kind
        parent = subject
        if b.parent is not None:
            pk = _item_concepts(d, b.parent)
            if len(pk) == 1 and pk[0] != subject and d.cat(pk[0]) == d.cat(subject):
                parent = pk[0]
        kinds = [k for k in keys if d.cat(k) == d.cat(parent) and (_names_kind_of(d, k, parent) or len(keys) == 1)]
        for key in keys:
            if key in kinds:
                d.add(key, "is_a", parent, _first_sentence(d, b), "structure:types")
            elif kinds and d.cat(key) == d.cat(parent):
                # "Micrometastasis and minimal residual disease (conceptual variants)": set beside a kind, MRD is
                # listed with the subject's variations without being named a kind of it
                d.add(key, "related_to", parent, _first_sentence(d, b), "structure:types-related")


def _names_only(d: _Doc, b: Block, key: str) -> bool:
    """Whether an item's lead (before ':') is only a name of the concept ("Micrometastases: 0.2 to 2 mm")."""
    return d.named(_unparen(b.text.split(":")[0]).strip(" ."), d.cat(key)) == key


def _names_kind_of(d: _Doc, key: str, parent: str) -> bool:
    """Whether a concept's own names or its source's parents say it is a kind of parent ("oligometastatic
    disease" of metastasis): a list item that names two concepts ("X and Y (variants)") needs that
    much before an is_a, which becomes an OWL axiom, is read from it."""
    stem = d.concepts[parent].label.lower().split()[-1][:6]
    names = [d.concepts[key].label, *d.concepts[key].synonyms]
    return parent in d.concepts[key].parents or any(stem in n.lower() for n in names)


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
    topic = d.out.subject   # else the page's, when it is a process of that kind ("Metastatic cascade")
    return topic if topic and d.cat(topic) in categories and topic not in item_keys else None


def _steps_rule(d: _Doc, items: list[Block]) -> None:
    """An ordered or stepwise list of one kind of concept: each is part of the whole, in sequence."""
    if len(items) < 3:
        return
    first = items[0]
    context = " ".join(filter(None, [first.section.heading, first.intro.text if first.intro else ""]))
    keys = [(_item_concepts(d, b) or [None])[0] for b in items]
    resolved = [k for k in keys if k]
    categories = {d.cat(k) for k in resolved}
    if len(resolved) < max(2, (2 * len(items) + 2) // 3) or len(categories) != 1:
        return
    topic = d.concepts[d.out.subject].label if d.out.subject else ""   # a list of processes on a cascade's page
    if not (first.ordered or STEPS_CUE.search(context) or (categories == {"BiologicalProcess"} and STEPS_CUE.search(topic))):
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
    # with two routes or more, the other ways the list names are ways of spread too ("Local invasion")
    routes = [(b, k) for b, k in zip(items, keys) if k and d.cat(k) in ROUTE_LIKE]
    intro = items[0].intro
    named = [m.key for m in d.text_mentions(intro.text) if d.cat(m.key) in ("SpreadPattern", "Neoplasm")] \
        if intro is not None else []
    subject = named[0] if named else _section_subject(d, items[0])
    if subject is None or d.cat(subject) not in ("SpreadPattern", "Neoplasm") or subject in keys:
        subject = d.out.subject if d.out.subject not in keys else None
    if subject is None or d.cat(subject) == "SpreadRoute":
        return   # the routes a route's page lists are its kinds ("Portal venous spread" of hematogenous spread)
    for b, k in routes:
        s = _first_sentence(d, b)
        d.add(subject, "spreads_via", k, s, "structure:routes", hedged=item_hedged(d, s, k))


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
                      hedged=header_hedged or bool(HEDGES.regex.search(b.text)))   # ("Biopsy: may confirm it")


# what may stand between a lead-in's cue and its colon: "may cause (any of the following symptoms):"
OPEN_TAIL = re.compile(r"^\s*(?:(?:any|some|one|all|each|many|several|a number)\s+of\s+)?(?:the\s+)?(?:following\s*)?"
                       r"(?:[a-z\-]+\s*){0,2}?(?:,?\s*(?:such as|including|like|e\.g\.))?\s*:\s*$", re.I)


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
        if not s.text.rstrip().endswith(":") or not (d.sent_mentions(s) or PRONOUN.match(s.text)):
            continue   # "This state often occurs after:": a pronoun may be the subject
        for pattern in d.patterns(s):
            for match in sentence_matches(d, s, pattern):
                cue_start, cue_end = s.start + match.start(), s.start + match.end()
                if not OPEN_TAIL.match(s.text[match.end():]) or any(
                        d.specific(m) for m in d.sent_mentions(s) if m.start >= cue_end):
                    continue   # what the cue relates to is the list ("may cause any of the following symptoms:")
                start = max(a for a, _ in _clauses(d, s) if a <= cue_start)
                cms = [m for m in d.sent_mentions(s) if m.start >= start and m.end <= cue_start]
                subj = _subject_before(d, s, cms, cue_start, start) or _clause_subject(d, s, cms, start)
                if not subj or subj is NOT_HERE:
                    continue
                subjects = _subject_keys(subj)
                negative = bool(NEGATION.search(_scope(s, start, cue_end), s.words)) != pattern.negative
                hedged = bool(HEDGES.search(_scope(s, start, cue_end), s.words))
                for b in members:
                    item = _first_sentence(d, b)
                    if table_row(d, item.text) is not None:
                        continue   # a table row says what it says of its own first cell (see frames)
                    for key in _item_heads(d, b, item, ALL_CATEGORIES):
                        _relate(d, pattern, subjects, [key], item, f"structure:intro-{pattern.relation}",
                                negative=negative, hedged=hedged or item_hedged(d, item, key))


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
        if topic is None or len(_outer_mentions(d, _lead_head(b.lead))) > 1:
            continue   # "Imaging / biopsy / labs": a lead-in of several classes is no one class of the items
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
