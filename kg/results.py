"""SPARQL answers written as they come (W3C result formats, the table, Turtle), up to a row limit."""
from __future__ import annotations

import itertools
import json
from typing import BinaryIO

from .constants import PREFIX_IRIS
from .query import (Result, SparqlGraph, check_format, check_query, compact, format_result, graph_result,
                    oxigraph_answer, query, table)

CHUNK_ROWS = 1000   # rows converted at a time; the table takes its column widths from the first chunk
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def write_query(graph: SparqlGraph, sparql: str, out: BinaryIO, fmt: str = "table", engine: str = "oxigraph",
                limit: int | None = None, allow_service: bool = False) -> int:
    """Run a query and write its answer to out while it is computed; returns the rows (or triples) written."""
    if engine != "oxigraph":
        result = query(graph, sparql, engine=engine, allow_service=allow_service, limit=limit)
        out.write(format_result(result, fmt).encode("utf-8"))
        return len(result.rows)
    import pyoxigraph as ox

    check_query(sparql, allow_service)
    answer = oxigraph_answer(graph, sparql)
    if isinstance(answer, ox.QueryBoolean):
        out.write(format_result(Result(kind="ask", boolean=bool(answer)), fmt).encode("utf-8"))
        return 1
    if not isinstance(answer, ox.QuerySolutions):
        check_format("graph", fmt)
        triples = list(itertools.islice(answer, limit)) if limit is not None else answer
        if fmt == "jsonld":   # JSON-LD is written from the whole graph
            out.write(format_result(graph_result(triples), fmt).encode("utf-8"))
        else:
            rdf = ox.RdfFormat.N_TRIPLES if fmt == "ntriples" else ox.RdfFormat.TURTLE
            ox.serialize(triples, out, format=rdf, prefixes=PREFIX_IRIS)
        return len(triples) if limit is not None else 0
    check_format("select", fmt)
    variables = [v.value for v in answer.variables]
    rows = itertools.islice(answer, limit) if limit is not None else iter(answer)
    return _write_solutions(variables, rows, out, fmt)


def solutions_json(solutions, limit: int | None = None) -> bytes:
    """The first `limit` solutions in the SPARQL JSON results format."""
    import io
    out = io.BytesIO()
    _write_solutions([v.value for v in solutions.variables], itertools.islice(solutions, limit), out, "json")
    return out.getvalue()


def _term(term) -> dict:
    import pyoxigraph as ox
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _term(term.subject), "predicate": _term(term.predicate),
                                        "object": _term(term.object)}}


def _binding(variables: list[str], solution) -> str:
    pairs = {v: _term(solution[v]) for v in variables if solution[v] is not None}
    return json.dumps(pairs, ensure_ascii=False, separators=(",", ":"))


def _write_solutions(variables: list[str], rows, out: BinaryIO, fmt: str) -> int:
    import pyoxigraph as ox
    head = '{"head":{"vars":' + json.dumps(variables, ensure_ascii=False, separators=(",", ":")) + '},"results":{"bindings":['
    target = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
              "xml": ox.QueryResultsFormat.XML}.get(fmt)
    count, widths = 0, None
    while True:
        chunk = [_binding(variables, s) for s in itertools.islice(rows, CHUNK_ROWS)]
        if not chunk and count:
            break
        first, count = count == 0, count + len(chunk)
        if fmt == "json":
            out.write(((head if first else ",") + ",".join(chunk)).encode("utf-8"))
        elif fmt == "table":
            widths = _write_table(variables, chunk, out, widths)
        else:   # Oxigraph writes the chunk; the header (and for XML the envelope) is kept once
            text = ox.parse_query_results((head + ",".join(chunk) + "]}}").encode("utf-8"),
                                          format=ox.QueryResultsFormat.JSON).serialize(format=target).decode("utf-8")
            if fmt == "xml":
                opening = text.index("<results>") + len("<results>") if "<results>" in text else len(text)
                text = text[:opening] if not chunk else text[:text.rindex("</results>")]
                text = text if first else text[opening:]
            elif not first:
                text = text.split("\n", 1)[1]
            out.write(text.encode("utf-8"))
        if not chunk:
            break
    if fmt == "json":   # (ending with a newline, as every answer printed does)
        out.write(b"]}}\n")
    elif fmt == "xml":
        out.write(b"</results></sparql>\n")
    elif fmt == "table":
        out.write(f"({count} row{'s' if count != 1 else ''})\n".encode("utf-8"))
    return count


def _write_table(variables: list[str], chunk: list[str], out: BinaryIO, widths: list[int] | None) -> list[int]:
    rows = [{v: b[v]["value"] if v in b else None for v in variables} for b in map(json.loads, chunk)]
    text = table(Result(kind="select", variables=variables, rows=rows))
    lines = text.split("\n")[:-2]   # without the row count (written once, at the end)
    if widths is None:
        widths = [len(cell) for cell in lines[1].split("  ")]
        out.write(("\n".join(lines) + "\n").encode("utf-8") if rows or lines else b"")
        return widths
    for row in rows:
        cells = [compact(row[v]).replace("\n", " ") for v in variables]
        cells = [c if len(c) <= 90 else c[:89] + "…" for c in cells]
        out.write(("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip() + "\n").encode("utf-8"))
    return widths
