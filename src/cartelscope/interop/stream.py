"""Streaming events out of a store for exports, in chronological order and constant memory.

Batches come from :meth:`Store.iter_event_batches` (keyset pages, decorated with actors and
sources a batch at a time), so memory depends on the batch size only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import sqlalchemy as sa

from cartelscope.errors import CartelscopeError
from cartelscope.interop.common import InteropError
from cartelscope.store.schema import actors

BATCH = 5000
EXTRA_COLUMNS = ("date_end", "year", "admin1", "updated_at", "place_id", "merged_into")


@dataclass
class EventFilter:
    """The filters of ``cartelscope events``, already resolved to ids and ISO codes."""

    actor: list[str] | None = None
    state: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    dataset: str | None = None

    def kwargs(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}

    def event_only(self) -> list[str]:
        """Names of set filters that only make sense for events (not for actor networks)."""
        return [k for k in ("state", "type", "text", "dataset") if getattr(self, k)]


def resolve_filter(scope: Any, *, actor=None, state=None, type=None, since=None, until=None, text=None,
                   dataset=None) -> EventFilter:
    """Resolve actor and state names through the Scope (knowledge pack), falling back to actors
    stored by an import (origin ``dataset``), which the pack does not know."""
    actor_ids = None
    if actor:
        try:
            actor_ids = scope.actor_filter(actor)
        except CartelscopeError:
            with scope.store.engine.connect() as conn:
                hit = conn.execute(sa.select(actors.c.id).where(
                    sa.or_(actors.c.id == actor, sa.func.lower(actors.c.name) == actor.lower()))).first()
            if hit is None:
                raise
            actor_ids = [hit.id]
    for name, value in (("since", since), ("until", until)):
        if value and not _partial_date(value):
            raise InteropError(f"--{name} {value!r} is not a date YYYY[-MM[-DD]]")
    return EventFilter(actor=actor_ids, state=scope.state_filter(state) if state else None, type=type,
                       since=since, until=until, text=text, dataset=dataset)


def _partial_date(value: str) -> bool:
    import re

    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value))


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
