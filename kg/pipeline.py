"""Run ingest -> extract over many sources and merge the results into one knowledge graph."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .constants import LEXICON_FILE
from .errors import SourceError
from .extract import extract
from .ingest import expand_sources, read_source
from .lexicon import Matcher, load_lexicon
from .model import Assertion, KnowledgeGraph, Post
from .text import parse_post

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    """What a build made: the graph, the sources that failed, the files written and stage timings."""

    graph: KnowledgeGraph
    failures: list[SourceError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    paths: list[Path] = field(default_factory=list)
    triples: int = 0


def read_posts(sources: Iterable[str], *, strict: bool = False,
               on_error: Callable[[SourceError], None] | None = None) -> tuple[list[Post], list[SourceError]]:
    """Posts of every source; a failing source is reported and skipped (or raised when strict)."""
    posts, failures, seen = [], [], set()
    for source in expand_sources(list(sources)):
        try:
            found = read_source(source)
        except SourceError as exc:
            if strict:
                raise
            failures.append(exc)
            if on_error:
                on_error(exc)
            continue
        for post in found:
            if (post.id, post.source) in seen:
                log.info("%s: post %s already read, skipped", source, post.id)
                continue
            seen.add((post.id, post.source))
            posts.append(post)
    return posts, failures


def build_graph(posts: list[Post], lexicon: Path = LEXICON_FILE,
                progress: Callable[[int], None] | None = None, timings: dict[str, float] | None = None
                ) -> KnowledgeGraph:
    """Extract every post and merge concepts and assertions (the same statement keeps all evidence)."""
    concepts = {k: replace(c) for k, c in load_lexicon(lexicon).items()}
    matcher = Matcher(concepts)
    merged: dict[tuple, Assertion] = {}
    t_parse = t_extract = 0.0
    for n, post in enumerate(posts, 1):
        t0 = time.perf_counter()
        doc = parse_post(post)
        t1 = time.perf_counter()
        result = extract(doc, concepts, matcher)
        t_extract += time.perf_counter() - t1
        t_parse += t1 - t0
        for key, concept in result.concepts.items():
            if key not in concepts:
                concepts[key] = concept
                matcher.add(concept.label, key)
        for key, shorts in result.abbreviations.items():
            concept = concepts[key]
            concept.abbreviations = sorted(set(concept.abbreviations) | shorts)
        for key, evidence in result.definitions.items():
            concept = concepts[key]
            if not concept.definition:
                concept.definition = evidence.sentence
                concept.definition_evidence = evidence
        for a in result.assertions:
            target = merged.setdefault(a.key, Assertion(a.subject, a.relation, a.object, a.polarity))
            target.evidence.extend(a.evidence)
        if progress:
            progress(n)
    if timings is not None:
        timings["parse"] = timings.get("parse", 0.0) + t_parse
        timings["extract"] = timings.get("extract", 0.0) + t_extract
    assertions = sorted(merged.values(), key=lambda a: a.key)
    for a in assertions:
        a.evidence.sort(key=lambda e: (e.source, e.start, e.rule))
    return KnowledgeGraph(concepts=dict(sorted(concepts.items())), assertions=assertions, posts=posts)
