"""JSON-LD with a compact @context, one node object per line, read straight off the sorted N-Triples.

The N-Triples hold one subject's triples together and each line's three terms in a fixed shape, so
each node is written as soon as its subject changes and memory stays flat. IRIs become CURIEs of
the @context (subjects, predicates, @id and @type values); literal values are copied as they are:
an N-Triples string (as pyoxigraph escapes it) is also a valid JSON string. The round-trip test
parses the output back with rdflib and compares it with the graph.
"""
from __future__ import annotations

import json

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
FROM_NTRIPLES = True   # needs only the N-Triples file: may run in a worker process
SUFFIX = ".jsonld"


def _context() -> dict[str, str]:
    from ..constants import PREFIX_IRIS
    return dict(PREFIX_IRIS)


class _Compactor:
    """IRI -> CURIE with the longest usable namespace of the context."""

    def __init__(self, context: dict[str, str]):
        # JSON-LD 1.1 expands "p:x" with a term only when the term's IRI ends in a gen-delim character
        self.namespaces = sorted(((ns, p) for p, ns in context.items() if ns[-1] in "/#:?[]@"), key=lambda x: -len(x[0]))
        self.heads: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        head = iri[:cut]
        short = self.heads.get(head)
        if short is None:
            short = next((f"{p}:{head[len(ns):]}" for ns, p in self.namespaces if head.startswith(ns)), head)
            self.heads[head] = short
        return short + iri[cut:]


class _Writer:
    """N-Triples terms to JSON-LD, remembering the few terms that recur (predicates, classes, datatypes)."""

    def __init__(self, compact: _Compactor):
        self.compact = compact
        self.keys: dict[str, str] = {}      # predicate term -> '"curie":'
        self.iris: dict[str, str] = {}      # recurring object IRI term -> '{"@id":"curie"}'

    def key(self, predicate: str) -> str:
        key = self.keys.get(predicate)
        if key is None:
            key = self.keys[predicate] = '"@type":' if predicate == _RDF_TYPE else f'"{self.compact(predicate[1:-1])}":'
        return key

    def object(self, term: str) -> str:
        first = term[0]
        if first == "<":
            found = self.iris.get(term)
            if found is not None:
                return found
            found = f'{{"@id":"{self.compact(term[1:-1])}"}}'
            if len(self.iris) < 100_000:
                self.iris[term] = found
            return found
        if first == "_":
            return f'{{"@id":"{term}"}}'
        close = term.rindex('"')
        value, tail = term[:close + 1], term[close + 1:]
        if not tail:
            return f'{{"@value":{value}}}'
        if tail[0] == "@":
            return f'{{"@language":"{tail[1:]}","@value":{value}}}'
        return f'{{"@type":"{self.compact(tail[3:-1])}","@value":{value}}}'   # ^^<datatype>

    def node(self, subject: str, pairs: list[tuple[str, str]]) -> str:
        node_id = self.compact(subject[1:-1]) if subject[0] == "<" else subject
        parts = [f'{{"@id":"{node_id}"']
        predicate, objects = None, []
        for p, o in pairs:
            if p != predicate:
                if objects:
                    parts.append(f'{self.key(predicate)}[{",".join(objects)}]')
                predicate, objects = p, []
            # rdf:type with IRI values is JSON-LD's @type, whose values are plain (compact) IRIs
            objects.append(f'"{self.compact(o[1:-1])}"' if p == _RDF_TYPE and o[0] == "<" else self.object(o))
        parts.append(f'{self.key(predicate)}[{",".join(objects)}]')
        return ",".join(parts) + "}"


def write(kg, nt_path, handle) -> None:
    context = _context()
    writer = _Writer(_Compactor(context))
    head = json.dumps({"@context": context}, indent=1, ensure_ascii=False)[:-2]
    handle.write((head + ',\n "@graph": [\n').encode("utf-8"))
    batch: list[str] = []
    subject, pairs, first = None, [], True
    with open(nt_path, encoding="utf-8") as lines:
        while True:
            chunk = lines.readlines(1 << 22)
            if not chunk:
                break
            for line in chunk:
                s, p, o = line[:-3].split(" ", 2)   # "<s> <p> object .\n" (subjects and predicates hold no space)
                if s != subject:
                    if pairs:
                        batch.append(writer.node(subject, pairs))
                    subject, pairs = s, []
                pairs.append((p, o))
            if batch:
                handle.write((("" if first else ",\n") + "  " + ",\n  ".join(batch)).encode("utf-8"))
                batch, first = [], False
    if pairs:
        batch.append(writer.node(subject, pairs))
    if batch:
        handle.write((("" if first else ",\n") + "  " + ",\n  ".join(batch)).encode("utf-8"))
    handle.write(b"\n ]\n}\n")
