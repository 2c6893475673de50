"""Subjects and reference: what a clause is about, pronouns, and the topics of lead-ins, FAQs and sections."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Block, Mention, Sentence
from ..phrases import noun_only, own_subject
from .document import EXAMPLES_OPEN, NOT_KINDS, _Doc, _first_body_sentence, _more_words, _unparen, _words, paren_depth
from .topics import _lead_topic, _topic
from .pressed import condition_finding
from .reference import pointed_back, pointing_prefix

Subject = list[Mention] | str | None   # what a clause is about: its concepts, a topic's key, or nothing

PRONOUN = re.compile(r"^\s*((?:(?:more|most|less|very)\s+)?(?:severe|serious|advanced|rare|mild|extreme)\s+(?:cases|forms)|"
                     r"it|they|its|their|these|those|this(?=\s+(?:\w+\s+)?(?:causes?|can|may|might|leads?|results?|"
                     r"often|usually|spreads?|involves?|affects?|happens|occurs)\b)|(this|these|the|such) (conditions?|findings?|diseases?|spread|"
                     r"deposits?|procedures?|tests?|techniques?|methods?|treatments?|therapy|therapies|process|"
                     r"cancers?|tumou?rs?|lesions?|growths?|cells?|systems?|approach|classifications?|staging systems?|states?|phases?|"
                     r"concepts?|terms?))\b", re.I)
PREDICATE_START = re.compile(r"^\W*(is|are|was|were|may|can|might|could|has|have|found|seen|"
                             r"detected|identified|measured|used|refers?|often|also|not)\b", re.I)
DEMONSTRATIVES = frozenset({"this", "these", "those", "such"})
IT_THEY = re.compile(r"\b(it|they)\b", re.I)
CONJUNCTION_START = re.compile(r"^\s*,?\s*(and|or|but)\b", re.I)
OF_END = re.compile(r"\bof\s*$")
LIGHT_WORD = re.compile(r"^\s+([a-z]+)\b")
# what a lead-in's fragment opens with ("Occult micrometastasis: May be found ..."); a sentence may also open with
# "was", "does", "do"
_FRAGMENT_WORDS = r"may|can|might|could|is|are|often|usually|typically|commonly|present|appears?|has|have"
FRAGMENT_START = re.compile(rf"^({_FRAGMENT_WORDS}|was|does|do)\b", re.I)
RELATIVE_END = re.compile(r"\b(that|which)\s+(has|have|had|may|can|is|are|was|were)?\s*(\w+ly\s+)?$", re.I)
LEAD_FRAGMENT_START = re.compile(rf"^({_FRAGMENT_WORDS})\b", re.I)
PREPOSITION_END = re.compile(r"\b(with|by|on|in|of|using|for|to|from|through|via|after|before|under)\s+(the\s+|a\s+|an\s+)?$",
                             re.I)
PP_GAP = re.compile(r"^\s+(in|within|inside|at|near|from|on)\s+(the\s+|a\s+|an\s+)?$", re.I)   # "X in (the) Y"
PREPOSITION_ONLY = re.compile(r"^\s*(?:from|against|with|by|into|onto)\s+(?:the\s+|an?\s+)?$", re.I)
CLAUSE_AND = re.compile(r"^\s*(\([^()]*\))?\s*,\s*(and|or|but)\s", re.I)   # ", and" between two clauses
# a word that may stand between "is a/the" and the noun it describes ("the hypothetical first lymph node"),
# not one that turns to another relation ("a cause of", "a risk for", "the same as")
_MODIFIER = (r"(?!(?:of|for|in|into|to|from|with|by|on|at|than|as|like|same|different|other|opposite|another|"
             r"part|cause|result|sign|risk|marker|step|stage|phase|component|not|"
             r"when|if|where|while|unless|because|after|before|until|once|whether)\b)\w+\s+")   # nor a clause's first word
COPULA = re.compile(r"^\s*(?:,\s*(?:which|who)\s+)?(is|are|remains?|was|were)\s+(?:(?!only|rarely|hardly|seldom)[a-z]+ly\s+)?"
                    r"(not\s+)?(a\s+|an\s+|one of the\s+|"
                    r"an? (?:(?!of\b)[a-z\-]+\s+){0,2}?(type|kind|form|subtype|variant) of\s+|(types|kinds|forms|subtypes) of\s+|(a|an|the)\s+(" + _MODIFIER +
                    r"){1,3}|(?:a|an)\s+(?:\w+\s+)?(?:group|family|class)\s+of\s+(?:" + _MODIFIER + r")?)?$", re.I)


def _body_offset(d: _Doc, s: Sentence) -> int:
    """Where the sentence's own words begin: after a set-apart lead-in, a colon and spaces."""
    pos = max(s.start, s.block.body_start)
    while pos < s.end and d.doc.text[pos] in " :\n\t":
        pos += 1
    adverb = DISCOURSE_ADVERB.match(d.doc.text, pos, s.end)   # "Unfortunately, these patients ..."
    return adverb.end() if adverb else pos


DISCOURSE_ADVERB = re.compile(r"(?:unfortunately|fortunately|however|moreover|furthermore|additionally|in addition|"
                              r"therefore|thus|importantly|overall|in general|generally|typically|usually|often),\s+",
                              re.I)


POINTING_COPULA = re.compile(r"^\W*(this|it|these|they)\s+(is|are)\s+(a|an|the)\s+(\w+\s+){0,2}$", re.I)
THE_CLASS = re.compile(r"^\s*(are|is)\s+(not\s+)?the\s+$", re.I)   # "A and B are the cancers that most often spread"
RELATIVE_GAP = re.compile(r"^\W*(which|that|who)\b", re.I)
# "X weakens the bone, causing fractures": a participle after a comma goes on from the clause's subject
PARTICIPLE_CUE = re.compile(r"(?:causing|leading\s+to|resulting\s+in|producing)\b", re.I)
QUANTIFIED = re.compile(r"\b(any|all|every|most|many|some|nearly any|almost any|other)\s+$", re.I)


def _subject_before(d: _Doc, s: Sentence, cms: list[Mention], pos: int, start: int) -> list[Mention] | str | None:
    """The subject of a cue at pos (see _subject_near): in a relative clause only the concept the clause
    follows ("C (which can lead to ...)"); a bare broad concept opening the sentence ("Metastases can
    occur in any bone") is the page's topic when that is a kind of it ("Bone metastasis")."""
    subj = _subject_near(d, s, cms, pos, start)
    if not subj or isinstance(subj, str):
        return subj   # (NOT_HERE stays itself)
    nearest = subj[0]
    if len(subj) > 1 and RELATIVE_GAP.match(s.text[nearest.end - s.start:pos - s.start]):
        return [nearest]
    if RELATIVE_GAP.match(s.text[nearest.end - s.start:pos - s.start]) and \
            POINTING_COPULA.match(s.text[max(start, s.block.body_start) - s.start:nearest.start - s.start]):
        return _antecedent(d, s)   # "This is a secondary cancer that can worsen ...": what "This" is
    return _topic_for_broad(d, s, subj, start)


def _topic_for_broad(d: _Doc, s: Sentence, subj: list[Mention], start: int) -> list[Mention] | str:
    """A bare broad subject opening its sentence ("Metastases can occur ...") is the page's topic when that
    is a kind of it ("Bone metastasis"); "Any cancer can ..." stays cancer."""
    first = subj[0]
    prefix = s.text[max(start, s.block.body_start) - s.start:first.start - s.start].strip(" \"'(")
    pointing = DEMONSTRATIVE.fullmatch(prefix) is not None   # "This staging system is used ..." on the TNM page
    if len(subj) == 1 and pointing_prefix(prefix) and (named := pointed_back(d, s, first)) is not None:
        return named
    if len(subj) == 1 and (d.umbrella(first.key) or pointing) and d.topic_narrows(first.key) \
            and (not prefix or pointing or prefix.lower() == "the") and not QUANTIFIED.search(s.text[:first.start - s.start]):
        return d.out.subject
    return subj


ANTECEDENT_KINDS = frozenset({"SpreadPattern", "SpreadRoute", "Neoplasm", "Procedure", "DetectionMethod", "Therapy", "ClinicalFinding"})
# "this procedure", "this approach": what they point back to is an action, not a disease
ACTION_NOUNS = frozenset({"procedure", "test", "technique", "method", "treatment", "therapy", "therapie", "approach"})
ACTION_KINDS = frozenset({"Procedure", "DetectionMethod", "Therapy", "Staging", "ClinicalActivity"})


PRONOUN_BEFORE_VERB = re.compile(r"\b(?:it|they)\s+(?:\w+ly\s+|often\s+|also\s+|can\s+|may\s+|will\s+){0,2}"
                                 r"(?:(?:be|is|are)\s+(?:\w+ly\s+|also\s+)?)?$", re.I)   # "Later it may be used for"
DEMONSTRATIVE = re.compile(r"(?:this|these|that|those|such)", re.I)
SUBORDINATE = re.compile(r"^\W*(?:when|if|after|once|because|although|though|while|as|since|before|unless|until)\b", re.I)


def _antecedent(d: _Doc, s: Sentence) -> Subject:
    """What 'it', 'they' or 'this procedure' refers to: the subject of the sentence before in the same block
    (its first concept, opening it), else the block's topic."""
    pointer = PRONOUN.match(s.text[max(0, s.block.body_start - s.start):]) or IT_THEY.search(s.text)
    plural = pointer is not None and pointer.group().strip().lower().split()[0] in ("they", "these", "those", "their")
    noun = pointer.group().strip().lower().split()[-1] if pointer is not None else ""
    kinds = ACTION_KINDS if noun.rstrip("s") in ACTION_NOUNS else ANTECEDENT_KINDS
    lead = s.text[:pointer.start()] if pointer is not None and pointer.re is IT_THEY else ""
    if lead and (pressed := condition_finding(d, s, s.start + pointer.start())) is not None:
        return pressed or NOT_HERE   # "If a tumour blocks the bile duct, it ...": the obstruction (or none named)
    if SUBORDINATE.match(lead) and "," in lead:   # "When RCC spreads beyond the kidney, it often travels to ..."
        ms = [m for m in d.sent_mentions(s) if d.specific(m) and m.end - s.start <= pointer.start()]
        if ms and d.cat(ms[0].key) in kinds and _words(s.text[:ms[0].start - s.start]) <= 2 \
                and _plural(ms[0].text) == plural:
            return [ms[0]]
    if LATER_CLAUSE.search(lead):   # "A tumour is called stage IV when it has reached ...": the opening
        ms = [m for m in d.sent_mentions(s) if d.specific(m) and m.end - s.start <= pointer.start()]   # subject
        if ms and d.cat(ms[0].key) in kinds and _words(s.text[:ms[0].start - s.start]) <= 1 \
                and _plural(ms[0].text) == plural:
            return [ms[0]]
    # 'it' and 'they' reach back one sentence; a demonstrative ("these tumors", "this condition") may name a
    # subject a sentence or two earlier
    reach = 3 if pointer is not None and pointer.group().strip().lower().split()[0] in DEMONSTRATIVES else 1
    for before in reversed(d.before(s, reach)):
        ms = [m for m in d.sent_mentions(before) if d.specific(m)]
        body = max(before.start, before.block.body_start)
        if ms and d.cat(ms[0].key) in kinds and _words(d.doc.text[body:ms[0].start]) <= 1 \
                and not PRONOUN.match(d.doc.text[body:ms[0].start] + " ") \
                and (_plural(ms[0].text) == plural or noun == "this"):   # "These" needs a plural, "It" a singular
            return [ms[0]]
    staged = _generic_lead_subject(d, s.block) if kinds is ANTECEDENT_KINDS and s.block.lead else None
    topic = staged or _topic(d, s.block)
    return topic if topic is None or kinds is ANTECEDENT_KINDS or d.cat(topic) in kinds else None


LATER_CLAUSE = re.compile(r"\S\s+(?:when|if|once|after|until|unless|because|as soon as)\s+$|"
                          r"(?:,\s*(?:and|but|while|whereas|yet)|;)\s+$", re.I)   # or a clause joined to it ("..., but they")


def _plural(text: str) -> bool:
    last = text.split()[-1].lower()
    return last.endswith("s") and not last.endswith(("ss", "sis", "us"))


NOT_HERE: list[Mention] = []   # "the verb has a subject, and it is not a concept": no subject, and none to fall back on


OF_SITE = re.compile(r"^\s+of\s+(?:the\s+|your\s+|their\s+)?$", re.I)
SITE_PHRASE_END = re.compile(r"\w\s+(?:in|within|inside)\s+(?:the\s+|your\s+|their\s+)?$", re.I)
ASIDE_END = re.compile(r",\s*(?:particularly|especially|notably|in particular|mainly|mostly|chiefly)\b[^,;:()]*,\s*"
                       r"(?:(?:can|may|might|could|will|would|often|usually|also)\s+)?(?:is|are|was|were|has|have|\w+s)?\s*$", re.I)


def _subject_near(d: _Doc, s: Sentence, cms: list[Mention], pos: int, start: int) -> list[Mention] | str | None:
    """The subject of a cue at pos: the coordinated concepts just before it, or the topic."""
    before = [i for i, m in enumerate(cms) if m.end <= pos]
    text = s.text
    cue_depth = paren_depth(text, pos - s.start)
    fallback = None
    aside = ASIDE_END.search(text, 0, pos - s.start)   # "X, particularly the Gleason grade, is associated with"
    if aside:
        before = [i for i in before if cms[i].start < s.start + aside.start()] or before
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
        if own_subject(gap_clean):
            return NOT_HERE   # "X, and noncancerous conditions can look like ...": the verb has a subject of its own
        if IT_THEY.search(gap_clean):
            return _antecedent(d, s)
        if d.cat(m.key) == "AnatomicalSite" and gap_clean.rstrip().endswith(",") \
                and PARTICIPLE_CUE.match(text, pos - s.start):
            continue   # the site is the object of the verb before the comma, not what causes
        if not d.specific(m) or (i > 0 and d.cat(m.key) == "AnatomicalSite" and not RELATIVE_GAP.match(gap) and (
                SITE_PHRASE_END.search(text[:m.start - s.start])
                or OF_SITE.match(text[cms[i - 1].end - s.start:m.start - s.start]))):   # "A CT scan of the chest can"
            continue   # "Melanoma cells in the skin can spread": the site only says where the subject is
        light = LIGHT_WORD.match(gap_clean)   # "in the TNM system and usually means": the noun the mention names
        if CONJUNCTION_START.match(gap_clean[light.end():] if light and noun_only(light.group(1)) else gap_clean):
            # "X can affect A and may influence B": A is an object; the subject is X's
            return _subject_near(d, s, cms, m.start, start)
        if PREPOSITION_ONLY.match(gap_clean):
            continue   # "X can protect bones from A and treat B": the bones are the object before the preposition
        if OF_END.search(gap_clean):
            break
        if m.start == _body_offset(d, s) and (_starts_with_head(d, s, cms) or (
                s.block.kind == "definition" and d.umbrella(m.key) and _lead_topic(d, s.block))):
            return _lead_topic(d, s.block)   # a glossary description that opens with its genus ("Cancer spread ...")
        run = _subject_run(d, s, d.coord_run(cms, i, text, s.start, forward=False), start)
        head = _copula_subject(d, s, cms, run) or _modified_head(d, s, cms, run) or _example_class(d, s, cms, run)
        return _subject_run(d, s, d.coord_run(cms, cms.index(head), text, s.start, forward=False), start) \
            if head is not None else run
    if fallback is not None:
        return d.coord_run(cms, fallback, text, s.start, forward=False)
    # no concept right before the cue: a pronoun, a fragment after a lead-in, or a generic subject
    body = max(start, _body_offset(d, s))
    head = text[body - s.start:pos - s.start] if body <= pos else ""
    if PRONOUN.match(head) or PRONOUN_BEFORE_VERB.search(head):   # "The most common places it spreads to are ..."
        return _antecedent(d, s)
    if s.block.lead_apart and s.start <= s.block.body_start <= pos and _lead_topic(d, s.block) \
            and (FRAGMENT_START.match(head) or _starts_with_head(d, s, cms)):
        return _lead_topic(d, s.block)
    generic_first = [m for m in cms if m.end <= pos]
    if generic_first and not d.specific(generic_first[0]) and s.block.lead:
        return _generic_lead_subject(d, s.block)
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
    copula = (COPULA.match(found[1]) or THE_CLASS.match(found[1])) if found else None
    return found[0] if copula and not copula.group(2) else None   # "X is not a Y that ..." says nothing of X


def _example_class(d: _Doc, s: Sentence, cms: list[Mention], run: list[Mention]) -> Mention | None:
    """In "Bone-strengthening drugs like A and B can treat X", A and B are examples: the claim is the class's
    (they are its members by the enumeration rule)."""
    found = _mention_before(d, s, cms, run)
    if found is None or not EXAMPLES_OPEN.match(found[1]) or d.cat(found[0].key) in NOT_KINDS:
        return None
    return found[0] if all(d.same_kind(m.key, found[0].key) and d.cat(m.key) == d.cat(found[0].key) for m in run) else None


def _modified_head(d: _Doc, s: Sentence, cms: list[Mention], run: list[Mention]) -> Mention | None:
    """In "Micrometastases in lymph nodes can upstage ...", the nodes only say where: the subject is the
    concept the prepositional phrase belongs to."""
    found = _mention_before(d, s, cms, run)
    if found is None or not PP_GAP.match(found[1]) or d.cat(found[0].key) == "AnatomicalSite":
        return None   # "spread to the brain from a cancer that began in ...": a site does not head the cancer
    return _modified_head(d, s, cms, [found[0]]) or found[0]


def _subject_run(d: _Doc, s: Sentence, run: list[Mention], start: int) -> list[Mention]:
    """A subject read backwards from its verb ("A, B, and C can reveal ..."), without the part that is
    the object of a preposition in an earlier clause ("examined with A, and B can reveal ...": B)."""
    run = _without_leading_pp(s, run, start)
    if len(run) < 2 or not PREPOSITION_END.search(s.text[max(0, start - s.start):run[-1].start - s.start]):
        return run
    gaps = [_unparen(s.text[run[k + 1].end - s.start:run[k].start - s.start]) for k in range(len(run) - 1)]
    if any(g.strip() == "," for g in gaps):
        return run   # "using A, B, or C to look for X": a serial comma, the run is one list
    for k in range(len(run) - 1):   # run goes from the verb backwards
        if CLAUSE_AND.match(s.text[run[k + 1].end - s.start:run[k].start - s.start]):
            return run[:k + 1]
    return run


LEADING_PP = re.compile(r"^\W*(in|for|among|with|at|on|during|after|before|unlike|like|across|compared (to|with))\s+"
                        r"(\w+\s+){0,2}$", re.I)


def _without_leading_pp(s: Sentence, run: list[Mention], start: int) -> list[Mention]:
    """A subject run without a concept of the phrase the clause opens with ("In certain cancers, X can ...": X)."""
    for k in range(len(run) - 1):
        gap = s.text[run[k + 1].end - s.start:run[k].start - s.start]
        if gap.strip() == "," and LEADING_PP.match(s.text[max(0, start - s.start):run[k + 1].start - s.start]):
            return run[:k + 1]
    return run


PATIENTS = re.compile(r"^\W*(?:(?:most|many|some|all|these|the|occasionally|often|sometimes|affected)\s+)*"
                      r"(?:patients|people|individuals|persons|men|women|adults|children)\b(?P<with>\s+with\s+(?:an?\s+|the\s+)?)?",
                      re.I)


def _clause_subject(d: _Doc, s: Sentence, cms: list[Mention], start: int) -> list[Mention] | str | None:
    """What a clause is about: the concepts it opens with, a pronoun's topic, or a lead-in's topic."""
    body_start = max(start, _body_offset(d, s))
    head = s.text[body_start - s.start:]
    if PRONOUN.match(head):
        return _antecedent(d, s)
    people = PATIENTS.match(head)
    if people is not None:   # "Patients (with X) may present with ...": X, else the page's disease
        after = [m for m in cms if m.start >= body_start + people.end()]
        if people.group("with") and after and after[0].start == body_start + people.end() and d.specific(after[0]):
            return d.coord_run(cms, cms.index(after[0]), s.text, s.start)
        prev = d.before(s)   # the disease the sentence before opens with ("... the spread of cancer to the liver ...")
        said = d.opening(prev[0], ("SpreadPattern", "Neoplasm")) if prev and not people.group("with") else None
        topic = said or d.out.subject   # "patients with very advanced disease": the page's
        return topic if topic is not None and d.cat(topic) in ("SpreadPattern", "Neoplasm") else None
    opening = [m for m in cms if m.start >= body_start]
    if opening:
        i = cms.index(opening[0])
        lead_words = _words(s.text[body_start - s.start:opening[0].start - s.start])
        if lead_words <= 1:
            if not d.specific(opening[0]):
                return _generic_lead_subject(d, s.block) if s.block.lead else None
            if opening[0].start == _body_offset(d, s) and _starts_with_head(d, s, cms):
                return _lead_topic(d, s.block)
            run = d.coord_run(cms, i, s.text, s.start)
            return _topic_for_broad(d, s, run, start) if run else None
    if s.block.kind == "definition" and s.start >= s.block.body_start and \
            (s is _first_body_sentence(d, s.block) or FRAGMENT_START.match(head)):
        # a glossary description is about its term, where it has no subject of its own: its opening
        # fragment, or a sentence that opens with a verb ("For example, X tends to ..." is about X)
        return _lead_topic(d, s.block)
    if s.block.lead_apart and s.start <= s.block.body_start and LEAD_FRAGMENT_START.match(head):
        return _lead_topic(d, s.block)
    return None


def _generic_lead_subject(d: _Doc, b: Block) -> str | None:
    """What "the tumour" after a lead-in is: the lead's concept, but under a stage ("Stage 4: The tumour has
    spread to ...") the cancer the page stages."""
    lead = _lead_topic(d, b)
    topic = d.out.subject
    if lead is not None and d.cat(lead) == "Staging" and topic is not None and d.cat(topic) == "Neoplasm":
        return topic
    return lead


def _starts_with_head(d: _Doc, s: Sentence, cms: list[Mention]) -> bool:
    """A definitional fragment: "Occult micrometastasis: Micrometastasis not detected by ..."."""
    topic = _lead_topic(d, s.block)
    if not s.block.lead_apart or not cms or topic is None or cms[0].start != _body_offset(d, s):
        return False
    head = d.concepts[cms[0].key].label.lower()
    return topic != cms[0].key and d.concepts[topic].label.lower().endswith(head)


def _subject_keys(subj: list[Mention] | str) -> list[str]:
    return [subj] if isinstance(subj, str) else [m.key for m in subj]
