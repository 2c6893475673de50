"""Data lint of the shipped lexicon: hand rows, generated rows and the curation file agree and are sound."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.constants import CATEGORIES, CURATION_FILE, GENERATED_LEXICON_FILE, LEXICON_FILE, XREF_PREFIXES
from kg.lexicon import is_acronym, load_lexicon, term_key
from kg.lexicon_rows import read_curation, read_rows

SOURCES = Path(__file__).resolve().parents[2] / "shared" / "ontology-sources"


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_size_and_code_coverage(lexicon):
    assert len(lexicon) >= 1500
    coded = sum(bool(c.exact_match or c.close_match) for c in lexicon.values())
    assert coded / len(lexicon) >= 0.8


def test_keys_categories_and_codes_are_valid(lexicon):
    for key, c in lexicon.items():
        assert re.fullmatch(r"[a-z0-9_]+", key) and c.key == key and c.label
        assert c.category in CATEGORIES and c.category != "DiscoveredConcept"
        for code in c.exact_match + c.close_match:
            assert code.split(":")[0] in XREF_PREFIXES, f"{key}: unknown vocabulary in {code}"
        if c.definition:
            assert c.definition_source.split(":")[0] in XREF_PREFIXES, key


def test_generated_keys_are_unique_and_hand_keys_kept(lexicon):
    hand = [r["key"] for r in read_rows(LEXICON_FILE)]
    generated = [r["key"] for r in read_rows(GENERATED_LEXICON_FILE)]
    assert len(set(generated)) == len(generated)
    assert set(hand) <= set(lexicon)
    eval_keys = [line.split("\t")[0] for line in (LEXICON_FILE.parent.parent / "eval" / "concepts.tsv")
                 .read_text().splitlines() if line and not line.startswith(("#", "key\t"))]
    assert set(eval_keys) <= set(hand)


def test_no_name_is_claimed_by_two_concepts(lexicon):
    owner: dict[tuple, str] = {}
    for key, c in lexicon.items():
        for name in [c.label, *c.synonyms, *c.abbreviations]:
            k = term_key(name)
            if is_acronym(name) or name in c.abbreviations:
                continue   # matched as written; the same letters in another case may be another concept's
            assert owner.setdefault(k, key) == key, f"{name!r} is a name of {owner[k]} and of {key}"


def test_parents_exist_and_are_not_self(lexicon):
    for key, c in lexicon.items():
        assert key not in c.parents
        assert set(c.parents) <= set(lexicon), key


def test_hand_rows_keep_their_labels_and_categories(lexicon):
    for row in read_rows(LEXICON_FILE):
        c = lexicon[row["key"]]
        assert (c.label, c.category) == (row["label"], row["category"])


def test_every_curation_row_acts_on_something():
    generated = {r["key"] for r in read_rows(GENERATED_LEXICON_FILE)}
    hand = {r["key"] for r in read_rows(LEXICON_FILE)}
    decisions = read_curation(CURATION_FILE)
    added = {d["key"] for d in decisions if d["action"] == "add_concept"}
    names = {term_key(n) for r in read_rows(GENERATED_LEXICON_FILE) for n in r["names"]}
    lexicon = load_lexicon()
    for d in decisions:
        if d["action"] in ("drop_concept", "category", "generic", "label", "drop_synonym"):
            assert d["key"] in generated, d
        elif d["action"] == "merge":
            assert d["key"] in generated and d["value"] in hand | added, d
            assert d["key"] not in lexicon
        elif d["action"] == "drop_term":
            assert term_key(d["term"]) in names, d
        elif d["action"] == "add_synonym":
            c = lexicon[d["key"]]
            assert d["term"] in c.synonyms + c.abbreviations or d["term"].lower() == c.label.lower(), d
        elif d["action"] == "add_concept":
            category, *codes = d["value"].split()
            assert d["key"] not in generated | hand and category in CATEGORIES, d
            assert all(code.split(":")[0] in XREF_PREFIXES for code in codes), d


def test_generated_header_names_sources_and_licences():
    head = GENERATED_LEXICON_FILE.read_text(encoding="utf-8").split("\nkey\t")[0]
    for name in ("NCIt", "CC BY 4.0", "MAxO", "Uberon", "CC BY 3.0", "MONDO", "CC0", "Genomic Data Commons",
                 "Apache-2.0", "python -m kg.lexicon_build"):
        assert name in head


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the source ontologies are not on this machine")
def test_committed_generated_rows_are_what_the_command_writes(tmp_path):
    from kg.lexicon_build import main

    out = tmp_path / "generated.tsv"
    assert main([str(SOURCES), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == GENERATED_LEXICON_FILE.read_text(encoding="utf-8")


def test_the_adjective_form_of_ablation_names_the_class_of_its_techniques():
    from .test_extract import statements
    found = statements("<p>Percutaneous ablative techniques include radiofrequency ablation and microwave ablation.</p>")
    assert {("radiofrequency_ablation", "is_a", "ablation", "positive"), ("microwave_ablation", "is_a", "ablation", "positive")} <= found


def test_treatment_decisions_and_recommendations_are_treatment_planning():
    from .test_extract import statements
    found = statements("<p>Results of the biopsy will guide the treatment recommendations.</p>"
                       "<p>Staging affects treatment decisions.</p>")
    assert {("biopsy", "influences", "treatment_planning", "positive"),
            ("staging", "influences", "treatment_planning", "positive")} <= found


def test_positive_lymph_nodes_are_lymph_node_metastasis():
    from .test_extract import statements
    found = statements("<p>The number of positive lymph nodes determines the N category.</p>")
    assert ("lymph_node_metastasis", "influences", "n_category", "positive") in found


def test_the_sites_and_findings_of_leptomeningeal_spread_are_concepts():
    # a post on leptomeningeal metastasis named the leptomeninges, the spinal fluid, hydrocephalus and the
    # spinal tap, none of which the lexicon had
    from .test_extract import statements
    found = statements("<p>Tumor cells can reach the leptomeninges through the blood. They may block the flow of "
                       "spinal fluid and cause hydrocephalus. A spinal tap collects the cerebrospinal fluid. "
                       "Colon cancer cells reach the liver through the portal vein.</p>",
                       title="Leptomeningeal metastasis")
    assert ("meningeal_carcinomatosis", "spreads_to", "leptomeninges", "positive") in found
    assert ("meningeal_carcinomatosis", "causes", "hydrocephalus", "positive") in found
    lexicon = load_lexicon()
    assert {"cerebrospinal_fluid", "portal_vein", "lumbar_puncture"} <= set(lexicon)
