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


def test_the_lxml_tree_reads_as_beautifulsoup_did():
    # kg.dom builds the tree from lxml's parser (bs4's tree builder took most of a post's parse time); each
    # element, and the text gathered from it, must be what BeautifulSoup's lxml tree gave
    from bs4 import BeautifulSoup

    from kg import dom
    from kg.pipeline import read_posts
    from kg.text import _has_text, _spaced_text

    from .conftest import CORPUS, FIXTURES
    posts, _ = read_posts([str(CORPUS), *map(str, sorted(FIXTURES.glob("*.html")))])
    html = ("<p>a <!-- note --> <b>b<i> c</i></b><script>x()</script><![CDATA[d]]></p><p> <!-- only --> </p>"
            "<?php echo 1 ?><table><tr><td>x &amp; y</td></tr></table>text after<br/>the end &nbsp;")
    checked = 0
    for markup in [p.html for p in posts] + [html]:
        theirs, ours = BeautifulSoup(markup, "lxml").find_all(True), dom.parse(markup).find_all(True)
        assert [t.name for t in theirs] == [t.name for t in ours]
        for tag, mine in zip(theirs, ours):
            if tag.name in ("script", "style", "template"):
                continue   # asked directly, bs4 reports these tags' own text; the walk skips them
            assert _spaced_text(mine) == tag.get_text(" ")
            assert mine.get_text(" ", strip=True) == tag.get_text(" ", strip=True)
            assert _has_text(mine) == (next(tag.stripped_strings, None) is not None)
            checked += 1
    assert checked > 500


def test_the_tree_is_edited_in_place():
    from kg import dom
    root = dom.parse("<p>Label: rest</p><p>b</p>").body
    first, second = root.find_all("p")
    label = dom.new_tag("strong")
    label.string = "Label:"
    first.contents[0].replace_with(label)
    label.insert_after(" rest")
    assert [str(c) if isinstance(c, dom.Text) else c.name for c in first.contents] == ["strong", " rest"]
    items = dom.new_tag("ul")
    first.insert_before(items)
    for p in (first, second):
        p.extract()
        p.name = "li"
        items.append(p)
    assert [c.name for c in root.contents] == ["ul"] and second.parent is items
    assert root.get_text(" ", strip=True) == "Label: rest b" and first.next_sibling is second


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
