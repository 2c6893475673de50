"""The Oxigraph SPARQL server (kg serve) and the Graph Store Protocol push (kg push), on loopback."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from kg.errors import EndpointError
from kg.serve import oxigraph_binary, push

from .conftest import EXPORTS, ROOT, free_port

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


@pytest.fixture()
def kg_server():
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--graph", str(EXPORTS / "graph.ttl"),
                                "--port", str(port)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
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
    import http.server
    import threading

    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
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

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/store", seen
    server.shutdown()
    server.server_close()


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
