"""Sentence pattern rules: verb cues with their subjects and objects, enumerations, copulas and appositions."""
from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..model import Mention, Sentence
from .comparisons import DISTINCT_NOT, FRAMEWORK, UNLIKE, VS, _distinct_rule, _framework_rule, _unlike_rule, _vs_rule
from .document import EXAMPLE_TAIL, EXAMPLES_OPEN, NOT_KINDS, _Doc, _more_words, _unparen
from .spans import modifies_next
from ..lexicon import is_acronym, normalize_token
from ..phrases import CLOSED, WORD, word_classes
from .frames import frame_sentence_rule
from .predicates import (CONSIDERED, MANAGEMENT, NOMINAL_DETECT, PROGNOSIS_FOR, RELATED, SITE_WORDS, SITES_OF,
                         _bare_sites_rule, _considered_rule, _genus_rule, _headless_genus_rule, _management_rule,
                         _nominal_detection_rule, _prognosis_rule, _pronoun_copula_rule, _related_rule, _site_is_rule,
                         _sites_rule, _topic_predicate_rule)
from .routes import route_rule
from .mentions import DEFINITION_VERBS, _definition_rule
from .modifiers import NEGATION, _clauses, _relative_start, _scope, question_answer
from .subjects import COPULA, NOT_HERE, Subject, _no_subject, _once, _subject_before, _subject_keys, _subject_of_clause
from .cue_table import Pattern, sentence_matches
from .copula_subjects import in_noun_modifier
from .coordination import SITE_PARTS
from .inclusions import PARTS_OF, included_relation
from .agents import AGENT_RELATIONS, agent_before, agent_owner, cells_cancer, spread_site_subject
from .roles import ROLE_WORDS, _role_rule, fragment_role_rule
from .nominals import NOMINAL_WORDS, _nominal_rule
from .arguments import (MOTION, _cells_of_topic, _class_members, _lead_if_broader, _noun_complement, _onward_sites,
                        _topic_if_broader, _unknown_first_item, topic_object)
from .locations import _located_rule
from .made_findings import MADE_WORDS, made_finding_rule, pressed_finding_rule
from .pressed import PRESS_WORDS
from .people import PEOPLE_WORDS, people_with_rule
from .stages import STAGE_SPREAD_WORDS, stage_spread_rule
from .described import named_in_parenthesis
from .role_of import ROLE_WORDS as ROLE_OF_WORDS, role_of_rule
from .prognostic import PROGNOSTIC_WORDS, prognostic_rule

EXAMPLE_INTRO = re.compile(r"\(\s*(for example|for instance|e\.g\.|such as|including|like|eg)\s*,?\s*", re.I)
OF_OR_BREAK = re.compile(r"\b(?:of|than)\b|[;:]")   # ("lower survival than earlier stages": a comparison's term)
AND_OR_START = re.compile(r"^\s*(,\s*)?(and|or)\s")
CLAUSE_WORD = re.compile(r"\b(of|is|are|was|were|be|been|can|may|will|which|that)\b|[;:]")
ALSO = re.compile(r"\balso\b", re.I)
INCLUDES_END = re.compile(r"includes?\s*$")
OF = re.compile(r"\bof\b")
# a preposition after a cue opens another argument ("spread from where it started to the lymph nodes": not from them)
GENERIC_OBJECT = re.compile(r"^\s*(?:(?:whether|if)\s+)?(?:(?:an?|the|another|other|some|many|certain|different|distant)\s+)?"
                            r"(?:[A-Za-z\-]+\s+){0,4}?[A-Za-z\-]+,?\s+(?:such as|including|like|e\.g\.,?|most often|mostly|"
                            r"especially|particularly|primarily|mainly|usually|commonly|typically|(?:most\s+)?notably)"
                            + EXAMPLE_TAIL, re.I)
FOLLOWING = re.compile(r"^\s*(?:any\s+(?:one\s+)?of\s+)?(?:the\s+)?following(?:\s+[a-z]+){0,2}\s*:\s*$", re.I)
NEW_ARGUMENT = re.compile(r"(?!\d)\S\s+(to|into|from|through|via|toward|towards)\s", re.I)   # not "1 to 3 nodes"
ENUM_AFTER = re.compile(r"^\s*(\w+\s)?(\(\s*(such as|including|like|e\.g\.,?|for example,?)?\s*|,?\s*such as\s+|"
                        r",\s*including\s+|\s*like\s+|\s*(may |can |often |usually )?includes?\s+)$", re.I)
CALLED = re.compile(r"(?<!also)(?<!also )(?<!,)\s*,?\s*((is|are)\s+(often\s+|then\s+|sometimes\s+)?)?"
                    r"(called|known as|termed|referred to as)\s+(the\s+|a\s+)?$", re.I)
APPOSITION = re.compile(r"^\s*,\s*(a|an|one)\s+(type|kind|form|subtype|variant|category)\s+of\s+(the\s+)?$", re.I)
NOT_ALL = re.compile(r"\bnot all\b", re.I)
SITE_SPREAD_RELATIONS = frozenset({"causes"})   # what a cancer that has spread to a site causes, its metastasis there does
INTERJECTED = re.compile(r"^\s*,\s*(?:[a-z]+ing|[a-z]+ed|which|who)\b[^,;:()]*,\s*", re.I)   # a clause set off by commas


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
    question = s.text.rstrip().endswith("?")
    answer = question_answer(d, s) if question and clause_rules else None
    clause_rules = clause_rules and answer != "none"
    first_found = len(d.found)
    inherited = _no_subject
    for start, end in _clauses(d, s) if clause_rules else ():
        cms = [m for m in ms if m.start >= start and m.end <= end]
        own = _once(functools.partial(_subject_of_clause, d, s, cms, start, inherited))
        _pattern_rules(d, s, cms, start, end, own)
        _located_rule(d, s, cms, start, end, own)
        inherited = own
    if answer == "hedged":   # "Does metastasis always cause pain? No. ...": it may
        for f in d.found[first_found:]:
            f.hedged = True
    if question:
        return
    if lead_sentence:
        for rule, cue in ((_framework_rule, FRAMEWORK), (_distinct_rule, DISTINCT_NOT)):
            if cue.possible(words):
                rule(d, s, ms)
        return
    if len(ms) > 1:
        _enumeration_rule(d, s, ms)
    if ms:
        frame_sentence_rule(d, s, ms)
        if not ROUTE_WORDS.isdisjoint(words):
            route_rule(d, s, ms)
        _pronoun_copula_rule(d, s, ms)
        _topic_predicate_rule(d, s, ms)
        if s.block.lead_apart and s.end > s.block.body_start:
            _genus_rule(d, s, ms)
        _headless_genus_rule(d, s, ms)
        fragment_role_rule(d, s, ms)
    for rule in _word_rules_for(words & _WORD_RULE_WORDS):
        rule(d, s, ms)
    if s.block.kind == "definition" or not DEFINITION_VERBS.isdisjoint(words):
        _definition_rule(d, s, ms)


def _objects_after(d: _Doc, s: Sentence, cms: list[Mention], pos: int, end: int) -> list[Mention]:
    for i, m in enumerate(cms):
        if m.start < pos or m.end > end:
            continue
        gap = s.text[pos - s.start:m.start - s.start]
        gap = EXAMPLE_INTRO.sub(" ", gap) if "(" in gap else gap
        gap = _example_adjectives_off(gap)   # "symptoms, such as extreme fatigue": the describing words are the object's
        gap = FOLLOWING.sub(" ", gap)   # "may cause the following symptoms: weakness, ...": the items are the objects
        gap = GENERIC_OBJECT.sub(" ", gap)   # "in another organ, such as the stomach": the examples are the objects
        gap = KINDS_OF.sub(" ", gap)   # "used for most forms of cancer"
        gap = PART_OF_SITE.sub(" ", gap)   # "to the parenchyma of the liver", "the lining of the abdomen"
        gap = _unparen(gap, " ")
        if _unknown_first_item(s, gap, m):
            gap = " "   # "grew into tissues, blood vessels or nodes": the list continues past a term it lacks
        commas = "," in gap.strip(" ,") and not DESCRIBING_SERIES.match(gap)   # not "sudden, severe pain"
        if _more_words(gap, 6) or OF_OR_BREAK.search(gap) or commas or NEW_ARGUMENT.search(gap) \
                or (_noun_complement(gap) and d.cat(m.key) in ("Neoplasm", "SpreadPattern")) \
                or (gap.rstrip().endswith(",") and _more_words(gap, 1)):   # "develop in the brain, metastases ..."
            return []
        if not d.specific(m) or (d.cat(m.key) == "AnatomicalSite" and modifies_next(s, m)):
            continue   # "cause bone destruction and pain": the bone only describes the destruction
        run = d.coord_run(cms, i, s.text, s.start)
        # later conjuncts: "influence cancer staging and the way clinicians estimate recurrence risk", "to A and
        # then to B", "A or other organs such as B, C"
        prep = CUE_PREPOSITION.search(s.text[:pos - s.start])
        k = cms.index(run[-1]) + 1 if run else len(cms)
        while k < len(cms):
            later = cms[k]
            if later.end > end or d.depth.get(later, 0) != d.depth.get(run[0], 0) or not d.specific(later):
                k += 1
                continue
            gap = _unparen(s.text[run[-1].end - s.start:later.start - s.start], " ")
            if prep:
                gap = re.sub(SAME_PREPOSITION.format(prep.group(1)), r"\1", gap, count=1, flags=re.I)
            gap = OTHER_SUCH_AS.sub(r"\1", gap, count=1)
            if not (AND_OR_START.match(gap) and not _more_words(gap, 6) and not CLAUSE_WORD.search(gap)
                    and not NEW_ARGUMENT.search(gap) and not _verb_in(gap)):   # "from A and spreading via B": B is another verb's
                break
            more = d.coord_run(cms, k, s.text, s.start)
            run.extend(more)
            k = cms.index(more[-1]) + 1 if more else k + 1
        return run + _examples_after(d, s, cms, run, end)
    return []


EXAMPLES_THEN = re.compile(r"(?:such as|including|like|e\.g\.,?)\s+((?:[a-z\-]+\s+){1,2})$", re.I)


def _example_adjectives_off(gap: str) -> str:
    """The gap without the describing words that open the first example after 'such as' ("extreme fatigue")."""
    found = EXAMPLES_THEN.search(gap) if "such" in gap or "includ" in gap or "like" in gap or "e.g" in gap else None
    if found is None or any("ADJ" not in (c := word_classes(w)) or "VERB" in c or w.lower() in CLOSED
                            for w in found.group(1).split()):
        return gap
    return gap[:found.start(1)]


DESCRIBING_SERIES = re.compile(r"^\s*(?:[a-z]+,\s+){1,2}[a-z]+\s+$")   # describing words before one noun
CUE_PREPOSITION = re.compile(r"\b(to|into|in|from|with|by|through)\s*$", re.I)
SAME_PREPOSITION = r"^(\s*,?\s*(?:and|or)\s+)(?:then\s+|later\s+|also\s+|eventually\s+|finally\s+|even\s+)?{}\s+(?:the\s+)?"
OTHER_SUCH_AS = re.compile(r"^(\s*,?\s*(?:and|or)\s+)(?:other|distant|nearby|more)\s+(?:[a-z\-]+\s+){0,2}?(?:such as|"
                           r"including|like|especially|primarily|mainly)\s+(?:the\s+)?", re.I)


PART_OF_SITE = re.compile(r"\b(?:the\s+)?" + SITE_PARTS + r"\s+of\s+"
                          r"(?:the\s+|an?\s+|your\s+)?$", re.I)
KINDS_OF = re.compile(r"^\s*(?:(?:most|many|all|some|several|certain|other|the)\s+)?(?:forms?|types?|kinds?)\s+of\s+$", re.I)
EXCEPT = re.compile(r"^\s*,?\s*(?:except|but not|other than|excluding|apart from|with the exception of)\s+(?:for\s+|in\s+)?"
                    r"(?:the\s+)?$", re.I)


def _exceptions_after(d: _Doc, s: Sentence, cms: list[Mention], pos: int, end: int) -> list[Mention]:
    """The concepts an exception after a cue's objects names ("used for most cancers, except brain tumors")."""
    after = [m for m in cms if m.start >= pos and m.end <= end]
    if not after or not EXCEPT.match(s.text[pos - s.start:after[0].start - s.start]):
        return []
    return d.coord_run(cms, cms.index(after[0]), s.text, s.start)


def _verb_in(gap: str) -> bool:
    """Whether a word of the gap can only be a verb ("detach from A and enter B": B is the other verb's)."""
    return any(classes and classes <= VERB_ONLY for classes in map(word_classes, WORD.findall(gap)))


VERB_ONLY = frozenset({"VERB", "AUX"})


def _examples_after(d: _Doc, s: Sentence, cms: list[Mention], run: list[Mention], end: int) -> list[Mention]:
    """The examples a cue's object opens ("cause symptoms (for example, A, B)", "in another organ, such as A
    and B"): the relation holds for each of them too."""
    if not run:
        return []
    after = [m for m in cms if m.start >= run[-1].end and m.end <= end]
    if not after or not EXAMPLES_OPEN.match(s.text[run[-1].end - s.start:after[0].start - s.start]):
        return []
    i = cms.index(after[0])
    examples = [m for m in d.coord_run(cms, i, s.text, s.start) if m not in run]
    if d.specific(run[-1]) and d.cat(run[-1].key) not in NOT_KINDS \
            and all(d.same_kind(m.key, run[-1].key) and d.cat(m.key) == d.cat(run[-1].key) for m in examples):
        return []   # "used in hematologic malignancies (like leukemia)": what is said of the class, the class has
    return examples


def _pattern_rules(d: _Doc, s: Sentence, cms: list[Mention], start: int, end: int,
                   clause_subject: Callable[[], Subject] = _no_subject) -> None:
    if not cms:
        return
    claimed: list[tuple[int, int]] = []   # the words of a cue that stated a relation belong to its row
    objects_at: dict[int, list[Mention]] = {}   # cue end -> the objects after it (rows often end at one place)
    for pattern in d.patterns(s):
        for match in sentence_matches(d, s, pattern) if start == s.start and end == s.end else \
                pattern.cue.regex.finditer(s.text, start - s.start, end - s.start):   # (a clause that is all the sentence)
            cue_start, cue_end = s.start + match.start(), s.start + match.end()
            if any(a < cue_end and cue_start < b for a, b in claimed):
                continue   # an earlier row read these words ("more likely to develop" is no "develop")
            before = len(d.found)
            if any(m.start < cue_end and m.end > cue_start and not cue_start < m.start < m.end < cue_end
                   and d.specific(m) for m in cms):
                continue   # the cue is part of a concept's name (a concept inside it is a route: "through the blood")
            objs = objects_at.get(cue_end)
            if objs is None:
                objs = objects_at[cue_end] = _objects_after(d, s, cms, cue_end, end)
            if pattern.relation == "detected_by" and pattern.reverse:
                objs = _cells_of_topic(d, s, cue_end) or objs   # "PCR finds cancer cells" on a page about a disease
            if not objs and pattern.reverse and pattern.relation == "treated_with":
                objs = topic_object(d, cms, s, cue_end, end)   # "Surgery to remove the tumors" on its page
            if pattern.relation == "causes" and not any(d.cat(o.key) in pattern.objects for o in objs):
                objs = named_in_parenthesis(d, s, cms, cue_end, end) or objs   # "cause yellowing of the skin (jaundice)"
            if not objs:
                continue
            members = _class_members(d, s, cms, start, cue_start, objs)
            origins = agent_before(d, s, cms, start, cue_start) if pattern.relation in AGENT_RELATIONS else None
            if not members and origins is not None:
                members = agent_owner(d, s, objs + origins, pattern.relation)   # what cancer cells do, the metastasis does
                for origin in origins if members else ():
                    d.add(members, "originates_from", origin.key, s, "agent:originates_from")
            spread = spread_site_subject(d, s, cms, start, cue_start) if pattern.relation in SITE_SPREAD_RELATIONS else None
            subj = members or spread or _subject_before(d, s, cms, cue_start, start)
            if subj is NOT_HERE:
                continue
            if origins is not None and pattern.relation == "spreads_to" and not subj:
                # where cells go that no spread of the page owns, the page's cancer goes, else cancer at large
                subj = cells_cancer(d) or subj   # ("Cancer cells may spread to nearby lymph nodes")
            subj = subj or clause_subject()
            if subj is None:
                continue
            subjects = [_lead_if_broader(d, s, k) for k in _subject_keys(subj)]
            if pattern.relation == "precedes" and not pattern.reverse:   # a step of a sequence follows the one
                prior = [m for m in cms if start <= m.start and m.end <= cue_start and d.specific(m)]   # just before
                subjects = [prior[-1].key] if prior else subjects
            own = _relative_start(s, start, cue_start)   # a relative clause's own words decide its polarity
            scope = _scope(s, own, objs[-1].end)
            negated = bool(NEGATION.search(_scope(s, own, cue_start) + " " + _scope(s, cue_end, objs[0].start), s.words))
            negative = negated != pattern.negative   # a denying cue, denied, affirms
            targets = [o.key for o in objs]
            if pattern.reverse and pattern.relation == "treated_with":
                targets = [_topic_if_broader(d, o.key, o.text) for o in objs]   # "Surgery to remove the tumors"
            elif pattern.relation == "treated_with":
                subjects = [_topic_if_broader(d, k) for k in subjects]   # "The lung tumors can be removed with surgery"
            _relate(d, pattern, subjects, targets, s, f"verb:{pattern.relation}", negative=negative, scope=scope)
            if len(d.found) > before:
                claimed.append((cue_start, cue_end))
            for later in _exceptions_after(d, s, d.sent_mentions(s), objs[-1].end, s.end):   # "..., except brain tumors"
                _relate(d, pattern, subjects, [later.key], s, f"verb:{pattern.relation}", negative=not negative,
                        scope=scope)
            if pattern.relation == "originates_from" and MOTION.search(match.group(0)):
                for site in _onward_sites(d, s, cms, objs[-1].end, end):   # "spread from the breast to the liver"
                    for a in subjects:
                        if d.cat(a) in ("SpreadPattern", "Neoplasm"):
                            d.add(a, "spreads_to", site.key, s, "verb:spreads_to", negative=negative,
                                  scope=_scope(s, own, site.end))


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


def _enumeration_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Ys (A, B, C)', 'Ys such as A and B', 'Ys, including A', 'Y may include A, B': A is_a Y."""
    for i, head in enumerate(ms):
        if not d.specific(head) or i + 1 >= len(ms):
            continue
        j = i + 2 if ms[i + 1].key == head.key and d.depth.get(ms[i + 1], 0) > d.depth.get(head, 0) \
            and i + 2 < len(ms) else i + 1   # "Hepatocellular carcinoma (HCC) is ...": its name again, in parentheses
        nxt = ms[j]
        gap = s.text[head.end - s.start:nxt.start - s.start]
        if d.same_kind(head.key, nxt.key):   # apposition and copula join concepts of one kind
            if CALLED.match(gap) and not ALSO.search(gap):
                d.add(nxt.key, "is_a", head.key, s, "apposition:called")
                continue
            if APPOSITION.match(gap):
                d.add(head.key, "is_a", nxt.key, s, "apposition:type-of")
                continue
            plain = _unparen(INTERJECTED.sub(" ", gap, count=1))   # "X, accounting for 70% of cases, is Y"
            copula = COPULA.match(plain)
            role_of = None if not copula or plain.lstrip().startswith(",") else \
                ROLE_OF.search(s.text[:head.start - s.start])
            if copula and role_of:
                if role_of.group(1) and not copula.group(2):   # "One type of skin cancer is melanoma"
                    d.add(nxt.key, "is_a", head.key, s, "copula:is_a")
                continue   # "One of the earliest symptoms of X is pain": X is not what pain is
            if copula and RANKED_CLASS.search(s.text[:head.start - s.start]) \
                    and not copula.group(2):   # "The most common skin cancers are A and B", "The commonest test is A"
                for item in d.coord_run(ms, j, s.text, s.start):
                    d.add(item.key, "is_a", head.key, s, "copula:members")
                continue
            if copula and d.depth.get(head, 0) == d.depth.get(nxt, 0) and not _object_of_cue(d, s, head) \
                    and not in_noun_modifier(d, s, ms, i):
                negative = bool(copula.group(2)) or bool(NOT_ALL.search(s.text[:head.start - s.start]))
                d.add(head.key, "is_a", nxt.key, s, "copula:is_a", negative=negative)
                continue
        if not ENUM_AFTER.match(gap):
            continue
        if INCLUDES_END.search(gap) and head is not ms[0]:
            continue   # "Y may include A, B" only with Y as the sentence's subject
        items = d.coord_run(ms, i + 1, s.text, s.start)
        if len(items) == 1 and gap.strip() == "(" and (is_acronym(items[0].text) or d.umbrella(items[0].key)
                                                       or not _plural(head.text)):
            continue   # "myeloid leukemia (AML)", "secondary tumours (metastases)": another name, not a kind;
            # "return near the original site (local recurrence)": a name for what the clause says
        # a known item of another kind says the list is not of the head's kind ("stages such as intravasation,
        # tumour latency"): then its discovered items, whose kind was only guessed, are not kinds of the head either
        mixed = any(not d.concepts[item.key].discovered and not d.same_kind(item.key, head.key) for item in items)
        if PARTS_OF.search(s.text, 0, head.start - s.start):
            continue   # "The steps of the cascade include A, B", "Markers of X include A": not kinds of the head
        for item in items:
            if d.same_kind(item.key, head.key) and d.cat(head.key) not in NOT_KINDS \
                    and not (mixed and d.concepts[item.key].discovered):
                relation = included_relation(d, item.key, head.key, bool(INCLUDES_END.search(gap)))
                d.add(item.key, relation, head.key, s, f"enumeration:{relation}")


def _plural(text: str) -> bool:
    """Whether a name ends with a plural noun ("local therapies"), the way a class of things is named."""
    last = text.split()[-1].lower() if text.split() else ""
    return normalize_token(last) != last


# a concept after "<noun> of" is the noun's complement, not what the sentence's copula is said of
RANKED_CLASS = re.compile(r"\b(?:the\s+)?(?:(?:most|least)\s+[a-z]+(?:\s+used)?|commonest|main|leading|usual|major)\s+$", re.I)
ROLE_OF = re.compile(r"\b(?:(types?|kinds?|forms?|subtypes?|variants?)|[a-z]+)\s+(?:of|for)\s+(?:the\s+|an?\s+)?$", re.I)


def _object_of_cue(d: _Doc, s: Sentence, m: Mention) -> bool:
    """Whether a verb cue just before the mention makes it an object ("the cancers most likely to cause brain
    metastases are ..."), so that it is not the subject of a copula after it."""
    end = m.start - s.start
    for pattern in d.patterns(s):
        for match in pattern.cue.regex.finditer(s.text, 0, end):
            gap = s.text[match.end():end]
            if not _more_words(gap, 2) and "," not in gap:
                return True
    return False


ROUTE_WORDS = frozenset({"through", "via", "along", "into", "way"})   # what routes.VIA needs
# the sentence rules that look for a cue word, in the order they run
_WORD_RULES = ((_related_rule, RELATED), (_sites_rule, SITES_OF), (_site_is_rule, SITE_WORDS), (_distinct_rule, DISTINCT_NOT), (_framework_rule, FRAMEWORK),
               (_considered_rule, CONSIDERED), (_prognosis_rule, PROGNOSIS_FOR), (_management_rule, MANAGEMENT),
               (_nominal_detection_rule, NOMINAL_DETECT),
               (_role_rule, ROLE_WORDS), (_nominal_rule, NOMINAL_WORDS), (_bare_sites_rule, SITE_WORDS),
               (_unlike_rule, UNLIKE), (made_finding_rule, MADE_WORDS),
               (pressed_finding_rule, PRESS_WORDS),
               (functools.partial(people_with_rule, objects_after=_objects_after), PEOPLE_WORDS),
               (stage_spread_rule, STAGE_SPREAD_WORDS), (role_of_rule, ROLE_OF_WORDS),
               (prognostic_rule, PROGNOSTIC_WORDS))
_WORD_RULE_WORDS = frozenset().union(*(cue.words or () for _, cue in _WORD_RULES),
                                      *(way for _, cue in _WORD_RULES for way in cue.ways or ()))


@functools.lru_cache(maxsize=4096)
def _word_rules_for(cue_words: frozenset[str]) -> list:
    """The _WORD_RULES a sentence holding these cue words needs, in order."""
    return [rule for rule, cue in _WORD_RULES if cue.possible(cue_words) and cue.possible_all(cue_words)]
