"""The OWL file loads in owlready2, HermiT finds it consistent, and annotations come through."""
from __future__ import annotations

import shutil

import pytest

from .conftest import EXPORTS

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")


def test_owl_loads_and_reasons():
    import owlready2

    world = owlready2.World()
    onto = world.get_ontology((EXPORTS / "graph.owl").resolve().as_uri()).load()
    owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []
    micro = onto.search_one(iri="*concept/micrometastasis")
    assert micro is not None and "Micrometastasis" in [str(x) for x in micro.label]
    assert "micrometastases" in [str(x) for x in micro.hasExactSynonym]
    assert "NCIT:C38486" in [str(x) for x in micro.hasDbXref]
    kinds = {c.name for c in onto.search_one(iri="*concept/metastasis").subclasses()}
    assert {"micrometastasis", "bone_metastasis", "distant_metastasis"} <= kinds
    axioms = list(world.sparql("""
        SELECT ?sentence WHERE {
          ?ax a <http://www.w3.org/2002/07/owl#Axiom> ;
              <http://www.w3.org/2002/07/owl#annotatedSource> <https://w3id.org/cancer-spread/concept/micrometastasis> ;
              <https://w3id.org/cancer-spread/schema/evidenceSentence> ?sentence }"""))
    assert any("immunohistochemistry" in str(row[0]).lower() for row in axioms)
