"""GraphML through networkx, for Gephi and Cytoscape: concepts as nodes, relations as edges."""
from __future__ import annotations

import io

SUFFIX = ".graphml"


def to_networkx(kg, include_negated: bool = True):
    """A MultiDiGraph of the concepts that take part in relations (all concepts when asked)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for key, c in kg.concepts.items():
        g.add_node(key, label=c.label, category=c.category, discovered=c.discovered,
                   synonyms="; ".join(c.synonyms + c.abbreviations), definition=c.definition,
                   xrefs=" ".join(c.exact_match + c.close_match))
    for a in kg.assertions:
        if a.polarity == "negative" and not include_negated:
            continue
        g.add_edge(a.subject, a.object, key=f"{a.relation}:{a.polarity}", relation=a.relation,
                   polarity=a.polarity, hedged=a.hedged, evidence_count=len(a.evidence),
                   sources=len({e.source for e in a.evidence}),
                   sentence=a.evidence[0].sentence if a.evidence else "")
    return g


def render(kg, rdf) -> str:
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(kg), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")
