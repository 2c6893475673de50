"""The words that name a finding at a site ('weak' bones: bone weakness; nodes that 'swell': swollen lymph nodes)."""
from __future__ import annotations

import re

# a describing word or a verb said of a site, and the names of the finding it makes there, most usual first
# ({} is the site's name in the singular)
FINDING_WORDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("weak", "weaker", "weakened", "weaken", "weakens"), ("{} weakness",)),
    **dict.fromkeys(("hurt", "hurts", "ache", "aches", "painful", "sore"), ("{} pain",)),
    **dict.fromkeys(("swollen", "swell", "swells", "swelled"), ("{} swelling", "swollen {}")),
    **dict.fromkeys(("bigger", "larger", "enlarged", "enlarge", "enlarges"), ("enlarged {}", "{} enlargement")),
    **dict.fromkeys(("harder", "hard"), ("hard {}",)),
    **dict.fromkeys(("break", "breaks", "fracture", "fractures"), ("{} fracture",)),
    "numb": ("{} numbness",), "stiff": ("{} stiffness",),
}
# the verbs among them: said of a site with no "become" before them ("the lymph nodes can swell")
FINDING_VERBS = frozenset({"weaken", "weakens", "hurt", "hurts", "ache", "aches", "swell", "swells", "swelled",
                           "enlarge", "enlarges", "break", "breaks", "fracture", "fractures"})
# what may stand between a site and the word: "the bones can become weak", "the lymph nodes may swell up",
# "cause the nodes to enlarge"
SAID_OF_SITE = re.compile(r"\s+(?:(?:can|may|might|could|will|would|often|also|then|usually|sometimes)\s+){0,3}"
                          r"(?P<become>(?:to\s+)?(?:become|becomes|became|get|gets|turn|turns)\s+|to\s+)?"
                          r"(?P<word>[a-z]+)(?P<up>\s+up)?\b", re.I)


def singular(label: str) -> str:
    """A site's name in the singular ("bones": bone), for a finding's name."""
    return label[:-1] if label.endswith("s") and not label.endswith(("ss", "us")) else label
