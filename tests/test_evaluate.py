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
