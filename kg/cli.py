"""The `kg` command: parses arguments and calls the library; heavy imports stay inside commands."""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import click

from .constants import DEFAULT_EXPORT_DIR, GRAPH_BASENAME, SAMPLE_CORPUS_DIR
from .errors import KGError

log = logging.getLogger("kg")


class _Group(click.Group):
    """Turns library errors (user mistakes, bad input) into one line on stderr, no traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group)
@click.version_option(package_name="kg")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors.")
@click.option("-v", "--verbose", is_flag=True, help="Debug messages.")
def main(quiet: bool, verbose: bool) -> None:
    """Build and explore a knowledge graph of cancer-spread concepts from clinical articles."""
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger().setLevel(level)


def _graph_file(graph: Path | None, suffix: str) -> Path:
    return graph if graph is not None else DEFAULT_EXPORT_DIR / f"{GRAPH_BASENAME}{suffix}"


@main.command()
@click.argument("sources", nargs=-1)
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_EXPORT_DIR,
              show_default=True, help="Folder for the exports.")
@click.option("--strict", is_flag=True, help="Stop at the first source that fails.")
@click.option("--formats", default=None, metavar="LIST",
              help="Comma-separated exports to write: ntriples,turtle,jsonld,owl,tsv,graphml,html "
                   "(default: all up to 1,000 posts, ntriples,tsv above).")
@click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also bulk load the graph into a persistent Oxigraph store in this folder.")
@click.option("--cluster", default=None, metavar="ADDRESS",
              help="Read the posts on a Dask cluster (its scheduler's address, e.g. tcp://host:8786).")
@click.option("--workers", type=click.IntRange(1), default=None, help="Local worker processes (default: one per core).")
@click.option("--no-cache", is_flag=True, help="Read every post again (ignore the rebuild cache in the output folder).")
def build(sources: tuple[str, ...], out_dir: Path, strict: bool, formats: str | None, store: Path | None,
          cluster: str | None, workers: int | None, no_cache: bool) -> None:
    """Build the graph from SOURCES (post JSON, JSON arrays, JSON Lines, HTML, folders, WordPress URLs).

    With no SOURCES, builds the sample corpus shipped with kg. A rebuild into the same folder reuses
    the posts that did not change.
    """
    from .build import build as run_build

    quiet = logging.getLogger().level > logging.WARNING
    sources = sources or (str(SAMPLE_CORPUS_DIR),)
    failures = []

    def on_error(exc):
        failures.append(exc)
        click.echo(f"error: {exc}", err=True)

    show_progress = sys.stderr.isatty() and not quiet
    bar = None

    started = time.perf_counter()

    def show_rate(done):
        return f"{done / max(time.perf_counter() - started, 1e-9):.1f} posts/s" if done else ""

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if not total:   # the posts stream in: their number is known only at the end
            if done % 10 == 0:
                click.echo(f"\rposts: {done}  {show_rate(done)}", err=True, nl=False)
            return
        if bar is None:
            bar = click.progressbar(length=total, label="posts", file=sys.stderr, show_pos=True, show_eta=True,
                                    item_show_func=show_rate)
            bar.__enter__()
        bar.update(1, current_item=done)

    try:
        names = [n.strip() for n in formats.split(",") if n.strip()] if formats else None
        result = run_build(sources, out_dir, strict=strict, on_error=on_error, formats=names, store=store,
                           cluster=cluster, workers=workers, use_cache=not no_cache,
                           progress=progress if show_progress else None)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
        elif show_progress:
            click.echo("", err=True)
    c = result.counts
    if not quiet:
        posts = c["posts"]
        rate = posts / max(time.perf_counter() - started, 1e-9)
        click.echo(f"posts read: {posts} ({len(failures)} source{'s' if len(failures) != 1 else ''} failed), "
                   f"{rate:.1f} posts/s")
        if c["reused"] or c["changed"]:
            click.echo(f"posts new: {c['new']}, changed: {c['changed']}, reused: {c['reused']}")
        click.echo(f"concepts: {c['concepts']} ({c['discovered']} discovered)")
        click.echo(f"relations: {c['relations']} ({c['negated']} negated), "
                   f"evidence sentences: {c['evidence']}, triples: {result.triples}")
        if result.paths:
            click.echo(f"files in {out_dir}/: " + ", ".join(p.name for p in result.paths))
        if store is not None and posts:
            click.echo(f"Oxigraph store: {store}/ (kg query --store {store}, kg serve --store {store})")
    if not c["posts"]:
        click.echo("error: no posts were read; nothing written", err=True)
        sys.exit(1)
    if failures:
        sys.exit(1)


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--concepts", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="The concept key list (TSV with a 'key' column).")
@click.option("--assertions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=DEFAULT_EXPORT_DIR / f"{GRAPH_BASENAME}.tsv", show_default=True)
@click.option("--details", is_flag=True, help="Also list missed and unmatched relations.")
def evaluate(gold: Path, concepts: Path, assertions: Path, details: bool) -> None:
    """Score extracted assertions against a GOLD table: recall and precision per relation."""
    from .evaluate import evaluate as run, report

    score = run(gold, concepts, assertions)
    click.echo(report(score))
    if details:
        click.echo("\nmissed core relations:")
        for item in score.missed:
            click.echo("  " + " ".join(item))
        click.echo("extracted, not in the gold:")
        for item in score.wrong:
            click.echo("  " + " ".join(item))


@main.command()
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="SHACL shapes (default: the project's ontology/shapes.ttl).")
def validate(graph: Path | None, shapes: Path | None) -> None:
    """Check a graph (default exports/graph.ttl) against the SHACL shapes and the OBO label checks."""
    from .validate import validate as run

    report = run(_graph_file(graph, ".ttl"), shapes)
    click.echo(report.text)
    if not report.conforms:
        sys.exit(1)


@main.command()
@click.argument("sparql", required=False)
@click.option("--graph", type=click.Path(path_type=Path), default=None, help="Graph file (default exports/graph.ttl).")
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", help="A named competency question (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the named questions.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml"]), default="table",
              show_default=True)
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph", show_default=True)
@click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Query the Oxigraph store made by 'kg build --store' instead of a graph file.")
def query(sparql, graph, query_file, name, list_queries, fmt, engine, store) -> None:
    """Run a SPARQL 1.1 query (text, --file or --name) over the graph."""
    from .query import format_result, load_graph, named_queries, named_query, query as run_query

    if list_queries:
        for nq in named_queries().values():
            click.echo(f"{nq.name:<36} {nq.question}")
        return
    given = [x for x in (sparql, query_file, name) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY, --file or --name (or --list)")
    text = sparql or (query_file.read_text(encoding="utf-8") if query_file else named_query(name).text)
    if store is not None:
        from .store import store_graph
        if engine != "oxigraph" or graph is not None:
            raise click.UsageError("--store is queried with Oxigraph; it takes no --graph or --engine rdflib")
        result = run_query(store_graph(store), text)
    else:
        result = run_query(load_graph(_graph_file(graph, ".ttl")), text, engine=engine)
    click.echo(format_result(result, fmt), nl=False)


@main.command()
@click.option("--graph", type=click.Path(path_type=Path), default=None, help="Graph file (default exports/graph.ttl).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Serve the Oxigraph store made by 'kg build --store' as it is (no loading).")
def serve(graph, host, port, store) -> None:
    """Serve the graph read-only with the Oxigraph SPARQL server and its query page."""
    from .serve import serve as run

    if store is not None:
        from .store import serve_store
        sys.exit(serve_store(store, host, port, announce=lambda m: click.echo(m, err=True)))
    sys.exit(run(_graph_file(graph, ".ttl"), host, port, announce=lambda m: click.echo(m, err=True)))


@main.command()
@click.argument("endpoint")
@click.option("--graph", type=click.Path(path_type=Path), default=None, help="Graph file (default exports/graph.ttl).")
@click.option("--graph-iri", default=None, help="The named graph to replace (default: the ontology IRI).")
def push(endpoint, graph, graph_iri) -> None:
    """Send the graph to a SPARQL Graph Store Protocol ENDPOINT, replacing one named graph."""
    from .constants import ONTOLOGY_IRI
    from .serve import push as run

    status = run(endpoint, _graph_file(graph, ".ttl"), graph_iri or ONTOLOGY_IRI)
    click.echo(f"pushed to {endpoint} as <{graph_iri or ONTOLOGY_IRI}> (HTTP {status})")


def _load_nx(graph: Path | None):
    from .export.graphml import read

    path = _graph_file(graph, ".graphml")
    if not path.is_file():
        raise KGError(f"{path}: no such graph file (run 'kg build' first or pass --graph)")
    return read(path)


@main.command()
@click.option("--graph", type=click.Path(path_type=Path), default=None, help="GraphML file (default exports/graph.graphml).")
@click.option("--focus", help="Show only this concept (key, label or synonym) and its neighbourhood.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 10))
@click.option("--relation", "relations", multiple=True, help="Only these relations (repeatable).")
@click.option("--category", "categories", multiple=True, help="Only concepts of these categories (repeatable).")
@click.option("--include-negated", is_flag=True, help="Show negated relations (in red).")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path), required=True)
def viz(graph, focus, depth, relations, categories, include_negated, out) -> None:
    """Write an interactive HTML view of all or part of the graph."""
    from .export import write_atomic
    from .visualize import render_html

    html = render_html(_load_nx(graph), focus=focus, depth=depth, relations=list(relations) or None,
                       categories=list(categories) or None, include_negated=include_negated)
    write_atomic(out, html)
    click.echo(f"wrote {out}")


@main.command()
@click.option("--graph", type=click.Path(path_type=Path), default=None, help="GraphML file (default exports/graph.graphml).")
@click.option("--top", default=10, show_default=True, type=int)
def stats(graph, top) -> None:
    """Counts by category and relation, unconnected concepts, and the most central concepts."""
    from .explore import format_stats, stats as run

    click.echo(format_stats(run(_load_nx(graph), top=top)))


@main.command()
@click.argument("source")
@click.argument("target")
@click.option("--graph", type=click.Path(path_type=Path), default=None, help="GraphML file (default exports/graph.graphml).")
def path(source, target, graph) -> None:
    """The shortest chain of stated relations between two concepts, with evidence."""
    from .explore import format_path, path as run

    click.echo(format_path(run(_load_nx(graph), source, target)))


if __name__ == "__main__":
    main()
