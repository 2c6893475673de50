"""Concept recall of `kg annotate` output against the concepts that a gold table's core rows name."""
from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .constants import CONCEPT, LEXICON_FILE
from .errors import KGError
from .lexicon import load_lexicon, term_key


@dataclass
class MentionScore:
    """Gold concepts per document, and which of them the annotations found."""

    total: int = 0
    found: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)   # (document, gold concept)
    per_document: dict[str, tuple[int, int]] = field(default_factory=dict)   # id -> (found, total)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0


def normal(name: str) -> str:
    """A name as compared: lower case, US spelling, singular, words joined by one space."""
    return " ".join(term_key(name.replace("_", " ")))


def _rows(path: Path, header: bool) -> list[list[str]]:
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    except (OSError, UnicodeDecodeError) as exc:
        raise KGError(f"{path}: cannot be read ({exc})") from None
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[1:] if header else rows


def gold_concepts(gold: Path) -> dict[str, list[str]]:
    """Document id -> the concepts (keys or ?labels) that its core rows name, in order of first use."""
    out: dict[str, dict[str, None]] = {}
    for n, row in enumerate(_rows(gold, header=False), 1):
        if len(row) < 7:
            raise KGError(f"{gold}: row {n} has {len(row)} columns, expected 8")
        if row[0] == "post" or row[6] != "core":
            continue
        out.setdefault(row[0], {}).update(dict.fromkeys((row[1], row[3])))
    return {doc: list(concepts) for doc, concepts in out.items()}


def concept_recall(gold: Path, manifest: Path, annotations: Path,
                   lexicons: Sequence[Path] = ()) -> MentionScore:
    """The share of gold (document, concept) pairs whose concept the document's annotations name."""
    urls = {row[0]: row[1] for row in _rows(manifest, header=False) if len(row) >= 2}
    concepts = load_lexicon([LEXICON_FILE, *lexicons])
    names_by_source: dict[str, set[str]] = {}
    ann = _rows(annotations, header=True)
    for n, row in enumerate(ann, 2):
        if len(row) < 9:
            raise KGError(f"{annotations}: line {n} has {len(row)} columns, expected 9 (kg annotate output)")
        source, text, iri, label = row[0], row[3], row[4], row[5]
        key = iri[len(str(CONCEPT)):] if iri.startswith(str(CONCEPT)) else iri
        names = names_by_source.setdefault(source, set())
        names.update({"=" + key, normal(label), normal(text)})
        c = concepts.get(key)
        if c is not None:
            names.update(normal(s) for s in [c.label, *c.synonyms, *c.abbreviations])
    score = MentionScore()
    for doc, wanted in sorted(gold_concepts(gold).items()):
        if doc not in urls:
            raise KGError(f"{manifest}: no URL for document {doc}")
        names = names_by_source.get(urls[doc], set())
        hits = 0
        for concept in wanted:
            if concept.startswith("?"):
                ok = normal(concept[1:]) in names
            else:
                ok = "=" + concept in names or (concept in concepts and
                                                any(normal(n) in names for n in [concepts[concept].label]))
            hits += ok
            if not ok:
                score.missed.append((doc, concept))
        score.per_document[doc] = (hits, len(wanted))
        score.total += len(wanted)
        score.found += hits
    return score


def report(score: MentionScore, details: bool = False) -> str:
    lines = [f"{'document':<10} found  total", *(f"{doc:<10} {f:>5}  {t:>5}" for doc, (f, t) in score.per_document.items()),
             "", f"concept recall  {score.recall:.3f} ({score.found}/{score.total})"]
    if details and score.missed:
        lines += ["", "gold concepts not found:", *(f"  {doc} {concept}" for doc, concept in score.missed)]
    return "\n".join(lines)
