"""The small family of errors the library raises for user mistakes and bad input."""
from __future__ import annotations

from .clean import printable


class KGError(ValueError):
    """Base class: a problem the user can act on; the CLI prints it as one line."""


class SourceError(KGError):
    """A source (file, directory or URL) could not be read as posts."""

    def __init__(self, source: str, reason: str):
        source, reason = printable(source), printable(reason)   # one line, whatever a server sent
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class LexiconError(KGError):
    """The lexicon or schema files are malformed or disagree."""


class QueryError(KGError):
    """A SPARQL query is malformed or names something unknown."""


class ValidationError(KGError):
    """A graph fails its SHACL shapes."""


class EndpointError(KGError):
    """A SPARQL endpoint refused a request or could not be reached."""
