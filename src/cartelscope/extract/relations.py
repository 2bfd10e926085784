"""Relations between actors: alliance, rivalry, faction_of, split, leader_of, ceasefire, supplies.

A relation cue in a sentence links the actors on either side of it: the nearest name before
the cue with each name after it ("CJNG is fighting the United Cartels and La Familia"), the two
names before it ("X and Y are at war"), or the two after it ("the war between X and Y").
Speculative, denied and past relations ("former ally", "historical rival") are not output.
Battles between two groups and agreements between them also give rivalry and alliance.
"""
from __future__ import annotations

from typing import Final

import re
from operator import attrgetter

from cartelscope.extract import certainty as cert
from cartelscope.extract.actors import FORCE_KINDS, GROUP_KINDS, named_faction, person_groups
from cartelscope.extract.backward import EndingAt
from cartelscope.extract.clauses import AGAINST, describes, purpose
from cartelscope.extract.context import ActorRef, DocContext, per_pack
from cartelscope.extract.dates import HISTORY_YEARS, counts_years_later, opens_state, reference_year, sentence_dates, years_named
from cartelscope.extract.textmatch import Match, holds_any
from cartelscope.model import Evidence, ExtractedEvent, ExtractedRelation

SYMMETRIC: Final = frozenset({"alliance", "rivalry", "ceasefire", "split"})
# relations that describe how two groups stand now (not structure or a moment)
STANDING: Final = frozenset({"rivalry", "alliance", "ceasefire"})
PAST_WINDOW: Final = 40
_CLAUSE_BREAK: Final = re.compile(r"[;:]|\.\s|\bwhile\b|\bmientras\b|\bwhereas\b")


def _clause_break(gap: str) -> bool:
    """``_CLAUSE_BREAK`` occurs in ``gap``. A semicolon, a colon or a stop before a space is a
    break by itself; the regex runs only for a gap that holds one of its words, which few do
    (substring tests compile to C calls, a regex search costs its setup every time, and a long
    gap's search tries every position)."""
    if ";" in gap or ":" in gap or ("." in gap and _stop_then_space(gap)):
        return True
    if "while" in gap or "mientras" in gap or "whereas" in gap:
        return _CLAUSE_BREAK.search(gap) is not None
    return False


def _stop_then_space(gap: str) -> bool:
    """A full stop followed by whitespace (``\\.\\s``: ``str.isspace`` is the regex's ``\\s``)."""
    at = gap.find(".")
    while 0 <= at < len(gap) - 1:
        if gap[at + 1].isspace():
            return True
        at = gap.find(".", at + 1)
    return False


LEADER_REACH: Final = 60
# "la facción que encabeza ...", "the faction led by ...": a group named by its leader
_LED_NOUN_BEFORE: Final = EndingAt(r"\b(?:la faccion|el grupo|la organizacion|la celula|the faction|the group|the organization|"
                            r"the cell)\s+(?:que\s+|that\s+(?:is\s+)?|which\s+(?:is\s+)?)?$")
_PASSIVE: Final = re.compile(r"\b(?:by|por)$")


# (the preposition of a passive may be repeated: "disputada por La Familia Michoacana y por Los Tlacos")
_COORDINATION: Final = re.compile(r"(?:,|\band|\by|\be|\bor|\bo|as well as|asi como)\s*(?:by\s+|por\s+)?"
                           r"(?:the\s+|el\s+|la\s+|los\s+|las\s+)?$")


# "between La Línea, the Juárez Cartel faction that runs the city's market, and Gente Nueva"
_ALLY_OF_AFTER: Final = re.compile(r"\s+(?:de|del|a|al|con|of|to|with)\b")  # "grupos aliados del Cártel de Sinaloa": allies of a third
_ALLIED_PAIR_BEFORE: Final = EndingAt(r",\s*(?:dos\s+)?(?:organizaciones|grupos|carteles|bandas|facciones)\s+$")
_INDEFINITE_BEFORE: Final = EndingAt(r"\b(?:una|un|a|an)\s+$")
_APPOSED_NOUN: Final = EndingAt(r",\s*(?:la|the|una|an?)\s+$")
_COALITION_NOUN: Final = re.compile(r"(?:coalicion|coalition|alianza|alliance)\b")
# "prisoners loyal to Los Chapitos against inmates aligned with La Mayiza": people's side in a
# fight, not an alliance between groups
_MEMBERS_BEFORE: Final = EndingAt(r"\b(?:inmates|prisoners|gunmen|hitmen|fighters|members|operatives|men|reos|internos|presos|"
                           r"sicarios|pistoleros|integrantes|hombres armados)\s+$")
_NAMING_AFTER: Final = re.compile(r"\b(?:called|named|known as|llamad[oa]s?|denominad[oa]s?|conocid[oa]s? como)\b")
# "the CJNG ... and a coalition of local groups called Cárteles Unidos": the second party is named
# after a description of it
_NAMED_COORDINATION: Final = re.compile(r"\b(?:and|y|e)\s+(?:[\w']+\s+){0,6}(?:called|named|known as|llamad[oa]s?|"
                                 r"denominad[oa]s?|conocid[oa]s? como)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?$")
_APPOSITION: Final = re.compile(r"\s*,[^;:]*,\s*(?:and|y|e)\s+(?:by\s+|por\s+)?(?:the\s+|el\s+|la\s+|los\s+|las\s+)?$")


def _prefer_groups(ctx: DocContext, side: list[ActorRef], kind: str) -> list[ActorRef]:
    """Persons stand for their faction only when no group is named on that side ("Los Chapitos,
    run by the sons of El Chapo, fought La Mayiza" is Los Chapitos, not El Chapo's cartel)."""
    if kind == "leader_of":
        return side
    groups = [r for r in side if ctx.known[r.actor_id].kind != "person"]
    return groups or side


_OF_PARENT: Final = re.compile(r"\s+(?:del|de la|de los|de|of the|of)\s+(?:the\s+|el\s+|la\s+)?")


def _coordinated_run(ctx: DocContext, right: list[ActorRef]) -> list[ActorRef]:
    """The names right after a cue, as long as they are coordinated ("X, Y and Z"); a name after
    "and now fight" belongs to another predicate."""
    if not right:
        return []
    run = right[:1]
    prev = right[0]
    for cur in right[1:]:
        if cur.actor_id == prev.actor_id:  # "Jalisco New Generation Cartel (CJNG)"
            run.append(cur)
            prev = cur
            continue
        if cur.actor_id == ctx.known[prev.actor_id].parent and _OF_PARENT.fullmatch(ctx.folded, prev.end, cur.start):
            continue  # "la facción de Los Chapitos del Cártel de Sinaloa y la Mayiza": its parent, no party
        gap = ctx.folded[prev.end:cur.start]
        if prev.end <= cur.start and not (_COORDINATION.search(gap) and
                                          (len(gap) <= 70 or (len(gap) <= 120 and _APPOSITION.match(gap)))
                                          or len(gap) <= 120 and _NAMED_COORDINATION.search(gap)):
            if ctx.known[cur.actor_id].kind == "person":
                continue  # "La Familia Michoacana, que encabezan los hermanos Hurtado Olascoaga, y por Los Tlacos"
            break
        run.append(cur)
        prev = cur
    return run


# between two leaders named together: 'Johnny "El Pez" and José Alfredo "El Fresa"', '("El Pez" y "El Fresa")'
_CO_LEADER_GAP: Final = re.compile(r"[\x22')]?\s*,?\s*(?:and|y|e)\s+(?:[a-z]+\s+){0,3}[\x22'(]?"
                            # "José Alfredo y Johnny Hurtado Olascoaga, alias 'El Fresa' y 'El Pez'"
                            r"|\s*,\s*(?:alias|known as|conocid[oa]s? como|apodad[oa]s?)\s*[\x22']?")


def _co_leaders(ctx: DocContext, persons: list[ActorRef], leader: ActorRef) -> list[ActorRef]:
    """The leader and the persons named together with him, on his side of the cue ("run by the
    brothers Johnny 'El Pez' and José Alfredo 'El Fresa'": both lead)."""
    ordered = sorted(persons, key=attrgetter("start"))
    k = ordered.index(leader)
    out = [leader]
    for step in (1, -1):
        j, cur = k + step, leader
        while 0 <= j < len(ordered):
            nxt = ordered[j]
            a, b = (cur, nxt) if step == 1 else (nxt, cur)
            if nxt.actor_id != cur.actor_id and not _CO_LEADER_GAP.fullmatch(ctx.folded, a.end, b.start):
                break
            out.append(nxt)
            cur, j = nxt, j + step
    return out


# "encabezada por los hermanos José Alfredo y Johnny Hurtado Olascoaga, alias 'El Fresa' y 'El Pez'":
# the leaders' full names stand between the cue and the public names the pack knows
_NAMES_THEN_ALIAS: Final = re.compile(r"[\w\s,.]{0,90}?\b(?:alias|known as|conocid[oa]s? como|apodad[oa]s?)\s*[\x22']?")


def _named_then_alias(ctx: DocContext, cue: Match, leader: ActorRef) -> bool:
    """Only names and an "alias" stand between the cue and the leader's public name after it."""
    return leader.start >= cue.end and bool(_NAMES_THEN_ALIAS.fullmatch(ctx.folded, cue.end, leader.start))


_SOUGHT_KINDS: Final = frozenset({"ceasefire", "alliance"})
_PAIR_THEN_LIST: Final = re.compile(r"\s+(?:the\s+|las\s+|los\s+|its\s+|sus\s+)?(?:two|dos)\s+(?:\w+\s+){0,2}(?:factions|facciones|groups|"
                             r"grupos|cartels|carteles|organizations|organizaciones|bandos)\b[^:;—–()\n]{0,60}?\s*(?::|—|–|\s-\s)\s*")
# the gap between a group and a person's possessive in apposition to it (a first name and quotes
# may stand before his public name), and between such a possessive and a group after it
_POSSESSOR_APPOSITION: Final = re.compile(r"\s*,\s*(?:[\w\x22']+\s*){0,3}[\x22']?")
_APPOSITIVE_AFTER: Final = re.compile(r"\s*,\s*(?:the\s+)?")


def _distance(ref: ActorRef, cue) -> int:
    return ref.start - cue.end if ref.start >= cue.end else cue.start - ref.end


def _plausible_faction(ctx: DocContext, child: str, parent: str) -> bool:
    """A stated faction link must not contradict the knowledge pack: a cartel with no parent
    of its own is not made a faction, and a known parent must match."""
    c, p = ctx.pack.actors[child], ctx.pack.actors[parent]
    if c.kind == "person" or p.kind == "person" or child == parent:
        return False
    if c.parent:
        return c.parent == parent
    return c.kind in ("faction", "cell", "armed_wing", "gang")


FACTION_NOUN_REACH: Final = 25
_OWNED_NOUN: Final = EndingAt(r"\b(?:its|their|su|sus)\s+(?:\w+\s+){0,2}$")  # "its other main [faction]"
# the pack's finer links that a text calling the group a faction reports as faction_of
_FACTION_LINKS: Final = frozenset({"faction_of", "armed_wing_of", "cell_of", "member_of"})


def _known_factions(ctx: DocContext, stated: _Found) -> None:
    """A known faction and its parent, both named in a sentence that calls that faction a
    faction. A singular noun must stand next to the faction's own name ("the Chapitos faction
    of the Sinaloa Cartel" says nothing of La Mayiza in the same sentence); a plural one
    ("factions of the Gulf Cartel ... the Metros and Grupo Escorpión") covers the sentence."""
    for i in ctx.sentences_with_cue("faction_nouns"):
        # ("X, a Sinaloa Cartel cell" too; "cells of the CJNG" in an arrest are its members, so not
        # the plural)
        nouns = [m for m in ctx.cues(i, "faction_nouns")
                 if ctx.folded.startswith(("faction", "faccion"), m.start, m.end)
                 or ctx.folded[m.start:m.end] in ("cell", "celula")]
        if not nouns:
            continue
        refs = ctx.actors_in(i)
        ids = {r.actor_id for r in refs}
        if any(ctx.folded.startswith(("factions", "facciones"), m.start, m.end) for m in nouns):
            called = ids  # "two factions of the Sinaloa Cartel, the Mayito Flacos and Los Chapitos"
            if i + 1 < len(ctx.sentences) and not any(ctx.known[a].parent in ids for a in ids):
                # "When the two main factions of the Sinaloa Cartel turned on each other ... The
                # Chapitos ... and La Mayiza": the factions are named in the next sentence
                called = ids | {r.actor_id for r in ctx.actors_in(i + 1) if ctx.known[r.actor_id].parent in ids}
        else:
            called = {r.actor_id for r in refs for m in nouns if _next_to(ctx, r, m)}
            # "the Cártel Chiapas-Guatemala, which officials describe as a Sinaloa Cartel faction":
            # the noun touches the parent, and the faction named before it is the one described
            for m in nouns:
                parent = next((r.actor_id for r in refs if r.end <= m.start and _PARENT_BEFORE_NOUN.fullmatch(
                    ctx.folded, r.end, m.start) and _CALLED_BEFORE.before(ctx, r.start, 20)), None)
                if parent is not None:
                    called |= {r.actor_id for r in refs if r.end <= m.start and ctx.known[r.actor_id].parent == parent}
                # "The strongest faction of Cárteles Unidos is Los Viagras": the member follows a copula
                for owner in refs:
                    if owner.start >= m.end and _next_to(ctx, owner, m):
                        called |= {r.actor_id for r in refs if r.start > owner.end and _COPULA_TO.fullmatch(
                            ctx.folded, owner.end, r.start) and ctx.known[r.actor_id].parent == owner.actor_id}
        owners = ids
        if i > 0 and any(_OWNED_NOUN.before(ctx, m.start, 30) for m in nouns):
            # "its other main faction, the Metros": the owner is named in the sentence before
            owners = ids | {r.actor_id for r in ctx.actors_in(i - 1)}
        for a in sorted(called):  # sorted: output order must not depend on hash seeds
            actor = ctx.pack.actors[a]
            if actor.parent in owners and actor.parent_relation in _FACTION_LINKS:
                c = cert.of_sentence(ctx, i)
                if c.level not in ("speculative", "denied"):
                    stated.add("faction_of", a, actor.parent, i, c.level)
                elif c.level == "speculative" and any(_APPOSITION_BEFORE.before(ctx, m.start, 16) for m in nouns):
                    # "it could be linked to the war between Los Chapitos and La Mayiza, the two
                    # factions of the Sinaloa Cartel": what they are is told as known
                    stated.add("faction_of", a, actor.parent, i, "reported")


_WITHIN: Final = ("within", "inside", "dentro de", "al interior de")
_VIEWPOINT_BEFORE: Final = re.compile(r"(?:para|for)\s+(?:el\s+|la\s+|los\s+|the\s+)?$")


def _viewpoint(ctx: DocContext, s, r: ActorRef) -> bool:
    """"Para La Mayiza, el pacto confirmó que sus rivales…": the group whose view opens the
    sentence is not a party to what follows."""
    return (r.start - s.start <= 12 and ctx.folded.startswith(",", r.end)
            and bool(_VIEWPOINT_BEFORE.match(ctx.folded, s.start, r.start)))
# "enfrentamientos entre facciones del Cártel del Golfo y el Cártel del Noreste": factions that
# are not named stand for their cartel as a party
_UNNAMED_FACTIONS: Final = EndingAt(r"\b(?:entre|between|among)\s+(?:las\s+|the\s+)?(?:facciones|factions|celulas|cells)\s+"
                             r"(?:del|de la|de los|de|of the|of)\s+(?:the\s+|el\s+|la\s+)?$")
# "a cell of the Arellano Félix organization ... in coordination with the CJNG": an unnamed cell
# acts for its group
_UNNAMED_CELL: Final = EndingAt(r"\b(?:a|one|una|la misma)\s+(?:cell|celula)\s+(?:of the|of|del|de la|de)\s+(?:the\s+)?$")
# "la facción de Los Chapitos": the faction named, not the parent it belongs to
_FACTION_NAMED_BEFORE: Final = EndingAt(r"\b(?:faccion|the faction)\s+(?:de|of)\s+(?:los\s+|la\s+|the\s+)?$")


def _names_faction(ctx: DocContext, r: ActorRef) -> bool:
    """"La facción de Los Chapitos" names the faction Los Chapitos (a faction in the pack), as
    "the Chapitos faction" does; "a faction of the Sinaloa Cartel" describes another."""
    return ctx.known[r.actor_id].kind == "faction" and _FACTION_NAMED_BEFORE.before(ctx, r.start, 25, sliced=True)


_AMONG_BEFORE: Final = EndingAt(r"\b(?:among them|among which|including|entre ellos|entre ellas|entre los que (?:esta|estan))\s+(?:the\s+)?$")
_HIS_BEFORE: Final = EndingAt(r"\b(?:his|su)\s+$")
OWNER_SENTENCES: Final = 5  # sentences back in which "his Caborca Cartel" finds its owner


def _led_by_owner(ctx: DocContext, stated: _Found) -> None:
    """"His Caborca Cartel" after a sentence about Caro Quintero: the person named last before
    the possessive leads the group, when the knowledge pack knows he led it (the pack confirms
    what a bare possessive only hints at)."""
    for r in ctx.actors:
        # (the possessive first: it rules out nearly every name, and reads no pack model)
        if not _HIS_BEFORE.before(ctx, r.start, 8) or ctx.known[r.actor_id].kind not in GROUP_KINDS:
            continue
        owner = None
        for j in range(r.sentence, max(-1, r.sentence - 1 - OWNER_SENTENCES), -1):
            persons = [p for p in ctx.actors_in(j) if p.start < r.start and ctx.known[p.actor_id].kind == "person"]
            if persons:
                owner = persons[-1]
                break
        if owner is not None and any(lead.actor == r.actor_id for lead in ctx.pack.actors[owner.actor_id].leads):
            c = cert.of_sentence(ctx, r.sentence, r.start)
            if c.level not in ("speculative", "denied"):
                stated.add("leader_of", owner.actor_id, r.actor_id, r.sentence, c.level)


_PARENT_BEFORE_NOUN: Final = re.compile(r"\s*(?:'s\s+)?")  # "a Sinaloa Cartel faction", "the Sinaloa Cartel's faction"
_COPULA_TO: Final = re.compile(r"\s+(?:is|are|was|es|son|era)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?")
_CALLED_BEFORE: Final = EndingAt(r"\b(?:as|is|was|are|were)\s+(?:a|an|the)\s+$")


# "Los Salazar, célula del Cártel de Sinaloa que libra una disputa con La Línea": the faction before
# the description is who acts
_FACTION_APPOSITION: Final = re.compile(r"\s*,\s*(?:una?\s+|la\s+|a\s+|an\s+|the\s+)?(?:celula|faccion|brazo armado|cell|faction|"
                                 r"armed wing)\s+(?:de(?:l)?|of)\s+(?:the\s+|el\s+|la\s+)?")


def _described_faction(ctx: DocContext, every: list[ActorRef], cue: Match) -> list[ActorRef]:
    """The faction named in apposition before its parent, when the parent is the only name between
    it and the cue: [faction] or []."""
    before = [r for r in every if r.end <= cue.start]
    if len(before) < 2 or not _same_clause(ctx, before[-1].end, cue.start):
        return []
    child, parent = before[-2], before[-1]
    if ctx.known[child.actor_id].parent == parent.actor_id \
            and _FACTION_APPOSITION.fullmatch(ctx.folded, child.end, parent.start):
        return [child]
    return []


# "Cárteles Unidos, a loose coalition of local armed groups whose best-known member is Los Viagras",
# "a coalition of local groups in which Los Viagras are the main fighting force"
_MEMBERSHIP: Final = re.compile(r",\s*(?:a|an|una|la)\s+(?:\w+\s+){0,2}(?:coalition|alliance|coalicion|alianza|federation)\b[^.;:]{0,60}?"
                         r"\b(?:whose|in which|of which|among them|including|cuyo|cuya|en la que|en el que|entre ellos|"
                         r"entre ellas|incluidos|incluidas)\b[^.;:]{0,40}$")
MEMBERSHIP_REACH: Final = 160


def _coalition_members(ctx: DocContext, stated: _Found) -> None:
    """A coalition described in apposition with one of its members named in the description: the
    member belongs to it (faction_of, as the pack says)."""
    actors = ctx.pack.actors
    for i in ctx.sentences_naming_actors():
        refs = ctx.actors_in(i)
        if len(refs) < 2:
            continue
        parents = [actors[r.actor_id].parent for r in refs]  # read once, not once per pair
        for k, owner in enumerate(refs):
            for m in range(k + 1, len(refs)):
                r = refs[m]
                if r.start - owner.end > MEMBERSHIP_REACH:
                    break
                if parents[m] == owner.actor_id and actors[r.actor_id].parent_relation in _FACTION_LINKS \
                        and _MEMBERSHIP.match(ctx.folded, owner.end, r.start):
                    c = cert.of_sentence(ctx, i)
                    if c.level not in ("speculative", "denied"):
                        stated.add("faction_of", r.actor_id, owner.actor_id, i, c.level)


def _next_to(ctx: DocContext, ref: ActorRef, noun) -> bool:
    """The faction noun touches the name: "the Chapitos faction", "la facción de Los Chapitos",
    "La Mayiza, a faction of", with no clause break between."""
    if ref.end <= noun.start:
        start, end = ref.end, noun.start
    elif noun.end <= ref.start:
        start, end = noun.end, ref.start
    else:
        return True
    return end - start <= FACTION_NOUN_REACH and not _clause_break(ctx.folded[start:end])


# "broke away from Los Zetas about a decade ago", "se escindió hace más de diez años"
_LONG_AGO: Final = re.compile(r"\b(?:(?:years|decades?) ago|(?:a|one|two|more than a) decade ago|(?:previous|last) decade|"
                       r"hace\s+(?:mas\s+de\s+)?(?:\w+\s+)?(?:anos|decadas?|lustros?)|la decada pasada)\b")
LONG_AGO_REACH: Final = 80  # characters after a split cue that may date it
YEAR_BEFORE_REACH: Final = 12  # characters before it: "the 2014 split", "la 2014 ruptura" never reach further
SPLIT_HISTORY_YEARS: Final = 3  # a split dated this many years before the article is history


def _long_ago(ctx: DocContext, i: int, cue: Match) -> bool:
    """The split the cue names happened long before the article: a split a decade ago is
    history, not the state of the groups now (the shared judgment guide codes none). Its date
    follows the cue, or stands right before it ("the 2014 split")."""
    s = ctx.sentences[i]
    end = min(s.end, cue.end + LONG_AGO_REACH)
    if _LONG_AGO.search(ctx.folded, cue.end, end):
        return True
    years = years_named(ctx, i, cue.end, end) + years_named(ctx, i, max(s.start, cue.start - YEAR_BEFORE_REACH), cue.start)
    return bool(ctx.pub and years and max(years) < ctx.pub.year - SPLIT_HISTORY_YEARS)


# "since 2010", "desde entonces", "still", "que comenzó en 2017": the period the sentence names
# runs on to now, or only starts there
_STILL: Final = re.compile(r"\b(?:since|desde|still|todavia|aun|now|ahora|remain|remains|sigue|siguen|continua|continuan|"
                    r"began|begun|started|comenzo|empezo|inicio|arranco)\b")
# one of these stands in every match of _STILL ("remain" in "remains", "sigue" in "siguen", ...)
_STILL_WORDS: Final = ("since", "desde", "still", "todavia", "aun", "now", "ahora", "remain", "sigue", "continua",
                       "began", "begun", "started", "comenzo", "empezo", "inicio", "arranco")


def _historic(ctx: DocContext, i: int) -> bool:
    """The sentence tells a bounded past ("Between 2008 and 2012, the war between the Juárez
    Cartel and the Sinaloa Cartel made ..."): every year it names lies well before the article's,
    and nothing in it says the state lasts or only began then; its relations are history."""
    years = years_named(ctx, i)
    s = ctx.sentences[i]
    if not years:
        # "Two years later the Zetas broke away from the Gulf Cartel", after a sentence set in 2008
        return i > 0 and counts_years_later(ctx.folded, s.start, s.end) and _historic(ctx, i - 1)
    reference = reference_year(ctx)
    return bool(reference and max(years) <= reference - HISTORY_YEARS
                and not (holds_any(ctx.folded, _STILL_WORDS, s.start, s.end)
                         and _STILL.search(ctx.folded, s.start, s.end)))


# "loyal to the jailed Ismael Zambada": a leader behind bars no longer leads (not current)
_JAILED_BEFORE: Final = EndingAt(r"\b(?:jailed|imprisoned|extradited|incarcerated|encarcelado|preso|extraditado|recluido)\s+"
                          r"(?:\w+\s+){0,2}[\"“']?$")
# "loyal to Ismael "El Mayo" Zambada, who is jailed in the United States": no one he leads now
_JAILED_AFTER: Final = re.compile(r"[\x22”']?\s*(?:\w+\s*){0,3},\s*(?:who is|who has been|who was|que esta|quien esta|que se encuentra)\s+"
                           r"(?:jailed|in prison|imprisoned|in custody|in us custody|preso|encarcelado|recluido|en prision)\b")
_KIN_BEFORE: Final = EndingAt(r"\b(?:sons?|daughters?|brothers?|wife|widow|father|nephews?|hij[oa]s?|herman[oa]s?|"
                       r"esposa|viuda|padre|sobrin[oa]s?)\s+(?:of|de|del)\s+(?:the\s+|el\s+|la\s+)?(?:\w+\s+)?[\x22']?$")
KIN_REACH: Final = 40
# "led by Joaquín "El Chapo" Guzmán's sons"
_KIN_AFTER: Final = re.compile(r"[\x22']?\s*(?:\w+\s*)?'s\s+(?:sons?|daughters?|brothers?|wife|widow|nephews?|family)\b")


# "no descarta que el ataque esté ligado a la disputa que mantienen X y Y": the definite noun
# takes the war for granted, whatever the hedge says of the attack
_DEFINITE_CUE_BEFORE: Final = EndingAt(r"\b(?:the|la|el|esa|esta|dicha)\s+$")


def _presupposed(ctx: DocContext, cue: Match) -> bool:
    """A rivalry named as a definite noun ("la disputa que", "the war between"), or factions
    described in apposition ("La Mayiza, the two factions of the Sinaloa Cartel"), is taken as
    known even inside a hedged sentence."""
    if cue.key == "faction_of":
        return bool(_APPOSITION_BEFORE.before(ctx, cue.start, 16))
    return cue.key == "rivalry" and bool(_DEFINITE_CUE_BEFORE.before(ctx, cue.start, 8)) and \
        bool(_BETWEEN_OR_THAT.match(ctx.folded, cue.start, min(len(ctx.folded), cue.end + 10)))


_APPOSITION_BEFORE: Final = EndingAt(r",\s*(?:the|la|las|los|una|un|a|an)\s+(?:two\s+|dos\s+)?$")


_BETWEEN_OR_THAT: Final = re.compile(r"\w+(?:\s+\w+)?\s+(?:between|que|entre)\b")
SUBJECT_REACH: Final = 40  # characters from a sentence's start within which its subject is named


# "the two groups", "ambas organizaciones": two groups the text has just named
_PAIR_NOUN: Final = re.compile(r"\b(?:the two|both|ambos|ambas|los dos|las dos)\s+(?:\w+\s+)?(?:groups|cartels|factions|"
                        r"organizations|gangs|grupos|carteles|facciones|organizaciones|bandas)\b"
                        # "Desde entonces ambas se disputan la ciudad": the pronoun alone
                        r"|\b(?:ambas|ambos)\s+(?:se|les|los|las|mantienen|libran|sostienen|pelean|combaten)\b")
PAIR_SENTENCES: Final = 5  # sentences back in which the two groups were named
# one of these stands in every match of _PAIR_NOUN
_PAIR_WORDS: Final = ("the two", "both", "ambos", "ambas", "los dos", "las dos")


def names_a_pair(folded: str, start: int, end: int) -> bool:
    """``_PAIR_NOUN`` occurs in ``folded[start:end]``. Its leading ``\\b`` makes the regex
    engine try every position; ``str.find`` first rules out the many stretches that hold none
    of the words a match needs."""
    return holds_any(folded, _PAIR_WORDS, start, end) and _PAIR_NOUN.search(folded, start, end) is not None


def _pair_before(ctx: DocContext, i: int) -> tuple[ActorRef, ActorRef] | None:
    """The two groups named most recently in the sentences before ``i``, if exactly two
    distinct groups were named there."""
    seen: dict[str, ActorRef] = {}
    for j in range(i - 1, max(-1, i - 1 - PAIR_SENTENCES), -1):
        for r in reversed(ctx.actors_in(j)):
            if ctx.known[r.actor_id].kind in GROUP_KINDS and r.actor_id not in seen:
                seen[r.actor_id] = r
    if len(seen) != 2:
        return None
    a, b = seen.values()
    return a, b


def _named_factions(ctx: DocContext, parent: str) -> list[tuple[str, str]]:
    """The pair of factions of ``parent`` the article names, when it names exactly two."""
    factions = sorted({r.actor_id for r in ctx.actors if not r.example
                       and ctx.known[r.actor_id].parent == parent
                       and ctx.pack.actors[r.actor_id].parent_relation == "faction_of"})
    return [(factions[0], factions[1])] if len(factions) == 2 else []


def _dropped_subject(ctx: DocContext, i: int, owner: bool = False) -> ActorRef | None:
    """Spanish drops a subject the sentence before has given ("La organización creció con el
    robo de combustible. Desde hace años mantiene una disputa con el CJNG"), and a possessive
    (``owner``) points back to it in either language ("The CJNG controls much of Jalisco. Its
    main rival, the Sinaloa Cartel, ..."): that sentence's subject, a name at its start, in the
    same or the previous paragraph."""
    if (ctx.lang != "es" and not owner) or i == 0:
        return None
    prev = ctx.sentences[i - 1]
    if ctx.sentences[i].paragraph - prev.paragraph > 1:
        return None
    first = next(iter(ctx.actors_in(i - 1)), None)
    return first if first is not None and first.start - prev.start <= SUBJECT_REACH else None


# The time a text gives a relation: "at war since 2023", "desde hace cuatro años", "allied
# until 2010"; a split's own date ("in September 2024 the cartel broke in two").
_SINCE_YEAR: Final = re.compile(r"\b(?:since|desde)\s+(?:(?:early|late|mid|principios de|inicios de|finales de|mediados de)\s+)?"
                         r"(?:el\s+)?(?:ano\s+)?(?P<y>(?:19|20)\d\d)\b")
_SINCE_THIS_YEAR: Final = re.compile(r"\b(?:since (?:early |the start of )?this year|desde (?:principios de |inicios de )?este ano)\b")
_SINCE_LAST_YEAR: Final = re.compile(r"\b(?:since last year|desde el ano pasado)\b")
_FOR_SPAN: Final = re.compile(r"\b(?:desde hace|for|durante)\s+(?:al menos\s+|mas de\s+|casi\s+|at least\s+|more than\s+|"
                       r"nearly\s+|almost\s+)?(?P<n>\d{1,2}|[a-z]+)\s+(?P<unit>anos|years|meses|months)\b")
_SPAN_UNITS: Final = ("anos", "years", "meses", "months")  # the units _FOR_SPAN needs one of
_UNTIL_YEAR: Final = re.compile(r"\b(?:until|hasta)\s+(?:(?:el\s+)?ano\s+)?(?P<y>(?:19|20)\d\d)\b")


def stated_time(ctx: DocContext, i: int, at: int, kind: str) -> tuple[str | None, str | None]:
    """``(valid_from, valid_to)`` the sentence gives the relation whose cue is at ``at``: the
    "since"/"desde" mention nearest the cue (after it first), an "until"/"hasta" year, and for a
    split the date of the split itself. ISO strings of year, month or day precision; None when
    the text gives no time (never guessed). Once per cue: every pair a cue joins shares it."""
    key = ("stated_time", at, kind == "split")
    hit = ctx.cache.get(key)
    if hit is None:
        hit = ctx.cache[key] = _stated_time(ctx, i, at, kind)
    return hit


def _stated_time(ctx: DocContext, i: int, at: int, kind: str) -> tuple[str | None, str | None]:
    s = ctx.sentences[i]
    starts: list[tuple[int, str]] = []
    # each pattern runs only where its words occur (substring tests in C)
    text = ctx.folded[s.start:s.end]
    since = "since" in text or "desde" in text
    named_year = bool(ctx.of(i, "year"))
    if since and named_year:
        for m in _SINCE_YEAR.finditer(ctx.folded, s.start, s.end):
            starts.append((m.start(), m.group("y")))
    if ctx.pub is not None:
        year = ctx.pub.year
        if since and ("this year" in text or "este ano" in text):
            for m in _SINCE_THIS_YEAR.finditer(ctx.folded, s.start, s.end):
                starts.append((m.start(), str(year)))
        if since and ("last year" in text or "ano pasado" in text):
            for m in _SINCE_LAST_YEAR.finditer(ctx.folded, s.start, s.end):
                starts.append((m.start(), str(year - 1)))
        spans = ("for" in text or "durante" in text or since) and any(map(text.__contains__, _SPAN_UNITS))
        for m in (_FOR_SPAN.finditer(ctx.folded, s.start, s.end) if spans else ()):
            n = _count(ctx, i, m)
            if n is None:
                continue
            if m.group("unit") in ("anos", "years"):
                starts.append((m.start(), str(year - n)))
            else:
                month = ctx.pub.year * 12 + ctx.pub.month - 1 - n
                starts.append((m.start(), f"{month // 12:04d}-{month % 12 + 1:02d}"))
    # a date opens the relation only after "since"/"desde" (opens_state), which then stands in the
    # sentence: the word before the date lies in it, and one at the date's start too, as a
    # sentence never ends inside a word; most cues' sentences have none, and need no dates read
    if since or kind == "split":
        for d in sentence_dates(ctx, i):
            if d.value and (kind == "split" or opens_state(ctx.folded, d.start, s.start)):
                starts.append((d.start, d.value))
    # only times of the cue's own clause ("the armed wing of the Gulf Cartel, but the group
    # broke away and has fought it since 2010": 2010 dates the war, not the armed wing)
    starts = [x for x in starts if _same_time_clause(ctx, x[0], at)]
    until = next((m.group("y") for m in _UNTIL_YEAR.finditer(ctx.folded, s.start, s.end)
                  if _same_time_clause(ctx, m.start(), at)), None) \
        if named_year and ("until" in text or "hasta" in text) else None
    if not starts:
        return None, until
    after = [x for x in starts if x[0] >= at]
    _, start = min(after, key=lambda x: x[0]) if after else max(starts, key=lambda x: x[0])
    return start, until


# a new clause for the purpose of dating: a stop, or a comma opening a coordinated, relative or
# causal clause
_TIME_CLAUSE_BREAK: Final = re.compile(r"[;:]|\.\s|,\s*(?:but|and|which|who|that|while|as|because|pero|aunque|mientras|"
                                r"que|quien|quienes|y|e|porque|ya que)\b")


def _same_time_clause(ctx: DocContext, a: int, b: int) -> bool:
    if a > b:
        a, b = b, a
    return _TIME_CLAUSE_BREAK.search(ctx.folded, a, b) is None


def _count(ctx: DocContext, i: int, m: re.Match) -> int | None:
    """The number of a "for N years" span: digits, or a number word the pack knows."""
    n = m.group("n")
    if n.isdigit():
        return int(n)
    word = next((w for w in ctx.of(i, "num") if w.start == m.start("n") and w.end == m.end("n")), None)
    return int(word.key) if word is not None and word.key.isdigit() else None


def _current_parent(ctx: DocContext, actor) -> str | None:
    """The actor's parent group, unless the pack says the link ended before the article (Los
    Zetas left the Gulf Cartel in 2010 and have fought it since)."""
    # ISO strings compare in date order; a link that ended in "2010" has ended for any 2010 article
    if actor.parent_to and (ctx.pub is None or ctx.pub.isoformat() >= str(actor.parent_to)):
        return None
    return actor.parent


_LEADERS: Final[dict[int, tuple]] = {}


def _shared_leader(ctx: DocContext, found: dict[tuple, ExtractedRelation], a: str, b: str) -> bool:
    """One person leads both groups now, by the knowledge pack or by a leader_of the text states
    ("La Familia Michoacana, led by ... José Alfredo Hurtado", whom the pack has lead La Nueva
    Familia Michoacana): two names of one organisation. The pack's leaders are read once."""
    leaders = per_pack(_LEADERS, ctx.pack, _current_leaders)
    return bool(_leaders_of(leaders, found, a) & _leaders_of(leaders, found, b))


def _leaders_of(leaders: dict[str, set[str]], found: dict[tuple, ExtractedRelation], group: str) -> set[str]:
    stated = {r.a for r in found.values() if r.kind == "leader_of" and r.b == group}
    return leaders.get(group, set()) | stated


def _one_organisation(ctx: DocContext, found: dict[tuple, ExtractedRelation], kind: str, a: str, b: str) -> bool:
    """A standing relation between a group and its own current parent (a clash between factions
    is no war with their cartel), or a rivalry between two groups one person leads now, joins
    parts of one organisation, not two parties."""
    if kind in STANDING and (_current_parent(ctx, ctx.pack.actors[a]) == b or _current_parent(ctx, ctx.pack.actors[b]) == a):
        return True
    return kind == "rivalry" and _shared_leader(ctx, found, a, b)


def _current_leaders(pack) -> dict[str, set[str]]:
    """Group -> the persons the pack has lead it now (a lead with no end)."""
    leaders: dict[str, set[str]] = {}
    for actor in pack.actors.values():
        for lead in actor.leads:
            if lead.to is None:
                leaders.setdefault(lead.actor, set()).add(actor.id)
    return leaders


def _without_parents(ctx: DocContext, refs: list[ActorRef]) -> list[ActorRef]:
    """The refs less those naming the current parent of another one."""
    parents = {_current_parent(ctx, ctx.pack.actors[r.actor_id]) for r in refs}
    return [r for r in refs if r.actor_id not in parents]


def _leads_now(ctx: DocContext, person: str) -> bool:
    """The knowledge pack gives the person a lead with no end."""
    return any(lead.to is None for lead in ctx.pack.actors[person].leads)


def _key(r: ExtractedRelation) -> tuple:
    return _pair_key(r.kind, r.a, r.b)


def _pair_key(kind: str, a: str, b: str) -> tuple:
    """The key a relation is filed under: one per kind and pair, unordered for symmetric kinds."""
    if kind in SYMMETRIC:
        return (kind, frozenset((a, b)))
    return (kind, a, b)


def _as_party(ctx: DocContext, ref: ActorRef, kind: str, other: str | None = None) -> str | None:
    """The actor a mention stands for in a group relation (persons become their faction)."""
    actor = ctx.pack.actors[ref.actor_id]
    if kind == "leader_of":
        return ref.actor_id
    if actor.kind == "person":
        led = person_groups(ctx, ref.actor_id, prefer_faction=True)
        return led[0] if led else None
    if actor.kind in GROUP_KINDS or (kind in ("alliance", "supplies") and actor.kind in FORCE_KINDS):
        return ref.actor_id
    return None


def _past(ctx: DocContext, pos: int, i: int) -> bool:
    """A past-relation word shortly before the cue ("former ally of") makes it history, unless
    a name stands between them: in "antigua aliada del CJNG, ahora combate a Los Viagras" the
    word belongs to the CJNG, and the war is current."""
    s = ctx.sentences[i]
    window_start = max(s.start, pos - PAST_WINDOW)
    for m in ctx.cues(i, "past_relation"):
        if window_start <= m.start <= pos + 2:
            if not any(m.end <= r.start and r.end <= pos for r in ctx.actors_in(i)):
                return True
    return False


PAST_APPOSITION_REACH: Final = 25


def _past_apposition(ctx: DocContext, ref: ActorRef) -> bool:
    """The name follows a past-relation word ("a former ally of the CJNG"): it is not the
    subject of the sentence's current relation."""
    return any(m.end <= ref.start and ref.start - m.end <= PAST_APPOSITION_REACH
               for m in ctx.cues(ref.sentence, "past_relation"))


# "Los Metros split from the Gulf Cartel and now fight ...": the second predicate shares the subject
# (a place may close the first predicate: "aliados del Cártel de Sinaloa en Ciudad Juárez y enemigos de La Línea")
_NEXT_PREDICATE: Final = re.compile(r"^(?:\s+(?:in|en|at|near|cerca de)\s+[^,;.]{1,40}?)?\s*,?\s*(?:and|y|e|but|pero|yet)\s+(?:\w+\s+){0,2}$")


def _subject(ctx: DocContext, left: list[ActorRef], cue) -> ActorRef:
    """The party on the left of a cue: the nearest name, except a name that is the object of
    an earlier predicate, of a past-relation word or inside a relative clause that closes
    before the cue ("The CDN, which broke away from Los Zetas, fights the Gulf Cartel"), when
    an earlier name can be the subject."""
    if len(left) >= 2 and _NEXT_PREDICATE.match(ctx.folded[left[-1].end:cue.start]):
        return left[0]
    if _ANTECEDENT_GAP.match(ctx.folded[left[-1].end:cue.start]):
        return left[-1]  # "... Los Mexicles, quienes son aliados del Cártel de Sinaloa"
    current = [r for r in left if not _past_apposition(ctx, r) and not _in_relative_clause(ctx, r, cue.start)]
    return current[-1] if current else left[-1]


# "its main rival", "their allies", "sus enemigos": the owner is named before
_OWNER_BEFORE: Final = EndingAt(r"\b(?:its|their|su|sus)\s+(?:\w+\s+)?$")


def _owned(ctx: DocContext, cue: Match) -> bool:
    return bool(_OWNER_BEFORE.before(ctx, cue.start, 24))


# "le disputa", "los combate": a cue that opens with a Spanish object pronoun (the cue lists
# spell these forms; "la pelea entre", "los enfrentamientos" are an article and a noun)
_CLITIC: Final = re.compile(r"(?:le|les|lo|los|la(?=\s+combate))\s")


def _clitic_object(ctx: DocContext, cue: Match) -> bool:
    return bool(_CLITIC.match(ctx.folded, cue.start))


# between the owner of a relation noun and the name a copula equates it with
_COPULA: Final = re.compile(r"[^,;.]{0,40}?\b(?:is|are|was|were|remains|es|son|era|eran|fue|fueron|sigue siendo|siguen siendo)\s+"
                     r"(?:the\s+|el\s+|la\s+|los\s+|las\s+)?$")
_POSSESSIVE_AFTER: Final = re.compile(r"\s+(?:a\s+)?(?:its|their|su|sus)\s")
_POSSESSIVE_BEFORE: Final = EndingAt(r"\b(?:su|sus|its|their|his|her)\s+$")
_ANTECEDENT_GAP: Final = re.compile(r"^\s*,\s*(?:which|who|que|quien|quienes|el cual|la cual|los cuales|las cuales)\b[^,]*$")
# a relative clause, or an apposition whose noun a relative or a preposition ties to the name
# ("The United Cartels, an alliance that includes Los Viagras, has fought the CJNG")
_RELATIVE_OPENING: Final = re.compile(r",\s*(?:(?:which|who|that|que|quien|quienes|el cual|la cual|los cuales|las cuales)\b"
                               r"|(?:an?|un|una)\s+[^,]*?\b(?:that|which|que|with|con|of|de|del|to|al)\s)[^,]*$")


def _in_relative_clause(ctx: DocContext, ref: ActorRef, until: int) -> bool:
    s = ctx.sentences[ref.sentence]
    opened = ctx.folded.rfind(",", s.start, ref.start)
    return (opened >= 0 and bool(_RELATIVE_OPENING.match(ctx.folded, opened, ref.start))
            and "," in ctx.folded[ref.end:until])


def _same_clause(ctx: DocContext, a: int, b: int) -> bool:
    if a > b:
        a, b = b, a
    return not _clause_break(ctx.folded[a:b])


class _Found:
    """The relations one document states, one per pair and kind, with all their evidence.
    A class rather than a closure inside :func:`detect`: compiled, a closure and its frame
    refer to each other, and that cycle kept each document's state alive until the cyclic
    collector ran."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.found: dict[tuple, ExtractedRelation] = {}

    def add(self, kind: str, a: str | None, b: str | None, i: int, level: str, at: int | None = None) -> None:
        """Record a relation stated in sentence ``i``; ``at`` is its cue's position, from
        which the time the text gives for it is read."""
        if not a or not b or a == b:
            return
        ctx, found = self.ctx, self.found
        pa, pb = ctx.pack.actors[a], ctx.pack.actors[b]
        if _one_organisation(ctx, found, kind, a, b):
            return
        if kind == "leader_of" and (pa.kind != "person" or pb.kind == "person"):
            return
        if pa.kind == "state_force" and pb.kind == "state_force":
            return  # "agents of the Attorney General's Office, backed by marines": an operation, no alliance
        s = ctx.sentences[i]
        valid_from, valid_to = stated_time(ctx, i, at, kind) if at is not None else (None, None)
        k = _pair_key(kind, a, b)
        known = found.get(k)
        if known is None:
            found[k] = ExtractedRelation(kind, a, b, certainty=level, valid_from=valid_from, valid_to=valid_to,
                                         evidence=[Evidence(s.text, s.start, s.end, f"cue:{kind}")])
            return
        for ev in known.evidence:
            if ev.start == s.start:
                break  # one entry per sentence
        else:
            known.evidence.append(Evidence(s.text, s.start, s.end, f"cue:{kind}"))
        known.valid_from = known.valid_from or valid_from
        known.valid_to = known.valid_to or valid_to


def detect(ctx: DocContext, events: list[ExtractedEvent]) -> list[ExtractedRelation]:
    stated = _Found(ctx)
    found = stated.found
    for i in ctx.sentences_with("rel"):
        s = ctx.sentences[i]
        cues = _outermost(ctx.usable(i, "rel"))
        if not cues:
            continue
        c = cert.of_sentence(ctx, i, cues[0].start)
        # "habría establecido una alianza ..., aunque esa versión nunca ha sido confirmada": a rumour
        hedged = c.level in ("speculative", "denied") or (
            c.level == "alleged" and bool(ctx.cues(i, "unconfirmed"))) or cert.rumour_told_next(ctx, i)
        # "hay quien dice que el CJNG anda aliado con los Chapitos, pero eso nomas son chismes": no
        # pact or war, though who leads or belongs to whom may still be told in passing
        debunked = cert.rumour_debunked(ctx, i)
        if hedged and not any(_presupposed(ctx, cue) for cue in cues):
            continue
        every = ctx.actors_in(i)
        refs = [r for r in every if (not describes(ctx, r) or _UNNAMED_FACTIONS.before(ctx, r.start, 40, sliced=True)
                                     or _names_faction(ctx, r) or _UNNAMED_CELL.before(ctx, r.start, 30, sliced=True))
                and not _viewpoint(ctx, s, r)]
        if len(every) < 2 and not (every and (ctx.lang == "es" or any(c.key == "split" or _owned(ctx, c) for c in cues))) \
                and not names_a_pair(ctx.folded, s.start, s.end):
            continue  # (one name: a dropped subject or a split's two factions may be the other; none:
            # "the two groups" may name both)
        for cue in cues:
            kind = cue.key
            level = c.level
            if debunked and kind not in ("leader_of", "faction_of"):
                continue
            if hedged:
                if not _presupposed(ctx, cue):
                    continue
                level = "reported"
            if kind in _SOUGHT_KINDS and purpose(ctx, cue):
                continue  # "bishops tried to broker a truce", "buscaron pactar una alianza": sought, not made
            if kind == "alliance" and _ALLIED_PAIR_BEFORE.before(ctx, cue.start, 30) \
                    and not _ALLY_OF_AFTER.match(ctx.folded, cue.end) \
                    and not ctx.folded[cue.start:cue.end].endswith((" de", " del", " con", " a", " al", " of", " with", " to")):
                # "Los Viagras y Cárteles Unidos, organizaciones aliadas que ... con el CJNG": the pair
                # before the noun are the allies, not the group named after
                allies = [r for r in every if r.end <= cue.start][-2:]
                if len(allies) == 2:
                    stated.add("alliance", _as_party(ctx, allies[0], kind), _as_party(ctx, allies[1], kind), i, level, cue.start)
                continue
            if kind == "alliance" and _MEMBERS_BEFORE.before(ctx, cue.start, 20):
                continue
            if kind == "alliance" and _APPOSED_NOUN.before(ctx, cue.start, 8) and _COALITION_NOUN.match(ctx.folded, cue.start) \
                    and any(0 <= cue.start - r.end <= 8 for r in every):
                continue  # "Cárteles Unidos, la coalición de grupos locales que ...": what that group is
            if kind == "alliance" and _INDEFINITE_BEFORE.before(ctx, cue.start, 8) \
                    and _NAMING_AFTER.search(ctx.folded, cue.end, min(cue.end + 50, s.end)):
                continue  # "y una coalición de grupos locales llamada Cárteles Unidos": what that group is
            if _past(ctx, cue.start, i) or (kind == "split" and _long_ago(ctx, i, cue)) \
                    or (kind != "faction_of" and _historic(ctx, i)):
                continue
            # "La Línea, facción del Cártel de Juárez": for faction_of the described parent is the party
            pool = every if kind == "faction_of" else refs
            left = _prefer_groups(ctx, [r for r in pool if r.end <= cue.start and _same_clause(ctx, r.end, cue.start)], kind)
            if not left and kind != "faction_of":
                left = _described_faction(ctx, every, cue)
            right = everything_right = [r for r in pool if r.start >= cue.end and _same_clause(ctx, cue.end, r.start)]
            if kind in SYMMETRIC and len({r.actor_id for r in right}) < 2:
                # "la guerra entre las dos facciones del Cártel de Sinaloa: Los Chapitos y La Mayiza",
                # "the fighting between its two factions - Los Chapitos, ..., and La Mayiza": the pair
                # is listed after the noun that counts it
                listed = _PAIR_THEN_LIST.match(ctx.folded, cue.end, s.end)
                if listed:
                    right = everything_right = [r for r in pool if r.start >= listed.end()]
            if kind not in ("leader_of", "faction_of"):
                # one mention per party: "el Cártel Jalisco Nueva Generación (CJNG) ... y Cárteles Unidos"
                right = list({r.actor_id: r for r in reversed(_coordinated_run(ctx, right))}.values())[::-1]
            if kind == "leader_of":
                persons = [r for r in left + right if ctx.known[r.actor_id].kind == "person"]
                if any(r.via == "loyalty" and 0 <= cue.start - r.end <= 2 for r in left) and not any(
                        _leads_now(ctx, r.actor_id) for r in right if ctx.known[r.actor_id].kind == "person"):
                    continue  # "the faction loyal to El Mayo" (jailed): loyalty to him, no one he leads now
                groups = [r for r in left + right if ctx.known[r.actor_id].kind != "person"]
                # "run by the sons of El Chapo": a relative of the leader is not the leader
                persons = [r for r in persons if not _KIN_BEFORE.before(ctx, r.start, KIN_REACH)
                           and not _KIN_AFTER.match(ctx.folded, r.end)
                           and not _JAILED_BEFORE.before(ctx, r.start, KIN_REACH)]
                if persons and _LED_NOUN_BEFORE.before(ctx, cue.start, 30):
                    # "la facción que encabeza el Mayito Flaco": the faction the pack names after him
                    # (else the group he leads), not the next group the sentence names
                    leader = min(persons, key=lambda r: _distance(r, cue))
                    own = named_faction(ctx.pack, leader.actor_id) or next(iter(person_groups(ctx, leader.actor_id, prefer_faction=True)), None)
                    if own and _distance(leader, cue) <= LEADER_REACH:
                        stated.add("leader_of", leader.actor_id, own, i, level, cue.start)
                        continue
                if persons and groups:
                    after = [r for r in persons if r.start >= cue.end]
                    # "led by X", "liderado por X": the leader follows the cue, and a person
                    # before it ("loyal to El Mayo, and Los Chapitos, headed by ...") is not
                    if _PASSIVE.search(ctx.folded[cue.start:cue.end]):
                        if not after:
                            continue
                        pool = after
                    else:
                        pool = persons
                    leader = min(pool, key=lambda r: _distance(r, cue))
                    if _JAILED_AFTER.match(ctx.folded, leader.end):
                        continue  # "La Mayiza, loyal to Ismael "El Mayo" Zambada, who is jailed": he leads no one now
                    # a group beyond the person, on the person's side, belongs to another clause
                    g_side = [g for g in groups if not ((g.start > cue.start) == (leader.start > cue.start)
                                                        and _distance(g, cue) > _distance(leader, cue))] or groups
                    led = min(g_side, key=lambda r: _distance(r, cue))
                    if ctx.folded.startswith("'", cue.start):
                        # "the CJNG, Nemesio 'El Mencho' Oseguera's organization, and Cárteles
                        # Unidos": the group the possessive stands in apposition to, if any
                        apposed = next((g for g in groups if _POSSESSOR_APPOSITION.fullmatch(ctx.folded, g.end, leader.start)
                                        or _APPOSITIVE_AFTER.fullmatch(ctx.folded, cue.end, g.start)), None)
                        if apposed is None:
                            continue
                        led = apposed
                    if led.via == "coref" or led.end <= cue.start and any(
                            led.end <= n.start and n.end <= cue.start for n in ctx.cues(i, "generic_group_nouns")):
                        # "Cárteles Unidos, formed to stop the advance of the organisation led by
                        # El Mencho": a group noun, not the group named before it, is what he
                        # leads; the pack says which group that is
                        known = person_groups(ctx, leader.actor_id)
                        if known and led.actor_id not in known and led.actor_id != named_faction(ctx.pack, leader.actor_id):
                            led = ActorRef(led.start, led.end, known[0], i, led.surface, via="coref")
                    if (_distance(leader, cue) <= LEADER_REACH or _named_then_alias(ctx, cue, leader)) \
                            and _distance(led, cue) <= LEADER_REACH:
                        for person in _co_leaders(ctx, persons, leader):
                            stated.add("leader_of", person.actor_id, led.actor_id, i, level, cue.start)
                continue
            if kind == "faction_of":
                if _POSSESSIVE_BEFORE.before(ctx, cue.start, 8):
                    # "La Línea y Los Aztecas, su brazo armado, ...": the owner is named before
                    if len(left) >= 2 and _plausible_faction(ctx, left[-1].actor_id, left[-2].actor_id):
                        stated.add("faction_of", left[-1].actor_id, left[-2].actor_id, i, level, cue.start)
                    continue
                if left and right and _plausible_faction(ctx, left[-1].actor_id, right[0].actor_id):
                    stated.add("faction_of", left[-1].actor_id, right[0].actor_id, i, level, cue.start)
                elif len(right) >= 2 and not left and ctx.folded.startswith(_WITHIN, cue.start):
                    # "Dentro de la coalición, Los Viagras aportan hombres": the member follows
                    if _plausible_faction(ctx, right[1].actor_id, right[0].actor_id):
                        stated.add("faction_of", right[1].actor_id, right[0].actor_id, i, level, cue.start)
                elif len(right) >= 2 and _AMONG_BEFORE.before(ctx, right[1].start, 20) \
                        and _plausible_faction(ctx, right[1].actor_id, right[0].actor_id):
                    # "local groups that belong to the Cárteles Unidos coalition, among them Los Viagras"
                    stated.add("faction_of", right[1].actor_id, right[0].actor_id, i, level, cue.start)
                elif right and not left and names_a_pair(ctx.folded, s.start, cue.start):
                    # "Las dos organizaciones son facciones del Cártel de Sinaloa": the two just named
                    for r in _pair_before(ctx, i) or ():
                        if _plausible_faction(ctx, r.actor_id, right[0].actor_id):
                            stated.add("faction_of", r.actor_id, right[0].actor_id, i, level, cue.start)
                continue
            if kind == "split":
                # "the Sinaloa Cartel broke in two: the Chapitos and La Mayiza": the split is between
                # the factions the sentence names, not between a parent and its faction
                factions = sorted({r.actor_id for r in every if ctx.pack.actors[r.actor_id].parent_relation == "faction_of"})
                by_parent: dict[str, list[str]] = {}
                for f in factions:
                    parent = ctx.known[f].parent
                    if parent:
                        by_parent.setdefault(parent, []).append(f)
                pairs = [(x, y) for fs in by_parent.values() for n, x in enumerate(fs) for y in fs[n + 1:]]
                if not pairs and len({r.actor_id for r in every}) == 1:
                    # "How the Sinaloa Cartel broke in two": the two factions the article names
                    pairs = _named_factions(ctx, every[0].actor_id)
                if pairs:
                    for x, y in pairs:
                        stated.add("split", x, y, i, level, cue.start)
                    continue
            opposed = AGAINST.search(ctx.folded, cue.end, s.end) if kind == "alliance" else None
            if opposed:
                # "X and Y announced an alliance against Z": allies before, a common enemy after
                allies = [r for r in left[-2:]] + [r for r in right if r.start < opposed.start()]
                # the enemy follows "against" / "para hacer frente al", not coordinated with the allies
                parties = [_as_party(ctx, r, kind) for r in allies]
                # ("against its rivals": a reference back to an ally is not the enemy)
                enemies = [r for r in everything_right if r.start >= opposed.end()
                           and _as_party(ctx, r, "rivalry") not in parties]
                for n, ally in enumerate(parties):
                    for other in parties[n + 1:]:
                        stated.add("alliance", ally, other, i, level, cue.start)
                for party in parties:
                    for enemy in enemies:
                        stated.add("rivalry", party, _as_party(ctx, enemy, "rivalry"), i, level, cue.start)
                continue
            if left and right:
                subject = _as_party(ctx, _subject(ctx, left, cue), kind)
                if subject:
                    for r in right:
                        stated.add(kind, subject, _as_party(ctx, r, kind, subject), i, level, cue.start)
                elif len(right) >= 2:
                    # "prosecutors said ... the dispute between X and Y": the speaker is not a party
                    stated.add(kind, _as_party(ctx, right[0], kind), _as_party(ctx, right[1], kind), i, level, cue.start)
            elif left and kind in STANDING and _clitic_object(ctx, cue):
                # "Sin embargo, el CJNG le disputa la plaza": the object is the group the
                # sentence before is about
                owner = _dropped_subject(ctx, i, owner=True)
                subject = _as_party(ctx, _subject(ctx, left, cue), kind)
                if owner is not None and subject:
                    stated.add(kind, subject, _as_party(ctx, owner, kind, subject), i, level, cue.start)
            elif len(left) >= 2 and not purpose(ctx, cue) and not _POSSESSIVE_BEFORE.before(ctx, cue.start, 8) \
                    and not _POSSESSIVE_AFTER.match(ctx.folded, cue.end):
                # "X y Y se enfrentaron"; but in "X buscó el respaldo de Y para enfrentar a su
                # rival" or "against its rivals" the rival is someone else, and X and Y are not its parties;
                # a parent named in apposition ("X y Y, las dos facciones del Cártel de Sinaloa, se
                # disputan") is not one of the two
                named = _without_parents(ctx, left) if kind in STANDING else left
                if len(named) >= 2:
                    stated.add(kind, _as_party(ctx, named[-2], kind), _as_party(ctx, named[-1], kind), i, level, cue.start)
            elif len(right) >= 2:
                stated.add(kind, _as_party(ctx, right[0], kind), _as_party(ctx, right[1], kind), i, level, cue.start)
            elif not left and kind in SYMMETRIC and len(everything_right) >= 2 and _COPULA.match(
                    ctx.folded, everything_right[0].end, everything_right[1].start):
                # "el principal enemigo del CJNG en Michoacán son Los Viagras": the noun's owner and
                # what the sentence says it is
                stated.add(kind, _as_party(ctx, everything_right[0], kind), _as_party(ctx, everything_right[1], kind),
                    i, level, cue.start)
            elif not right and not left and kind in STANDING and names_a_pair(ctx.folded, s.start, s.end):
                pair = _pair_before(ctx, i)
                if pair:
                    stated.add(kind, _as_party(ctx, pair[0], kind), _as_party(ctx, pair[1], kind), i, level, cue.start)
            elif right and kind in STANDING and not any(r.start < cue.start for r in every):
                dropped = _dropped_subject(ctx, i, _owned(ctx, cue))
                if dropped is not None:
                    stated.add(kind, _as_party(ctx, dropped, kind), _as_party(ctx, right[0], kind), i, level, cue.start)

    _known_factions(ctx, stated)
    _coalition_members(ctx, stated)
    _led_by_owner(ctx, stated)
    _event_relations(ctx, events, found)
    for rel in found.values():
        if rel.certainty == "alleged" and rel.kind in SYMMETRIC:
            rel.certainty = "reported"
    return list(found.values())


def _outermost(cues: list[Match]) -> list[Match]:
    """The relation cues less those inside a longer cue of another kind: "pacto de no agresión"
    and "non-aggression pact" are a ceasefire, not also the alliance "pacto" / "pact" names;
    "coalición enemiga" is a rivalry, not the coalition "coalición" names."""
    if len(cues) < 2:
        return cues
    return [m for m in cues if not any(n.key != m.key and n.start <= m.start and m.end <= n.end
                                       and n.end - n.start > m.end - m.start for n in cues)]


def _event_relations(ctx: DocContext, events: list[ExtractedEvent], found: dict[tuple, ExtractedRelation]) -> None:
    """Battles between groups give rivalries, agreements alliances or ceasefires (unless the
    text already stated that relation, whose evidence is kept)."""
    for e in events:
        groups = [a for a in e.actors if ctx.known[a].kind in GROUP_KINDS]
        if len(groups) < 2:
            continue
        kind = {"Battles": "rivalry"}.get(e.event_type)
        if e.sub_event_type == "Agreement":
            i = ctx.sentence_of(e.evidence[0].start)
            truce = any(m.key == "ceasefire" for m in ctx.of(i, "rel"))
            kind = "ceasefire" if truce else "alliance"
        if kind:
            ev = e.evidence[0]
            for other in groups[1:]:
                if kind == "rivalry" and (_one_organisation(ctx, found, kind, groups[0], other)
                                          or _key(ExtractedRelation("alliance", groups[0], other)) in found):
                    continue  # "Los Viagras, a group allied with the CJNG, attacked ...": allies, not foes
                rel = ExtractedRelation(kind, groups[0], other, certainty=e.certainty,
                                        evidence=[Evidence(ev.sentence, ev.start, ev.end, f"event:{e.sub_event_type}")])
                found.setdefault(_key(rel), rel)
