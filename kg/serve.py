"""Serve the graph with the Oxigraph SPARQL server, and push it to any Graph Store Protocol endpoint."""
from __future__ import annotations

import contextlib
import errno
import logging
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .clean import printable, redact_url
from .constants import ONTOLOGY_IRI, QUERY_TIMEOUT_S
from .errors import EndpointError, KGError
from .graphfile import MEDIA_TYPES, rdf_format
from .lifecycle import die_with_parent, stop_on_signals
from .query import load_graph

log = logging.getLogger(__name__)
STORE_PREFIX = "kg-store-"       # the temporary folders of `kg serve` stores
STORE_LOCK = ".kg-serve.lock"   # held by the server using the store


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


def serve_command(graph_file: Path | None, host: str, port: int, location: Path,
                  timeout_s: int = QUERY_TIMEOUT_S) -> list[str]:
    """Load the graph into a store at location and return the read-only server's command line."""
    load_store(graph_file or load_graph().path, location)
    return [oxigraph_binary(), "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}",
            "--timeout-s", str(int(timeout_s))]


def is_loopback(host: str) -> bool:
    """Whether a host name or address is this machine only (127.0.0.0/8, ::1, localhost)."""
    import ipaddress
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _free_loopback_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_in_use(host: str, port: int, exc: OSError) -> KGError:
    if exc.errno == errno.EADDRINUSE:
        return KGError(f"{host}:{port}: the port is in use (another server?); choose another with --port")
    return KGError(f"{host}:{port}: cannot listen there ({exc.strerror or exc})")


def _wait_until_up(process: subprocess.Popen, address: tuple[str, int], log_file: Path, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            said = [line for line in log_file.read_text("utf-8", "replace").splitlines() if line.strip()]
            raise KGError(f"the oxigraph server stopped at start (exit status {process.returncode})"
                          + (f": {said[-1].strip()}" if said else ""))
        try:
            with socket.create_connection(address, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise KGError(f"the oxigraph server did not answer within {seconds:g} s")


def serve(graph_file: Path | None = None, host: str = "127.0.0.1", port: int = 7878, announce=print,
          timeout_s: int = QUERY_TIMEOUT_S, allow_service: bool = False, store: Path | None = None) -> int:
    """Run the server until Ctrl-C or SIGTERM: Oxigraph read-only on a loopback port of its own, behind
    the front (kg.serve_page: query page, project prefixes) on host:port; the store lives in a temporary
    folder removed afterwards (or, with store, the store kg build --store made there, served as it is).

    Queries are stopped after timeout_s seconds. Unless allow_service, the front refuses federated
    queries (SERVICE), which would make the server request any URL a client names.
    """
    from .serve_page import front_server

    if not is_loopback(host):
        log.warning("--host %s: the endpoint is reachable from the network, not only from this machine", host)
    backend = ("127.0.0.1", _free_loopback_port())
    try:
        front = front_server(host, port, backend, allow_service=allow_service)
    except OSError as exc:
        raise _port_in_use(host, port, exc) from None
    started = False
    try:
        remove_stale_stores()
        with stop_on_signals(), tempfile.TemporaryDirectory(prefix=STORE_PREFIX) as tmp, _in_use(Path(tmp)):
            if store is not None:
                from .store import serve_command as store_command
                command = [*store_command(store, *backend), "--timeout-s", str(int(timeout_s))]
            else:
                command = serve_command(graph_file, *backend, Path(tmp) / "store", timeout_s)
            log_file = Path(tmp) / "oxigraph.log"   # its own messages name its own (inner) address
            with open(log_file, "wb") as server_log:
                process = subprocess.Popen(command, stdout=server_log, stderr=server_log, preexec_fn=die_with_parent)
            try:
                _wait_until_up(process, backend, log_file)
                threading.Thread(target=front.serve_forever, name="kg-serve-front", daemon=True).start()
                started = True
                shown = f"[{host}]" if ":" in host else host
                announce(f"SPARQL endpoint: http://{shown}:{port}/query   query page: http://{shown}:{port}/  "
                         f"(queries stop after {int(timeout_s)} s; Ctrl-C stops)")
                return process.wait()
            except KeyboardInterrupt:
                return 0
            finally:
                _stop(process)
    finally:
        if started:
            front.shutdown()
        front.server_close()


@contextlib.contextmanager
def _in_use(folder: Path):
    """Mark a store folder as in use for as long as this process holds the lock (a killed one cannot)."""
    import fcntl
    draft = folder / (STORE_LOCK + ".new")
    with open(draft, "wb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        draft.rename(folder / STORE_LOCK)   # published already locked
        yield


def remove_stale_stores() -> list[Path]:
    """Remove the temporary stores of servers that were killed (their lock is free); return them."""
    import fcntl
    removed = []
    for folder in sorted(Path(tempfile.gettempdir()).glob(STORE_PREFIX + "*")):
        try:
            with open(folder / STORE_LOCK, "rb") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        except OSError:   # no lock file (not ours, or being made), or held by a running server
            continue
    if removed:
        log.info("removed %d stores of servers that were killed", len(removed))
    return removed


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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
    POST adds to it. auth is an Authorization header value (see credentials()); without one, a
    user:password@ in the endpoint is sent as HTTP Basic authentication. Credentials are never shown.
    """
    from .fetch import split_credentials

    if method not in ("PUT", "POST"):
        raise EndpointError(f"unknown method {method!r} (PUT replaces the graph, POST adds to it)")
    graph = load_graph(graph_file)
    shown = printable(redact_url(endpoint))
    if not endpoint.startswith(("http://", "https://")):
        raise EndpointError(f"{shown}: not an http(s) URL")
    try:
        parts, in_url = split_credentials(urllib.parse.urlparse(endpoint))
        parts.port   # noqa: B018 (a port that is not a number raises here)
    except ValueError as exc:
        raise EndpointError(f"{shown}: not a valid URL ({printable(redact_url(str(exc)))})") from None
    query = "&".join(q for q in (parts.query, urllib.parse.urlencode({"graph": graph_iri})) if q)
    url = urllib.parse.urlunparse(parts._replace(query=query))
    body = graph.path.read_bytes()
    auth = auth or in_url
    headers = {"Content-Type": MEDIA_TYPES[rdf_format(graph.path)]}
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    if auth:
        request.add_unredirected_header("Authorization", auth)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        detail = printable(exc.read(300).decode("utf-8", "replace")).strip()
        if auth:
            detail = detail.replace(auth, "***").replace(auth.split(" ", 1)[1], "***")
        hint = " (check the credentials)" if exc.code in (401, 403) else ""
        raise EndpointError(f"{shown}: refused the graph (HTTP {exc.code} {printable(str(exc.reason))}){hint} "
                            f"{detail}".strip()) from None
    except urllib.error.URLError as exc:
        raise EndpointError(f"{shown}: cannot be reached ({printable(redact_url(str(exc.reason)))})") from None
    except (TimeoutError, OSError, ValueError) as exc:
        raise EndpointError(f"{shown}: no answer ({printable(redact_url(str(exc)))})") from None
    log.info("pushed %s to %s as <%s> with %s (HTTP %s)", graph.path, shown, graph_iri, method, status)
    return status
