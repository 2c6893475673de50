"""The interactive HTML view: pyvis with vis-network inlined, no network access, search and filters."""
from __future__ import annotations

import json
import math
import re

from .errors import KGError

CATEGORY_STYLE = {
    "SpreadPattern": ("#d62728", "dot"),
    "Neoplasm": ("#8c564b", "diamond"),
    "BiologicalProcess": ("#2ca02c", "triangle"),
    "SpreadRoute": ("#ff7f0e", "triangleDown"),
    "AnatomicalSite": ("#1f77b4", "square"),
    "Procedure": ("#9467bd", "star"),
    "DetectionMethod": ("#e377c2", "star"),
    "Staging": ("#bcbd22", "hexagon"),
    "Therapy": ("#17becf", "dot"),
    "ClinicalActivity": ("#7f7f7f", "square"),
    "ClinicalFinding": ("#aec7e8", "diamond"),
    "DiscoveredConcept": ("#c7c7c7", "dot"),
}
LAYOUT_THRESHOLD = 400   # above this many nodes the page starts from precomputed positions, physics off
_EXTERNAL = re.compile(r"<(link|script)\b[^>]*\b(href|src)\s*=\s*[\"']https?://[^>]*>(\s*</script>)?", re.I | re.S)
_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.I)


def resolve(g, name: str) -> str:
    """A node of the graph from its key, label or a synonym (case-insensitive)."""
    if name in g:
        return name
    wanted = name.strip().lower()
    for key, data in g.nodes(data=True):
        names = [data.get("label", "")] + [s for s in str(data.get("synonyms", "")).split("; ") if s]
        if wanted in (n.lower() for n in names):
            return key
    raise KGError(f"no concept named {name!r} in the graph")


def select(g, focus: str | None = None, depth: int = 1, relations: list[str] | None = None,
           categories: list[str] | None = None, include_negated: bool = False):
    """The part of the graph to show: filtered edges, and nodes near the focus (all nodes otherwise)."""
    import networkx as nx

    shown = nx.MultiDiGraph()
    nodes = [n for n, d in g.nodes(data=True) if not categories or d.get("category") in categories]
    shown.add_nodes_from((n, g.nodes[n]) for n in nodes)
    for u, v, k, d in g.edges(keys=True, data=True):
        if u not in shown or v not in shown:
            continue
        if relations and d.get("relation") not in relations:
            continue
        if d.get("polarity") == "negative" and not include_negated:
            continue
        shown.add_edge(u, v, key=k, **d)
    if focus is not None:
        center = resolve(g, focus)
        if center not in shown:
            raise KGError(f"{focus!r} is filtered out by --category")
        near = nx.single_source_shortest_path_length(shown.to_undirected(as_view=True), center, cutoff=depth)
        shown = shown.subgraph(sorted(near)).copy()
    return shown


def _node_title(key: str, d: dict) -> str:
    lines = [d.get("label", key), f"Category: {d.get('category', '')}"]
    if d.get("synonyms"):
        lines.append(f"Synonyms: {d['synonyms']}")
    if d.get("definition"):
        lines.append(f"Definition: {d['definition']}")
    if d.get("xrefs"):
        lines.append(f"Codes: {d['xrefs']}")
    if str(d.get("discovered")).lower() == "true":
        lines.append("Discovered in the posts (not in the lexicon)")
    return "\n".join(lines)


def _edge_title(g, u: str, v: str, d: dict) -> str:
    hedged = str(d.get("hedged")).lower() == "true"
    lines = [f"{g.nodes[u].get('label', u)} — {d.get('relation', '').replace('_', ' ')} → {g.nodes[v].get('label', v)}",
             f"polarity: {d.get('polarity')}   hedged: {'yes' if hedged else 'no'}   "
             f"evidence sentences: {d.get('evidence_count')}"]
    if d.get("evidence"):
        lines.append(str(d["evidence"]))
    return "\n".join(lines)


def render_html(g, title: str = "Cancer-spread knowledge graph", **selection) -> str:
    """One self-contained HTML page showing the (selected part of the) graph."""
    from pyvis.network import Network

    shown = select(g, **selection)
    degree = dict(shown.degree())
    big = shown.number_of_nodes() > LAYOUT_THRESHOLD
    positions = {}
    if big:
        import networkx as nx
        positions = nx.spring_layout(nx.Graph(shown), seed=7, iterations=50, scale=60 * math.sqrt(len(shown)))
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    for key in sorted(shown.nodes):
        d = shown.nodes[key]
        color, shape = CATEGORY_STYLE.get(d.get("category"), ("#999999", "dot"))
        extra = {}
        if big:
            x, y = positions[key]
            extra = {"x": float(round(x, 2)), "y": float(round(y, 2)), "physics": False}
        net.add_node(key, label=str(d.get("label", key)), title=_node_title(key, d), color=color, shape=shape,
                     size=10 + 4 * math.sqrt(degree.get(key, 0)),
                     synonyms=str(d.get("synonyms", "")), category=d.get("category", ""), **extra)
    for u, v, k, d in sorted(shown.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        negative = d.get("polarity") == "negative"
        hedged = str(d.get("hedged")).lower() == "true"
        count = int(d.get("evidence_count") or 1)
        net.add_edge(u, v, label=("not " if negative else "") + str(d.get("relation", "")).replace("_", " "),
                     title=_edge_title(shown, u, v, d), arrows="to", dashes=hedged,
                     color="#d62728" if negative else "#888888", width=1 + 1.5 * math.log2(count),
                     relation=d.get("relation", ""), polarity=d.get("polarity", ""), id=f"{u}|{k}|{v}")
    net.set_options(json.dumps({
        "physics": {"enabled": not big, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                    "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50}},
        "edges": {"font": {"size": 10, "align": "middle"}, "smooth": {"type": "dynamic"}},
        "nodes": {"font": {"size": 14}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    }))
    html = net.generate_html()
    html = _EXTERNAL.sub("", html)          # pyvis' template also pulls Bootstrap from CDNs
    html = _HEADING.sub("", html)
    html = re.sub(r"<!--\s*<link.*?-->", "", html, flags=re.S)   # a commented-out local stylesheet
    html = html.replace("<html>", '<!DOCTYPE html>\n<html lang="en">', 1)
    html = html.replace("<head>", f"<head>\n<title>{_escape(title)}</title>", 1)
    html = html.replace("</head>", f"<style>{_STYLE}</style>\n</head>", 1)
    html = html.replace("<body>", "<body>\n" + _CONTROLS, 1)
    styles = {c: {"color": col, "shape": shape} for c, (col, shape) in CATEGORY_STYLE.items()}
    script = _SCRIPT.replace("__STYLES__", json.dumps(styles, sort_keys=True)).replace(
        "__BIG__", "true" if big else "false")
    html = html.replace("</body>", f"<script>{script}</script>\n</body>", 1)
    if re.search(r"(src|href)\s*=\s*[\"']https?://", html):
        raise KGError("the HTML view would fetch a remote resource")
    return html


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_STYLE = """
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
#kg-panel { position: absolute; top: 8px; left: 8px; z-index: 10; background: rgba(255,255,255,.94);
  border: 1px solid #ccc; border-radius: 6px; padding: 8px 10px; max-width: 280px; font-size: 13px;
  max-height: 95%; overflow: auto; }
#kg-panel h2 { font-size: 15px; margin: 0 0 6px; }
#kg-panel fieldset { border: 1px solid #ddd; margin: 6px 0; padding: 4px 6px; }
#kg-panel label { display: block; white-space: nowrap; }
.kg-swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; }
#kg-search-status { color: #a00; min-height: 1em; }
.card { height: 100%; border: 0; } #mynetwork { height: 100vh !important; border: 0 !important; }
div.vis-tooltip { white-space: pre-wrap; max-width: 480px; }
"""

_CONTROLS = """<div id="kg-panel">
<h2>Cancer-spread knowledge graph</h2>
<form id="kg-search-form"><input id="kg-search" type="search" placeholder="Find a concept or synonym" aria-label="Find a concept">
<button type="submit">Find</button></form>
<div id="kg-search-status"></div>
<fieldset id="kg-categories"><legend>Categories (legend)</legend></fieldset>
<fieldset id="kg-relations"><legend>Relations</legend></fieldset>
<div>Dashed: hedged. Red: negated. Thicker: more evidence.</div>
</div>
"""

# Runs after pyvis' own script has created `network`, `nodes` and `edges`. Text goes in through
# textContent only, so nothing from a post is ever parsed as HTML.
_SCRIPT = r"""
(function () {
  var STYLES = __STYLES__;
  window.kgStabilized = __BIG__;
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    window.kgStabilized = true;
  });
  if (window.kgStabilized) { network.setOptions({ physics: { enabled: false } }); }
  else if (nodes.length < 50) { network.stabilize(); }   // a few nodes settle before this runs: settle again
  var hiddenCategories = {}, hiddenRelations = {};
  function applyFilters() {
    nodes.update(nodes.get().map(function (n) { return { id: n.id, hidden: !!hiddenCategories[n.category] }; }));
    edges.update(edges.get().map(function (e) { return { id: e.id, hidden: !!hiddenRelations[e.relation] }; }));
  }
  function addBox(container, name, hidden, swatch) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset.name = name;
    box.addEventListener("change", function () { hidden[name] = !box.checked; applyFilters(); });
    label.appendChild(box);
    if (swatch) { var s = document.createElement("span"); s.className = "kg-swatch"; s.style.background = swatch; label.appendChild(s); }
    label.appendChild(document.createTextNode(name.replace(/_/g, " ")));
    container.appendChild(label);
  }
  var cats = {}, rels = {};
  nodes.get().forEach(function (n) { cats[n.category] = true; });
  edges.get().forEach(function (e) { rels[e.relation] = true; });
  Object.keys(cats).sort().forEach(function (c) {
    addBox(document.getElementById("kg-categories"), c, hiddenCategories, (STYLES[c] || {}).color || "#999");
  });
  Object.keys(rels).sort().forEach(function (r) { addBox(document.getElementById("kg-relations"), r, hiddenRelations); });
  var original = {};
  nodes.get().forEach(function (n) { original[n.id] = n.color; });
  function highlight(id) {
    var near = {}; near[id] = true;
    if (id !== null) { network.getConnectedNodes(id).forEach(function (n) { near[n] = true; }); }
    nodes.update(nodes.get().map(function (n) {
      return { id: n.id, color: (id === null || near[n.id]) ? original[n.id] : "rgba(200,200,200,0.4)" };
    }));
  }
  network.on("click", function (params) { highlight(params.nodes.length ? params.nodes[0] : null); });
  window.kgSearch = function (term) {
    var t = String(term || "").trim().toLowerCase(), found = null;
    if (!t) { return null; }
    nodes.get().forEach(function (n) {
      if (found) { return; }
      var names = [n.label].concat(String(n.synonyms || "").split("; "));
      if (names.some(function (x) { return x && x.toLowerCase() === t; })) { found = n.id; }
    });
    if (!found) {
      nodes.get().forEach(function (n) {
        if (!found && String(n.label).toLowerCase().indexOf(t) >= 0) { found = n.id; }
      });
    }
    var status = document.getElementById("kg-search-status");
    if (!found) { status.textContent = "No concept matches “" + term + "”."; return null; }
    status.textContent = "";
    network.selectNodes([found]);
    network.focus(found, { scale: 1.2, animation: false });
    highlight(found);
    return found;
  };
  document.getElementById("kg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault(); window.kgSearch(document.getElementById("kg-search").value);
  });
})();
"""
