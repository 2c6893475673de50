"""Read sources (post JSON, JSON arrays, JSON Lines, HTML pages, folders, WordPress URLs) into Posts."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse, urlunparse

from .constants import HTTP_MAX_BYTES, HTTP_PER_PAGE, HTTP_TIMEOUT_S
from .errors import SourceError
from .model import Post

log = logging.getLogger(__name__)

FILE_SUFFIXES = (".json", ".jsonl", ".html", ".htm")


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


def read_source(source: str) -> list[Post]:
    """All posts of one file or URL; raise SourceError naming the source and the reason."""
    if _is_url(source):
        return list(fetch_wordpress(source))
    path = Path(source)
    if not path.exists():
        raise SourceError(source, "no such file or directory")
    if path.is_dir():
        raise SourceError(source, "is a directory (expand it with expand_sources)")
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
    suffix = path.suffix.lower()
    uri = path.resolve().as_uri()
    if suffix in (".html", ".htm") or (suffix not in (".json", ".jsonl") and text.lstrip().startswith("<")):
        return [post_from_html(text, uri, origin=source)]
    if suffix == ".jsonl":
        return _posts_from_jsonl(text, source)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(source, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    return posts_from_json(obj, source)


def posts_from_json(obj: object, origin: str) -> list[Post]:
    """Posts from a decoded JSON value: one post object or an array of them."""
    if isinstance(obj, list):
        if not obj:
            raise SourceError(origin, "is an empty JSON array: no posts")
        return [post_from_object(item, f"{origin}[{i}]") for i, item in enumerate(obj)]
    return [post_from_object(obj, origin)]


def _posts_from_jsonl(text: str, source: str) -> list[Post]:
    posts = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{source}:{lineno}", f"malformed JSON: {exc.msg}") from None
        posts.append(post_from_object(obj, f"{source}:{lineno}"))
    if not posts:
        raise SourceError(source, "holds no posts")
    return posts


def _rendered(value: object) -> str:
    if isinstance(value, dict):
        value = value.get("rendered", "")
    return value if isinstance(value, str) else ""


def title_text(title_html: str) -> str:
    """The text of a rendered title: entities decoded, markup dropped (parsed only when it has tags)."""
    if "<" not in title_html:
        return unescape(title_html.replace("\r\n", "\n").replace("\r", "\n")).strip()
    from bs4 import BeautifulSoup
    return BeautifulSoup(title_html, "lxml").get_text(" ", strip=True)


def post_from_object(obj: object, origin: str) -> Post:
    """A Post from one WordPress REST API post object."""
    if not isinstance(obj, dict):
        raise SourceError(origin, f"is JSON but not a post object (found {type(obj).__name__})")
    if "content" not in obj or "id" not in obj:
        missing = [k for k in ("id", "content") if k not in obj]
        raise SourceError(origin, f"is JSON but not a WordPress post (no {', '.join(missing)})")
    html = _rendered(obj.get("content"))
    if not html.strip():
        raise SourceError(origin, "post has no content")
    title = title_text(_rendered(obj.get("title")))
    link = obj.get("link") or _rendered(obj.get("guid")) or f"urn:wp-post:{obj['id']}"
    return Post(id=str(obj["id"]), source=str(link), title=title or f"Post {obj['id']}", html=html,
                date=str(obj.get("date") or ""), modified=str(obj.get("modified") or obj.get("date") or ""),
                origin=origin)


def post_from_html(html: str, uri: str, origin: str = "") -> Post:
    """A Post from a plain HTML page: title from <title>/<h1>, IRI from rel=canonical."""
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(html, "lxml")
    canonical = soup.find("link", rel="canonical")
    source = canonical.get("href") if canonical is not None and canonical.get("href") else uri
    h1 = soup.find("h1")
    title = (soup.title.get_text(" ", strip=True) if soup.title else "") or (h1.get_text(" ", strip=True) if h1 else "")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    main = soup.find("article") or soup.find("main") or soup.body or soup
    body = str(main)
    if not main.get_text(strip=True):
        raise SourceError(origin or uri, "HTML page has no text")
    modified = ""
    meta = soup.find("meta", attrs={"property": "article:modified_time"})
    if meta is not None:
        modified = meta.get("content", "")
    return Post(id=source, source=source, title=title or Path(urlparse(uri).path).stem, html=body,
                modified=modified, origin=origin or uri)


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch_wordpress(url: str, timeout: float = HTTP_TIMEOUT_S, max_bytes: int = HTTP_MAX_BYTES) -> Iterator[Post]:
    """Posts from a /wp-json/wp/v2/posts URL, page by page, with timeouts and a size limit."""
    import urllib.error
    import urllib.request

    parts = urlparse(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    query.setdefault("per_page", str(HTTP_PER_PAGE))
    page = int(query.get("page", "1"))
    total_pages = None
    received = 0
    while True:
        query["page"] = str(page)
        page_url = urlunparse(parts._replace(query=urlencode(sorted(query.items()))))
        request = urllib.request.Request(page_url, headers={"Accept": "application/json", "User-Agent": "kg"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body = response.read(max_bytes - received + 1)
                total_header = response.headers.get("X-WP-TotalPages")
        except urllib.error.HTTPError as exc:
            if exc.code == 400 and total_pages is None and page > 1:
                return
            raise SourceError(url, f"HTTP {exc.code} {exc.reason} for page {page}") from None
        except urllib.error.URLError as exc:
            raise SourceError(url, f"cannot be reached ({exc.reason})") from None
        except TimeoutError:
            raise SourceError(url, f"timed out after {timeout:g} s") from None
        except OSError as exc:
            raise SourceError(url, f"cannot be read ({exc})") from None
        received += len(body)
        if received > max_bytes:
            raise SourceError(url, f"response exceeds the size limit of {max_bytes} bytes")
        try:
            obj = json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise SourceError(url, f"page {page} is not JSON") from None
        items = obj if isinstance(obj, list) else [obj]
        for i, item in enumerate(items):
            yield post_from_object(item, f"{page_url}#{i}")
        if total_header is not None:
            try:
                total_pages = int(total_header)
            except ValueError:
                total_pages = page
        if not isinstance(obj, list) or not items or total_pages is None or page >= total_pages:
            return
        page += 1
