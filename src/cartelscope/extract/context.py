"""Per-document working state shared by the extraction steps."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from cartelscope.extract.sentences import Sentence
from cartelscope.extract.textmatch import Match
from cartelscope.knowledge import KnowledgePack
from cartelscope.model import Place

_NONE: list = []  # the empty answer of DocContext.of(); never appended to


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
    by_category: list[dict[str, list[Match]]] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    dominant_state: str | None = None
    pub_text: str | None = None  # a publication date printed in the article's header, if any
    cache: dict = field(default_factory=dict)
    backward: str = ""  # the folded text reversed, for patterns matched backwards (see backward.py)

    def __post_init__(self) -> None:
        if not self.backward:
            self.backward = self.folded[::-1]

    def sentence_of(self, pos: int) -> int:
        starts = self.cache.get("starts")
        if starts is None:
            starts = self.cache["starts"] = [s.start for s in self.sentences]
        return max(bisect_right(starts, pos) - 1, 0)

    def index_matches(self) -> None:
        """File every match under its sentence, and under its category within the sentence, in
        one walk (matches and sentences are both sorted by start); the steps then look up "the
        triggers of sentence i" instead of scanning all its matches again."""
        self.by_sentence = [[] for _ in self.sentences]
        self.by_category = [{} for _ in self.sentences]
        if not self.sentences:
            return
        starts = [s.start for s in self.sentences]
        k, last = 0, len(starts) - 1
        for m in self.matches:
            while k < last and starts[k + 1] <= m.start:
                k += 1
            self.by_sentence[k].append(m)
            cats = self.by_category[k]
            bucket = cats.get(m.category)
            if bucket is None:
                cats[m.category] = [m]
            else:
                bucket.append(m)

    def of(self, i: int, category: str) -> list[Match]:
        """Matches of ``category`` in sentence ``i``, in text order (shared: do not modify)."""
        return self.by_category[i].get(category, _NONE)

    def usable(self, i: int, category: str) -> list[Match]:
        """Like :meth:`of`, keeping only phrases of the document's language (or of any)."""
        ms = self.by_category[i].get(category)
        if not ms:
            return _NONE
        if self.lang == "other":
            return ms
        lang = self.lang
        return [m for m in ms if m.entry.lang is None or m.entry.lang == lang]

    def in_sentence(self, i: int, category: str, key: str | None = None) -> list[Match]:
        return [m for m in self.by_sentence[i] if m.category == category and (key is None or m.key == key)]

    def has(self, i: int, category: str, key: str | None = None) -> bool:
        return any(m.category == category and (key is None or m.key == key) for m in self.by_sentence[i])

    def _by_sentence(self, name: str, items: list) -> tuple[list, int, dict[int, list], dict[int, list]]:
        """``items`` (actor or place refs) filed by sentence; rebuilt if the list was replaced
        or has grown since."""
        hit = self.cache.get(name)
        if hit is None or hit[0] is not items or hit[1] != len(items):
            index: dict[int, list] = {}
            for x in items:
                index.setdefault(x.sentence, []).append(x)
            hit = self.cache[name] = (items, len(items), index, {})
        return hit

    def actors_in(self, i: int, include_examples: bool = False) -> list[ActorRef]:
        _, _, index, acting = self._by_sentence("actors", self.actors)
        refs = index.get(i, _NONE)
        if include_examples or not refs:
            return refs
        out = acting.get(i)
        if out is None:
            out = acting[i] = [a for a in refs if not a.example]
        return out

    def places_in(self, i: int) -> list[PlaceRef]:
        return self._by_sentence("places", self.places)[2].get(i, _NONE)
