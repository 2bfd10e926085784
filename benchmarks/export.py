"""Export throughput and memory on a large synthetic store, against plain CSV writing.

    .venv/bin/python benchmarks/export.py --events 1000000 --formats acled,geojson,plover,parquet,ucdp

Builds (once, cached at --db) a SQLite store of N synthetic events with bulk inserts, then runs
each export in a fresh child process and prints rows/s and the child's peak RSS growth, next to a
baseline that streams the same rows with one SELECT and writes them with ``csv.writer``. Flat
peak memory from 100k to 1M events is the constant-memory check.
"""
from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import sqlalchemy as sa

from cartelscope.store.repository import Store
from cartelscope.store.schema import event_actors, event_sources, events

ACTORS = ["sinaloa-cartel", "cjng", "gulf-cartel", "los-zetas", "los-chapitos", "la-mayiza", "mexican-army"]
STATES = [("MX-SIN", "Culiacán", "25006"), ("MX-MIC", "Uruapan", "16102"), ("MX-GUA", "Celaya", "11007"),
          ("MX-CHH", "Juárez", "08037"), ("MX-BCN", "Tijuana", "02004"), ("MX-GRO", "Acapulco de Juárez", "12001")]
TYPES = [("Battles", "Armed clash"), ("Violence against civilians", "Attack"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Strategic developments", "Arrests")]


def build(db: str, n: int, chunk: int = 50_000) -> None:
    store = Store(db)
    with store.engine.connect() as conn:
        have = conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()
    if have == n:
        return
    if have:
        raise SystemExit(f"{db} holds {have} events, not {n}: remove it first")
    rnd = random.Random(7)
    stamp = datetime(2025, 1, 1, tzinfo=timezone.utc)
    start = date(2007, 1, 1)
    began = time.perf_counter()
    for base in range(0, n, chunk):
        ev, roles, srcs = [], [], []
        for i in range(base, min(n, base + chunk)):
            eid = f"bench-{i:08d}"
            state, muni, code = rnd.choice(STATES)
            etype, sub = rnd.choice(TYPES)
            a1, a2 = rnd.sample(ACTORS, 2)
            day = (start + timedelta(days=rnd.randrange(6500))).isoformat()
            ev.append({"id": eid, "dataset": "cartelscope", "dataset_id": None, "event_date": day, "date_end": None,
                       "date_precision": 1, "year": int(day[:4]), "event_type": etype, "sub_event_type": sub,
                       "actor1": a1, "actor2": a2, "assoc_actors": [], "country": "MX", "admin1": state,
                       "admin2": muni, "admin2_code": code, "location": muni, "place_id": None,
                       "lat": 20 + rnd.random() * 10, "lon": -105 + rnd.random() * 10, "geo_precision": 2,
                       "fatalities": rnd.randrange(6), "fatalities_low": None, "fatalities_high": None,
                       "tactics": [], "tags": [], "certainty": "reported", "civilian_targeting": etype.startswith("V"),
                       "summary": f"Synthetic event {i} in {muni}.", "status": "active", "merged_into": None,
                       "created_at": stamp, "updated_at": stamp})
            roles += [{"event_id": eid, "actor_id": a1, "role": "actor1"}, {"event_id": eid, "actor_id": a2, "role": "actor2"}]
            srcs.append({"event_id": eid, "document_id": None, "char_start": None, "char_end": None,
                         "sentence": f"Synthetic evidence sentence number {i}.", "extractor_version": "bench",
                         "reported_actors": [a1, a2], "reported_fatalities": None, "certainty": "reported",
                         "detail": {}})
        with store.engine.begin() as conn:
            conn.execute(events.insert(), ev)
            conn.execute(event_actors.insert(), roles)
            conn.execute(event_sources.insert(), srcs)
    print(f"built {n:,} events in {time.perf_counter() - began:.1f} s", flush=True)
    store.close()


def baseline(db: str, out: Path) -> int:
    """One streamed SELECT of the event columns written with csv.writer: the floor for any export."""
    engine = Store(db).engine
    n = 0
    with engine.connect() as conn, out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        result = conn.execution_options(stream_results=True, yield_per=5000).execute(sa.select(events))
        for part in result.partitions(5000):
            w.writerows(part)
            n += len(part)
    return n


def exporting(db: str, fmt: str, out: Path) -> int:
    import cartelscope
    from cartelscope.interop import export

    with cartelscope.open(db) as scope:
        return export(scope, fmt, out)


def child(q, job, db, fmt, out) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    n = job(db, fmt, out) if fmt else job(db, out)
    q.put((n, time.perf_counter() - began, before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def measure(job, db, fmt, out) -> tuple[int, float, float]:
    q = mp.get_context("fork").Queue()
    p = mp.get_context("fork").Process(target=child, args=(q, job, db, fmt, out))
    p.start()
    n, secs, before, after = q.get()
    p.join()
    return n, secs, (after - before) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default=None, help="SQLite file to build or reuse")
    ap.add_argument("--formats", default="acled,ucdp,geojson,plover,parquet")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="cs-export-bench-"))
    db = args.db or str(tmp / f"bench-{args.events}.db")
    build(db, args.events)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    n, base_s, base_mb = measure(baseline, db, None, tmp / "baseline.csv")
    print(f"{'format':10} {'rows':>10} {'seconds':>8} {'rows/s':>10} {'x baseline':>10} {'peak RSS +MB':>12}")
    print(f"{'baseline':10} {n:>10,} {base_s:>8.1f} {n / base_s:>10,.0f} {1.0:>10.2f} {base_mb:>12.1f}")
    for fmt in args.formats.split(","):
        out = tmp / ("out" if fmt == "parquet" else f"out.{fmt}")
        n, secs, mb = measure(exporting, db, fmt, out)
        print(f"{fmt:10} {n:>10,} {secs:>8.1f} {n / secs:>10,.0f} {secs / base_s:>10.2f} {mb:>12.1f}", flush=True)
    if not args.db:
        for p in tmp.iterdir():
            p.unlink()
        os.rmdir(tmp)


if __name__ == "__main__":
    main()
