"""cartelscope: sourced, geocoded event data and actor networks from public reporting on
organized-crime conflict in Mexico.

The library is the product; the CLI, the REST API and the dashboard are thin layers over it.
Start with :func:`cartelscope.open` for a store, :func:`cartelscope.extract.extract` for
stateless extraction and :func:`cartelscope.knowledge.load` for the knowledge pack.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "open"]


def open(db: str | None = None, *, knowledge: str | None = None):  # noqa: A001 - mirrors sqlite3.connect
    """Open (and migrate) a store; returns a :class:`cartelscope.scope.Scope`."""
    from cartelscope.scope import Scope

    return Scope(db, knowledge=knowledge)
