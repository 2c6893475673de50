"""Score extracted assertions against a gold table: per-relation and overall recall and precision."""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .constants import SYMMETRIC_RELATIONS
from .errors import KGError


@dataclass
class Score:
    """The result of one evaluation."""

    core: int = 0
    core_found: int = 0
    extracted: int = 0
    correct: int = 0
    hedge_scored: int = 0
    hedge_agree: int = 0
    opposite: list[tuple] = field(default_factory=list)
    unknown_concepts: int = 0
    per_relation: dict[str, dict[str, int]] = field(default_factory=dict)
    missed: list[tuple] = field(default_factory=list)
    wrong: list[tuple] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.core_found / self.core if self.core else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 0.0

    @property
    def hedge_agreement(self) -> float:
        return self.hedge_agree / self.hedge_scored if self.hedge_scored else 0.0


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
    except OSError as exc:
        raise KGError(f"{path}: cannot be read ({exc.strerror})") from None
    return list(csv.DictReader(lines, delimiter="\t"))


def _key_of(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _norm(post: str, s: str, r: str, o: str) -> tuple[str, str, str, str]:
    if r in SYMMETRIC_RELATIONS and s > o:
        s, o = o, s
    return (post, s, r, o)


def evaluate(gold: Path, concepts: Path, assertions: Path) -> Score:
    """Compare an assertions table (kg's TSV) with a gold TSV whose concepts are keys of concepts.tsv."""
    keys = {row["key"] for row in _rows(concepts)}
    gold_rows = _rows(gold)
    for column in ("post", "subject", "relation", "object", "polarity", "hedged", "tier"):
        if gold_rows and column not in gold_rows[0]:
            raise KGError(f"{gold}: no column {column!r}")
    gold_pol: dict[tuple, dict] = {}
    for row in gold_rows:
        pol = "negative" if row["polarity"].strip() == "-" else "positive"
        gold_pol[_norm(row["post"], row["subject"], row["relation"], row["object"]) + (pol,)] = row
    extracted: dict[tuple, list[bool]] = defaultdict(list)
    rows = _rows(assertions)
    for row in rows:
        post = row.get("post") or row.get("source", "")
        item = _norm(post, _key_of(row["subject"]), row["relation"], _key_of(row["object"])) + (row["polarity"],)
        extracted[item].append(row["hedged"].strip().lower() == "true")
    score = Score()
    per = defaultdict(lambda: defaultdict(int))
    for item, row in gold_pol.items():
        relation = item[2]
        if row["tier"] == "core":
            score.core += 1
            per[relation]["core"] += 1
            if item in extracted:
                score.core_found += 1
                per[relation]["core_found"] += 1
            else:
                score.missed.append(item)
        opposite = item[:4] + ("positive" if item[4] == "negative" else "negative",)
        if opposite in extracted and opposite not in gold_pol:
            score.opposite.append(item)
    for item, hedges in extracted.items():
        relation = item[2]
        score.extracted += 1
        per[relation]["extracted"] += 1
        if item[1] not in keys or item[3] not in keys:
            score.unknown_concepts += 1
        row = gold_pol.get(item)
        if row is None:
            score.wrong.append(item)
            continue
        score.correct += 1
        per[relation]["correct"] += 1
        if row["hedged"] in ("y", "n"):
            score.hedge_scored += 1
            score.hedge_agree += int(all(hedges) == (row["hedged"] == "y"))
    score.per_relation = {k: dict(v) for k, v in sorted(per.items())}
    return score


def report(score: Score) -> str:
    """A readable table of the score."""
    lines = [f"{'relation':<17} {'core':>5} {'found':>6} {'recall':>7} {'extracted':>10} {'correct':>8} {'precision':>10}"]
    for rel, c in score.per_relation.items():
        core, found, ext, cor = c.get("core", 0), c.get("core_found", 0), c.get("extracted", 0), c.get("correct", 0)
        rec = f"{found / core:.2f}" if core else "-"
        prec = f"{cor / ext:.2f}" if ext else "-"
        lines.append(f"{rel:<17} {core:>5} {found:>6} {rec:>7} {ext:>10} {cor:>8} {prec:>10}")
    lines.append("")
    lines.append(f"core recall     {score.recall:.3f} ({score.core_found}/{score.core})")
    lines.append(f"precision       {score.precision:.3f} ({score.correct}/{score.extracted}; "
                 f"{score.unknown_concepts} with concepts outside the key list, counted wrong)")
    lines.append(f"hedged agrees   {score.hedge_agreement:.3f} ({score.hedge_agree}/{score.hedge_scored} matched rows)")
    lines.append(f"opposite sign   {len(score.opposite)} gold relations extracted with the opposite polarity")
    return "\n".join(lines)
