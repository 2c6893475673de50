"""Lexicon: loading, variants, acronyms, parentheses and abbreviations."""
from __future__ import annotations

import pytest

from kg.errors import LexiconError
from kg.lexicon import Matcher, find_abbreviations, load_lexicon, normalize_token


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_lexicon())


def keys(matcher, text):
    return [m.key for m in matcher.find(text)]


def test_lexicon_holds_every_evaluation_concept():
    from .conftest import EVAL
    lexicon = load_lexicon()
    wanted = [line.split("\t")[0] for line in (EVAL / "concepts.tsv").read_text().splitlines()
              if line and not line.startswith(("#", "key\t"))]
    assert wanted and not set(wanted) - set(lexicon)


@pytest.mark.parametrize("text, expected", [
    ("metastases", "metastasis"), ("Haematological malignancies", "hematologic_malignancy"),
    ("isolated tumour cells", "isolated_tumor_cells"), ("lymphoedema", "lymphedema"),
    ("sentinel lymph node biopsies", "sentinel_lymph_node_biopsy"), ("step-sectioning", "step_sectioning"),
    ("a higher risk of relapse", "recurrence_risk"),
    ("leukaemias", "leukemia"), ("metastatic disease", "metastasis"),
])
def test_variants(matcher, text, expected):
    assert keys(matcher, text) == [expected]


def test_longest_match_first(matcher):
    assert keys(matcher, "sentinel lymph node biopsies") == ["sentinel_lymph_node_biopsy"]
    assert keys(matcher, "bone metastasis and bone") == ["bone_metastasis", "bone"]


def test_short_acronyms_are_case_sensitive(matcher):
    assert keys(matcher, "a CT scan and an MRI") == ["ct", "mri"]
    assert keys(matcher, "the ct of it, mri") == []
    assert keys(matcher, "ITCs were seen") == ["isolated_tumor_cells"]


def test_reads_through_parentheses(matcher):
    found = matcher.find("the original (primary) tumor and hematogenous (blood-borne) spread")
    assert [(m.key, m.text) for m in found] == [("primary_tumor", "original (primary) tumor"),
                                                ("hematogenous_spread", "hematogenous (blood-borne) spread")]


def test_schwartz_hearst_abbreviations():
    found = find_abbreviations("Use of immunohistochemistry (IHC) and circulating tumor DNA (ctDNA) but not (primary).")
    assert [(s, lf) for s, lf, _ in found] == [("IHC", "immunohistochemistry"), ("ctDNA", "circulating tumor DNA")]


def test_normalize_token():
    assert normalize_token("Therapies") == "therapy"
    assert normalize_token("status") == "status"


def test_bad_lexicon_is_reported(tmp_path):
    bad = tmp_path / "lexicon.tsv"
    bad.write_text("key\tlabel\tcategory\nx\tX\tNoSuchCategory\n")
    with pytest.raises(LexiconError, match="unknown category"):
        load_lexicon(bad)


def test_reading_through_parentheses_only_when_it_can_find_more(matcher, monkeypatch):
    # find skips the second reading unless a parenthesis parts two neighbouring tokens of a term;
    # forcing that reading everywhere must give the same mentions
    from .test_cues import _texts
    texts = [t for t in _texts() if "(" in t]
    texts += ["original (primary) (first) tumor", "original () tumor (x)", "original ((primary) tumor",
              "original (primary tumor", "original) (primary) tumor", "(a) original (b) tumor (c)",
              "sentinel (SLN) lymph (node) node biopsy", "hematogenous (blood) spread (to bone) metastases"]
    quick = [matcher.find(t) for t in texts]
    monkeypatch.setattr(Matcher, "_parted_pair", lambda *args: True)
    assert [matcher.find(t) for t in texts] == quick
    assert len(texts) > 60 and any(len(q) > 1 for q in quick)


def test_a_copy_learns_alone(matcher):
    # a document's copy of the matcher learns terms without the shared lexicon learning them
    copy = matcher.copy()
    copy.add("sentinel lymph node frobnication", "frob")
    copy.add("Zyx", "zyx")
    assert keys(copy, "sentinel lymph node frobnication and zyx") == ["frob", "zyx"]
    assert keys(matcher, "sentinel lymph node frobnication and zyx") == ["sentinel_lymph_node"]
    assert keys(copy, "two sentinel lymph node biopsies") == ["sentinel_lymph_node_biopsy"]


def test_terms_do_not_run_over_punctuation(matcher):
    assert keys(matcher, "the bone, marrow and liver") == ["bone", "bone_marrow", "liver"]   # not "bone marrow"
    assert keys(matcher, "bone marrow") == ["bone_marrow"]


def test_coordinated_modifiers_share_the_head(matcher):
    found = matcher.find("lung cancer, ovarian, bowel and breast cancer")
    assert [m.text for m in found] == ["lung cancer", "ovarian", "bowel", "breast cancer"]
    assert found[1].key == matcher.find("ovarian cancer")[0].key and found[3].key == "breast_cancer"
    assert keys(matcher, "the bone and lymph nodes") == ["bone", "lymph_node"]   # no shared head: two sites


def test_a_first_modifier_shares_the_head_past_the_seconds_own_modifier(matcher):
    # "metastatic or advanced cancer": "advanced cancer" is no term, "metastatic cancer" is
    found = matcher.find("It is also called metastatic or advanced cancer")
    assert [(m.text, m.key) for m in found][:1] == [("metastatic", "metastasis")]
    assert "metastasis" not in keys(matcher, "the bone or advanced cancer")


def test_a_serial_comma_keeps_a_list_of_modifiers_sharing_the_head(matcher):
    assert keys(matcher, "breast, prostate, and lung cancer") == ["breast_cancer", "prostate_carcinoma", "lung_carcinoma"]
    assert keys(matcher, "in the bone, and lung cancer") == ["bone", "lung_carcinoma"]   # one word before: no list


def test_an_en_dash_between_words_joins_them_and_a_spaced_one_parts_terms(matcher):
    assert keys(matcher, "non–small cell lung cancer") == keys(matcher, "non-small cell lung cancer")
    assert keys(matcher, "non–small cell lung cancer") != keys(matcher, "small cell lung cancer")
    assert keys(matcher, "the lymph nodes – cancer cells") == ["lymph_node", "cancer_cell"]


def test_inflections_from_lemminflect(matcher):
    assert normalize_token("pancreas") == "pancreas" and normalize_token("headaches") == "headache"
    assert normalize_token("MRIs") == "mri" and keys(matcher, "CT scans or MRIs") == ["ct", "mri"]
    assert keys(matcher, "Lung cancers") == keys(matcher, "lung cancer") and keys(matcher, "lung cancer")


def test_generated_concepts_are_found_with_their_source_synonyms(matcher):
    lexicon = load_lexicon()
    (k1,), (k2,) = keys(matcher, "cancer of the lung"), keys(matcher, "lung cancer")
    assert k1 == k2 and lexicon[k1].exact_match[0].startswith("NCIT:")
    assert lexicon[k1].definition and lexicon[k1].definition_source == lexicon[k1].exact_match[0]


def test_earlier_lexicon_files_win_a_shared_term(tmp_path):
    head = "key\tlabel\tcategory\tsynonyms\texact_match\tclose_match\tgeneric\n"
    (tmp_path / "a.tsv").write_text(head + "gleam\tGleam\tNeoplasm\tshine tumor\tNCIT:C1\t\t\n")
    (tmp_path / "b.tsv").write_text(head + "shine\tShine tumor\tNeoplasm\tshiny tumor\tNCIT:C2\t\t\n"
                                    "gleam\tGleaming\tTherapy\tgleam tumor\tNCIT:C3 MESH:D1\t\t\n")
    concepts = load_lexicon([tmp_path / "a.tsv", tmp_path / "b.tsv"])
    assert concepts["gleam"].category == "Neoplasm" and concepts["gleam"].label == "Gleam"
    assert concepts["gleam"].synonyms == ["shine tumor", "Gleaming", "gleam tumor"]
    assert concepts["gleam"].exact_match == ["NCIT:C1", "MESH:D1"]   # the first row's NCIt code wins
    assert concepts["shine"].synonyms == ["shiny tumor"]   # its label was already gleam's synonym


def test_curation_decisions(tmp_path):
    from kg.lexicon_rows import apply_curation, merge_rows, read_curation, read_rows
    head = "key\tlabel\tcategory\tsynonyms\texact_match\tclose_match\tgeneric\n"
    (tmp_path / "gen.tsv").write_text(head + "gleam\tGleam\tNeoplasm\tshine|Node|GLM spot\tNCIT:C1\t\t\n"
                                      "gleaming\tGleaming\tNeoplasm\tgleams\tNCIT:C2\t\t\n"
                                      "junk\tJunk\tNeoplasm\t\tNCIT:C3\t\t\n")
    (tmp_path / "cur.tsv").write_text(
        "action\tkey\tterm\tvalue\treason\n"
        "drop_term\t\tnode\t\tambiguous\n" "drop_synonym\tgleam\tshine\t\tsaid of light\n"
        "drop_concept\tjunk\t\t\tnot a concept\n" "merge\tgleaming\t\tgleam\tthe same thing\n"
        "case\t\tGLM spot\t\tonly as written\n" "generic\tgleam\t\t\ttoo broad\n" "label\tgleam\tGleam tumor\t\tclearer\n"
        "add_concept\tglow\tGlow\tTherapy\tmissing in the sources\n" "add_synonym\tglow\tglow therapy\t\tcommon name\n")
    rows = apply_curation(read_rows(tmp_path / "gen.tsv"), read_curation(tmp_path / "cur.tsv"))
    concepts = merge_rows(rows)
    assert set(concepts) == {"gleam", "glow"}
    gleam = concepts["gleam"]
    assert gleam.label == "Gleam tumor" and gleam.generic and gleam.abbreviations == ["GLM spot"]
    assert gleam.synonyms == ["Gleam", "Gleaming", "gleams"] and gleam.exact_match == ["NCIT:C1"]
    assert concepts["glow"].category == "Therapy" and concepts["glow"].synonyms == ["glow therapy"]
    matcher = Matcher(concepts)
    assert keys(matcher, "a GLM spot, a glm spot") == ["gleam"]
    (tmp_path / "bad.tsv").write_text("action\tkey\tterm\tvalue\treason\nexplode\tx\t\t\twhy not\n")
    with pytest.raises(LexiconError, match="unknown action"):
        read_curation(tmp_path / "bad.tsv")
    (tmp_path / "bad.tsv").write_text("action\tkey\tterm\tvalue\treason\ndrop_term\t\tx\t\t\n")
    with pytest.raises(LexiconError, match="no reason"):
        read_curation(tmp_path / "bad.tsv")
    # regression: a category row with its category in the term column left the concept with none
    (tmp_path / "bad.tsv").write_text("action\tkey\tterm\tvalue\treason\ncategory\tglow\tTherapy\t\tmoved\n")
    with pytest.raises(LexiconError, match="unknown category"):
        read_curation(tmp_path / "bad.tsv")


@pytest.mark.parametrize("british, us", [("paediatric", "pediatric"), ("diarrhoea", "diarrhea"), ("centre", "center"),
                                         ("anaesthesia", "anesthesia"), ("oestrogen", "estrogen"), ("analyse", "analyze")])
def test_british_spellings(british, us):
    assert normalize_token(british) == normalize_token(us)


def test_a_spaced_dash_parts_terms_but_a_hyphen_does_not(matcher):
    assert keys(matcher, "Clustered lymph nodes – Cancer may") == ["lymph_node", "cancer"]
    assert keys(matcher, "lymph nodes - cancer") == ["lymph_node", "cancer"]
    assert keys(matcher, "step-sectioning") == ["step_sectioning"]


def test_optional_definition_and_parent_columns(tmp_path):
    from kg.lexicon import load_lexicon
    path = tmp_path / "lexicon.tsv"
    path.write_text("key\tlabel\tcategory\tsynonyms\texact_match\tclose_match\tgeneric\tdefinition\tdefinition_source\tparents\n"
                    "metastasis\tMetastasis\tSpreadPattern\t\t\t\t\t\t\t\n"
                    "bone_metastasis\tBone metastasis\tSpreadPattern\t\t\t\t\tA metastasis  in bone.\tNCIT:C0001\tmetastasis\n",
                    encoding="utf-8")
    concepts = load_lexicon(path)
    bone = concepts["bone_metastasis"]
    assert (bone.definition_source, bone.parents) == ("NCIT:C0001", ["metastasis"])
    assert " ".join(bone.definition.split()) == "A metastasis in bone."
    assert concepts["metastasis"].parents == [] and concepts["metastasis"].definition == ""


def test_a_comma_list_of_two_or_more_modifiers_shares_the_head_term():
    concepts = load_lexicon()
    m = Matcher(concepts)
    keys = [x.key for x in m.find("Breast, kidney, thyroid, prostate cancer and melanoma spread to bone.")]
    assert {"breast_cancer", "melanoma"} <= set(keys) and "breast" not in keys and "thyroid_gland" not in keys
    # one modifier and a comma is no list: "In the lungs, breast cancer is rare" keeps the lungs a site
    assert "lung" in [x.key for x in m.find("In the lungs, breast cancer is rare.")]


def test_an_added_concept_carries_the_codes_after_its_category():
    from kg.errors import LexiconError
    from kg.lexicon_rows import apply_curation
    decision = {"action": "add_concept", "key": "zorb", "term": "Zorb", "value": "Neoplasm NCIT:C3234", "reason": "x"}
    row = next(r for r in apply_curation([], [decision]) if r["key"] == "zorb")
    assert row["category"] == "Neoplasm" and row["exact_match"] == ["NCIT:C3234"]
    with pytest.raises(LexiconError, match="CURIE"):
        apply_curation([], [dict(decision, value="Neoplasm not-a-code")])


def test_radiation_therapy_and_radiotherapy_name_each_other():
    """A name with "radiation therapy" also matches written with "radiotherapy", and the other way round; a
    concept's own name wins over another's variant of it."""
    from kg.model import Concept
    concepts = {
        "sbrt": Concept(key="sbrt", label="Stereotactic body radiation therapy", category="Therapy"),
        "wbrt": Concept(key="wbrt", label="Whole brain radiotherapy", category="Therapy"),
        "rt": Concept(key="rt", label="Radiation therapy", category="Therapy"),
        "other": Concept(key="other", label="Radiotherapy", category="Therapy"),
    }
    m = Matcher(concepts)
    assert [x.key for x in m.find("Stereotactic body radiotherapy was given.")] == ["sbrt"]
    assert [x.key for x in m.find("after whole brain radiation therapy")] == ["wbrt"]
    assert [x.key for x in m.find("radiotherapy")] == ["other"]


def test_has_term_is_true_exactly_for_a_terms_tokens(matcher):
    # whole_mention skips reading a text this calls no term's: it must never say no to a text find reads whole
    assert matcher.has_term("lymph node metastases") and matcher.has_term("Bone metastasis")
    assert matcher.has_term("lymph node") and not matcher.has_term("lymph frobnication")
    assert not matcher.has_term("") and not matcher.has_term("metastasis of")
    copy = matcher.copy()
    copy.add("sentinel lymph node frobnication", "frob")
    assert copy.has_term("sentinel lymph node frobnications") and not matcher.has_term("sentinel lymph node frobnication")
    for text in ("liver metastasis", "bone marrow", "the liver", "CT scan", "breast cancer cells", "MRIs"):
        whole = matcher.find(text)
        if len(whole) == 1 and whole[0].start == 0 and whole[0].end == len(text):
            assert matcher.has_term(text), text
