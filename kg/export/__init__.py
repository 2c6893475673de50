"""Exporters, one small module per format, each with SUFFIX (or a FILENAME) and write(kg, nt_path, handle).

Every RDF format is made from the same sorted N-Triples file, so all of them hold the same graph.
Formats that need only that file (FROM_NTRIPLES) are written in worker processes when the graph is
large, alongside the others. All files are written to temporary names first and renamed only when
every format has succeeded.
"""
from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from ..constants import GRAPH_BASENAME
from ..lifecycle import folder_lock, remove_stale, worker_pool
from ..model import KnowledgeGraph
from ..runtime import gc_paused
from . import graphml, html, jsonld, ntriples, owl, sssom, tsv, turtle

log = logging.getLogger(__name__)

EXPORTERS: dict[str, ModuleType] = {
    "ntriples": ntriples, "turtle": turtle, "jsonld": jsonld, "owl": owl, "tsv": tsv, "graphml": graphml,
    "html": html, "sssom": sssom,
}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temp_path(path: Path) -> Path:
    """A new empty file next to path, with the permissions a plain open() would give (mkstemp's are 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())
    finally:
        os.close(fd)
    return Path(tmp)


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temporary file in the same folder, so readers never see half a file."""
    path = Path(path)
    tmp = _temp_path(path)
    try:
        tmp.write_text(text, encoding="utf-8", newline="\n")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def export_path(out_dir: Path, name: str) -> Path:
    module = EXPORTERS[name]
    return Path(out_dir) / getattr(module, "FILENAME", GRAPH_BASENAME + module.SUFFIX)


PARALLEL_MIN_LINES = 200_000   # below this, starting worker processes costs more than it saves


def _write_format(name: str, kg: KnowledgeGraph | None, nt_source: Path, temp: Path) -> float:
    t0 = time.perf_counter()
    with open(temp, "wb") as handle:
        EXPORTERS[name].write(kg, nt_source, handle)
    return time.perf_counter() - t0


def export_all(kg: KnowledgeGraph, out_dir: Path, formats: list[str] | None = None,
               timings: dict[str, float] | None = None, workers: int | None = None,
               counts: dict[str, int] | None = None,
               on_written: Callable[[int, str], None] | None = None) -> list[Path]:
    """Write every format; a failure leaves the previous files untouched. counts["triples"] gets the size;
    on_written(n, name) is told when the n-th format is written (to its temporary file)."""
    # Writing only adds objects that hold no reference cycles: collecting garbage meanwhile would
    # walk the whole (large) graph again and again for nothing.
    with folder_lock(out_dir), gc_paused():
        remove_stale(out_dir, stale_patterns(out_dir))
        return _export_all(kg, out_dir, formats, timings, workers, counts if counts is not None else {},
                           on_written or (lambda n, name: None))


def stale_patterns(out_dir: Path) -> list[str]:
    """What _temp_path names, for every export and the N-Triples source (left by a build that was stopped)."""
    return [f".{export_path(out_dir, name).name}.*.tmp" for name in EXPORTERS] + [".source.nt.*.tmp"]


def _export_all(kg: KnowledgeGraph, out_dir: Path, formats: list[str] | None, timings: dict[str, float] | None,
                workers: int | None, counts: dict[str, int], on_written: Callable[[int, str], None]) -> list[Path]:
    from ..graph import nt_lines

    names = formats or list(EXPORTERS)
    timings = timings if timings is not None else {}
    t0 = time.perf_counter()
    lines = nt_lines(kg)
    timings["graph"] = timings.get("graph", 0.0) + time.perf_counter() - t0
    nt_source = _temp_path(export_path(out_dir, "ntriples") if "ntriples" in names else Path(out_dir) / "source.nt")
    try:
        t0 = time.perf_counter()
        with open(nt_source, "w", encoding="utf-8", newline="\n") as handle:
            ntriples.write_lines(lines, handle)
        timings["export:ntriples"] = time.perf_counter() - t0
        size = counts["triples"] = len(lines)
        del lines
        return finish_exports(kg, out_dir, names, nt_source, size, timings=timings, workers=workers,
                              on_written=on_written)
    finally:
        nt_source.unlink(missing_ok=True)


def finish_exports(kg: KnowledgeGraph | None, out_dir: Path, names: list[str], nt_source: Path, size: int,
                   ready: dict[str, Path] | None = None, timings: dict[str, float] | None = None,
                   workers: int | None = None, on_written: Callable[[int, str], None] | None = None) -> list[Path]:
    """Write the formats of names from the sorted N-Triples file nt_source (of size lines), then move them all in place.

    ready: formats already in temporary files (the N-Triples file stands for "ntriples"); kg is needed
    only by formats that are not FROM_NTRIPLES. on_written(n, name) is told when the n-th format is
    written (the ready ones first, in the order of names). A failure removes every temporary file and
    leaves the old exports.
    """
    ready = dict(ready or {})
    if "ntriples" in names:
        ready.setdefault("ntriples", nt_source)
    timings = timings if timings is not None else {}
    targets = {name: export_path(out_dir, name) for name in names}
    temps = {name: ready.get(name) or _temp_path(path) for name, path in targets.items()}
    done = [0]

    def written(name: str) -> None:
        done[0] += 1
        if on_written:
            on_written(done[0], name)

    try:
        for name in names:
            if name in ready:
                written(name)
        rest = [name for name in names if name not in ready]
        workers = workers if workers is not None else (os.cpu_count() or 1)
        offload = [name for name in rest if getattr(EXPORTERS[name], "FROM_NTRIPLES", False)]
        if workers > 1 and size >= PARALLEL_MIN_LINES and offload:
            # one process per format: they are independent, and the longest one sets the pace
            with worker_pool(len(offload)) as pool:
                futures = {name: pool.apply_async(_write_format, (name, None, nt_source, temps[name]))
                           for name in offload}
                for name in rest:
                    if name not in futures:
                        timings[f"export:{name}"] = _write_format(name, kg, nt_source, temps[name])
                        written(name)
                for name, future in futures.items():
                    timings[f"export:{name}"] = future.get()
                    written(name)
        else:
            for name in rest:
                timings[f"export:{name}"] = _write_format(name, kg, nt_source, temps[name])
                written(name)
        for name in names:
            os.replace(temps[name], targets[name])
            log.info("wrote %s", targets[name])
    finally:
        for tmp in temps.values():
            Path(tmp).unlink(missing_ok=True)
    return list(targets.values())
