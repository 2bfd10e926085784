"""Migration 0003 adds the period cover index to a database at 0002, keeping its rows, on both
engines; downgrading drops it again; the migrated schema matches schema.py exactly."""
from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from cartelscope.store import db as dbmod
from cartelscope.store.schema import metadata

COVER = "ix_events_status_date_cover"
INSERT = ("INSERT INTO events (id, dataset, event_date, admin1, event_type, sub_event_type, assoc_actors, country,"
          " fatalities, fatalities_best, tactics, tags, certainty, civilian_targeting, status, created_at,"
          " updated_at) VALUES ('ev-1', 'cartelscope', '2024-11-02', 'MX-MIC', 'Battles', 'Armed clash', '[]',"
          " 'MX', 3, 3, '[]', '[]', 'reported', false, 'active', '2025-01-01', '2025-01-01')")


def indexes(engine) -> dict[str, list[str]]:
    return {ix["name"]: ix["column_names"] for ix in sa.inspect(engine).get_indexes("events")}


def test_upgrade_from_0002_adds_the_cover_index_and_keeps_rows(db_url):
    engine = dbmod.make_engine(db_url)
    dbmod.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(sa.text(INSERT))
    assert COVER not in indexes(engine)
    assert dbmod.upgrade(engine) == dbmod.head_revision() == "0003"
    assert indexes(engine)[COVER] == ["status", "event_date", "admin1", "event_type", "certainty", "fatalities"]
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT admin1, fatalities FROM events WHERE id = 'ev-1'")).one() == ("MX-MIC", 3)
    with engine.begin() as conn:
        from alembic import command

        command.downgrade(dbmod._config(conn), "0002")
    assert COVER not in indexes(engine)
    engine.dispose()


def test_migrated_schema_matches_schema_py(db_url):
    engine = dbmod.make_engine(db_url)
    dbmod.upgrade(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata) == []
    engine.dispose()


def test_an_analysed_sqlite_database_gets_statistics_for_the_new_index(tmp_path):
    engine = dbmod.make_engine(str(tmp_path / "analysed.db"))
    dbmod.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(sa.text(INSERT))
        conn.exec_driver_sql("ANALYZE")
    dbmod.upgrade(engine)
    with engine.connect() as conn:
        analysed = {r[0] for r in conn.exec_driver_sql("SELECT idx FROM sqlite_stat1 WHERE tbl = 'events'")}
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT admin1, event_type, certainty, count(*), sum(fatalities) FROM events"
            " WHERE status = 'active' AND event_date >= '2024-01-01' GROUP BY admin1, event_type, certainty"))
    assert COVER in analysed
    assert f"COVERING INDEX {COVER}" in plan
    engine.dispose()
