"""The HTML view: selection, self-containment, escaping, and a real headless Chromium."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from kg.export.graphml import read, to_networkx
from kg.visualize import render_html, select

from .conftest import EXPORTS, FIXTURES


@pytest.fixture(scope="module")
def nxg():
    return read(EXPORTS / "graph.graphml")


def test_selection(nxg):
    everything = select(nxg)
    assert everything.number_of_nodes() == nxg.number_of_nodes()
    assert all(d["polarity"] == "positive" for _, _, d in everything.edges(data=True))
    with_negated = select(nxg, include_negated=True)
    assert with_negated.number_of_edges() == nxg.number_of_edges()
    near = select(nxg, focus="MRD", depth=1)
    assert "micrometastasis" in near and near.number_of_nodes() < 15
    only = select(nxg, relations=["causes"], categories=["SpreadPattern", "ClinicalFinding"])
    assert {d["relation"] for _, _, d in only.edges(data=True)} == {"causes"}


def test_html_is_self_contained(nxg):
    html = render_html(nxg)
    assert not re.search(r"(src|href)\s*=\s*[\"']https?://", html)
    assert "vis.Network" in html and "kgSearch" in html
    assert (EXPORTS / "graph.html").read_text() == render_html(to_networkx_from_build())


def to_networkx_from_build():
    from kg.pipeline import build_graph, read_posts
    from .conftest import CORPUS
    posts, _ = read_posts([str(CORPUS)])
    return to_networkx(build_graph(posts))


def crafted_html(tmp_path):
    from kg.build import build
    build([str(FIXTURES / "crafted.post.json")], tmp_path)
    return tmp_path / "graph.html"


def test_crafted_text_is_escaped_in_the_page_source(tmp_path):
    html = crafted_html(tmp_path).read_text()
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    data = re.search(r"nodes = new vis.DataSet\((.*?)\);", html).group(1)
    assert "<script>" in json.loads(data)[0]["label"] + "".join(n["label"] for n in json.loads(data))


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
browser = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")


def open_page(path):
    from playwright.sync_api import sync_playwright
    pw = sync_playwright().start()
    b = pw.chromium.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"])
    context = b.new_context(offline=True)
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route(re.compile(r"^(?!file:|data:|about:|blob:).*"), lambda route: route.abort())
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.kgStabilized === true", timeout=60000)
    return pw, b, page, requests, errors


@browser
@pytest.mark.browser
def test_sample_graph_in_chromium(tmp_path, sample_kg):
    pw, b, page, requests, errors = open_page(EXPORTS / "graph.html")
    try:
        counts = page.evaluate("[nodes.get().length, edges.get().length]")
        shown = sum(1 for a in sample_kg.assertions if a.polarity == "positive")
        assert counts == [len(sample_kg.concepts), shown]
        assert errors == []
        assert all(u.startswith(("file:", "data:", "about:", "blob:")) for u in requests)
        found = page.evaluate("window.kgSearch('IHC')")
        assert found == "immunohistochemistry"
        assert page.evaluate("network.getSelectedNodes()") == ["immunohistochemistry"]
        shot = page.screenshot()
        page.goto("about:blank")
        blank = page.screenshot()
    finally:
        b.close()
        pw.stop()
    assert len(shot) > 10 * len(blank)     # a blank page compresses to almost nothing


@browser
@pytest.mark.browser
def test_crafted_post_never_runs(tmp_path):
    pw, b, page, requests, errors = open_page(crafted_html(tmp_path))
    try:
        assert page.evaluate("window.__pwned === undefined")
        labels = page.evaluate("nodes.get().map(n => n.label)")
        assert any("<script>" in label for label in labels)   # shown as text
        page.evaluate("window.kgSearch('nothing like this <img src=x onerror=window.__pwned=1>')")
        assert page.evaluate("window.__pwned === undefined")
        assert page.evaluate("document.getElementById('kg-search-status').textContent").startswith("No concept")
        assert errors == []
    finally:
        b.close()
        pw.stop()


@browser
@pytest.mark.browser
def test_view_is_readable_at_first_fit_with_shapes_legend_fit_and_details():
    pw, b, page, requests, errors = open_page(EXPORTS / "graph.html")
    try:
        # labels of the most connected concepts are readable (>= 11 px on screen) at the first fit
        sizes = page.evaluate("""(() => { var s = network.getScale();
            return nodes.get().sort((a, b) => b.degree - a.degree).slice(0, 10).map(n => n.font.size * s); })()""")
        assert min(sizes) >= 11
        # every category has its own shape, and the legend shows it
        shapes = page.evaluate("""(() => { var by = {}; nodes.get().forEach(n => { by[n.category] = n.image; });
            return by; })()""")
        assert len(set(shapes.values())) == len(shapes) > 5
        legend = page.evaluate("Array.from(document.querySelectorAll('#kg-categories img')).map(i => i.src)")
        assert set(legend) == set(shapes.values())
        # the panel does not cover the graph
        panel = page.evaluate("document.getElementById('kg-panel').getBoundingClientRect().toJSON()")
        canvas = page.evaluate("document.querySelector('#mynetwork canvas').getBoundingClientRect().toJSON()")
        assert panel["right"] <= canvas["left"] + 1
        # the fit button shows the whole graph again after a zoom
        page.evaluate("network.moveTo({ scale: 3 })")
        page.click("#kg-fit")
        assert page.evaluate("network.getScale()") < 1
        # a click on a concept shows its details; on a relation, its evidence with links to the posts
        point = page.evaluate("network.canvasToDOM(network.getPosition('micrometastasis'))")
        box = canvas
        page.mouse.click(box["left"] + point["x"], box["top"] + point["y"])
        details = page.inner_text("#kg-details")
        assert "Micrometastasis" in details and "NCIT:" in details and "Definition" in details
        page.evaluate("window.kgShowDetails('edge', edges.get().find(e => e.relation === 'detected_by').id)")
        links = page.evaluate("Array.from(document.querySelectorAll('#kg-details a')).map(a => a.href)")
        assert links and all(link.startswith("https://") for link in links)
        assert errors == []
    finally:
        b.close()
        pw.stop()
