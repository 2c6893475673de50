"""Ingest: every kind of source, bad input with a clear reason, and the WordPress URL path."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

import pytest

from kg.errors import SourceError
from kg.ingest import expand_sources, read_source
from kg.pipeline import read_posts

from .conftest import CORPUS, FIXTURES, loopback_server


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
    _WordPress.requests = []
    with loopback_server(_WordPress) as address:
        yield f"http://{address}"


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


# -- bad input found by trying the build as a careful user and as an attacker (issue 12) ---------------

GOOD = json.loads((FIXTURES / "mrd.post.json").read_text())


def _post(**fields):
    return {**GOOD, **fields}


def _write(tmp_path, name, obj):
    path = tmp_path / name
    path.write_text(obj if isinstance(obj, str) else json.dumps(obj), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("link, expected", [
    ("https://example.org/a post", "https://example.org/a%20post"),
    ('https://example.org/"quoted"', "https://example.org/%22quoted%22"),
    ("https://example.org/<x>{y}|^`", "https://example.org/%3Cx%3E%7By%7D%7C%5E%60"),
    ("https://example.org/caf\u00e9", "https://example.org/caf\u00e9"),   # a valid IRI stays as it is
])
def test_a_link_that_is_not_an_iri_is_encoded(tmp_path, link, expected):
    [post] = read_source(_write(tmp_path, "a.json", _post(link=link)))
    assert post.source == expected


@pytest.mark.parametrize("link", ["/relative/post", "12", 12, ["x"], {"a": 1}])
def test_a_link_that_is_not_absolute_gives_way_to_the_id(tmp_path, link, caplog):
    [post] = read_source(_write(tmp_path, "a.json", _post(link=link)))
    assert post.source == f"urn:wp-post:{GOOD['id']}"
    assert "not an absolute IRI" in caplog.text or not isinstance(link, str)


@pytest.mark.parametrize("post_id, reason", [({"a": 1}, "an object"), ([1], "an array"), (True, "a boolean"),
                                             (None, "null"), ("  ", "empty")])
def test_an_id_that_cannot_name_a_post_is_refused(tmp_path, post_id, reason):
    with pytest.raises(SourceError, match=reason):
        read_source(_write(tmp_path, "a.json", _post(id=post_id, link=None)))


def test_an_id_with_spaces_and_no_link_is_encoded(tmp_path):
    [post] = read_source(_write(tmp_path, "a.json", _post(id="my post 1", link=None, guid=None)))
    assert post.source == "urn:wp-post:my%20post%201" and post.id == "my post 1"


def test_an_id_of_5000_digits(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps(_post(link=None, guid=None)).replace(f'"id": {GOOD["id"]}', '"id": ' + "7" * 5000))
    [post] = read_source(str(path))
    assert post.id == "7" * 5000 and post.source.endswith("7" * 5000)


def test_json_nested_1000_deep_is_one_line(tmp_path):
    path = _write(tmp_path, "deep.json", "[" * 1000 + "]" * 1000)
    with pytest.raises(SourceError, match="nested too deeply"):
        read_source(path)


def test_lone_surrogates_and_control_characters_are_removed(tmp_path):
    bad = "\ud800 \x00\x01\x1b[31m\x7f\ufffe"
    [post] = read_source(_write(tmp_path, "a.json", _post(title={"rendered": "MRD" + bad},
                                                           content={"rendered": "<p>MRD" + bad + " is low.</p>"},
                                                           link="https://example.org/x" + bad)))
    for text in (post.title, post.html, post.source):
        assert not any(c in text for c in "\ud800\x00\x01\x1b\x7f\ufffe"), repr(text)
    assert "\ufffd" in post.title


def test_one_bad_item_of_an_array_keeps_the_others(tmp_path):
    path = _write(tmp_path, "a.json", [_post(id=1), {"id": 2}, "text", _post(id=3)])
    errors = []
    posts = read_source(path, errors=errors)
    assert [p.id for p in posts] == ["1", "3"]
    assert [str(e) for e in errors] == [f"{path}[1]: is JSON but not a WordPress post (no content)",
                                        f"{path}[2]: is JSON but not a post object (found a string)"]


def test_one_bad_line_of_a_jsonl_file_keeps_the_others(tmp_path):
    path = _write(tmp_path, "a.jsonl", "\n".join([json.dumps(_post(id=1)), "{not json", "",
                                                  json.dumps(_post(id=3)), "[" * 2000]))
    errors = []
    posts = read_source(path, errors=errors)
    assert [p.id for p in posts] == ["1", "3"]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:5"]
    assert "malformed JSON" in errors[0].reason and "nested too deeply" in errors[1].reason
    posts, failures = read_posts([path])
    assert len(posts) == 2 and len(failures) == 2


def test_the_same_post_from_two_files_is_reported_naming_both(tmp_path, caplog):
    a, b = _write(tmp_path, "a.json", GOOD), _write(tmp_path, "b.json", _post(title={"rendered": "Other"}))
    posts, failures = read_posts([a, b])
    assert len(posts) == 1 and posts[0].title == read_source(a)[0].title and not failures
    [record] = [r for r in caplog.records if "already read" in r.getMessage()]
    assert a in record.getMessage() and b in record.getMessage()


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    import os
    fifo = tmp_path / "posts.json"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_source(str(fifo))


def test_a_post_over_the_size_limit_is_refused(tmp_path):
    big = _post(content={"rendered": "<p>" + "Metastasis spreads. " * 60_000 + "</p>"})   # 1.2 MB
    path = _write(tmp_path, "big.json", big)
    with pytest.raises(SourceError, match=r"over the limit of 1 MB per post \(kg build --max-post-mb"):
        read_source(path, max_post_mb=1)
    assert len(read_source(path, max_post_mb=2)) == 1
    page = tmp_path / "big.html"
    page.write_text("<html><body><p>" + "x " * 600_000 + "</p></body></html>")
    with pytest.raises(SourceError, match="over the limit"):
        read_source(str(page), max_post_mb=1)


@pytest.mark.parametrize("url, reason", [("http://[::1/wp-json/wp/v2/posts", "not a valid URL"),
                                         ("http://127.0.0.1:9/wp-json/wp/v2/posts?page=abc", "not a page number"),
                                         ("http://127.0.0.1:abc/wp-json/wp/v2/posts", "not a valid URL")])
def test_a_bad_url_is_one_line(url, reason):
    with pytest.raises(SourceError, match=reason):
        read_source(url)


def test_html_nested_1000_deep_is_read(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 1500 + "<p>Bone metastasis may cause pain.</p>" + "</div>" * 1500)
    [post] = read_source(str(page))
    assert "Bone metastasis" in post.html


def test_jsonl_lines_end_at_line_feeds_only(tmp_path):
    # a JSON string may hold U+2028, U+0085 or a form feed raw; str.splitlines() would cut the line there
    text = "\n".join(json.dumps(_post(id=i, title={"rendered": f"MRD\u2028\x85\x1c{i}"}), ensure_ascii=False)
                     for i in (1, 2)) + "\r\n"
    path = tmp_path / "a.jsonl"
    path.write_text(text, encoding="utf-8")
    errors = []
    assert [p.id for p in read_source(str(path), errors=errors)] == ["1", "2"] and not errors
