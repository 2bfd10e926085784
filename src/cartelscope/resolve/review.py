"""Human review as data: each decision is a row in ``reviews`` (who, when, why), reversible.

Decisions are laid over the extracted data, never written in place of it:

- events: ``accept``, ``reject``, ``edit`` (fields). The event is recomputed from its sources and
  then the active decisions are applied, so a new source or a re-extraction keeps them.
- relations: ``confirm``, ``refute``. A refuted relation keeps collecting sources but is hidden.
- actors: ``merge`` (into another id) and ``split`` (a negative judgement: these two are
  different; it cancels an earlier merge between them). Merged ids are mapped when documents
  are written and when events and relations are read.
- candidates (unknown names): ``add`` writes an actor entry to a user knowledge folder,
  ``merge`` adds the name as an alias of an existing actor there.

``undo`` marks a decision undone and recomputes its target.
"""
from __future__ import annotations

import getpass
import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml
from sqlalchemy.engine import Connection

from cartelscope.errors import CartelscopeError
from cartelscope.resolve.events import EDITABLE, EventResolver
from cartelscope.store.schema import actors, candidate_actors, events, relations, reviews

ACTIONS = {
    "event": ("accept", "reject", "edit"),
    "relation": ("confirm", "refute"),
    "actor": ("merge", "split"),
    "candidate": ("add", "merge"),
}
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
INT_FIELDS = {"date_precision", "geo_precision", "fatalities", "fatalities_low", "fatalities_best", "fatalities_high"}


class ReviewError(CartelscopeError):
    """A review decision cannot be recorded or undone."""


def reviewer(by: str | None) -> str:
    return by or os.environ.get("USER") or getpass.getuser() or "unknown"


def actor_map(conn: Connection) -> dict[str, str]:
    """Actor id -> the id it is merged into, following chains, from active decisions."""
    merged: dict[str, str] = {}
    rows = conn.execute(sa.select(reviews.c.target_id, reviews.c.action, reviews.c.payload).where(
        reviews.c.target_type == "actor", reviews.c.undone_at.is_(None)).order_by(reviews.c.id))
    for target, action, payload in rows:
        other = (payload or {}).get("into" if action == "merge" else "from")
        if action == "merge":
            merged[target] = other
        elif merged.get(target) == other:
            del merged[target]
        elif merged.get(other) == target:
            del merged[other]
    out = {}
    for start in merged:
        seen, cur = {start}, merged[start]
        while cur in merged and cur not in seen:
            seen.add(cur)
            cur = merged[cur]
        out[start] = cur
    return out


class Reviews:
    """Record, apply, undo and list review decisions on one store."""

    def __init__(self, store):
        self.store = store

    # -- recording -----------------------------------------------------------------------------
    def record(self, target_type: str, target_id: str, action: str, payload: dict | None = None, *,
               by: str | None = None, why: str | None = None) -> dict:
        """Validate, store and apply one decision; returns the stored review."""
        if action not in ACTIONS.get(target_type, ()):
            allowed = ", ".join(ACTIONS.get(target_type, ())) or "none"
            raise ReviewError(f"cannot {action} a {target_type}: allowed actions are {allowed}")
        payload = dict(payload or {})
        stamp = datetime.now(timezone.utc)
        with self.store.engine.begin() as conn:
            payload = getattr(self, f"_check_{target_type}")(conn, target_id, action, payload)
            rid = conn.execute(reviews.insert().values(
                target_type=target_type, target_id=target_id, action=action, payload=payload,
                reviewer=reviewer(by), reason=why, created_at=stamp).returning(reviews.c.id)).scalar_one()
            self._apply(conn, target_type, target_id, stamp)
        return self.get(rid)

    def undo(self, review_id: int, *, by: str | None = None) -> dict:
        """Mark a decision undone and recompute what it touched."""
        stamp = datetime.now(timezone.utc)
        with self.store.engine.begin() as conn:
            row = conn.execute(sa.select(reviews).where(reviews.c.id == review_id)).first()
            if row is None:
                raise ReviewError(f"no review {review_id}: see `cartelscope review list`")
            if row.undone_at is not None:
                raise ReviewError(f"review {review_id} was already undone on {row.undone_at:%Y-%m-%d}")
            conn.execute(reviews.update().where(reviews.c.id == review_id).values(undone_at=stamp))
            if row.target_type == "event" and row.action == "edit":
                before = {k: v for k, v in (row.payload.get("before") or {}).items() if k in EDITABLE}
                if before:
                    conn.execute(events.update().where(events.c.id == row.target_id).values(**before))
            if row.target_type == "candidate":
                _undo_candidate(row.payload)
            self._apply(conn, row.target_type, row.target_id, stamp)
        return self.get(review_id)

    def get(self, review_id: int) -> dict:
        with self.store._read() as conn:
            row = conn.execute(sa.select(reviews).where(reviews.c.id == review_id)).first()
        return _row(row)

    def list(self, *, target_type: str | None = None, target_id: str | None = None,
             include_undone: bool = True) -> list[dict]:
        q = sa.select(reviews).order_by(reviews.c.id)
        if target_type:
            q = q.where(reviews.c.target_type == target_type)
        if target_id:
            q = q.where(reviews.c.target_id == target_id)
        if not include_undone:
            q = q.where(reviews.c.undone_at.is_(None))
        with self.store._read() as conn:
            return [_row(r) for r in conn.execute(q)]

    # -- shorthands ----------------------------------------------------------------------------
    def reject_event(self, event_id, **kw):
        return self.record("event", event_id, "reject", **kw)

    def accept_event(self, event_id, **kw):
        return self.record("event", event_id, "accept", **kw)

    def edit_event(self, event_id, fields: dict, **kw):
        return self.record("event", event_id, "edit", {"fields": fields}, **kw)

    def confirm_relation(self, relation_id, **kw):
        return self.record("relation", relation_id, "confirm", **kw)

    def refute_relation(self, relation_id, **kw):
        return self.record("relation", relation_id, "refute", **kw)

    def merge_actors(self, actor_id, into, **kw):
        return self.record("actor", actor_id, "merge", {"into": into}, **kw)

    def split_actors(self, actor_id, from_, **kw):
        return self.record("actor", actor_id, "split", {"from": from_}, **kw)

    def add_candidate(self, name, folder, *, actor_id=None, kind="gang", **kw):
        return self.record("candidate", name, "add", {"folder": str(folder), "id": actor_id, "kind": kind}, **kw)

    def merge_candidate(self, name, into, folder, **kw):
        return self.record("candidate", name, "merge", {"folder": str(folder), "into": into}, **kw)

    # -- validation ----------------------------------------------------------------------------
    def _check_event(self, conn, event_id, action, payload):
        row = conn.execute(sa.select(events).where(events.c.id == event_id)).first()
        if row is None:
            raise ReviewError(f"no event {event_id}: see `cartelscope events --format json`")
        if action != "edit":
            return payload
        fields = payload.get("fields") or {}
        if not fields:
            raise ReviewError("an edit needs at least one FIELD=VALUE")
        clean = {}
        for key, value in fields.items():
            if key not in EDITABLE:
                raise ReviewError(f"field {key!r} cannot be edited; editable: {', '.join(EDITABLE)}")
            clean[key] = _coerce(key, value)
        return {"fields": clean, "before": {k: getattr(row, k) for k in clean}}

    def _check_relation(self, conn, relation_id, action, payload):
        if conn.execute(sa.select(relations.c.id).where(relations.c.id == relation_id)).first() is None:
            raise ReviewError(f"no relation {relation_id}: see `cartelscope relations --format json`")
        return payload

    def _check_actor(self, conn, actor_id, action, payload):
        other = payload.get("into" if action == "merge" else "from")
        for a in (actor_id, other):
            if not a or not self._actor_known(conn, a):
                raise ReviewError(f"unknown actor {a!r}: see `cartelscope actors`")
        if other == actor_id:
            raise ReviewError(f"cannot {action} actor {actor_id} with itself")
        if action == "merge" and actor_map(conn).get(other) == actor_id:
            raise ReviewError(f"{other} is already merged into {actor_id}; undo that first")
        return payload

    def _actor_known(self, conn, actor_id) -> bool:
        if conn.execute(sa.select(actors.c.id).where(actors.c.id == actor_id)).first():
            return True
        from cartelscope import knowledge

        return actor_id in knowledge.load().actors

    def _check_candidate(self, conn, name, action, payload):
        row = conn.execute(sa.select(candidate_actors).where(sa.or_(
            candidate_actors.c.normalized == name, candidate_actors.c.name == name))).first()
        if row is None:
            raise ReviewError(f"no candidate {name!r}: see `cartelscope review candidates`")
        folder = Path(payload["folder"])
        if not folder.is_dir():
            raise ReviewError(f"knowledge folder {folder} does not exist")
        if action == "add":
            actor_id = payload.get("id") or _slug(row.name)
            if not SLUG.match(actor_id):
                raise ReviewError(f"actor id {actor_id!r} must match [a-z0-9][a-z0-9-]*")
            entry = {"id": actor_id, "name": row.name, "kind": payload.get("kind") or "gang",
                     "aliases": {"es": [row.name]}, "country": "MX",
                     "note": f"Added from candidate review; first seen {row.first_seen}."}
            _write_actor_entry(folder, entry)
            return {**payload, "id": actor_id, "name": row.name}
        from cartelscope import knowledge

        pack = knowledge.load(str(folder))
        target = pack.actors.get(payload.get("into") or "")
        if target is None:
            raise ReviewError(f"unknown actor {payload.get('into')!r} to merge {row.name!r} into")
        entry = target.model_dump(by_alias=True, exclude={"line"})
        if row.name not in entry["aliases"]["informal"]:
            entry["aliases"]["informal"].append(row.name)
        _write_actor_entry(folder, entry)
        return {**payload, "name": row.name}

    # -- applying ------------------------------------------------------------------------------
    def _apply(self, conn, target_type, target_id, stamp) -> None:
        if target_type == "event":
            EventResolver().refresh(conn, target_id, stamp)
        elif target_type == "relation":
            status = "active"
            for action in conn.execute(sa.select(reviews.c.action).where(
                    reviews.c.target_type == "relation", reviews.c.target_id == target_id,
                    reviews.c.undone_at.is_(None)).order_by(reviews.c.id)).scalars():
                status = "confirmed" if action == "confirm" else "refuted"
            conn.execute(relations.update().where(relations.c.id == target_id).values(status=status, updated_at=stamp))


def _coerce(key: str, value: Any) -> Any:
    if value in (None, "", "null"):
        return None
    if key in INT_FIELDS:
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ReviewError(f"{key} must be a whole number, not {value!r}") from None
    if key in ("lat", "lon"):
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ReviewError(f"{key} must be a number, not {value!r}") from None
    if key == "event_date" and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", str(value)):
        raise ReviewError(f"event_date must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return str(value)


def _slug(name: str) -> str:
    from cartelscope.knowledge import norm

    return re.sub(r"[^a-z0-9]+", "-", norm(name)).strip("-") or "actor"


def _read_entries(path: Path) -> list:
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if data is None:
        return []
    if not isinstance(data, list):
        raise ReviewError(f"{path}: expected a list of actors")
    return data


def _write_actor_entry(folder: Path, entry: dict) -> None:
    """Add or replace one entry in FOLDER/actors.yaml; the pack must still load afterwards."""
    path = folder / "actors.yaml"
    before = path.read_text(encoding="utf-8") if path.exists() else None
    entries = [e for e in _read_entries(path) if not (isinstance(e, dict) and e.get("id") == entry["id"])]
    entries.append(entry)
    _save(path, entries)
    try:
        from cartelscope import knowledge

        knowledge.load(str(folder))
    except CartelscopeError as exc:
        if before is None:
            path.unlink()
        else:
            path.write_text(before, encoding="utf-8")
        raise ReviewError(f"the entry would break the knowledge pack: {exc}") from None


def _save(path: Path, entries: list) -> None:
    text = "# cartelscope user actors (written by `cartelscope review candidates`)\n"
    text += yaml.safe_dump(entries, allow_unicode=True, sort_keys=False) if entries else "[]\n"
    path.write_text(text, encoding="utf-8")


def _undo_candidate(payload: dict) -> None:
    path = Path(payload.get("folder", "")) / "actors.yaml"
    if not path.exists():
        return
    entries = _read_entries(path)
    if payload.get("id") and "into" not in payload:
        entries = [e for e in entries if e.get("id") != payload["id"]]
    else:
        for e in entries:
            if e.get("id") == payload.get("into"):
                informal = e.get("aliases", {}).get("informal", [])
                if payload.get("name") in informal:
                    informal.remove(payload["name"])
    _save(path, entries)


def _row(row) -> dict:
    d = dict(row._mapping)
    for k in ("created_at", "undone_at"):
        d[k] = d[k].isoformat() if d.get(k) else None
    return d
