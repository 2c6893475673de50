"""Reading ontologies (OBO, OWL RDF/XML or Turtle, OBO Graphs JSON) into plain terms, and taking branches."""
from __future__ import annotations

import csv
import gzip
import json
import logging
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from .constants import XREF_PREFIXES
from .errors import LexiconError

log = logging.getLogger(__name__)

_OBO_PURL = "http://purl.obolibrary.org/obo/"
_OBO_SYNONYM = re.compile(r'^"((?:[^"\\]|\\.)*)"\s+(EXACT|RELATED|BROAD|NARROW)\b')
_OBO_DEF = re.compile(r'^"((?:[^"\\]|\\.)*)"')
_SCOPES = {"hasExactSynonym": "EXACT", "hasRelatedSynonym": "RELATED", "hasBroadSynonym": "BROAD",
           "hasNarrowSynonym": "NARROW"}


@dataclass
class Term:
    """One class of an ontology: its CURIE, label, synonyms by scope, definition, is_a parents, xrefs, and its
    other relations as (property CURIE, target CURIE) pairs (NCIt's "has metastatic anatomic site", ...)."""

    id: str
    label: str = ""
    synonyms: list[tuple[str, str]] = field(default_factory=list)   # (text, EXACT|RELATED|BROAD|NARROW)
    definition: str = ""
    parents: list[str] = field(default_factory=list)
    xrefs: list[str] = field(default_factory=list)
    obsolete: bool = False
    relations: list[tuple[str, str]] = field(default_factory=list)

    def exact_synonyms(self) -> list[str]:
        return [text for text, scope in self.synonyms if scope == "EXACT"]


@dataclass
class Ontology:
    """The terms of one file, and what could not be read in it (one line each)."""

    source: str
    terms: dict[str, Term] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def children(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for term in self.terms.values():
            for parent in term.parents:
                out.setdefault(parent, []).append(term.id)
        for kids in out.values():
            kids.sort()
        return out

    def branch(self, roots: list[str], depth: int | None = None) -> dict[str, int]:
        """Every term under the roots (roots included) with its least depth below them, to depth levels."""
        children, seen = self.children(), {}
        queue = deque()
        for root in roots:
            if root not in self.terms:
                raise LexiconError(f"{self.source}: root {root} is not a term of this ontology")
            seen[root] = 0
            queue.append(root)
        while queue:
            node = queue.popleft()
            if depth is not None and seen[node] >= depth:
                continue
            for kid in children.get(node, ()):
                if kid not in seen and not self.terms[kid].obsolete:
                    seen[kid] = seen[node] + 1
                    queue.append(kid)
        return seen


def curie(iri: str) -> str:
    """The CURIE of an IRI (NCIT:C3262 for .../obo/NCIT_C3262); an IRI of no known vocabulary stays whole."""
    if iri.startswith(_OBO_PURL):
        local = iri[len(_OBO_PURL):]
        prefix, sep, rest = local.partition("_")
        if sep and prefix.isalnum():
            return f"{prefix}:{rest}"
    for prefix, base in XREF_PREFIXES.items():
        if iri.startswith(base) and len(iri) > len(base):
            return f"{prefix}:{iri[len(base):]}"
    return iri


def read_ontology(path: Path) -> Ontology:
    """The terms of an ontology file, by its suffix: .obo, .json (OBO Graphs, may be .gz), .owl/.rdf/.xml, .ttl."""
    path = Path(path)
    name = path.name.lower().removesuffix(".gz")
    if not path.is_file():
        raise LexiconError(f"{path}: no such ontology file")
    if name.endswith(".obo"):
        return _read_obo(path)
    if name.endswith(".json"):
        return _read_obograph(path)
    if name.endswith((".owl", ".rdf", ".xml", ".ttl", ".nt")):
        return _read_rdf(path)
    raise LexiconError(f"{path}: unknown ontology format (expected .obo, .json, .owl, .rdf, .xml or .ttl)")


def _open_text(path: Path) -> str:
    try:
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        return data.decode("utf-8")
    except (OSError, EOFError, gzip.BadGzipFile, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot be read ({exc})") from None


def _read_obo(path: Path) -> Ontology:
    import io

    import obonet

    onto = Ontology(str(path))
    try:
        graph = obonet.read_obo(io.StringIO(_open_text(path)), ignore_obsolete=False)
    except Exception as exc:   # obonet raises plain exceptions of several kinds on a broken file
        raise LexiconError(f"{path}: not a readable OBO file ({type(exc).__name__}: {exc})") from None
    for node_id, data in graph.nodes(data=True):
        term = Term(id=str(node_id), label=str(data.get("name", "")).strip(),
                    obsolete=str(data.get("is_obsolete", "")).lower() == "true")
        for raw in data.get("synonym", []):
            m = _OBO_SYNONYM.match(raw)
            if m:
                term.synonyms.append((m.group(1).replace('\\"', '"'), m.group(2)))
            else:
                onto.problems.append(f"{node_id}: synonym not understood: {raw[:60]!r}")
        if data.get("def"):
            m = _OBO_DEF.match(data["def"])
            term.definition = m.group(1).replace('\\"', '"') if m else ""
            if not m:
                onto.problems.append(f"{node_id}: definition not understood")
        term.parents = [p.split()[0] for p in data.get("is_a", [])]
        term.xrefs = [x.split()[0] for x in data.get("xref", [])]
        term.relations = [tuple(r.split()[:2]) for r in data.get("relationship", []) if len(r.split()) >= 2]
        _keep(onto, term)
    return onto


def _read_obograph(path: Path) -> Ontology:
    onto = Ontology(str(path))
    try:
        graphs = json.loads(_open_text(path))["graphs"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise LexiconError(f"{path}: not an OBO Graphs JSON file ({type(exc).__name__}: {exc})") from None
    for graph in graphs:
        for node in graph.get("nodes", []):
            if not isinstance(node, dict) or "id" not in node:
                onto.problems.append(f"a node without an id: {str(node)[:60]}")
                continue
            if node.get("type", "CLASS") != "CLASS":
                continue
            meta = node.get("meta") or {}
            term = Term(id=curie(node["id"]), label=str(node.get("lbl", "")).strip(),
                        definition=str((meta.get("definition") or {}).get("val", "")).strip(),
                        obsolete=bool(meta.get("deprecated")))
            for syn in meta.get("synonyms", []):
                scope = _SCOPES.get(str(syn.get("pred", "")).rsplit("#", 1)[-1])
                if scope and syn.get("val"):
                    term.synonyms.append((str(syn["val"]).strip(), scope))
                else:
                    onto.problems.append(f"{term.id}: synonym not understood: {str(syn)[:60]}")
            term.xrefs = [str(x.get("val")) for x in meta.get("xrefs", []) if isinstance(x, dict) and x.get("val")]
            _keep(onto, term)
        for edge in graph.get("edges", []):
            child = onto.terms.get(curie(str(edge.get("sub", ""))))
            if child is None:
                continue
            if edge.get("pred") in ("is_a", "http://www.w3.org/2000/01/rdf-schema#subClassOf"):
                child.parents.append(curie(str(edge.get("obj", ""))))
            elif edge.get("pred"):
                child.relations.append((curie(str(edge["pred"])), curie(str(edge.get("obj", "")))))
    return onto


def _read_rdf(path: Path) -> Ontology:
    from rdflib import BNode, Graph, Literal, URIRef
    from rdflib.namespace import OWL, RDF, RDFS, SKOS

    fmt = "turtle" if path.name.lower().removesuffix(".gz").endswith(".ttl") else \
        "nt" if path.name.lower().endswith(".nt") else "xml"
    onto, graph = Ontology(str(path)), Graph()
    try:
        graph.parse(data=_open_text(path), format=fmt)
    except Exception as exc:   # rdflib's parsers raise many exception types on a broken file
        raise LexiconError(f"{path}: not a readable {fmt} file ({type(exc).__name__}: {exc})") from None
    oio = "http://www.geneontology.org/formats/oboInOwl#"
    definitions = [URIRef(_OBO_PURL + "IAO_0000115"), SKOS.definition]
    for cls in sorted(set(graph.subjects(RDF.type, OWL.Class)) | set(graph.subjects(RDFS.subClassOf, None))):
        if isinstance(cls, BNode):
            continue
        term = Term(id=curie(str(cls)))
        labels = sorted(str(o) for o in graph.objects(cls, RDFS.label) if isinstance(o, Literal)
                        and (o.language or "en").startswith("en"))
        term.label = labels[0].strip() if labels else ""
        for name, scope in _SCOPES.items():
            term.synonyms += [(str(o).strip(), scope) for o in sorted(graph.objects(cls, URIRef(oio + name)))]
        term.synonyms += [(str(o).strip(), "EXACT") for o in sorted(graph.objects(cls, SKOS.altLabel))]
        for prop in definitions:
            found = sorted(str(o) for o in graph.objects(cls, prop))
            if found and not term.definition:
                term.definition = found[0].strip()
        term.parents = sorted(curie(str(o)) for o in graph.objects(cls, RDFS.subClassOf) if isinstance(o, URIRef))
        term.xrefs = sorted(str(o) for o in graph.objects(cls, URIRef(oio + "hasDbXref")))
        term.obsolete = any(str(o).lower() == "true" for o in graph.objects(cls, OWL.deprecated))
        _keep(onto, term)
    return onto


def _keep(onto: Ontology, term: Term) -> None:
    if not term.label:
        onto.problems.append(f"{term.id}: no label, skipped")
        return
    onto.terms[term.id] = term


def read_gdc_terms(path: Path) -> Ontology:
    """The NCIt-coded values of a GDC dictionary _terms_enum.yaml, as terms (label, definition)."""
    import yaml

    onto = Ontology(str(path))
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: not a readable YAML file ({exc})") from None
    for value, uses in sorted(data.items(), key=lambda kv: str(kv[0])):
        if not isinstance(uses, dict) or not isinstance(uses.get("common"), dict):
            continue
        common = uses["common"]
        term_def = common.get("termDef") or {}
        code, label = str(term_def.get("term_id") or ""), str(term_def.get("term") or "").strip()
        if str(term_def.get("source")) != "NCIt" or not re.fullmatch(r"C\d+", code) or not label:
            continue
        cid = f"NCIT:{code}"
        if cid not in onto.terms:
            onto.terms[cid] = Term(id=cid, label=label, definition=str(common.get("description") or "").strip())
    return onto


def read_sssom_exact(path: Path) -> dict[str, str]:
    """object_id -> subject_id of the skos:exactMatch rows of an SSSOM TSV (NCIt code -> MONDO code)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {row["object_id"]: row["subject_id"] for row in csv.DictReader(lines, delimiter="\t")
            if row.get("predicate_id") == "skos:exactMatch"}
