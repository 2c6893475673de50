"""Builds ontology/lexicon-generated.tsv from the source ontologies: branches chosen by root, depth and filters.

Run:  python -m kg.lexicon_build SOURCES_DIR [-o ontology/lexicon-generated.tsv]   (or `kg lexicon build`)
The selection below (BRANCHES, the prose rules) is the documented recipe; hand decisions are in
ontology/lexicon-curation.tsv and are applied when the lexicon is loaded, not here.
"""
from __future__ import annotations

import io
import logging
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .constants import GENERATED_LEXICON_FILE, LEXICON_FILE, XREF_PREFIXES
from .errors import LexiconError
from .lexicon import is_acronym, term_key
from .lexicon_rows import ROW_COLUMNS, read_rows, row_line
from .lexicon_names import (CODE_PREFIXES, DROP_LABEL, DROP_NAME, SiteNames, _label,  # noqa: F401 (tests, bench)
                            _prose_names)
from .ontology_io import Ontology, read_gdc_terms, read_ontology, read_sssom_exact

log = logging.getLogger(__name__)

NCIT, MAXO, UBERON = "ncit-disease-2018-06-08.json.gz", "maxo.obo", "uberon-subset.obo"
MONDO_MAP, GDC = "mondo_exactmatch_ncit.sssom.tsv", "gdc_terms_enum.yaml"

SOURCES_HEADER = """\
# Generated lexicon rows: DO NOT EDIT. Rebuilt by `python -m kg.lexicon_build SOURCES_DIR` (or `kg lexicon build
# --sources SOURCES_DIR`) from the files below; hand decisions are in lexicon-curation.tsv.
# Facts (codes, labels, synonyms, definitions, is_a parents) are taken from, with thanks:
#   NCI Thesaurus (NCIt), disease/finding/anatomy extract 2018-06-08, NCI EVS, CC BY 4.0
#   Medical Action Ontology (MAxO), release 2024-07-29, CC BY 4.0
#   Uberon multi-species anatomy ontology (subset imported by MONDO), CC BY 3.0
#   MONDO <-> NCIt exact mappings (mondo_exactmatch_ncit.sssom.tsv), CC0
#   NCI Genomic Data Commons dictionary, _terms_enum.yaml, Apache-2.0
# Columns as in lexicon.tsv, plus definition, definition_source (the CURIE the definition was taken
# from) and parents (keys of broader concepts in the lexicon, space-separated).
"""


@dataclass(frozen=True)
class Branch:
    """The terms under roots of one source (to depth levels below them) that fall in one category."""

    source: str
    roots: tuple[str, ...]
    category: str
    depth: int | None = None
    keep: str = ""            # a regex the label must match (case-insensitive), when given
    max_words: int = 5        # longer labels are compositional and rarely written in prose
    plain: str = ""           # when given: only terms with a plain lower-case exact name that matches this regex
                              # (NCI's consumer name, "non-small cell lung cancer"); the word limit is that name's


# Order matters: a term in two branches takes the category of the first.
BRANCHES = (
    Branch(NCIT, ("NCIT:C3261",), "SpreadPattern", None, max_words=6),   # metastatic neoplasm
    Branch(NCIT, ("NCIT:C3262",), "Neoplasm", 0),                       # neoplasm itself ("tumor")
    Branch(NCIT, ("NCIT:C9305",), "Neoplasm", 2),                       # malignant neoplasm
    Branch(NCIT, ("NCIT:C3263",), "Neoplasm", 3),                       # neoplasm by site
    Branch(NCIT, ("NCIT:C3263",), "Neoplasm", 6, max_words=2),          # ... deeper, short names: colon carcinoma
    Branch(NCIT, ("NCIT:C3263",), "Neoplasm", 6, max_words=3,           # ... and the malignant kinds by organ
           keep=r"^(malignant \w+ neoplasm|\w+ gland carcinoma|malignant \w+ tumor)$"),
    Branch(NCIT, ("NCIT:C2916", "NCIT:C9118", "NCIT:C3208", "NCIT:C3161"), "Neoplasm", 1),   # carcinoma, sarcoma, lymphoma, leukemia kinds
    Branch(NCIT, ("NCIT:C3263", "NCIT:C4741"), "Neoplasm", 8, max_words=6, plain=(   # ... by site or morphology,
        r"\b(cancer|carcinoma|tumor|neoplasm|lymphoma|leukemia|sarcoma|melanoma|myeloma|glioma|mesothelioma)$")),  # deeper,
    # when NCIt gives the plain name the public uses: small cell lung cancer, mantle cell lymphoma
    Branch(NCIT, ("NCIT:C100104",), "ClinicalFinding", 3),              # sign or symptom
    Branch(NCIT, ("NCIT:C3367",), "ClinicalFinding", 3,
           keep=r"pain|loss|ache|fever|fatigue|jaundice|ascites|effusion|cough|seizure|nausea|vomit|swell|edema|"
                r"anorexia|appetite|dizz|weak|fracture|calc|anemia|bleed|hemorrh|lesion|mass|nodule|obstruct|"
                r"lymphadenopathy|megaly|dyspnea|breath|confusion|paralysis|numb|itch|rash|sweat|deficit|"
                r"impairment|inflammation|infection|sputum|hemoptysis|necrosis|cyst|tumor|thrombosis|emboli"),
    Branch(NCIT, ("NCIT:C2991",), "ClinicalFinding", None, max_words=2, keep=(
        r"\b(pain|loss|ache|fever|fatigue|jaundice|ascites|effusion|cough|seizure|nausea|vomiting|swelling|edema|"
        r"anorexia|dizziness|weakness|fracture|hypercalcemia|anemia|bleeding|hemorrhage|obstruction|lymphadenopathy|"
        r"dyspnea|confusion|paralysis|numbness|deficit|impairment|inflammation|infection|hemoptysis|thrombosis|"
        r"embolism|compression|pneumothorax|hepatomegaly|splenomegaly|cachexia)\b")),   # disorders that are findings
    Branch(NCIT, ("NCIT:C3367", "NCIT:C2991"), "ClinicalFinding", 6, max_words=2,
           keep=r"^(hyper|hypo)\w+emia$|^cognitive|^vision|^osteopor|^neurologic"),   # hypercalcemia, cognitive disorder
    Branch(NCIT, ("NCIT:C12219",), "AnatomicalSite", 3),                # anatomic structure, system, or substance
    Branch(NCIT, ("NCIT:C12219",), "AnatomicalSite", 4, max_words=2),   # ... one level deeper: vertebral column, skull
    Branch(UBERON, ("UBERON:0000029",), "AnatomicalSite"),              # lymph node
    Branch(UBERON, ("UBERON:0000062",), "AnatomicalSite", 2),           # organ
    Branch(UBERON, ("UBERON:0001474",), "AnatomicalSite", 3, max_words=3),   # bone element
    Branch(UBERON, ("UBERON:0001981",), "AnatomicalSite", 2, max_words=3),   # blood vessel
    Branch(UBERON, ("UBERON:0000463", "UBERON:0002323"), "AnatomicalSite", 2, max_words=3),   # fluids, body cavity
    Branch(UBERON, ("UBERON:0000075",), "AnatomicalSite", 2, max_words=3),   # subdivision of skeletal system
    Branch(UBERON, ("UBERON:0002101",), "AnatomicalSite", 2, max_words=2),   # limb (arm, leg, upper arm)
    Branch(MAXO, ("MAXO:0000005",), "Procedure", None),                 # clinical imaging procedure
    Branch(MAXO, ("MAXO:0000014",), "Therapy", None),                   # radiation therapy
    Branch(MAXO, ("MAXO:0000131",), "Procedure", None),                 # endoscopy by site (bronchoscopy)
    Branch(MAXO, ("MAXO:0000003",), "DetectionMethod", 4, max_words=4),   # diagnostic procedure
    Branch(MAXO, ("MAXO:0000452", "MAXO:0001002"), "Therapy", None),    # ablation therapy, immunotherapy
    Branch(MAXO, ("MAXO:0000004",), "Therapy", 3),                      # surgical procedure
    Branch(MAXO, ("MAXO:0000058",), "Therapy", 3),                      # pharmacotherapy
    Branch(GDC, (), "Procedure", keep=r"biopsy|aspirat|imaging|ultrasound|blood draw|flow cytometry|\bPCR\b"),
    Branch(GDC, (), "Staging", keep=r"^stage [0-4ivx]+[a-c]?$|^n[0-3]$|^m[01]$|^t[0-4]$"),
)

@dataclass
class Row:
    """One generated concept, before it is written."""

    key: str
    label: str
    category: str
    codes: list[str]
    names: list[str] = field(default_factory=list)
    definition: str = ""
    definition_source: str = ""
    parents: list[str] = field(default_factory=list)   # source CURIEs until written, then keys
    source_parents: dict[str, None] = field(default_factory=dict)


def _slug(label: str) -> str:
    return "_".join(re.findall(r"[a-z0-9]+", label.lower()))[:60].strip("_")


def build_rows(sources: Path, hand_file: Path = LEXICON_FILE) -> list[Row]:
    """The generated concepts of the sources: selected, merged across sources by code, names resolved."""
    ontologies: dict[str, Ontology] = {}
    for name in (NCIT, MAXO, UBERON, GDC):
        path = sources / name
        if not path.is_file():
            raise LexiconError(f"{sources}: {name} is missing (README.md, 'The lexicon', lists the files)")
        ontologies[name] = read_gdc_terms(path) if name == GDC else read_ontology(path)
        for problem in ontologies[name].problems:
            log.info("%s: %s", name, problem)
    mondo = read_sssom_exact(sources / MONDO_MAP) if (sources / MONDO_MAP).is_file() else {}
    hand = read_rows(hand_file)
    hand_codes = {code: row["key"] for row in hand for code in row["codes"]}
    hand_terms: dict[tuple, str] = {}
    for row in hand:
        for name in row["names"]:
            hand_terms.setdefault(term_key(name), row["key"])

    site_names = {name: SiteNames(onto) for name, onto in ontologies.items() if name == NCIT}
    rows: dict[str, Row] = {}          # first code -> row
    by_code: dict[str, Row] = {}
    by_name: dict[tuple, Row] = {}
    by_label: dict[tuple, tuple[Row, str]] = {}   # (category, label) -> the row, the source it came from
    for branch in BRANCHES:
        onto = ontologies[branch.source]
        selected = onto.branch(list(branch.roots), branch.depth) if branch.roots else dict.fromkeys(onto.terms, 0)
        keep = re.compile(branch.keep, re.I) if branch.keep else None
        for tid in sorted(selected):
            term = onto.terms[tid]
            if keep and not keep.search(term.label):
                continue
            words = len(term_key(term.label))
            if branch.plain:
                plain = [n for n in term.exact_synonyms() if n == n.lower() and not DROP_NAME.search(n)
                         and re.search(branch.plain, n)]
                if not plain:
                    continue
                words = min(len(term_key(n)) for n in plain)
            # a long label is compositional, unless the concept is a site's metastasis, named so in prose
            site_metastasis = site_names[branch.source].metastasis_names(term) if branch.source in site_names else []
            if tid not in branch.roots and (DROP_LABEL.search(term.label) or (
                    words > branch.max_words and not site_metastasis)):
                continue
            names = _prose_names(term)
            names += [n for n in site_metastasis if n not in names]
            if not names:
                continue
            codes = [tid] + [x for x in term.xrefs if x.split(":")[0] in CODE_PREFIXES and x != tid]
            if tid in mondo:
                codes.append(mondo[tid])
            row = next((by_code[c] for c in codes if c in by_code), None)
            if row is None:   # the same thing in another source: same category, and its label one of the names
                row = by_name.get((branch.category, term_key(term.label)))
            if row is None:   # ... or one of its names the other's label ("gall bladder", also "gallbladder")
                row = _labelled_elsewhere(by_label, branch, names)
            if row is None:
                row = Row(key="", label=_label(term, names), category=branch.category, codes=[])
                rows[tid] = row
                by_label.setdefault((row.category, term_key(row.label)), (row, branch.source))
            for c in codes:
                if c not in row.codes and (c == tid or c not in by_code):
                    row.codes.append(c)
                by_code.setdefault(c, row)
            row.names += [n for n in names if n not in row.names]
            for n in names:
                by_name.setdefault((row.category, term_key(n)), row)
            if not row.definition and term.definition:
                row.definition, row.definition_source = term.definition, tid
            row.source_parents.update(dict.fromkeys(term.parents))
    out = list(rows.values())
    _assign_keys(out, hand_codes, hand_terms)
    out = _merge_same_key(out, by_code)
    _resolve_names(out, hand_terms, ontologies)
    out = [r for r in out if r.names or r.key in {row["key"] for row in hand}]
    _link_parents(out, by_code, ontologies)
    return sorted(out, key=lambda r: r.key)


def _labelled_elsewhere(by_label: dict[tuple, tuple[Row, str]], branch: Branch, names: list[str]) -> Row | None:
    """The row of another source, of the branch's category, whose label is one of these names."""
    for name in names:
        row, source = by_label.get((branch.category, term_key(name)), (None, branch.source))
        if source != branch.source:
            return row
    return None


def _assign_keys(rows: list[Row], hand_codes: dict[str, str], hand_terms: dict[tuple, str]) -> None:
    """A row sharing a code or its label with a hand row takes the hand key (and merges into it)."""
    used: set[str] = set(hand_codes.values()) | set(hand_terms.values())
    for row in rows:
        hand = next((hand_codes[c] for c in row.codes if c in hand_codes), None) or hand_terms.get(term_key(row.label))
        if hand:
            row.key = hand
            continue
        key = _slug(row.label) or "concept"
        if not re.match(r"[a-z]", key):
            key = "c_" + key
        if key in used:
            key = f"{key}_{row.codes[0].split(':')[1].lower()}"
        used.add(key)
        row.key = key


def _merge_same_key(rows: list[Row], by_code: dict[str, Row]) -> list[Row]:
    """Rows that took the same (hand) key become one."""
    first: dict[str, Row] = {}
    for row in rows:
        into = first.setdefault(row.key, row)
        if into is row:
            continue
        into.codes += [c for c in row.codes if c not in into.codes]
        into.names += [n for n in row.names if n not in into.names]
        into.source_parents.update(row.source_parents)
        if not into.definition:
            into.definition, into.definition_source = row.definition, row.definition_source
        for code, target in by_code.items():
            if target is row:
                by_code[code] = into
    return list(first.values())


def _claim(name: str) -> tuple:
    """What a name claims: its normalised words; an acronym, matched as written, only its own surface ("ARM",
    alveolar rhabdomyosarcoma, does not contest "arm")."""
    return ("=" + re.sub(r"[^A-Za-z0-9&]", "", name),) if is_acronym(name) else term_key(name)


def _resolve_names(rows: list[Row], hand_terms: dict[tuple, str], ontologies: dict[str, Ontology]) -> None:
    """Each name to one concept: hand rows keep theirs; a name several rows claim goes to the broadest
    claimant when the others are its descendants, and is dropped as ambiguous otherwise."""
    claims: dict[tuple, list[Row]] = {}
    owners: dict[tuple, str | None] = {}
    for row in rows:
        seen = set()
        for name in row.names:
            k = _claim(name)
            if term_key(name) and k not in seen:
                seen.add(k)
                claims.setdefault(k, []).append(row)
                owners.setdefault(k, hand_terms.get(term_key(name)))
    ancestors = _ancestor_sets(rows, ontologies)
    losers: dict[int, set[tuple]] = {}
    for k, claimants in claims.items():
        owner = owners[k]
        if owner is not None:
            for row in claimants:
                if row.key != owner:
                    losers.setdefault(id(row), set()).add(k)
            continue
        if len({r.key for r in claimants}) == 1:
            continue
        broadest = [r for r in claimants
                    if not any(o is not r and ancestors[id(r)] & set(o.codes) for o in claimants)]
        for row in claimants:
            if len(broadest) != 1 or row is not broadest[0]:
                losers.setdefault(id(row), set()).add(k)
    for row in rows:
        drop = losers.get(id(row), set())
        row.names = [n for n in row.names if _claim(n) not in drop]
        if row.names and _claim(row.label) in drop:
            row.label = row.names[0]


def _ancestor_sets(rows: list[Row], ontologies: dict[str, Ontology]) -> dict[int, set[str]]:
    parents: dict[str, list[str]] = {}
    for onto in ontologies.values():
        for term in onto.terms.values():
            parents.setdefault(term.id, []).extend(term.parents)
    out = {}
    for row in rows:
        seen, stack = set(), [p for c in row.codes for p in parents.get(c, [])]
        while stack:
            p = stack.pop()
            if p not in seen:
                seen.add(p)
                stack.extend(parents.get(p, []))
        out[id(row)] = seen
    return out


def _link_parents(rows: list[Row], by_code: dict[str, Row], ontologies: dict[str, Ontology]) -> None:
    """Parents as keys: the nearest ancestors in the source that are concepts of the lexicon."""
    parents: dict[str, list[str]] = {}
    for onto in ontologies.values():
        for term in onto.terms.values():
            parents.setdefault(term.id, []).extend(term.parents)
    kept = {id(r) for r in rows}
    for row in rows:
        found: dict[str, None] = {}
        stack, seen = list(row.source_parents), set()
        while stack:
            p = stack.pop(0)
            if p in seen:
                continue
            seen.add(p)
            target = by_code.get(p)
            if target is not None and id(target) in kept and target is not row:
                found[target.key] = None
            elif target is None or id(target) not in kept:
                stack.extend(parents.get(p, []))
        row.parents = sorted(found)


def render(rows: list[Row]) -> str:
    """The generated lexicon file: header comment, column line, one line per row."""
    buf = io.StringIO()
    buf.write(SOURCES_HEADER)
    buf.write("\t".join(ROW_COLUMNS) + "\n")
    for row in rows:
        names = [n for n in row.names if n != row.label]
        buf.write(row_line(row.key, row.label, row.category, names, row.codes, [], row.definition,
                           row.definition_source, row.parents) + "\n")
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    import argparse

    from .export import write_atomic

    parser = argparse.ArgumentParser(prog="python -m kg.lexicon_build", description=__doc__.splitlines()[0])
    parser.add_argument("sources", type=Path, help="folder of the source ontology files")
    parser.add_argument("-o", "--out", type=Path, default=GENERATED_LEXICON_FILE)
    args = parser.parse_args(argv)
    try:
        rows = build_rows(args.sources)
    except LexiconError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    write_atomic(args.out, render(rows))
    coded = sum(any(c.split(":")[0] in XREF_PREFIXES for c in r.codes) for r in rows)
    print(f"wrote {args.out}: {len(rows)} concepts, {coded} with a code")
    return 0


if __name__ == "__main__":
    sys.exit(main())
