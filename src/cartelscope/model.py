"""Records that flow through the pipeline: documents in, extractions out.

These are plain dataclasses so extraction stays pure: it takes text and returns records, and
runs the same in a test, the CLI, a server or a Dask worker.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Document:
    """One article as ingested. ``id`` is derived from the text's SHA-256."""

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    lang: str = "other"
    sha256: str = ""
    origin: str | None = None

    @property
    def id(self) -> str:
        return "doc-" + self.sha256[:16]


@dataclass(slots=True)
class Evidence:
    """A sentence that supports a fact: its text and character span in the document."""

    sentence: str
    start: int
    end: int
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "char_span": [self.start, self.end], "rule": self.rule}


@dataclass(slots=True)
class ActorMention:
    """An actor the document presents as taking part, with every span that names it."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    surface: list[str] = field(default_factory=list)
    known: bool = True

    @property
    def score_kind(self) -> str:
        """The scorer's coarse kind: group, state_force or person."""
        if self.kind == "state_force":
            return "state_force"
        if self.kind == "person":
            return "person"
        if self.kind == "self_defense":
            return "state_force"
        return "group"


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place with its administrative units and how precise it is. Frozen: the
    extractor makes one per gazetteer entry and shares it among every mention and event."""

    name: str
    kind: str  # state | municipality | locality | foreign | region
    state: str | None = None
    municipality: str | None = None
    municipality_code: str | None = None
    country: str | None = "MX"  # None: a place abroad whose country the gazetteer lacks
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 3  # ACLED: 1 exact place, 2 near/municipality, 3 state/region
    place_id: str | None = None


@dataclass(slots=True)
class ExtractedEvent:
    event_type: str
    sub_event_type: str
    actors: list[str] = field(default_factory=list)
    actor1: str | None = None
    actor2: str | None = None
    assoc_actors: list[str] = field(default_factory=list)
    place: Place | None = None
    date: str | None = None
    date_precision: int | None = None
    fatalities: int | None = None
    tactics: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    certainty: str = "asserted"
    attribution: str | None = None
    civilian_targeting: bool = False
    summary: str = ""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class ExtractedRelation:
    kind: str
    a: str
    b: str
    certainty: str = "asserted"
    valid_from: str | None = None
    valid_to: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Candidate:
    """An unknown group name seen in text ("Los X", "Cártel de Y")."""

    name: str
    normalized: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    sentence: str = ""


@dataclass
class Extraction:
    """Everything extracted from one document."""

    lang: str
    pub_date: str | None = None
    actors: list[ActorMention] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    events: list[ExtractedEvent] = field(default_factory=list)
    relations: list[ExtractedRelation] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    hedged: bool = False
    extractor_version: str = ""

    def actor_name(self, actor_id: str) -> str:
        for a in self.actors:
            if a.id == actor_id:
                return a.name
        return actor_id

    def to_record(self, doc: str) -> dict[str, Any]:
        """The JSON object ``cartelscope extract`` prints: score.py's format plus evidence."""
        name = self.actor_name

        def place_fields(p: Place | None) -> dict[str, Any]:
            if p is None:
                return {"state": None, "place": None, "country": None, "lat": None, "lon": None,
                        "geo_precision": None}
            return {"state": p.state, "place": p.municipality or (p.name if p.kind != "state" else None),
                    "country": p.country, "lat": p.lat, "lon": p.lon, "geo_precision": p.geo_precision,
                    "municipality_code": p.municipality_code}

        return {
            "doc": doc,
            "lang": self.lang,
            "pub_date": self.pub_date,
            "extractor_version": self.extractor_version,
            "hedged": self.hedged,
            "actors": [
                {"id": a.id, "name": a.name, "aliases": a.aliases, "kind": a.score_kind,
                 "actor_kind": a.kind, "mentions": [list(s) for s in a.spans], "surface": a.surface}
                for a in self.actors
            ],
            "states": list(self.states),
            "events": [
                {
                    "event_type": e.event_type,
                    "sub_event_type": e.sub_event_type,
                    "actors": [name(a) for a in e.actors],
                    "actor_ids": list(e.actors),
                    "actor1": e.actor1,
                    "actor2": e.actor2,
                    **place_fields(e.place),
                    "date": e.date,
                    "date_precision": e.date_precision,
                    "fatalities": e.fatalities,
                    "tactics": e.tactics,
                    "tags": e.tags,
                    "certainty": e.certainty,
                    "attribution": e.attribution,
                    "summary": e.summary,
                    "evidence": [ev.to_dict() for ev in e.evidence],
                }
                for e in self.events
            ],
            "relations": [
                {"type": r.kind, "a": name(r.a), "b": name(r.b), "a_id": r.a, "b_id": r.b,
                 "certainty": r.certainty, "valid_from": r.valid_from, "valid_to": r.valid_to,
                 "evidence": [ev.to_dict() for ev in r.evidence]}
                for r in self.relations
            ],
            "candidates": [{"name": c.name, "mentions": len(c.spans), "sentence": c.sentence}
                           for c in self.candidates],
        }


def as_dict(obj: Any) -> dict[str, Any]:
    return asdict(obj)
