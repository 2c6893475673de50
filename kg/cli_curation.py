"""The curators' commands of `kg`: evaluate, annotate, evaluate-mentions, and lexicon build / import."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli import _verbosity, main
from .constants import DEFAULT_EXPORT_DIR, GRAPH_BASENAME, LEXICON_FILE


@main.command()
@_verbosity
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--concepts", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="The concept key list (TSV with a 'key' column): extracted concepts outside it are counted.")
@click.option("--assertions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=DEFAULT_EXPORT_DIR / f"{GRAPH_BASENAME}.tsv", show_default=True)
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="TSV of the gold's document ids and their URLs (the assertions' source column).")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A lexicon whose synonyms also name its concepts when matching (default: the shipped one).")
@click.option("--details", is_flag=True, help="Also list missed and unmatched relations.")
def evaluate(gold: Path, concepts: Path | None, assertions: Path, manifest: Path | None, lexicons: tuple[Path, ...],
             details: bool) -> None:
    """Score extracted assertions against a GOLD table: recall and precision per relation and document."""
    from .evaluate import evaluate as run, lexicon_names, report
    from .lexicon import load_lexicon

    names: dict[str, set[str]] = {}
    for path in lexicons or (LEXICON_FILE,):
        for key, found in lexicon_names(load_lexicon(path)).items():
            names.setdefault(key, set()).update(found)
    score = run(gold, concepts, assertions, manifest=manifest, names=names)
    click.echo(report(score, per_document=len(score.per_document) > 1))
    if details:
        click.echo("\nmissed core relations:")
        for item in score.missed:
            click.echo("  " + " ".join(item))
        click.echo("extracted, not in the gold:")
        for item in score.wrong:
            click.echo("  " + " ".join(item))


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["tsv", "jsonl"]), default="tsv", show_default=True)
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A lexicon file added to the shipped lexicon (repeatable).")
def annotate(sources: tuple[str, ...], fmt: str, lexicons: tuple[Path, ...]) -> None:
    """Print every concept mention in SOURCES, one per row: source, start, end, text, concept, label, ..."""
    from .annotate import annotate as run, format_rows

    failures = []

    def on_error(exc):
        failures.append(exc)
        click.echo(f"error: {exc}", err=True)

    for line in format_rows(run(sources, lexicons, on_error=on_error), fmt):
        click.echo(line)
    if failures:
        sys.exit(1)


@main.command("evaluate-mentions")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="TSV of document id and its source URL (no header).")
@click.option("--annotations", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="The TSV that 'kg annotate' printed for the documents.")
@click.option("--details", is_flag=True, help="Also list the gold concepts not found.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A lexicon file the annotations were made with, for its concepts' names (repeatable).")
def evaluate_mentions(gold: Path, manifest: Path, annotations: Path, details: bool, lexicons: tuple[Path, ...]) -> None:
    """Concept recall: of the concepts GOLD's core rows name in each document, the share its annotations find."""
    from .mention_eval import concept_recall, report

    score = concept_recall(gold, manifest, annotations, lexicons)
    click.echo(report(score, details))


@main.group()
def lexicon() -> None:
    """Build the generated lexicon from source ontologies, or import an ontology's branches as lexicon rows."""


@lexicon.command("build")
@click.option("--sources", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Folder of the source ontology files (NCIt JSON, MAxO, Uberon, MONDO-NCIt SSSOM, GDC yaml).")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: the project's ontology/lexicon-generated.tsv).")
def lexicon_build(sources: Path, out: Path | None) -> None:
    """Rebuild ontology/lexicon-generated.tsv from the source ontologies (the documented selection)."""
    from .lexicon_build import main as run

    sys.exit(run([str(sources), *(["-o", str(out)] if out else [])]))


@lexicon.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--root", "roots", multiple=True, required=True, help="A root term (CURIE or IRI) whose branch to take (repeatable).")
@click.option("--category", default="DiscoveredConcept", show_default=True,
              help="The schema category of the imported concepts.")
@click.option("--depth", type=click.IntRange(0, None), default=None, help="Levels below the roots (default: all).")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output lexicon TSV (default: standard output).")
def lexicon_import(file: Path, roots: tuple[str, ...], category: str, depth: int | None, out: Path | None) -> None:
    """Write lexicon rows (codes, labels, synonyms, definitions, parents) for the branches of FILE under the roots.

    FILE is OBO, OWL (RDF/XML or Turtle) or OBO Graphs JSON. What cannot be read is reported, and the rest kept.
    """
    from .export import write_atomic
    from .lexicon_import import import_rows

    text, problems, count = import_rows(file, list(roots), category, depth)
    for problem in problems:
        click.echo(f"warning: {file}: {problem}", err=True)
    if out is None:
        click.echo(text, nl=False)
    else:
        write_atomic(out, text)
    click.echo(f"{count} concepts from {file}" + (f" written to {out}" if out else "")
               + (f"; {len(problems)} problems (see above)" if problems else ""), err=True)
