"""REST API and web dashboard (FastAPI). ``create_app(db)`` builds the application."""
from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    # imported lazily so that every CLI command does not pay for importing FastAPI
    if name == "create_app":
        from cartelscope.api.app import create_app

        return create_app
    raise AttributeError(name)
