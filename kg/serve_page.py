"""The front of `kg serve`: a query page that knows the project's prefixes, before the Oxigraph server.

Every request is passed on to the read-only Oxigraph server; a SPARQL query gets the project's PREFIX
declarations it does not make itself, so the README's queries run as they are, on the page or at
/query. The page shows results through textContent only.
"""
from __future__ import annotations

import http.server
import re
import urllib.error
import urllib.parse
import urllib.request

from .constants import PREFIX_IRIS

_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_PASSED_HEADERS = ("Accept", "Content-Type")


def with_prefixes(sparql: str) -> str:
    """The query with a PREFIX line for each project prefix it does not declare."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(sparql)}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIX_IRIS.items() if p not in declared]
    return "\n".join(lines + [sparql])


def _page() -> bytes:
    prefixes = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIX_IRIS.items())
    example = "SELECT ?step ?label WHERE {\n  ?step kg:partOf concept:metastatic_cascade ; rdfs:label ?label .\n}"
    return _PAGE.replace("__PREFIXES__", _html(prefixes)).replace("__EXAMPLE__", _html(example)).encode("utf-8")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def handler(backend: str):
    """A request handler passing requests on to the Oxigraph server at backend (http://host:port)."""

    class Front(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            if urllib.parse.urlsplit(self.path).path in ("/", "/index.html"):
                self._send(200, {"Content-Type": "text/html; charset=utf-8"}, _page())
                return
            self._forward(None)

        def do_POST(self):
            self._forward(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

        def _forward(self, body: bytes | None):
            parts = urllib.parse.urlsplit(self.path)
            query = parts.query
            if parts.path == "/query":
                params = urllib.parse.parse_qsl(query, keep_blank_values=True)
                query = urllib.parse.urlencode([(k, with_prefixes(v) if k == "query" else v) for k, v in params])
                kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
                if body is not None and kind == "application/sparql-query":
                    body = with_prefixes(body.decode("utf-8")).encode("utf-8")
                elif body is not None and kind == "application/x-www-form-urlencoded":
                    form = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True)
                    body = urllib.parse.urlencode([(k, with_prefixes(v) if k == "query" else v) for k, v in form]).encode()
            url = backend + parts.path + (f"?{query}" if query else "")
            headers = {h: self.headers[h] for h in _PASSED_HEADERS if self.headers.get(h)}
            request = urllib.request.Request(url, data=body, method=self.command, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=300) as answer:
                    self._send(answer.status, {"Content-Type": answer.headers.get("Content-Type", "")}, answer.read())
            except urllib.error.HTTPError as exc:
                self._send(exc.code, {"Content-Type": exc.headers.get("Content-Type", "text/plain")}, exc.read())
            except OSError as exc:
                self._send(502, {"Content-Type": "text/plain"}, f"the SPARQL server did not answer ({exc})".encode())

        def _send(self, status: int, headers: dict[str, str], body: bytes):
            self.send_response(status)
            for name, value in headers.items():
                if value:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Front


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
