"""Reading events back: one event by id, keyset streams in date order, database counts, and the
Scope's public filter resolution. Events are written straight into the schema so dates, states
and statuses are exactly the cases under test."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import sqlalchemy as sa

from cartelscope.errors import CartelscopeError, StoreError
from cartelscope.ingest.pipeline import to_document
from cartelscope.ingest.sources import Item
from cartelscope.store.schema import event_actors, events

STAMP = datetime(2025, 6, 1, tzinfo=timezone.utc)
ARTICLE = ("ZAMORA, Michoacán, 3 de febrero de 2025.- Un ataque con drones del CJNG contra policías estatales "
           "dejó dos agentes muertos en la comunidad de Ario de Rayón, informó la Secretaría de Seguridad.")

# (id, date, state, status): same-day pairs, month- and year-precise dates, undated rows, rejects
ROWS = [
    ("ev-b", "2024-05-02", "MX-SIN", "active"),
    ("ev-a", "2024-05-02", "MX-SIN", "active"),
    ("ev-c", "2024-05", "MX-MIC", "active"),
    ("ev-d", "2019", "MX-GUA", "active"),
    ("ev-e", "2024-05-02", "MX-MIC", "rejected"),
    ("ev-f", None, "MX-SIN", "active"),
    ("ev-0", None, None, "active"),
    ("ev-g", "2026-01-15", "MX-GRO", "active"),
    ("ev-h", "2023-12-31", "MX-CHH", "active"),
    ("ev-i", "2023-12-31", "MX-TAM", "active"),
]


def add_events(store, rows) -> None:
    with store.engine.begin() as conn:
        for event_id, day, state, status in rows:
            conn.execute(events.insert().values(
                id=event_id, dataset="cartelscope", event_date=day, year=int(day[:4]) if day else None,
                event_type="Battles", sub_event_type="Armed clash", actor1="cjng", assoc_actors=[], country="MX",
                admin1=state, fatalities=1, tactics=[], tags=[], certainty="reported", civilian_targeting=False,
                status=status, created_at=STAMP, updated_at=STAMP))
            conn.execute(event_actors.insert().values(event_id=event_id, actor_id="cjng", role="actor1"))


def chronological(rows, state=None) -> list[str]:
    kept = [r for r in rows if r[3] == "active" and (state is None or r[2] == state)]
    return [r[0] for r in sorted(kept, key=lambda r: (r[1] is None, r[1] or "", r[0]))]


def test_event_by_id_is_an_element_of_events(store, extractor):
    doc = to_document(Item(origin="t", text=ARTICLE, published="2025-02-03"))
    store.add_document(doc, extractor(doc))
    [listed] = store.events()
    assert store.event(listed["id"]) == listed
    assert listed["sources"] and "attribution" in listed
    assert store.event("ev-no-such-event") is None


def test_event_by_id_finds_a_rejected_event(store):
    add_events(store, ROWS)
    assert "ev-e" not in {e["id"] for e in store.events()}
    assert store.event("ev-e")["status"] == "rejected"


@pytest.mark.parametrize("batch", [1, 2, 3, 100])
def test_iter_events_is_chronological_whatever_the_batch(store, batch):
    add_events(store, ROWS)
    streamed = [e["id"] for e in store.iter_events(batch=batch)]
    assert streamed == chronological(ROWS)
    assert [e["id"] for e in store.iter_events(batch=batch, state="MX-SIN")] == chronological(ROWS, "MX-SIN")


def test_iter_event_batches_carry_extra_columns_and_respect_the_batch_size(store):
    add_events(store, ROWS)
    pages = list(store.iter_event_batches(batch=4, extra_columns=("year", "admin1")))
    assert all(len(p) <= 4 for p in pages)
    records = [e for p in pages for e in p]
    assert [e["id"] for e in records] == chronological(ROWS)
    by_id = {e["id"]: e for e in records}
    assert by_id["ev-d"]["year"] == 2019 and by_id["ev-0"]["admin1"] is None
    without_sources = {k: v for k, v in store.event("ev-a").items() if k != "attribution"}
    assert by_id["ev-a"] == {**without_sources, "year": 2024, "admin1": "MX-SIN"}


def test_iter_event_batches_rejects_an_unknown_column(store):
    with pytest.raises(StoreError, match="no such event column: password"):
        next(store.iter_event_batches(extra_columns=("password",)))


def test_stats_count_active_events_and_rank_states(store):
    add_events(store, ROWS)
    stats = store.stats()
    assert stats["events"] == 9  # ev-e is rejected; the undated, stateless ev-0 still counts
    # ties are broken by ISO code; MX-MIC's rejected event does not count
    assert stats["top_states"] == [{"state": "MX-SIN", "events": 3}, {"state": "MX-CHH", "events": 1},
                                   {"state": "MX-GRO", "events": 1}, {"state": "MX-GUA", "events": 1},
                                   {"state": "MX-MIC", "events": 1}]
    assert {k: stats[k] for k in ("documents", "near_duplicates", "relations", "candidate_actors")} == \
        {"documents": 0, "near_duplicates": 0, "relations": 0, "candidate_actors": 0}


def test_scope_resolves_actor_and_state_names(scope):
    ids = scope.actor_filter("CJNG")
    assert ids[0] == "cjng" and "los-cuinis" in ids
    assert scope.state_filter("Michoacán") == "MX-MIC"
    assert scope.actor_filter(None) is None and scope.state_filter("") is None
    with pytest.raises(CartelscopeError, match="unknown actor 'Cartel de Nadie'"):
        scope.actor_filter("Cartel de Nadie")
    with pytest.raises(CartelscopeError, match="unknown state 'Atlántida'"):
        scope.state_filter("Atlántida")


def test_stream_does_not_hold_a_read_open_between_batches(store, db_url):
    """A writer commits while an export is half-way through; the stream goes on and the write
    lands (SQLite would have waited out its busy timeout behind an open streaming read)."""
    add_events(store, ROWS)
    stream = store.iter_event_batches(batch=3)
    first = next(stream)
    add_events(store, [("ev-z", "2030-01-01", "MX-SON", "active")])
    rest = [e["id"] for page in stream for e in page]
    assert [e["id"] for e in first] + rest == chronological(ROWS + [("ev-z", "2030-01-01", "MX-SON", "active")])
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one() == len(ROWS) + 1
