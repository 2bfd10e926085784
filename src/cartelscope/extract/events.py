"""Events in the ACLED typology, one per distinct incident, each with its evidence.

A sentence is an event candidate when a codebook rule or trigger fires in it. It is *not* an
event when it describes a trend, forecast or ongoing war (``not_event_cues``), when it is
speculative or denied, or when it names neither an actor nor a place. Mentions of the same
incident in one article (the headline and the body, say) merge into one event.
"""
from __future__ import annotations

from typing import Final, cast

import re
from collections.abc import Callable, Iterable, Mapping
from functools import partial

from cartelscope.extract import certainty as cert
from cartelscope.extract import numbers
from cartelscope.extract.actors import FORCE_KINDS, GROUP_KINDS, person_groups
from cartelscope.extract.backward import EndingAt
from cartelscope.extract.clauses import AGAINST, describes, governs_in, purpose
from cartelscope.extract.context import ActorRef, DocContext, PlaceRef, per_pack, place_ref, within
from cartelscope.extract.dates import counts_years_later, opens_state, reference_year, sentence_dates, years_named
from cartelscope.extract.places import state_place
from cartelscope.extract.relations import STANDING
from cartelscope.extract.sentences import Sentence
from cartelscope.extract.textmatch import Match
from cartelscope.knowledge import KnowledgePack
from cartelscope.model import Evidence, ExtractedEvent, Place

SPLIT_BY_STATE_TYPES: Final = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# "a ranch possibly linked to the CJNG": an owner only hedged is not an actor; but a hedge set off
# by a comma ("Presuntamente, integrantes del CDN atacaron...") hedges the whole claim instead
HEDGED_OWNER: Final = EndingAt(r"(?:possibly|probably|allegedly|suspected(?:ly)?|presuntamente|posiblemente|"
                          r"probablemente|supuestamente|linked to|ligad[oa]s? a|vinculad[oa]s? (?:a|con))[^\w,]+(?:\w+\W+){0,4}$")


class Classification:
    """What a sentence (or one clause of it) reports: event type and sub-type, tags, the rule
    or trigger that decided, and the trigger's position. A plain class, not a dataclass:
    compiled, it is then made without interpreted code."""

    __slots__ = ("event_type", "sub_event_type", "tags", "rule", "anchor", "civilian_targeting", "clause",
                 "coordinated")

    def __init__(self, event_type: str, sub_event_type: str, tags: list[str], rule: str, anchor: int,
                 civilian_targeting: bool, clause: tuple[int, int] | None = None, coordinated: bool = False):
        self.event_type = event_type
        self.sub_event_type = sub_event_type
        self.tags = tags
        self.rule = rule
        self.anchor = anchor
        self.civilian_targeting = civilian_targeting
        self.clause = clause  # set when the sentence's clauses report different incidents
        self.coordinated = coordinated  # the clause is one of two predicates that share subject and date

    def in_clause(self, clause: tuple[int, int], coordinated: bool) -> Classification:
        """A copy that reports the incident of one clause of the sentence."""
        return Classification(self.event_type, self.sub_event_type, self.tags, self.rule, self.anchor,
                              self.civilian_targeting, clause, coordinated)

    def _fields(self) -> tuple:
        return (self.event_type, self.sub_event_type, self.tags, self.rule, self.anchor, self.civilian_targeting,
                self.clause, self.coordinated)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Classification) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return f"Classification{self._fields()!r}"


_UNSEEN: Final = object()  # a cache slot not yet filled (a sentence may classify as None)


CLASSIFIED: Final = "classified"  # ctx.cache key: each sentence's classification as a whole


def classify(ctx: DocContext, i: int, span: tuple[int, int] | None = None) -> Classification | None:
    """What sentence ``i`` (or the clause ``span`` of it) reports; once per sentence or clause."""
    if span is not None:
        key = ("classify", i, span)
        found = ctx.cache.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = ctx.cache[key] = _classify(ctx, i, span)
        return found
    table: list[object] | None = ctx.cache.get(CLASSIFIED)
    if table is None:
        table = ctx.cache[CLASSIFIED] = [_UNSEEN] * len(ctx.sentences)
    whole = table[i]
    if whole is _UNSEEN:
        whole = table[i] = _classify(ctx, i, None)
    return cast("Classification | None", whole)


class _EventKind:
    """What :func:`_classify` reads of a codebook event type, copied from the pack's (pydantic)
    entry once per pack: read from a compiled class, a field is a C struct read."""

    __slots__ = ("event_type", "sub_event_type", "tags", "priority", "civilian_targeting")

    def __init__(self, event_type: str, sub_event_type: str, tags: list[str], priority: int,
                 civilian_targeting: bool):
        self.event_type = event_type
        self.sub_event_type = sub_event_type
        self.tags = tags  # the pack's own list: read, never changed
        self.priority = priority
        self.civilian_targeting = civilian_targeting


class _CodebookRule:
    """A codebook rule as :func:`_classify` reads it (copied once per pack, as :class:`_EventKind`):
    the type it decides, its name as evidence gives it, the trigger groups it requires, and
    whether its type targets civilians."""

    __slots__ = ("event_type", "sub_event_type", "tags", "name", "requires_all", "priority", "civilian_targeting")

    def __init__(self, event_type: str, sub_event_type: str, tags: list[str], name: str,
                 requires_all: list[str], priority: int, civilian_targeting: bool):
        self.event_type = event_type
        self.sub_event_type = sub_event_type
        self.tags = tags
        self.name = name
        self.requires_all = requires_all
        self.priority = priority
        self.civilian_targeting = civilian_targeting


class _Codebook:
    """The pack's codebook as :func:`_classify` reads it, built once per knowledge pack: each
    event type by (type, sub-type) and by trigger key ("Battles|Armed clash"); the rules as
    (required groups, excluding groups, rule); for each trigger group, the numbers of the rules
    that require it; the numbers of rules that require nothing; and the rule chosen for each set
    of trigger groups seen so far."""

    def __init__(self, pack: KnowledgePack):
        self.types: dict[tuple[str, str], _EventKind] = {
            (t.event_type, t.sub_event_type): _EventKind(t.event_type, t.sub_event_type, t.tags, t.priority,
                                                         t.civilian_targeting)
            for t in pack.event_types}
        # a trigger's key names its type as "event type|sub-type"
        self.by_trigger_key: dict[str, _EventKind] = {f"{et}|{sub}": t for (et, sub), t in self.types.items()}
        self.rules: list[tuple[frozenset[str], frozenset[str], _CodebookRule]] = [
            (frozenset(r.requires_all), frozenset(r.requires_none),
             _CodebookRule(r.event_type, r.sub_event_type, r.tags, f"rule:{r.id}", r.requires_all, r.priority,
                           self.types[(r.event_type, r.sub_event_type)].civilian_targeting))
            for r in pack.rules]
        self.requiring: dict[str, list[int]] = {}
        for k, (required, _, _) in enumerate(self.rules):
            for g in required:
                self.requiring.setdefault(g, []).append(k)
        self.always: list[int] = [k for k, (required, _, _) in enumerate(self.rules) if not required]
        self.chosen: dict[frozenset[str], _CodebookRule | None] = {}


_CODEBOOK: Final[dict[int, tuple]] = {}


def _codebook(ctx: DocContext) -> _Codebook:
    return per_pack(_CODEBOOK, ctx.pack, _Codebook)


def _rule_for(codebook: _Codebook, named: frozenset[str]) -> _CodebookRule | None:
    """The codebook rule that fires for the trigger groups ``named`` (or None): the highest
    priority among those whose groups are all named and whose excluding groups are not, the
    first in pack order among equals. It depends on the set alone, so it is chosen once."""
    chosen = codebook.chosen
    found = chosen.get(named, _UNSEEN)
    if found is not _UNSEEN:
        return cast("_CodebookRule | None", found)
    best = None
    # only rules that require a group named here (or nothing) can fire
    for k in sorted({k for g in named for k in codebook.requiring.get(g, ())}.union(codebook.always)):
        required, excluded, rule = codebook.rules[k]
        if required <= named and named.isdisjoint(excluded):
            if best is None or rule.priority > best.priority:
                best = rule
    if len(chosen) < 65536:
        chosen[named] = best
    return best


def _classify(ctx: DocContext, i: int, span: tuple[int, int] | None) -> Classification | None:
    cats = ctx.by_category[i]
    if "group" not in cats and "trigger" not in cats:
        return None
    if span is None:
        # "Gunmen torched vehicles after the arrest of a leader": the incident is the main
        # clause; what follows "after"/"tras" (the pack's ``causes``) is its cause, reported elsewhere
        causes = ctx.cues(i, "causes")
        if causes:
            s = ctx.sentences[i]
            cause = causes[0]
            main = _classify(ctx, i, (s.start, cause.start)) if cause.start > s.start else None
            if main is not None:
                return main
            # "Tras el enfrentamiento, los atacantes incendiaron autobuses": the cause comes
            # first, and the incident is what follows the noun it names
            after = _cause_end(ctx, i, cause.end)
            main = _classify(ctx, i, (after, s.end)) if after is not None else None
            if main is not None:
                return main
    groups = _factual(ctx, i, "group")
    if groups:
        groups = within(groups, span)
    # the trigger words are read only when they can decide: with no trigger group there, or
    # when no codebook rule fires
    triggers = None
    if not groups:
        triggers = _span_triggers(ctx, i, span)
        if not triggers:
            return None
    present: dict[str, int] = {}
    for m in groups:
        if m.key not in present:
            present[m.key] = m.start
    codebook = _codebook(ctx)
    best = _rule_for(codebook, frozenset(present))
    if best is not None:
        anchor = -1
        for g in best.requires_all:  # the first of the words its required groups were named by
            start = present[g]
            if anchor < 0 or start < anchor:
                anchor = start
        return Classification(best.event_type, best.sub_event_type, list(best.tags), best.name, anchor,
                              best.civilian_targeting)
    if triggers is None:
        triggers = _span_triggers(ctx, i, span)
    if not triggers:
        return None
    # the trigger of the highest-priority type; among equals the first in the sentence
    top: _EventKind | None = None
    top_word: Match | None = None
    for m in triggers:
        t = codebook.by_trigger_key.get(m.key)
        if t is not None and (top is None or top_word is None or t.priority > top.priority
                              or t.priority == top.priority and m.start < top_word.start):
            top, top_word = t, m
    if top is None or top_word is None:
        return None
    return Classification(top.event_type, top.sub_event_type, list(top.tags),
                          f"trigger:{ctx.folded[top_word.start:top_word.end]}", top_word.start,
                          top.civilian_targeting)


def _span_triggers(ctx: DocContext, i: int, span: tuple[int, int] | None) -> list[Match]:
    return within(_factual(ctx, i, "trigger"), span)


CAUSE_NOUN_REACH: Final = 25  # characters from a cause word to the noun it introduces ("tras el ")


def _cause_end(ctx: DocContext, i: int, cue_end: int) -> int | None:
    """Where the cause phrase opened at ``cue_end`` ends: after the event word it names
    ("after the clash", "tras la captura"); None when no event word follows closely."""
    for m in _event_words(ctx, i):
        if m.start >= cue_end:
            return m.end if m.start - cue_end <= CAUSE_NOUN_REACH else None
    return None


def _event_words(ctx: DocContext, i: int) -> list[Match]:
    """Sentence ``i``'s event words (trigger phrases and codebook trigger-group phrases), in order."""
    return [m for m in ctx.in_sentence(i) if m.category == "group" or m.category == "trigger"]


FACTUAL: Final = "factual words"  # ctx.cache key: per category, each sentence's factual matches


def _factual(ctx: DocContext, i: int, category: str) -> list[Match]:
    """Sentence ``i``'s matches of ``category`` that are not aims or charges, nor inside a false
    friend ("captured on video"), once per sentence."""
    tables: dict[str, list[list[Match] | None]] | None = ctx.cache.get(FACTUAL)
    if tables is None:
        tables = ctx.cache[FACTUAL] = {}
    table = tables.get(category)
    if table is None:
        table = [None] * len(ctx.sentences)
        tables[category] = table
    found = table[i]
    if found is None:
        friends = ctx.of(i, "falsefriend")
        usable = ctx.usable(i, category)
        # most sentences hold no aim or charge: then no match of theirs is one's object
        found = [m for m in usable if not purpose(ctx, m)] if governs_in(ctx, i) else list(usable)
        if friends:
            found = [m for m in found if not any(f.start <= m.start and m.end <= f.end for f in friends)]
        table[i] = found
    return found


def is_not_event(ctx: DocContext, i: int) -> bool:
    text = ctx.sentences[i].text.rstrip()
    if text.endswith("?"):
        return True
    asked = text.find("?")
    if asked > 0:
        # "Alguien sabe si es cierto que hubo enfrentamiento el martes?? yo vi un video": the incident
        # is asked about (the question runs on into the next words without a capital)
        at = ctx.sentences[i].start + asked
        if any(w.end <= at for w in _event_words(ctx, i)):
            return True
    return any(not cert.potential_use(ctx.folded, m) and not _SUPERLATIVE_BEFORE.search(
        ctx.folded, max(ctx.sentences[i].start, m.start - SUPERLATIVE_REACH), m.start)
        and not _in_comment_clause(ctx, i, m) for m in ctx.usable(i, "notevent"))


# "..., hecho que se suma a la ola de violencia que azota a la capital", "..., amid a wave of
# violence": a clause that comments on the incident just told, after it
_COMMENT_CLAUSE: Final = re.compile(r",\s*(?:hecho que|hechos que|lo que|which adds to|amid|en medio de|in the midst of)\b")


def _in_comment_clause(ctx: DocContext, i: int, m: Match) -> bool:
    """The trend word ``m`` stands in a commenting clause that follows the sentence's own event word."""
    s = ctx.sentences[i]
    clause = None
    for c in _COMMENT_CLAUSE.finditer(ctx.folded, s.start, m.start):
        clause = c
    return clause is not None and any(w.end <= clause.start() for w in _event_words(ctx, i))


# "..., one of the deadliest single attacks on the armed forces in recent years": a comparison
# that ranks the incident, not a trend the sentence reports
_SUPERLATIVE_BEFORE: Final = re.compile(r"\b(?:one of the (?:deadliest|worst|largest|biggest|bloodiest|most)|the (?:deadliest|worst|"
                                 r"bloodiest)|uno de los (?:mas|peores)|una de las (?:mas|peores)|el (?:mas|peor)|la (?:mas|peor))\b")
SUPERLATIVE_REACH: Final = 80


def event_actors(ctx: DocContext, i: int) -> list[str]:
    """Groups and forces acting in sentence ``i``; persons count as the group they lead (once
    per sentence: the incident's sentence and the one after it, which may blame a group, both
    ask; a fresh list each time)."""
    key = ("event_actors", i)
    found = ctx.cache.get(key)
    if found is None:
        found = ctx.cache[key] = _event_actors(ctx, i)
    return list(found)


def _event_actors(ctx: DocContext, i: int) -> list[str]:
    out: list[str] = []
    hearsay = cert.hearsay_blame(ctx, i)
    for r in ctx.actors_in(i):
        actor = ctx.known[r.actor_id]
        if HEDGED_OWNER.before(ctx, r.start, 60, sliced=True):
            continue
        if hearsay and actor.kind not in FORCE_KINDS and any(b.end <= r.start for b in hearsay):
            continue  # "En redes sociales se atribuyó los bloqueos a Los Metros": a rumour names them
        if actor.kind in FORCE_KINDS and _attributing(ctx, i, r):
            continue
        if _FORMER.before(ctx, r.start, 40, sliced=True):
            continue  # "el Cártel del Golfo, antiguo aliado de Los Zetas": not a party
        ids = [r.actor_id]
        if actor.kind == "person":
            ids = person_groups(ctx, r.actor_id)[:1]
        elif actor.kind == "coalition":
            ids = list(actor.members)
        for a in ids:
            kind = ctx.known[a].kind
            if (kind in GROUP_KINDS or kind in FORCE_KINDS) and a not in out:
                out.append(a)
    # a faction described through its parent ("La Mayiza, a faction of the Sinaloa Cartel") acts
    # as the faction; the parent stays when it is a party in its own right
    described = {r.actor_id for r in ctx.actors_in(i) if describes(ctx, r)}
    parents = {ctx.known[a].parent for a in out}
    return [a for a in out if not (a in parents and a in described)]


_FORMER: Final = EndingAt(r"(?:former|ex|old|longtime former|antigu[oa]s?|otrora|exaliad[oa]s?)\s+(?:\w+\s+){0,2}(?:of|de|del)\s+(?:the\s+|el\s+|la\s+|los\s+)?$")


# what follows the blamed group is about it, not about the incident ("..., which has been fighting Los Tlacos")
_BLAME_END: Final = re.compile(r",\s*(?:which|who|that|que|quien|quienes|el cual|la cual|los cuales)\b|[;:(]")


def _first_blame(ctx: DocContext, i: int) -> Match | None:
    """The first word of sentence ``i`` that names who carried out an incident (the pack's
    ``blame`` cues, read in either language: "officials blamed", "fue cometido por"); None when
    the blame is denied ("no han atribuido el ataque a ninguno de los dos grupos") or passed on
    from social media."""
    blames = [b for b in ctx.cues(i, "blame") if not _MESSAGE_BEFORE.before(ctx, b.start, 20, sliced=True)]
    if not blames or cert.of_sentence(ctx, i, blames[0].start).level == "denied" or cert.hearsay_blame(ctx, i):
        return None
    return blames[0]


# "una manta atribuida al CJNG niega su participación": what is attributed is the banner, not the incident
_MESSAGE_BEFORE: Final = EndingAt(r"\b(?:manta|mantas|narcomanta|narcomantas|mensaje|mensajes|carta|video|comunicado|banner|"
                           r"banners|message|messages|letter|note|statement)\s+$")


def blamed_in_next(ctx: DocContext, i: int) -> list[str]:
    """Groups the next sentence blames for the incident ("Officials blamed X"), read from the
    blame word to the end of its clause; the next sentence may open the next paragraph."""
    j = i + 1
    if j >= len(ctx.sentences) or ctx.sentences[j].paragraph > ctx.sentences[i].paragraph + 1:
        return []
    s = ctx.sentences[j]
    blame = _first_blame(ctx, j)
    if not blame or ctx.cues(j, "history"):
        # ("especialistas atribuyen [la violencia] a ... un territorio que hasta la década pasada
        # dominaban Los Zetas": who once ruled is not who did it)
        return []
    if _CLAIM.match(ctx.folded, blame.start):
        # "un mensaje firmado por Cárteles Unidos, en el que el grupo se adjudicaba las
        # ejecuciones": who claims an incident is named before the claim, not after it
        named = {r.actor_id for r in ctx.actors_in(j) if r.start < blame.start}
    else:
        end = _BLAME_END.search(ctx.folded, blame.end, s.end)
        stop = end.start() if end else s.end
        named = {r.actor_id for r in ctx.actors_in(j) if blame.end <= r.start < stop}
    return [a for a in event_actors(ctx, j) if ctx.known[a].kind in GROUP_KINDS and a in named]


_CLAIM: Final = re.compile(r"se adjudic|claimed responsibility|reivindic")


SAID_REACH: Final = 30  # characters after a force's name in which "said", "informó" make it the source
_SAID_AFTER: Final = re.compile(r"\W{0,3}(?:\w+\W+){0,2}(?:said|says|reported|announced|confirmed|stated|informed|"
                         r"informó|informo|inform|dijo|señaló|senalo|indicó|indico|confirmó|confirmo|reportó|reporto|"
                         r"detalló|detallo|precisó|preciso|explicó|explico|dio a conocer|"
                         # who blames a group for the incident is its source, not a party
                         r"blamed|blames|attributed|attributes|atribuyó|atribuyo|atribuye|atribuyen|atribuyeron|"
                         r"responsabilizó|responsabilizo|responsabiliza)\b")


_THAT: Final = re.compile(r"\b(?:that|que)\b")


def _attributing(ctx: DocContext, i: int, r: ActorRef) -> bool:
    """A force named as the source of the report ("informó la Fiscalía", "the Army said")."""
    for m in ctx.of(i, "cue"):
        if m.key.startswith("attribution:") and m.start <= r.start and r.start - m.end <= 20 \
                and not _THAT.search(ctx.folded, m.end, r.start):
            return True  # (not "said in a statement that marines detained ...": the claim's subject)
    return bool(_SAID_AFTER.match(ctx.text, r.end, r.end + SAID_REACH))


def _mexican(places: list[PlaceRef]) -> list[PlaceRef]:
    return [p for p in places if p.place.kind != "foreign" and p.place.state]


def sentence_places(ctx: DocContext, i: int) -> list[PlaceRef]:
    """Places of the sentence; one named only as a border or neighbour is a reference point,
    and neither one the attackers fled toward ("huyeron hacia la salida a Valle de Santiago")
    nor where the victims came from ("eran de Saltillo") is a place of the incident."""
    places = ctx.places_in(i)
    if not places:
        return places
    folded = ctx.folded
    kept = [p for p in places if not _TOWARD.before(ctx, p.start, TOWARD_REACH, sliced=True)
            and not _ORIGIN.before(ctx, p.start, TOWARD_REACH, sliced=True)
            # (\s is a character str.isspace() accepts: most names are followed by a stop or comma)
            and not (p.end < len(folded) and folded[p.end].isspace() and _PLATES_AFTER.match(folded, p.end))
            and not _ORIGIN_LIST.before(ctx, p.start, ORIGIN_LIST_REACH, sliced=True)]
    if len(kept) < len(places):
        # the state written after a dropped town goes with it ("uno de Juárez, Nuevo León")
        dropped = [p.end for p in places if p not in kept]
        kept = [p for p in kept if not (p.place.kind == "state" and any(0 <= p.start - e <= 3 for e in dropped))]
    places = kept
    located = [p for p in places if not p.bordering]
    return located if located or not places else ([] if any(p.place.kind == "foreign" for p in places) else places)


TOWARD_REACH: Final = 30
_TOWARD: Final = EndingAt(r"\b(?:hacia|rumbo a|con rumbo a|con direccion a|en direccion a|toward|towards|heading to|heading for|"
                   r"fled to|huyeron a|huyeron hacia)\s+(?:la\s+salida\s+a\s+|the\s+exit\s+to\s+)?(?:la\s+|el\s+|the\s+)?$"
                   # a road named by where it leads: "por la salida a Sonoyta", "on the highway to Nogales"
                   r"|\b(?:salida a|salida hacia|carretera a|camino a|the road to|the highway to|the exit to|leads to|"
                   r"leading to|que lleva a|que conduce a)\s+$")


# where the victims or their vehicle come from is not where it happened: "se llevaron al señor y a su
# hijo, eran de Saltillo", "placas de Coahuila"
# the second origin of a list: "dos originarios de Veracruz y uno de Juárez"
_ORIGIN_LIST: Final = EndingAt(r"\b(?:originari[oa]s?|oriund[oa]s?|from) (?:de )?[^,;.]{2,30} (?:y|and) (?:un[oa]|otr[oa]s?|dos|tres|one|two|another) "
                        r"(?:de|from)\s+$")
ORIGIN_LIST_REACH: Final = 60
_PLATES_AFTER: Final = re.compile(r"\s+(?:license\s+|licence\s+)?plates\b")  # "a car with Guanajuato license plates"
_ORIGIN: Final = EndingAt(r"\b(?:eran de|era de|originari[oa]s? de|oriund[oa]s? de|procedentes? de|"
                   r"were from|was from|natives? of|hailing from|originally from|"
                   r"una familia de|familias de|a family from|families from|gente de|people from|"
                   r"from the neighbou?ring state of|from the neighbou?ring|from neighbou?ring|desde el vecino estado de|del vecino estado de|"
                   # a vehicle's registration: "una camioneta con placas de Coahuila"
                   r"placas de|placas del estado de|plates from|license plates)\s+(?:la\s+|el\s+|the\s+)?$")


_SPECIFICITY: Final = {"locality": 3, "municipality": 3, "region": 1, "state": 0, "foreign": 2}


def _best_place(places: list[PlaceRef]) -> Place | None:
    """The most specific place mentioned; among equals the first."""
    if not places:
        return None
    best = places[0]
    best_rank = _SPECIFICITY.get(best.place.kind, 0)
    for p in places:
        rank = _SPECIFICITY.get(p.place.kind, 0)
        if rank > best_rank or rank == best_rank and p.start < best.start:
            best, best_rank = p, rank
    return best.place


AGREEMENT_TOLD: Final = "rule:agreement_direct"  # "se alió", "joined forces": an alliance told, not announced
SAME_TIME_REACH: Final = 4  # sentences back in which "hours later" finds the incident it follows
_DATELINE_END: Final = re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?(?:[.]?[-—–]|\n|$|\.\s*$)")


DATE_PRECISION: Final = {"day": 1, "week": 2, "month": 2, "year": 3}  # an event date's precision code, by its kind


def _date_for(ctx: DocContext, i: int, clause: tuple[int, int] | None = None) -> tuple[str | None, int | None]:
    """The event date of sentence ``i`` (or of one ``clause`` of it): its own date, else the
    previous sentence's in the same paragraph. A clause does not take a date another clause of
    its sentence gives ("Gunmen torched cars on Monday, days after the arrest of their leader"),
    and a borrowed date that starts a state of affairs ("at war since September") is no
    incident's date."""
    for j in (i, i - 1):
        if j < 0 or (j != i and ctx.sentences[j].paragraph != ctx.sentences[i].paragraph):
            continue
        dates = sentence_dates(ctx, j)
        if clause is not None and j == i and dates:
            dates = within(dates, clause)
            if not dates:
                return None, None
        for d in dates:
            if j != i and opens_state(ctx.folded, d.start):
                continue
            if d.value and d.value == ctx.pub_text and (d.start < 120 or d.end <= _dateline_end(ctx, j)) \
                    and _DATELINE_END.match(ctx.text, d.end):
                continue  # the dateline's publication date, not the event's
            if d.value and d.kind != "year" or (d.value and j == i):
                precision = DATE_PRECISION.get(d.precision or "")
                return d.value, precision
    intro = _list_intro(ctx, i)
    if intro is not None:
        # a numbered item of a press release: "el día de ayer se realizaron las siguientes acciones: 1. ..."
        for d in sentence_dates(ctx, intro):
            if d.value and d.kind != "year" and not (d.value == ctx.pub_text and d.start < 120):
                return d.value, DATE_PRECISION.get(d.precision or "")
    if ctx.cues(i, "same_time"):  # "hours later", "ese mismo día": the date of the incident just told
        for j in range(i - 1, max(-1, i - 1 - SAME_TIME_REACH), -1):
            value, precision = _date_for(ctx, j)
            if value:
                return value, precision
    return None, None


def main_place(ctx: DocContext) -> PlaceRef | None:
    """The article's own place: the first Mexican town or municipality in its first sentences
    (headline, dateline, lead), used for event sentences that name no place."""
    early = [p for p in ctx.places if p.sentence <= 3 and p.place.kind != "foreign" and p.place.state]
    specific = [p for p in early if p.place.kind in ("municipality", "locality")]
    # the dateline's city is where the report was filed; a town the lead names is where it happened
    reported = [p for p in specific if p.start >= _dateline_end(ctx, p.sentence)]
    specific = reported or specific
    if specific:
        return specific[0]
    states = {p.place.state for p in early}
    return early[0] if len(states) == 1 else None


_ONE_SIDED_TRIGGER: Final = re.compile(r"\b(?:ataque|attack|agresi|atac|asesin|massacre|masacre|shot dead|gunned|dispar)")


def _one_sided(ctx: DocContext, i: int, c: Classification, actors: list[str]) -> Classification:
    """An 'armed attack' with a single armed side named is violence against civilians, not a clash."""
    if (c.event_type, c.sub_event_type) != ("Battles", "Armed clash") or not c.rule.startswith("trigger:"):
        return c
    if len(actors) >= 2 or any(ctx.known[a].kind in FORCE_KINDS for a in actors):
        return c
    if not _ONE_SIDED_TRIGGER.search(c.rule):
        return c
    if any(m.key in ("state_force_or_operation", "clash_words") for m in ctx.of(i, "group")):
        return c
    return Classification("Violence against civilians", "Attack", c.tags, c.rule + "+one_sided", c.anchor, True)


def detect(ctx: DocContext, default_place: PlaceRef | None = None) -> list[ExtractedEvent]:
    events: list[ExtractedEvent] = []
    found_in: list[int] = []  # sentence of each event so far
    told: tuple[int, ExtractedEvent] | None = None  # the latest sentence that told an incident, and that incident
    default_place = default_place or main_place(ctx)
    for i in ctx.sentences_with("group", "trigger"):  # no event word, no event
        if is_not_event(ctx, i):
            continue
        classes = clause_classes(ctx, i)
        if not classes and events and _recent_event(found_in, i):
            _toll_of_reported(ctx, i, events[-1])
            if _details_of_reported(ctx, i, events[-1]):
                told = (i, events[-1])
        for c in classes:
            if events and _restates(ctx, i, c):
                told = (i, _elaborate(ctx, events, c, i))
                continue
            if told and told[0] >= i - CONTINUATION_REACH and _file_next_step(ctx, i, c, told[1]):
                told = (i, told[1])
                continue
            new = _events_for(ctx, i, c, default_place, found_in, events[-1] if events else None)
            events.extend(new)
            found_in.extend([i] * len(new))
            if events:
                told = (i, events[-1])  # its own incident, or the one it was folded into
    parents = {a: ctx.known[a].parent for e in events for a in e.actors}
    kinds = {a: ctx.known[a].kind for e in events for a in e.actors}
    merged = _arrests_in_battle(merge_same_incident(events, parents, kinds))
    merged = _headline_restatements(ctx, merged, parents)
    merged = _lead_summaries(ctx, merged, parents)
    merged = _escalated_protests(merged)
    merged = _seizures_at_the_scene(ctx, merged)
    _blamed_later(ctx, merged)
    single = ctx.cache.get(SINGLE_VICTIM)
    for e in merged:
        if single and e.fatalities is None and any(id(ev) in single for ev in e.evidence):
            e.fatalities = 1  # one victim named, and no count for the incident anywhere
        e.summary = summarize(ctx, e)
    return merged


SINGLE_VICTIM: Final = "single-victim evidence"  # ctx.cache key: evidence of a sentence naming one victim


# "the killing of", "this attack", "su captura": an incident the reader has already been told of
_DEFINITE_BEFORE: Final = EndingAt(r"(?<!\w)(?:the|this|that|these|those|his|her|their|its|el|la|los|las|este|esta|"
                            r"estos|estas|dicho|dicha|dichos|dichas|su|sus)\s+$")


def _restates(ctx: DocContext, i: int, c: Classification) -> bool:
    """Sentence ``i`` speaks of an incident already reported through a definite noun ("The
    killing of El Mencho must be seen within the fentanyl crisis in the United States", "El
    ataque ocurrió cerca de las 22:00 horas") and names no Mexican place or date of its own."""
    if not c.rule.startswith("trigger:") or not _DEFINITE_BEFORE.before(ctx, c.anchor, 12):
        return False
    return not _own_place_or_date(ctx, i)


def _own_place_or_date(ctx: DocContext, i: int) -> bool:
    """Sentence ``i`` names a Mexican place or a date of its own (so it may tell a new incident)."""
    return bool(_mexican(sentence_places(ctx, i))) or any(d.value for d in sentence_dates(ctx, i))


RESTATES: Final = "+restates"  # rule suffix of evidence that refers back to a reported incident
CONTINUATION_REACH: Final = 2  # sentences after an incident within which "then set on fire" still tells it
# "Several patrol vehicles were then set on fire", "banners left next to the burned trucks"
_CONTINUATION: Final = re.compile(r"\b(?:then|afterwards|after that|luego|despues|posteriormente|next to|beside|"
                           r"junto a|at the scene|en el lugar|en el sitio|left at)\b")


def _file_next_step(ctx: DocContext, i: int, c: Classification, latest: ExtractedEvent) -> bool:
    """Arson or a banner told right after a violent incident, as its next step or at its scene,
    with no place or date of its own, is a tactic of that incident, not one of its own: file it
    with ``latest`` as evidence and tactic, and say whether it was filed."""
    if not ({"arson", "narco_message"} & set(c.tags)) or latest.event_type not in PERPETRATED_TYPES:
        return False
    s = ctx.sentences[i]
    if not _CONTINUATION.search(ctx.folded, s.start, s.end):
        return False
    if _own_place_or_date(ctx, i):
        return False
    latest.tactics = sorted(set(latest.tactics) | set(_implied_tactics(c, [])))
    latest.evidence.append(Evidence(s.text, s.start, s.end, c.rule + "+continues"))
    groups = [r.actor_id for r in ctx.actors_in(i) if ctx.known[r.actor_id].kind in GROUP_KINDS]
    if groups and not any(ctx.known[a].kind in GROUP_KINDS for a in latest.actors):
        _add_actors(latest, groups)  # "banners signed by the CJNG left next to the burned trucks"
    return True


def _definite_event_word(ctx: DocContext, i: int) -> Match | None:
    """The first event word of sentence ``i`` when it follows a definite article or a
    demonstrative ("The attack ...", "El ataque ..."): the sentence speaks of an incident the
    reader has been told of. None otherwise."""
    words = ctx.of(i, "group")
    return words[0] if words and _DEFINITE_BEFORE.before(ctx, words[0].start, 12) else None


def _toll_of_reported(ctx: DocContext, i: int, latest: ExtractedEvent) -> None:
    """Sentence ``i`` reports no incident but gives the toll of the one just reported through a
    definite noun, naming no group or Mexican place of its own ("The attack left four dead",
    "El ataque dejó cuatro muertos"): the toll counts for ``latest``, the lowest figure winning."""
    if _definite_event_word(ctx, i) is None:
        return
    if ctx.actors_in(i) or _mexican(sentence_places(ctx, i)):
        return
    _count_toll(latest, numbers.fatalities(ctx, i))


# "The attack took place on Saturday in ...", "El ataque ocurrió en ...": where and when it happened
_TOOK_PLACE: Final = re.compile(r"\s+(?:took place|happened|occurred|unfolded|tuvo lugar|ocurrio|sucedio|se registro|"
                         r"se suscito|se produjo)\b")


def _details_of_reported(ctx: DocContext, i: int, latest: ExtractedEvent) -> bool:
    """Sentence ``i`` reports no incident of its own but says where and when the one just
    reported took place ("Gunmen flew drones over a community in the Sierra Tarahumara over the
    weekend ... The attack took place on Saturday in a hamlet of Guadalupe y Calvo"): a more
    precise place in the same state, and a date where it had none or a coarser one, replace the
    incident's. Returns whether the sentence was filed as its evidence."""
    word = _definite_event_word(ctx, i)
    if word is None or not _TOOK_PLACE.match(ctx.folded, word.end):
        return False
    if latest.place is not None:
        place = _best_place([p for p in _mexican(outside_dateline(ctx, i, sentence_places(ctx, i)))
                             if p.place.state == latest.place.state])
        if place is not None and _more_specific(place, latest.place):
            latest.place = place
    own = [d for d in sentence_dates(ctx, i) if d.value and d.kind != "year"]
    if own and own[0].value != ctx.pub_text:
        precision = DATE_PRECISION.get(own[0].precision or "")
        # a lead that gave no day, or only the day of the report, is corrected
        if latest.date is None or latest.date == ctx.pub_text or (latest.date_precision or 9) > (precision or 9):
            latest.date, latest.date_precision = own[0].value, precision
    s = ctx.sentences[i]
    latest.evidence.append(Evidence(s.text, s.start, s.end, "details" + RESTATES))
    return True


def _count_toll(event: ExtractedEvent, deaths: int | None) -> None:
    """Count a toll stated for ``event``'s incident: the lowest credible figure wins (ACLED)."""
    if deaths is not None:
        event.fatalities = deaths if event.fatalities is None else min(event.fatalities, deaths)


def _elaborate(ctx: DocContext, events: list[ExtractedEvent], c: Classification, i: int) -> ExtractedEvent:
    """File restating sentence ``i`` as evidence of the incident it refers to: the latest event
    of its type, else the latest event; a toll it gives ("the attack left four dead") counts
    for that incident, the lowest figure winning as elsewhere. Returns that incident."""
    same = [e for e in events if (e.event_type, e.sub_event_type) == (c.event_type, c.sub_event_type)]
    target = same[-1] if same else events[-1]
    s = ctx.sentences[i]
    target.evidence.append(Evidence(s.text, s.start, s.end, c.rule + RESTATES))
    _count_toll(target, numbers.fatalities(ctx, i, c.clause))
    return target


def clause_classes(ctx: DocContext, i: int) -> list[Classification]:
    """One classification per sentence, or one per clause when semicolons or a comma and one
    of the pack's ``clause_joins`` join two incidents ("X and Y announce alliance; banners in
    Culiacán celebrate the pact", "soldiers clashed with gunmen in Aguililla, while in Guerrero
    a drone attack hit a village"), or when a cause phrase reports an incident of its own (see
    :func:`_cause_cut`). Clauses that report the same kind of incident stay one."""
    s = ctx.sentences[i]
    cuts = [m.start() + s.start for m in re.finditer(";", s.text)] if ";" in s.text else []
    joins = ctx.cues(i, "clause_joins")
    if joins:
        cuts = sorted({*cuts, *_joined_clause_cuts(ctx, i, joins)})
    coordinated = False
    if not cuts:
        cuts = _coordinated_cuts(ctx, i)
        coordinated = bool(cuts)
    cause = None
    if not cuts:
        cuts, cause = _cause_cut(ctx, i)
    if cuts:
        bounds = [s.start, *cuts, s.end]
        spans = list(zip(bounds, bounds[1:]))
        parts = [classify(ctx, i, span) for span in spans]
        if cause is not None and not any(cause[0] <= p.start < cause[1] for p in ctx.places_in(i)):
            # a cause that names no place of its own is the incident reported elsewhere
            parts = [None if span == cause else c for span, c in zip(spans, parts)]
        found = [(c, span) for c, span in zip(parts, spans) if c is not None]
        if len({(c.event_type, c.sub_event_type) for c, _ in found}) > 1:
            return [c.in_clause(span, coordinated) for c, span in found]
    c = classify(ctx, i)
    return [c] if c else []


def _joined_clause_cuts(ctx: DocContext, i: int, joins: list[Match]) -> list[int]:
    """The commas of sentence ``i`` that a clause join follows (", while in Guerrero...",
    ", mientras que en Guerrero..."): a join without its comma ("killed while he drove") ties
    a circumstance to the same incident."""
    start = ctx.sentences[i].start
    cuts = []
    for m in joins:
        before = ctx.folded[start:m.start].rstrip()
        if before.endswith(","):
            cuts.append(start + len(before) - 1)
    return cuts


_AND: Final = re.compile(r"\s(?:and|y|e)\s+")


def _coordinated_cuts(ctx: DocContext, i: int) -> list[int]:
    """Where "and" / "y" joins a second predicate that opens with an event word and names a
    place of its own ("killed four people at a bar in Celaya and set fire to a pharmacy in
    Salamanca"): two incidents in two places. Without a place on each side the predicates
    are one incident ("asesinaron a cuatro personas e incendiaron el bar"). The predicates
    share their subject and the sentence's date."""
    places = ctx.places_in(i)
    if len(places) < 2 or ctx.cues(i, "causes"):
        return []  # a cause phrase divides the sentence its own way (see _cause_cut)
    dateline = _dateline_end(ctx, i)
    places = [p for p in places if p.start >= dateline and p.place.kind != "foreign"]
    if len(places) < 2:
        return []
    for conj in _AND.finditer(ctx.folded, places[0].end, places[-1].start):
        if _event_word_at(ctx, i, conj.end()):
            return [conj.start()]
    return []


def _event_word_at(ctx: DocContext, i: int, pos: int) -> bool:
    """An event word of sentence ``i`` (see :func:`_event_words`) starts at ``pos``."""
    for m in ctx.of(i, "group"):
        if m.start == pos:
            return True
    for m in ctx.of(i, "trigger"):
        if m.start == pos:
            return True
    return False


def _cause_cut(ctx: DocContext, i: int) -> tuple[list[int], tuple[int, int] | None]:
    """Where a cause phrase divides sentence ``i`` into two incidents, and the cause's part:
    "Days after the arrest of two men in Chilpancingo, demonstrators blocked the highway"
    reports the arrest and the blockade. The cut is at the cause word when a clause precedes
    it, else after the cause phrase (at its comma, or after the event word it names)."""
    causes = ctx.cues(i, "causes")
    if not causes:
        return [], None
    cause = causes[0]
    s = ctx.sentences[i]
    if any(m.start < cause.start for m in _event_words(ctx, i)):
        return [cause.start], (cause.start, s.end)
    comma = ctx.folded.find(",", cause.end, s.end)
    end = comma if comma >= 0 else _cause_end(ctx, i, cause.end)
    if end is None or end >= s.end:
        return [], None
    return [end], (s.start, end)


def _another_day(ctx: DocContext, i: int, c: Classification, latest: ExtractedEvent | None) -> bool:
    """Sentence ``i`` tells an incident of another kind on a day of its own, other than the
    latest incident's ("On Tuesday, hundreds of drivers marched ..." after Monday's killings):
    no mere detail of that incident."""
    if latest is None or latest.event_type == c.event_type or latest.date is None:
        return False
    value, _ = _date_for(ctx, i, c.clause)
    if value is None or value == latest.date:
        return False
    # its own day, or the one the sentence before it in the paragraph gives ("Los jóvenes acudieron el
    # 28 de agosto a una entrevista. Ahí, hombres armados los obligaron a subir a una camioneta")
    return any(d.value for d in sentence_dates(ctx, i)) or (
        i > 0 and ctx.sentences[i - 1].paragraph == ctx.sentences[i].paragraph
        and any(d.value for d in sentence_dates(ctx, i - 1)))


_LIST_ITEM: Final = re.compile(r"\s*(?:\d{1,2}[.)]|[-•*·])\s")
LIST_REACH: Final = 15  # sentences back in which a numbered item finds the line that introduces the list


def _list_intro(ctx: DocContext, i: int) -> int | None:
    """The sentence that introduces the list sentence ``i`` belongs to ("... se realizaron las
    siguientes acciones:"), when ``i`` lies in a numbered or bulleted item; else None."""
    floor = max(0, i - LIST_REACH)  # paragraphs are read no further back than the reach
    if not _LIST_ITEM.match(ctx.text, _paragraph_start(ctx, i, floor)):
        return None  # (most sentences: answered at once)
    for j in range(i - 1, floor - 1, -1):
        if ctx.sentences[j].text.rstrip().endswith(":"):
            return j
        if not _LIST_ITEM.match(ctx.text, _paragraph_start(ctx, j, floor)):
            return None  # a paragraph that is no list item stands between
    return None


def _paragraph_start(ctx: DocContext, j: int, floor: int) -> int:
    """Where the paragraph of sentence ``j`` starts, looking back no further than sentence ``floor``."""
    paragraph = ctx.sentences[j].paragraph
    while j > floor and ctx.sentences[j - 1].paragraph == paragraph:
        j -= 1
    return ctx.sentences[j].start


def _cause_part(ctx: DocContext, i: int, anchor: int) -> tuple[int, int] | None:
    """The cause phrase of sentence ``i`` when the incident is told there ("drivers stayed off
    the streets on Wednesday after three colleagues were shot dead"): the day of the main
    clause is not the incident's. None when the incident word comes before any cause word."""
    causes = ctx.cues(i, "causes")
    if causes and anchor >= causes[0].end:
        return causes[0].start, ctx.sentences[i].end
    return None


def _recent_event(found_in: list[int], i: int, reach: int = 3) -> bool:
    """An event was found in one of the ``reach`` sentences before sentence ``i``."""
    return any(i - reach <= j < i for j in found_in)


STALE_YEARS: Final = 2


def _stale(ctx: DocContext, date: str | None) -> bool:
    """Background: an incident dated years before the article is history, not news."""
    return bool(ctx.pub and date and int(date[:4]) < ctx.pub.year - STALE_YEARS)


def recalls_history(ctx: DocContext, i: int) -> bool:
    """Sentence ``i`` names years, all of them stale ("when the Zetas lost their leadership
    after 2012"), and no date of its own: background, not news (a date the sentence before
    gives does not make it news)."""
    if any(d.value and d.kind != "year" for d in sentence_dates(ctx, i)):
        return False
    years = years_named(ctx, i)
    if not years:
        # "In 2008 the Beltrán Leyva brothers turned against him ... Two years later the Zetas broke
        # away": a time counted from the sentence before is as old as that one's
        s = ctx.sentences[i]
        return i > 0 and counts_years_later(ctx.folded, s.start, s.end) and recalls_history(ctx, i - 1)
    now = reference_year(ctx)
    return now is not None and max(years) < now - STALE_YEARS



def _dead_of_the_fight(ctx: DocContext, i: int, c: Classification, latest: ExtractedEvent, found_in: list[int]) -> bool:
    """A bare count of people killed, told in the sentence right after a fight in the same
    paragraph ("Rival cartels clashed for hours in Chicomuselo. A priest said at least four people
    were killed"), is that fight's toll, though a killing alone would be an attack."""
    return (latest.event_type == "Battles" and c.sub_event_type == "Attack"
            and (c.rule.startswith("trigger:") or "civilians_killed" in c.tags) and bool(found_in) and found_in[-1] == i - 1
            and ctx.sentences[i].paragraph == ctx.sentences[i - 1].paragraph)


def _events_for(ctx: DocContext, i: int, c: Classification, default_place,
                found_in: list[int], latest: ExtractedEvent | None = None) -> list[ExtractedEvent]:
    """The events sentence ``i`` reports under classification ``c``; a sentence that only adds
    a detail to the ``latest`` incident gives none, but its toll counts for that incident when it
    is of the same kind (a later shootout's dead are not the attack's)."""
    s = ctx.sentences[i]
    events: list[ExtractedEvent] = []
    certainty = cert.of_sentence(ctx, i, c.anchor)
    if certainty.level in ("speculative", "denied") or cert.rumour_debunked(ctx, i):
        return events
    actors = event_actors(ctx, i)
    if c.clause:
        # "Aseguran drones en X; atribuyen a La Línea un secuestro": each clause keeps its own actors
        own = {r.actor_id for r in within(ctx.actors_in(i), c.clause)}
        if c.coordinated:  # "CJNG gunmen killed four people in Celaya and set fire to...": their subject
            first = min((m.start for m in _event_words(ctx, i)), default=s.start)
            own |= {r.actor_id for r in ctx.actors_in(i) if r.start < first}
        actors = [a for a in actors if a in own or any(ctx.known[p].kind == "person" and a in person_groups(ctx, p)
                                                        for p in own)]
    actors = [a for a in actors if not _relation_aside(ctx, i, a, c.anchor)]
    if not any(ctx.known[a].kind in GROUP_KINDS for a in actors) and c.sub_event_type != "Arrests":
        # (an arrest has no perpetrator: "Fue puesto a disposición ... Los atacantes serían de X")
        actors += [a for a in blamed_in_next(ctx, i) if a not in actors]
    places = sentence_places(ctx, i)
    if c.clause:
        places = _clause_places(ctx, c.clause, places)
    places = outside_dateline(ctx, i, places)  # per clause: a town the other clause names does not count
    if c.sub_event_type == "Agreement" and (
            (not places or c.rule == AGREEMENT_TOLD) and not any(d.value for d in sentence_dates(ctx, i))
            or cert.rumour_told_next(ctx, i) or ctx.cues(i, "unconfirmed")):
        # "officials say X have struck an alliance with Y": a relation, not a pact met somewhere;
        # "el CJNG se alió con bandas locales de Celaya", with no day, tells a standing alliance,
        # not a pact made (an announced one stays an event); a pact nobody can confirm is a rumour
        return events
    if not actors and not places and _recent_event(found_in, i) and not _another_day(ctx, i, c, latest):
        # a detail of the incident just reported ("En el lugar se aseguraron...", "the attack left four dead")
        if latest is not None and (latest.sub_event_type == c.sub_event_type or _dead_of_the_fight(ctx, i, c, latest, found_in)):
            _count_toll(latest, numbers.fatalities(ctx, i, c.clause))
        return events
    if not places and i > 0:
        places = _placed_at_home(ctx, i - 1)
    if not places:
        places = _paragraph_place(ctx, i)
    mexican = _mexican(places)
    if not places and default_place is not None:
        places = [default_place]
    if not actors and not places:
        return events
    if "narco_message" in c.tags or c.sub_event_type == "Other" and any(m.key == "banner" for m in ctx.usable(i, "tactic")):
        actors = _signers(ctx, i, actors)
    c = _one_sided(ctx, i, c, actors)
    actors = _participants(ctx, i, c, actors, places)
    if c.civilian_targeting:
        actors = [a for a in actors if not _finder(ctx, i, a)]
    date, precision = _date_for(ctx, i, None if c.coordinated else (c.clause or _cause_part(ctx, i, c.anchor)))
    if date is None and ctx.pub is not None and _live_entry(ctx, i):
        date, precision = ctx.pub.isoformat(), 1  # an entry of a live page tells that day's news
    if _stale(ctx, date) or recalls_history(ctx, i):
        return events
    tactics = sorted({m.key for m in within(ctx.usable(i, "tactic"), c.clause)})
    tactics = _implied_tactics(c, tactics)
    # a peaceful protest kills no one: the dead its sentence names are those it mourns
    deaths = None if c.sub_event_type == "Peaceful protest" else numbers.fatalities(ctx, i, c.clause)
    single = deaths is None and numbers.single_victim(ctx, i, c.clause)
    evidence = Evidence(s.text, s.start, s.end, c.rule)
    targets: list[Place | None]
    states = sorted({p.place.state for p in mexican if p.place.kind == "state" and p.place.state})
    named = set(states)
    if named:
        # places must agree with the states the sentence names
        mexican = [p for p in mexican if p.place.state in named] or mexican
    if len(states) >= 2 and c.event_type in SPLIT_BY_STATE_TYPES:
        targets = [_best_place([p for p in mexican if p.place.state == st]) for st in states]
    elif mexican:
        targets = [_best_place(mexican)]
    elif places:
        targets = [_best_place(places)]
    else:
        targets = [default_place]
    for place in targets:
        if _out_of_scope(ctx, place, actors):
            continue
        if place is None and date is None and actors and all(ctx.known[a].kind in FORCE_KINDS for a in actors):
            continue  # "images released by the military show seized devices": no incident
        if single:  # kept (not only its id) so that no later evidence can take that id
            ctx.cache.setdefault(SINGLE_VICTIM, {})[id(evidence)] = evidence
        events.append(ExtractedEvent(
            event_type=c.event_type, sub_event_type=c.sub_event_type, actors=list(actors),
            actor1=actors[0] if actors else None, actor2=actors[1] if len(actors) > 1 else None,
            assoc_actors=actors[2:], place=place, date=date, date_precision=precision,
            fatalities=deaths, tactics=tactics, tags=list(c.tags), certainty=certainty.level,
            attribution=certainty.attribution, civilian_targeting=c.civilian_targeting,
            evidence=[evidence],
        ))
    return events


# "7:15 a.m. — ", "12:45 | ", "06:42 - ": a paragraph of a live page opens with the time of the entry
_TIME_STAMP: Final = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?|\s*h(?:rs?)?\.?)?\s*(?:—|–|-|\|)\s")
LIVE_ENTRIES: Final = 3  # time-stamped paragraphs that make a live page


def _is_digit(ch: str) -> bool:
    """``ch`` is a digit as a regex's \\d reads it (any decimal digit: str.isdecimal()), ASCII
    ones told apart by comparison alone."""
    return "0" <= ch <= "9" or (ch >= "\x80" and ch.isdecimal())


def _live_entry(ctx: DocContext, i: int) -> bool:
    """Sentence ``i`` lies in a time-stamped entry of a live page (at least ``LIVE_ENTRIES``
    paragraphs open with a clock time): undated, it tells the news of the page's day."""
    starts = ctx.cache.get("live entries")
    if starts is None:
        firsts: dict[int, Sentence] = {}
        for s in ctx.sentences:
            firsts.setdefault(s.paragraph, s)
        text = ctx.text
        # a time stamp opens with a digit
        starts = {p for p, s in firsts.items()
                  if s.start < len(text) and _is_digit(text[s.start]) and _TIME_STAMP.match(text, s.start)}
        ctx.cache["live entries"] = starts = starts if len(starts) >= LIVE_ENTRIES else set()
    return ctx.sentences[i].paragraph in starts


PARAGRAPH_PLACE_REACH: Final = 3  # sentences back, within the paragraph, in which an incident's place is sought


def _paragraph_place(ctx: DocContext, i: int) -> list[PlaceRef]:
    """The Mexican places of the nearest earlier sentence of sentence ``i``'s paragraph that names
    any, two to ``PARAGRAPH_PLACE_REACH`` sentences back ("1. Reynosa, Tamaulipas. El domingo,
    soldados fueron agredidos ... El personal militar repelió la agresión."): a paragraph tells
    one place's news before the article's own place is assumed."""
    paragraph = ctx.sentences[i].paragraph
    for j in range(i - 2, max(-1, i - 1 - PARAGRAPH_PLACE_REACH), -1):
        if ctx.sentences[j].paragraph != paragraph:
            break
        places = _placed_at_home(ctx, j)
        if places:
            return places
    return []


def _placed_at_home(ctx: DocContext, j: int) -> list[PlaceRef]:
    """Sentence ``j``'s places of incidents, less the dateline and places abroad: where a
    sentence that names none borrows its place from."""
    return [p for p in outside_dateline(ctx, j, sentence_places(ctx, j)) if p.place.kind != "foreign"]


# "MORELIA, Mexico, Oct. 21, 2024 (Wire) — ...": the city a report is filed from
# ("Villahermosa, Tabasco; lunes 20 de enero de 2025.-": a semicolon may part place and date)
_DATELINE: Final = re.compile(r"[^\n,;—–]{2,40}(?:[,;][^\n,;—–]{2,40}){0,3}\s*(?:\([^)\n]{0,30}\)\s*)?(?:—|–|--|\s-\s|\.-)")


DATELINE_SENTENCES: Final = 4  # a dateline opens the body, right after a headline and maybe a byline


def _dateline_end(ctx: DocContext, i: int) -> int:
    """Where sentence ``i``'s dateline ends (its start when it has none)."""
    s = ctx.sentences[i]
    if i >= DATELINE_SENTENCES:
        return s.start
    key = ("dateline", i)
    end = ctx.cache.get(key)
    if end is None:
        stop = min(s.end, s.start + 120)
        window = ctx.text[s.start:stop]
        # a dateline ends with a dash of some kind; most opening sentences have none
        head = _DATELINE.match(ctx.text, s.start, stop) if "-" in window or "—" in window or "–" in window else None
        end = ctx.cache[key] = head.end() if head else s.start
    return end


def outside_dateline(ctx: DocContext, i: int, places: list[PlaceRef]) -> list[PlaceRef]:
    """Drop the dateline's city when the sentence also names where the incident happened: a
    town, or a state the city is not in ("MEXICO CITY - ... in the State of Mexico")."""
    if i >= DATELINE_SENTENCES or not places:
        return places  # no dateline so far into the text
    end = _dateline_end(ctx, i)
    rest = [p for p in places if p.start >= end]
    if any(p.place.kind in ("municipality", "locality") for p in rest):
        return rest
    states = {p.place.state for p in rest if p.place.kind == "state"}
    if states and all(p.place.state not in states for p in places if p.start < end):
        return rest
    return places


def _clause_places(ctx: DocContext, clause: tuple[int, int], places: list[PlaceRef]) -> list[PlaceRef]:
    """The places of one incident in a headline joined by a semicolon: its own clause's, else
    only the state the other clause names ("Drone attack hits Juárez, Michoacán; soldiers
    wounded by roadside bomb" does not put the bomb in Juárez)."""
    own = within(places, clause)
    if own:
        return own
    states = {p.place.state for p in places if p.place.kind != "foreign" and p.place.state}
    if len(states) != 1:
        return []
    first = places[0]
    return [place_ref(first.start, first.end, state_place(ctx, next(iter(states))), first.sentence, first.surface)]


def _segment(ctx: DocContext, i: int, pos: int) -> tuple[int, int]:
    """The comma-delimited stretch of sentence ``i`` around ``pos``."""
    s = ctx.sentences[i]
    start = ctx.folded.rfind(",", s.start, pos)
    end = ctx.folded.find(",", pos, s.end)
    return (start + 1 if start >= 0 else s.start, end if end >= 0 else s.end)


def _relation_aside(ctx: DocContext, i: int, actor: str, anchor: int) -> bool:
    """The actor is named only as the subject of a side clause about a standing relation, away
    from the incident ("..., the Sinaloa cartel is their rival"): a party to the relation, not to
    the event."""
    if not any(m.key in STANDING for m in ctx.of(i, "rel")):
        return False  # no standing relation is stated in the sentence
    refs = [r for r in ctx.actors_in(i) if r.actor_id == actor]
    if not refs:
        return False
    for r in refs:
        lo, hi = _segment(ctx, i, r.start)
        if lo <= anchor < hi:
            return False
        inside = [m for m in ctx.in_sentence(i) if lo <= m.start < hi]
        if any(m.category in ("trigger", "group") for m in inside):
            return False
        cues = [m for m in inside if m.category == "rel" and m.key in STANDING and m.start >= r.end]
        if not any(_COPULA.search(ctx.folded, r.end, m.start) for m in cues):
            return False
    return True


# "<group> is their rival", "<grupo> es su enemigo": a statement of its own, not a phrase
# tying the incident to a war ("in the feud between A and B")
_COPULA: Final = re.compile(r"\b(?:is|are|was|were|remains?|es|son|era|eran|sigue siendo|siguen siendo)\b")


# "... where soldiers and state police located them": the force that finds victims did not kill them
_DISCOVERY: Final = re.compile(r"[^.;:]{0,60}?\b(?:located|found|discovered|rescued|recovered|localizaron|hallaron|"
                        r"encontraron|rescataron|ubicaron|localizo|hallo|encontro|rescato|"
                        # "... con la Defensa y la Guardia Nacional, fueron localizados y recuperados los cuerpos"
                        r"localizad[oa]s|hallad[oa]s|encontrad[oa]s|recuperad[oa]s|rescatad[oa]s)\b")


def _finder(ctx: DocContext, i: int, actor: str) -> bool:
    """A force named in sentence ``i`` only as the one that located or rescued the victims."""
    refs = [r for r in ctx.actors_in(i) if r.actor_id == actor]
    return bool(refs) and ctx.known[actor].kind in FORCE_KINDS and \
        all(_DISCOVERY.match(ctx.folded, r.end) for r in refs)


_TYPE_TACTIC: Final = {"Air/drone strike": "drone", "Remote explosive/landmine/IED": "ied", "Grenade": "grenade"}


def _participants(ctx: DocContext, i: int, c: Classification, actors: list[str],
                  places: list[PlaceRef]) -> list[str]:
    """Drop names that are not parties: foreign agencies that only advise, warn or supply
    intelligence (they stay in arrests, and at home: "HSI agents seized rifles in El Paso"),
    and the enemy named after "against" in an agreement."""
    at_home = {p.place.country for p in places if p.place.kind == "foreign"}
    out = [a for a in actors if not (ctx.known[a].kind in FORCE_KINDS and ctx.known[a].country not in (None, "MX")
                                     and c.sub_event_type != "Arrests" and ctx.known[a].country not in at_home)]
    if c.sub_event_type == "Agreement":
        s = ctx.sentences[i]
        against = AGAINST.search(ctx.folded, s.start, s.end)
        if against:
            after = {r.actor_id for r in ctx.actors_in(i) if r.start >= against.end()}
            before = {r.actor_id for r in ctx.actors_in(i) if r.start < against.start()}
            out = [a for a in out if a in before or a not in after]
    return out




IN_SCOPE_COUNTRIES: Final = frozenset({"MX", "US"})


def _out_of_scope(ctx: DocContext, place: Place | None, actors: list[str]) -> bool:
    """Incidents abroad count only in the US (border, arrests, extraditions) with someone
    acting, or when a Mexican group takes part; 'as ISIS did in Iraq' is a comparison, and
    "lessons from the Middle East, such as IEDs" with the U.S. named is no incident either."""
    if place is None or place.kind != "foreign":
        return False
    if place.country in IN_SCOPE_COUNTRIES:
        return not actors
    return not any(ctx.known[a].country == "MX" and ctx.known[a].kind in GROUP_KINDS for a in actors)


def _implied_tactics(c: Classification, tactics: list[str]) -> list[str]:
    implied = _TYPE_TACTIC.get(c.sub_event_type)
    out = set(tactics)
    if implied and not (implied == "ied" and {"landmine", "car_bomb"} & out):
        out.add(implied)
    for tag in c.tags:
        if tag in ("car_bomb", "mass_grave", "blockade", "arson"):
            out.add(tag)
        if tag == "narco_message":
            out.add("banner")
    return sorted(out)


def _compatible(a: ExtractedEvent, b: ExtractedEvent, parents: dict, kinds: Mapping[str, str]) -> bool:
    if (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type):
        return False
    pa, pb = a.place, b.place
    if pa and pb:
        if pa.state != pb.state or pa.country != pb.country:
            return False
        ma, mb = pa.municipality_code, pb.municipality_code
        if ma and mb and ma != mb:
            return False
    elif (pa and pa.state) or (pb and pb.state):
        # one has a state, the other none: same incident only if actors agree
        if not (set(a.actors) & set(b.actors)):
            return False
    if not _dates_agree(a.date, b.date):
        return False
    if a.actors and b.actors and not _related_actors(parents, a.actors, b.actors) \
            and not (a.event_type == "Battles" and (_opposite_sides(a.actors, b.actors, kinds)
                                                   or _forces_together(a, b, kinds))):
        return False
    return True


def _forces_together(a: ExtractedEvent, b: ExtractedEvent, kinds: Mapping[str, str]) -> bool:
    """Two mentions of a fight that each name only state forces, on the same day in the same
    municipality ("state police were fired on in Tecate ... the agents repelled the attack with
    the support of municipal police"): forces that fought side by side."""
    return bool(a.date and a.date == b.date and len(a.date) == 10 and a.place and b.place
                and a.place.municipality_code and a.place.municipality_code == b.place.municipality_code
                and all(kinds.get(x) in FORCE_KINDS for x in a.actors + b.actors))


def _dates_agree(a: str | None, b: str | None) -> bool:
    """Two event dates can be one day: either is missing, or one contains the other
    ("2025-09" and "2025-09-14")."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def _opposite_sides(a: list[str], b: list[str], kinds: Mapping[str, str]) -> bool:
    """One mention names only the state forces of a battle and the other only the groups
    ("Police repelled an attack in Guadalupe" / "the attackers, members of the CDN, opened
    fire on a patrol"): the two sides of one fight."""
    sa, sb = _sides(kinds, a), _sides(kinds, b)
    return len(sa) == 1 and len(sb) == 1 and sa != sb


def _sides(kinds: Mapping[str, str], ids: list[str]) -> set[bool]:
    return {kinds.get(x) in FORCE_KINDS for x in ids}


def _related_actors(parents: dict, a: list[str], b: list[str]) -> bool:
    """Shared actors, counting a faction and its parent as the same side ("a Gulf Cartel
    faction" in the headline, "Grupo Escorpión" in the body)."""
    return bool(_family(parents, a) & _family(parents, b))


def _family(parents: dict, ids: list[str]) -> set[str]:
    """The actors and their parents."""
    out = set(ids)
    out.update(p for p in (parents.get(i) for i in ids) if p)
    return out


def merge_same_incident(events: list[ExtractedEvent], parents: dict | None = None,
                        kinds: Mapping[str, str] | None = None) -> list[ExtractedEvent]:
    """Merge mentions of one incident; ``parents`` maps actor id -> parent id, ``kinds`` actor
    id -> kind (state force or group: the sides of a battle)."""
    parents = parents or {}
    kinds = kinds or {}
    out: list[ExtractedEvent] = []
    for e in events:
        target = next((o for o in out if _compatible(o, e, parents, kinds)), None)
        if target is None:
            out.append(e)
            continue
        if e.place and target.place is not None and _more_specific(e.place, target.place):
            target.place = e.place
        if e.date and target.date and len(e.date) > len(target.date):
            target.date, target.date_precision = e.date, e.date_precision
        _absorb(target, e)
    return out


def _add_actors(e: ExtractedEvent, actors: Iterable[str]) -> None:
    """Append the actors ``e`` lacks and keep actor1, actor2 and the associated actors in step."""
    e.actors.extend(a for a in dict.fromkeys(actors) if a not in e.actors)
    e.actor1 = e.actors[0] if e.actors else None
    e.actor2 = e.actors[1] if len(e.actors) > 1 else None
    e.assoc_actors = e.actors[2:]


def _absorb(host: ExtractedEvent, e: ExtractedEvent) -> None:
    """Fold ``e``, another mention of ``host``'s incident, into ``host``: its actors, evidence,
    tactics and tags, the lowest death count, and its place and date where ``host`` has none."""
    _add_actors(host, e.actors)
    if host.place is None:
        host.place = e.place
    if not host.date and e.date:
        host.date, host.date_precision = e.date, e.date_precision
    _count_toll(host, e.fatalities)
    host.tactics = sorted(set(host.tactics) | set(e.tactics))
    host.tags = sorted(set(host.tags) | set(e.tags))
    told = {(ev.start, ev.end, ev.rule) for ev in host.evidence}
    host.evidence.extend(ev for ev in e.evidence if (ev.start, ev.end, ev.rule) not in told)  # a reading once
    if host.certainty != "asserted" and e.certainty == "asserted":
        host.certainty = "asserted"


BLAMED_NOUN_REACH: Final = 8  # "blamed the attack": characters from the blame word to the incident's noun
# incident nouns the codebook's trigger words do not spell: "the burnings were carried out by"
_INCIDENT_NOUN: Final = re.compile(r"\b(?:the|these|those|los|las|estos|estas)\s+(?:burnings|arson attacks|blockades|killings|"
                            r"murders|shootings|quemas|incendios|bloqueos|asesinatos|homicidios)\b")
# who did it all: "los atacantes serían integrantes de", "the gunmen were members of" (every
# incident told so far that has no group yet, as with "toda la jornada")
_PERPETRATOR_NOUN: Final = re.compile(r"\b(?:the|los)\s+(?:attackers|aggressors|gunmen|atacantes|agresores)\b")
_WHOLE_DAY: Final = re.compile(r"\s+(?:toda la jornada|la jornada violenta|los hechos violentos de|todos los hechos|todos los ataques|"
                        r"the day's violence|all the attacks|all of the attacks|the violence of)\b")
PERPETRATED_TYPES: Final = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence"})
PERPETRATED_SUBTYPES: Final = frozenset({"Looting/property destruction"})  # arson and blockades have a perpetrator too


def _blamed_later(ctx: DocContext, events: list[ExtractedEvent]) -> None:
    """A later sentence that names the perpetrator of an incident already reported ("La
    Fiscalía informó que el ataque fue cometido por una célula del CSRL", "Officials blamed the
    attack on the CJNG") gives that incident its group, when it has none yet."""
    if not events:
        return
    for i in ctx.sentences_with_cue("blame"):
        s = ctx.sentences[i]
        earlier = [e for e in events if e.evidence[0].start < s.start
                   and (e.event_type in PERPETRATED_TYPES or e.sub_event_type in PERPETRATED_SUBTYPES)]
        if not earlier:
            continue  # (read first: the cheapest of the conditions, all of which must hold)
        blame = _first_blame(ctx, i)
        if blame is None:
            continue
        end = _BLAME_END.search(ctx.folded, blame.end, s.end)
        stop = end.start() if end else s.end
        named = [r for r in ctx.actors_in(i)
                 if blame.end <= r.start < stop and ctx.known[r.actor_id].kind in GROUP_KINDS]
        # "una célula de Los Metros, facción del Cártel del Golfo": the cartel only describes its faction
        parents = {ctx.known[r.actor_id].parent for r in named}
        groups = [r.actor_id for r in named if not (r.actor_id in parents and describes(ctx, r))]
        if not groups:
            continue
        # "the attack was blamed on X" or "officials blamed the attack on X": the incident is named
        # with a definite article before the blame word or right after it; "toda la jornada", "the
        # day's violence" names every incident told so far
        whole_day = _WHOLE_DAY.match(ctx.folded, blame.end) or _PERPETRATOR_NOUN.search(ctx.folded, s.start, blame.end)
        incident = _INCIDENT_NOUN.search(ctx.folded, s.start, min(s.end, blame.end + BLAMED_NOUN_REACH + 20)) or (
            # "Investigators attributed it to La Línea", "lo atribuyeron a": the incident just told
            (_IT_AFTER.match(ctx.folded, blame.end) or _IT_BEFORE.before(ctx, blame.start, 8))
            and any(ev.end >= ctx.sentences[i - 1].end and ev.start < s.start for e in events for ev in e.evidence))
        if not whole_day and not incident and not any((m.start < blame.start or m.start - blame.end <= BLAMED_NOUN_REACH)
                                     and (m.category == "trigger" or m.key == "attack_words")
                                     and _DEFINITE_BEFORE.before(ctx, m.start, 12) for m in ctx.in_sentence(i)):
            continue
        for target in (earlier if whole_day else earlier[-1:]):
            if any(ctx.known[a].kind in GROUP_KINDS for a in target.actors):
                continue
            _add_actors(target, groups)
            target.evidence.append(Evidence(s.text, s.start, s.end, "blame" + RESTATES))


_IT_AFTER: Final = re.compile(r"\s+it\s+(?:to|on)\b")
_IT_BEFORE: Final = EndingAt(r"\b(?:se\s+)?(?:lo|la)\s+$")

HEADLINE_REACH: Final = 8  # a title line sits among the first lines (after any site furniture)


def _headline(ctx: DocContext, i: int) -> bool:
    """Sentence ``i`` is a title: an early line of its own with no closing stop."""
    if i >= HEADLINE_REACH:
        return False
    s = ctx.sentences[i]
    alone = all(t.paragraph != s.paragraph for t in ctx.sentences[max(0, i - 1):i + 2] if t.index != i)
    return alone and not s.text.rstrip().endswith((".", "!", "?", ":", '"', "”"))


def _headline_restatements(ctx: DocContext, events: list[ExtractedEvent], parents: dict) -> list[ExtractedEvent]:
    """A title compresses the story: an event found only in the title, whose actors take part
    in an incident the body reports under another type ("CIA intelligence key to El Mencho
    killing" over an operation in which he died), is that incident, not a second one."""
    return _fold(events, partial(_headline_host, ctx, events, parents))


def _headline_host(ctx: DocContext, events: list[ExtractedEvent], parents: dict,
                   e: ExtractedEvent) -> ExtractedEvent | None:
    if not e.actors or _told_in_body(ctx, e):
        return None
    announced = _forces_only(ctx, e.actors)
    return next((b for b in events if b is not e and b.actors and _told_in_body(ctx, b)
                 and _same_region(e.place, b.place)
                 and (_related_actors(parents, e.actors, b.actors)
                      or announced and _announced_in(ctx, e, b))), None)


def _lead_sentence(ctx: DocContext) -> int | None:
    """The lead: the first sentence after any title lines."""
    return next((s.index for s in ctx.sentences[:HEADLINE_REACH] if not _headline(ctx, s.index)), None)


def _lead_summaries(ctx: DocContext, events: list[ExtractedEvent], parents: dict) -> list[ExtractedEvent]:
    """A lead sums up incidents the body then tells one by one, naming places loosely ("in
    Tabasco's capital", "in the west of the state"): an event found only in the title and lead
    is the body's incident of the same type in the same state and time, even where the loose
    place resolved to another municipality."""
    lead = _lead_sentence(ctx)
    if lead is None:
        return events
    return _fold(events, partial(_lead_host, ctx, lead, events, parents))


def _summary_only(ctx: DocContext, lead: int, e: ExtractedEvent) -> bool:
    return all(ctx.sentence_of(ev.start) <= lead for ev in e.evidence)


def _lead_host(ctx: DocContext, lead: int, events: list[ExtractedEvent], parents: dict,
               e: ExtractedEvent) -> ExtractedEvent | None:
    if not _summary_only(ctx, lead, e):
        return None
    return next((b for b in events if b is not e and not _summary_only(ctx, lead, b)
                 and (b.event_type, b.sub_event_type) == (e.event_type, e.sub_event_type)
                 and e.place is not None and b.place is not None and e.place.state
                 and e.place.state == b.place.state and _dates_agree(e.date, b.date)
                 and (not e.actors or not b.actors or _related_actors(parents, e.actors, b.actors))), None)


def _forces_only(ctx: DocContext, actors: list[str]) -> bool:
    """Every actor is a state force: in a title, often the body that announces an operation
    ("Gabinete de Seguridad informa la detención de ...") rather than the one that made it."""
    return all(ctx.known[a].kind in FORCE_KINDS for a in actors)


def _announced_in(ctx: DocContext, title: ExtractedEvent, body: ExtractedEvent) -> bool:
    """The body event is the operation a title naming only a force announces: same kind of
    event on the same day, made by other forces, against a group."""
    return ((title.event_type, title.sub_event_type) == (body.event_type, body.sub_event_type)
            and _dates_agree(title.date, body.date) and not _forces_only(ctx, body.actors)
            and any(ctx.known[a].kind in FORCE_KINDS for a in body.actors))


def _told_in_body(ctx: DocContext, e: ExtractedEvent) -> bool:
    """Some sentence outside the title reports the event (restating sentences do not count)."""
    return any(not ev.rule.endswith(RESTATES) and not _headline(ctx, ctx.sentence_of(ev.start)) for ev in e.evidence)


def _same_region(a: Place | None, b: Place | None) -> bool:
    return a is None or b is None or (a.country == b.country and (not a.state or not b.state or a.state == b.state))


def _arrests_in_battle(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Arrests reported in the same sentence as a clash, with no actor the clash lacks
    ("Enfrentamiento deja tres abatidos; detienen a dos"), are that battle's outcome, not an
    incident of their own (ACLED codes them with the battle)."""
    battles = [e for e in events if e.event_type == "Battles"]
    if not battles:
        return events
    return _fold(events, partial(_battle_host, battles))


def _battle_host(battles: list[ExtractedEvent], e: ExtractedEvent) -> ExtractedEvent | None:
    if e.sub_event_type != "Arrests":
        return None
    spans = {(ev.start, ev.end) for ev in e.evidence}
    return next((b for b in battles if spans <= {(ev.start, ev.end) for ev in b.evidence}
                 and set(e.actors) <= set(b.actors)
                 and (e.place is None or b.place is None or e.place.state == b.place.state)), None)


def _fold(events: list[ExtractedEvent],
          host_of: Callable[[ExtractedEvent], ExtractedEvent | None]) -> list[ExtractedEvent]:
    """The events, in order, less those ``host_of`` finds another mention of: each of those is
    absorbed into its host (titles, leads and arrests inside a clash). ``host_of`` is a
    module-level function with its arguments bound, not a closure: compiled, a closure and its
    frame refer to each other, and that cycle kept each document's state alive until the
    cyclic collector ran."""
    out = []
    for e in events:
        host = host_of(e)
        if host is None:
            out.append(e)
        else:
            _absorb(host, e)
    return out


# "Soldiers seized four rifles ... at the scene", "Marines also seized ...", "En el lugar se aseguraron"
_AT_THE_SCENE: Final = re.compile(r"\b(?:at the scene|also|en el lugar|tambien|asimismo|en la misma accion|"
                           r"durante (?:la accion|el operativo)|in the raid|during the raid|in the operation)\b")


def _seizures_at_the_scene(ctx: DocContext, events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """A seizure told in the sentence after a clash or an arrest, by the same forces and "at the
    scene" / "also" / "en el lugar", is that operation's outcome (ACLED codes the operation
    once), not a find of its own."""
    hosts = [e for e in events if e.event_type == "Battles" or e.sub_event_type == "Arrests"]
    if not hosts:
        return events
    return _fold(events, partial(_scene_host, ctx, hosts))


def _scene_host(ctx: DocContext, hosts: list[ExtractedEvent], e: ExtractedEvent) -> ExtractedEvent | None:
    if e.sub_event_type != "Disrupted weapons use" or len(e.evidence) != 1 or not e.actors:
        return None
    j = ctx.sentence_of(e.evidence[0].start)
    for h in hosts:
        if set(e.actors) <= set(h.actors) and _dates_agree(e.date, h.date) \
                and any(ctx.sentence_of(ev.start) == j - 1 for ev in h.evidence) \
                and (e.place is None or h.place is None or e.place.municipality_code == h.place.municipality_code):
            # the sentence's words decide for every host alike: read them only for one that fits
            s = ctx.sentences[j]
            return h if _AT_THE_SCENE.search(ctx.folded, s.start, s.end) else None
    return None


_SIGNED_BY: Final = EndingAt(r"\b(?:signed\s+(?:allegedly\s+|purportedly\s+|apparently\s+)?by|signed with the name of|"
                      r"firmad[oa]s?\s+(?:presuntamente\s+|supuestamente\s+|aparentemente\s+)?por|"
                      r"firmad[oa]s? con el nombre de|firmad[oa]s? con las siglas del?|signed with the initials of|"
                      r"atribuid[oa]s? a)\s+(?:the\s+|el\s+|la\s+|los\s+)?$")


def _signers(ctx: DocContext, i: int, actors: list[str]) -> list[str]:
    """A banner's actors are the group that signs it ("banners signed by La Mayiza, accusing the
    Chapitos of working with the CJNG"): groups its message names are not its authors. A
    sentence that names no signer may be followed by one that does ("The messages, signed by La
    Mayiza, celebrate ...")."""
    signers = [r.actor_id for r in ctx.actors_in(i) if _SIGNED_BY.before(ctx, r.start, 30, sliced=True)]
    if not signers:
        j = i + 1  # "... retiró una narcomanta. El mensaje, firmado presuntamente por el Cártel Arellano Félix, ..."
        if j < len(ctx.sentences) and ctx.sentences[j].paragraph == ctx.sentences[i].paragraph:
            later = [r.actor_id for r in ctx.actors_in(j) if _SIGNED_BY.before(ctx, r.start, 40, sliced=True)]
            if later:
                # the groups its message names ("acusan a ... de proteger a La Barredora") are not its authors
                own = {r.actor_id for r in ctx.actors_in(i)}
                named = {r.actor_id for r in ctx.actors_in(j)}
                actors = [a for a in actors if a in own or a not in named or ctx.known[a].kind in FORCE_KINDS]
                actors += [a for a in later if a not in actors]
        return actors
    return [a for a in actors if a in signers or ctx.known[a].kind in FORCE_KINDS] or signers


_ESCALATED: Final = frozenset({("Riots", "Violent demonstration"), ("Protests", "Protest with intervention"),
                        ("Protests", "Excessive force against protesters")})


def _escalated_protests(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """A march told as peaceful and then as turning violent or being broken up ("cientos de
    personas marcharon en Morelia … al final de la marcha, manifestantes derribaron una puerta")
    is one demonstration, coded by what it became (ACLED codes the event once)."""
    escalated = [e for e in events if (e.event_type, e.sub_event_type) in _ESCALATED]
    if not escalated:
        return events
    return _fold(events, partial(_march_host, escalated))


def _march_host(escalated: list[ExtractedEvent], e: ExtractedEvent) -> ExtractedEvent | None:
    if e.sub_event_type != "Peaceful protest" or e.place is None:
        return None
    place = e.place
    return next((b for b in escalated if b.place is not None and b.place.state == place.state
                 and b.place.municipality_code == place.municipality_code
                 and _dates_agree(e.date, b.date)), None)


def _more_specific(a: Place, b: Place) -> bool:
    return a.geo_precision < b.geo_precision


def summarize(ctx: DocContext, e: ExtractedEvent) -> str:
    names = [ctx.known[a].name for a in e.actors]
    where = ""
    place = e.place  # (a dataclass: each field is read once, by name)
    if place:
        where = place.municipality or place.name
        state = place.state
        if state and place.kind != "state":
            st = ctx.pack.states.get(state)
            where = f"{where}, {st.name if st else state}"
    parts = [e.sub_event_type]
    if names:
        parts.append("involving " + ", ".join(names))
    if where:
        parts.append("in " + where)
    date = e.date
    if date:
        parts.append("on " + date)
    fatalities = e.fatalities
    if fatalities:
        parts.append(f"({fatalities} dead)")
    return " ".join(parts)
