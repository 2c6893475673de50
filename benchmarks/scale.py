"""Benchmark of large builds: throughput and memory by corpus size, rebuilds, Dask against the local pool.

Run:  python benchmarks/scale.py [--sizes 1000,10000,40000] [--varied 1000,10000] [--dask 1000] [--keep DIR]
Each build runs in a subprocess of its own, so that its peak memory is its own; formats: N-Triples
and TSV (the default above 1,000 posts). Memory: each process's peak RSS, and "together", the peak of the
build's processes' summed proportional set size (PSS: a page forked workers share is counted once), sampled
every 0.25 s. Prints numbers only; nothing here is a pass/fail test.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PER_FILE = 100    # posts per JSON Lines file (ingest reads a file whole)


def _seeds() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "corpus").glob("*.json"))]


def replicated(i: int, seeds: list[dict], rng: random.Random) -> dict:
    """The sample posts copied with distinct ids and links (few distinct concepts)."""
    post = dict(seeds[i % len(seeds)])
    post["id"], post["link"] = 100000 + i, post["link"].rstrip("/") + f"-copy-{i}/"
    return post


def varied(i: int, seeds: list[dict], rng: random.Random) -> dict:
    """Posts that differ: own ids, links and titles, sections shuffled and mixed, a glossary of their own terms."""
    parts = [re.split(r"(?=<h2)", s["content"]["rendered"]) for s in seeds]
    base = i % len(seeds)
    sections = parts[base][1:] + rng.sample(parts[1 - base][1:], 3)
    rng.shuffle(sections)
    sections = sections[:max(3, len(sections) - rng.randrange(5))]
    terms = [f"{rng.choice(['Kappa', 'Sigma', 'Omega', 'Theta'])}{i}-{k} {rng.choice(['nodal', 'osseous', 'hepatic'])} "
             f"{rng.choice(['deposit', 'lesion', 'cluster'])}" for k in range(3)]
    glossary = "<h2>Glossary</h2><dl>" + "".join(
        f"<dt>{t}</dt><dd>{t} is a rare finding detected by CT and may cause pain.</dd>" for t in terms) + "</dl>"
    return {"id": 200000 + i, "link": f"https://example.org/varied/{i}/", "date": "2024-01-01T00:00:00",
            "modified": "2024-01-01T00:00:00", "title": {"rendered": f"{terms[0]} and metastasis"},
            "content": {"rendered": parts[base][0] + "".join(sections) + glossary}}


def make_corpus(folder: Path, n: int, kind) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    seeds, rng = _seeds(), random.Random(7)
    for start in range(0, n, PER_FILE):
        with open(folder / f"posts-{start // PER_FILE:04d}.jsonl", "w", encoding="utf-8") as out:
            for i in range(start, min(n, start + PER_FILE)):
                out.write(json.dumps(kind(i, seeds, rng)) + "\n")


def change_some(folder: Path, share: float) -> int:
    """Change the given share of posts (a new sentence and modified date), spread over the corpus."""
    changed = 0
    step = round(1 / share)
    for path in sorted(folder.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for k in range(0, len(lines), step):
            post = json.loads(lines[k])
            post["modified"] = "2025-06-01T00:00:00"
            post["content"]["rendered"] += "<p>Liver metastases may cause jaundice.</p>"
            lines[k] = json.dumps(post)
            changed += 1
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def child(corpus: str, out: str, cluster: str, use_cache: str) -> None:
    """One build, in its own process: prints its figures as JSON."""
    from kg.build import build
    t0 = time.perf_counter()
    result = build([corpus], Path(out), cluster=cluster or None, use_cache=use_cache == "1", formats=["ntriples", "tsv"])
    wall = time.perf_counter() - t0
    cpu = os.times()
    figures = {"wall": wall, "posts": result.counts["posts"], "concepts": result.counts["concepts"],
               "relations": result.counts["relations"], "triples": result.triples,
               "cpu": cpu.user + cpu.system + cpu.children_user + cpu.children_system, "main_cpu": cpu.user + cpu.system,
               "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
               "reused": result.counts["reused"], "timings": result.timings,
               "nt_mb": (Path(out) / "graph.nt").stat().st_size / 1e6}
    print(json.dumps(figures))


def run_build(corpus: Path, out: Path, cluster: str = "", cache: bool = True) -> dict:
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(corpus), str(out), cluster, "1" if cache else "0"],
                                stdout=stdout, stderr=stderr, text=True, cwd=ROOT)
        together = 0.0
        while proc.poll() is None:   # the build's processes together, as the kernel shares their pages out
            together = max(together, _pss_mb(proc.pid))
            time.sleep(0.25)
        stdout.seek(0)
        stderr.seek(0)
        if proc.returncode:
            sys.exit(f"build failed:\n{stderr.read()[-3000:]}")
        figures = json.loads(stdout.read().strip().splitlines()[-1])
    figures["together_mb"] = together
    return figures


def _pss_mb(root: int) -> float:
    """Proportional set size of a process and its descendants, in MB (Linux /proc; 0 elsewhere): pages
    shared by forked workers are counted once, split between the processes sharing them."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    family, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in family} - family
        grown = bool(more)
        family |= more
    total = 0
    for pid in family:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except (OSError, ValueError):
            continue
    return total / 1024


def show(label: str, r: dict, extra: str = "") -> None:
    print(f"  {label:<22} {r['wall']:8.1f} s {r['posts'] / r['wall']:7.1f} posts/s  CPU {r['cpu']:7.1f} s "
          f"({r['main_cpu']:.1f} s main)  "
          f"main {r['main_mb']:5.0f} MB  largest worker {r['worker_mb']:5.0f} MB  together (PSS) "
          f"{r.get('together_mb', 0):5.0f} MB  load {os.getloadavg()[0]:.1f}  {extra}",
          flush=True)


def scale(tmp: Path, sizes: list[int], kind, name: str, rebuilds: bool) -> None:
    print(f"{name} corpus (N-Triples + TSV):")
    for n in sizes:
        corpus, out = tmp / f"{name}-{n}", tmp / f"{name}-{n}-out"
        make_corpus(corpus, n, kind)
        r = run_build(corpus, out)
        show(f"{n} posts", r, f"{r['concepts']} concepts, {r['relations']} relations, {r['triples']} triples "
                              f"({r['nt_mb']:.0f} MB of N-Triples)")
        if rebuilds:
            show("  nothing changed", run_build(corpus, out))
            changed = change_some(corpus, 0.01)
            show(f"  {changed} changed (1%)", run_build(corpus, out))
        shutil.rmtree(corpus)
        shutil.rmtree(out)


def dask_against_pool(tmp: Path, n: int) -> None:
    from distributed import Client, LocalCluster
    corpus = tmp / f"dask-{n}"
    make_corpus(corpus, n, replicated)
    print(f"Dask LocalCluster (2 worker processes, 1 thread each) against the local pool, {n} posts:")
    show("local process pool", run_build(corpus, tmp / "pool-out", cache=False))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        r = run_build(corpus, tmp / "dask-out", cluster=cluster.scheduler_address, cache=False)
        workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        r["worker_mb"] = max(workers.values())
    show("Dask LocalCluster", r)
    same = all((tmp / "pool-out" / f).read_bytes() == (tmp / "dask-out" / f).read_bytes() for f in ("graph.nt", "graph.tsv"))
    print(f"  same files: {same}")
    shutil.rmtree(corpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="replicated-corpus sizes (comma-separated)")
    parser.add_argument("--varied", default="1000,10000", help="varied-corpus sizes ('' for none)")
    parser.add_argument("--dask", type=int, default=1000, help="posts for Dask against the pool (0: skip)")
    parser.add_argument("--no-rebuilds", action="store_true", help="skip the no-change and 1%% rebuilds")
    parser.add_argument("--tmp", default=None, help="folder for corpora and outputs (default: a temporary one)")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    sizes = [int(x) for x in args.sizes.split(",") if x]
    varied_sizes = [int(x) for x in args.varied.split(",") if x]
    with tempfile.TemporaryDirectory(prefix="kg-scale-", dir=args.tmp) as tmp:
        tmp = Path(tmp)
        print(f"machine: {os.cpu_count()} cores; free disk {shutil.disk_usage(tmp).free / 1e9:.0f} GB")
        if sizes:
            scale(tmp, sizes, replicated, "replicated", rebuilds=not args.no_rebuilds)
        if varied_sizes:
            scale(tmp, varied_sizes, varied, "varied", rebuilds=False)
        if args.dask:
            dask_against_pool(tmp, args.dask)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
