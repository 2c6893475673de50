"""The HTML tree (kg/dom.py): read as BeautifulSoup read it, edited in place, written back."""
from kg import dom
from kg.pipeline import read_posts
from kg.text import _has_text, _spaced_text

from .conftest import CORPUS, FIXTURES

MIXED = ("<p>a <!-- note --> <b>b<i> c</i></b><script>x()</script><![CDATA[d]]></p><p> <!-- only --> </p>"
         "<?php echo 1 ?><table><tr><td>x &amp; y &lt;z&gt;</td></tr></table>text after<br/>the end &nbsp;"
         "<pre>  kept\n  as is </pre><a href='/x?a=1&amp;b=\"2\"'>link</a>")


def _markups() -> list[str]:
    posts, _ = read_posts([str(CORPUS), *map(str, sorted(FIXTURES.glob("*.html")))])
    return [p.html for p in posts] + [MIXED]


def test_the_lxml_tree_reads_as_beautifulsoup_did():
    # kg.dom builds the tree from lxml's parser (bs4's tree builder took most of a post's parse time); each
    # element, and the text gathered from it, must be what BeautifulSoup's lxml tree gave
    from bs4 import BeautifulSoup

    checked = 0
    for markup in _markups():
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


def test_a_tree_written_back_reads_the_same():
    # post_from_html keeps a page's main element as HTML, read again by parse_post
    for markup in _markups():
        tree = dom.parse(markup)
        again = dom.parse(dom.to_html(tree))
        assert [t.name for t in again.find_all(True)] == [t.name for t in tree.find_all(True)]
        assert [_spaced_text(t) for t in again.find_all(True)] == [_spaced_text(t) for t in tree.find_all(True)]
        assert [t.attrs for t in again.find_all(True)] == [t.attrs for t in tree.find_all(True)]


def test_empty_and_declared_markup():
    assert dom.parse("").get_text() == "" and dom.parse("   ").find_all() == []
    assert dom.parse('<?xml version="1.0" encoding="utf-8"?><p>caf\u00e9</p>').get_text(strip=True) == "caf\u00e9"
