"""The rebuild cache kept in the output folder: each post's extraction, reused while post and lexicon stay the same."""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sqlite3
import zlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .constants import CACHE_NAME, LEXICON_FILE, ONTOLOGY_DIR, PACKAGE_DIR, VERSION
from .model import Post

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE posts (id TEXT NOT NULL, source TEXT NOT NULL, origin TEXT NOT NULL, position INTEGER NOT NULL,
                    modified TEXT NOT NULL, digest TEXT NOT NULL, blob BLOB NOT NULL, PRIMARY KEY (id, source));
"""


def fingerprint(lexicon: Path | Sequence[Path] = LEXICON_FILE) -> str:
    """What every cached extraction depends on: the version, the lexicon files (in their order), ontology/
    (cue files too) and the code."""
    h = hashlib.sha256(VERSION.encode())
    lexicons = [Path(lexicon)] if isinstance(lexicon, (str, Path)) else [Path(p) for p in lexicon]
    h.update(f"\0{len(lexicons)} lexicons".encode())
    files = [*lexicons, *sorted(p for p in ONTOLOGY_DIR.rglob("*") if p.is_file()),
             *sorted(PACKAGE_DIR.rglob("*.py"))]
    for path in files:
        h.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def post_digest(post: Post) -> str:
    return hashlib.sha1(f"{post.title}\x1f{post.html}".encode("utf-8", "surrogatepass")).hexdigest()


def pack(post: Post, extraction) -> bytes:
    """A post (without its HTML) and its extraction, as the cache keeps them."""
    return zlib.compress(pickle.dumps((replace(post, html=""), extraction), protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes):
    """(post without HTML, extraction) back from pack()."""
    return pickle.loads(zlib.decompress(blob))


class Cache:
    """Entries of the last build (read) and of this one (written to a new file, in place at commit()).

    The cache holds pickles: like the code, it is trusted; it lives in the output folder the build writes.
    """

    def __init__(self, out_dir: Path, key: str, enabled: bool = True, write: bool = True):
        self.path = Path(out_dir) / CACHE_NAME
        self.old: sqlite3.Connection | None = None
        self.new: sqlite3.Connection | None = None
        if not enabled:
            return
        if self.path.is_file():
            try:
                old = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
                found = old.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
                if found and found[0] == key:
                    self.old = old
                else:
                    old.close()
                    log.info("%s: lexicon, cue files or version changed; rebuilding every post", self.path)
            except sqlite3.DatabaseError as exc:
                log.warning("%s: unreadable cache (%s); rebuilding every post", self.path, exc)
        if not write:
            return
        self.temp = self.path.with_name(f".{CACHE_NAME}.{os.getpid()}.tmp")
        self.temp.unlink(missing_ok=True)
        self.new = sqlite3.connect(self.temp)
        self.new.executescript(_SCHEMA)
        self.new.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (key,))

    def meta(self, name: str) -> str | None:
        """A value the last build noted (see note())."""
        if self.old is None:
            return None
        found = self.old.execute("SELECT value FROM meta WHERE key = ?", (name,)).fetchone()
        return found[0] if found else None

    def note(self, name: str, value: str) -> None:
        if self.new is not None:
            self.new.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    def lookup(self, post: Post, digest: str) -> tuple[bytes | None, str]:
        """The cached blob of a post read again, with its state: 'reused', 'changed' or 'new'."""
        if self.old is None:
            return None, "new"
        row = self.old.execute("SELECT modified, digest, blob FROM posts WHERE id = ? AND source = ?",
                               (post.id, post.source)).fetchone()
        if row is None:
            return None, "new"
        if row[0] == post.modified and row[1] == digest:
            return row[2], "reused"
        return None, "changed"

    def entries_of(self, origin: str) -> list[tuple[str, str, str, bytes]]:
        """(id, source, modified, blob) of the posts last read from origin, in the order they were read."""
        if self.old is None:
            return []
        return self.old.execute("SELECT id, source, modified, blob FROM posts WHERE origin = ? ORDER BY position",
                                (origin,)).fetchall()

    def put(self, post: Post, origin: str, position: int, digest: str, blob: bytes) -> None:
        if self.new is not None:
            self.new.execute("INSERT OR REPLACE INTO posts VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (post.id, post.source, origin, position, post.modified, digest, blob))

    def commit(self) -> None:
        """Make this build's entries the cache (the posts of earlier builds not read now are dropped)."""
        if self.new is None:
            return
        self.new.commit()
        self.new.close()
        self.new = None
        if self.old is not None:
            self.old.close()
            self.old = None
        os.replace(self.temp, self.path)

    def close(self) -> None:
        """Drop this build's entries unless committed (a failed or stopped build leaves the old cache)."""
        for conn in (self.old, self.new):
            if conn is not None:
                conn.close()
        if self.new is not None:
            self.temp.unlink(missing_ok=True)
        self.old = self.new = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
