"""`kg lexicon import`: the branches of a user's ontology under given roots, as lexicon rows."""
from __future__ import annotations

import re
from pathlib import Path

from .constants import CATEGORIES, XREF_PREFIXES
from .errors import LexiconError
from .lexicon import term_key
from .lexicon_rows import ROW_COLUMNS, row_line
from .ontology_io import curie, read_ontology

_OBO_PURL = "http://purl.obolibrary.org/obo/"


def code_of(term_id: str) -> str:
    """A code the graph can turn into an IRI: a known CURIE, an IRI, or the OBO PURL of an OBO id."""
    prefix, sep, local = term_id.partition(":")
    if term_id.startswith(("http://", "https://")) or (sep and prefix in XREF_PREFIXES):
        return term_id
    if sep and re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", prefix) and local:
        return f"{_OBO_PURL}{prefix}_{local}"
    return term_id


def import_rows(path: Path, roots: list[str], category: str, depth: int | None = None) -> tuple[str, list[str], int]:
    """(lexicon TSV text, problems, concept count) for the terms under roots in the ontology at path."""
    if category not in CATEGORIES:
        raise LexiconError(f"unknown category {category!r} (one of {', '.join(CATEGORIES)})")
    onto = read_ontology(Path(path))
    problems = list(onto.problems)
    found = []
    for root in roots:
        rid = curie(root) if root.startswith(("http://", "https://")) else root
        if rid in onto.terms:
            found.append(rid)
        else:
            problems.append(f"root {root} is not a term of this file, skipped")
    if not found:
        raise LexiconError(f"{path}: none of the roots ({', '.join(roots)}) is a term of this file")
    selected = onto.branch(found, depth)
    keys: dict[str, str] = {}
    used: set[str] = set()
    for tid in sorted(selected):
        term = onto.terms[tid]
        key = "_".join(term_key(term.label))[:60].strip("_") or "concept"
        if not re.match(r"[a-z]", key):
            key = "c_" + key
        if key in used:
            key = f"{key}_{re.sub(r'[^a-z0-9]+', '_', tid.lower()).strip('_')}"[:80]
        used.add(key)
        keys[tid] = key
    lines = [f"# Lexicon rows imported by `kg lexicon import` from {Path(path).name}, the branches under "
             f"{' '.join(found)}{'' if depth is None else f' to depth {depth}'}.",
             "\t".join(ROW_COLUMNS)]
    for tid in sorted(selected, key=lambda t: keys[t]):
        term = onto.terms[tid]
        synonyms = list(dict.fromkeys(s for s in term.exact_synonyms() if s and s != term.label))
        xrefs = [x for x in term.xrefs if x.partition(":")[0] in XREF_PREFIXES and x != tid]
        parents = sorted(keys[p] for p in term.parents if p in keys)
        lines.append(row_line(keys[tid], term.label, category, synonyms, [code_of(tid), *xrefs], [],
                              term.definition, code_of(tid) if term.definition else "", parents))
    return "\n".join(lines) + "\n", problems, len(selected)
