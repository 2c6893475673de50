"""The build that streams: each post's lines are written out as they come and merged at the end.

Only what needs every post stays in memory: the concepts and, per relation, whether all its evidence
is hedged and which posts state it. The lines come from kg.graph and kg.export.tsv, as in a build
held in memory, so the files are the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
import time
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse, urlunparse

from .cache import Cache, fingerprint, pack, post_digest, unpack
from .constants import CACHE_NAME, FULL_FORMATS_MAX_POSTS, LEXICON_FILE, MAX_POST_MB
from .errors import KGError, SourceError
from .ingest import read_source
from .model import KnowledgeGraph, Post
from .stream_files import _write, tsv_records

log = logging.getLogger(__name__)

STREAM_FORMATS = ("ntriples", "tsv")   # written by default above FULL_FORMATS_MAX_POSTS posts
_RUNS_PREFIX = ".kg-build-"            # the folder of a build's sorted runs, in the output folder


@dataclass
class PostOutput:
    """What one post gives a streaming build (made in a worker)."""

    index: int
    post: Post                 # without its HTML
    blob: bytes                # the post and its extraction, packed for the cache
    nt: list[str]              # its N-Triples lines, sorted
    tsv: list[str]             # its TSV records (sort key, then the evidence's cells)
    summary: object            # the extraction without assertions: concepts, abbreviations, definitions
    statements: list[tuple]    # (key, all evidence hedged, sources) per assertion
    evidence: int = 0
    parse_s: float = 0.0
    extract_s: float = 0.0


def process_batch(batch: list) -> list[PostOutput]:
    """Runs in a worker (lexicon loaded by pipeline._init_worker): each task is (index, post, cached blob)."""
    return [process(*task) for task in batch]


def process(index: int, post: Post | None, blob: bytes | None) -> PostOutput:
    from .graph import post_lines
    from .pipeline import _extract_one

    t_parse = t_extract = 0.0
    if blob is None:
        result, t_parse, t_extract = _extract_one(post)
        blob = pack(post, result)
        post = replace(post, html="")
    else:
        post, result = unpack(blob)
    statements: dict[tuple, list] = {}
    evidence = 0
    for a in result.assertions:
        entry = statements.setdefault(a.key, [True, set()])
        entry[0] = entry[0] and all(e.hedged for e in a.evidence)
        entry[1].update(e.source for e in a.evidence)
        evidence += len(a.evidence)
    return PostOutput(index, post, blob, post_lines(post, result.assertions), tsv_records(index, result.assertions),
                      replace(result, assertions=[]), [(k, h, tuple(s)) for k, (h, s) in statements.items()],
                      evidence, t_parse, t_extract)



@dataclass
class _Aggregate:
    """Everything global a streaming build keeps."""

    concepts: dict
    mentioned: set = field(default_factory=set)        # the concepts the graph holds (see pipeline.build_graph)
    statements: dict = field(default_factory=dict)     # key -> [all hedged, array of source numbers]
    sources: dict = field(default_factory=dict)        # source -> number
    counts: dict = field(default_factory=lambda: {"posts": 0, "evidence": 0, "new": 0, "changed": 0, "reused": 0})

    def add(self, out: PostOutput) -> None:
        from .pipeline import merge_concepts
        merge_concepts(self.concepts, out.summary, self.mentioned)
        for key, hedged, sources in out.statements:
            entry = self.statements.get(key)
            if entry is None:
                entry = self.statements[key] = [True, array("I")]
                self.mentioned.update((key[0], key[2]))
            entry[0] = entry[0] and hedged
            for source in sources:
                number = self.sources.setdefault(source, len(self.sources))
                if not entry[1] or entry[1][-1] != number:
                    entry[1].append(number)
        self.counts["posts"] += 1
        self.counts["evidence"] += out.evidence

    def held(self) -> dict:
        """The concepts the graph holds, sorted."""
        return {k: c for k, c in sorted(self.concepts.items()) if k in self.mentioned}

    def shared(self) -> list[str]:
        from .graph import shared_lines
        return shared_lines(self.held(), ((key, hedged, len(set(numbers)))
                                          for key, (hedged, numbers) in self.statements.items()))

    def labels(self) -> dict[str, str]:
        from .graph import statement_labels
        return statement_labels(self.concepts, self.statements)


def with_query(url: str, **params: str) -> str:
    parts = urlparse(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    query.update(params)
    return urlunparse(parts._replace(query=urlencode(sorted(query.items()))))


class _Reader:
    """Reads each source for iter_posts, asking a WordPress URL only for posts modified since the last build."""

    def __init__(self, cache: Cache):
        self.cache = cache
        self.origin = ""
        self.reused: dict[tuple[str, str], bytes] = {}

    def __call__(self, source: str, errors: list | None = None, max_post_mb: float = MAX_POST_MB) -> list[Post]:
        self.origin = source
        cached = self.cache.entries_of(source) if source.startswith(("http://", "https://")) else []
        if not cached:
            return read_source(source, errors=errors, max_post_mb=max_post_mb)
        asked = with_query(source, modified_after=since) if (since := max(m for _, _, m, _ in cached)) else source
        fetched = read_source(asked, errors=errors, max_post_mb=max_post_mb)
        by_id = {p.id: p for p in fetched}
        known = {post_id for post_id, _, _, _ in cached}
        posts = [p for p in fetched if p.id not in known]   # new posts: WordPress lists the newest first
        for post_id, link, _, blob in cached:
            if post_id in by_id:
                posts.append(by_id[post_id])
            else:
                post, _ = unpack(blob)
                self.reused[(post.id, post.source)] = blob
                posts.append(post)
        log.info("%s: %d posts modified after %s, %d reused", source, len(fetched), since, len(cached) - len(
            [c for c in cached if c[0] in by_id]))
        return posts


def _default_formats(formats: list[str] | None, posts: int) -> list[str]:
    from .export import EXPORTERS
    if formats:
        return formats
    return list(EXPORTERS) if posts <= FULL_FORMATS_MAX_POSTS else list(STREAM_FORMATS)


def _needs_graph(formats: list[str] | None) -> bool:
    """Whether some format is made from the whole graph in memory rather than from the N-Triples."""
    from .export import EXPORTERS
    return any(not getattr(EXPORTERS[n], "FROM_NTRIPLES", False) and n not in STREAM_FORMATS
               for n in (formats or EXPORTERS))


def build_stream(sources: Iterable[str], out_dir: Path, *, strict: bool = False, formats: list[str] | None = None,
                 on_error: Callable[[SourceError], None] | None = None,
                 progress: Callable[..., None] | None = None, lexicon: Path | Sequence[Path] = LEXICON_FILE,
                 max_post_mb: float = MAX_POST_MB, workers: int | None = None, cluster: str | None = None,
                 store: Path | None = None, use_cache: bool = True):
    """Build the graph of the sources into out_dir, streaming; see kg.build.build."""
    from .lifecycle import folder_lock

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with folder_lock(out_dir):
        _remove_stale(out_dir)
        return _build_stream(sources, out_dir, strict=strict, formats=formats, on_error=on_error, progress=progress,
                             lexicon=lexicon, max_post_mb=max_post_mb, workers=workers, cluster=cluster,
                             store=store, use_cache=use_cache)


def _remove_stale(out_dir: Path) -> None:
    """What a stopped build left in out_dir: temporary exports and cache, and its run folders."""
    from .export import stale_patterns
    from .lifecycle import remove_stale

    remove_stale(out_dir, [*stale_patterns(out_dir), f".{CACHE_NAME}.*.tmp"])
    for folder in sorted(out_dir.glob(_RUNS_PREFIX + "*")):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


def _build_stream(sources, out_dir: Path, *, strict, formats, on_error, progress, lexicon, max_post_mb, workers,
                  cluster, store, use_cache):
    from .cluster import run_batches
    from .export import EXPORTERS
    from .pipeline import BuildResult, iter_posts, lexicon_concepts, merge_assertions, merged_graph

    for name in formats or ():
        if name not in EXPORTERS:
            raise KGError(f"unknown format {name!r} (choose from {', '.join(EXPORTERS)})")
    timings: dict[str, float] = {"ingest": 0.0, "parse": 0.0, "extract": 0.0}
    failures: list[SourceError] = []
    agg = _Aggregate(lexicon_concepts(lexicon))
    keep = _needs_graph(formats)   # the evidence in memory too, for GraphML and the HTML view
    merged: dict = {}
    light_posts: list[Post] = []
    key = fingerprint(lexicon)
    if use_cache and store is None:
        done = _unchanged(sources, out_dir, key, formats, timings, max_post_mb)
        if done is not None:
            return done
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=_RUNS_PREFIX) as tmp, \
            Cache(out_dir, key, enabled=use_cache) as cache:
        from .runs import LineSorter
        seen = hashlib.sha256()
        nt, tsv = LineSorter(Path(tmp), "nt", unique=True), LineSorter(Path(tmp), "tsv")
        reader = _Reader(cache)
        places: dict[int, tuple[str, int, str]] = {}
        positions: dict[str, int] = {}

        def tasks():
            t0 = time.perf_counter()
            for index, post in enumerate(iter_posts(sources, strict=strict, on_error=on_error, failures=failures,
                                                    max_post_mb=max_post_mb, read=reader)):
                blob = reader.reused.pop((post.id, post.source), None)
                digest = post_digest(post) if blob is None else ""
                state = "reused"
                if blob is None:
                    blob, state = cache.lookup(post, digest)
                agg.counts[state] += 1
                seen.update(_post_key(post, digest))
                position = positions[reader.origin] = positions.get(reader.origin, -1) + 1
                places[index] = (reader.origin, position, digest)
                timings["ingest"] += time.perf_counter() - t0
                yield index, (None if blob else post), blob
                t0 = time.perf_counter()

        t_start = time.perf_counter()
        for batch in run_batches(tasks(), lexicon, workers=workers, cluster=cluster):
            for out in batch:
                agg.add(out)
                nt.add(out.nt)
                tsv.add(out.tsv)
                origin, position, digest = places.pop(out.index)
                cache.put(out.post, origin, position, digest, out.blob)
                timings["parse"] += out.parse_s
                timings["extract"] += out.extract_s
                if keep:
                    merge_assertions(merged, unpack(out.blob)[1])
                    light_posts.append(out.post)
                    if agg.counts["posts"] > FULL_FORMATS_MAX_POSTS and not formats:
                        keep, merged, light_posts = False, {}, []   # a large build: N-Triples and TSV only
                if progress:   # the total so far: the posts read, and the exports they will need
                    done = agg.counts["posts"]
                    progress(done, done + len(_default_formats(formats, done)))
        _share_wall(timings, time.perf_counter() - t_start - timings["ingest"])
        posts = agg.counts["posts"]
        names = _default_formats(formats, posts)
        paths: list[Path] = []
        triples = 0
        if posts:
            t0 = time.perf_counter()
            nt.add(agg.shared())
            kg = merged_graph(agg.concepts, merged, light_posts, set(agg.mentioned)) if keep else None
            timings["graph"] = time.perf_counter() - t0
            written = (lambda n, name: progress(posts + n, posts + len(names), name)) if progress else None
            paths, triples = _write(out_dir, names, nt, tsv, agg, kg, timings, store, written)
        held = agg.held()
        counts = dict(agg.counts, concepts=len(held), relations=len(agg.statements),
                      discovered=sum(c.discovered for c in held.values()),
                      negated=sum(key[3] == "negative" for key in agg.statements), triples=triples)
        if posts:
            if not any(s.startswith(("http://", "https://")) for s in sources) and not failures:
                cache.note("last_build", json.dumps({"posts": seen.hexdigest(), "formats": formats, "counts": counts,
                                                     "names": names, "files": {p.name: _stat(p) for p in paths}}))
            cache.commit()
    graph = kg if posts and kg is not None else KnowledgeGraph(concepts=held, assertions=[], posts=[])
    log.info("built %d posts into %s", posts, out_dir)
    return BuildResult(graph=graph, failures=failures, timings=timings, paths=paths, triples=triples, counts=counts)


def _post_key(post: Post, digest: str) -> bytes:
    return f"{post.id}\x1f{post.source}\x1f{post.modified}\x1f{digest}\n".encode("utf-8", "surrogatepass")


def _stat(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def _unchanged(sources, out_dir: Path, key: str, formats, timings: dict, max_post_mb: float):
    """The last build's result when nothing changed: the same posts in the same order, the same lexicon
    and code, and its files as it left them (sizes and times). None otherwise, or for URL sources."""
    from .pipeline import BuildResult, iter_posts

    sources = list(sources)
    if any(s.startswith(("http://", "https://")) for s in sources) or not (out_dir / CACHE_NAME).is_file():
        return None
    with Cache(out_dir, key, write=False) as cache:
        last = json.loads(cache.meta("last_build") or "null")
    if not last or last["formats"] != formats or _needs_graph(last["names"]):   # kg.build returns the graph then
        return None
    paths = [out_dir / name for name in last["files"]]
    if any(not p.is_file() or _stat(p) != last["files"][p.name] for p in paths):
        return None
    t0 = time.perf_counter()
    seen, failures = hashlib.sha256(), []
    for post in iter_posts(sources, failures=failures, max_post_mb=max_post_mb):
        seen.update(_post_key(post, post_digest(post)))
    timings["ingest"] = time.perf_counter() - t0
    if failures or seen.hexdigest() != last["posts"]:
        return None
    counts = dict(last["counts"], new=0, changed=0, reused=last["counts"]["posts"])
    log.info("nothing changed since the last build into %s", out_dir)
    return BuildResult(graph=KnowledgeGraph(concepts={}, assertions=[], posts=[]), timings=timings, paths=paths,
                       triples=counts["triples"], counts=counts)


def _share_wall(timings: dict, wall: float) -> None:
    """Wall time of parse+extract, split between the two in proportion to the CPU time each took."""
    cpu = timings["parse"] + timings["extract"]
    share = timings["parse"] / cpu if cpu else 0.5
    timings["parse"], timings["extract"] = max(wall, 0.0) * share, max(wall, 0.0) * (1 - share)
