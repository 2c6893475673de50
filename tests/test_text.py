"""Text: sections, blocks, lead-ins, flattened sub-lists and sentence offsets."""
from __future__ import annotations

from kg.ingest import read_source, post_from_object
from kg.text import parse_post, split_sentences

from .conftest import CORPUS


def _doc(html):
    return parse_post(post_from_object({"id": 1, "content": {"rendered": html}}, "test"))


def test_sentence_offsets_point_into_the_plain_text():
    doc = parse_post(read_source(str(CORPUS / "metastasis.post.json"))[0])
    assert len(doc.sentences) > 150
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text


def test_sections_nest_by_heading_level():
    doc = _doc("<h2>A</h2><p>x.</p><h3>B</h3><p>y.</p><h2>C</h2><p>z.</p>")
    paths = [b.section.path for b in doc.blocks if b.kind == "paragraph"]
    assert paths == [["A"], ["A", "B"], ["C"]]


def test_lead_ins_and_flattened_sub_items():
    doc = _doc("""<ul>
      <li><p><strong>Organ-specific spread</strong><br/>Sites include:</p></li>
      <li><strong>Bone metastasis:</strong> may cause pain</li>
      <li><strong>Liver metastasis:</strong> may cause jaundice</li>
      <li><p><strong>Next topic</strong><br/>Plain text.</p></li>
    </ul>""")
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [b.lead for b in items] == ["Organ-specific spread", "Bone metastasis", "Liver metastasis", "Next topic"]
    assert items[0].lead_block and not items[1].lead_block
    assert items[1].parent is items[0] and items[2].parent is items[0]
    assert items[3].parent is None


def test_faq_pairs_and_br_lines():
    doc = _doc("<p><strong>Q: Is X the same as Y?</strong><br/>No. They differ.</p><p>One.<br/>Two lines</p>")
    faq = [b for b in doc.blocks if b.kind == "faq"][0]
    assert faq.lead == "Is X the same as Y?"
    assert [s.text for s in doc.sentences] == ["Q: Is X the same as Y?", "No.", "They differ.", "One.", "Two lines"]


def test_sentence_splitter_keeps_abbreviations():
    parts = split_sentences("Tests (e.g. CT) help. Next one vs. that. Done", 10)
    assert [p[0] for p in parts] == ["Tests (e.g. CT) help.", "Next one vs. that.", "Done"]
    assert parts[0][1] == 10


def test_entities_and_nested_lists():
    doc = _doc("<ul><li>Outer &amp; more<ul><li><em>Inner</em> term</li></ul></li></ul>")
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [b.text for b in items] == ["Outer & more", "Inner term"]
    assert items[1].parent is items[0] and items[1].lead == "Inner"


def test_no_is_a_sentence_not_an_abbreviation():
    # regression: "No." was taken for the abbreviation of "number" and swallowed the next sentence
    parts = [p[0] for p in split_sentences("No. They differ. See No. 5 here.", 0)]
    assert parts == ["No.", "They differ.", "See No. 5 here."]


def test_glossary_entries_and_back_matter():
    doc = _doc("<h2>Terms</h2><dl><dt>Micrometastasis</dt><dd>A small deposit.</dd></dl>"
               "<h2>References</h2><p>Smith 2010.</p><h3>Older</h3><p>Jones 2001.</p><h2>Next</h2><p>Kept.</p>")
    [entry] = [b for b in doc.blocks if b.kind == "definition"]
    assert entry.lead == "Micrometastasis" and entry.text == "Micrometastasis\nA small deposit."
    texts = [s.text for s in doc.sentences]
    assert "Smith 2010." not in texts and "Jones 2001." not in texts and "Kept." in texts


def test_html_nested_far_beyond_the_recursion_limit():
    # the walk keeps its own stack (issue 12: RecursionError at ~1,000 levels)
    deep = "<div>" * 5000 + "<p>Bone metastasis <b>" + "<span>" * 3000 + "may cause</span></b> pain.</p>"
    doc = _doc(deep + "<ul><li>Liver" * 2000)
    assert doc.blocks[0].text == "Bone metastasis may cause pain."
    assert len([b for b in doc.blocks if b.kind == "item"]) == 2000
    assert doc.blocks[-1].parent is doc.blocks[-2]   # each nested item is a sub-item of the one before


def test_character_references_to_control_characters_do_not_reach_the_text():
    doc = _doc("<h2>A&#1;B</h2><p>x&#0;y&#x7f;z&#xFFFE; &#x1b;[31mred.</p>")
    assert doc.text == "AB\n\nx\ufffdyz [31mred."
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
