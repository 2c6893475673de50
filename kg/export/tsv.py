"""The assertions table: one row per relation and evidence."""
from __future__ import annotations

import csv
import io

from ..constants import ASSERTION_COLUMNS, CONCEPT
from ..model import KnowledgeGraph

SUFFIX = ".tsv"


def _write_rows(kg: KnowledgeGraph, out) -> None:
    writer = row_writer(out)
    writer.writerow(ASSERTION_COLUMNS)
    for a in kg.assertions:
        head = head_cells(a.key, kg.concepts)
        writer.writerows([*head, *evidence_cells(e)] for e in a.evidence)


# A row is its relation's cells and its evidence's cells; a streaming build (kg.stream) writes the
# second part as each post is read and the first at the end, when every concept's label is known.

def head_cells(key: tuple[str, str, str, str], concepts: dict) -> list:
    """The cells of a row that name the relation: subject, its label, relation, object, its label, polarity."""
    subject, relation, obj, polarity = key
    return [str(CONCEPT[subject]), concepts[subject].label, relation, str(CONCEPT[obj]), concepts[obj].label, polarity]


def evidence_cells(e) -> list:
    """The cells of a row that come from one evidence."""
    return [str(e.hedged).lower(), e.post_id, e.source, e.section, e.sentence.replace("\n", " "), e.start, e.end, e.rule]


def row_writer(out):
    """The csv writer every row of the table is written with."""
    return csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)


def header_line() -> str:
    out = io.StringIO()
    row_writer(out).writerow(ASSERTION_COLUMNS)
    return out.getvalue()


def render(kg: KnowledgeGraph) -> str:
    out = io.StringIO()
    _write_rows(kg, out)
    return out.getvalue()


def write(kg, nt_path, handle) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    _write_rows(kg, text)
    text.flush()
    text.detach()
