"""CLI commands of this package, registered on the main app by :func:`register`."""
from __future__ import annotations


def register(app) -> None:
    """Add this package's commands to the Typer app (none yet)."""
