"""Grammatical context shared by the event and relation steps (on folded text)."""
from __future__ import annotations

from typing import Final

import re

from cartelscope.extract.backward import EndingAt
from cartelscope.extract.context import ActorRef, DocContext
from cartelscope.extract.textmatch import Match

# "X and Y announced an alliance against Z", "un pacto contra Z": what follows is the common enemy
AGAINST: Final = re.compile(r"\b(?:against|to fight|to confront|to counter|to stop|to push back|to hold off|contra|"
                     r"para enfrentar|para combatir|para frenar|para contener|para detener|para hacer frente|"
                     r"frente al?)\b")

# "La Mayiza, a faction of the Sinaloa Cartel", "dentro del Cártel de Sinaloa": the group after
# these words only describes the faction named before it
_DESCRIBES: Final = EndingAt(r"(?:(?:factions?|wings?|cells?|faccion|facciones|celulas?|brazos? armados?|escision|"
                        r"splinters?|offshoots?)\s+(?:armad[oa]s?\s+|armed\s+)?(?:of|del|de la|de los|de)|\b(?:within|inside|dentro del|dentro de)"
                        # "en alianza con grupos ligados al Cártel de Sinaloa": the groups, not the cartel
                        r"|\b(?:grupos|bandas|celulas|groups|gangs|cells)\s+(?:ligad[oa]s|vinculad[oa]s|linked|tied)\s+(?:al|a|to))\s+"
                        r"(?:the\s+|el\s+|la\s+)?$")
DESCRIPTION_REACH: Final = 30


# "La Línea, the Juárez Cartel faction that ...": the name modifies the faction noun after it;
# not "the Chapitos faction of the Sinaloa Cartel" nor "the Chapitos and Mayiza factions", where
# the names are the factions themselves
_MODIFIES: Final = re.compile(r"\s*(?:'s\s+)?(?:armed\s+)?(?:faction|wing|cells?|splinter|offshoot)\b(?!\s+(?:of|de|del)\b)")


def describes(ctx: DocContext, ref: ActorRef) -> bool:
    """True when the mention only describes another group ('a faction of the Sinaloa Cartel',
    'the Juárez Cartel faction')."""
    # every noun _MODIFIES names is one of the pack's faction_nouns cues, so it can only match
    # in a sentence that has one
    return bool(_DESCRIBES.before(ctx, ref.start, DESCRIPTION_REACH, sliced=True)
                or (ctx.cues(ref.sentence, "faction_nouns") and _MODIFIES.match(ctx.folded, ref.end)))


# an article between an aim and its object: "evitar una masacre", "to avoid a clash"
_ARTICLE_GAP: Final = re.compile(r"\s+(?:una?|a|an|the|el|la)\s+")
PURPOSE_REACH: Final = 40  # characters from the start of an aim or charge phrase to the word it governs
# the cue lists of aims and charges, and whether an article may stand before the governed word
_ARTICLE_ALLOWED: Final[dict[str, bool]] = {"aims": False, "charges": True, "aims_object": True}


def purpose(ctx: DocContext, m: Match) -> bool:
    """True when the phrase at ``m`` is the aim of another action ("para enfrentar a su rival",
    "in order to attack", "evitar una masacre") or a criminal charge ("charged with
    kidnapping"), not a fact of the report: one of the pack's ``aims``, ``aims_object`` or
    ``charges`` cues stands right before it, with only spaces (and for an aim with an object,
    an article) between. Most sentences have none of these cues and are answered at once."""
    for start, end, article in _aims_by_sentence(ctx).get(m.sentence, ()):
        if end < m.start and start >= m.start - PURPOSE_REACH:
            gap = ctx.folded[end:m.start]
            if gap.isspace() or (article and _ARTICLE_GAP.fullmatch(gap)):
                return True
        if article and end < m.start and start >= m.start - CHARGE_LIST_REACH \
                and _CHARGE_LIST.fullmatch(ctx.folded, end, m.start):
            return True  # the last of a list of charges: "por asociación delictuosa, extorsión y secuestro"
    return False


def governs_in(ctx: DocContext, i: int) -> bool:
    """Some aim or charge cue may govern a word of sentence ``i``: else :func:`purpose` is False
    for every match of the sentence, and need not be asked."""
    return i in _aims_by_sentence(ctx)


CHARGE_LIST_REACH: Final = 90
# the charges before the last one: ", extorsión y ", " homicide, extortion and "
_CHARGE_LIST: Final = re.compile(r"(?:,?\s+[a-z]+)*\s*(?:,|\s(?:y|e|and|or|o))\s+")


def _aims_by_sentence(ctx: DocContext) -> dict[int, list[tuple[int, int, bool]]]:
    """(start, end, article allowed) of the aim and charge cues that may govern a word of each
    sentence: its own, and those of the sentence before (a cue may end the line before:
    "... para\nenfrentar"). Once per document."""
    table = ctx.cache.get("aims")
    if table is None:
        table = ctx.cache["aims"] = {}
        for key, article in _ARTICLE_ALLOWED.items():  # (each list's cues, not every cue of the text)
            for i in ctx.sentences_with_cue(key):
                for m in ctx.cues(i, key):
                    for j in (m.sentence, m.sentence + 1):
                        table.setdefault(j, []).append((m.start, m.end, article))
    return table

