"""The main job: read sources, extract, build the RDF graph and write every export into a folder."""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from .constants import LEXICON_FILE, MAX_POST_MB
from .errors import KGError, SourceError
from .export import EXPORTERS, export_all
from .lifecycle import folder_lock
from .pipeline import BuildResult, build_graph, read_posts

log = logging.getLogger(__name__)


def check_out_dir(out_dir: Path) -> None:
    """The output folder exists (made if needed) and can be written, or a one-line error says why not."""
    if out_dir.exists() and not out_dir.is_dir():
        raise KGError(f"{out_dir}: is a file, not a folder for the exports")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KGError(f"{out_dir}: cannot be made ({exc.strerror})") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise KGError(f"{out_dir}: cannot be written (permission denied)")


def build(sources: Iterable[str], out_dir: Path, *, strict: bool = False, formats: list[str] | None = None,
          on_error: Callable[[SourceError], None] | None = None,
          progress: Callable[[int, int], None] | None = None, lexicons: Iterable[Path] = (),
          max_post_mb: float = MAX_POST_MB) -> BuildResult:
    """Build the knowledge graph of the sources into out_dir; failing sources are reported, not fatal.

    progress(done, total, step) is told of each post extracted (step "") and then of each export written
    (step: its name), total counting both. lexicons: more lexicon files (e.g. from `kg lexicon import`)
    added to the shipped lexicon for this build.
    """
    out_dir = Path(out_dir)
    check_out_dir(out_dir)
    with folder_lock(out_dir):   # a second build into the folder waits from the start, not at its exports
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        posts, failures = read_posts(sources, strict=strict, on_error=on_error, max_post_mb=max_post_mb)
        timings["ingest"] = time.perf_counter() - t0
        names = formats or list(EXPORTERS)
        total = len(posts) + len(names)
        kg = build_graph(posts, [LEXICON_FILE, *map(Path, lexicons)],
                         progress=(lambda n: progress(n, total)) if progress else None, timings=timings)
        counts: dict[str, int] = {}
        written = (lambda n, name: progress(len(posts) + n, total, name)) if progress else None
        paths = export_all(kg, out_dir, names, timings=timings, counts=counts, on_written=written) if posts else []
        result = BuildResult(graph=kg, failures=failures, timings=timings, paths=paths,
                             triples=counts.get("triples", 0))
        log.info("built %d posts into %s", len(posts), out_dir)
        return result
