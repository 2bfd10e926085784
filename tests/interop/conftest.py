"""Fixtures for the interop tests: the UCDP sample (real GED rows, CC BY 4.0) and invented ACLED rows."""
from __future__ import annotations

import pytest

from interop_paths import UCDP_SAMPLE, sample_size


@pytest.fixture
def ucdp_scope(scope):
    """A store (SQLite and PostgreSQL) holding the UCDP sample."""
    from cartelscope.interop import import_file

    report = import_file(scope, "ucdp", UCDP_SAMPLE)
    assert report.ok and report.added == sample_size()
    return scope


@pytest.fixture
def other_scope(tmp_path):
    """A second, empty SQLite store to import exported files into."""
    from cartelscope.scope import Scope

    s = Scope(str(tmp_path / "other.db"))
    yield s
    s.close()
