"""The interactive HTML view: pyvis with vis-network inlined, no network access, search and filters."""
from __future__ import annotations

import json
import math
import re

from .constants import CATEGORIES, RELATIONS
from .errors import KGError
from .view_assets import CATEGORY_STYLE, CONTROLS, OTHER_STYLE, SCRIPT, STYLE, shape_image

LAYOUT_THRESHOLD = 400   # above this many nodes the page starts from precomputed positions, physics off
TOP_LABELS = 15          # labels of this many most connected concepts are readable at the first fit
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


def _check_names(kind: str, given: list[str] | None, known) -> None:
    unknown = [name for name in given or [] if name not in known]
    if unknown:
        raise KGError(f"unknown {kind} {unknown[0]!r}; known: {', '.join(known)}")


def select(g, focus: str | None = None, depth: int = 1, relations: list[str] | None = None,
           categories: list[str] | None = None, include_negated: bool = False, keep_unrelated: bool = False):
    """The part of the graph to show: filtered edges, and nodes near the focus (all nodes otherwise).

    With relations, concepts that have none of them are left out unless keep_unrelated.
    """
    import networkx as nx

    _check_names("relation", relations, RELATIONS)
    _check_names("category", categories, CATEGORIES)
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
    center = None
    if focus is not None:
        center = resolve(g, focus)
        if center not in shown:
            raise KGError(f"{focus!r} is filtered out by --category")
        near = nx.single_source_shortest_path_length(shown.to_undirected(as_view=True), center, cutoff=depth)
        shown = shown.subgraph(sorted(near)).copy()
    if relations and not keep_unrelated:
        shown.remove_nodes_from([n for n in list(shown) if shown.degree(n) == 0 and n != center])
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


def _evidence_items(d: dict) -> list[dict[str, str]]:
    """The edge's evidence sentences, each with the post it is from."""
    texts = [t for t in str(d.get("evidence") or "").split("\n") if t]
    links = str(d.get("evidence_links") or "").split("\n")
    return [{"text": text, "link": links[i] if i < len(links) else ""} for i, text in enumerate(texts)]


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
        color, shape = CATEGORY_STYLE.get(d.get("category"), OTHER_STYLE)
        extra = {}
        if big:
            x, y = positions[key]
            extra = {"x": float(round(x, 2)), "y": float(round(y, 2)), "physics": False}
        net.add_node(key, label=str(d.get("label", key)), title=_node_title(key, d), color=color, shape="image",
                     image=shape_image(color, shape), size=14 + 5 * math.sqrt(degree.get(key, 0)),
                     degree=degree.get(key, 0), synonyms=str(d.get("synonyms", "")), category=d.get("category", ""),
                     definition=str(d.get("definition", "")), xrefs=str(d.get("xrefs", "")), iri=str(d.get("iri", "")),
                     discovered=str(d.get("discovered")).lower() == "true", **extra)
    for u, v, k, d in sorted(shown.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        negative = d.get("polarity") == "negative"
        hedged = str(d.get("hedged")).lower() == "true"
        count = int(d.get("evidence_count") or 1)
        net.add_edge(u, v, label=("not " if negative else "") + str(d.get("relation", "")).replace("_", " "),
                     title=_edge_title(shown, u, v, d), arrows="to", dashes=hedged,
                     color="#d62728" if negative else "#888888", width=1 + 1.5 * math.log2(count),
                     relation=d.get("relation", ""), polarity=d.get("polarity", ""), id=f"{u}|{k}|{v}",
                     hedged=hedged, evidenceCount=count, evidence=_evidence_items(d))
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
    html = html.replace("</head>", f"<style>{STYLE}</style>\n</head>", 1)
    html = html.replace("<body>", "<body>\n" + CONTROLS, 1)
    styles = {c: {"color": col, "shape": shape, "image": shape_image(col, shape)}
              for c, (col, shape) in CATEGORY_STYLE.items()}
    script = SCRIPT.replace("__STYLES__", json.dumps(styles, sort_keys=True)).replace(
        "__BIG__", "true" if big else "false").replace("__TOP__", str(TOP_LABELS))
    html = html.replace("</body>", f"<script>{script}</script>\n</body>", 1)
    if re.search(r"(src|href)\s*=\s*[\"']https?://", html):
        raise KGError("the HTML view would fetch a remote resource")
    return html


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


