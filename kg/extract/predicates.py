"""Sentence rules keyed to a word or a shape: sites of X, "considered", management and detection nouns,
copulas with a pronoun, glossary genera, and therapies said to help."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence
from ..phrases import noun_only, word_classes
from .document import DETECTABLE, DETECTORS, NOT_KINDS, PAREN, _Doc, _description_start, _words
from .comparisons import VS
from .modifiers import NEGATION, _scope
from .subjects import _subject_before, _subject_keys
from .topics import _faq_topic, _lead_topic, _topic

OF = re.compile(r"\bof\b")

RELATED = Cue(r"\brelated\b")
RELATED_AFTER = re.compile(r"(?:^|\b(?:is|are|was|were|be|been|being|not|also|and|\w+ly)\s+)$", re.I)   # "X is closely related"
SITES_OF = Cue(r"\b(sites?|locations?|places?)\s+(of|for|where|to\s+which)\s+(the\s+)?")   # "sites where X spreads are"
SITES_VERB = re.compile(r"(?:\s+(?:(?:can|may|most\s+often|often|commonly|usually)\s+)?(?:spread|spreads|metastasis|metastases|metastasizes|travels|goes)(?:\s+to)?)?"
                        r"\s*(\([^()]*\)\s*)?(are|is|include|includes|were)\s+(the\s+)?", re.I)   # "sites of X (spread) include"
FOR_GAP = re.compile(r"^\s+(?:in|for)\s+(?:the\s+|an?\s+|some\s+|most\s+|many\s+)?(?:patients\s+with\s+)?$", re.I)
DEPENDING = re.compile(r"^\W*(?:depending\s+on|based\s+on|according\s+to|regardless\s+of)\b", re.I)
AS_KIND = re.compile(r"\s+(?:as|to\s+be)\b", re.I)
CONSIDERED = Cue(r"\b(?:considered|recommended|offered|advised)\b")
NOMINAL_DETECT = Cue(r"\b(confirmation|detection|identification|diagnosis|evaluation|work-?up)\b[^.]{0,25}?"
                     r"\b(involves?|includes?|requires?|(?:(?:will|may|can|must|usually|often|mainly|largely)\s+)?(?:rel(?:y|ies)|"
                     r"depends?)\s+(?:up)?on|uses?|is (?:\w+ly )?based on|(?:starts?|begins?)\s+with|"
                     r"(is|are)\s+(\w+ly\s+)?(made|done|confirmed|established|performed)\s+(through|with|by|using|on))\b")
MANAGEMENT = Cue(r"\b(management|treatment|therapy|care)\s+(may |can |often |usually |typically )?"
                 r"(include|includes|involve|involves|consist of|consists of|combine|combines)\b")

PRONOUN_COPULA = re.compile(r"^\W*(this|it|these|they)\s+(is|are)\s+(not\s+)?(a\s+|an\s+|the\s+)?"
                            r"((?:most\s+)?(?:common|frequent|rare|usual|main)\s+)?((type|kind|form)s?\s+of\s+)?$", re.I)


def _pronoun_copula_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'This is a secondary cancer': the block's topic is a kind of the concept after the copula."""
    first = ms[0]
    copula = PRONOUN_COPULA.match(s.text[:first.start - s.start])
    if copula is None or not d.specific(first):
        return
    topic = _topic(d, s.block)
    if topic and topic != first.key and d.same_kind(topic, first.key) and d.cat(first.key) not in NOT_KINDS:
        d.add(topic, "is_a", first.key, s, "copula:pronoun", negative=bool(copula.group(3)))


# what may follow a genus: its differentia ("the node to which ...", "a growth that ...")
GENUS_NEXT = frozenset("that which who whose where when in of to with from within not characterized consisting "
                       "arising for on at by after before".split())
GENUS_START = re.compile(r"^\W*(?:(?:a|an|the)\s+)?(?:(?!(?:of|for|in|to|from|with|by|that|which)\b)[\w\-]+\s+){0,2}$", re.I)


# "Chemotherapy and immunotherapy are helpful", "Surgery is the main treatment": therapies of the topic
_RANKED = (r"(?:the|a|an)\s+(?:main|primary|first|standard|common|usual|mainstay|best|preferred|only|most\s+common|"
           r"most\s+useful|most\s+accurate|most\s+reliable)\s+(?:\w+\s+)?")
_BE = r"^\s*(?:\([^()]*\)\s*)?(?:is|are|may be|can be|might be)\s+(?:\w+ly\s+|often\s+|also\s+|sometimes\s+|usually\s+)*"
_CONFIRM = (r"^\s*(?:\([^()]*\)\s*)?(?:(?:can|may|will|could|might)\s+(?:also\s+)?|(?:is|are)\s+(?:\w+ly\s+|often\s+|also\s+)?"
            r"(?:needed|used|done|required|performed)\s+)?(?:help\s+(?:to\s+)?|helps\s+(?:to\s+)?)?(?:to\s+)?"
            r"(?:confirms?|makes?|establish(?:es)?)\s+(?:a|the)\s+")
# what a sentence says of the concepts it opens with, when it names no disease: the block's topic has them
# (predicate, words it needs, the opening concepts' categories, the topic's relation to them)
PREDICATES = (
    (Cue(_BE + r"(?:helpful|effective|useful|recommended|an option|options|offered|given|" + _RANKED +
         r"(?:treatments?|therap(?:y|ies)|options?))\b"), ("Therapy",), "treated_with"),
    (Cue(_BE + _RANKED + r"(?:tests?|scans?|imaging|(?:ways?|means)\s+to\s+(?:find|detect|diagnose|see|confirm|tell))\b"),
     ("DetectionMethod", "Procedure"), "detected_by"),
    (Cue(_BE + _RANKED + r"(?:symptoms?|signs?|complaints?|complications?)\b"), ("ClinicalFinding",), "causes"),
    (Cue(_CONFIRM + r"(?:definitive\s+|final\s+|firm\s+)?diagnosis\b(?!\s+of\b)"), ("DetectionMethod", "Procedure"),
     "detected_by"),   # "A biopsy is needed to confirm the diagnosis."
)


def _topic_predicate_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """Therapies that a sentence says help, tests it calls the best, findings it calls the commonest sign, with no
    disease named: the block's topic is treated with, detected by, or causes them."""
    subj = None
    for predicate, categories, relation in PREDICATES:
        if not predicate.possible_all(s.words):
            continue
        subj = _clause_subject_run(d, s, ms) if subj is None else subj
        if not subj or any(d.cat(m.key) not in categories for m in subj):
            continue
        after = s.text[subj[-1].end - s.start:]
        diseases = [m for m in ms if m not in subj and d.cat(m.key) in ("SpreadPattern", "Neoplasm") and d.specific(m)]
        if not predicate.match(after, s.words) or any(m.start >= subj[-1].end for m in diseases):
            continue
        opening = OPENING_FOR.match(s.text[:subj[0].start - s.start]) if diseases else None
        if diseases and opening is None:
            continue   # a disease the sentence names is what it speaks of, not the page's topic
        topic = diseases[0].key if opening else _topic(d, s.block)   # "For liver metastasis, surgery is ..."
        if topic is not None and d.cat(topic) in ("SpreadPattern", "Neoplasm"):
            for m in subj:
                d.add(topic, relation, m.key, s, f"predicate:{relation}",
                      negative=bool(NEGATION.regex.search(after[:60])))


ARTICLE = re.compile(r"^\s*(?:an?|the)\s+", re.I)
OPENING_FOR = re.compile(r"^\W*(?:for|in)\s+(?:(?:patients|people)\s+with\s+)?(?:the\s+|an?\s+)?[\w\s\-]{1,50}?,\s*$", re.I)


def _clause_subject_run(d: _Doc, s: Sentence, ms: list[Mention]) -> list[Mention]:
    """The coordinated concepts a sentence opens with (after an opening phrase and a comma)."""
    body = max(s.start, s.block.body_start)
    comma = s.text.find(", ", body - s.start)
    starts = [body - s.start] + ([comma + 2] if 0 <= comma < 40 else [])
    for start in starts:
        first = next((i for i, m in enumerate(ms) if m.start - s.start >= start), None)
        if first is not None and _words(ARTICLE.sub("", s.text[start:ms[first].start - s.start])) == 0:
            return d.coord_run(ms, first, s.text, s.start)   # ("A biopsy is the only way ...")
    return []


def _genus_rule(d: _Doc, s: Sentence, ms: list[Mention], term: str | None = None, headless: bool = False) -> None:
    """'Sentinel lymph node: the first lymph node to which ...': a glossary description that opens with a
    concept names the term's genus (term: the page's topic, for a headless definition under its title)."""
    term = term or _lead_topic(d, s.block)
    body = s.block.body_start
    if term is None or s is not _description_start(d, s.block) or VS.regex.search(s.block.lead or ""):
        return   # only the description's first sentence; "X vs Y: a new cancer ..." describes no one term
    first = next((m for m in ms if m.start >= body), None)
    if first is None or first.key == term or not (d.specific(first) or headless):
        return   # a headless definition may name a broad genus ("A tumour formed by ...")
    if not d.same_kind(term, first.key):   # (what a stage's description says of spread: kg.extract.stages)
        return
    after = re.match(r"[\s(]*([A-Za-z]+|[,;:])", d.doc.text[first.end:s.end])
    if after is not None and after.group(1).lower() not in GENUS_NEXT and not after.group(1).endswith("ed"):
        return   # "Imaging may include ...", "A, B and C ...", "The X framework": not a genus and what sets it apart
    lead = d.doc.text[body:first.start]
    if GENUS_START.match(lead) and not NEGATION.regex.search(lead) and not _opens_with_verb(lead):
        d.add(term, "is_a", first.key, s, "definition:genus")


def _opens_with_verb(lead: str) -> bool:
    """Whether a description opens with a verb, not a noun phrase ("uses a blue dye": no genus)."""
    first = re.match(r"\W*([a-z]+)\b", lead)
    return first is not None and first.group(1).endswith("s") and "VERB" in word_classes(first.group(1))


def _related_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    for match in RELATED.finditer(s.text, s.words):
        pos = s.start + match.start()
        if s.text[:match.start()].endswith("-") or not RELATED_AFTER.search(s.text[:match.start()]) and \
                not any(m.end == pos - 1 and d.specific(m) for m in ms):
            continue   # "treatment-related effects", "problems related to X": a noun's modifier, not a claim
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
        for site in listed_sites(d, s, ms, rest[0]):
            d.add(x.key, relation, site.key, s, f"sites:{relation}")


# "The most common sites (of such spread) are A, B and C", after a sentence about what spreads
SITES_BARE = re.compile(r"^\W*(?:the\s+)?(?:(?:most|more)\s+)?(?:(?:common|usual|frequent|likely|typical|main)\s+(?:sites?|places?|"
                        r"locations?|organs?|areas?)|(?:commonly|frequently|often)\s+(?:affected|involved)\s+(?:sites?|places?|"
                        r"locations?|organs?|areas?|bones?|nodes?|tissues?))"
                        r"(?:\s+of\s+(?:such\s+|this\s+)?(?:spread|metastas[ie]s))?\s*(?:\([^()]*\)\s*)?"
                        r"(?:are|include|includes)\s+(?:the\s+)?", re.I)


LOCATIVE_LEAD = re.compile(r"^\s*(?:in|under|within|beneath|inside|on)\s+(?:the\s+)?", re.I)
SITE_WORDS = Cue(r"\b(sites?|places?|locations?|organs?|areas?|affected|involved)\b")


ITEM_SPLIT = re.compile(r"[,;]|\b(?:and|or)\b", re.I)
# an item may open a ranking's tail: "the lung, followed (in order of frequency) by the liver and bone"
ITEM_LEAD = re.compile(r"^\s*(?:followed\s+(?:[a-z]+\s+){0,5}?by\s+)?(?:(?:and|or|the|a|an|in|under|within|on|inside|other)\s+)*"
                       r"(?:\w+(?:\s+|$)){0,2}?$", re.I)


def listed_sites(d: _Doc, s: Sentence, ms: list[Mention], first: int) -> list[Mention]:
    """The sites of a list that runs to the sentence's end, one for each item: an item is the text between
    commas or 'and'/'or', and names the site it opens with, whatever words of its own follow ("A, B away
    from the primary tumour, C and D"); the list ends at an item that does not open with a site."""
    text = PAREN.sub(lambda m: " " * len(m.group()), s.text)
    out, lo = [], ms[first].start - s.start
    bounds = [lo] + [m.end() for m in ITEM_SPLIT.finditer(text, lo)]
    for a, b in zip(bounds, bounds[1:] + [len(text)]):
        inside = [m for m in ms if a <= m.start - s.start < b and d.depth.get(m, 0) == 0]
        if not text[a:b].strip(" .") or text[a:b].strip() in ("and", "or"):
            continue
        if not inside or not ITEM_LEAD.match(text[a:inside[0].start - s.start]):
            break
        if d.cat(inside[0].key) != "AnatomicalSite":
            break
        if not out or inside[0].key != out[-1].key:
            out.append(inside[0])
    return [m for m in out if d.specific(m)]


def _bare_sites_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """Sites listed with no X named: X is the subject of the sentence before, else the topic."""
    bare = SITES_BARE.match(s.text)
    if bare is None:
        return
    end = bare.end()
    prev = d.before(s)
    subject = (d.opening(prev[0], ("SpreadPattern", "Neoplasm")) if prev else None) or _topic(d, s.block)
    first = next((k for k, m in enumerate(ms) if m.start - s.start >= end), None)
    if subject is None or first is None or d.cat(subject) not in ("SpreadPattern", "Neoplasm") \
            or _words(LOCATIVE_LEAD.sub("", s.text[end:ms[first].start - s.start])) > 0:
        return   # ("... are under the skin, the lungs and the liver": the preposition says where)
    relation = "located_in" if d.cat(subject) == "SpreadPattern" else "spreads_to"
    for site in listed_sites(d, s, ms, first):
        d.add(subject, relation, site.key, s, f"sites:{relation}")


SITE_IS = re.compile(r"\b(?:is|are)\s+(?:one\s+of\s+)?(?:the\s+|a\s+)?(?:(?:second|third|fourth)\s+)?(?:most\s+)?(?:common|frequent|usual|"
                     r"likely|typical|commonest)\s+(?:sites?|places?|locations?|organs?|targets?|areas?)(?:(?P<spread>\s+(?:for|of)\s+"
                     r"(?:such\s+|this\s+|the\s+)?(?:spread|metastas[ie]s|(?:tumou?r\s+)?deposi(?:ts?|tion))\W*$)|"
                     r"\s+(?:for|of|where|to which)\s+(?:the\s+)?|\W*$)", re.I)   # (ending the sentence: the sites of the page's topic)


def _site_is_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'Bone is the most common site for prostate cancer to spread to': X reaches (or is found at) the site."""
    for match in SITE_IS.finditer(s.text):
        before = [i for i, m in enumerate(ms) if m.end - s.start <= match.start()]
        after = [m for m in ms if m.start - s.start >= match.end()]
        topic = _topic(d, s.block) if match.end() == len(s.text) else None
        if topic is not None and match.group("spread"):   # "the most common site of metastasis.": of no one topic,
            topic = _page_cancer(d, d.named("metastasis", "SpreadPattern") or topic)   # unless a cancer's page
        if not before or not (after or topic) or _words(s.text[ms[before[-1]].end - s.start:match.start()]) > 0:
            continue
        sites = [m for m in d.coord_run(ms, before[-1], s.text, s.start, forward=False) if d.cat(m.key) == "AnatomicalSite"]
        keys = [x.key for x in d.coord_run(ms, ms.index(after[0]), s.text, s.start)] if after else [topic]
        for key in keys:
            key = _page_cancer(d, key)   # "common sites of metastasis" on a page about one cancer: its sites
            if d.cat(key) not in ("SpreadPattern", "Neoplasm"):
                continue
            primary = d.concepts[key].label.lower().startswith("primary")   # a primary arises there, spreads not
            relation = "located_in" if d.cat(key) == "SpreadPattern" or primary else "spreads_to"
            for site in sites:
                d.add(key, relation, site.key, s, f"sites:{relation}")


def _page_cancer(d: _Doc, key: str) -> str:
    """The page's cancer, for a broad spread or cancer ("metastasis", "tumour deposits"), else the concept: on a
    page about a spread ("bone metastasis") the common sites of metastasis are those of metastasis at large."""
    topic = d.out.subject
    if topic and d.umbrella(key) and not d.umbrella(topic) and d.cat(topic) == "Neoplasm":
        return topic
    return key


def _describes_noun(after: str) -> bool:
    """Whether the word after a participle is a noun it describes ("recommended dose")."""
    nxt = re.match(r" ([a-z]+)\b", after)
    if nxt is None:
        return False
    return noun_only(nxt.group(1))


def _considered_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'X ... Y (therapy) might be considered' states that X is treated with Y."""
    for match in CONSIDERED.finditer(s.text, s.words):
        if AS_KIND.match(s.text, match.end()):
            continue   # "although considered as advanced disease": what it is, not a treatment
        if _describes_noun(s.text[match.end():match.end() + 30]):
            continue   # "the recommended treatment intensity": a describing word, not a recommendation
        pos = s.start + match.start()
        therapies = [m for m in ms if m.end <= pos and d.cat(m.key) == "Therapy"]
        if not therapies:
            continue
        therapy = therapies[-1]
        lead = s.text[:therapy.start - s.start]
        if re.search(r"\b(whether|if)\b", lead, re.I):
            continue   # "influence whether Y is considered" is about the decision, not the treatment
        firsts = [m.key for m in ms if m.start < therapy.start and d.specific(m) and d.cat(m.key) in DETECTABLE]
        adjunct = DEPENDING.match(s.text)   # "Depending on the size of the cancer, chemotherapy may be recommended"
        if adjunct and firsts and d.out.subject and d.cat(d.out.subject) in DETECTABLE and all(
                m.end - s.start <= s.text.find(",") for m in ms if m.key in firsts and m.start < therapy.start):
            firsts = [d.out.subject]   # what it depends on is not what is treated: the page's topic is
        after = [m for m in ms if m.start >= s.start + match.end() and d.specific(m) and d.cat(m.key) in DETECTABLE]
        if not firsts and after and FOR_GAP.match(s.text[match.end():after[0].start - s.start]):
            firsts = [after[0].key]   # "Surgery is recommended for lung cancer"
        topic = d.out.subject   # "Radiotherapy to the nodes is sometimes recommended" on its page
        if not firsts and topic and d.cat(topic) in DETECTABLE and not _topic_elsewhere(d, s, ms):
            firsts = [topic]
        if not firsts:
            continue
        d.add(firsts[0], "treated_with", therapy.key, s, "verb:considered",
              scope=s.text[:match.end()])


def _topic_elsewhere(d: _Doc, s: Sentence, ms: list[Mention]) -> bool:
    """Whether the sentence names a disease (after its verb, say) that is not the page's topic."""
    return any(d.specific(m) and d.cat(m.key) in DETECTABLE and m.key != d.out.subject for m in ms)


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
    if not match or (match.start() > 3 and ARTICLE.sub("", s.text[:match.start()], count=1).strip()):
        return   # ("The diagnosis will depend on A and B")
    topic = _faq_topic(d, s.block) or _topic(d, s.block)
    if topic is None or d.cat(topic) not in DETECTABLE:
        return
    for m in ms:
        if m.start >= s.start + match.end() and d.cat(m.key) in DETECTORS and d.depth.get(m, 0) == 0:
            gap = s.text[match.end():m.start - s.start]
            if _words(gap) <= 6 and not OF.search(gap):
                d.add(topic, "detected_by", m.key, s, "nominal:detected_by",
                      negative=bool(NEGATION.search(s.text[:m.start - s.start], s.words)))


def _headless_genus_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """A page's first paragraph that is a definition without its term ("A growth made of cancer cells that
    moved ...", under the title "Metastasis"): the page topic's genus."""
    first = next((b for b in d.doc.blocks if b.kind != "heading"), None)
    if first is not s.block or first.kind != "paragraph" or first.lead or d.out.subject is None \
            or not HEADLESS.match(s.text):
        return
    _genus_rule(d, s, ms, d.out.subject, headless=True)


# a fragment that opens with an article and a noun and no verb before a participle or relative word
HEADLESS = re.compile(r"^\W*(?:a|an)\s+(?:[\w\-]+\s+){0,3}?(?:that|which|who|formed|made|caused|found|used|"
                      r"consisting|characteri[sz]ed|in which|where|of|from|with)\b(?!.*\b(?:is|are|was|were)\b.*$)",
                      re.I)


PROGNOSIS_FOR = Cue(r"\b(?:prognosis|outlook)\s+(?:for|of|in)\s+(?:patients\s+with\s+|people\s+with\s+)?")
JUDGED = re.compile(r"[^.;]{0,40}?\b(?:is|are|remains?)\s+(?:\w+\s+)?(?:poor|good|grim|dismal|favou?rable|"
                    r"unfavou?rable|excellent|better|worse|guarded)\b", re.I)


def _prognosis_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """'The prognosis for metastatic lung cancer is poor': the disease goes with its prognosis."""
    for match in PROGNOSIS_FOR.finditer(s.text, s.words):
        after = [m for m in ms if m.start - s.start >= match.end() and d.specific(m)]
        if not after or after[0].start - s.start > match.end() + 4 or not JUDGED.match(s.text, after[0].end - s.start):
            continue
        if "prognosis" in d.concepts and d.cat(after[0].key) in DETECTABLE | {"Staging"}:
            d.add(after[0].key, "associated_with", "prognosis", s, "predicate:prognosis")
