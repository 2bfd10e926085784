"""Fixtures for API tests: the bundled sample corpus in SQLite and PostgreSQL, served in-process."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

TOKEN = "test-token-4f1c"


@pytest.fixture
def sample_db(db_url):
    """A database holding the bundled sample corpus (38 articles, English and Spanish)."""
    import cartelscope.demo
    from cartelscope.scope import Scope

    with Scope(db_url) as scope:
        report = scope.ingest_records(cartelscope.demo.sample_items())
        assert report.failed == 0, report.failures
    return db_url


@pytest.fixture
def client(sample_db):
    from cartelscope.api import create_app

    with TestClient(create_app(sample_db)) as c:
        yield c


@pytest.fixture
def auth() -> dict:
    """The header that the ``writer`` server accepts."""
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writer(sample_db):
    """A client of a server configured with a bearer token (write endpoints enabled)."""
    from cartelscope.api import create_app

    with TestClient(create_app(sample_db, token=TOKEN)) as c:
        yield c
