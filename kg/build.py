"""The main job: read sources, extract, build the RDF graph and write every export into a folder."""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .constants import MAX_POST_MB
from .errors import SourceError
from .export import export_all
from .pipeline import BuildResult, build_graph, read_posts

log = logging.getLogger(__name__)


def build(sources: Iterable[str], out_dir: Path, *, strict: bool = False, formats: list[str] | None = None,
          on_error: Callable[[SourceError], None] | None = None,
          progress: Callable[[int, int], None] | None = None, max_post_mb: float = MAX_POST_MB) -> BuildResult:
    """Build the knowledge graph of the sources into out_dir; failing sources are reported, not fatal."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    posts, failures = read_posts(sources, strict=strict, on_error=on_error, max_post_mb=max_post_mb)
    timings["ingest"] = time.perf_counter() - t0
    total = len(posts)
    kg = build_graph(posts, progress=(lambda n: progress(n, total)) if progress else None, timings=timings)
    counts: dict[str, int] = {}
    paths = export_all(kg, Path(out_dir), formats, timings=timings, counts=counts) if posts else []
    result = BuildResult(graph=kg, failures=failures, timings=timings, paths=paths,
                         triples=counts.get("triples", 0))
    log.info("built %d posts into %s", len(posts), out_dir)
    return result
