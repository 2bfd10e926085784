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

    def _by_sentence(self, name: str, items: list) -> dict[int, list]:
        key = (name, id(items), len(items))
        index = self.cache.get(key)
        if index is None:
            index = {}
            for x in items:
                index.setdefault(x.sentence, []).append(x)
            self.cache[key] = index
        return index

    def actors_in(self, i: int, include_examples: bool = False) -> list[ActorRef]:
        refs = self._by_sentence("actors", self.actors).get(i, [])
        return refs if include_examples else [a for a in refs if not a.example]

    def places_in(self, i: int) -> list[PlaceRef]:
        return self._by_sentence("places", self.places).get(i, [])
