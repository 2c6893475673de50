"""Exporters, one small module per format, each with SUFFIX and render(kg, rdf) -> str, written atomically."""
from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path
from types import ModuleType

from rdflib import Graph

from ..constants import GRAPH_BASENAME
from ..model import KnowledgeGraph
from . import graphml, html, jsonld, ntriples, owl, tsv, turtle

log = logging.getLogger(__name__)

EXPORTERS: dict[str, ModuleType] = {
    "turtle": turtle, "ntriples": ntriples, "jsonld": jsonld, "owl": owl, "tsv": tsv, "graphml": graphml,
    "html": html,
}


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temporary file in the same folder, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_path(out_dir: Path, name: str) -> Path:
    module = EXPORTERS[name]
    return Path(out_dir) / (getattr(module, "FILENAME", None) or GRAPH_BASENAME + module.SUFFIX)


def export_all(kg: KnowledgeGraph, rdf: Graph, out_dir: Path, formats: list[str] | None = None,
               timings: dict[str, float] | None = None) -> list[Path]:
    """Render every format first, then write them all, so a failing format leaves old files intact."""
    rendered = []
    for name in formats or list(EXPORTERS):
        t0 = time.perf_counter()
        rendered.append((export_path(out_dir, name), EXPORTERS[name].render(kg, rdf)))
        if timings is not None:
            timings[f"export:{name}"] = time.perf_counter() - t0
    for path, text in rendered:
        write_atomic(path, text)
        log.info("wrote %s", path)
    return [path for path, _ in rendered]
