"""SPARQL over the built graph with Oxigraph (default) or rdflib, in the W3C result formats or a table."""
from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .constants import PREFIX_IRIS, QUERIES_DIR
from .errors import KGError, QueryError
from .graphfile import default_path, rdf_format
from .terms import Term, from_json

ENGINES = ("oxigraph", "rdflib")
FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld")
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld")   # for CONSTRUCT and DESCRIBE ("table" prints Turtle)


@dataclass
class SparqlGraph:
    """A graph file loaded for querying; each engine's copy is made when first used."""

    path: Path
    _store: object = None
    _rdflib: object = None

    def store(self, location: Path | None = None):
        """The graph in an Oxigraph store: in memory, or on disk at location (for the server)."""
        if self._store is None or location is not None:
            import pyoxigraph as ox
            store = ox.Store(str(location)) if location is not None else ox.Store()
            try:
                store.bulk_load(path=str(self.path), format=oxigraph_format(self.path))
            except (SyntaxError, ValueError, OSError) as exc:
                raise KGError(f"{self.path}: cannot be loaded ({exc})") from None
            if location is not None:
                store.flush()
                return store
            self._store = store
        return self._store

    def rdflib(self):
        if self._rdflib is None:
            from rdflib import Graph
            g = Graph()
            try:
                g.parse(self.path, format=rdf_format(self.path))
            except Exception as exc:   # rdflib raises many parser-specific types
                raise KGError(f"{self.path}: cannot be loaded ({exc})") from None
            self._rdflib = g
        return self._rdflib


@dataclass
class Result:
    """The answer to a query: rows of terms (kg.terms: IRI, Literal, BlankNode) for SELECT, a boolean for
    ASK, an rdflib Graph for CONSTRUCT/DESCRIBE."""

    kind: str                         # select | ask | graph
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    graph: object = None              # rdflib.Graph for kind "graph"
    _json: bytes = b""

    @property
    def turtle(self) -> str:
        """A graph result as Turtle."""
        return self.graph.serialize(format="turtle") if self.graph is not None else ""

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)


@dataclass
class NamedQuery:
    name: str
    question: str
    text: str
    path: Path


def oxigraph_format(path: Path):
    """pyoxigraph's format for a graph file, from its suffix or content."""
    import pyoxigraph as ox
    return {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD,
            "xml": ox.RdfFormat.RDF_XML}[rdf_format(path)]


def default_graph_path() -> Path:
    return default_path()


def load_graph(path: str | Path | None = None) -> SparqlGraph:
    """A graph file in any of kg's RDF exports (default: exports/graph.ttl) ready for kg.query()."""
    path = Path(path) if path is not None else default_graph_path()
    rdf_format(path)
    return SparqlGraph(path)


# Tokens of a query that may hold the word SERVICE without it being the keyword: strings, IRIs, comments.
_STRING = "|".join([r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",
                    r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'"])
_TOKENS = re.compile(rf"(?P<string>{_STRING})|(?P<iri><[^<>\"{{}}|^`\\\x00-\x20]*>)|(?P<comment>#[^\n]*)"
                     r"|(?P<service>(?<![\w:?$.-])SERVICE(?![\w:-]))", re.IGNORECASE)
_ESCAPES = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(match: re.Match) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code < 0x110000 else match.group()


def uses_service(sparql: str) -> bool:
    """Whether a query has a SERVICE clause (a federated query: the engine would call the URL it names).

    Read as tokens, so the word in a string, an IRI or a comment does not count; read both as written
    and with \\u escapes decoded (SPARQL allows them anywhere), so an escaped keyword is found too.
    """
    return any(m.lastgroup == "service" for text in {sparql, _ESCAPES.sub(_unescape, sparql)}
               for m in _TOKENS.finditer(text))


def check_query(sparql: str, allow_service: bool = False) -> None:
    """Refuse a federated query (SERVICE) unless allowed (it would make this machine call any URL), and
    name an unknown prefix."""
    check_prefixes(sparql)
    if not allow_service and uses_service(sparql):
        raise QueryError("SERVICE (a federated query) is refused: it would make this machine send requests "
                         "to the URL it names; --allow-service allows it")


def query(graph: SparqlGraph, sparql: str, engine: str = "oxigraph", *, allow_service: bool = False,
          limit: int | None = None) -> Result:
    """Run a SPARQL 1.1 query; the project's prefixes are predeclared.

    SERVICE is refused unless allowed; limit caps the rows (or triples) of the answer.
    """
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    check_query(sparql, allow_service)
    return _query_oxigraph(graph, sparql, limit) if engine == "oxigraph" else _query_rdflib(graph, sparql, limit)


def _query_oxigraph(graph: SparqlGraph, sparql: str, limit: int | None = None) -> Result:
    import pyoxigraph as ox
    answer = oxigraph_answer(graph, sparql)
    if isinstance(answer, ox.QueryBoolean):
        return Result(kind="ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        if limit is not None:
            from .results import solutions_json
            return _from_json(solutions_json(answer, limit))
        return _from_json(answer.serialize(format=ox.QueryResultsFormat.JSON))
    return graph_result(itertools.islice(answer, limit) if limit is not None else answer)


def graph_result(triples) -> Result:
    """A graph answer from Oxigraph's triples."""
    import pyoxigraph as ox

    from .graph import new_graph
    out = new_graph()
    out.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    return Result(kind="graph", graph=out)


def oxigraph_answer(graph: SparqlGraph, sparql: str):
    """Oxigraph's lazy answer to a query (solutions, a boolean or triples)."""
    try:
        return graph.store().query(sparql, prefixes=PREFIX_IRIS)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None


def _query_rdflib(graph: SparqlGraph, sparql: str, limit: int | None = None) -> Result:
    from pyparsing import ParseException
    from rdflib import Namespace
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(sparql, initNs={p: Namespace(v) for p, v in PREFIX_IRIS.items()})
    except ParseException as exc:
        raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.column}: {exc.msg}") from None
    except Exception as exc:   # rdflib's algebra raises plain exceptions for what it cannot resolve
        raise QueryError(f"the rdflib engine cannot read the query: {exc}") from None
    g = graph.rdflib()
    try:
        answer = g.query(prepared)
        if answer.type == "ASK":
            return Result(kind="ask", boolean=bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            from .graph import new_graph
            out = new_graph()
            for triple in itertools.islice(answer, limit):
                out.add(triple)
            return Result(kind="graph", graph=out)
        result = _from_json(answer.serialize(format="json"))
        if limit is not None and len(result.rows) > limit:
            doc = json.loads(result._json)
            doc["results"]["bindings"] = doc["results"]["bindings"][:limit]
            result = _from_json(json.dumps(doc).encode("utf-8"))
        return result
    except Exception as exc:   # rdflib's evaluator raises plain exceptions
        raise QueryError(f"query failed in the rdflib engine: {exc}") from None


def _from_json(data: bytes) -> Result:
    doc = json.loads(data)
    variables = doc["head"].get("vars", [])
    rows = []
    for binding in doc["results"]["bindings"]:
        rows.append({v: (from_json(binding[v]) if v in binding else None) for v in variables})
    return Result(kind="select", variables=variables, rows=rows, _json=data)


def check_format(kind: str, fmt: str) -> None:
    """Refuse a format that does not fit the kind of answer (select, ask or graph)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if kind == "graph" and fmt not in ("table", *GRAPH_FORMATS):
        raise QueryError(f"a CONSTRUCT or DESCRIBE query gives a graph, not {fmt}: use --format "
                         f"{', '.join(GRAPH_FORMATS)}")
    if kind != "graph" and fmt in GRAPH_FORMATS:
        raise QueryError(f"a {kind.upper()} query gives {'a boolean' if kind == 'ask' else 'rows'}, "
                         f"not a graph: use --format table, csv, tsv, json or xml")


def format_result(result: Result, fmt: str = "table") -> str:
    """The result as an aligned table for people, or in a W3C SPARQL results format."""
    check_format(result.kind, fmt)
    if result.kind == "graph":
        if fmt == "ntriples":
            return "".join(sorted(line + "\n" for line in result.graph.serialize(format="nt").splitlines() if line))
        return result.graph.serialize(format="json-ld" if fmt == "jsonld" else "turtle")
    import pyoxigraph as ox
    if result.kind == "ask":
        if fmt == "table":
            return "yes\n" if result.boolean else "no\n"
        data = json.dumps({"head": {}, "boolean": result.boolean}).encode()
    else:
        if fmt == "table":
            return table(result)
        data = result._json
    parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    target = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
              "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}[fmt]
    text = parsed.serialize(format=target).decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
# IRIs, strings and comments are skipped; what is left of a prefixed name is its prefix
_PARTS = re.compile(r"<[^<>\"{}|^`\\\s]*>|'''.*?'''|\"\"\".*?\"\"\"|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'"
                    r"|#[^\n]*|(?<![\w?$:.-])([A-Za-z][\w-]*(?:\.[\w-]+)*):", re.S)


def declared_prefixes(sparql: str) -> set[str]:
    """The prefixes a query declares itself ("" for the empty one)."""
    return {m.group(1) or "" for m in _DECLARED.finditer(sparql)}


def check_prefixes(sparql: str) -> None:
    """Name an unknown prefix (and list the known ones) before an engine gives its own puzzling message."""
    declared = set(PREFIX_IRIS) | declared_prefixes(sparql)
    for m in _PARTS.finditer(sparql):
        prefix = m.group(1)
        if prefix and prefix not in declared:
            raise QueryError(f"unknown prefix {prefix!r} (known: {', '.join(sorted(declared - {''}))}; "
                             "declare others with PREFIX)")


def compact(value: str | None) -> str:
    """An IRI shortened with the project's prefixes; other values as they are."""
    if value is None:
        return ""
    for prefix, ns in sorted(PREFIX_IRIS.items(), key=lambda kv: -len(kv[1])):
        if value.startswith(ns) and re.fullmatch(r"[\w\-.]*", value[len(ns):]):
            return f"{prefix}:{value[len(ns):]}"
    return value


def table(result: Result, width: int = 90) -> str:
    """The rows as an aligned table (cells cut at width), with the row count."""
    headers = result.variables
    cells = [[compact(row[v]).replace("\n", " ") for v in headers] for row in result.rows]
    cells = [[c if len(c) <= width else c[:width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """The competency questions shipped as .rq files, each opening with '# Question: ...'."""
    out = {}
    for path in sorted(Path(folder).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        lines = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            lines.append(line.lstrip("# ").strip())
        question = " ".join(lines).removeprefix("Question:").strip()
        out[path.stem] = NamedQuery(path.stem, question, text, path)
    return out


def read_query_file(path: Path) -> str:
    """A query file's text: UTF-8, or UTF-16/UTF-32 with a byte-order mark."""
    from .clean import decode_text
    try:
        return decode_text(Path(path).read_bytes())
    except UnicodeDecodeError:
        raise QueryError(f"{path}: is not UTF-8 text (nor UTF-16 or UTF-32 with a byte-order mark)") from None
    except OSError as exc:
        raise QueryError(f"{path}: cannot be read ({exc.strerror})") from None


def named_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"unknown query {name!r}; known: {', '.join(queries)}")
    return queries[name]
