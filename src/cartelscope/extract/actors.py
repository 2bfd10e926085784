"""Actor mentions: aliases, ambiguous names, coordinated names, examples and back-references.

* Overlapping names keep the longest ("Sinaloa Cartel" beats the state "Sinaloa").
* An ambiguous name ("Juárez", "La Familia", "Golfo") is an actor only next to a group word
  (cartel, cártel, gang, faction, grupo, organización) or when no place reading fits.
* "the Sinaloa and Jalisco cartels" gives both cartels: a place name coordinated with a
  cartel alias becomes that place's cartel when such an alias exists.
* Groups listed as examples or comparisons ("such as", "like", "como", "as ISIS did") are
  marked ``example`` and are not actors of events.
* "the cartel", "the group", "la organización criminal" point back to the nearest group named
  in the same or the three previous sentences.
"""
from __future__ import annotations

from typing import Final

import re
from operator import attrgetter

from cartelscope.extract.backward import EndingAt
from cartelscope.extract.context import ActorRef, DocContext, per_pack
from cartelscope.extract.places import capitals_in, single_state_of_name
from cartelscope.extract.textmatch import Match, first_at_or_after, furthest_ends
from cartelscope.knowledge import norm

GROUP_KINDS: Final = frozenset({"cartel", "faction", "cell", "armed_wing", "gang", "foreign_group", "coalition"})
FORCE_KINDS: Final = frozenset({"state_force", "self_defense"})
_GROUP_WORD: Final = re.compile(r"\b(?:cartel|cartels|carteles|gang|faction|grupo|organizacion|organization|cartel's)\b")
_COORD: Final = re.compile(r"^\s*(?:,|and|y|e|&)\s*(?:the\s+|el\s+|la\s+)?$")
_MONTH_CONTEXT: Final = EndingAt(r"(?:\d\s*(?:de)?|\bde|\ben|\bin|\bsince|\bdesde|\blast|\bpasado|\bof|\bhasta|\bmid|\bearly|\blate)\s*$")


def _settle(cluster: list[Match]) -> list[Match]:
    """The longest-first choice within one cluster of overlapping matches."""
    first = cluster[0]
    for m in cluster:
        if m.start != first.start or m.end != first.end:
            break
    else:
        return cluster  # one span, read several ways: nothing to choose
    taken: list[Match] = []  # one match per span taken
    out: list[Match] = []
    for m in _in_order(cluster, by_rank=True):
        if not _same_span_in(taken, m):
            if _overlaps(taken, m.start, m.end):
                continue
            taken.append(m)
        out.append(m)
    return out


def _in_order(matches: list[Match], by_rank: bool) -> list[Match]:
    """``matches`` sorted, stably, by :func:`_ranks_before` or else by :func:`_starts_before`:
    an insertion sort whose comparisons run compiled, for the handful of names in a cluster."""
    out: list[Match] = []
    for m in matches:
        i = len(out)
        out.append(m)
        while i > 0 and (_ranks_before(m, out[i - 1]) if by_rank else _starts_before(m, out[i - 1])):
            out[i] = out[i - 1]
            i -= 1
        out[i] = m
    return out


def _ranks_before(a: Match, b: Match) -> bool:
    """By length (longest first), then category ("actor" < "ambiguous" < "place"
    alphabetically), then start."""
    if a.end - a.start != b.end - b.start:
        return a.end - a.start > b.end - b.start
    if a.category != b.category:
        return a.category < b.category
    return a.start < b.start


def _starts_before(a: Match, b: Match) -> bool:
    """By start, then category."""
    return a.start < b.start or a.start == b.start and a.category < b.category


def _same_span_in(matches: list[Match], m: Match) -> bool:
    for x in matches:
        if x.start == m.start and x.end == m.end:
            return True
    return False


def _overlaps(matches: list[Match], start: int, end: int) -> bool:
    for x in matches:
        if x.start < end and start < x.end:
            return True
    return False


_START: Final = attrgetter("start")


def split_names(ctx: DocContext) -> tuple[list[Match], list[Match]]:
    """Settle overlapping and ambiguous names; returns (actor matches, place matches), each in
    text order.

    Of overlapping names the longest is taken; one overlapping a name already taken is dropped
    unless it has the very same span (a name read as actor and as place), and a span read as
    both, or listed as ambiguous, is settled by its context. Most names overlap nothing, so
    the text is cut into clusters of overlapping spans and only clusters of two or more are
    settled; the answer is the same as settling all at once."""
    actor_ms: list[Match] = []
    place_ms: list[Match] = []
    cluster: list[Match] = []
    reach = -1
    for m in ctx.names:
        if m.start >= reach:
            if cluster:
                _take_cluster(ctx, cluster, actor_ms, place_ms)
            cluster = [m]
            reach = m.end
        else:
            cluster.append(m)
            if m.end > reach:
                reach = m.end
    if cluster:
        _take_cluster(ctx, cluster, actor_ms, place_ms)
    return actor_ms, place_ms


def _take_cluster(ctx: DocContext, cluster: list[Match], actor_ms: list[Match], place_ms: list[Match]) -> None:
    """Settle one cluster of overlapping names, adding its actor and place readings."""
    if len(cluster) == 1:  # a name that overlaps nothing: nothing to settle
        one = cluster[0]
        if one.category == "actor":
            actor_ms.append(one)
        elif one.category == "place":
            place_ms.append(one)  # (a lone ambiguous name is neither)
        return
    # by start; readings of one span stand together, actor first
    chosen = _in_order(_settle(cluster), by_rank=False)
    k, n = 0, len(chosen)
    while k < n:
        m = chosen[k]
        j = k + 1
        while j < n and chosen[j].start == m.start:
            j += 1
        ms = chosen[k:j]
        k = j
        cats = {x.category for x in ms}
        actor_here = [x for x in ms if x.category == "actor"]
        if "ambiguous" in cats or (actor_here and "place" in cats):
            reading = _ambiguous_reading(ctx, m.start, m.end, actor_here)
            if reading == "actor" and actor_here:
                actor_ms.append(_homonym(ctx, actor_here))
            elif reading == "place":
                place_ms.extend(x for x in ms if x.category == "place")
            continue
        if len({x.key for x in actor_here}) > 1:
            actor_here = [_homonym(ctx, actor_here)]
        actor_ms.extend(actor_here)
        place_ms.extend(x for x in ms if x.category == "place")


def _homonym(ctx: DocContext, actor_ms: list[Match]) -> Match:
    """Of groups sharing a name (La Barredora of Acapulco and of Tabasco), the one whose home
    states the article names most; the knowledge pack's first on a tie."""
    if not any(ctx.known[m.key].states for m in actor_ms):
        return actor_ms[0]  # none has home states (forces): nothing to count
    named = _states_named(ctx)
    return max(actor_ms, key=lambda m: sum(named.get(st, 0) for st in ctx.known[m.key].states))


def _states_named(ctx: DocContext) -> dict[str, int]:
    """How often the text names each state, directly or through a municipality only one state has."""
    named = ctx.cache.get("states_named")
    if named is None:
        named = ctx.cache["states_named"] = {}
        state_of = single_state_of_name(ctx.pack)
        for m in ctx.all_of("place"):
            st = state_of.get(m.key)
            if st:
                named[st] = named.get(st, 0) + 1
    return named


AMBIGUOUS_REACH: Final = 25  # characters read around an ambiguous name


def _ambiguous_reading(ctx: DocContext, s: int, e: int, actor_ms: list[Match]) -> str | None:
    if _GROUP_WORD.search(ctx.folded[e:e + 14]) or _GROUP_WORD_BEFORE.before(ctx, s, AMBIGUOUS_REACH, sliced=True):
        return "actor"
    has_place = bool(ctx.pack.place_index.get(ctx.folded[s:e].strip()))
    surface = ctx.text[s:e]
    if not actor_ms:
        return "place" if has_place else None
    if norm(surface) in _MONTHS and _MONTH_CONTEXT.before(ctx, s, AMBIGUOUS_REACH, sliced=True):
        return None
    if has_place:
        if _COMMA_NAME_AFTER.search(ctx.text[e:e + 4]) or _PLACE_WORD_BEFORE.before(ctx, s, AMBIGUOUS_REACH, sliced=True):
            return "place"
        refs = ctx.pack.place_index.get(ctx.folded[s:e].strip(), [])
        if any(r.kind in ("state", "municipality") for r in refs):
            kinds = {ctx.known[m.key].kind for m in actor_ms}
            return "actor" if "person" in kinds and surface[:1].isupper() else "place"
        # only a village or a place abroad shares the name: a capitalised mention is the actor
        return "actor" if surface[:1].isupper() else "place"
    # a group whose name is also a common word ("a pocos metros", "la línea") is written with
    # a capital, unless the whole text is written in lower case (blogs, chats)
    if surface[:1].islower() and all(ctx.known[m.key].kind in GROUP_KINDS for m in actor_ms) \
            and not _lower_case_text(ctx):
        return None
    # no place shares the name: a common noun ("soldiers", "marinos") is the force unless a
    # group's name stands right before it ("CJNG soldiers")
    if _FOREIGN_DEMONYM.before(ctx, s, AMBIGUOUS_REACH, sliced=True):
        return None  # "Guatemalan soldiers" are not the Mexican Army
    if _group_named_right_before(ctx, s):
        return None
    return "actor"


LOWER_CASE_TEXT: Final = 0.005  # capitals per character below which a text is written in lower case


def _lower_case_text(ctx: DocContext) -> bool:
    """The text is written without capitals (a blog or chat in lower case); once per document."""
    found = ctx.cache.get("lower_case_text")
    if found is None:
        capitals = capitals_in(ctx.text)  # (the capitals [A-ZÁÉÍÓÚÑÜ] finds)
        found = ctx.cache["lower_case_text"] = capitals < LOWER_CASE_TEXT * max(len(ctx.text), 1)
    return found


_GROUP_WORD_BEFORE: Final = EndingAt(r"(?:cartel|gang|grupo)\s+(?:de(?:l)?\s+)?(?:los\s+|la\s+)?$")
_COMMA_NAME_AFTER: Final = re.compile(r"^\s*,\s*[A-Z]")
_PLACE_WORD_BEFORE: Final = EndingAt(r"\b(?:in|en|at|near|cerca de|municipio de|city of|ciudad de|town of|desde|hacia|"
                                r"rumbo a|comunidad de|poblado de|localidad de)\s+$")


def _group_named_right_before(ctx: DocContext, s: int) -> bool:
    """An actor name other than a state force's ends at most two characters before ``s``
    ("CJNG soldiers"). The actor matches come in text order, so the walk stops at ``s``."""
    for m in ctx.all_of("actor"):
        if m.start >= s:
            break
        if s - 2 <= m.end <= s and ctx.known[m.key].kind not in FORCE_KINDS:
            return True
    return False


_FOREIGN_DEMONYM: Final = EndingAt(r"\b(?:guatemalan|us|u\.s\.|american|colombian|honduran|salvadoran|belizean|"
                              r"ecuadorian|venezuelan|guatemaltec[oa]s?|estadounidenses?|colombian[oa]s?|"
                              r"hondureñ[oa]s?|salvadoreñ[oa]s?)\s+$")
_MONTHS: Final = {"mayo", "may", "marzo", "abril", "junio", "julio", "agosto"}


def mentions(ctx: DocContext, actor_ms: list[Match], place_ms: list[Match]) -> list[ActorRef]:
    refs = [ActorRef(m.start, m.end, m.key, m.sentence, ctx.text[m.start:m.end]) for m in actor_ms]
    refs += _coordinated(ctx, actor_ms, place_ms)
    refs.sort(key=_START)
    _mark_examples(ctx, refs)
    refs += _back_references(ctx, refs) + _loyal_bands(ctx, refs) + _town_police(ctx, refs)
    refs.sort(key=_START)
    return refs


MUNICIPAL_POLICE: Final = "municipal-police"
_TOWN_POLICE_AFTER: Final = re.compile(r"\s+(?:city\s+|municipal\s+)?(?:police(?:\s+officers?)?|policemen|officers|cops)\b")
_TOWN_POLICE_BEFORE: Final = EndingAt(r"\b(?:policias?|agentes de la policia|elementos de la policia)\s+(?:municipal(?:es)?\s+)?de\s+$")


def _town_police(ctx: DocContext, refs: list[ActorRef]) -> list[ActorRef]:
    """A town's police named after the town ("two Celaya police officers", "the Celaya officers",
    "policías de Celaya") are its municipal police, where the pack has that force."""
    if MUNICIPAL_POLICE not in ctx.pack.actors:
        return []
    out: list[ActorRef] = []
    for p in ctx.places:
        if p.place.kind not in ("municipality", "locality"):
            continue
        after = _TOWN_POLICE_AFTER.match(ctx.folded, p.end)
        if after:
            start, end = p.start, after.end()
        elif _TOWN_POLICE_BEFORE.before(ctx, p.start, 40, sliced=True):
            start, end = ctx.folded.rfind("polic", 0, p.start), p.end
        else:
            continue
        if not any(r.start < end and start < r.end for r in refs):
            out.append(ActorRef(start, end, MUNICIPAL_POLICE, p.sentence, ctx.text[start:end]))
    return out


_CARTEL_WORD: Final = re.compile(r"\bcartels?\b|\bcarteles\b")


def _coordinated(ctx: DocContext, actor_ms: list[Match], place_ms: list[Match]) -> list[ActorRef]:
    """'the Sinaloa and Jalisco cartels': the first place becomes its cartel too."""
    out: list[ActorRef] = []
    if not actor_ms:
        return out
    index = ctx.pack.actor_index
    by_start = sorted(actor_ms, key=_START)
    starts = [a.start for a in by_start]
    for p in place_ms:
        k = first_at_or_after(starts, p.end)  # the first actor name starting at or after the place's end
        if k == len(by_start) or starts[k] - p.end > 6:
            continue
        nxt = by_start[k]
        if not _COORD.match(ctx.folded[p.end:nxt.start]):
            continue
        tail = ctx.folded[nxt.start:nxt.end]
        if not _CARTEL_WORD.search(tail):
            continue
        name = ctx.folded[p.start:p.end]
        for form in (f"{name} cartel", f"cartel de {name}", f"{name} cartels"):
            ids = index.get(norm(form))
            if ids:
                out.append(ActorRef(p.start, p.end, ids[0], p.sentence, ctx.text[p.start:p.end],
                                    via="coordination"))
                break
    return out


_ONLY_LINKING_WORDS: Final = re.compile(r"[\s,;:]*(?:(?:the|el|la|los|las|and|y|or|o|as|de|del)\b[\s,;:]*)*")
_COMPARISON_BEFORE: Final = re.compile(r"\b(?:as|like|como|al igual que|similar to)\s+(?:the\s+|el\s+|la\s+|los\s+)?$")
_COMPARISON_AFTER: Final = re.compile(r"^\s+(?:did|does|has done|had done|hizo|hace|ha hecho|hicieron)\b")


# "el grupo conocido como Los Viagras": "como" names the group, it does not compare it
_NAMING_BEFORE: Final = EndingAt(r"\b(?:conocid[oa]s?|denominad[oa]s?|autodenominad[oa]s?|llamad[oa]s?|apodad[oa]s?|"
                          r"identificad[oa]s?|bautizad[oa]s?|known|referred to)\s+$")


def _mark_examples(ctx: DocContext, refs: list[ActorRef]) -> None:
    for r in refs:  # "as ISIS did in Mosul": a comparison, not a party
        if _COMPARISON_AFTER.match(ctx.folded[r.end:r.end + 16]) and \
                _COMPARISON_BEFORE.search(ctx.folded[max(0, r.start - 20):r.start]):
            r.example = True
    listed = ctx.sentences_with_cue("example_list")
    if not listed:
        return
    for r in refs:
        for c in ctx.cues(r.sentence, "example_list"):
            if c.end > r.start or _NAMING_BEFORE.before(ctx, c.start, 24):
                continue
            between = ctx.folded[c.end:r.start]
            # only other names, commas, conjunctions and articles may stand between cue and name
            rest = between
            for other in refs:
                if c.end <= other.start and other.end <= r.start:
                    rest = rest.replace(ctx.folded[other.start:other.end], " ")
            if _ONLY_LINKING_WORDS.fullmatch(rest):
                r.example = True
                break


_PART_NOUN: Final = re.compile(r"faccion|faction|celula|cell|wing|brazo")
_OWNER_AFTER: Final = re.compile(r"\s+(?:de|del|of)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?")
# "the faction loyal to Ismael 'El Mayo' Zambada", "los sicarios leales al Mayo": the person's own
# faction, not the group named before; a first name and quotes may stand before his public name
_LOYAL_AFTER: Final = re.compile(r"\s+(?:still\s+)?(?:loyal to|aligned with|leal(?:es)? a|fiel(?:es)? a)\s+")
LOYAL_NAME_REACH: Final = 12


# "acusaba al CJNG", "clashed with the CJNG": a name after these is an object, a less likely
# antecedent for "the group" than the subject named before it
_OBJECT_BEFORE: Final = EndingAt(r"\b(?:al|a|contra|against|with|con|del|by|por)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?$")


_APPOSITIVE_GAP: Final = re.compile(r"\s*,\s*(?:the\s+|el\s+|la\s+|los\s+|las\s+|una?\s+|an?\s+)?")


def _antecedent(ctx: DocContext, prior: list[ActorRef], start: int) -> ActorRef:
    """The antecedent of a group noun at ``start``: the group it stands in apposition to, else
    the group named first, as a subject, in the latest sentence that names one ("The Northeast
    Cartel ... has fought the Gulf Cartel. The cartel's armed faction" is the Northeast Cartel),
    else the latest group named at all."""
    last = prior[-1]
    if _APPOSITIVE_GAP.fullmatch(ctx.folded, last.end, start):
        return last  # "La Mayiza, the faction that answers to El Mayo"
    latest = last.sentence
    for g in prior:
        if g.sentence == latest and not _OBJECT_BEFORE.before(ctx, g.start, 12):
            return g
    return prior[-1]


def _loyal_faction(ctx: DocContext, refs: list[ActorRef], start: int, end: int, i: int) -> ActorRef | None:
    """The faction of the person named right after "loyal to" at ``end`` (the one the pack names
    after him, else the group he leads), as a mention at [start, end); None without a person."""
    loyal = _LOYAL_AFTER.match(ctx.folded, end)
    if not loyal:
        return None
    k = first_at_or_after([r.start for r in refs], loyal.end())
    if k == len(refs) or refs[k].start - loyal.end() > LOYAL_NAME_REACH \
            or ctx.known[refs[k].actor_id].kind != "person":
        return None
    person = refs[k].actor_id
    led = [f for f in [named_faction(ctx.pack, person)] if f] or person_groups(ctx, person, prefer_faction=True)
    return ActorRef(start, end, led[0], i, ctx.text[start:end], via="loyalty") if led else None


# armed men named by whom they follow ("gunmen loyal to El Mayo", "sicarios leales al Mayo"): the
# loyalty words are found with str.find, then the noun before them is read backwards
_LOYALTY_WORDS: Final = ("loyal to ", "aligned with ", "leal a", "leales a", "fiel a", "fieles a")
_LOYAL_BAND: Final = EndingAt(r"\b(?:gunmen|hitmen|sicarios|pistoleros|fighters|operatives|militants|armed men|"
                       r"hombres armados|cells|celulas)\s+(?:still\s+)?$")
_BAND_NOUN: Final = re.compile(r"\b(?:gunmen|hitmen|sicarios|pistoleros|fighters|operatives|militants|armed men|"
                        r"hombres armados|cells|celulas)\b")
BAND_REACH: Final = 24  # characters before a loyalty word in which the armed men's noun stands


def _loyal_bands(ctx: DocContext, refs: list[ActorRef]) -> list[ActorRef]:
    """Mentions of a leader's faction made by armed men said to be loyal to him ("gunmen loyal to
    El Mayo" is La Mayiza)."""
    out: list[ActorRef] = []
    for r in refs:
        if ctx.known[r.actor_id].kind == "person":
            break
    else:
        return out  # the armed men are named by a person they follow, and no one is named
    folded = ctx.folded
    for word in _LOYALTY_WORDS:
        pos = folded.find(word)
        while pos >= 0:
            if _LOYAL_BAND.before(ctx, pos, BAND_REACH):
                noun = list(_BAND_NOUN.finditer(folded, max(0, pos - BAND_REACH), pos))[-1]
                ref = _loyal_faction(ctx, refs, noun.start(), pos - 1, ctx.sentence_of(noun.start()))
                if ref is not None:
                    out.append(ActorRef(noun.start(), noun.end(), ref.actor_id, ref.sentence,
                                        ctx.text[noun.start():noun.end()], via="loyalty"))
            pos = folded.find(word, pos + 1)
    return out


# a capitalised word after a group noun other than a sentence's opening word ("the cartel Los X")
_CAPITAL_AFTER: Final = re.compile(r"\s+[A-Z]")
_ARTICLE_AFTER: Final = re.compile(r"\s+(?:In|On|And|The|El|La|En)\b")


def _back_references(ctx: DocContext, refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    nouns = [m for m in ctx.all_of("cue") if m.key == "generic_group_nouns"]
    if not nouns:
        return out
    groups = [r for r in refs if not r.example and ctx.known[r.actor_id].kind in GROUP_KINDS]
    starts = [r.start for r in refs]  # refs are sorted by start
    reach = furthest_ends([r.end for r in refs])  # furthest end among the first k refs
    for m in nouns:
        k = first_at_or_after(starts, m.end)
        if k and reach[k - 1] > m.start:
            continue  # the noun is part of a name ("the Gulf Cartel")
        after = ctx.text[m.end:m.end + 3]
        if _CAPITAL_AFTER.match(after) and not _ARTICLE_AFTER.match(ctx.text[m.end:m.end + 5]):
            continue  # "the cartel Los X": a name follows, the alias matcher handles it
        if k < len(refs) and refs[k].start - m.end <= 2 and ctx.text[m.end:refs[k].start].strip(' "“') == "":
            continue  # "el grupo La Línea": the known name right after says which
        owner = _OWNER_AFTER.match(ctx.folded, m.end)
        if owner and k < len(refs) and refs[k].start == owner.end() and not _PART_NOUN.search(ctx.folded, m.start, m.end):
            # "la organización de los Beltrán Leyva": the name after says which; but "the two
            # factions of the Sinaloa Cartel" are the factions just named, and that is their cartel
            continue
        if _LOYAL_AFTER.match(ctx.folded, m.end):
            ref = _loyal_faction(ctx, refs, m.start, m.end, m.sentence)
            if ref is not None:
                out.append(ref)
                groups.append(ref)
            continue
        i = m.sentence
        prior = sorted((g for g in groups if g.start < m.start and i - 3 <= g.sentence <= i), key=lambda g: g.start)
        surface = ctx.folded[m.start:m.end]
        if not prior and not _PLURAL.search(surface):
            # further back, "the cartel" can only be the one group the article has named so far
            earlier = [g for g in groups if g.start < m.start]
            if len({g.actor_id for g in earlier}) == 1:
                prior = earlier[-1:]
        if not prior:
            continue
        if _PLURAL.search(surface):
            if _GENERIC_PLURAL_AFTER.match(ctx.folded, m.end) and not _COUNTED.search(surface):
                continue  # "the groups that control the border": groups in general, not two named
            distinct: list[str] = []
            for g in reversed(prior):
                if g.actor_id not in distinct:
                    distinct.append(g.actor_id)
            for actor_id in distinct[:2]:
                out.append(ActorRef(m.start, m.end, actor_id, i, ctx.text[m.start:m.end], via="coref"))
            continue
        ref = ActorRef(m.start, m.end, _antecedent(ctx, prior, m.start).actor_id, i, ctx.text[m.start:m.end], via="coref")
        out.append(ref)
        groups.append(ref)  # a chain: "La Barredora ... el grupo ... la organización criminal"
    return out


_PLURAL: Final = re.compile(r"\b(?:factions|groups|cartels|gangs|organizations|both|two|ambos|ambas|los dos|las dos|"
                     r"grupos|carteles|facciones|organizaciones|bandas)\b")


# a restrictive clause after a plural group noun makes it generic ("the groups that control the
# border", "los grupos que operan en la región"); "the two groups that" still counts the two named
_GENERIC_PLURAL_AFTER: Final = re.compile(r"\s+(?:that|which|who|que)\b")
_COUNTED: Final = re.compile(r"\b(?:both|two|ambos|ambas|los dos|las dos)\b")


_NAMED_FACTIONS: Final[dict[int, tuple]] = {}
_FACTION_WORD: Final = re.compile(r"\b(?:faction|factions|faccion|facciones)\b")


def named_faction(pack, person_id: str) -> str | None:
    """The faction the knowledge pack names after a person ("El Mayo's faction", "facción del
    Mayito Flaco" are aliases of La Mayiza), or None; read once per pack from the aliases."""
    return per_pack(_NAMED_FACTIONS, pack, _named_factions).get(person_id)


def _named_factions(pack) -> dict[str, str]:
    persons = {}
    for a in pack.actors.values():
        if a.kind == "person":
            for alias, _ in a.names():
                key = norm(alias)
                if len(key) >= 4:
                    persons[key] = a.id
    found: dict[str, str] = {}
    for a in pack.actors.values():
        if a.kind != "faction":
            continue
        for alias, _ in a.names():
            key = norm(alias)
            if not _FACTION_WORD.search(key):
                continue
            for name, person in persons.items():
                if re.search(rf"(?:^|\s){re.escape(name)}(?:'s)?(?:\s|$)", key):
                    found.setdefault(person, a.id)
    return found


def person_groups(ctx: DocContext, actor_id: str, prefer_faction: bool = False) -> list[str]:
    """Groups a person leads (per the knowledge pack): first those the article names, then the
    latest lead (Caro Quintero's Caborca Cartel before the Guadalajara Cartel he led until
    1985); factions first when asked."""
    actor = ctx.pack.actors[actor_id]
    leads = sorted((lead for lead in actor.leads if lead.actor in ctx.pack.actors),
                   key=lambda lead: str(lead.to or "9999"), reverse=True)
    if len(leads) > 1:
        named = {r.actor_id for r in ctx.actors}
        leads.sort(key=lambda lead: lead.actor not in named)
    led = [lead.actor for lead in leads]
    if prefer_faction:
        led.sort(key=lambda a: ctx.known[a].kind != "faction")
    return led
