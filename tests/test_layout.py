"""Layout recovery: pages flattened to one paragraph per line get their lists, lead-ins and headings back."""
from __future__ import annotations

from kg.model import Post
from kg.text import parse_post

FLAT = ("<html><body><h1>Bone spread</h1>"
        "<p>Overview</p><p>Bone spread happens when tumour cells settle in the skeleton and grow there.</p>"
        "<p>Signs may include:</p><p>• Bone pain</p><p>• Fractures</p><p>- Nausea</p>"
        "<p>How it spreads</p><p>1. Local invasion: cells push into the tissue nearby.</p>"
        "<p>2. Lymphatic spread – cells ride the lymph to the nodes.</p>"
        "<p>A closing sentence that is long enough to be a paragraph of its own.</p></body></html>")


def _doc(html: str):
    return parse_post(Post(id="1", source="https://example.org/p", title="Bone spread", html=html))


def test_bullets_become_one_list_with_its_intro():
    doc = _doc(FLAT)
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [b.text for b in items[:3]] == ["Bone pain", "Fractures", "Nausea"]   # bullets dropped
    assert len({b.list_id for b in items[:3]}) == 1
    assert items[0].intro is not None and items[0].intro.text == "Signs may include:"


def test_numbered_lines_are_an_ordered_list_with_lead_ins():
    doc = _doc(FLAT)
    steps = [b for b in doc.blocks if b.kind == "item" and b.ordered]
    assert [b.lead for b in steps] == ["Local invasion", "Lymphatic spread"]   # colon and dash set a label apart
    assert all(b.lead_apart for b in steps)
    assert steps[0].text.startswith("Local invasion: cells")


def test_title_lines_become_headings_only_on_a_flat_page():
    doc = _doc(FLAT)
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert headings == ["Bone spread", "Overview", "How it spreads"]
    assert [b for b in doc.blocks if b.text.startswith("Bone pain")][0].section.heading == "Overview"
    structured = _doc(FLAT.replace("<p>Overview</p>", "<h2>Overview</h2>"))
    assert [b.text for b in structured.blocks if b.kind == "heading"] == ["Bone spread", "Overview"]


def test_a_short_last_line_is_not_a_heading():
    doc = _doc("<html><body><p>A first paragraph that is fairly long to read.</p><p>Thanks</p></body></html>")
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]


def test_short_unbulleted_lines_after_a_lead_in_are_its_items():
    doc = _doc("<html><body><p>Spread to bone may cause any of these symptoms:</p><p>Bone pain</p><p>Broken bones</p>"
               "<p>Lungs Dyspnea, cough, chest pain and a row of a flattened table that runs on</p>"
               "<p>A paragraph after the list that says more. It has sentences.</p></body></html>")
    items = [b.text for b in doc.blocks if b.kind == "item"]
    assert items == ["Bone pain", "Broken bones", "Lungs Dyspnea, cough, chest pain and a row of a flattened table "
                                                  "that runs on"]
    assert doc.blocks[-1].kind == "paragraph"


def test_one_short_line_after_a_lead_in_is_a_heading_of_the_paragraph_after_it():
    doc = _doc("<html><body><p>Doctors use a few methods:</p><p>Physical exam</p>"
               "<p>A doctor feels the lymph nodes for swelling, tenderness or any change from normal.</p>"
               "<p>Biopsy</p><p>A small piece of the node is removed and looked at under a microscope.</p></body></html>")
    assert not [b for b in doc.blocks if b.kind == "item"]
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["Physical exam", "Biopsy"]


def test_bulleted_lines_under_an_unbulleted_term_line_are_its_sub_items():
    doc = _doc("<html><body><p>Deposit sizes:</p><p>Micrometastases: between 0.2 and 2 mm</p>"
               "<p>- Usually detected by immunohistochemistry</p><p>- Staging: N1mi</p>"
               "<p>Another paragraph after the list, long enough to be one of its own.</p></body></html>")
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [b.text for b in items] == ["Micrometastases: between 0.2 and 2 mm", "Usually detected by immunohistochemistry",
                                       "Staging: N1mi"]
    assert items[1].parent is items[0] and items[2].parent is items[0]


def test_bulleted_lines_under_an_unlabelled_line_stay_its_siblings():
    doc = _doc("<html><body><p>Signs may include:</p><p>Bone pain</p><p>Broken bones</p><p>- Nausea</p>"
               "<p>Another paragraph after the list, long enough to be one of its own.</p></body></html>")
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [b.text for b in items] == ["Bone pain", "Broken bones", "Nausea"]
    assert all(b.parent is None for b in items)
