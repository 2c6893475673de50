"""Validation: SHACL shapes (pyshacl) and ROBOT's report checks (kg.report), with our own definition count."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .constants import PREFIX_IRIS, SHAPES_FILE
from .report import Violation, format_table, run_rules

# Concepts (classes with a kg:key, punned as individuals) with no definition: ROBOT's missing_definition
# does not see a class that is also an owl:NamedIndividual, so this is counted here.
_UNDEFINED = """SELECT (COUNT(?c) AS ?all) (SUM(?missing) AS ?undefined) WHERE {
  { SELECT DISTINCT ?c WHERE { ?c kg:key ?key } }
  BIND(IF(EXISTS { ?c obo:IAO_0000115 ?d }, 0, 1) AS ?missing)
}"""


@dataclass
class Report:
    conforms: bool
    text: str
    violations: list[Violation] = field(default_factory=list)
    shacl_conforms: bool = True
    concepts: int = 0
    undefined: int = 0

    @property
    def errors(self) -> int:
        return sum(v.level == "ERROR" for v in self.violations)


def validate(graph_file: Path, shapes: Path | None = None) -> Report:
    """SHACL-validate a graph file (any RDF export) and run ROBOT's report checks; fails on an ERROR."""
    from pyshacl import validate as shacl
    from rdflib import Graph

    from .query import load_graph

    graph = load_graph(graph_file)
    store = graph.store()
    violations = run_rules(store)
    row = next(iter(store.query(_UNDEFINED, prefixes=PREFIX_IRIS)))
    concepts, undefined = int(row["all"].value), int(row["undefined"].value)
    shape_graph = Graph().parse(shapes or SHAPES_FILE, format="turtle")
    conforms, _, text = shacl(graph.rdflib(), shacl_graph=shape_graph, advanced=True, allow_warnings=True)
    report = Report(conforms=False, text="", violations=violations, shacl_conforms=conforms, concepts=concepts,
                    undefined=undefined)
    lines = [f"SHACL ({(shapes or SHAPES_FILE).name}): {'conforms' if conforms else 'violations found'}"]
    if not conforms:
        lines.append(text.strip())
    lines += ["", "ROBOT report checks:", format_table(violations), "",
              f"concepts without a definition: {undefined} of {concepts} (counted here: ROBOT's missing_definition "
              "skips classes that are also individuals)"]
    report.conforms = conforms and report.errors == 0
    report.text = "\n".join(lines)
    return report
