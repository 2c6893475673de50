"""The front of `kg serve` before the Oxigraph server: a query page, the project's prefixes, no SERVICE.

Every request is passed on to the read-only Oxigraph server, its answer streamed back as it comes. A
SPARQL query gets the project's PREFIX declarations it does not make itself, so the README's queries run
as they are, on the page or at /query; a federated query (SERVICE) is refused (HTTP 403) unless
allowed, since it would make the server send requests to any URL a client names. The page shows
results through textContent only.
"""
from __future__ import annotations

import http.client
import logging
import socket
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit

from .constants import PREFIX_IRIS
from .query import declared_prefixes, uses_service

log = logging.getLogger(__name__)
MAX_BODY = 10 * 1024 * 1024   # a query or form larger than this is refused
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
              "content-length", "host"}
REFUSED = (b"SERVICE (a federated query) is refused by this endpoint: it would make the server send requests "
           b"to the URL it names. Start it with kg serve --allow-service to allow it.\n")


def with_prefixes(sparql: str) -> str:
    """The query with a PREFIX line for each project prefix it does not declare."""
    declared = declared_prefixes(sparql)
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIX_IRIS.items() if p not in declared]
    return "\n".join(lines + [sparql])


def _page() -> bytes:
    prefixes = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIX_IRIS.items())
    example = "SELECT ?step ?label WHERE {\n  ?step kg:partOf concept:metastatic_cascade ; rdfs:label ?label .\n}"
    return _PAGE.replace("__PREFIXES__", _html(prefixes)).replace("__EXAMPLE__", _html(example)).encode("utf-8")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _rewrite(params: str, prefix: bool, texts: list[str]) -> str:
    """URL-encoded parameters with the project's prefixes added to a query; every query or update text is
    added to texts (to be checked for SERVICE)."""
    pairs = parse_qsl(params, keep_blank_values=True)
    texts += [v for k, v in pairs if k in ("query", "update")]
    return urlencode([(k, with_prefixes(v) if prefix and k == "query" else v) for k, v in pairs])


def read_request(path: str, content_type: str, body: bytes) -> tuple[str, bytes, list[str]]:
    """The path and body to pass on (a query at /query with the project's prefixes added) and every query
    or update text the request carries: in the URL, a form, or the body itself."""
    parts, texts = urlsplit(path), []
    prefix = parts.path == "/query"
    query = _rewrite(parts.query, prefix, texts) if parts.query else ""
    media = content_type.split(";")[0].strip().lower()
    text = body.decode("utf-8", "replace")
    if media == "application/x-www-form-urlencoded":
        body = _rewrite(text, prefix, texts).encode("utf-8")
    elif body:
        texts.append(text)   # application/sparql-query, sparql-update, or anything the server might read
        if prefix and media == "application/sparql-query":
            body = with_prefixes(text).encode("utf-8")
    return parts.path + (f"?{query}" if query else ""), body, texts


class _Front(BaseHTTPRequestHandler):
    backend: tuple[str, int] = ("127.0.0.1", 0)
    allow_service = False
    server_version = "kg-serve"

    def log_message(self, format, *args):   # noqa: A002 (the stdlib's name)
        log.debug("%s " + format, self.address_string(), *args)

    def _forward(self) -> None:
        if self.command == "GET" and urlsplit(self.path).path in ("/", "/index.html"):
            self._answer(200, _page(), "text/html; charset=utf-8")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._answer(413, b"request too large\n")
            return
        body = self.rfile.read(length) if length else b""
        path, body, texts = read_request(self.path, self.headers.get("Content-Type", ""), body)
        if not self.allow_service and any(uses_service(q) for q in texts):
            self._answer(403, REFUSED)
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        connection = http.client.HTTPConnection(*self.backend)
        try:
            connection.request(self.command, path, body=body or None, headers=headers)
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

    def _answer(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = _forward


def front_server(host: str, port: int, backend: tuple[str, int], allow_service: bool = False) -> ThreadingHTTPServer:
    """The front server bound to host:port (raises OSError when the port is taken), passing requests on to
    the Oxigraph server at backend; serve_forever() runs it."""
    handler = type("Front", (_Front,), {"backend": backend, "allow_service": allow_service})
    server_class = type("Server", (ThreadingHTTPServer,), {
        "address_family": socket.AF_INET6 if ":" in host else socket.AF_INET, "daemon_threads": True})
    return server_class((host, port), handler)


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kg: SPARQL query</title>
<style>body { font-family: system-ui, sans-serif; margin: 16px; } textarea { width: 100%; font-family: monospace; }
table { border-collapse: collapse; margin-top: 8px; } td, th { border: 1px solid #ccc; padding: 2px 6px; text-align: left; }
details pre { background: #f6f6f6; padding: 6px; } #status { color: #a00; }</style></head>
<body><h1>Cancer-spread knowledge graph: SPARQL</h1>
<p>The project's prefixes are declared for you (kg:, concept:, rdfs:, skos:, oa:, ...): paste a query from the README.</p>
<details><summary>Known prefixes</summary><pre id="prefixes">__PREFIXES__</pre></details>
<form id="form"><textarea id="query" rows="12" aria-label="SPARQL query">__EXAMPLE__</textarea>
<button type="submit">Run</button> <span id="status"></span></form>
<div id="results"></div>
<script>
document.getElementById("form").addEventListener("submit", function (ev) {
  ev.preventDefault();
  var status = document.getElementById("status"), out = document.getElementById("results");
  status.textContent = "running..."; out.textContent = "";
  fetch("/query", { method: "POST", body: document.getElementById("query").value,
                    headers: { "Content-Type": "application/sparql-query",
                               "Accept": "application/sparql-results+json, text/turtle;q=0.9" } })
    .then(function (r) { return r.text().then(function (t) { return [r, t]; }); })
    .then(function (rt) {
      var r = rt[0], text = rt[1];
      if (!r.ok) { status.textContent = "error " + r.status + ": " + text; return; }
      status.textContent = "";
      if ((r.headers.get("Content-Type") || "").indexOf("json") < 0) {
        var pre = document.createElement("pre"); pre.textContent = text; out.appendChild(pre); return;
      }
      var data = JSON.parse(text);
      if (data.boolean !== undefined) { out.textContent = data.boolean ? "yes" : "no"; return; }
      var table = document.createElement("table"), head = table.insertRow();
      data.head.vars.forEach(function (v) { var th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
      data.results.bindings.forEach(function (b) {
        var row = table.insertRow();
        data.head.vars.forEach(function (v) { row.insertCell().textContent = b[v] ? b[v].value : ""; });
      });
      out.appendChild(table);
      var n = document.createElement("p"); n.textContent = data.results.bindings.length + " rows"; out.appendChild(n);
    })
    .catch(function (e) { status.textContent = String(e); });
});
</script></body></html>
"""
