"""The view's page parts: the category shapes (SVG), the style, the side panel and the script."""
from __future__ import annotations

import base64

# One shape per category (no two share one), drawn in a 100x100 box; the legend shows the same images.
_POLYGONS = {
    "circle": '<circle cx="50" cy="50" r="44"/>',
    "ring": '<circle cx="50" cy="50" r="36" fill="#fff" stroke-width="16"/>',
    "square": '<rect x="10" y="10" width="80" height="80"/>',
    "diamond": '<polygon points="50,4 96,50 50,96 4,50"/>',
    "triangle": '<polygon points="50,6 95,90 5,90"/>',
    "triangle-down": '<polygon points="5,10 95,10 50,94"/>',
    "star": '<polygon points="50,4 61,38 97,38 68,59 79,94 50,73 21,94 32,59 3,38 39,38"/>',
    "hexagon": '<polygon points="27,8 73,8 96,50 73,92 27,92 4,50"/>',
    "pentagon": '<polygon points="50,4 96,38 78,94 22,94 4,38"/>',
    "plus": '<polygon points="36,4 64,4 64,36 96,36 96,64 64,64 64,96 36,96 36,64 4,64 4,36 36,36"/>',
    "cross": '<polygon points="20,4 50,34 80,4 96,20 66,50 96,80 80,96 50,66 20,96 4,80 34,50 4,20"/>',
    "hourglass": '<polygon points="8,6 92,6 56,50 92,94 8,94 44,50"/>',
}
CATEGORY_STYLE = {   # category -> (colour, shape)
    "SpreadPattern": ("#d62728", "circle"),
    "Neoplasm": ("#8c564b", "diamond"),
    "BiologicalProcess": ("#2ca02c", "triangle"),
    "SpreadRoute": ("#ff7f0e", "triangle-down"),
    "AnatomicalSite": ("#1f77b4", "square"),
    "Procedure": ("#9467bd", "star"),
    "DetectionMethod": ("#e377c2", "plus"),
    "Staging": ("#bcbd22", "hexagon"),
    "Therapy": ("#17becf", "pentagon"),
    "ClinicalActivity": ("#7f7f7f", "hourglass"),
    "ClinicalFinding": ("#393b79", "cross"),
    "DiscoveredConcept": ("#a0a0a0", "ring"),
}
OTHER_STYLE = ("#999999", "circle")


def shape_image(color: str, shape: str) -> str:
    """A data: URI of the shape's SVG in the colour (works offline, never fetched)."""
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><g fill="{color}" stroke="#333" '
           f'stroke-width="4">{_POLYGONS[shape]}</g></svg>')
    fixed = svg.replace('fill="#fff" stroke-width="16"', f'fill="none" stroke="{color}" stroke-width="16"')
    return "data:image/svg+xml;base64," + base64.b64encode(fixed.encode("ascii")).decode("ascii")


STYLE = """
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
body { display: flex; flex-direction: row; overflow: hidden; }
#kg-panel { flex: 0 0 290px; box-sizing: border-box; height: 100vh; overflow: auto; background: #fafafa;
  border-right: 1px solid #ccc; padding: 8px 10px; font-size: 13px; }
#kg-panel h2 { font-size: 15px; margin: 0 0 6px; }
#kg-panel fieldset { border: 1px solid #ddd; margin: 6px 0; padding: 4px 6px; }
#kg-panel label { display: block; white-space: nowrap; }
#kg-panel label img { width: 13px; height: 13px; vertical-align: -2px; margin-right: 4px; }
#kg-search-status { color: #a00; min-height: 1em; }
#kg-details { border: 1px solid #ddd; background: #fff; padding: 6px; margin: 6px 0; min-height: 2em; }
#kg-details h3 { font-size: 14px; margin: 0 0 4px; } #kg-details p { margin: 3px 0; }
#kg-details ul { margin: 3px 0; padding-left: 16px; }
.card { flex: 1 1 auto; height: 100vh; border: 0; min-width: 0; }
#mynetwork { height: 100vh !important; width: 100% !important; border: 0 !important; }
div.vis-tooltip { white-space: pre-wrap; max-width: 480px; }
"""

CONTROLS = """<div id="kg-panel">
<h2>Cancer-spread knowledge graph</h2>
<form id="kg-search-form"><input id="kg-search" type="search" placeholder="Find a concept or synonym" aria-label="Find a concept">
<button type="submit">Find</button> <button type="button" id="kg-fit" title="Show the whole graph">Fit</button></form>
<div id="kg-search-status"></div>
<div id="kg-details" aria-live="polite">Click a concept or a relation for its details.</div>
<fieldset id="kg-categories"><legend>Categories (shape and colour)</legend></fieldset>
<fieldset id="kg-relations"><legend>Relations</legend></fieldset>
<div>Dashed: hedged. Red: negated. Thicker: more evidence. Larger: more relations.</div>
</div>
"""

# Runs after pyvis' own script has created `network`, `nodes` and `edges`. Text goes in through
# textContent only, so nothing from a post is ever parsed as HTML; links are only http(s).
SCRIPT = r"""
(function () {
  var STYLES = __STYLES__, TOP = __TOP__, LABEL_PX = 12, ALL_LABELS_SCALE = 0.75;
  window.kgStabilized = __BIG__;
  var rank = {};
  nodes.get().map(function (n) { return n; })
    .sort(function (a, b) { return (b.degree - a.degree) || String(a.label).localeCompare(String(b.label)); })
    .forEach(function (n, i) { rank[n.id] = i; });
  // Labels keep a readable size on screen: the most connected always, all of them once zoomed in.
  var pending = false;
  window.kgUpdateLabels = function () {
    var scale = network.getScale(), all = scale >= ALL_LABELS_SCALE;
    nodes.update(nodes.get().map(function (n) {
      var shown = all || rank[n.id] < TOP;
      return { id: n.id, font: { size: shown ? Math.max(LABEL_PX / scale, 8) : 1,
                                 color: shown ? "#222" : "rgba(0,0,0,0)" } };
    }));
  };
  network.on("zoom", function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; window.kgUpdateLabels(); });
  });
  function settle() {
    var bar = document.getElementById("loadingBar");
    if (bar) { bar.style.display = "none"; }
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    window.kgUpdateLabels();
    window.kgStabilized = true;
  }
  network.once("stabilizationIterationsDone", settle);
  if (window.kgStabilized) { settle(); }
  else if (nodes.length < 50) { network.stabilize(); }   // a few nodes settle before this runs: settle again
  window.kgFit = function () { network.fit({ animation: false }); window.kgUpdateLabels(); };
  document.getElementById("kg-fit").addEventListener("click", window.kgFit);
  var hiddenCategories = {}, hiddenRelations = {};
  function applyFilters() {
    nodes.update(nodes.get().map(function (n) { return { id: n.id, hidden: !!hiddenCategories[n.category] }; }));
    edges.update(edges.get().map(function (e) { return { id: e.id, hidden: !!hiddenRelations[e.relation] }; }));
  }
  function addBox(container, name, hidden, image) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset.name = name;
    box.addEventListener("change", function () { hidden[name] = !box.checked; applyFilters(); });
    label.appendChild(box);
    if (image) { var s = document.createElement("img"); s.src = image; s.alt = ""; s.className = "kg-shape"; label.appendChild(s); }
    label.appendChild(document.createTextNode(name.replace(/_/g, " ")));
    container.appendChild(label);
  }
  var cats = {}, rels = {};
  nodes.get().forEach(function (n) { cats[n.category] = true; });
  edges.get().forEach(function (e) { rels[e.relation] = true; });
  Object.keys(cats).sort().forEach(function (c) {
    addBox(document.getElementById("kg-categories"), c, hiddenCategories, (STYLES[c] || {}).image);
  });
  Object.keys(rels).sort().forEach(function (r) { addBox(document.getElementById("kg-relations"), r, hiddenRelations); });
  function highlight(id) {
    var near = {}; near[id] = true;
    if (id !== null) { network.getConnectedNodes(id).forEach(function (n) { near[n] = true; }); }
    nodes.update(nodes.get().map(function (n) { return { id: n.id, opacity: (id === null || near[n.id]) ? 1 : 0.25 }; }));
  }
  var details = document.getElementById("kg-details");
  function add(parent, tag, text) {
    var el = document.createElement(tag); if (text !== undefined) { el.textContent = text; } parent.appendChild(el); return el;
  }
  function field(name, value) {
    if (!value) { return; }
    var p = add(details, "p"); add(p, "b", name + ": "); p.appendChild(document.createTextNode(value));
  }
  window.kgShowDetails = function (kind, id) {
    details.textContent = "";
    if (kind === "node") {
      var n = nodes.get(id);
      add(details, "h3", n.label);
      field("Category", n.category); field("Synonyms", n.synonyms); field("Codes", n.xrefs);
      field("Definition", n.definition); field("IRI", n.iri);
      if (n.discovered) { field("Found", "in the posts (not in the lexicon)"); }
    } else {
      var e = edges.get(id);
      add(details, "h3", nodes.get(e.from).label + " \u2014 " + e.label + " \u2192 " + nodes.get(e.to).label);
      field("Polarity", e.polarity); field("Hedged", e.hedged ? "yes" : "no");
      field("Evidence sentences", String(e.evidenceCount));
      var list = add(details, "ul");
      (e.evidence || []).forEach(function (item) {
        var li = add(list, "li", item.text + " ");
        if (/^https?:\/\//.test(item.link)) {
          var a = add(li, "a", "(post)"); a.href = item.link; a.target = "_blank"; a.rel = "noopener noreferrer";
        }
      });
    }
  };
  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); window.kgShowDetails("node", params.nodes[0]); }
    else if (params.edges.length) { highlight(null); window.kgShowDetails("edge", params.edges[0]); }
    else { highlight(null); }
  });
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
    if (!found) { status.textContent = "No concept matches \u201c" + term + "\u201d."; return null; }
    status.textContent = "";
    network.selectNodes([found]);
    network.focus(found, { scale: 1.2, animation: false });
    window.kgUpdateLabels();
    highlight(found);
    window.kgShowDetails("node", found);
    return found;
  };
  document.getElementById("kg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault(); window.kgSearch(document.getElementById("kg-search").value);
  });
})();
"""
