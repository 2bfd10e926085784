"""Event resolution on the multi-source gold set: pairwise merge precision and recall, stored
events per real incident, in file order and in shuffled orders, against a baseline without
resolution (every extracted event stored on its own) run in the same script.

    .venv/bin/python benchmarks/resolution.py [--db postgresql://127.0.0.1:5432/test] [--shuffles 3]

With ``--db`` pointing at PostgreSQL each run uses a fresh schema; by default fresh SQLite files.
"""
from __future__ import annotations

import argparse
import tempfile
import uuid
from pathlib import Path

from cartelscope import knowledge
from cartelscope.extract.pipeline import Extractor
from cartelscope.resolve import EventResolver
from cartelscope.resolve.measure import load_articles, ordered, run

GOLD = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "resolution" / "articles.jsonl"


def fresh_db(base: str | None, tmp: str) -> tuple[str, callable]:
    if not base:
        return str(Path(tmp) / f"{uuid.uuid4().hex}.db"), lambda: None
    import psycopg

    schema = f"cs_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')

    def drop():
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", drop


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="PostgreSQL base URL; default: temporary SQLite files")
    ap.add_argument("--shuffles", type=int, default=3)
    args = ap.parse_args()
    articles = load_articles(GOLD)
    extractor = Extractor(knowledge.load())
    runs = [("baseline (no resolution)", None, None), ("resolved, file order", None, EventResolver())]
    runs += [(f"resolved, shuffled seed {s}", s, EventResolver()) for s in range(1, args.shuffles + 1)]
    print(f"{len(articles)} articles, {len({a['incident'] for a in articles})} incidents ({GOLD.name})")
    print(f"{'run':32} {'precision':>9} {'recall':>7} {'ev/inc':>7} {'events':>6} {'sec':>6}")
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for name, seed, resolver in runs:
            db, drop = fresh_db(args.db, tmp)
            try:
                f = run(db, ordered(articles, seed), extractor, resolver)
            finally:
                drop()
            base = base or f
            print(f"{name:32} {f.precision:9.3f} {f.recall:7.3f} {f.events_per_incident:7.3f} {f.stored_events:6d} "
                  f"{f.seconds:6.2f}  (events x{f.stored_events / base.stored_events:.2f} of baseline, "
                  f"time x{f.seconds / base.seconds:.2f})")


if __name__ == "__main__":
    main()
