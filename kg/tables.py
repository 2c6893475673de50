"""The tab-separated tables of ontology/: their rows without comment lines, or one error naming the file."""
from __future__ import annotations

import csv
from pathlib import Path

from .errors import LexiconError


def table_reader(path: Path) -> csv.DictReader:
    """A reader of a table's rows (the first line that is not a comment is its header)."""
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text") from None
    return csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
