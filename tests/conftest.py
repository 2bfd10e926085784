"""Shared fixtures: fresh SQLite and PostgreSQL stores, sample texts.

PostgreSQL tests use a throwaway schema in the local server (``CARTELSCOPE_TEST_PG``, default
``postgresql://127.0.0.1:5432/test``). They are skipped when the server is unreachable, except
in CI (``CI=true``), where an unreachable server is a failure.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"
PG_URL = os.environ.get("CARTELSCOPE_TEST_PG", "postgresql://127.0.0.1:5432/test")


def _pg_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("postgresql://", "postgresql://", 1), connect_timeout=3):
            return None
    except Exception as exc:  # noqa: BLE001
        return str(exc).splitlines()[0]


@pytest.fixture(scope="session")
def pg_base_url() -> str:
    problem = _pg_available()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL must be reachable in CI at {PG_URL}: {problem}")
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {problem}")
    return PG_URL


@pytest.fixture
def pg_url(pg_base_url):
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    import psycopg

    schema = f"cs_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_base_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in pg_base_url else "?"
    yield f"{pg_base_url}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(pg_base_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """Each storage test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url):
    from cartelscope.store.repository import Store

    s = Store(db_url)
    yield s
    s.close()


@pytest.fixture
def scope(db_url):
    from cartelscope.scope import Scope

    s = Scope(db_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def pack():
    from cartelscope import knowledge

    return knowledge.load()


@pytest.fixture(scope="session")
def extractor(pack):
    from cartelscope.extract.pipeline import Extractor

    return Extractor(pack)
