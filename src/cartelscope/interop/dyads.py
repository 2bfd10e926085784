"""Rivalries from imported datasets: two armed groups that a dataset records fighting each other.

UCDP and ACLED code battles between named sides. For every pair of non-state actors that fight
in a dataset's Battles events, one rivalry statement is written with the dataset as its source:
valid from the first to the last recorded clash (``stated_from`` / ``stated_to``), reported on
the last one, with a sentence that says how many clashes the dataset records. Re-importing
replaces the dataset's statements, so the import stays idempotent. The network then shows who
fights whom even before any article is ingested.
"""
from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa

from cartelscope.store.repository import stable_id
from cartelscope.store.schema import actors, events, relation_sources, relations

STATE_KINDS = ("state_force",)


def write_dyad_rivalries(store, dataset: str, extractor_version: str, label: str) -> int:
    """(Re)write the rivalry statements of ``dataset``; returns how many pairs were written."""
    a1, a2 = events.c.actor1, events.c.actor2
    query = (sa.select(a1, a2, sa.func.min(events.c.event_date), sa.func.max(sa.func.coalesce(events.c.date_end,
                                                                                            events.c.event_date)),
                       sa.func.count())
             .where(events.c.dataset == dataset, events.c.event_type == "Battles", a1.is_not(None), a2.is_not(None),
                    a1 != a2)
             .group_by(a1, a2))
    stamp = datetime.now(timezone.utc)
    with store.engine.begin() as conn:
        kinds = dict(conn.execute(sa.select(actors.c.id, actors.c.kind)).all())
        names = dict(conn.execute(sa.select(actors.c.id, actors.c.name)).all())
        pairs: dict[tuple[str, str], list] = {}
        for x, y, first, last, n in conn.execute(query):
            if kinds.get(x) in STATE_KINDS or kinds.get(y) in STATE_KINDS:
                continue
            key = tuple(sorted((x, y)))
            agg = pairs.setdefault(key, [first, last, 0])
            agg[0], agg[1], agg[2] = min(agg[0], first), max(agg[1], last), agg[2] + n
        old = sa.select(relation_sources.c.id).where(relation_sources.c.extractor_version == extractor_version)
        conn.execute(relation_sources.delete().where(relation_sources.c.id.in_(old)))
        for (a, b), (first, last, n) in sorted(pairs.items()):
            rel_id = stable_id("rel", "rivalry", a, b)
            row = conn.execute(sa.select(relations.c.first_reported, relations.c.last_reported, relations.c.valid_from)
                               .where(relations.c.id == rel_id)).first()
            if row is None:
                conn.execute(relations.insert().values(
                    id=rel_id, kind="rivalry", a=a, b=b, valid_from=first, valid_to=last, first_reported=last,
                    last_reported=last, certainty="reported", status="active", created_at=stamp, updated_at=stamp))
            else:
                seen = [d for d in (row.first_reported, row.last_reported, last) if d]
                conn.execute(relations.update().where(relations.c.id == rel_id).values(
                    first_reported=min(seen), last_reported=max(seen),
                    valid_from=min(filter(None, [row.valid_from, first])), updated_at=stamp))
            sentence = (f"{label} records {n} clash{'es' if n != 1 else ''} between {names.get(a, a)} and "
                        f"{names.get(b, b)} from {first} to {last}.")
            conn.execute(relation_sources.insert().values(
                relation_id=rel_id, document_id=None, char_start=None, char_end=None, sentence=sentence,
                extractor_version=extractor_version, certainty="reported", reported_on=last,
                stated_from=first, stated_to=last))
    return len(pairs)
