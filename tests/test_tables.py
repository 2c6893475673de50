"""The ontology tables' reader: comment and blank lines skipped, one error naming a file it cannot read."""
from __future__ import annotations

import pytest

from kg.errors import LexiconError
from kg.tables import table_reader


def test_rows_follow_the_first_line_that_is_no_comment(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text('# a comment with "quotes"\n\na\tb\n# another\n1\t"x\n', encoding="utf-8")
    assert list(table_reader(path)) == [{"a": "1", "b": '"x'}]


def test_a_missing_or_non_utf8_file_is_one_error_naming_it(tmp_path):
    with pytest.raises(LexiconError, match="missing.tsv: cannot be read"):
        table_reader(tmp_path / "missing.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_bytes(b"a\tb\n\xff\xfe\n")
    with pytest.raises(LexiconError, match="bad.tsv: not UTF-8 text"):
        table_reader(bad)
