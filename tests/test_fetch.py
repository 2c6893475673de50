"""HTTP sources against a fake WordPress on 127.0.0.1: deadlines, page caps, failing pages, secrets, escapes."""
from __future__ import annotations

import base64
import json
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

import pytest

from kg.errors import SourceError
from kg.fetch import fetch_wordpress
from kg.ingest import read_source
from kg.pipeline import read_posts

from .conftest import FIXTURES, loopback_server

POSTS = [json.loads((FIXTURES / name).read_text()) for name in ("sentinel.post.json", "mrd.post.json")]
SECRET, TOKEN = "s3cret-pw", "tok-123456"


class _Server(BaseHTTPRequestHandler):
    requests: list[str] = []
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _json(self, obj, total="1", status=200, reason=None):
        body = json.dumps(obj).encode()
        self.send_response(status, reason)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-WP-TotalPages", total)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        _Server.requests.append(self.path)
        url = urlparse(self.path)
        page = int(parse_qs(url.query).get("page", ["1"])[0])
        kind = url.path.split("/")[1]
        if kind == "drip":   # one byte at a time, each well within the read timeout
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:   # the client gave up, as it should
                pass
        elif kind == "same":   # claims a billion pages and sends page 1 again and again
            self._json([POSTS[0]], total="1000000000")
        elif kind == "many":   # a new page each time, forever
            self._json([{**POSTS[0], "id": page, "link": f"https://example.org/{page}"}], total="1000000000")
        elif kind == "fails":   # page 2 of 3 fails, with terminal escapes in its reason phrase
            if page == 2:
                self._json({"code": "x"}, status=500, reason="Oops\x1b[2J\x1b]0;pwned\x07 broken")
            else:
                self._json([POSTS[page - 1 if page == 1 else 1]], total="3")
        elif kind == "auth":
            expected = "Basic " + base64.b64encode(f"editor:{SECRET}".encode()).decode()
            if self.headers.get("Authorization") != expected:
                self._json({"code": "rest_forbidden"}, status=401, reason="Unauthorized")
            elif page == 1:
                self._json([POSTS[0]], total="2")
            else:
                self._json({"code": "x"}, status=503, reason="Unavailable")
        elif kind == "items":   # one good post, one bad item, one with terminal escapes in its link
            self._json([POSTS[0], {"id": 7}, {**POSTS[1], "link": "https://example.org/\x1b[31mred"}])


@pytest.fixture()
def server():
    _Server.requests = []
    with loopback_server(_Server) as address:
        yield address


def test_a_slow_server_meets_the_overall_deadline(server):
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"page 1: no complete answer within 1 s"):
        list(fetch_wordpress(f"http://{server}/drip/wp-json/wp/v2/posts", timeout=5, deadline=1))
    assert time.monotonic() - started < 3   # each read was quick (0.1 s), so only the deadline stops it


def test_a_page_that_repeats_the_last_stops_the_reading(server, caplog):
    posts = list(fetch_wordpress(f"http://{server}/same/wp-json/wp/v2/posts"))
    assert len(posts) == 1 and len(_Server.requests) == 2
    assert "page 2 repeats page 1" in caplog.text


def test_pages_are_capped(server, caplog):
    posts = list(fetch_wordpress(f"http://{server}/many/wp-json/wp/v2/posts", max_pages=5))
    assert [p.id for p in posts] == ["1", "2", "3", "4", "5"] and len(_Server.requests) == 5
    assert "stopped after 5 pages" in caplog.text


def test_a_failing_page_is_named_and_the_pages_before_it_kept(server):
    errors = []
    posts = read_source(f"http://{server}/fails/wp-json/wp/v2/posts?per_page=1", errors=errors)
    assert [p.id for p in posts] == [str(POSTS[0]["id"])]
    [error] = errors
    assert "page 2: HTTP 500 Oops" in str(error) and "pages before it are kept" in str(error)
    assert "\x1b" not in str(error) and "\x07" not in str(error)


def test_credentials_are_sent_but_never_shown(server):
    url = f"http://editor:{SECRET}@{server}/auth/wp-json/wp/v2/posts?token={TOKEN}"
    posts, failures = read_posts([url])
    assert len(posts) == 1   # the password reached the server as Basic authentication
    [error] = failures
    assert "page 2: HTTP 503" in str(error)
    for text in (str(error), posts[0].origin):
        assert SECRET not in text and TOKEN not in text and "***" in text
    with pytest.raises(SourceError) as info:
        read_source(f"http://editor:{SECRET}@[::1/wp-json/wp/v2/posts?token={TOKEN}")
    assert SECRET not in str(info.value) and TOKEN not in str(info.value)
    with pytest.raises(SourceError) as info:
        read_source(f"http://editor:{SECRET}@127.0.0.1:9/wp-json/wp/v2/posts?api_key={TOKEN}")
    assert SECRET not in str(info.value) and TOKEN not in str(info.value)


def test_bad_items_of_a_page_are_named_and_server_text_is_printable(server, caplog):
    errors = []
    posts = read_source(f"http://{server}/items/wp-json/wp/v2/posts", errors=errors)
    assert len(posts) == 2 and "\x1b" not in posts[1].source
    [error] = errors
    assert error.source.endswith("[1]") and "no content" in error.reason
