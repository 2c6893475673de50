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
from .graphfile import MEDIA_TYPES, rdf_format
from .query import load_graph

log = logging.getLogger(__name__)


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


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, process, seconds: float = 30.0) -> None:
    import time
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise KGError(f"the oxigraph server stopped at once (exit status {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise KGError("the oxigraph server did not start")


def serve(graph_file: Path | None = None, host: str = "127.0.0.1", port: int = 7878,
          announce=print) -> int:
    """Run the server until Ctrl-C: Oxigraph read-only on a loopback port of its own, behind the query page
    (kg.serve_page) on host:port; the store lives in a temporary folder removed afterwards."""
    import http.server

    from .serve_page import handler

    with tempfile.TemporaryDirectory(prefix="kg-store-") as tmp:
        inner = _free_port()
        command = serve_command(graph_file, "127.0.0.1", inner, Path(tmp) / "store")
        try:
            front = http.server.ThreadingHTTPServer((host, port), handler(f"http://127.0.0.1:{inner}"))
        except OSError as exc:
            raise KGError(f"{host}:{port}: cannot be served ({exc.strerror})") from None
        process = subprocess.Popen(command)
        try:
            _wait_for(f"http://127.0.0.1:{inner}/", process)
            shown = f"[{host}]" if ":" in host else host
            announce(f"SPARQL endpoint: http://{shown}:{port}/query   query page: http://{shown}:{port}/  (Ctrl-C stops)")
            front.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            front.server_close()
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        return 0


def credentials(endpoint: str, user: str | None = None, password_env: str = "KG_PUSH_PASSWORD",
                token_env: str | None = None, use_netrc: bool = False) -> str | None:
    """The Authorization header for an endpoint: a bearer token or basic credentials, taken from
    environment variables or a netrc file (never from the command line, never shown)."""
    import base64
    import netrc
    import os

    if token_env:
        token = os.environ.get(token_env, "")
        if not token:
            raise EndpointError(f"the environment variable {token_env} (--token-env) is not set")
        return f"Bearer {token}"
    password = None
    if use_netrc:
        host = urllib.parse.urlsplit(endpoint).hostname or ""
        try:
            found = netrc.netrc(os.environ.get("NETRC") or None).authenticators(host)
        except (OSError, netrc.NetrcParseError) as exc:
            raise EndpointError(f"netrc file cannot be read ({getattr(exc, 'strerror', None) or exc.msg})") from None
        if found is None:
            raise EndpointError(f"the netrc file has no entry for {host}")
        user, password = (user or found[0]), found[2]
    elif user:
        password = os.environ.get(password_env)
        if password is None:
            raise EndpointError(f"--user given but the environment variable {password_env} (--password-env) is not set")
    if user is None:
        return None
    return "Basic " + base64.b64encode(f"{user}:{password or ''}".encode("utf-8")).decode("ascii")


def push(endpoint: str, graph_file: Path | None = None, graph_iri: str = ONTOLOGY_IRI, timeout: float = 60.0,
         method: str = "PUT", auth: str | None = None) -> int:
    """Send the graph as one named graph per the SPARQL 1.1 Graph Store HTTP Protocol: PUT replaces it,
    POST adds to it. auth is an Authorization header value (see credentials())."""
    if method not in ("PUT", "POST"):
        raise EndpointError(f"unknown method {method!r} (PUT replaces the graph, POST adds to it)")
    graph = load_graph(graph_file)
    if not endpoint.startswith(("http://", "https://")):
        raise EndpointError(f"{endpoint}: not an http(s) URL")
    separator = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph_iri})}"
    body = graph.path.read_bytes()
    headers = {"Content-Type": MEDIA_TYPES[rdf_format(graph.path)]}
    if auth:
        headers["Authorization"] = auth
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        detail = exc.read(300).decode("utf-8", "replace").strip()
        if auth:
            detail = detail.replace(auth, "***").replace(auth.split(" ", 1)[1], "***")
        hint = " (check the credentials)" if exc.code in (401, 403) else ""
        raise EndpointError(f"{endpoint}: refused the graph (HTTP {exc.code} {exc.reason}){hint} {detail}".strip()) from None
    except urllib.error.URLError as exc:
        raise EndpointError(f"{endpoint}: cannot be reached ({exc.reason})") from None
    except (TimeoutError, OSError) as exc:
        raise EndpointError(f"{endpoint}: no answer ({exc})") from None
    log.info("pushed %s to %s as <%s> with %s (HTTP %s)", graph.path, endpoint, graph_iri, method, status)
    return status
