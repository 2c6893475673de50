"""GraphML through networkx, for Gephi and Cytoscape: concepts as nodes, relations as edges."""
from __future__ import annotations

import io

from ..constants import CONCEPT

SUFFIX = ".graphml"
MAX_EVIDENCE = 3


def to_networkx(kg):
    """A MultiDiGraph of every concept and every relation (negated ones marked by polarity)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for key, c in kg.concepts.items():
        g.add_node(key, iri=str(CONCEPT[key]), label=c.label, category=c.category, discovered=c.discovered,
                   synonyms="; ".join(c.synonyms + c.abbreviations), definition=c.definition,
                   xrefs=" ".join(c.exact_match + c.close_match))
    titles = {p.source: p.title for p in kg.posts}
    for a in kg.assertions:
        evidence = "\n".join(f"“{e.sentence}” ({titles.get(e.source, e.source)})"
                             for e in a.evidence[:MAX_EVIDENCE])
        g.add_edge(a.subject, a.object, key=f"{a.relation}:{a.polarity}", relation=a.relation,
                   polarity=a.polarity, hedged=a.hedged, evidence_count=len(a.evidence),
                   sources=len({e.source for e in a.evidence}), evidence=evidence,
                   evidence_links="\n".join(e.source for e in a.evidence[:MAX_EVIDENCE]))
    return g


def read(path):
    """A graph written by this module, back as a MultiDiGraph."""
    import networkx as nx

    return nx.read_graphml(path, force_multigraph=True)


def render(kg) -> str:
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(kg), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def write(kg, nt_path, handle) -> None:
    handle.write(render(kg).encode("utf-8"))
