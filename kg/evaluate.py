"""Score extracted assertions against a gold table: recall and precision per relation and per document."""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .constants import SYMMETRIC_RELATIONS
from .errors import KGError
from .lexicon import term_key


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
    unknown_correct: int = 0   # of those, matched all the same (by a name the gold's concept shares)
    per_relation: dict[str, dict[str, int]] = field(default_factory=dict)
    per_document: dict[str, dict[str, int]] = field(default_factory=dict)
    missed: list[tuple] = field(default_factory=list)
    wrong: list[tuple] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.core_found / self.core if self.core else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 0.0

    @property
    def key_list_precision(self) -> float:
        """Precision over the extracted rows whose two concepts are in the key list: a gold written with
        those keys only cannot hold a relation of a concept it has no key for."""
        known = self.extracted - self.unknown_concepts
        return (self.correct - self.unknown_correct) / known if known else 0.0

    @property
    def hedge_agreement(self) -> float:
        return self.hedge_agree / self.hedge_scored if self.hedge_scored else 0.0


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
    except OSError as exc:
        raise KGError(f"{path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise KGError(f"{path}: not UTF-8 text") from None
    return list(csv.DictReader(lines, delimiter="\t"))


def _key_of(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def name_form(name: str) -> str:
    """A name as matching compares it: lower case, singular, US spelling, words joined by spaces."""
    return " ".join(term_key(name.replace("_", " ")))


def _gold_names(concept: str) -> frozenset[str]:
    """A gold concept's names: its key, or the label after '?'."""
    return frozenset({name_form(concept[1:] if concept.startswith("?") else concept)})


def read_manifest(path: Path) -> dict[str, str]:
    """URL -> document id of a manifest (TSV: id, url; header optional)."""
    out: dict[str, str] = {}
    for line in _lines(path):
        cells = line.split("\t")
        if len(cells) >= 2 and cells[1].strip().lower() != "url":
            out[_url_form(cells[1])] = cells[0].strip()
    return out


def _lines(path: Path) -> list[str]:
    try:
        return [line for line in Path(path).read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    except OSError as exc:
        raise KGError(f"{path}: cannot be read ({exc.strerror})") from None


def _url_form(url: str) -> str:
    url = url.strip()
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            url = url[len(scheme):]
    return url.rstrip("/")


class _Names:
    """Every name of a project concept: its key, the label in the table, and the lexicon's synonyms."""

    def __init__(self, lexicon_names: dict[str, set[str]]):
        self.lexicon = lexicon_names
        self.cache: dict[tuple[str, str], frozenset[str]] = {}

    def of(self, key: str, label: str) -> frozenset[str]:
        found = self.cache.get((key, label))
        if found is None:
            names = {key, label, *self.lexicon.get(key, ())}
            found = self.cache[(key, label)] = frozenset(name_form(n) for n in names if n)
        return found


def lexicon_names(concepts) -> dict[str, set[str]]:
    """key -> label, synonyms and abbreviations of each concept of a lexicon."""
    return {k: {c.label, *c.synonyms, *c.abbreviations} for k, c in concepts.items()}


def evaluate(gold: Path, concepts: Path | None, assertions: Path, manifest: Path | None = None,
             names: dict[str, set[str]] | None = None) -> Score:
    """Compare an assertions table (kg's TSV) with a gold TSV.

    A gold concept is a key (of the concept list) or '?label'; an extracted concept matches it when
    its key, label or a synonym (names: key -> names, e.g. from the lexicon) has the same name form.
    The manifest maps the gold's document ids to the sources (URLs) of the assertions table.
    """
    keys = {row["key"] for row in _rows(concepts)} if concepts else None
    gold_rows = _rows(gold)
    for column in ("post", "subject", "relation", "object", "polarity", "hedged", "tier"):
        if gold_rows and column not in gold_rows[0]:
            raise KGError(f"{gold}: no column {column!r}")
    docs = read_manifest(manifest) if manifest else {}
    namer = _Names(names or {})

    # the gold, by (document, relation, polarity)
    gold_by: dict[tuple, list[tuple]] = defaultdict(list)
    for row in gold_rows:
        pol = "negative" if row["polarity"].strip() == "-" else "positive"
        item = (row["post"], row["subject"], row["relation"], row["object"], pol)
        gold_by[(row["post"], row["relation"], pol)].append(
            (item, _gold_names(row["subject"]), _gold_names(row["object"]), row))

    # the extracted relations, one per (document, subject, relation, object, polarity)
    extracted: dict[tuple, dict] = {}
    for row in _rows(assertions):
        post = row.get("post") or row.get("source", "")
        if docs:
            post = docs.get(_url_form(row.get("source", "")), docs.get(_url_form(post), post))
        s, o = _key_of(row["subject"]), _key_of(row["object"])
        item = (post, s, row["relation"], o, row["polarity"])
        entry = extracted.setdefault(item, {"hedges": [], "s": namer.of(s, row.get("subject_label", "")),
                                            "o": namer.of(o, row.get("object_label", ""))})
        entry["hedges"].append(row["hedged"].strip().lower() == "true")

    def matches(item, entry, g) -> bool:
        _, gs, go, _ = g
        if entry["s"] & gs and entry["o"] & go:
            return True
        return item[2] in SYMMETRIC_RELATIONS and bool(entry["s"] & go and entry["o"] & gs)

    ext_by: dict[tuple, list[tuple]] = defaultdict(list)
    for item, entry in extracted.items():
        ext_by[(item[0], item[2], item[4])].append((item, entry))

    score = Score()
    per = defaultdict(lambda: defaultdict(int))
    per_doc = defaultdict(lambda: defaultdict(int))
    for (post, relation, pol), golds in gold_by.items():
        candidates = ext_by.get((post, relation, pol), [])
        flipped = ext_by.get((post, relation, "positive" if pol == "negative" else "negative"), [])
        for g in golds:
            item, row = g[0], g[3]
            found = any(matches(i, e, g) for i, e in candidates)
            if row["tier"] == "core":
                score.core += 1
                per[relation]["core"] += 1
                per_doc[post]["core"] += 1
                if found:
                    score.core_found += 1
                    per[relation]["core_found"] += 1
                    per_doc[post]["core_found"] += 1
                else:
                    score.missed.append(item)
            if not found and any(matches(i, e, g) for i, e in flipped):
                score.opposite.append(item)
    for (post, relation, pol), entries in sorted(ext_by.items()):
        golds = gold_by.get((post, relation, pol), [])
        for item, entry in entries:
            score.extracted += 1
            per[relation]["extracted"] += 1
            per_doc[post]["extracted"] += 1
            unknown = keys is not None and (item[1] not in keys or item[3] not in keys)
            score.unknown_concepts += unknown
            hits = [g for g in golds if matches(item, entry, g)]
            if not hits:
                score.wrong.append(item)
                continue
            score.unknown_correct += unknown
            score.correct += 1
            per[relation]["correct"] += 1
            per_doc[post]["correct"] += 1
            row = min(hits, key=lambda g: g[3]["tier"] != "core")[3]
            if row["hedged"] in ("y", "n"):
                score.hedge_scored += 1
                score.hedge_agree += int(all(entry["hedges"]) == (row["hedged"] == "y"))
    score.missed.sort()
    score.wrong.sort()
    score.per_relation = {k: dict(v) for k, v in sorted(per.items())}
    score.per_document = {k: dict(v) for k, v in sorted(per_doc.items())}
    return score


def _table(title: str, rows: dict[str, dict[str, int]]) -> list[str]:
    lines = [f"{title:<17} {'core':>5} {'found':>6} {'recall':>7} {'extracted':>10} {'correct':>8} {'precision':>10}"]
    for name, c in rows.items():
        core, found, ext, cor = c.get("core", 0), c.get("core_found", 0), c.get("extracted", 0), c.get("correct", 0)
        rec = f"{found / core:.2f}" if core else "-"
        prec = f"{cor / ext:.2f}" if ext else "-"
        lines.append(f"{name[:17]:<17} {core:>5} {found:>6} {rec:>7} {ext:>10} {cor:>8} {prec:>10}")
    return lines


def report(score: Score, per_document: bool = False) -> str:
    """A readable table of the score."""
    lines = _table("relation", score.per_relation)
    if per_document:
        lines += [""] + _table("document", score.per_document)
    lines.append("")
    lines.append(f"core recall     {score.recall:.3f} ({score.core_found}/{score.core})")
    outside = (f"; {score.unknown_concepts} with concepts outside the key list" if score.unknown_concepts else "")
    lines.append(f"precision       {score.precision:.3f} ({score.correct}/{score.extracted}{outside})")
    if score.unknown_concepts:
        known = score.extracted - score.unknown_concepts
        lines.append(f"  in key list   {score.key_list_precision:.3f} ({score.correct - score.unknown_correct}/{known}"
                     " rows whose concepts both have a key)")
    lines.append(f"hedged agrees   {score.hedge_agreement:.3f} ({score.hedge_agree}/{score.hedge_scored} matched rows)")
    lines.append(f"opposite sign   {len(score.opposite)} gold relations extracted with the opposite polarity")
    return "\n".join(lines)
