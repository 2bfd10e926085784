"""Per-document working state shared by the extraction steps."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, Callable, Final, TypeVar

from cartelscope.extract.sentences import Sentence
from cartelscope.extract.textmatch import Match, first_after
from cartelscope.knowledge import KnowledgePack
from cartelscope.knowledge.models import Actor
from cartelscope.model import Place

if TYPE_CHECKING:
    from cartelscope.extract.dates import DateMention

T = TypeVar("T")
_NONE: Final[list] = []  # the empty answer of DocContext.of(); never appended to


class ActorRef:
    """One mention of a known actor in the text.

    A plain class with slots rather than a dataclass: compiled, a dataclass keeps the
    interpreted ``__init__`` its decorator writes, and some twenty refs are made per article.
    Equality is by value, as a dataclass's."""

    __slots__ = ("start", "end", "actor_id", "sentence", "surface", "via", "example")

    def __init__(self, start: int, end: int, actor_id: str, sentence: int, surface: str,
                 via: str = "alias", example: bool = False):
        self.start = start
        self.end = end
        self.actor_id = actor_id
        self.sentence = sentence
        self.surface = surface
        self.via = via  # alias | coref | coordination | loyalty ("the faction loyal to El Mayo")
        self.example = example

    def _fields(self) -> tuple:
        return (self.start, self.end, self.actor_id, self.sentence, self.surface, self.via, self.example)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ActorRef) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return (f"ActorRef(start={self.start!r}, end={self.end!r}, actor_id={self.actor_id!r}, "
                f"sentence={self.sentence!r}, surface={self.surface!r}, via={self.via!r}, example={self.example!r})")


class PlaceRef:
    """One mention of a resolved place in the text.

    A plain class with slots, as :class:`ActorRef`: compiled, its fields are read as C struct
    members (a named tuple's are looked up by name). Equal and hashed by value."""

    __slots__ = ("start", "end", "place", "sentence", "surface", "explicit_state", "bordering")

    def __init__(self, start: int, end: int, place: Place, sentence: int, surface: str,
                 explicit_state: bool = False, bordering: bool = False):
        self.start = start
        self.end = end
        self.place = place
        self.sentence = sentence
        self.surface = surface
        self.explicit_state = explicit_state
        self.bordering = bordering  # "near the border with Jalisco": a reference point, not the location

    def _fields(self) -> tuple:
        return (self.start, self.end, self.place, self.sentence, self.surface, self.explicit_state, self.bordering)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlaceRef) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (f"PlaceRef(start={self.start!r}, end={self.end!r}, place={self.place!r}, sentence={self.sentence!r}, "
                f"surface={self.surface!r}, explicit_state={self.explicit_state!r}, bordering={self.bordering!r})")


def place_ref(start: int, end: int, place: Place, sentence: int, surface: str, explicit_state: bool = False,
              bordering: bool = False) -> PlaceRef:
    """A new :class:`PlaceRef` (the name the rules have long made them by)."""
    return PlaceRef(start, end, place, sentence, surface, explicit_state, bordering)


class KnownActor:
    """What the rules read of a knowledge-pack actor, copied into a compiled class once per
    pack (see :func:`known_actors`): the pack's entries are pydantic models, and reading their
    attributes goes through interpreted machinery, hundreds of times per article."""

    __slots__ = ("id", "name", "kind", "parent", "country", "states", "members")

    def __init__(self, actor: Actor):
        self.id: str = actor.id
        self.name: str = actor.name
        self.kind: str = actor.kind
        self.parent: str | None = actor.parent
        self.country: str | None = actor.country
        self.states: list[str] = actor.states  # the pack's own lists: read, never changed
        self.members: list[str] = actor.members


def known_actors(pack: KnowledgePack) -> dict[str, KnownActor]:
    """Every actor of ``pack`` as a :class:`KnownActor`, by id (built once per pack)."""
    return per_pack(_KNOWN_ACTORS, pack, _known_actors)


def _known_actors(pack: KnowledgePack) -> dict[str, KnownActor]:
    return {actor_id: KnownActor(actor) for actor_id, actor in pack.actors.items()}


_KNOWN_ACTORS: Final[dict[int, tuple]] = {}
_START: Final = attrgetter("start")


@dataclass
class DocContext:
    text: str
    folded: str
    lang: str
    pub: date | None
    pack: KnowledgePack
    sentences: list[Sentence]
    matches: list[Match]
    by_category: list[dict[str, list[Match]]] = field(default_factory=list)
    dominant_state: str | None = None
    pub_text: str | None = None  # a publication date printed in the article's header, if any
    cache: dict = field(default_factory=dict)
    backward: str = ""  # the folded text reversed, for patterns matched backwards (see backward.py)
    # every match of a category in the document (gathered when first asked for), and the
    # actor, place and ambiguous-name matches together (filed by index_matches), in text order
    in_document: dict[str, list[Match]] = field(default_factory=dict)
    names: list[Match] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.known: dict[str, KnownActor] = known_actors(self.pack)  # the pack's actors, by id
        if not self.backward:
            self.backward = self.folded[::-1]
        self._starts = [s.start for s in self.sentences]
        self._actors: list[ActorRef] = []
        self._places: list[PlaceRef] = []
        self._actors_at: dict[int, list[ActorRef]] = {}
        self._acting_at: dict[int, list[ActorRef]] = {}
        self._places_at: dict[int, list[PlaceRef]] = {}
        self._in_sentence: dict[int, list[Match]] = {}
        self._cues_of: dict[str, list[list[Match]]] | None = None

    def sentence_of(self, pos: int) -> int:
        i = first_after(self._starts, pos) - 1
        return i if i > 0 else 0

    def index_matches(self) -> None:
        """File every match under its category, within its sentence and within the document, in
        one walk (matches and sentences are both sorted by start); the steps then look up "the
        triggers of sentence i" instead of scanning all matches again. This loop runs for every
        match of every article, so it does as little as it can per match."""
        self.by_category = [{} for _ in self.sentences]
        self.in_document = {}
        self.names = names = []
        self._in_sentence = {}
        self._cues_of = None
        if not self.sentences:
            return
        starts = self._starts
        k, last = 0, len(starts) - 1
        following = starts[1] if last else len(self.text) + 1  # where the next sentence starts
        cats = self.by_category[0]
        for m in self.matches:
            if m.start >= following:
                while k < last and starts[k + 1] <= m.start:
                    k += 1
                following = starts[k + 1] if k < last else len(self.text) + 1
                cats = self.by_category[k]
            m.sentence = k
            category = m.category
            bucket = cats.get(category)
            if bucket is None:
                cats[category] = [m]
            else:
                bucket.append(m)
            # the categories of names, settled against each other before anything reads them
            # (compared as literals: compiled, cheaper than a set lookup)
            if category == "actor" or category == "place" or category == "ambiguous":
                names.append(m)

    def in_sentence(self, i: int) -> list[Match]:
        """Every match of sentence ``i``, in text order."""
        found = self._in_sentence.get(i)
        if found is None:
            matches = self.matches
            lo = bisect_left(matches, self._starts[i], key=_START)
            hi = bisect_left(matches, self._starts[i + 1], key=_START) if i + 1 < len(self._starts) else len(matches)
            found = self._in_sentence[i] = matches[lo:hi]
        return found

    def sentences_with(self, category: str, other: str | None = None) -> list[int]:
        """The sentences holding a match of ``category`` (or of ``other``), in order."""
        if other is None:
            return [i for i, cats in enumerate(self.by_category) if category in cats]
        return [i for i, cats in enumerate(self.by_category) if category in cats or other in cats]

    def sentences_naming_actors(self) -> list[int]:
        """The sentences that name an actor (examples included), in order."""
        return sorted(self._actors_at)

    def sentences_naming_places(self) -> list[int]:
        """The sentences that name a resolved place, in order."""
        return sorted(self._places_at)

    def of(self, i: int, category: str) -> list[Match]:
        """Matches of ``category`` in sentence ``i``, in text order (shared: do not modify)."""
        return self.by_category[i].get(category, _NONE)

    def cues(self, i: int, key: str) -> list[Match]:
        """Sentence ``i``'s cues of the list ``key`` ("causes", "blame"), of any language, in
        text order (shared: do not modify)."""
        by_sentence = self._cue_lists().get(key)
        return _NONE if by_sentence is None else by_sentence[i]

    def sentences_with_cue(self, key: str) -> list[int]:
        """The sentences holding a cue of the list ``key``, in order."""
        by_sentence = self._cue_lists().get(key)
        return [] if by_sentence is None else [i for i, cues in enumerate(by_sentence) if cues]

    def _cue_lists(self) -> dict[str, list[list[Match]]]:
        """Every cue of the document filed by list and then by sentence (a list indexed by
        sentence, the shared empty list where a sentence has none), in one pass when first asked."""
        lists = self._cues_of
        if lists is None:
            lists = self._cues_of = {}
            n = len(self.sentences)
            for i, cats in enumerate(self.by_category):
                cues = cats.get("cue")
                if cues is None:
                    continue
                for m in cues:
                    by_sentence = lists.get(m.key)
                    if by_sentence is None:
                        by_sentence = lists[m.key] = [_NONE] * n
                    found = by_sentence[i]
                    if found is _NONE:
                        by_sentence[i] = [m]
                    else:
                        found.append(m)
        return lists

    def all_of(self, category: str) -> list[Match]:
        """Matches of ``category`` in the whole document, in text order (shared: do not modify)."""
        found = self.in_document.get(category)
        if found is None:
            found = self.in_document[category] = [m for cats in self.by_category for m in cats.get(category, _NONE)]
        return found

    def usable(self, i: int, category: str) -> list[Match]:
        """Like :meth:`of`, keeping only phrases of the document's language (or of any)."""
        ms = self.by_category[i].get(category)
        if not ms:
            return _NONE
        if self.lang == "other":
            return ms
        lang = self.lang
        return [m for m in ms if m.entry.lang is None or m.entry.lang == lang]

    @property
    def actors(self) -> list[ActorRef]:
        """Every mention of a known actor; assigning it files them by sentence."""
        return self._actors

    @actors.setter
    def actors(self, refs: list[ActorRef]) -> None:
        self._actors = refs
        self._acting_at = {}
        filed: dict[int, list[ActorRef]] = {}
        for ref in refs:
            found = filed.get(ref.sentence)
            if found is None:
                filed[ref.sentence] = [ref]
            else:
                found.append(ref)
        self._actors_at = filed

    @property
    def places(self) -> list[PlaceRef]:
        """Every resolved place mention; assigning it files them by sentence."""
        return self._places

    @places.setter
    def places(self, refs: list[PlaceRef]) -> None:
        self._places = refs
        filed: dict[int, list[PlaceRef]] = {}
        for ref in refs:  # (as for actors: typed, each ref's sentence is read natively)
            found = filed.get(ref.sentence)
            if found is None:
                filed[ref.sentence] = [ref]
            else:
                found.append(ref)
        self._places_at = filed

    def actors_in(self, i: int, include_examples: bool = False) -> list[ActorRef]:
        refs = self._actors_at.get(i, _NONE)
        if include_examples or not refs:
            return refs
        out = self._acting_at.get(i)
        if out is None:
            out = self._acting_at[i] = [a for a in refs if not a.example]
        return out

    def places_in(self, i: int) -> list[PlaceRef]:
        return self._places_at.get(i, _NONE)


def per_pack(table: dict[int, tuple], pack: KnowledgePack, build: Callable[[KnowledgePack], T]) -> T:
    """``build(pack)``, worked out once per knowledge pack and kept in ``table`` (keyed by the
    pack's identity; a new pack that reuses a freed one's address is built afresh)."""
    hit = table.get(id(pack))
    if hit is None or hit[0] is not pack:
        hit = table[id(pack)] = (pack, build(pack))
    return hit[1]


# what within() filters: typed, so that callers' loops read the refs' attributes natively
_Spanned = TypeVar("_Spanned", Match, ActorRef, PlaceRef, "DateMention")


def within(items: list[_Spanned], span: tuple[int, int] | None) -> list[_Spanned]:
    """The matches or refs of ``items`` that start inside ``span`` (one clause of a sentence);
    all of them when there is no span."""
    if span is None:
        return items
    lo, hi = span
    return [x for x in items if lo <= x.start < hi]
