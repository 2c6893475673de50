"""The Oxigraph SPARQL server (kg serve) and the Graph Store Protocol push (kg push), on loopback."""
from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from kg.errors import EndpointError
from kg.serve import oxigraph_binary, push

from .conftest import EXPORTS, ROOT, free_port, loopback_server

pytestmark = pytest.mark.server
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def wait_for(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not come up")


def start_serve(*args, port=None):
    port = port or free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--graph", str(EXPORTS / "graph.ttl"),
                                "--port", str(port), *args], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    return process, f"http://127.0.0.1:{port}"


@pytest.fixture()
def kg_server():
    process, base = start_serve()
    wait_for(base + "/")
    yield base, process
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)


def sparql_get(base, q, accept="application/sparql-results+json"):
    url = f"{base}/query?{urllib.parse.urlencode({'query': q})}"
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=10) as r:
        return r.headers.get("Content-Type"), r.read()


def test_serve_answers_get_and_post_and_stops_on_ctrl_c(kg_server):
    base, process = kg_server
    ctype, body = sparql_get(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert ctype.startswith("application/sparql-results+json")
    n = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    assert n == len(open(EXPORTS / "graph.nt").read().splitlines())
    post = urllib.request.Request(f"{base}/query", data=b"ASK { ?s a <https://w3id.org/cancer-spread/schema/Statement> }",
                                  headers={"Content-Type": "application/sparql-query",
                                           "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(post, timeout=10) as r:
        assert json.loads(r.read())["boolean"] is True
    ctype, body = sparql_get(base, "SELECT ?x WHERE { ?x a <http://www.w3.org/2002/07/owl#Ontology> }",
                             accept="application/sparql-results+xml")
    assert ctype.startswith("application/sparql-results+xml") and b"w3id.org/cancer-spread/kg" in body
    ctype, _ = sparql_get(base, "SELECT ?x WHERE { ?x ?p ?o } LIMIT 1", accept="text/csv")
    assert ctype.startswith("text/csv")
    update = urllib.request.Request(f"{base}/update", data=b"CLEAR ALL",
                                    headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError):   # read-only
        urllib.request.urlopen(update, timeout=10)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=15) == 0
    assert "Traceback" not in process.stderr.read()


@pytest.fixture()
def writable_store(tmp_path):
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "db"), "--bind",
                                f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/")
    yield base
    process.terminate()
    process.wait(timeout=15)


def test_push_replaces_the_named_graph(writable_store):
    endpoint = writable_store + "/store"
    expected = len(open(EXPORTS / "graph.nt").read().splitlines())
    for _ in range(2):
        status = push(endpoint, EXPORTS / "graph.ttl", "https://example.org/graphs/kg")
        assert status in (200, 201, 204)
        n = int(json.loads(sparql_get(writable_store, COUNT)[1])["results"]["bindings"][0]["n"]["value"])
        assert n == expected      # a second push replaces rather than duplicates


def test_push_errors_are_clear(writable_store):
    with pytest.raises(EndpointError, match="cannot be reached"):
        push(f"http://127.0.0.1:{free_port()}/store", EXPORTS / "graph.ttl")
    with pytest.raises(EndpointError, match="refused"):
        push(writable_store + "/no-such-service", EXPORTS / "graph.ttl")


@pytest.fixture()
def recording_endpoint():
    """A loopback HTTP endpoint that records each request and answers 401 to a wrong token."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            seen.append((self.command, self.path, self.headers.get("Authorization"), len(body)))
            if self.headers.get("Authorization") == "Bearer wrong":
                self.send_response(401)
                self.end_headers()
                self.wfile.write(b"bad token: Bearer wrong")
                return
            self.send_response(204)
            self.end_headers()

        do_PUT = do_POST = answer

        def log_message(self, *args):
            pass

    with loopback_server(Handler) as address:
        yield f"http://{address}/store", seen


# -- stopping, ports and hostile queries (issue 12) ------------------------------------------------------

needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def oxigraph_child(pid):
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                cmdline = (stat.parent / "cmdline").read_bytes().split(b"\0")
                if any(b"oxigraph" in part for part in cmdline[:1]):
                    return int(stat.parent.name), [c.decode() for c in cmdline if c]
        except (OSError, IndexError):
            continue
    return None, []


@pytest.fixture()
def served():
    running = []

    def start(*args, **kw):
        process, base = start_serve(*args, **kw)
        running.append(process)
        wait_for(base + "/")
        return process, base

    yield start
    for process in running:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=15)


@needs_proc
def test_after_kill_9_the_oxigraph_server_ends_and_the_next_serve_removes_the_store(served):
    process, _ = served()
    child, cmdline = oxigraph_child(process.pid)
    store = Path(cmdline[cmdline.index("--location") + 1]).parent
    process.kill()
    process.wait(timeout=15)
    deadline = time.time() + 10
    while time.time() < deadline and Path(f"/proc/{child}").exists() \
            and "Z" not in Path(f"/proc/{child}/stat").read_text().split()[2]:
        time.sleep(0.1)
    assert not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]
    assert store.is_dir()   # nothing could remove it: the server was killed
    other, _ = served()     # a running server's store is kept; the killed one's is removed
    other_store = Path(oxigraph_child(other.pid)[1][oxigraph_child(other.pid)[1].index("--location") + 1]).parent
    assert not store.exists() and other_store.is_dir()


@needs_proc
def test_sigterm_stops_the_oxigraph_server_and_removes_the_store(served):
    process, base = served("--timeout-s", "7")
    child, cmdline = oxigraph_child(process.pid)
    assert child is not None and cmdline[cmdline.index("--timeout-s") + 1] == "7"
    store = Path(cmdline[cmdline.index("--location") + 1])
    assert store.is_dir()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=15) == 128 + signal.SIGTERM
    time.sleep(0.3)
    assert not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]
    assert not store.parent.exists()
    with pytest.raises(OSError):
        urllib.request.urlopen(base + "/", timeout=2)
    assert "Traceback" not in process.stderr.read()


@pytest.mark.parametrize("options", [(), ("--allow-service",)])
def test_a_port_in_use_is_one_line_and_nothing_claims_to_have_started(options):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        process, _ = start_serve(*options, port=taken.getsockname()[1])
        assert process.wait(timeout=30) == 1
        err = process.stderr.read()
    assert err.count("\n") == 1 and "the port is in use" in err and "SPARQL endpoint" not in err


def test_a_host_other_than_loopback_warns(served):
    process, _ = served("--host", "0.0.0.0")
    process.send_signal(signal.SIGINT)
    process.wait(timeout=15)
    assert "reachable from the network" in process.stderr.read()


class _Remote(BaseHTTPRequestHandler):
    """A SPARQL endpoint somewhere else: records whether anyone called it."""
    calls: list[str] = []

    def log_message(self, *args):
        pass

    def _answer(self):
        _Remote.calls.append(self.path)
        body = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"remote"}}]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer


@pytest.fixture()
def remote():
    _Remote.calls = []
    with loopback_server(_Remote) as address:
        yield f"http://{address}/sparql"


def test_push_authenticates_and_posts(recording_endpoint, monkeypatch, tmp_path):
    from kg.serve import credentials
    endpoint, seen = recording_endpoint
    monkeypatch.setenv("KG_TEST_TOKEN", "s3cret")
    push(endpoint, EXPORTS / "graph.ttl", method="POST", auth=credentials(endpoint, token_env="KG_TEST_TOKEN"))
    monkeypatch.setenv("KG_PUSH_PASSWORD", "pw")
    push(endpoint, EXPORTS / "graph.ttl", auth=credentials(endpoint, user="ann"))
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login bob password hunter2\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    push(endpoint, EXPORTS / "graph.ttl", auth=credentials(endpoint, use_netrc=True))
    assert [(m, a) for m, _, a, _ in seen] == [("POST", "Bearer s3cret"), ("PUT", "Basic YW5uOnB3"),
                                               ("PUT", "Basic Ym9iOmh1bnRlcjI=")]
    with pytest.raises(EndpointError) as refused:
        push(endpoint, EXPORTS / "graph.ttl", auth="Bearer wrong")
    assert "401" in str(refused.value) and "wrong" not in str(refused.value)
    monkeypatch.delenv("KG_TEST_TOKEN")
    with pytest.raises(EndpointError, match="KG_TEST_TOKEN"):
        credentials(endpoint, token_env="KG_TEST_TOKEN")


def test_query_page_and_endpoint_know_the_project_prefixes(kg_server):
    base, _ = kg_server
    with urllib.request.urlopen(base + "/", timeout=10) as r:
        page = r.read().decode("utf-8")
    assert "PREFIX kg: &lt;https://w3id.org/cancer-spread/schema/&gt;" in page and "concept:" in page
    readme_query = ("SELECT ?route WHERE { concept:metastasis kg:spreadsVia ?route . ?route rdfs:label ?l }")
    _, body = sparql_get(base, readme_query)
    assert len(json.loads(body)["results"]["bindings"]) >= 3
    post = urllib.request.Request(f"{base}/query", data=readme_query.encode(),
                                  headers={"Content-Type": "application/sparql-query",
                                           "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(post, timeout=10) as r:
        assert len(json.loads(r.read())["results"]["bindings"]) >= 3


def test_service_is_refused_by_default_and_allowed_with_the_option(served, remote):
    federated = f"SELECT ?x WHERE {{ SERVICE <{remote}> {{ ?x ?p ?o }} }}"
    _, base = served()
    with pytest.raises(urllib.error.HTTPError) as info:
        sparql_get(base, federated)
    assert info.value.code == 403 and b"SERVICE" in info.value.read()
    form = urllib.request.Request(f"{base}/query", data=urllib.parse.urlencode({"query": federated}).encode(),
                                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(form, timeout=10)
    assert info.value.code == 403
    assert _Remote.calls == []   # the server never called the URL a client named
    _, body = sparql_get(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")   # other queries pass through
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 1000
    _, open_base = served("--allow-service")
    _, body = sparql_get(open_base, federated)
    assert json.loads(body)["results"]["bindings"][0]["x"]["value"] == "remote" and _Remote.calls


def test_a_query_that_runs_too_long_is_stopped(served):
    _, base = served("--timeout-s", "1")
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"   # 77 M rows: about 13 s on these machines
    started = time.monotonic()
    try:
        _, body = sparql_get(base, cross)
    except urllib.error.HTTPError as exc:
        body = exc.read()
    assert time.monotonic() - started < 6
    assert b"cancelled" in body and b'"n":' not in body   # Oxigraph's message, not a count


def test_push_never_shows_credentials(writable_store):
    secret = "pa55-w0rd"
    port = free_port()
    for endpoint in (f"http://admin:{secret}@127.0.0.1:{port}/store?token={secret}",
                     f"http://admin:{secret}@[::1/store", f"http://admin:{secret}@127.0.0.1:x/store"):
        with pytest.raises(EndpointError) as info:
            push(endpoint, EXPORTS / "graph.ttl")
        assert secret not in str(info.value) and "***" in str(info.value)
    # the credentials are sent (Oxigraph ignores them) and the push still works
    base = writable_store.replace("http://", f"http://admin:{secret}@")
    assert push(base + "/store", EXPORTS / "graph.ttl", "https://example.org/graphs/kg") in (200, 201, 204)
