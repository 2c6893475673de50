"""The shared helpers of extraction (kg.extract.document): coordination."""
from __future__ import annotations

from .test_extract import statements


def test_a_coordination_read_backward_steps_over_the_parenthesis_of_an_earlier_conjunct():
    found = statements("<p>Surgical resection (hepatectomy) plus chemotherapy is the standard treatment for liver "
                       "metastasis.</p>")
    assert {("liver_metastasis", "treated_with", k, "positive") for k in ("surgery", "chemotherapy")} <= found


def test_no_concept_is_a_kind_of_its_own_kind():
    # a broad concept is never a kind of a narrower one its label ends with (an is_a becomes a subclass axiom)
    from .test_extract import statements
    assert ("metastasis", "is_a", "liver_metastasis", "positive") not in \
        statements("<p>Metastases are liver metastases in this case.</p>", title="Cancer")


def test_a_cancer_metastatic_to_a_site_is_the_metastasis_there():
    found = statements("<p>Breast cancer metastatic to bone often causes pain.</p>")
    assert ("bone_metastasis", "causes", "pain", "positive") in found
    assert ("breast_cancer", "spreads_to", "bone", "positive") in found


def test_whole_mention_agrees_with_text_mentions_and_sees_learned_terms():
    from kg.extract.document import _Doc
    from kg.lexicon import Matcher, load_lexicon
    from kg.model import Document
    from kg.text import parse_post
    from kg.ingest import post_from_object

    post = post_from_object({"id": 9, "link": "https://example.org/t/", "title": {"rendered": "T"},
                             "content": {"rendered": "<p>Bone metastasis (BM) hurts.</p>"}}, "test")
    doc = parse_post(post)
    assert isinstance(doc, Document)
    concepts = load_lexicon()
    d = _Doc(doc, concepts, Matcher(concepts))
    for text in ("bone metastasis", "liver metastases", "bone metastasis pain", "lung (primary) tumor", "the bone"):
        ms = d.text_mentions(text)
        whole = ms[0] if len(ms) == 1 and ms[0].start == 0 and ms[0].end == len(text) else None
        assert d.whole_mention(text) == whole, text
    assert d.whole_mention("frobnic bone lesion") is None
    d.learn("frobnic bone lesion", "bone_metastasis")   # a term learned after a reading is found in the next
    assert d.whole_mention("frobnic bone lesion").key == "bone_metastasis"
    d.sent_mentions(doc.sentences[0])   # a sentence's own reading answers for its text
    assert d.whole_mention(doc.sentences[0].text) is None
