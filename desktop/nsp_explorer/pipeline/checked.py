"""Which passages a human has checked in full (data/checked.csv).

A passage listed here was read against the taxonomy sentence by sentence;
its corrections are in review.csv (a passage found right needs none). A
document whose every passage is listed is marked ``reviewed`` in
documents.csv, the others ``machine``. Written by ``nspx review-from-gold``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..core.errors import DataFileError
from .sources import read_text_file

CHECKED_COLUMNS = ("passage_id", "reason")


def load_checked(path: Path) -> frozenset[str]:
    """The passage IDs listed; a missing file means none."""
    if not path.exists():
        return frozenset()
    rows = list(csv.reader(read_text_file(path).splitlines()))
    if not rows or tuple(c.strip() for c in rows[0]) != CHECKED_COLUMNS:
        raise DataFileError(path, f"must start with the header {','.join(CHECKED_COLUMNS)}")
    checked = set()
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(CHECKED_COLUMNS) or not row[0].strip() or not row[1].strip():
            raise DataFileError(path, f"line {line}: expected a passage ID and a reason")
        checked.add(row[0].strip())
    return frozenset(checked)
