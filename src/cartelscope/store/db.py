"""Engines and migrations. A database is named by a SQLite path or a ``postgresql://`` URL.

Migrations (Alembic) run automatically when a store is opened, so a new file or a new
PostgreSQL database is ready to use; ``cartelscope db upgrade`` runs them explicitly.
"""
from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from cartelscope import config
from cartelscope.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def url_for(db: str) -> str:
    """SQLAlchemy URL for a user's ``--db`` value.

    A plain path is a SQLite file. ``sqlite:///PATH?mode=ro`` opens it read-only (SQLite's own
    URI mode, which holds even for root, unlike file permissions).
    """
    if db.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        _scheme, rest = db.split("://", 1)
        return f"postgresql+psycopg://{rest}"
    if db.startswith("sqlite:"):
        path, _, query = db.partition("?")
        if query and "uri=true" not in query and not path.startswith("sqlite:///file:"):
            file = path[len("sqlite:///"):]
            return f"sqlite:///file:{os.path.abspath(file)}?{query}&uri=true"
        return db
    if "://" in db:
        raise StoreError(f"unsupported database URL {db!r}: use a SQLite path or postgresql://...")
    return f"sqlite:///{os.path.abspath(db)}"


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL, or None for memory databases and other engines."""
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[-1].partition("?")[0]
    if path.startswith("file:"):
        path = path[len("file:"):]
    return None if not path or path == ":memory:" else path


def make_engine(db: str) -> Engine:
    url = url_for(db)
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if path:
            parent = Path(path).parent
            if not parent.exists():
                raise StoreError(f"{db}: folder {parent} does not exist")
            if Path(path).is_dir():
                raise StoreError(f"{db}: is a folder, not a database file")
        busy = config.get("sqlite_busy_timeout")
        engine = sa.create_engine(url, connect_args={"timeout": busy})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={int(busy * 1000)}")
            cur.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})


def _config(connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Apply migrations up to ``revision``; returns the revision now in force."""
    with engine.begin() as conn:
        command.upgrade(_config(conn), revision)
    return current_revision(engine) or ""
