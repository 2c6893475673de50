"""The main job: read sources, extract, and write every export into a folder (streaming, see kg.stream)."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .constants import LEXICON_FILE, MAX_POST_MB
from .errors import KGError, SourceError
from .lifecycle import folder_lock
from .pipeline import BuildResult


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
          max_post_mb: float = MAX_POST_MB, workers: int | None = None,
          cluster: str | None = None, store: Path | None = None, use_cache: bool = True) -> BuildResult:
    """Build the knowledge graph of the sources into out_dir; failing sources are reported, not fatal.

    progress(done, total, step) is told of each post extracted (step "") and then of each export written
    (step: its name), total counting both (while the posts stream in, the posts read so far).
    lexicons: more lexicon files (e.g. from `kg lexicon import`) added to the shipped lexicon for this build.
    formats: the exports to write (default: all of them up to constants.FULL_FORMATS_MAX_POSTS posts,
    N-Triples and TSV above). cluster: a Dask scheduler's address to read the posts on. store: a folder
    for a persistent Oxigraph store of the graph. use_cache: reuse the results of posts unchanged since
    the last build into out_dir. result.graph holds the whole graph only when a format needs it
    (GraphML, HTML); result.counts has the figures in every case.
    """
    from .stream import build_stream

    out_dir = Path(out_dir)
    check_out_dir(out_dir)
    with folder_lock(out_dir):   # a second build into the folder waits from the start, not at its exports
        return build_stream(sources, out_dir, strict=strict, formats=formats, on_error=on_error, progress=progress,
                            lexicon=[LEXICON_FILE, *map(Path, lexicons)], max_post_mb=max_post_mb,
                            workers=workers, cluster=cluster, store=store, use_cache=use_cache)
