"""Place mentions resolved to state, municipality and locality, with coordinates and precision.

A name that several places share is settled, in order, by: a state written right after it
("Juárez, Michoacán"), other places and states in the same or the previous sentences, and the
article's dominant state. Places abroad keep their country and never get a Mexican state.
A locality or municipality that stays ambiguous with no such context is dropped rather than
guessed.
"""
from __future__ import annotations

from typing import Final

import re

from cartelscope.extract.backward import EndingAt
from cartelscope.extract.context import DocContext, PlaceRef, per_pack, place_ref
from cartelscope.extract.textmatch import Match, is_at, is_space_at
from cartelscope.knowledge import norm
from cartelscope.knowledge.pack import PlaceRef as IndexRef
from cartelscope.model import Place

_LOCATIVE: Final = EndingAt(
    r"(?:\b(?:in|at|near|outside|from|into|towards?|across|en|cerca de|rumbo a|hacia|desde|"
    r"municipio de|municipality of|city of|ciudad de|town of|village of|poblado de|comunidad de|"
    r"localidad de|colonia|community of|port of|puerto de|capital|alcaldia|alcaldía)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?)$"
)


_GENERIC_HEAD: Final = re.compile(r"(?:estado|state|ciudad|city|municipio|puerto|port)\s", re.IGNORECASE)


def _capitalised(text: str, start: int, end: int) -> bool:
    """The name is written as a name: its first letter is a capital or a digit, or it opens
    with a generic word before a capitalised name ("estado de Jalisco", "state of Michoacán")."""
    code = ord(text[start])
    if code < 128:
        if 65 <= code <= 90 or 48 <= code <= 57:  # A-Z, 0-9: isupper() or isdigit() without a method call
            return True
    elif text[start].isupper() or text[start].isdigit():
        return True
    return bool(_GENERIC_HEAD.match(text, start)) and any(w[:1].isupper() for w in text[start:end].split()[1:])


# one capitalised word right before / right after a name, joined to it by a single space
_NAME_WORD_BEFORE: Final = re.compile(r"(?<![\w.])[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+ $")
_NAME_WORD_AFTER: Final = re.compile(r" [A-ZÁÉÍÓÚÑ][a-záéíóúñü]+\b")


def _inside_personal_name(text: str, start: int, end: int) -> bool:
    """A one-word place name between two capitalised words is part of a person's name
    ("Andrés Manuel López Obrador", "María Guadalupe Hernández"), not a place; except after a
    capitalised preposition or in a title-case line ("Gunmen Kill Five In Culiacán Bar").
    """
    # the cheap tests first: a space and a capital on each side, one word inside
    if start < 2 or text[start - 1] != " " or text[end:end + 1] != " " or not text[end + 1:end + 2].isupper() \
            or " " in text[start:end]:
        return False
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 20), start)
    if before is None or not _NAME_WORD_AFTER.match(text, end):
        return False
    if before.group().strip().lower() in _TITLE_SMALL_WORDS:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    words = [w for w in text[line_start:line_end if line_end >= 0 else len(text)].split() if len(w) > 3]
    return sum(w[0].isupper() for w in words) <= TITLE_CASE_SHARE * len(words)


# words a title-case line capitalises that never start a person's name
_TITLE_SMALL_WORDS: Final = frozenset({"in", "at", "near", "from", "to", "of", "and", "the", "for", "into", "on", "en",
                                "de", "del", "la", "el", "los", "las", "y", "para", "por", "con", "sobre", "hacia"})
TITLE_CASE_SHARE: Final = 0.6  # a line with more capitalised words than this is a title


def candidates(ctx: DocContext, m: Match) -> list[IndexRef]:
    return list(ctx.pack.place_index.get(m.key, []))


class _Name:
    """What the gazetteer says of one place name, independent of the text naming it: its
    readings and the facts about them that resolution asks for every mention. Built once per
    name and knowledge pack (see :func:`_name`)."""

    __slots__ = ("refs", "single_state", "named_state", "all_foreign", "state_ref",
                 "foreign", "mexican", "mexican_states", "best_mexican", "prominent", "_streets",
                 "foreign_beats_mexican", "best_in_state")

    def __init__(self, refs: list[IndexRef]):
        # one pass over the readings, each attribute of a reading read once: a name such as
        # "San Juan" has hundreds of them, and the gazetteer's entries are not native objects
        self.refs = refs
        states: set[str] = set()
        self.state_ref: IndexRef | None = None  # the state itself, when it is among the readings
        self.foreign: list[IndexRef] = []
        self.mexican: list[IndexRef] = []
        self.mexican_states: set[str | None] = set()
        self.best_mexican: IndexRef | None = None  # the first of the best rank (see _rank)
        best_rank: tuple[int, float] | None = None
        # localities of 250,000+ people: "the city of Puebla" when the state is also named
        self.prominent: list[IndexRef] = []
        top_foreign: float | None = None  # the greatest weight of a foreign and of a Mexican reading
        top_mexican: float | None = None
        # for each state, the best Mexican reading in it (the first of the best rank), as
        # (rank, -position among the Mexican readings, reading): a mention weighs only a few states
        self.best_in_state: dict[str, tuple[tuple, int, IndexRef]] = {}
        for r in refs:
            kind, state, weight = r.kind, r.state, r.weight
            if state:
                states.add(state)
            if kind == "foreign":
                self.foreign.append(r)
                if top_foreign is None or weight > top_foreign:
                    top_foreign = weight
                continue
            if kind == "state" and self.state_ref is None:
                self.state_ref = r
            k = len(self.mexican)
            self.mexican.append(r)
            self.mexican_states.add(state)
            rank = (_ORDER.get(kind, 0), weight)
            if best_rank is None or rank > best_rank:
                self.best_mexican, best_rank = r, rank
            if kind == "locality" and weight >= 1.03:
                self.prominent.append(r)
            if top_mexican is None or weight > top_mexican:
                top_mexican = weight
            if state:
                known = self.best_in_state.get(state)
                if known is None or (rank, -k) > known[:2]:
                    self.best_in_state[state] = (rank, -k, r)
        self.single_state = next(iter(states)) if len(states) == 1 else None
        self.named_state = self.state_ref is not None  # a state itself is among the readings
        self.all_foreign = not self.mexican
        self.foreign_beats_mexican = top_foreign is not None and (top_mexican is None or top_foreign >= top_mexican)
        self._streets: _Name | None | bool = False  # see streets(), built when first asked

    def streets(self) -> _Name | None:
        """The readings left when a street word stands before the name ("colonia Guerrero"),
        as a name of their own, or None when there are none."""
        if self._streets is False:
            left = [r for r in self.refs if r.kind not in ("state", "municipality", "foreign")]
            self._streets = _Name(left) if left else None
        return self._streets  # type: ignore[return-value]  # never False once built


class _Tables:
    """One knowledge pack's name readings and the places made so far (see :func:`_name`,
    :func:`to_place`): a native class, so that its tables are read without a lookup."""

    def __init__(self, pack: object) -> None:  # made by per_pack, which hands it the pack
        self.names: dict[str, _Name | None] = {}  # None: the gazetteer has no such name
        self.places: dict[tuple[str, str], Place] = {}  # by (kind, id) of the reading


_TABLES: Final[dict[int, tuple]] = {}


def _tables(pack) -> _Tables:
    return per_pack(_TABLES, pack, _Tables)


def _name(pack, key: str, names: dict[str, _Name | None]) -> _Name | None:
    """The gazetteer's readings of ``key``, or None when it has none; kept in ``names``."""
    if key not in names:
        refs = pack.place_index.get(key)
        names[key] = _Name(list(refs)) if refs else None
    return names[key]


def to_place(ctx: DocContext, ref: IndexRef) -> Place:
    """The place a gazetteer reading stands for; made once per reading and knowledge pack and
    shared (places are frozen)."""
    return _place(ctx.pack, _tables(ctx.pack).places, ref)


def _place(pack, places: dict[tuple[str, str], Place], ref: IndexRef) -> Place:
    key = (ref.kind, ref.id)
    place = places.get(key)
    if place is None:
        place = places[key] = _make_place(pack, ref)
    return place


def _make_place(pack, ref: IndexRef) -> Place:
    if ref.kind == "state":
        return _state(pack, ref.id)
    if ref.kind == "municipality":
        mu = pack.municipalities[ref.id]
        return Place(mu.name, "municipality", state=mu.state_iso, municipality=mu.name,
                     municipality_code=mu.inegi, lat=mu.lat, lon=mu.lon, geo_precision=2, place_id=mu.inegi)
    if ref.kind == "locality":
        loc = _loc_cache(pack)[ref.id]
        home = pack.municipalities.get(loc.municipality_inegi or "")
        return Place(loc.name, "locality", state=loc.state_iso, municipality=home.name if home else None,
                     municipality_code=home.inegi if home else None, lat=loc.lat, lon=loc.lon,
                     geo_precision=1, place_id=f"geonames:{loc.id}")
    if ref.kind == "region":
        r = pack.regions[ref.id]
        return Place(r.name, "region", state=r.states[0] if len(r.states) == 1 else None,
                     geo_precision=3, place_id=f"region:{r.id}")
    f = pack.foreign[ref.id]
    return Place(f.name, "foreign", country=f.country, lat=f.lat, lon=f.lon, geo_precision=2,
                 place_id=f"foreign:{f.id}")


def state_place(ctx: DocContext, iso: str) -> Place:
    """A state as a place: its centroid, ACLED geo precision 3."""
    return to_place(ctx, IndexRef("state", iso, "", iso, "MX"))


def _state(pack, iso: str) -> Place:
    s = pack.states[iso]
    return Place(s.name, "state", state=s.iso, lat=s.lat, lon=s.lon, geo_precision=3, place_id=s.iso)


_SINGLE_STATE: Final[dict[int, tuple]] = {}


def single_state_of_name(pack) -> dict[str, str]:
    """Place name -> the one state its state and municipality readings lie in ("Culiacán",
    "Michoacán"), or the state it names when it is a state's name ("Guerrero", "Tabasco",
    "Hidalgo": municipalities elsewhere share them, but the name is read as the state); other
    names that several states share ("Guadalupe") are left out. Built once per knowledge pack:
    it weighs the dominant state here and tells homonymous groups apart."""
    return per_pack(_SINGLE_STATE, pack, _single_states)


def _single_states(pack) -> dict[str, str]:
    table = {}
    for key, refs in pack.place_index.items():
        named = {r.state for r in refs if r.kind == "state" and r.state}
        states = named or {r.state for r in refs if r.kind == "municipality" and r.state}
        if len(states) == 1:
            table[key] = next(iter(states))
    return table


_LOC_CACHE: Final[dict[int, dict]] = {}


def _loc_cache(pack) -> dict:
    key = id(pack)
    if key not in _LOC_CACHE:
        _LOC_CACHE[key] = {loc.id: loc for loc in pack.localities}
    return _LOC_CACHE[key]


BEFORE_REACH: Final = 40  # characters read before a place name for the words that qualify it


def resolve(ctx: DocContext, place_matches: list[Match]) -> list[PlaceRef]:
    """Resolve place matches (already freed of overlaps with actor names) into PlaceRefs."""
    text = ctx.text
    pack = ctx.pack
    mentions: list[tuple[Match, _Name]] = []
    tables = _tables(pack)
    names = tables.names
    for m in place_matches:
        name = names.get(m.key)
        if name is None:  # not read yet, or no such name
            name = _name(pack, m.key, names)
        if name is None:
            continue
        if not _capitalised(text, m.start, m.end) and not _lowercase_document(ctx) \
                and not _lowercase_paragraph(ctx, m.start):
            continue
        if _inside_personal_name(text, m.start, m.end):
            continue
        mentions.append((m, name))

    # States named anywhere count towards the dominant state; so do unambiguous municipalities.
    # A reference point ("near the border with Jalisco", "bound for Mexico City") counts for neither.
    reference = [_reference_point(ctx, m) for m, _ in mentions]
    state_of = single_state_of_name(pack)
    weight: dict[str, int] = {}
    for (m, name), ref_point in zip(mentions, reference):
        state = state_of.get(m.key)
        if state and not ref_point:
            weight[state] = weight.get(state, 0) + (2 if name.named_state else 1)
    # the heaviest state; among equals the first counted (as Counter.most_common orders them)
    dominant: str | None = None
    heaviest = 0
    for state, w in weight.items():
        if w > heaviest:
            dominant, heaviest = state, w
    ctx.dominant_state = dominant

    sent_idx = [m.sentence for m, _ in mentions]
    # streets and colonias ("calle Morelos", "las colonias Morelos y Guerrero"), read in order:
    # None for a place, True after a street word, False for a later name of the same list
    streets: list[bool | None] = []
    street_until = -1  # end of the last street/colonia name
    for m, _ in mentions:
        if street_until >= 0 and _list_gap(ctx.folded, street_until, m.start):
            street_until = m.end
            streets.append(False)
            continue
        opens = bool(_STREET_BEFORE.before(ctx, m.start, BEFORE_REACH, sliced=True)) and not \
            _PART_OF_TOWN_BEFORE.before(ctx, m.start, BEFORE_REACH, sliced=True) \
            or bool(_ROUTE_BEFORE.before(ctx, m.start, BEFORE_REACH, sliced=True))
        street_until = m.end if opens else -1
        streets.append(True if opens else None)
    # mentions that name a single state, filed by sentence: (mention number, state)
    # (a state's own name counts for it, though municipalities elsewhere share it: "Guerrero")
    single_state: dict[int, list[tuple[int, str]]] = {}
    for j, (_, name) in enumerate(mentions):
        state = name.single_state
        if state is None and name.state_ref is not None and streets[j] is None:
            state = name.state_ref.state
        if state is not None and not reference[j]:
            filed = single_state.get(sent_idx[j])
            if filed is None:
                filed = single_state[sent_idx[j]] = []
            filed.append((j, state))

    around = _Around(single_state, sent_idx)
    resolved: list[PlaceRef] = []
    for idx, (m, name) in enumerate(mentions):
        i = sent_idx[idx]
        if streets[idx] is False:
            continue  # "colonias Guerrero, Morelos y Centro": the list's later names
        street = streets[idx] is True
        if name.all_foreign and (
                _ATTRIBUTIVE.match(ctx.folded, m.end) or _PAIRED_AFTER.match(text, m.end)
                or _ATTRIBUTIVE_BEFORE.before(ctx, m.start, BEFORE_REACH)
                or _PAIRED_BEFORE.search(text, max(0, m.start - 20), m.start)):
            continue  # "U.S. officials", "U.S. and Mexican agents", "US–Mexico ties": who, not where
        explicit = _explicit_state(ctx, m, mentions, idx)
        choice = _choose(ctx, m, name, explicit, street, around, idx)
        if choice is None:
            continue
        resolved.append(place_ref(m.start, m.end, _place(pack, tables.places, choice), i, text[m.start:m.end],
                                 explicit is not None, reference[idx]))
    return _stated_municipalities(ctx, resolved, mentions)


_MUNICIPALITY_OF: Final = re.compile(r"^[^.;:]{0,40}\b(?:municipality of|municipio de|township of|comunidad de|localidad de|"
                              r"poblado de|community (?:of|in)|town in|village in)\s+$")


def _stated_municipalities(ctx: DocContext, resolved: list[PlaceRef], mentions: list[tuple[Match, _Name]]) -> list[PlaceRef]:
    """A town followed by its municipality ("Santa Rosa de Lima, a town in the municipality of
    Villagrán") must lie in it: the namesake in that municipality is taken if the gazetteer has
    one, otherwise the town is dropped and the stated municipality locates the text."""
    out: list[PlaceRef] = []
    for k, ref in enumerate(resolved):
        nxt = resolved[k + 1] if k + 1 < len(resolved) else None
        if (ref.place.kind != "locality" or nxt is None or nxt.place.kind != "municipality"
                or not _MUNICIPALITY_OF.match(ctx.folded[ref.end:nxt.start])
                or ref.place.municipality_code == nxt.place.municipality_code):
            out.append(ref)
            continue
        namesake = [r for r in _readings_at(mentions, ref.start) if r.kind == "locality"
                    and _loc_cache(ctx.pack)[r.id].municipality_inegi == nxt.place.municipality_code]
        if namesake:
            out.append(place_ref(ref.start, ref.end, to_place(ctx, namesake[0]), ref.sentence, ref.surface,
                                ref.explicit_state, ref.bordering))
    return out


def _readings_at(mentions: list[tuple[Match, _Name]], start: int) -> list[IndexRef]:
    """The gazetteer's readings of the name mentioned at ``start`` (looked up only for the
    rare town followed by its municipality)."""
    found: list[IndexRef] = []
    for m, name in mentions:
        if m.start == start:
            found = name.refs  # mentions do not overlap: one at most
    return found


# "near the border with Jalisco": a reference point. "Neighboring Praxedis G. Guerrero" and "el
# vecino estado de Jalisco" are not: they name where the next incident happened.
def _reference_point(ctx: DocContext, m: Match) -> bool:
    """The place is named as a reference, not as where something happened: a border, a
    direction from it, a destination."""
    return _REFERENCE_BEFORE.before(ctx, m.start, BEFORE_REACH) \
        or _followed_by(ctx.folded, m.end, _BORDER_WORDS, _BORDER_AFTER, m.end + 14)


def _followed_by(folded: str, end: int, words: tuple[str, ...], pattern: re.Pattern[str], endpos: int) -> bool:
    """``pattern.match(folded, end, endpos)``, for a pattern whose every match is whitespace and
    then one of ``words``: most names are followed by punctuation or some other word, and are
    answered by this test without a regex call."""
    k = end
    n = len(folded)
    while k < n and is_space_at(folded, k):
        k += 1
    if k == end:
        return False
    for word in words:  # folded.startswith(word, k), compiled without a method call
        if k + len(word) <= n and is_at(folded, k, word):
            return pattern.match(folded, end, endpos) is not None
    return False


_BORDERING: Final = re.compile(r"(?:border with|borders with|bordering|limits? with|line with|"
                        r"(?<!the )(?:north|south|east|west|northeast|northwest|southeast|southwest) of|"
                        r"al (?:norte|sur|oriente|poniente|este|oeste|noreste|noroeste|sureste|suroeste) de|"
                        r"frontera con|limites con|limite con|colindancia con|colinda con|"
                        r"cerca de los limites con|next to)\s+(?:the\s+|el\s+)?(?:state\s+of\s+|el\s+estado\s+de\s+|"
                        r"el\s+vecino\s+estado\s+de\s+)?$")
_ATTRIBUTIVE: Final = re.compile(r"\s+(?:and mexican\s+|and \w+\s+)?(?:officials?|authorities|agents?|prosecutors?|officers?|"
                          r"government|administration|lawmakers|diplomats?|intelligence|military|troops|forces|"
                          r"embassy|ambassador|treasury|justice department|state department|drug enforcement)\b")
# "autoridades de Estados Unidos", "el gobierno de Guatemala": who, not where
_ATTRIBUTIVE_BEFORE: Final = EndingAt(r"\b(?:autoridades|gobierno|funcionarios|agencias|agentes|embajada|embajador|"
                               r"departamento de (?:estado|justicia|defensa)|fiscales|fuerzas armadas|ejercito|"
                               r"militares|tesoro|congreso|presidente|canciller)\s+(?:de|del)\s+(?:los\s+)?$")
# "US–Mexico security", "México-Estados Unidos": a pair of countries names a relationship
_PAIRED_AFTER: Final = re.compile(r"[-–—/][A-ZÁÉÍÓÚ]")
_PAIRED_BEFORE: Final = re.compile(r"[A-Za-zé.][-–—/]$")
# "a plane preparing to depart for Mexico City", "con destino a Tijuana": where it was going
_DESTINATION: Final = re.compile(r"\b(?:depart(?:ing)? for|bound for|headed for|flight to|con destino a|con rumbo a|"
                          r"salida a|salida hacia|carretera a|road to|highway to|exit to)\s+$")
# "the Sonora border": used with match(), anchored after the name (see _followed_by)
_BORDER_WORDS: Final[tuple[str, ...]] = ("border", "state line", "frontera")
_BORDER_AFTER: Final = re.compile(r"\s+(?:" + "|".join(_BORDER_WORDS) + r")\b")
_REFERENCE_BEFORE: Final = EndingAt(f"(?:{_BORDERING.pattern})|(?:{_DESTINATION.pattern})")
_LIST_GAP: Final = re.compile(r"\s*(?:,|y|and|e)\s*|\s*,\s*(?:y|and)\s+")


def _list_gap(folded: str, start: int, end: int) -> bool:
    """``_LIST_GAP.fullmatch(folded[start:end])``: the names either side are of one list
    ("colonias Morelos y Guerrero"). Every match opens, past whitespace, with a comma, "y",
    "and" or "e"; most gaps after a street name are words that fail that at once."""
    gap = folded[start:end].strip()
    if not gap or gap[0] not in ",yae":
        return False
    return _LIST_GAP.fullmatch(folded[start:end]) is not None
_STREET_BEFORE: Final = EndingAt(r"\b(?:colonias?|col\.|fraccionamiento|barrio|calle|avenida|av\.|boulevard|bulevar|bulevard|blvd\.?|"
                            r"periferico|libramiento|glorieta|paseo|"
                            r"carretera|autopista|neighborhood|street|avenue|plaza|mercado|calzada|unidad habitacional|puente|garita|"
                            r"sindicatura|tenencia|ejido|rancheria)\s+(?:de\s+|las\s+|los\s+|la\s+|el\s+)?$")
# "una colonia de Tula de Allende": a neighbourhood of the town named, not one called so; and the
# second city of a route ("la autopista México-Querétaro, a la altura de Tula")
_PART_OF_TOWN_BEFORE: Final = EndingAt(r"\b(?:una|un|otra|otro|varias|varios)\s+(?:colonias?|barrios?|fraccionamientos?|calles?)\s+"
                                r"(?:de|del)\s+$")
_ROUTE_BEFORE: Final = EndingAt(r"\b(?:carretera|autopista|highway|tramo)\s+(?:federal\s+)?[a-z]+\s+$")
_STREET_WORDS: Final[tuple[str, ...]] = ("neighborhood", "neighbourhood", "district", "street", "avenue", "market",
                                         "bridge", "border crossing")
_STREET_AFTER: Final = re.compile(r"\s+(?:" + "|".join(_STREET_WORDS) + r")\b")


_NOT_LETTER: Final = re.compile(r"[\W\d_]+")
_UPPER: Final = re.compile(r"[A-ZÁÉÍÓÚÑÜ]")


def _lowercase_document(ctx: DocContext) -> bool:
    """A blog typed all in lower case: capitalisation cannot tell places from words."""
    if "lowercase" not in ctx.cache:
        ctx.cache["lowercase"] = _without_capitals(ctx.text[:1500])
    return ctx.cache["lowercase"]


# every Latin-1 byte but the capitals _UPPER finds, deleted to count those capitals in C
_NOT_UPPER_BYTES: Final = bytes(b for b in range(256) if not _UPPER.fullmatch(chr(b)))
# every Latin-1 byte that is no letter (as _NOT_LETTER), deleted to count the letters in C
_NOT_LETTER_BYTES: Final = bytes(b for b in range(256) if _NOT_LETTER.fullmatch(chr(b)))


def capitals_in(text: str) -> int:
    """How many characters of ``text`` _UPPER finds, counted in C without a list of one-letter
    strings. Every capital _UPPER finds is Latin-1, so the characters beyond it (curly quotes,
    dashes, emoji) are dropped from the count unread."""
    return len(text.encode("latin-1", "ignore").translate(None, _NOT_UPPER_BYTES))


def _letters(text: str) -> int:
    """How many letters ``text`` holds (what is left once _NOT_LETTER's characters are removed);
    counted in C when it is all Latin-1."""
    data = text.encode("latin-1", "ignore")
    if len(data) == len(text):
        return len(data.translate(None, _NOT_LETTER_BYTES))
    return len(_NOT_LETTER.sub("", text))


CAPITALS_SAMPLE: Final = 400  # characters read first for capitals; most text has enough in them


def _without_capitals(text: str, min_letters: int = 1) -> bool:
    """Fewer capitals than 1 % of the letters, among at least ``min_letters`` letters."""
    # capitals above 1 % of all characters, so of the letters: most text has that many in its
    # first few hundred characters already, and the rest is not read
    if len(text) > CAPITALS_SAMPLE and capitals_in(text[:CAPITALS_SAMPLE]) * 100 > len(text):
        return False
    upper = capitals_in(text)
    if upper * 100 > len(text):
        return False
    letters = _letters(text)
    return letters >= min_letters and upper < 0.01 * letters


LOWERCASE_PARAGRAPH: Final = 200  # letters a paragraph needs before its lack of capitals tells


def _lowercase_paragraph(ctx: DocContext, pos: int) -> bool:
    """The paragraph around ``pos`` is typed in lower case (a forum reply under a well-typed
    question): capitalisation cannot tell places from words there either."""
    text = ctx.text
    start = text.rfind("\n", 0, pos) + 1
    key = ("lowercase", start)
    hit = ctx.cache.get(key)
    if hit is None:
        end = text.find("\n", pos)
        hit = ctx.cache[key] = _without_capitals(text[start:end if end >= 0 else len(text)], LOWERCASE_PARAGRAPH)
    return hit


_EXPLICIT_GAP: Final = re.compile(r"\s*[,(]?\s*(?:(?:in|en)\s+(?:the\s+state\s+of\s+|el\s+estado\s+de\s+)?|"
                           r"(?:state of|estado de)\s+)?")


def _explicit_gap(folded: str, start: int, end: int) -> bool:
    """``_EXPLICIT_GAP.fullmatch(folded, start, end)``: what may stand between a place and the
    state written after it. Most gaps are a comma or nothing ("Juárez, Michoacán") and need no
    regex; nor does a gap whose first non-space character starts none of the pattern's words."""
    gap = folded[start:end].strip()
    if gap == "" or gap == "," or gap == "(":
        return True
    if gap[0] not in ",(ies":  # ",", "(", "in", "en", "el estado", "state of", "estado de"
        return False
    return _EXPLICIT_GAP.fullmatch(folded, start, end) is not None


CAPITAL_STATE: Final = "MX-CMX"
_BOROUGH_WORDS: Final[tuple[str, ...]] = ("borough",)
_BOROUGH_AFTER: Final = re.compile(r"\s+(?:" + "|".join(_BOROUGH_WORDS) + r")\b")
_BOROUGH_BEFORE: Final = EndingAt(r"\b(?:alcaldia|alcaldias|delegacion|borough of)\s+(?:de\s+)?$")


def _explicit_state(ctx: DocContext, m: Match, mentions: list[tuple[Match, _Name]], idx: int) -> str | None:
    """The state written right after a place: 'Juárez, Michoacán' or 'Tapalpa (Jalisco)'; a
    borough is Mexico City's ('the Benito Juárez borough', 'la alcaldía Cuauhtémoc')."""
    if _followed_by(ctx.folded, m.end, _BOROUGH_WORDS, _BOROUGH_AFTER, len(ctx.folded)) \
            or _BOROUGH_BEFORE.before(ctx, m.start, 16):
        return CAPITAL_STATE
    if idx + 1 >= len(mentions):
        return None
    nxt, name = mentions[idx + 1]
    if nxt.start - m.end > 30:
        return None
    if not _explicit_gap(ctx.folded, m.end, max(m.end, nxt.start)):
        return None
    if name.state_ref is not None:
        return name.state_ref.id
    return "foreign:" + name.foreign[0].id if name.foreign else None


class _Around:
    """The states named around each mention, for settling a shared name: worked out for one
    mention at a time (see :meth:`states`), and only for those that context must settle."""

    def __init__(self, single_state: dict[int, list[tuple[int, str]]], sent_idx: list[int]) -> None:
        self.single_state = single_state  # sentence -> (mention number, state) of the mentions naming one state
        self.sent_idx = sent_idx  # mention number -> its sentence

    def states(self, k: int) -> dict[str, int]:
        """States of the *other* mentions around mention k, weighted by the sentence they are
        named in: k's own 3, the one before and the one after 2, two sentences before 1."""
        near: dict[str, int] = {}
        i = self.sent_idx[k]
        self._count(near, k, i - 2, 1)
        self._count(near, k, i - 1, 2)
        self._count(near, k, i, 3)
        self._count(near, k, i + 1, 2)
        return near

    def _count(self, near: dict[str, int], k: int, sentence: int, weight: int) -> None:
        filed = self.single_state.get(sentence)
        if filed is not None:
            for j, state in filed:
                if j != k:
                    near[state] = near.get(state, 0) + weight


def _choose(ctx: DocContext, m: Match, name: _Name, explicit: str | None, street: bool,
            around: _Around, k: int) -> IndexRef | None:
    """The reading of a place name, mention ``k``; ``street``: a street word stands right before
    it; ``around.states(k)`` gives the states of the places named around it."""
    if street or _followed_by(ctx.folded, m.end, _STREET_WORDS, _STREET_AFTER, m.end + 20):
        # "colonia Guerrero", "the Morelos neighborhood": a street or district, not the state
        streets = name.streets()
        if streets is None or explicit is None:
            return None
        return _choose_among(ctx, m, streets, explicit, around, k)
    if name.state_ref is not None and not _CITY_OF.before(ctx, m.start, BEFORE_REACH, sliced=True):
        return name.state_ref
    return _choose_among(ctx, m, name, explicit, around, k)


MAJOR_CITY_WEIGHT: Final = 1.1  # a locality of a million people or more (weight = 1 + population / 10**7)


def _choose_among(ctx: DocContext, m: Match, name: _Name, explicit: str | None, around: _Around,
                  k: int) -> IndexRef | None:
    """The reading of ``name`` (a state's own reading aside) by the state written after it, the
    states named around it, the dominant state, then how prominent its readings are."""
    refs, foreign, mexican = name.refs, name.foreign, name.mexican
    if explicit:
        if explicit.startswith("foreign:"):
            return foreign[0] if foreign else None
        pick = [r for r in refs if r.state == explicit and r.kind != "state"]
        if pick:
            return _best(pick)
    near = around.states(k) if mexican else {}
    if mexican:
        # the reading in the most weighted state around (its best reading; the first on a tie)
        if near:
            chosen: IndexRef | None = None
            chosen_key: tuple | None = None  # (weight of the state, rank of the reading, -position)
            for state, weight in near.items():
                found = name.best_in_state.get(state) if weight > 0 else None
                if found is not None:
                    key = (weight, found[0], found[1])
                    if chosen_key is None or key > chosen_key:
                        chosen, chosen_key = found[2], key
            if chosen is not None:
                return chosen
        if ctx.dominant_state:
            found = name.best_in_state.get(ctx.dominant_state)
            if found is not None:
                return found[2]
        if near and not foreign:
            # other places around are elsewhere: a colonia or a homonym, not a guess; but "the
            # city of Puebla" names the big city even next to "the state of Guanajuato"
            if len(name.prominent) == 1 and (
                    _CITY_OF.before(ctx, m.start, BEFORE_REACH, sliced=True)
                    or name.prominent[0].weight >= MAJOR_CITY_WEIGHT
                    and _LOCATIVE.before(ctx, m.start, BEFORE_REACH, sliced=True)):
                return name.prominent[0]  # nor does "kidnapped in Monterrey" in a Tamaulipas story
            if len(name.mexican_states) == 1 and name.best_mexican is not None \
                    and name.best_mexican.kind == "municipality" and _ALONG_ROAD.before(ctx, m.start, BEFORE_REACH, sliced=True):
                # "a la altura de Matehuala": a point on a road, where no colonia stands
                return name.best_mexican
            return None
    if foreign and name.foreign_beats_mexican:
        return foreign[0]
    if not mexican:
        return None
    locative = _LOCATIVE.before(ctx, m.start, BEFORE_REACH, sliced=True)
    if len(name.mexican_states) == 1:
        best = name.best_mexican
        assert best is not None  # a name with Mexican readings has a best one
        if best.kind == "municipality" or locative or best.kind == "region":
            return best
        if best.kind == "locality" and best.weight >= 1.01:  # a town of 100,000+ people
            return best
        return None
    if len(name.prominent) == 1 and locative:
        return name.prominent[0]
    return None


_ALONG_ROAD: Final = EndingAt(r"\b(?:a la altura de|a la altura del|a la salida de|a la entrada de|en el tramo|"
                      r"tramo|kilometro \d+ de|near the town of|outside the town of)\s+(?:la\s+|el\s+)?$")
_CITY_OF: Final = EndingAt(r"(?:city of|ciudad de|municipio de|municipality of|town of)\s+$")
_ORDER: Final = {"municipality": 3, "locality": 2, "region": 1, "state": 0, "foreign": 0}


def _rank(r: IndexRef) -> tuple:
    return (_ORDER.get(r.kind, 0), r.weight)


def _best(refs: list[IndexRef]) -> IndexRef:
    return max(refs, key=_rank)


def place_key(place: Place | None) -> tuple:
    if place is None:
        return (None, None)
    return (place.state, place.municipality_code or (norm(place.name) if place.kind not in ("state",) else None))
