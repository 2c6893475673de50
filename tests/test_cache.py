"""Rebuilds into the same folder reuse unchanged posts, and give the files a clean build gives."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from .conftest import varied_posts, write_jsonl


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def _clean(sources, out):
    from kg.build import build
    build(sources, out, use_cache=False, workers=1)
    return _files(out)


def test_rebuild_reuses_unchanged_posts_and_equals_a_clean_build(tmp_path):
    from kg.build import build
    posts = varied_posts(6)
    source = write_jsonl(tmp_path / "posts.jsonl", posts)
    out = tmp_path / "out"
    first = build([str(source)], out, workers=1)
    assert (first.counts["new"], first.counts["reused"]) == (6, 0)
    again = build([str(source)], out, workers=1)
    assert (again.counts["new"], again.counts["changed"], again.counts["reused"]) == (0, 0, 6)
    assert _files(out) == _clean([str(source)], tmp_path / "clean0")
    posts[2]["content"]["rendered"] = posts[2]["content"]["rendered"].replace("<h2", "<h2", 1) + "<p>Bone metastases may cause fractures.</p>"
    posts[2]["modified"] = "2025-02-02T10:00:00"
    del posts[4]
    posts.append(varied_posts(1, start=50)[0])
    write_jsonl(source, posts)
    third = build([str(source)], out, workers=1)
    assert (third.counts["new"], third.counts["changed"], third.counts["reused"]) == (1, 1, 4)
    assert _files(out) == _clean([str(source)], tmp_path / "clean1")
    fourth = build([str(source)], out, workers=1)   # the removed post is gone from the cache too
    assert (fourth.counts["new"], fourth.counts["reused"]) == (0, 6)


def test_content_changed_under_the_same_modified_date_is_read_again(tmp_path):
    from kg.build import build
    posts = varied_posts(2)
    source = write_jsonl(tmp_path / "posts.jsonl", posts)
    build([str(source)], tmp_path / "out", workers=1)
    posts[0]["title"]["rendered"] = "Another title"
    write_jsonl(source, posts)
    assert build([str(source)], tmp_path / "out", workers=1).counts["changed"] == 1


def test_lexicon_cue_or_version_change_invalidates_the_cache(tmp_path, monkeypatch):
    import kg.cache
    from kg.build import build
    from kg.cache import fingerprint
    from kg.constants import LEXICON_FILE
    lexicon = tmp_path / "lexicon.tsv"
    lexicon.write_bytes(LEXICON_FILE.read_bytes())
    before = fingerprint(lexicon)
    lexicon.write_bytes(LEXICON_FILE.read_bytes() + b"\n")
    assert fingerprint(lexicon) != before
    ontology = tmp_path / "ontology"
    ontology.mkdir()
    (ontology / "cues.tsv").write_text("verb\tcauses\n")
    monkeypatch.setattr(kg.cache, "ONTOLOGY_DIR", ontology)
    with_cues = fingerprint(lexicon)
    (ontology / "cues.tsv").write_text("verb\tcauses\tcan cause\n")
    assert fingerprint(lexicon) != with_cues
    monkeypatch.setattr(kg.cache, "VERSION", "99.0")
    assert fingerprint(lexicon) != with_cues
    source = write_jsonl(tmp_path / "posts.jsonl", varied_posts(2))
    monkeypatch.undo()
    build([str(source)], tmp_path / "out", workers=1)
    assert build([str(source)], tmp_path / "out", workers=1).counts["reused"] == 2
    monkeypatch.setattr(kg.cache, "VERSION", "99.0")
    assert build([str(source)], tmp_path / "out", workers=1).counts["new"] == 2


def test_a_failed_build_leaves_the_old_cache(tmp_path, monkeypatch):
    import kg.stream_files
    from kg.build import build
    source = write_jsonl(tmp_path / "posts.jsonl", varied_posts(2))
    build([str(source)], tmp_path / "out", workers=1)

    def broken(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(kg.stream_files, "_write_lines", broken)
    with pytest.raises(OSError, match="disk full"):
        build([str(source)], tmp_path / "out", workers=1, use_cache=True)
    monkeypatch.undo()
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")) == [".kg-cache.sqlite"]
    assert build([str(source)], tmp_path / "out", workers=1).counts["reused"] == 2


class _Site(BaseHTTPRequestHandler):
    posts: list[dict] = []
    asked: list[dict] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        query = {k: v[-1] for k, v in parse_qs(urlparse(self.path).query).items()}
        self.asked.append(query)
        since = query.get("modified_after", "")
        items = [p for p in self.posts if p["modified"] > since]
        body = json.dumps(items).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-WP-TotalPages", "1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/wp-json/wp/v2/posts"
    server.shutdown()
    server.server_close()


def test_wordpress_rebuild_asks_only_for_posts_modified_since(site, tmp_path):
    from kg.build import build
    posts = varied_posts(4)[::-1]   # newest first, as WordPress lists them
    _Site.posts, _Site.asked = list(posts), []
    out = tmp_path / "out"
    build([site], out, workers=1)
    assert "modified_after" not in _Site.asked[0]
    changed = dict(posts[2], modified="2024-03-01T00:00:00",
                   content={"rendered": posts[2]["content"]["rendered"] + "<p>Bone metastases may cause pain.</p>"})
    new = dict(varied_posts(1, start=9)[0], modified="2024-03-02T00:00:00")
    _Site.posts = [new, *posts[:2], changed, posts[3]]
    _Site.asked = []
    result = build([site], out, workers=1)
    assert _Site.asked[0]["modified_after"] == max(p["modified"] for p in posts)
    assert (result.counts["new"], result.counts["changed"], result.counts["reused"]) == (1, 1, 3)
    assert _files(out) == _clean([site], tmp_path / "clean")


def test_a_large_rebuild_with_nothing_changed_writes_nothing(tmp_path, monkeypatch):
    import kg.stream
    from kg.build import build
    monkeypatch.setattr(kg.stream, "FULL_FORMATS_MAX_POSTS", 2)   # a large build: N-Triples and TSV, no graph kept
    source = write_jsonl(tmp_path / "posts.jsonl", varied_posts(4))
    out = tmp_path / "out"
    first = build([str(source)], out, workers=1)
    stats = {p.name: p.stat().st_mtime_ns for p in first.paths}

    def no_work(*args, **kwargs):
        raise AssertionError("posts read again")
    monkeypatch.setattr(kg.stream, "run_batches", no_work, raising=False)
    import kg.cluster
    monkeypatch.setattr(kg.cluster, "run_batches", no_work)
    again = build([str(source)], out, workers=1)
    assert again.counts == dict(first.counts, new=0, reused=4)
    assert {p.name: p.stat().st_mtime_ns for p in again.paths} == stats
    monkeypatch.undo()
    monkeypatch.setattr(kg.stream, "FULL_FORMATS_MAX_POSTS", 2)
    (out / "graph.tsv").write_text("edited\n")   # a file changed since: written again
    third = build([str(source)], out, workers=1)
    assert third.counts["reused"] == 4 and (out / "graph.tsv").read_text() != "edited\n"
    assert _files(out) == _clean([str(source)], tmp_path / "clean")
