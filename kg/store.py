"""A persistent Oxigraph store of the graph: bulk loaded by `kg build --store DIR`, opened by query and serve."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import KGError

MARKER = "kg-store"   # a file in a store folder the build made, so that only such a folder is replaced


def load_new_store(nt_file: Path, location: Path) -> Path:
    """Bulk load the N-Triples into a new store beside location (put in place later by replace_store)."""
    import pyoxigraph as ox

    location = Path(location)
    if location.exists() and not (location / MARKER).is_file() and any(location.iterdir()):
        raise KGError(f"{location}: exists and is not a store kg built; choose another --store folder")
    location.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=location.parent, prefix=f".{location.name}.", suffix=".new"))
    try:
        store = ox.Store(str(folder))
        store.bulk_load(path=str(nt_file), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        store.optimize()
        del store
        (folder / MARKER).write_text("an Oxigraph store written by kg build --store\n", encoding="utf-8")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def replace_store(new: Path, location: Path) -> None:
    """Put a store made by load_new_store at location, in place of the one there."""
    location = Path(location)
    old = None
    if location.exists():
        old = location.with_name(f".{location.name}.{os.getpid()}.old")
        os.replace(location, old)
    os.replace(new, location)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def open_store(location: Path):
    """The store at location, read-only (it must have been made by kg build --store)."""
    import pyoxigraph as ox

    location = Path(location)
    if not (location / MARKER).is_file():
        raise KGError(f"{location}: no store here (build one with 'kg build --store {location}')")
    try:
        return ox.Store.read_only(str(location))
    except OSError as exc:
        raise KGError(f"{location}: the store cannot be opened ({exc})") from None


def store_graph(location: Path):
    """The store at location as a graph kg.query() runs on (with Oxigraph)."""
    from .query import SparqlGraph
    return SparqlGraph(path=Path(location), _store=open_store(location))


def serve_command(location: Path, host: str, port: int) -> list[str]:
    """The read-only Oxigraph server's command line for the store at location."""
    from .serve import oxigraph_binary
    if not (Path(location) / MARKER).is_file():
        raise KGError(f"{location}: no store here (build one with 'kg build --store {location}')")
    return [oxigraph_binary(), "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}"]


def serve_store(location: Path, host: str = "127.0.0.1", port: int = 7878, announce=print, **options) -> int:
    """Serve the store at location as it is, until Ctrl-C (kg.serve.serve with its options)."""
    from .serve import serve
    return serve(host=host, port=port, announce=announce, store=Path(location), **options)
