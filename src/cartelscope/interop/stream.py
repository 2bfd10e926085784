"""Streaming events out of a store for exports, in chronological order and constant memory.

Batches come from :meth:`Store.iter_event_batches` (keyset pages, decorated with actors and
sources a batch at a time), so memory depends on the batch size only. The filter is the one
:class:`~cartelscope.store.filters.EventFilter` of every event view.
"""
from __future__ import annotations

from typing import Iterator

import sqlalchemy as sa

from cartelscope.store.filters import EventFilter
from cartelscope.store.schema import actors

BATCH = 5000
EXTRA_COLUMNS = ("date_end", "year", "admin1", "updated_at", "place_id", "merged_into")


def iter_event_batches(store, flt: EventFilter | None = None, *, batch: int = BATCH,
                       with_sources: bool = False) -> Iterator[list[dict]]:
    """Lists of decorated events (``Store.events`` records plus date_end, year, updated_at...)."""
    flt = flt or EventFilter()
    return store.iter_event_batches(batch=batch, with_sources=with_sources, extra_columns=EXTRA_COLUMNS,
                                    **flt.kwargs())


def actor_table(store) -> dict[str, dict]:
    """All stored actors by id (small: thousands at most), for names, kinds and ACLED types."""
    with store.engine.connect() as conn:
        return {r.id: dict(r._mapping) for r in conn.execute(sa.select(actors))}
