"""JSON-LD with a compact @context: pyoxigraph's expanded JSON-LD, compacted with the project's prefixes.

The graph is written in chunks of whole subjects, so memory stays flat for large graphs. Compaction
only shortens IRIs to CURIEs of the @context (keys, @id values and datatypes); the graph is the same
(the round-trip test parses it back and compares).
"""
from __future__ import annotations

import itertools
import json

SUFFIX = ".jsonld"
CHUNK = 5000


def _context() -> dict[str, str]:
    from ..constants import PREFIXES
    return {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def _replacements(context: dict[str, str]) -> list[tuple[str, str]]:
    """(old, new) text pairs that shorten IRIs where JSON-LD holds them: keys (after '{' or ','),
    and @id / @type values. Literal values follow '"@value":' and are never touched."""
    # JSON-LD 1.1 expands "p:x" with a term only when the term's IRI ends in a gen-delim character
    usable = sorted(((p, ns) for p, ns in context.items() if ns[-1] in "/#:?[]@"), key=lambda kv: -len(kv[1]))
    pairs = []
    for prefix, ns in usable:
        for lead in ('{"', ',"', '"@id":"', '"@type":"'):
            pairs.append((lead + ns, f"{lead}{prefix}:"))
    return pairs


def _compact_text(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


def write(kg, nt_path, handle) -> None:
    import pyoxigraph as ox

    context = _context()
    pairs = _replacements(context)
    head = json.dumps({"@context": context}, indent=1, ensure_ascii=False)[:-2]
    handle.write((head + ',\n "@graph": [\n').encode("utf-8"))
    triples = ox.parse(path=str(nt_path), format=ox.RdfFormat.N_TRIPLES)
    first = True
    # sorted N-Triples keep each subject's triples together; cut chunks only between subjects
    for _, group in itertools.groupby(_chunks(triples), key=lambda pair: pair[0]):
        text = ox.serialize([t for _, t in group], format=ox.RdfFormat.JSON_LD).decode("utf-8").strip()
        if not (text.startswith("[") and text.endswith("]")):
            raise ValueError("unexpected JSON-LD from pyoxigraph")
        body = _compact_text(text[1:-1], pairs).replace('},{"@id"', '},\n  {"@id"')
        handle.write((("" if first else ",\n") + "  " + body).encode("utf-8"))
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
