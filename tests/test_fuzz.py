"""Property-based fuzzing: generated posts, HTML and pages, and mutated sample posts, through ingest,
extraction and every exporter, raise nothing but the project's own errors (seeded, bounded, in CI).

KG_FUZZ_EXAMPLES sets the number of examples per property (default 30) for a longer local run.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from kg.errors import KGError
from kg.export import EXPORTERS, export_all
from kg.pipeline import build_graph, read_posts

from .conftest import CORPUS

SETTINGS = settings(max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "30")), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Any character at all, lone surrogates and controls included, and words the rules react to.
WORDS = ["metastasis", "micrometastasis", "lymph node", "sentinel lymph node biopsy", "is a", "is detected by",
         "may", "not", "spreads to", "the liver", "(MRD)", "Types:", "such as", "vs", ",", ".", ":", "?",
         "It", "<", "&amp;", "&#1;", "&#xD800;", "\u00a0", "\u200b", "\ud800", "\x00", "\x1b[31m", "\r\n"]
SENTENCES = ["Micrometastasis is detected by immunohistochemistry.", "Bone metastasis may cause pain.",
             "Metastasis is not the same as micrometastasis.", "Cancer spreads to the liver through the blood.",
             "Types of metastasis:", "Lymphatic spread is a kind of metastasis.", "Is MRD the same as metastasis?",
             "No.", "It is often found by a sentinel lymph node biopsy.", "Minimal residual disease (MRD) is rare."]
CHARS = st.characters(blacklist_categories=())
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SENTENCES), st.text(CHARS, max_size=8)),
                max_size=12).map(" ".join)
TAGS = ["p", "div", "span", "ul", "ol", "li", "h1", "h2", "h3", "h4", "strong", "b", "em", "i", "dl", "dt", "dd",
        "table", "tr", "td", "th", "blockquote", "script", "style", "figure", "a", "br", "section", "article"]


def _element(tag_children) -> str:
    tag, children, attributes = tag_children
    return f"<{tag}{attributes}>" + "".join(children) + (f"</{tag}>" if tag != "br" else "")


ATTRIBUTES = st.sampled_from(["", ' class="x"', ' href="javascript:alert(1)"', ' id="faq"', " onclick='x()'"])
TREES = st.recursive(TEXT, lambda inner: st.tuples(st.sampled_from(TAGS), st.lists(inner, max_size=4), ATTRIBUTES)
                     .map(_element), max_leaves=30)
DEEP = st.builds(lambda tag, depth, inner: f"<{tag}>" * depth + inner + f"</{tag}>" * depth,
                 st.sampled_from(TAGS), st.integers(0, 3000), TREES)   # nested far beyond Python's recursion limit
HTML = st.one_of(TREES, DEEP)
JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | TEXT,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
                          max_leaves=6)
IDS = st.one_of(st.integers(), st.integers(min_value=10**30, max_value=10**40), TEXT, JSON_VALUE)
LINKS = st.one_of(st.none(), TEXT, JSON_VALUE, st.builds(lambda t: "https://example.org/" + t, TEXT),
                  st.sampled_from(["/relative", "12", "http://[::1/x", "urn:x", "https://a b/c\"d"]))
RENDERED = st.one_of(HTML, st.builds(lambda h: {"rendered": h}, HTML), JSON_VALUE)
POST = st.fixed_dictionaries({"id": IDS, "content": RENDERED},
                             optional={"title": RENDERED, "link": LINKS, "guid": RENDERED, "date": JSON_VALUE,
                                       "modified": JSON_VALUE})
PAGE = st.builds(lambda title, canonical, body: f"<html><head><title>{title}</title>"
                 f'<link rel="canonical" href="{canonical}"></head><body>{body}</body></html>', TEXT, TEXT, HTML)
SAMPLES = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.json"))]


def _ascii_safe(text: str) -> str:
    # what json.dumps(ensure_ascii=False) cannot write to a UTF-8 file stays as a \\u escape
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def build_and_export(files: dict[str, str | bytes]) -> None:
    """Write the files, build them, write every export; only KGError may come out. Check the exports read back."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, content in files.items():
            path = Path(tmp) / name
            if isinstance(content, str):
                path.write_bytes(content.encode("utf-8", "surrogatepass"))
            else:
                path.write_bytes(content)
            paths.append(str(path))
        try:
            posts, _ = read_posts(paths)
        except KGError:
            return
        if not posts:
            return
        kg = build_graph(posts, workers=1)
        out = Path(tmp) / "out"
        export_all(kg, out, list(EXPORTERS))
        for triple in ox.parse(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES):
            assert triple is not None
        nx.read_graphml(out / "graph.graphml", force_multigraph=True)
        list(ox.parse(path=str(out / "graph.owl"), format=ox.RdfFormat.RDF_XML))


@SETTINGS
@seed(12)
@given(st.lists(POST, min_size=1, max_size=4), st.booleans())
def test_generated_posts(posts, as_lines):
    if as_lines:
        text = "\n".join(_ascii_safe(json.dumps(p, ensure_ascii=False)) for p in posts)
        build_and_export({"posts.jsonl": text})
    else:
        build_and_export({"posts.json": json.dumps(posts), "one.json": json.dumps(posts[0], ensure_ascii=True)})


@SETTINGS
@seed(12)
@given(st.lists(PAGE, min_size=1, max_size=3))
def test_generated_pages(pages):
    build_and_export({f"page{i}.html": page for i, page in enumerate(pages)})


@SETTINGS
@seed(12)
@given(st.sampled_from(range(len(SAMPLES))),
       st.lists(st.tuples(st.floats(0, 1), st.integers(0, 400), st.sampled_from(["delete", "insert", "repeat"]),
                          TEXT), min_size=1, max_size=5))
def test_mutated_sample_posts(which, mutations):
    text = SAMPLES[which]
    for where, length, kind, insert in mutations:
        at = int(where * len(text))
        if kind == "delete":
            text = text[:at] + text[at + length:]
        elif kind == "insert":
            text = text[:at] + insert + text[at:]
        else:
            text = text[:at] + text[at:at + length] * 3 + text[at:]
    build_and_export({"mutated.json": text, "mutated.html": text})
