"""The generated lexicon's rules (`kg.lexicon_build`) on a small source folder the test writes."""
from __future__ import annotations

import gzip
import json

import pytest

from kg.lexicon import term_key
from kg.lexicon_build import BRANCHES, GDC, MAXO, NCIT, UBERON, SiteNames, build_rows
from kg.ontology_io import read_ontology
from kg.lexicon_rows import ROW_COLUMNS

P = "http://purl.obolibrary.org/obo/NCIT_"

# (code, label, synonyms, parents, relations): a skin and an adrenal gland, the metastatic neoplasms in them,
# neoplasms of those sites whose names pair the site's noun with its adjective, and a leukemia in the skin
NCIT_TERMS = [
    ("C36263", "Metastatic Malignant Neoplasm", [], ["C3261"], []),
    ("C4741", "Neoplasm by Morphology", [], ["C3262"], []),
    ("C90001", "Skin", ["Integument"], ["C12219"], []),
    ("C90002", "Adrenal Gland", ["Adrenals"], ["C12219"], []),
    ("C90003", "Liver", [], ["C12219"], []),
    ("C90010", "Metastatic Malignant Neoplasm in the Skin", ["Metastatic Tumor to the Skin"], ["C36263"],
     [("R102", "C90001")]),
    ("C90011", "Metastatic Malignant Neoplasm in the Adrenal Gland", [], ["C36263"], [("R102", "C90002")]),
    ("C90012", "Metastatic Malignant Neoplasm in the Liver", [], ["C36263"], [("R102", "C90003")]),
    ("C90013", "Leukemia Cutis", [], ["C90010", "C4741"], [("R102", "C90001")]),
    ("C90014", "Breast Carcinoma Metastatic in the Skin", [], ["C90010"], [("R102", "C90001"), ("R101", "C90003")]),
    ("C90020", "Skin Glimmeroma", ["Cutaneous Glimmeroma"], ["C3263"], [("R101", "C90001")]),
    ("C90021", "Skin Sparkloma", ["Cutaneous Sparkloma"], ["C3263"], [("R101", "C90001")]),
    ("C90022", "Adrenal Gland Glimmeroma", ["Adrenal Glimmeroma"], ["C3263"], [("R101", "C90002")]),
    ("C90023", "Adrenal Gland Sparkloma", ["Adrenal Sparkloma"], ["C3263"], [("R101", "C90002")]),
    ("C90024", "Liver Glimmeroma", ["Hepatic Glimmeroma"], ["C3263"], [("R101", "C90003")]),
    ("C90025", "Liver Sparkloma", ["Hepatic Sparkloma"], ["C3263"], [("R101", "C90003")]),
    ("C90026", "Intracystic Twinkloma", ["Skin Twinkloma"], ["C3263"], [("R101", "C90001")]),
    # a deep neoplasm by site with the plain name the public uses, one without, one the prose rules drop
    ("C90030", "Thorax Neoplasm", [], ["C3263"], []),
    ("C90031", "Lung Neoplasm", [], ["C90030"], []),
    ("C90032", "Malignant Lung Neoplasm", [], ["C90031"], []),
    ("C90033", "Lung Carcinoma", [], ["C90032"], []),
    ("C90034", "Non-Small Cell Lung Carcinoma", ["non-small cell lung cancer", "NSCLC"], ["C90033"], []),
    ("C90035", "Lung Glimmer Cell Carcinoma Variant", ["Glimmer Cell Lung Cancer"], ["C90033"], []),
    ("C90036", "Recurrent Non-Small Cell Lung Carcinoma", ["recurrent non-small cell lung cancer"], ["C90034"], []),
    # an organ Uberon names in two words and NCIt in one; two leukemias of one source, one naming the other
    ("C90040", "Gleamsac", ["Gleamsac / Duct"], ["C12219"], []),
    ("C90041", "Chronic Glimmer Leukemia", ["CGL"], ["C3263"], []),
    ("C90042", "Juvenile Glimmer Leukemia", ["Chronic Glimmer Leukemia", "JGL"], ["C3263"], []),
    # a word and an acronym of the same letters
    ("C90043", "Wing", [], ["C12219"], []),
    ("C90044", "Winged Glimmeroma", ["WING"], ["C3263"], []),
]
UBERON_TERMS = "[Term]\nid: UBERON:9000001\nname: gleam sac\nsynonym: \"gleamsac\" EXACT []\nis_a: UBERON:0000062\n\n"

HAND = "\t".join(ROW_COLUMNS) + "\n" + "\n".join([
    "liver_metastasis\tLiver metastasis\tSpreadPattern\thepatic metastasis\tNCIT:C90012\t\t\t\t\t",
    "cutaneous_thing\tCutaneous thing\tSpreadPattern\tcutaneous metastasis\t\t\t\t\t\t",
]) + "\n"


def _roots(source: str) -> list[str]:
    return sorted({r for b in BRANCHES if b.source == source for r in b.roots})


@pytest.fixture()
def sources(tmp_path):
    nodes, edges, given = [], [], set()
    for code, label, synonyms, parents, relations in NCIT_TERMS:
        given.add("NCIT:" + code)
        nodes.append({"id": P + code, "lbl": label, "type": "CLASS", "meta": {"synonyms": [
            {"pred": "hasExactSynonym", "val": s} for s in synonyms]}})
        edges += [{"sub": P + code, "pred": "is_a", "obj": P + p} for p in parents]
        edges += [{"sub": P + code, "pred": P + r, "obj": P + o} for r, o in relations]
    for root in _roots(NCIT):
        if root not in given:
            nodes.append({"id": P + root.split(":")[1], "lbl": f"Root {root}", "type": "CLASS"})
    (tmp_path / NCIT).write_bytes(gzip.compress(json.dumps({"graphs": [{"nodes": nodes, "edges": edges}]}).encode()))
    for name in (MAXO, UBERON):
        (tmp_path / name).write_text("format-version: 1.2\n\n" + "".join(
            f"[Term]\nid: {r}\nname: root {r.lower()}\n\n" for r in _roots(name)) + (UBERON_TERMS if name == UBERON else ""))
    (tmp_path / GDC).write_text("nothing: {}\n")
    hand = tmp_path / "hand.tsv"
    hand.write_text(HAND)
    return tmp_path, hand


def _names(rows):
    return {r.codes[0]: {term_key(n) for n in r.names} for r in rows}


def test_a_metastatic_neoplasm_in_a_site_takes_the_sites_nouns_and_adjectives(sources):
    folder, hand = sources
    names = _names(build_rows(folder, hand))
    assert {("skin", "metastasis"), ("integument", "metastasis")} <= names["NCIT:C90010"]
    # the adjective the neoplasms of the skin put for its noun (twice); "intracystic" is paired once only
    assert ("intracystic", "metastasis") not in names["NCIT:C90010"]
    # a label over the branch's word limit is kept for a concept that prose names by its site
    assert {("adrenal", "metastasis"), ("adrenal", "gland", "metastasis")} <= names["NCIT:C90011"]


def test_hand_rows_win_the_site_names(sources):
    folder, hand = sources
    rows = build_rows(folder, hand)
    names = _names(rows)
    assert ("cutaneous", "metastasis") not in names["NCIT:C90010"]    # the hand row cutaneous_thing holds it
    liver = next(r for r in rows if "NCIT:C90012" in r.codes)
    assert liver.key == "liver_metastasis" and ("liver", "metastasis") in {term_key(n) for n in liver.names}


def test_a_kind_or_a_primary_in_a_site_takes_no_site_names(sources):
    folder, hand = sources
    names = _names(build_rows(folder, hand))
    assert not {k for k in names.get("NCIT:C90013", set()) if k[-1] == "metastasis"}   # a leukemia in the skin
    assert not {k for k in names.get("NCIT:C90014", set()) if k[-1] == "metastasis"}   # a breast carcinoma


def test_site_names_are_given_to_a_neoplasm_in_a_site_and_no_more(sources):
    folder, _ = sources
    onto = read_ontology(folder / NCIT)
    site = SiteNames(onto)
    assert site.adjectives["NCIT:C90001"] == {"cutaneous"} and site.adjectives["NCIT:C90003"] == {"hepatic"}
    assert "cutaneous metastasis" in site.metastasis_names(onto.terms["NCIT:C90010"])
    assert site.metastasis_names(onto.terms["NCIT:C90013"]) == []   # a kind of neoplasm (leukemia) in the skin
    assert site.metastasis_names(onto.terms["NCIT:C90014"]) == []   # a metastasis with its primary named


def test_a_deep_neoplasm_is_taken_when_the_source_gives_its_plain_name(sources):
    folder, hand = sources
    names = _names(build_rows(folder, hand))
    assert {term_key("non-small cell lung cancer"), ("nsclc",)} <= names["NCIT:C90034"]
    assert "NCIT:C90035" not in names     # as deep, a long label and no plain lower-case name
    assert "NCIT:C90036" not in names     # a plain name, but a compositional label ("recurrent")


def test_one_thing_in_two_sources_is_one_concept_when_a_name_of_one_is_the_others_label(sources):
    """NCIt's "Gleamsac" and Uberon's "gleam sac" (also "gleamsac") are one concept that keeps the name: had
    they stayed two, each would lose the name they share and prose would match neither."""
    folder, hand = sources
    rows = build_rows(folder, hand)
    row = next(r for r in rows if "NCIT:C90040" in r.codes)
    assert "UBERON:9000001" in row.codes and row.label == "Gleamsac"
    assert ("gleamsac",) in {term_key(n) for n in row.names}
    assert not any("UBERON:9000001" in r.codes for r in rows if r is not row)


def test_two_terms_of_one_source_stay_two_when_one_names_the_other(sources):
    """Within one source two terms are two things, even where one lists the other's label among its names."""
    folder, hand = sources
    rows = build_rows(folder, hand)
    chronic = next(r for r in rows if "NCIT:C90041" in r.codes)
    assert "NCIT:C90042" not in chronic.codes
    assert any("NCIT:C90042" in r.codes for r in rows)


def test_an_acronym_does_not_contest_the_word_of_its_letters(sources):
    """An acronym matches as written, so "WING" (a tumour's acronym) and the site "Wing" both keep their names."""
    folder, hand = sources
    rows = {r.codes[0]: r for r in build_rows(folder, hand)}
    assert "NCIT:C90043" in rows and rows["NCIT:C90043"].label == "Wing"
    assert "WING" in rows["NCIT:C90044"].names
