"""Benchmark: kg build on a 1,000-post corpus, against a bare BeautifulSoup parse; exports, queries, browser.

Run:  python benchmarks/bench.py [--posts 1000] [--repeat N] [--build-only] [--skip-browser]
      python benchmarks/bench.py --lexicon-only [--sources DIR]   (time per post by lexicon size)
Prints numbers only; nothing here is a pass/fail test.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_corpus(folder: Path, n: int) -> list[Path]:
    """The sample posts replicated with distinct ids and links."""
    seeds = [json.loads(p.read_text()) for p in sorted((ROOT / "corpus").glob("*.json"))]
    paths = []
    for i in range(n):
        post = dict(seeds[i % len(seeds)])
        if i >= len(seeds):   # the first copies keep the originals' ids, so per-post queries answer
            post["id"] = 100000 + i
            post["link"] = post["link"].rstrip("/") + f"-copy-{i}/"
        path = folder / f"post-{i:05d}.json"
        path.write_text(json.dumps(post))
        paths.append(path)
    return paths


def bare_parse(paths: list[Path]) -> float:
    from bs4 import BeautifulSoup
    t0 = time.perf_counter()
    for path in paths:
        post = json.loads(path.read_text())
        BeautifulSoup(post["content"]["rendered"], "lxml").get_text()
    return time.perf_counter() - t0


def child_build(corpus: str, out: str) -> None:
    """Runs in a subprocess so that its peak memory is its own."""
    from kg.build import build
    t0 = time.perf_counter()
    result = build([corpus], Path(out), use_cache=False)   # each repeat reads every post (see scale.py for rebuilds)
    total = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024   # the largest worker process
    cpu = os.times()
    print(json.dumps({"total": total, "timings": result.timings, "peak_mb": peak_mb, "worker_mb": worker_mb,
                      "cpu": cpu.user + cpu.system + cpu.children_user + cpu.children_system, "triples": result.triples,
                      "posts": result.counts["posts"], "assertions": result.counts["relations"]}))


def serializer_race(graph_file: Path, limit: float = 120.0) -> list[tuple[str, float, float, bool | None]]:
    """Each format written by rdflib and by pyoxigraph (rdflib stopped after `limit` seconds)."""
    import pyoxigraph as ox
    from rdflib import Graph
    from rdflib.compare import isomorphic

    t0 = time.perf_counter()
    g = Graph().parse(graph_file, format="nt")   # rdflib holds the graph in memory
    print(f"  (rdflib parsed the N-Triples in {time.perf_counter() - t0:.1f} s)")
    triples = list(ox.parse(path=str(graph_file), format=ox.RdfFormat.N_TRIPLES))
    out = []
    for name, rdflib_fmt, ox_fmt in (("turtle", "turtle", ox.RdfFormat.TURTLE), ("ntriples", "nt", ox.RdfFormat.N_TRIPLES),
                                     ("jsonld", "json-ld", ox.RdfFormat.JSON_LD), ("rdfxml", "xml", ox.RdfFormat.RDF_XML)):
        text = {}
        t_rdflib = _timed(lambda: text.setdefault("v", g.serialize(format=rdflib_fmt)), limit)
        t0 = time.perf_counter()
        data = ox.serialize(triples, format=ox_fmt)
        t_ox = time.perf_counter() - t0
        same = None
        if len(triples) < 20000 and "v" in text:
            same = isomorphic(Graph().parse(data=text["v"], format=rdflib_fmt), Graph().parse(data=data, format=rdflib_fmt))
        out.append((name, t_rdflib, t_ox, same))
    return out


class _Timeout(BaseException):   # rdflib catches Exception in places
    pass


def _timed(fn, limit: float) -> float:
    """Seconds fn took, or inf when it ran past limit (rdflib's engine is pure Python and interruptible)."""
    import signal

    def alarm(*_):
        raise _Timeout()
    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    t0 = time.perf_counter()
    try:
        fn()
        return time.perf_counter() - t0
    except _Timeout:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def query_times(graph_file: Path, limit: float = 20.0) -> list[tuple[str, float, float]]:
    """Each named query's time with Oxigraph and with rdflib (after one warm-up run each)."""
    from kg.query import load_graph, named_queries, query
    graph = load_graph(graph_file)
    graph.store()
    graph.rdflib()
    rows = []
    for name, nq in named_queries().items():
        times = []
        for engine in ("oxigraph", "rdflib"):
            if _timed(lambda: query(graph, nq.text, engine=engine), limit) == float("inf"):
                times.append(float("inf"))
                continue
            times.append(_timed(lambda: query(graph, nq.text, engine=engine), limit))
        rows.append((name, *times))
    return rows


def browser_settle(html: Path) -> float | None:
    chromium = shutil.which("chromium")
    if chromium is None:
        return None
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        page = browser.new_context(offline=True).new_page()
        t0 = time.perf_counter()
        page.goto(html.resolve().as_uri())
        page.wait_for_function("window.kgStabilized === true", timeout=120000)
        elapsed = time.perf_counter() - t0
        browser.close()
    return elapsed


def synthetic_graph(n: int):
    """A random graph of n concepts in the shape kg exports, for the browser at scale."""
    import random

    import networkx as nx
    from kg.visualize import CATEGORY_STYLE
    rng = random.Random(7)
    cats = sorted(CATEGORY_STYLE)
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(f"c{i}", label=f"Concept {i}", category=rng.choice(cats), synonyms="", definition="", xrefs="",
                   discovered=False)
    for i in range(int(n * 1.5)):
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v:
            g.add_edge(f"c{u}", f"c{v}", key=f"r{i}", relation=rng.choice(["is_a", "causes", "located_in"]),
                       polarity="positive", hedged=rng.random() < 0.3, evidence_count=1, sources=1, evidence="x")
    return g


def big_lexicon(sources: Path, terms: int = 50_000) -> dict:
    """The shipped lexicon grown with whole source ontologies to `terms` terms: every term's names that pass
    the generated lexicon's prose rules (no NOS or inverted forms, no lone adjectives, ...), no depth limit."""
    from kg.lexicon import load_lexicon
    from kg.lexicon_build import _prose_names
    from kg.model import Concept
    from kg.ontology_io import read_ontology
    concepts = load_lexicon()
    count = sum(1 + len(c.synonyms) + len(c.abbreviations) for c in concepts.values())
    for name in ("ncit-disease-2018-06-08.json.gz", "maxo.obo", "uberon-subset.obo"):
        for term in sorted(read_ontology(sources / name).terms.values(), key=lambda t: t.id):
            if count >= terms:
                return concepts
            names = _prose_names(term)
            if not names:
                continue
            key = "big_" + "".join(ch if ch.isalnum() else "_" for ch in term.id.lower())
            concepts[key] = Concept(key=key, label=names[0], category="Neoplasm", synonyms=names[1:])
            count += len(names)
    return concepts


def lexicon_speed(sources: Path | None, repeat: int) -> None:
    """Time per post of extraction (and of the matcher alone) with the hand rows, the shipped lexicon and a
    50,000-term lexicon from the source ontologies."""
    from kg.extract import extract
    from kg.ingest import read_source
    from kg.lexicon import Matcher, load_lexicon
    from kg.text import parse_post
    docs = [parse_post(p) for path in sorted((ROOT / "corpus").glob("*.json")) for p in read_source(str(path))]
    lexicons = [("hand rows only (lexicon.tsv)", _hand_only), ("shipped lexicon", load_lexicon)]
    if sources is not None and sources.is_dir():
        lexicons.append(("50,000 terms from the sources", lambda: big_lexicon(sources)))
    else:
        print("lexicon speed: no source ontologies given (--sources); the 50,000-term lexicon is skipped")
    print(f"lexicon speed on the {len(docs)} sample posts (ms per post, median of {repeat} interleaved runs):")
    built = []
    for name, make in lexicons:
        concepts = make()
        t0 = time.perf_counter()
        matcher = Matcher(concepts)
        built.append((name, concepts, matcher, time.perf_counter() - t0, [], []))
    for _ in range(repeat):   # the lexicons take turns, so that the machine's drift touches each alike
        for name, concepts, matcher, _, extract_ms, match_ms in built:
            t0 = time.perf_counter()
            for doc in docs:
                extract(doc, concepts, matcher)
            extract_ms.append((time.perf_counter() - t0) * 1000 / len(docs))
            t0 = time.perf_counter()
            for doc in docs:
                for sentence in doc.sentences:
                    matcher.find(sentence.text, sentence.start)
            match_ms.append((time.perf_counter() - t0) * 1000 / len(docs))
    base = statistics.median(built[1][4])
    for name, concepts, matcher, build_s, extract_ms, match_ms in built:
        e, m = statistics.median(extract_ms), statistics.median(match_ms)
        terms = sum(1 + len(c.synonyms) + len(c.abbreviations) for c in concepts.values())
        ratio = f", {e / base:.2f}x the shipped lexicon (target <= 2)" if name.startswith("50,000") else ""
        print(f"  {name:<32} {len(concepts):>6} concepts {terms:>6} terms: extract {e:7.1f}, matcher alone {m:6.2f}"
              f" (matcher built in {build_s:.2f} s){ratio}")


def _hand_only():
    from kg.constants import LEXICON_FILE
    from kg.lexicon_rows import merge_rows, read_rows
    return merge_rows(read_rows(LEXICON_FILE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--build-only", action="store_true", help="stop after the build figures")
    parser.add_argument("--repeat", type=int, default=1, help="run the bare parse and the build N times (ratios: median)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "ontology-sources",
                        help="source ontologies for the 50,000-term lexicon (default ../shared/ontology-sources)")
    parser.add_argument("--lexicon-only", action="store_true", help="only the lexicon-size figures")
    args = parser.parse_args()
    if args.child:
        child_build(*args.child)
        return
    lexicon_speed(args.sources, max(args.repeat, 20))
    if args.lexicon_only:
        return
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        corpus.mkdir()
        paths = make_corpus(corpus, args.posts)
        runs = []
        for _ in range(args.repeat):   # the bare parse and the build side by side, each time
            parse_s = bare_parse(paths)
            proc = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(tmp / "out")],
                                  capture_output=True, text=True, check=True, cwd=ROOT)
            runs.append((parse_s, json.loads(proc.stdout.strip().splitlines()[-1])))
        parse_s, r = runs[-1]
        t = r["timings"]
        ratios = [((x["timings"]["ingest"] + x["timings"]["parse"] + x["timings"]["extract"]) / bare, x["total"] / bare)
                  for bare, x in runs]
        print(f"corpus: {r['posts']} posts ({args.posts} files), {r['assertions']} relations, {r['triples']} triples")
        print(f"kg build: {r['total']:.2f} s = {r['posts'] / r['total']:.1f} posts/s ({r['cpu']:.1f} s CPU over "
              f"{os.cpu_count()} cores); peak memory {r['peak_mb']:.0f} MB (largest worker process {r['worker_mb']:.0f} MB)")
        print(f"bare BeautifulSoup parse: {parse_s:.2f} s = {args.posts / parse_s:.1f} posts/s")
        # issue 11: ingest + extraction within 3x a bare parse with the grounded lexicon (it was 2x with 120 concepts)
        for label, i, target in (("ingest+extraction / bare parse", 0, 3), ("whole build / bare parse      ", 1, 5)):
            values = sorted(x[i] for x in ratios)
            spread = f" (median of {len(values)} runs; {values[0]:.2f} to {values[-1]:.2f})" if len(values) > 1 else ""
            print(f"ratio {label}: {statistics.median(values):.2f}{spread} (target <= {target})")
        print("stages (s; parse and extract share the wall time of their worker processes, and the exports marked "
              "'FROM_NTRIPLES' run side by side, so the stages add up to more than the total):")
        for stage, seconds in t.items():
            print(f"  {stage:<16} {seconds:8.2f}")
        if args.build_only:
            return
        print(f"serializers on the {args.posts}-post graph (s): format, rdflib (inf: stopped at 120 s), pyoxigraph")
        for name, a, b, same in serializer_race(tmp / "out" / "graph.nt"):
            print(f"  {name:<9} {a:8.2f} {b:8.2f}")
        print("serializers on the sample graph (s): format, rdflib, pyoxigraph, same graph")
        for name, a, b, same in serializer_race(ROOT / "exports" / "graph.nt"):
            print(f"  {name:<9} {a:8.3f} {b:8.3f}  {same}")
        print("named queries (ms): name, sample oxigraph, sample rdflib, 1000-post oxigraph, 1000-post rdflib")
        small = dict((n, (a, b)) for n, a, b in query_times(ROOT / "exports" / "graph.ttl"))
        for name, a, b in query_times(tmp / "out" / "graph.nt"):
            sa, sb = small[name]
            print(f"  {name:<36} {sa * 1000:8.1f} {sb * 1000:8.1f} {a * 1000:10.1f} {b * 1000:10.1f}")
        if not args.skip_browser:
            from kg.visualize import render_html
            sample = browser_settle(ROOT / "exports" / "graph.html")
            big = browser_settle(tmp / "out" / "graph.html")
            synthetic = tmp / "synthetic.html"
            synthetic.write_text(render_html(synthetic_graph(2500)))
            huge = browser_settle(synthetic)
            if sample is None:
                print("browser: chromium not installed")
            else:
                print(f"browser settled: sample {sample:.2f} s (target < 3), 1,000-post graph {big:.2f} s, "
                      f"2,500 concepts {huge:.2f} s (target < 10)")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.stdout.reconfigure(line_buffering=True)
    main()
