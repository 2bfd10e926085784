"""Settings, declared once: name, default, help. Each is read from ``CARTELSCOPE_<NAME>``.

The README's settings table is generated from :data:`SETTINGS`, and a test checks that every
setting is documented.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable

from cartelscope.errors import ConfigError


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
            raise ConfigError(f"{self.env}={raw!r}: {exc}") from None


def _positive(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse(raw: str):
        value = kind(raw)
        if value <= 0:
            raise ValueError("must be greater than 0")
        return value

    return parse


def _nonnegative_int(raw: str) -> int:
    value = int(raw)
    if value < 0:
        raise ValueError("must be 0 or more")
    return value


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
        Setting("sqlite_busy_timeout", 5.0, "Seconds to wait for a SQLite file locked by another process.",
                _positive(float)),
        Setting("knowledge", None, "Folder of user knowledge files that extend or override the bundled pack."),
        Setting("extractor", None, "Extraction backend: unset or 'rules' for the bundled rules, or "
                "'package.module:factory' for one you installed (docs/extraction.md, Backends)."),
        Setting("fetch_timeout", 20.0, "Seconds allowed for each HTTP request, body included.", _positive(float)),
        Setting("fetch_max_bytes", 10 * 1024 * 1024, "Largest HTTP response body accepted, in bytes.", _positive(int)),
        Setting("fetch_max_redirects", 5, "Redirects followed per URL; each hop is checked again.", _nonnegative_int),
        Setting("max_file_bytes", 20 * 1024 * 1024, "Largest local file, JSON line or article text ingested, in bytes.", _positive(int)),
        Setting("user_agent", "cartelscope/0.1 (+https://example.org/cartelscope)", "User-Agent header for fetches."),
        Setting("allow_private", False, "Allow fetching private, loopback and link-local addresses.", _bool),
        Setting("api_token", None, "Bearer token that enables the API's write endpoints."),
    ]
}


def get(name: str) -> Any:
    """Current value of a setting (environment first, then default); ConfigError if unusable."""
    return SETTINGS[name].value()
