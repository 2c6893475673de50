"""The assertions table: one row per relation and evidence."""
from __future__ import annotations

import csv
import io

from ..constants import ASSERTION_COLUMNS, CONCEPT
from ..model import KnowledgeGraph

SUFFIX = ".tsv"


def _write_rows(kg: KnowledgeGraph, out) -> None:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(ASSERTION_COLUMNS)
    for a in kg.assertions:
        head = [str(CONCEPT[a.subject]), kg.concepts[a.subject].label, a.relation, str(CONCEPT[a.object]),
                kg.concepts[a.object].label, a.polarity]
        writer.writerows([*head, str(e.hedged).lower(), e.post_id, e.source, e.section, e.sentence.replace("\n", " "),
                          e.start, e.end, e.rule] for e in a.evidence)


def render(kg: KnowledgeGraph) -> str:
    out = io.StringIO()
    _write_rows(kg, out)
    return out.getvalue()


def write(kg, nt_path, handle) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    _write_rows(kg, text)
    text.flush()
    text.detach()
