"""Grammatical context shared by the event and relation steps (on folded text)."""
from __future__ import annotations

import re

from cartelscope.extract.backward import EndingAt
from cartelscope.extract.context import ActorRef, DocContext
from cartelscope.extract.textmatch import Match

# "X and Y announced an alliance against Z", "un pacto contra Z": what follows is the common enemy
AGAINST = re.compile(r"\b(?:against|to fight|to confront|contra|para enfrentar|para combatir|frente a)\b")

# "La Mayiza, a faction of the Sinaloa Cartel", "dentro del Cártel de Sinaloa": the group after
# these words only describes the faction named before it
_DESCRIBES = EndingAt(r"(?:(?:factions?|wings?|cells?|faccion|facciones|celulas?|brazos? armados?|escision|"
                        r"splinters?|offshoots?)\s+(?:armad[oa]s?\s+|armed\s+)?(?:of|del|de la|de los|de)|\b(?:within|inside|dentro del|dentro de))\s+"
                        r"(?:the\s+|el\s+|la\s+)?$")
DESCRIPTION_REACH = 30


# "La Línea, the Juárez Cartel faction that ...": the name modifies the faction noun after it
_MODIFIES = re.compile(r"\s*(?:'s\s+)?(?:armed\s+)?(?:factions?|wing|cells?|splinter|offshoot)\b")


def describes(ctx: DocContext, ref: ActorRef) -> bool:
    """True when the mention only describes another group ('a faction of the Sinaloa Cartel',
    'the Juárez Cartel faction')."""
    # every noun _MODIFIES names is one of the pack's faction_nouns cues, so it can only match
    # in a sentence that has one
    return bool(_DESCRIBES.before(ctx, ref.start, DESCRIPTION_REACH, sliced=True)
                or (ctx.cues(ref.sentence, "faction_nouns") and _MODIFIES.match(ctx.folded, ref.end)))


# "para enfrentar a su rival", "in order to attack", "evitar una masacre": an aim, not something
# that happened
_PURPOSE = (r"\b(?:para|in order to|so as to|con el fin de|a fin de|"
            r"(?:evitar|impedir|avoid|prevent|avert)(?:\s+(?:una?|a|an|the|el|la))?)\s+$")


# "órdenes de aprehensión por secuestro", "charged with kidnapping": a charge, not an incident
_CHARGE = (r"\b(?:(?:por )?(?:el |los )?delitos? de|charged with|charges of|accused of|convicted of|"
           r"sentenced for|ordenes? de aprehension por|vinculad[oa]s? a proceso por|procesad[oa]s? por)\s+$")
_AIM_OR_CHARGE = EndingAt(f"(?:{_PURPOSE})|(?:{_CHARGE})")


PURPOSE_REACH = 40


def purpose(ctx: DocContext, m: Match) -> bool:
    """True when the phrase at ``m`` is the aim of another action or a criminal charge, not a
    fact of the report."""
    return _AIM_OR_CHARGE.before(ctx, m.start, PURPOSE_REACH)
