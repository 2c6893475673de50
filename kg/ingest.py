"""Read sources (post JSON, JSON arrays, JSON Lines, HTML pages, folders, WordPress URLs) into Posts."""
from __future__ import annotations

import json
import logging
import stat
from html import unescape
from pathlib import Path
from urllib.parse import quote, urlparse

import pyoxigraph as ox

from . import dom
from .clean import printable, sanitize
from .constants import MAX_POST_MB
from .errors import SourceError
from .model import Post

log = logging.getLogger(__name__)

FILE_SUFFIXES = (".json", ".jsonl", ".html", ".htm")
MAX_POST_BYTES = int(MAX_POST_MB * 1024 * 1024)
# Characters left as they are when a link is percent-encoded into an IRI (RFC 3987's reserved and
# unreserved ones, and % itself, so what is already encoded stays so).
_IRI_SAFE = "!#$%&'()*+,-./:;=?@[]~_"


def expand_sources(sources: list[str]) -> list[str]:
    """Turn folders into the files they hold (sorted); keep files and URLs as they are."""
    out: list[str] = []
    for src in sources:
        path = Path(src)
        if not _is_url(src) and path.is_dir():
            out.extend(str(p) for p in sorted(path.rglob("*"))
                       if p.is_file() and p.suffix.lower() in FILE_SUFFIXES)
        else:
            out.append(src)
    return out


def read_source(source: str, *, errors: list[SourceError] | None = None,
                max_post_mb: float = MAX_POST_MB) -> list[Post]:
    """All posts of one file or URL; raise SourceError naming the source and the reason.

    A bad item of a JSON array, a JSON Lines file or a fetched page is appended to errors (or
    raised when errors is None) and the other items are kept.
    """
    errors_of_items: list[SourceError] = [] if errors is None else errors
    limit = int(max_post_mb * 1024 * 1024)
    if _is_url(source):
        posts = _read_url(source, errors_of_items, limit)
    else:
        posts = _read_file(source, errors_of_items, limit)
    if errors is None and errors_of_items:
        raise errors_of_items[0]
    return posts


def _read_file(source: str, errors: list[SourceError], limit: int) -> list[Post]:
    path = Path(source)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise SourceError(source, "no such file or directory") from None
    except OSError as exc:
        raise SourceError(source, f"cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(source, "is a directory (expand it with expand_sources)")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(source, "is not a regular file (a FIFO, device or socket): not read")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") and info.st_size > limit:
        raise SourceError(source, _too_large(info.st_size, limit))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(source, f"cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise SourceError(source, "is empty")
    if b"\x00" in data[:4096]:
        raise SourceError(source, "is a binary file, not JSON or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(source, f"is not UTF-8 text (bad byte at offset {exc.start})") from None
    uri = path.resolve().as_uri()
    if suffix in (".html", ".htm") or (suffix not in (".json", ".jsonl") and text.lstrip().startswith("<")):
        if len(text) > limit:
            raise SourceError(source, _too_large(len(data), limit))
        return [post_from_html(text, uri, origin=source)]
    if suffix == ".jsonl":
        return _posts_from_jsonl(text, source, errors, limit)
    return posts_from_json(loads(text, source), source, errors, limit)


def _too_large(size: int, limit: int) -> str:
    return (f"is {size / 1048576:.1f} MB, over the limit of {limit / 1048576:g} MB per post "
            f"(kg build --max-post-mb changes it)")


def loads(text: str | bytes, origin: str) -> object:
    """Decoded JSON; numbers stay text (an id of any length), malformed or too deep JSON is a SourceError."""
    try:
        return json.loads(text, parse_int=str)
    except json.JSONDecodeError as exc:
        raise SourceError(origin, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise SourceError(origin, "JSON nested too deeply to be a post") from None


def posts_from_json(obj: object, origin: str, errors: list[SourceError] | None = None,
                    limit: int = MAX_POST_BYTES) -> list[Post]:
    """Posts from a decoded JSON value: one post object or an array of them (bad items to errors)."""
    if isinstance(obj, list):
        if not obj:
            raise SourceError(origin, "is an empty JSON array: no posts")
        return _items(((f"{origin}[{i}]", item) for i, item in enumerate(obj)), errors, limit, parse=False)
    return [post_from_object(obj, origin, limit)]


def _items(items, errors: list[SourceError] | None, limit: int, parse: bool) -> list[Post]:
    """The posts of (origin, item) pairs, items decoded or (parse) JSON text; a bad one is raised or put in errors."""
    posts = []
    for origin, item in items:
        try:
            posts.append(post_from_object(loads(item, origin) if parse else item, origin, limit))
        except SourceError as exc:
            if errors is None:
                raise
            errors.append(exc)
    return posts


def _posts_from_jsonl(text: str, source: str, errors: list[SourceError], limit: int) -> list[Post]:
    # split at line feeds only: a JSON string may hold U+2028, U+0085 and the like, which splitlines() cuts at
    lines = [(f"{source}:{n}", line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    if not lines:
        raise SourceError(source, "holds no posts")
    return _items(lines, errors, limit, parse=True)


def _read_url(source: str, errors: list[SourceError], limit: int) -> list[Post]:
    """The posts of every page of a URL; when page N fails, pages 1..N-1 are kept and N is reported."""
    from .fetch import fetch_wordpress

    posts: list[Post] = []
    try:
        for post in fetch_wordpress(source, errors=errors, max_post_bytes=limit):
            posts.append(post)
    except SourceError as exc:
        if not posts:
            raise
        errors.append(SourceError(exc.source, f"{exc.reason} (the {len(posts)} posts of the pages before it are kept)"))
    return posts


def _rendered(value: object) -> str:
    if isinstance(value, dict):
        value = value.get("rendered", "")
    return value if isinstance(value, str) else ""


def title_text(title_html: str) -> str:
    """The text of a rendered title: entities decoded, markup dropped (parsed only when it has tags)."""
    if "<" not in title_html:
        return unescape(title_html.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return dom.parse(title_html).get_text(" ", strip=True)


def _field(value: object) -> str:
    """A plain text field (date, modified): a string or number as text, anything else empty."""
    return sanitize(value.strip()) if isinstance(value, str) else ""


def post_iri(link: object, origin: str) -> str | None:
    """The IRI a post's link names, with what an IRI cannot hold percent-encoded; None when not absolute."""
    if not isinstance(link, str) or not link.strip():
        return None
    link = sanitize(link.strip())
    for candidate in (link, quote(link, safe=_IRI_SAFE)):
        try:
            return ox.NamedNode(candidate).value
        except ValueError:
            continue
    return None


def post_from_object(obj: object, origin: str, limit: int = MAX_POST_BYTES) -> Post:
    """A Post from one WordPress REST API post object; its IRI is its link, else urn:wp-post:ID."""
    if not isinstance(obj, dict):
        raise SourceError(origin, f"is JSON but not a post object (found {_json_type(obj)})")
    if "content" not in obj or "id" not in obj:
        missing = [k for k in ("id", "content") if k not in obj]
        raise SourceError(origin, f"is JSON but not a WordPress post (no {', '.join(missing)})")
    raw_id = obj["id"]
    if isinstance(raw_id, (int, float)) and not isinstance(raw_id, bool):
        try:
            raw_id = str(raw_id)
        except ValueError:   # an int beyond Python's digit limit for text
            raise SourceError(origin, "post id is a number too long to be an id") from None
    if not isinstance(raw_id, str):
        raise SourceError(origin, f"post id is {_json_type(raw_id)}, not a number or a string")
    post_id = sanitize(raw_id.strip())
    if not post_id:
        raise SourceError(origin, "post id is empty")
    html = sanitize(_rendered(obj.get("content")))
    if not html.strip():
        raise SourceError(origin, "post has no content")
    size = len(html) if len(html) * 4 <= limit else len(html.encode("utf-8"))
    if size > limit:
        raise SourceError(origin, f"post {_short(post_id)}: " + _too_large(size, limit))
    title = sanitize(title_text(sanitize(_rendered(obj.get("title")))))
    link = obj.get("link") or _rendered(obj.get("guid"))
    source = post_iri(link, origin)
    if source is None:
        if link:
            log.warning("%s: link %s is not an absolute IRI; the post is named by its id instead",
                        printable(origin), printable(_short(str(link))))
        source = "urn:wp-post:" + quote(post_id, safe="")
    return Post(id=post_id, source=source, title=title or f"Post {_short(post_id)}", html=html,
                date=_field(obj.get("date")), modified=_field(obj.get("modified") or obj.get("date")),
                origin=origin)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", bool: "a boolean", type(None): "null", str: "a string"}
    return names.get(type(value), type(value).__name__)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def post_from_html(html: str, uri: str, origin: str = "") -> Post:
    """A Post from a plain HTML page: title from <title>/<h1>, IRI from rel=canonical."""
    soup = dom.parse(sanitize(html))
    canonical = next((link for link in soup.find_all("link") if "canonical" in (link.get("rel") or "").split()), None)
    href = canonical.get("href") if canonical is not None else None
    source = post_iri(href, origin) or uri
    h1, head = soup.find("h1"), soup.find("title")
    title = (head.get_text(" ", strip=True) if head else "") or (h1.get_text(" ", strip=True) if h1 else "")
    for tag in soup.find_all(["script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
        tag.extract()
    main = soup.find("article") or soup.find("main") or soup.body or soup
    body = dom.to_html(main)
    if not main.get_text(strip=True):
        raise SourceError(origin or uri, "HTML page has no text")
    modified = ""
    meta = next((m for m in soup.find_all("meta") if m.get("property") == "article:modified_time"), None)
    if meta is not None:
        modified = _field(meta.get("content", ""))
    return Post(id=source, source=source, title=sanitize(title) or Path(urlparse(uri).path).stem, html=body,
                modified=modified, origin=origin or uri)


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))
