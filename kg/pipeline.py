"""Run ingest -> extract over many sources and merge the results into one knowledge graph."""
from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .constants import LEXICON_FILE
from .errors import SourceError
from .extract import extract
from .ingest import expand_sources, read_source
from .lexicon import Matcher, load_lexicon
from .model import Assertion, KnowledgeGraph, Post
from .runtime import gc_paused
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
    counts: dict[str, int] = field(default_factory=dict)   # posts, concepts, relations, evidence, new/changed/reused, ...


def read_posts(sources: Iterable[str], *, strict: bool = False,
               on_error: Callable[[SourceError], None] | None = None) -> tuple[list[Post], list[SourceError]]:
    """Posts of every source; a failing source is reported and skipped (or raised when strict)."""
    failures: list[SourceError] = []
    posts = list(iter_posts(sources, strict=strict, on_error=on_error, failures=failures))
    return posts, failures


def iter_posts(sources: Iterable[str], *, strict: bool = False,
               on_error: Callable[[SourceError], None] | None = None, failures: list[SourceError] | None = None,
               read: Callable[[str], Iterable[Post]] = read_source) -> Iterator[Post]:
    """The posts of every source one by one, as read_posts() reads them; failures go to the failures list."""
    failures = failures if failures is not None else []
    seen = set()
    for source in expand_sources(list(sources)):
        try:
            found = read(source)
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
            yield post


_worker: dict[str, object] = {}
PARALLEL_MIN_POSTS = 64   # below this, starting worker processes costs more than it saves


def _init_worker(lexicon: Path, process: bool = False) -> None:
    concepts = load_lexicon(lexicon)
    _worker["concepts"], _worker["matcher"] = concepts, Matcher(concepts)
    if process:
        # A worker's long-lived objects (modules, lexicon) need no garbage collection: keeping them
        # out of it, and collecting less often (a parsed page is thousands of objects, freed with
        # the page), makes the collections that parsing triggers much cheaper.
        gc.freeze()
        gc.set_threshold(10_000, 10, 10)


def _extract_one(post: Post):
    """Parse and extract one post against the lexicon alone, so results do not depend on order."""
    t0 = time.perf_counter()
    doc = parse_post(post)
    t1 = time.perf_counter()
    result = extract(doc, _worker["concepts"], _worker["matcher"])
    return result, t1 - t0, time.perf_counter() - t1


def _extract_all(posts: list[Post], lexicon: Path, workers: int | None):
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(posts) >= PARALLEL_MIN_POSTS:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(lexicon, True)) as pool, \
                gc_paused():   # the results only add objects here; parsing, which makes cycles, is in the workers
            yield from pool.map(_extract_one, posts, chunksize=8)
        return
    _init_worker(lexicon)
    for post in posts:
        yield _extract_one(post)


def build_graph(posts: list[Post], lexicon: Path = LEXICON_FILE,
                progress: Callable[[int], None] | None = None, timings: dict[str, float] | None = None,
                workers: int | None = None) -> KnowledgeGraph:
    """Extract every post (in parallel for large batches) and merge concepts and assertions.

    The same statement from several sentences or posts keeps all its evidence.
    """
    concepts = lexicon_concepts(lexicon)
    merged: dict[tuple, Assertion] = {}
    cpu_parse = cpu_extract = 0.0
    t_start = time.perf_counter()
    for n, (result, t_parse, t_extract) in enumerate(_extract_all(posts, lexicon, workers), 1):
        cpu_parse += t_parse
        cpu_extract += t_extract
        merge_concepts(concepts, result)
        merge_assertions(merged, result)
        if progress:
            progress(n)
    if timings is not None:
        # wall time of parse+extract, split between the two in proportion to the CPU time each took
        wall = time.perf_counter() - t_start
        share = cpu_parse / (cpu_parse + cpu_extract) if cpu_parse + cpu_extract else 0.5
        timings["parse"] = timings.get("parse", 0.0) + wall * share
        timings["extract"] = timings.get("extract", 0.0) + wall * (1 - share)
    return merged_graph(concepts, merged, posts)


def lexicon_concepts(lexicon: Path = LEXICON_FILE) -> dict:
    """Fresh copies of the lexicon's concepts, for a build to merge into."""
    return {k: replace(c) for k, c in load_lexicon(lexicon).items()}


def merge_concepts(concepts: dict, result) -> None:
    """Add one post's discovered concepts, abbreviations and definitions (the first post to give one wins)."""
    for key, concept in result.concepts.items():
        concepts.setdefault(key, concept)
    for key, shorts in result.abbreviations.items():
        concept = concepts[key]
        concept.abbreviations = sorted(set(concept.abbreviations) | shorts)
    for key, evidence in result.definitions.items():
        concept = concepts[key]
        if not concept.definition:
            concept.definition = evidence.sentence
            concept.definition_evidence = evidence


def merge_assertions(merged: dict, result) -> None:
    """Add one post's assertions: the same statement from several sentences or posts keeps all its evidence."""
    for a in result.assertions:
        target = merged.get(a.key)
        if target is None:
            target = merged[a.key] = Assertion(a.subject, a.relation, a.object, a.polarity)
        target.evidence.extend(a.evidence)


def evidence_order(e) -> tuple:
    """The order of a statement's evidence in every export."""
    return (e.source, e.start, e.rule)


def merged_graph(concepts: dict, merged: dict, posts: list[Post]) -> KnowledgeGraph:
    """The graph of the merged concepts and assertions, in the exports' order."""
    assertions = sorted(merged.values(), key=lambda a: a.key)
    for a in assertions:
        a.evidence.sort(key=evidence_order)
    return KnowledgeGraph(concepts=dict(sorted(concepts.items())), assertions=assertions, posts=posts)
