"""What a stage's description says of spread: 'Stage 4: the tumour has spread to distant organs' (distant metastasis)."""
from __future__ import annotations

import re

from ..cues import Cue
from ..model import Mention, Sentence
from .document import _Doc, _words
from .modifiers import NEGATION
from .spans import STAGE_NUMBER
from .topics import _lead_topic

STAGE_SPREAD_WORDS = Cue(r"\b(spread|metastasized|metastasised|metastasis|metastases)\b")
# "stage 4 – the cancer has ...", "Stage 4: The tumor ...", "Stage 4 cancer means (that) the cancer has ..."
DESCRIBED = re.compile(r"\s*[–—:-]\s+|\s+(?:\w+\s+)?(?:means|indicates|is\s+when|refers\s+to\s+(?:when|cancer\s+that))"
                       r"\s+(?:that\s+)?", re.I)
HAS_SPREAD = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+){0,2}?(?:spread|metastasi[sz]ed)\b", re.I)
DISTANT = re.compile(r"\bdistant\b", re.I)
SPREADS = frozenset({"SpreadPattern"})
# a stage the label names by its value ("Stage 4", "N1", "M category"), not staging itself ("Staging: finding ...")
STAGE_LABEL = re.compile(r"\b(?:" + STAGE_NUMBER + r"|[TNM][0-4Xx]?[a-c]?|categor(?:y|ies))\b")


def stage_spread_rule(d: _Doc, s: Sentence, ms: list[Mention]) -> None:
    """A stage whose description (a list item's lead, or 'Stage N –' in the text) says the cancer has spread
    corresponds to that spread: to distant organs, distant metastasis; to the one site the lexicon names a
    metastasis of, that one; elsewhere, metastasis."""
    stages = _described_stages(d, s, ms)
    for n, (stage, start) in enumerate(stages):
        end = stages[n + 1][1] if n + 1 < len(stages) else s.end
        text = s.text[start - s.start:end - s.start]
        opening = next((m for m in ms if m.start >= start), None)   # "Stage 4 – distant metastasis": named
        if opening is not None and opening.end <= end and d.cat(opening.key) in SPREADS \
                and _words(s.text[start - s.start:opening.start - s.start]) <= 2:
            d.add(stage, "associated_with", opening.key, s, "definition:stage")
        spread = HAS_SPREAD.search(text)
        if spread is None or NEGATION.search(text[:spread.end()], s.words):
            continue   # "it grew but has not spread yet"
        after = [m for m in ms if start + spread.end() <= m.start and m.end <= end]
        named = [m.key for m in after if d.cat(m.key) in SPREADS]
        sites = {k for k in (d.site_metastasis(m.key) for m in after if d.cat(m.key) == "AnatomicalSite") if k}
        key = d.named("distant metastasis", "SpreadPattern") if DISTANT.search(text, spread.end()) else \
            named[0] if named else sites.pop() if len(sites) == 1 else d.named("metastasis", "SpreadPattern")
        if key is not None:
            d.add(stage, "associated_with", key, s, "definition:stage")


def _described_stages(d: _Doc, s: Sentence, ms: list[Mention]) -> list[tuple[str, int]]:
    """The stages a sentence describes, each with where its description starts: the lead of its block, or a
    stage followed by a dash or a colon."""
    out = []
    lead = _lead_topic(d, s.block) if s.block.lead else None
    if lead is not None and d.cat(lead) == "Staging" and STAGE_LABEL.search(d.concepts[lead].label) \
            and s.start <= s.block.body_start < s.end:
        out.append((lead, s.block.body_start))
    for m in ms:
        described = DESCRIBED.match(s.text, m.end - s.start)
        if d.cat(m.key) == "Staging" and described and m.end > s.block.body_start \
                and STAGE_LABEL.search(d.concepts[m.key].label):
            out.append((m.key, s.start + described.end()))
    return out
