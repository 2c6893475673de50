"""The `kg` command: parses arguments and calls the library; heavy imports stay inside commands."""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import click

from .clean import printable, redact_url
from .constants import DEFAULT_EXPORT_DIR, GRAPH_BASENAME, MAX_POST_MB, QUERY_TIMEOUT_S, SAMPLE_CORPUS_DIR
from .errors import KGError
from .query import FORMATS

log = logging.getLogger("kg")


class _Group(click.Group):
    """Turns library errors (user mistakes, bad input) and file errors into one line on stderr, no traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"error: {printable(str(exc))}", err=True)
            sys.exit(1)
        except OSError as exc:   # a file or folder named by the user: missing, a folder, not writable, ...
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"error: {where}{exc.strerror or exc}", err=True)
            sys.exit(1)


def _set_level(quiet: bool, verbose: bool) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger().setLevel(level)


def _verbosity(command):
    """-q / -v, also after the subcommand (kg build corpus -q), as the README shows them."""
    def quiet(ctx, _param, value):
        if value:
            _set_level(True, False)

    def verbose(ctx, _param, value):
        if value:
            _set_level(False, True)

    command = click.option("-v", "--verbose", is_flag=True, expose_value=False, callback=verbose,
                           help="Debug messages.")(command)
    return click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=quiet,
                        help="Only warnings and errors.")(command)


GRAPH_HELP = ("Graph file: any of kg build's graph exports (.ttl, .nt, .jsonld, .owl{}), told by its suffix "
              "or content [default: exports/graph.{}].")


def _graph_option(default_suffix: str, network: bool = False):
    """--graph, one meaning for every command: a graph file in any of the graph's own export formats."""
    return click.option("--graph", type=click.Path(path_type=Path), default=None,
                        help=GRAPH_HELP.format(", .graphml" if network else "", default_suffix))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors.")
@click.option("-v", "--verbose", is_flag=True, help="Debug messages.")
def main(quiet: bool, verbose: bool) -> None:
    """Build and explore a knowledge graph of cancer-spread concepts from clinical articles."""
    _set_level(quiet, verbose)


def _graph_file(graph: Path | None, suffix: str) -> Path:
    return graph if graph is not None else DEFAULT_EXPORT_DIR / f"{GRAPH_BASENAME}{suffix}"


@main.command()
@_verbosity
@click.argument("sources", nargs=-1)
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_EXPORT_DIR,
              show_default=True, help="Folder for the exports.")
@click.option("--strict", is_flag=True, help="Stop at the first source that fails.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A lexicon file (e.g. from 'kg lexicon import') added to the shipped lexicon (repeatable).")
@click.option("--max-post-mb", type=click.FloatRange(min=0, min_open=True), default=MAX_POST_MB, show_default=True,
              help="Refuse a post (or HTML page) whose HTML is larger than this many megabytes.")
@click.option("--formats", default=None, metavar="LIST",
              help="Comma-separated exports to write: ntriples,turtle,jsonld,owl,tsv,graphml,html,sssom "
                   "(default: all up to 1,000 posts, ntriples,tsv above).")
@click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also bulk load the graph into a persistent Oxigraph store in this folder.")
@click.option("--cluster", default=None, metavar="ADDRESS",
              help="Read the posts on a Dask cluster (its scheduler's address, e.g. tcp://host:8786).")
@click.option("--workers", type=click.IntRange(1), default=None, help="Local worker processes (default: one per core).")
@click.option("--no-cache", is_flag=True, help="Read every post again (ignore the rebuild cache in the output folder).")
def build(sources: tuple[str, ...], out_dir: Path, strict: bool, lexicons: tuple[Path, ...], max_post_mb: float,
          formats: str | None, store: Path | None, cluster: str | None, workers: int | None, no_cache: bool) -> None:
    """Build the graph from SOURCES (post JSON, JSON arrays, JSON Lines, HTML, folders, WordPress URLs).

    With no SOURCES, builds the sample corpus shipped with kg. A rebuild into the same folder reuses
    the posts that did not change.
    """
    from .build import build as run_build
    from .lifecycle import stop_on_signals

    quiet = logging.getLogger().level > logging.WARNING
    sources = sources or (str(SAMPLE_CORPUS_DIR),)
    failures = []

    def on_error(exc):
        failures.append(exc)
        click.echo(f"error: {printable(str(exc))}", err=True)

    show_progress = sys.stderr.isatty() and not quiet
    bar = None
    started = time.perf_counter()
    clock = {"posts": 0, "end": started}   # the figure the bar shows last is the summary's

    def rate() -> float:
        return clock["posts"] / max(clock["end"] - started, 1e-9)

    def show_rate(step):
        return f"{step}, {rate():.1f} posts/s" if step else ""

    def progress(done: int, total: int, step: str = "") -> None:
        """done of total steps: one per post read, then one per export written."""
        nonlocal bar
        clock["end"] = time.perf_counter()
        if not step:
            clock["posts"] = done
        if bar is None:
            bar = click.progressbar(length=total, label="building", file=sys.stderr, show_pos=True,
                                    show_eta=True, item_show_func=show_rate)
            bar.__enter__()
        bar.length = max(bar.length, total)   # while the posts stream in, the total grows with them
        bar.update(done - bar.pos, current_item=step or "posts")

    try:
        names = [n.strip() for n in formats.split(",") if n.strip()] if formats else None
        with stop_on_signals():
            result = run_build(sources, out_dir, strict=strict, on_error=on_error,
                               progress=progress if show_progress else None, lexicons=lexicons,
                               max_post_mb=max_post_mb, formats=names, store=store, cluster=cluster,
                               workers=workers, use_cache=not no_cache)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    c = result.counts
    if bar is None:
        clock["posts"], clock["end"] = c["posts"], time.perf_counter()
    if not quiet:
        posts = c["posts"]
        click.echo(f"posts read: {posts} ({len(failures)} source{'s' if len(failures) != 1 else ''} failed), "
                   f"{rate():.1f} posts/s")
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
@_verbosity
@_graph_option("ttl")
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="SHACL shapes (default: the project's ontology/shapes.ttl).")
def validate(graph: Path | None, shapes: Path | None) -> None:
    """Check the graph against the SHACL shapes and ROBOT's report checks; exit 1 on an ERROR."""
    from .validate import validate as run

    report = run(_graph_file(graph, ".ttl"), shapes)
    click.echo(report.text)
    if not report.conforms:
        sys.exit(1)


@main.command()
@_verbosity
@click.argument("sparql", required=False)
@_graph_option("ttl")
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", help="A named competency question (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the named questions.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="SELECT/ASK: table, csv, tsv, json, xml; CONSTRUCT/DESCRIBE: turtle (or table), ntriples, jsonld.")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph", show_default=True)
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Print at most this many rows (or triples).")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated queries calling other endpoints).")
@click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Query the Oxigraph store made by 'kg build --store' instead of a graph file.")
def query(sparql, graph, query_file, name, list_queries, fmt, engine, limit, allow_service, store) -> None:
    """Run a SPARQL 1.1 query (text, --file or --name) over the graph; rows are printed as they come."""
    from .query import load_graph, named_queries, named_query, read_query_file
    from .results import write_query

    if list_queries:
        for nq in named_queries().values():
            click.echo(f"{nq.name:<36} {nq.question}")
        return
    given = [x for x in (sparql, query_file, name) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY, --file or --name (or --list)")
    text = sparql or (read_query_file(query_file) if query_file else named_query(name).text)
    if store is not None:
        from .store import store_graph
        if engine != "oxigraph" or graph is not None:
            raise click.UsageError("--store is queried with Oxigraph; it takes no --graph or --engine rdflib")
        source = store_graph(store)
    else:
        source = load_graph(_graph_file(graph, ".ttl"))
    sys.stdout.flush()
    out = sys.stdout.buffer
    try:
        write_query(source, text, out, fmt, engine=engine, limit=limit, allow_service=allow_service)
        out.flush()
    except BrokenPipeError:   # the reader (head, a pager) has had enough
        sys.stderr.close()
        sys.exit(0)


@main.command()
@_verbosity
@_graph_option("ttl")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--timeout-s", type=click.IntRange(min=1), default=QUERY_TIMEOUT_S, show_default=True,
              help="Stop a query that runs longer than this many seconds.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated queries: the server calls other URLs).")
@click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Serve the Oxigraph store made by 'kg build --store' as it is (no loading).")
def serve(graph, host, port, timeout_s, allow_service, store) -> None:
    """Serve the graph read-only with the Oxigraph SPARQL server and its query page."""
    from .serve import serve as run

    if store is not None and graph is not None:
        raise click.UsageError("give --graph or --store, not both")
    sys.exit(run(None if store is not None else _graph_file(graph, ".ttl"), host, port,
                 announce=lambda m: click.echo(m, err=True), timeout_s=timeout_s, allow_service=allow_service,
                 store=store))


@main.command()
@_verbosity
@click.argument("endpoint")
@_graph_option("ttl")
@click.option("--graph-iri", default=None, help="The named graph to replace (default: the ontology IRI).")
@click.option("--method", type=click.Choice(["put", "post"]), default="put", show_default=True,
              help="put replaces the named graph; post adds to it.")
@click.option("--user", default=None, help="HTTP basic user; the password is read from --password-env.")
@click.option("--password-env", default="KG_PUSH_PASSWORD", show_default=True, metavar="VAR",
              help="Environment variable holding the basic-auth password.")
@click.option("--token-env", default=None, metavar="VAR", help="Environment variable holding a bearer token.")
@click.option("--netrc", "use_netrc", is_flag=True, help="Take user and password for the host from ~/.netrc ($NETRC).")
def push(endpoint, graph, graph_iri, method, user, password_env, token_env, use_netrc) -> None:
    """Send the graph to a SPARQL Graph Store Protocol ENDPOINT as one named graph (PUT replaces, POST adds)."""
    from .constants import ONTOLOGY_IRI
    from .serve import credentials, push as run

    auth = credentials(endpoint, user=user, password_env=password_env, token_env=token_env, use_netrc=use_netrc)
    status = run(endpoint, _graph_file(graph, ".ttl"), graph_iri or ONTOLOGY_IRI, method=method.upper(), auth=auth)
    click.echo(f"pushed to {redact_url(endpoint)} as <{graph_iri or ONTOLOGY_IRI}> with {method.upper()} "
               f"(HTTP {status})")


def _load_nx(graph: Path | None):
    from .graphfile import load_network

    return load_network(_graph_file(graph, ".graphml"))


@main.command()
@_verbosity
@_graph_option("graphml", network=True)
@click.option("--focus", help="Show only this concept (key, label or synonym) and its neighbourhood.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 10))
@click.option("--relation", "relations", multiple=True, help="Only these relations (repeatable).")
@click.option("--category", "categories", multiple=True, help="Only concepts of these categories (repeatable).")
@click.option("--include-negated", is_flag=True, help="Show negated relations (in red).")
@click.option("--keep-unrelated", is_flag=True,
              help="With --relation, also draw the concepts that have none of the shown relations.")
@click.option("-o", "--out", "out", type=click.Path(path_type=Path), required=True)
def viz(graph, focus, depth, relations, categories, include_negated, keep_unrelated, out) -> None:
    """Write an interactive HTML view of all or part of the graph."""
    from .export import write_atomic
    from .visualize import render_html

    html = render_html(_load_nx(graph), focus=focus, depth=depth, relations=list(relations) or None,
                       categories=list(categories) or None, include_negated=include_negated,
                       keep_unrelated=keep_unrelated)
    write_atomic(out, html)
    click.echo(f"wrote {out}")


@main.command()
@_verbosity
@_graph_option("graphml", network=True)
@click.option("--top", default=10, show_default=True, type=int)
def stats(graph, top) -> None:
    """Counts by category and relation, unconnected concepts, and the most central concepts."""
    from .explore import format_stats, stats as run

    click.echo(format_stats(run(_load_nx(graph), top=top)))


@main.command()
@_verbosity
@click.argument("source")
@click.argument("target")
@_graph_option("graphml", network=True)
def path(source, target, graph) -> None:
    """The shortest chain of stated relations between two concepts, with evidence."""
    from .explore import format_path, path as run

    click.echo(format_path(run(_load_nx(graph), source, target)))


# the curators' commands (evaluate, annotate, evaluate-mentions, lexicon) register themselves on `main`
from . import cli_curation  # noqa: E402,F401


if __name__ == "__main__":
    main()
