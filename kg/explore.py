"""Exploring the graph with networkx: counts, central concepts, and chains of stated relations."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .errors import KGError
from .visualize import resolve


@dataclass
class Stats:
    categories: Counter
    relations: Counter
    negated: int
    isolated: list[str]
    degree: list[tuple[str, int]]
    betweenness: list[tuple[str, float]]


def stats(g, top: int = 10) -> Stats:
    """Counts by category and relation, concepts without relations, and the most central concepts."""
    import networkx as nx

    positive = nx.Graph()
    positive.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        if d.get("polarity") != "negative":
            positive.add_edge(u, v)
    label = lambda n: g.nodes[n].get("label", n)   # noqa: E731
    degree = sorted(((label(n), k) for n, k in positive.degree()), key=lambda x: (-x[1], x[0]))[:top]
    between = nx.betweenness_centrality(positive)
    betweenness = sorted(((label(n), round(b, 4)) for n, b in between.items()), key=lambda x: (-x[1], x[0]))[:top]
    return Stats(
        categories=Counter(d.get("category") for _, d in g.nodes(data=True)),
        relations=Counter(d.get("relation") for _, _, d in g.edges(data=True) if d.get("polarity") != "negative"),
        negated=sum(1 for _, _, d in g.edges(data=True) if d.get("polarity") == "negative"),
        isolated=sorted(label(n) for n in positive.nodes if positive.degree(n) == 0),
        degree=degree, betweenness=betweenness)


def format_stats(s: Stats) -> str:
    lines = ["Concepts by category:"]
    lines += [f"  {c:<20} {n:>5}" for c, n in sorted(s.categories.items())]
    lines.append("Relations (stated positively):")
    lines += [f"  {r:<20} {n:>5}" for r, n in sorted(s.relations.items())]
    lines.append(f"Negated relations: {s.negated}")
    lines.append(f"Concepts without relations ({len(s.isolated)}): " + ", ".join(s.isolated))
    lines.append("Most connected (degree):")
    lines += [f"  {name:<36} {k:>4}" for name, k in s.degree]
    lines.append("Most central (betweenness):")
    lines += [f"  {name:<36} {b:>8.4f}" for name, b in s.betweenness]
    return "\n".join(lines)


def path(g, source: str, target: str) -> list[tuple[str, str, str, str]]:
    """The shortest chain of stated (positive) relations between two concepts, in either direction.

    Each step is (from label, relation as read from 'from' to 'to', to label, evidence sentence).
    """
    import networkx as nx

    a, b = resolve(g, source), resolve(g, target)
    undirected = nx.MultiGraph()
    undirected.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        if d.get("polarity") != "negative":
            undirected.add_edge(u, v, relation=d.get("relation"), src=u, evidence=d.get("evidence", ""))
    try:
        nodes = nx.shortest_path(undirected, a, b)
    except nx.NetworkXNoPath:
        raise KGError(f"no chain of stated relations links {source!r} and {target!r}") from None
    steps = []
    for u, v in zip(nodes, nodes[1:]):
        edge = sorted(undirected.get_edge_data(u, v).values(), key=lambda d: (d["relation"], d["src"]))[0]
        relation = edge["relation"].replace("_", " ")
        if edge["src"] != u:
            relation = f"(inverse of) {relation}"
        sentence = str(edge["evidence"]).split("\n")[0]
        steps.append((g.nodes[u].get("label", u), relation, g.nodes[v].get("label", v), sentence))
    return steps


def format_path(steps) -> str:
    lines = []
    for i, (u, rel, v, sentence) in enumerate(steps, 1):
        lines.append(f"{i}. {u} —{rel}→ {v}")
        if sentence:
            lines.append(f"   {sentence}")
    return "\n".join(lines)
