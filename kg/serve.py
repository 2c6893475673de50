"""Serve the graph with the Oxigraph SPARQL server, and push it to any Graph Store Protocol endpoint."""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .constants import ONTOLOGY_IRI
from .errors import EndpointError, KGError
from .query import RDF_FORMATS, load_graph

log = logging.getLogger(__name__)
MEDIA_TYPES = {"turtle": "text/turtle", "nt": "application/n-triples", "json-ld": "application/ld+json",
               "xml": "application/rdf+xml"}


def oxigraph_binary() -> str:
    """The `oxigraph` server program installed by the oxigraph package."""
    candidates = [shutil.which("oxigraph"), str(Path(sysconfig.get_path("scripts")) / "oxigraph"),
                  str(Path(sys.executable).parent / "oxigraph")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    raise KGError("the oxigraph server is not installed (pip install oxigraph)")


def load_store(graph_file: Path, location: Path) -> None:
    """Load a graph file into an on-disk Oxigraph store the server can open."""
    store = load_graph(graph_file).store(location)
    del store   # close it, so the server can open the folder


def serve_command(graph_file: Path | None, host: str, port: int, location: Path) -> list[str]:
    """Load the graph into a store at location and return the read-only server's command line."""
    load_store(graph_file or load_graph().path, location)
    return [oxigraph_binary(), "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}"]


def serve(graph_file: Path | None = None, host: str = "127.0.0.1", port: int = 7878,
          announce=print) -> int:
    """Run the server until Ctrl-C; the store lives in a temporary folder removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="kg-store-") as tmp:
        return run_server(serve_command(graph_file, host, port, Path(tmp) / "store"), host, port, announce)


def run_server(command: list[str], host: str, port: int, announce=print) -> int:
    """Run an Oxigraph server command until it ends or Ctrl-C stops it."""
    shown = f"[{host}]" if ":" in host else host
    announce(f"SPARQL endpoint: http://{shown}:{port}/query   query page: http://{shown}:{port}/  (Ctrl-C stops)")
    process = subprocess.Popen(command)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        return 0


def push(endpoint: str, graph_file: Path | None = None, graph_iri: str = ONTOLOGY_IRI, timeout: float = 60.0) -> int:
    """PUT the graph as one named graph (replacing it) per the SPARQL 1.1 Graph Store HTTP Protocol."""
    graph = load_graph(graph_file)
    if not endpoint.startswith(("http://", "https://")):
        raise EndpointError(f"{endpoint}: not an http(s) URL")
    separator = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph_iri})}"
    body = graph.path.read_bytes()
    media = MEDIA_TYPES[RDF_FORMATS[graph.path.suffix.lower()]]
    request = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": media})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        detail = exc.read(300).decode("utf-8", "replace").strip()
        raise EndpointError(f"{endpoint}: refused the graph (HTTP {exc.code} {exc.reason}) {detail}".strip()) from None
    except urllib.error.URLError as exc:
        raise EndpointError(f"{endpoint}: cannot be reached ({exc.reason})") from None
    except (TimeoutError, OSError) as exc:
        raise EndpointError(f"{endpoint}: no answer ({exc})") from None
    log.info("pushed %s to %s as <%s> (HTTP %s)", graph.path, endpoint, graph_iri, status)
    return status
