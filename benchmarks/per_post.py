"""Benchmark: milliseconds per post of each step a build's worker takes, in one process, against a bare parse.

Run:  python benchmarks/per_post.py [SOURCE ...] [--rounds 5] [--passes 20]
      (default source: the sample corpus). Prints numbers only (medians of the rounds, and their range).
The steps: a bare BeautifulSoup parse (bench.py's yardstick), kg.text.parse_post, parse_post then extract(),
and the whole worker step kg.stream.process() (parse, extract, the post's N-Triples and TSV lines, the cache blob).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", default=[str(ROOT / "corpus")])
    parser.add_argument("--rounds", type=int, default=5, help="rounds timed (the median is printed)")
    parser.add_argument("--passes", type=int, default=20, help="passes over the posts per round")
    args = parser.parse_args()

    from bs4 import BeautifulSoup

    from kg.constants import LEXICON_FILE
    from kg.pipeline import _extract_one, _init_worker, read_posts
    from kg.stream import process
    from kg.text import parse_post

    posts, _ = read_posts(args.sources)
    if not posts:
        sys.exit("no posts in " + ", ".join(args.sources))
    _init_worker(LEXICON_FILE, process=True)   # as a build's worker process is set up
    steps = {
        "bare parse": lambda p: BeautifulSoup(p.html, "lxml").get_text(),
        "parse_post": parse_post,
        "parse+extract": _extract_one,
        "process": lambda p: process(0, p, None),
    }
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(args.rounds):   # the steps take turns, so that the machine's drift touches each alike
        for name, step in steps.items():
            t0 = time.perf_counter()
            for _ in range(args.passes):
                for post in posts:
                    step(post)
            times[name].append((time.perf_counter() - t0) * 1000 / args.passes / len(posts))
    print(f"{len(posts)} posts, {args.rounds} rounds of {args.passes} passes (ms per post: median, range)")
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"  {name:<13} {medians[name]:7.2f}  ({min(values):.2f} to {max(values):.2f})")
    print(f"  process / bare parse in one process: {medians['process'] / medians['bare parse']:.2f}")


if __name__ == "__main__":
    main()
