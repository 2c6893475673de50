"""JSON-LD with a compact @context built from the project's prefixes."""
from __future__ import annotations

import json

from ..constants import PREFIXES

SUFFIX = ".jsonld"


def _canonical(value):
    """Sort the arrays of a JSON-LD document (they are sets) so that output is stable."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def render(kg, rdf) -> str:
    context = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
    doc = json.loads(rdf.serialize(format="json-ld", context=context))
    body = _canonical({k: v for k, v in doc.items() if k != "@context"})
    return json.dumps({"@context": doc["@context"], **body}, indent=1, ensure_ascii=False) + "\n"
