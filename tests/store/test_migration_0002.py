"""Migration 0002 upgrades a database created at 0001, keeping its rows, on both engines."""
from __future__ import annotations

import sqlalchemy as sa

from cartelscope.store import db as dbmod


def test_upgrade_from_0001_keeps_rows(db_url):
    engine = dbmod.make_engine(db_url)
    dbmod.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO events (id, dataset, event_type, sub_event_type, assoc_actors, country, fatalities, tactics,"
            " tags, certainty, civilian_targeting, status, created_at, updated_at) VALUES ('ev-1', 'cartelscope',"
            " 'Battles', 'Armed clash', '[]', 'MX', 4, '[]', '[]', 'asserted', false, 'active', '2025-01-01',"
            " '2025-01-01')"))
    assert dbmod.upgrade(engine) == dbmod.head_revision()
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT fatalities_best FROM events WHERE id = 'ev-1'")).scalar_one() == 4
    cols = {c["name"] for c in sa.inspect(engine).get_columns("relation_sources")}
    assert "stated_to" in cols
    engine.dispose()
