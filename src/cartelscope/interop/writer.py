"""Bulk writer for imported datasets: SQLAlchemy Core executemany in large transactions.

Event ids are ``<dataset>-<dataset id>``, so importing the same file twice adds nothing: rows whose
id is already stored are counted as ``already`` and skipped. Each chunk of rows is one
transaction, so a database failure loses only the chunk in flight, never what was stored before.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, OperationalError

from cartelscope.errors import StoreError
from cartelscope.interop.common import Actors, ImportedEvent, Places, RowError, read_rows
from cartelscope.store.repository import Store, explain_db_error
from cartelscope.store.schema import actors, event_actors, event_sources, events

CHUNK = 10_000


@dataclass
class ImportReport:
    """What an import did: rows read, events added, rows already stored, rows rejected."""

    dataset: str
    path: str
    read: int = 0
    added: int = 0
    already: int = 0
    skipped: int = 0
    actors_added: int = 0
    relations: int = 0  # rivalry pairs written from the dataset's battles
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {"dataset": self.dataset, "path": self.path, "read": self.read, "added": self.added,
                "already": self.already, "skipped": self.skipped, "rejected": len(self.errors),
                "actors_added": self.actors_added, "relations": self.relations,
                "seconds": round(self.seconds, 2)}


class DatasetWriter:
    """Writes :class:`ImportedEvent` records of one dataset into a store, chunk by chunk."""

    def __init__(self, store: Store, dataset: str, report: ImportReport, *, chunk: int = CHUNK):
        self.store = store
        self.dataset = dataset
        self.report = report
        self.chunk = chunk
        with store.engine.connect() as conn:
            self.known_events = set(conn.execute(sa.select(events.c.id).where(events.c.dataset == dataset)).scalars())
            self.known_actors = {r.id: (r.first_seen, r.last_seen) for r in
                                 conn.execute(sa.select(actors.c.id, actors.c.first_seen, actors.c.last_seen))}

    def write(self, records: Iterable[ImportedEvent]) -> None:
        batch: list[ImportedEvent] = []
        for rec in records:
            if rec.values["id"] in self.known_events:
                self.report.already += 1
                continue
            self.known_events.add(rec.values["id"])
            batch.append(rec)
            if len(batch) >= self.chunk:
                self._flush(batch)
                batch = []
        if batch:
            self._flush(batch)

    def _flush(self, batch: list[ImportedEvent]) -> None:
        stamp = datetime.now(timezone.utc)
        event_rows, role_rows, source_rows = [], [], []
        new_actors: dict[str, dict] = {}
        seen_days: dict[str, list[str]] = {}
        for rec in batch:
            event_rows.append({**rec.values, "created_at": stamp, "updated_at": stamp})
            day = rec.values.get("event_date")
            used = set()
            for actor_id, role in rec.roles:
                if (actor_id, role) in used:
                    continue
                used.add((actor_id, role))
                role_rows.append({"event_id": rec.values["id"], "actor_id": actor_id, "role": role})
                if day:
                    span = seen_days.setdefault(actor_id, [day, day])
                    span[0], span[1] = min(span[0], day), max(span[1], day)
            source_rows.append({"event_id": rec.values["id"], **rec.source})
            for actor_id, row in rec.new_actors.items():
                if actor_id not in self.known_actors:
                    new_actors.setdefault(actor_id, row)
        try:
            with self.store.engine.begin() as conn:
                self._write_actors(conn, new_actors, seen_days)
                conn.execute(events.insert(), event_rows)
                if role_rows:
                    conn.execute(event_actors.insert(), role_rows)
                conn.execute(event_sources.insert(), source_rows)
        except (DBAPIError, OperationalError) as exc:
            for rec in batch:
                self.known_events.discard(rec.values["id"])
            raise StoreError(explain_db_error(self.store.db, exc)) from None
        for actor_id in new_actors:
            span = seen_days.get(actor_id, [None, None])
            self.known_actors[actor_id] = (span[0], span[1])
        self.report.actors_added += len(new_actors)
        self.report.added += len(batch)

    def _write_actors(self, conn, new_actors: dict[str, dict], seen_days: dict[str, list[str]]) -> None:
        if new_actors:
            rows = []
            for actor_id, row in new_actors.items():
                first, last = seen_days.get(actor_id, [None, None])
                rows.append({"parent": None, "parent_relation": None, "country": "MX", "acled_type": None,
                             "aliases": [], **row, "id": actor_id, "origin": "dataset",
                             "first_seen": first, "last_seen": last, "mentions": 0})
            conn.execute(actors.insert(), rows)
        for actor_id, (first, last) in seen_days.items():
            if actor_id in new_actors or actor_id not in self.known_actors:
                continue
            old_first, old_last = self.known_actors[actor_id]
            new_first = min(filter(None, [old_first, first]))
            new_last = max(filter(None, [old_last, last]))
            if (new_first, new_last) != (old_first, old_last):
                conn.execute(actors.update().where(actors.c.id == actor_id)
                             .values(first_seen=new_first, last_seen=new_last))
                self.known_actors[actor_id] = (new_first, new_last)


def import_dataset(store, pack, path: str | Path, *, dataset: str, label: str, required: list[str],
                   map_row: Callable[[dict, Actors, Places], ImportedEvent | None],
                   chunk: int | None = None, source_version: str | None = None) -> ImportReport:
    """Read a dataset CSV, map each row with ``map_row`` (None: outside scope, counted as skipped;
    RowError: reported with its line and skipped) and store the events in bulk. With
    ``source_version``, the dataset's battles also give dated rivalries (see dyads.py)."""
    began = time.perf_counter()
    report = ImportReport(dataset, str(path))
    actors, places = Actors(pack, dataset), Places(pack)

    def records() -> Iterator[ImportedEvent]:
        for line, row in read_rows(path, required, label):
            report.read += 1
            try:
                rec = map_row(row, actors, places)
            except RowError as exc:
                report.errors.append(f"{path}:{line}: {exc}")
                continue
            if rec is None:
                report.skipped += 1
            else:
                yield rec

    DatasetWriter(store, dataset, report, **({"chunk": chunk} if chunk else {})).write(records())
    if source_version:
        from cartelscope.interop.dyads import write_dyad_rivalries

        report.relations = write_dyad_rivalries(store, dataset, source_version, label)
    report.seconds = time.perf_counter() - began
    return report
