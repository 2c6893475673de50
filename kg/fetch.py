"""WordPress REST API posts over HTTP(S): an overall deadline per request, a page cap, no credentials in messages."""
from __future__ import annotations

import base64
import hashlib
import http.client
import logging
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import parse_qs, unquote, urlencode, urlparse, urlunparse

from .clean import printable, redact_url
from .constants import HTTP_DEADLINE_S, HTTP_MAX_BYTES, HTTP_MAX_PAGES, HTTP_PER_PAGE, HTTP_TIMEOUT_S
from .errors import SourceError
from .ingest import MAX_POST_BYTES, loads, posts_from_json
from .model import Post

log = logging.getLogger(__name__)


class _Overdue(TimeoutError):
    """A request did not complete within its overall deadline."""


class _Deadline:
    """Shuts the sockets of one request down when its time is up, however slowly the server sends."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:   # the plain socket's shutdown: the reading thread then sees the end of the stream
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass

    def cancel(self) -> None:
        self._timer.cancel()


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """An opener whose connections, redirects included, are all watched by the deadline."""

    class Connection(http.client.HTTPConnection):
        def connect(self):
            super().connect()
            deadline.watch(self.sock)

    class SecureConnection(http.client.HTTPSConnection):
        def connect(self):
            super().connect()
            deadline.watch(self.sock)

    context = ssl.create_default_context()

    class Handler(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(Connection, req)

    class SecureHandler(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(SecureConnection, req, context=context)

    return urllib.request.build_opener(Handler, SecureHandler(context=context))


def _get(url: str, auth: str | None, timeout: float, seconds: float, max_bytes: int) -> tuple[bytes, str | None]:
    """One GET: the body (at most max_bytes + 1 bytes) and X-WP-TotalPages, all within `seconds`."""
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "kg"})
    if auth:
        request.add_unredirected_header("Authorization", auth)   # never sent on to another host
    deadline = _Deadline(seconds)
    try:
        with _opener(deadline).open(request, timeout=timeout) as response:
            chunks, size = [], 0
            while size <= max_bytes:
                chunk = response.read1(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            if deadline.expired:   # the stream was cut short by the deadline: what came is not the page
                raise _Overdue(f"no complete answer within {seconds:g} s")
            return b"".join(chunks), response.headers.get("X-WP-TotalPages")
    except urllib.error.HTTPError:
        raise
    except (OSError, http.client.HTTPException, ValueError):
        if deadline.expired:
            raise _Overdue(f"no complete answer within {seconds:g} s") from None
        raise
    finally:
        deadline.cancel()


def split_credentials(parts):
    """A parsed URL without its user:password@, and the HTTP Basic Authorization value they make (or None)."""
    if parts.username is None and parts.password is None:
        return parts, None
    pair = f"{unquote(parts.username or '')}:{unquote(parts.password or '')}".encode()
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]), "Basic " + base64.b64encode(pair).decode("ascii")


def fetch_wordpress(url: str, timeout: float = HTTP_TIMEOUT_S, max_bytes: int = HTTP_MAX_BYTES, *,
                    deadline: float = HTTP_DEADLINE_S, max_pages: int = HTTP_MAX_PAGES,
                    errors: list[SourceError] | None = None,
                    max_post_bytes: int = MAX_POST_BYTES) -> Iterator[Post]:
    """Posts from a /wp-json/wp/v2/posts URL, page by page; a failing page raises SourceError naming it.

    Each request must finish within `deadline` seconds, each read within `timeout`; at most
    `max_pages` pages are read, and reading stops when a page repeats the one before.
    """
    shown = printable(redact_url(url))
    try:
        parts = urlparse(url)
        parts.port   # noqa: B018 (a port that is not a number raises here)
    except ValueError as exc:
        raise SourceError(shown, f"is not a valid URL ({printable(redact_url(str(exc)))})") from None
    parts, auth = split_credentials(parts)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    query.setdefault("per_page", str(HTTP_PER_PAGE))
    try:
        page = int(query.get("page", "1"))
    except ValueError:
        raise SourceError(shown, f"page={printable(query['page'])!r} is not a page number") from None
    if page < 1:
        raise SourceError(shown, "page numbers start at 1")
    total_pages, received, previous, pages = None, 0, None, 0
    while True:
        query["page"] = str(page)
        page_url = urlunparse(parts._replace(query=urlencode(sorted(query.items()))))
        try:
            body, total_header = _get(page_url, auth, timeout, deadline, max_bytes - received)
        except urllib.error.HTTPError as exc:
            if exc.code == 400 and total_pages is None and page > 1:
                return
            raise SourceError(shown, f"page {page}: HTTP {exc.code} {printable(str(exc.reason))}") from None
        except urllib.error.URLError as exc:
            raise SourceError(shown, f"page {page}: cannot be reached ({printable(redact_url(str(exc.reason)))})") from None
        except _Overdue as exc:
            raise SourceError(shown, f"page {page}: {exc}") from None
        except TimeoutError:
            raise SourceError(shown, f"page {page}: timed out after {timeout:g} s") from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise SourceError(shown, f"page {page}: cannot be read ({printable(redact_url(str(exc)))})") from None
        pages += 1
        received += len(body)
        if received > max_bytes:
            raise SourceError(shown, f"page {page}: response exceeds the size limit of {max_bytes} bytes")
        digest = hashlib.sha256(body).digest()
        if digest == previous:
            log.warning("%s: page %d repeats page %d; stopped there", shown, page, page - 1)
            return
        previous = digest
        try:
            obj = loads(body.decode("utf-8-sig"), f"{shown} page {page}")
        except UnicodeDecodeError:
            raise SourceError(shown, f"page {page} is not JSON (not UTF-8)") from None
        except SourceError:
            raise SourceError(shown, f"page {page} is not JSON") from None
        shown_page = printable(redact_url(page_url))
        if isinstance(obj, list) and not obj:
            return
        yield from posts_from_json(obj, shown_page, errors, max_post_bytes)
        if total_header is not None:
            try:
                total_pages = int(total_header)
            except ValueError:
                total_pages = page
        if not isinstance(obj, list) or total_pages is None or page >= total_pages:
            return
        if pages >= max_pages:
            log.warning("%s: stopped after %d pages (the page limit); the server names %d", shown, pages, total_pages)
            return
        page += 1
