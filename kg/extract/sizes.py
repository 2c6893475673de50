"""Spread categories ordered by the sizes a page states for them ("ITCs: up to 0.2 mm"; "micrometastases: 0.2-2 mm")."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..constants import SIZES_FILE
from ..errors import LexiconError
from ..model import Sentence
from ..tables import table_reader
from .document import _Doc

SIZED_KINDS = frozenset({"SpreadPattern"})   # the categories whose sizes are compared (not tumors or lesions)
NUMBER = r"(\d+(?:[.,]\d+)?)"
# what a heading says after its label when it gives a size: "Macrometastases: > 2 mm", "ITCs (...): ≤0.2 mm"
LABELLED = re.compile(r"^\s*(?:\([^()]*\)\s*)?:\s*[^\w\s]*\s*\d[^:;]*$")
# a category named as what another is ("micrometastasis is defined as a metastatic deposit measuring ..."): the
# size is the subject's
PREDICATE = re.compile(r"\b(?:is|are|as|means?)\s+(?:an?\s+|the\s+)?$", re.I)


@dataclass(frozen=True)
class SizeGrammar:
    """The size expressions of ontology/sizes.tsv as regular expressions, and each unit's size and dimension."""

    ranged: re.Pattern     # "between 0.2 and 2 mm", "0.2-2 mm", "0.2 mm to 2 mm"
    prefixed: re.Pattern   # "up to 0.2 mm", "> 2 mm"
    suffixed: re.Pattern   # "2 mm or more"
    bounds: dict[str, str]             # text -> upper / lower
    units: dict[str, tuple[float, str]]   # text -> (size in the base unit, dimension)


def _alternation(texts) -> str:
    def one(text: str) -> str:
        body = r"\s+".join(map(re.escape, text.split()))
        return body + r"(?![\w])" if text[-1].isalnum() else body
    return "|".join(one(t) for t in sorted(texts, key=lambda t: (-len(t), t)))


@functools.lru_cache(maxsize=2)
def load_sizes(path: Path = SIZES_FILE) -> SizeGrammar:
    bounds: dict[str, str] = {}
    units: dict[str, tuple[float, str]] = {}
    for row in table_reader(path):
        kind, text, value = (row.get(k) or "" for k in ("kind", "text", "value"))
        text = " ".join(text.lower().split())
        if kind in ("upper", "lower") and text:
            bounds[text] = kind
        elif kind == "unit" and text and len(value.split()) == 2:
            try:
                units[text] = (float(value.split()[0]), value.split()[1])
            except ValueError:
                raise LexiconError(f"{path}: unit {text!r} has no number as its size ({value!r})") from None
        else:
            raise LexiconError(f"{path}: a row needs a kind (upper, lower or unit), a text, and a unit's size")
    unit = f"({_alternation(units)})"
    pre = [t for t in bounds if not t.startswith("or ")]
    post = [t for t in bounds if t.startswith("or ")]
    return SizeGrammar(
        ranged=re.compile(rf"(?<![\w.])(?:between\s+{NUMBER}\s*(?:{unit}\s*)?and\s*{NUMBER}\s*{unit}"
                          rf"|(?:from\s+)?{NUMBER}\s*(?:{unit}\s*)?(?:-|–|—|to)\s*{NUMBER}\s*{unit})", re.I),
        prefixed=re.compile(rf"(?<![\w])({_alternation(pre)})\s*{NUMBER}\s*{unit}", re.I),
        suffixed=re.compile(rf"(?<![\w.]){NUMBER}\s*{unit}\s+({_alternation(post)})", re.I),
        bounds=bounds, units=units)


@dataclass(frozen=True)
class Size:
    """A stated size: its dimension, lowest and highest value in the base unit (None: unbounded), and place."""

    dimension: str
    low: float | None
    high: float | None
    start: int


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def sizes_in(text: str, grammar: SizeGrammar | None = None) -> list[Size]:
    """The size ranges and bounds a text states, in order of place."""
    g = grammar or load_sizes()
    found: list[Size] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    def unit(text: str | None) -> tuple[float, str]:
        return g.units[" ".join(text.lower().split())]

    for m in g.ranged.finditer(text):
        groups = m.groups()
        a, ua, b, ub = groups[0:4] if groups[0] is not None else groups[4:8]
        (fb, dim), fa = unit(ub), unit(ua or ub)
        if fa[1] == dim:
            found.append(Size(dim, _number(a) * fa[0], _number(b) * fb, m.start()))
            taken.append(m.span())
    # "2 mm or more" (number, unit, bound) and "up to 0.2 mm" (bound, number, unit)
    for regex, (number, unit_at, bound) in ((g.suffixed, (1, 2, 3)), (g.prefixed, (2, 3, 1))):
        for m in regex.finditer(text):
            if free(m):
                factor, dim = unit(m.group(unit_at))
                value = _number(m.group(number)) * factor
                upper = g.bounds[" ".join(m.group(bound).lower().split())] == "upper"
                found.append(Size(dim, None if upper else value, value if upper else None, m.start()))
                taken.append(m.span())
    return sorted(found, key=lambda s: s.start)


def _joined(sizes: list[Size], apart=lambda a, b: False) -> list[Size]:
    """A lower and an upper bound side by side in one dimension are one range (">0.2 mm but ≤2.0 mm"), unless
    apart(first, second) (another category named between them)."""
    out: list[Size] = []
    for size in sizes:
        last = out[-1] if out else None
        if last is not None and last.dimension == size.dimension and not apart(last, size) and \
                (last.high is None) != (size.high is None) and (last.low is None) != (size.low is None):
            low = last.low if last.low is not None else size.low
            high = last.high if last.high is not None else size.high
            out[-1] = Size(size.dimension, low, high, last.start)
        else:
            out.append(size)
    return out


def size_orders(d: _Doc) -> None:
    """A smaller_than B when every size the page gives A is at most every size it gives B, in one dimension."""
    stated: dict[str, list[tuple[Size, Sentence]]] = {}
    for s in d.doc.sentences:
        if not re.search(r"\d", s.text):
            continue
        targets = [m for m in d.sent_mentions(s) if d.cat(m.key) in SIZED_KINDS and not d.umbrella(m.key)]
        targets = [m for i, m in enumerate(targets) if not i or not PREDICATE.search(d.doc.text[s.start:m.start])]
        if not targets or (s.block.kind == "heading" and not LABELLED.match(s.text[targets[0].end - s.start:])):
            continue   # a heading says a size only as "Macrometastases: > 2 mm", a label and its value
        apart = (lambda x, y: any(s.start + x.start < m.start < s.start + y.start for m in targets))
        for size in _joined(sizes_in(s.text), apart):
            place = s.start + size.start
            before = [m for m in targets if m.end <= place]
            owner = before[-1] if before else min(targets, key=lambda m: m.start - place)
            stated.setdefault(owner.key, []).append((size, s))
    ranges = {key: _ranges(sizes) for key, sizes in stated.items()}
    for a, a_ranges in ranges.items():
        for b, b_ranges in ranges.items():
            shared = sorted(set(a_ranges) & set(b_ranges))
            if a == b or not shared:
                continue
            if all(a_ranges[dim][1] is not None and b_ranges[dim][0] is not None and a_ranges[dim][1] <= b_ranges[dim][0]
                   for dim in shared):
                evidence = max((stated[a][0][1], stated[b][0][1]), key=lambda s: s.start)
                d.add(a, "smaller_than", b, evidence, "sizes:smaller_than")


def _ranges(sizes: list[tuple[Size, Sentence]]) -> dict[str, tuple[float | None, float | None]]:
    """What all of a category's sizes say together, by dimension: the highest low and the lowest high (a
    dimension whose statements disagree is left out)."""
    out: dict[str, tuple[float | None, float | None]] = {}
    for dim in sorted({size.dimension for size, _ in sizes}):
        lows = [size.low for size, _ in sizes if size.dimension == dim and size.low is not None]
        highs = [size.high for size, _ in sizes if size.dimension == dim and size.high is not None]
        low, high = max(lows, default=None), min(highs, default=None)
        if low is None or high is None or low <= high:
            out[dim] = (low, high)
    return out
