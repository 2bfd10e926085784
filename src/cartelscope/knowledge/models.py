"""Typed models of the knowledge files. Field names follow docs/knowledge-schema.md."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ActorKind = Literal[
    "cartel", "faction", "cell", "armed_wing", "gang", "self_defense", "state_force",
    "foreign_group", "person", "coalition",
]
ISO_STATE = re.compile(r"^MX-[A-Z]{3}$")
INEGI_MUNICIPALITY = re.compile(r"^\d{5}$")

# ACLED event types and sub-types (DESIGN.md; ACLED codebook), the only ones the codebook may use.
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Air/drone strike", "Grenade", "Remote explosive/landmine/IED",
                                   "Shelling/artillery/missile attack", "Suicide bomb"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
}
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def iso_state(value: str) -> str:
    if not ISO_STATE.match(value):
        raise ValueError(f"state {value!r} is not an ISO 3166-2:MX code like MX-JAL")
    return value


def inegi_municipality(value: str) -> str:
    if not INEGI_MUNICIPALITY.match(value):
        raise ValueError(f"municipality code {value!r} is not a five-digit INEGI code")
    return value


def _date(value):
    if value is None:
        return None
    value = str(value)
    if not PARTIAL_DATE.match(value):
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Aliases(Strict):
    en: list[str] = Field(default_factory=list)
    es: list[str] = Field(default_factory=list)
    acronyms: list[str] = Field(default_factory=list)
    informal: list[str] = Field(default_factory=list)
    misspellings: list[str] = Field(default_factory=list)
    ucdp: list[str] = Field(default_factory=list)

    def all(self) -> list[tuple[str, str]]:
        """(alias, list name) pairs."""
        out = []
        for key in ("en", "es", "acronyms", "informal", "misspellings", "ucdp"):
            out.extend((a, key) for a in getattr(self, key))
        return out


class Lineage(Strict):
    relation: Literal["split_from", "renamed_from", "absorbed_by", "successor_of", "merged_into"]
    actor: str
    date: str | None = None
    _v = field_validator("date", mode="before")(_date)


class Leadership(Strict):
    actor: str
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    _v = field_validator("from_", "to", mode="before")(_date)


class Actor(Strict):
    id: str
    name: str
    kind: ActorKind
    parent: str | None = None
    parent_relation: Literal["faction_of", "armed_wing_of", "cell_of", "member_of"] | None = None
    parent_from: str | None = None
    parent_to: str | None = None
    aliases: Aliases = Field(default_factory=Aliases)
    states: list[str] = Field(default_factory=list)
    active_from: int | None = None
    active_to: int | None = None
    lineage: list[Lineage] = Field(default_factory=list)
    acled_type: str | None = None
    country: str | None = "MX"
    note: str | None = None
    leads: list[Leadership] = Field(default_factory=list)
    members: list[str] = Field(default_factory=list)
    ambiguous: bool = False
    line: int | None = Field(default=None, exclude=True)

    _dates = field_validator("parent_from", "parent_to", mode="before")(_date)

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", v):
            raise ValueError(f"id {v!r} must be a slug: lower-case letters, digits and hyphens")
        return v

    @field_validator("states")
    @classmethod
    def _states(cls, v: list[str]) -> list[str]:
        return [iso_state(s) for s in v]

    def names(self) -> list[tuple[str, str]]:
        return [(self.name, "name"), *self.aliases.all()]


class Candidate(Strict):
    type: Literal["actor", "place"]
    id: str
    when: str | None = None


class Ambiguity(Strict):
    name: str
    candidates: list[Candidate]
    rule: str | None = None
    line: int | None = Field(default=None, exclude=True)


class State(Strict):
    iso: str
    inegi: str
    name: str
    name_en: str | None = None
    variants: list[str] = Field(default_factory=list)
    capital: str | None = None
    lat: float | None = None
    lon: float | None = None
    line: int | None = Field(default=None, exclude=True)

    _iso = field_validator("iso")(lambda v: iso_state(v))


class Municipality(Strict):
    inegi: str
    name: str
    state_iso: str
    lat: float | None = None
    lon: float | None = None
    variants: list[str] = Field(default_factory=list)

    _inegi = field_validator("inegi")(lambda v: inegi_municipality(v))
    _state = field_validator("state_iso")(lambda v: iso_state(v))


@dataclass(slots=True)
class Locality:
    """A GeoNames place. A plain slotted class, not a pydantic model: there are ~17,000 of them
    and the CSV reader validates each row itself (see ``pack._locality``)."""

    id: str
    name: str
    municipality_inegi: str | None
    state_iso: str | None
    lat: float
    lon: float
    population: int = 0
    source: str | None = None

    def model_dump(self) -> dict:
        return asdict(self)


class Region(Strict):
    id: str
    name: str
    variants: list[str] = Field(default_factory=list)
    municipalities: list[str] = Field(default_factory=list)
    states: list[str] = Field(default_factory=list)
    line: int | None = Field(default=None, exclude=True)


class ForeignPlace(Strict):
    id: str
    name: str
    variants: list[str] = Field(default_factory=list)
    country: str | None = None
    kind: str = "city"
    lat: float | None = None
    lon: float | None = None
    line: int | None = Field(default=None, exclude=True)


class Tactic(BaseModel):
    id: str
    label: dict[str, str] = Field(default_factory=dict)
    category: str = "weapon"
    triggers: dict[str, list[str]] = Field(default_factory=dict)
    line: int | None = Field(default=None, exclude=True)


class EventType(BaseModel):
    event_type: str
    sub_event_type: str
    description: str | None = None
    triggers: dict[str, list[str]] = Field(default_factory=dict)
    priority: int = 50
    civilian_targeting: bool = False
    tags: list[str] = Field(default_factory=list)
    line: int | None = Field(default=None, exclude=True)


def check_acled(event_type: str, sub_event_type: str) -> None:
    if sub_event_type not in ACLED_TYPES.get(event_type, ()):
        raise ValueError(f"{event_type!r} / {sub_event_type!r} is not an ACLED event type and sub-type")


class Rule(BaseModel):
    id: str
    description: str | None = None
    requires_all: list[str]
    requires_none: list[str] = Field(default_factory=list)
    event_type: str
    sub_event_type: str
    tags: list[str] = Field(default_factory=list)
    priority: int = 50
    line: int | None = Field(default=None, exclude=True)
    model_config = ConfigDict(extra="allow")
