"""Routes named by their path (ontology/routes.tsv): 'spreads through the bloodstream' is hematogenous spread."""
from __future__ import annotations

import re

from ..model import Mention, Sentence
from .document import _Doc
from .agents import agent_owner, cells_cancer, is_agent
from .route_table import load_routes
from .subjects import _subject_before, _subject_keys

VIA = re.compile(r"\b(?:spread(?:s|ing)?|travel(?:s|led|ed|ling|ing)?|mov(?:e|es|ed|ing)|disseminat(?:e|es|ed|ing|ion)|"
                 r"metastasi[sz](?:e|es|ed|ing)|pass(?:es|ed|ing)?|go(?:es)?|enter(?:s|ed|ing)?|occur(?:s|red|ring)?|"
                 r"happen(?:s|ed|ing)?|aris(?:e|es|ing)|arose|circulat(?:e|es|ed|ing)),?\s+"
                 r"(?:\w+\s+|of\s+(?:an?\s+|the\s+)?[\w\-]+(?:\s+[\w\-]+){0,3}?\s+)?"   # "the spread of a tumor through"
                 r"(?:in\s+(?:\w+\s+)?ways?\s*[:,]?\s*)?"   # "can spread in three ways: through tissue, ..."
                 r"(?:,?\s*(?:namely|mainly|mostly|primarily|usually|often|either)\s*,?\s*)?"   # "spreads, namely through"
                 r"(?:through|via|by way of|along|into)\s+(?:the\s+)?|"
                 r"\b(?:find(?:s|ing)?|found|make(?:s)?|made)\s+(?:their|its)\s+way\s+(?:into|through)\s+(?:the\s+)?|"
                 r"\b(?:escap(?:e|es|ed|ing)|carried|transported)\s+(?:\w+\s+)?(?:into|through|by|via|in)\s+(?:the\s+)?", re.I)
# what joins one path of a clause to the next: "through the lymphatic system or the blood", "into the
# bloodstream or, less often, the lymph system", "by tissue, by the lymph system and ..."
NEXT_PATH = re.compile(r"[\w\-]*(?:\s+[\w\-]+){0,2}?\s*,?\s*(?:(?:and|or)\s*,?\s+)?(?:(?:less|more)\s+(?:often|commonly),?\s+)?"
                       r"(?:(?:through|via|by way of|along|into|by)\s+)?(?:the\s+)?", re.I)
# "vascular or lymphatic channels": two paths that share their last word
SHARED_HEAD = re.compile(r"([a-z\-]+)\s+(?:and|or)\s+(?:the\s+)?(?=[a-z\-]+\s+([a-z\-]+))")
# a describing word before a path ("the retroperitoneal lymphatics", "the pulmonary circulation")
MODIFIER = re.compile(r"[a-z\-]+(?:al|ic|ar|ary)\s+")
FROM_TO_END = re.compile(r"\b(?:from|to|into|in|of)\s+(?:the\s+|its\s+|their\s+|an?\s+)?$", re.I)


def route_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """X spreads via the route whose path the sentence names after its verb."""
    for match in VIA.finditer(s.text):
        routes = [key for key in _paths(s.text[match.end():].lower()) if key in d.concepts]
        if not routes:
            continue
        cue = s.start + match.start()
        # not a place named as where the spread came from or went ("spread from the original site ... by
        # travelling through the bloodstream" is not the primary tumour's route)
        cms = [m for m in ms if m.end <= cue and not FROM_TO_END.search(s.text[:m.start - s.start])]
        subj = _subject_before(d, s, cms, cue, s.start)
        if isinstance(subj, str):
            continue
        keys = _subject_keys(subj) if subj else []
        if all(is_agent(d, k) for k in keys) and any(is_agent(d, m.key) for m in cms):
            owner = agent_owner(d, s, [], "originates_from") or cells_cancer(d)   # "cancer cells ... find their
            keys = [owner] if owner else keys   # way into the bloodstream": the route of the spread they make
        topic = d.out.subject   # "metastases occur when cells travel through ..." on the brain metastasis page
        keys = [topic if d.umbrella(k) and d.topic_narrows(k) else k for k in keys]
        for key in keys:
            for route in routes:
                if d.cat(key) in ("SpreadPattern", "Neoplasm") and key != route:
                    d.add(key, "spreads_via", route, s, "route:path")


def _route_at(rest: str) -> tuple[str, int] | None:
    """The route whose path the text opens with, and the path's length."""
    return next(((key, len(phrase)) for phrase, key, _ in load_routes()
                 if rest.startswith(phrase) and not rest[len(phrase):len(phrase) + 1].isalpha()
                 and not rest[len(phrase):].startswith(" node")), None)   # a lymph node is a place


def _paths(rest: str) -> list[str]:
    """The routes of the paths a clause coordinates after its verb (a path that is no route, "through tissue",
    may stand among them), in order."""
    out, pos = [], 0
    for _ in range(4):
        found = _route_at(rest[pos:])
        modifier = MODIFIER.match(rest, pos) if found is None else None
        if modifier is not None and (after := _route_at(rest[modifier.end():])) is not None:
            found = (after[0], modifier.end() - pos + after[1])   # "the retroperitoneal lymphatics"
        shared = SHARED_HEAD.match(rest, pos) if found is None else None
        if shared is not None and (first := _route_at(f"{shared.group(1)} {shared.group(2)}") or (
                _route_at(shared.group(2)) if MODIFIER.fullmatch(shared.group(1) + " ") else None)) is not None:
            out.append(first[0])   # "vascular or lymphatic channels": the vascular channels too
            pos = shared.end()
            continue
        if found is not None:
            out.append(found[0])
            pos += found[1]
        elif out:
            break   # after a route, only another route continues the run
        joint = NEXT_PATH.match(rest, pos)
        if joint is None or joint.end() == pos or not re.search(r"[,]|\b(?:and|or|through|via|into)\b", joint.group()):
            break
        pos = joint.end()
    return out
