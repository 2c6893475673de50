"""The concepts' cross-references as an SSSOM mapping set (TSV with its YAML metadata block).

One row per cross-reference of the lexicon: skos:exactMatch or skos:closeMatch, curated by hand
(semapv:ManualMappingCuration). read() parses the file back (the round-trip test uses it).
"""
from __future__ import annotations

import csv
import io

from ..constants import BASE, CONCEPT, VERSION, XREF_PREFIXES

SUFFIX = ".sssom.tsv"
FILENAME = "mappings.sssom.tsv"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
COLUMNS = ("subject_id", "subject_label", "subject_category", "predicate_id", "object_id", "mapping_justification")
_FIXED = {"concept": str(CONCEPT), "kg": BASE + "schema/", "skos": "http://www.w3.org/2004/02/skos/core#",
          "semapv": "https://w3id.org/semapv/vocab/"}


def rows(kg) -> list[tuple[str, ...]]:
    out = []
    for key, c in kg.concepts.items():
        for predicate, curies in (("skos:exactMatch", c.exact_match), ("skos:closeMatch", c.close_match)):
            out += [(f"concept:{key}", c.label, f"kg:{c.category}", predicate, curie, "semapv:ManualMappingCuration")
                    for curie in curies]
    return sorted(out)


def render(kg) -> str:
    body = rows(kg)
    used = sorted({r[4].split(":", 1)[0] for r in body})
    curie_map = {**_FIXED, **{p: XREF_PREFIXES[p] for p in used}}
    head = ["# curie_map:"] + [f"#   {p}: {iri}" for p, iri in sorted(curie_map.items())]
    head += [f"# mapping_set_id: {BASE}kg/{FILENAME}", f"# mapping_set_version: {VERSION}",
             "# mapping_set_title: Cross-references of the cancer-spread concepts",
             f"# license: {LICENSE}", f"# mapping_tool: kg {VERSION}"]
    out = io.StringIO()
    out.write("\n".join(head) + "\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(body)
    return out.getvalue()


def write(kg, nt_path, handle) -> None:
    handle.write(render(kg).encode("utf-8"))


def read(text: str) -> tuple[dict, list[dict[str, str]]]:
    """The metadata (with curie_map as a dict) and the rows of an SSSOM TSV this module writes."""
    meta: dict = {}
    lines = text.splitlines()
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        line = lines[n][1:]
        if line.startswith("  "):
            key, _, value = line.strip().partition(": ")
            meta.setdefault("curie_map", {})[key] = value
        else:
            key, _, value = line.partition(":")
            if value.strip():
                meta[key.strip()] = value.strip()
        n += 1
    return meta, list(csv.DictReader(lines[n:], delimiter="\t"))
