"""A thin HTTP front for the Oxigraph server that refuses federated queries (SERVICE) and passes all else on."""
from __future__ import annotations

import http.client
import logging
import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .query import uses_service

log = logging.getLogger(__name__)
MAX_BODY = 10 * 1024 * 1024   # a query or form larger than this is refused
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
              "content-length", "host"}
REFUSED = (b"SERVICE (a federated query) is refused by this endpoint: it would make the server send requests "
           b"to the URL it names. Start it with kg serve --allow-service to allow it.\n")


def _queries(path: str, content_type: str, body: bytes) -> list[str]:
    """Every query or update text a request carries: in the URL, a form, or the body itself."""
    texts = [v for key in ("query", "update") for v in parse_qs(urlsplit(path).query).get(key, [])]
    media = content_type.split(";")[0].strip().lower()
    text = body.decode("utf-8", "replace")
    if media == "application/x-www-form-urlencoded":
        texts += [v for key in ("query", "update") for v in parse_qs(text).get(key, [])]
    elif body:
        texts.append(text)   # application/sparql-query, sparql-update, or anything the server might read
    return texts


class _Guard(BaseHTTPRequestHandler):
    backend: tuple[str, int] = ("127.0.0.1", 0)
    server_version = "kg-serve"

    def log_message(self, format, *args):   # noqa: A002 (the stdlib's name)
        log.debug("%s " + format, self.address_string(), *args)

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._answer(413, b"request too large\n")
            return
        body = self.rfile.read(length) if length else b""
        if any(uses_service(q) for q in _queries(self.path, self.headers.get("Content-Type", ""), body)):
            self._answer(403, REFUSED)
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        connection = http.client.HTTPConnection(*self.backend)
        try:
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
            self.send_response(response.status, response.reason)
            for key, value in response.getheaders():
                if key.lower() not in HOP_BY_HOP:
                    self.send_header(key, value)
            self.send_header("Connection", "close")
            self.end_headers()
            while self.command != "HEAD":
                chunk = response.read1(65536)
                if not chunk:
                    break
                self.wfile.write(chunk)
        except (OSError, http.client.HTTPException) as exc:   # the client left, or the server is stopping
            log.debug("request not completed: %s", exc)
        finally:
            connection.close()

    def _answer(self, status: int, text: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = _forward


def guard_server(host: str, port: int, backend: tuple[str, int]) -> ThreadingHTTPServer:
    """The front server bound to host:port (raises OSError when the port is taken); serve_forever() runs it."""
    handler = type("Guard", (_Guard,), {"backend": backend})
    server_class = type("Server", (ThreadingHTTPServer,), {
        "address_family": socket.AF_INET6 if ":" in host else socket.AF_INET, "daemon_threads": True})
    return server_class((host, port), handler)
