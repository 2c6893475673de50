"""A graph file given to a command: its format told by suffix or content, read as RDF or as a network."""
from __future__ import annotations

import re
from pathlib import Path

from .constants import CATEGORIES, DEFAULT_EXPORT_DIR, GRAPH_BASENAME, KG
from .errors import KGError

# format name -> suffixes; the RDF ones are rdflib's format names
SUFFIXES = {"turtle": (".ttl",), "nt": (".nt",), "json-ld": (".jsonld", ".json"), "xml": (".owl", ".rdf"),
            "graphml": (".graphml",), "tsv": (".tsv",), "html": (".html", ".htm")}
RDF = ("turtle", "nt", "json-ld", "xml")
MEDIA_TYPES = {"turtle": "text/turtle", "nt": "application/n-triples", "json-ld": "application/ld+json",
               "xml": "application/rdf+xml"}
_BY_SUFFIX = {suffix: name for name, suffixes in SUFFIXES.items() for suffix in suffixes}
_KNOWN = ", ".join(s for name in (*RDF, "graphml") for s in SUFFIXES[name])


def default_path() -> Path:
    return DEFAULT_EXPORT_DIR / f"{GRAPH_BASENAME}.ttl"


def sniff(head: str) -> str | None:
    """The format of a file from its first characters, or None."""
    text = head.lstrip("\ufeff \t\r\n")
    if text.startswith(("{", "[")):
        return "json-ld"
    if text.startswith("<") and not text.startswith("<http"):
        if re.search(r"<graphml\b", text):
            return "graphml"
        if re.search(r"<rdf:RDF\b|xmlns:rdf=", text):
            return "xml"
        if re.match(r"(<!DOCTYPE html|<html)", text, re.I):
            return "html"
        return None
    if re.match(r"(<[^>\s]+>|_:\S+)\s+<[^>\s]+>\s", text):
        return "nt"
    if re.match(r"(@prefix|@base|PREFIX|BASE)\b", text, re.I) or re.match(r"[\w-]*:\S*\s", text):
        return "turtle"
    if text.startswith("subject\tsubject_label\t"):
        return "tsv"
    return None


def graph_format(path: Path) -> str:
    """The format of a graph file: by its suffix, else by its content."""
    path = Path(path)
    if not path.is_file():
        raise KGError(f"{path}: no such graph file (run 'kg build' first or pass --graph)")
    fmt = _BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                fmt = sniff(handle.read(4096))
        except OSError as exc:
            raise KGError(f"{path}: cannot be read ({exc.strerror})") from None
    if fmt is None:
        raise KGError(f"{path}: not a graph file kg knows ({_KNOWN})")
    return fmt


def rdf_format(path: Path) -> str:
    """The RDF format of a graph file; a clear error for kg's other exports, which hold less."""
    fmt = graph_format(path)
    if fmt not in RDF:
        raise KGError(f"{path}: is {fmt_name(fmt)}, which lacks the evidence; give an RDF export of the graph "
                      f"({', '.join(s for name in RDF for s in SUFFIXES[name])})")
    return fmt


def fmt_name(fmt: str) -> str:
    return {"graphml": "GraphML", "tsv": "the assertions table", "html": "the HTML view"}.get(fmt, fmt)


def load_network(path: Path | None = None):
    """The concept network (a networkx MultiDiGraph, as kg.export.graphml makes) from GraphML or any RDF export."""
    from .export.graphml import read

    path = Path(path) if path is not None else DEFAULT_EXPORT_DIR / f"{GRAPH_BASENAME}.graphml"
    fmt = graph_format(path)
    if fmt == "graphml":
        try:
            return read(path)
        except Exception as exc:   # networkx and its XML parser raise several types
            raise KGError(f"{path}: cannot be read as GraphML ({exc})") from None
    if fmt not in RDF:
        raise KGError(f"{path}: is {fmt_name(fmt)}; give a graph export ({_KNOWN})")
    from .query import load_graph
    return network_from_store(load_graph(path).store())


_NODES = """SELECT ?c ?key ?label ?category ?discovered ?definition
  (GROUP_CONCAT(DISTINCT ?syn; separator="\\u0001") AS ?syns) (GROUP_CONCAT(DISTINCT ?abbr; separator="\\u0001") AS ?abbrs)
  (GROUP_CONCAT(DISTINCT ?exact; separator="\\u0001") AS ?exacts) (GROUP_CONCAT(DISTINCT ?close; separator="\\u0001") AS ?closes)
WHERE {
  ?c kg:key ?key ; rdfs:label ?label ; rdfs:subClassOf ?category . FILTER(STRSTARTS(STR(?category), STR(kg:)))
  OPTIONAL { ?c kg:discovered ?discovered }
  OPTIONAL { ?c obo:IAO_0000115 ?definition }
  OPTIONAL { ?c oboInOwl:hasExactSynonym ?syn }
  OPTIONAL { ?c kg:abbreviation ?abbr }
  OPTIONAL { ?c skos:exactMatch ?em . ?c oboInOwl:hasDbXref ?exact . }
  OPTIONAL { ?c skos:closeMatch ?cm . ?c oboInOwl:hasDbXref ?close . }
} GROUP BY ?c ?key ?label ?category ?discovered ?definition"""
_EDGES = """SELECT ?s ?o ?name ?polarity ?hedged ?sentence ?title ?source ?start ?rule WHERE {
  ?st a kg:Statement ; kg:subject ?s ; kg:object ?o ; kg:relation ?r ; kg:polarity ?polarity ; kg:hedged ?hedged ;
      kg:evidence ?ev .
  ?r kg:relationName ?name .
  ?ev oa:hasTarget ?t ; kg:rule ?rule . ?t oa:hasSource ?source ; oa:hasSelector ?q, ?pos .
  ?q oa:exact ?sentence . ?pos oa:start ?start .
  OPTIONAL { ?source dcterms:title ?title }
} ORDER BY ?s ?name ?o ?polarity ?source ?start ?rule"""


def network_from_store(store):
    """The concept network read back from the RDF graph (what kg.export.graphml.to_networkx makes)."""
    import networkx as nx

    from .constants import PREFIX_IRIS
    from .export.graphml import MAX_EVIDENCE

    key_of = {}
    g = nx.MultiDiGraph()
    categories = {str(KG[c]): c for c in CATEGORIES}
    for row in store.query(_NODES, prefixes=PREFIX_IRIS):
        category = categories.get(row["category"].value)
        if category is None:
            continue
        split = lambda term: [x for x in term.value.split("\u0001") if x] if term is not None else []   # noqa: E731
        key = row["key"].value
        key_of[row["c"].value] = key
        exact, close = split(row["exacts"]), split(row["closes"])
        g.add_node(key, iri=row["c"].value, label=row["label"].value, category=category,
                   discovered=row["discovered"] is not None and row["discovered"].value == "true",
                   synonyms="; ".join(sorted(split(row["syns"])) + sorted(split(row["abbrs"]))),
                   definition=row["definition"].value if row["definition"] is not None else "",
                   xrefs=" ".join(sorted(set(exact)) + sorted(set(close) - set(exact))))
    edges: dict[tuple, dict] = {}
    for row in store.query(_EDGES, prefixes=PREFIX_IRIS):
        s, o = key_of.get(row["s"].value), key_of.get(row["o"].value)
        if s is None or o is None:
            continue
        relation, polarity = row["name"].value, row["polarity"].value
        edge = edges.setdefault((s, o, relation, polarity), {
            "relation": relation, "polarity": polarity, "hedged": row["hedged"].value == "true",
            "evidence_count": 0, "sources": set(), "evidence": [], "evidence_links": []})
        edge["evidence_count"] += 1
        edge["sources"].add(row["source"].value)
        if len(edge["evidence"]) < MAX_EVIDENCE:
            title = row["title"].value if row["title"] is not None else row["source"].value
            edge["evidence"].append(f"\u201c{row['sentence'].value}\u201d ({title})")
            edge["evidence_links"].append(row["source"].value)
    for (s, o, relation, polarity), edge in edges.items():
        edge["sources"], edge["evidence"] = len(edge["sources"]), "\n".join(edge["evidence"])
        edge["evidence_links"] = "\n".join(edge["evidence_links"])
        g.add_edge(s, o, key=f"{relation}:{polarity}", **edge)
    return g
