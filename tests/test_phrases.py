"""Noun phrases and head words: the chunks that discovery and Hearst patterns read."""
from __future__ import annotations

from kg.phrases import load_heads, phrase_after, phrase_before


def test_phrase_before_stops_at_verbs_and_closed_words():
    text = "The method relies on radioactive tracers such as dyes."
    p = phrase_before(text, text.index(" such as"))
    assert p.text == "radioactive tracers" and text[p.start:p.end] == p.text


def test_phrase_after_skips_an_article_and_ends_on_a_noun():
    text = "it reaches the upper femur and skull"
    p = phrase_after(text, text.index(" the"))
    assert p.text == "upper femur"
    assert phrase_after("x, quickly spreading", 1) is None


def test_heads_mark_categories_by_word_and_ending():
    heads = load_heads()
    assert heads.category("testicular cancers") == "Neoplasm"      # plural head
    assert heads.category("bronchoscopy") == "DetectionMethod"     # an ending
    assert heads.category("chest pain") == "ClinicalFinding"
    assert heads.category("the patient") is None


def test_a_typing_head_types_a_given_term_but_makes_none_of_running_text():
    heads = load_heads()
    assert heads.category("Cutaneous metastasis", typing=True) == "SpreadPattern"
    assert heads.category("Cutaneous metastasis") is None   # discovery in running text does not use it


def test_a_describing_gap_holds_only_describing_words():
    from kg.phrases import describing_gap
    assert describing_gap(", lower ") and describing_gap(", and unintended ")
    assert not describing_gap(", bone ") and not describing_gap(" lower ")   # a noun; no list comma


def test_a_clause_after_because_has_a_subject_of_its_own():
    from kg.phrases import own_subject
    assert own_subject(" must be read with care because harmless conditions can ")
    assert own_subject(" and scars can ")
    assert not own_subject(" can spread to a few sites and ")


def test_a_clause_whose_subject_has_an_of_or_in_phrase_has_a_subject_of_its_own():
    from kg.phrases import own_subject
    assert own_subject(" remains elusive, continuous advances in management have ")


def test_a_noun_only_cannot_be_a_verb_or_a_closed_word():
    from kg.phrases import noun_only
    assert noun_only("survival") and noun_only("treatment")
    assert not noun_only("spread") and not noun_only("which") and not noun_only("quickly")


def test_bare_verb():
    from kg.phrases import bare_verb
    assert bare_verb("Explain") and bare_verb("prevent")
    assert not bare_verb("stage") and not bare_verb("explained") and not bare_verb("lymph")
