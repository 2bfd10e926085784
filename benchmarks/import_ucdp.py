"""UCDP GED import speed on SQLite and PostgreSQL, against parsing the same file with csv alone.

    .venv/bin/python benchmarks/import_ucdp.py [FILE] [--pg postgresql://127.0.0.1:5432/test]

The requirement is all 18,957 rows of ../shared/data/ucdp_ged_mexico.csv in under a minute.
Each run starts from an empty store (a temporary SQLite file, a throwaway PostgreSQL schema),
then re-imports the file to time the idempotent path (nothing added).
"""
from __future__ import annotations

import argparse
import csv
import tempfile
import time
import uuid
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ucdp_ged_mexico.csv"


def parse_only(path: Path) -> tuple[int, float]:
    began = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as f:
        n = sum(1 for _ in csv.DictReader(f))
    return n, time.perf_counter() - began


def run(db: str, path: Path) -> tuple[float, float, int]:
    import cartelscope
    from cartelscope.interop import import_file

    with cartelscope.open(db) as scope:
        first = import_file(scope, "ucdp", path)
        second = import_file(scope, "ucdp", path)
    assert first.ok and second.added == 0
    return first.seconds, second.seconds, first.added


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--pg", default="postgresql://127.0.0.1:5432/test", help="PostgreSQL server ('' to skip)")
    args = ap.parse_args()
    path = Path(args.file)
    n, base = parse_only(path)
    print(f"{'engine':12} {'rows':>7} {'import s':>9} {'rows/s':>8} {'x csv parse':>11} {'re-import s':>11}")
    print(f"{'csv parse':12} {n:>7,} {base:>9.2f} {n / base:>8,.0f} {1.0:>11.1f} {'':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        secs, again, added = run(str(Path(tmp) / "bench.db"), path)
        print(f"{'sqlite':12} {added:>7,} {secs:>9.2f} {added / secs:>8,.0f} {secs / base:>11.1f} {again:>11.2f}")
    if args.pg:
        import psycopg

        schema = f"cs_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        try:
            secs, again, added = run(f"{args.pg}?options=-csearch_path%3D{schema}", path)
            print(f"{'postgresql':12} {added:>7,} {secs:>9.2f} {added / secs:>8,.0f} {secs / base:>11.1f} {again:>11.2f}")
        finally:
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


if __name__ == "__main__":
    main()
