"""JSON-LD with a compact @context: pyoxigraph's expanded JSON-LD, compacted with the project's prefixes.

The graph is written in chunks of whole subjects, so memory stays flat for large graphs. Compaction
only shortens IRIs to CURIEs of the @context (keys, @id values and datatypes); the graph is the same.
"""
from __future__ import annotations

import functools
import itertools
import json

SUFFIX = ".jsonld"
CHUNK = 5000


def _context() -> dict[str, str]:
    from ..constants import PREFIXES
    return {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def _compactor(context: dict[str, str]):
    # JSON-LD 1.1 expands "p:x" with a term only when the term's IRI ends in a gen-delim character
    by_namespace = {ns: p for p, ns in context.items() if ns[-1] in "/#:?[]@"}

    @functools.lru_cache(maxsize=65536)
    def compact(iri: str) -> str:
        cut = len(iri) - 1
        while cut > 0:
            cut = max(iri.rfind("/", 0, cut), iri.rfind("#", 0, cut))
            if cut < 0:
                break
            prefix = by_namespace.get(iri[:cut + 1])
            if prefix is not None:
                return f"{prefix}:{iri[cut + 1:]}" if cut + 1 < len(iri) else iri
        return iri
    return compact


def _compact_node(node: dict, compact) -> dict:
    """The node with IRIs shortened; value order is kept (it follows the sorted N-Triples)."""
    out = {}
    for key, values in node.items():
        if key == "@id":
            out[key] = values if values.startswith("_:") else compact(values)
            continue
        for value in values:
            if "@id" in value and not value["@id"].startswith("_:"):
                value["@id"] = compact(value["@id"])
            elif "@type" in value:
                value["@type"] = compact(value["@type"])
        out[compact(key)] = values
    return out


def write(kg, nt_path, handle) -> None:
    import pyoxigraph as ox

    context = _context()
    compact = _compactor(context)
    head = json.dumps({"@context": context}, indent=1, ensure_ascii=False)[:-2]
    handle.write((head + ',\n "@graph": [\n').encode("utf-8"))
    triples = ox.parse(path=str(nt_path), format=ox.RdfFormat.N_TRIPLES)
    first = True
    # sorted N-Triples keep each subject's triples together; cut chunks only between subjects
    for _, group in itertools.groupby(_chunks(triples), key=lambda pair: pair[0]):
        chunk = [t for _, t in group]
        for node in json.loads(ox.serialize(chunk, format=ox.RdfFormat.JSON_LD)):
            text = json.dumps(_compact_node(node, compact), ensure_ascii=False, sort_keys=True,
                              separators=(",", ":"))
            handle.write((("" if first else ",\n") + "  " + text).encode("utf-8"))
            first = False
    handle.write(b"\n ]\n}\n")


def _chunks(triples):
    """(chunk number, triple), the number changing only where the subject changes."""
    number, count, last = 0, 0, None
    for triple in triples:
        if count >= CHUNK and triple.subject != last:
            number, count = number + 1, 0
        yield number, triple
        count += 1
        last = triple.subject
