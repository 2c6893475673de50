"""Ingest: every kind of source, bad input with a clear reason, and the WordPress URL path."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from kg.errors import SourceError
from kg.ingest import expand_sources, read_source
from kg.pipeline import read_posts

from .conftest import CORPUS, FIXTURES


def test_seed_post_fields():
    [post] = read_source(str(CORPUS / "metastasis.post.json"))
    assert post.id == "2453"
    assert post.source == "https://www.cancershospitals.com/blog/metastasis-definition-uses-and-clinical-overview/"
    assert post.title == "Metastasis: Definition, Uses, and Clinical Overview"
    assert post.modified == "2026-02-27T15:59:30"
    assert "<h2" in post.html


def test_array_and_jsonl_give_the_same_posts():
    array = read_source(str(FIXTURES / "posts-array.json"))
    lines = read_source(str(FIXTURES / "posts.jsonl"))
    assert [p.id for p in array] == [p.id for p in lines] == ["101", "102"]
    assert array[1].title == "Minimal residual disease & leukaemia"   # entities decoded


def test_html_page_uses_canonical_link_and_title():
    [page] = read_source(str(FIXTURES / "page.html"))
    assert page.source == "https://clinic.example.org/bone-metastasis"
    assert page.title == "Bone metastasis | Example Clinic"
    assert "Contact" not in page.html and "Home" not in page.html   # page furniture dropped


def test_html_page_without_canonical_uses_file_uri(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><h1>Lung metastasis</h1><p>Lung metastasis may cause cough.</p></body></html>")
    [post] = read_source(str(page))
    assert post.source == page.resolve().as_uri()
    assert post.title == "Lung metastasis"


def test_directory_is_searched_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.json").write_text((FIXTURES / "mrd.post.json").read_text())
    (tmp_path / "a" / "notes.txt").write_text("ignored")
    assert expand_sources([str(tmp_path)]) == [str(tmp_path / "a" / "b" / "x.json")]


@pytest.mark.parametrize("name, reason", [
    ("malformed.json", "malformed JSON"),
    ("not-a-post.json", "not a WordPress post"),
    ("no-content.json", "post has no content"),
    ("empty.json", "is empty"),
    ("binary.json", "binary file"),
    ("latin1.json", "not UTF-8"),
])
def test_bad_input_names_file_and_reason(name, reason):
    path = str(FIXTURES / "bad" / name)
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert path in str(info.value) and reason in str(info.value)


def test_missing_file():
    with pytest.raises(SourceError, match="no such file"):
        read_source("/nonexistent/post.json")


def test_bad_sources_do_not_stop_the_batch():
    reported = []
    posts, failures = read_posts([str(FIXTURES / "bad"), str(FIXTURES / "mrd.post.json")], on_error=reported.append)
    assert [p.id for p in posts] == ["102"]
    assert len(failures) == len(reported) == 6


def test_strict_raises_at_first_failure():
    with pytest.raises(SourceError):
        read_posts([str(FIXTURES / "bad" / "empty.json"), str(FIXTURES / "mrd.post.json")], strict=True)


class _WordPress(BaseHTTPRequestHandler):
    posts = [json.loads((FIXTURES / "sentinel.post.json").read_text()),
             json.loads((FIXTURES / "mrd.post.json").read_text()),
             json.loads((CORPUS / "micrometastasis.post.json").read_text())]
    requests: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        _WordPress.requests.append(self.path)
        url = urlparse(self.path)
        if url.path == "/slow/wp-json/wp/v2/posts":
            threading.Event().wait(2)
        if url.path == "/broken/wp-json/wp/v2/posts":
            self.send_response(500)
            self.end_headers()
            return
        q = {k: int(v[0]) for k, v in parse_qs(url.query).items()}
        per, page = q.get("per_page", 10), q.get("page", 1)
        chunk = self.posts[(page - 1) * per: page * per]
        body = json.dumps(chunk).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-WP-TotalPages", str(-(-len(self.posts) // per)))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def wordpress():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _WordPress)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _WordPress.requests = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_wordpress_url_follows_pagination(wordpress):
    posts = read_source(f"{wordpress}/wp-json/wp/v2/posts?per_page=2")
    assert [p.id for p in posts] == ["101", "102", "2632"]
    assert len(_WordPress.requests) == 2 and all("per_page=2" in r for r in _WordPress.requests)


def test_wordpress_url_errors_are_clear(wordpress):
    with pytest.raises(SourceError, match="HTTP 500"):
        read_source(f"{wordpress}/broken/wp-json/wp/v2/posts")
    with pytest.raises(SourceError, match="cannot be reached"):
        read_source("http://127.0.0.1:9/wp-json/wp/v2/posts")


def test_wordpress_url_times_out(wordpress):
    from kg.fetch import fetch_wordpress
    with pytest.raises(SourceError, match="timed out|cannot be"):
        list(fetch_wordpress(f"{wordpress}/slow/wp-json/wp/v2/posts", timeout=0.5))


def test_wordpress_url_size_limit(wordpress):
    from kg.fetch import fetch_wordpress
    with pytest.raises(SourceError, match="size limit"):
        list(fetch_wordpress(f"{wordpress}/wp-json/wp/v2/posts", max_bytes=1000))


@pytest.mark.parametrize("title", [
    "Micrometastasis: Definition, Uses, and Clinical Overview", "Metastasis &#8211; what it is", "Tom &amp; Jerry",
    "  Lead&nbsp;time  ", "It&#8217;s &quot;fine&quot;", "a &foo; b", "x &amp y", "line\r\nbreak", "caf&eacute;",
    "&lt;b&gt;bold&lt;/b&gt;", "<em>Occult</em> micrometastasis", "A <b>bold</b>\n title",
])
def test_titles_read_as_beautifulsoup_reads_them(title):
    # plain titles skip the HTML parser; the text must be what BeautifulSoup would give
    from bs4 import BeautifulSoup

    from kg.ingest import title_text
    assert title_text(title) == BeautifulSoup(title, "lxml").get_text(" ", strip=True)
