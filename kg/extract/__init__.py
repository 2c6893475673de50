"""Find concepts and the relations a post states, each with its evidence, by general rules."""
from __future__ import annotations

from ..lexicon import Matcher
from ..model import Concept, Document
from .document import Extraction, _collect, _Doc, slug
from .discovery import discover_terms
from .open_kinds import open_kinds
from .inline_steps import inline_steps
from .sub_items import sub_items
from .appositions import apposition_genera
from .copula_runs import copula_runs
from .mentions import _learn_abbreviations, _post_subject
from .patterns import _sentence_rules
from .structure import _discover, _structure_rules
from .codes import staging_codes_rule
from .site_nouns import site_modified_findings
from .sizes import size_orders
from .cancer_metastases import cancer_metastases_spreads
from .primaries import primaries_rule
from .do_so import do_so_spreads
from .subject_examples import object_examples, subject_examples
from .implied import (chain_origins, conditional_spreads, implied_detections, implied_spreads, metastatic_spreads,
                      named_origins, named_spreads, origin_spreads)

__all__ = ["Extraction", "extract", "slug"]


def extract(doc: Document, concepts: dict[str, Concept], matcher: Matcher, *,
            with_mentions: bool = False) -> Extraction:
    """Concepts, definitions and relations stated in one document (and its mentions, when asked)."""
    d = _Doc(doc, concepts, matcher)
    _learn_abbreviations(d)
    d.out.subject = _post_subject(d)
    discover_terms(d)
    open_kinds(d)
    apposition_genera(d)
    _learn_abbreviations(d, again=True)
    for s in doc.sentences:
        d.sent_mentions(s)
    for s in doc.sentences:
        _sentence_rules(d, s)
    copula_runs(d)
    _structure_rules(d)
    inline_steps(d)
    sub_items(d)
    primaries_rule(d)
    staging_codes_rule(d)
    site_modified_findings(d)
    size_orders(d)
    _discover(d)
    object_examples(d)
    conditional_spreads(d)
    named_spreads(d)
    metastatic_spreads(d)
    implied_spreads(d)
    cancer_metastases_spreads(d)
    do_so_spreads(d)
    subject_examples(d)
    implied_detections(d)
    chain_origins(d)
    named_origins(d)
    origin_spreads(d)
    _collect(d)
    if with_mentions:
        d.out.mentions = [m for s in doc.sentences for m in d.sent_mentions(s)]
    return d.out
