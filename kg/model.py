"""Typed records that flow through the pipeline: posts, their structure, concepts, assertions."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .cues import words_from_tokens, words_of


@dataclass
class Post:
    """One article: a WordPress post or a plain HTML page."""

    id: str
    source: str            # the post's link, the page's canonical URL, or the file's URI
    title: str
    html: str
    date: str = ""
    modified: str = ""
    origin: str = ""       # where it was read from (file path or URL), for messages


@dataclass
class Section:
    """A run of the post under one heading."""

    heading: str
    level: int
    start: int
    end: int = -1
    parent: "Section | None" = None

    @property
    def path(self) -> list[str]:
        out, node = [], self
        while node is not None:
            if node.heading:
                out.append(node.heading)
            node = node.parent
        return list(reversed(out))


@dataclass
class Block:
    """A paragraph, list item, FAQ pair or heading, with its place in the plain text."""

    kind: str              # heading | paragraph | item | faq
    text: str
    start: int
    end: int
    section: Section
    lead: str = ""         # bold/italic lead-in term of a list item, or the FAQ question
    lead_end: int = -1     # offset where the lead-in ends
    lead_block: bool = False   # the lead-in stands on its own line (a sub-heading)
    lead_tag: str = ""     # strong | em | ""
    list_id: int = -1      # which list an item belongs to
    ordered: bool = False
    index: int = 0         # position in its list
    parent: "Block | None" = None   # the item that introduces this one (flattened sub-lists)
    intro: "Block | None" = None    # the paragraph that introduced the list
    emphasis: list[tuple[int, int]] = field(default_factory=list)   # bold/italic spans (offsets)

    lead_apart: bool = False   # the lead-in is set apart by a colon or a line break (a label, not a subject)

    @property
    def body_start(self) -> int:
        """Where the text after a set-apart lead-in begins (the block's start otherwise)."""
        return self.lead_end if self.lead_end >= 0 and self.lead_apart else self.start


@dataclass
class Sentence:
    """A sentence with its offsets into the post's plain text."""

    text: str
    start: int
    end: int
    block: Block

    @cached_property
    def words(self) -> frozenset[str]:
        """Its words in lower case, for cheap tests before a rule's regex runs (see kg.cues); worked out once,
        then read as a plain attribute (many rules ask)."""
        return words_of(self.text)

    def keep_words(self, tokens: list[str]) -> None:
        """Take its words from the tokens (cues.TOKEN) of its text already read, sparing a second reading."""
        if "words" not in vars(self):
            self.words = words_from_tokens(tokens, self.text)


@dataclass
class Document:
    """A post with its plain text cut into sections, blocks and sentences."""

    post: Post
    text: str
    sections: list[Section]
    blocks: list[Block]
    sentences: list[Sentence]


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names a concept."""

    key: str
    start: int
    end: int
    text: str


@dataclass
class Concept:
    """A concept of the lexicon, or one discovered in a post."""

    key: str
    label: str
    category: str
    synonyms: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)
    exact_match: list[str] = field(default_factory=list)
    close_match: list[str] = field(default_factory=list)
    generic: bool = False          # too broad to stand as a relation's subject or object
    discovered: bool = False
    definition: str = ""
    definition_source: str = ""    # CURIE of the ontology term the definition was taken from ("" when none)
    definition_evidence: "Evidence | None" = None   # the post sentence it was read from, when a post gave it
    parents: list[str] = field(default_factory=list)   # keys of broader concepts the source ontology names
    evidence: "Evidence | None" = None   # for a discovered concept, where it was introduced


@dataclass(frozen=True)
class Evidence:
    """Where a statement was read: the post, the section, the sentence and its offsets."""

    post_id: str
    source: str
    post_title: str
    post_modified: str
    section: str
    sentence: str
    start: int
    end: int
    rule: str
    prefix: str = ""
    suffix: str = ""
    hedged: bool = False


@dataclass
class Assertion:
    """A relation between two concepts with polarity, hedging and its evidence."""

    subject: str
    relation: str
    object: str
    polarity: str = "positive"     # positive | negative
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def hedged(self) -> bool:
        """Hedged when every evidence that states it is hedged."""
        return bool(self.evidence) and all(e.hedged for e in self.evidence)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.subject, self.relation, self.object, self.polarity)


@dataclass
class KnowledgeGraph:
    """Concepts (lexicon and discovered), the posts read, and the assertions with their evidence."""

    concepts: dict[str, Concept]
    assertions: list[Assertion]
    posts: list[Post]
