"""The main job: read sources, extract, and write every export into a folder (streaming, see kg.stream)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import SourceError
from .pipeline import BuildResult


def build(sources: Iterable[str], out_dir: Path, *, strict: bool = False, formats: list[str] | None = None,
          on_error: Callable[[SourceError], None] | None = None,
          progress: Callable[[int, int], None] | None = None, workers: int | None = None,
          cluster: str | None = None, store: Path | None = None, use_cache: bool = True) -> BuildResult:
    """Build the knowledge graph of the sources into out_dir; failing sources are reported, not fatal.

    formats: the exports to write (default: all of them up to constants.FULL_FORMATS_MAX_POSTS posts,
    N-Triples and TSV above). cluster: a Dask scheduler's address to read the posts on. store: a folder
    for a persistent Oxigraph store of the graph. use_cache: reuse the results of posts unchanged since
    the last build into out_dir. result.graph holds the whole graph only when a format needs it
    (GraphML, HTML); result.counts has the figures in every case.
    """
    from .stream import build_stream

    return build_stream(sources, out_dir, strict=strict, formats=formats, on_error=on_error, progress=progress,
                        workers=workers, cluster=cluster, store=store, use_cache=use_cache)
