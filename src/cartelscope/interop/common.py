"""Shared pieces of the importers and exporters: dataset CSV reading, the ACLED codebook tables,
date and precision mappings, and name resolution against the knowledge pack.

Both importers turn a dataset row into an :class:`ImportedEvent`; the writer in
:mod:`cartelscope.interop.writer` stores them in bulk. Row problems raise :class:`RowError`,
which the importers report as ``FILE:LINE: message`` and skip, so one bad row loses nothing.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from cartelscope.errors import CartelscopeError
from cartelscope.knowledge.normalize import norm


class InteropError(CartelscopeError):
    """A file cannot be imported or an export cannot be written (one line for the user)."""


class RowError(ValueError):
    """One dataset row is malformed; the importer reports it and goes on."""


# -- ACLED codebook --------------------------------------------------------------------------
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]
INTER_CODES = {
    "State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
    "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other forces": 8,
}
INTER_NAMES = {v: k for k, v in INTER_CODES.items()}
ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Air/drone strike", "Grenade", "Remote explosive/landmine/IED",
                                   "Shelling/artillery/missile attack", "Suicide bomb"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
}
DISORDER_TYPES = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Riots": "Political violence",
    "Protests": "Demonstrations", "Strategic developments": "Strategic developments",
}
KIND_FOR_INTER = {1: "state_force", 2: "armed_group", 3: "armed_group", 4: "self_defense", 5: "rioters",
                  6: "protesters", 8: "foreign_group"}
MEXICO_ISO_NUMERIC = 484


def inter_code(acled_type: str | None, kind: str | None) -> int:
    """ACLED inter code of an actor: from its ``acled_type``, else its kind (non-state groups: 3)."""
    if acled_type in INTER_CODES:
        return INTER_CODES[acled_type]
    if kind == "state_force":
        return 1
    if kind == "self_defense":
        return 4
    return 3


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction: the two inter codes, lower first; a lone actor gives 10, 20..."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


# -- precision and dates ---------------------------------------------------------------------
UCDP_WHERE_TO_GEO = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3}
GEO_TO_UCDP_WHERE = {1: 1, 2: 3, 3: 4}
UCDP_DATE_TO_TIME = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
TIME_TO_UCDP_DATE = {1: 1, 2: 3, 3: 4}
GEO_PRECISION_LABEL = {1: "exact place", 2: "near place or municipality", 3: "state or wider area"}


def iso_date(value: str, what: str = "date") -> str:
    """A YYYY-MM-DD date from ISO or ACLED's "02 January 2024" form; RowError otherwise."""
    value = (value or "").strip()
    if not value:
        raise RowError(f"{what} is empty")
    for parse in (date.fromisoformat, _long_date):
        try:
            return parse(value[:10] if parse is date.fromisoformat else value).isoformat()
        except ValueError:
            continue
    raise RowError(f"{what} {value!r} is not a date (YYYY-MM-DD or 'DD Month YYYY')")


def _long_date(value: str) -> date:
    from datetime import datetime

    for fmt in ("%d %B %Y", "%d-%b-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


def full_date(partial: str | None) -> tuple[str | None, bool]:
    """A whole date for formats that need one (ACLED's mid-month rule); second item: was padded."""
    if not partial:
        return None, False
    if len(partial) == 7:
        return f"{partial}-15", True
    if len(partial) == 4:
        return f"{partial}-07-01", True
    return partial, False


def to_int(value: str | None, what: str, *, default: int | None = None) -> int | None:
    value = (value or "").strip()
    if not value:
        return default
    try:
        return int(float(value)) if "." in value else int(value)
    except ValueError:
        raise RowError(f"{what} {value!r} is not a whole number") from None


def to_coord(value: str | None, what: str, limit: float) -> float | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        x = float(value)
    except ValueError:
        raise RowError(f"{what} {value!r} is not a number") from None
    if not -limit <= x <= limit:
        raise RowError(f"{what} {x} is out of range")
    return x


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-")[:60] or "unnamed"


# -- reading dataset CSVs --------------------------------------------------------------------
def read_rows(path: str | Path, required: list[str], dataset: str) -> Iterator[tuple[int, dict]]:
    """(line number, row) pairs of a dataset CSV; one clear error if the file or header is wrong."""
    p = Path(path)
    if not p.is_file():
        raise InteropError(f"{path}: no such file")
    try:
        handle = p.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InteropError(f"{path}: cannot read ({exc.strerror})") from None
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames or []
        except (UnicodeDecodeError, csv.Error) as exc:
            raise InteropError(f"{path}: not a readable CSV file ({exc})") from None
        missing = [c for c in required if c not in header]
        if missing:
            raise InteropError(f"{path}: not a {dataset} CSV: missing column(s) {', '.join(missing)}")
        start = reader.line_num + 1
        try:
            for row in reader:
                yield start, row
                start = reader.line_num + 1
        except (UnicodeDecodeError, csv.Error) as exc:
            raise InteropError(f"{path}:{start}: unreadable CSV ({exc})") from None


# -- resolution against the knowledge pack ----------------------------------------------------
@dataclass
class Places:
    """Resolves dataset state and municipality spellings to ISO codes and INEGI municipalities."""

    pack: Any
    _state_cache: dict = field(default_factory=dict)
    _muni: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        for mu in self.pack.municipalities.values():
            for n in {mu.name, *mu.variants}:
                self._muni.setdefault((mu.state_iso, norm(n)), []).append(mu)

    def state(self, name: str | None) -> str | None:
        name = (name or "").strip()
        if not name:
            return None
        if name not in self._state_cache:
            self._state_cache[name] = self.pack.resolve_state(name)
        return self._state_cache[name]

    def state_name(self, iso: str | None) -> str:
        s = self.pack.states.get(iso) if iso else None
        return s.name if s else ""

    def municipality(self, state_iso: str | None, name: str | None, lat=None, lon=None):
        """The municipality of that name in that state (nearest to lat/lon if several), or None."""
        if not state_iso or not name:
            return None
        hits = self._muni.get((state_iso, norm(name)))
        if not hits:
            return None
        if len(hits) > 1 and lat is not None and lon is not None:
            return min(hits, key=lambda m: ((m.lat or 0) - lat) ** 2 + ((m.lon or 0) - lon) ** 2)
        return hits[0]


@dataclass
class ImportedEvent:
    """One dataset row mapped onto the store's tables, before writing."""

    values: dict
    roles: list[tuple[str, str]]
    source: dict
    new_actors: dict[str, dict] = field(default_factory=dict)


_PAREN_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")


class Actors:
    """Maps dataset actor names to knowledge-pack actors, or to new ``dataset`` actors.

    UCDP spellings are matched exactly through the pack's ``aliases.ucdp`` lists first, then any
    pack name or alias. Names the pack does not know become actors with id ``<prefix>-<slug>`` and
    origin ``dataset``, so they are stored once and never mistaken for curated ones.
    """

    def __init__(self, pack: Any, prefix: str):
        self.pack = pack
        self.prefix = prefix
        self.ucdp = {u: a.id for a in pack.actors.values() for u in a.aliases.ucdp}
        self._cache: dict[str, str | None] = {}

    def resolve(self, name: str) -> str | None:
        """Pack actor id for a dataset name; ACLED's period and country suffixes, as in
        "Military Forces of Mexico (2018-2024)", are tried without them too."""
        if name not in self._cache:
            bare = _PAREN_SUFFIX.sub("", name)
            self._cache[name] = self.ucdp.get(name) or self.pack.resolve_actor(name) or \
                (self.pack.resolve_actor(bare) if bare != name else None)
        return self._cache[name]

    def members(self, actor_id: str) -> list[str]:
        a = self.pack.actors.get(actor_id)
        return list(a.members) if a is not None and a.kind == "coalition" else []

    def row(self, actor_id: str) -> dict:
        """Actor-table values for a pack actor."""
        a = self.pack.actors[actor_id]
        return {"name": a.name, "kind": a.kind, "parent": a.parent, "parent_relation": a.parent_relation,
                "country": a.country, "acled_type": a.acled_type,
                "aliases": sorted({alias for alias, _ in a.aliases.all()})}

    def get(self, name: str, *, kind: str = "unknown", acled_type: str | None = None) -> tuple[str, dict]:
        """(actor id, new-actor rows to upsert) for a dataset name: the pack actor and coalition
        members when known, else a dataset actor."""
        actor_id = self.resolve(name)
        if actor_id is None:
            actor_id = f"{self.prefix}-{slug(name)}"
            return actor_id, {actor_id: {"name": name, "kind": kind, "acled_type": acled_type, "aliases": [name]}}
        rows = {actor_id: self.row(actor_id)}
        for member in self.members(actor_id):
            rows[member] = self.row(member)
        return actor_id, rows
