"""Shared fixtures: paths, small posts written for the tests, and one build of the sample corpus."""
from __future__ import annotations

import contextlib
import socket
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT / "corpus"
EXPORTS = ROOT / "exports"
EVAL = ROOT / "eval"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The sample corpus built once into a temporary folder."""
    from kg.build import build

    out = tmp_path_factory.mktemp("sample-exports")
    result = build([str(CORPUS)], out)
    return result, out


@pytest.fixture(scope="session")
def sample_kg(sample_build):
    return sample_build[0].graph


@pytest.fixture(scope="session")
def sample_rdf(sample_kg):
    from kg.graph import to_rdf

    return to_rdf(sample_kg)


@pytest.fixture(scope="session")
def fixture_kg():
    """The test's own small posts and HTML page."""
    from kg.pipeline import build_graph, read_posts

    posts, failures = read_posts([str(FIXTURES / "sentinel.post.json"), str(FIXTURES / "mrd.post.json"),
                                  str(FIXTURES / "page.html")])
    assert not failures
    return build_graph(posts)


def triples_of(kg):
    return {(a.subject, a.relation, a.object, a.polarity) for a in kg.assertions}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _TestServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass   # a client cut off on purpose (a deadline, a limit): no traceback on a later test's stderr


@contextlib.contextmanager
def loopback_server(handler):
    """An HTTP server on a free loopback port with the given handler class, running in a thread;
    yields its 'host:port'."""
    server = _TestServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()

def varied_posts(n: int, seed: int = 0, start: int = 0) -> list[dict]:
    """n WordPress posts made from the sample posts: own ids, links and titles, sections shuffled and
    mixed between the two, and a glossary term of their own (so that concepts are discovered too)."""
    import json
    import random
    import re

    seeds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.json"))]
    parts = [re.split(r"(?=<h2)", s["content"]["rendered"]) for s in seeds]
    rng = random.Random(seed)
    posts = []
    for i in range(start, start + n):
        base = i % len(seeds)
        sections = parts[base][1:] + rng.sample(parts[1 - base][1:], 2)
        rng.shuffle(sections)
        sections = sections[:max(3, len(sections) - rng.randrange(4))]
        term = f"Zeta{i} nodal finding"
        glossary = f"<h2>Glossary</h2><dl><dt>{term}</dt><dd>{term} is a rare finding seen on CT.</dd></dl>"
        html = parts[base][0] + "".join(sections) + glossary
        posts.append({"id": 5000 + i, "link": f"https://example.org/varied/{i}/", "modified": f"2024-01-{1 + i % 28:02d}T10:00:00",
                      "title": {"rendered": f"{seeds[base]['title']['rendered']} ({term})"},
                      "content": {"rendered": html}})
    return posts


def write_jsonl(path: Path, posts: list[dict]) -> Path:
    import json
    path.write_text("".join(json.dumps(p) + "\n" for p in posts), encoding="utf-8")
    return path
