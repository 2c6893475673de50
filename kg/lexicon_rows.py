"""Lexicon files: reading rows, merging hand, generated and imported rows, applying the curation file."""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from .constants import CATEGORIES, CURATION_FILE, GENERATED_LEXICON_FILE, LEXICON_FILE
from .errors import LexiconError
from .tables import table_reader
from .model import Concept

ROW_COLUMNS = ("key", "label", "category", "synonyms", "exact_match", "close_match", "generic",
               "definition", "definition_source", "parents")
CURATION_ACTIONS = ("drop_term", "drop_synonym", "drop_concept", "category", "generic", "label", "case",
                    "add_synonym", "merge", "add_concept")
_KEY = re.compile(r"[a-z0-9_]+")
CURIE = re.compile(r"[A-Z][A-Za-z]*:[A-Za-z0-9_.]+")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def row_line(key, label, category, synonyms, exact, close, definition="", definition_source="", parents=(),
             generic=False) -> str:
    """One lexicon TSV line (tabs and line breaks inside values become spaces)."""
    cells = [key, label, category, "|".join(_clean(s).replace("|", "/") for s in synonyms), " ".join(exact),
             " ".join(close), "y" if generic else "", definition, definition_source, " ".join(parents)]
    return "\t".join(_clean(c) for c in cells)


def _table(path: Path) -> list[dict[str, str]]:
    return list(table_reader(path))


def read_rows(path: Path) -> list[dict]:
    """The rows of one lexicon TSV as dicts (key, label, category, names, codes, ...), checked."""
    rows, keys = [], set()
    for n, row in enumerate(_table(path), 1):
        key = (row.get("key") or "").strip()
        if not key or not _KEY.fullmatch(key):
            raise LexiconError(f"{path}: row {n} has no valid key ({key!r})")
        if key in keys:
            raise LexiconError(f"{path}: key {key!r} appears twice")
        keys.add(key)
        category = (row.get("category") or "").strip()
        if category not in CATEGORIES:
            raise LexiconError(f"{path}: {key}: unknown category {category!r}")
        label = (row.get("label") or "").strip()
        if not label:
            raise LexiconError(f"{path}: {key}: no label")
        synonyms = [s.strip() for s in (row.get("synonyms") or "").split("|") if s.strip()]
        exact, close = (row.get("exact_match") or "").split(), (row.get("close_match") or "").split()
        rows.append({
            "key": key, "label": label, "category": category, "synonyms": synonyms, "names": [label, *synonyms],
            "exact_match": exact, "close_match": close, "codes": exact + close,
            "generic": (row.get("generic") or "").strip().lower() in ("y", "yes", "true"),
            "definition": (row.get("definition") or "").strip(),
            "definition_source": (row.get("definition_source") or "").strip(),
            "parents": (row.get("parents") or "").split(), "origin": str(path),
        })
    return rows


def lexicon_files(paths: Path | Sequence[Path]) -> list[Path]:
    """The files a lexicon argument names: the shipped lexicon stands for its hand and generated files."""
    out = []
    for path in [paths] if isinstance(paths, (str, Path)) else list(paths):
        path = Path(path)
        out.append(path)
        if path.resolve() == LEXICON_FILE.resolve() and GENERATED_LEXICON_FILE.is_file():
            out.append(GENERATED_LEXICON_FILE)
    return out


def load_concepts(paths: Path | Sequence[Path] = LEXICON_FILE) -> dict[str, Concept]:
    """Concepts of the lexicon files, earlier files first: a row whose key is already known adds its
    names, codes, definition and parents to that concept (the first one's label and category win), and
    a name an earlier concept holds is dropped from later ones. The curation file applies to the shipped lexicon."""
    files = lexicon_files(paths)
    rows = [row for path in files for row in read_rows(path)]
    if any(p.resolve() == LEXICON_FILE.resolve() for p in files) and CURATION_FILE.is_file():
        rows = apply_curation(rows, read_curation(CURATION_FILE))
    return merge_rows(rows)


def merge_rows(rows: list[dict]) -> dict[str, Concept]:
    from .lexicon import is_acronym, term_key

    concepts: dict[str, Concept] = {}
    owner: dict[tuple, str] = {}
    cased: set[str] = set()
    for row in rows:
        cased.update(row.get("cased", ()))
    for row in rows:
        key = row["key"]
        concept = concepts.get(key)
        if concept is None:
            concept = concepts[key] = Concept(key=key, label=row["label"], category=row["category"],
                                              generic=row["generic"])
        names = row["names"] if concept.label != row["label"] else row["synonyms"]
        for name in names:
            k = term_key(name)
            if not k or owner.setdefault(k, key) != key:
                continue
            if name.lower() == concept.label.lower():
                continue
            if is_acronym(name) or name in cased:
                if name not in concept.abbreviations:
                    concept.abbreviations.append(name)
            elif name not in concept.synonyms:
                concept.synonyms.append(name)
        # a later row adds codes of vocabularies the concept has no code of yet: the first row's codes win
        # (the hand rows' codes were checked against current mappings)
        have = {c.split(":")[0] for c in concept.exact_match + concept.close_match}
        for attr in ("exact_match", "close_match"):
            getattr(concept, attr).extend(c for c in row[attr] if c.split(":")[0] not in have
                                          and c not in concept.exact_match + concept.close_match)
        if row["definition"] and not concept.definition:
            concept.definition, concept.definition_source = row["definition"], row["definition_source"]
        concept.parents.extend(p for p in row["parents"] if p not in concept.parents and p != key)
    for concept in concepts.values():
        concept.parents = [p for p in concept.parents if p in concepts]
    return concepts


# --- curation ---------------------------------------------------------------------------------
def read_curation(path: Path) -> list[dict[str, str]]:
    """The hand decisions: action, key, term, value, reason (each row must give its reason)."""
    out = []
    for n, row in enumerate(_table(path), 1):
        action = (row.get("action") or "").strip()
        if action not in CURATION_ACTIONS:
            raise LexiconError(f"{path}: row {n}: unknown action {action!r} (one of {', '.join(CURATION_ACTIONS)})")
        if not (row.get("reason") or "").strip():
            raise LexiconError(f"{path}: row {n}: {action} gives no reason")
        if action == "category" and (row.get("value") or "").strip() not in CATEGORIES:
            raise LexiconError(f"{path}: row {n}: category {row.get('key')}: unknown category {row.get('value')!r} "
                               "(the value column names it)")
        out.append({k: (row.get(k) or "").strip() for k in ("action", "key", "term", "value", "reason")})
    return out


def apply_curation(rows: list[dict], decisions: list[dict[str, str]]) -> list[dict]:
    """Rows after the hand decisions. Hand rows (lexicon.tsv) are changed only by add_synonym and case."""
    from .lexicon import term_key

    by_action: dict[str, list[dict[str, str]]] = {}
    for d in decisions:
        by_action.setdefault(d["action"], []).append(d)
    hand = str(LEXICON_FILE)
    merge = {d["key"]: d["value"] for d in by_action.get("merge", [])}
    dropped = {d["key"] for d in by_action.get("drop_concept", [])}
    recat = {d["key"]: d["value"] for d in by_action.get("category", [])}
    generic = {d["key"] for d in by_action.get("generic", [])}
    relabel = {d["key"]: d["term"] for d in by_action.get("label", [])}
    drop_term = {term_key(d["term"]) for d in by_action.get("drop_term", [])}
    drop_syn = {(d["key"], term_key(d["term"])) for d in by_action.get("drop_synonym", [])}
    cased = {d["term"] for d in by_action.get("case", [])}
    for d in by_action.get("add_concept", []):
        category, *codes = d["value"].split()   # "Neoplasm NCIT:C3234": the category, then the source's codes
        if category not in CATEGORIES:
            raise LexiconError(f"{CURATION_FILE}: add_concept {d['key']}: unknown category {category!r}")
        if any(not CURIE.fullmatch(c) for c in codes):
            raise LexiconError(f"{CURATION_FILE}: add_concept {d['key']}: a code must be a CURIE ({d['value']!r})")
        rows.append({"key": d["key"], "label": d["term"], "category": category, "synonyms": [],
                     "names": [d["term"]], "exact_match": codes, "close_match": [], "codes": codes, "generic": False,
                     "definition": "", "definition_source": "", "parents": [], "origin": str(CURATION_FILE)})
    out = []
    for row in rows:
        key = row["key"]
        if row["origin"] != hand:
            if key in dropped:
                continue
            row = dict(row, key=merge.get(key, key))
            if key in recat:
                row["category"] = recat[key]
            if key in generic:
                row["generic"] = True
            if key in relabel:
                row["names"] = [relabel[key], *row["names"]]
                row["label"] = relabel[key]
            keep = [n for n in row["names"] if term_key(n) not in drop_term and (key, term_key(n)) not in drop_syn]
            if not keep:
                continue
            if row["label"] not in keep:
                row["label"] = keep[0]
            row["names"], row["synonyms"] = keep, [n for n in keep if n != row["label"]]
            row["parents"] = [merge.get(p, p) for p in row["parents"] if p not in dropped]
        row["cased"] = cased
        out.append(row)
    first = {}
    for row in out:
        first.setdefault(row["key"], row)
    for d in by_action.get("add_synonym", []):
        if d["key"] not in first:
            raise LexiconError(f"{CURATION_FILE}: add_synonym: no concept {d['key']!r}")
        row = first[d["key"]]
        row["names"] = [*row["names"], d["term"]]
        row["synonyms"] = [*row["synonyms"], d["term"]]
    return out
