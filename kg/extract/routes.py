"""Routes named by their path (ontology/routes.tsv): 'spreads through the bloodstream' is hematogenous spread."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from ..constants import ROUTES_FILE
from ..errors import LexiconError
from ..tables import table_reader
from ..model import Mention, Sentence
from .document import _Doc
from .subjects import _subject_before, _subject_keys

VIA = re.compile(r"\b(?:spread(?:s|ing)?|travel(?:s|led|ed|ling|ing)?|mov(?:e|es|ed|ing)|disseminat(?:e|es|ed|ing|ion)|"
                 r"metastasi[sz](?:e|es|ed|ing)|pass(?:es|ed|ing)?|go(?:es)?|enter(?:s|ed|ing)?)\s+"
                 r"(?:\w+\s+|of\s+(?:an?\s+|the\s+)?[\w\-]+(?:\s+[\w\-]+){0,3}?\s+)?"   # "the spread of a tumor through"
                 r"(?:through|via|by way of|along|into)\s+(?:the\s+)?", re.I)


@functools.lru_cache(maxsize=4)
def load_routes(path: Path = ROUTES_FILE) -> tuple[tuple[str, str], ...]:
    """(phrase, route key, also a site) rows, longest phrase first."""
    rows = [((r.get("phrase") or "").strip().lower(), (r.get("route") or "").strip(), (r.get("site") or "").strip() == "y")
            for r in table_reader(path)]
    if any(not phrase or not route for phrase, route, _ in rows):
        raise LexiconError(f"{path}: every row needs a phrase and a route")
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@functools.lru_cache(maxsize=1)
def route_phrases() -> frozenset[str]:
    """The paths of routes.tsv that are only paths, in lower case."""
    return frozenset(phrase for phrase, _, site in load_routes() if not site)


def route_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """X spreads via the route whose path the sentence names after its verb."""
    for match in VIA.finditer(s.text):
        rest = s.text[match.end():].lower()
        route = next((key for phrase, key, _ in load_routes()
                      if rest.startswith(phrase) and not rest[len(phrase):len(phrase) + 1].isalpha()), None)
        if route is None or route not in d.concepts:
            continue
        cue = s.start + match.start()
        cms = [m for m in ms if m.end <= cue]
        subj = _subject_before(d, s, cms, cue, s.start)
        if not subj:
            continue
        for key in _subject_keys(subj):
            if d.cat(key) in ("SpreadPattern", "Neoplasm") and key != route:
                d.add(key, "spreads_via", route, s, "route:path")
