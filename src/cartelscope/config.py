"""Settings, declared once: name, default, help. Each is read from ``CARTELSCOPE_<NAME>``.

The README's settings table is generated from :data:`SETTINGS`, and a test checks that every
setting is documented.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str

    @property
    def env(self) -> str:
        return f"CARTELSCOPE_{self.name.upper()}"

    def value(self) -> Any:
        raw = os.environ.get(self.env)
        if raw is None or raw == "":
            return self.default
        try:
            return self.parse(raw)
        except ValueError as exc:
            raise ValueError(f"{self.env}={raw!r}: {exc}") from None


def _bool(raw: str) -> bool:
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ValueError("expected true or false")


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting("db", "cartelscope.db", "Database: a SQLite path or a postgresql:// URL."),
        Setting("knowledge", None, "Folder of user knowledge files that extend or override the bundled pack."),
        Setting("fetch_timeout", 20.0, "Seconds allowed for each HTTP request.", float),
        Setting("fetch_max_bytes", 10 * 1024 * 1024, "Largest HTTP response body accepted, in bytes.", int),
        Setting("fetch_max_redirects", 5, "Redirects followed per URL; each hop is checked again.", int),
        Setting("max_file_bytes", 20 * 1024 * 1024, "Largest local file ingested, in bytes.", int),
        Setting("user_agent", "cartelscope/0.1 (+https://example.org/cartelscope)", "User-Agent header for fetches."),
        Setting("allow_private", False, "Allow fetching private, loopback and link-local addresses.", _bool),
        Setting("api_token", None, "Bearer token that enables the API's write endpoints."),
    ]
}


def get(name: str) -> Any:
    """Current value of a setting (environment first, then default)."""
    return SETTINGS[name].value()
