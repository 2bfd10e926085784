"""Event resolution: one incident reported by many documents becomes one stored event.

Matching (``EventResolver.match``) looks up candidates through the ``(admin1, event_date)``
index only, so each new report costs a handful of rows whatever the size of the store.
Aggregation (``EventResolver.refresh``) recomputes an event's columns from the per-source rows
it holds, so the result is the same whatever order the reports arrived in; human review
decisions are laid over it last.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from cartelscope.store.schema import event_actors, event_sources, events, reviews

ALGORITHM = "resolve.events.v1"
DAY_WINDOW = 1
CANDIDATE_LIMIT = 400
# Types that one outlet may code as a clash and another as a bombing of the same ambush.
COMPATIBLE_TYPES = {frozenset({"Battles", "Explosions/Remote violence"})}
# Strategic developments lump unrelated things (arrests, looting, agreements): sub-type must agree.
STRICT_SUBTYPE = {"Strategic developments", "Protests", "Riots"}
CERTAINTY_RANK = {"asserted": 0, "reported": 1, "hedged": 2, "alleged": 2, "denied": 3}
EDITABLE = ("event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
            "admin2", "admin2_code", "location", "lat", "lon", "geo_precision", "fatalities",
            "fatalities_low", "fatalities_best", "fatalities_high", "certainty", "summary")


def parse_day(value: str | None) -> date | None:
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def dates_compatible(a: str | None, b: str | None, strong: bool) -> bool:
    """Dates within a window that depends on precision; undated only with strong agreement."""
    if not a or not b:
        return strong
    da, db = parse_day(a), parse_day(b)
    if da and db:
        return abs((da - db).days) <= DAY_WINDOW
    shorter, longer = sorted((a, b), key=len)
    if not longer.startswith(shorter):
        return False
    return len(shorter) >= 7 or strong  # month precision: within the month; year only if strong


def places_compatible(new: dict, old: dict) -> tuple[bool, bool]:
    """(compatible, same municipality). A state-level report attaches to a municipal event in
    that state; two municipalities must be the same one."""
    if new.get("admin1") and old.get("admin1") and new["admin1"] != old["admin1"]:
        return False, False
    if new.get("admin2_code") and old.get("admin2_code"):
        same = new["admin2_code"] == old["admin2_code"]
        return same, same
    return True, False


def types_compatible(new: dict, old: dict) -> bool:
    if new["event_type"] == old["event_type"]:
        return new["event_type"] not in STRICT_SUBTYPE or new["sub_event_type"] == old["sub_event_type"]
    return frozenset({new["event_type"], old["event_type"]}) in COMPATIBLE_TYPES


def actor_set(values: dict, extracted: Any = None) -> set[str]:
    ids = {values.get("actor1"), values.get("actor2"), *(values.get("assoc_actors") or [])}
    if extracted is not None:
        ids |= set(getattr(extracted, "actors", []) or [])
    return {i for i in ids if i}


def score(new: dict, new_actors: set[str], old: dict, old_actors: set[str]) -> float | None:
    """How well a stored event fits a new report; None when it must not be merged."""
    if not types_compatible(new, old):
        return None
    place_ok, same_muni = places_compatible(new, old)
    if not place_ok:
        return None
    overlap = new_actors & old_actors
    strong = same_muni and bool(overlap)
    if not dates_compatible(new.get("event_date"), old.get("event_date"), strong):
        return None
    exact_day = bool(parse_day(new.get("event_date")) and new.get("event_date") == old.get("event_date"))
    if new_actors and old_actors and not overlap:
        # Outlets blaming different groups: only the same day, municipality and sub-type may merge.
        if not (same_muni and exact_day and new["sub_event_type"] == old["sub_event_type"]):
            return None
    if not (same_muni and exact_day or same_muni and _both_days(new, old)) and tolls_conflict(new, old):
        return None  # a vague report (state or month only) must at least agree on the scale
    s = 1.0
    s += 2.0 if same_muni else 0.0
    s += 1.0 if exact_day else 0.0
    s += 1.0 if new["sub_event_type"] == old["sub_event_type"] else 0.0
    if new_actors and old_actors:
        s += 2.0 * len(overlap) / len(new_actors | old_actors)
    return s


def _both_days(a: dict, b: dict) -> bool:
    return bool(parse_day(a.get("event_date")) and parse_day(b.get("event_date")))


def tolls_conflict(a: dict, b: dict) -> bool:
    """Death tolls too far apart to be one incident (outlets differ, but not tenfold)."""
    x, y = a.get("fatalities"), b.get("fatalities_high", b.get("fatalities"))
    lo_b = b.get("fatalities_low", b.get("fatalities"))
    if x is None or y is None or lo_b is None:
        return False
    return x > 3 * y + 5 or lo_b > 3 * x + 5


class EventResolver:
    """The resolver ``Store.add_document`` calls for each extracted event."""

    algorithm = ALGORITHM

    # -- matching ------------------------------------------------------------------------------
    def candidates(self, conn: Connection, values: dict) -> list[dict]:
        """Stored extracted events in the same state (or with no state) and date window."""
        day = values.get("event_date")
        conds = []
        d = parse_day(day)
        if d:
            lo, hi = (d - timedelta(days=DAY_WINDOW)).isoformat(), (d + timedelta(days=DAY_WINDOW)).isoformat()
            conds.append(events.c.event_date.between(lo, hi))
            conds.append(events.c.event_date.in_([day[:7], day[:4]]))
        elif day and len(day) == 7:
            conds.append(events.c.event_date.between(day, day + "-99"))
            conds.append(events.c.event_date == day[:4])
        elif day:
            conds.append(events.c.event_date.between(day, day + "-99"))
        conds.append(events.c.event_date.is_(None))
        if not day:  # undated: any date, but only where the municipality is the same
            conds = [sa.true()]
        q = sa.select(events).where(events.c.dataset == "cartelscope", events.c.status.in_(("active", "rejected")),
                                    sa.or_(*conds))
        if values.get("admin1"):
            q = q.where(sa.or_(events.c.admin1 == values["admin1"], events.c.admin1.is_(None)))
        if not day:
            if not values.get("admin2_code"):
                return []
            q = q.where(events.c.admin2_code == values["admin2_code"])
        q = q.order_by(events.c.id).limit(CANDIDATE_LIMIT)
        return [dict(r._mapping) for r in conn.execute(q)]

    def match(self, conn: Connection, values: dict, extracted: Any = None, *, document_id: str | None = None) -> str | None:
        """The stored event this report describes, or None for a new incident."""
        if values.get("dataset", "cartelscope") != "cartelscope":
            return None
        cands = self.candidates(conn, values)
        if not cands:
            return None
        ids = [c["id"] for c in cands]
        acts: dict[str, set] = {i: set() for i in ids}
        for row in conn.execute(sa.select(event_actors.c.event_id, event_actors.c.actor_id)
                                .where(event_actors.c.event_id.in_(ids))):
            acts[row.event_id].add(row.actor_id)
        same_doc = set()
        if document_id:
            same_doc = {r[0] for r in conn.execute(sa.select(event_sources.c.event_id).where(
                event_sources.c.document_id == document_id, event_sources.c.event_id.in_(ids)))}
        new_actors = actor_set(values, extracted)
        best: tuple[float, str] | None = None
        for c in cands:
            if c["id"] in same_doc:
                continue  # two events of one article are two incidents
            s = score(values, new_actors, c, acts[c["id"]])
            if s is not None and (best is None or s > best[0] or (s == best[0] and c["id"] < best[1])):
                best = (s, c["id"])
        return best[1] if best else None

    def absorb(self, conn: Connection, event_id: str, values: dict, extracted: Any, stamp) -> None:
        """A new source was attached to ``event_id``: recompute the event from all its sources."""
        self.refresh(conn, event_id, stamp)

    def settle(self, conn: Connection, event_id: str, stamp) -> None:
        """A new event was inserted: lay over any review decisions already made about its id."""
        self.refresh(conn, event_id, stamp)

    # -- aggregation ---------------------------------------------------------------------------
    def refresh(self, conn: Connection, event_id: str, stamp) -> None:
        """Recompute ``event_id`` from its sources, then apply the review decisions on it."""
        row = conn.execute(sa.select(events).where(events.c.id == event_id)).first()
        if row is None:
            return
        srcs = [dict(r._mapping) for r in conn.execute(
            sa.select(event_sources).where(event_sources.c.event_id == event_id).order_by(event_sources.c.id))]
        reports = [s["detail"]["values"] for s in srcs if isinstance(s.get("detail"), dict) and s["detail"].get("values")]
        update: dict[str, Any] = {}
        roles: dict[str, str] | None = None
        if reports and row.dataset == "cartelscope":
            update, roles = aggregate(reports)
        update.update(self.review_overlay(conn, event_id, {**dict(row._mapping), **update}))
        update["updated_at"] = stamp
        conn.execute(events.update().where(events.c.id == event_id).values(**update))
        if roles is not None:
            for actor in (update.get("actor1"), update.get("actor2")):
                if actor and actor not in roles:  # an edit named a new actor
                    roles[actor] = "actor1" if actor == update.get("actor1") else "actor2"
            conn.execute(event_actors.delete().where(event_actors.c.event_id == event_id))
            if roles:
                conn.execute(event_actors.insert(), [{"event_id": event_id, "actor_id": a, "role": r}
                                                     for a, r in sorted(roles.items())])

    def review_overlay(self, conn: Connection, event_id: str, current: dict) -> dict:
        """Status and edited fields from the active review decisions on an event, oldest first."""
        out: dict[str, Any] = {"status": "active" if current.get("status") in ("active", "rejected") else current["status"]}
        for r in conn.execute(sa.select(reviews).where(reviews.c.target_type == "event", reviews.c.target_id == event_id,
                                                       reviews.c.undone_at.is_(None)).order_by(reviews.c.id)):
            if r.action == "reject":
                out["status"] = "rejected"
            elif r.action == "accept":
                out["status"] = "active"
            elif r.action == "edit":
                out.update({k: v for k, v in (r.payload.get("fields") or {}).items() if k in EDITABLE})
        return out


def _majority(values: list, key=lambda v: v):
    """Most common value; ties go to the smallest key so the answer is order-free."""
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], key(v)))


def aggregate(reports: list[dict]) -> tuple[dict, dict[str, str]]:
    """Event columns and actor roles from every source's report, independent of their order."""
    out: dict[str, Any] = {}
    et = _majority([(r["event_type"], r["sub_event_type"]) for r in reports])
    out["event_type"], out["sub_event_type"] = et
    dated = [r for r in reports if r.get("event_date")]
    if dated:
        longest = max(len(r["event_date"]) for r in dated)
        finest = [r for r in dated if len(r["event_date"]) == longest]
        out["event_date"] = _majority([r["event_date"] for r in finest])
        out["date_precision"] = min(r.get("date_precision") or 3 for r in finest)
        out["year"] = int(out["event_date"][:4])
    states = [r["admin1"] for r in reports if r.get("admin1")]
    if states:
        state = _majority(states)
        placed = [r for r in reports if r.get("admin1") == state]
        prec = min(r.get("geo_precision") or 3 for r in placed)
        finest = [r for r in placed if (r.get("geo_precision") or 3) == prec]
        key = _majority([(r.get("admin2_code") or "", r.get("location") or "") for r in finest])
        pick = min((r for r in finest if (r.get("admin2_code") or "", r.get("location") or "") == key),
                   key=lambda r: (r.get("place_id") or "", r.get("lat") or 0))
        for col in ("country", "admin1", "admin2", "admin2_code", "location", "place_id", "lat", "lon", "geo_precision"):
            out[col] = pick.get(col)
    figures = sorted(r["fatalities"] for r in reports if r.get("fatalities") is not None)
    if figures:
        out["fatalities_low"], out["fatalities_high"] = figures[0], figures[-1]
        out["fatalities_best"] = figures[(len(figures) - 1) // 2]
        out["fatalities"] = figures[0]  # ACLED codes the lowest credible figure
    else:
        out["fatalities"] = out["fatalities_low"] = out["fatalities_high"] = out["fatalities_best"] = None
    out["tactics"] = sorted({t for r in reports for t in r.get("tactics") or []})
    out["tags"] = sorted({t for r in reports for t in r.get("tags") or []})
    out["certainty"] = min((r.get("certainty") or "asserted" for r in reports), key=lambda c: CERTAINTY_RANK.get(c, 9))
    out["civilian_targeting"] = any(r.get("civilian_targeting") for r in reports)
    first = min(reports, key=lambda r: (r.get("_published") or "9999", r.get("_document") or ""))
    out["summary"] = first.get("summary")
    roles = attribution(reports)
    out["actor1"] = next((a for a, r in sorted(roles.items()) if r == "actor1"), None)
    out["actor2"] = next((a for a, r in sorted(roles.items()) if r == "actor2"), None)
    out["assoc_actors"] = sorted(a for a, r in roles.items() if r in ("assoc", "contested"))
    return out, roles


def attribution(reports: list[dict]) -> dict[str, str]:
    """Actor roles across sources. When sources blame different perpetrators, the most-cited
    one fills the actor1 column and every other perpetrator that not all sources name is marked
    'contested' rather than dropped; each source's ``reported_actors`` says who said what."""
    named = [r for r in reports if _mentions(r)]
    if not named:
        return {}
    support = Counter(a for r in named for a in _mentions(r))
    firsts = Counter(r["actor1"] for r in named if r.get("actor1"))
    a1 = _majority(list(firsts.elements())) if firsts else None
    seconds = [r["actor2"] for r in named if r.get("actor2") and r["actor2"] != a1]
    a2 = _majority(seconds) if seconds else None
    roles = {}
    for a in support:
        if a == a1:
            roles[a] = "actor1"
        elif a == a2:
            roles[a] = "actor2"
        elif firsts.get(a) and support[a] < len(named):
            roles[a] = "contested"
        else:
            roles[a] = "assoc"
    return roles


def _mentions(report: dict) -> set[str]:
    return {a for a in (report.get("actor1"), report.get("actor2"), *(report.get("assoc_actors") or [])) if a}
