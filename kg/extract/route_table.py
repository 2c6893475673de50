"""The routes of spread named by their path (ontology/routes.tsv), read once: "the bloodstream" is hematogenous spread."""
from __future__ import annotations

import functools
from pathlib import Path

from ..constants import ROUTES_FILE
from ..errors import LexiconError
from ..tables import table_reader


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
