"""API latency on 100,000 synthetic events in SQLite, against a trivial baseline.

    .venv/bin/python benchmarks/api.py [--n 100000] [--repeat 30] [--seed 7] [--keep FILE]

Fills a fresh SQLite file through the schema's tables with SQLAlchemy Core bulk inserts
(events, event_actors, event_sources): dates spread over 2007-2026 (more in later years),
states weighted unevenly, municipalities and actors from the knowledge pack, ACLED types and
geo precision 1-3. Then times the main API calls in-process with FastAPI's TestClient, each
repeated, and prints p50/p95 beside the baseline (``/api/health``, which crosses the same
middleware, and a raw ``SELECT count(*)``) and the ratio. Bar: p95 under 200 ms. Not a unit test.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import sqlalchemy as sa

TYPES = [("Battles", "Armed clash", 40), ("Violence against civilians", "Attack", 25),
         ("Violence against civilians", "Abduction/forced disappearance", 8),
         ("Explosions/Remote violence", "Air/drone strike", 4), ("Explosions/Remote violence", "Remote explosive/landmine/IED", 3),
         ("Strategic developments", "Arrests", 15), ("Strategic developments", "Disrupted weapons use", 3), ("Riots", "Mob violence", 2)]


def fill(db: str, n: int, seed: int) -> None:
    from cartelscope import knowledge
    from cartelscope.store.repository import Store
    from cartelscope.store.schema import event_actors, event_sources, events

    rng = random.Random(seed)
    pack = knowledge.load()
    munis = list(pack.municipalities.values())
    states = sorted(pack.states)
    state_w = [rng.paretovariate(1.2) for _ in states]
    by_state = {s: [m for m in munis if m.state_iso == s] for s in states}
    groups = [a.id for a in pack.actors.values() if a.kind in ("cartel", "faction", "gang", "cell", "armed_wing")]
    forces = [a.id for a in pack.actors.values() if a.kind == "state_force"] or groups
    group_w = [rng.paretovariate(1.1) for _ in groups]
    start, days = date(2007, 1, 1), (date(2026, 6, 30) - date(2007, 1, 1)).days
    store = Store(db)
    stamp = datetime.now(timezone.utc)
    ev_rows, ea_rows, src_rows = [], [], []
    for i in range(n):
        day = start + timedelta(days=int(days * rng.random() ** 0.7))
        etype, sub, _ = rng.choices(TYPES, weights=[t[2] for t in TYPES])[0]
        state = rng.choices(states, weights=state_w)[0]
        prec = rng.choices([1, 2, 3], weights=[30, 55, 15])[0]
        mu = rng.choice(by_state[state]) if by_state[state] and prec < 3 else None
        a1 = rng.choices(groups, weights=group_w)[0]
        a2 = rng.choice(forces) if rng.random() < 0.4 else rng.choices(groups, weights=group_w)[0]
        eid = f"ev-bench-{i:07d}"
        dated = day.isoformat() if rng.random() > 0.03 else day.isoformat()[:7]
        ev_rows.append(dict(
            id=eid, dataset="cartelscope", event_date=dated, date_precision=1 if len(dated) == 10 else 2, year=day.year,
            event_type=etype, sub_event_type=sub, actor1=a1, actor2=a2, assoc_actors=[], country="MX", admin1=state,
            admin2=mu.name if mu else None, admin2_code=mu.inegi if mu else None, location=mu.name if mu else None,
            lat=(mu.lat + rng.uniform(-.05, .05)) if mu and mu.lat else None,
            lon=(mu.lon + rng.uniform(-.05, .05)) if mu and mu.lon else None, geo_precision=prec,
            fatalities=int(rng.expovariate(0.5)) if etype != "Strategic developments" else 0,
            fatalities_low=None, fatalities_high=None, tactics=[], tags=[], certainty=rng.choice(["asserted", "reported", "hedged"]),
            civilian_targeting=etype == "Violence against civilians", summary=f"{sub} in {mu.name if mu else state}",
            status="active", created_at=stamp, updated_at=stamp))
        ea_rows.append({"event_id": eid, "actor_id": a1, "role": "actor1"})
        if a2 != a1:
            ea_rows.append({"event_id": eid, "actor_id": a2, "role": "actor2"})
        src_rows.append({"event_id": eid, "document_id": None, "sentence": f"{sub} reported in {state}.",
                         "extractor_version": "bench", "reported_actors": [a1, a2], "detail": {}})
    with store.engine.begin() as conn:
        for table, rows in ((events, ev_rows), (event_actors, ea_rows), (event_sources, src_rows)):
            for k in range(0, len(rows), 5000):
                conn.execute(table.insert(), rows[k:k + 5000])
        conn.exec_driver_sql("ANALYZE")
    store.close()


def timed(fn, repeat: int) -> list[float]:
    fn()  # warm caches (knowledge pack, SQLite pages)
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", help="write the SQLite file here instead of a temporary folder")
    args = ap.parse_args(argv)
    from fastapi.testclient import TestClient

    from cartelscope.api import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or str(Path(tmp) / "bench.db")
        t = time.perf_counter()
        fill(db, args.n, args.seed)
        print(f"filled {db} with {args.n:,} events in {time.perf_counter() - t:.1f} s")
        app = create_app(db)
        engine = app.state.scope.store.engine
        calls = {
            "events list (state+type+year)": "/api/events?state=MX-GUA&type=Battles&since=2020-01-01&until=2020-12-31&limit=50",
            "events list (actor, page 3)": "/api/events?actor=cjng&limit=50&offset=100",
            "stats (period)": "/api/stats?since=2019-01-01&until=2024-12-31",
            "time series (all)": "/api/timeseries",
            "time series (state)": "/api/timeseries?state=MX-MIC",
            "state aggregates (period)": "/api/places/states?since=2018-01-01&until=2022-12-31",
            "municipalities (state)": "/api/places/municipalities?state=MX-JAL",
            "network (as of)": "/api/network?since=2023-01-01&until=2024-12-31&as_of=2024-12-31",
        }
        with TestClient(app) as client:
            for path in calls.values():
                r = client.get(path)
                assert r.status_code == 200, (path, r.text[:200])
            base_http = timed(lambda: client.get("/api/health"), args.repeat)
            with engine.connect() as conn:
                base_sql = timed(lambda: conn.execute(sa.text("SELECT count(*) FROM events")).scalar(), args.repeat)
            p = lambda xs, q: statistics.quantiles(xs, n=100)[q - 1]  # noqa: E731
            b50 = p(base_http, 50)
            print(f"baseline /api/health      p50 {b50:7.2f} ms  p95 {p(base_http, 95):7.2f} ms")
            print(f"baseline SELECT count(*)  p50 {p(base_sql, 50):7.2f} ms  p95 {p(base_sql, 95):7.2f} ms")
            print(f"{'call':32} {'p50 ms':>8} {'p95 ms':>8} {'p50/health':>11} {'p50/count':>10}  bar")
            worst = 0.0
            for name, path in calls.items():
                xs = timed(lambda: client.get(path), args.repeat)
                p95 = p(xs, 95)
                worst = max(worst, p95)
                print(f"{name:32} {p(xs, 50):8.1f} {p95:8.1f} {p(xs, 50) / b50:10.0f}x {p(xs, 50) / p(base_sql, 50):9.1f}x"
                      f"  {'ok' if p95 < 200 else 'OVER 200 ms'}")
            print(f"worst p95 {worst:.1f} ms ({'under' if worst < 200 else 'over'} the 200 ms bar)")
        app.state.scope.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
