"""Aggregations the dashboard needs and the Store does not offer, in SQLAlchemy Core.

Every function takes an :class:`~cartelscope.store.filters.EventFilter` and builds on
:meth:`Store.event_query`, so a filter means exactly the same thing in ``cartelscope events``, in
``cartelscope export``, in ``/api/events`` and in every chart.
Grouping happens in the database (one query per aggregate) so the main calls stay fast on
100,000 events.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import sqlalchemy as sa

from cartelscope.store.filters import EventFilter, check_day
from cartelscope.store.repository import Store
from cartelscope.store.schema import actors, event_actors, events, relations

STANCE_KINDS = ("alliance", "rivalry", "ceasefire")
NETWORK_KINDS = ("alliance", "rivalry", "ceasefire", "faction_of", "split", "supplies")


def _grouped(q: sa.Select, *cols) -> sa.Select:
    return q.with_only_columns(*cols, sa.func.count().label("n"),
                               sa.func.coalesce(sa.func.sum(events.c.fatalities), 0).label("fatalities"))


def count(conn, q: sa.Select) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(q.subquery())).scalar_one())


def event_page(store: Store, f: EventFilter, limit: int, offset: int) -> tuple[int, list[dict]]:
    """One page of events (newest first) with their actors and sources, and the total matching."""
    with store.engine.connect() as conn:
        total = count(conn, f.query(store))
    rows = store.events(limit=limit, offset=offset, **f.kwargs()) if limit else []
    return total, rows


def summary(store: Store, f: EventFilter) -> dict[str, Any]:
    """Totals for the filtered events: count, fatalities, first/last date, by type and certainty.

    One grouped scan (type x certainty x state) instead of a query per figure."""
    cols = (events.c.event_type, events.c.certainty, events.c.admin1)
    q = _grouped(f.query(store), *cols).add_columns(sa.func.min(events.c.event_date),
                                                    sa.func.max(events.c.event_date)).group_by(*cols)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    by_type: dict[str, dict] = {}
    by_cert: Counter = Counter()
    firsts = [r[5] for r in rows if r[5]]
    lasts = [r[6] for r in rows if r[6]]
    for etype, cert, _state, n, k, _lo, _hi in rows:
        t = by_type.setdefault(etype, {"events": 0, "fatalities": 0})
        t["events"] += int(n)
        t["fatalities"] += int(k)
        by_cert[cert] += int(n)
    return {
        "events": sum(t["events"] for t in by_type.values()),
        "fatalities": sum(t["fatalities"] for t in by_type.values()),
        "first_date": min(firsts, default=None), "last_date": max(lasts, default=None),
        "states": len({r[2] for r in rows if r[2]}),
        "by_type": dict(sorted(by_type.items())), "by_certainty": dict(sorted(by_cert.items())),
    }


def _week_start(dialect: str):
    """SQL for the Monday that starts an event's ISO week (full YYYY-MM-DD dates only)."""
    if dialect == "postgresql":
        return sa.func.to_char(sa.func.date_trunc("week", sa.func.to_date(events.c.event_date, "YYYY-MM-DD")),
                               "YYYY-MM-DD")
    return sa.func.date(events.c.event_date, "-6 days", "weekday 1")


def weekly_series(store: Store, f: EventFilter) -> dict[str, Any]:
    """Events and fatalities per ISO week and event type.

    Only day-precise dates can be placed in a week; events dated to a month or year are counted
    in ``imprecise`` rather than piled on the first week of their month.
    """
    q = f.query(store)
    week = _week_start(store.engine.dialect.name).label("week")
    precise = sa.func.length(events.c.event_date) == 10
    with store.engine.connect() as conn:
        rows = conn.execute(_grouped(q.where(precise), week, events.c.event_type)
                            .group_by(week, events.c.event_type).order_by(week)).all()
        imprecise = count(conn, q.where(sa.or_(events.c.event_date.is_(None), sa.not_(precise))))
    weeks: dict[str, dict] = {}
    for wk, etype, n, k in rows:
        w = weeks.setdefault(wk, {"week": wk, "events": 0, "fatalities": 0, "by_type": {}})
        w["events"] += int(n)
        w["fatalities"] += int(k)
        w["by_type"][etype] = int(n)
    types = sorted({t for w in weeks.values() for t in w["by_type"]})
    return {"interval": "week", "types": types, "series": list(weeks.values()), "imprecise": imprecise}


def _coverage(conn, store: Store, col, f: EventFilter) -> dict[str, int]:
    """Events ever reported per place, ignoring the period and other filters (coverage)."""
    q = EventFilter(dataset=f.dataset).query(store)
    return {k: int(n) for k, n, _ in conn.execute(_grouped(q.where(col.is_not(None)), col).group_by(col))}


def state_counts(store: Store, f: EventFilter) -> list[dict]:
    """Per state: events and fatalities under the filters, how many are only state-precise, and
    how many events the data holds for it at all (0 means "no reports", not "quiet")."""
    q = f.query(store).where(events.c.admin1.is_not(None))
    state_only = sa.func.sum(sa.case((events.c.geo_precision == 3, 1), else_=0)).label("state_level")
    with store.engine.connect() as conn:
        rows = conn.execute(_grouped(q, events.c.admin1).add_columns(state_only).group_by(events.c.admin1)).all()
        ever = _coverage(conn, store, events.c.admin1, f)
    found = {r[0]: r for r in rows}
    out = []
    for iso in sorted(set(found) | set(ever)):
        r = found.get(iso)
        out.append({"state": iso, "events": int(r[1]) if r else 0, "fatalities": int(r[2]) if r else 0,
                    "state_level": int(r[3] or 0) if r else 0, "ever": ever.get(iso, 0)})
    return out


def municipality_counts(store: Store, f: EventFilter) -> list[dict]:
    """Per municipality (INEGI code): events, fatalities and all-time coverage, as for states."""
    q = f.query(store).where(events.c.admin2_code.is_not(None))
    code = events.c.admin2_code
    with store.engine.connect() as conn:
        rows = conn.execute(_grouped(q, code, events.c.admin1, sa.func.max(events.c.admin2))
                            .group_by(code, events.c.admin1)).all()
        ever_q = EventFilter(dataset=f.dataset, state=f.state).query(store).where(code.is_not(None))
        ever = {k: int(n) for k, n, _ in conn.execute(_grouped(ever_q, code).group_by(code))}
    found = {r[0]: r for r in rows}
    out = []
    for c in sorted(set(found) | set(ever)):
        r = found.get(c)
        out.append({"municipality_code": c, "state": r[1] if r else None, "name": r[2] if r else None,
                    "events": int(r[3]) if r else 0, "fatalities": int(r[4]) if r else 0, "ever": ever.get(c, 0)})
    return out


def actor_activity(store: Store, f: EventFilter, limit: int | None = None) -> list[dict]:
    """Actors by number of filtered events they take part in, most active first."""
    sub = f.query(store).with_only_columns(events.c.id, events.c.fatalities).subquery()
    q = (sa.select(event_actors.c.actor_id, sa.func.count(sa.distinct(sub.c.id)).label("n"),
                   sa.func.coalesce(sa.func.sum(sub.c.fatalities), 0))
         .select_from(event_actors.join(sub, sub.c.id == event_actors.c.event_id))
         .group_by(event_actors.c.actor_id).order_by(sa.desc("n"), event_actors.c.actor_id))
    if limit:
        q = q.limit(limit)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
        names = dict(conn.execute(sa.select(actors.c.id, actors.c.name)
                                  .where(actors.c.id.in_([r[0] for r in rows]))).all()) if rows else {}
    return [{"id": a, "name": names.get(a, a), "events": int(n), "fatalities": int(k)} for a, n, k in rows]


def _start(rel: dict) -> str | None:
    return rel.get("valid_from") or rel.get("first_reported")


def relations_as_of(store: Store, as_of: str, actor_ids: list[str] | None = None,
                    kinds=NETWORK_KINDS) -> list[dict]:
    """Relations in force on ``as_of``: begun (valid_from, else first reported) on or before it and
    not ended (valid_to) before it. Between one pair only the latest stance (alliance, rivalry,
    ceasefire) counts: a 2024 report of war supersedes a 2022 report of alliance."""
    start = sa.func.coalesce(relations.c.valid_from, relations.c.first_reported)
    q = (sa.select(relations).where(relations.c.status != "refuted", relations.c.kind.in_(kinds),
                                    start.is_not(None), start <= as_of,
                                    sa.or_(relations.c.valid_to.is_(None), relations.c.valid_to >= as_of)))
    if actor_ids:
        q = q.where(sa.or_(relations.c.a.in_(actor_ids), relations.c.b.in_(actor_ids)))
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
    latest: dict[tuple, dict] = {}
    out = []
    for r in sorted(rows, key=lambda r: (_start(r) or "", r["id"])):
        r = {k: r[k] for k in ("id", "kind", "a", "b", "valid_from", "valid_to", "first_reported",
                               "last_reported", "certainty")}
        if r["kind"] in STANCE_KINDS:
            latest[tuple(sorted((r["a"], r["b"])))] = r
        else:
            out.append(r)
    return out + list(latest.values())


def _parents_as_of(pack, as_of: str, rels: list[dict]) -> dict[str, str]:
    """Actor -> parent on ``as_of``: the pack's dated hierarchy, overridden by reported faction_of."""
    parents = {}
    for a in pack.actors.values():
        if a.parent and (a.parent_from or "") <= as_of and (not a.parent_to or a.parent_to >= as_of):
            parents[a.id] = a.parent
    for r in rels:
        if r["kind"] == "faction_of":
            parents[r["a"]] = r["b"]
    return parents


def network(store: Store, pack, f: EventFilter, as_of: str | None = None, size: int = 60) -> dict[str, Any]:
    """Nodes sized by activity in the filtered period; edges in force on ``as_of``; factions
    carry their parent (``group``) so the drawing can cluster them."""
    as_of = check_day(as_of, "as_of") or f.until or date.today().isoformat()
    activity = {a["id"]: a for a in actor_activity(store, f.without("actor"), limit=size)}
    rels = relations_as_of(store, as_of, f.actor)
    parents = _parents_as_of(pack, as_of, rels)
    ids = set(activity) | {r["a"] for r in rels} | {r["b"] for r in rels}
    if f.actor:
        ids |= set(f.actor)
    ids |= {parents[i] for i in list(ids) if i in parents}
    ids = {i for i in ids if i not in pack.actors or pack.actors[i].kind != "person"}
    with store.engine.connect() as conn:
        names = dict(conn.execute(sa.select(actors.c.id, actors.c.name).where(actors.c.id.in_(ids))).all())
    nodes = []
    for i in sorted(ids):
        known = pack.actors.get(i)
        nodes.append({"id": i, "name": names.get(i) or (known.name if known else i),
                      "kind": known.kind if known else None, "parent": parents.get(i),
                      "group": _root(parents, i), "events": activity.get(i, {}).get("events", 0),
                      "fatalities": activity.get(i, {}).get("fatalities", 0)})
    edges = [r for r in rels if r["a"] in ids and r["b"] in ids and r["kind"] != "faction_of"]
    edges += [{"id": f"parent-{c}", "kind": "faction_of", "a": c, "b": p, "certainty": "knowledge"}
              for c, p in sorted(parents.items()) if c in ids and p in ids]
    return {"as_of": as_of, "nodes": _layout(nodes, edges), "edges": edges}


def _root(parents: dict[str, str], actor_id: str) -> str:
    seen = {actor_id}
    while actor_id in parents and parents[actor_id] not in seen:
        actor_id = parents[actor_id]
        seen.add(actor_id)
    return actor_id


def _layout(nodes: list[dict], edges: list[dict]) -> list[dict]:
    """Deterministic spring layout in [0, 1]²; factions pulled close to their parent."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(n["id"] for n in nodes)
    weight = {"faction_of": 4.0, "alliance": 1.0, "ceasefire": 0.6, "supplies": 0.6, "split": 0.3, "rivalry": 0.3}
    for e in edges:
        g.add_edge(e["a"], e["b"], weight=weight.get(e["kind"], 0.5))
    pos = nx.spring_layout(g, seed=7, weight="weight", k=1.6 / max(1, len(nodes)) ** 0.5) if nodes else {}
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    for n in nodes:
        x, y = pos[n["id"]]
        n["x"] = round((x - min(xs)) / span, 4)
        n["y"] = round((y - min(ys)) / span, 4)
    return nodes


def actor_page(store: Store, pack, actor_id: str) -> dict[str, Any]:
    """What the actor page shows: identity from the pack, hierarchy, relations over time, totals."""
    known = pack.actors.get(actor_id)
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(actors).where(actors.c.id == actor_id)).first()
    if known is None and row is None:
        raise LookupError(f"unknown actor {actor_id!r}")
    f = EventFilter(actor=[actor_id])
    rels = store.relations(actor=[actor_id])
    for r in rels:
        r["other"] = r["b"] if r["a"] == actor_id else r["a"]
        r["other_name"] = r["b_name"] if r["a"] == actor_id else r["a_name"]
        r["start"] = _start(r)
    rels.sort(key=lambda r: (r["start"] or "", r["kind"]))
    aliases = {k: v for k, v in (known.aliases.model_dump() if known else {}).items() if v}
    if row is not None and not known:
        aliases = {"reported": list(row.aliases or [])}
    return {
        "id": actor_id,
        "name": known.name if known else row.name,
        "kind": known.kind if known else row.kind,
        "note": known.note if known else None,
        "aliases": aliases,
        "states": list(known.states) if known else [],
        "active_from": known.active_from if known else None,
        "active_to": known.active_to if known else None,
        "parent": _actor_ref(pack, known.parent) if known and known.parent else None,
        "parent_relation": known.parent_relation if known else None,
        "factions": [_actor_ref(pack, a.id) for a in pack.actors.values() if a.parent == actor_id],
        "mentions": row.mentions if row else 0,
        "first_seen": row.first_seen if row else None,
        "last_seen": row.last_seen if row else None,
        "summary": summary(store, f),
        "relations": rels,
    }


def _actor_ref(pack, actor_id: str) -> dict:
    a = pack.actors.get(actor_id)
    return {"id": actor_id, "name": a.name if a else actor_id, "kind": a.kind if a else None}


def state_page(store: Store, pack, iso: str) -> dict[str, Any]:
    """What the state page shows: totals, actors active there, its municipalities by events."""
    st = pack.states.get(iso)
    if st is None:
        raise LookupError(f"unknown state {iso!r}")
    f = EventFilter(state=iso)
    munis = municipality_counts(store, f)
    for m in munis:
        known = pack.municipalities.get(m["municipality_code"])
        m["name"] = known.name if known else m["name"]
    munis.sort(key=lambda m: (-m["events"], m["name"] or ""))
    groups = Counter(a.kind for a in pack.actors.values() if iso in a.states)
    return {
        "iso": iso, "name": st.name, "name_en": st.name_en, "capital": st.capital, "inegi": st.inegi,
        "summary": summary(store, f),
        "actors": actor_activity(store, f, limit=25),
        "known_actors": [_actor_ref(pack, a.id) for a in pack.actors.values() if iso in a.states],
        "known_actor_kinds": dict(groups),
        "municipalities": munis,
    }

