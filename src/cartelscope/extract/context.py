"""Per-document working state shared by the extraction steps."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from cartelscope.extract.sentences import Sentence
from cartelscope.extract.textmatch import Match
from cartelscope.knowledge import KnowledgePack
from cartelscope.model import Place


@dataclass
class ActorRef:
    """One mention of a known actor in the text."""

    start: int
    end: int
    actor_id: str
    sentence: int
    surface: str
    via: str = "alias"  # alias | coref | coordination
    example: bool = False


@dataclass
class PlaceRef:
    start: int
    end: int
    place: Place
    sentence: int
    surface: str
    explicit_state: bool = False
    bordering: bool = False  # "near the border with Jalisco": a reference point, not the location


@dataclass
class DocContext:
    text: str
    folded: str
    lang: str
    pub: date | None
    pack: KnowledgePack
    sentences: list[Sentence]
    matches: list[Match]
    by_sentence: list[list[Match]] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    dominant_state: str | None = None
    cache: dict = field(default_factory=dict)

    def sentence_of(self, pos: int) -> int:
        starts = self.cache.get("starts")
        if starts is None:
            starts = self.cache["starts"] = [s.start for s in self.sentences]
        return max(bisect_right(starts, pos) - 1, 0)

    def in_sentence(self, i: int, category: str, key: str | None = None) -> list[Match]:
        return [m for m in self.by_sentence[i] if m.category == category and (key is None or m.key == key)]

    def has(self, i: int, category: str, key: str | None = None) -> bool:
        return any(m.category == category and (key is None or m.key == key) for m in self.by_sentence[i])

    def actors_in(self, i: int, include_examples: bool = False) -> list[ActorRef]:
        return [a for a in self.actors if a.sentence == i and (include_examples or not a.example)]

    def places_in(self, i: int) -> list[PlaceRef]:
        return [p for p in self.places if p.sentence == i]
