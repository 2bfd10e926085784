"""Paths of the interop fixtures: the UCDP sample (real GED rows, CC BY 4.0), invented ACLED rows,
and the full shared GED file when ../shared exists."""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "interop"
UCDP_SAMPLE = FIXTURES / "ucdp_ged_sample.csv"
ACLED_SAMPLE = FIXTURES / "acled_invented.csv"
ACLED_BAD = FIXTURES / "acled_bad_rows.csv"
UCDP_FULL = HERE.parent.parent.parent / "shared" / "data" / "ucdp_ged_mexico.csv"


def sample_size() -> int:
    """Rows in the UCDP sample (a CSV parser counts them: some fields hold line breaks)."""
    import csv

    with UCDP_SAMPLE.open(encoding="utf-8") as f:
        return sum(1 for _ in csv.DictReader(f))
