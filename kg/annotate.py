"""Every concept mention in the sources, one row each (what PubTator and scispaCy users expect)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .constants import CONCEPT, LEXICON_FILE
from .errors import SourceError
from .extract import extract
from .lexicon import Matcher, load_lexicon
from .pipeline import read_posts
from .text import parse_post

ANNOTATION_COLUMNS = ("source", "start", "end", "text", "concept", "label", "category", "codes", "discovered")


def annotate(sources: Iterable[str], lexicons: Iterable[Path] = (),
             on_error: Callable[[SourceError], None] | None = None) -> Iterator[dict[str, object]]:
    """One dict per mention (ANNOTATION_COLUMNS), post by post, in text order; offsets are in the post's plain text."""
    concepts = load_lexicon([LEXICON_FILE, *map(Path, lexicons)])
    matcher = Matcher(concepts)
    posts, _ = read_posts(sources, on_error=on_error)
    for post in posts:
        result = extract(parse_post(post), concepts, matcher, with_mentions=True)
        for m in result.mentions:
            c = concepts.get(m.key) or result.concepts[m.key]
            yield {"source": post.source, "start": m.start, "end": m.end, "text": m.text,
                   "concept": str(CONCEPT[c.key]), "label": c.label, "category": c.category,
                   "codes": " ".join([*c.exact_match, *c.close_match]), "discovered": c.discovered}


def format_rows(rows: Iterable[dict[str, object]], fmt: str = "tsv") -> Iterator[str]:
    """The rows as TSV lines (with a header) or JSON Lines."""
    if fmt == "jsonl":
        for row in rows:
            yield json.dumps(row, ensure_ascii=False)
        return
    yield "\t".join(ANNOTATION_COLUMNS)
    for row in rows:
        buf = io.StringIO()
        csv.writer(buf, delimiter="\t", lineterminator="", quoting=csv.QUOTE_MINIMAL).writerow(
            ["true" if v is True else "false" if v is False else str(v).replace("\t", " ").replace("\n", " ")
             for v in (row[c] for c in ANNOTATION_COLUMNS)])
        yield buf.getvalue()
