"""A streaming build's files: each post's TSV records (sorted with the runs), and the sorted runs merged into
the N-Triples and TSV files, then the other formats and the store."""
from __future__ import annotations

import io
import re
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

SEP = "\x00"   # parts a TSV record's sort key; sorts below every other character


def tsv_records(index: int, assertions) -> list[str]:
    """One record per evidence: the order of the table (relation, then pipeline.evidence_order, then reading order) and the cells."""
    from .export.tsv import evidence_cells, row_writer

    buffer = io.StringIO()
    writer = row_writer(buffer)
    records, seq = [], 0
    for a in assertions:
        for e in a.evidence:
            writer.writerow(evidence_cells(e))
            cells = buffer.getvalue()[:-1]
            buffer.seek(0)
            buffer.truncate()
            key = SEP.join((*a.key, e.source, f"{e.start:012d}", e.rule, f"{index:012d}", f"{seq:08d}"))
            records.append(key + SEP + cells.replace("\\", "\\\\").replace("\n", "\\n"))
            seq += 1
    return records


_ESCAPE = re.compile(r"\\(.)")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), text) if "\\" in text else text


def _write(out_dir: Path, names: list[str], nt, tsv, agg, kg, timings: dict, store: Path | None,
           on_written=None):
    """Merge the runs into the N-Triples and TSV files, write the other formats and load the store."""
    from .export import _temp_path, export_path, finish_exports
    from .export.tsv import head_cells, header_line, row_writer
    from .graph import with_statement_labels

    nt_file = _temp_path(export_path(out_dir, "ntriples") if "ntriples" in names else out_dir / "source.nt")
    tsv_file = _temp_path(export_path(out_dir, "tsv")) if "tsv" in names else None
    new_store = None
    try:
        t0 = time.perf_counter()
        triples = _write_lines(nt_file, with_statement_labels(nt.merged(), agg.labels()))
        timings["export:ntriples"] = time.perf_counter() - t0
        written = {}
        if tsv_file is not None:
            t0 = time.perf_counter()
            buffer, heads = io.StringIO(), {}
            writer = row_writer(buffer)

            def rows():
                yield header_line()[:-1]
                for record in tsv.merged():
                    parts = record.split(SEP)
                    key = tuple(parts[:4])
                    head = heads.get(key)
                    if head is None:
                        heads.clear()
                        writer.writerow(head_cells(key, agg.concepts))
                        head = heads[key] = buffer.getvalue()[:-1]
                        buffer.seek(0)
                        buffer.truncate()
                    yield head + "\t" + _unescape(parts[-1])
            _write_lines(tsv_file, rows())
            written["tsv"] = tsv_file
            timings["export:tsv"] = time.perf_counter() - t0
        if store is not None:
            t0 = time.perf_counter()
            from .store import load_new_store
            new_store = load_new_store(nt_file, Path(store))
            timings["store"] = time.perf_counter() - t0
        paths = finish_exports(kg, out_dir, names, nt_file, triples, ready=written, timings=timings,
                               on_written=on_written)
        if new_store is not None:
            from .store import replace_store
            replace_store(new_store, Path(store))
            new_store = None
        return paths, triples
    finally:
        nt_file.unlink(missing_ok=True)
        if tsv_file is not None:
            tsv_file.unlink(missing_ok=True)
        if new_store is not None:
            shutil.rmtree(new_store, ignore_errors=True)


def _write_lines(path: Path, lines: Iterable[str]) -> int:
    from .runs import write_lines
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        return write_lines(out, lines)
