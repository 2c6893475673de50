"""Concept recall of annotations against the concepts that a gold table's core rows name."""
from __future__ import annotations

from click.testing import CliRunner

from kg.cli import main
from kg.mention_eval import concept_recall, normal

GOLD = ("# gold\n"
        "d1\tbone_metastasis\tcauses\t?high calcium level\t+\ty\tcore\tcue\n"
        "d1\tbone_metastasis\tspreads_to\t?rib\t+\tn\tcore\tcue\n"
        "d1\tbone_metastasis\tcauses\t?fever\t+\tn\toptional\tcue\n"
        "d2\t?lung cancer\tspreads_to\tbrain\t+\tn\tcore\tcue\n")
HEAD = "source\tstart\tend\ttext\tconcept\tlabel\tcategory\tcodes\tdiscovered\n"
C = "https://w3id.org/cancer-spread/concept/"


def _files(tmp_path, annotations):
    (tmp_path / "gold.tsv").write_text(GOLD)
    (tmp_path / "manifest.tsv").write_text("d1\thttps://a.example/1\nd2\thttps://a.example/2\n")
    (tmp_path / "ann.tsv").write_text(HEAD + annotations)
    return tmp_path / "gold.tsv", tmp_path / "manifest.tsv", tmp_path / "ann.tsv"


def test_matches_by_key_label_synonym_and_text(tmp_path):
    ann = (f"https://a.example/1\t0\t15\tBone metastases\t{C}bone_metastasis\tBone metastasis\tSpreadPattern\t\tfalse\n"
           f"https://a.example/1\t20\t33\thypercalcemia\t{C}hypercalcemia\tHypercalcemia\tClinicalFinding\t\tfalse\n"
           f"https://a.example/2\t0\t6\tbrain\t{C}brain\tBrain\tAnatomicalSite\t\tfalse\n"
           f"https://a.example/2\t9\t23\tCancer of Lung\t{C}lung_carcinoma\tLung Carcinoma\tNeoplasm\t\tfalse\n")
    score = concept_recall(*_files(tmp_path, ann))
    # d1: bone_metastasis (key), high calcium level (a curated synonym of hypercalcemia), rib missed;
    # d2: brain (key), lung cancer (a synonym of lung carcinoma)
    assert (score.found, score.total) == (4, 5) and score.missed == [("d1", "?rib")]
    assert score.per_document == {"d1": (2, 3), "d2": (2, 2)}


def test_normal_form():
    assert normal("Lung Cancers") == "lung cancer" == normal("lung_cancer") and normal("tumours") == "tumor"


def test_command_prints_recall(tmp_path):
    gold, manifest, ann = _files(tmp_path, "")
    result = CliRunner().invoke(main, ["evaluate-mentions", str(gold), "--manifest", str(manifest),
                                       "--annotations", str(ann), "--details"])
    assert result.exit_code == 0 and "concept recall  0.000 (0/5)" in result.output and "d2 ?lung cancer" in result.output
