"""Evaluation: matching rules (symmetric relations, polarity, tiers) on a tiny gold table."""
from __future__ import annotations

from kg.evaluate import evaluate, report

C = "https://w3id.org/cancer-spread/concept/"
HEAD = "subject\tsubject_label\trelation\tobject\tobject_label\tpolarity\thedged\tpost\tsource\tsection\tsentence\tstart\tend\trule\n"


def row(s, r, o, pol="positive", hedged="false", post="1"):
    return f"{C}{s}\t{s}\t{r}\t{C}{o}\t{o}\t{pol}\t{hedged}\t{post}\thttp://x\tS\tsentence\t0\t1\trule\n"


def test_scores(tmp_path):
    (tmp_path / "concepts.tsv").write_text("key\tlabel\na\tA\nb\tB\nc\tC\n")
    (tmp_path / "gold.tsv").write_text(
        "# comment\npost\tsubject\trelation\tobject\tpolarity\thedged\ttier\tcue\n"
        "1\ta\tcauses\tb\t+\ty\tcore\tx\n"
        "1\tb\tdistinct_from\tc\t+\tn\tcore\tx\n"
        "1\ta\tis_a\tc\t-\tn\tcore\tx\n"
        "1\tc\tused_in\ta\t+\t?\toptional\tx\n")
    (tmp_path / "a.tsv").write_text(HEAD + row("a", "causes", "b", hedged="true") + row("c", "distinct_from", "b")
                                    + row("a", "is_a", "c") + row("c", "used_in", "a") + row("a", "mimics", "b"))
    score = evaluate(tmp_path / "gold.tsv", tmp_path / "concepts.tsv", tmp_path / "a.tsv")
    assert (score.core, score.core_found) == (3, 2)              # symmetric match counts; wrong polarity does not
    assert (score.extracted, score.correct) == (5, 3)            # optional rows count as correct
    assert score.opposite == [("1", "a", "is_a", "c", "negative")]
    assert score.hedge_scored == 2 and score.hedge_agree == 2
    text = report(score)
    assert "core recall     0.667" in text and "precision       0.600" in text


def test_key_list_precision(tmp_path):
    """Rows naming a concept the gold has no key for are also left out of a second precision figure."""
    (tmp_path / "concepts.tsv").write_text("key\tlabel\na\tA\nb\tB\n")
    (tmp_path / "gold.tsv").write_text("post\tsubject\trelation\tobject\tpolarity\thedged\ttier\tcue\n"
                                       "1\ta\tcauses\tb\t+\tn\tcore\tx\n")
    (tmp_path / "a.tsv").write_text(HEAD + row("a", "causes", "b") + row("a", "mimics", "b") + row("a", "is_a", "z")
                                    + row("z", "causes", "b"))
    score = evaluate(tmp_path / "gold.tsv", tmp_path / "concepts.tsv", tmp_path / "a.tsv")
    assert (score.extracted, score.correct, score.unknown_concepts) == (4, 1, 2)
    assert score.precision == 0.25 and score.key_list_precision == 0.5
    assert "in key list   0.500 (1/2 rows" in report(score)


def test_manifest_and_names(tmp_path):
    """Gold documents named by id match assertions by URL; a concept matches by any of its names."""
    (tmp_path / "manifest.tsv").write_text("d01\thttps://example.org/page-a\nd02\thttp://example.org/b/\n")
    (tmp_path / "gold.tsv").write_text(
        "post\tsubject\trelation\tobject\tpolarity\thedged\ttier\tcue\n"
        "d01\t?lung cancer\tspreads_to\t?bones\t+\ty\tcore\tx\n"
        "d02\tbone_metastasis\tcauses\t?pain\t+\tn\tcore\tx\n"
        "d02\t?pain\tcontrasted_with\t?ache\t+\tn\tcore\tx\n")
    rows = [
        row("lung_carcinoma", "spreads_to", "bone", hedged="true").replace("http://x", "http://example.org/page-a"),
        row("bone_metastasis", "causes", "pain").replace("http://x", "https://example.org/b"),
        row("ache", "contrasted_with", "pain").replace("http://x", "https://example.org/b"),
        row("bone_metastasis", "causes", "pain").replace("http://x", "https://example.org/other"),
    ]
    (tmp_path / "a.tsv").write_text(HEAD + "".join(rows))
    names = {"lung_carcinoma": {"Lung carcinoma", "lung cancer"}}
    score = evaluate(tmp_path / "gold.tsv", None, tmp_path / "a.tsv", manifest=tmp_path / "manifest.tsv",
                     names=names)
    assert (score.core, score.core_found) == (3, 3)     # synonym, plural '?bones', symmetric, URL forms
    assert (score.extracted, score.correct) == (4, 3)   # the page outside the manifest matches nothing
    assert score.per_document["d02"] == {"core": 2, "core_found": 2, "extracted": 2, "correct": 2}
    without = evaluate(tmp_path / "gold.tsv", None, tmp_path / "a.tsv", manifest=tmp_path / "manifest.tsv")
    assert without.core_found == 2                      # no synonym: the lung cancer row is missed
    assert "document" in report(score, per_document=True)
