"""Actor network exports (GraphML, GEXF) from the relations table, built with networkx.

Nodes are stored actors (id, name, kind, ACLED type, origin, parent). Edges are relations, keyed
by relation id in a MultiDiGraph (two groups can be allies one year and rivals the next):
``kind``, ``valid_from``/``valid_to``, ``first_reported``/``last_reported``, ``certainty``,
``status``, ``n_sources`` and ``symmetric`` (alliance, rivalry, ceasefire and split have no
direction). GEXF files are dynamic: each edge's ``start``/``end`` is its validity interval (or,
without one, the period it was reported), widened from YYYY or YYYY-MM to whole days, so Gephi's
timeline shows the network at any date. Empty values are left out, since GraphML has no null.
"""
from __future__ import annotations

import networkx as nx

from cartelscope.interop.job import exporter

SYMMETRIC = {"alliance", "rivalry", "ceasefire", "split"}


def _day(partial: str | None, *, end: bool) -> str | None:
    if not partial:
        return None
    if len(partial) == 4:
        return f"{partial}-12-31" if end else f"{partial}-01-01"
    if len(partial) == 7:
        if not end:
            return f"{partial}-01"
        import calendar

        y, m = map(int, partial.split("-"))
        return f"{partial}-{calendar.monthrange(y, m)[1]:02d}"
    return partial


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None and v != ""}


def actor_network(job, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """The actor network for the job's filters (actor, since, until)."""
    table = job.actor_table()
    rels = job.store.relations(actor=job.flt.actor, since=job.flt.since, until=job.flt.until)
    g = nx.MultiDiGraph(name="cartelscope actor network")
    if dynamic:
        g.graph["mode"] = "dynamic"
    wanted = set(table) if not job.flt.actor else set()
    for r in rels:
        wanted.update((r["a"], r["b"]))
    for actor_id in sorted(wanted):
        info = table.get(actor_id) or {}
        pack_actor = job.pack.actors.get(actor_id)
        g.add_node(actor_id, **_clean({
            "label": info.get("name") or (pack_actor.name if pack_actor else actor_id),
            "kind": info.get("kind") or (pack_actor.kind if pack_actor else None),
            "acled_type": info.get("acled_type") or (pack_actor.acled_type if pack_actor else None),
            "origin": info.get("origin"), "parent": info.get("parent") or (pack_actor.parent if pack_actor else None),
            "first_seen": info.get("first_seen"), "last_seen": info.get("last_seen"),
        }))
    for r in rels:
        attrs = _clean({
            "kind": r["kind"], "valid_from": r["valid_from"], "valid_to": r["valid_to"],
            "first_reported": r["first_reported"], "last_reported": r["last_reported"],
            "certainty": r["certainty"], "status": r["status"], "n_sources": len(r["sources"]),
            "symmetric": r["kind"] in SYMMETRIC,
        })
        if dynamic:
            attrs.update(_clean({"start": _day(r["valid_from"] or r["first_reported"], end=False),
                                 "end": _day(r["valid_to"] or (None if r["valid_from"] else r["last_reported"]),
                                             end=True)}))
        g.add_edge(r["a"], r["b"], key=r["id"], **attrs)
    return g


@exporter("graphml", events=False)
def export_graphml(job) -> int:
    g = actor_network(job)
    with job.open_text() as out:
        out.write("\n".join(nx.generate_graphml(g, named_key_ids=True)) + "\n")
    return g.number_of_edges()


@exporter("gexf", events=False)
def export_gexf(job) -> int:
    g = actor_network(job, dynamic=True)
    with job.open_text() as out:
        out.write("\n".join(nx.generate_gexf(g)) + "\n")
    return g.number_of_edges()
