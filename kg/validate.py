"""Validation: SHACL shapes (pyshacl) and the label and definition checks the OBO community runs."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .constants import DEFINITION, SHAPES_FILE
from .errors import KGError


@dataclass
class Report:
    conforms: bool
    text: str


def obo_checks(g) -> list[str]:
    """Problems an OBO-style review would flag: missing, duplicate or untidy labels and definitions."""
    from rdflib import OWL, RDF, RDFS, URIRef
    from rdflib.namespace import DCTERMS

    problems = []
    labels = defaultdict(list)
    for cls in sorted(set(g.subjects(RDF.type, OWL.Class)), key=str):
        if not isinstance(cls, URIRef):
            continue
        names = list(g.objects(cls, RDFS.label))
        if not names:
            problems.append(f"{cls}: no rdfs:label")
        for name in names:
            text = str(name)
            if text != text.strip() or "  " in text or "\n" in text:
                problems.append(f"{cls}: label {text!r} has stray whitespace")
            labels[(text.lower(), getattr(name, "language", None))].append(cls)
    for (text, _), owners in sorted(labels.items()):
        if len(set(owners)) > 1:
            problems.append(f"label {text!r} is shared by " + ", ".join(sorted(map(str, set(owners)))))
    definitions = defaultdict(set)
    for subject, value in g.subject_objects(DEFINITION):
        definitions[str(value).strip().lower()].add(str(subject))
    for text, owners in sorted(definitions.items()):
        if len(owners) > 1:
            problems.append(f"definition {text[:60]!r}... is shared by " + ", ".join(sorted(owners)))
    for ontology in g.subjects(RDF.type, OWL.Ontology):
        for prop, name in ((DCTERMS.title, "title"), (DCTERMS.description, "description"),
                           (DCTERMS.license, "license")):
            if (ontology, prop, None) not in g:
                problems.append(f"{ontology}: no {name} (dcterms:{name})")
    return problems


def validate(graph_file: Path, shapes: Path | None = None) -> Report:
    """SHACL-validate a graph file and run the OBO checks; a readable report."""
    from pyshacl import validate as shacl
    from rdflib import Graph

    from .query import RDF_FORMATS

    graph_file = Path(graph_file)
    if not graph_file.is_file():
        raise KGError(f"{graph_file}: no such graph file (run 'kg build' first)")
    fmt = RDF_FORMATS.get(graph_file.suffix.lower())
    if fmt is None:
        raise KGError(f"{graph_file}: unknown RDF file type")
    g = Graph().parse(graph_file, format=fmt)
    shape_graph = Graph().parse(shapes or SHAPES_FILE, format="turtle")
    conforms, _, text = shacl(g, shacl_graph=shape_graph, advanced=True, allow_warnings=True)
    problems = obo_checks(g)
    lines = [f"SHACL ({(shapes or SHAPES_FILE).name}): {'conforms' if conforms else 'violations found'}"]
    if not conforms:
        lines.append(text.strip())
    lines.append(f"OBO checks: {'no problems' if not problems else f'{len(problems)} problem(s)'}")
    lines += [f"  - {p}" for p in problems]
    return Report(conforms=conforms and not problems, text="\n".join(lines))
