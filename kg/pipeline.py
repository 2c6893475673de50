"""Run ingest -> extract over many sources and merge the results into one knowledge graph."""
from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .clean import printable
from .constants import LEXICON_FILE, MAX_POST_MB
from .definitions import as_definition
from .errors import SourceError
from .extract import extract
from .ingest import expand_sources, read_source
from .lexicon import Matcher, load_lexicon
from .lifecycle import worker_pool
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
               on_error: Callable[[SourceError], None] | None = None,
               max_post_mb: float = MAX_POST_MB) -> tuple[list[Post], list[SourceError]]:
    """Posts of every source; a failing source or item is reported and skipped (or raised when strict).

    A post with the id and link of one read before is reported, naming both, and the first is kept.
    """
    failures: list[SourceError] = []
    posts = list(iter_posts(sources, strict=strict, on_error=on_error, failures=failures, max_post_mb=max_post_mb))
    return posts, failures


def iter_posts(sources: Iterable[str], *, strict: bool = False,
               on_error: Callable[[SourceError], None] | None = None, failures: list[SourceError] | None = None,
               max_post_mb: float = MAX_POST_MB, read: Callable[..., Iterable[Post]] = read_source) -> Iterator[Post]:
    """The posts of every source one by one, as read_posts() reads them; failures go to the failures list.

    read(source, errors=, max_post_mb=) reads one source (read_source by default)."""
    failures = failures if failures is not None else []
    seen: dict[tuple[str, str], str] = {}

    def fail(exc: SourceError) -> None:
        if strict:
            raise exc
        failures.append(exc)
        if on_error:
            on_error(exc)

    for source in expand_sources(list(sources)):
        item_errors: list[SourceError] = []
        try:
            found = read(source, errors=item_errors, max_post_mb=max_post_mb)
        except SourceError as exc:
            fail(exc)
            continue
        for exc in item_errors:
            fail(exc)
        for post in found:
            first = seen.get((post.id, post.source))
            if first is not None:
                log.warning("%s: post %s <%s> was already read from %s; the first one is kept",
                            printable(post.origin), printable(post.id), printable(post.source), printable(first))
                continue
            seen[(post.id, post.source)] = post.origin or source
            yield post


_worker: dict[str, object] = {}
PARALLEL_MIN_POSTS = 64   # below this, starting worker processes costs more than it saves


def _init_worker(lexicon: Path | Sequence[Path], process: bool = False) -> None:
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


def _extract_all(posts: list[Post], lexicon: Path | Sequence[Path], workers: int | None):
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(posts) >= PARALLEL_MIN_POSTS:
        with worker_pool(workers, _init_worker, (lexicon, True)) as pool, \
                gc_paused():   # the results only add objects here; parsing, which makes cycles, is in the workers
            yield from pool.imap(_extract_one, posts, chunksize=8)
        return
    _init_worker(lexicon)
    for post in posts:
        yield _extract_one(post)


def build_graph(posts: list[Post], lexicon: Path | Sequence[Path] = LEXICON_FILE,
                progress: Callable[[int], None] | None = None, timings: dict[str, float] | None = None,
                workers: int | None = None) -> KnowledgeGraph:
    """Extract every post (in parallel for large batches) and merge concepts and assertions.

    The same statement from several sentences or posts keeps all its evidence. lexicon is a lexicon
    file or a list of them (see load_lexicon). The graph holds the concepts the posts state something
    about (a relation, a definition, an abbreviation, the post's subject, a discovered term), not the
    whole lexicon.
    """
    concepts = lexicon_concepts(lexicon)
    merged: dict[tuple, Assertion] = {}
    mentioned: set[str] = set()
    cpu_parse = cpu_extract = 0.0
    t_start = time.perf_counter()
    for n, (result, t_parse, t_extract) in enumerate(_extract_all(posts, lexicon, workers), 1):
        cpu_parse += t_parse
        cpu_extract += t_extract
        merge_concepts(concepts, result, mentioned)
        merge_assertions(merged, result)
        if progress:
            progress(n)
    if timings is not None:
        # wall time of parse+extract, split between the two in proportion to the CPU time each took
        wall = time.perf_counter() - t_start
        share = cpu_parse / (cpu_parse + cpu_extract) if cpu_parse + cpu_extract else 0.5
        timings["parse"] = timings.get("parse", 0.0) + wall * share
        timings["extract"] = timings.get("extract", 0.0) + wall * (1 - share)
    return merged_graph(concepts, merged, posts, mentioned)


def lexicon_concepts(lexicon: Path | Sequence[Path] = LEXICON_FILE) -> dict:
    """Fresh copies of the lexicon's concepts, for a build to merge into."""
    return {k: replace(c) for k, c in load_lexicon(lexicon).items()}


def merge_concepts(concepts: dict, result, mentioned: set[str]) -> None:
    """Add one post's discovered concepts, abbreviations and definitions (the first post to give one wins),
    and to mentioned the concepts it states something about other than in a relation."""
    for key, concept in result.concepts.items():
        concepts.setdefault(key, concept)
    # the concepts a post states something about: in a relation (merged_graph), a definition, an
    # abbreviation, or a term it introduced; `kg annotate` lists every mention
    mentioned.update(result.concepts, result.abbreviations, result.definitions)
    if result.subject:
        mentioned.add(result.subject)
    for key, shorts in result.abbreviations.items():
        concept = concepts[key]
        concept.abbreviations = sorted(set(concept.abbreviations) | shorts)
    for key, evidence in result.definitions.items():
        concept = concepts[key]
        definition = None if concept.definition else as_definition(evidence.sentence)
        if definition:   # a source ontology's definition comes first; a post's only when it is one
            concept.definition = definition
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


def merged_graph(concepts: dict, merged: dict, posts: list[Post], mentioned: set[str]) -> KnowledgeGraph:
    """The graph of the merged concepts and assertions, in the exports' order: of the concepts, those
    mentioned or in a relation (see build_graph)."""
    assertions = sorted(merged.values(), key=lambda a: a.key)
    for a in assertions:
        a.evidence.sort(key=evidence_order)
        mentioned.update((a.subject, a.object))
    concepts = {k: c for k, c in concepts.items() if k in mentioned}
    return KnowledgeGraph(concepts=dict(sorted(concepts.items())), assertions=assertions, posts=posts)
